/**
 * One figure at any size: {@link refitFigure} lays a house-style figure out again for a width and height — title
 * and subtitle wrapped, legend rows, the whole footnote wrapped, margins, category tick labels turned when they no
 * longer fit side by side, and the height grown to the smallest at which nothing overlaps or is cut.
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import { FOOTNOTE_NAME, type FrameSpec, frameLayout, HOUSE } from "./frame";
import { plainOf, textWidth } from "./measure";
import { maxOf } from "../core/extent";

/**
 * The size to fit a figure to, in CSS pixels; without a height, the builder's (grown when too small).
 * @category Layout fit
 */
export interface FitSize {
  readonly width: number;
  readonly height?: number;
}

const isStr = (v: unknown): v is string => typeof v === "string";
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The frame a figure was dressed with (`meta.frame` of lib/figures/frame), checked, or `undefined` for a figure
 * that does not come from the house frame (or from a spec written before it kept one).
 * @example frameOf({ data: [], layout: {} }) // => undefined
 * @category Layout fit
 */
export function frameOf(figure: PlotlyFigure): FrameSpec | undefined {
  const f = (figure.meta as { frame?: Partial<FrameSpec> } | undefined)?.frame;
  if (f === undefined || f === null || typeof f !== "object") return undefined;
  const ok =
    isStr(f.title) &&
    (f.subtitle === undefined || isStr(f.subtitle)) &&
    (f.note === undefined || isStr(f.note)) &&
    isStr(f.sourcesText) &&
    Array.isArray(f.legendNames) &&
    f.legendNames.every(isStr) &&
    isNum(f.bottomAxisPx) &&
    isNum(f.left) &&
    isNum(f.right) &&
    isNum(f.height);
  return ok ? (f as FrameSpec) : undefined;
}

/** Tick labels of a category x axis (ticktext, categoryarray or the traces' x values), or none for other axes. */
function categoryLabels(figure: PlotlyFigure): string[] | undefined {
  const axis = figure.layout.xaxis as Record<string, unknown> | undefined;
  if (axis === undefined || axis === null || typeof axis !== "object") return undefined;
  if (Array.isArray(axis.ticktext)) return axis.ticktext.map((t) => plainOf(String(t)));
  if (axis.type !== "category") return undefined;
  if (Array.isArray(axis.categoryarray)) return axis.categoryarray.map((t) => plainOf(String(t)));
  const seen = new Set<string>();
  for (const t of figure.data) {
    if (t.xaxis !== undefined && t.xaxis !== "x") continue;
    if (!Array.isArray(t.x)) continue;
    for (const v of t.x as unknown[]) if (isStr(v) || isNum(v)) seen.add(plainOf(String(v)));
  }
  return [...seen];
}

/**
 * What the x axis needs at a width: the angle of its tick labels and the room under the plot.
 * @category Layout fit
 */
export interface AxisFit {
  /** Degrees the tick labels turn (0: level), as Plotly's `tickangle` without the sign. */
  readonly angle: number;
  /** Pixels under the plot area for tick labels and axis title. */
  readonly bottomAxisPx: number;
  /** Whether the angle differs from the one the figure has. */
  readonly changed: boolean;
  /** Entries of the x axis to change (tick angle, or tick spacing of a linear axis). */
  readonly patch?: Record<string, unknown>;
}

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];

/** A linear axis with ticks every `dtick` (the year axes): spacing widened until its labels fit side by side. */
function linearFit(axis: Record<string, unknown>, frame: FrameSpec, plotWidth: number): AxisFit {
  const keep: AxisFit = { angle: 0, bottomAxisPx: frame.bottomAxisPx, changed: false };
  const range = axis.range;
  const dtick = axis.dtick;
  if (!Array.isArray(range) || !isNum(range[0]) || !isNum(range[1]) || !isNum(dtick) || dtick <= 0) return keep;
  if (isNum(axis.tickangle) && axis.tickangle !== 0) return keep;
  const [lo, hi] = [Math.min(range[0], range[1]), Math.max(range[0], range[1])];
  if (hi - lo <= 0) return keep;
  const tickfont = axis.tickfont as { size?: unknown } | undefined;
  const tickSize = tickfont?.size;
  const fs = isNum(tickSize) ? tickSize : HOUSE.fontSize;
  const label = (v: number) => textWidth(axis.tickformat === "d" ? String(Math.round(v)) : String(v), fs);
  const widest = Math.max(label(lo), label(hi));
  const fits = (step: number) => (plotWidth * step) / (hi - lo) >= widest + 12;
  if (fits(dtick)) return keep;
  const step =
    STEPS.find((s) => s > dtick && Number.isInteger(s / dtick) && fits(s)) ?? dtick * Math.ceil((hi - lo) / dtick);
  return { ...keep, patch: { dtick: step, tick0: Math.floor(Math.ceil(lo) / step) * step } };
}

