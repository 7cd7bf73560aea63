/**
 * The tests added for issue 18, each on small fixtures worked out by hand: `change` (the latest full year in the
 * vintage against the year before, with a threshold), `growth` with `at_least`, `count` with `per_year`; and a claim
 * whose verdict differs between the data published by the article's date and all the data (transit-growing).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataPackage } from "../../lib/data";
import { packageKnownBy } from "../../lib/data/vintage";
import { checkChange, checkClaims, checkCount, checkGrowth, yearsOf } from "../../lib/indicators/claims";
import type { ChangeArgs } from "../../lib/indicators/claims/args";

const S = (id: string) => [id] as never;
const flow = (id: string, scope: string, year: number, metric: string, value: number, base = false) => ({
  id,
  scope,
  route: "titr",
  period_start: `${year}-01-01`,
  period_end: `${year}-12-31`,
  metric,
  value,
  status: "actual",
  ...(base ? { base_start: `${year - 1}-01-01`, base_end: `${year - 1}-12-31` } : {}),
  sources: S(`s-${id}`),
});
const data = (corridorFlows: unknown[], transit: unknown[] = []) => ({ corridorFlows, transit }) as never;

describe("checkChange()", () => {
  const args: ChangeArgs = {
    resource: "corridor_flows",
    where: { route: "titr" },
    metric: "cargo",
    as: "percent",
    min: 10,
  };
  it("derives the latest year's growth from two full years: 2.0 → 2.3 Mt is +15 % ≥ 10 → supported", () => {
    const r = checkChange(
      args,
      data([
        flow("a", "caspian_ports", 2022, "cargo", 2_000_000),
        flow("b", "caspian_ports", 2023, "cargo", 2_300_000),
      ]),
    );
    expect(r.verdict).toBe("supported");
    expect(r.evidence.map((e) => e.value)).toEqual([15]);
    expect(r.reason).toBe("caspian_ports, 2023 against 2022: +15 % (a marked change is at least 10 %)");
  });
  it("a rise below the threshold is partly supported; a fall is not supported", () => {
    // 2.0 → 2.1 Mt: +5 % (> 0, < 10); 2.0 → 1.8 Mt: −10 %
    expect(
      checkChange(args, data([flow("a", "x", 2022, "cargo", 2e6), flow("b", "x", 2023, "cargo", 2.1e6)])).verdict,
    ).toBe("partly_supported");
    expect(
      checkChange(args, data([flow("a", "x", 2022, "cargo", 2e6), flow("b", "x", 2023, "cargo", 1.8e6)])).verdict,
    ).toBe("not_supported");
  });
  it("prefers a published growth row for the year, and judges the latest year that has its predecessor", () => {
    // 2024 has a volume but no 2023 volume in scope y; scope x has 2023 on 2022 published (+86) → 2023 is judged;
    // the later lone 2024 volume of y cannot be compared
    const r = checkChange(
      { ...args, growth_metric: "cargo_growth" },
      data([
        flow("g", "x", 2023, "cargo_growth", 86, true),
        flow("v22", "x", 2022, "cargo", 1.5e6),
        flow("v23", "x", 2023, "cargo", 2.8e6),
        flow("v24", "y", 2024, "cargo", 9e6),
      ]),
    );
    expect(r.evidence.map((e) => [e.row, e.value])).toEqual([["g", 86]]);
    expect(r.verdict).toBe("supported");
  });
  it("points: a share 57 → 56.6 is −0.4 points, not the ≥ 1 point rise → not supported; a part-year row is ignored", () => {
    const shareRow = (id: string, year: number, v: number) => ({
      ...flow(id, "corridors_total", year, "share", v),
      route: undefined,
    });
    const r = checkChange(
      { resource: "transit", where: { scope: "corridors_total" }, metric: "share", as: "points", min: 1 },
      data(
        [],
        [
          shareRow("s23", 2023, 57),
          shareRow("s24", 2024, 56.6),
          { ...shareRow("s24p", 2024, 57), period_end: "2024-11-30" },
        ],
      ),
    );
    expect(r.evidence.map((e) => e.value)).toEqual([-0.4]);
    expect(r.verdict).toBe("not_supported");
    expect(r.reason).toContain("(a marked change is at least 1 point)");
  });
  it("no year with its predecessor → not checkable", () => {
    expect(checkChange(args, data([flow("a", "x", 2023, "cargo", 1)])).verdict).toBe("not_checkable");
  });
});

describe("checkGrowth() with at_least", () => {
  const base = {
    resource: "corridor_flows" as const,
    scope: "x",
    period_start: "2023-01-01",
    period_end: "2023-12-31",
    base_start: "2022-01-01",
    base_end: "2022-12-31",
    expect: "increase" as const,
  };
  it("8.1 → 13.6 Mt is +67.9 % ≥ 10 → supported; 8.1 → 8.5 Mt is +4.9 % → partly supported", () => {
    const rows = (b: number, a: number) => data([flow("b", "x", 2022, "cargo", b), flow("a", "x", 2023, "cargo", a)]);
    const strong = checkGrowth({ ...base, at_least: 10 }, undefined, 0, rows(8.1e6, 13.6e6));
    expect(strong.verdict).toBe("supported");
    expect(strong.evidence[0]!.value).toBeCloseTo(67.9, 1);
    expect(checkGrowth({ ...base, at_least: 10 }, undefined, 0, rows(8.1e6, 8.5e6)).verdict).toBe("partly_supported");
    expect(checkGrowth(base, undefined, 0, rows(8.1e6, 8.5e6)).verdict).toBe("supported"); // the sign alone
  });
});

describe("checkCount() with per_year", () => {
  const ev = (id: string, date: string) => ({ id, date, kind: "summit", participants: ["AZE", "KAZ"], sources: S(id) });
  it("9 events in 2021-01-01..2024-11-30 (3.915 years, 2.3 a year) against 8 in 2016–2019 (4 years, 2 a year) → supported; raw counts would say the same here, rates keep periods fair", () => {
    expect(yearsOf({ date: { gte: "2016-01-01", lte: "2019-12-31" } })).toBe(4);
    expect(yearsOf({ date: { gte: "2021-01-01", lte: "2024-11-30" } })).toBe(3.915);
    const events = [
      ...Array.from({ length: 9 }, (_, i) => ev(`n${i}`, `2022-0${(i % 9) + 1}-01`)),
      ...Array.from({ length: 8 }, (_, i) => ev(`o${i}`, `2017-0${(i % 9) + 1}-01`)),
    ];
    const r = checkCount(
      {
        resource: "events",
        where: { date: { gte: "2021-01-01", lte: "2024-11-30" } },
        than: { where: { date: { gte: "2016-01-01", lte: "2019-12-31" } } },
        per_year: true,
      },
      undefined,
      0,
      { events } as never,
    );
    expect(r.verdict).toBe("supported");
    expect(r.reason).toBe("the data count 9 in 3.92 years (2.3 a year) against 8 in 4.00 years (2 a year) (gt)");
  });
  it("8 in 3.915 years (2.04 a year) against 8 in 4 years (2 a year): equal raw counts, but a higher rate", () => {
    const events = [
      ...Array.from({ length: 8 }, (_, i) => ev(`n${i}`, `2022-0${i + 1}-01`)),
      ...Array.from({ length: 8 }, (_, i) => ev(`o${i}`, `2017-0${i + 1}-01`)),
    ];
    const args = {
      resource: "events" as const,
      where: { date: { gte: "2021-01-01", lte: "2024-11-30" } },
      than: { where: { date: { gte: "2016-01-01", lte: "2019-12-31" } } },
    };
    expect(checkCount(args, undefined, 0, { events } as never).verdict).toBe("not_supported");
    expect(checkCount({ ...args, per_year: true }, undefined, 0, { events } as never).verdict).toBe("supported");
  });
});

describe("a claim whose verdict differs between the two vintages (transit-growing, checkout data)", () => {
  const pkg = dataPackage();
  const claim = pkg.claims.filter((c) => c.id === "transit-growing");
  it("published by 30 Nov 2024: TRACECA transit share 22.3 % (2021) → 26.5 % (2022), +4.2 points → supported", () => {
    const [r] = checkClaims(claim, packageKnownBy(pkg, "2024-11-30"));
    expect(r!.verdict).toBe("supported");
    expect(r!.evidence.map((e) => e.value)).toEqual([4.2]);
  });
  it("all data: corridor transit share 57 % (2023) → 56.6 % (2024), −0.4 points → not supported", () => {
    const [r] = checkClaims(claim, pkg);
    expect(r!.verdict).toBe("not_supported");
    expect(r!.evidence.map((e) => e.value)).toEqual([-0.4]);
  });
});

describe("checkChange() properties", () => {
  it("the verdict follows the derived growth and the threshold, whatever the values (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 200 }),
        (before, after, min) => {
          const r = checkChange(
            { resource: "corridor_flows", where: { route: "titr" }, metric: "cargo", as: "percent", min },
            data([flow("b", "x", 2022, "cargo", before), flow("a", "x", 2023, "cargo", after)]),
          );
          const g = Math.round(((after - before) / before) * 100 * 1000) / 1000;
          const want = g >= min ? "supported" : g > 0 ? "partly_supported" : "not_supported";
          return r.verdict === want && r.evidence[0]!.value === g;
        },
      ),
    );
  });
});
