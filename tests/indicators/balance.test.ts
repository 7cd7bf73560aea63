import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALL_SPHERES,
  BALANCE_SPHERES,
  balanceByYear,
  EQUAL_STATUS_WEIGHTS,
  membershipIndex,
  multiVectorBalance,
  normalisedEntropy,
  shannonEntropy,
  type MembershipInput,
} from "../../lib/indicators";
import { sourceId } from "../../lib/core/types";
import { realData } from "./real-data";

describe("shannonEntropy() and normalisedEntropy()", () => {
  it("by hand", () => {
    expect(shannonEntropy([1, 1])).toBeCloseTo(Math.log(2), 12);
    expect(shannonEntropy([5])).toBe(0);
    expect(shannonEntropy([2, 0, 2])).toBeCloseTo(Math.log(2), 12); // zeros contribute nothing
    expect(normalisedEntropy([1, 1, 0, 0])).toBeCloseTo(0.5, 12); // ln 2 / ln 4
    expect(normalisedEntropy([1, 1, 1])).toBeCloseTo(1, 12);
  });
  it("has no answer for empty or all-zero weights or k < 2, and refuses negative weights", () => {
    expect(shannonEntropy([])).toBeUndefined();
    expect(shannonEntropy([0, 0])).toBeUndefined();
    expect(normalisedEntropy([3])).toBeUndefined(); // k = 1
    expect(() => shannonEntropy([1, -1])).toThrow(RangeError);
    expect(() => normalisedEntropy([1, 1, 1], 2)).toThrow(RangeError);
  });
  it("normalised entropy lies in [0, 1] (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 12 }), (w) => {
        const e = normalisedEntropy(w);
        return e === undefined ? w.every((x) => x === 0) : e >= 0 && e <= 1;
      }),
    );
  });
});

