/**
 * The intensity of summit diplomacy: catalogued summits (or other kinds) a year, with every year of the range
 * present (zero when the catalogue has none: a catalogued zero, not a proven absence).
 * @module
 */
import { rowSources } from "../series/sources";
import { type Series, type SeriesPoint, mergeSourceLists } from "../../core/types";
import { filterEvents, type EventFilter, type EventInput, type EventKind } from "./counts";

/**
 * Summits a year from `from` to `to` (inclusive), as a series of counts; `kind` defaults to `"summit"`, and the
 * other filters (organisation, participant) apply as in {@link filterEvents}. Each point carries the sources of its
 * events. Events dated after `today` that are catalogued (planned summits) are counted with status `plan`.
 * `today` is required, never the wall clock, so that the same data give the same series on any day.
 * Missing values: a year with no catalogued event is 0 (a catalogued zero), with no sources.
 * @example
 * summitIntensity([
 *   { id: "a", date: "2024-07-06", orgs: ["OTS"], participants: [], kind: "summit", sources: ["s"] },
 * ], { from: 2023, to: 2024, today: "2025-01-01" }).points.map((p) => p.value) // => [0, 1]
 * @category Events
 */
export function summitIntensity(
  events: readonly EventInput[],
  opts: Omit<EventFilter, "from" | "to" | "kind"> & {
    readonly from: number;
    readonly to: number;
    readonly kind?: EventKind | readonly EventKind[];
    readonly today: string;
  },
): Series {
  const kind = opts.kind ?? "summit";
  const picked = filterEvents(events, { ...opts, kind });
  const today = opts.today;
  const points: SeriesPoint[] = [];
  for (let y = opts.from; y <= opts.to; y++) {
    const es = picked.filter((e) => Number(e.date.slice(0, 4)) === y);
    const planned = es.some((e) => e.date > today);
    points.push({
      periodStart: `${y}-01-01`,
      periodEnd: `${y}-12-31`,
      label: String(y),
      value: es.length,
      status: planned ? "plan" : "actual",
      sources: mergeSourceLists(es.map((e) => rowSources(e))),
    });
  }
  const kinds = Array.isArray(kind) ? (kind as readonly string[]).join("+") : (kind as string);
  const who = [opts.org, opts.participant].flat().filter(Boolean).join("+");
  return {
    id: `events:${kinds}${who ? `:${who}` : ""}`,
    label: `${kinds} a year${who ? ` (${who})` : ""}`,
    metric: `${kinds}_count`,
    unit: "events",
    scope: "catalogued events",
    points,
  };
}
