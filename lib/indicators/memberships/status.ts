/**
 * The status of a state in an organisation as of a date.
 *
 * **Date convention** (see lib/core/period): a row's status holds on day d when
 * `startOf(since) ≤ d < startOf(until)`: a status that starts "2018" counts from 2018-01-01, and one that ends
 * "until 2018" has ended by 2018-01-01, so a chain of rows (`until` of one = `since` of the next) has no gap and no
 * overlap. A partial *query* date means its last day ("as of 2018" = as of 2018-12-31). A date before the
 * organisation's `founded` date (first day) with no row in force gives `none` with reason `not_founded`. A row in
 * force wins over the founding date: memberships.csv dates some statuses from a predecessor (the Collective Security
 * Treaty of 1992 before the CSTO Charter of 2002), and such answers say `beforeFounded: true`. When the query day falls inside
 * the span of the partial date that decided the answer, the result says `uncertain: true`. A row with
 * `since_bound = by` is documented on `since` but began at an unknown earlier date: it counts from `since` (which can
 * only understate membership, as data/README.md says), and an answer of `not_yet` before such a row is `uncertain`.
 *
 * Missing-value policy of lib/indicators/memberships: no row is an answer (`status: "none"`, with a reason), never an error;
 * malformed dates throw a `RangeError` (from lib/dates).
 * @module
 */
import { enums, type MembershipRow, type OrganizationRow } from "../../data/resources";
import { effectiveFrom, queryDay, withinSpan } from "../../core/period";
import type { Iso3, OrgId, SourceId } from "../../core/types";
import { rowSources } from "../series/sources";

/**
 * A status of memberships.csv.
 * @category Memberships
 */
export type MembershipStatus = (typeof enums.membershipStatus)[number];

/**
 * Every status, in the order of data/README.md; a status's code in a matrix is its index here plus one.
 * @category Memberships
 */
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = enums.membershipStatus;

/**
 * Full membership: `founding_member`, `member`.
 * @category Memberships
 */
export const FULL_MEMBERSHIP: readonly MembershipStatus[] = ["founding_member", "member"];

/**
 * Any standing tie with the organisation: full membership plus `associate`, `observer`, `dialogue_partner` and
 * `partner`. Excludes `applicant`, `former` and `suspended`. The default filter of matrices and overlaps.
 * @category Memberships
 */
export const ANY_TIE: readonly MembershipStatus[] = [
  "founding_member",
  "member",
  "associate",
  "observer",
  "dialogue_partner",
  "partner",
];

/**
 * The columns of a membership row this module reads. `since_bound` (default `exact`) says whether the status began
 * on `since` (`exact`) or is only documented on `since` and began at an unknown earlier date (`by`).
 * @category Memberships
 */
export interface MembershipInput {
  readonly state: string;
  readonly org: string;
  readonly status: MembershipStatus;
  readonly since: string;
  readonly since_bound?: MembershipRow["since_bound"];
  readonly until?: string | undefined;
  readonly sources: readonly SourceId[];
}

/**
 * One row with its dates turned into day numbers (`YYYYMMDD`).
 * @category Memberships
 */
export interface Spell {
  readonly row: MembershipInput;
  /** First day the status holds. */
  readonly from: number;
  /** First day it no longer holds (`Infinity` while current). */
  readonly to: number;
  readonly stateIx: number;
  readonly orgIx: number;
  /** 1 + index of the status in {@link MEMBERSHIP_STATUSES}. */
  readonly code: number;
}

/**
 * Memberships prepared for many as-of lookups.
 * @category Memberships
 */
export interface MembershipIndex {
  /** States, sorted: those given plus those in the rows. */
  readonly states: readonly Iso3[];
  /** Organisations, sorted: those given plus those in the rows. */
  readonly orgs: readonly OrgId[];
  /** First day of each organisation's `founded` date, when known. */
  readonly founded: ReadonlyMap<string, { readonly date: string; readonly day: number }>;
  readonly spells: readonly Spell[];
  /** Spells of each `state|org` pair, sorted by `from`. */
  readonly byPair: ReadonlyMap<string, readonly Spell[]>;
}

/**
 * Prepares membership rows (and, optionally, organisation rows for founding dates and the full list of orgs, and a
 * list of states) for as-of lookups. Parses every date once.
 * @example membershipIndex([{ state: "AZE", org: "SCO", status: "dialogue_partner", since: "2015-07-10", until: undefined, sources: ["x"] }]).states // => ["AZE"]
 * @category Memberships
 */
