/**
 * The state × organisation matrix as of a date, with a status filter.
 * Each cell agrees with {@link statusAt} for its pair (a property test checks it). Missing-value policy: a cell with
 * no status, or a status outside the filter, is empty (code 0).
 * @module
 */
import { mergeSources, type Iso3, type OrgId, type SourceId } from "../../core/types";
import { queryDay } from "../../core/period";
import { ANY_TIE, MEMBERSHIP_STATUSES, type MembershipIndex, type MembershipStatus, type Spell } from "./status";
import { rowSources } from "../series/sources";

/**
 * A state × organisation matrix of statuses on one day.
 * @category Memberships
 */
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
 * does). Where rows of one pair overlap, the latest-starting row wins (the later row on a tie). The index's spells
 * are kept, on first use, as typed arrays sorted by start (for this and later dates), so that a matrix reads only the
 * spells begun by its date.
 * @example
 * const ix = membershipIndex([{ state: "AZE", org: "OTS", status: "founding_member", since: "2009-10-03", until: undefined, sources: ["s"] }]);
 * matrixStatus(membershipMatrix(ix, "2024-11-06"), "AZE", "OTS") // => "founding_member"
 * @category Memberships
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
  keep[0] = 0; // code 0 (a status outside the list) is an empty cell, whatever the filter says
  const states = (opts.states ?? index.states) as readonly Iso3[];
  const orgs = (opts.orgs ?? index.orgs) as readonly OrgId[];
  const day = queryDay(date);
  const m = orgs.length;
  const codes = new Uint8Array(states.length * m);
  const spellOf = new Int32Array(states.length * m).fill(-1);
  const t = spellTable(index.spells);
  // Spells by start, then position: the last one written to a cell is the one in force (latest start, later row on a
  // tie), and the loop stops at the first spell that starts after the day.
  const end = upperBound(t.from, day);
  if (states === index.states && orgs === index.orgs) fillCells(t, end, day, keep, m, codes, spellOf);
  else {
    const rowOf = positions(index.states, states);
    const colOf = positions(index.orgs, orgs);
    fillCellsMapped(t, end, day, keep, m, rowOf, colOf, codes, spellOf);
  }
  return { date, states, orgs, statuses, codes, spellOf, index };
}

/** Writes the spells `0 … end − 1` of the table still in force on `day` into the cells, in order (the last wins). */
function fillCells(
  t: SpellTable,
  end: number,
  day: number,
  keep: Uint8Array,
  m: number,
  codes: Uint8Array,
  spellOf: Int32Array,
): void {
  for (let i = 0; i < end; i++) {
    if (!(day < t.to[i]!)) continue;
    const cell = t.state[i]! * m + t.org[i]!;
    const code = t.code[i]!;
    const kept = keep[code] === 1;
    codes[cell] = kept ? code : 0;
    spellOf[cell] = kept ? t.spell[i]! : -1;
  }
}

/** {@link fillCells} for a matrix of other states or organisations than the index's, through `rowOf` and `colOf`. */
function fillCellsMapped(
  t: SpellTable,
  end: number,
  day: number,
  keep: Uint8Array,
  m: number,
  rowOf: Int32Array,
  colOf: Int32Array,
  codes: Uint8Array,
  spellOf: Int32Array,
): void {
  for (let i = 0; i < end; i++) {
    if (!(day < t.to[i]!)) continue;
    const r = rowOf[t.state[i]!]!;
    const c = colOf[t.org[i]!]!;
    if (r < 0 || c < 0) continue;
    const cell = r * m + c;
    const code = t.code[i]!;
    const kept = keep[code] === 1;
    codes[cell] = kept ? code : 0;
    spellOf[cell] = kept ? t.spell[i]! : -1;
  }
}

/** Maps the index's positions to the matrix's (−1: not in the matrix; a name given twice maps to its last position). */
function positions(of: readonly string[], kept: readonly string[]): Int32Array {
  const at = new Map<string, number>(kept.map((x, i) => [x, i]));
  const out = new Int32Array(of.length);
  for (let i = 0; i < of.length; i++) out[i] = at.get(of[i]!) ?? -1;
  return out;
}

/**
 * The spells of an index as typed arrays sorted by `from`, then by position in `index.spells` (so that among spells
 * in force on a day, the last holds the cell). Spells whose `from` is not a number never hold and are left out.
 */
interface SpellTable {
  readonly from: Float64Array;
  readonly to: Float64Array;
  readonly state: Int32Array;
  readonly org: Int32Array;
  readonly code: Uint8Array;
  /** Position in `index.spells`. */
  readonly spell: Int32Array;
}

/** Tables of the spells arrays seen so far (an index never changes its spells: they are read-only). */
const spellTables = new WeakMap<readonly Spell[], SpellTable>();

function spellTable(spells: readonly Spell[]): SpellTable {
  const cached = spellTables.get(spells);
  if (cached) return cached;
  const n = spells.length;
  let order: Int32Array;
  // Sort on one number per spell (from × n + position) when that is exact, else with a comparator.
  const packable = spells.every((s) => Number.isSafeInteger(s.from) && s.from >= 0 && s.from * n + n <= 2 ** 52);
  if (packable) {
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) keys[k] = spells[k]!.from * n + k;
    keys.sort();
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  } else {
    const ks: number[] = [];
    for (let k = 0; k < n; k++) if (!Number.isNaN(spells[k]!.from)) ks.push(k);
    ks.sort((a, b) => spells[a]!.from - spells[b]!.from || a - b);
    order = Int32Array.from(ks);
  }
  const len = order.length;
  const t: SpellTable = {
    from: new Float64Array(len),
    to: new Float64Array(len),
    state: new Int32Array(len),
    org: new Int32Array(len),
    code: new Uint8Array(len),
    spell: order,
  };
  for (let i = 0; i < len; i++) {
    const s = spells[order[i]!]!;
    t.from[i] = s.from;
    t.to[i] = s.to;
    t.state[i] = s.stateIx;
    t.org[i] = s.orgIx;
    t.code[i] = s.code;
  }
  spellTables.set(spells, t);
  return t;
}

/** Number of values in the ascending array `xs` that are ≤ `x`. */
function upperBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The status in a cell, or `undefined` when it is empty or the state or organisation is not in the matrix.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * matrixStatus(matrix, "AZE", "SCO") // => "dialogue_partner"
 * @category Memberships
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
 * @category Memberships
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
 * @category Memberships
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
