/**
 * The frame of a house-style figure: size and fonts, a left-aligned title and subtitle (wrapped to the width), a
 * horizontal legend above the plot, and the footnote (note and sources, wrapped, never cut; a long sources list
 * shortened to three lines) under the x axis, with margins computed in pixels. What the frame is made of is kept in `meta.frame`, so that
 * {@link frameLayout} (and lib/figures/fit refitFigure) can lay the same figure out again at another size.
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import type { SourceId } from "../core/types";
import type { SourceCatalog } from "./inputs";
import { plotlyText, sourcesLine } from "./text";
import { wrapToWidth } from "./measure";
import { columnLegendRows } from "./legend-fit";

export { legendRows } from "./legend-fit";

/**
 * Sizes and fonts of the house style: readable at half an A4 page (900 × 500 px, fonts ≥ 12 px).
 * @category House style
 */
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

/**
 * What {@link houseFigure} dressed a figure with, kept in `meta.frame` so that the frame can be laid out again at
 * another size ({@link frameLayout}). Texts are plain (not Plotly markup), except legend names, as the traces carry them.
 * @category House style
 */
export interface FrameSpec {
  readonly title: string;
  readonly subtitle?: string;
  readonly note?: string;
  /** The whole sources line (drawn shortened to three lines when longer, see cappedSourcesLines). */
  readonly sourcesText: string;
  /** Names of the legend entries; none: no legend. */
  readonly legendNames: readonly string[];
  /** Pixels under the plot area taken by the x axis (tick labels and title). */
  readonly bottomAxisPx: number;
  readonly left: number;
  readonly right: number;
  /** The height the builder asked for (the frame may grow it). */
  readonly height: number;
}

/**
 * A figure built in the house style: a Plotly figure whose `meta` holds its plain title and source ids.
 * @category House style
 */
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
    /** What the frame is made of, to lay it out again at another size. */
    readonly frame?: FrameSpec;
    /** The data rows drawn, `<resource>:<id>`, when the inputs name them. */
    readonly rows?: readonly string[];
  };
}

/**
 * Everything {@link houseFigure} needs to dress a figure.
 * @category House style
 */
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
  /** The data rows drawn (`meta.rows`), when the inputs name them. */
  readonly rows?: readonly string[];
}

/**
 * Name of the footnote annotation, so that a new layout of the frame finds and replaces it.
 * @category House style
 */
export const FOOTNOTE_NAME = "caspian-footnote";

/** Line heights Plotly gives text (1.3 em), and the pixels of the frame around the texts. */
const LINE = 1.3;
const EDGE_PX = 12;
const LEGEND_ROW_PX = HOUSE.fontSize * LINE + 3;
/** Of the figure's height, at most this share goes to the frame (title, legend, axis, footnote); the plot keeps the rest. */
const FRAME_SHARE = 0.55;
/** And the plot keeps at least this many pixels. */
const MIN_PLOT_PX = 140;

/**
 * A frame laid out at one size: what {@link houseFigure} and refitFigure put into the layout.
 * @category House style
 */
export interface FrameLayout {
  readonly width: number;
  /** The height asked for, grown to {@link FrameLayout.minHeight} when smaller. */
  readonly height: number;
  /** The smallest height at which nothing overlaps at this width. */
  readonly minHeight: number;
  readonly margin: { readonly l: number; readonly r: number; readonly t: number; readonly b: number; readonly pad: 0 };
  readonly titleLines: readonly string[];
  readonly subtitleLines: readonly string[];
  readonly legendRows: number;
  /** Note lines, then sources lines, each no wider than the figure less 24 px. */
  readonly footnoteLines: readonly string[];
  /** Layout entries to merge: `title`, `margin`, `width`, `height`, `showlegend`, `legend`. */
  readonly layout: Record<string, unknown>;
  /** The footnote annotation. */
  readonly footnote: Record<string, unknown>;
}

/**
 * Most lines the sources take inside the image: a longer list is shortened to its first publishers and "+N more",
 * with the full list kept where the figure is captioned (`meta.sourcesText`: the pack's figure page, its CSV and
 * the report page's Sources section).
 * @category House style
 */
