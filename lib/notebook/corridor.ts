/**
 * Notebook 02-middle-corridor (scopes, headline figures, growth, capacity and targets): which state each scope and
 * asset belongs to, the headline rule, and the tables, captions and sentences that notebook shows, built and tested
 * here. `groupBy` and `dedupeLegend` are general (not specific to the corridor) and could move to lib/core and
 * lib/figures when another notebook needs them.
 * @module
 */
import type { Iso3, Series, SourceId } from "../core/types";
import { mergeSources } from "../core/types";
import { formatNumber, formatPercent, formatPoints, formatQuantity, formatTonnes, listText } from "../core/format";
import { calendarYear, periodLabel, shiftYears } from "../core/period";
import { startOf } from "../core/dates";
import type { CapacityRow, CorridorFlowRow, SourceRow, TransitRow } from "../data/resources";
import type { DataPackage } from "../data/load";
import { datedPublisher, humanize, sourcesLine } from "../figures/text";
import type { CapacityLevel, ComparisonBar, ProjectionTarget } from "../figures/inputs";
import type { TableInput } from "../figures/table";
import type { UtilisationRow } from "../indicators/capacity/utilisation";
import type { TrendModel } from "../indicators/trend/fit";
import type { Projection } from "../indicators/trend/projection";
import type { CapacityCrossing } from "../indicators/capacity/crossing";
import { percentChange, yearOverYear } from "../indicators/series/change";
import { cagr, seriesCagr } from "../indicators/series/cagr";
import { rowSources } from "../indicators/series/sources";
import { corridorSeries } from "../indicators/series/select";
import { capitalize, countText, listPhrase } from "./prose";
import { maxOf, minOf } from "../core/extent";

/**
 * A scope of corridor_flows.csv or transit.csv.
 * @category Middle Corridor (02)
 */
export type CorridorScope = CorridorFlowRow["scope"] | TransitRow["scope"];

/**
 * Whose figure each scope is: the state that counts it or whose part of the route it measures. The data have no
 * such field (rows name a scope and a publisher, and publishers are outlets), so this table holds it; a new scope in
 * lib/data/resources.ts is a compile error here until it is given its states. Reasons, from data/README.md and the
 * rows' notes: `whole_route`, `titr_rail` and `titr_containers` are Kazakhstan's Ministry of Transport, KTZ or the
 * TITR Association counting Kazakh traffic; `caspian_ports` are the Kazakh and Azerbaijani seaports;
 * `azerbaijan_railways`, `port_of_baku` and every transit scope (transit.csv is transit through Azerbaijan) are
 * Azerbaijan's; the BTK railway crosses Azerbaijan, Georgia and Türkiye, and its rows are counted by ADY, the Turkish
 * Ministry of Transport and a Georgian minister, so `btk_railway` and `btk_cumulative` are all three's; the
 * China–Europe trains (`china_railway_express`) are counted by China's railway; the northern route's containers by
 * UTLC ERA, the joint company of the Kazakh, Russian and Belarusian railways (`utlc_era`), or by Kazakhstan
 * (`kz_transit_china_europe`); the TITR Association's own plans (`titr_association`, filed as Caspian-port figures
 * before their scope was re-checked) are kept with the Kazakh and Azerbaijani ports'.
 * @category Middle Corridor (02)
 */
export const SCOPE_STATES: Readonly<Record<CorridorScope, readonly Iso3[]>> = {
  whole_route: ["KAZ"] as Iso3[],
  caspian_ports: ["KAZ", "AZE"] as Iso3[],
  azerbaijan_railways: ["AZE"] as Iso3[],
  titr_rail: ["KAZ"] as Iso3[],
  titr_containers: ["KAZ"] as Iso3[],
  port_of_baku: ["AZE"] as Iso3[],
  btk_railway: ["AZE", "GEO", "TUR"] as Iso3[],
  btk_cumulative: ["AZE", "GEO", "TUR"] as Iso3[],
  titr_association: ["KAZ", "AZE"] as Iso3[],
  china_railway_express: ["CHN"] as Iso3[],
  utlc_era: ["KAZ", "RUS", "BLR"] as Iso3[],
  erai_china_eu: ["KAZ", "RUS", "BLR"] as Iso3[],
  kz_transit_china_europe: ["KAZ"] as Iso3[],
  total_transit: ["AZE"] as Iso3[],
  rail_transit: ["AZE"] as Iso3[],
  ots_transit: ["AZE"] as Iso3[],
  traceca_az_section: ["AZE"] as Iso3[],
  traceca_az_transit: ["AZE"] as Iso3[],
  east_west_transit: ["AZE"] as Iso3[],
  turkic_states_cargo: ["AZE"] as Iso3[],
  corridors_total: ["AZE"] as Iso3[],
  corridors_transit: ["AZE"] as Iso3[],
};

/**
 * The states a scope belongs to (see {@link SCOPE_STATES}); none for an unknown scope.
 * @example scopeStates("btk_railway") // => ["AZE", "GEO", "TUR"]
 * @example scopeStates("nowhere") // => []
 * @category Middle Corridor (02)
 */
export function scopeStates(scope: string): readonly string[] {
  return (SCOPE_STATES as Readonly<Record<string, readonly string[]>>)[scope] ?? [];
}

/**
 * An asset of capacities.csv with its throughput scope and its states.
 * @category Middle Corridor (02)
 */
export interface CorridorAsset {
  readonly asset: CapacityRow["asset"];
  readonly scope: CorridorFlowRow["scope"];
  readonly name: string;
}

/**
 * The assets with capacities, each drawn against the cargo of its scope; their states are the scope's.
 * @category Middle Corridor (02)
 */
export const CORRIDOR_ASSETS: readonly CorridorAsset[] = [
  { asset: "baku_port", scope: "port_of_baku", name: "Port of Baku" },
  { asset: "btk_railway", scope: "btk_railway", name: "Baku–Tbilisi–Kars railway" },
  { asset: "titr", scope: "whole_route", name: "Middle Corridor, whole route" },
];

/**
 * Items of the focal state's scopes first, the others after, each group in its given order.
 * @example focalFirst(["whole_route", "port_of_baku", "btk_railway"], (s) => s, "GEO") // => ["btk_railway", "whole_route", "port_of_baku"]
 * @example focalFirst(["whole_route", "port_of_baku"], (s) => s, "ARM") // => ["whole_route", "port_of_baku"]
 * @category Middle Corridor (02)
 */
export function focalFirst<T>(items: readonly T[], scopeOf: (item: T) => string, focal: string): T[] {
  const own = (t: T) => scopeStates(scopeOf(t)).includes(focal);
  return [...items.filter(own), ...items.filter((t) => !own(t))];
}

const SCOPE_LABEL: Readonly<Record<string, string>> = {
  whole_route: "Whole route (Kazakh totals)",
  caspian_ports: "Caspian ports",
  azerbaijan_railways: "Azerbaijan Railways (East–West)",
  titr_rail: "TITR rail (KTZ)",
  titr_containers: "TITR containers",
  port_of_baku: "Port of Baku",
  btk_railway: "BTK railway",
  btk_cumulative: "BTK railway since opening",
  total_transit: "All transit through Azerbaijan",
  rail_transit: "Rail transit (ADY)",
  ots_transit: "Transit with OTS states",
  corridors_total: "All cargo on Azerbaijan's corridors",
  corridors_transit: "Transit on Azerbaijan's corridors",
  traceca_az_section: "TRACECA (Azerbaijani section)",
  traceca_az_transit: "TRACECA transit (Azerbaijan)",
  east_west_transit: "East–West rail transit",
  turkic_states_cargo: "Cargo of Turkic states through Azerbaijan",
};
const SHORT_SCOPE: Readonly<Record<string, string>> = {
  whole_route: "Whole route",
  azerbaijan_railways: "ADY East–West",
  port_of_baku: "Baku port",
  btk_railway: "BTK",
  total_transit: "All transit",
  rail_transit: "Rail transit",
  ots_transit: "OTS transit",
  corridors_total: "All corridor cargo",
  titr_rail: "TITR rail",
};

/**
 * A scope in words, for tables and text.
 * @example scopeLabel("port_of_baku") // => "Port of Baku"
 * @example scopeLabel("some_new_scope") // => "Some new scope"
 * @category Middle Corridor (02)
 */
