/**
 * Notebook 06-seminar-workbook: each exercise is built here from what the data hold at the as-of date (the package
 * known by then) for the focal state, with its question, the expected answer, the tolerance, the worked answer and
 * the sources — or, when the data cannot support it for this state and date, a sentence saying why it is not set.
 * The answer key is made from the same objects, so the key is right for any date.
 * @example
 * // not run: needs a notebook context
 * const ex = exercise1(nb); nb.say(questionMarkdown(ex)); displayHtml(checkHtml(ex, answer1, reveal));
 * @module
 */
import { type Iso3, mergeSources, type SourceId } from "../core/types";
import { calendarYear, periodLabel } from "../core/period";
import { startOf } from "../core/dates";
import { sha256 } from "../core/hash";
import { countWord, formatNumber, formatPercent, formatUsd } from "../core/format";
import type { DataPackage } from "../data/load";
import { rowKnownBy } from "../data/vintage";
import { enums, type CorridorFlowRow, type MembershipRow, type TradeRow } from "../data/resources";
import type { Series } from "../core/types";
import { percentChange } from "../indicators/series/change";
import { rowSources } from "../indicators/series/sources";
import { membershipIndex, statusAt, type MembershipIndex, type StatusAt } from "../indicators/memberships/status";
import { membershipMatrix } from "../indicators/memberships/matrix";
import { jaccard, orgsOf, sharedMemberships } from "../indicators/memberships/overlap";
import { multiVectorBalance } from "../indicators/balance/balance";
import type { TableInput } from "../figures/table";
import { html, md, mdJoin, type Markdown, type SafeHtml } from "../display/safe-text";
import { formatDate } from "./as-of";
import {
  orgName,
  PANEL_STATES,
  spherePhrase,
  stateName,
  statePossessive,
  statusPhrase,
  statusWithArticle,
} from "./names";
import { rankOf, rankText } from "./ranks";
import { checkNumber, checkText, notSetHtml, selfCheckHtml, type CheckResult } from "./self-check";
import { capitalize, countText, listPhrase } from "./prose";
import { answerRecordHtml } from "./answer-record";
import { maxOf, minOf } from "../core/extent";

/**
 * What an exercise is built from: the package as known at the as-of date, and the focal state.
 * @category Workbook (06)
 */
export interface WorkbookContext {
  /** Every row (names and the source catalogue come from here). */
  readonly pkg: DataPackage;
  /** The rows known by the as-of date. */
  readonly known: DataPackage;
  /** The as-of date, ISO. */
  readonly asOf: string;
  /** The focal state. */
  readonly focal: Iso3;
}

/**
 * The line of the answer key for an exercise.
 * @category Workbook (06)
 */
export interface KeyLine {
  readonly question: string;
  readonly answer: string;
  readonly tolerance: string;
}

/**
 * An exercise the data support for this state and date.
 * @category Workbook (06)
 */
export interface SetExercise {
  readonly number: number;
  readonly set: true;
  /** The question, with the numbers taken from the data (Markdown, escaped). */
  readonly question: Markdown;
  /** The expected answer: a number (checked within `tolerance`) or the first accepted text. */
  readonly expected: number | string;
  /** Accepted text answers (empty for a numeric answer). */
  readonly accepted: readonly string[];
  /** Absolute tolerance of a numeric answer (0 for text). */
  readonly tolerance: number;
  /** Unit of a numeric answer ("%" or ""). */
  readonly unit: string;
  /**
   * The answer as a student would write it in the answer cell, rounded as the question asks (62.4, "observer",
   * "b"): what the teacher's copy fills in. It is always accepted.
   */
  readonly fill: number | string;
  /** Its line in the answer key. */
  readonly key: KeyLine;
  /** The worked answer (HTML, escaped). */
  readonly worked: SafeHtml;
  readonly sources: readonly SourceId[];
}

/**
 * An exercise the data cannot support for this state and date, with the reason.
 * @category Workbook (06)
 */
export interface UnsetExercise {
  readonly number: number;
  readonly set: false;
  /** Why, as a sentence: what is missing and why the question cannot be asked. */
  readonly reason: string;
}

/**
 * An exercise of the workbook.
 * @category Workbook (06)
 */
export type Exercise = SetExercise | UnsetExercise;

/**
 * What each corridor scope counts, in words (data/README.md).
 * @category Workbook (06)
 */
export const SCOPE_PHRASES: Readonly<Record<(typeof enums.flowScope)[number], string>> = {
  whole_route: "cargo on the whole route (Kazakh Ministry of Transport and KTZ totals)",
  caspian_ports: "only cargo handled at the Kazakh and Azerbaijani Caspian seaports",
  azerbaijan_railways: "only Azerbaijan Railways' East–West freight",
  titr_rail: "only rail freight on the Kazakh section",
  titr_containers: "only containers",
  port_of_baku: "only cargo handled at the Port of Baku",
  btk_railway: "only freight on the Baku–Tbilisi–Kars railway",
  btk_cumulative: "only freight on the Baku–Tbilisi–Kars railway since it opened",
  titr_association: "the TITR Association's own plans and reports (what they cover is not stated)",
  china_railway_express: "all China–Europe trains (China's railway totals)",
  utlc_era:
    "only China–Europe–China containers on UTLC ERA's services through Kazakhstan, Russia and Belarus (to 2021)",
  erai_china_eu: "only China–EU containers in transit through Kazakhstan, Russia and Belarus (ERAI, from 2022)",
  kz_transit_china_europe: "only China–Europe containers in transit through Kazakhstan",
};

/**
 * The words for a corridor scope.
 * @example scopePhrase("caspian_ports") // => "only cargo handled at the Kazakh and Azerbaijani Caspian seaports"
 * @example scopePhrase("new_scope") // => "new scope"
 * @category Workbook (06)
 */
