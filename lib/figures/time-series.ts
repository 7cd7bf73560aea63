/**
 * Time series charts: one line per series (scope or publisher), gaps drawn as gaps.
 * @module
 */
import { noDataFigure } from "./no-data";
import type { Series, SourceId } from "../core/types";
import { periodX } from "./period-x";
import type { FigureOptions, SourceCatalog, TimeSeriesInput } from "./inputs";
import { hoverFields, pointHover } from "./hover";
import { commonParts } from "./common";
import { houseFigure, type CaspianFigure } from "./frame";
import { assignColors } from "./palette";
import { humanize, plotlyText } from "./text";
import { countNoun, formatValue, valueScale, type ValueScale } from "./units";
import { valueAxisFor, yearAxis } from "./axes";
import { maxOf, minOf } from "../core/extent";

/**
 * Thrown when series of different units are put on one axis.
 * @category Figure builders
 */
export class MixedUnitError extends RangeError {
  constructor(readonly units: readonly string[]) {
    super(`series in different units (${units.join(", ")}) cannot share an axis; draw one chart per unit`);
    this.name = "MixedUnitError";
  }
}

/**
 * Options of {@link timeSeriesFigure}.
 * @category Figure builders
 */
export interface TimeSeriesOptions extends FigureOptions {
  /** Name of the quantity on the value axis (default: the metric, humanised). */
  readonly quantity?: string;
  /**
   * How the values were computed when no source states them, e.g. "Counted from the event catalogue": each hover
   * says so above the sources of the rows counted.
   */
  readonly computed?: string;
  /**
   * Plan values drawn as separate hollow points (legend "<series> (name)"), not as a dashed line from the last
   * actual value: for counts of a year not yet over (events announced so far), where a line would read as a fall.
   * `note` says what the points are, in place of "Dashed: plan or forecast.".
   */
  readonly planPoints?: { readonly name: string; readonly note: string };
}

/**
 * Legend name of a series: its label with its scope, so that figures of different scopes are never confused.
 * @example seriesName({ label: "Cargo", scope: "titr_rail" } as Series) // => "Cargo [TITR rail]"
 * @category Figure builders
 */
export function seriesName(series: Pick<Series, "label" | "scope" | "mixed">): string {
  const scope = humanize(series.scope);
  const label = series.label.toLowerCase();
  const named = label.includes(scope.toLowerCase()) || label.includes(series.scope.toLowerCase());
  const withScope =
    series.scope === "" || series.scope === "manual" || named ? series.label : `${series.label} [${scope}]`;
  return series.mixed !== undefined ? `${withScope} (mixed: ${series.mixed})` : withScope;
}

/**
 * The series of an input as an array.
 * @example
 * seriesList(series).length // => 1
 * seriesList([series, series]).length // => 2
 * @category Figure builders
 */
export function seriesList(input: TimeSeriesInput): readonly Series[] {
  return Array.isArray(input) ? (input as readonly Series[]) : [input as Series];
}

/**
 * Union of the source ids of every point, first-seen order.
 * @example seriesSources([series]) // => ["ady-2024"]
 * @category Figure builders
 */
export function seriesSources(list: readonly Series[]): SourceId[] {
  return [...new Set(list.flatMap((s) => s.points.flatMap((p) => p.sources)))];
}

/**
 * The one unit of a list of series, or a {@link MixedUnitError}.
 * @example commonUnit([series]) // => "t"
 * @category Figure builders
 */
export function commonUnit(list: readonly Series[]): string {
  const units = [...new Set(list.map((s) => s.unit))];
  if (units.length !== 1) throw new MixedUnitError(units);
  const unit = units[0]!;
  if (unit.trim() === "") throw new RangeError("a series needs a unit");
  return unit;
}

/**
 * Colour key of each series: its scope when scopes differ across the list, else its id.
 * @example seriesColorKeys([series, seriesOf({ "2023": 2e6 }, { metric: "cargo", unit: "t", scope: "caspian_ports" })]) // => ["whole_route", "caspian_ports"]
 * @category Figure builders
 */