export function scopeLabel(scope: string): string {
  return SCOPE_LABEL[scope] ?? capitalize(humanize(scope));
}

/**
 * A short scope label, for bar labels. @example shortScope("btk_railway") // => "BTK"
 * @example shortScope("caspian_ports") // => "Caspian ports"
 * @category Middle Corridor (02)
 */
export function shortScope(scope: string): string {
  return SHORT_SCOPE[scope] ?? scopeLabel(scope);
}

/**
 * The note of the cargo-by-scope chart, naming scopes as its legend does.
 * @example cargoScopeNote(["whole_route", "caspian_ports"]) // => "Scopes overlap and are not additive. Caspian ports: Kazakh ports only before the TITR Association's figure for both shores."
 * @example cargoScopeNote(["whole_route"]) // => "Scopes overlap and are not additive."
 * @category Middle Corridor (02)
 */
export function cargoScopeNote(scopes: readonly string[]): string {
  return `Scopes overlap and are not additive.${scopes.includes("caspian_ports") ? ` ${scopeLabel("caspian_ports")}: Kazakh ports only before the TITR Association's figure for both shores.` : ""}`;
}

/**
 * Publisher and publication date of source ids, for tables and labels.
 * @category Middle Corridor (02)
 */
export interface Publishers {
  /** The first source's publisher ("" for none). */
  publisher(ids: readonly string[]): string;
  /** The latest publication date of the sources (ISO, "" when none is dated). */
  published(ids: readonly string[]): string;
  /** The earliest publication date ("" when none is dated). */
  firstPublished(ids: readonly string[]): string;
  /**
   * Each publisher of the sources (first cited first) with the dates of its own sources ("undated" when none is
   * dated), so that no publisher is paired with another's date.
   */
  dated(ids: readonly string[]): readonly DatedPublisher[];
}

/**
 * A publisher with the publication dates of its own sources (ISO, sorted; ["undated"] when none is dated).
 * @category Middle Corridor (02)
 */
export interface DatedPublisher {
  readonly publisher: string;
  readonly dates: readonly string[];
}

/**
 * Publishers with their own dates, for a table cell: "Daryo (2023-12-29); Trend (2024-01-14, 2024-02-01)".
 * @example datedText([{ publisher: "Daryo", dates: ["2023-12-29"] }, { publisher: "Trend", dates: ["undated"] }]) // => "Daryo (2023-12-29); Trend (undated)"
 * @category Middle Corridor (02)
 */
export function datedText(list: readonly DatedPublisher[]): string {
  return list.map((d) => datedPublisher(d.publisher, d.dates)).join("; ");
}

/**
 * Publisher look-ups over a source catalogue.
 * @example publishers(pkg).publisher(["reportaz-2026-03-10-titr-2019"]) // => "Report.az"
 * @example publishers(pkg).published([]) // => ""
 * @example publishers(pkg).dated(["reportaz-2026-03-10-titr-2019"]) // => [{ publisher: "Report.az", dates: ["2026-03-10"] }]
 * @category Middle Corridor (02)
 */
export function publishers(pkg: Pick<DataPackage, "sourceById">): Publishers {
  const dates = (ids: readonly string[]) =>
    ids
      .map((id) => pkg.sourceById.get(id)?.published ?? "")
      .filter((d) => d !== "")
      .sort();
  const source = (id: string): SourceRow | undefined => pkg.sourceById.get(id);
  return {
    publisher: (ids) => (ids[0] === undefined ? "" : (source(ids[0])?.publisher ?? ids[0])),
    published: (ids) => dates(ids).at(-1) ?? "",
    firstPublished: (ids) => dates(ids)[0] ?? "",
    dated: (ids) => {
      const by = new Map<string, string[]>();
      for (const id of ids) {
        const row = source(id);
        const list = by.get(row?.publisher ?? id) ?? [];
        if (row?.published) list.push(row.published);
        by.set(row?.publisher ?? id, list);
      }
      return [...by].map(([publisher, ds]) => ({
        publisher,
        dates: ds.length === 0 ? ["undated"] : [...new Set(ds)].sort(),
      }));
    },
  };
}

/**
 * A publisher's name without a parenthesis at its end, for bar labels.
 * @example shortPublisher("Trend (Azerbaijan)") // => "Trend"
 * @category Middle Corridor (02)
 */
export function shortPublisher(publisher: string): string {
  return publisher.replace(/\s*\(.*\)$/, "");
}

/**
 * Significant digits of a value's integer part, trailing zeros dropped: a rounded figure has fewer.
 * @example significantDigits(4484000) // => 4
 * @example significantDigits(4500000) // => 2
 * @example significantDigits(0) // => 0
 * @category Middle Corridor (02)
 */
export function significantDigits(value: number): number {
  return String(Math.round(Math.abs(value))).replace(/0+$/, "").length;
}

/**
 * The headline figure of a period when publishers disagree: the most precise value (most significant digits: an
 * unrounded series beats its rounded repetitions), then the one with more sources, then the later publication
 * (a revision), then the row id. `undefined` for no rows.
 * @example headline([{ id: "a", value: 4500000, sources: [] }, { id: "b", value: 4484000, sources: [] }], () => "")?.id // => "b"
 * @example headline([{ id: "a", value: 1, sources: ["x"] }, { id: "b", value: 1, sources: ["y"] }], (ids) => (ids[0] === "y" ? "2025-01-01" : "2024-01-01"))?.id // => "b"
 * @category Middle Corridor (02)
 */
export function headline<
  R extends { readonly id: string; readonly value: number; readonly sources: readonly string[] },
>(rows: readonly R[], published: (ids: readonly string[]) => string): R | undefined {
  return [...rows].sort(
    (a, b) =>
      significantDigits(b.value) - significantDigits(a.value) ||
      b.sources.length - a.sources.length ||
      published(b.sources).localeCompare(published(a.sources)) ||
      a.id.localeCompare(b.id),
  )[0];
}

/**
 * Items grouped by a key, groups in order of first appearance.
 * @example [...groupBy(["a1", "b1", "a2"], (s) => s[0]!).entries()] // => [["a", ["a1", "a2"]], ["b", ["b1"]]]
 * @category Middle Corridor (02)
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * A Plotly legend with one entry per name: traces that repeat a name (capacity steps of the same value) join the
 * first one's legend group and leave the legend.
 * @example dedupeLegend({ data: [{ name: "Capacity" }, { name: "Capacity" }] }).data[1] // => { name: "Capacity", legendgroup: "n:Capacity", showlegend: false }
 * @category Middle Corridor (02)
 */
export function dedupeLegend<F extends { readonly data: readonly Record<string, unknown>[] }>(fig: F): F {
  const seen = new Set<string>();
  return {
    ...fig,
    data: fig.data.map((t) => {
      const name = String(t.name ?? "");
      if (name === "" || t.showlegend === false) return t;
      const again = seen.has(name);
      seen.add(name);
      return { ...t, legendgroup: t.legendgroup ?? `n:${name}`, ...(again ? { showlegend: false } : {}) };
    }),
  };
}

/**
 * The scenario of notebook 02: the trend model and the first year fitted.
 * @category Middle Corridor (02)
 */
export interface CorridorScenario {
  readonly model: TrendModel;
  readonly fitFrom: number | undefined;
}

/**
 * Parses `"log-linear"`, `"linear"`, optionally with `"@YEAR"` (the first year fitted); "" is log-linear. Throws a
 * `RangeError` that names what is wrong.
 * @example corridorScenario("linear@2021") // => { model: "linear", fitFrom: 2021 }
 * @example corridorScenario("") // => { model: "log-linear", fitFrom: undefined }
 * @category Middle Corridor (02)
 */
export function corridorScenario(text: string): CorridorScenario {
  const [modelText, fromText] = (text.trim() === "" ? "log-linear" : text.trim()).split("@");
  if (modelText !== "log-linear" && modelText !== "linear")
    throw new RangeError(`scenario: the model must be "log-linear" or "linear", not "${modelText}"`);
  const fitFrom = fromText === undefined ? undefined : Number(fromText);
  if (fitFrom !== undefined && !Number.isInteger(fitFrom))
    throw new RangeError(`scenario: "@${fromText}" is not a year`);
  return { model: modelText, fitFrom };
}