export function scopePhrase(scope: string): string {
  return (SCOPE_PHRASES as Readonly<Record<string, string>>)[scope] ?? scope.replace(/_/g, " ");
}

/**
 * Sources as a reader sees them: "publisher (published)", distinct, joined with "; ". With `asOf`, only those
 * published by then (a row known at a date may also cite a later source, which a reader on that date could not see).
 * @example sourcesText({ sourceById: new Map([["a", { publisher: "Trend", published: "2024-01-23" }]]) }, ["a", "a", "b"]) // => "Trend (2024-01-23); b"
 * @example sourcesText({ sourceById: new Map([["a", { publisher: "Trend", published: "2024-01-23" }]]) }, ["a"], "2023-12-31") // => ""
 * @category Workbook (06)
 */
export function sourcesText(
  pkg: {
    readonly sourceById: ReadonlyMap<string, { readonly publisher: string; readonly published?: string | undefined }>;
  },
  ids: readonly string[],
  asOf?: string,
): string {
  const shown = asOf === undefined ? ids : ids.filter((id) => rowKnownBy({ sources: [id] }, pkg.sourceById, asOf));
  const one = (id: string) => {
    const s = pkg.sourceById.get(id);
    return s ? `${s.publisher}${s.published ? ` (${s.published})` : ""}` : id;
  };
  return [...new Set(shown.map(one))].join("; ");
}

/**
 * The day before an ISO date.
 * @example dayBefore("2025-09-01") // => "2025-08-31"
 * @example dayBefore("2024-03-01") // => "2024-02-29"
 * @category Workbook (06)
 */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Source ids published by the as-of date (or undated): what a reader on that date could cite. */
function knownSources(ctx: WorkbookContext, ids: readonly SourceId[]): SourceId[] {
  return ids.filter((id) => rowKnownBy({ sources: [id] }, ctx.pkg.sourceById, ctx.asOf));
}

// ── Exercise 1 and 3: Middle Corridor cargo ────────────────────────────────────────────────────────────────────

/** Annual actual cargo rows of the Middle Corridor (TITR) known by the as-of date and ended by then. */
function annualCargo(ctx: WorkbookContext): CorridorFlowRow[] {
  return ctx.known.corridorFlows.filter(
    (r) =>
      r.route === "titr" &&
      r.metric === "cargo" &&
      r.status === "actual" &&
      calendarYear(r.period_start, r.period_end) !== undefined &&
      r.period_end <= ctx.asOf,
  );
}

/** The release of a row: publisher and publication date of its first source. */
function releaseOf(pkg: DataPackage, r: { readonly sources: readonly string[] }): string {
  const s = pkg.sourceById.get(r.sources[0] ?? "");
  return `${s?.publisher ?? r.sources[0]}|${s?.published ?? ""}`;
}

/** One row a year: the first row of each year, in period order. */
function onePerYear<R extends { readonly period_start: string }>(rows: readonly R[]): R[] {
  const seen = new Set<string>();
  return [...rows]
    .sort((a, b) => a.period_start.localeCompare(b.period_start))
    .filter((r) => !seen.has(r.period_start.slice(0, 4)) && seen.add(r.period_start.slice(0, 4)) !== undefined);
}

/**
 * The release of annual whole-route cargo that covers the most years by the as-of date (ties: the latest release),
 * one row a year in year order; `undefined` when no such figure is known.
 * @example wholeRouteRelease({ pkg, known: packageKnownBy(pkg, "2024-11-30"), asOf: "2024-11-30", focal: "AZE" })?.release // => "The Astana Times|2024-10"
 * @category Workbook (06)
 */
export function wholeRouteRelease(
  ctx: WorkbookContext,
): { readonly release: string; readonly rows: CorridorFlowRow[] } | undefined {
  const whole = annualCargo(ctx).filter((r) => r.scope === "whole_route");
  return [...new Set(whole.map((r) => releaseOf(ctx.pkg, r)))]
    .map((release) => ({ release, rows: onePerYear(whole.filter((r) => releaseOf(ctx.pkg, r) === release)) }))
    .sort((a, b) => b.rows.length - a.rows.length || b.release.localeCompare(a.release))[0];
}

/**
 * Exercise 1: growth of whole-route cargo between the last two years of one release.
 * @example (exercise1({ pkg, known: packageKnownBy(pkg, "2024-11-30"), asOf: "2024-11-30", focal: "AZE" }) as SetExercise).key.answer // => "62.4 %"
 * @example exercise1({ pkg, known: packageKnownBy(pkg, "2016-12-31"), asOf: "2016-12-31", focal: "ARM" }).set // => false
 * @category Workbook (06)
 */
