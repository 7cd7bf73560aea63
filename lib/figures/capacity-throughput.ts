/**
 * Throughput of an asset against its stated capacities.
 * @module
 */
import { noDataFigure } from "./no-data";
import { commonParts } from "./common";
import type { CapacityLevel, CapacityThroughputInput, FigureOptions } from "./inputs";
import { periodX } from "./period-x";
import { houseFigure, type CaspianFigure } from "./frame";
import { assignColors, OKABE_ITO } from "./palette";
import { humanize, plotlyText } from "./text";
import { formatValue, valueScale } from "./units";
import { valueAxis, yearAxis } from "./axes";
import { hoverFields, pointHover } from "./hover";
import type { SeriesPoint } from "../core/types";
import { commonUnit, partLabels, seriesColorKeys, seriesList, seriesName, seriesSources } from "./time-series";
import { maxOf, minOf } from "../core/extent";
import { mergeSourceLists } from "../core/types";

/**
 * Line style of each capacity status.
 * @category Figure builders
 */
export const CAPACITY_STYLES: Readonly<
  Record<CapacityLevel["status"], { readonly color: string; readonly dash: string }>
> = {
  actual: { color: "#000000", dash: "solid" },
  design: { color: "#555555", dash: "dash" },
  planned: { color: OKABE_ITO.orange, dash: "dot" },
  target: { color: OKABE_ITO.vermillion, dash: "dashdot" },
};

/**
 * Options of {@link capacityThroughputFigure}.
 * @category Figure builders
 */
export interface CapacityThroughputOptions extends FigureOptions {
  /** Name of the quantity (default "Throughput"). */
  readonly quantity?: string;
}

/**
 * Whether a capacity unit (per year) measures the same thing as a throughput unit. @example capacityMatches("t_per_year", "t") // => true
 * @category Figure builders
 */
export function capacityMatches(capacityUnit: string, throughputUnit: string): boolean {
  return capacityUnit === throughputUnit || capacityUnit === `${throughputUnit}_per_year`;
}

/**
 * Capacity against throughput: annual throughput as bars (part-year figures as hollow markers), each capacity as a
 * level line styled by status (actual solid, design dashed, planned dotted, target dash-dot) over the years it
 * applies. Throws when a capacity's unit does not match the throughput's.
 * @example capacityThroughputFigure({ asset: "Port of Baku", throughput: series, capacities: [{ label: "Phase 1", value: 15e6, unit: "t_per_year", status: "actual" }], sources: [] }, { title: "Baku port" })
 * @category Figure builders
 */
