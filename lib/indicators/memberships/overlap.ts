/**
 * Shared memberships and Jaccard overlap between states: `J(A, B) = |A ∩ B| / |A ∪ B|` over the sets of
 * organisations each state has a (filtered) status in, on the matrix's date.
 * Missing-value policy: the Jaccard index of two empty sets has no answer: `undefined` for the scalar, `NaN` in the
 * matrix.
 * @module
 */
import { ID_PATTERNS, mergeSources, type Iso3, type OrgId, type SourceId, type Sourced } from "../../core/types";
import type { MembershipMatrix } from "./matrix";
import type { MembershipInput, Spell } from "./status";
import { rowSources } from "../series/sources";

/**
 * Jaccard index of two sets (or lists, duplicates ignored), in [0, 1]; `undefined` when both are empty.
 * @example jaccard(["SCO", "CICA", "OTS"], ["CICA", "OTS", "CIS"]) // => 0.5 (2 shared of 4)
 * @example jaccard([], []) // => undefined
 * @category Memberships
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
 * @category Memberships
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
 * sharedMemberships(matrix, "AZE", "KAZ").value // => ["CICA", "CIS", "ECO", "NAM", "OIC", "OSCE", "OTS", "SCO"]
 * @category Memberships
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

/**
 * Overlap of every pair of states of a matrix.
 * @category Memberships
 */
