/**
 * Notebook 04-funds-and-trade (funds with a partner state and its trade with Central Asia): the tables, captions and
 * sentences that notebook shows, built and tested here. Every function takes a {@link FundsTradeView} (a
 * {@link Notebook} is one) and reads right for any focal state and as-of date: a state that is in no fund or no trade
 * pair gets a sentence saying so and why, never an empty table.
 * @example
 * const nb = notebook({ focal: "GEO", asOf: "2016" }, { quiet: true });
 * tradeScopeText(pkg.trade, [], nb, ["reporter", "mirror"]).source.includes("Georgia is in none of these pairs") // => true
 * @module
 */
import { type Iso3, mergeSources } from "../core/types";
import { countWord, formatNumber, formatPercent, formatUsd } from "../core/format";
import { calendarYear, effectiveFrom, periodLabel, queryDay } from "../core/period";
import type { FundRow, GapRow, SourceRow, StateRow, TradeRow } from "../data/resources";
import { latestFundRows } from "../indicators/funds/latest";
import { fundsByPartner, fundsByYear, pledgedVsPaid } from "../indicators/funds/aggregate";
import { rowSources } from "../indicators/series/sources";
import { percentChange } from "../indicators/series/change";
import type { Series } from "../core/types";
import type { TableInput } from "../figures/table";
import type { PlotlyFigure } from "../figures/plotly";
import { comparisonBarsFigure } from "../figures/comparison-bars";
import { timeSeriesFigure } from "../figures/time-series";
import { type Markdown, md, mdJoin } from "../display/safe-text";
import { formatDate } from "./as-of";
import { capitalize, countText, isAre, listPhrase } from "./prose";
import { maxOf, minOf } from "../core/extent";

/**
 * What the functions of this module need of the notebook context ({@link Notebook} has all of it).
 * @category Funds and trade (04)
 */
export interface FundsTradeView {
  /** The focal state. */
  readonly focal: string;
  /** Its name. */
  readonly name: string;
  /** The as-of date (ISO). */
  readonly asOf: string;
  /** The as-of date in words. */
  readonly asOfText: string;
  /** The source catalogue, for figure footnotes. */
  readonly catalog: readonly SourceRow[];
  /** The states, for names and regions. */
  readonly pkg: { readonly states: readonly Pick<StateRow, "iso3" | "name" | "region">[] };
  /** A state's short name. */
  stateName(iso3: string): string;
  /** The publishers of sources, joined with "; ". */
  publishers(ids: readonly string[]): string;
  /** The latest publication date of sources ("" when none is dated). */
  published(ids: readonly string[]): string;
}

/**
 * A table with the title it is registered under.
 * @category Funds and trade (04)
 */
export type TitledTable = TableInput & { readonly title: string };

const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);
const millions = (usd: number | undefined) => (usd === undefined ? null : usd / 1e6);
const byAsOf = (a: FundRow, b: FundRow) => effectiveFrom(a.as_of) - effectiveFrom(b.as_of);

/**
 * A fund's name without the bracketed alternative names.
 * @example fundShortName("Azerbaijan–Uzbekistan Investment Fund (Azerbaijani-Uzbek Investment Company)") // => "Azerbaijan–Uzbekistan Investment Fund"
 * @category Funds and trade (04)
 */
export function fundShortName(name: string): string {
  return name.replace(/\s*\([^)]*\)/g, "").trim();
}

/**
 * "it", "both", "all five" or "one of the five": `part` funds out of `total`, for "published for …".
 * @example ofTotal(1, 5) // => "one of the five"
 * @example ofTotal(2, 2) // => "both"
 * @category Funds and trade (04)
 */
export function ofTotal(part: number, total: number): string {
  if (part === total) return total === 1 ? "it" : total === 2 ? "both" : `all ${countWord(total)}`;
  return `${countWord(part)} of the ${countWord(total)}`;
}

// ── Funds ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The statements of capital of the funds `focal` is a partner of, dated by `asOf`, by fund and date.
 * @example fundStatements(pkg.funds, "KGZ", "2024-12-31").map((f) => f.as_of) // => ["2022-10-11", "2024-02-12", "2024-04-24", "2023-03-16", "2024-05-18"]
 * @category Funds and trade (04)
 */
export function fundStatements(rows: readonly FundRow[], focal: string, asOf: string): FundRow[] {
  const day = queryDay(asOf);
  return rows
    .filter((r) => (r.partners as readonly string[]).includes(focal) && effectiveFrom(r.as_of) <= day)
    .sort((a, b) => a.id.localeCompare(b.id) || byAsOf(a, b));
}

/**
 * The opening sentence of the funds section: what funds.csv covers (computed from all its rows), then which funds
 * the focal state has by the as-of date, or why it has none (in no fund at all; or none dated by then).
 * @example fundsIntro(pkg.funds, [], pkg.gaps, notebook({ focal: "GEO" }, { quiet: true })).source.includes("None has Georgia as a partner") // => true
 * @category Funds and trade (04)
 */
export function fundsIntro(
  all: readonly FundRow[],
  statements: readonly FundRow[],
  gaps: readonly Pick<GapRow, "resource" | "description">[],
  view: FundsTradeView,
): Markdown {
  const latest = latestFundRows(all);
  const common =
    latest.length === 0 ? [] : latest[0]!.partners.filter((p) => latest.every((f) => f.partners.includes(p)));
  const others = [...new Set(latest.flatMap((f) => f.partners))].filter((p) => !common.includes(p)).sort();
  const names = (ids: readonly string[]) => listPhrase(ids.map((p) => view.stateName(p)));
  const scope = md`funds.csv records ${countText(latest.length, "fund or joint company", "funds and joint companies")}${
    common.length > 0 ? `, ${latest.length === 1 ? "with" : "each with"} ${names(common)} as a partner` : ""
  }${others.length > 0 ? `; the other partners are ${names(others)}` : ""}.`;
  const mine = latest.filter((f) => (f.partners as readonly string[]).includes(view.focal));
  if (mine.length === 0) {
    const searched = gaps.filter((g) => g.resource === "funds" && g.description.includes(view.name));
    return md`${scope} None has ${view.name} as a partner, so this section has nothing to show for it${
      searched.length > 0 ? ` (searched for and not found: ${searched.map((g) => g.description).join("; ")})` : ""
    }.`;
  }
  if (statements.length === 0) {
    const first = all.filter((f) => mine.some((m) => m.id === f.id)).sort(byAsOf)[0]!;
    return md`${scope} ${capitalize(countText(mine.length, "fund"))} ${mine.length === 1 ? "has" : "have"} ${view.name} as a partner, but none of their statements of capital is dated and published by ${formatDate(view.asOf)}: the first is dated ${formatDate(first.as_of)} (${fundShortName(first.name)}).`;
  }
  const now = latestFundRows(statements, view.asOf);
  return md`${scope} As of **${view.asOfText}**, ${countText(now.length, "fund")} with ${view.name} as a partner ${isAre(now.length)} on record (${listPhrase(now.map((f) => fundShortName(f.name)))}), from ${countText(statements.length, "published statement")} of capital.`;
}

