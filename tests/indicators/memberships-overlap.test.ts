// The optimised as-of matrix and overlap (typed-array tables of spells sorted by start; sparse or bitset products;
// sources merged on first read) against naive references: spellAt / statusAt per cell, and set-based Jaccard via
// jaccard(), on random worlds with overlapping rows of one pair and partial dates.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  jaccard,
  matrixStatus,
  MEMBERSHIP_STATUSES,
  membershipIndex,
  membershipMatrix,
  orgsOf,
  overlapMatrix,
  spellAt,
  statusAt,
  type MembershipIndex,
  type MembershipInput,
  type MembershipMatrix,
  type MembershipStatus,
} from "../../lib/indicators";
import { mergeSources, orgId, sourceId, type SourceId } from "../../lib/core/types";
import { queryDay } from "../../lib/core/period";
import { partialDateArb } from "../helpers/arbitraries";

const STATES = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"];
/** 40 organisations: bitsets of two words. */
const ORGS = Array.from({ length: 40 }, (_, i) => `O${String(i).padStart(2, "0")}`);

const dateArb = partialDateArb;

const sourcesArb = fc.array(fc.constantFrom("s-a", "s-b", "s-c", "s-d", "s-e"), { minLength: 1, maxLength: 3 });

/** A row; few states and organisations in `pairs` mode, so that rows of one pair often overlap. */
const rowArb = (states: readonly string[], orgs: readonly string[]) =>
  fc
    .record({
      state: fc.constantFrom(...states),
      org: fc.constantFrom(...orgs),
      status: fc.constantFrom(...MEMBERSHIP_STATUSES),
      since: dateArb,
      until: fc.option(dateArb, { nil: undefined }),
      sources: sourcesArb,
    })
    .filter((r) => r.until === undefined || r.until >= r.since)
    .map((r) => ({ ...r, sources: r.sources.map(sourceId) }) as MembershipInput);

/**
 * Worlds of three kinds: few pairs with many overlapping rows; sparse rows over all 6 × 40 pairs; and a dense world
 * (a standing tie for most pairs, plus random rows on top), whose overlap takes the bitset product.
 */
const worldArb = fc.oneof(
  fc.array(rowArb(STATES.slice(0, 3), ORGS.slice(0, 3)), { maxLength: 25 }),
  fc.array(rowArb(STATES, ORGS), { maxLength: 60 }),
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: STATES.length * ORGS.length, maxLength: STATES.length * ORGS.length }),
      fc.array(rowArb(STATES, ORGS), { maxLength: 30 }),
    )
    .map(([holds, extra]) => [
      ...holds.flatMap((h, i): MembershipInput[] =>
        h || i % 3 !== 0
          ? [
              {
                state: STATES[Math.floor(i / ORGS.length)]!,
                org: ORGS[i % ORGS.length]!,
                status: "member",
                since: "1991",
                sources: [sourceId(`s-${i % 7}`)],
              },
            ]
          : [],
      ),
      ...extra,
    ]),
);

const statusesArb = fc.subarray([...MEMBERSHIP_STATUSES]);

/** The first day of a date, as a full date. */
const firstDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

/**
 * A world and a query date: random, or (half the time) a date of its rows or the first day of one, so that queries
 * fall on the days where a row starts or ends.
 */
const worldAndDateArb = worldArb.chain((rows) => {
  const days = rows.flatMap((r) => [r.since, ...(r.until ? [r.until] : [])]).flatMap((d) => [d, firstDay(d)]);
  return fc.tuple(fc.constant(rows), days.length > 0 ? fc.oneof(dateArb, fc.constantFrom(...days)) : dateArb);
});

/** The cell of a pair by the naive route: the spell statusAt reads, if it is in force and its status is kept. */
function referenceCell(
  ix: MembershipIndex,
  state: string,
  org: string,
  date: string,
  statuses: readonly MembershipStatus[],
): { code: number; spell: number } {
  const spell = spellAt(ix, state, org, queryDay(date));
  if (!spell || !statuses.includes(spell.row.status)) return { code: 0, spell: -1 };
  return { code: MEMBERSHIP_STATUSES.indexOf(spell.row.status) + 1, spell: ix.spells.indexOf(spell) };
}

function expectMatrixMatchesReference(
  ix: MembershipIndex,
  m: MembershipMatrix,
  date: string,
  statuses: readonly MembershipStatus[],
): void {
  const width = m.orgs.length;
  m.states.forEach((state, r) => {
    m.orgs.forEach((org, c) => {
      // A name given twice: only its last row or column holds cells, as positions map names to their last place.
      const live = m.states.lastIndexOf(state) === r && m.orgs.lastIndexOf(org) === c && ix.states.includes(state);
      const ref = live ? referenceCell(ix, state, org, date, statuses) : { code: 0, spell: -1 };
      expect([m.codes[r * width + c], m.spellOf[r * width + c]]).toEqual([ref.code, ref.spell]);
    });
  });
}

