// %% [markdown]
// # 04 · Funds and trade
//
// In *Strengthening relations with Central Asia and the Organization of Turkic States* the article notes that
// investment projects and joint funds were set up with Kazakhstan, Kyrgyzstan and Uzbekistan. It gives no amounts.
// This notebook supplies them where they are published and says where they are not. It then looks at trade with
// each Central Asian state, the flow that such funds are meant to feed.
//
// Two rules run through it:
//
// - **Pledged is not paid.** A fund's pledged (authorised, charter or registered) capital is a promise. Paid-in
//   capital is money transferred. `funds.csv` keeps one row per published statement of capital, so a fund whose
//   capital was raised has several rows. A missing figure stays missing: it is never read as zero.
// - **One side at a time.** A trade figure comes either from Azerbaijan's State Customs Committee (the *reporter*
//   side) or from the partner's statistics (the *mirror* side). Some are quoted by officials without a named source
//   (*unclear*). The two sides count differently (the exporter records goods when they leave, the importer when they
//   arrive, at different valuations), so their figures for the same period differ. They are drawn as separate
//   series and compared only period by period, never joined into one line.
//
// Parameters: `focal` (default Azerbaijan, the reporter of every trade row; another state narrows the notebook to
// its funds and its trade with Azerbaijan), `asOf` (default: the latest date in the data) and `scenario`: `strict`
// compares reporter and mirror figures only, `with_unclear` adds the figures of unnamed source as a third side.

// %% tags=parameters
let focal = "AZE";
let asOf: string | number = ""; // a year given on the command line (-p asOf=2021) arrives as a number
let scenario = "strict";

// %%
import * as cl from "../dist/lib";
import * as rp from "../dist/lib/notebook";
import * as nm from "../dist/lib/notebook/names";
import { fitLegend } from "../dist/lib/figures/legend-fit";

const pkg = cl.dataPackage();
const F = nm.checkFocal(pkg, focal);
const asOfDate = rp.resolveAsOf(String(asOf), pkg);
const latestDate = rp.latestDataDate(pkg);
const NAME = nm.stateName(pkg, F);
const POSS = nm.statePossessive(pkg, F);
const catalog = pkg.sources;
if (scenario !== "strict" && scenario !== "with_unclear") throw new RangeError(`scenario = "${scenario}" is not "strict" or "with_unclear"`);
const SIDES: string[] = scenario === "strict" ? ["reporter", "mirror"] : ["reporter", "mirror", "unclear"];
const sourceDate = (id: string) => pkg.sourceById.get(id)?.published ?? "";
const publisherOf = (ids: readonly string[]) => [...new Set(ids.map((id) => pkg.sourceById.get(id)?.publisher ?? id))].join("; ");

// Funds: every statement up to the as-of date; a focal state other than Azerbaijan keeps the funds it takes part in.
const fundRows = pkg.funds.filter((f) => cl.startOf(f.as_of) <= asOfDate && f.partners.includes(F));
const latestFunds = cl.latestFundRows(fundRows, asOfDate);
const shortName = (name: string) => name.replace(/\s*\([^)]*\)/g, "").trim();
/** The last statement of a fund, up to the as-of date, that gives this capital figure. */
const lastKnown = (id: string, field: "pledged_usd" | "paid_in_usd") =>
  fundRows.filter((r) => r.id === id && r[field] !== undefined).sort((a, b) => cl.startOf(a.as_of).localeCompare(cl.startOf(b.as_of))).pop();

// Text for the notebook is built with cl.md`…`: the literal parts are Markdown, every `${…}` (names, figures,
// parameters) is escaped as text. Pieces of one paragraph are joined with cl.mdJoin(…, " ") (empty ones dropped).
cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.md`## ${F === "AZE" ? "Azerbaijan's funds and trade with Central Asia" : `${NAME}: funds with Azerbaijan and trade with it`}\n\nAs of **${rp.formatDate(asOfDate)}**${asOfDate === latestDate ? " (the latest date in the data)" : ""}, the package holds`,
      latestFunds.length === 0
        ? `no fund or joint company${F === "AZE" ? "" : ` with ${NAME} as a partner`}.`
        : `${rp.plural(latestFunds.length, "fund or joint company", "funds and joint companies")}${F === "AZE" ? "" : ` with ${NAME} as a partner`}, from ${rp.plural(fundRows.length, "published statement")} of their capital.`,
      cl.md`Trade comparison: **${scenario}** (${SIDES.join(", ")} figures).`,
    ],
    " ",
  ),
);