/**
 * The sentence for a part of the funds section that has nothing to show, with the reason: the focal state is in no
 * fund of funds.csv, or none of its funds has a statement by the as-of date.
 * @example fundsEmpty(pkg.funds, notebook({ focal: "GEO" }, { quiet: true }), "capital history") // => "funds.csv has no fund with Georgia as a partner, so there is no capital history to show."
 * @example fundsEmpty(pkg.funds, notebook({ focal: "KAZ", asOf: "2016" }, { quiet: true }), "capital history") // => "No fund with Kazakhstan as a partner has a statement of capital by 31 December 2016, so there is no capital history to show."
 * @category Funds and trade (04)
 */
export function fundsEmpty(all: readonly FundRow[], view: FundsTradeView, what: string): string {
  return all.some((f) => (f.partners as readonly string[]).includes(view.focal))
    ? `No fund with ${view.name} as a partner has a statement of capital by ${formatDate(view.asOf)}, so there is no ${what} to show.`
    : `funds.csv has no fund with ${view.name} as a partner, so there is no ${what} to show.`;
}

/**
 * The latest statement of each fund as a table (capital in USD million; an empty cell is a figure not published).
 * @example fundsLatestTable(latestFundRows(pkg.funds), notebook({ focal: "AZE" }, { quiet: true })).rows.find((r) => r.fund === "Azerbaijan–Kyrgyz Development Fund")?.share // => 25
 * @category Funds and trade (04)
 */
export function fundsLatestTable(latest: readonly FundRow[], view: FundsTradeView): TitledTable {
  return {
    title: `Investment funds with ${view.name} as a partner: latest statements, ${formatDate(view.asOf)}`,
    columns: [
      { key: "fund", label: "Fund" },
      { key: "partners", label: "Partners" },
      { key: "agreed", label: "Agreed" },
      { key: "established", label: "Established" },
      { key: "status", label: "Status" },
      { key: "asOf", label: "Statement of" },
      { key: "pledged", label: "Pledged", unit: "USD million" },
      { key: "paid", label: "Paid in", unit: "USD million" },
      { key: "share", label: "Paid in / pledged", unit: "%" },
    ],
    rows: latest.map((f) => {
      const share = pledgedVsPaid([f], view.asOf)[0]?.paidInShare;
      return {
        fund: fundShortName(f.name),
        partners: f.partners.join(", "),
        agreed: f.agreed ?? "",
        established: f.established ?? "",
        status: f.status,
        asOf: f.as_of,
        pledged: millions(f.pledged_usd),
        paid: millions(f.paid_in_usd),
        share: share === undefined ? null : Math.round(share * 10) / 10,
      };
    }),
    sources: mergeSources(...latest.map((f) => rowSources(f))),
  };
}

/**
 * Pledged against paid-in capital of each fund's latest statement, as horizontal bars (n/a: not published).
 * @example isEmptyFigure(fundsCapitalFigure([], notebook({ focal: "GEO" }, { quiet: true }))) // => true
 * @category Funds and trade (04)
 */
export function fundsCapitalFigure(latest: readonly FundRow[], view: FundsTradeView): PlotlyFigure {
  return comparisonBarsFigure(
    {
      quantity: "Capital",
      unit: "USD",
      bars: latest.flatMap((f) => [
        {
          label: "Pledged",
          group: fundShortName(f.name),
          value: f.pledged_usd ?? null,
          colorKey: "pledged",
          period: `statement of ${f.as_of}`,
          sources: rowSources(f),
        },
        {
          label: "Paid in",
          group: fundShortName(f.name),
          value: f.paid_in_usd ?? null,
          colorKey: "paid-in",
          period: `statement of ${f.as_of}`,
          sources: rowSources(f),
        },
      ]),
      sources: [],
    },
    {
      title: `Investment funds with ${view.name} as a partner: pledged against paid-in capital`,
      subtitle: `Latest statement of each fund as of ${formatDate(view.asOf)}${
        latest.some((f) => f.pledged_usd === undefined || f.paid_in_usd === undefined)
          ? "; n/a: no figure published"
          : ""
      }`,
      horizontal: true,
      sourceCatalog: view.catalog,
      height: 180 + latest.length * 70,
      noData: `No fund with ${view.name} as a partner has a statement of capital by ${formatDate(view.asOf)}.`,
    },
  );
}

/**
 * What the latest statements say: how many funds are bilateral, where paid-in capital is published, and which funds
 * have no capital figure (or none on their latest statement).
 * @example fundsStatementsText(fundStatements(pkg.funds, "KAZ", "2024-12-31"), notebook({ focal: "KAZ", asOf: "2024" }, { quiet: true })).source.includes("No paid-in capital is published for any of the three") // => true
 * @category Funds and trade (04)
 */
