/**
 * One figure at any size: {@link refitFigure} lays a house-style figure out again for a width and height — title
 * and subtitle wrapped, legend rows, the whole footnote wrapped, margins, category tick labels turned when they no
 * longer fit side by side, and the height grown to the smallest at which nothing overlaps or is cut.
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import { FOOTNOTE_NAME, type FrameSpec, frameLayout, HOUSE } from "./frame";
import { plainOf, textWidth, wrapToWidth } from "./measure";
import { maxOf } from "../core/extent";
import { labelSides } from "./timeline";
import { legendEntryWidth } from "./legend-fit";

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

/** Least pixels a row of a row chart (heatmap, timeline, horizontal bars) keeps, so that its labels do not touch. */
const ROW_PX = 18;
/** Least pixels a row of a timeline keeps when it carries event labels (a label above a marker). */
const LABELLED_ROW_PX = 24;
/** Of the figure's width, at most this share goes to the y-axis labels; longer labels wrap. */
const MAX_LEFT_SHARE = 0.42;

/** The rows of a category (or labelled) y axis: the values they stand for and their labels, or none. */
function rowLabels(figure: PlotlyFigure): { values: (string | number)[]; labels: string[] } | undefined {
  const axis = figure.layout.yaxis as Record<string, unknown> | undefined;
  if (axis === undefined || axis === null || typeof axis !== "object") return undefined;
  if (axis.visible === false || axis.showticklabels === false) return undefined;
  if (Array.isArray(axis.ticktext) && Array.isArray(axis.tickvals) && axis.ticktext.length === axis.tickvals.length)
    return {
      values: axis.tickvals as (string | number)[],
      labels: axis.ticktext.map((t) => plainOf(String(t))),
    };
  const seen = new Set<string>();
  if (Array.isArray(axis.categoryarray)) for (const v of axis.categoryarray) seen.add(String(v));
  let strings = false;
  for (const t of figure.data) {
    if (t.yaxis !== undefined && t.yaxis !== "y") continue;
    if (!Array.isArray(t.y)) continue;
    for (const v of t.y as unknown[])
      if (isStr(v)) {
        strings = true;
        seen.add(v);
      }
  }
  if (axis.type !== "category" && !strings) return undefined;
  const values = [...seen];
  return { values, labels: values.map((v) => plainOf(v)) };
}

/**
 * What the y axis needs at a width: the left margin that holds its row labels (wrapped when they would take more
 * than 42 % of the width) and the least plot height at which its rows keep 18 px each (24 px for a timeline's
 * labelled rows).
 * @category Layout fit
 */
export interface RowFit {
  /** Left margin in pixels. */
  readonly left: number;
  /** Least plot height in pixels (0: no rows). */
  readonly minPlotPx: number;
  /** Entries of the y axis to change (wrapped labels), if any. */
  readonly patch?: Record<string, unknown>;
}

/**
 * The y axis of a row chart at a figure width: the left margin grown to its longest label (the builder's margin
 * kept when wider), labels wrapped onto several lines when they would take more than 42 % of the width, and the
 * least plot height for its rows. Other axes keep the frame's margin.
 * @example
 * const bars = { data: [{ type: "bar", orientation: "h", y: ["A", "B"], x: [1, 2] }], layout: { yaxis: { type: "category" } } };
 * rowFit(bars, frameOf(fig)!, 700).minPlotPx // => 42 (two rows of 13 px labels, 21 px each)
 * @category Layout fit
 */
export function rowFit(figure: PlotlyFigure, frame: FrameSpec, width: number): RowFit {
  const rows = rowLabels(figure);
  if (rows === undefined || rows.labels.length === 0) return { left: frame.left, minPlotPx: 0 };
  const axis = figure.layout.yaxis as Record<string, unknown>;
  const tickfont = axis.tickfont as { size?: unknown } | undefined;
  const tickSize = tickfont?.size;
  const fs = isNum(tickSize) ? tickSize : HOUSE.fontSize;
  const titleText = (axis.title as { text?: unknown } | undefined)?.text;
  const titleRoom = isStr(titleText) && titleText !== "" ? Math.ceil(fs * 1.3 + 12) : 0;
  const room = (px: number) => Math.ceil(px + 12 + titleRoom);
  const widest = maxOf(
    rows.labels.map((l) => textWidth(l, fs)),
    0,
  );
  const labelled = (figure.layout.annotations as readonly Record<string, unknown>[] | undefined)?.some(
    (a) => a.yref === "y" && a.xref === "x",
  );
  const perRow = (lines: number) => Math.max(labelled === true ? LABELLED_ROW_PX : ROW_PX, lines * fs * 1.3 + 4);
  const maxLeft = Math.round(width * MAX_LEFT_SHARE);
  // the builder's margin is kept while it leaves the plot its share of the width; labels that need more get it
  if (room(widest) <= Math.max(frame.left, maxLeft))
    return {
      left: Math.max(Math.min(frame.left, maxLeft), room(widest)),
      minPlotPx: Math.ceil(rows.labels.length * perRow(1)),
    };
  const wrapped = rows.labels.map((l) => wrapToWidth(l, maxLeft - 12 - titleRoom, fs));
  const lines = maxOf(
    wrapped.map((w) => w.length),
    1,
  );
  const longest = maxOf(
    wrapped.flat().map((l) => textWidth(l, fs)),
    0,
  );
  return {
    left: Math.max(Math.min(frame.left, maxLeft), room(longest)),
    minPlotPx: Math.ceil(rows.labels.length * perRow(lines)),
    patch: {
      tickmode: "array",
      tickvals: rows.values,
      ticktext: wrapped.map((w) => w.map((l) => l.replace(/&/g, "&amp;").replace(/</g, "&lt;")).join("<br>")),
    },
  };
}

