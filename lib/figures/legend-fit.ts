/**
 * Rows of a horizontal Plotly legend. Plotly puts a legend in one row when all its entries fit; otherwise it lays
 * the entries out in columns as wide as the widest entry. {@link columnLegendRows} follows that rule with widths
 * measured for the house font, and the house frame (lib/figures/frame) reserves that many rows. {@link fitLegend}
 * remains for figures dressed before the frame reserved them (older specs): it grows the top margin and the height
 * by the rows missing.
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import { maxOf } from "../core/extent";
import { plainOf, textWidth } from "./measure";

/** Legend font size of the house style (HOUSE.fontSize of lib/figures/frame). */
const LEGEND_FONT = 13;
/** Plotly's gap between legend items, and the room of an item's symbol before its text (itemwidth 30 + 2 gaps). */
const ITEM_GAP = 5;
const SYMBOL_PX = 40;
/** Pixels kept free at the end of a row, so that a text a little wider than measured does not wrap one more row. */
const SLACK_PX = 8;
const ROW_PX = 22;

/**
 * Width in pixels of a legend entry (symbol and text) in the house font.
 * @example Math.round(legendEntryWidth("Member")) // => 93
 * @category Layout fit
 */
export function legendEntryWidth(name: string, fontSize: number = LEGEND_FONT): number {
  return SYMBOL_PX + textWidth(plainOf(name), fontSize);
}

/**
 * Names of the traces a figure's legend shows.
 * @example legendEntries(fig) // => ["TITR cargo [whole route]"]
 * @category Layout fit
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
 * Rows a horizontal Plotly legend of these entries takes above a plot `plotWidth` px wide: one row when every entry
 * fits, else columns as wide as the widest entry (Plotly's rule), with a few pixels of slack.
 * @example columnLegendRows(["FM Founding member", "M Member", "A Associate"], 400) // => 2
 * @category Layout fit
 */
export function columnLegendRows(names: readonly string[], plotWidth: number): number {
  if (names.length === 0) return 0;
  const widths = names.map((n) => legendEntryWidth(n));
  const room = plotWidth - SLACK_PX;
  if (widths.reduce((a, w) => a + w, 0) + (names.length - 1) * ITEM_GAP < room) return 1;
  const widest = maxOf(widths);
  let cols = 1;
  while (cols * (widest + ITEM_GAP) + widest < room) cols++;
  return Math.ceil(names.length / cols);
}

/**
 * Lines a horizontal legend of these entries takes in a plot of this width: {@link columnLegendRows}.
 * @example legendRows(["a", "b"], 800) // => 1
 * @category Layout fit
 */
export function legendRows(names: readonly string[], plotWidth: number): number {
  return columnLegendRows(names, plotWidth);
}

/** The rows the old theme reserved: entries packed one after another, 0.6 em a character. */
function packedRows(names: readonly string[], plotWidth: number): number {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 46 + plainOf(n).length * LEGEND_FONT * 0.6;
    if (x > 0 && x + w > plotWidth) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/**
 * The figure with room for its legend. A figure of the house frame (with `meta.frame`) already has it and comes
 * back as it is; for an older one, when {@link columnLegendRows} exceeds the rows the old theme reserved, the top
 * margin and the height grow by the missing rows.
 * @example fitLegend(fig) === fig // => true (a figure of the house frame reserves its legend rows)
 * @category Layout fit
 */
export function fitLegend<F extends PlotlyFigure>(figure: F): F {
  if ((figure.meta as { frame?: unknown } | undefined)?.frame !== undefined) return figure;
  const layout = figure.layout as { width?: number; height?: number; margin?: { l?: number; r?: number; t?: number } };
  const names = legendEntries(figure);
  if (names.length === 0 || layout.margin === undefined || layout.width === undefined) return figure;
  const plotWidth = layout.width - (layout.margin.l ?? 0) - (layout.margin.r ?? 0);
  const missing = columnLegendRows(names, plotWidth) - packedRows(names, plotWidth);
  if (missing <= 0) return figure;
  const extra = missing * ROW_PX;
  return {
    ...figure,
    layout: {
      ...figure.layout,
      height: (typeof layout.height === "number" ? layout.height : 500) + extra,
      margin: { ...layout.margin, t: (layout.margin.t ?? 0) + extra },
    },
  };
}
