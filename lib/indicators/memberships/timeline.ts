/**
 * Accession timelines: when states joined organisations, changed status and left.
 * Missing-value policy: a row without `until` is current and gives no "left" entry.
 * @module
 */
import { parsePartialDate } from "../../core/dates";
import { effectiveFrom } from "../../core/period";
import type { SourceId } from "../../core/types";
import type { MembershipInput, MembershipStatus } from "./status";
import { rowSources } from "../series/sources";

/**
 * One step of a timeline.
 * @category Memberships
 */
export interface TimelineEntry {
  /** The date as published (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  readonly date: string;
  readonly precision: "year" | "month" | "day";
  /** First day the date can mean, `YYYYMMDD` (for sorting and plotting). */
  readonly day: number;
  readonly state: string;
  readonly org: string;
  /** `joined`: first status of the pair (or first after a break); `changed`: a new status follows directly; `left`: a status ends with no successor. */
  readonly change: "joined" | "changed" | "left";
  /** Status from this date (`none` after leaving). */
  readonly status: MembershipStatus | "none";
  /** Status before this date, for `changed` and `left`. */
  readonly previous?: MembershipStatus;
  readonly sources: readonly SourceId[];
}

/**
 * The timeline of membership rows, optionally for one state, one organisation and some statuses (a filtered-out
 * status still counts as the predecessor of the next). Sorted by date, then state, then organisation.
 * @example
 * accessionTimeline([
 *   { state: "UZB", org: "OTS", status: "member", since: "2019-10-15", until: undefined, sources: ["s"] },
 * ]).map((e) => `${e.date} ${e.change} ${e.status}`) // => ["2019-10-15 joined member"]
 * @category Memberships
 */
export function accessionTimeline(
  rows: readonly MembershipInput[],
  filter: { readonly state?: string; readonly org?: string; readonly statuses?: readonly MembershipStatus[] } = {},
): TimelineEntry[] {
  const pairs = new Map<string, MembershipInput[]>();
  for (const r of rows) {
    if ((filter.state && r.state !== filter.state) || (filter.org && r.org !== filter.org)) continue;
    const key = `${r.state}|${r.org}`;
    pairs.set(key, [...(pairs.get(key) ?? []), r]);
  }
  const out: TimelineEntry[] = [];
  const keep = (s: MembershipStatus | "none", prev?: MembershipStatus) =>
    !filter.statuses ||
    (s !== "none" && filter.statuses.includes(s)) ||
    (s === "none" && prev !== undefined && filter.statuses.includes(prev));
  const entry = (
    date: string,
    r: MembershipInput,
    change: TimelineEntry["change"],
    status: MembershipStatus | "none",
    previous?: MembershipStatus,
  ): TimelineEntry => ({
    date,
    precision: parsePartialDate(date)?.precision ?? "day",
    day: effectiveFrom(date),
    state: r.state,
    org: r.org,
    change,
    status,
    ...(previous ? { previous } : {}),
    sources: rowSources(r),
  });
  for (const list of pairs.values()) {
    const sorted = [...list].sort((a, b) => effectiveFrom(a.since) - effectiveFrom(b.since));
    for (const r of sorted) {
      const before = sorted.find(
        (p) => p !== r && p.until !== undefined && effectiveFrom(p.until) === effectiveFrom(r.since),
      );
      if (keep(r.status)) out.push(entry(r.since, r, before ? "changed" : "joined", r.status, before?.status));
      if (r.until !== undefined) {
        const after = sorted.find((p) => p !== r && effectiveFrom(p.since) === effectiveFrom(r.until!));
        if (!after && keep("none", r.status)) out.push(entry(r.until, r, "left", "none", r.status));
      }
    }
  }
  return out.sort((a, b) => a.day - b.day || a.state.localeCompare(b.state) || a.org.localeCompare(b.org));
}