// %% [markdown]
// ## 1 · The funds: pledged against paid-in
//
// The latest statement of each fund up to the as-of date. "Pledged" is the authorised, charter or registered
// capital as published. "Paid in" is a reported transfer. An empty cell means no published figure (see the gaps at
// the end of this section), not zero.

// %%
const fundTable: cl.TableInput = {
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
  rows: latestFunds.map((f) => ({
    fund: shortName(f.name),
    partners: f.partners.join(", "),
    agreed: f.agreed ?? "",
    established: f.established ?? "",
    status: f.status,
    asOf: f.as_of,
    pledged: f.pledged_usd === undefined ? null : f.pledged_usd / 1e6,
    paid: f.paid_in_usd === undefined ? null : f.paid_in_usd / 1e6,
    share: f.pledged_usd && f.paid_in_usd !== undefined ? Math.round((f.paid_in_usd / f.pledged_usd) * 1000) / 10 : null,
  })),
  sources: cl.mergeSources(...latestFunds.map((f) => cl.rowSources(f))),
};
cl.displayHtml(rp.tableHtml(fundTable, { caption: `Latest statement of each fund, as of ${rp.formatDate(asOfDate)}`, sourceCatalog: catalog, minWidths: { fund: "14em" } }));
void cl.registerTable({ id: "funds-latest", title: `Investment funds${F === "AZE" ? " of Azerbaijan" : ` with ${NAME}`}: latest statements, ${rp.formatDate(asOfDate)}`, table: fundTable, sourceCatalog: catalog });

// %%
if (latestFunds.length > 0) {
  const fundFig = fitLegend(
    cl.comparisonBarsFigure(
      {
        quantity: "Capital",
        unit: "USD",
        bars: latestFunds.flatMap((f) => [
          { label: "Pledged", group: shortName(f.name), value: f.pledged_usd ?? null, colorKey: "pledged", sources: cl.rowSources(f) },
          { label: "Paid in", group: shortName(f.name), value: f.paid_in_usd ?? null, colorKey: "paid-in", sources: cl.rowSources(f) },
        ]),
        sources: [],
      },
      {
        title: `${F === "AZE" ? "Azerbaijan's investment funds" : `Investment funds with ${NAME}`}: pledged against paid-in capital`,
        subtitle: `Latest statement of each fund as of ${asOfDate}; n/a: no figure published`,
        horizontal: true,
        sourceCatalog: catalog,
        height: 180 + latestFunds.length * 70,
      },
    ),
  );
  cl.show(fundFig);
  void cl.registerFigure({ id: "funds-pledged-paid", caption: `Pledged and paid-in capital of each fund; most paid-in figures are not published.`, figure: fundFig });
}

// %%
const pvp = cl.pledgedVsPaid(fundRows, asOfDate);
const withPaid = pvp.filter((f) => f.paidInUsd !== undefined);
const noPledgeNow = latestFunds.filter((f) => f.pledged_usd === undefined && lastKnown(f.id, "pledged_usd") !== undefined);
const neverPledged = latestFunds.filter((f) => lastKnown(f.id, "pledged_usd") === undefined);
const bilateral = latestFunds.filter((f) => f.partners.length === 2);
cl.displayMarkdown(
  latestFunds.length === 0
    ? cl.md`**What the statements say.** No fund with ${NAME} is recorded up to ${rp.formatDate(asOfDate)}.`
    : cl.mdJoin(
        [
          cl.md`**What the statements say.**`,
          `${rp.plural(bilateral.length, "fund is", "funds are")} bilateral (${rp.listText(bilateral.map((f) => `${shortName(f.name)} (${f.status})`), "none")}).`,
          withPaid.length === 0
            ? `No paid-in capital is published for any of the ${latestFunds.length}.`
            : `Paid-in capital is published for ${rp.countWord(withPaid.length)} of the ${latestFunds.length}: ` +
              `${withPaid.map((f) => `${shortName(f.name)}, ${rp.formatUsd(f.paidInUsd)} of ${f.pledgedUsd === undefined ? "an unpublished pledge" : rp.formatUsd(f.pledgedUsd)} (${rp.formatPercent(f.paidInShare)}, statement of ${rp.formatDate(f.asOf)})`).join("; ")}.`,
          noPledgeNow.length > 0
            ? `For ${rp.listText(noPledgeNow.map((f) => shortName(f.name)))} the latest statement gives no capital at all; the last published pledge was ` +
              `${noPledgeNow.map((f) => { const r = lastKnown(f.id, "pledged_usd"); return `${rp.formatUsd(r.pledged_usd)} (statement of ${rp.formatDate(r.as_of)}, when the fund was ${r.status})`; }).join("; ")}.`
            : "",
          neverPledged.length > 0 ? `No capital figure has been published for ${rp.listText(neverPledged.map((f) => shortName(f.name)))}.` : "",
        ].filter((part) => part !== ""),
        " ",
      ),
);

