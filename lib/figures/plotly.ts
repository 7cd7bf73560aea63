/**
 * The figure type every builder returns and every display or export helper takes: Plotly's JSON (traces, layout,
 * config) plus our plain-text description of what is drawn.
 * @module
 */

/**
 * What a figure is about, in plain text (not Plotly markup): used for alt text, captions and footnotes.
 * @category Figure inputs
 */
export interface FigureMeta {
  /** Title as plain text. */
  readonly title?: string;
  /** Ids of the sources the figure's data carries. */
  readonly sources?: readonly string[];
  /** Unit of the value axis, as shown. */
  readonly unit?: string;
  /** The sources line in full, e.g. "Sources: Report.az (2024-05-02); KTZ (2025-01)". */
  readonly sourcesText?: string;
  /** True for a figure that has nothing to draw (lib/figures/no-data). */
  readonly empty?: boolean;
  /** The data rows drawn, `<resource>:<id>`, when the inputs name them (a series built from rows does). */
  readonly rows?: readonly string[];
}

/**
 * A Plotly figure as plain JSON: traces, layout and config. `meta` is ours and never sent to Plotly.
 * @category Figure inputs
 */
export interface PlotlyFigure {
  readonly data: readonly Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
  readonly config?: Record<string, unknown>;
  readonly meta?: FigureMeta;
}

/**
 * Plain-text title of a figure: `meta.title`, else the layout's title with Plotly markup removed.
 * @example figureTitle({ data: [], layout: { title: { text: "<b>TITR</b> cargo" } } }) // => "TITR cargo"
 * @category Figure inputs
 */
export function figureTitle(figure: PlotlyFigure): string {
  if (figure.meta?.title !== undefined) return figure.meta.title;
  const t = figure.layout.title;
  const raw = typeof t === "object" && t !== null ? String((t as { text?: unknown }).text ?? "") : String(t ?? "");
  return decodePlotlyText(raw);
}

/**
 * Undoes the markup of Plotly text: `<br>` becomes a space, tags are dropped, the basic entities decoded.
 * @example decodePlotlyText("Cargo<br>(million t) &amp; <i>TEU</i>") // => "Cargo (million t) & TEU"
 * @category Figure inputs
 */
export function decodePlotlyText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(
      /&(lt|gt|quot|#39|amp);/g,
      (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e] ?? "",
    );
}