export function fundsStatementsText(statements: readonly FundRow[], view: FundsTradeView): Markdown {
  const latest = latestFundRows(statements, view.asOf);
  if (latest.length === 0)
    return md`**What the statements say.** No fund with ${view.name} as a partner has a statement of capital by ${formatDate(view.asOf)}.`;
  const short = (f: { readonly name: string }) => fundShortName(f.name);
  const lastPledge = (id: string) =>
    statements
      .filter((r) => r.id === id && r.pledged_usd !== undefined)
      .sort(byAsOf)
      .at(-1);
  const bilateral = latest.filter((f) => f.partners.length === 2);
  const paid = pledgedVsPaid(latest, view.asOf).filter((f) => f.paidInUsd !== undefined);
  const noPledgeNow = latest.filter((f) => f.pledged_usd === undefined && lastPledge(f.id) !== undefined);
  const neverPledged = latest.filter((f) => lastPledge(f.id) === undefined);
  const n = latest.length;
  return mdJoin(
    [
      md`**What the statements say.**`,
      n === 1
        ? `${short(latest[0]!)} (${latest[0]!.status}) has ${countText(latest[0]!.partners.length, "partner")}.`
        : bilateral.length === 0
          ? `None of the ${countWord(n)} is bilateral.`
          : `${capitalize(ofTotal(bilateral.length, n))} ${bilateral.length === 1 ? "is" : "are"} bilateral: ${listPhrase(bilateral.map((f) => `${short(f)} (${f.status})`))}.`,
      paid.length === 0
        ? `No paid-in capital is published for ${n === 1 ? "it" : `any of the ${countWord(n)}`}.`
        : `Paid-in capital is published for ${ofTotal(paid.length, n)}: ${paid
            .map(
              (f) =>
                `${short(f)}, ${formatUsd(f.paidInUsd!)} of ${f.pledgedUsd === undefined ? "an unpublished pledge" : formatUsd(f.pledgedUsd)}${
                  f.paidInShare === undefined ? "" : ` (${formatPercent(f.paidInShare)})`
                }, statement of ${formatDate(f.asOf)}`,
            )
            .join("; ")}.`,
      ...noPledgeNow.map((f) => {
        const r = lastPledge(f.id)!;
        return `The latest statement of ${short(f)} (${formatDate(f.as_of)}) gives no capital; its last published pledge was ${formatUsd(r.pledged_usd!)} (statement of ${formatDate(r.as_of)}, when it was ${r.status}).`;
      }),
      neverPledged.length > 0 ? `No capital figure has been published for ${listPhrase(neverPledged.map(short))}.` : "",
    ].filter((part) => part !== ""),
    " ",
  );
}

/**
 * Every statement of capital, by fund and date, with who published it.
 * @example capitalHistoryTable(fundStatements(pkg.funds, "KGZ", "2024-12-31"), notebook({ focal: "KGZ", asOf: "2024" }, { quiet: true })).rows.length // => 5
 * @category Funds and trade (04)
 */
export function capitalHistoryTable(statements: readonly FundRow[], view: FundsTradeView): TitledTable {
  return {
    title: `Capital statements of the funds with ${view.name} as a partner, to ${formatDate(view.asOf)}`,
    columns: [
      { key: "fund", label: "Fund" },
      { key: "asOf", label: "Statement of" },
      { key: "status", label: "Status" },
      { key: "pledged", label: "Pledged", unit: "USD million" },
      { key: "paid", label: "Paid in", unit: "USD million" },
      { key: "source", label: "Published by" },
    ],
    rows: statements.map((f) => ({
      fund: fundShortName(f.name),
      asOf: f.as_of,
      status: f.status,
      pledged: millions(f.pledged_usd),
      paid: millions(f.paid_in_usd),
      source: view.publishers(f.sources),
    })),
    sources: mergeSources(...statements.map((f) => rowSources(f))),
  };
}

/**
 * The statements that give a capital figure, of the fund with most of them (ties: first by id), by date; empty when
 * no fund has two such statements (one statement has no history to chart).
 * @example fundWithMostStatements(pkg.funds).map((f) => f.as_of) // => ["2022-10-11", "2024-02-12", "2024-04-24", "2025-10-24"]
 * @example fundWithMostStatements(pkg.funds.filter((f) => f.id === "kaz-aze-investment-fund")) // => []
 * @category Funds and trade (04)
 */
export function fundWithMostStatements(statements: readonly FundRow[]): FundRow[] {
  const ids = [...new Set(statements.map((f) => f.id))].sort();
  const withFigure = ids.map((id) =>
    statements.filter((f) => f.id === id && (f.pledged_usd !== undefined || f.paid_in_usd !== undefined)).sort(byAsOf),
  );
  const best = withFigure.reduce<FundRow[]>((a, b) => (b.length > a.length ? b : a), []);
  return best.length > 1 ? best : [];
}

/**
 * The sentence when no fund has a capital history to chart.
 * @example capitalHistoryEmpty(notebook({ focal: "GEO", asOf: "2016" }, { quiet: true })) // => "No fund with Georgia as a partner has two statements giving a capital figure by 31 December 2016, so there is no history of capital to chart."
 * @category Funds and trade (04)
 */
export function capitalHistoryEmpty(view: FundsTradeView): string {
  return `No fund with ${view.name} as a partner has two statements giving a capital figure by ${formatDate(view.asOf)}, so there is no history of capital to chart.`;
}

/**
 * One fund's statements of capital as bars per statement (a statement without a figure gets no bar).
 * @example capitalHistoryFigure(fundWithMostStatements(pkg.funds), notebook({ focal: "AZE" }, { quiet: true })).layout.title.text.includes("2022–2025") // => true
 * @category Funds and trade (04)
 */
export function capitalHistoryFigure(rows: readonly FundRow[], view: FundsTradeView): PlotlyFigure {
  const first = rows[0];
  const last = rows.at(-1);
  const years =
    first && last ? `${first.as_of.slice(0, 4)}–${last.as_of.slice(0, 4)}`.replace(/^(\d{4})–\1$/, "$1") : "";
  return comparisonBarsFigure(
    {
      quantity: "Capital",
      unit: "USD",
      bars: rows.flatMap((r) => [
        ...(r.pledged_usd !== undefined
          ? [
              {
                label: "Pledged (authorised)",
                group: r.as_of,
                value: r.pledged_usd,
                colorKey: "pledged",
                period: `statement of ${r.as_of}`,
                sources: rowSources(r),
              },
            ]
          : []),
        ...(r.paid_in_usd !== undefined
          ? [
              {
                label: "Paid in",
                group: r.as_of,
                value: r.paid_in_usd,
                colorKey: "paid-in",
                period: `statement of ${r.as_of}`,
                sources: rowSources(r),
              },
            ]
          : []),
      ]),
      sources: [],
    },
    {
      title: first ? `${fundShortName(first.name)}: capital statements, ${years}` : "Capital statements",
      subtitle: `Bars per published statement (date on the axis)${
        rows.some((r) => r.pledged_usd === undefined || r.paid_in_usd === undefined)
          ? "; a missing bar: no figure in that statement"
          : ""
      }`,
      horizontal: false,
      sourceCatalog: view.catalog,
      noData: capitalHistoryEmpty(view),
    },
  );
}

/**
 * The caption of {@link capitalHistoryFigure}.
 * @example capitalHistoryCaption(fundWithMostStatements(pkg.funds)) // => "Capital statements of the Azerbaijan–Kyrgyz Development Fund from 11 October 2022 to 24 October 2025."
 * @category Funds and trade (04)
 */