// %% [markdown]
// ### Capital over time
//
// A fund whose capital changed has one row per statement. The Azerbaijan–Kyrgyz Development Fund shows why the
// distinction matters: its authorised capital was raised after the first transfer, but later statements still
// report the first transfer as the capital actually available.

// %%
const historyTable: cl.TableInput = {
  columns: [
    { key: "fund", label: "Fund" },
    { key: "asOf", label: "Statement of" },
    { key: "status", label: "Status" },
    { key: "pledged", label: "Pledged", unit: "USD million" },
    { key: "paid", label: "Paid in", unit: "USD million" },
    { key: "source", label: "Published by" },
  ],
  rows: [...fundRows]
    .sort((a, b) => a.id.localeCompare(b.id) || cl.startOf(a.as_of).localeCompare(cl.startOf(b.as_of)))
    .map((f) => ({
      fund: shortName(f.name),
      asOf: f.as_of,
      status: f.status,
      pledged: f.pledged_usd === undefined ? null : f.pledged_usd / 1e6,
      paid: f.paid_in_usd === undefined ? null : f.paid_in_usd / 1e6,
      source: publisherOf(f.sources),
    })),
  sources: cl.mergeSources(...fundRows.map((f) => cl.rowSources(f))),
};
cl.displayHtml(rp.tableHtml(historyTable, { caption: "Every published statement of capital, by fund and date", sourceCatalog: catalog, minWidths: { fund: "14em" } }));
void cl.registerTable({ id: "funds-capital-history", title: `Capital statements of the funds${F === "AZE" ? "" : ` with ${NAME}`}, to ${rp.formatDate(asOfDate)}`, table: historyTable, sourceCatalog: catalog });

// The fund with the most statements of capital (the Kyrgyz fund in the current data) as a chart of its statements.
// Statements that carry at least one capital figure.
const statementsPerFund = [...new Set(fundRows.map((f) => f.id))].map((id) => ({
  id,
  rows: fundRows.filter((f) => f.id === id && (f.pledged_usd !== undefined || f.paid_in_usd !== undefined)),
}));
const richest = statementsPerFund.sort((a, b) => b.rows.length - a.rows.length || a.id.localeCompare(b.id))[0];
if (richest && richest.rows.length > 1) {
  const rows = [...richest.rows].sort((a, b) => cl.startOf(a.as_of).localeCompare(cl.startOf(b.as_of)));
  const histFig = fitLegend(
    cl.comparisonBarsFigure(
      {
        quantity: "Capital",
        unit: "USD",
        // A statement without a figure gets no bar (rather than an "n/a" mark over its neighbour).
        bars: rows.flatMap((r) => [
          ...(r.pledged_usd !== undefined ? [{ label: "Pledged (authorised)", group: r.as_of, value: r.pledged_usd, colorKey: "pledged", sources: cl.rowSources(r) }] : []),
          ...(r.paid_in_usd !== undefined ? [{ label: "Paid in", group: r.as_of, value: r.paid_in_usd, colorKey: "paid-in", sources: cl.rowSources(r) }] : []),
        ]),
        sources: [],
      },
      {
        title: `${shortName(rows[0].name)}: capital statements, ${rows[0].as_of.slice(0, 4)}–${rows[rows.length - 1].as_of.slice(0, 4)}`,
        subtitle: `Bars per published statement (date on the axis); a missing bar: no figure in that statement`,
        horizontal: false,
        sourceCatalog: catalog,
      },
    ),
  );
  cl.show(histFig);
  const first = rows[0];
  const last = rows[rows.length - 1];
  void cl.registerFigure({ id: "fund-capital-history", caption: `Capital statements of the ${shortName(first.name)} from ${rp.formatDate(first.as_of)} to ${rp.formatDate(last.as_of)}.`, figure: histFig });
  const pledges = rows.filter((r) => r.pledged_usd !== undefined);
  const paids = rows.filter((r) => r.paid_in_usd !== undefined);
  cl.displayMarkdown(
    cl.mdJoin(
      [
        cl.md`**${shortName(first.name)}.**`,
        pledges[0].pledged_usd === pledges[pledges.length - 1].pledged_usd
          ? `Its pledged capital stayed at ${rp.formatUsd(pledges[0].pledged_usd)} from ${rp.formatDate(pledges[0].as_of)} to ${rp.formatDate(pledges[pledges.length - 1].as_of)}.`
          : `Its pledged capital went from ${rp.formatUsd(pledges[0].pledged_usd)} (${rp.formatDate(pledges[0].as_of)}) to ` +
            `${rp.formatUsd(pledges[pledges.length - 1].pledged_usd)} (${rp.formatDate(pledges[pledges.length - 1].as_of)}), ` +
            `a ${rp.formatPercent(cl.percentChange(pledges[0].pledged_usd, pledges[pledges.length - 1].pledged_usd), { sign: true })} change on paper.`,
        paids.length > 0
          ? `Paid-in capital is reported in ${rp.plural(paids.length, "statement")}: ${paids.map((r) => `${rp.formatUsd(r.paid_in_usd)} (${rp.formatDate(r.as_of)})`).join(", ")}. ` +
            `On the latest statement, ${rp.formatPercent((paids[paids.length - 1].paid_in_usd / (last.pledged_usd ?? pledges[pledges.length - 1].pledged_usd)) * 100)} of the pledge is paid in.`
          : "No paid-in figure is published.",
      ],
      " ",
    ),
  );
}