export interface OverlapMatrix {
  readonly date: string;
  readonly states: readonly Iso3[];
  /** Number of organisations of each state. */
  readonly sizes: Uint32Array;
  /** Row-major `n × n`: organisations shared by states i and j (the diagonal holds each state's size). */
  readonly shared: Uint32Array;
  /** Row-major `n × n` Jaccard indices; `NaN` where both states have no organisation. */
  readonly jaccard: Float64Array;
  /**
   * Sources of every non-empty cell of the matrix the overlap was computed from (as the matrix was when the overlap
   * was computed). Merged on first read and kept; a source id not of the source-id form throws a `RangeError` then.
   */
  readonly sources: readonly SourceId[];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Relative cost of one word of the bitset product (two loads, an AND and a popcount) against one increment of the
 * sparse product; {@link overlapMatrix} takes the cheaper of the two, which give the same counts.
 */
const WORD_COST = 4;

/**
 * Shared counts and Jaccard indices of every pair of states (fast enough for hundreds of states and organisations,
 * and for thousands of cells). The shared counts are the product of the incidence matrix with its transpose, computed
 * either sparsely (each organisation adds one to every pair of its members) or on bitsets of the matrix rows (AND and
 * popcount), whichever costs less for the matrix at hand. `sources` is merged when first read.
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
 * @category Memberships
 */
export function overlapMatrix(matrix: MembershipMatrix): OverlapMatrix {
  const n = matrix.states.length;
  const m = matrix.orgs.length;
  // The non-empty cells in row-major order, each state's size and each organisation's members.
  const cells = nonEmptyCells(matrix.codes, n, m);
  const sizes = new Uint32Array(n);
  const colStart = new Int32Array(m + 1);
  const increments = countCells(cells, sizes, colStart);
  const words = Math.ceil(m / 32);
  const shared = new Uint32Array(n * n);
  if (increments <= ((n * (n - 1)) / 2) * words * WORD_COST) sparseProduct(cells, n, colStart, shared);
  else denseProduct(cells, n, words, sizes, shared);
  const jac = jaccardIndices(shared, sizes);
  // Sources are merged on first read (most callers never read them), from the spells behind the cells now.
  let spells: readonly Spell[] | undefined = matrix.index.spells;
  let behind: Int32Array | undefined = spellsBehind(spells, matrix.spellOf, cells);
  let sources: readonly SourceId[] | undefined;
  return {
    date: matrix.date,
    states: matrix.states,
    sizes,
    shared,
    jaccard: jac,
    get sources(): readonly SourceId[] {
      if (sources === undefined) {
        sources = cellSources(spells!, behind!);
        spells = behind = undefined;
      }
      return sources;
    },
  };
}

/**
 * The non-empty cells of a matrix, in row-major order: `count` of them, with their position in the matrix, row and
 * column. The arrays are reused from call to call (overlapMatrix calls nothing that could call it back), and are only
 * read up to `count`. The helpers of overlapMatrix are small functions of plain loops: V8 optimises each with full
 * type feedback (one long function was entered through on-stack replacement and deoptimised again at every call).
 */
interface Cells {
  count: number;
  cell: Int32Array;
  row: Int32Array;
  col: Int32Array;
  /** Scratch for {@link sparseProduct}: the members of each organisation, and each cell's place among them. */
  members: Int32Array;
  place: Int32Array;
}

const scratch: Cells = {
  count: 0,
  cell: new Int32Array(0),
  row: new Int32Array(0),
  col: new Int32Array(0),
  members: new Int32Array(0),
  place: new Int32Array(0),
};

/**
 * Finds the non-zero codes of an `n × m` matrix. Reads eight codes at a time where the codes are aligned for it,
 * since most cells of a membership matrix are empty.
 */
function nonEmptyCells(codes: Uint8Array, n: number, m: number): Cells {
  const len = n * m;
  let out = scratch.cell;
  let count = 0;
  let i = 0;
  if (codes.byteOffset % 4 === 0) {
    const quads = new Uint32Array(codes.buffer, codes.byteOffset, (len >>> 3) * 2);
    for (let w = 0; w < quads.length; w += 2) {
      if ((quads[w]! | quads[w + 1]!) === 0) continue;
      if (count + 8 > out.length) out = grownInt32(out, count + 8);
      for (let b = w * 4; b < w * 4 + 8; b++) if (codes[b] !== 0) out[count++] = b;
    }
    i = quads.length * 4;
  }
  for (; i < len; i++) {
    if (codes[i] === 0) continue;
    if (count === out.length) out = grownInt32(out, count + 1);
    out[count++] = i;
  }
  scratch.cell = out;
  if (scratch.row.length < count) {
    scratch.row = new Int32Array(out.length);
    scratch.col = new Int32Array(out.length);
    scratch.members = new Int32Array(out.length);
    scratch.place = new Int32Array(out.length);
  }
  const { row, col } = scratch;
  for (let t = 0; t < count; t++) {
    const r = (out[t]! / m) | 0;
    row[t] = r;
    col[t] = out[t]! - r * m;
  }
  scratch.count = count;
  return scratch;
}

/** A copy of `a` with room for at least `size` values (twice as many, or more). */
function grownInt32(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(Math.max(size, 2 * a.length, 1024));
  b.set(a);
  return b;
}

/**
 * Counts the cells of each row into `sizes` and makes `colStart` the start of each column's members (prefix sums of
 * their counts). Returns the number of increments of {@link sparseProduct}: the pairs within columns.
 */
function countCells(cells: Cells, sizes: Uint32Array, colStart: Int32Array): number {
  const { count, row, col } = cells;
  for (let t = 0; t < count; t++) {
    sizes[row[t]!]!++;
    colStart[col[t]! + 1]!++;
  }
  let cost = 0;
  for (let c = 1; c < colStart.length; c++) {
    const k = colStart[c]!;
    cost += (k * (k - 1)) / 2;
    colStart[c] = colStart[c - 1]! + k;
  }
  return cost;
}

/**
 * The upper triangle of the incidence matrix times its transpose, into `shared`: each organisation adds one to every
 * pair of its members.
 */
function sparseProduct(cells: Cells, n: number, colStart: Int32Array, shared: Uint32Array): void {
  const { count, row, col, members, place } = cells;
  const fill = colStart.slice(0, colStart.length - 1);
  for (let t = 0; t < count; t++) {
    const p = fill[col[t]!]!++;
    members[p] = row[t]!; // rows come in order, so each column's members are in state order
    place[t] = p;
  }
  for (let t = 0; t < count; t++) {
    const base = row[t]! * n;
    const stop = colStart[col[t]! + 1]!;
    for (let q = place[t]! + 1; q < stop; q++) shared[base + members[q]!]!++;
  }
}

/** The same as {@link sparseProduct}, on bitsets of the rows: AND and popcount over `words` words per pair i < j. */
function denseProduct(cells: Cells, n: number, words: number, sizes: Uint32Array, shared: Uint32Array): void {
  const { count, row, col } = cells;
  const bits = new Uint32Array(n * words);
  for (let t = 0; t < count; t++) bits[row[t]! * words + (col[t]! >>> 5)]! |= 1 << (col[t]! & 31);
  for (let i = 0; i < n; i++) {
    if (sizes[i] === 0) continue;
    for (let j = i + 1; j < n; j++) {
      let inter = 0;
      for (let w = 0; w < words; w++) inter += popcount(bits[i * words + w]! & bits[j * words + w]!);
      shared[i * n + j] = shared[j * n + i] = inter;
    }
  }
}

/**
 * Completes `shared` from its upper triangle (the diagonal gets the sizes, the lower triangle the mirror image) and
 * returns the Jaccard indices (`NaN` where the union is empty).
 */
function jaccardIndices(shared: Uint32Array, sizes: Uint32Array): Float64Array {
  const n = sizes.length;
  const jac = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const si = sizes[i]!;
    const base = i * n;
    shared[base + i] = si;
    jac[base + i] = si === 0 ? NaN : 1;
    for (let j = i + 1; j < n; j++) {
      const inter = shared[base + j]!;
      const union = si + sizes[j]! - inter;
      shared[j * n + i] = inter;
      jac[base + j] = jac[j * n + i] = union === 0 ? NaN : inter / union;
    }
  }
  return jac;
}

/**
 * Source ids of an index's spells, interned in one pass on first use: spell k's ids are `ids[flat[i]]` for
 * `start[k] ≤ i < start[k + 1]`. An id is checked, as {@link rowSources} checks a row's ids, the first time a spell
 * that has it is used (`valid`); a row whose `sources` is not an array is left to rowSources (`raw`). Spells are
 * read-only.
 */
