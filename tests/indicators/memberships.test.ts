import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accessionTimeline,
  ANY_TIE,
  FULL_MEMBERSHIP,
  jaccard,
  matrixCellSources,
  matrixStatus,
  matrixTable,
  MEMBERSHIP_STATUSES,
  membershipIndex,
  membershipMatrix,
  networkCentrality,
  orgsOf,
  overlapMatrix,
  overlapPairs,
  sharedMemberships,
  stateOrgNetwork,
  stateStateNetwork,
  statusAt,
  type MembershipInput,
  type MembershipStatus,
} from "../../lib/indicators";
import { orgId, sourceId } from "../../lib/core/types";
import { realData } from "./real-data";
import { partialDateArb } from "../helpers/arbitraries";

const pkg = realData();
const index = membershipIndex(
  pkg.memberships,
  pkg.organizations,
  pkg.states.map((s) => s.iso3),
);

describe("statusAt() on the real data", () => {
  it("AZE became an SCO dialogue partner on 2015-07-10 and an SCO partner on 2025-09-01", () => {
    expect(statusAt(index, "AZE", "SCO", "2015-07-10")).toMatchObject({
      status: "dialogue_partner",
      reason: "status",
      since: "2015-07-10",
      uncertain: false,
    });
    expect(statusAt(index, "AZE", "SCO", "2015-07-09")).toMatchObject({ status: "none", reason: "not_yet" });
    // until is exclusive: the dialogue-partner row ends on 2025-09-01, when the partner row begins
    expect(statusAt(index, "AZE", "SCO", "2025-08-31").status).toBe("dialogue_partner");
    expect(statusAt(index, "AZE", "SCO", "2025-09-01").status).toBe("partner");
    expect(statusAt(index, "AZE", "SCO", "2015-07-10").sources).toEqual(
      pkg.memberships.find((m) => m.state === "AZE" && m.org === "SCO" && m.since === "2015-07-10")!.sources,
    );
  });
  it("a membership that ended: AZE in the CSTO (member 1993-09-24 → former 1999-04-02)", () => {
    // the rows date from the 1992 Collective Security Treaty; the CSTO itself was founded on 2002-10-07
    expect(statusAt(index, "AZE", "CSTO", "1998-12-31")).toMatchObject({ status: "member", beforeFounded: true });
    expect(statusAt(index, "AZE", "CSTO", "1999-04-02").status).toBe("former");
    expect(statusAt(index, "AZE", "CSTO", "2003").beforeFounded).toBeUndefined();
    // Russia in the Council of Europe: member → suspended 2022-02-25 → former 2022-03-16
    expect(statusAt(index, "RUS", "COE", "2022-03-01").status).toBe("suspended");
    expect(statusAt(index, "RUS", "COE", "2022-03-16").status).toBe("former");
  });
  it("a date before an organisation existed (no row in force): OTS founded 2009-10-03, EAEU 2015-01-01", () => {
    expect(statusAt(index, "AZE", "OTS", "2009-10-02")).toMatchObject({ status: "none", reason: "not_founded" });
    expect(statusAt(index, "AZE", "OTS", "2009-10-03").status).toBe("founding_member");
    expect(statusAt(index, "KAZ", "EAEU", "2014")).toMatchObject({ status: "none", reason: "not_founded" });
  });
  it("partial dates: Hungary an OTS observer since 2018-09", () => {
    expect(statusAt(index, "HUN", "OTS", "2018-08-31").status).toBe("none");
    expect(statusAt(index, "HUN", "OTS", "2018-09-15")).toMatchObject({ status: "observer", uncertain: true }); // inside September
    expect(statusAt(index, "HUN", "OTS", "2018-09")).toMatchObject({ status: "observer", uncertain: false }); // = 2018-09-30
    expect(statusAt(index, "HUN", "OTS", "2018")).toMatchObject({ status: "observer", uncertain: false }); // = 2018-12-31
  });
  it("since_bound = by: Indonesia documented as a CICA observer on 2006-06-12, start unknown", () => {
    expect(statusAt(index, "IDN", "CICA", "2006-06-12")).toMatchObject({ status: "observer", sinceBound: "by" });
    expect(statusAt(index, "IDN", "CICA", "2005")).toMatchObject({
      status: "none",
      reason: "not_yet",
      uncertain: true,
    });
  });
  it("no row at all", () => {
    expect(statusAt(index, "CHN", "OTS", "2024")).toMatchObject({ status: "none", reason: "no_record", sources: [] });
  });
  it("a status that ended with no successor row", () => {
    const ix = membershipIndex([
      { state: "AAA", org: "X", status: "member", since: "2000", until: "2010-06", sources: [sourceId("s")] },
    ]);
    expect(statusAt(ix, "AAA", "X", "2010-05-31").status).toBe("member");
    expect(statusAt(ix, "AAA", "X", "2010-06-01")).toMatchObject({ status: "none", reason: "ended", uncertain: true }); // ended in June 2010
    expect(statusAt(ix, "AAA", "X", "2011")).toMatchObject({
      status: "none",
      reason: "ended",
      uncertain: false,
      sources: ["s"],
    });
  });
});