/**
 * The corridor rows a run may use.
 * @category Middle Corridor (02)
 */
export interface CorridorRows {
  readonly flows: readonly CorridorFlowRow[];
  readonly transit: readonly TransitRow[];
  readonly caps: readonly CapacityRow[];
}

/** The routes of the Middle Corridor notebook: the corridor itself, the Port of Baku and the BTK railway (the other
 * China–Europe routes of corridor_flows.csv are compared in notebook 07).
 * @category Middle Corridor (02)
 */
export const CORRIDOR_ROUTES: readonly string[] = ["titr", "baku_port", "btk"];

/**
 * The rows usable as of a date: actual figures and transit for periods ended by then (plans and forecasts may lie
 * ahead), capacities stated by then; flows of the Middle Corridor's routes only ({@link CORRIDOR_ROUTES}). Pass the
 * package as known by that date.
 * @example corridorRows(pkg, "2020-12-31").flows.every((r) => r.status !== "actual" || r.period_end <= "2020-12-31") // => true
 * @example corridorRows(pkg, "2026-03-10").flows.some((r) => r.route === "northern_route") // => false
 * @category Middle Corridor (02)
 */
export function corridorRows(
  known: Pick<DataPackage, "corridorFlows" | "transit" | "capacities">,
  asOf: string,
): CorridorRows {
  return {
    flows: known.corridorFlows.filter(
      (r) => CORRIDOR_ROUTES.includes(r.route) && (r.status !== "actual" || r.period_end <= asOf),
    ),
    transit: known.transit.filter((r) => r.period_end <= asOf),
    caps: known.capacities.filter((c) => startOf(c.as_of) <= asOf),
  };
}

/**
 * Annual cargo by scope: the groups of figures per scope and year, and one headline series per scope.
 * @category Middle Corridor (02)
 */
export interface AnnualCargo {
  /** Scopes with annual cargo, the focal state's first. */
  readonly scopes: readonly string[];
  /** Figures per "scope|year", every publisher's. */
  readonly groups: ReadonlyMap<string, readonly CorridorFlowRow[]>;
  /** One series per scope (same order), through the headline figure of each year. */
  readonly series: readonly Series[];
}

/**
 * Actual full-calendar-year cargo by scope (focal state's scopes first), with headline series.
 * @example annualCargo(pkg.corridorFlows, "GEO", publishers(pkg).published).scopes[0] // => "btk_railway"
 * @category Middle Corridor (02)
 */
export function annualCargo(
  flows: readonly CorridorFlowRow[],
  focal: string,
  published: (ids: readonly string[]) => string,
): AnnualCargo {
  const rows = flows.filter(
    (r) => r.metric === "cargo" && r.status === "actual" && calendarYear(r.period_start, r.period_end) !== undefined,
  );
  const inOrder = [...new Set(rows.map((r) => r.scope))].sort(
    (a, b) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b),
  );
  const scopes = focalFirst(inOrder, (s) => s, focal);
  const groups = groupBy(rows, (r) => `${r.scope}|${r.period_start.slice(0, 4)}`);
  const ids = [...groups.values()].map((g) => headline(g, published)!.id);
  const series = scopes.map((scope) =>
    corridorSeries(flows, {
      scope,
      metric: "cargo",
      ids: rows.filter((r) => r.scope === scope && ids.includes(r.id)).map((r) => r.id),
      label: scopeLabel(scope),
    }),
  );
  return { scopes, groups, series };
}
const SCOPE_ORDER: readonly string[] = Object.keys(SCOPE_STATES);

/**
 * A scope and year with more than one published figure.
 * @category Middle Corridor (02)
 */
export interface Conflict {
  readonly scope: string;
  readonly year: number;
  /** Its rows, lowest value first. */
  readonly rows: readonly CorridorFlowRow[];
  readonly lo: number;
  readonly hi: number;
  /** (hi − lo) / lo, percent. */
  readonly spread: number;
  /** Id of the headline row. */
  readonly headline: string;
}

/**
 * Every scope and year whose figures disagree, in the order of `scopes`, then by year.
 * @example conflicts(annualCargo(pkg.corridorFlows, "AZE", publishers(pkg).published), publishers(pkg).published).every((c) => c.hi > c.lo) // => true
 * @category Middle Corridor (02)
 */
export function conflicts(cargo: AnnualCargo, published: (ids: readonly string[]) => string): Conflict[] {
  return [...cargo.groups.entries()]
    .filter(([, rows]) => new Set(rows.map((r) => r.value)).size > 1)
    .map(([key, rows]) => {
      const [scope, year] = key.split("|") as [string, string];
      const lo = minOf(rows.map((r) => r.value));
      const hi = maxOf(rows.map((r) => r.value));
      const sorted = [...rows].sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));
      return {
        scope,
        year: Number(year),
        rows: sorted,
        lo,
        hi,
        spread: ((hi - lo) / lo) * 100,
        headline: headline(rows, published)!.id,
      };
    })
    .sort((a, b) => cargo.scopes.indexOf(a.scope) - cargo.scopes.indexOf(b.scope) || a.year - b.year);
}

/**
 * The table of disagreeing figures: one row per scope and year, every figure with its publisher (headline marked *).
 * @example conflictTable([], publishers(pkg)).rows.length // => 0
 * @category Middle Corridor (02)
 */
export function conflictTable(list: readonly Conflict[], pubs: Publishers): TableInput & { title: string } {
  return {
    title: "Annual cargo: where publishers disagree",
    columns: [
      { key: "scope", label: "Scope" },
      { key: "year", label: "Year" },
      { key: "n", label: "Figures" },
      { key: "lo", label: "Lowest", unit: "Mt" },
      { key: "hi", label: "Highest", unit: "Mt" },
      { key: "spread", label: "Spread", unit: "% of lowest" },
      { key: "figures", label: "Figures and publishers (headline marked *)" },
    ],
    rows: list.map((c) => ({
      scope: scopeLabel(c.scope),
      year: String(c.year),
      n: c.rows.length,
      lo: c.lo / 1e6,
      hi: c.hi / 1e6,
      spread: c.spread,
      figures: c.rows
        .map(
          (r) =>
            `${formatTonnes(r.value, 3)}${r.id === c.headline ? "*" : ""} (${pubs
              .dated(r.sources)
              .map((d) => `${d.publisher}, ${d.dates.join(", ")}`)
              .join(" and ")})`,
        )
        .join("; "),
    })),
    sources: mergeSources(...list.flatMap((c) => c.rows.map((r) => rowSources(r)))),
  };
}

/**
 * One bar per figure of every disagreeing scope and year, labelled with scope, year, publisher and month published.
 * @example disagreementBars([], publishers(pkg)) // => []
 * @category Middle Corridor (02)
 */
export function disagreementBars(list: readonly Conflict[], pubs: Publishers): ComparisonBar[] {
  return list.flatMap((c) =>
    c.rows.map((r) => ({
      label: `${shortScope(c.scope)} ${c.year} · ${barCredit(pubs.dated(r.sources)[0])}`,
      value: r.value,
      colorKey: c.scope,
      period: String(c.year),
      sources: rowSources(r),
    })),
  );
}

/** A bar's short credit: the first publisher, shortened, with the month of its own latest source. */
const barCredit = (d: DatedPublisher | undefined): string =>
  d === undefined ? "undated" : `${shortPublisher(d.publisher)} ${d.dates.at(-1)!.slice(0, 7)}`;

/**
 * What the disagreement amounts to, in one or two plain-text sentences: the widest spread, and for the whole route
 * how many non-headline figures are roundings (within 2 %) and which are different statements.
 * @example conflictsText([], publishers(pkg)) // => "No scope and year has more than one figure in this vintage."
 * @category Middle Corridor (02)
 */