export function capitalHistoryCaption(rows: readonly FundRow[]): string {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return "No capital statements.";
  return `Capital statements of the ${fundShortName(first.name)} from ${formatDate(first.as_of)} to ${formatDate(last.as_of)}.`;
}

/**
 * How one fund's pledged and paid-in capital moved from statement to statement, never comparing a statement with
 * itself.
 * @example capitalHistoryText(fundWithMostStatements(pkg.funds)).source.includes("rose from &#36;25 million (11 October 2022) to &#36;100 million (24 October 2025), +300 % on paper") // => true
 * @category Funds and trade (04)
 */
export function capitalHistoryText(rows: readonly FundRow[]): Markdown {
  const first = rows[0];
  if (!first) return md``;
  const pledges = rows.filter((r) => r.pledged_usd !== undefined);
  const paids = rows.filter((r) => r.paid_in_usd !== undefined);
  const p0 = pledges[0];
  const p1 = pledges.at(-1);
  const at = (r: FundRow) => `(${formatDate(r.as_of)})`;
  let pledged = "No pledged figure is published.";
  if (p0 && p1 && p0 === p1)
    pledged = `Its pledged capital is published once: ${formatUsd(p0.pledged_usd!)} ${at(p0)}.`;
  else if (p0 && p1 && p0.pledged_usd === p1.pledged_usd)
    pledged = `Its pledged capital stayed at ${formatUsd(p1.pledged_usd!)} from ${formatDate(p0.as_of)} to ${formatDate(p1.as_of)}.`;
  else if (p0 && p1)
    pledged = `Its pledged capital ${p1.pledged_usd! > p0.pledged_usd! ? "rose" : "fell"} from ${formatUsd(p0.pledged_usd!)} ${at(p0)} to ${formatUsd(p1.pledged_usd!)} ${at(p1)}, ${formatPercent(percentChange(p0.pledged_usd, p1.pledged_usd), { sign: true })} on paper.`;
  const lastPaid = paids.at(-1);
  const pledgeThen = lastPaid && pledges.filter((r) => effectiveFrom(r.as_of) <= effectiveFrom(lastPaid.as_of)).at(-1);
  const paid = !lastPaid
    ? "No paid-in figure is published."
    : `Paid-in capital is reported in ${countText(paids.length, "statement")}: ${listPhrase(paids.map((r) => `${formatUsd(r.paid_in_usd!)} ${at(r)}`))}${
        pledgeThen?.pledged_usd
          ? `; ${paids.length === 1 ? "that is" : "the latest is"} ${formatPercent((lastPaid.paid_in_usd! / pledgeThen.pledged_usd) * 100)} of the ${formatUsd(pledgeThen.pledged_usd)} pledged then`
          : ""
      }.`;
  return md`**${fundShortName(first.name)}.** ${pledged} ${paid}`;
}

/**
 * Funds by partner (each fund counted in full for every partner, so rows overlap) and by year agreed (each fund
 * once), from the latest statements; a sum over no published figure is empty, not zero.
 * @example fundsTotalsTable(pkg.funds, notebook({ focal: "AZE" }, { quiet: true })).rows.filter((r) => r.by === "partner").map((r) => r.key) // => ["Kazakhstan", "Kyrgyzstan", "Türkiye", "Uzbekistan"]
 * @category Funds and trade (04)
 */
export function fundsTotalsTable(statements: readonly FundRow[], view: FundsTradeView): TitledTable {
  const byPartner = fundsByPartner(statements, { asOf: view.asOf, exclude: [view.focal as Iso3] });
  const byYear = fundsByYear(statements, { asOf: view.asOf });
  const row = (by: string, key: string, t: (typeof byYear)[number]) => ({
    by,
    key,
    count: t.count,
    pledged: t.pledgedMissing === t.count ? null : t.pledgedUsd / 1e6,
    pledgedMissing: t.pledgedMissing,
    paid: t.paidInMissing === t.count ? null : t.paidInUsd / 1e6,
    paidMissing: t.paidInMissing,
  });
  return {
    title: `Funds with ${view.name} as a partner, by partner and by year agreed, ${formatDate(view.asOf)}`,
    columns: [
      { key: "by", label: "Grouped by" },
      { key: "key", label: "Partner or year" },
      { key: "count", label: "Funds", unit: "count" },
      { key: "pledged", label: "Pledged, where published", unit: "USD million" },
      { key: "pledgedMissing", label: "Funds without a pledged figure", unit: "count" },
      { key: "paid", label: "Paid in, where published", unit: "USD million" },
      { key: "paidMissing", label: "Funds without a paid-in figure", unit: "count" },
    ],
    rows: [
      ...byPartner.map((t) => row("partner", view.stateName(t.key), t)),
      ...byYear.map((t) => row("year agreed", t.key, t)),
    ],
    sources: mergeSources(...byPartner.map((t) => t.sources), ...byYear.map((t) => t.sources)),
  };
}

/**
 * The funds with more than two partners, and how often each is counted in the partner totals (which therefore
 * overlap); or that every fund is bilateral.
 * @example multilateralText(latestFundRows(pkg.funds), notebook({ focal: "AZE" }, { quiet: true })).source.includes("Turkic Investment Fund in four") // => true
 * @category Funds and trade (04)
 */
export function multilateralText(latest: readonly FundRow[], view: FundsTradeView): Markdown {
  const multi = latest.filter((f) => f.partners.length > 2);
  if (multi.length === 0)
    return md`**Overlap.** Every fund with ${view.name} as a partner is bilateral, so each appears in one partner row above and the partner totals do not overlap.`;
  const describe = (f: FundRow) =>
    `${fundShortName(f.name)} (${listPhrase(f.partners.map((p) => view.stateName(p)))}; ${
      f.pledged_usd === undefined && f.paid_in_usd === undefined
        ? "no capital published"
        : `${f.pledged_usd === undefined ? "pledge not published" : `${formatUsd(f.pledged_usd)} pledged`}, ${f.paid_in_usd === undefined ? "paid-in not published" : `${formatUsd(f.paid_in_usd)} paid in`}`
    }; ${f.status} in its statement of ${formatDate(f.as_of)})`;
  const times = multi.map(
    (f) => `${fundShortName(f.name)} in ${countWord(f.partners.filter((p) => p !== view.focal).length)}`,
  );
  return md`**Funds with more than two partners.** ${capitalize(listPhrase(multi.map(describe)))}. Each is counted in full in the row of every partner above (${listPhrase(times)}), so the partner totals overlap and must not be added up; the totals by year count each fund once.`;
}

