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
import { pointHover } from "./hover";
import { maxOf } from "../core/extent";
import { NO_STATUS } from "../data/vocabulary";
import { mergeSourceLists } from "../core/types";

/**
 * Options of {@link membershipHeatmapFigure}.
 * @category Figure builders
 */
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
 * Look of a cell that is a known gap of the data ("no data"): white, a dotted grey outline inside the cell and the
 * label "n/d". (A fill pattern would be rasterised in PDF by Chromium, so the mark is an outline: vector at any size.)
 * @category Figure builders
 */
export const NO_DATA_STYLE = {
  label: "No data (unknown)",
  short: "n/d",
  fill: "#FFFFFF",
  outline: "#808080",
  text: "#444444",
} as const;

/**
 * Look of a cell a source shows without a status (a sourced "not a member"), when the map is read with coverage.
 * @category Figure builders
 */
export const ABSENT_STYLE = {
  label: "Not a member (sourced)",
  short: "–",
  fill: NONE_COLOR,
  text: "#555555",
} as const;

/** Width in pixels of the white line between cells (as the former heatmap's xgap/ygap). */
const CELL_GAP_PX = 2;

/** Inset of the dotted outline of a gap cell, in cell units (x, y). */
const GAP_INSET = [0.07, 0.14] as const;

/**
 * Membership heatmap: one row per state, one column per organisation, each cell coloured by status (fixed status
 * colours, strongest first in the legend) and labelled with a short code (FM, M, O, DP …) so that it reads without
 * colour. Empty cells: no status. A cell listed in `input.gaps` with no status is a known gap of the data: a dotted
 * box labelled "n/d" (no data), with its own legend entry. With `input.absent` (a map read with its coverage), a cell
 * without status is "–" (not a member, sourced) when listed there and "n/d" (unknown) otherwise, so a blank never
 * stands for a cell nobody researched. The date is in the subtitle unless one is given.
 * Cells are drawn as layout shapes (rectangles in data coordinates), so SVG and PDF exports hold vector shapes at any
 * size (a Plotly heatmap trace exports as a raster image); an invisible marker at each cell's centre carries the
 * hover: state, organisation, status, since date, publishers and the quote of its first source.
 * @example membershipHeatmapFigure({ asOf: "2025-01-01", rows: ["AZE"], cols: ["SCO"], cells: [{ row: "AZE", col: "SCO", status: "dialogue_partner", since: "2015-07-10" }], sources: [] }, { title: "Memberships" }).data[0]!.customdata // => ["AZE in SCO<br>since 2015-07-10: Dialogue partner<br>Source: none recorded"]
 * @category Figure builders
 */