export function exercise1(ctx: WorkbookContext): Exercise {
  const best = wholeRouteRelease(ctx);
  if (best === undefined || best.rows.length < 2) {
    const n = annualCargo(ctx).filter((r) => r.scope === "whole_route").length;
    return {
      number: 1,
      set: false,
      reason:
        n === 0
          ? `By ${formatDate(ctx.asOf)} the data hold no annual whole-route cargo figure of the Middle Corridor, so there is no growth to compute.`
          : `By ${formatDate(ctx.asOf)} the data hold ${countText(n, "annual whole-route cargo figure")}, but no single release gives two years; growth across releases would mix counting rules.`,
    };
  }
  const [a, b] = best.rows.slice(-2) as [CorridorFlowRow, CorridorFlowRow];
  const [publisher, published] = best.release.split("|") as [string, string];
  const ya = a.period_start.slice(0, 4);
  const yb = b.period_start.slice(0, 4);
  const expected = percentChange(a.value, b.value)!;
  const others = annualCargo(ctx).filter(
    (r) =>
      r.scope === "whole_route" &&
      [ya, yb].includes(r.period_start.slice(0, 4)) &&
      releaseOf(ctx.pkg, r) !== best.release,
  );
  const othersText =
    others.length === 0
      ? "no other release known by then covers these two years; where releases overlap, their totals differ (Exercise 3). "
      : `other releases give other totals for the same years (${others
          .map(
            (r) =>
              `${r.period_start.slice(0, 4)}: ${formatNumber(r.value)} t, ${sourcesText(ctx.pkg, r.sources, ctx.asOf)}`,
          )
          .join("; ")}). `;
  return {
    number: 1,
    set: true,
    question: md`**Question.** ${publisher}${published ? md` (published ${formatDate(published)})` : md``} puts cargo on the whole Middle Corridor at **${formatNumber(a.value)} t in ${ya}** and **${formatNumber(b.value)} t in ${yb}**. By how many percent did cargo change from ${ya} to ${yb}? Give a number in percent, one decimal (negative for a fall).`,
    expected,
    accepted: [],
    tolerance: 0.5,
    unit: "%",
    fill: roundTo(expected, 1),
    key: {
      question: `Growth of whole-route cargo ${ya}–${yb}`,
      answer: fixedDigits(expected, 1, " %"),
      tolerance: "±0.5 points",
    },
    worked: html`<p>(${formatNumber(b.value)} / ${formatNumber(a.value)} − 1) × 100 = <b>${formatNumber(expected, 1)} %</b>.</p><p>Why one publisher: ${othersText}Mixing a figure from one release with one from another can move the growth rate by more than the rounding you were asked for.</p><p style="color:#555">Sources: ${sourcesText(ctx.pkg, [...a.sources, ...b.sources], ctx.asOf)}</p>`,
    sources: knownSources(ctx, mergeSources(rowSources(a), rowSources(b))),
  };
}

/** The two rows exercise 3 compares: the latest year with annual cargo in two scopes. */
function scopePair(
  ctx: WorkbookContext,
): { readonly year: string; readonly a: CorridorFlowRow; readonly b: CorridorFlowRow } | undefined {
  const rows = annualCargo(ctx);
  const scopesIn = (y: string) => new Set(rows.filter((r) => r.period_start.startsWith(y)).map((r) => r.scope)).size;
  const year = [...new Set(rows.map((r) => r.period_start.slice(0, 4)))]
    .filter((y) => scopesIn(y) >= 2)
    .sort()
    .at(-1);
  if (year === undefined) return undefined;
  const inYear = rows.filter((r) => r.period_start.startsWith(year));
  const order = (s: string) => (enums.flowScope as readonly string[]).indexOf(s);
  const release = wholeRouteRelease(ctx)?.release;
  const byScopeThenLatest = (x: CorridorFlowRow, y: CorridorFlowRow) =>
    order(x.scope) - order(y.scope) ||
    Number(releaseOf(ctx.pkg, y) === release) - Number(releaseOf(ctx.pkg, x) === release) ||
    releaseOf(ctx.pkg, y).localeCompare(releaseOf(ctx.pkg, x));
  const a = [...inYear].sort(byScopeThenLatest)[0]!;
  const b = inYear.filter((r) => r.scope !== a.scope).sort(byScopeThenLatest)[0]!;
  return { year, a, b };
}

/**
 * The four explanations exercise 3 offers, by what each says.
 * @category Workbook (06)
 */
export type ScopeExplanation = "error" | "scope" | "status" | "unit";

/** The 24 orders of the four explanations; a seed picks one. */
const EXPLANATION_ORDERS: readonly (readonly ScopeExplanation[])[] = (() => {
  const orders: ScopeExplanation[][] = [];
  const permute = (done: ScopeExplanation[], rest: ScopeExplanation[]): void => {
    if (rest.length === 0) orders.push(done);
    rest.forEach((x, i) => {
      permute([...done, x], [...rest.slice(0, i), ...rest.slice(i + 1)]);
    });
  };
  permute([], ["error", "scope", "status", "unit"]);
  return orders;
})();

/**
 * The letters and texts of exercise 3's options, built from the two scopes compared. Without a seed the order is
 * fixed (a: an error, b: different scopes, c: plan against actual, d: units); with one (the handout's state and
 * date), the four explanations come in one of their 24 orders, the same for the same seed, so the right letter is
 * not the same in every handout.
 * @example scopeOptions("whole_route", "azerbaijan_railways").b.endsWith("the other only Azerbaijan Railways' East–West freight.") // => true
 * @example scopeOptions("whole_route", "caspian_ports", "AZE|2024-11-30").a === scopeOptions("whole_route", "caspian_ports", "AZE|2024-11-30").a // => true
 * @category Workbook (06)
 */
export function scopeOptions(
  scopeA: string,
  scopeB: string,
  seed?: string,
): Readonly<Record<"a" | "b" | "c" | "d", string>> {
  const text: Readonly<Record<ScopeExplanation, string>> = {
    error: "One of them is a mistake: the same quantity cannot have two values.",
    scope: `They count different things: one counts ${scopePhrase(scopeA)}, the other ${scopePhrase(scopeB)}.`,
    status: "One is a plan or a forecast and the other an actual figure.",
    unit: "They are in different units (tonnes against containers).",
  };
  const order =
    seed === undefined
      ? EXPLANATION_ORDERS[0]!
      : EXPLANATION_ORDERS[Number.parseInt(sha256(seed).slice(0, 8), 16) % EXPLANATION_ORDERS.length]!;
  return { a: text[order[0]!], b: text[order[1]!], c: text[order[2]!], d: text[order[3]!] };
}