export function membershipIndex(
  rows: readonly MembershipInput[],
  organizations: readonly Pick<OrganizationRow, "id" | "founded">[] = [],
  states: readonly string[] = [],
): MembershipIndex {
  const stateList = [...new Set([...states, ...rows.map((r) => r.state)])].sort() as Iso3[];
  const orgList = [...new Set([...organizations.map((o) => o.id), ...rows.map((r) => r.org)])].sort() as OrgId[];
  const stateIx = new Map<string, number>(stateList.map((s, i) => [s, i]));
  const orgIx = new Map<string, number>(orgList.map((o, i) => [o, i]));
  const founded = new Map(organizations.map((o) => [o.id, { date: o.founded, day: effectiveFrom(o.founded) }]));
  const spells: Spell[] = rows.map((row) => ({
    row,
    from: effectiveFrom(row.since),
    to: row.until ? effectiveFrom(row.until) : Infinity,
    stateIx: stateIx.get(row.state)!,
    orgIx: orgIx.get(row.org)!,
    code: MEMBERSHIP_STATUSES.indexOf(row.status) + 1,
  }));
  const byPair = new Map<string, Spell[]>();
  for (const s of spells) {
    const key = `${s.row.state}|${s.row.org}`;
    const list = byPair.get(key);
    if (list) list.push(s);
    else byPair.set(key, [s]);
  }
  for (const list of byPair.values()) list.sort((a, b) => a.from - b.from);
  return { states: stateList, orgs: orgList, founded, spells, byPair };
}

/**
 * Why a state has (or has no) status in an organisation on a date.
 * @category Memberships
 */
export type StatusReason = "status" | "not_founded" | "not_yet" | "ended" | "no_record";

/**
 * The status of a state in an organisation on a date.
 * @category Memberships
 */
export interface StatusAt {
  readonly state: string;
  readonly org: string;
  /** The query date as given. */
  readonly date: string;
  readonly status: MembershipStatus | "none";
  readonly reason: StatusReason;
  /** `since` / `until` of the row that decided the answer, if any. */
  readonly since?: string;
  readonly until?: string;
  /** The status holds on a day before the organisation's founding date (it was recorded for a predecessor). */
  readonly beforeFounded?: boolean;
  /** `since_bound` of the row that decided the answer (`exact` when the row has none). */
  readonly sinceBound?: "exact" | "by";
  /** The query day lies inside the span of the partial date that decided the answer. */
  readonly uncertain: boolean;
  readonly sources: readonly SourceId[];
}

/**
 * The spell in force for a pair on a day (the latest-starting one if rows overlap), or `undefined`.
 * @example spellAt(membershipIndex(pkg.memberships), "AZE", "SCO", 20160101)?.row.status // => "dialogue_partner"
 * @category Memberships
 */
export function spellAt(index: MembershipIndex, state: string, org: string, day: number): Spell | undefined {
  const list = index.byPair.get(`${state}|${org}`);
  if (!list) return undefined;
  let found: Spell | undefined;
  for (const s of list) if (s.from <= day && day < s.to) found = s;
  return found;
}

/**
 * The status of `state` in `org` on `date` (full or partial; a partial date means its last day), following the
 * module's date convention. Never throws for a missing row: the answer is then `none` with a reason
 * (`not_founded`, `not_yet`, `ended`, `no_record`); `not_founded` when the date is before the organisation's founding
 * and no row is in force.
 * @example
 * const ix = membershipIndex([{ state: "AZE", org: "SCO", status: "dialogue_partner", since: "2015-07-10", until: undefined, sources: ["economy-gov-az"] }]);
 * statusAt(ix, "AZE", "SCO", "2015-07-10").status // => "dialogue_partner"
 * statusAt(ix, "AZE", "SCO", "2015-07-09").reason // => "not_yet"
 * @category Memberships
 */
export function statusAt(index: MembershipIndex, state: string, org: string, date: string): StatusAt {
  const day = queryDay(date);
  const base = { state, org, date };
  const founded = index.founded.get(org);
  const spell = spellAt(index, state, org, day);
  if (!spell && founded && day < founded.day) {
    return { ...base, status: "none", reason: "not_founded", uncertain: false, sources: [] };
  }
  if (spell) {
    const r = spell.row;
    return {
      ...base,
      status: r.status,
      reason: "status",
      ...(founded && day < founded.day ? { beforeFounded: true } : {}),
      since: r.since,
      sinceBound: r.since_bound ?? "exact",
      ...(r.until ? { until: r.until } : {}),
      uncertain: withinSpan(r.since, date) || (r.until !== undefined && withinSpan(r.until, date)),
      sources: rowSources(r),
    };
  }
  const list = index.byPair.get(`${state}|${org}`) ?? [];
  if (list.length === 0) return { ...base, status: "none", reason: "no_record", uncertain: false, sources: [] };
  const ended = [...list].reverse().find((s) => s.to <= day);
  if (ended) {
    const r = ended.row;
    return {
      ...base,
      status: "none",
      reason: "ended",
      since: r.since,
      sinceBound: r.since_bound ?? "exact",
      ...(r.until ? { until: r.until } : {}),
      uncertain: r.until !== undefined && withinSpan(r.until, date),
      sources: rowSources(r),
    };
  }
  const next = list[0]!;
  return {
    ...base,
    status: "none",
    reason: "not_yet",
    since: next.row.since,
    sinceBound: next.row.since_bound ?? "exact",
    uncertain: withinSpan(next.row.since, date) || next.row.since_bound === "by",
    sources: rowSources(next.row),
  };
}