export function capacityThroughputFigure(
  input: CapacityThroughputInput,
  options: CapacityThroughputOptions,
): CaspianFigure {
  const list = seriesList(input.throughput);
  // No throughput to set against the capacities (none given, or every value missing): the figure says so.
  if (list.every((s) => s.points.every((p) => p.value === null)))
    return noDataFigure("capacity-throughput", options, options.noData, input.sources);
  const unit = commonUnit(list);
  for (const c of input.capacities) {
    if (!capacityMatches(c.unit, unit))
      throw new RangeError(`capacity "${c.label}" is in ${c.unit}, throughput in ${unit}`);
  }
  const scale = valueScale(
    [...list.flatMap((s) => s.points.map((p) => p.value)), ...input.capacities.map((c) => c.value)],
    unit,
  );
  const perYear = `${scale.label}/year`;
  const keys = seriesColorKeys(list);
  const colors = assignColors(keys);
  const data: Record<string, unknown>[] = [];
  const names: string[] = [];
  const years: number[] = [];
  let partial = false;
  let unlabelled = false;
  list.forEach((s, i) => {
    const color = colors.get(keys[i]!) ?? OKABE_ITO.blue;
    const full = s.points.filter((p) => periodX(p).fullYear && p.value !== null);
    const parts = s.points.filter((p) => !periodX(p).fullYear && p.value !== null);
    for (const p of s.points) years.push(periodX(p).year);
    const plainName = seriesName(s);
    const name = plotlyText(plainName);
    const hover = (p: SeriesPoint) =>
      pointHover(
        {
          label: plainName,
          period: p.status === "actual" ? p.label : `${p.label} (${p.status})`,
          value: `${formatValue(p.value! / scale.factor)} ${scale.label}`,
          sources: p.sources,
        },
        options.sourceCatalog,
      );
    data.push({
      type: "bar",
      name,
      legendgroup: `s${i}`,
      x: full.map((p) => periodX(p).year),
      y: full.map((p) => p.value! / scale.factor),
      marker: { color, line: { width: 0 }, pattern: { shape: full.map((p) => (p.status === "actual" ? "" : "/")) } },
      ...hoverFields(full.map(hover)),
    });
    names.push(name);
    if (parts.length > 0) {
      partial = true;
      const top = maxOf([
        0,
        ...s.points.map((p) => (p.value ?? 0) / scale.factor),
        ...input.capacities.map((c) => c.value / scale.factor),
      ]);
      const labelled = partLabels(
        parts.map((p) => ({ year: periodX(p).year, value: p.value! / scale.factor, days: periodX(p).days })),
        (top * 1.12 * 16) / 300,
      );
      if (labelled.includes(false)) unlabelled = true;
      data.push({
        type: "scatter",
        mode: "markers+text",
        name: `${name}, part-year`,
        legendgroup: `s${i}`,
        showlegend: false,
        x: parts.map((p) => periodX(p).year),
        y: parts.map((p) => p.value! / scale.factor),
        text: parts.map((p, j) => (labelled[j] ? plotlyText(p.label.replace(/\s*\d{4}$/, "")) : "")),
        textposition: "middle right",
        // Drawn over bars of the same colour: white fill, dark ring and dark text stay visible.
        textfont: { size: 12, color: "#222222" },
        cliponaxis: false,
        marker: { size: 10, symbol: "circle", color: "#FFFFFF", line: { width: 2, color: "#222222" } },
        ...hoverFields(parts.map(hover)),
      });
    }
  });
  for (const c of input.capacities) {
    for (const y of [c.from, c.to]) if (y !== undefined) years.push(y);
  }
  const lo = minOf(years);
  const hi = maxOf(years);
  for (const g of groupCapacities(input.capacities)) {
    const style = CAPACITY_STYLES[g.status];
    const x0 = minOf(g.levels.map((c) => c.from ?? lo)) - 0.45;
    const x1 = maxOf(g.levels.map((c) => c.to ?? hi)) + 0.45;
    const value = `${formatValue(g.value / scale.factor)} ${perYear}`;
    const first = g.levels[0]!;
    const name = plotlyText(
      g.levels.length === 1
        ? `${first.label} (${g.status}): ${value}`
        : `${humanize(g.status).replace(/^./, (c) => c.toUpperCase())}: ${value} (${g.levels.length} statements)`,
    );
    data.push({
      type: "scatter",
      mode: "lines",
      name,
      x: [x0, x1],
      y: [g.value / scale.factor, g.value / scale.factor],
      line: { color: style.color, width: 2, dash: style.dash },
      ...hoverFields(
        [0, 1].map(() =>
          pointHover(
            {
              ...capacityHoverHead(g.status, g.levels, lo, hi),
              value: value,
              sources: mergeSourceLists(g.levels.map((c) => c.sources)),
            },
            options.sourceCatalog,
          ),
        ),
      ),
    });
    names.push(name);
  }
  const bars = list.some((s) => s.points.some((p) => periodX(p).fullYear && p.value !== null));
  const notes = [
    ...(bars && input.capacities.length > 0
      ? ["Bars: throughput per year; lines: stated capacity per year."]
      : bars
        ? ["Bars: throughput per year."]
        : input.capacities.length > 0
          ? ["Lines: stated capacity per year."]
          : []),
    ...(partial
      ? [
          unlabelled
            ? "White dots: part-year throughput, periods labelled where there is room (the hover gives each)."
            : "White dots: part-year throughput (period labelled).",
        ]
      : []),
    ...(options.note !== undefined ? [options.note] : []),
  ];
  return houseFigure({
    kind: "capacity-throughput",
    data,
    layout: {
      barmode: "group",
      bargap: 0.3,
      xaxis: yearAxis(years),
      yaxis: valueAxis(options.quantity ?? "Volume", perYear, { range: [0, headroom(data)] }),
      hovermode: "closest",
    },
    ...commonParts(options),
    note: notes.length > 0 ? notes.join(" ") : undefined,
    sources: mergeSourceLists([input.sources, seriesSources(list), ...input.capacities.map((c) => c.sources)]),
    unit: perYear,
    right: partial ? 64 : 24,
    legendNames: names,
  });
}

