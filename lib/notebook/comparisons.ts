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

/** Azerbaijan, the five Central Asian states, the other two South Caucasus states and Türkiye. */
export const BALANCE_NEIGHBOURS: readonly Iso3[] = ["AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO", "ARM", "TUR"].map(
  (s) => s as Iso3,
);

/** The five Central Asian states. */
export const CENTRAL_ASIA: readonly Iso3[] = ["KAZ", "KGZ", "TJK", "TKM", "UZB"].map((s) => s as Iso3);

/**
 * The states a focal state's balance is compared with: {@link BALANCE_NEIGHBOURS} without the focal state (eight for
 * one of them, nine for any other state).
 * @example comparedWith("AZE" as Iso3).length // => 8
 * @example comparedWith("RUS" as Iso3).includes("AZE" as Iso3) // => true
 */
export function comparedWith(focal: Iso3): Iso3[] {
  return BALANCE_NEIGHBOURS.filter((s) => s !== focal);
}

/** A turning point of the article, drawn as a vertical line: a dated data row. */
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

/** The conflict rows the article's turning points are read from (data/conflict.csv ids). */
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

/** The balance comparison of a focal state (see {@link balanceComparison}). */
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
    return { state: s, index: b.index, sources: b.sources };
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
    title: `Multi-vector balance of ${name} and ${
      BALANCE_NEIGHBOURS.includes(focal) ? `${countWord(states.length - 1)} neighbours` : "the states around Azerbaijan"
    }, year ends ${span}`,
    subtitle: "Normalised entropy of weighted ties across eight spheres (0 = all ties in one sphere, 1 = even)",
    caption: `${statePossessive(pkg, focal)} balance index at each year end against ${countWord(states.length - 1)} other states${
      marks.length ? ", with the article's turning points" : ""
    }.`,
    note:
      marks.length === 0
        ? ""
        : `Dotted vertical lines: ${marks.map((m) => `${capitalize(m.label)} (${formatDate(m.date)})`).join("; ")}.`,
  };
}

/**
 * The balance chart: one line per state at each year end, the focal state first, the turning points as dotted
 * lines. `options` gives the source catalogue and any size; title, subtitle and note come from the comparison.
 * @example balanceComparisonFigure(balanceComparison(pkg, "AZE" as Iso3, "2026-03-10"), { title: "" }).data.length > 0 // => true
 */
export function balanceComparisonFigure(c: BalanceComparison, options: Omit<FigureOptions, "title">): PlotlyFigure {
  const note = [c.note, c.years.length ? "Each point is the index at the end of its year." : ""]
    .filter(Boolean)
    .join(" ");
  const fig = timeSeriesFigure(c.series, {
    ...options,
    title: c.title,
    subtitle: c.subtitle,
    quantity: "Balance index",
    note,
    noData: `No year end from 2000 falls by ${formatDate(c.asOf)}.`,
  });
  return withYearMarks(
    fig,
    c.marks.map((m) => ({ date: m.date, label: m.short })),
  );
}

/**
 * The balance table: each state's index at the year end before each turning point and on the as-of date, its change
 * since the first of those columns, and its rank on the as-of date.
 * @example balanceTable(balanceComparison(pkg, "AZE" as Iso3, "2026-03-10")).columns.map((c) => c.key) // => ["state", "y2014", "y2019", "y2021", "now", "change", "rank"]
 */
