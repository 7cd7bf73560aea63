/**
 * Dated events drawn on a year-end chart: a dotted vertical line and a short label for each, placed between the
 * year ends before and after the date (a point labelled 2015 is the value at the end of 2015, so an event of July
 * 2015 sits halfway between the 2014 and 2015 points).
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import { dateStartYear } from "./period-x";
import { plotlyText } from "./text";
import { maxOf, minOf } from "../core/extent";

/**
 * One event to mark: its ISO date and a short label.
 * @category House style
 */
export interface YearMark {
  readonly date: string;
  readonly label: string;
}

/**
 * Where a dated event sits on an axis of year-end values: the decimal year of its date, minus one.
 * @example yearEndX("2015-01-01") // => 2014
 * @category House style
 */
export function yearEndX(date: string): number {
  return Math.round((dateStartYear(date) - 1) * 1000) / 1000;
}

/**
 * The figure with a dotted vertical line and a label at the top for each mark (nothing added for none). Labels
 * in the last quarter of the axis read leftwards; labels sit inside the plot under its top edge (on a white ground, clear of
 * the legend above the plot) and step down over three lines so that neighbouring marks do not overlap.
 * @example withYearMarks(fig, []) === fig // => true
 * @category House style
 */
export function withYearMarks(fig: PlotlyFigure, marks: readonly YearMark[]): PlotlyFigure {
  if (marks.length === 0) return fig;
  const shapes = [
    ...(((fig.layout.shapes as unknown[]) ?? []) as Record<string, unknown>[]),
    ...marks.map((m) => ({
      type: "line",
      xref: "x",
      yref: "paper",
      x0: yearEndX(m.date),
      x1: yearEndX(m.date),
      y0: 0,
      y1: 1,
      line: { color: "#555555", width: 1, dash: "dot" },
    })),
  ];
  // A label in the last quarter of the axis reads leftwards, so that it is not cut at the plot's right edge.
  const xs = fig.data
    .flatMap((t) => (Array.isArray(t.x) ? (t.x as unknown[]) : []))
    .filter((x): x is number => typeof x === "number");
  const [lo, hi] = xs.length ? [minOf(xs), maxOf(xs)] : [0, 0];
  const anchor = (x: number) => (hi > lo && x > lo + 0.75 * (hi - lo) ? "right" : "left");
  const annotations = [
    ...(((fig.layout.annotations as unknown[]) ?? []) as Record<string, unknown>[]),
    ...marks.map((m, i) => ({
      xref: "x",
      yref: "paper",
      x: yearEndX(m.date),
      // inside the plot, under its top edge (above it is the legend's room), a line's height apart in pixels
      y: 1,
      yanchor: "top",
      yshift: -2 - (i % 3) * 15,
      bgcolor: "rgba(255,255,255,0.85)",
      xanchor: anchor(yearEndX(m.date)),
      showarrow: false,
      text: plotlyText(m.label),
      font: { size: 11, color: "#333333" },
    })),
  ];
  return { ...fig, layout: { ...fig.layout, shapes, annotations } };
}