// %% [markdown]
// ### By partner and by year, and the Turkic Investment Fund
//
// Capital by partner attributes a fund's whole capital to each of its partners ("capital of the funds the partner
// takes part in"), so the partner totals overlap and must not be added up; the totals by year count each fund once.

// %%
const byPartner = cl.fundsByPartner(fundRows, { asOf: asOfDate, exclude: [F] });
const byYear = cl.fundsByYear(fundRows, { asOf: asOfDate });
const aggTable: cl.TableInput = {
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
    // A sum over no published figure is unknown, not zero.
    ...byPartner.map((t) => ({ by: "partner", key: nm.stateName(pkg, t.key), count: t.count, pledged: t.pledgedMissing === t.count ? null : t.pledgedUsd / 1e6, pledgedMissing: t.pledgedMissing, paid: t.paidInMissing === t.count ? null : t.paidInUsd / 1e6, paidMissing: t.paidInMissing })),
    ...byYear.map((t) => ({ by: "year agreed", key: t.key, count: t.count, pledged: t.pledgedMissing === t.count ? null : t.pledgedUsd / 1e6, pledgedMissing: t.pledgedMissing, paid: t.paidInMissing === t.count ? null : t.paidInUsd / 1e6, paidMissing: t.paidInMissing })),
  ],
  sources: cl.mergeSources(...byPartner.map((t) => t.sources), ...byYear.map((t) => t.sources)),
};
cl.displayHtml(rp.tableHtml(aggTable, { caption: `Funds by partner (overlapping) and by year agreed (each fund once), latest statements as of ${rp.formatDate(asOfDate)}`, sourceCatalog: catalog }));
void cl.registerTable({ id: "funds-by-partner-year", title: `Funds${F === "AZE" ? "" : ` with ${NAME}`} by partner and by year agreed`, table: aggTable, sourceCatalog: catalog });

