/**
 * Membership matrix: states × organisations, coloured by status as of a date.
 * @module
 */
import { noDataFigure } from "./no-data";
import { commonParts } from "./common";
import type { FigureOptions, MatrixAxisItem, MembershipMatrixInput } from "./inputs";
import { houseFigure, type CaspianFigure } from "./frame";
import { NONE_COLOR, statusStyle, STATUS_STYLES, textOn } from "./palette";
import { plotlyText } from "./text";
import { maxOf } from "../core/extent";
import { NO_STATUS } from "../data/vocabulary";
import { mergeSourceLists } from "../core/types";

/** Options of {@link membershipHeatmapFigure}. */
export interface MembershipHeatmapOptions extends FigureOptions {
  /** Name of the row axis (default "State"). */
  readonly rowTitle?: string;
  /** Name of the column axis (default "Organisation"). */
  readonly colTitle?: string;
}

function item(x: string | MatrixAxisItem): MatrixAxisItem {
  return typeof x === "string" ? { id: x } : x;
}

/**
 * Membership heatmap: one row per state, one column per organisation, each cell coloured by status (fixed status
 * colours, strongest first in the legend) and labelled with a short code (FM, M, O, DP …) so that it reads without
 * colour. Empty cells: no status. The date is in the subtitle unless one is given.
 * @example membershipHeatmapFigure({ asOf: "2025-01-01", rows: ["AZE"], cols: ["SCO"], cells: [{ row: "AZE", col: "SCO", status: "dialogue_partner" }], sources: [] }, { title: "Memberships" })
 */
export function membershipHeatmapFigure(
  input: MembershipMatrixInput,
  options: MembershipHeatmapOptions,
): CaspianFigure {
  const rows = input.rows.map(item);
  const cols = input.cols.map(item);
  if (rows.length === 0 || cols.length === 0)
    return noDataFigure("membership-heatmap", options, options.noData, input.sources);
  const cell = new Map(input.cells.map((c) => [`${c.row}\u0000${c.col}`, c] as const));
  const present = new Set(input.cells.map((c) => c.status).filter((s): s is string => s !== null));
  const known = STATUS_STYLES.filter((s) => present.has(s.status));
  const extra = [...present]
    .filter((s) => !STATUS_STYLES.some((k) => k.status === s))
    .sort()
    .map(statusStyle);
  const styles = [...known, ...extra];
  const index = new Map(styles.map((s, i) => [s.status, i + 1] as const));
  const n = styles.length + 1;
  const colorscale: [number, string][] = [];
  [NONE_COLOR, ...styles.map((s) => s.color)].forEach((c, i) => {
    colorscale.push([i / n, c], [(i + 1) / n, c]);
  });
  const rowLabel = (r: MatrixAxisItem) => plotlyText(r.label ?? r.id);
  const colLabel = (c: MatrixAxisItem) => plotlyText(c.label ?? c.id);
  const z = rows.map((r) => cols.map((c) => index.get(cell.get(`${r.id}\u0000${c.id}`)?.status ?? "") ?? 0));
  const hover = rows.map((r) =>
    cols.map((c) => {
      const x = cell.get(`${r.id}\u0000${c.id}`);
      const st = x?.status ? statusStyle(x.status).label : NO_STATUS.phrase;
      return plotlyText(`${r.label ?? r.id} in ${c.label ?? c.id}: ${st}${x?.since ? ` since ${x.since}` : ""}`);
    }),
  );
  const xs: string[] = [];
  const ys: string[] = [];
  const texts: string[] = [];
  const textColors: string[] = [];
  for (const r of rows) {
    cols.forEach((c) => {
      const st = cell.get(`${r.id}\u0000${c.id}`)?.status;
      if (!st) return;
      const style = statusStyle(st);
      xs.push(colLabel(c));
      ys.push(rowLabel(r));
      texts.push(plotlyText(style.short));
      textColors.push(textOn(style.color));
    });
  }
  const data: Record<string, unknown>[] = [
    {
      type: "heatmap",
      x: cols.map(colLabel),
      y: rows.map(rowLabel),
      z,
      zmin: -0.5,
      zmax: n - 0.5,
      colorscale,
      showscale: false,
      xgap: 2,
      ygap: 2,
      customdata: hover,
      hovertemplate: "%{customdata}<extra></extra>",
    },
    {
      type: "scatter",
      mode: "text",
      x: xs,
      y: ys,
      text: texts,
      textfont: { size: 12, color: textColors },
      showlegend: false,
      hoverinfo: "skip",
    },
    ...styles.map((s) => ({
      type: "scatter",
      mode: "markers",
      name: plotlyText(`${s.short} ${s.label}`),
      x: [null],
      y: [null],
      marker: { symbol: "square", size: 14, color: s.color },
      hoverinfo: "skip",
    })),
  ];
  const width = options.width ?? 900;
  const longestRow = maxOf(
    rows.map((r) => (r.label ?? r.id).length),
    1,
  );
  const longestCol = maxOf(
    cols.map((c) => (c.label ?? c.id).length),
    1,
  );
  const left = Math.min(260, 36 + Math.round(longestRow * 7.6));
  const angled = longestCol * cols.length * 7.6 > width - left - 40;
  const bottomAxisPx = angled ? 36 + Math.round(Math.min(longestCol, 24) * 7.6 * 0.7) : 48;
  const height = options.height ?? Math.max(320, Math.min(1600, 170 + bottomAxisPx + rows.length * 24));
  return houseFigure({
    kind: "membership-heatmap",
    data,
    layout: {
      xaxis: {
        type: "category",
        title: { text: plotlyText(options.colTitle ?? "Organisation"), standoff: 6 },
        ticks: "",
        showgrid: false,
        automargin: false,
        ...(angled ? { tickangle: -45 } : {}),
      },
      yaxis: {
        type: "category",
        title: { text: plotlyText(options.rowTitle ?? "State"), standoff: 6 },
        autorange: "reversed",
        ticks: "",
        showgrid: false,
        automargin: false,
      },
      hovermode: "closest",
    },
    ...commonParts(options),
    subtitle: options.subtitle ?? `Status as of ${input.asOf}`,
    height,
    note: [
      "Letters repeat the colour: " +
        styles.map((s) => `${s.short} = ${s.label.toLowerCase()}`).join(", ") +
        "; empty: no status.",
      ...(options.note !== undefined ? [options.note] : []),
    ].join(" "),
    sources: mergeSourceLists([input.sources, ...input.cells.map((c) => c.sources)]),
    left,
    bottomAxisPx,
    legendNames: styles.map((s) => `${s.short} ${s.label}`),
  });
}