export function conflictsText(list: readonly Conflict[], pubs: Publishers): string {
  const widest = [...list].sort((a, b) => b.spread - a.spread)[0];
  if (!widest) return "No scope and year has more than one figure in this vintage.";
  const parts = [
    `The widest disagreement is for ${scopeLabel(widest.scope)} ${widest.year}: ${listText(widest.rows.map((r) => `${formatTonnes(r.value, 3)} (${pubs.publisher(r.sources)})`))} — a spread of ${formatPercent(widest.spread)}.`,
  ];
  const whole = list.filter((c) => c.scope === "whole_route");
  if (whole.length > 0) {
    const others = whole.flatMap((c) => {
      const h = c.rows.find((r) => r.id === c.headline)!;
      return c.rows.filter((r) => r !== h).map((r) => ({ r, c, off: Math.abs(r.value - h.value) / h.value }));
    });
    const apart = others.filter((o) => o.off > 0.02);
    const round = others.length - apart.length;
    const roundText =
      round === 0
        ? ""
        : round === others.length
          ? others.length === 1
            ? " The other figure is within 2 % of the headline: a rounding."
            : ` All ${formatNumber(round)} other figures are within 2 % of the headline: roundings.`
          : ` ${formatNumber(round)} of the ${formatNumber(others.length)} other figures ${round === 1 ? "is" : "are"} within 2 % of the headline: ${round === 1 ? "a rounding" : "roundings"}.`;
    const lead = round === 0 ? "The other" : "The remaining";
    const apartText =
      apart.length === 0
        ? ""
        : ` ${lead}${apart.length === 1 ? " figure" : " figures"} — ${listText(apart.map((o) => `${formatTonnes(o.r.value, 3)} for ${o.c.year} (${pubs.publisher(o.r.sources)})`))} — ${apart.length === 1 ? "is a different statement, and growth rates computed from it differ" : "are different statements, and growth rates computed from them differ"} too (section 2).`;
    parts.push(
      `For the whole route, ${listText(whole.map((c) => `${c.year} has ${countText(c.rows.length, "figure")} (${formatTonnes(c.lo, 3)} to ${formatTonnes(c.hi, 3)})`))}.${roundText}${apartText}`,
    );
  }
  return parts.join(" ");
}

/**
 * A row of the annual growth table.
 * @category Middle Corridor (02)
 */
export interface GrowthRow {
  readonly scope: string;
  readonly year: string;
  /** Headline volume, Mt. */
  readonly volume: number | null;
  /** Growth derived from headline volumes, percent. */
  readonly derived: number | null;
  /** Published rates with publishers. */
  readonly published: string;
  /** Largest gap between a published and the derived rate, points. */
  readonly gap: number | null;
  readonly sources: readonly SourceId[];
}

/**
 * Annual growth per scope and year: derived from headline volumes and as published (years with either).
 * @example annualGrowthRows([], [], publishers(pkg)) // => []
 * @category Middle Corridor (02)
 */
export function annualGrowthRows(
  series: readonly Series[],
  flows: readonly CorridorFlowRow[],
  pubs: Publishers,
): GrowthRow[] {
  const publishedGrowth = flows.filter((r) => r.metric === "cargo_growth" && r.status === "actual");
  return series.flatMap((s) => {
    const yoy = yearOverYear(s);
    return yoy.points.flatMap((p, i) => {
      const pub = publishedGrowth.filter(
        (g) => g.scope === s.scope && g.period_start === p.periodStart && g.period_end === p.periodEnd,
      );
      if (p.value === null && pub.length === 0) return [];
      const volume = s.points[i]?.value ?? null;
      return [
        {
          scope: scopeLabel(s.scope),
          year: p.label,
          volume: volume === null ? null : volume / 1e6,
          derived: p.value,
          published: pub
            .map((g) => `${formatPercent(g.value, { sign: true, digits: 1 })} (${pubs.publisher(g.sources)})`)
            .join("; "),
          gap: pub.length === 0 || p.value === null ? null : maxOf(pub.map((g) => Math.abs(g.value - p.value!))),
          sources: mergeSources(p.sources, ...pub.map((g) => rowSources(g))),
        },
      ];
    });
  });
}

/**
 * The annual growth table model. @example annualGrowthTable([]).columns.length // => 6
 * @category Middle Corridor (02)
 */
export function annualGrowthTable(rows: readonly GrowthRow[]): TableInput & { title: string } {
  return {
    title: "Annual cargo growth: derived from headline volumes and as published",
    columns: [
      { key: "scope", label: "Scope" },
      { key: "year", label: "Year" },
      { key: "volume", label: "Headline volume", unit: "Mt" },
      { key: "derived", label: "Derived growth", unit: "%" },
      { key: "published", label: "Published growth (publisher)" },
      { key: "gap", label: "Largest gap", unit: "points" },
    ],
    rows: rows.map(({ sources: _s, ...r }) => r),
    sources: mergeSources(...rows.map((r) => r.sources)),
  };
}

/**
 * How a series grew, in a plain-text sentence: from its first to its last annual figure, compounded, and the years
 * it fell or at least doubled. "" for fewer than two annual figures.
 * @example growthText(series, 55.4) // => "TITR cargo: on the headline figures, cargo went from 1.2 Mt in 2021 to 4.5 Mt in 2024, 55.4 % a year compounded."
 * @category Middle Corridor (02)
 */
export function growthText(s: Series, cagrPercent: number | undefined): string {
  const annual = s.points.filter((p) => p.value !== null && calendarYear(p.periodStart, p.periodEnd) !== undefined);
  const first = annual[0];
  const last = annual.at(-1);
  if (!first || !last || first === last || cagrPercent === undefined) return "";
  const yoy = yearOverYear(s).points.filter((p) => p.value !== null);
  const falls = yoy.filter((p) => p.value! < 0).map((p) => p.label);
  const doubles = yoy.filter((p) => p.value! >= 100).map((p) => p.label);
  const uneven = [
    falls.length > 0 ? `cargo fell in ${listText(falls)}` : "",
    doubles.length > 0 ? `cargo at least doubled in ${listText(doubles)}` : "",
  ].filter((x) => x !== "");
  return (
    `${s.label}: on the headline figures, cargo went from ${formatTonnes(first.value!)} in ${first.label} to ${formatTonnes(last.value!)} in ${last.label}, ` +
    `${formatPercent(cagrPercent, { digits: 1 })} a year compounded${uneven.length > 0 ? `, but not evenly: ${uneven.join(" and ")}.` : "."}`
  );
}

/**
 * The largest mismatch between a published and a derived rate, as a plain-text sentence ("" when none is known).
 * @example gapText([]) // => ""
 * @example gapText([{ scope: "Port of Baku", year: "2019", volume: 4, derived: 7.23, published: "+7.2 % (Sea News)", gap: 0.03, sources: [] }]) // => "Where a rate is both published and derivable, the two agree to within 0.05 percentage points."
 * @category Middle Corridor (02)
 */
export function gapText(rows: readonly GrowthRow[]): string {
  const big = [...rows].filter((r) => r.gap !== null).sort((a, b) => b.gap! - a.gap!)[0];
  if (!big) return "";
  if (big.gap! < 0.05)
    return "Where a rate is both published and derivable, the two agree to within 0.05 percentage points.";
  return (
    `The largest mismatch between a published and a derived rate is ${formatPoints(big.gap, 1).replace("+", "")} (${big.scope}, ${big.year}: derived ${formatPercent(big.derived, { sign: true, digits: 1 })}, published ${big.published}). ` +
    "A rate computed against a revised base year is not wrong, but it is not the same statement."
  );
}

/** A figure for January–September, from corridor_flows or transit. */
interface NineRow {
  readonly id: string;
  readonly scope: string;
  readonly value: number;
  readonly unit: string;
  readonly period_start: string;
  readonly period_end: string;
  readonly base_start?: string | undefined;
  readonly base_end?: string | undefined;
  readonly sources: readonly string[];
}
const isNineMonths = (r: { period_start: string; period_end: string }) =>
  r.period_start.endsWith("-01-01") &&
  r.period_end.endsWith("-09-30") &&
  r.period_start.slice(0, 4) === r.period_end.slice(0, 4);

/**
 * Every January–September cargo or transit figure (volumes and growth), the focal state's scopes first, then by
 * period; a volume carries the growth derived from the same scope's months a year earlier.
 * @example nineMonthTable({ flows: [], transit: [], caps: [] }, "AZE", publishers(pkg)).rows // => []
 * @category Middle Corridor (02)
 */