const tif = latestFunds.find((f) => f.id === "turkic-investment-fund");
const fundGaps = pkg.gaps.filter((g) => g.resource === "funds");
cl.displayMarkdown(
  cl.mdJoin(
    [
      tif
        ? cl.mdJoin(
            [
              cl.md`**The Turkic Investment Fund.** Decided on ${rp.formatDate(tif.agreed)} and established on ${rp.formatDate(tif.established)} by`,
              cl.md`${rp.listText(tif.partners.map((p) => nm.stateName(pkg, p)))}, it is the one multilateral fund here: ${rp.formatUsd(tif.pledged_usd)} of registered capital,`,
              cl.md`status "${tif.status}" on its latest statement (${rp.formatDate(tif.as_of)}), with paid-in contributions ${tif.paid_in_usd === undefined ? "not published" : rp.formatUsd(tif.paid_in_usd)}.`,
              cl.md`Since each founder counts it in full in the partner totals above, the ${rp.formatUsd(tif.pledged_usd)} appears ${rp.countWord(tif.partners.filter((p) => p !== F).length)} times there.`,
            ],
            " ",
          )
        : cl.md`The Turkic Investment Fund does not include ${NAME}.`,
      cl.md`**Gaps.** What was searched for and not found (gaps.csv):`,
      cl.mdJoin(
        fundGaps.map((g) => cl.md`- ${g.description}`),
        "\n",
      ),
    ],
    "\n\n",
  ),
);

// %% [markdown]
// ## 2 · Trade with Central Asia, one side at a time
//
// For each Central Asian partner, trade turnover (exports plus imports) as published, one line or set of markers
// per side. Full calendar years are joined by lines; part-year figures (January–April, January–October …) are
// hollow markers labelled with their months, since they cannot be compared with full years or with each other.
// Where one side published several figures for the same period (a later release revising an earlier one), the
// chart keeps the latest release and the disagreement table below lists them all.

// %%
const partners = pkg.states.filter((s) => s.region === "Central Asia" && (F === "AZE" || s.iso3 === F)).map((s) => s.iso3);
const tradeRows = pkg.trade.filter((r) => partners.includes(r.partner) && cl.startOf(r.period_end) <= asOfDate);
const sideLabel = (side: string, partner: string) =>
  side === "reporter" ? "Azerbaijan's customs (reporter)" : side === "mirror" ? `${nm.statePossessive(pkg, partner)} statistics (mirror)` : "source not named (unclear)";
const newest = (rows: typeof tradeRows) =>
  [...rows].sort((a, b) => Math.max(...b.sources.map((s) => Date.parse(cl.startOf(sourceDate(s) || "1900")))) - Math.max(...a.sources.map((s) => Date.parse(cl.startOf(sourceDate(s) || "1900")))) || a.id.localeCompare(b.id))[0];

function sideSeries(partner: string, side: string, flow: string): cl.Series | undefined {
  const rows = tradeRows.filter((r) => r.partner === partner && r.side === side && r.flow === flow);
  if (rows.length === 0) return undefined;
  const periods = [...new Set(rows.map((r) => `${r.period_start}|${r.period_end}`))].sort();
  return {
    id: `trade:${partner}:${side}:${flow}`,
    label: sideLabel(side, partner),
    metric: flow,
    unit: "USD",
    scope: side,
    points: periods.map((p) => {
      const [start, end] = p.split("|");
      const r = newest(rows.filter((x) => x.period_start === start && x.period_end === end));
      return { periodStart: start, periodEnd: end, label: cl.periodLabel(start, end), value: r.value_usd, status: "actual" as const, sources: cl.rowSources(r) };
    }),
  };
}

const tradeFigs: { partner: string; sides: number }[] = [];
for (const partner of partners) {
  const series = SIDES.map((side) => sideSeries(partner, side, "turnover")).filter((s) => s !== undefined);
  if (series.length === 0) continue;
  const pname = nm.stateName(pkg, partner);
  const fig = fitLegend(
    cl.timeSeriesFigure(series, {
      title: `Azerbaijan's trade turnover with ${pname}, by side`,
      subtitle: `${series.map((s) => `${s.label}: ${s.points.length} ${s.points.length === 1 ? "period" : "periods"}`).join("; ")}`,
      quantity: "Trade turnover",
      sourceCatalog: catalog,
    }),
  );
  cl.show(fig);
  void cl.registerFigure({ id: `trade-${partner.toLowerCase()}`, caption: `Trade turnover of Azerbaijan with ${pname}, each side of the statistics drawn separately.`, figure: fig });
  tradeFigs.push({ partner, sides: series.length });
}

