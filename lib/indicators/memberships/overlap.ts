/**
 * Shared memberships and Jaccard overlap between states: `J(A, B) = |A ∩ B| / |A ∪ B|` over the sets of
 * organisations each state has a (filtered) status in, on the matrix's date.
 * Missing-value policy: the Jaccard index of two empty sets has no answer: `undefined` for the scalar, `NaN` in the
 * matrix.
 * @module
 */
import { mergeSources, type Iso3, type OrgId, type SourceId, type Sourced } from "../../core/types";
import type { MembershipMatrix } from "./matrix";
import { rowSources } from "../series/sources";

/**
 * Jaccard index of two sets (or lists, duplicates ignored), in [0, 1]; `undefined` when both are empty.
 * @example jaccard(["SCO", "CICA", "OTS"], ["CICA", "OTS", "CIS"]) // => 0.5 (2 shared of 4)
 * @example jaccard([], []) // => undefined
 */
export function jaccard<T>(a: ReadonlySet<T> | readonly T[], b: ReadonlySet<T> | readonly T[]): number | undefined {
  const A = a instanceof Set ? (a as ReadonlySet<T>) : new Set(a as readonly T[]);
  const B = b instanceof Set ? (b as ReadonlySet<T>) : new Set(b as readonly T[]);
  if (A.size === 0 && B.size === 0) return undefined;
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / (A.size + B.size - inter);
}

/**
 * The organisations of a state: those it has a non-empty cell in (any status the matrix counts), in the matrix's order.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * orgsOf(matrix, "AZE") // => ["BSEC", "CICA", "CIS", "COE", "ECO", "GUAM", "NAM", "OIC", "OSCE", "OTS", "SCO"]
 */
export function orgsOf(matrix: MembershipMatrix, state: string): OrgId[] {
  const r = matrix.states.findIndex((s) => s === state);
  if (r < 0) return [];
  const m = matrix.orgs.length;
  return matrix.orgs.filter((_, c) => matrix.codes[r * m + c] !== 0);
}

/**
 * The organisations two states share on the matrix's date, with the sources of both states' cells for them.
 * Missing values: a state not in the matrix, or no shared organisation, gives an empty list with no sources.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * sharedMemberships(matrix, "AZE", "KAZ").value // => ["CICA", "CIS", "ECO", "OIC", "OSCE", "OTS", "SCO"]
 */
export function sharedMemberships(matrix: MembershipMatrix, a: string, b: string): Sourced<OrgId[]> {
  const ra = matrix.states.findIndex((s) => s === a);
  const rb = matrix.states.findIndex((s) => s === b);
  if (ra < 0 || rb < 0) return { value: [], sources: [] };
  const m = matrix.orgs.length;
  const shared: OrgId[] = [];
  const sources: (readonly SourceId[])[] = [];
  matrix.orgs.forEach((org, c) => {
    if (matrix.codes[ra * m + c] !== 0 && matrix.codes[rb * m + c] !== 0) {
      shared.push(org);
      for (const k of [matrix.spellOf[ra * m + c]!, matrix.spellOf[rb * m + c]!])
        sources.push(rowSources(matrix.index.spells[k]!.row));
    }
  });
  return { value: shared, sources: mergeSources(...sources) };
}