export function nineMonthTable(rows: CorridorRows, focal: string, pubs: Publishers): TableInput & { title: string } {
  const nine: NineRow[] = [
    ...rows.flows.filter(
      (r) => isNineMonths(r) && r.status === "actual" && (r.metric === "cargo" || r.metric === "cargo_growth"),
    ),
    ...rows.transit.filter((r) => isNineMonths(r) && r.metric !== "share"),
  ].sort(
    (a, b) =>
      a.period_start.localeCompare(b.period_start) || a.scope.localeCompare(b.scope) || a.id.localeCompare(b.id),
  );
  const list = focalFirst(nine, (r) => r.scope, focal);
  const derivedOf = (r: NineRow) => {
    const base = nine.find(
      (b) =>
        b.scope === r.scope &&
        b.unit === r.unit &&
        b.period_start === shiftYears(r.period_start, -1) &&
        b.period_end === shiftYears(r.period_end, -1),
    );
    return base ? (percentChange(base.value, r.value) ?? null) : null;
  };
  return {
    title: "January–September figures",
    columns: [
      { key: "period", label: "Period" },
      { key: "scope", label: "Scope" },
      { key: "figure", label: "Published figure" },
      { key: "derived", label: "Growth derived from volumes", unit: "%" },
      { key: "publisher", label: "Publisher" },
      { key: "row", label: "Row id" },
    ],
    rows: list.map((r) => ({
      period: periodLabel(r.period_start, r.period_end),
      scope: scopeLabel(r.scope),
      figure:
        r.unit === "percent"
          ? `${formatPercent(r.value, { sign: true, digits: 1 })}${r.base_start && r.base_end ? ` on ${periodLabel(r.base_start, r.base_end)}` : ""}`
          : formatTonnes(r.value, 3),
      derived: r.unit === "percent" ? null : derivedOf(r),
      publisher: datedText(pubs.dated(r.sources)),
      row: r.id,
    })),
    sources: mergeSources(...list.map((r) => rowSources(r))),
  };
}

/**
 * The figures counted by or for the focal state (see {@link SCOPE_STATES}): for each of its scopes and each volume
 * metric, the latest figure (the latest period end; the headline among figures for the same period).
 * @example ownFiguresTable({ flows: [], transit: [], caps: [] }, "ARM", "Armenia", publishers(pkg)).rows // => []
 * @category Middle Corridor (02)
 */
export function ownFiguresTable(
  rows: CorridorRows,
  focal: string,
  name: string,
  pubs: Publishers,
): TableInput & { title: string } {
  const volumes: NineRow[] = [
    ...rows.flows.filter((r) => r.status === "actual" && (r.metric === "cargo" || r.metric === "containers")),
    ...rows.transit.filter((r) => r.metric === "volume"),
  ].filter((r) => scopeStates(r.scope).includes(focal));
  const groups = [...groupBy(volumes, (r) => `${r.scope}|${r.unit}`).values()].sort(
    (a, b) => SCOPE_ORDER.indexOf(a[0]!.scope) - SCOPE_ORDER.indexOf(b[0]!.scope),
  );
  const latest = groups.map((g) => {
    const end = g
      .map((r) => r.period_end)
      .sort()
      .at(-1)!;
    const atEnd = g.filter((r) => r.period_end === end);
    const longest = atEnd.map((r) => r.period_start).sort()[0]!;
    return {
      row: headline(
        atEnd.filter((r) => r.period_start === longest),
        pubs.published,
      )!,
      n: g.length,
    };
  });
  return {
    title: `Latest figure of each kind counted by or for ${name}`,
    columns: [
      { key: "scope", label: "Scope" },
      { key: "period", label: "Period" },
      { key: "figure", label: "Figure" },
      { key: "n", label: "Figures of this kind" },
      { key: "publisher", label: "Publisher" },
    ],
    rows: latest.map(({ row, n }) => ({
      scope: scopeLabel(row.scope),
      period: periodLabel(row.period_start, row.period_end),
      figure: formatQuantity(row.value, row.unit, row.unit === "t" ? 3 : 0),
      n,
      publisher: datedText(pubs.dated(row.sources)),
    })),
    sources: mergeSources(...latest.map(({ row }) => rowSources(row))),
  };
}

/**
 * The sentence that opens the notebook on the focal state: its scopes, or that the data hold none for it and whose
 * the figures shown are. `others` are the possessives of the states whose figures the data do hold; `by` is the as-of
 * date in words (when it is not the latest) and `later` says the state's figures were published after it.
 * @example coverageSentence("Armenia", [], ["Azerbaijan's", "Kazakhstan's"]) // => "The data hold no corridor figures counted by or for Armenia; the route's figures below are Azerbaijan's and Kazakhstan's."
 * @example coverageSentence("Georgia", ["BTK railway"], ["Azerbaijan's"]) // => "The data hold one scope counted by or for Georgia — BTK railway; its figures come first in each table and chart below."
 * @example coverageSentence("Kazakhstan", [], [], { by: "31 December 2016", later: true }) // => "The data hold no corridor figures counted by or for Kazakhstan published by 31 December 2016 (its first were published later), nor for any other state."
 * @category Middle Corridor (02)
 */
export function coverageSentence(
  name: string,
  own: readonly string[],
  others: readonly string[],
  when: { readonly by?: string | undefined; readonly later?: boolean } = {},
): string {
  const by = when.by !== undefined ? ` published by ${when.by}` : "";
  if (own.length > 0)
    return `The data hold ${countText(own.length, "scope")} counted by or for ${name}${by} — ${listPhrase(own, { max: 5 })}; ${own.length === 1 ? "its" : "their"} figures come first in each table and chart below.`;
  const none = `The data hold no corridor figures counted by or for ${name}${by}${when.later ? " (its first were published later)" : ""}`;
  if (others.length === 0) return `${none}, nor for any other state.`;
  return `${none}; the route's figures below are ${listPhrase(others)}.`;
}

/**
 * The states (ISO3, first seen first) whose scopes have rows.
 * @example statesWithFigures({ flows: [], transit: [], caps: [] }) // => []
 * @category Middle Corridor (02)
 */
export function statesWithFigures(rows: CorridorRows): string[] {
  return [...new Set([...rows.flows, ...rows.transit].flatMap((r) => scopeStates(r.scope)))].sort();
}

/**
 * The capacity levels of an asset for a chart from `fromYear` to `toYear`: a step for each change of the actual
 * capacity (repeated statements of the same value merge), then the last planned and the last target capacity above
 * the current actual one, labelled with the years they were stated.
 * @example capacityLevels(pkg.capacities.filter((c) => c.as_of <= "2024"), "btk_railway", 2020, 2024).map((l) => l.value) // => [1000000, 5000000, 3000000]
 * @category Middle Corridor (02)
 */
export function capacityLevels(
  caps: readonly CapacityRow[],
  asset: string,
  fromYear: number,
  toYear: number,
): CapacityLevel[] {
  const rows = caps
    .filter((c) => c.asset === asset && c.metric === "cargo_capacity")
    .sort((a, b) => startOf(a.as_of).localeCompare(startOf(b.as_of)) || a.id.localeCompare(b.id));
  const steps: { value: number; from: number; sources: SourceId[] }[] = [];
  for (const r of rows.filter((c) => c.status === "actual")) {
    const last = steps.at(-1);
    if (last && last.value === r.value) last.sources.push(...rowSources(r));
    else steps.push({ value: r.value, from: yearOfAsOf(r.as_of), sources: [...rowSources(r)] });
  }
  const levels: CapacityLevel[] = steps.map((s, i) => {
    const next = steps[i + 1];
    const from = Math.max(s.from, fromYear);
    return {
      label: "Capacity",
      value: s.value,
      unit: "t_per_year",
      status: "actual",
      from,
      to: next ? Math.max(from, next.from - 1) : toYear,
      sources: mergeSources(s.sources),
    };
  });
  const current = steps.at(-1)?.value ?? 0;
  for (const status of ["planned", "target"] as const) {
    const stated = rows.filter((r) => r.status === status && r.value > current);
    const last = stated.at(-1);
    if (!last) continue;
    const same = stated.filter((r) => r.value === last.value);
    const y0 = yearOfAsOf(same[0]!.as_of);
    const y1 = yearOfAsOf(last.as_of);
    levels.push({
      label: `${last.target_year ? `For ${last.target_year}, s` : "S"}tated ${y0}${y1 !== y0 ? `–${y1}` : ""}`,
      value: last.value,
      unit: "t_per_year",
      status,
      ...(last.target_year ? { forYear: Number(last.target_year) } : {}),
      stated: `${y0}${y1 !== y0 ? `–${y1}` : ""}`,
      from: Math.max(fromYear, Math.min(toYear, y0)),
      to: toYear,
      sources: mergeSources(...same.map((r) => rowSources(r))),
    });
  }
  return levels;
}
const yearOfAsOf = (asOf: string) => Number(asOf.slice(0, 4));