/**
 * The gaps of one resource (gaps.csv): what was searched for and not found, as a Markdown list.
 * @example gapsText([{ resource: "trade", description: "Turkmen-side statistics" }], "trade").source // => "**Gaps.** What was searched for and not found (gaps.csv):\n\n- Turkmen-side statistics"
 * @example gapsText([], "funds").source // => "**Gaps.** gaps.csv records no search without result for funds."
 * @category Funds and trade (04)
 */
export function gapsText(gaps: readonly Pick<GapRow, "resource" | "description">[], resource: string): Markdown {
  const mine = gaps.filter((g) => g.resource === resource);
  if (mine.length === 0) return md`**Gaps.** gaps.csv records no search without result for ${resource}.`;
  return md`**Gaps.** What was searched for and not found (gaps.csv):\n\n${mdJoin(
    mine.map((g) => md`- ${g.description}`),
    "\n",
  )}`;
}

// ── Trade ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A side of the trade statistics.
 * @category Funds and trade (04)
 */
export type TradeSide = TradeRow["side"];

/**
 * The sides a scenario compares: `strict` reporter and mirror, `with_unclear` also figures of unnamed source.
 * @example tradeSides("strict") // => ["reporter", "mirror"]
 * @example tradeSides("with_unclear") // => ["reporter", "mirror", "unclear"]
 * @category Funds and trade (04)
 */
export function tradeSides(scenario: string): TradeSide[] {
  return scenario === "with_unclear" ? ["reporter", "mirror", "unclear"] : ["reporter", "mirror"];
}

/**
 * Who publishes a side of one pair: "Azerbaijan's customs (reporter)", "Kazakhstan's statistics (mirror)".
 * @example sideLabel("mirror", "AZE", "KAZ", notebook({ focal: "AZE" }, { quiet: true })) // => "Kazakhstan's statistics (mirror)"
 * @category Funds and trade (04)
 */
export function sideLabel(
  side: string,
  reporter: string,
  partner: string,
  view: Pick<FundsTradeView, "stateName">,
): string {
  if (side === "reporter") return `${possessive(view.stateName(reporter))} customs (reporter)`;
  if (side === "mirror") return `${possessive(view.stateName(partner))} statistics (mirror)`;
  return "source not named (unclear)";
}

/**
 * The trade rows of the focal state's pairs (as reporter or as partner) on the scenario's sides, for periods ended
 * by the as-of date. Pass the rows known by then (`nb.known.trade`).
 * @example tradeRows(pkg.trade, { focal: "TJK", asOf: "2026-03-10" }, ["mirror"]).length // => 2
 * @category Funds and trade (04)
 */
export function tradeRows(
  rows: readonly TradeRow[],
  view: Pick<FundsTradeView, "focal" | "asOf">,
  sides: readonly string[],
): TradeRow[] {
  const day = queryDay(view.asOf);
  return rows.filter(
    (r) =>
      (r.reporter === view.focal || r.partner === view.focal) &&
      sides.includes(r.side) &&
      effectiveFrom(r.period_end) <= day,
  );
}

/**
 * The partners of the focal state's trade pairs in the data: a reporter's partners, or the state itself when it is a
 * partner (charts and tables are by partner), or none.
 * @example tradePartners(pkg.trade, "AZE") // => ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
 * @example tradePartners(pkg.trade, "KAZ") // => ["KAZ"]
 * @example tradePartners(pkg.trade, "GEO") // => []
 * @category Funds and trade (04)
 */
export function tradePartners(rows: readonly TradeRow[], focal: string): string[] {
  const mine = rows.filter((r) => r.reporter === focal || r.partner === focal);
  return [...new Set(mine.map((r) => r.partner as string))].sort();
}

/**
 * What trade.csv covers, computed from all its rows (which reporters, which partners), then what that leaves for the
 * focal state: all its partners, its trade with the reporter from each side the data hold, or nothing and why; and,
 * when its pairs have no figure by the as-of date on the scenario's sides, why.
 * @example tradeScopeText(pkg.trade, [], notebook({ focal: "GEO" }, { quiet: true }), ["reporter", "mirror"]).source.startsWith("trade.csv covers only Azerbaijan's trade with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan") // => true
 * @category Funds and trade (04)
 */
export function tradeScopeText(
  all: readonly TradeRow[],
  shown: readonly TradeRow[],
  view: FundsTradeView,
  sides: readonly string[],
): Markdown {
  const reporters = [...new Set(all.map((r) => r.reporter as string))].sort();
  const partnersOf = (rep: string) =>
    [...new Set(all.filter((r) => r.reporter === rep).map((r) => r.partner as string))].sort();
  const pairs = reporters.map(
    (rep) =>
      `${possessive(view.stateName(rep))} trade with ${listPhrase(partnersOf(rep).map((p) => view.stateName(p)))}`,
  );
  const scope =
    all.length === 0
      ? md`trade.csv holds no trade figures.`
      : md`trade.csv covers only ${listPhrase(pairs)} (${countText(all.length, "figure")}, each for one pair of a reporter and a partner).`;
  const mine = all.filter((r) => r.reporter === view.focal || r.partner === view.focal);
  if (mine.length === 0)
    return md`${scope} ${view.name} is in none of these pairs, neither as reporter nor as partner, so this section has no trade to show for it.`;
  let focalPart: string;
  if (reporters.includes(view.focal)) {
    focalPart = `${view.name} is the reporter: its trade with each of the ${countText(partnersOf(view.focal).length, "partner")} follows, one side of the statistics at a time.`;
  } else {
    const reps = [...new Set(mine.map((r) => r.reporter as string))];
    const labels = (["reporter", "mirror", "unclear"] as const).map((s) => ({
      s,
      label:
        s === "unclear"
          ? "quotes without a named source (unclear)"
          : listPhrase(
              reps.map((rep) => sideLabel(s, rep, view.focal, view)),
              { conjunction: "or" },
            ),
    }));
    const present = labels.filter((x) => mine.some((r) => r.side === x.s)).map((x) => x.label);
    const absent = labels.filter((x) => x.s !== "unclear" && !mine.some((r) => r.side === x.s)).map((x) => x.label);
    focalPart = `For ${view.name} that is its trade with ${listPhrase(reps.map((r) => view.stateName(r)))}, with figures from ${listPhrase(present)}${
      absent.length > 0 ? `; none from ${listPhrase(absent, { conjunction: "or" })}` : ""
    }.`;
  }
  if (shown.length > 0) return md`${scope} ${focalPart}`;
  const onSides = mine.filter((r) => sides.includes(r.side));
  const sideWords = listPhrase([...sides], { conjunction: "or" });
  const why =
    onSides.length === 0
      ? `None of its ${countText(mine.length, "figure")} is from the ${sideWords} side; the with_unclear scenario shows figures of unnamed source.`
      : (() => {
          const first = [...onSides].sort((a, b) => a.period_end.localeCompare(b.period_end))[0]!;
          return `No ${sideWords} figure of ${pairsTitle(mine, view)} covers a period ended, and published, by ${formatDate(view.asOf)}: the earliest covers ${periodLabel(first.period_start, first.period_end)} (${view.stateName(first.partner)}, ${first.side} side).`;
        })();
  return md`${scope} ${focalPart} ${why}`;
}