export function seriesColorKeys(list: readonly Series[]): string[] {
  const scopes = new Set(list.map((s) => s.scope));
  return list.map((s) => (scopes.size === list.length ? s.scope : s.id));
}

interface Traces {
  readonly data: Record<string, unknown>[];
  readonly names: string[];
  readonly years: number[];
  readonly partial: boolean;
  /** True when a part-year point's period label was left out because it would overlap another's. */
  readonly unlabelled?: boolean;
  readonly projected: boolean;
  /** True when a drawn line has a break: a year without a value between two years with one. */
  readonly gaps: boolean;
}

/**
 * Whether a line of these values shows a break: a `null` between two numbers.
 * @example hasBreak([null, 1, null, 2]) // => true
 * @example hasBreak([1, 2, null]) // => false
 * @category Figure builders
 */
export function hasBreak(values: readonly (number | null)[]): boolean {
  let seen = false;
  let pending = false;
  for (const v of values) {
    if (v === null) pending = seen;
    else if (pending) return true;
    else seen = true;
  }
  return false;
}

/**
 * Line traces of annual series: full years joined (gaps as breaks), plan/forecast dashed, part-years hollow. Each
 * point's hover shows its value, period, publishers and source quote ({@link pointHover}, from `catalog`).
 * @example
 * const traces = seriesTraces([series], valueScale([4.5e6], "t"), new Map([["whole_route", "#0072B2"]]), ["whole_route"]);
 * [traces.names, traces.years, traces.partial, traces.gaps] // => [["TITR cargo [whole route]"], [2021, 2022, 2023, 2024], false, false]
 * @category Figure builders
 */