/**
 * What the capacity chart of an asset shows, in plain text: utilisation first to last, and what is announced.
 * @example capacityText([], []) // => "No year has both a full-year tonnage and an actual capacity stated by its end, so utilisation cannot be computed."
 * @category Middle Corridor (02)
 */
export function capacityText(table: readonly UtilisationRow[], levels: readonly CapacityLevel[]): string {
  const withU = table.filter((r) => r.utilisation !== null && r.capacity !== undefined && r.throughput !== null);
  const first = withU[0];
  const last = withU.at(-1);
  const planned = levels.filter((l) => l.status !== "actual");
  const announced =
    planned.length > 0
      ? ` Announced: ${listText(planned.map((l) => `${formatTonnes(l.value)} a year (${l.status}; ${l.label.replace(/^For (\d+), s/, "for $1, s").replace(/^S/, "s")})`))}.`
      : "";
  if (!first || !last)
    return `No year has both a full-year tonnage and an actual capacity stated by its end, so utilisation cannot be computed.${announced}`;
  const change = first !== last ? `went from ${formatPercent(first.utilisation)} in ${first.label} to` : "was";
  return (
    `Utilisation ${change} ${formatPercent(last.utilisation)} in ${last.label} ` +
    `(${formatTonnes(last.throughput!)} of ${formatTonnes(last.capacity!.value)} a year; headroom ${formatTonnes(last.headroom ?? 0)}).${announced}`
  );
}

/**
 * The table model of utilisation across assets.
 * @example utilisationTableModel([]).rows // => []
 * @category Middle Corridor (02)
 */
export function utilisationTableModel(
  byAsset: readonly { readonly name: string; readonly table: readonly UtilisationRow[] }[],
): TableInput & { title: string } {
  const rows = byAsset.flatMap(({ name, table }) => table.map((r) => ({ name, r })));
  return {
    title: "Utilisation: full-year cargo over the actual capacity stated by the end of the year",
    columns: [
      { key: "asset", label: "Asset" },
      { key: "year", label: "Year" },
      { key: "throughput", label: "Cargo", unit: "Mt" },
      { key: "capacity", label: "Actual capacity", unit: "Mt a year" },
      { key: "capacity_as_of", label: "Capacity stated" },
      { key: "utilisation", label: "Utilisation", unit: "%" },
      { key: "headroom", label: "Headroom", unit: "Mt" },
    ],
    rows: rows.map(({ name, r }) => ({
      asset: name,
      year: r.label,
      throughput: r.throughput === null ? null : r.throughput / 1e6,
      capacity: r.capacity ? r.capacity.value / 1e6 : null,
      capacity_as_of: r.capacity ? r.capacity.asOf : "",
      utilisation: r.utilisation,
      headroom: r.headroom === null ? null : r.headroom / 1e6,
    })),
    sources: mergeSources(...rows.map(({ r }) => r.sources)),
  };
}

/**
 * The goals stated for the whole route after the last observed year.
 * @category Middle Corridor (02)
 */
export interface RouteGoals {
  /** Every capacity target and volume forecast or plan, as a table. */
  readonly table: TableInput & { title: string };
  /** The nearest capacity target and the farthest volume forecast (the earliest published), for the chart. */
  readonly targets: readonly ProjectionTarget[];
}

/**
 * Capacity targets of the route and whole-route forecasts and plans for years after `lastYear`.
 * @example routeGoals({ flows: [], transit: [], caps: [] }, 2024, publishers(pkg)).targets // => []
 * @category Middle Corridor (02)
 */
export function routeGoals(rows: CorridorRows, lastYear: number, pubs: Publishers): RouteGoals {
  const capTargets = rows.caps.filter(
    (c) =>
      c.asset === "titr" &&
      c.metric === "cargo_capacity" &&
      c.status === "target" &&
      c.target_year !== undefined &&
      c.target_year > lastYear,
  );
  const forecasts = rows.flows.filter(
    (r) =>
      r.scope === "whole_route" &&
      r.metric === "cargo" &&
      r.status !== "actual" &&
      Number(r.period_start.slice(0, 4)) > lastYear,
  );
  const nearestCap = [...capTargets].sort(
    (a, b) => a.target_year! - b.target_year! || startOf(b.as_of).localeCompare(startOf(a.as_of)),
  )[0];
  const yearOf = (r: CorridorFlowRow) => Number(r.period_start.slice(0, 4));
  const farthest = Math.max(0, ...forecasts.filter((r) => r.status === "forecast").map(yearOf));
  const far = forecasts
    .filter((r) => r.status === "forecast" && yearOf(r) === farthest)
    .sort(
      (a, b) =>
        (pubs.firstPublished(a.sources) || "9999").localeCompare(pubs.firstPublished(b.sources) || "9999") ||
        a.id.localeCompare(b.id),
    )[0];
  const goals = [
    ...capTargets.map((c) => ({
      kind: "capacity target",
      year: c.target_year!,
      value: c.value,
      stated: c.as_of,
      row: c.id,
      sources: c.sources,
    })),
    ...forecasts.map((r) => ({
      kind: `volume ${r.status}`,
      year: yearOf(r),
      value: r.value,
      stated: pubs.published(r.sources) || "undated",
      row: r.id,
      sources: r.sources,
    })),
  ].sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind) || a.stated.localeCompare(b.stated));
  return {
    table: {
      title: "Targets and forecasts for the whole route after the last observed year",
      columns: [
        { key: "year", label: "For year" },
        { key: "kind", label: "Kind" },
        { key: "value", label: "Tonnage", unit: "Mt" },
        { key: "stated", label: "Stated" },
        { key: "publisher", label: "Publisher" },
        { key: "used", label: "In the chart" },
      ],
      rows: goals.map((g) => ({
        year: String(g.year),
        kind: g.kind,
        value: g.value / 1e6,
        stated: g.stated,
        publisher: pubs.publisher(g.sources),
        used: g.row === nearestCap?.id || g.row === far?.id ? "yes" : "",
      })),
      sources: mergeSources(...goals.map((g) => rowSources(g))),
    },
    targets: [
      ...(nearestCap
        ? [
            {
              year: nearestCap.target_year!,
              value: nearestCap.value,
              label: "Capacity target",
              sources: rowSources(nearestCap),
            },
          ]
        : []),
      ...(far ? [{ year: farthest, value: far.value, label: forecastName(far, pubs), sources: rowSources(far) }] : []),
    ],
  };
}

/**
 * A forecast's name: the head of its note when it names a forecast, else "Forecast (publisher)".
 * @example forecastName({ note: "World Bank forecast (2023 report)", sources: [] }, publishers(pkg)) // => "World Bank forecast"
 * @example forecastName({ note: "", sources: ["reportaz-2026-03-10-titr-2019"] }, publishers(pkg)) // => "Forecast (Report.az)"
 * @category Middle Corridor (02)
 */