/** The figure of a period chosen for a chart: the one whose sources were published last (ties: by id). */
function newest(rows: readonly TradeRow[], view: Pick<FundsTradeView, "published">): TradeRow | undefined {
  return [...rows].sort(
    (a, b) => view.published(b.sources).localeCompare(view.published(a.sources)) || a.id.localeCompare(b.id),
  )[0];
}

/**
 * The sentence for a part of the trade section that has nothing to show, with the reason: the focal state is in no
 * pair of trade.csv, or its pairs have no figure on the scenario's sides by the as-of date.
 * @example tradeEmpty(pkg.trade, notebook({ focal: "GEO" }, { quiet: true }), ["reporter", "mirror"]) // => "trade.csv has no trade pair with Georgia, so there are no figures to compare."
 * @example tradeEmpty(pkg.trade, notebook({ focal: "KAZ", asOf: "2016" }, { quiet: true }), ["reporter", "mirror"]) // => "No reporter or mirror figure of Azerbaijan's trade with Kazakhstan by 31 December 2016, so there are no figures to compare."
 * @category Funds and trade (04)
 */
export function tradeEmpty(all: readonly TradeRow[], view: FundsTradeView, sides: readonly string[]): string {
  const mine = all.filter((r) => r.reporter === view.focal || r.partner === view.focal);
  if (mine.length === 0) return `trade.csv has no trade pair with ${view.name}, so there are no figures to compare.`;
  return `No ${listPhrase([...sides], { conjunction: "or" })} figure of ${pairsTitle(mine, view)} by ${formatDate(view.asOf)}, so there are no figures to compare.`;
}

/**
 * The caption of a partner's {@link tradeTurnoverFigure}.
 * @example tradeTurnoverCaption(pkg.trade, "KAZ", notebook({ focal: "AZE" }, { quiet: true })) // => "Azerbaijan's trade turnover with Kazakhstan, each side of the statistics drawn separately."
 * @category Funds and trade (04)
 */
export function tradeTurnoverCaption(rows: readonly TradeRow[], partner: string, view: FundsTradeView): string {
  return `${pairsTitle(
    rows.filter((r) => r.partner === partner),
    view,
  ).replace(" trade with ", " trade turnover with ")}, each side of the statistics drawn separately.`;
}

/**
 * One side of one partner's trade, one flow, as a series: a point per period, the latest release where a side
 * published several figures for it; `undefined` when the side has no such figure.
 * @example tradeSideSeries(pkg.trade, "KAZ", "mirror", "turnover", notebook({ focal: "AZE" }, { quiet: true }))?.points.find((p) => p.label === "2022")?.value // => 463300000
 * @category Funds and trade (04)
 */
export function tradeSideSeries(
  rows: readonly TradeRow[],
  partner: string,
  side: string,
  flow: string,
  view: Pick<FundsTradeView, "published" | "stateName">,
): Series | undefined {
  const mine = rows.filter((r) => r.partner === partner && r.side === side && r.flow === flow);
  const first = mine[0];
  if (!first) return undefined;
  const periods = [...new Set(mine.map((r) => `${r.period_start}|${r.period_end}`))].sort();
  return {
    id: `trade:${partner}:${side}:${flow}`,
    label: sideLabel(side, first.reporter, partner, view),
    metric: flow,
    unit: "USD",
    scope: side,
    points: periods.map((p) => {
      const [start = "", end = ""] = p.split("|");
      const r = newest(
        mine.filter((x) => x.period_start === start && x.period_end === end),
        view,
      )!;
      return {
        periodStart: start,
        periodEnd: end,
        label: periodLabel(start, end),
        value: r.value_usd,
        status: "actual" as const,
        sources: rowSources(r),
      };
    }),
  };
}

/**
 * A partner's trade turnover, one series per side; a no-data figure (with the reason) when no side has a figure.
 * @example isEmptyFigure(tradeTurnoverFigure([], "KGZ", ["reporter"], notebook({ focal: "AZE", asOf: "2016" }, { quiet: true }))) // => true
 * @category Funds and trade (04)
 */
export function tradeTurnoverFigure(
  rows: readonly TradeRow[],
  partner: string,
  sides: readonly string[],
  view: FundsTradeView,
): PlotlyFigure {
  const series = sides
    .map((s) => tradeSideSeries(rows, partner, s, "turnover", view))
    .filter((s): s is Series => s !== undefined);
  const mine = rows.filter((r) => r.partner === partner);
  const pair =
    mine.length > 0 ? pairsTitle(mine, view) : `${possessive(view.name)} trade with ${view.stateName(partner)}`;
  return timeSeriesFigure(series, {
    title: `${pair.replace(" trade with ", " trade turnover with ")}, by side`,
    subtitle: series.map((s) => `${s.label}: ${countText(s.points.length, "period")}`).join("; "),
    quantity: "Trade turnover",
    sourceCatalog: view.catalog,
    noData: `No turnover figure from the ${listPhrase([...sides], { conjunction: "or" })} side for a period ended by ${formatDate(view.asOf)}.`,
  });
}

/**
 * What is published by partner and side: counts, full-year turnover figures and the latest period.
 * @example tradeCoverageTable(pkg.trade, ["TKM"], ["reporter", "mirror"], notebook({ focal: "TKM" }, { quiet: true })).rows[0] // => { partner: "Turkmenistan", reporter: 3, mirror: 0, years: "", latest: "Jan–Apr 2024 (reporter)" }
 * @category Funds and trade (04)
 */
