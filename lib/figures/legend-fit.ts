/**
 * A stop-gap for charts whose horizontal legend wraps into more rows than the house theme reserved. Plotly lays a
 * wrapped horizontal legend out in columns as wide as its widest entry, while the theme's estimate packs entries
 * one after another, so a legend of many entries of mixed length can take one row more than reserved and cover
 * the subtitle. {@link fitLegend} recomputes the rows the column rule needs and, when more are needed, grows the
 * top margin and the height by the difference. Remove once lib/figures reserves the rows itself.
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import { HOUSE, legendRows } from "./frame";
import { maxOf } from "../core/extent";

const ROW_PX = 22;

function entryWidth(name: string): number {
  const text = name.replace(/<[^>]*>/g, "").replace(/&[a-z#0-9]+;/g, "x");
  return 46 + text.length * HOUSE.fontSize * 0.6;
}

/**
 * Names of the traces a figure's legend shows.
 * @example legendEntries(fig) // => ["TITR cargo [whole route]"]
 */
export function legendEntries(figure: PlotlyFigure): string[] {
  if (figure.layout.showlegend === false) return [];
  return figure.data
    .filter(
      (t) =>
        t.showlegend !== false &&
        typeof t.name === "string" &&
        t.name !== "" &&
        (t.type === "scatter" || t.type === "bar" || t.showlegend === true),
    )
    .map((t) => t.name as string);
}

/**
 * Rows a wrapped horizontal Plotly legend takes when every column is as wide as the widest entry.
 * @example columnLegendRows(["FM Founding member", "M Member", "A Associate"], 400) // => 2
 */
export function columnLegendRows(names: readonly string[], plotWidth: number): number {
  if (names.length === 0) return 0;
  const widest = maxOf(names.map(entryWidth));
  const total = names.reduce((a, n) => a + entryWidth(n), 0);
  if (total <= plotWidth) return 1;
  const cols = Math.max(1, Math.floor(plotWidth / widest));
  return Math.ceil(names.length / cols);
}

/**
 * The figure with room for its legend: when {@link columnLegendRows} exceeds the rows the theme reserved
 * (`legendRows` of lib/figures), the top margin and the height grow by the missing rows. Otherwise the same figure.
 * @example fitLegend(fig) === fig // => true (one short legend entry: the theme reserved enough room)
 */
export function fitLegend<F extends PlotlyFigure>(figure: F): F {
  const layout = figure.layout as { width?: number; height?: number; margin?: { l?: number; r?: number; t?: number } };
  const names = legendEntries(figure);
  if (names.length === 0 || layout.margin === undefined || layout.width === undefined) return figure;
  const plotWidth = layout.width - (layout.margin.l ?? 0) - (layout.margin.r ?? 0);
  const missing = columnLegendRows(names, plotWidth) - legendRows(names, plotWidth);
  if (missing <= 0) return figure;
  const extra = missing * ROW_PX;
  return {
    ...figure,
    layout: {
      ...figure.layout,
      height: (layout.height ?? HOUSE.height) + extra,
      margin: { ...layout.margin, t: (layout.margin.t ?? 0) + extra },
    },
  };
}