/**
 * Exercise 3: why two cargo figures of one year disagree; the options name the scopes actually compared.
 * @example (exercise3({ pkg, known: pkg, asOf: "2024-11-30", focal: "AZE" }) as SetExercise).key.question // => "Why 2023 cargo figures of whole_route and caspian_ports differ"
 * @category Workbook (06)
 */
export function exercise3(ctx: WorkbookContext): Exercise {
  const pair = scopePair(ctx);
  if (pair === undefined)
    return {
      number: 3,
      set: false,
      reason: `By ${formatDate(ctx.asOf)} no year has annual Middle Corridor cargo known in two scopes, so there are no two figures to compare.`,
    };
  const { year, a, b } = pair;
  const options = scopeOptions(a.scope, b.scope, `${ctx.focal}|${ctx.asOf}`);
  const right = scopeOptions(a.scope, b.scope)[
    a.scope !== b.scope ? "b" : a.status !== b.status ? "c" : a.unit !== b.unit ? "d" : "a"
  ];
  const expected = (Object.keys(options) as (keyof typeof options)[]).find((k) => options[k] === right)!;
  const gap = percentChange(Math.min(a.value, b.value), Math.max(a.value, b.value))!;
  const sameScope = annualCargo(ctx).filter((r) => r.scope === a.scope && r.period_start === a.period_start);
  const values = sameScope.map((r) => r.value);
  const within =
    sameScope.length === 1
      ? `In scope ${a.scope}, one figure for ${year} is known by then.`
      : `Even within one scope, releases differ: ${countText(sameScope.length, "figure")} for ${year} in scope ${a.scope}, from ${formatNumber(minOf(values))} to ${formatNumber(maxOf(values))} t (rounding and later revisions).`;
  const letters = (Object.keys(options) as (keyof typeof options)[]).map((k) => md`- **${k}**: ${options[k]}`);
  return {
    number: 3,
    set: true,
    question: md`**Question.** For ${year}, one row gives **${formatNumber(a.value)} ${a.unit}** (${sourcesText(ctx.pkg, a.sources, ctx.asOf)}, scope ${a.scope}) and another **${formatNumber(b.value)} ${b.unit}** (${sourcesText(ctx.pkg, b.sources, ctx.asOf)}, scope ${b.scope}), ${
      gap === 0 ? "the same number" : `a difference of ${formatPercent(gap)}`
    }. Which explanation does the data support? Answer with a letter.\n\n${mdJoin(letters, "\n")}`,
    expected,
    accepted: [expected],
    tolerance: 0,
    unit: "",
    fill: expected,
    key: {
      question: `Why ${year} cargo figures of ${a.scope} and ${b.scope} differ`,
      answer: `${expected}: ${options[expected]}`,
      tolerance: "exact",
    },
    worked: html`<p>The answer is <b>${expected}</b>. The first row has scope <code>${a.scope}</code>, status <code>${a.status}</code>, unit <code>${a.unit}</code>; the second has scope <code>${b.scope}</code>, status <code>${b.status}</code>, unit <code>${b.unit}</code>. ${
      a.scope !== b.scope
        ? `One counts ${scopePhrase(a.scope)}, the other ${scopePhrase(b.scope)}: neither corrects the other.`
        : ""
    }</p><p>${within} data/ keeps each publisher's figure as its own row, with its scope, and never merges them.</p><p style="color:#555">Sources: ${sourcesText(ctx.pkg, [...a.sources, ...b.sources], ctx.asOf)}</p>`,
    sources: knownSources(ctx, mergeSources(rowSources(a), rowSources(b))),
  };
}

/**
 * The two lines of exercise 3's chart: the scopes it compares, year by year (exercise 1's release for the whole
 * route; otherwise the latest release of each year); empty when exercise 3 is not set.
 * @example cargoScopeSeries({ pkg, known: pkg, asOf: "2024-11-30", focal: "AZE" }).map((s) => s.scope) // => ["whole_route", "caspian_ports"]
 * @category Workbook (06)
 */
export function cargoScopeSeries(ctx: WorkbookContext): Series[] {
  const pair = scopePair(ctx);
  if (pair === undefined) return [];
  const release = wholeRouteRelease(ctx);
  const rows = annualCargo(ctx);
  return [pair.a.scope, pair.b.scope].map((scope) => {
    const fromRelease = scope === "whole_route" && release !== undefined;
    const latestFirst = rows
      .filter((r) => r.scope === scope)
      .sort((x, y) => releaseOf(ctx.pkg, y).localeCompare(releaseOf(ctx.pkg, x)));
    const line = fromRelease ? release.rows : onePerYear(latestFirst);
    const label = `${capitalize(scope.replace(/_/g, " "))}, ${fromRelease ? release.release.split("|")[0] : "latest release per year"}`;
    return {
      id: `cargo:${scope}`,
      label,
      metric: "cargo",
      unit: "t",
      scope,
      points: line.map((r) => ({
        periodStart: r.period_start,
        periodEnd: r.period_end,
        label: r.period_start.slice(0, 4),
        value: r.value,
        status: "actual" as const,
        sources: knownSources(ctx, rowSources(r)),
      })),
    };
  });
}

// ── Exercise 2, 4 and 5: memberships ───────────────────────────────────────────────────────────────────────────

/**
 * The membership index of the rows known at the as-of date (organisations outside the transport sphere).
 * @example workbookIndex({ pkg, known: pkg, asOf: "2024-11-30", focal: "AZE" }).states.includes("AZE") // => true
 * @category Workbook (06)
 */
export function workbookIndex(ctx: WorkbookContext): MembershipIndex {
  const orgs = ctx.known.organizations.filter((o) => o.sphere !== "transport");
  return membershipIndex(
    ctx.known.memberships,
    orgs,
    ctx.pkg.states.map((s) => s.iso3),
  );
}