export function tradeCoverageTable(
  rows: readonly TradeRow[],
  partners: readonly string[],
  sides: readonly string[],
  view: FundsTradeView,
): TitledTable {
  const shown = rows.filter((r) => sides.includes(r.side));
  return {
    title: `Trade figures by partner and side, to ${formatDate(view.asOf)}`,
    columns: [
      { key: "partner", label: "Partner" },
      ...sides.map((s) => ({ key: s, label: `${s} rows`, unit: "count" })),
      { key: "years", label: "Full-year turnover figures" },
      { key: "latest", label: "Latest period" },
    ],
    rows: partners.map((p) => {
      const mine = shown.filter((r) => r.partner === p);
      const full = mine.filter(
        (r) => r.flow === "turnover" && calendarYear(r.period_start, r.period_end) !== undefined,
      );
      const last = [...mine].sort((a, b) => a.period_end.localeCompare(b.period_end)).at(-1);
      return {
        partner: view.stateName(p),
        ...Object.fromEntries(sides.map((s) => [s, mine.filter((r) => r.side === s).length])),
        years: [...new Set(full.map((r) => `${r.period_start.slice(0, 4)} (${r.side})`))].sort().join(", "),
        latest: last ? `${periodLabel(last.period_start, last.period_end)} (${last.side})` : "",
      };
    }),
    sources: mergeSources(...shown.map((r) => rowSources(r))),
  };
}

/**
 * Two or more figures published for the same partner, period and flow.
 * @category Funds and trade (04)
 */
export interface TradeComparison {
  readonly partner: string;
  /** The period's label ("2022", "Jan–Apr 2024"). */
  readonly period: string;
  readonly flow: string;
  /** "revision within mirror", "mirror vs reporter", "unclear vs reporter"… */
  readonly kind: string;
  readonly low: number;
  readonly high: number;
  /** The larger over the smaller, minus one, in percent. */
  readonly gap: number;
  readonly rows: readonly TradeRow[];
}

/**
 * Every period with more than one figure of a flow on the scenario's sides: revisions within a side (all its
 * releases) and one side against another (the latest release of each).
 * @example tradeComparisons(pkg.trade, ["reporter", "mirror"], notebook({ focal: "AZE" }, { quiet: true })).map((c) => `${c.partner} ${c.period} ${c.flow}: ${c.kind}`) // => ["KAZ 2022 export: revision within mirror", "KAZ 2022 turnover: revision within mirror", "TJK 2022 turnover: revision within reporter", "TJK 2023 turnover: mirror vs reporter"]
 * @category Funds and trade (04)
 */
