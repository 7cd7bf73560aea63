/**
 * The frame of a house-style figure: size and fonts, a left-aligned title and subtitle, a horizontal legend above
 * the plot, and the footnote (note and sources line) under the x axis, with margins computed in pixels.
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import type { SourceId } from "../core/types";
import type { SourceCatalog } from "./inputs";
import { plotlyText, sourcesLine, wrappedSourcesLine, wrapText } from "./text";

/** Sizes and fonts of the house style: readable at half an A4 page (900 × 500 px, fonts ≥ 12 px). */
export const HOUSE = {
  width: 900,
  height: 500,
  /** DejaVu Sans is what Debian's Chromium has; Verdana has nearly the same metrics elsewhere. */
  fontFamily: '"DejaVu Sans", Verdana, "Open Sans", Arial, sans-serif',
  fontSize: 13,
  titleSize: 17,
  subtitleSize: 13,
  footnoteSize: 12,
  tickSize: 12,
  textColor: "#222222",
  mutedColor: "#555555",
  gridColor: "#E3E3E3",
  /** Average advance of a character at 12 px in DejaVu Sans, for line-fitting estimates. */
  charWidth12: 6.4,
} as const;

/** A figure built in the house style: a Plotly figure whose `meta` holds its plain title and source ids. */
export interface CaspianFigure extends PlotlyFigure {
  readonly meta: {
    readonly title: string;
    readonly sources: readonly SourceId[];
    readonly unit?: string;
    readonly kind: string;
    /** The full sources line (not cut to the chart's width), for captions and indexes. */
    readonly sourcesText: string;
    /** True for a figure that has nothing to draw (lib/figures/no-data). */
    readonly empty?: boolean;
  };
}

/** Everything {@link houseFigure} needs to dress a figure. */
export interface HouseFigureParts {
  readonly kind: string;
  readonly data: readonly Record<string, unknown>[];
  /** Axes and anything else of the layout (title, margins, legend, font and footnote are added). */
  readonly layout: Record<string, unknown>;
  readonly title: string;
  readonly subtitle?: string;
  readonly note?: string;
  readonly sources: readonly SourceId[];
  readonly sourceCatalog?: SourceCatalog;
  readonly unit?: string;
  readonly width?: number;
  readonly height?: number;
  /** Pixels under the plot area taken by the x axis (tick labels and title); default 52. */
  readonly bottomAxisPx?: number;
  /** Left margin in pixels (default 78). */
  readonly left?: number;
  /** Right margin in pixels (default 24). */
  readonly right?: number;
  /** Legend entries (names), to reserve rows for a horizontal legend above the plot; none hides the legend. */
  readonly legendNames?: readonly string[];
}

const LINE_PX = 16;

/**
 * Lines a horizontal legend of these entries takes in a plot of this width (estimate from average glyph width).
 * @example legendRows(["a", "b"], 800) // => 1
 */
export function legendRows(names: readonly string[], plotWidth: number): number {
  if (names.length === 0) return 0;
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 46 + decodeLength(n) * (HOUSE.fontSize * 0.6);
    if (x > 0 && x + w > plotWidth) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  return rows;
}

function decodeLength(plotlyString: string): number {
  return plotlyString.replace(/<[^>]*>/g, "").replace(/&[a-z#0-9]+;/g, "x").length;
}

/**
 * Dresses a figure in the house style: size, font, white background, a left-aligned title, a horizontal legend
 * above the plot, and a footnote (note + sources line) under the x axis, with margins computed in pixels so that
 * nothing overlaps at the export size.
 * @example houseFigure({ kind: "demo", data: [], layout: {}, title: "Cargo", sources: [] }).layout.width // => 900
 */
export function houseFigure(parts: HouseFigureParts): CaspianFigure {
  const width = parts.width ?? HOUSE.width;
  let height = parts.height ?? HOUSE.height;
  const left = parts.left ?? 78;
  const right = parts.right ?? 24;
  const plotWidth = width - left - right;
  const maxChars = Math.floor((width - 24) / HOUSE.charWidth12);
  const noteLines = parts.note !== undefined ? wrapText(parts.note, maxChars) : [];
  const sourceLines = wrappedSourcesLine(parts.sources, parts.sourceCatalog, maxChars, 2);
  const footLines = [...noteLines, ...sourceLines];
  const bottomAxis = parts.bottomAxisPx ?? 52;
  const bottom = bottomAxis + footLines.length * LINE_PX + 12;
  const names = parts.legendNames ?? [];
  const rows = legendRows(names, plotWidth);
  const titleBlock = 14 + 24 + (parts.subtitle !== undefined ? 20 : 0);
  const top = titleBlock + (rows > 0 ? rows * 22 + 6 : 4);
  // Never let title, legend and footnote squeeze the plot below 45 % of the figure: grow the figure instead.
  const minHeight = Math.ceil((top + bottom) / 0.55);
  if (height < minHeight) height = minHeight;

  const footnote = {
    text: footLines.map(plotlyText).join("<br>"),
    xref: "paper",
    yref: "paper",
    x: -(left - 12) / plotWidth,
    y: 0,
    xanchor: "left",
    yanchor: "top",
    yshift: -bottomAxis,
    align: "left",
    showarrow: false,
    font: { size: HOUSE.footnoteSize, color: HOUSE.mutedColor },
  };
  const extraAnnotations = (parts.layout.annotations as readonly Record<string, unknown>[] | undefined) ?? [];
  const layout: Record<string, unknown> = {
    ...parts.layout,
    width,
    height,
    autosize: false,
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    font: { family: HOUSE.fontFamily, size: HOUSE.fontSize, color: HOUSE.textColor },
    title: {
      text: plotlyText(parts.title),
      ...(parts.subtitle !== undefined
        ? {
            subtitle: { text: plotlyText(parts.subtitle), font: { size: HOUSE.subtitleSize, color: HOUSE.mutedColor } },
          }
        : {}),
      x: 12 / width,
      xanchor: "left",
      xref: "container",
      y: 1 - 12 / height,
      yanchor: "top",
      yref: "container",
      font: { size: HOUSE.titleSize },
    },
    margin: { l: left, r: right, t: top, b: bottom, pad: 0 },
    showlegend: rows > 0,
    legend: {
      orientation: "h",
      x: 0,
      xanchor: "left",
      y: 1,
      yanchor: "bottom",
      font: { size: HOUSE.fontSize },
      bgcolor: "rgba(255,255,255,0)",
      traceorder: "normal",
    },
    hoverlabel: { font: { family: HOUSE.fontFamily, size: HOUSE.fontSize } },
    annotations: [...extraAnnotations, footnote],
  };
  return {
    data: parts.data,
    layout,
    config: { displaylogo: false, responsive: true, toImageButtonOptions: { format: "png", width, height, scale: 2 } },
    meta: {
      title: parts.title,
      sources: [...new Set(parts.sources)],
      kind: parts.kind,
      sourcesText: sourcesLine(parts.sources, parts.sourceCatalog, 100_000),
      ...(parts.unit !== undefined ? { unit: parts.unit } : {}),
    },
  };
}