/**
 * The legend entries Plotly will draw: the traces' names when a builder (or a notebook's relabelling after it)
 * shows more entries than the frame recorded, so that the rows above the plot are reserved for all of them.
 */
function legendNamesOf(figure: PlotlyFigure, frame: FrameSpec): readonly string[] {
  if (frame.legendNames.length === 0) return frame.legendNames;
  const shown = figure.data
    .filter((t) => t.showlegend !== false && t.visible !== false && isStr(t.name) && t.name !== "")
    .map((t) => t.name as string);
  return shown.length > frame.legendNames.length ? shown : frame.legendNames;
}

/** An axis title wrapped to a length in pixels: the new title entry and its number of lines, or none when it fits. */
function wrappedTitle(
  axis: Record<string, unknown> | undefined,
  px: number,
): { title: unknown; lines: number } | undefined {
  const title = axis?.title as { text?: unknown; font?: { size?: unknown } } | undefined;
  if (title === undefined || !isStr(title.text) || title.text === "" || title.text.includes("<br>")) return undefined;
  const size = title.font?.size;
  const fs = isNum(size) ? size : HOUSE.fontSize;
  const plain = plainOf(title.text);
  if (textWidth(plain, fs) <= px - 8) return undefined;
  const lines = wrapToWidth(plain, Math.max(60, px - 8), fs);
  const text = lines.map((l) => l.replace(/&/g, "&amp;").replace(/</g, "&lt;")).join("<br>");
  return { title: { ...title, text }, lines: lines.length };
}

/** The "N event labels … left out" sentence of a timeline's note (lib/figures/timeline). */
const LEFT_OUT = /(One event label|\d+ event labels) would cover another and (is|are) left out; hover the diamonds\./;

/**
 * A timeline's event labels placed again for a plot width (lib/figures/timeline labelSides: beside their diamond,
 * on a free side of their lane, inside the plot), those without room left out, and the note's count of left-out
 * labels made right; other figures come back unchanged.
 */
function refitEventLabels(
  figure: PlotlyFigure,
  frame: FrameSpec,
  plotWidth: number,
): { annotations?: Record<string, unknown>[]; note?: string } {
  const all = (figure.layout.annotations as readonly Record<string, unknown>[] | undefined) ?? [];
  const range = (figure.layout.xaxis as { range?: unknown } | undefined)?.range;
  const isLabel = (a: Record<string, unknown>) =>
    a.xref === "x" && a.yref === "y" && isNum(a.x) && isStr(a.text) && isNum(a.xshift) && a.showarrow === false;
  const labels = all.filter(isLabel);
  const kind = (figure.meta as { kind?: unknown } | undefined)?.kind;
  if (kind !== "timeline" || labels.length === 0 || !Array.isArray(range) || !isNum(range[0]) || !isNum(range[1]))
    return {};
  const [lo, hi] = [range[0] as number, range[1] as number];
  const px = (x: number) => ((x - lo) / (hi - lo)) * plotWidth;
  const sides = labelSides(
    labels.map((a) => ({ lane: String(a.y), x: px(a.x as number), width: plainOf(a.text as string).length * 7.2 })),
    plotWidth,
  );
  const gap = Math.abs(labels[0]!.xshift as number);
  let dropped = 0;
  const placed = new Map<Record<string, unknown>, Record<string, unknown> | undefined>();
  labels.forEach((a, i) => {
    const side = sides[i];
    if (side === undefined) dropped++;
    placed.set(
      a,
      side === undefined
        ? undefined
        : { ...a, xanchor: side === "left" ? "right" : "left", xshift: side === "left" ? -gap : gap },
    );
  });
  const annotations = all.flatMap((a) => (placed.has(a) ? (placed.get(a) === undefined ? [] : [placed.get(a)!]) : [a]));
  if (dropped === 0) return { annotations };
  const before = LEFT_OUT.exec(frame.note ?? "");
  const was = before === null ? 0 : before[1] === "One event label" ? 1 : Number.parseInt(before[1]!, 10);
  const n = was + dropped;
  const sentence = `${n === 1 ? "One event label" : `${n} event labels`} would cover another and ${n === 1 ? "is" : "are"} left out; hover the diamonds.`;
  const note =
    before !== null
      ? (frame.note ?? "").replace(LEFT_OUT, sentence)
      : [frame.note, sentence].filter((t) => t !== undefined && t !== "").join(" ");
  return { annotations, note };
}