describe("multiVectorBalance()", () => {
  const pkg = realData();
  const index = membershipIndex(pkg.memberships, pkg.organizations);

  it("the worked example of lib/indicators/balance/README.md", () => {
    const rows: MembershipInput[] = [
      { state: "AZE", org: "OTS", status: "founding_member", since: "2009-10-03", sources: [sourceId("a")] },
      { state: "AZE", org: "CICA", status: "founding_member", since: "1999-09-14", sources: [sourceId("b")] },
      { state: "AZE", org: "SCO", status: "dialogue_partner", since: "2015-07-10", sources: [sourceId("c")] },
    ];
    const orgs = pkg.organizations.filter((o) => ["OTS", "CICA", "SCO"].includes(o.id));
    const b = multiVectorBalance(membershipIndex(rows), orgs, "AZE", "2024-12-31");
    // weights 1 (turkic), 1 (asian_dialogue), 0.25 (china_led); Σ = 2.25; H = 0.964963; k = 8 → 0.964963 / ln 8 = 0.464049
    expect(b.total).toBe(2.25);
    expect(b.entropy).toBeCloseTo(0.964963, 6);
    expect(b.index).toBeCloseTo(0.464049, 6);
    expect([...b.sources].sort()).toEqual(["a", "b", "c"]); // in the order of organizations.csv
    // Pielou's evenness over the 3 spheres present: 0.964963 / ln 3 = 0.878347
    expect(multiVectorBalance(membershipIndex(rows), orgs, "AZE", "2024-12-31", { k: "present" }).index).toBeCloseTo(
      0.878347,
      6,
    );
  });

  it("Azerbaijan on 2024-11-30 from the real data, by hand", () => {
    const b = multiVectorBalance(index, pkg.organizations, "AZE", "2024-11-30");
    // euro_atlantic 3 (GUAM, OSCE, COE); russia_led 1 (CIS; CSTO former = 0); china_led 0.25 (SCO dialogue partner);
    // turkic 1 (OTS); islamic 2 (ECO, OIC); asian_dialogue 1 (CICA; CACM only from 2025-11-16); non_aligned 1 (NAM);
    // black_sea 1 (BSEC). WTO applicant = 0. Σ = 10.25; H = 1.904296; index = 1.904296 / ln 8 = 0.915773
    expect(b.weights).toEqual({
      euro_atlantic: 3,
      russia_led: 1,
      china_led: 0.25,
      turkic: 1,
      islamic: 2,
      asian_dialogue: 1,
      non_aligned: 1,
      black_sea: 1,
    });
    expect(b.shares.euro_atlantic).toBeCloseTo(3 / 10.25, 12);
    expect(b.entropy).toBeCloseTo(1.904296, 6);
    expect(b.index).toBeCloseTo(0.915773, 6);
    expect(b.k).toBe(8);
    expect(b.ties).toHaveLength(11);
    expect(b.sources.length).toBeGreaterThan(10);
    // equal weights: china_led 1 → Σ = 11; H = 1.972247; index = 0.948450
    expect(
      multiVectorBalance(index, pkg.organizations, "AZE", "2024-11-30", { weights: EQUAL_STATUS_WEIGHTS }).index,
    ).toBeCloseTo(0.94845, 5);
    // all ten spheres (global and transport add nothing here): 1.904296 / ln 10 = 0.827025
    expect(
      multiVectorBalance(index, pkg.organizations, "AZE", "2024-11-30", { spheres: ALL_SPHERES }).index,
    ).toBeCloseTo(0.827025, 5);
  });

  it("Azerbaijan in 1995, with the Collective Security Treaty counted before the CSTO's founding, by hand", () => {
    const b = multiVectorBalance(index, pkg.organizations, "AZE", "1995");
    // russia_led 2 (CIS, CST), islamic 2 (ECO, OIC), black_sea 1 (BSEC), euro_atlantic 1 (OSCE); Σ = 6
    // H = 2 · (1/3) ln 3 + 2 · (1/6) ln 6 = 1.329661; index = 1.329661 / ln 8 = 0.639432
    expect(b.total).toBe(6);
    expect(b.index).toBeCloseTo(0.639432, 6);
  });

  it("one sphere gives 0 (or no index with k = present); no tie gives no index", () => {
    // USA: only a CICA observer (0.25, asian_dialogue)
    const usa = multiVectorBalance(index, pkg.organizations, "USA", "2024");
    expect(usa.index).toBe(0);
    expect(multiVectorBalance(index, pkg.organizations, "USA", "2024", { k: "present" }).index).toBeUndefined();
    const none = multiVectorBalance(index, pkg.organizations, "ZZZ", "2024");
    expect(none.total).toBe(0);
    expect(none.index).toBeUndefined();
    expect(none.shares).toEqual({});
    // a date before every organisation of the package
    expect(multiVectorBalance(index, pkg.organizations, "AZE", "1940").index).toBeUndefined();
  });

  it("BALANCE_SPHERES leaves out global and transport", () => {
    expect(BALANCE_SPHERES).not.toContain("global");
    expect(BALANCE_SPHERES).not.toContain("transport");
    expect(BALANCE_SPHERES).toHaveLength(8);
  });

  it("the index of every state in every year lies in [0, 1] (property on the real data)", () => {
    const states = [...new Set(pkg.memberships.map((m) => m.state))];
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.integer({ min: 1990, max: 2026 }),
        fc.constantFrom<"all" | "present">("all", "present"),
        (s, y, k) => {
          const b = multiVectorBalance(index, pkg.organizations, s, String(y), { k });
          const shareSum = Object.values(b.shares).reduce((a, v) => a + v, 0);
          return (
            (b.index === undefined || (b.index >= 0 && b.index <= 1)) &&
            (b.total === 0 || Math.abs(shareSum - 1) < 1e-12)
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("balanceByYear() gives one result a year end", () => {
    const series = balanceByYear(index, pkg.organizations, "AZE", 2023, 2026);
    expect(series.map((b) => b.date)).toEqual(["2023", "2024", "2025", "2026"]);
    // 2026: CACM full participant (asian_dialogue 2) and SCO partner (0.25): Σ = 11.25 → index 0.919362
    expect(series[3]!.index).toBeCloseTo(0.919362, 5);
  });
});
