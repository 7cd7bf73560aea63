/**
 * The comparisons the article implies (notebook 07): a state's multi-vector balance against its neighbours over
 * time, with the article's turning points; the Middle Corridor's weight among the China–Europe land routes; and
 * Azerbaijan's trade with Central Asia as a share of its total trade, reporter and mirror side by side. Every table,
 * caption and sentence of the notebook is built here, for any focal state and as-of date.
 * @module
 */
import { median } from "simple-statistics";
import { type Iso3, type Series, type SeriesPoint, type SourceId, mergeSources } from "../core/types";
import { countWord, formatNumber, formatPercent, formatUsd } from "../core/format";
import { calendarYear, periodLabel } from "../core/period";
import type { DataPackage } from "../data/load";
import { previousRelease, type Release } from "../data/releases";
import { PANEL_STATES } from "../data/vocabulary";
import type { CorridorFlowRow, TradeRow, TradeTotalRow } from "../data/resources";
import { membershipIndex } from "../indicators/memberships/status";
import { balanceByYear, multiVectorBalance } from "../indicators/balance/balance";
import { rowSources } from "../indicators/series/sources";
import type { TableInput } from "../figures/table";
import type { ComparisonBar, FigureOptions } from "../figures/inputs";
import type { PlotlyFigure } from "../figures/plotly";
import { timeSeriesFigure } from "../figures/time-series";
import { comparisonBarsFigure } from "../figures/comparison-bars";
import { withYearMarks } from "../figures/year-marks";
import { type Markdown, md, mdJoin } from "../display/safe-text";
import { formatDate } from "./as-of";
import { stateName, statePossessive } from "./names";
import { capitalize, countText, listPhrase } from "./prose";
import { rankOf, rankText } from "./ranks";
import { maxOf, minOf } from "../core/extent";

/**
 * Azerbaijan, the five Central Asian states, the other two South Caucasus states and Türkiye.
 * @category Comparisons (07)
 */
export const BALANCE_NEIGHBOURS: readonly Iso3[] = ["AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO", "ARM", "TUR"].map(
  (s) => s as Iso3,
);

/**
 * The five Central Asian states.
 * @category Comparisons (07)
 */
export const CENTRAL_ASIA: readonly Iso3[] = ["KAZ", "KGZ", "TJK", "TKM", "UZB"].map((s) => s as Iso3);

/**
 * The states a focal state's balance is compared with: {@link BALANCE_NEIGHBOURS} without the focal state (eight for
 * one of them, nine for any other state).
 * @example comparedWith("AZE" as Iso3).length // => 8
 * @example comparedWith("RUS" as Iso3).includes("AZE" as Iso3) // => true
 * @category Comparisons (07)
 */
export function comparedWith(focal: Iso3): Iso3[] {
  return BALANCE_NEIGHBOURS.filter((s) => s !== focal);
}

/**
 * A turning point of the article, drawn as a vertical line: a dated data row.
 * @category Comparisons (07)
 */
export interface TurningPoint {
  readonly date: string;
  /** In a sentence ("Russia's invasion of Ukraine"). */
  readonly label: string;
  /** On the chart ("Invasion of Ukraine"). */
  readonly short: string;
  /** The data row, `resource:key`. */
  readonly row: string;
  readonly sources: readonly SourceId[];
}

/**
 * The conflict rows the article's turning points are read from (data/conflict.csv ids).
 * @category Comparisons (07)
 */
export const TURNING_POINT_IDS = {
  war2020: "2020-09-27-second-garabagh-war-begins",
  invasion2022: "2022-02-24-russia-invades-ukraine",
} as const;

/**
 * The article's three turning points that the data date and that fall by `asOf`: Azerbaijan's SCO dialogue
 * partnership (memberships.csv), the start of the Second Garabagh War and Russia's invasion of Ukraine
 * (conflict.csv). A row missing from the data is left out.
 * @example turningPoints(pkg, "2026-03-10").map((t) => t.date) // => ["2015-07-10", "2020-09-27", "2022-02-24"]
 * @example turningPoints(pkg, "2016-12-31").length // => 1
 * @category Comparisons (07)
 */