// %%
const coverage: cl.TableInput = {
  columns: [
    { key: "partner", label: "Partner" },
    ...SIDES.map((s) => ({ key: s, label: `${s} rows`, unit: "count" })),
    { key: "years", label: "Full-year turnover figures" },
    { key: "latest", label: "Latest period" },
  ],
  rows: partners.map((p) => {
    const rows = tradeRows.filter((r) => r.partner === p && SIDES.includes(r.side));
    const full = rows.filter((r) => r.flow === "turnover" && cl.calendarYear(r.period_start, r.period_end) !== undefined);
    const last = [...rows].sort((a, b) => a.period_end.localeCompare(b.period_end)).pop();
    return {
      partner: nm.stateName(pkg, p),
      ...Object.fromEntries(SIDES.map((s) => [s, rows.filter((r) => r.side === s).length])),
      years: [...new Set(full.map((r) => `${r.period_start.slice(0, 4)} (${r.side})`))].sort().join(", "),
      latest: last ? `${cl.periodLabel(last.period_start, last.period_end)} (${last.side})` : "",
    };
  }),
  sources: cl.mergeSources(...tradeRows.filter((r) => SIDES.includes(r.side)).map((r) => cl.rowSources(r))),
};
cl.displayHtml(rp.tableHtml(coverage, { caption: `What is published, by partner and side (flows: turnover, exports, imports), to ${rp.formatDate(asOfDate)}`, sourceCatalog: catalog }));
void cl.registerTable({ id: "trade-coverage", title: `Trade figures by partner and side, to ${rp.formatDate(asOfDate)}`, table: coverage, sourceCatalog: catalog });

// %% [markdown]
// ### Same period, different figures
//
// Every period for which more than one figure of the same flow is published, side by side. A *mirror vs reporter*
// gap is the partner's figure against Azerbaijan's customs for exactly the same months. A *revision* is a side that
// published two figures for one period. The percentage is the larger figure over the smaller, minus one: how far
// apart they are, not which is right.

// %%
interface Comparison { partner: string; period: string; flow: string; kind: string; low: number; high: number; gap: number; rows: typeof tradeRows }
const groups = new Map<string, typeof tradeRows>();
for (const r of tradeRows.filter((x) => SIDES.includes(x.side))) {
  const k = `${r.partner}|${r.period_start}|${r.period_end}|${r.flow}`;
  groups.set(k, [...(groups.get(k) ?? []), r]);
}
const comparisons: Comparison[] = [];
for (const [k, rows] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  if (rows.length < 2) continue;
  const [partner, start, end, flow] = k.split("|");
  const period = cl.periodLabel(start, end);
  const push = (kind: string, a: typeof rows, b: typeof rows) => {
    const va = Math.min(...a.map((r) => r.value_usd), ...b.map((r) => r.value_usd));
    const vb = Math.max(...a.map((r) => r.value_usd), ...b.map((r) => r.value_usd));
    comparisons.push({ partner, period, flow, kind, low: va, high: vb, gap: (vb / va - 1) * 100, rows: [...a, ...b] });
  };
  const bySide = (s: string) => rows.filter((r) => r.side === s);
  for (const s of SIDES) if (bySide(s).length > 1) push(`revision within ${s}`, bySide(s), []);
  for (let i = 0; i < SIDES.length; i++) {
    for (let j = i + 1; j < SIDES.length; j++) {
      const a = bySide(SIDES[i]);
      const b = bySide(SIDES[j]);
      if (a.length > 0 && b.length > 0) push(`${SIDES[j]} vs ${SIDES[i]}`, [newest(a)], [newest(b)]);
    }
  }
}
const cmpTable: cl.TableInput = {
  columns: [
    { key: "partner", label: "Partner" },
    { key: "period", label: "Period" },
    { key: "flow", label: "Flow" },
    { key: "kind", label: "Comparison" },
    { key: "figures", label: "Figures (side, publisher)" },
    { key: "gap", label: "Larger over smaller", unit: "%" },
  ],
  rows: comparisons.map((c) => ({
    partner: nm.stateName(pkg, c.partner),
    period: c.period,
    flow: c.flow,
    kind: c.kind,
    figures: c.rows.map((r) => `${rp.formatUsd(r.value_usd)} (${r.side}, ${publisherOf(r.sources)})`).join("; "),
    gap: Math.round(c.gap * 10) / 10,
  })),
  sources: cl.mergeSources(...comparisons.flatMap((c) => c.rows.map((r) => cl.rowSources(r)))),
};
cl.displayHtml(rp.tableHtml(cmpTable, { caption: `Periods with more than one published figure (${scenario})`, sourceCatalog: catalog, minWidths: { figures: "22em" } }));
void cl.registerTable({ id: "trade-same-period", title: `Trade with Central Asia: periods with more than one figure (${scenario})`, table: cmpTable, sourceCatalog: catalog });