describe("membershipMatrix()", () => {
  it("CICA has 28 full members and the SCO 10 on 2024-11-30, by hand", () => {
    const m = membershipMatrix(index, "2024-11-30", { statuses: FULL_MEMBERSHIP });
    const members = (org: string) => m.states.filter((s) => matrixStatus(m, s, org) !== undefined);
    // CICA: AZE (1999) + 15 founding members of 2002 + THA KOR JOR ARE IRQ VNM BHR KHM BGD QAT LKA KWT = 28
    expect(members("CICA")).toHaveLength(28);
    // SCO: CHN KAZ KGZ RUS TJK UZB (2001) + IND PAK (2017) + IRN (2023) + BLR (2024-07-04) = 10
    expect(members("SCO").sort()).toEqual(["BLR", "CHN", "IND", "IRN", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]);
    expect(matrixStatus(m, "AZE", "SCO")).toBeUndefined(); // a dialogue partner is filtered out
    expect(matrixStatus(membershipMatrix(index, "2024-11-30"), "AZE", "SCO")).toBe("dialogue_partner"); // default ANY_TIE
  });
  it("cells carry their row's sources, and the table lists them per state", () => {
    const m = membershipMatrix(index, "2024-11-30");
    const row = pkg.memberships.find((r) => r.state === "AZE" && r.org === "OTS")!;
    expect(matrixCellSources(m, "AZE", "OTS")).toEqual(row.sources);
    const aze = matrixTable(m).find((r) => r.state === "AZE")!;
    expect(aze.cells.OTS).toBe("founding_member");
    expect(aze.cells.CSTO).toBe(""); // former: not a standing tie
    expect(aze.sources).toEqual(expect.arrayContaining(row.sources));
  });
  it("is empty before an organisation existed and for a date before all data", () => {
    const m = membershipMatrix(index, "1900-01-01");
    expect(m.codes.every((c) => c === 0)).toBe(true);
  });
  it("the as-of matrix equals row-by-row statusAt lookups on the real data (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1985, max: 2026 }),
        fc.integer({ min: 1, max: 12 }),
        fc.subarray([...MEMBERSHIP_STATUSES], { minLength: 1 }),
        (year, month, statuses) => {
          const date = `${year}-${String(month).padStart(2, "0")}`;
          const m = membershipMatrix(index, date, { statuses });
          for (const s of m.states) {
            for (const o of m.orgs) {
              const at = statusAt(index, s, o, date);
              const want = at.status !== "none" && statuses.includes(at.status) ? at.status : undefined;
              if (matrixStatus(m, s, o) !== want) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });
  it("the as-of matrix equals row-by-row lookups on random memberships with partial dates and chains (property)", () => {
    const dateArb = partialDateArb;
    const rowArb = fc.record({
      state: fc.constantFrom("AAA", "BBB", "CCC"),
      org: fc.constantFrom("X", "Y", "Z"),
      status: fc.constantFrom(...MEMBERSHIP_STATUSES),
      since: dateArb,
      until: fc.option(dateArb, { nil: undefined }),
      sources: fc.constant([sourceId("s")]),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), dateArb, dateArb, (rows, founded, query) => {
        const ok = rows.filter((r) => r.until === undefined || r.until >= r.since) as MembershipInput[];
        const ix = membershipIndex(ok, [{ id: orgId("Y"), founded }]);
        const m = membershipMatrix(ix, query, { statuses: ANY_TIE });
        return m.states.every((s) =>
          m.orgs.every((o) => {
            const at = statusAt(ix, s, o, query);
            return (
              matrixStatus(m, s, o) === (at.status !== "none" && ANY_TIE.includes(at.status) ? at.status : undefined)
            );
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("overlap", () => {
  it("jaccard() by hand, and undefined for two empty sets", () => {
    expect(jaccard(["SCO", "CICA", "OTS"], ["CICA", "OTS", "CIS"])).toBe(0.5); // 2 shared of 4
    expect(jaccard([], [])).toBeUndefined();
    expect(jaccard(["A"], [])).toBe(0);
  });
  it("is in [0, 1], symmetric, and 1 for a set with itself (property)", () => {
    const set = fc.uniqueArray(fc.constantFrom("A", "B", "C", "D", "E", "F"), { maxLength: 6 });
    fc.assert(
      fc.property(set, set, (a, b) => {
        const j = jaccard(a, b);
        if (a.length === 0 && b.length === 0) return j === undefined;
        return j !== undefined && j >= 0 && j <= 1 && j === jaccard(b, a) && (a.length === 0 || jaccard(a, a) === 1);
      }),
    );
  });
  it("Azerbaijan and Kazakhstan on 2024-11-30 (any standing tie), by hand", () => {
    const m = membershipMatrix(index, "2024-11-30");
    // AZE: CICA CIS COE ECO GUAM NAM OIC OSCE OTS SCO BSEC = 11 (CSTO former and WTO applicant are not ties)
    // KAZ: CACM CICA CIS CSTO EAEU ECO NAM (observer by Jan 2024) OIC OSCE OTS SCO WTO = 12
    // shared: CICA CIS ECO NAM OIC OSCE OTS SCO = 8; union 11 + 12 − 8 = 15; J = 8 / 15 = 0.5333
    expect(orgsOf(m, "AZE").sort()).toEqual([
      "BSEC",
      "CICA",
      "CIS",
      "COE",
      "ECO",
      "GUAM",
      "NAM",
      "OIC",
      "OSCE",
      "OTS",
      "SCO",
    ]);
    expect(sharedMemberships(m, "AZE", "KAZ").value.sort()).toEqual([
      "CICA",
      "CIS",
      "ECO",
      "NAM",
      "OIC",
      "OSCE",
      "OTS",
      "SCO",
    ]);
    const ov = overlapMatrix(m);
    const i = ov.states.indexOf("AZE" as never);
    const j = ov.states.indexOf("KAZ" as never);
    const n = ov.states.length;
    expect(ov.shared[i * n + j]).toBe(8);
    expect(ov.jaccard[i * n + j]).toBeCloseTo(8 / 15, 12);
    expect(ov.jaccard[j * n + i]).toBe(ov.jaccard[i * n + j]);
    const pairs = overlapPairs(m, { focus: "AZE" });
    expect(pairs.every((p) => p.a === "AZE")).toBe(true);
    expect(pairs.find((p) => p.b === "KAZ")?.jaccard).toBeCloseTo(8 / 15, 12);
    expect(pairs.find((p) => p.b === "KAZ")?.sources.length).toBeGreaterThan(0);
  });
  it("the overlap matrix agrees with jaccard() on every pair, in [0, 1] and symmetric (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1992, max: 2026 }), (year) => {
        const m = membershipMatrix(index, String(year));
        const ov = overlapMatrix(m);
        const n = ov.states.length;
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) {
            const want = jaccard(orgsOf(m, ov.states[a]!), orgsOf(m, ov.states[b]!));
            const got = ov.jaccard[a * n + b]!;
            if (want === undefined ? !Number.isNaN(got) : Math.abs(got - want) > 1e-12 || got < 0 || got > 1)
              return false;
            if (!(Number.isNaN(got) && Number.isNaN(ov.jaccard[b * n + a]!)) && got !== ov.jaccard[b * n + a])
              return false;
          }
        }
        return true;
      }),
      { numRuns: 20 },
    );
  });
});

describe("networks and centrality", () => {
  // A in {X, Y}, B in {Y, Z}, C in {Z}: the state–state network is the path A – B – C
  const rows: MembershipInput[] = [
    { state: "AAA", org: "X", status: "member", since: "2000", sources: [sourceId("a")] },
    { state: "AAA", org: "Y", status: "member", since: "2000", sources: [sourceId("b")] },
    { state: "BBB", org: "Y", status: "observer", since: "2000", sources: [sourceId("c")] },
    { state: "BBB", org: "Z", status: "member", since: "2000", sources: [sourceId("d")] },
    { state: "CCC", org: "Z", status: "member", since: "2000", sources: [sourceId("e")] },
  ];
  const m = membershipMatrix(membershipIndex(rows), "2024");

  it("state–state network: path A – B – C, by hand", () => {
    const g = stateStateNetwork(m);
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute("AAA", "BBB", "weight")).toBe(1);
    expect(g.getEdgeAttribute("AAA", "BBB", "sources")).toEqual(["b", "c"]);
    const c = networkCentrality(g);
    // B lies on the only shortest path A–C: betweenness 1 raw; normalised by (n − 1)(n − 2) / 2 = 1 → 1. A and C: 0.
    // degree: B 2, A 1, C 1; degree centrality = degree / (n − 1) → 1, 0.5, 0.5
    expect(c.map((r) => [r.id, r.degree, r.degreeCentrality, r.betweenness])).toEqual([
      ["BBB", 2, 1, 1],
      ["AAA", 1, 0.5, 0],
      ["CCC", 1, 0.5, 0],
    ]);
    expect(c[0]!.sources).toEqual(["b", "c", "d", "e"]);
  });
  it("state–organisation network: bipartite, one edge per tie, with its status", () => {
    const g = stateOrgNetwork(m);
    expect(g.order).toBe(6); // 3 states + 3 organisations
    expect(g.size).toBe(5);
    expect(g.getEdgeAttribute("state:BBB", "org:Y", "status")).toBe("observer");
    // the graph is the path X – A – Y – B – Z – C. Raw betweenness of Y: pairs with one end in {X, A} and the other
    // in {B, Z, C} → 2 × 3 = 6; of B: {X, A, Y} × {Z, C} → 6; normalised by (n − 1)(n − 2) / 2 = 10 → 0.6 each
    const c = networkCentrality(g);
    expect(
      c
        .slice(0, 2)
        .map((r) => r.node)
        .sort(),
    ).toEqual(["org:Y", "state:BBB"]);
    expect(c.find((r) => r.node === "state:BBB")!.betweenness).toBeCloseTo(0.6, 12);
    expect(c.find((r) => r.node === "org:Y")!.betweenness).toBeCloseTo(0.6, 12);
  });
  it("isolated states get zeros; minShared drops weak ties", () => {
    const g = stateStateNetwork(m, { minShared: 2 });
    expect(g.size).toBe(0);
    expect(networkCentrality(g).every((r) => r.degree === 0 && r.betweenness === 0)).toBe(true);
  });
  it("real network 2024: Kazakhstan shares 8 organisations with Azerbaijan", () => {
    const g = stateStateNetwork(membershipMatrix(index, "2024-11-30"));
    expect(g.getEdgeAttribute("AZE", "KAZ", "weight")).toBe(8);
    const c = networkCentrality(g, { weighted: true });
    expect(c.every((r) => r.betweenness >= 0 && r.betweenness <= 1)).toBe(true);
  });
});

describe("accessionTimeline()", () => {
  it("Uzbekistan in the CSTO: joined, left, rejoined, suspended (real data)", () => {
    const t = accessionTimeline(pkg.memberships, { state: "UZB", org: "CSTO" });
    expect(t.map((e) => [e.date, e.change, e.status, e.previous ?? null])).toEqual([
      ["1992-05-15", "joined", "founding_member", null],
      ["1999-04-02", "changed", "former", "founding_member"],
      ["2006-06-23", "changed", "member", "former"],
      ["2012-12-19", "changed", "suspended", "member"],
    ]);
  });
  it("a status that ends with no successor gives a left entry; filters keep the order", () => {
    const rows: MembershipInput[] = [
      { state: "AAA", org: "X", status: "observer", since: "2005", until: "2010-05", sources: [sourceId("a")] },
      { state: "AAA", org: "X", status: "member", since: "2010-05", until: "2020-01-01", sources: [sourceId("b")] },
      { state: "BBB", org: "X", status: "member", since: "2001-03-04", sources: [sourceId("c")] },
    ];
    const t = accessionTimeline(rows);
    expect(t.map((e) => `${e.date} ${e.state} ${e.change} ${e.status}`)).toEqual([
      "2001-03-04 BBB joined member",
      "2005 AAA joined observer",
      "2010-05 AAA changed member",
      "2020-01-01 AAA left none",
    ]);
    expect(t[1]!.precision).toBe("year");
    const full = accessionTimeline(rows, { statuses: ["member"] as MembershipStatus[] });
    expect(full.map((e) => `${e.date} ${e.change}`)).toEqual([
      "2001-03-04 joined",
      "2010-05 changed",
      "2020-01-01 left",
    ]);
    expect(accessionTimeline([])).toEqual([]);
  });
});