interface SourceTable {
  readonly ids: SourceId[];
  readonly idOf: Map<string, number>;
  readonly start: Int32Array;
  flat: Int32Array;
  valid: Uint8Array;
  readonly raw: Uint8Array;
  /** Per id, the last call of {@link cellSources} that took it (its `generation`). */
  stamp: Int32Array;
  generation: number;
}

const sourceTables = new WeakMap<readonly Spell[], SourceTable>();

function sourceTable(spells: readonly Spell[]): SourceTable {
  const cached = sourceTables.get(spells);
  if (cached) return cached;
  const S = spells.length;
  const table: SourceTable = {
    ids: [],
    idOf: new Map(),
    start: new Int32Array(S + 1),
    flat: new Int32Array(Math.max(16, S)),
    valid: new Uint8Array(0),
    raw: new Uint8Array(S),
    stamp: new Int32Array(0),
    generation: 0,
  };
  let size = 0;
  for (let k = 0; k < S; k++) {
    table.start[k] = size;
    const list: unknown = spells[k]!.row.sources;
    if (!Array.isArray(list)) {
      table.raw[k] = 1;
      continue;
    }
    if (size + list.length > table.flat.length) table.flat = grownInt32(table.flat, size + list.length);
    for (const id of list as SourceId[]) table.flat[size++] = internId(table, id);
  }
  table.start[S] = size;
  sourceTables.set(spells, table);
  return table;
}

function internId(table: SourceTable, id: SourceId): number {
  let x = table.idOf.get(id);
  if (x === undefined) {
    x = table.ids.length;
    table.ids.push(id);
    table.idOf.set(id, x);
  }
  return x;
}

/**
 * The sources of the spells at the positions `behind` (repeats allowed): {@link mergeSources} of {@link rowSources}
 * over the distinct spells in ascending position (the order, values and errors of merging the rows' lists one by one).
 */
function cellSources(spells: readonly Spell[], behind: Int32Array): SourceId[] {
  const table = sourceTable(spells);
  const used = new Uint8Array(spells.length);
  for (let t = 0; t < behind.length; t++) used[behind[t]!] = 1;
  if (table.stamp.length < table.ids.length) {
    table.stamp = new Int32Array(table.ids.length);
    table.generation = 0;
  }
  if (table.valid.length < table.ids.length) {
    const valid = new Uint8Array(table.ids.length);
    valid.set(table.valid);
    table.valid = valid;
  }
  if (table.generation === 0x7fffffff) {
    table.stamp.fill(0);
    table.generation = 0;
  }
  const gen = ++table.generation; // an id is taken in this call once stamp[id] === gen
  const { ids, flat, start, raw } = table;
  let { valid, stamp } = table;
  const out: SourceId[] = [];
  for (let k = 0; k < used.length; k++) {
    if (used[k] === 0) continue;
    if (raw[k] === 1) {
      rawSources(table, spells[k]!.row, gen, out);
      ({ valid, stamp } = table); // grown if the row brought new ids
      continue;
    }
    for (let i = start[k]!, end = start[k + 1]!; i < end; i++) {
      const x = flat[i]!;
      if (valid[x] === 0) {
        if (ID_PATTERNS.SourceId.test(ids[x]!)) valid[x] = 1;
        else rowSources(spells[k]!.row); // throws, naming the first id of the row not of the form
      }
      if (stamp[x] !== gen) {
        stamp[x] = gen;
        out.push(ids[x]!);
      }
    }
  }
  return out;
}

/** The spell behind each of the cells (all positions in `spells`: anything else fails as looking its row up does). */
function spellsBehind(spells: readonly Spell[], spellOf: Int32Array, cells: Cells): Int32Array {
  const { cell, count } = cells;
  const out = new Int32Array(count);
  for (let t = 0; t < count; t++) {
    const k = spellOf[cell[t]!]!;
    if (!(k >= 0 && k < spells.length)) rowSources(spells[k]!.row); // throws a TypeError: no such spell
    out[t] = k;
  }
  return out;
}

/** A row whose `sources` is not an array: whatever rowSources makes of it, merged the slow way. */
function rawSources(table: SourceTable, row: MembershipInput, gen: number, out: SourceId[]): void {
  for (const id of rowSources(row)) {
    const x = internId(table, id);
    if (x >= table.stamp.length) {
      table.stamp = grownInt32(table.stamp, x + 1);
      const valid = new Uint8Array(table.stamp.length);
      valid.set(table.valid);
      table.valid = valid;
    }
    if (table.stamp[x] !== gen) {
      table.stamp[x] = gen;
      out.push(id);
    }
  }
}

/**
 * One pair of states with their overlap, for tables.
 * @category Memberships
 */
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
 * overlapPairs(matrix, { focus: "AZE" }).find((p) => p.b === "KAZ")?.jaccard // => 0.5333… (8 shared of 15)
 * @category Memberships
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