export function tradeComparisons(
  rows: readonly TradeRow[],
  sides: readonly string[],
  view: Pick<FundsTradeView, "published">,
): TradeComparison[] {
  const groups = new Map<string, TradeRow[]>();
  for (const r of rows.filter((x) => sides.includes(x.side))) {
    const k = `${r.partner}|${r.period_start}|${r.period_end}|${r.flow}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out: TradeComparison[] = [];
  for (const [k, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (group.length < 2) continue;
    const [partner = "", start = "", end = "", flow = ""] = k.split("|");
    const push = (kind: string, compared: readonly TradeRow[]) => {
      const low = minOf(compared.map((r) => r.value_usd));
      const high = maxOf(compared.map((r) => r.value_usd));
      out.push({
        partner,
        period: periodLabel(start, end),
        flow,
        kind,
        low,
        high,
        gap: low > 0 ? (high / low - 1) * 100 : 0,
        rows: compared,
      });
    };
    const bySide = (s: string) => group.filter((r) => r.side === s);
    for (const s of sides) if (bySide(s).length > 1) push(`revision within ${s}`, bySide(s));
    sides.forEach((a, i) => {
      for (const b of sides.slice(i + 1)) {
        const ra = newest(bySide(a), view);
        const rb = newest(bySide(b), view);
        if (ra && rb) push(`${b} vs ${a}`, [ra, rb]);
      }
    });
  }
  return out;
}

/** "Azerbaijan's trade with Kazakhstan", "…with Central Asia" (partners in one region) or "…trade" (no rows), for titles. */
function pairsTitle(rows: readonly TradeRow[], view: FundsTradeView): string {
  const reporters = [...new Set(rows.map((r) => r.reporter as string))];
  const partners = [...new Set(rows.map((r) => r.partner as string))];
  const regions = [...new Set(partners.map((p) => view.pkg.states.find((s) => s.iso3 === p)?.region ?? ""))];
  const who = possessive(
    listPhrase(
      reporters.map((r) => view.stateName(r)),
      { empty: view.name },
    ),
  );
  if (partners.length === 0) return `${who} trade`;
  const other =
    partners.length === 1
      ? view.stateName(partners[0]!)
      : regions.length === 1 && regions[0]
        ? regions[0]
        : listPhrase(partners.map((p) => view.stateName(p)));
  return `${who} trade with ${other}`;
}

/**
 * The comparisons as a table: figures side by side, with their publishers.
 * @example tradeComparisonTable(tradeComparisons(pkg.trade, ["reporter", "mirror"], notebook({ focal: "AZE" }, { quiet: true })), pkg.trade, "strict", notebook({ focal: "AZE" }, { quiet: true })).rows.at(-1)?.gap // => 23
 * @category Funds and trade (04)
 */
export function tradeComparisonTable(
  comparisons: readonly TradeComparison[],
  rows: readonly TradeRow[],
  scenario: string,
  view: FundsTradeView,
): TitledTable {
  return {
    title: `${pairsTitle(rows, view)}: periods with more than one figure (${scenario})`,
    columns: [
      { key: "partner", label: "Partner" },
      { key: "period", label: "Period" },
      { key: "flow", label: "Flow" },
      { key: "kind", label: "Comparison" },
      { key: "figures", label: "Figures (side, publisher)" },
      { key: "gap", label: "Larger over smaller", unit: "%" },
    ],
    rows: comparisons.map((c) => ({
      partner: view.stateName(c.partner),
      period: c.period,
      flow: c.flow,
      kind: c.kind,
      figures: c.rows.map((r) => `${formatUsd(r.value_usd)} (${r.side}, ${view.publishers(r.sources)})`).join("; "),
      gap: Math.round(c.gap * 10) / 10,
    })),
    sources: mergeSources(...comparisons.flatMap((c) => c.rows.map((r) => rowSources(r)))),
  };
}

/**
 * The sentence for a comparison table without rows.
 * @example tradeComparisonEmpty(tradeRows(pkg.trade, { focal: "KGZ", asOf: "2026-03-10" }, ["reporter", "mirror"]), ["reporter", "mirror"], notebook({ focal: "KGZ" }, { quiet: true })) // => "No period of Azerbaijan's trade with Kyrgyzstan has more than one reporter or mirror figure by 10 March 2026, so there is nothing to compare."
 * @category Funds and trade (04)
 */
export function tradeComparisonEmpty(
  rows: readonly TradeRow[],
  sides: readonly string[],
  view: FundsTradeView,
): string {
  return `No period of ${pairsTitle(rows, view)} has more than one ${listPhrase([...sides], { conjunction: "or" })} figure by ${formatDate(view.asOf)}, so there is nothing to compare.`;
}

/**
 * How far apart two published figures for the same months are, as bars (a no-data figure when none).
 * @example isEmptyFigure(tradeGapFigure([], [], "strict", notebook({ focal: "KGZ" }, { quiet: true }))) // => true
 * @category Funds and trade (04)
 */
export function tradeGapFigure(
  comparisons: readonly TradeComparison[],
  rows: readonly TradeRow[],
  scenario: string,
  view: FundsTradeView,
): PlotlyFigure {
  return comparisonBarsFigure(
    {
      quantity: "Larger figure over smaller",
      unit: "percent",
      bars: comparisons.map((c) => ({
        label: `${view.stateName(c.partner)} ${c.period} ${c.flow}\n${c.kind}`,
        value: Math.round(c.gap * 10) / 10,
        colorKey: c.kind,
        period: c.period,
        sources: mergeSources(...c.rows.map((r) => rowSources(r))),
      })),
      sources: [],
    },
    {
      title: `Same period, different figures: ${pairsTitle(rows, view)}`,
      subtitle: `How far apart two published figures for the same months are; ${scenario === "strict" ? "reporter and mirror sides only" : "unnamed sources included"}`,
      horizontal: true,
      sourceCatalog: view.catalog,
      height: 220 + comparisons.length * 44,
      noData: tradeComparisonEmpty(rows, tradeSides(scenario), view),
    },
  );
}

/**
 * What the comparison shows: reporter against mirror period by period, revisions, partners without a mirror (or
 * without any) figure, figures of unnamed source that disagree, and how many figures cover part of a year.
 * @example tradeReadingText(pkg.trade, tradeComparisons(pkg.trade, ["reporter", "mirror"], notebook({ focal: "AZE" }, { quiet: true })), ["KAZ", "KGZ", "TJK", "TKM", "UZB"], ["reporter", "mirror"], notebook({ focal: "AZE" }, { quiet: true })).source.includes("no mirror figure for Kyrgyzstan, Turkmenistan and Uzbekistan by 10 March 2026") // => true
 * @category Funds and trade (04)
 */
export function tradeReadingText(
  rows: readonly TradeRow[],
  comparisons: readonly TradeComparison[],
  partners: readonly string[],
  sides: readonly string[],
  view: FundsTradeView,
): Markdown {
  const shown = rows.filter((r) => sides.includes(r.side));
  const name = (p: string) => view.stateName(p);
  const mvr = comparisons.filter((c) => c.kind === "mirror vs reporter");
  const revisions = comparisons.filter((c) => c.kind.startsWith("revision"));
  const unclear = comparisons.filter((c) => c.kind.includes("unclear") && !c.kind.startsWith("revision"));
  const none = partners.filter((p) => !shown.some((r) => r.partner === p));
  const noMirror = partners.filter(
    (p) => !none.includes(p) && !shown.some((r) => r.partner === p && r.side === "mirror"),
  );
  const partYear = shown.filter((r) => calendarYear(r.period_start, r.period_end) === undefined).length;
  const figure = (c: TradeComparison, side: string) => c.rows.find((r) => r.side === side)!.value_usd;
  return mdJoin(
    [
      md`**Reading the comparison.**`,
      mvr.length === 0
        ? "No period has both a reporter and a mirror figure, so the two sides cannot be compared directly."
        : `${capitalize(countText(mvr.length, "period"))} ${mvr.length === 1 ? "has" : "have"} both a reporter and a mirror figure: ${mvr
            .map(
              (c) =>
                `${name(c.partner)}, ${c.period} ${c.flow}: ${sideLabel("reporter", c.rows[0]!.reporter, c.partner, view).replace(" (reporter)", "")} ${formatUsd(figure(c, "reporter"))}, ${sideLabel("mirror", "", c.partner, view).replace(" (mirror)", "")} ${formatUsd(figure(c, "mirror"))} (mirror ${formatPercent(percentChange(figure(c, "reporter"), figure(c, "mirror")), { sign: true, digits: 1 })})`,
            )
            .join("; ")}.`,
      revisions.length > 0
        ? `${capitalize(countText(revisions.length, "period"))} ${revisions.length === 1 ? "was" : "were"} published more than once by the same side, with releases up to ${formatPercent(maxOf(revisions.map((c) => c.gap)), { digits: 1 })} apart (${listPhrase(revisions.map((c) => `${name(c.partner)} ${c.period} ${c.flow}`))}).`
        : "No period was published twice by the same side.",
      none.length > 0
        ? `There is no ${listPhrase([...sides], { conjunction: "or" })} figure for ${listPhrase(none.map(name))} by ${formatDate(view.asOf)}.`
        : "",
      noMirror.length > 0 && sides.includes("mirror")
        ? `There is no mirror figure for ${listPhrase(noMirror.map(name))} by ${formatDate(view.asOf)}.`
        : "",
      unclear.length > 0
        ? `Figures without a named source disagree with the others for ${listPhrase(unclear.map((c) => `${name(c.partner)} ${c.period} ${c.flow} (${c.kind}, ${formatPercent(c.gap, { digits: 1 })} apart)`))}.`
        : "",
      partYear === 0
        ? "Every figure shown here covers a whole calendar year."
        : `${partYear < shown.length ? `${formatNumber(partYear)} of the ${formatNumber(shown.length)} figures` : shown.length === 1 ? "The only figure" : `All ${formatNumber(shown.length)} figures`} shown here ${partYear === 1 ? "covers" : "cover"} part of a year, so a trend across partners or years from these rows would mix periods and sides; the charts above keep them apart.`,
    ].filter((part) => part !== ""),
    " ",
  );
}