export function seriesTraces(
  list: readonly Series[],
  scale: ValueScale,
  colors: ReadonlyMap<string, string>,
  keys: readonly string[],
  catalog?: SourceCatalog,
  computed?: string,
  planPoints?: { readonly name: string },
): Traces {
  const data: Record<string, unknown>[] = [];
  const names: string[] = [];
  const years: number[] = [];
  let partial = false;
  let unlabelled = false;
  let projected = false;
  let gaps = false;
  const valueText = (v: number | null) =>
    v === null ? "no data" : `${formatValue(v / scale.factor)} ${countNoun(v / scale.factor, scale.label)}`;
  list.forEach((s, i) => {
    const color = colors.get(keys[i]!) ?? "#000000";
    const plainName = seriesName(s);
    const name = plotlyText(plainName);
    const hover = (p: Series["points"][number]) =>
      pointHover(
        {
          label: plainName,
          period: p.status === "actual" ? p.label : `${p.label} (${p.status})`,
          value: valueText(p.value),
          sources: p.sources,
          computed,
        },
        catalog,
      );
    const group = `series-${i}`;
    const full = s.points.map((p) => ({ p, x: periodX(p) })).filter((e) => e.x.fullYear);
    const parts = s.points.map((p) => ({ p, x: periodX(p) })).filter((e) => !e.x.fullYear);
    const actual = new Map<number, (typeof full)[number]>();
    const plan = new Map<number, (typeof full)[number]>();
    for (const e of full) (e.p.status === "actual" ? actual : plan).set(e.x.year, e);
    const allYears = full.map((e) => e.x.year);
    for (const p of s.points) years.push(periodX(p).year);
    let legendShown = false;
    if (actual.size > 0) {
      const lo = minOf(actual.keys());
      const hi = maxOf(actual.keys());
      const xs: number[] = [];
      const ys: (number | null)[] = [];
      const texts: string[] = [];
      for (let y = lo; y <= hi; y++) {
        const e = actual.get(y);
        xs.push(y);
        ys.push(e?.p.value == null ? null : e.p.value / scale.factor);
        texts.push(e === undefined ? "" : hover(e.p));
      }
      if (hasBreak(ys)) gaps = true;
      data.push({
        type: "scatter",
        mode: "lines+markers",
        name,
        legendgroup: group,
        x: xs,
        y: ys,
        connectgaps: false,
        line: { color, width: 2.5 },
        marker: { color, size: 7 },
        ...hoverFields(texts),
      });
      names.push(name);
      legendShown = true;
    }
    if (plan.size > 0) {
      projected = true;
      const sorted = [...plan.values()].sort((a, b) => a.x.year - b.x.year);
      const first = sorted[0]!.x.year;
      const anchor = [...actual.values()]
        .filter((e) => e.x.year < first && e.p.value !== null)
        .sort((a, b) => b.x.year - a.x.year)[0];
      const pts = anchor !== undefined && planPoints === undefined ? [anchor, ...sorted] : sorted;
      const statuses = planPoints?.name ?? [...new Set(sorted.map((e) => e.p.status))].join("/");
      const planYs = pts.map((e) => (e.p.value === null ? null : e.p.value / scale.factor));
      if (hasBreak(planYs)) gaps = true;
      data.push({
        type: "scatter",
        mode: planPoints !== undefined ? "markers" : "lines+markers",
        name: legendShown ? `${name} (${statuses})` : name,
        legendgroup: group,
        x: pts.map((e) => e.x.year),
        y: planYs,
        connectgaps: false,
        ...(planPoints !== undefined
          ? { marker: { color, size: 9, symbol: "circle-open", line: { width: 2, color } } }
          : { line: { color, width: 2.5, dash: "dash" }, marker: { color, size: 7, symbol: "circle-open" } }),
        ...hoverFields(pts.map((e) => hover(e.p))),
      });
      names.push(`${name} (${statuses})`);
      legendShown = true;
    }
    if (parts.length > 0) {
      partial = true;
      const withValue = parts.filter((e) => e.p.value !== null);
      const labelled = partLabels(
        withValue.map((e) => ({ year: e.x.year, value: e.p.value! / scale.factor, days: e.x.days })),
        labelGapUnits(list, scale),
      );
      if (labelled.includes(false)) unlabelled = true;
      data.push({
        type: "scatter",
        mode: "markers+text",
        name: legendShown ? `${name}, part-year` : name,
        legendgroup: group,
        showlegend: !legendShown,
        x: withValue.map((e) => e.x.year),
        y: withValue.map((e) => e.p.value! / scale.factor),
        text: withValue.map((e, j) => (labelled[j] ? plotlyText(e.p.label.replace(/\s*\d{4}$/, "")) : "")),
        textposition: "middle right",
        textfont: { size: 12, color },
        cliponaxis: false,
        marker: { color, size: 9, symbol: "circle-open", line: { width: 2, color } },
        ...hoverFields(withValue.map((e) => hover(e.p))),
      });
      if (!legendShown) names.push(name);
    }
    if (allYears.length === 0 && parts.length === 0) names.push(name);
  });
  return { data, names, years, partial, unlabelled, projected, gaps };
}

/**
 * What hollow part-year markers are, saying "period labelled" only when every one carries its label.
 * @example partNote(false) // => "Hollow markers: part-year figures (period labelled), not comparable with full years."
 * @category Figure builders
 */
export function partNote(unlabelled: boolean): string {
  return unlabelled
    ? "Hollow markers: part-year figures, not comparable with full years; periods labelled where there is room (the hover gives each)."
    : "Hollow markers: part-year figures (period labelled), not comparable with full years.";
}

/**
 * A note explaining what the chart draws: dashed lines (only when a plan or forecast is drawn), hollow markers
 * (only when part-year figures are drawn; "period labelled" only when every one is), breaks (only when a line has a year without data), joined with the
 * caller's note; `planNote` replaces the dashed-line sentence when plan values are drawn as points; undefined when there is nothing to explain.
 * @example seriesNote({ partial: false, projected: false, gaps: false }) // => undefined
 * @example seriesNote({ partial: false, projected: false, gaps: true }, "Scopes overlap.") // => "Breaks in a line are years without data. Scopes overlap."
 * @example seriesNote({ partial: true, unlabelled: true, projected: false, gaps: false }) // => "Hollow markers: part-year figures, not comparable with full years; periods labelled where there is room (the hover gives each)."
 * @category Figure builders
 */