if (comparisons.length > 0) {
  const cmpFig = fitLegend(
    cl.comparisonBarsFigure(
      {
        quantity: "Larger figure over smaller",
        unit: "percent",
        bars: comparisons.map((c) => ({
          // Two-line labels (Plotly breaks at the newline): what was compared, then how.
          label: `${nm.stateName(pkg, c.partner)} ${c.period} ${c.flow}\n${c.kind}`,
          value: Math.round(c.gap * 10) / 10,
          colorKey: c.kind,
          sources: cl.mergeSources(...c.rows.map((r) => cl.rowSources(r))),
        })),
        sources: [],
      },
      {
        title: `Same period, different figures: ${F === "AZE" ? "Azerbaijan's trade with Central Asia" : `Azerbaijan's trade with ${NAME}`}`,
        subtitle: `How far apart two published figures for the same months are; ${scenario === "strict" ? "reporter and mirror sides only" : "unnamed sources included"}`,
        horizontal: true,
        sourceCatalog: catalog,
        height: 220 + comparisons.length * 44,
      },
    ),
  );
  cl.show(cmpFig);
  void cl.registerFigure({ id: "trade-disagreement", caption: `Gaps between figures published for the same period, by kind of comparison.`, figure: cmpFig });
}

// %%
const mirrorVsReporter = comparisons.filter((c) => c.kind === "mirror vs reporter");
const revisions = comparisons.filter((c) => c.kind.startsWith("revision"));
const noMirror = partners.filter((p) => !tradeRows.some((r) => r.partner === p && r.side === "mirror"));
const tradeGaps = pkg.gaps.filter((g) => g.resource === "trade");
const unclearCmp = comparisons.filter((c) => c.kind.includes("unclear") && !c.kind.startsWith("revision"));
const shownRows = tradeRows.filter((r) => SIDES.includes(r.side));
const partYear = shownRows.filter((r) => cl.calendarYear(r.period_start, r.period_end) === undefined).length;
cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.mdJoin(
        [
          cl.md`**Reading the comparison.**`,
          mirrorVsReporter.length === 0
            ? `No period has both a reporter and a mirror figure, so the two sides cannot be compared directly.`
            : `${rp.plural(mirrorVsReporter.length, "period has", "periods have")} both a reporter and a mirror figure: ` +
              `${mirrorVsReporter
                .map((c) => {
                  const rep = c.rows.find((r) => r.side === "reporter");
                  const mir = c.rows.find((r) => r.side === "mirror");
                  return `${nm.stateName(pkg, c.partner)}, ${c.period} ${c.flow}: Azerbaijan's customs ${rp.formatUsd(rep.value_usd)}, ${nm.statePossessive(pkg, c.partner)} statistics ${rp.formatUsd(mir.value_usd)} (mirror ${rp.formatPercent(cl.percentChange(rep.value_usd, mir.value_usd), { sign: true, digits: 1 })})`;
                })
                .join("; ")}.`,
          revisions.length > 0
            ? `${rp.plural(revisions.length, "period was", "periods were")} published more than once by the same side, with releases up to ${rp.formatPercent(Math.max(...revisions.map((c) => c.gap)), { digits: 1 })} apart (${rp.listText(revisions.map((c) => `${nm.stateName(pkg, c.partner)} ${c.period} ${c.flow}`))}).`
            : "",
          noMirror.length > 0 ? `There is no mirror figure at all for ${rp.listText(noMirror.map((p) => nm.stateName(pkg, p)))}.` : "",
          unclearCmp.length > 0
            ? `Figures without a named source disagree with the others for ${rp.listText(unclearCmp.map((c) => `${nm.stateName(pkg, c.partner)} ${c.period} ${c.flow} (${c.kind}, ${rp.formatPercent(c.gap, { digits: 1 })} apart)`))}.`
            : "",
          `${rp.formatNumber(partYear)} of the ${rp.formatNumber(shownRows.length)} figures compared here cover part of a year, and full-year customs figures for most partners are missing (see the gaps), so a trend across partners or years from these rows would mix periods and sides; the charts above keep them apart.`,
        ].filter((part) => part !== ""),
        " ",
      ),
      cl.md`**Gaps.** ${tradeGaps.map((g) => g.description).join(" — ")}`,
    ],
    "\n\n",
  ),
);
