/**
 * Accession and event timeline (Gantt-like): status intervals per lane, events as markers.
 * @module
 */
import { noDataFigure } from "./no-data";
import { commonParts } from "./common";
import type { FigureOptions, TimelineInput, TimelineSpan } from "./inputs";
import { dateEndYear, dateStartYear } from "./period-x";
import { HOUSE, houseFigure, type CaspianFigure } from "./frame";
import { keyColor, statusStyle, STATUS_STYLES } from "./palette";
import { plotlyText } from "./text";
import { yearAxis } from "./axes";
import { hoverFields, pointHover } from "./hover";
import { maxOf, minOf } from "../core/extent";
import { mergeSourceLists } from "../core/types";

/** Options of {@link timelineFigure}. */
export interface TimelineOptions extends FigureOptions {
  /** Print event labels on the chart (default: when there are at most 12 events). */
  readonly eventLabels?: boolean;
  /** First year shown (default: the earliest start). */
  readonly fromYear?: number;
}

const EVENTS_LANE = "Events";

/**
 * Timeline: one lane per `lane` (first at the top), each span a bar from its start to its end (open spans to
 * `asOf`), coloured by membership status or by `colorKey`; events as diamonds on their lane (or an "Events" lane)
 * with labels. Integer year ticks.
 * @example timelineFigure({ spans: [{ lane: "SCO", start: "2015-07", status: "dialogue_partner" }], asOf: "2026-01-01", sources: [] }, { title: "Azerbaijan and the SCO" })
 */
export function timelineFigure(input: TimelineInput, options: TimelineOptions): CaspianFigure {
  const events = input.events ?? [];
  if (input.spans.length === 0 && events.length === 0)
    return noDataFigure("timeline", options, options.noData, input.sources);
  const asOf = dateStartYear(input.asOf);
  const lanes = [...new Set([...input.spans.map((s) => s.lane), ...events.map((e) => e.lane ?? EVENTS_LANE)])];
  const laneText = (l: string) => plotlyText(l);
  const groupOf = (s: TimelineSpan) => (s.status !== undefined ? `status:${s.status}` : `key:${s.colorKey ?? s.lane}`);
  const groups = [...new Set(input.spans.map(groupOf))].sort(
    (a, b) => rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const data: Record<string, unknown>[] = [];
  const names: string[] = [];
  let open = false;
  for (const g of groups) {
    const spans = input.spans.filter((s) => groupOf(s) === g);
    const first = spans[0]!;
    const style = first.status !== undefined ? statusStyle(first.status) : undefined;
    const color = style?.color ?? keyColor(first.colorKey ?? first.lane);
    const name = plotlyText(style?.label ?? first.colorKey ?? first.lane);
    const starts = spans.map((s) => dateStartYear(s.start));
    const ends = spans.map((s) => (s.end ? dateEndYear(s.end) : asOf));
    if (spans.some((s) => !s.end)) open = true;
    data.push({
      type: "bar",
      orientation: "h",
      name,
      y: spans.map((s) => laneText(s.lane)),
      base: starts.map(round),
      x: ends.map((e, i) => round(Math.max(e - starts[i]!, 0.02))),
      marker: { color, line: { width: 0 } },
      width: 0.6,
      ...hoverFields(
        spans.map((s) =>
          pointHover(
            {
              label: s.lane,
              period: `${s.start} – ${s.end ?? `open (to ${input.asOf})`}`,
              value: s.label ?? style?.label ?? first.colorKey ?? s.lane,
              sources: s.sources,
            },
            options.sourceCatalog,
          ),
        ),
      ),
    });
    names.push(name);
  }
  const years = [...input.spans.map((s) => dateStartYear(s.start)), ...events.map((e) => dateStartYear(e.date)), asOf];
  const lo = Math.floor(options.fromYear ?? minOf(years));
  const hi = Math.ceil(asOf);
  const showLabels = options.eventLabels ?? events.length <= 12;
  if (events.length > 0) {
    const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    data.push({
      type: "scatter",
      mode: showLabels ? "markers+text" : "markers",
      name: "Event",
      x: sorted.map((e) => round(dateStartYear(e.date))),
      y: sorted.map((e) => laneText(e.lane ?? EVENTS_LANE)),
      text: sorted.map((e) => plotlyText(e.label)),
      textposition: sorted.map(
        (e, i) => `${i % 2 === 0 ? "top" : "bottom"} ${eventSide(dateStartYear(e.date), lo, hi)}`,
      ),
      textfont: { size: 12, color: "#222222" },
      cliponaxis: false,
      marker: { symbol: "diamond", size: 12, color: "#000000", line: { width: 1.5, color: "#FFFFFF" } },
      customdata: sorted.map((e) => [plotlyText(e.label), e.date]),
      ...hoverFields(
        sorted.map((e) =>
          pointHover(
            { label: e.label, period: e.date, value: e.kind ?? "event", sources: e.sources },
            options.sourceCatalog,
          ),
        ),
      ),
    });
    names.push("Event");
  }
  const axis = yearAxis([lo, hi], { pad: 0.3 });
  const longest = maxOf(
    lanes.map((l) => l.length),
    1,
  );
  const left = Math.min(260, 30 + Math.round(longest * 7.6));
  const height =
    options.height ?? Math.max(300, Math.min(1400, 200 + lanes.length * (showLabels && events.length > 0 ? 46 : 34)));
  return houseFigure({
    kind: "timeline",
    data,
    layout: {
      barmode: "overlay",
      xaxis: { ...axis, showgrid: true, gridcolor: HOUSE.gridColor },
      yaxis: {
        type: "category",
        categoryorder: "array",
        categoryarray: lanes.map(laneText),
        autorange: "reversed",
        ticks: "",
        automargin: false,
      },
      hovermode: "closest",
    },
    ...commonParts(options),
    height,
    note:
      [
        ...(open ? [`Open intervals run to ${input.asOf}.`] : []),
        ...(options.note !== undefined ? [options.note] : []),
      ].join(" ") || undefined,
    sources: mergeSourceLists([input.sources, ...input.spans.map((s) => s.sources), ...events.map((e) => e.sources)]),
    left,
    legendNames: names,
  });
}

function rankOf(group: string): number {
  const i = STATUS_STYLES.findIndex((s) => `status:${s.status}` === group);
  return i < 0 ? STATUS_STYLES.length : i;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

/** Side of an event's label: to the left in the right third of the axis, to the right in the left third. */
function eventSide(x: number, lo: number, hi: number): "left" | "center" | "right" {
  const f = (x - lo) / Math.max(1, hi - lo);
  return f > 0.67 ? "left" : f < 0.33 ? "right" : "center";
}
