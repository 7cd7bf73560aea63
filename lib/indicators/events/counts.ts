/**
 * Counts of events by organisation, year or kind.
 *
 * Counts are of *catalogued* events in events.csv: an event not catalogued is not counted, so a zero means "none in
 * the catalogue", not "none happened". An event with several organisations counts once for each organisation when
 * counting by organisation, and once otherwise; an event with no organisation counts under `"(none)"`. Partial
 * dates count in their year.
 * @module
 */
import type { EventRow } from "../../data/resources";
import { rowSources } from "../series/sources";
import { mergeSources, type SourceId } from "../../core/types";

/**
 * Event kinds of events.csv.
 * @category Events
 */
export type EventKind = EventRow["kind"];

/**
 * The columns of an event row this module reads.
 * @category Events
 */
export type EventInput = Pick<EventRow, "id" | "date" | "orgs" | "participants" | "kind" | "sources">;

/**
 * A filter on events; every given field must match.
 * @category Events
 */
export interface EventFilter {
  /** Events involving this organisation (or any of these). */
  readonly org?: string | readonly string[];
  /** Events with this participant state (or any of these). */
  readonly participant?: string | readonly string[];
  readonly kind?: EventKind | readonly EventKind[];
  /** First and last year, inclusive. */
  readonly from?: number;
  readonly to?: number;
}

/**
 * A count with the events and sources behind it.
 * @category Events
 */
export interface EventCount {
  readonly key: string;
  readonly count: number;
  readonly eventIds: readonly string[];
  readonly sources: readonly SourceId[];
}

const list = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? (v as readonly T[]) : [v as T];

/**
 * The events matching a filter.
 * Missing values: an event with no organisation or participant never matches a filter on them; no event gives an empty list.
 * @example filterEvents(pkg.events, { org: "OTS", kind: "summit", from: 2024, to: 2024 }).map((e) => e.place) // => ["Shusha", "Bishkek"]
 * @category Events
 */
export function filterEvents<E extends EventInput>(events: readonly E[], filter: EventFilter = {}): E[] {
  const orgs = list(filter.org);
  const parts = list(filter.participant);
  const kinds = list(filter.kind);
  return events.filter((e) => {
    const y = Number(e.date.slice(0, 4));
    return (
      (!orgs || e.orgs.some((o) => orgs.includes(o))) &&
      (!parts || e.participants.some((p) => parts.includes(p))) &&
      (!kinds || kinds.includes(e.kind)) &&
      (filter.from === undefined || y >= filter.from) &&
      (filter.to === undefined || y <= filter.to)
    );
  });
}

/**
 * Counts events by `"org"`, `"year"` or `"kind"`, after a filter. When counting by organisation with an `org`
 * filter, only the filtered organisations are keys. Sorted by key.
 * Missing values: only keys with events appear (no zero rows); see {@link summitIntensity} for a zero-filled series.
 * @example
 * eventCounts([
 *   { id: "a", date: "2024-07-06", orgs: ["OTS"], participants: [], kind: "summit", sources: ["s"] },
 *   { id: "b", date: "2024-11-06", orgs: ["OTS"], participants: [], kind: "summit", sources: ["t"] },
 * ], "year").map((c) => [c.key, c.count]) // => [["2024", 2]]
 * @category Events
 */
export function eventCounts(
  events: readonly EventInput[],
  by: "org" | "year" | "kind",
  filter: EventFilter = {},
): EventCount[] {
  const picked = filterEvents(events, filter);
  const orgs = list(filter.org);
  const groups = new Map<string, EventInput[]>();
  for (const e of picked) {
    const keys =
      by === "year"
        ? [e.date.slice(0, 4)]
        : by === "kind"
          ? [e.kind]
          : e.orgs.length === 0
            ? ["(none)"]
            : e.orgs.filter((o) => !orgs || orgs.includes(o));
    for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, es]) => ({
      key,
      count: es.length,
      eventIds: es.map((e) => e.id),
      sources: mergeSources(...es.map((e) => rowSources(e))),
    }));
}