/**
 * The x axis at a plot width: category labels keep their angle while they fit side by side (level: each label in
 * its slot; turned: slots at least a line apart and the first label not past the figure's left edge); otherwise
 * they turn to 30°, 45° or 90°, the first that fits, and the room under the plot grows to hold them. Other axes
 * keep the frame's room.
 * @example
 * const bars = { data: [{ type: "bar", x: ["Kazakhstan", "Uzbekistan", "Turkmenistan"] }], layout: { xaxis: { type: "category" } } };
 * [axisFit(bars, frameOf(fig)!, 800).angle, axisFit(bars, frameOf(fig)!, 200).angle] // => [0, 30]
 * @category Layout fit
 */
export function axisFit(figure: PlotlyFigure, frame: FrameSpec, plotWidth: number): AxisFit {
  const axis = (figure.layout.xaxis ?? {}) as Record<string, unknown>;
  const given = isNum(axis.tickangle) ? Math.abs(axis.tickangle) : 0;
  const labels = categoryLabels(figure);
  if (labels === undefined && axis.tickmode === "linear") return linearFit(axis, frame, plotWidth);
  if (labels === undefined || labels.length === 0 || axis.visible === false || axis.showticklabels === false)
    return { angle: given, bottomAxisPx: frame.bottomAxisPx, changed: false };
  const tickfont = axis.tickfont as { size?: unknown } | undefined;
  const tickSize = tickfont?.size;
  const fs = isNum(tickSize) ? tickSize : HOUSE.fontSize;
  const widths = labels.map((l) => textWidth(l, fs));
  const longest = maxOf(widths, 0);
  const slot = plotWidth / labels.length;
  const line = fs * 1.3;
  const fits = (deg: number): boolean => {
    if (deg === 0) return longest + 10 <= slot;
    const a = (deg * Math.PI) / 180;
    return slot * Math.sin(a) >= line && Math.cos(a) * widths[0]! <= frame.left + slot / 2 - 4;
  };
  if (fits(given)) return { angle: given, bottomAxisPx: frame.bottomAxisPx, changed: false };
  const angle = [30, 45, 90].find((d) => d > given && fits(d)) ?? 90;
  const a = (angle * Math.PI) / 180;
  const title = axis.title as { text?: unknown; standoff?: unknown; font?: { size?: unknown } } | undefined;
  const titleSize = title?.font?.size;
  const titleFs = isNum(titleSize) ? titleSize : HOUSE.fontSize;
  const standoff = title?.standoff;
  const titleRoom = isStr(title?.text) && title?.text !== "" ? titleFs * 1.3 + (isNum(standoff) ? standoff : 8) + 4 : 0;
  const room = Math.ceil(6 + Math.sin(a) * longest + Math.cos(a) * line + titleRoom + 6);
  return { angle, bottomAxisPx: Math.max(frame.bottomAxisPx, room), changed: true, patch: { tickangle: -angle } };
}

/**
 * A house-style figure laid out again at a size: the title and subtitle wrapped to the width, the legend rows
 * Plotly will need, the note and every sources line wrapped (never cut), category tick labels turned when they do
 * not fit side by side, margins, and a height no smaller than the least at which the plot keeps 45 % of the figure.
 * The height asked for is grown when smaller than that (read it back from `layout.height`). A figure without
 * `meta.frame` (not built by lib/figures) comes back as it is. Pure: the figure given is not changed.
 * @example
 * const small = refitFigure(fig, { width: 480, height: 200 });
 * [small.layout.width, small.layout.height] // => [480, 294] (200 px would squeeze the plot: grown)
 * @category Layout fit
 */
export function refitFigure<F extends PlotlyFigure>(figure: F, size: FitSize): F {
  if (!(isNum(size.width) && size.width > 0)) throw new RangeError(`width ${size.width} is not a positive number`);
  if (size.height !== undefined && !(isNum(size.height) && size.height > 0))
    throw new RangeError(`height ${size.height} is not a positive number`);
  const frame = frameOf(figure);
  if (frame === undefined) return figure;
  const width = Math.round(size.width);
  const axis = axisFit(figure, frame, width - frame.left - frame.right);
  const fitted = frameLayout({ ...frame, bottomAxisPx: axis.bottomAxisPx }, width, size.height);
  const annotations = ((figure.layout.annotations as readonly Record<string, unknown>[] | undefined) ?? []).filter(
    (a) => a.name !== FOOTNOTE_NAME,
  );
  const xaxis = figure.layout.xaxis as Record<string, unknown> | undefined;
  const layout: Record<string, unknown> = {
    ...figure.layout,
    ...fitted.layout,
    annotations: [...annotations, fitted.footnote],
    ...(axis.patch !== undefined && xaxis !== undefined ? { xaxis: { ...xaxis, ...axis.patch } } : {}),
  };
  const config = figure.config ?? {};
  const button = (config.toImageButtonOptions as Record<string, unknown> | undefined) ?? {};
  return {
    ...figure,
    layout,
    config: { ...config, toImageButtonOptions: { ...button, width, height: fitted.height } },
  };
}