export const MAX_SOURCE_LINES = 3;

/**
 * The sources line as drawn in the image at a text width: the whole line when it wraps to at most
 * {@link MAX_SOURCE_LINES} lines, otherwise the first publishers that fit and "+N more (full list with the
 * caption)".
 * @example
 * const long = `Sources: ${Array.from({ length: 60 }, (_, i) => `Publisher ${i} (2024)`).join("; ")}`;
 * [cappedSourcesLines("Source: ADY (2024)", 400).length, cappedSourcesLines(long, 400).length] // => [1, 3]
 * @category House style
 */
export function cappedSourcesLines(sourcesText: string, textPx: number, maxLines = MAX_SOURCE_LINES): string[] {
  const whole = wrapToWidth(sourcesText, textPx, HOUSE.footnoteSize);
  if (whole.length <= maxLines) return whole;
  const m = /^(Sources?: )/.exec(sourcesText);
  const prefix = m?.[1] ?? "";
  const entries = sourcesText.slice(prefix.length).split("; ");
  for (let keep = entries.length - 1; keep >= 0; keep--) {
    const more = `+${entries.length - keep} more (full list with the caption)`;
    const text = `${prefix}${[...entries.slice(0, keep), more].join("; ")}`;
    const lines = wrapToWidth(text, textPx, HOUSE.footnoteSize);
    if (lines.length <= maxLines) return lines;
  }
  return whole.slice(0, maxLines);
}

/**
 * Lays a frame out at a width (and a height, grown when too small): the title and subtitle wrapped to the width,
 * the legend rows of Plotly's column rule, the note and the sources wrapped (never cut; a list longer than
 * {@link MAX_SOURCE_LINES} lines is shortened, see {@link cappedSourcesLines}), the margins and the smallest height:
 * the plot keeps at least 140 px (or `minPlotPx`, e.g. rows that need their room), and, at the builder's own
 * height, 45 % of the figure.
 * @example
 * const f = frameLayout({ title: "Cargo", sourcesText: "Source: ADY (2024)", legendNames: [], bottomAxisPx: 52, left: 78, right: 24, height: 500 }, 480);
 * [f.height, f.titleLines.length, f.footnoteLines] // => [500, 1, ["Source: ADY (2024)"]]
 * @category House style
 */