const fullDate = (d: string | undefined): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** The answer forms of a status ("dialogue_partner", "dialogue partner"; "none" for no status). */
function statusForms(status: string): string[] {
  return status === "none" ? ["none", "no status"] : [...new Set([status, statusPhrase(status)])];
}

/**
 * Exercise 2: the focal state's status in an organisation on the day before its latest status change by the as-of
 * date (when it then held a status other than today's); failing that, its status on the as-of date in the
 * organisation it joined last.
 * @example (exercise2({ pkg, known: pkg, asOf: "2024-11-30", focal: "GEO" }) as SetExercise).key.question // => "Status of Georgia in the CIS on 2009-08-17"
 * @category Workbook (06)
 */
export function exercise2(ctx: WorkbookContext): Exercise {
  const ix = workbookIndex(ctx);
  const F = ctx.focal;
  const name = stateName(ctx.pkg, F);
  const rows = ctx.known.memberships.filter((r) => r.state === F && startOf(r.since) <= ctx.asOf);
  if (rows.length === 0)
    return {
      number: 2,
      set: false,
      reason: `The data hold no membership of ${name} known by ${formatDate(ctx.asOf)}, so there is no status to look up.`,
    };
  const changes = rows
    .flatMap((r) =>
      [r.since, r.until]
        .filter(fullDate)
        .filter((c) => c <= ctx.asOf)
        .map((c) => ({ org: r.org, c })),
    )
    .map(({ org, c }) => ({
      org,
      c,
      date: dayBefore(c),
      before: statusAt(ix, F, org, dayBefore(c)),
      now: statusAt(ix, F, org, ctx.asOf),
    }))
    .filter((x) => x.before.status !== "none" && x.before.status !== x.now.status && !x.before.uncertain)
    .sort((x, y) => y.c.localeCompare(x.c) || x.org.localeCompare(y.org));
  const change = changes[0];
  const latestRow = [...rows].sort(
    (x, y) => startOf(y.since).localeCompare(startOf(x.since)) || x.org.localeCompare(y.org),
  )[0]!;
  const org = change?.org ?? latestRow.org;
  const date = change?.date ?? ctx.asOf;
  const at: StatusAt = change?.before ?? statusAt(ix, F, org, ctx.asOf);
  const now = statusAt(ix, F, org, ctx.asOf);
  const orgRows = ctx.known.memberships
    .filter((r: MembershipRow) => r.state === F && r.org === org)
    .sort((x, y) => x.since.localeCompare(y.since));
  const rowsText = orgRows
    .map((r) => `${statusPhrase(r.status)} from ${r.since}${r.until && r.until <= ctx.asOf ? ` until ${r.until}` : ""}`)
    .join("; ");
  const was = (s: StatusAt) => (s.status === "none" ? "without status in" : `${statusWithArticle(s.status)} of`);
  const since = at.since
    ? ` (since ${formatDate(at.since)}${at.sinceBound === "by" ? ", documented by that date" : ""})`
    : "";
  const verb = change ? "was" : "is";
  return {
    number: 2,
    set: true,
    question: md`**Question.** What ${verb} ${statePossessive(ctx.pkg, F)} status in the ${orgName(ctx.pkg, org)} (${org}) on **${formatDate(date)}**? Answer with one of: founding member, member, associate member, observer, dialogue partner, partner, applicant, former, suspended, or none.`,
    expected: at.status,
    accepted: statusForms(at.status),
    tolerance: 0,
    unit: "",
    fill: statusForms(at.status).at(-1)!,
    key: {
      question: `Status of ${name} in the ${org} on ${date}`,
      answer: statusPhrase(at.status),
      tolerance: "exact",
    },
    worked: html`<p>On ${formatDate(date)}, ${name} ${verb} <b>${was(at)}</b> the ${org}${since}${
      change ? html`; on ${formatDate(ctx.asOf)} it is <b>${was(now).replace(/ (of|in)$/, "")}</b>` : ""
    }.</p><p>The rows known by ${formatDate(ctx.asOf)}: ${rowsText}. ${
      change
        ? "A status that changes on a date counts from that date, so the day before a change still has the old status."
        : `${name} has no status change in the data by then, so the status on the as-of date is the one it joined with.`
    }</p><p style="color:#555">Sources: ${sourcesText(ctx.pkg, at.sources, ctx.asOf)}</p>`,
    sources: knownSources(ctx, at.sources),
  };
}

/**
 * The state exercise 4 compares the focal state with: Kazakhstan for Azerbaijan, Azerbaijan for any other.
 * @example overlapPartner("AZE") // => "KAZ"
 * @example overlapPartner("GEO") // => "AZE"
 * @category Workbook (06)
 */
export function overlapPartner(focal: string): Iso3 {
  return (focal === "AZE" ? "KAZ" : "AZE") as Iso3;
}

/**
 * Exercise 4: the Jaccard overlap of the focal state's and a partner's standing ties on the as-of date.
 * @example (exercise4({ pkg, known: packageKnownBy(pkg, "2024-11-30"), asOf: "2024-11-30", focal: "AZE" }) as SetExercise).expected // => 0.5333… (8 shared of 15)
 * @category Workbook (06)
 */