export function forecastName(
  row: { readonly note?: string | undefined; readonly sources: readonly string[] },
  pubs: Publishers,
): string {
  const head = (row.note ?? "").split(/[(;,]/)[0]!.trim();
  return head.length > 0 && head.length <= 40 && /forecast/i.test(head)
    ? head
    : `Forecast (${pubs.publisher(row.sources)})`;
}

/**
 * The top of the value axis of a projection chart: 1.5 times the largest of the observed values, the targets and
 * the central projections; a band above it is cut.
 * @example projectionCap([4e6], [{ value: 10e6 }], [{ estimate: 8e6 }]) // => 15000000
 * @category Middle Corridor (02)
 */
export function projectionCap(
  observed: readonly number[],
  targets: readonly { readonly value: number }[],
  projections: readonly { readonly estimate: number }[],
): number {
  return 1.5 * Math.max(0, ...observed, ...targets.map((t) => t.value), ...projections.map((p) => p.estimate));
}

/**
 * A figure whose value axis stops at `top` (in the data's units; the axis is in the unit of `meta.unit`: million,
 * billion or thousand).
 * @example (clipValueAxis({ data: [], layout: { yaxis: {} }, meta: { unit: "million t" } }, 15e6).layout.yaxis as { range: number[] }).range // => [0, 15]
 * @category Middle Corridor (02)
 */
export function clipValueAxis<
  F extends { readonly layout: Record<string, unknown>; readonly meta: { readonly unit?: unknown } },
>(fig: F, top: number): F {
  const unit = String(fig.meta.unit ?? "");
  const factor = unit.startsWith("billion")
    ? 1e9
    : unit.startsWith("million")
      ? 1e6
      : unit.startsWith("thousand")
        ? 1e3
        : 1;
  return {
    ...fig,
    layout: { ...fig.layout, yaxis: { ...(fig.layout.yaxis as object), range: [0, top / factor], autorange: false } },
  };
}

/**
 * A horizontal bar figure with room left of zero for the value labels of negative bars (unchanged without them).
 * @example (padNegativeBars({ layout: { xaxis: {} } }, [-10, 30]).layout.xaxis as { range: number[] }).range.map((v) => Math.round(v)) // => [-16, 35]
 * @category Middle Corridor (02)
 */
export function padNegativeBars<F extends { readonly layout: Record<string, unknown> }>(
  fig: F,
  values: readonly (number | null)[],
): F {
  const lo = Math.min(0, ...values.map((v) => v ?? 0));
  const hi = Math.max(0, ...values.map((v) => v ?? 0));
  if (lo >= 0) return fig;
  return {
    ...fig,
    layout: {
      ...fig.layout,
      xaxis: { ...(fig.layout.xaxis as object), range: [lo * 1.15 - (hi - lo) * 0.12, hi * 1.15] },
    },
  };
}

/**
 * What a trend says about a target, in plain text: the projection with its interval, and whether the target lies
 * below, above or inside it.
 * @example targetText("log-linear", { estimate: 12e6, lower: 11e6, upper: 13e6 }, { year: 2030, value: 10e6 }, 5) // => "The log-linear trend gives 12 Mt in 2030 (95 % interval 11 Mt to 13 Mt): the target lies below the whole interval — on trend it is reached early."
 * @example targetText("linear", { estimate: 8e6, lower: undefined, upper: undefined }, { year: 2030, value: 10e6 }, 2) // => "The linear trend gives 8 Mt in 2030: it falls short of the target; with two fitted points there is no interval."
 * @category Middle Corridor (02)
 */
export function targetText(
  model: TrendModel,
  p: Pick<Projection, "estimate" | "lower" | "upper">,
  t: Pick<ProjectionTarget, "year" | "value">,
  fittedPoints: number,
): string {
  const interval =
    p.lower !== undefined && p.upper !== undefined
      ? ` (95 % interval ${formatTonnes(p.lower, 1)} to ${formatTonnes(p.upper, 1)})`
      : "";
  const head = `The ${model} trend gives ${formatTonnes(p.estimate, 1)} in ${t.year}${interval}: `;
  if (p.lower === undefined || p.upper === undefined)
    return `${head}${p.estimate >= t.value ? "it reaches the target" : "it falls short of the target"}; with ${countText(fittedPoints, "fitted point")} there is no interval.`;
  if (p.lower > t.value) return `${head}the target lies below the whole interval — on trend it is reached early.`;
  if (p.upper < t.value) return `${head}the target lies above the whole interval — the trend does not reach it.`;
  return p.estimate >= t.value
    ? `${head}the central projection reaches it, but the interval includes missing it.`
    : `${head}the central projection falls short, though the interval includes reaching it.`;
}

/**
 * Observed growth of the whole route, for {@link observedText}.
 * @category Middle Corridor (02)
 */
export interface ObservedGrowth {
  readonly lastYear: number;
  /** CAGR over the whole series. */
  readonly all?: { readonly value: number; readonly fromYear: number; readonly toYear: number } | undefined;
  /** CAGR over the last three years. */
  readonly three?: number | undefined;
  /** Change in the last year, percent. */
  readonly last?: number | undefined;
  /** The largest year-on-year change, when the series has four points or more. */
  readonly top?: { readonly label: string; readonly value: number } | undefined;
}

/**
 * The growth observed, set against the growth each target requires, in plain text ("" when nothing is observed).
 * @example observedText({ lastYear: 2024, last: 62 }, [{ label: "10 Mt by 2030", rate: 14.3 }]) // => "+62 % in 2024. Against 2024 alone (+62 %), the target needs less."
 * @example observedText({ lastYear: 2024 }, []) // => ""
 * @category Middle Corridor (02)
 */
export function observedText(
  o: ObservedGrowth,
  required: readonly { readonly label: string; readonly rate: number | undefined }[],
): string {
  const y = o.lastYear;
  const parts = [
    o.all ? `${formatPercent(o.all.value, { digits: 1 })} a year ${o.all.fromYear}–${o.all.toYear}` : "",
    o.three !== undefined ? `${formatPercent(o.three, { digits: 1 })} a year ${y - 3}–${y}` : "",
    o.last !== undefined ? `${formatPercent(o.last, { sign: true, digits: 1 })} in ${y}` : "",
  ].filter((x) => x !== "");
  if (parts.length === 0) return "";
  const more = (rate: number | undefined, ref: number) =>
    rate === undefined ? "an unknown rate" : rate > ref ? "more" : "less";
  let text = `${parts.join(", ")}.`;
  if (o.top)
    text += ` The compound rates are lifted by the jump of ${o.top.label} (${formatPercent(o.top.value, { sign: true })} on a year earlier).`;
  if (o.three !== undefined && required.length > 0)
    text += ` Against the ${y - 3}–${y} rate, ${listText(required.map((r) => `${r.label} needs ${more(r.rate, o.three!)}`))}.`;
  if (o.last !== undefined && required.length > 0) {
    const all = required.every((r) => r.rate !== undefined && r.rate > o.last!);
    text += ` Against ${y} alone (${formatPercent(o.last, { sign: true, digits: 1 })}), ${all ? `${required.length === 1 ? "the target needs" : "every target needs"} ${o.last < 0 ? "a return to growth" : "faster growth"}` : required.length === 1 ? "the target needs less" : "some targets need less"}.`;
  }
  return text;
}

/**
 * When the trend reaches the route's actual capacity, in plain text.
 * @example crossingText("linear", undefined) // => "Too few annual points for a trend, so no year of crossing."
 * @example crossingText("linear", { central: 2027, earliest: 2026, latest: 2030, from: 2025, to: 2054 }) // => "On the linear trend, cargo reaches it in 2027 (earliest 2026, by 2030 at the latest) — so volume targets above it presuppose the capacity targets being met first."
 * @category Middle Corridor (02)
 */
export function crossingText(
  model: TrendModel,
  c: Pick<CapacityCrossing, "central" | "earliest" | "latest" | "from" | "to"> | undefined,
): string {
  if (!c) return "Too few annual points for a trend, so no year of crossing.";
  if (c.central === undefined) return `The ${model} trend does not reach it within ${c.to - c.from + 1} years.`;
  const bounds = [
    c.earliest !== undefined ? `earliest ${c.earliest}` : "",
    c.latest !== undefined ? `by ${c.latest} at the latest` : "",
  ].filter((x) => x !== "");
  return `On the ${model} trend, cargo reaches it in ${c.central}${bounds.length > 0 ? ` (${bounds.join(", ")})` : ""} — so volume targets above it presuppose the capacity targets being met first.`;
}

/**
 * How the article's OTS transit figure compares with the whole route and all transit of the same year, in plain
 * text ("" when neither is known).
 * @example otsContextText({ value: 15, year: "2024" }, [], [], [], publishers(pkg)) // => ""
 * @category Middle Corridor (02)
 */
export function otsContextText(
  ots: { readonly value: number; readonly year: string },
  wholeYear: readonly { readonly value: number }[],
  totalGrowth: readonly TransitRow[],
  totalVolume: readonly TransitRow[],
  pubs: Publishers,
): string {
  let text = "";
  if (wholeYear.length > 0) {
    const min = minOf(wholeYear.map((r) => r.value));
    text += `the whole route grew by ${listText([...new Set(wholeYear.map((r) => formatPercent(r.value, { sign: true })))])} over periods of ${ots.year}, ${min >= 2 * ots.value ? "at least twice as fast" : min > ots.value ? "faster" : "not always faster"}. `;
  }
  if (totalGrowth.length > 0) {
    text +=
      `All transit through Azerbaijan grew by ${listText(totalGrowth.map((r) => `${formatPercent(r.value, { sign: true, digits: 1 })} (${periodLabel(r.period_start, r.period_end)}, ${pubs.publisher(r.sources)})`))}` +
      (totalVolume.length > 0
        ? `, to ${listText(totalVolume.map((r) => formatTonnes(r.value, 2)))}${totalVolume.length > 1 ? ` (${countText(totalVolume.length, "official statement")} for the same year)` : ""}`
        : "") +
      `. Transit with OTS states thus grew ${totalGrowth.every((r) => ots.value > r.value) ? "faster" : "no faster"} than transit as a whole — if the two are measured alike, which nobody has shown.`;
  }
  return text.trim();
}

/**
 * The focal state's scopes that have rows, in the order of {@link SCOPE_STATES}.
 * @example ownScopes({ flows: pkg.corridorFlows, transit: [], caps: [] }, "GEO") // => ["btk_railway", "btk_cumulative"]
 * @example ownScopes({ flows: pkg.corridorFlows, transit: pkg.transit, caps: [] }, "ARM") // => []
 * @category Middle Corridor (02)
 */
export function ownScopes(rows: CorridorRows, focal: string): string[] {
  const present = new Set<string>([...rows.flows, ...rows.transit].map((r) => r.scope));
  return SCOPE_ORDER.filter((s) => present.has(s) && scopeStates(s).includes(focal));
}

/**
 * The caption of an asset's capacity chart: the last year with a utilisation, or why there is none.
 * @example capacityCaption("Port of Baku", []) // => "Port of Baku: annual cargo and stated capacities; no year has both a full-year tonnage and an actual capacity stated by then."
 * @category Middle Corridor (02)
 */
export function capacityCaption(name: string, table: readonly UtilisationRow[]): string {
  const last = table.filter((r) => r.utilisation !== null && r.capacity !== undefined && r.throughput !== null).at(-1);
  return last
    ? `${name}: ${formatTonnes(last.throughput!)} in ${last.label} against an actual capacity of ${formatTonnes(last.capacity!.value)} a year (${formatPercent(last.utilisation, { digits: 0 })} used).`
    : `${name}: annual cargo and stated capacities; no year has both a full-year tonnage and an actual capacity stated by then.`;
}

/**
 * For an asset without annual cargo: the capacities stated for it so far (distinct value and status, first year
 * stated), in plain text, with the sources that state them (publishers and dates, then their ids, which put them in
 * the reader's page's Sources).
 * @example statedCapacityText(pkg.capacities.filter((c) => c.as_of < "2011"), "baku_port").startsWith("Capacities stated so far: 10 Mt a year (design, 2010), 17 Mt a year (planned, 2010) and 25 Mt a year (planned, 2010). Source") // => true
 * @example statedCapacityText([], "baku_port") // => "No capacity was stated for it either."
 * @category Middle Corridor (02)
 */
export function statedCapacityText(
  caps: readonly CapacityRow[],
  asset: string,
  catalog?: readonly Pick<SourceRow, "id" | "publisher" | "published">[],
): string {
  const rows = caps
    .filter((c) => c.asset === asset && c.metric === "cargo_capacity")
    .sort((a, b) => a.value - b.value || startOf(a.as_of).localeCompare(startOf(b.as_of)));
  const seen = [...groupBy(rows, (c) => `${c.value}|${c.status}`).values()].map(
    (g) => `${formatQuantity(g[0]!.value, "t_per_year")} (${g[0]!.status}, ${yearOfAsOf(g[0]!.as_of)})`,
  );
  if (seen.length === 0) return "No capacity was stated for it either.";
  const ids = mergeSources(...rows.map((c) => c.sources));
  return `Capacities stated so far: ${listText(seen)}. ${sourcesLine(ids, catalog)} (source ids: ${ids.join(", ")}).`;
}

/**
 * The growth observed on an annual series up to `lastYear`: compound over the whole series and over the last three
 * years, the last year's change, and the largest year-on-year jump (with four annual points or more).
 * @example observedGrowth(series, 2024).three // => 55.36…
 * @example observedGrowth(series, 2024).last // => 63.04…
 * @category Middle Corridor (02)
 */
export function observedGrowth(s: Series, lastYear: number): ObservedGrowth {
  const valueIn = (y: number) =>
    s.points.find((p) => p.periodStart === `${y}-01-01` && p.periodEnd === `${y}-12-31`)?.value ?? undefined;
  const last = valueIn(lastYear);
  const three = valueIn(lastYear - 3);
  const prev = valueIn(lastYear - 1);
  const all = seriesCagr(s);
  const yoy = yearOverYear(s).points.filter((p) => p.value !== null);
  const top = [...yoy].sort((a, b) => b.value! - a.value!)[0];
  const annual = s.points.filter((p) => p.value !== null).length;
  return {
    lastYear,
    all: all && all.fromYear !== all.toYear ? all : undefined,
    three: three !== undefined && last !== undefined ? cagr(three, last, 3) : undefined,
    last: prev !== undefined && last !== undefined ? percentChange(prev, last) : undefined,
    top: top && annual >= 4 ? { label: top.label, value: top.value! } : undefined,
  };
}

/**
 * The bars of the required-growth chart: each target's required rate, then the observed rates and the trend's. Every
 * bar's hover says what it is computed from; with the annual `series` it lists the sources of the values used.
 * @example requiredBars([], { lastYear: 2024, last: 63 }, "log-linear", undefined).map((b) => b.label) // => ["Last year, 2024 on 2023"]
 * @example requiredBars([], { lastYear: 2024, last: 63 }, "log-linear", undefined)[0]!.computed // => "Computed from the cargo of 2023 and 2024"
 * @category Middle Corridor (02)
 */
export function requiredBars(
  required: readonly { readonly target: ProjectionTarget; readonly rate: number | undefined }[],
  o: ObservedGrowth,
  model: TrendModel,
  trendRate: number | undefined,
  series?: Series,
): ComparisonBar[] {
  const y = o.lastYear;
  const annual = (series?.points ?? []).filter(
    (p) => p.value !== null && p.periodStart.endsWith("-01-01") && p.periodEnd === `${p.periodStart.slice(0, 4)}-12-31`,
  );
  const sourcesOf = (...years: number[]) =>
    mergeSources(...annual.filter((p) => years.includes(Number(p.periodStart.slice(0, 4)))).map((p) => p.sources));
  const observed = (label: string, value: number, from: number) => ({
    label,
    value,
    colorKey: "observed",
    computed: `Computed from the cargo of ${from} and ${y}`,
    sources: sourcesOf(from, y),
  });
  const fitted = annual.map((p) => Number(p.periodStart.slice(0, 4)));
  return [
    ...required.map(({ target, rate }) => ({
      label: `Required: ${formatTonnes(target.value, 0)} by ${target.year}`,
      value: rate ?? null,
      colorKey: "required",
      period: `${y}–${target.year}`,
      computed: `Computed from the cargo of ${y} and the target`,
      sources: mergeSources(target.sources ?? [], sourcesOf(y)),
    })),
    ...(o.all ? [observed(`Observed ${o.all.fromYear}–${o.all.toYear} (compound)`, o.all.value, o.all.fromYear)] : []),
    ...(o.three !== undefined ? [observed(`Observed ${y - 3}–${y} (compound)`, o.three, y - 3)] : []),
    ...(o.last !== undefined ? [observed(`Last year, ${y} on ${y - 1}`, o.last, y - 1)] : []),
    ...(trendRate !== undefined
      ? [
          {
            label: `Fitted ${model} trend${model === "linear" ? ` (rate in ${y})` : ""}`,
            value: trendRate,
            colorKey: "trend",
            computed: `Computed from the ${fitted.length > 1 ? `annual cargo ${fitted[0]}–${fitted.at(-1)}` : "annual cargo"}: a model, not a published figure`,
            sources: sourcesOf(...fitted),
          },
        ]
      : []),
  ];
}
