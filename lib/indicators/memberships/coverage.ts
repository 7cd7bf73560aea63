/**
 * What one state × organisation cell says on a date, with the coverage rows (data/membership_coverage.csv): a status;
 * a sourced absence (a dated list that omits the state, a status that begins later on a known day, a status that
 * ended, an organisation not yet founded); or unknown (a declared gap, a status documented only from a later "by"
 * date, or a cell nobody has researched). Pure: reads only what it is given.
 * @module
 */
import type { SourceId } from "../../core/types";
import type { MembershipCoverageRow } from "../../data/resources";
import { statusAt, type MembershipIndex, type MembershipStatus } from "./status";

/**
 * How a cell reads on a date.
 * @category Memberships
 */
export type CellKind = "status" | "absent" | "unknown";

/**
 * A cell on a date: its kind, the status when there is one, why, and the sources behind it.
 * @category Memberships
 */
export interface CellOn {
  readonly state: string;
  readonly org: string;
  readonly date: string;
  readonly kind: CellKind;
  readonly status?: MembershipStatus;
  readonly since?: string;
  /** Plain-text reason, for a hover or a note: "not in the list of members and observers of 2025-08-12". */
  readonly why: string;
  /** Id of the coverage row's gap (state-org) when the cell is a declared gap. */
  readonly gap?: string;
  readonly sources: readonly SourceId[];
}

/**
 * Coverage rows by `state|org`, for many look-ups.
 * @category Memberships
 */
export type CoverageLookup = ReadonlyMap<string, MembershipCoverageRow>;

/**
 * Indexes coverage rows by state and organisation.
 * @example coverageLookup([]).size // => 0
 * @category Memberships
 */
export function coverageLookup(rows: readonly MembershipCoverageRow[]): CoverageLookup {
  return new Map(rows.map((r) => [`${r.state}|${r.org}`, r] as const));
}

/**
 * The cell of `state` in `org` on `date` (a partial date means its last day):
 * - a status in force (lib/indicators/memberships `statusAt`) → `status`;
 * - a coverage row of kind `absent` → `absent` (its list's date and sources), on any date without a status;
 * - a status that begins later on an exact date, or that ended, or an organisation founded later → `absent`,
 *   backed by that row (or the organisation's founding);
 * - a coverage row of kind `gap`, a status documented only from a later date (`since_bound` by), or nothing at all →
 *   `unknown`.
 * @example
 * const ix = membershipIndex([{ state: "AZE", org: "SCO", status: "dialogue_partner", since: "2015-07-10", until: undefined, sources: ["s"] }]);
 * [cellOn(ix, coverageLookup([]), "AZE", "SCO", "2016").kind, cellOn(ix, coverageLookup([]), "AZE", "SCO", "2014").kind, cellOn(ix, coverageLookup([]), "GEO", "SCO", "2016").kind] // => ["status", "absent", "unknown"]
 * @category Memberships
 */
export function cellOn(
  index: MembershipIndex,
  coverage: CoverageLookup,
  state: string,
  org: string,
  date: string,
): CellOn {
  const at = statusAt(index, state, org, date);
  const base = { state, org, date };
  if (at.status !== "none")
    return {
      ...base,
      kind: "status",
      status: at.status,
      ...(at.since ? { since: at.since } : {}),
      why: "",
      sources: at.sources,
    };
  const row = coverage.get(`${state}|${org}`);
  if (row?.kind === "absent")
    return {
      ...base,
      kind: "absent",
      why: `not among the members, observers or partners listed on ${row.as_of}`,
      sources: row.sources,
    };
  switch (at.reason) {
    case "not_founded":
      return { ...base, kind: "absent", why: `${org} was founded on ${index.founded.get(org)?.date}`, sources: [] };
    case "ended":
      return { ...base, kind: "absent", why: `its status ended on ${at.until}`, sources: at.sources };
    case "not_yet":
      return at.sinceBound === "exact"
        ? { ...base, kind: "absent", why: `its status began on ${at.since}`, sources: at.sources }
        : {
            ...base,
            kind: "unknown",
            why: `its status is documented only from ${at.since}; before that the data cannot say`,
            sources: at.sources,
          };
    default:
      return row?.kind === "gap"
        ? {
            ...base,
            kind: "unknown",
            why: `a known gap: ${row.note || row.searched}`,
            gap: `${state}-${org}`,
            sources: [],
          }
        : {
            ...base,
            kind: "unknown",
            why: "not researched: no status, sourced absence or gap is recorded",
            sources: [],
          };
  }
}
