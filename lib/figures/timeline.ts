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

/**
 * Options of {@link timelineFigure}.
 * @category Figure builders
 */
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
 * with labels. A label sits on its event's row, beside the diamond on a white ground (so that it reads as that
 * lane's, never between two lanes); a label that would cover another label or diamond of its lane, or run out of
 * the chart, is left to the hover, and the note says so. Integer year ticks.
 * @example timelineFigure({ spans: [{ lane: "SCO", start: "2015-07", status: "dialogue_partner" }], asOf: "2026-01-01", sources: [] }, { title: "Azerbaijan and the SCO" })
 * @category Figure builders
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
  const longest = maxOf(
    lanes.map((l) => l.length),
    1,
  );
  const left = Math.min(260, 30 + Math.round(longest * 7.6));
  const annotations: Record<string, unknown>[] = [];
  let unlabelled = 0;
  if (events.length > 0) {
    const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (showLabels) {
      const pxPerYear = ((options.width ?? HOUSE.width) - left - 24) / (hi - lo + 2 * AXIS_PAD);
      const sides = labelSides(
        sorted.map((e) => ({
          lane: e.lane ?? EVENTS_LANE,
          x: (dateStartYear(e.date) - (lo - AXIS_PAD)) * pxPerYear,
          width: e.label.length * LABEL_CHAR_PX,
        })),
        (hi - lo + 2 * AXIS_PAD) * pxPerYear,
      );
      sorted.forEach((e, i) => {
        const side = sides[i];
        if (side === undefined) {
          unlabelled++;
          return;
        }
        annotations.push({
          x: round(dateStartYear(e.date)),
          y: laneText(e.lane ?? EVENTS_LANE),
          xref: "x",
          yref: "y",
          text: plotlyText(e.label),
          showarrow: false,
          xanchor: side === "left" ? "right" : "left",
          yanchor: "middle",
          xshift: side === "left" ? -LABEL_GAP_PX : LABEL_GAP_PX,
          font: { size: 12, color: "#222222" },
          bgcolor: "rgba(255,255,255,0.88)",
          borderpad: 1,
        });
      });
    }
    data.push({
      type: "scatter",
      mode: "markers",
      name: "Event",
      x: sorted.map((e) => round(dateStartYear(e.date))),
      y: sorted.map((e) => laneText(e.lane ?? EVENTS_LANE)),
      text: sorted.map((e) => plotlyText(e.label)),
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
  const axis = yearAxis([lo, hi], { pad: AXIS_PAD });
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
      ...(annotations.length > 0 ? { annotations } : {}),
    },
    ...commonParts(options),
    height,
    note:
      [
        ...(open ? [`Open intervals run to ${input.asOf}.`] : []),
        ...(unlabelled > 0
          ? [
              `${unlabelled === 1 ? "One event label" : `${unlabelled} event labels`} would cover another and ${
                unlabelled === 1 ? "is" : "are"
              } left out; hover the diamonds.`,
            ]
          : []),
        ...(options.note !== undefined ? [options.note] : []),
      ].join(" ") || undefined,
    sources: mergeSourceLists([input.sources, ...input.spans.map((s) => s.sources), ...events.map((e) => e.sources)]),
    left,
    legendNames: names,
    rows: [...input.spans, ...events].flatMap((x) => (x.row !== undefined ? [x.row] : [])),
  });
}

function rankOf(group: string): number {
  const i = STATUS_STYLES.findIndex((s) => `status:${s.status}` === group);
  return i < 0 ? STATUS_STYLES.length : i;
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

/** Padding of the year axis on each side, in years. */
const AXIS_PAD = 0.3;
/** Width of a character of a 12 px label, generously (DejaVu Sans averages about 7 px), and the label's padding. */
const LABEL_CHAR_PX = 7.2;
/** Gap between a diamond's centre and its label. */
const LABEL_GAP_PX = 10;
/** Half the width of a diamond marker (size 12, with its outline). */
const DIAMOND_HALF_PX = 7;

/**
 * An event to label: its lane, its position from the left edge of the plot and its label's width, in pixels.
 * @category Figure builders
 */
export interface LabelSlot {
  readonly lane: string;
  readonly x: number;
  readonly width: number;
}

/**
 * The side of each event's label on its lane, or `undefined` when neither side is free: a label goes to the right
 * of its diamond in the left half of the plot and to the left in the right half, or else to the other side, when it
 * then covers no other diamond or label of its lane and stays inside the plot (`plotWidth` pixels). Events are
 * placed in the order given.
 * @example labelSides([{ lane: "SCO", x: 500, width: 100 }, { lane: "SCO", x: 515, width: 100 }], 800) // => ["left", "right"]
 * @example labelSides([{ lane: "A", x: 400, width: 100 }, { lane: "A", x: 410, width: 100 }, { lane: "A", x: 420, width: 100 }], 800) // => ["left", undefined, "right"]
 * @category Figure builders
 */
export function labelSides(slots: readonly LabelSlot[], plotWidth: number): ("left" | "right" | undefined)[] {
  /** What each lane has drawn: diamonds (with the event's index) and the labels placed so far. */
  const taken = new Map<string, { readonly owner: number; readonly from: number; readonly to: number }[]>();
  slots.forEach((s, i) => {
    const list = taken.get(s.lane) ?? [];
    list.push({ owner: i, from: s.x - DIAMOND_HALF_PX, to: s.x + DIAMOND_HALF_PX });
    taken.set(s.lane, list);
  });
  return slots.map((s, i) => {
    const lane = taken.get(s.lane)!;
    const span = (side: "left" | "right"): [number, number] =>
      side === "left"
        ? [s.x - LABEL_GAP_PX - s.width, s.x - LABEL_GAP_PX + 2]
        : [s.x + LABEL_GAP_PX - 2, s.x + LABEL_GAP_PX + s.width];
    const free = ([from, to]: [number, number]) =>
      from >= 0 && to <= plotWidth && lane.every((t) => t.owner === i || to <= t.from || from >= t.to);
    const order: ("left" | "right")[] = s.x < plotWidth / 2 ? ["right", "left"] : ["left", "right"];
    const side = order.find((o) => free(span(o)));
    if (side !== undefined) {
      const [from, to] = span(side);
      lane.push({ owner: -1, from, to });
    }
    return side;
  });
}