export function membershipHeatmapFigure(
  input: MembershipMatrixInput,
  options: MembershipHeatmapOptions,
): CaspianFigure {
  const rows = input.rows.map(item);
  const cols = input.cols.map(item);
  if (rows.length === 0 || cols.length === 0)
    return noDataFigure("membership-heatmap", options, options.noData, input.sources);
  const key = (r: string, c: string) => `${r}\u0000${c}`;
  const cell = new Map(input.cells.map((c) => [key(c.row, c.col), c] as const));
  const gapOf = new Map((input.gaps ?? []).map((g) => [key(g.row, g.col), g] as const));
  const withCoverage = input.absent !== undefined;
  const absentOf = new Map((input.absent ?? []).map((a) => [key(a.row, a.col), a] as const));
  const present = new Set(input.cells.map((c) => c.status).filter((s): s is string => s !== null));
  const known = STATUS_STYLES.filter((s) => present.has(s.status));
  const extra = [...present]
    .filter((s) => !STATUS_STYLES.some((k) => k.status === s))
    .sort()
    .map(statusStyle);
  const styles = [...known, ...extra];
  const rowName = (r: MatrixAxisItem) => r.label ?? r.id;
  const colName = (c: MatrixAxisItem) => c.label ?? c.id;

  const shapes: Record<string, unknown>[] = [];
  const hx: number[] = [];
  const hy: number[] = [];
  const hover: string[] = [];
  const tx: number[] = [];
  const ty: number[] = [];
  const texts: string[] = [];
  const textColors: string[] = [];
  let gapCells = 0;
  let absentCells = 0;
  rows.forEach((r, ri) => {
    cols.forEach((c, ci) => {
      const x = cell.get(key(r.id, c.id));
      const status = x?.status ?? null;
      const absent = status === null ? absentOf.get(key(r.id, c.id)) : undefined;
      const gap =
        status !== null || absent !== undefined
          ? undefined
          : (gapOf.get(key(r.id, c.id)) ??
            (withCoverage
              ? { row: r.id, col: c.id, note: "not researched: no status, sourced absence or gap recorded" }
              : undefined));
      const style = status !== null ? statusStyle(status) : undefined;
      shapes.push({
        type: "rect",
        xref: "x",
        yref: "y",
        x0: ci - 0.5,
        x1: ci + 0.5,
        y0: ri - 0.5,
        y1: ri + 0.5,
        fillcolor: style?.color ?? (gap !== undefined ? NO_DATA_STYLE.fill : NONE_COLOR),
        line: { color: "#FFFFFF", width: CELL_GAP_PX },
        layer: "below",
      });
      const where = `${rowName(r)} in ${colName(c)}`;
      let text = "";
      let hoverHtml: string | undefined;
      if (style !== undefined) {
        // value, period, publishers and the verbatim quote of the status's first source (lib/figures/hover)
        hoverHtml = pointHover(
          {
            label: where,
            value: style.label,
            ...(x?.since ? { period: `since ${x.since}` } : {}),
            sources: x?.sources ?? [],
          },
          options.sourceCatalog,
        );
        tx.push(ci);
        ty.push(ri);
        texts.push(plotlyText(style.short));
        textColors.push(textOn(style.color));
      } else if (gap !== undefined) {
        gapCells++;
        shapes.push({
          type: "rect",
          xref: "x",
          yref: "y",
          x0: round4(ci - 0.5 + GAP_INSET[0]),
          x1: round4(ci + 0.5 - GAP_INSET[0]),
          y0: round4(ri - 0.5 + GAP_INSET[1]),
          y1: round4(ri + 0.5 - GAP_INSET[1]),
          fillcolor: "rgba(0,0,0,0)",
          line: { color: NO_DATA_STYLE.outline, width: 1.5, dash: "dot" },
          layer: "below",
        });
        text =
          gap.gap !== undefined || !withCoverage
            ? `${where}: no data (a known gap${gap.gap !== undefined ? `, ${gap.gap}` : ""})`
            : `${where}: unknown`;
        if (gap.note !== undefined) text += `\n${shorten(gap.note, 160)}`;
        tx.push(ci);
        ty.push(ri);
        texts.push(plotlyText(NO_DATA_STYLE.short));
        textColors.push(NO_DATA_STYLE.text);
      } else if (absent !== undefined) {
        absentCells++;
        hoverHtml = pointHover(
          {
            label: where,
            value: ABSENT_STYLE.label,
            ...(absent.note !== undefined ? { period: absent.note } : {}),
            sources: absent.sources ?? [],
          },
          options.sourceCatalog,
        );
        tx.push(ci);
        ty.push(ri);
        texts.push(plotlyText(ABSENT_STYLE.short));
        textColors.push(ABSENT_STYLE.text);
      } else text = `${where}: ${NO_STATUS.phrase}`;
      hx.push(ci);
      hy.push(ri);
      hover.push(hoverHtml ?? text.split("\n").map(plotlyText).join("<br>"));
    });
  });
  const data: Record<string, unknown>[] = [
    {
      type: "scatter",
      mode: "markers",
      x: hx,
      y: hy,
      customdata: hover,
      hovertemplate: "%{customdata}<extra></extra>",
      marker: { size: 1, opacity: 0, color: "#FFFFFF" },
      showlegend: false,
      name: "cells",
    },
    {
      type: "scatter",
      mode: "text",
      x: tx,
      y: ty,
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
    ...(absentCells > 0
      ? [
          {
            type: "scatter",
            mode: "markers",
            name: plotlyText(`${ABSENT_STYLE.short} ${ABSENT_STYLE.label}`),
            x: [null],
            y: [null],
            marker: { symbol: "square", size: 14, color: ABSENT_STYLE.fill, line: { color: "#BBBBBB", width: 1 } },
            hoverinfo: "skip",
          },
        ]
      : []),
    ...(gapCells > 0
      ? [
          {
            type: "scatter",
            mode: "markers",
            name: plotlyText(`${NO_DATA_STYLE.short} ${NO_DATA_STYLE.label}`),
            x: [null],
            y: [null],
            marker: {
              symbol: "square-open",
              size: 13,
              color: NO_DATA_STYLE.outline,
              line: { color: NO_DATA_STYLE.outline, width: 1.5 },
            },
            hoverinfo: "skip",
          },
        ]
      : []),
  ];
  const legendNames = [
    ...styles.map((s) => `${s.short} ${s.label}`),
    ...(absentCells > 0 ? [`${ABSENT_STYLE.short} ${ABSENT_STYLE.label}`] : []),
    ...(gapCells > 0 ? [`${NO_DATA_STYLE.short} ${NO_DATA_STYLE.label}`] : []),
  ];
  const width = options.width ?? 900;
  const longestRow = maxOf(
    rows.map((r) => rowName(r).length),
    1,
  );
  const longestCol = maxOf(
    cols.map((c) => colName(c).length),
    1,
  );
  const left = Math.min(260, 36 + Math.round(longestRow * 7.6));
  const angled = longestCol * cols.length * 7.6 > width - left - 40;
  const bottomAxisPx = angled ? 36 + Math.round(Math.min(longestCol, 24) * 7.6 * 0.7) : 48;
  const height = options.height ?? Math.max(320, Math.min(1600, 170 + bottomAxisPx + rows.length * 24));
  const axis = (title: string, labels: readonly string[]) => ({
    type: "linear",
    title: { text: plotlyText(title), standoff: 6 },
    tickmode: "array",
    tickvals: labels.map((_, i) => i),
    ticktext: labels.map(plotlyText),
    ticks: "",
    showgrid: false,
    zeroline: false,
    showline: false,
    automargin: false,
  });
  return houseFigure({
    kind: "membership-heatmap",
    data,
    layout: {
      xaxis: {
        ...axis(options.colTitle ?? "Organisation", cols.map(colName)),
        range: [-0.5, cols.length - 0.5],
        ...(angled ? { tickangle: -45 } : {}),
      },
      yaxis: {
        ...axis(options.rowTitle ?? "State", rows.map(rowName)),
        // reversed: the first row on top
        range: [rows.length - 0.5, -0.5],
      },
      shapes,
      hovermode: "closest",
      // Every point of the plot area is nearest to the centre of the cell it lies in: hover the whole cell.
      hoverdistance: -1,
    },
    ...commonParts(options),
    subtitle: options.subtitle ?? `Status as of ${input.asOf}`,
    height,
    note: [
      "Letters repeat the colour: " +
        styles.map((s) => `${s.short} = ${s.label.toLowerCase()}`).join(", ") +
        (withCoverage
          ? (absentCells > 0 ? "; – on grey: not a member, observer or partner on the date (sourced)" : "") +
            (gapCells > 0 ? "; n/d in a dotted box: unknown (a known gap, or not researched), not a missing tie" : "") +
            "."
          : "; empty: no status" +
            (gapCells > 0 ? "; n/d in a dotted box: no data (a known gap of the data, not a missing tie)." : ".")),
      ...(options.note !== undefined ? [options.note] : []),
    ].join(" "),
    sources: mergeSourceLists([
      input.sources,
      ...input.cells.map((c) => c.sources),
      ...(input.absent ?? []).map((a) => a.sources),
    ]),
    left,
    bottomAxisPx,
    legendNames,
  });
}

/** A coordinate rounded to 4 decimals (no float noise in the JSON). */
function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

/** Plain text cut to `max` characters with an ellipsis. */
function shorten(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