/**
 * What the hover of a capacity line names and the period its value is for: an actual or design capacity is
 * "Stated capacity, actual" for the years it applies; a planned or target one is for its year ("Target for 2034"),
 * with the years it was stated. Level labels other than the generic "Capacity" follow in parentheses.
 * @example capacityHoverHead("target", [{ label: "x", value: 17e6, unit: "t_per_year", status: "target", forYear: 2034, stated: "2017–2025", from: 2020 }], 2019, 2025)
 * // => { label: "Target for 2034, stated 2017–2025", period: "2034" }
 * @example capacityHoverHead("actual", [{ label: "Capacity", value: 6e6, unit: "t_per_year", status: "actual", from: 2022 }], 2019, 2025)
 * // => { label: "Stated capacity, actual", period: "2022–2025" }
 * @category Figure builders
 */
export function capacityHoverHead(
  status: CapacityLevel["status"],
  levels: readonly CapacityLevel[],
  lo: number,
  hi: number,
): { readonly label: string; readonly period: string | undefined } {
  const unique = <T>(xs: readonly (T | undefined)[]) => [...new Set(xs.filter((x): x is T => x !== undefined))];
  const stated = unique(levels.map((c) => c.stated));
  const named = unique(
    levels.map((c) => (c.stated === undefined && !/^capacity$/i.test(c.label) ? c.label : undefined)),
  );
  const tail = `${stated.length > 0 ? `, stated ${stated.join("; ")}` : ""}${named.length > 0 ? ` (${named.join("; ")})` : ""}`;
  if (status === "actual" || status === "design")
    return { label: `Stated capacity, ${status}${tail}`, period: yearSpan(levels, lo, hi) };
  const years = unique(levels.map((c) => c.forYear)).sort((a, b) => a - b);
  const word = status === "target" ? "Target" : "Planned";
  return years.length > 0
    ? { label: `${word} for ${years.join(", ")}${tail}`, period: years.join(", ") }
    : { label: `${word} capacity (no year given)${tail}`, period: undefined };
}

/** The years a group of capacity statements applies to, e.g. "2021–2025" or "from 2026". */
function yearSpan(levels: readonly CapacityLevel[], lo: number, hi: number): string {
  const from = minOf(levels.map((c) => c.from ?? lo));
  const to = maxOf(levels.map((c) => c.to ?? hi));
  return from === to ? String(from) : `${from}–${to}`;
}

/** Top of the value axis: 12 % above the highest value drawn, so that level lines and labels do not touch the frame. */
function headroom(data: readonly Record<string, unknown>[]): number {
  const ys = data.flatMap((t) =>
    ((t.y as readonly (number | null)[] | undefined) ?? []).filter((v): v is number => typeof v === "number"),
  );
  const max = maxOf(ys, 0);
  return max > 0 ? max * 1.12 : 1;
}

/**
 * Capacity statements with the same status and value, drawn as one line (a port restating its capacity yearly).
 * @example
 * const phase1 = { label: "Phase 1", value: 15e6, unit: "t_per_year", status: "actual" } as const;
 * groupCapacities([phase1, { ...phase1, label: "2024" }, { ...phase1, label: "Phase 2", value: 25e6, status: "planned" }])
 *   .map((g) => [g.status, g.value, g.levels.length]) // => [["actual", 15e6, 2], ["planned", 25e6, 1]]
 * @category Figure builders
 */
export function groupCapacities(
  levels: readonly CapacityLevel[],
): { status: CapacityLevel["status"]; value: number; levels: CapacityLevel[] }[] {
  const groups = new Map<string, { status: CapacityLevel["status"]; value: number; levels: CapacityLevel[] }>();
  for (const c of levels) {
    const key = `${c.status}|${c.value}`;
    const g = groups.get(key) ?? { status: c.status, value: c.value, levels: [] };
    g.levels.push(c);
    groups.set(key, g);
  }
  const rank = { actual: 0, design: 1, planned: 2, target: 3 } as const;
  return [...groups.values()].sort((a, b) => rank[a.status] - rank[b.status] || a.value - b.value);
}