/**
 * Legend entries wider than the room from the plot's left edge to the figure's edge (Plotly does not wrap them)
 * wrapped onto lines: the traces with their new names, and the names to reserve legend rows for (each line of a
 * wrapped entry counted as an entry, so that its rows are reserved); none when every entry fits.
 */
function wrappedLegend(
  data: PlotlyFigure["data"],
  names: readonly string[],
  room: number,
): { data: PlotlyFigure["data"]; names: string[] } | undefined {
  const textRoom = room - 40 - 8;
  const wide = (n: string) => legendEntryWidth(n) > room - 8;
  if (names.length === 0 || !names.some(wide) || textRoom < 80) return undefined;
  const wrap = (n: string) =>
    wrapToWidth(plainOf(n), textRoom, 13).map((l) => l.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
  return {
    data: data.map((t) =>
      t.showlegend !== false && isStr(t.name) && wide(t.name) ? { ...t, name: wrap(t.name).join("<br>") } : t,
    ),
    names: names.flatMap((n) => (wide(n) ? wrap(n) : [n])),
  };
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
  const rowsFit = rowFit(figure, frame, width);
  const xaxis0 = figure.layout.xaxis as Record<string, unknown> | undefined;
  const yaxis0 = figure.layout.yaxis as Record<string, unknown> | undefined;
  const line = HOUSE.fontSize * 1.3;
  // axis titles longer than the plot's side wrap onto more lines, and the margin under or beside the plot grows
  const xTitle = wrappedTitle(xaxis0, width - rowsFit.left - frame.right);
  const events = refitEventLabels(figure, frame, width - rowsFit.left - frame.right);
  const legend = wrappedLegend(figure.data, legendNamesOf(figure, frame), width - rowsFit.left - 12);
  let framed: FrameSpec = {
    ...frame,
    left: rowsFit.left,
    legendNames: legend?.names ?? legendNamesOf(figure, frame),
    ...(events.note !== undefined ? { note: events.note } : {}),
  };
  let axis = axisFit(figure, framed, width - framed.left - framed.right);
  const extraBottom = xTitle !== undefined ? Math.ceil((xTitle.lines - 1) * line) : 0;
  let fitted = frameLayout(
    { ...framed, bottomAxisPx: axis.bottomAxisPx + extraBottom },
    width,
    size.height,
    rowsFit.minPlotPx,
  );
  const plotHeight = fitted.height - fitted.margin.t - fitted.margin.b;
  const yTitle = rowsFit.patch === undefined ? wrappedTitle(yaxis0, plotHeight) : undefined;
  if (yTitle !== undefined) {
    framed = { ...framed, left: framed.left + Math.ceil((yTitle.lines - 1) * line) };
    axis = axisFit(figure, framed, width - framed.left - framed.right);
    fitted = frameLayout(
      { ...framed, bottomAxisPx: axis.bottomAxisPx + extraBottom },
      width,
      size.height,
      rowsFit.minPlotPx,
    );
  }
  const annotations = (
    events.annotations ??
    (figure.layout.annotations as readonly Record<string, unknown>[] | undefined) ??
    []
  ).filter((a) => a.name !== FOOTNOTE_NAME);
  const xaxis = figure.layout.xaxis as Record<string, unknown> | undefined;
  const yaxis = figure.layout.yaxis as Record<string, unknown> | undefined;
  const layout: Record<string, unknown> = {
    ...figure.layout,
    ...fitted.layout,
    annotations: [...annotations, fitted.footnote],
    ...((axis.patch !== undefined || xTitle !== undefined) && xaxis !== undefined
      ? { xaxis: { ...xaxis, ...axis.patch, ...(xTitle !== undefined ? { title: xTitle.title } : {}) } }
      : {}),
    ...((rowsFit.patch !== undefined || yTitle !== undefined) && yaxis !== undefined
      ? { yaxis: { ...yaxis, ...rowsFit.patch, ...(yTitle !== undefined ? { title: yTitle.title } : {}) } }
      : {}),
  };
  const config = figure.config ?? {};
  const button = (config.toImageButtonOptions as Record<string, unknown> | undefined) ?? {};
  return {
    ...figure,
    ...(legend !== undefined ? { data: legend.data } : {}),
    layout,
    config: { ...config, toImageButtonOptions: { ...button, width, height: fitted.height } },
  };
}