export function exercise4(ctx: WorkbookContext): Exercise {
  const F = ctx.focal;
  const P = overlapPartner(F);
  const [nameF, nameP] = [stateName(ctx.pkg, F), stateName(ctx.pkg, P)];
  const m = membershipMatrix(workbookIndex(ctx), ctx.asOf, { states: [F, P] });
  const [A, B] = [orgsOf(m, F), orgsOf(m, P)];
  const J = jaccard(A, B);
  if (J === undefined)
    return {
      number: 4,
      set: false,
      reason: `Neither ${nameF} nor ${nameP} has a standing tie in the data by ${formatDate(ctx.asOf)}, and the overlap of two empty sets is not defined.`,
    };
  const shared = sharedMemberships(m, F, P);
  const union = [...new Set([...A, ...B])].sort();
  const ties = (orgs: readonly string[]) => listPhrase(orgs, { empty: "no organisation" });
  return {
    number: 4,
    set: true,
    question: md`**Question.** On ${formatDate(ctx.asOf)}, ${nameF} has a standing tie with ${ties(A)}; ${nameP} with ${ties(B)}. What is the Jaccard index of the two sets? Give a number between 0 and 1, two decimals.`,
    expected: J,
    accepted: [],
    tolerance: 0.01,
    unit: "",
    fill: roundTo(J, 2),
    key: {
      question: `Jaccard overlap of ${nameF} and ${nameP} on ${ctx.asOf}`,
      answer: fixedDigits(J, 3),
      tolerance: "±0.01",
    },
    worked: html`<p>Shared (${shared.value.length}): ${listPhrase(shared.value)}. Union (${union.length}): ${union.join(", ")}. J = ${shared.value.length} / ${union.length} = <b>${formatNumber(J, 3)}</b>.</p><p>Think about what the number hides: an organisation with two members counts as much as one with fifty, and a dialogue partnership as much as full membership.</p><p style="color:#555">Sources: ${sourcesText(ctx.pkg, shared.sources, ctx.asOf)}</p>`,
    sources: knownSources(ctx, shared.sources),
  };
}

/**
 * Exercise 5: which state of the panel (the twelve, plus the focal state) has the highest balance index when the
 * normaliser counts only the spheres a state is present in.
 * @example (exercise5({ pkg, known: pkg, asOf: "2024-11-30", focal: "AZE" }) as SetExercise).accepted // => ["UZB"]
 * @category Workbook (06)
 */
export function exercise5(ctx: WorkbookContext): Exercise {
  const ix = workbookIndex(ctx);
  const orgs = ctx.known.organizations.filter((o) => o.sphere !== "transport");
  const panel = PANEL_STATES.includes(ctx.focal) ? PANEL_STATES : [ctx.focal, ...PANEL_STATES];
  const present = panel.map((s) => multiVectorBalance(ix, orgs, s, ctx.asOf, { k: "present" }));
  const byDefault = panel.map((s) => multiVectorBalance(ix, orgs, s, ctx.asOf));
  const valued = present.filter((b) => b.index !== undefined);
  if (valued.length === 0)
    return {
      number: 5,
      set: false,
      reason: `By ${formatDate(ctx.asOf)} no state of the panel has ties in two spheres in the data, so the evenness index is not defined for any.`,
    };
  const best = maxOf(valued.map((b) => b.index!));
  const top = valued.filter((b) => b.index! >= best - 1e-12);
  const t = top[0]!;
  const nameOf = (s: string) => stateName(ctx.pkg, s);
  const rank = (s: string) =>
    rankText(
      rankOf(
        byDefault,
        s,
        (b) => b.state,
        (b) => b.index,
      ),
    );
  const cell = "padding:2px 8px";
  const num = `text-align:right;${cell}`;
  const rows = panel
    .map((s, i) => ({ s, p: present[i]!, d: byDefault[i]! }))
    .sort((a, b) => (b.p.index ?? -1) - (a.p.index ?? -1) || a.s.localeCompare(b.s))
    .map(
      (r) =>
        html`<tr><td style="${cell}">${nameOf(r.s)}</td><td style="${num}">${r.p.ties.length}</td><td style="${num}">${r.p.index === undefined ? "–" : formatNumber(r.p.index, 3)}</td><td style="${num}">${r.d.index === undefined ? "–" : formatNumber(r.d.index, 3)}</td></tr>`,
    );
  const focalDefault = byDefault[panel.indexOf(ctx.focal)]?.index;
  const focalRank =
    ctx.focal === t.state
      ? ""
      : focalDefault === undefined
        ? ` (${nameOf(ctx.focal)} has no weighted tie in the data by then)`
        : ` and ${nameOf(ctx.focal)} ${rank(ctx.focal)}`;
  return {
    number: 5,
    set: true,
    question: md`**Question.** Among ${listPhrase(panel.map(nameOf))}, which state has the **highest** balance index on ${formatDate(ctx.asOf)} when the normaliser counts only the spheres the state is present in? Give its three-letter code (e.g. AZE). Then ask yourself whether that state is the most "multi-vector" of the ${countWord(panel.length)}.`,
    expected: t.state,
    accepted: top.map((b) => b.state),
    tolerance: 0,
    unit: "",
    fill: t.state,
    key: {
      question: `Highest balance index with k = spheres present, ${ctx.asOf}`,
      answer: top.map((b) => b.state).join(" or "),
      tolerance: "exact",
    },
    worked: html`<p><b>${listPhrase(top.map((b) => `${nameOf(b.state)} (${b.state})`))}</b>, with an index of ${formatNumber(best, 3)}${
      top.length > 1 ? `; ${nameOf(t.state)} has it` : ""
    } from ${countText(t.ties.length, "weighted tie")} (${t.ties
      .map((x) => `${x.org}, ${spherePhrase(x.sphere)}`)
      .join(
        "; ",
      )}) spread over ${countText(t.k, "sphere")}.</p><p>Evenness among the spheres a state is in rewards having few ties of equal weight. Under the default (all eight spheres), ${nameOf(t.state)} ranks ${rank(t.state)}${focalRank}. That is why the README divides by all eight spheres: a state present in two directions is not as "multi-vector" as one present in eight.</p><table style="border-collapse:collapse;font-size:13px"><tr><th style="text-align:left;${cell}">State</th><th style="${cell}">Ties</th><th style="${cell}">Index, present spheres</th><th style="${cell}">Index, default</th></tr>${rows}</table>`,
    sources: knownSources(ctx, mergeSources(...top.map((b) => b.sources))),
  };
}