export function turningPoints(pkg: Pick<DataPackage, "memberships" | "conflict">, asOf: string): TurningPoint[] {
  const out: TurningPoint[] = [];
  const sco = pkg.memberships.find((m) => m.state === "AZE" && m.org === "SCO" && m.status === "dialogue_partner");
  if (sco)
    out.push({
      date: sco.since,
      label: "Azerbaijan's SCO dialogue partnership",
      short: "SCO dialogue partner",
      row: `memberships:${sco.state}|${sco.org}|${sco.since}`,
      sources: rowSources(sco),
    });
  const labels = { war2020: "the Second Garabagh War", invasion2022: "Russia's invasion of Ukraine" } as const;
  const shorts = { war2020: "Garabagh War", invasion2022: "Invasion of Ukraine" } as const;
  for (const key of ["war2020", "invasion2022"] as const) {
    const r = pkg.conflict.find((c) => c.id === TURNING_POINT_IDS[key]);
    if (r)
      out.push({
        date: r.date,
        label: labels[key],
        short: shorts[key],
        row: `conflict:${r.id}`,
        sources: rowSources(r),
      });
  }
  return out.filter((t) => t.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The balance comparison of a focal state (see {@link balanceComparison}).
 * @category Comparisons (07)
 */
export interface BalanceComparison {
  readonly focal: Iso3;
  readonly name: string;
  readonly asOf: string;
  /** The states compared, focal state first. */
  readonly states: readonly Iso3[];
  /** Year ends drawn (first year to the last full year by the as-of date); empty when none. */
  readonly years: readonly number[];
  /** One series per state, focal first: the index at each year end. */
  readonly series: readonly Series[];
  /** The index of every state on the as-of date, focal first (`undefined`: no weighted tie). */
  readonly now: readonly {
    readonly state: Iso3;
    readonly index: number | undefined;
    readonly sources: readonly SourceId[];
  }[];
  readonly marks: readonly TurningPoint[];
  readonly title: string;
  readonly subtitle: string;
  readonly caption: string;
  /** What the dotted lines mark (for the chart's note); "" when there is none. */
  readonly note: string;
}

const round3 = (x: number | undefined): number | null => (x === undefined ? null : Math.round(x * 1000) / 1000);

/**
 * The multi-vector balance index (lib/indicators/balance, default weights and spheres) of the focal state and of each
 * state it is compared with, at every year end from `firstYear` to the last full year by `asOf`, and on `asOf`.
 * @example balanceComparison(pkg, "AZE" as Iso3, "2026-03-10").states.length // => 9
 * @example balanceComparison(pkg, "GEO" as Iso3, "1999-06-30").years // => []
 * @category Comparisons (07)
 */
export function balanceComparison(
  pkg: Pick<DataPackage, "memberships" | "organizations" | "states" | "conflict">,
  focal: Iso3,
  asOf: string,
  firstYear = 2000,
): BalanceComparison {
  const orgs = pkg.organizations.filter((o) => o.sphere !== "transport");
  const index = membershipIndex(
    pkg.memberships,
    orgs,
    pkg.states.map((s) => s.iso3),
  );
  const states = [focal, ...comparedWith(focal)];
  const lastYear = Number(asOf.slice(0, 4)) - (asOf.endsWith("-12-31") ? 0 : 1);
  const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
  const series: Series[] = states.map((s) => {
    const byYear = years.length === 0 ? [] : balanceByYear(index, orgs, s, firstYear, lastYear);
    return {
      id: s,
      label: stateName(pkg, s),
      metric: "balance_index",
      unit: "index",
      scope: "",
      points: byYear.map(
        (b, i): SeriesPoint => ({
          periodStart: `${years[i]}-01-01`,
          periodEnd: `${years[i]}-12-31`,
          label: String(years[i]),
          value: round3(b.index),
          status: "actual",
          sources: b.sources,
        }),
      ),
    };
  });
  const now = states.map((s) => {
    const b = multiVectorBalance(index, orgs, s, asOf);
    return { state: s, index: round3(b.index) ?? undefined, sources: b.sources };
  });
  const marks = turningPoints(pkg, asOf).filter((t) => Number(t.date.slice(0, 4)) >= firstYear);
  const name = stateName(pkg, focal);
  const span = years.length === 1 ? `${firstYear}` : `${firstYear}–${lastYear}`;
  return {
    focal,
    name,
    asOf,
    states,
    years,
    series,
    now,
    marks,
    title: `Multi-vector balance of ${name} and ${countWord(states.length - 1)} other states, year ends ${span}`,
    subtitle:
      "States compared: Azerbaijan, the five Central Asian states, Georgia, Armenia, Türkiye. Normalised entropy of weighted ties over eight spheres (0 = one sphere, 1 = even)",
    caption: `${statePossessive(pkg, focal)} balance index at each year end against ${countWord(states.length - 1)} other states${
      marks.length ? ", with the article's turning points" : ""
    }.`,
    note:
      marks.length === 0
        ? ""
        : `Dotted vertical lines, between the year ends around their dates: ${marks.map((m) => `${capitalize(m.label)} (${formatDate(m.date)})`).join("; ")}.`,
  };
}

/**
 * The balance chart: one line per state at each year end, the focal state first, the turning points as dotted
 * lines. `options` gives the source catalogue and any size; title, subtitle and note come from the comparison.
 * @example balanceComparisonFigure(balanceComparison(pkg, "AZE" as Iso3, "2026-03-10"), { title: "" }).data.length > 0 // => true
 * @category Comparisons (07)
 */
export function balanceComparisonFigure(c: BalanceComparison, options: Omit<FigureOptions, "title">): PlotlyFigure {
  const note = [c.note, c.years.length ? "Each point is the index at the end of its year." : ""]
    .filter(Boolean)
    .join(" ");
  const fig = timeSeriesFigure(c.series, {
    ...options,
    title: c.title,
    subtitle: c.subtitle,
    quantity: "Multi-vector balance",
    note,
    noData: `No year end from 2000 falls by ${formatDate(c.asOf)}.`,
  });
  if (c.years.length === 0) return fig;
  // The focal state's line on top of the others (drawn last), thicker, and first in the legend.
  const focalName = c.series[0]!.label;
  const isFocal = (t: Record<string, unknown>) => t.name === focalName;
  const data = [
    ...fig.data.filter((t) => !isFocal(t)),
    ...fig.data.filter(isFocal).map((t) => ({ ...t, legendrank: 1, line: { ...(t.line as object), width: 4 } })),
  ];
  const xaxis = fig.layout.xaxis as Record<string, unknown> & { title?: Record<string, unknown> };
  const layout = { ...fig.layout, xaxis: { ...xaxis, title: { ...(xaxis.title ?? {}), text: "End of year" } } };
  return withYearMarks(
    { ...fig, data, layout },
    c.marks.map((m) => ({ date: m.date, label: m.short })),
  );
}

/**
 * The balance table: each state's index at the year end before each turning point and on the as-of date, its change
 * since the first of those columns, and its rank on the as-of date.
 * @example balanceTable(balanceComparison(pkg, "AZE" as Iso3, "2026-03-10")).columns.map((c) => c.key) // => ["state", "y2014", "y2019", "y2021", "now", "change", "rank"]
 * @category Comparisons (07)
 */
export function balanceTable(c: BalanceComparison): TableInput & { readonly title: string } {
  const before = [...new Set(c.marks.map((m) => Number(m.date.slice(0, 4)) - 1))].filter((y) => c.years.includes(y));
  const valueAt = (s: Iso3, y: number) =>
    c.series.find((x) => x.id === s)?.points.find((p) => p.label === String(y))?.value ?? null;
  const nowOf = (s: Iso3) => c.now.find((n) => n.state === s)!;
  const first = before[0];
  return {
    title: `Balance index of ${c.name} and the states compared, before each turning point and on ${formatDate(c.asOf)}`,
    columns: [
      { key: "state", label: "State" },
      ...before.map((y) => ({ key: `y${y}`, label: `End of ${y}` })),
      { key: "now", label: formatDate(c.asOf) },
      ...(first !== undefined ? [{ key: "change", label: `Change since ${first}` }] : []),
      { key: "rank", label: `Rank of ${c.states.length}` },
    ],
    rows: c.states.map((s) => {
      const n = nowOf(s).index;
      const start = first === undefined ? null : valueAt(s, first);
      return {
        state: c.series.find((x) => x.id === s)?.label ?? s,
        ...Object.fromEntries(before.map((y) => [`y${y}`, valueAt(s, y)])),
        now: round3(n),
        ...(first !== undefined
          ? { change: start === null || n === undefined ? null : Math.round((n - start) * 1000) / 1000 }
          : {}),
        rank: rankText(
          rankOf(
            c.now,
            s,
            (x) => x.state,
            (x) => x.index,
          ),
        ),
      };
    }),
    sources: mergeSources(...c.now.map((n) => n.sources), ...c.series.flatMap((s) => s.points.map((p) => p.sources))),
  };
}

/**
 * What the balance comparison says: the focal state's rank on the as-of date against the median of the others, and
 * how its index and the others' median moved across each turning point.
 * @example balanceParagraph(balanceComparison(pkg, "AZE" as Iso3, "2026-03-10")).source.includes("median") // => true
 * @example balanceParagraph(balanceComparison(pkg, "PRK" as Iso3, "2026-03-10")).source.includes("no weighted tie") // => true
 * @category Comparisons (07)
 */
export function balanceParagraph(c: BalanceComparison): Markdown {
  const own = c.now[0]!.index;
  const others = c.now.slice(1).filter((n) => n.index !== undefined);
  if (own === undefined)
    return md`${c.name} holds no weighted tie on ${formatDate(c.asOf)}, so it has no balance index to compare.`;
  if (others.length === 0)
    return md`None of the ${countWord(c.now.length - 1)} other states holds a weighted tie on ${formatDate(c.asOf)}, so ${c.name}'s index (${formatNumber(own, 3)}) has nothing to be compared with.`;
  const mid = medianOf(others.map((o) => o.index!));
  const rank = rankOf(
    c.now,
    c.focal,
    (x) => x.state,
    (x) => x.index,
  );
  const side = own > mid + 0.005 ? "above" : own < mid - 0.005 ? "below" : "at";
  const parts: Markdown[] = [
    md`On ${formatDate(c.asOf)} ${c.name}'s balance index is ${formatNumber(own, 3)}, ${rankText(rank)} among the states compared and ${side} the median of the other ${countWord(others.length)} (${formatNumber(mid, 3)}).`,
  ];
  for (const m of c.marks) {
    const y = Number(m.date.slice(0, 4));
    const after = c.years.includes(y + 1) ? y + 1 : undefined;
    if (!c.years.includes(y - 1) || after === undefined) continue;
    const f0 = c.series[0]!.points.find((p) => p.label === String(y - 1))?.value ?? null;
    const f1 = c.series[0]!.points.find((p) => p.label === String(after))?.value ?? null;
    const med = (yr: number) =>
      medianOrNull(
        c.series
          .slice(1)
          .map((s) => s.points.find((p) => p.label === String(yr))?.value ?? null)
          .filter((v): v is number => v !== null),
      );
    const m0 = med(y - 1);
    const m1 = med(after);
    if (f0 === null || f1 === null || m0 === null || m1 === null) continue;
    parts.push(
      md`Between the end of ${String(y - 1)} and the end of ${String(after)}, around ${m.label} (${formatDate(m.date)}), ${c.name}'s index ${moved(f0, f1)} and the median of the others ${moved(m0, m1)}.`,
    );
  }
  if (c.marks.length === 0)
    parts.push(md`None of the article's turning points (2015, 2020, 2022) falls by ${formatDate(c.asOf)}.`);
  return mdJoin(parts, " ");
}

function moved(a: number, b: number): string {
  const d = b - a;
  if (Math.abs(d) < 0.0005) return `stayed at ${formatNumber(a, 3)}`;
  return `${d > 0 ? "rose" : "fell"} from ${formatNumber(a, 3)} to ${formatNumber(b, 3)}`;
}

const medianOf = (xs: readonly number[]): number => median(xs as number[]);
const medianOrNull = (xs: readonly number[]): number | null => (xs.length === 0 ? null : medianOf(xs));

/**
 * The routes compared and the scope that counts each one's containers (the total comes second).
 * @category Comparisons (07)
 */
export const ROUTE_SCOPES = [
  {
    route: "titr",
    scope: "titr_containers",
    label: "Middle Corridor (TITR containers)",
    short: "Middle Corridor (TITR)",
  },
  {
    route: "china_europe_rail",
    scope: "china_railway_express",
    label: "All China–Europe trains (China Railway Express)",
    short: "All China–Europe trains",
  },
  {
    route: "northern_route",
    scope: "utlc_era",
    label: "Northern route, all China–Europe–China traffic (UTLC ERA), to 2021",
    short: "Northern route (UTLC ERA, to 2021)",
  },
  {
    route: "northern_route",
    scope: "erai_china_eu",
    label: "Northern route, China–EU transit only (ERAI China EU), from 2022",
    short: "Northern route (ERAI, China–EU only, from 2022)",
  },
] as const;

/** Index of the China–Europe total in {@link ROUTE_SCOPES}. */
const TOTAL = 1;

/**
 * The states each compared route crosses (by the route's definition; China is every route's start).
 * @category Comparisons (07)
 */
export const ROUTE_STATES: Readonly<Record<(typeof ROUTE_SCOPES)[number]["route"], readonly Iso3[]>> = {
  titr: ["CHN", "KAZ", "AZE", "GEO", "TUR"].map((s) => s as Iso3),
  china_europe_rail: ["CHN"].map((s) => s as Iso3),
  northern_route: ["CHN", "KAZ", "RUS", "BLR"].map((s) => s as Iso3),
};

/**
 * One year of the route comparison.
 * @category Comparisons (07)
 */
export interface RouteYear {
  readonly year: number;
  /** TEU per scope of {@link ROUTE_SCOPES}; `null` where no full-year figure is published. */
  readonly teu: readonly (number | null)[];
  /** The rows used, per scope. */
  readonly rows: readonly (CorridorFlowRow | undefined)[];
  /** Per scope, 100 × its TEU / China–Europe TEU; `null` without both (and for the total itself). */
  readonly shares: readonly (number | null)[];
}

/** Whether a row is a full-year, actual figure of one of the compared scopes, ended by `asOf`. */
const isRouteRow = (r: CorridorFlowRow, asOf: string): boolean =>
  ROUTE_SCOPES.some((q) => q.route === r.route && q.scope === r.scope) &&
  r.status === "actual" &&
  calendarYear(r.period_start, r.period_end) !== undefined &&
  r.period_end <= asOf;

/**
 * The full-year container figure (TEU, actual) of each scope and year by the as-of date: where several rows give one
 * year, the one whose newest source was published last (then the first in the file). Shares are derived here:
 * `share = 100 × scope TEU / China Railway Express TEU`, for the years with both figures.
 * @example routeYears(pkg, "2026-03-10").find((y) => y.year === 2024)?.shares[0] !== null // => true
 * @example routeYears(pkg, "2015-12-31") // => []
 * @category Comparisons (07)
 */
export function routeYears(pkg: Pick<DataPackage, "corridorFlows" | "sourceById">, asOf: string): RouteYear[] {
  const published = (r: CorridorFlowRow) =>
    r.sources
      .map((s) => pkg.sourceById.get(s)?.published ?? "")
      .sort()
      .at(-1) ?? "";
  const teuRows = pkg.corridorFlows.filter((r) => isRouteRow(r, asOf) && r.metric === "containers" && r.unit === "TEU");
  const pick = (scope: string, year: number): CorridorFlowRow | undefined =>
    teuRows
      .filter((r) => r.scope === scope && calendarYear(r.period_start, r.period_end) === year)
      .reduce<CorridorFlowRow | undefined>(
        (best, r) => (best === undefined || published(r) > published(best) ? r : best),
        undefined,
      );
  const years = [...new Set(teuRows.map((r) => calendarYear(r.period_start, r.period_end)!))].sort((a, b) => a - b);
  return years.map((year) => {
    const rows = ROUTE_SCOPES.map((q) => pick(q.scope, year));
    const teu = rows.map((r) => r?.value ?? null);
    const total = teu[TOTAL] ?? null;
    const shares = teu.map((x, i) =>
      i === TOTAL || x === null || total === null || total === 0 ? null : (100 * x) / total,
    );
    return { year, teu, rows, shares };
  });
}

/**
 * Full-year container figures of the compared routes published in containers, not TEU, and so left out.
 * @example routeUnitSkips(pkg, "2026-03-10").every((r) => r.unit === "containers") // => true
 * @category Comparisons (07)
 */
export function routeUnitSkips(pkg: Pick<DataPackage, "corridorFlows">, asOf: string): CorridorFlowRow[] {
  return pkg.corridorFlows.filter((r) => isRouteRow(r, asOf) && r.metric === "containers" && r.unit === "containers");
}

/**
 * The TEU series of each scope, for a chart (years without a figure are gaps).
 * @example routeSeries(routeYears(pkg, "2026-03-10")).map((s) => s.scope) // => ["titr_containers", "china_railway_express", "utlc_era", "erai_china_eu"]
 * @category Comparisons (07)
 */
export function routeSeries(years: readonly RouteYear[]): Series[] {
  return ROUTE_SCOPES.map((q, i) => ({
    id: q.scope,
    label: q.label,
    metric: "containers",
    unit: "TEU",
    scope: q.scope,
    points: years.map((y) => ({
      periodStart: `${y.year}-01-01`,
      periodEnd: `${y.year}-12-31`,
      label: String(y.year),
      value: y.teu[i] ?? null,
      status: "actual" as const,
      sources: y.rows[i] ? rowSources(y.rows[i]!) : [],
    })),
    rows: years.flatMap((y) => (y.rows[i] ? [`corridor_flows:${y.rows[i]!.id}`] : [])),
  })).filter((s) => s.points.some((p) => p.value !== null));
}

const pct1 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

/**
 * The route table: one row per year, the TEU of each scope and the derived shares.
 * @example routeTable(routeYears(pkg, "2026-03-10")).columns.length // => 8
 * @category Comparisons (07)
 */
export function routeTable(years: readonly RouteYear[]): TableInput & { readonly title: string } {
  return {
    title: "Containers on the China–Europe land routes (TEU) and the derived shares of all China–Europe trains",
    columns: [
      { key: "year", label: "Year" },
      { key: "titr", label: "Middle Corridor (TITR), TEU" },
      { key: "cre", label: "All China–Europe trains, TEU" },
      { key: "utlc", label: "Northern: UTLC ERA (to 2021), TEU" },
      { key: "erai", label: "Northern: ERAI China–EU (from 2022), TEU" },
      { key: "titrShare", label: "TITR / China–Europe, %" },
      { key: "utlcShare", label: "UTLC ERA / China–Europe, %" },
      { key: "eraiShare", label: "ERAI China–EU / China–Europe, %" },
    ],
    rows: years.map((y) => ({
      year: String(y.year),
      titr: y.teu[0] ?? null,
      cre: y.teu[1] ?? null,
      utlc: y.teu[2] ?? null,
      erai: y.teu[3] ?? null,
      titrShare: pct1(y.shares[0]),
      utlcShare: pct1(y.shares[2]),
      eraiShare: pct1(y.shares[3]),
    })),
    sources: mergeSources(...years.flatMap((y) => y.rows.map((r) => (r ? rowSources(r) : [])))),
  };
}

/** What the two northern counts are, said under a chart that draws both. */
const ERA_NOTE =
  "The northern route's two counts differ: UTLC ERA's to 2021 covers all China–Europe–China traffic on its services, ERAI's from 2022 only China–EU transit.";

const drawsBothNorthern = (years: readonly RouteYear[]) =>
  years.some((y) => y.teu[2] !== null) && years.some((y) => y.teu[3] !== null);

/**
 * The route chart: containers (TEU) per year on each route, one line per count (years without a figure are gaps).
 * @example routeFigure(routeYears(pkg, "2026-03-10"), {}).data.length > 0 // => true
 * @category Comparisons (07)
 */
export function routeFigure(years: readonly RouteYear[], options: Omit<FigureOptions, "title">): PlotlyFigure {
  return timeSeriesFigure(routeSeries(years), {
    ...options,
    title: "Containers on the China–Europe land routes, by year",
    subtitle: "Twenty-foot equivalent units (TEU), full years, as each operator counts them",
    quantity: "Containers",
    ...(drawsBothNorthern(years) ? { note: ERA_NOTE } : {}),
    noData: "No full-year container figure of these routes is published by this date.",
  });
}

/**
 * The share chart: per year, each route's containers as a share of all China–Europe rail containers
 * (`100 × route TEU / China Railway Express TEU`), side by side; the northern route's two counts in their own colours.
 * @example isEmptyFigure(routeShareFigure(routeYears(pkg, "2015-12-31"), {})) // => true
 * @category Comparisons (07)
 */
export function routeShareFigure(years: readonly RouteYear[], options: Omit<FigureOptions, "title">): PlotlyFigure {
  const computed = "100 × route TEU / China–Europe trains' TEU";
  const withShare = years.filter((y) => y.shares.some((s) => s !== null));
  const scopes = [0, 2, 3].filter((i) => withShare.some((y) => y.shares[i] !== null));
  const bars: ComparisonBar[] = withShare.flatMap((y) =>
    scopes.map((i) => ({
      label: ROUTE_SCOPES[i]!.short,
      value: pct1(y.shares[i]),
      group: String(y.year),
      colorKey: ROUTE_SCOPES[i]!.scope,
      period: String(y.year),
      sources: mergeSources(y.rows[i] ? rowSources(y.rows[i]!) : [], y.rows[TOTAL] ? rowSources(y.rows[TOTAL]!) : []),
      computed,
    })),
  );
  const both = scopes.includes(2) && scopes.includes(3);
  return comparisonBarsFigure(
    { quantity: "Share of China–Europe rail containers", unit: "percent", bars, sources: routeTable(years).sources },
    {
      ...options,
      title: "Each route's containers as a share of all China–Europe rail containers",
      subtitle: "Derived: 100 × route TEU / TEU of all China–Europe trains; n/a marks a missing figure",
      ...(both ? { note: ERA_NOTE } : {}),
      noData: "No year has both a route's container figure and the China–Europe total by this date.",
    },
  );
}

/**
 * The data rows a route comparison draws (`corridor_flows:<id>`).
 * @example routeRows(routeYears(pkg, "2026-03-10")).every((r) => r.startsWith("corridor_flows:")) // => true
 * @category Comparisons (07)
 */
export function routeRows(years: readonly RouteYear[]): string[] {
  return years.flatMap((y) =>
    y.rows.filter((r): r is CorridorFlowRow => r !== undefined).map((r) => `corridor_flows:${r.id}`),
  );
}

/**
 * What the route comparison says: the Middle Corridor's share of China–Europe container traffic in the first and
 * last year with both figures, the northern route's latest share (with its count named), figures left out for their
 * unit, the caveats of scope, and whether the routes cross the focal state.
 * @example routeParagraph(routeYears(pkg, "2015-12-31"), [], "AZE" as Iso3, "Azerbaijan").source.startsWith("No year") // => true
 * @category Comparisons (07)
 */
export function routeParagraph(
  years: readonly RouteYear[],
  skipped: readonly CorridorFlowRow[],
  focal: Iso3,
  name: string,
): Markdown {
  const on = (Object.keys(ROUTE_STATES) as (keyof typeof ROUTE_STATES)[]).filter((r) =>
    ROUTE_STATES[r].includes(focal),
  );
  const where =
    on.length === 0
      ? md`Neither the Middle Corridor nor the northern route crosses ${name}; the comparison is context for the states it does cross.`
      : on.includes("titr")
        ? md`The Middle Corridor crosses ${name}.`
        : md`The Middle Corridor does not cross ${name}; ${on.includes("northern_route") ? "the northern route does" : "it is the start of every route"}.`;
  const skippedText =
    skipped.length === 0
      ? []
      : [
          md`Left out because they count containers, not TEU: ${listPhrase(skipped.map((r) => `${ROUTE_SCOPES.find((q) => q.scope === r.scope)?.short ?? r.scope} ${r.period_start.slice(0, 4)} (${formatNumber(r.value)} containers)`))}.`,
        ];
  const both = years.filter((y) => y.shares[0] !== null);
  const north = years.filter((y) => y.shares[2] !== null || y.shares[3] !== null);
  const n = north[north.length - 1];
  const northText =
    n === undefined
      ? []
      : [
          md`The northern route carried ${formatNumber((n.teu[3] ?? n.teu[2])!)} TEU in ${String(n.year)} by ${n.teu[3] !== null ? "ERAI's China–EU count" : "UTLC ERA's count of all China–Europe–China traffic"}, ${formatPercent(n.shares[3] ?? n.shares[2], { digits: 1 })} of the total${
            drawsBothNorthern(years)
              ? "; its counts before and after 2022 measure different traffic and are not joined"
              : ""
          }.`,
        ];
  if (both.length === 0)
    return mdJoin(
      [
        md`No year by this date has both a full-year Middle Corridor container figure in TEU and the China–Europe total, so the corridor's share cannot be derived.`,
        ...northText,
        ...skippedText,
        where,
      ],
      " ",
    );
  const a = both[0]!;
  const b = both[both.length - 1]!;
  const first = md`The Middle Corridor carried ${formatNumber(a.teu[0]!)} TEU in ${String(a.year)}, ${formatPercent(a.shares[0], { digits: 1 })} of the ${formatNumber(a.teu[TOTAL]!)} TEU on all China–Europe trains`;
  const last =
    a.year === b.year
      ? md`.`
      : md`; in ${String(b.year)} ${formatNumber(b.teu[0]!)} TEU, ${formatPercent(b.shares[0], { digits: 1 })} of ${formatNumber(b.teu[TOTAL]!)} TEU.`;
  return mdJoin(
    [
      md`${first}${last}`,
      ...northText,
      md`The Middle Corridor's shares are upper bounds of its weight in China–Europe trade: TITR's count includes containers between other places (Central Asia and Türkiye, for example), and the China–Europe total counts trains on every route, the Middle Corridor's among them.`,
      ...skippedText,
      where,
    ],
    " ",
  );
}

/**
 * The figures of one side for one period: the partners with a figure, the low and high sums, the rows.
 * @category Comparisons (07)
 */
export interface TradeShareSide {
  readonly partners: readonly string[];
  readonly low: number;
  readonly high: number;
  readonly rows: readonly TradeRow[];
}

/**
 * One period of the trade comparison: Azerbaijan's total trade and its trade with the partners, by side.
 * @category Comparisons (07)
 */
export interface TradeSharePeriod {
  readonly label: string;
  /** The total's rows for the period (two when releases differ). */
  readonly totals: readonly TradeTotalRow[];
  readonly totalLow: number;
  readonly totalHigh: number;
  /** Per side: partners with a figure, the low and high sums (several rows for one partner: lowest and highest). */
  readonly sides: Readonly<Record<TradeRow["side"], TradeShareSide>>;
  /** One figure per partner, taken from Azerbaijan's side, else the partner's, else the side not stated. */
  readonly best: TradeShareSide;
}

/** The order in which sides stand in for each other in {@link TradeSharePeriod.best}. */
const SIDE_ORDER: readonly TradeRow["side"][] = ["reporter", "mirror", "unclear"];

function sideOf(rows: readonly TradeRow[]): TradeShareSide {
  const partners = [...new Set(rows.map((r) => r.partner))];
  const values = partners.map((p) => rows.filter((r) => r.partner === p).map((r) => r.value_usd));
  return {
    partners,
    low: values.reduce((a, v) => a + minOf(v), 0),
    high: values.reduce((a, v) => a + maxOf(v), 0),
    rows,
  };
}

/**
 * Azerbaijan's turnover with `partners` in each period for which trade_totals.csv gives its total turnover (two
 * releases of one period make one period with a range), per side (reporter, mirror, unclear) and as the best
 * available figure per partner (reporter, else mirror, else unclear). A partner with several rows for one side and
 * period contributes its lowest value to `low` and its highest to `high`.
 * @example tradeSharePeriods(pkg, CENTRAL_ASIA, "2026-03-10").filter((p) => p.label === "2022").length // => 1
 * @category Comparisons (07)
 */
export function tradeSharePeriods(
  pkg: Pick<DataPackage, "trade" | "tradeTotals">,
  partners: readonly Iso3[],
  asOf: string,
): TradeSharePeriod[] {
  const totals = pkg.tradeTotals.filter((t) => t.reporter === "AZE" && t.flow === "turnover" && t.period_end <= asOf);
  const keys = [...new Set(totals.map((t) => `${t.period_start}|${t.period_end}`))].sort();
  return keys.map((key) => {
    const [start, end] = key.split("|") as [string, string];
    const own = totals.filter((t) => t.period_start === start && t.period_end === end);
    const same = pkg.trade.filter(
      (r) => r.flow === "turnover" && r.period_start === start && r.period_end === end && partners.includes(r.partner),
    );
    const sides = {
      reporter: sideOf(same.filter((r) => r.side === "reporter")),
      mirror: sideOf(same.filter((r) => r.side === "mirror")),
      unclear: sideOf(same.filter((r) => r.side === "unclear")),
    };
    const bestRows = [...new Set(same.map((r) => r.partner))].flatMap((p) => {
      const side = SIDE_ORDER.find((s) => same.some((r) => r.partner === p && r.side === s))!;
      return same.filter((r) => r.partner === p && r.side === side);
    });
    return {
      label: periodLabel(start, end),
      totals: own,
      totalLow: minOf(own.map((t) => t.value_usd)),
      totalHigh: maxOf(own.map((t) => t.value_usd)),
      sides,
      best: sideOf(bestRows),
    };
  });
}

/** "1.2 %" or "1.2–1.3 %" (a range when sources disagree): the lowest sum over the highest total, and back. */
function shareText(x: TradeShareSide, p: TradeSharePeriod): string {
  const a = formatPercent((100 * x.low) / p.totalHigh, { digits: 2 });
  const b = formatPercent((100 * x.high) / p.totalLow, { digits: 2 });
  return a === b ? a : `${a.replace(" %", "")}–${b}`;
}

const hasFigure = (p: TradeSharePeriod) => p.best.partners.length > 0;

/**
 * The trade table: per period with a partner figure, Azerbaijan's total turnover, the share of the best available
 * figure per partner, and the share on each side, partners named.
 * @example tradeShareTable(tradeSharePeriods(pkg, CENTRAL_ASIA, "2026-03-10"), "Central Asia").columns.length // => 6
 * @category Comparisons (07)
 */
export function tradeShareTable(
  periods: readonly TradeSharePeriod[],
  partnersText: string,
  nameOf: (iso3: string) => string = (s) => s,
): TableInput & { readonly title: string } {
  const cell = (x: TradeShareSide, p: TradeSharePeriod) =>
    x.partners.length === 0 ? "no figure" : `${shareText(x, p)} (${x.partners.map(nameOf).join(", ")})`;
  return {
    title: `Azerbaijan's trade with ${partnersText} as a share of its total trade`,
    columns: [
      { key: "period", label: "Period" },
      { key: "total", label: "Azerbaijan's total turnover" },
      { key: "best", label: "Share, one figure per partner (partners)" },
      { key: "reporter", label: "Azerbaijan's figures" },
      { key: "mirror", label: "Partners' figures" },
      { key: "unclear", label: "Side not stated" },
    ],
    rows: periods.filter(hasFigure).map((p) => ({
      period: p.label,
      total: p.totalLow === p.totalHigh ? formatUsd(p.totalLow) : `${formatUsd(p.totalLow)}–${formatUsd(p.totalHigh)}`,
      best: cell(p.best, p),
      reporter: cell(p.sides.reporter, p),
      mirror: cell(p.sides.mirror, p),
      unclear: cell(p.sides.unclear, p),
    })),
    sources: mergeSources(
      ...periods
        .filter(hasFigure)
        .flatMap((p) => [
          ...p.totals.map((t) => rowSources(t)),
          ...Object.values(p.sides).flatMap((s) => s.rows.map((r) => rowSources(r))),
        ]),
    ),
  };
}

/**
 * The data rows a trade comparison reads (`trade_totals:<id>`, `trade:<id>`).
 * @example tradeShareRows(tradeSharePeriods(pkg, CENTRAL_ASIA, "2026-03-10"))[0]?.startsWith("trade_totals:") // => true
 * @category Comparisons (07)
 */
export function tradeShareRows(periods: readonly TradeSharePeriod[]): string[] {
  return periods.flatMap((p) => [
    ...p.totals.map((t) => `trade_totals:${t.id}`),
    ...Object.values(p.sides).flatMap((s) => s.rows.map((r) => `trade:${r.id}`)),
  ]);
}

/**
 * The partners of the trade comparison for a focal state: the five Central Asian states for Azerbaijan, the focal
 * state itself for one of them, none otherwise (trade.csv holds only Azerbaijan's trade with Central Asia).
 * @example tradePartnersFor("AZE" as Iso3).length // => 5
 * @example tradePartnersFor("GEO" as Iso3) // => []
 * @category Comparisons (07)
 */
export function tradePartnersFor(focal: Iso3): Iso3[] {
  if (focal === "AZE") return [...CENTRAL_ASIA];
  return CENTRAL_ASIA.includes(focal) ? [focal] : [];
}

/** Why a trade comparison has nothing to show, or `undefined` when it has something. */
function tradeEmptyReason(
  periods: readonly TradeSharePeriod[],
  name: string,
  partners: readonly Iso3[],
  asOfText: string,
): string | undefined {
  if (partners.length === 0)
    return `The trade data hold only Azerbaijan's trade with the five Central Asian states, so there is no trade comparison for ${name}.`;
  const who = partners.length === 1 ? name : "Central Asia";
  if (periods.length === 0)
    return `No total of Azerbaijan's trade for any period is published by ${asOfText}, so its trade with ${who} cannot be put as a share.`;
  if (!periods.some(hasFigure))
    return `None of the ${countText(periods.length, "period")} with a published total of Azerbaijan's trade by ${asOfText} has a figure for ${who} for the same months, so no share can be derived.`;
  return undefined;
}

/**
 * What the trade comparison says: the share of the best available figures in the latest period that has one, the
 * partners it lacks (so the share is a lower bound), and how many periods have a figure; or why there is none.
 * @example tradeShareParagraph([], "Georgia", [], "10 March 2026").source.includes("only Azerbaijan's trade") // => true
 * @category Comparisons (07)
 */
export function tradeShareParagraph(
  periods: readonly TradeSharePeriod[],
  name: string,
  partners: readonly Iso3[],
  asOfText: string,
  nameOf: (iso3: string) => string = (s) => s,
): Markdown {
  const empty = tradeEmptyReason(periods, name, partners, asOfText);
  if (empty !== undefined) return md`${empty}`;
  const who = partners.length === 1 ? name : "Central Asia";
  const withAny = periods.filter(hasFigure);
  const p = withAny[withAny.length - 1]!;
  const missing = partners.filter((q) => !p.best.partners.includes(q));
  return mdJoin(
    [
      md`In ${p.label}, the latest period with both figures, Azerbaijan's trade with ${listPhrase(p.best.partners.map(nameOf))} came to ${shareText(p.best, p)} of its total turnover (${formatUsd(p.totalHigh)}), one figure per partner.`,
      missing.length > 0
        ? md`${capitalize(listPhrase(missing.map(nameOf)))} ${missing.length === 1 ? "has" : "have"} no figure for those months, so this is a lower bound of the trade with ${who}.`
        : md`Every partner has a figure for those months.`,
      md`${capitalize(countText(withAny.length, "period"))} of ${countWord(periods.length)} with a published total ${withAny.length === 1 ? "has" : "have"} a partner figure for the same months; the table shows ${withAny.length === 1 ? "it" : "them"}.`,
    ],
    " ",
  );
}

/**
 * The context {@link argumentParagraph} needs to say why a comparison is empty.
 * @category Comparisons (07)
 */
export interface ArgumentContext {
  readonly name: string;
  /** The as-of date in words. */
  readonly asOfText: string;
  readonly partners: readonly Iso3[];
  readonly nameOf?: (iso3: string) => string;
}

/**
 * What the three comparisons say about the article's argument, one sentence each, for any focal state and date:
 * where its balance index stands, how much of China–Europe rail traffic the Middle Corridor carries, and how large a
 * share of Azerbaijan's trade Central Asia is at least. Each sentence names its limits, or why the data say nothing.
 * @example argumentParagraph(balanceComparison(pkg, "AZE" as Iso3, "2026-03-10"), routeYears(pkg, "2026-03-10"), [], { name: "Azerbaijan", asOfText: "10 March 2026", partners: CENTRAL_ASIA }).source.includes("Balance") // => true
 * @category Comparisons (07)
 */
export function argumentParagraph(
  bal: BalanceComparison,
  routes: readonly RouteYear[],
  trade: readonly TradeSharePeriod[],
  ctx: ArgumentContext,
): Markdown {
  const own = bal.now[0]!.index;
  const others = bal.now.slice(1).filter((n) => n.index !== undefined);
  const parts: Markdown[] = [];
  if (own === undefined || others.length === 0)
    parts.push(
      md`- **Balance.** The data give ${bal.name} or the states compared no index to compare on ${ctx.asOfText}.`,
    );
  else {
    const mid = medianOf(others.map((o) => o.index!));
    const above = own > mid + 0.005;
    parts.push(
      md`- **Balance.** ${bal.name}'s formal ties are spread ${above ? "more evenly" : own < mid - 0.005 ? "less evenly" : "about as evenly"} across the eight spheres than those of the states compared (index ${formatNumber(own, 3)} against a median of ${formatNumber(mid, 3)}). ${
        above
          ? "That is what a balanced, multi-vector policy would look like in memberships"
          : "On memberships alone, the balanced-policy reading does not single it out"
      }; the index sees only formal ties, not their depth.`,
    );
  }
  const both = routes.filter((y) => y.shares[0] !== null);
  const last = both[both.length - 1];
  parts.push(
    last === undefined
      ? md`- **Corridor.** No year by ${ctx.asOfText} has the figures to set the Middle Corridor's containers against all China–Europe trains.`
      : md`- **Corridor.** The Middle Corridor's containers were ${formatPercent(last.shares[0], { digits: 1 })} of all China–Europe rail containers in ${String(last.year)}${
          both.length > 1 ? ` (${formatPercent(both[0]!.shares[0], { digits: 1 })} in ${String(both[0]!.year)})` : ""
        }: at most a small part of the overland trade between China and Europe, however fast it grows.`,
  );
  const empty = tradeEmptyReason(trade, ctx.name, ctx.partners, ctx.asOfText);
  const t = trade.filter(hasFigure).at(-1);
  if (empty !== undefined || t === undefined) parts.push(md`- **Trade.** ${empty ?? ""}`);
  else {
    const nameOf = ctx.nameOf ?? ((s: string) => s);
    const missing = ctx.partners.filter((q) => !t.best.partners.includes(q));
    const put = `The published figures put ${listPhrase(t.best.partners.map(nameOf))} at ${shareText(t.best, t)} of Azerbaijan's trade in ${t.label}`;
    parts.push(
      ctx.partners.length === 1
        ? md`- **Trade.** ${put}.`
        : md`- **Trade.** ${put}${
            missing.length > 0 ? `, with ${listPhrase(missing.map(nameOf))} missing` : ""
          }: a lower bound. What is published does not show Central Asia as a large trading partner of Azerbaijan, and cannot show how large it is.`,
    );
  }
  return mdJoin(parts, "\n");
}

/**
 * One state's balance index on the same date, read from a stored release of the data and from the package now.
 * @category Comparisons (07)
 */
export interface ReleaseBalanceRow {
  readonly state: Iso3;
  readonly name: string;
  /** Index with the release's memberships (`undefined`: no weighted tie). */
  readonly before: number | undefined;
  /** Index with the package's memberships now. */
  readonly after: number | undefined;
  /** `after − before`, rounded to 3 decimals; `undefined` when either is missing. */
  readonly change: number | undefined;
  /** Organisations counted now and not in the release, and the reverse. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly sources: readonly SourceId[];
}

/**
 * The balance index of the panel before and after the data changed since a stored release.
 * @category Comparisons (07)
 */
export interface ReleaseBalance {
  /** Name (date) of the release compared with, `undefined` when the data folder stores none. */
  readonly release: string | undefined;
  readonly asOf: string;
  readonly rows: readonly ReleaseBalanceRow[];
}

/**
 * The multi-vector balance index (default weights and spheres) of the focal state (first) and the twelve panel
 * states on `asOf`, computed twice: with the memberships of a stored release of the data
 * (lib/data/releases) and with the package's memberships now. Nothing is typed in: both sides are recomputed.
 * @example balanceSinceRelease(pkg, loadRelease(pkg.dir, "2026-12-02"), "AZE" as Iso3, "2026-03-10").rows.length // => 12
 * @example balanceSinceRelease(pkg, undefined, "AZE" as Iso3, "2026-03-10").rows // => []
 * @category Comparisons (07)
 */
export function balanceSinceRelease(
  pkg: Pick<DataPackage, "memberships" | "organizations" | "states">,
  release: Pick<Release, "name" | "memberships" | "organizations"> | undefined,
  focal: Iso3,
  asOf: string,
): ReleaseBalance {
  if (release === undefined) return { release: undefined, asOf, rows: [] };
  const states = [focal, ...PANEL_STATES.filter((s) => s !== focal)];
  const side = (
    memberships: Pick<DataPackage, "memberships">["memberships"],
    organizations: typeof pkg.organizations,
  ) => {
    const orgs = organizations.filter((o) => o.sphere !== "transport");
    const index = membershipIndex(
      memberships,
      orgs,
      pkg.states.map((s) => s.iso3),
    );
    return (s: Iso3) => multiVectorBalance(index, orgs, s, asOf);
  };
  const was = side(release.memberships, release.organizations);
  const now = side(pkg.memberships, pkg.organizations);
  const rows = states.map((s): ReleaseBalanceRow => {
    const a = was(s);
    const b = now(s);
    const before = round3(a.index) ?? undefined;
    const after = round3(b.index) ?? undefined;
    const orgsOf = (x: typeof a) => new Set(x.ties.map((t) => t.org));
    const [oa, ob] = [orgsOf(a), orgsOf(b)];
    return {
      state: s,
      name: stateName(pkg, s),
      before,
      after,
      change: before === undefined || after === undefined ? undefined : Math.round((after - before) * 1000) / 1000,
      added: [...ob].filter((o) => !oa.has(o)).sort(),
      removed: [...oa].filter((o) => !ob.has(o)).sort(),
      sources: b.sources,
    };
  });
  return { release: release.name, asOf, rows };
}

/**
 * The before-and-after table of {@link balanceSinceRelease}: index with the release, now, change, and the ties
 * that made the change.
 * @example releaseBalanceTable(balanceSinceRelease(pkg, loadRelease(pkg.dir, "2026-12-02"), "AZE" as Iso3, "2026-03-10")).columns.map((c) => c.key) // => ["state", "before", "after", "change", "added", "removed"]
 * @category Comparisons (07)
 */
export function releaseBalanceTable(r: ReleaseBalance): TableInput & { readonly title: string } {
  const rel = r.release === undefined ? "the previous release" : `the release of ${formatDate(r.release)}`;
  return {
    title: `Balance index on ${formatDate(r.asOf)} with the memberships of ${rel} and with the data now`,
    columns: [
      { key: "state", label: "State" },
      { key: "before", label: `With ${rel}` },
      { key: "after", label: "Now" },
      { key: "change", label: "Change" },
      { key: "added", label: "Ties counted now, not then" },
      { key: "removed", label: "Ties no longer counted" },
    ],
    rows: r.rows.map((x) => ({
      state: x.name,
      before: x.before ?? null,
      after: x.after ?? null,
      change: x.change ?? null,
      added: x.added.join(", "),
      removed: x.removed.join(", "),
    })),
    sources: mergeSources(...r.rows.map((x) => x.sources)),
  };
}

/**
 * What changed since the release, in words: which states' index moved and by how much (largest move first), and
 * which did not; or that no release is stored, or that nothing moved.
 * @example releaseBalanceParagraph(balanceSinceRelease(pkg, undefined, "AZE" as Iso3, "2026-03-10")).source.includes("no stored release") // => true
 * @category Comparisons (07)
 */
export function releaseBalanceParagraph(r: ReleaseBalance): Markdown {
  if (r.release === undefined)
    return md`This data folder holds no stored release (data/releases/), so the index cannot be compared with an earlier state of the data.`;
  const rel = `the release of ${formatDate(r.release)}`;
  const moved = r.rows
    .filter((x) => x.change !== undefined && x.change !== 0)
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!) || a.name.localeCompare(b.name));
  const appeared = r.rows.filter((x) => x.before === undefined && x.after !== undefined);
  const vanished = r.rows.filter((x) => x.before !== undefined && x.after === undefined);
  const tiesOnly = r.rows.filter(
    (x) =>
      (x.change === 0 || (x.before === undefined && x.after === undefined)) &&
      (x.added.length > 0 || x.removed.length > 0),
  );
  const signed = (x: number) => `${x > 0 ? "+" : "−"}${formatNumber(Math.abs(x), 3)}`;
  const movedText = (x: ReleaseBalanceRow) =>
    `${x.name} ${signed(x.change!)} (${formatNumber(x.before!, 3)} → ${formatNumber(x.after!, 3)}${
      x.added.length > 0 ? `; now counts ${listPhrase(x.added)}` : ""
    }${x.removed.length > 0 ? `; no longer ${listPhrase(x.removed)}` : ""})`;
  const parts: Markdown[] = [];
  if (moved.length === 0 && appeared.length === 0 && vanished.length === 0)
    parts.push(
      md`On ${formatDate(r.asOf)} no state's balance index differs from what ${rel} gives: the data added since change no tie counted on this date.`,
    );
  else {
    if (moved.length > 0)
      parts.push(
        md`Against ${rel}, the index on ${formatDate(r.asOf)} moved for ${countText(moved.length, "state")} of ${countWord(r.rows.length)}: ${moved.map(movedText).join("; ")}.`,
      );
    for (const x of appeared)
      parts.push(md`${x.name} had no weighted tie with ${rel} and has an index of ${formatNumber(x.after!, 3)} now.`);
    for (const x of vanished)
      parts.push(md`${x.name} had an index of ${formatNumber(x.before!, 3)} with ${rel} and has no weighted tie now.`);
    const same = r.rows.filter((x) => x.change === 0).length;
    if (same > 0) parts.push(md`The other ${countText(same, "state")} kept ${same === 1 ? "its" : "their"} index.`);
  }
  const never = r.rows.filter((x) => x.before === undefined && x.after === undefined);
  if (never.length > 0)
    parts.push(
      md`${listPhrase(never.map((x) => x.name))} ${never.length === 1 ? "has" : "have"} no weighted tie with either, so no index to compare.`,
    );
  for (const x of tiesOnly)
    parts.push(
      md`${x.name}'s ties changed (${x.added.length > 0 ? `now ${listPhrase(x.added)}` : `no longer ${listPhrase(x.removed)}`}) without moving its index.`,
    );
  return mdJoin(parts, " ");
}

/**
 * {@link balanceSinceRelease} against the latest release stored with the package's data folder (data/releases/),
 * or with no rows when the folder stores none.
 * @example balanceSinceLastRelease(pkg, "AZE" as Iso3, "2026-03-10").release // => "2026-12-02"
 * @category Comparisons (07)
 */
export function balanceSinceLastRelease(
  pkg: Pick<DataPackage, "dir" | "memberships" | "organizations" | "states">,
  focal: Iso3,
  asOf: string,
): ReleaseBalance {
  return balanceSinceRelease(pkg, previousRelease(pkg.dir), focal, asOf);
}