/** The overlap by sets: jaccard() of each pair's organisations, and the sources of the distinct spells in order. */
function expectOverlapMatchesReference(m: MembershipMatrix): void {
  const ov = overlapMatrix(m);
  const n = m.states.length;
  const sets = m.states.map((_, r) => new Set(m.orgs.filter((_o, c) => m.codes[r * m.orgs.length + c] !== 0)));
  for (let i = 0; i < n; i++) {
    expect(ov.sizes[i]).toBe(sets[i]!.size);
    for (let j = 0; j < n; j++) {
      const inter = [...sets[i]!].filter((o) => sets[j]!.has(o)).length;
      expect(ov.shared[i * n + j]).toBe(i === j ? sets[i]!.size : inter);
      expect(ov.jaccard[i * n + j]).toBe(jaccard(sets[i]!, sets[j]!) ?? NaN);
    }
  }
  const spells = [...new Set([...m.spellOf].filter((k, cell) => k >= 0 && m.codes[cell] !== 0))].sort((a, b) => a - b);
  expect(ov.sources).toEqual(mergeSources(...spells.map((k) => m.index.spells[k]!.row.sources.map(sourceId))));
}

describe("membershipMatrix() and overlapMatrix() against naive references", () => {
  it("cells equal spellAt / statusAt per pair, with overlapping rows of one pair and partial dates (property)", () => {
    fc.assert(
      fc.property(worldAndDateArb, dateArb, statusesArb, ([rows, query], founded, statuses) => {
        const ix = membershipIndex(rows, [{ id: orgId("O01"), founded }]);
        const m = membershipMatrix(ix, query, { statuses });
        expectMatrixMatchesReference(ix, m, query, statuses);
        for (const s of m.states) {
          for (const o of m.orgs) {
            const at = statusAt(ix, s, o, query);
            expect(matrixStatus(m, s, o)).toBe(
              at.status !== "none" && statuses.includes(at.status) ? at.status : undefined,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a matrix of other states and organisations (reordered, repeated, unknown) maps the same cells (property)", () => {
    const namesArb = (pool: readonly string[]) =>
      fc.array(fc.constantFrom(...pool, "ZZZ"), { maxLength: pool.length + 2 });
    fc.assert(
      fc.property(
        worldAndDateArb,
        statusesArb,
        namesArb(STATES),
        namesArb(ORGS),
        ([rows, query], statuses, states, orgs) => {
          const ix = membershipIndex(rows);
          const m = membershipMatrix(ix, query, { statuses, states, orgs });
          expectMatrixMatchesReference(ix, m, query, statuses);
          expectOverlapMatchesReference(m);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("shared counts, Jaccard indices and sources equal the set-based ones (property)", () => {
    fc.assert(
      fc.property(worldAndDateArb, statusesArb, ([rows, query], statuses) => {
        expectOverlapMatchesReference(membershipMatrix(membershipIndex(rows), query, { statuses }));
      }),
      { numRuns: 300 },
    );
  });

  it("takes both products: a sparse world and a dense one, by hand", () => {
    const row = (state: string, org: string, source = "s-x"): MembershipInput => ({
      state,
      org,
      status: "member",
      since: "2000",
      sources: [sourceId(source)],
    });
    // Sparse: 3 pairs within columns against 15 pairs × 2 words × 4. Dense: 40 × 15 pairs within columns.
    const sparse = membershipMatrix(
      membershipIndex([row("AAA", "O00"), row("BBB", "O00"), row("CCC", "O39"), row("DDD", "O39")], [], STATES),
      "2024",
    );
    expectOverlapMatchesReference(sparse);
    expect(overlapMatrix(sparse).shared[0 * 6 + 1]).toBe(1);
    const dense = membershipMatrix(
      membershipIndex(STATES.flatMap((s) => ORGS.map((o) => row(s, o, `s-${o.toLowerCase()}`)))),
      "2024",
    );
    expectOverlapMatchesReference(dense);
    expect(overlapMatrix(dense).jaccard[2 * 6 + 5]).toBe(1);
    expect(orgsOf(dense, "AAA")).toHaveLength(40);
  });

  it("sources: as the matrix was when the overlap was computed; a malformed id throws when they are read", () => {
    const rows: MembershipInput[] = [
      { state: "AAA", org: "X", status: "member", since: "2000", sources: [sourceId("s-1"), sourceId("s-2")] },
      { state: "BBB", org: "X", status: "member", since: "2000", sources: [sourceId("s-2"), sourceId("s-3")] },
    ];
    const m = membershipMatrix(membershipIndex(rows), "2024");
    const ov = overlapMatrix(m);
    m.codes.fill(0);
    expect(ov.sources).toEqual(["s-1", "s-2", "s-3"]);
    expect(ov.sources).toBe(ov.sources); // merged once
    const bad = overlapMatrix(
      membershipMatrix(
        membershipIndex([
          { state: "AAA", org: "X", status: "member", since: "2000", sources: ["Not An Id" as SourceId] },
        ]),
        "2024",
      ),
    );
    expect(bad.jaccard[0]).toBe(1);
    expect(() => bad.sources).toThrow(RangeError);
  });
});