// ── Exercise 6: trade ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * The reporter and mirror rows exercise 6 compares: of the periods known by the as-of date with both sides
 * published (for the focal state as partner, or any partner when the focal state is the reporter), the latest;
 * the first row of each side in file order.
 * @example tradePair({ pkg, known: pkg, asOf: "2026-03-10", focal: "TJK" })?.mir.value_usd // => 7500000
 * @example tradePair({ pkg, known: pkg, asOf: "2026-03-10", focal: "GEO" }) // => undefined
 * @category Workbook (06)
 */
export function tradePair(
  ctx: WorkbookContext,
): { readonly rep: TradeRow; readonly mir: TradeRow; readonly periods: number } | undefined {
  const rows = ctx.known.trade.filter(
    (r) => r.period_end <= ctx.asOf && (r.reporter === ctx.focal || r.partner === ctx.focal),
  );
  const keyOf = (r: TradeRow) => `${r.partner}|${r.period_start}|${r.period_end}|${r.flow}`;
  const pairs = [...new Set(rows.map(keyOf))]
    .map((k) => rows.filter((r) => keyOf(r) === k))
    .map((g) => ({ rep: g.find((r) => r.side === "reporter"), mir: g.find((r) => r.side === "mirror") }))
    .filter((p): p is { rep: TradeRow; mir: TradeRow } => p.rep !== undefined && p.mir !== undefined)
    .sort((x, y) => y.rep.period_end.localeCompare(x.rep.period_end) || keyOf(x.rep).localeCompare(keyOf(y.rep)));
  return pairs[0] === undefined ? undefined : { ...pairs[0], periods: pairs.length };
}

/**
 * Exercise 6: by how many percent the partner's (mirror) figure of a trade flow differs from the reporter's.
 * @example (exercise6({ pkg, known: pkg, asOf: "2024-11-30", focal: "TJK" }) as SetExercise).key.answer // => "+23.0 %"
 * @category Workbook (06)
 */
export function exercise6(ctx: WorkbookContext): Exercise {
  const name = stateName(ctx.pkg, ctx.focal);
  const inTrade = ctx.pkg.trade.some((r) => r.reporter === ctx.focal || r.partner === ctx.focal);
  const pair = tradePair(ctx);
  if (pair === undefined) {
    const partners = [...new Set(ctx.pkg.trade.map((r) => stateName(ctx.pkg, r.partner)))].sort();
    return {
      number: 6,
      set: false,
      reason: inTrade
        ? `No period of ${statePossessive(ctx.pkg, ctx.focal)} trade known by ${formatDate(ctx.asOf)} has both a reporter and a mirror figure, so the two sides cannot be compared.`
        : `data/trade.csv holds Azerbaijan's trade with ${listPhrase(partners)} only; ${name} is not among them, so there is no trade of ${name} to compare.`,
    };
  }
  const { rep, mir } = pair;
  const expected = percentChange(rep.value_usd, mir.value_usd)!;
  const period = periodLabel(rep.period_start, rep.period_end);
  const signed = fixedDigits(expected, 1, " %", true);
  const partner = stateName(ctx.pkg, rep.partner);
  return {
    number: 6,
    set: true,
    question: md`**Question.** For ${period}, ${statePossessive(ctx.pkg, rep.reporter)} customs put ${rep.flow} with ${partner} at **${formatUsd(rep.value_usd)}** (${sourcesText(ctx.pkg, rep.sources, ctx.asOf)}); ${statePossessive(ctx.pkg, mir.partner)} statistics put it at **${formatUsd(mir.value_usd)}** (${sourcesText(ctx.pkg, mir.sources, ctx.asOf)}). By how many percent is the partner's (mirror) figure above or below ${statePossessive(ctx.pkg, rep.reporter)}? Give a signed number in percent, one decimal.`,
    expected,
    accepted: [],
    tolerance: 0.5,
    unit: "%",
    fill: roundTo(expected, 1),
    key: {
      question: `Mirror against reporter, ${partner} ${period} ${rep.flow}`,
      answer: signed,
      tolerance: "±0.5 points",
    },
    worked: html`<p>(${formatUsd(mir.value_usd)} / ${formatUsd(rep.value_usd)} − 1) × 100 = <b>${signed}</b>.</p><p>Neither figure is "the" trade: each is a correct count by its own rules. A report should say whose figure it cites. This is ${
      pair.periods === 1 ? "the only period" : `the latest of ${countText(pair.periods, "period")}`
    } with both sides known by ${formatDate(ctx.asOf)}; most figures cover a part of a year on one side only, so a comparison across sides is rarely possible.</p><p style="color:#555">Sources: ${sourcesText(ctx.pkg, [...rep.sources, ...mir.sources], ctx.asOf)}</p>`,
    sources: knownSources(ctx, mergeSources(rowSources(rep), rowSources(mir))),
  };
}

// ── Showing and checking ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Every exercise of the workbook, in order.
 * @example workbookExercises({ pkg, known: pkg, asOf: "2024-11-30", focal: "AZE" }).map((e) => e.set) // => [true, true, true, true, true, true]
 * @category Workbook (06)
 */
export function workbookExercises(ctx: WorkbookContext): Exercise[] {
  return [exercise1(ctx), exercise2(ctx), exercise3(ctx), exercise4(ctx), exercise5(ctx), exercise6(ctx)];
}

