/**
 * The data a figure draws, as CSV: one row per point (trace, x, y, and the other values Plotly reads for it), so a
 * reader of the report pack can check or reuse the numbers behind a chart without opening the notebook.
 * @module
 */
import { decodePlotlyText, type PlotlyFigure } from "../figures/plotly";
import { sourcesLine } from "../figures/text";
import type { SourceId } from "../core/types";
import { csvField, neutralizeFormula } from "./table";

/**
 * A value of the data CSV: a number (written in full), a text, or nothing.
 * @category Tables and figure data
 */
export type FigureDataValue = number | string | null;

/**
 * The columns of the data CSV, in order; `trace`, `x` and `y` always, the others when some point has them.
 * @category Tables and figure data
 */
export const FIGURE_DATA_COLUMNS = ["trace", "x", "y", "base", "z", "label", "value", "text"] as const;

/**
 * A column of the data CSV.
 * @category Tables and figure data
 */
export type FigureDataColumn = (typeof FIGURE_DATA_COLUMNS)[number];

/**
 * One point drawn: the trace's name and the values Plotly reads for that point (Plotly markup decoded).
 * @category Tables and figure data
 */
export type FigureDataRow = Readonly<Record<FigureDataColumn, FigureDataValue>>;

/**
 * Options of {@link figureDataCsv}.
 * @category Tables and figure data
 */
export interface FigureDataOptions {
  /** The sources line as written elsewhere (default: the figure's `meta.sourcesText`, else built from its ids). */
  readonly sourcesText?: string;
  /** Add the sources line as the last record (default true). */
  readonly sourcesLine?: boolean;
}

const ALWAYS: ReadonlySet<FigureDataColumn> = new Set(["trace", "x", "y"]);

function isArray(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}

/** A value as written: numbers in full, texts with Plotly markup decoded, arrays joined with "; ". */
function scalar(v: unknown): FigureDataValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return decodePlotlyText(v);
  if (typeof v === "boolean") return String(v);
  if (isArray(v)) {
    const parts = v.map(scalar).filter((x): x is string | number => x !== null && x !== "");
    return parts.length > 0 ? parts.map(String).join("; ") : null;
  }
  return null;
}

/** Element `i` of a per-point attribute; a scalar attribute applies to every point (Plotly's rule for `text`). */
function at(v: unknown, i: number): unknown {
  return isArray(v) ? v[i] : v;
}

const isGrid = (v: unknown): v is readonly (readonly unknown[])[] => isArray(v) && v.length > 0 && v.every(isArray);

/** The text of a point: its `text`, else its `customdata` (what the hover shows), else its `hovertext`. */
function textOf(trace: Readonly<Record<string, unknown>>, pick: (v: unknown) => unknown): FigureDataValue {
  for (const key of ["text", "customdata", "hovertext"]) {
    const value = scalar(pick(trace[key]));
    if (value !== null && value !== "") return value;
  }
  return null;
}

function traceName(trace: Readonly<Record<string, unknown>>, index: number): string {
  const name = typeof trace.name === "string" ? decodePlotlyText(trace.name).trim() : "";
  return name !== "" ? name : `trace ${index + 1}`;
}

const empty = (row: FigureDataRow) =>
  FIGURE_DATA_COLUMNS.every((c) => c === "trace" || row[c] === null || row[c] === "");

/**
 * The category names of an axis that draws categories at whole-number positions (tickvals 0, 1, 2… with names as
 * ticktext, as the membership matrix does), so that a point reads "OTS", not 0; `undefined` for any other axis.
 */
function categoryNames(
  layout: Readonly<Record<string, unknown>>,
  axis: "xaxis" | "yaxis",
): Map<number, string> | undefined {
  const a = layout[axis] as { tickvals?: unknown; ticktext?: unknown } | undefined;
  const vals = a?.tickvals;
  const texts = a?.ticktext;
  if (!isArray(vals) || !isArray(texts) || vals.length !== texts.length || vals.length === 0) return undefined;
  if (!vals.every((v) => Number.isInteger(v)) || !texts.every((t) => typeof t === "string")) return undefined;
  const names = (texts as string[]).map((t) => decodePlotlyText(t).trim());
  if (names.every((t) => t !== "" && Number.isFinite(Number(t)))) return undefined; // numbers: keep the positions
  return new Map((vals as number[]).map((v, i) => [v, names[i]!] as const));
}

/** Position `v` on an axis, named when the axis names its positions. */
function onAxis(v: FigureDataValue, names: Map<number, string> | undefined): FigureDataValue {
  return typeof v === "number" && names !== undefined ? (names.get(v) ?? v) : v;
}

/**
 * The points a figure draws, trace by trace in drawing order: a heatmap-like trace (a `z` grid) gives one row per
 * cell (x of its column, y of its row, z and the cell's text); a trace with `labels`/`values` (pie-like) gives
 * label and value; any other gives x, y (and `base`, `z`) per point, with the point's text (`text`, else
 * `customdata`, else `hovertext`). On an axis that names whole-number positions (tickvals and ticktext, as a matrix
 * drawn from markers has), x and y are the names. Hidden traces (`visible: false`) and points with no value at all
 * (legend-only placeholders) are left out.
 * @example
 * figureDataRows({ data: [{ type: "bar", name: "Cargo", x: ["2023"], y: [2.76] }], layout: {} })
 * // => [{ trace: "Cargo", x: "2023", y: 2.76, base: null, z: null, label: null, value: null, text: null }]
 * @category Tables and figure data
 */