/** Overlap of every pair of states of a matrix. */
export interface OverlapMatrix {
  readonly date: string;
  readonly states: readonly Iso3[];
  /** Number of organisations of each state. */
  readonly sizes: Uint32Array;
  /** Row-major `n × n`: organisations shared by states i and j (the diagonal holds each state's size). */
  readonly shared: Uint32Array;
  /** Row-major `n × n` Jaccard indices; `NaN` where both states have no organisation. */
  readonly jaccard: Float64Array;
  /** Sources of every non-empty cell of the matrix the overlap was computed from. */
  readonly sources: readonly SourceId[];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Shared counts and Jaccard indices of every pair of states, on bitsets of the matrix rows (fast enough for
 * hundreds of states and organisations).
 * Missing values: the Jaccard index of two states with no organisation is `NaN` (0 / 0); shared counts are 0.
 * @example
 * // AZE in {CICA, OTS, SCO}, KAZ in {CICA, CIS, OTS, SCO}: shared 3, J = 3 / 4
 * const m = membershipMatrix(membershipIndex([
 *   { state: "AZE", org: "CICA", status: "member", since: "2000", sources: ["a"] },
 *   { state: "AZE", org: "OTS", status: "member", since: "2000", sources: ["a"] },
 *   { state: "AZE", org: "SCO", status: "dialogue_partner", since: "2015", sources: ["a"] },
 *   { state: "KAZ", org: "CICA", status: "member", since: "2000", sources: ["b"] },
 *   { state: "KAZ", org: "CIS", status: "member", since: "2000", sources: ["b"] },
 *   { state: "KAZ", org: "OTS", status: "member", since: "2000", sources: ["b"] },
 *   { state: "KAZ", org: "SCO", status: "member", since: "2001", sources: ["b"] },
 * ]), "2024");
 * overlapMatrix(m).jaccard[0 * 2 + 1] // => 0.75
 */
export function overlapMatrix(matrix: MembershipMatrix): OverlapMatrix {
  const n = matrix.states.length;
  const m = matrix.orgs.length;
  const words = Math.ceil(m / 32);
  const bits = new Uint32Array(n * words);
  const sizes = new Uint32Array(n);
  const spellSeen = new Set<number>();
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < m; c++) {
      if (matrix.codes[r * m + c] !== 0) {
        bits[r * words + (c >>> 5)]! |= 1 << (c & 31);
        sizes[r]!++;
        spellSeen.add(matrix.spellOf[r * m + c]!);
      }
    }
  }
  const shared = new Uint32Array(n * n);
  const jac = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    shared[i * n + i] = sizes[i]!;
    jac[i * n + i] = sizes[i]! === 0 ? NaN : 1;
    for (let j = i + 1; j < n; j++) {
      let inter = 0;
      for (let w = 0; w < words; w++) inter += popcount(bits[i * words + w]! & bits[j * words + w]!);
      const union = sizes[i]! + sizes[j]! - inter;
      const v = union === 0 ? NaN : inter / union;
      shared[i * n + j] = shared[j * n + i] = inter;
      jac[i * n + j] = jac[j * n + i] = v;
    }
  }
  const sources = mergeSources(
    ...[...spellSeen].sort((a, b) => a - b).map((k) => rowSources(matrix.index.spells[k]!.row)),
  );
  return { date: matrix.date, states: matrix.states, sizes, shared, jaccard: jac, sources };
}

/** One pair of states with their overlap, for tables. */
export interface OverlapPair {
  readonly a: Iso3;
  readonly b: Iso3;
  readonly shared: readonly OrgId[];
  readonly jaccard: number | undefined;
  readonly sources: readonly SourceId[];
}

/**
 * Every pair of distinct states with their shared organisations and Jaccard index, sorted by Jaccard (highest
 * first, undefined last), then by names. `focus` keeps only pairs that include that state.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * overlapPairs(matrix, { focus: "AZE" }).find((p) => p.b === "KAZ")?.jaccard // => 0.4666… (7 shared of 15)
 */
export function overlapPairs(matrix: MembershipMatrix, opts: { readonly focus?: string } = {}): OverlapPair[] {
  const out: OverlapPair[] = [];
  const { states } = matrix;
  for (let i = 0; i < states.length; i++) {
    for (let j = i + 1; j < states.length; j++) {
      const a = states[i]!;
      const b = states[j]!;
      if (opts.focus && a !== opts.focus && b !== opts.focus) continue;
      const [x, y] = opts.focus && b === opts.focus ? [b, a] : [a, b];
      const s = sharedMemberships(matrix, x, y);
      out.push({
        a: x,
        b: y,
        shared: s.value,
        jaccard: jaccard(orgsOf(matrix, x), orgsOf(matrix, y)),
        sources: s.sources,
      });
    }
  }
  return out.sort((p, q) => (q.jaccard ?? -1) - (p.jaccard ?? -1) || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}
