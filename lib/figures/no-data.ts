/**
 * The figure a builder returns when its input holds nothing to draw: the house frame with its title, and one line
 * in the middle saying there is no data, so a notebook run on a state or date without rows reads as such instead
 * of failing or drawing empty axes.
 * @module
 */
import { houseFigure, type CaspianFigure } from "./frame";
import type { FigureOptions } from "./inputs";
import type { SourceId } from "../core/types";
import { plotlyText } from "./text";

/**
 * The message of a figure with nothing to draw, when the caller gives none.
 * @category Figure builders
 */
export const NO_DATA_MESSAGE = "No data to draw for this selection.";

/**
 * A figure with no data: title and subtitle of `options`, no axes, and `message` in the middle. Its `meta.empty`
 * is `true`, so display helpers can say so in a sentence rather than show a blank chart.
 * @example noDataFigure("time-series", { title: "Cargo" }).meta.empty // => true
 * @example noDataFigure("bars", { title: "Trade" }, "No trade rows for Georgia.").layout.annotations[0].text // => "No trade rows for Georgia."
 * @category Figure builders
 */
export function noDataFigure(
  kind: string,
  options: Pick<FigureOptions, "title" | "subtitle" | "sourceCatalog" | "width" | "height">,
  message: string = NO_DATA_MESSAGE,
  sources: readonly SourceId[] = [],
): CaspianFigure & { readonly meta: CaspianFigure["meta"] & { readonly empty: true } } {
  const hidden = { visible: false, showgrid: false, zeroline: false };
  const fig = houseFigure({
    kind,
    data: [],
    layout: {
      xaxis: hidden,
      yaxis: hidden,
      annotations: [
        {
          text: plotlyText(message),
          xref: "paper",
          yref: "paper",
          x: 0.5,
          y: 0.5,
          showarrow: false,
          font: { size: 15, color: "#555555" },
        },
      ],
    },
    title: options.title,
    subtitle: options.subtitle,
    sourceCatalog: options.sourceCatalog,
    width: options.width,
    height: options.height ?? 260,
    sources,
  });
  return { ...fig, meta: { ...fig.meta, empty: true } };
}

/**
 * Whether a figure is a {@link noDataFigure}.
 * @example isEmptyFigure(noDataFigure("bars", { title: "T" })) // => true
 * @category Figure builders
 */
export function isEmptyFigure(figure: { readonly meta?: object }): boolean {
  return (figure.meta as { empty?: unknown } | undefined)?.empty === true;
}