export function figureDataRows(figure: PlotlyFigure): FigureDataRow[] {
  const rows: FigureDataRow[] = [];
  const xNames = categoryNames(figure.layout, "xaxis");
  const yNames = categoryNames(figure.layout, "yaxis");
  for (const [t, trace] of figure.data.entries()) {
    if (trace.visible === false) continue;
    const name = traceName(trace, t);
    // only traces on the main axes take its category names
    const main =
      (trace.xaxis === undefined || trace.xaxis === "x") && (trace.yaxis === undefined || trace.yaxis === "y");
    const row = (values: Partial<Record<FigureDataColumn, FigureDataValue>>): FigureDataRow => ({
      trace: name,
      x: main ? onAxis(values.x ?? null, xNames) : (values.x ?? null),
      y: main ? onAxis(values.y ?? null, yNames) : (values.y ?? null),
      base: values.base ?? null,
      z: values.z ?? null,
      label: values.label ?? null,
      value: values.value ?? null,
      text: values.text ?? null,
    });
    const push = (r: FigureDataRow) => {
      if (!empty(r)) rows.push(r);
    };
    if (isGrid(trace.z)) {
      // z[row][column]: y names the rows, x the columns; per-cell texts are grids too.
      const cell = (v: unknown, i: number, j: number) => (isGrid(v) ? v[i]?.[j] : isArray(v) ? undefined : v);
      for (const [i, line] of trace.z.entries())
        for (const [j, z] of line.entries())
          push(
            row({
              x: scalar(at(trace.x, j)) ?? j,
              y: scalar(at(trace.y, i)) ?? i,
              z: scalar(z),
              text: textOf(trace, (v) => cell(v, i, j)),
            }),
          );
      continue;
    }
    if (isArray(trace.labels) || isArray(trace.values)) {
      const n = Math.max(
        isArray(trace.labels) ? trace.labels.length : 0,
        isArray(trace.values) ? trace.values.length : 0,
      );
      for (let i = 0; i < n; i++)
        push(
          row({
            label: scalar(at(trace.labels, i)),
            value: scalar(at(trace.values, i)),
            text: textOf(trace, (v) => at(v, i)),
          }),
        );
      continue;
    }
    const lengths = ["x", "y", "z", "base", "text", "customdata"].map((k) =>
      isArray(trace[k]) ? (trace[k] as unknown[]).length : 0,
    );
    const n = Math.max(0, ...lengths);
    for (let i = 0; i < n; i++)
      push(
        row({
          x: scalar(at(trace.x, i)),
          y: scalar(at(trace.y, i)),
          base: scalar(at(trace.base, i)),
          z: scalar(at(trace.z, i)),
          text: textOf(trace, (v) => at(v, i)),
        }),
      );
  }
  return rows;
}

function axisTitle(layout: Readonly<Record<string, unknown>>, axis: "xaxis" | "yaxis"): string {
  const a = layout[axis] as { title?: unknown } | undefined;
  const t = a?.title;
  const raw = typeof t === "string" ? t : typeof t === "object" && t !== null ? (t as { text?: unknown }).text : "";
  return typeof raw === "string" ? decodePlotlyText(raw).trim() : "";
}

const cell = (v: FigureDataValue): string =>
  v === null ? "" : typeof v === "number" ? String(v) : csvField(neutralizeFormula(v));

/**
 * The data a figure draws as CSV ({@link figureDataRows}, one row per point): RFC 4180 with CRLF line ends like
 * {@link toCsv}, text cells neutralised against spreadsheet formulas, numbers in full, the x and y headers with the
 * axis titles ("x: Year"), only the columns some point fills (trace, x and y always), and a last record with the
 * sources line (unless `sourcesLine: false`).
 * @example
 * figureDataCsv(
 *   { data: [{ name: "Cargo", x: [2023, 2024], y: [2.76, 4.5] }], layout: { xaxis: { title: { text: "Year" } } } },
 *   { sourcesText: "Source: Report.az (2026-03-02)" },
 * ) // => "trace,x: Year,y\r\nCargo,2023,2.76\r\nCargo,2024,4.5\r\nSource: Report.az (2026-03-02)\r\n"
 * @category Tables and figure data
 */
export function figureDataCsv(figure: PlotlyFigure, options: FigureDataOptions = {}): string {
  const rows = figureDataRows(figure);
  const columns = FIGURE_DATA_COLUMNS.filter((c) => ALWAYS.has(c) || rows.some((r) => r[c] !== null && r[c] !== ""));
  const header = columns.map((c) => {
    const title = c === "x" ? axisTitle(figure.layout, "xaxis") : c === "y" ? axisTitle(figure.layout, "yaxis") : "";
    return csvField(neutralizeFormula(title !== "" ? `${c}: ${title}` : c));
  });
  const out = [header.join(",")];
  for (const r of rows) out.push(columns.map((c) => cell(r[c])).join(","));
  if (options.sourcesLine ?? true) {
    const line =
      options.sourcesText ??
      figure.meta?.sourcesText ??
      sourcesLine((figure.meta?.sources ?? []) as readonly SourceId[], undefined, 100_000);
    out.push(csvField(neutralizeFormula(line)));
  }
  return out.join("\r\n") + "\r\n";
}