export function balanceTable(c: BalanceComparison): TableInput & { readonly title: string } {
  const before = [...new Set(c.marks.map((m) => Number(m.date.slice(0, 4)) - 1))].filter((y) => c.years.includes(y));
  const valueAt = (s: Iso3, y: number) =>
    c.series.find((x) => x.id === s)?.points.find((p) => p.label === String(y))?.value ?? null;
  const nowOf = (s: Iso3) => c.now.find((n) => n.state === s)!;
  const first = before[0];
  return {
    title: `Balance index of ${c.name} and its neighbours before each turning point and on ${formatDate(c.asOf)}`,
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
 */
export function balanceParagraph(c: BalanceComparison): Markdown {
  const own = c.now[0]!.index;
  const others = c.now.slice(1).filter((n) => n.index !== undefined);
  if (own === undefined)
    return md`${c.name} holds no weighted tie on ${formatDate(c.asOf)}, so it has no balance index to compare.`;
  if (others.length === 0)
    return md`None of the ${countWord(c.now.length - 1)} neighbours holds a weighted tie on ${formatDate(c.asOf)}, so ${c.name}'s index (${formatNumber(own, 3)}) has nothing to be compared with.`;
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
      md`Across ${m.label} (${formatDate(m.date)}), from the end of ${String(y - 1)} to the end of ${String(after)}, ${c.name}'s index ${moved(f0, f1)} and the neighbours' median ${moved(m0, m1)}.`,
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

/** The routes compared and the scope that counts each one's containers. */
export const ROUTE_SCOPES = [
  { route: "titr", scope: "titr_containers", label: "Middle Corridor (TITR containers)" },
  {
    route: "china_europe_rail",
    scope: "china_railway_express",
    label: "All China–Europe trains (China Railway Express)",
  },
  { route: "northern_route", scope: "utlc_era", label: "Northern route via Kazakhstan, Russia, Belarus (UTLC ERA)" },
] as const;

/** What changed in the northern route's count, said under both route charts. */
const ERA_NOTE =
  "UTLC ERA counts all China–Europe–China traffic on its services to 2021 and only the China–EU transit from 2022.";

/** The states each compared route crosses (by the route's definition; China is every route's start). */
export const ROUTE_STATES: Readonly<Record<(typeof ROUTE_SCOPES)[number]["route"], readonly Iso3[]>> = {
  titr: ["CHN", "KAZ", "AZE", "GEO", "TUR"].map((s) => s as Iso3),
  china_europe_rail: ["CHN"].map((s) => s as Iso3),
  northern_route: ["CHN", "KAZ", "RUS", "BLR"].map((s) => s as Iso3),
};

/** One year of the route comparison. */
export interface RouteYear {
  readonly year: number;
  /** TEU per route (ROUTE_SCOPES order); `null` where no full-year figure is published. */
  readonly teu: readonly (number | null)[];
  /** The rows used, per route. */
  readonly rows: readonly (CorridorFlowRow | undefined)[];
  /** 100 × TITR TEU / China–Europe TEU; `null` without both. */
  readonly titrShare: number | null;
  /** 100 × northern-route TEU / China–Europe TEU; `null` without both. */
  readonly northernShare: number | null;
}

/**
 * The full-year container figure (TEU, actual) of each route and year by the as-of date: where several rows give one
 * year, the one whose newest source was published last (then the first in the file). Shares are derived here:
 * `share = 100 × route TEU / China Railway Express TEU`, for the years with both figures.
 * @example routeYears(pkg, "2026-03-10").find((y) => y.year === 2024)?.titrShare !== null // => true
 * @example routeYears(pkg, "2015-12-31") // => []
 */
export function routeYears(pkg: Pick<DataPackage, "corridorFlows" | "sourceById">, asOf: string): RouteYear[] {
  const published = (r: CorridorFlowRow) =>
    r.sources
      .map((s) => pkg.sourceById.get(s)?.published ?? "")
      .sort()
      .at(-1) ?? "";
  const pick = (route: string, scope: string, year: number): CorridorFlowRow | undefined =>
    pkg.corridorFlows
      .filter(
        (r) =>
          r.route === route &&
          r.scope === scope &&
          r.metric === "containers" &&
          r.unit === "TEU" &&
          r.status === "actual" &&
          calendarYear(r.period_start, r.period_end) === year &&
          r.period_end <= asOf,
      )
      .reduce<CorridorFlowRow | undefined>(
        (best, r) => (best === undefined || published(r) > published(best) ? r : best),
        undefined,
      );
  const years = [
    ...new Set(
      pkg.corridorFlows
        .filter((r) => ROUTE_SCOPES.some((q) => q.route === r.route && q.scope === r.scope) && r.period_end <= asOf)
        .map((r) => calendarYear(r.period_start, r.period_end))
        .filter((y): y is number => y !== undefined),
    ),
  ].sort((a, b) => a - b);
  return years.map((year) => {
    const rows = ROUTE_SCOPES.map((q) => pick(q.route, q.scope, year));
    const teu = rows.map((r) => r?.value ?? null);
    const share = (x: number | null) => (x === null || teu[1] === null || teu[1] === 0 ? null : (100 * x) / teu[1]!);
    return { year, teu, rows, titrShare: share(teu[0]!), northernShare: share(teu[2]!) };
  });
}

/**
 * The TEU series of each route, for a chart (years without a figure are gaps).
 * @example routeSeries(routeYears(pkg, "2026-03-10")).map((s) => s.id) // => ["titr", "china_europe_rail", "northern_route"]
 */
export function routeSeries(years: readonly RouteYear[]): Series[] {
  return ROUTE_SCOPES.map((q, i) => ({
    id: q.route,
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
  }));
}

/**
 * The route table: one row per year, the TEU of each route and the two derived shares.
 * @example routeTable(routeYears(pkg, "2026-03-10")).columns.length // => 6
 */
export function routeTable(years: readonly RouteYear[]): TableInput & { readonly title: string } {
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    title: "Containers on the China–Europe land routes (TEU) and the derived shares",
    columns: [
      { key: "year", label: "Year" },
      { key: "titr", label: "Middle Corridor (TITR), TEU" },
      { key: "cre", label: "All China–Europe trains, TEU" },
      { key: "era", label: "Northern route (UTLC ERA), TEU" },
      { key: "titrShare", label: "TITR / China–Europe, %" },
      { key: "eraShare", label: "Northern / China–Europe, %" },
    ],
    rows: years
      .filter((y) => y.teu.some((v) => v !== null))
      .map((y) => ({
        year: String(y.year),
        titr: y.teu[0] ?? null,
        cre: y.teu[1] ?? null,
        era: y.teu[2] ?? null,
        titrShare: pct(y.titrShare),
        eraShare: pct(y.northernShare),
      })),
    sources: mergeSources(...years.flatMap((y) => y.rows.map((r) => (r ? rowSources(r) : [])))),
  };
}

/**
 * The route chart: containers (TEU) per year on each route, one line each (years without a figure are gaps).
 * @example routeFigure(routeYears(pkg, "2026-03-10"), {}).data.length > 0 // => true
 */
export function routeFigure(years: readonly RouteYear[], options: Omit<FigureOptions, "title">): PlotlyFigure {
  return timeSeriesFigure(routeSeries(years), {
    ...options,
    title: "Containers on the China–Europe land routes, by year",
    subtitle: "Twenty-foot equivalent units (TEU), full years, as each operator counts them",
    quantity: "Containers",
    note: ERA_NOTE,
    noData: "No full-year container figure of these routes is published by this date.",
  });
}

/**
 * The share chart: per year, the Middle Corridor's and the northern route's containers as a share of all
 * China–Europe rail containers (`100 × route TEU / China Railway Express TEU`), side by side.
 * @example isEmptyFigure(routeShareFigure(routeYears(pkg, "2015-12-31"), {})) // => true
 */
export function routeShareFigure(years: readonly RouteYear[], options: Omit<FigureOptions, "title">): PlotlyFigure {
  const computed = "100 × route TEU / China–Europe trains' TEU";
  const bars: ComparisonBar[] = years
    .filter((y) => y.titrShare !== null || y.northernShare !== null)
    .flatMap((y) => [
      {
        label: "Middle Corridor (TITR)",
        value: y.titrShare === null ? null : Math.round(y.titrShare * 10) / 10,
        group: String(y.year),
        colorKey: "titr_containers",
        period: String(y.year),
        sources: mergeSources(y.rows[0] ? rowSources(y.rows[0]) : [], y.rows[1] ? rowSources(y.rows[1]) : []),
        computed,
      },
      {
        label: "Northern route (UTLC ERA)",
        value: y.northernShare === null ? null : Math.round(y.northernShare * 10) / 10,
        group: String(y.year),
        colorKey: "utlc_era",
        period: String(y.year),
        sources: mergeSources(y.rows[2] ? rowSources(y.rows[2]) : [], y.rows[1] ? rowSources(y.rows[1]) : []),
        computed,
      },
    ]);
  return comparisonBarsFigure(
    { quantity: "Share of China–Europe rail containers", unit: "percent", bars, sources: routeTable(years).sources },
    {
      ...options,
      title: "Each route's containers as a share of all China–Europe rail containers",
      subtitle: "Derived: 100 × route TEU / TEU of all China–Europe trains; a missing bar means a missing figure",
      note: ERA_NOTE,
      noData: "No year has both a route's container figure and the China–Europe total by this date.",
    },
  );
}

/**
 * The data rows a route comparison draws (`corridor_flows:<id>`).
 * @example routeRows(routeYears(pkg, "2026-03-10")).every((r) => r.startsWith("corridor_flows:")) // => true
 */
export function routeRows(years: readonly RouteYear[]): string[] {
  return years.flatMap((y) =>
    y.rows.filter((r): r is CorridorFlowRow => r !== undefined).map((r) => `corridor_flows:${r.id}`),
  );
}

/**
 * What the route comparison says: the Middle Corridor's share of China–Europe container traffic in the first and
 * last year with both figures, the northern route's, the caveats of scope, and whether the focal state lies on it.
 * @example routeParagraph(routeYears(pkg, "2015-12-31"), "AZE" as Iso3, "Azerbaijan").source.startsWith("No year") // => true
 */
export function routeParagraph(years: readonly RouteYear[], focal: Iso3, name: string): Markdown {
  const on = (Object.keys(ROUTE_STATES) as (keyof typeof ROUTE_STATES)[]).filter((r) =>
    ROUTE_STATES[r].includes(focal),
  );
  const where =
    on.length === 0
      ? md`Neither the Middle Corridor nor the northern route crosses ${name}; the comparison is the context of its neighbours' transit.`
      : on.includes("titr")
        ? md`The Middle Corridor crosses ${name}.`
        : md`The Middle Corridor does not cross ${name}; ${on.includes("northern_route") ? "the northern route does" : "it is the start of every route"}.`;
  const both = years.filter((y) => y.titrShare !== null);
  if (both.length === 0)
    return mdJoin(
      [
        md`No year by this date has both a full-year Middle Corridor container figure and the China–Europe total, so no share can be derived.`,
        where,
      ],
      " ",
    );
  const a = both[0]!;
  const b = both[both.length - 1]!;
  const first = md`The Middle Corridor carried ${formatNumber(a.teu[0]!)} TEU in ${String(a.year)}, ${formatPercent(a.titrShare, { digits: 1 })} of the ${formatNumber(a.teu[1]!)} TEU on all China–Europe trains`;
  const last =
    a.year === b.year
      ? md`.`
      : md`; in ${String(b.year)} ${formatNumber(b.teu[0]!)} TEU, ${formatPercent(b.titrShare, { digits: 1 })} of ${formatNumber(b.teu[1]!)} TEU.`;
  const north = years.filter((y) => y.northernShare !== null);
  const n = north[north.length - 1];
  const northText =
    n === undefined
      ? md`No year has both a northern-route figure and the China–Europe total.`
      : md`The northern route through Russia carried ${formatNumber(n.teu[2]!)} TEU in ${String(n.year)}, ${formatPercent(n.northernShare, { digits: 1 })} of the total.`;
  return mdJoin(
    [
      md`${first}${last}`,
      northText,
      md`The shares are upper bounds of the corridor's weight in China–Europe trade: TITR's count includes containers between other places (Central Asia and Türkiye, for example), and the China–Europe total counts trains on every route, the Middle Corridor's among them.`,
      where,
    ],
    " ",
  );
}

/** One period of the trade comparison: Azerbaijan's total trade and its trade with the partners, by side. */
export interface TradeSharePeriod {
  readonly label: string;
  readonly total: TradeTotalRow;
  /** Per side: partners with a figure, the low and high sums (several rows for one partner: lowest and highest). */
  readonly sides: Readonly<
    Record<
      TradeRow["side"],
      {
        readonly partners: readonly string[];
        readonly low: number;
        readonly high: number;
        readonly rows: readonly TradeRow[];
      }
    >
  >;
}

/**
 * Azerbaijan's turnover with `partners` in each period for which trade_totals.csv gives its total turnover, per side
 * (reporter, mirror, unclear). Shares are `100 × sum / total`; a partner with several rows for one side and period
 * contributes its lowest value to `low` and its highest to `high`.
 * @example tradeSharePeriods(pkg, CENTRAL_ASIA, "2026-03-10").some((p) => p.label === "2022") // => true
 */
export function tradeSharePeriods(
  pkg: Pick<DataPackage, "trade" | "tradeTotals">,
  partners: readonly Iso3[],
  asOf: string,
): TradeSharePeriod[] {
  return pkg.tradeTotals
    .filter((t) => t.reporter === "AZE" && t.flow === "turnover" && t.period_end <= asOf)
    .sort((a, b) => (a.period_start + a.period_end < b.period_start + b.period_end ? -1 : 1))
    .map((total) => {
      const same = pkg.trade.filter(
        (r) =>
          r.flow === "turnover" &&
          r.period_start === total.period_start &&
          r.period_end === total.period_end &&
          partners.includes(r.partner),
      );
      const side = (s: TradeRow["side"]) => {
        const rows = same.filter((r) => r.side === s);
        const by = [...new Set(rows.map((r) => r.partner))];
        const values = by.map((p) => rows.filter((r) => r.partner === p).map((r) => r.value_usd));
        return {
          partners: by,
          low: values.reduce((a, v) => a + Math.min(...v), 0),
          high: values.reduce((a, v) => a + Math.max(...v), 0),
          rows,
        };
      };
      return {
        label: periodLabel(total.period_start, total.period_end),
        total,
        sides: { reporter: side("reporter"), mirror: side("mirror"), unclear: side("unclear") },
      };
    });
}

/** "1.2 %" or "1.2–1.3 %" (a range when sources disagree). */
function shareText(low: number, high: number, total: number): string {
  const a = formatPercent((100 * low) / total, { digits: 2 });
  const b = formatPercent((100 * high) / total, { digits: 2 });
  return a === b ? a : `${a.replace(" %", "")}–${b}`;
}

/**
 * The trade table: per period, Azerbaijan's total turnover and, for each side, the partners with a figure and their
 * share of the total.
 * @example tradeShareTable(tradeSharePeriods(pkg, CENTRAL_ASIA, "2026-03-10"), "Central Asia").columns.length // => 5
 */
export function tradeShareTable(
  periods: readonly TradeSharePeriod[],
  partnersText: string,
  nameOf: (iso3: string) => string = (s) => s,
): TableInput & { readonly title: string } {
  const cell = (p: TradeSharePeriod, s: TradeRow["side"]) => {
    const x = p.sides[s];
    return x.partners.length === 0
      ? "no figure"
      : `${shareText(x.low, x.high, p.total.value_usd)} (${x.partners.map(nameOf).join(", ")})`;
  };
  return {
    title: `Azerbaijan's trade with ${partnersText} as a share of its total trade`,
    columns: [
      { key: "period", label: "Period" },
      { key: "total", label: "Azerbaijan's total turnover" },
      { key: "reporter", label: "Share, Azerbaijan's figures (partners)" },
      { key: "mirror", label: "Share, partners' figures (partners)" },
      { key: "unclear", label: "Share, side not stated (partners)" },
    ],
    rows: periods
      .filter((p) => Object.values(p.sides).some((x) => x.partners.length > 0))
      .map((p) => ({
        period: p.label,
        total: formatUsd(p.total.value_usd),
        reporter: cell(p, "reporter"),
        mirror: cell(p, "mirror"),
        unclear: cell(p, "unclear"),
      })),
    sources: mergeSources(
      ...periods.flatMap((p) => [
        rowSources(p.total),
        ...Object.values(p.sides).flatMap((s) => s.rows.map((r) => rowSources(r))),
      ]),
    ),
  };
}

/**
 * The data rows a trade comparison reads (`trade_totals:<id>`, `trade:<id>`).
 * @example tradeShareRows(tradeSharePeriods(pkg, CENTRAL_ASIA, "2026-03-10"))[0]?.startsWith("trade_totals:") // => true
 */
export function tradeShareRows(periods: readonly TradeSharePeriod[]): string[] {
  return periods.flatMap((p) => [
    `trade_totals:${p.total.id}`,
    ...Object.values(p.sides).flatMap((s) => s.rows.map((r) => `trade:${r.id}`)),
  ]);
}

/**
 * The partners of the trade comparison for a focal state: the five Central Asian states for Azerbaijan, the focal
 * state itself for one of them, none otherwise (trade.csv holds only Azerbaijan's trade with Central Asia).
 * @example tradePartnersFor("AZE" as Iso3).length // => 5
 * @example tradePartnersFor("GEO" as Iso3) // => []
 */
export function tradePartnersFor(focal: Iso3): Iso3[] {
  if (focal === "AZE") return [...CENTRAL_ASIA];
  return CENTRAL_ASIA.includes(focal) ? [focal] : [];
}

/**
 * What the trade comparison says: how many periods have a total and a partner figure, the share on each side in the
 * latest such period, and what is missing; or why the focal state has none.
 * @example tradeShareParagraph([], "Georgia", []).source.includes("only Azerbaijan's trade") // => true
 */
export function tradeShareParagraph(
  periods: readonly TradeSharePeriod[],
  name: string,
  partners: readonly Iso3[],
  nameOf: (iso3: string) => string = (s) => s,
): Markdown {
  if (partners.length === 0)
    return md`The trade data (trade.csv) hold only Azerbaijan's trade with the five Central Asian states, so there is no trade comparison centred on ${name}.`;
  const who = partners.length === 1 ? name : "Central Asia";
  if (periods.length === 0)
    return md`trade_totals.csv gives Azerbaijan's total turnover for no period by this date, so its trade with ${who} cannot be put as a share.`;
  const withAny = periods.filter((p) => Object.values(p.sides).some((s) => s.partners.length > 0));
  if (withAny.length === 0)
    return md`For none of the ${countText(periods.length, "period")} with Azerbaijan's total turnover does a figure for ${who} cover the same period, so no share can be derived.`;
  const p = withAny[withAny.length - 1]!;
  const sides = (["reporter", "mirror", "unclear"] as const)
    .filter((s) => p.sides[s].partners.length > 0)
    .map((s) => {
      const x = p.sides[s];
      const whose =
        s === "reporter"
          ? "Azerbaijan's own figures"
          : s === "mirror"
            ? "the partners' figures"
            : "figures whose side is not stated";
      return `${shareText(x.low, x.high, p.total.value_usd)} by ${whose} (${listPhrase(x.partners.map(nameOf))})`;
    });
  const missing = partners.filter((q) => !Object.values(p.sides).some((s) => s.partners.includes(q)));
  return mdJoin(
    [
      md`In ${p.label} Azerbaijan's total turnover was ${formatUsd(p.total.value_usd)}; its trade with the partners that have a figure for the same months made up ${sides.join("; ")}.`,
      missing.length > 0
        ? md`${capitalize(listPhrase(missing.map(nameOf)))} ${missing.length === 1 ? "has" : "have"} no figure for those months, so the shares are lower bounds of the trade with ${who}.`
        : md`Every partner has a figure for that period.`,
      md`${capitalize(countText(withAny.length, "period"))} of ${countWord(periods.length)} with a total turnover ${withAny.length === 1 ? "has" : "have"} a partner figure for the same months.`,
    ],
    " ",
  );
}

/**
 * What the three comparisons say about the article's argument, one sentence each, for any focal state: where its
 * balance index stands, how much of China–Europe rail traffic the Middle Corridor carries, and how large a share of
 * Azerbaijan's trade Central Asia is. Each sentence names its limits.
 * @example argumentParagraph(balanceComparison(pkg, "AZE" as Iso3, "2026-03-10"), routeYears(pkg, "2026-03-10"), []).source.includes("balance") // => true
 */
export function argumentParagraph(
  bal: BalanceComparison,
  routes: readonly RouteYear[],
  trade: readonly TradeSharePeriod[],
): Markdown {
  const own = bal.now[0]!.index;
  const others = bal.now.slice(1).filter((n) => n.index !== undefined);
  const parts: Markdown[] = [];
  if (own === undefined || others.length === 0)
    parts.push(md`- **Balance.** The data give no index to compare on this date.`);
  else {
    const mid = medianOf(others.map((o) => o.index!));
    const above = own > mid + 0.005;
    parts.push(
      md`- **Balance.** ${bal.name}'s formal ties are spread ${above ? "more evenly" : own < mid - 0.005 ? "less evenly" : "about as evenly"} across the eight spheres than its neighbours' (index ${formatNumber(own, 3)} against a median of ${formatNumber(mid, 3)}). ${
        above
          ? "That is what a balanced, multi-vector policy would look like in memberships"
          : "On memberships alone, the balanced-policy reading does not single it out"
      }; the index sees only formal ties, not their depth.`,
    );
  }
  const both = routes.filter((y) => y.titrShare !== null);
  const last = both[both.length - 1];
  parts.push(
    last === undefined
      ? md`- **Corridor.** No year has the figures to weigh the Middle Corridor against the other China–Europe routes.`
      : md`- **Corridor.** The Middle Corridor's containers were ${formatPercent(last.titrShare, { digits: 1 })} of all China–Europe rail containers in ${String(last.year)}${
          both.length > 1 ? ` (${formatPercent(both[0]!.titrShare, { digits: 1 })} in ${String(both[0]!.year)})` : ""
        }: the route grows fast from a small base and remains a minor share of the overland trade it is meant to capture.`,
  );
  const withFigure = trade.filter((p) => Object.values(p.sides).some((s) => s.partners.length > 0));
  const t = withFigure[withFigure.length - 1];
  if (t !== undefined) {
    const high = Math.max(...Object.values(t.sides).map((s) => s.high));
    parts.push(
      md`- **Trade.** Even the highest share of Azerbaijan's trade that published figures allot to Central Asia in ${t.label} is ${formatPercent((100 * high) / t.total.value_usd, { digits: 1 })} (a lower bound, since partners lack figures): the ties the article describes are political and infrastructural more than commercial.`,
    );
  } else
    parts.push(
      md`- **Trade.** The data hold no period with both Azerbaijan's total trade and a Central Asian figure to compare.`,
    );
  return mdJoin(parts, "\n");
}
