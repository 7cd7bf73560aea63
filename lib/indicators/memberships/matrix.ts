/**
 * The state × organisation matrix as of a date, with a status filter.
 * Each cell agrees with {@link statusAt} for its pair (a property test checks it). Missing-value policy: a cell with
 * no status, or a status outside the filter, is empty (code 0).
 * @module
 */
import { mergeSources, type Iso3, type OrgId, type SourceId } from "../../core/types";
import { queryDay } from "../../core/period";
import { ANY_TIE, MEMBERSHIP_STATUSES, type MembershipIndex, type MembershipStatus } from "./status";
import { rowSources } from "../series/sources";

/** A state × organisation matrix of statuses on one day. */
export interface MembershipMatrix {
  /** The query date as given. */
  readonly date: string;
  readonly states: readonly Iso3[];
  readonly orgs: readonly OrgId[];
  /** Statuses that were kept. */
  readonly statuses: readonly MembershipStatus[];
  /** Row-major `states.length × orgs.length`: 0 = empty, else 1 + index in {@link MEMBERSHIP_STATUSES}. */
  readonly codes: Uint8Array;
  /** Row-major index into `index.spells` of the row behind each cell, −1 when empty. */
  readonly spellOf: Int32Array;
  readonly index: MembershipIndex;
}

/**
 * Builds the matrix of the index's states and organisations (or those given) on `date` (a partial date means its
 * last day), keeping the statuses in `statuses` (default {@link ANY_TIE}). A cell holds the row in force on the date
 * (so it is empty before an organisation's founding unless a row dates a status from a predecessor, as `statusAt`
 * does). Where rows of one pair overlap, the latest-starting row wins.
 * @example
 * const ix = membershipIndex([{ state: "AZE", org: "OTS", status: "founding_member", since: "2009-10-03", until: undefined, sources: ["s"] }]);
 * matrixStatus(membershipMatrix(ix, "2024-11-06"), "AZE", "OTS") // => "founding_member"
 */
export function membershipMatrix(
  index: MembershipIndex,
  date: string,
  opts: {
    readonly statuses?: readonly MembershipStatus[];
    readonly states?: readonly string[];
    readonly orgs?: readonly string[];
  } = {},
): MembershipMatrix {
  const statuses = opts.statuses ?? ANY_TIE;
  const keep = new Uint8Array(MEMBERSHIP_STATUSES.length + 1);
  for (const s of statuses) keep[MEMBERSHIP_STATUSES.indexOf(s) + 1] = 1;
  const states = (opts.states ?? index.states) as readonly Iso3[];
  const orgs = (opts.orgs ?? index.orgs) as readonly OrgId[];
  // Map the index's positions to the matrix's (−1: not in the matrix).
  const rowOf = new Int32Array(index.states.length).fill(-1);
  const stateAt = new Map<string, number>(states.map((s, i) => [s, i]));
  index.states.forEach((s, i) => {
    rowOf[i] = stateAt.get(s) ?? -1;
  });
  const colOf = new Int32Array(index.orgs.length).fill(-1);
  const orgAt = new Map<string, number>(orgs.map((o, i) => [o, i]));
  index.orgs.forEach((o, i) => {
    colOf[i] = orgAt.get(o) ?? -1;
  });

  const day = queryDay(date);
  const m = orgs.length;
  const codes = new Uint8Array(states.length * m);
  const spellOf = new Int32Array(states.length * m).fill(-1);
  const fromOf = new Float64Array(states.length * m).fill(-Infinity);
  const spells = index.spells;
  for (let k = 0; k < spells.length; k++) {
    const s = spells[k]!;
    if (!(s.from <= day && day < s.to)) continue;
    const r = rowOf[s.stateIx]!;
    const c = colOf[s.orgIx]!;
    if (r < 0 || c < 0) continue;
    const cell = r * m + c;
    if (s.from < fromOf[cell]!) continue; // an overlapping row that started later already holds the cell
    fromOf[cell] = s.from;
    spellOf[cell] = k;
    codes[cell] = keep[s.code] ? s.code : 0;
  }
  for (let cell = 0; cell < codes.length; cell++) if (codes[cell] === 0) spellOf[cell] = -1;
  return { date, states, orgs, statuses, codes, spellOf, index };
}

/**
 * The status in a cell, or `undefined` when it is empty or the state or organisation is not in the matrix.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * matrixStatus(matrix, "AZE", "SCO") // => "dialogue_partner"
 */
export function matrixStatus(matrix: MembershipMatrix, state: string, org: string): MembershipStatus | undefined {
  const r = matrix.states.findIndex((s) => s === state);
  const c = matrix.orgs.findIndex((o) => o === org);
  if (r < 0 || c < 0) return undefined;
  const code = matrix.codes[r * matrix.orgs.length + c]!;
  return code === 0 ? undefined : MEMBERSHIP_STATUSES[code - 1];
}

/**
 * Source ids of a cell (empty when the cell is empty).
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * matrixCellSources(matrix, "AZE", "SCO").includes("economy-gov-az-sco-dialogue-partner") // => true
 */
export function matrixCellSources(matrix: MembershipMatrix, state: string, org: string): readonly SourceId[] {
  const r = matrix.states.findIndex((s) => s === state);
  const c = matrix.orgs.findIndex((o) => o === org);
  if (r < 0 || c < 0) return [];
  const k = matrix.spellOf[r * matrix.orgs.length + c]!;
  return k < 0 ? [] : rowSources(matrix.index.spells[k]!.row);
}

/**
 * The matrix as table rows (one per state, one column per organisation holding the status or `""`), with the
 * sources of each state's non-empty cells.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * matrixTable(matrix).find((r) => r.state === "AZE")?.cells.CSTO // => "" (a former member: not a standing tie)
 */
export function matrixTable(
  matrix: MembershipMatrix,
): { state: Iso3; cells: Record<string, MembershipStatus | "">; sources: SourceId[] }[] {
  const m = matrix.orgs.length;
  return matrix.states.map((state, r) => {
    const cells: Record<string, MembershipStatus | ""> = {};
    const sources: (readonly SourceId[])[] = [];
    matrix.orgs.forEach((org, c) => {
      const code = matrix.codes[r * m + c]!;
      cells[org] = code === 0 ? "" : MEMBERSHIP_STATUSES[code - 1]!;
      const k = matrix.spellOf[r * m + c]!;
      if (k >= 0) sources.push(rowSources(matrix.index.spells[k]!.row));
    });
    return { state, cells, sources: mergeSources(...sources) };
  });
}