export function seriesNote(
  traces: Pick<Traces, "partial" | "unlabelled" | "projected" | "gaps">,
  note?: string,
  planNote?: string,
): string | undefined {
  const parts = [
    ...(traces.projected ? [planNote ?? "Dashed: plan or forecast."] : []),
    ...(traces.partial ? [partNote(traces.unlabelled === true)] : []),
    ...(traces.gaps ? ["Breaks in a line are years without data."] : []),
    ...(note !== undefined ? [note] : []),
  ];
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/**
 * A time series chart: one line per series with its scope in the legend, missing years and `null` values drawn as
 * breaks, plan/forecast values dashed, part-year figures as hollow labelled markers; integer year ticks; the value
 * axis carries the unit (scaled to thousand/million/billion when large). Throws {@link MixedUnitError} when the
 * series do not share a unit.
 * @example timeSeriesFigure(seriesOf({ "2022": 1.5e6, "2023": 2.8e6 }, { metric: "cargo", unit: "t" }), { title: "TITR cargo" })
 * @category Figure builders
 */
export function timeSeriesFigure(input: TimeSeriesInput, options: TimeSeriesOptions): CaspianFigure {
  const list = seriesList(input);
  if (list.every((s) => s.points.every((p) => p.value === null)))
    return noDataFigure("time-series", options, options.noData, seriesSources(list));
  const unit = commonUnit(list);
  const scale = valueScale(
    list.flatMap((s) => s.points.map((p) => p.value)),
    unit,
  );
  const keys = seriesColorKeys(list);
  const colors = assignColors(keys);
  const traces = seriesTraces(list, scale, colors, keys, options.sourceCatalog, options.computed, options.planPoints);
  const quantity = options.quantity ?? humanize(list[0]!.metric).replace(/^./, (c) => c.toUpperCase());
  return houseFigure({
    kind: "time-series",
    data: traces.data,
    layout: {
      xaxis: yearAxis(traces.years),
      yaxis: valueAxisFor(
        quantity,
        scale.label,
        list.flatMap((s) => s.points.map((p) => (p.value === null ? null : p.value / scale.factor))),
      ),
      hovermode: "closest",
    },
    ...commonParts(options),
    note: seriesNote(traces, options.note, options.planPoints?.note),
    sources: seriesSources(list),
    unit: scale.label,
    right: traces.partial ? 64 : 24,
    legendNames: traces.names,
    rows: list.flatMap((s) => s.rows ?? []),
  });
}

/** Value-axis units that 16 px of a 300 px plot span: the closest two part-year labels may be without overlapping. */
function labelGapUnits(list: readonly Series[], scale: ValueScale): number {
  const max = maxOf(
    list.flatMap((s) => s.points.map((p) => (p.value === null ? 0 : p.value / scale.factor))),
    0,
  );
  return (max * 1.05 * 16) / 300;
}

/**
 * Which part-year points get a text label: in each year, labels closer than `gap` to an already labelled point are
 * dropped, longer periods first (the figure closest to a full year is the one most worth reading).
 * @example partLabels([{ year: 2025, value: 3.9, days: 273 }, { year: 2025, value: 3.8, days: 181 }], 0.5) // => [true, false]
 * @category Figure builders
 */
export function partLabels(points: readonly { year: number; value: number; days: number }[], gap: number): boolean[] {
  const keep = points.map(() => false);
  const order = points.map((p, i) => ({ ...p, i })).sort((a, b) => b.days - a.days || a.i - b.i);
  const placed: { year: number; value: number }[] = [];
  for (const p of order) {
    if (placed.some((q) => q.year === p.year && Math.abs(q.value - p.value) < gap)) continue;
    placed.push(p);
    keep[p.i] = true;
  }
  return keep;
}