export function frameLayout(frame: FrameSpec, width: number, height?: number, minPlotPx = MIN_PLOT_PX): FrameLayout {
  const textPx = width - 2 * EDGE_PX;
  const plotWidth = width - frame.left - frame.right;
  const titleLines = wrapToWidth(frame.title, textPx, HOUSE.titleSize);
  const subtitleLines = frame.subtitle !== undefined ? wrapToWidth(frame.subtitle, textPx, HOUSE.subtitleSize) : [];
  const footnoteLines = [
    ...(frame.note !== undefined ? wrapToWidth(frame.note, textPx, HOUSE.footnoteSize) : []),
    ...cappedSourcesLines(frame.sourcesText, textPx),
  ];
  const rows = columnLegendRows(frame.legendNames, plotWidth);
  // Plotly puts the subtitle's first baseline 1.6 em under the title's box; 0.3 em of descent under the last line.
  let y = EDGE_PX + Math.max(1, titleLines.length) * HOUSE.titleSize * LINE;
  if (subtitleLines.length > 0)
    y += (1.6 + 0.7 + 0.3) * HOUSE.subtitleSize + (subtitleLines.length - 1) * HOUSE.subtitleSize * LINE;
  const top = Math.ceil(y + (rows > 0 ? 6 + rows * LEGEND_ROW_PX + 10 : 8));
  const bottom = Math.ceil(frame.bottomAxisPx + footnoteLines.length * HOUSE.footnoteSize * LINE + 4 + EDGE_PX);
  // A height asked for (a report's figure slot) is kept while the plot keeps its least 140 px; the builder's own
  // height also keeps the plot at 45 % of the figure.
  const minHeight =
    height === undefined
      ? Math.max(Math.ceil((top + bottom) / FRAME_SHARE), top + bottom + Math.max(MIN_PLOT_PX, minPlotPx))
      : top + bottom + Math.max(MIN_PLOT_PX, minPlotPx);
  const h = Math.max(Math.round(height ?? frame.height), minHeight);
  const text = (lines: readonly string[]) => lines.map(plotlyText).join("<br>");
  const footnote: Record<string, unknown> = {
    name: FOOTNOTE_NAME,
    text: text(footnoteLines),
    xref: "paper",
    yref: "paper",
    x: -(frame.left - EDGE_PX) / plotWidth,
    y: 0,
    xanchor: "left",
    yanchor: "top",
    yshift: -frame.bottomAxisPx,
    align: "left",
    showarrow: false,
    font: { size: HOUSE.footnoteSize, color: HOUSE.mutedColor },
  };
  return {
    width,
    height: h,
    minHeight,
    margin: { l: frame.left, r: frame.right, t: top, b: bottom, pad: 0 },
    titleLines,
    subtitleLines,
    legendRows: rows,
    footnoteLines,
    footnote,
    layout: {
      width,
      height: h,
      title: {
        text: text(titleLines),
        ...(subtitleLines.length > 0
          ? { subtitle: { text: text(subtitleLines), font: { size: HOUSE.subtitleSize, color: HOUSE.mutedColor } } }
          : {}),
        x: EDGE_PX / width,
        xanchor: "left",
        xref: "container",
        // Plotly drops its cap-height shift on a title of several lines (the first baseline lands on y): add it back.
        y: 1 - (EDGE_PX + (titleLines.length > 1 ? 0.7 * HOUSE.titleSize : 0)) / h,
        yanchor: "top",
        yref: "container",
        font: { size: HOUSE.titleSize },
      },
      margin: { l: frame.left, r: frame.right, t: top, b: bottom, pad: 0 },
      showlegend: rows > 0,
    },
  };
}

/**
 * Dresses a figure in the house style: size, font, white background, a left-aligned title, a horizontal legend
 * above the plot, and a footnote (note + sources lines) under the x axis, with margins computed in pixels so that
 * nothing overlaps at the export size ({@link frameLayout}). What it used is kept in `meta.frame`.
 * @example houseFigure({ kind: "demo", data: [], layout: {}, title: "Cargo", sources: [] }).layout.width // => 900
 * @category House style
 */
export function houseFigure(parts: HouseFigureParts): CaspianFigure {
  const width = parts.width ?? HOUSE.width;
  const frame: FrameSpec = {
    title: parts.title,
    ...(parts.subtitle !== undefined ? { subtitle: parts.subtitle } : {}),
    ...(parts.note !== undefined && parts.note.trim() !== "" ? { note: parts.note } : {}),
    sourcesText: sourcesLine(parts.sources, parts.sourceCatalog, 100_000),
    legendNames: [...(parts.legendNames ?? [])],
    bottomAxisPx: parts.bottomAxisPx ?? 52,
    left: parts.left ?? 78,
    right: parts.right ?? 24,
    height: parts.height ?? HOUSE.height,
  };
  const fitted = frameLayout(frame, width);
  const extraAnnotations = (parts.layout.annotations as readonly Record<string, unknown>[] | undefined) ?? [];
  const layout: Record<string, unknown> = {
    ...parts.layout,
    ...fitted.layout,
    autosize: false,
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    font: { family: HOUSE.fontFamily, size: HOUSE.fontSize, color: HOUSE.textColor },
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
    annotations: [...extraAnnotations, fitted.footnote],
  };
  return {
    data: parts.data,
    layout,
    config: {
      displaylogo: false,
      responsive: true,
      toImageButtonOptions: { format: "png", width, height: fitted.height, scale: 2 },
    },
    meta: {
      title: parts.title,
      sources: [...new Set(parts.sources)],
      kind: parts.kind,
      sourcesText: frame.sourcesText,
      ...(parts.unit !== undefined ? { unit: parts.unit } : {}),
      ...(parts.rows !== undefined && parts.rows.length > 0 ? { rows: [...new Set(parts.rows)] } : {}),
      frame,
    },
  };
}