/**
 * The question of an exercise, or the sentence saying why it is not set for this run.
 * @example questionMarkdown({ number: 6, set: false, reason: "No trade." }).source // => "**Not set for this run.** No trade."
 * @category Workbook (06)
 */
export function questionMarkdown(ex: Exercise): Markdown {
  return ex.set ? ex.question : md`**Not set for this run.** ${ex.reason}`;
}

/**
 * What checking an answer needs of an exercise (or of its line in a handout's key): the expected answer and rules.
 * @category Workbook (06)
 */
export type Checkable =
  | Pick<SetExercise, "set" | "expected" | "accepted" | "tolerance" | "unit">
  | { readonly set: false };

/**
 * A student's answer checked against the exercise (or its key line): a number within the tolerance, a text among
 * the accepted forms; `undefined` when the exercise is not set.
 * @example checkAnswer({ set: true, expected: 10, accepted: [], tolerance: 0.5, unit: "%" }, 10.2)?.state // => "correct"
 * @category Workbook (06)
 */
export function checkAnswer(ex: Checkable, given: unknown): CheckResult | undefined {
  if (!ex.set) return undefined;
  return typeof ex.expected === "number"
    ? checkNumber(given, ex.expected, ex.tolerance, ex.unit)
    : checkText(given, ex.accepted);
}

/**
 * The self-check of an exercise, for a student (`reveal` false: right or not yet, nothing of the computed answer)
 * or the teacher (`reveal` true: the verdict and the worked answer), or a grey note "not set for this run" with the
 * reason. Either way it ends with an invisible record of the answer it saw, which `npm run grade` reads back.
 * @example checkHtml({ number: 2, set: false, reason: "No rows." }, null, false).source.includes("not set for this run") // => true
 * @category Workbook (06)
 */
export function checkHtml(ex: Exercise, given: unknown, reveal: boolean): SafeHtml {
  const record = answerRecordHtml(ex.number, given);
  const result = checkAnswer(ex, given);
  if (!ex.set || result === undefined) {
    return html`${notSetHtml(ex.number)}${record}`;
  }
  return html`${selfCheckHtml(ex.number, result, ex.worked, reveal)}${record}`;
}

/**
 * The answer key: one row per exercise (an exercise not set says so, with why), with the sources of those set.
 * @example answerKeyTable([{ number: 6, set: false, reason: "No trade." }], "Georgia", "2016-12-31").rows[0]?.answer // => "not set for this run: No trade."
 * @category Workbook (06)
 */
export function answerKeyTable(
  exercises: readonly Exercise[],
  name: string,
  asOf: string,
): TableInput & { readonly title: string } {
  return {
    title: `Seminar workbook: answer key for ${name}, ${formatDate(asOf)}`,
    columns: [
      { key: "exercise", label: "Exercise" },
      { key: "question", label: "Question" },
      { key: "answer", label: "Answer from the data" },
      { key: "tolerance", label: "Accepted" },
    ],
    rows: exercises.map((e) =>
      e.set
        ? { exercise: String(e.number), ...e.key }
        : { exercise: String(e.number), question: "—", answer: `not set for this run: ${e.reason}`, tolerance: "—" },
    ),
    sources: mergeSources(...exercises.map((e) => (e.set ? e.sources : []))),
  };
}

/**
 * How many exercises are set, in a sentence for the top of the workbook.
 * @example setSentence([{ number: 1, set: true } as Exercise, { number: 2, set: false, reason: "x" }]) // => "One exercise of two is set from the data; exercise 2 cannot be set for this state and date and says why."
 * @category Workbook (06)
 */
export function setSentence(exercises: readonly Exercise[]): string {
  const set = exercises.filter((e) => e.set).length;
  const total = exercises.length;
  const unset = exercises.filter((e) => !e.set).map((e) => String(e.number));
  if (set === total)
    return total === 1
      ? "The exercise is set from the data for this state and date."
      : `All ${countText(total, "exercise")} are set from the data for this state and date.`;
  if (set === 0)
    return total === 1
      ? "The exercise cannot be set for this state and date; it says why."
      : `None of the ${countWord(total)} exercises can be set for this state and date; each says why.`;
  return `${capitalize(countText(set, "exercise"))} of ${countWord(total)} ${set === 1 ? "is" : "are"} set from the data; ${
    unset.length === 1 ? "exercise" : "exercises"
  } ${listPhrase(unset)} cannot be set for this state and date and ${unset.length === 1 ? "says" : "say"} why.`;
}

/**
 * A number rounded to `digits` decimals, as a number (what a student writes when a question asks for that many).
 * @example roundTo(62.3784, 1) // => 62.4
 * @example roundTo(-8.14, 1) // => -8.1
 * @example roundTo(0.46666, 2) // => 0.47
 * @category Workbook (06)
 */
export function roundTo(value: number, digits: number): number {
  const r = Number(value.toFixed(digits));
  return r === 0 ? 0 : r; // never -0
}

/**
 * A key's number with exactly the decimals the question asks for (trailing zeros kept: "23.0 %", not "23 %"), a
 * typographic minus, and a "+" for a positive change when `sign` is set.
 * @example fixedDigits(23, 1, " %", true) // => "+23.0 %"
 * @example fixedDigits(-8.14, 1, " %") // => "−8.1 %"
 * @example fixedDigits(0.5, 3) // => "0.500"
 * @category Workbook (06)
 */
export function fixedDigits(value: number, digits: number, unit = "", sign = false): string {
  const text = Math.abs(value).toFixed(digits);
  const zero = Number(text) === 0;
  return `${value < 0 && !zero ? "−" : sign && value > 0 && !zero ? "+" : ""}${text}${unit}`;
}
