import fc from "fast-check";
import { probit } from "simple-statistics";
import { describe, expect, it } from "vitest";
import {
  corridorSeries,
  linearTrend,
  logLinearTrend,
  predictTrend,
  projectTrend,
  requiredGrowthRate,
  seriesOf,
  seriesTrend,
  targetGap,
  tCritical,
} from "../../lib/indicators";
import { realData } from "./real-data";

const MINISTRY_IDS = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => `titr-whole-${y}-cargo`);

describe("linearTrend()", () => {
  it("fits y = 1, 3, 5, 8 at x = 0..3, by hand", () => {
    // x̄ = 1.5, ȳ = 4.25, Sxx = 5, Sxy = 11.5 → slope 2.3, intercept 4.25 − 2.3 × 1.5 = 0.8
    // fitted 0.8, 3.1, 5.4, 7.7 → residuals 0.2, −0.1, −0.4, 0.3; SSE = 0.3; SST = 26.75 → R² = 1 − 0.3 / 26.75 = 0.988785
    const fit = linearTrend([
      [0, 1],
      [1, 3],
      [2, 5],
      [3, 8],
    ])!;
    expect(fit.slope).toBeCloseTo(2.3, 12);
    expect(fit.intercept).toBeCloseTo(0.8, 12);
    fit.residuals.forEach((r, i) => expect(r).toBeCloseTo([0.2, -0.1, -0.4, 0.3][i]!, 12));
    expect(fit.rSquared).toBeCloseTo(0.988785, 6);
    expect(fit.residualSE).toBeCloseTo(Math.sqrt(0.15), 12); // √(SSE / (n − 2))
    expect(predictTrend(fit, 4)).toBeCloseTo(10, 12);
  });
  it("has no answer for no points, one point or one distinct x", () => {
    expect(linearTrend([])).toBeUndefined();
    expect(linearTrend([[2024, 5]])).toBeUndefined();
    expect(
      linearTrend([
        [2024, 5],
        [2024, 6],
      ]),
    ).toBeUndefined();
  });
  it("gives an undefined R² for a flat series (0 / 0)", () => {
    expect(
      linearTrend([
        [1, 2],
        [2, 2],
        [3, 2],
      ])!.rSquared,
    ).toBeUndefined();
  });
});

describe("logLinearTrend()", () => {
  it("recovers 10 % a year exactly", () => {
    const fit = logLinearTrend([
      [2019, 100],
      [2020, 110],
      [2021, 121],
    ])!;
    expect(fit.growthRate).toBeCloseTo(10, 10);
    expect(fit.rSquared).toBeCloseTo(1, 12);
  });
  it("refuses a zero or negative value", () => {
    expect(() =>
      logLinearTrend([
        [2019, 100],
        [2020, 0],
      ]),
    ).toThrow(RangeError);
  });
});

describe("seriesTrend() and projectTrend() on the TITR ministry series", () => {
  const pkg = realData();
  const ministry = corridorSeries(pkg.corridorFlows, {
    route: "titr",
    scope: "whole_route",
    metric: "cargo",
    ids: MINISTRY_IDS,
  });

  it("linear fit of 2022–2024 and its projection to 2027, by hand", () => {
    const s = corridorSeries(pkg.corridorFlows, {
      route: "titr",
      scope: "whole_route",
      metric: "cargo",
      ids: MINISTRY_IDS.slice(3, 6),
    });
    const t = seriesTrend(s, "linear")!;
    // x = 2022..2024, y = 1,485,000, 2,764,000, 4,484,000: ȳ = 2,911,000; Sxy = 1,426,000 + 1,573,000 = 2,999,000; Sxx = 2
    // slope 1,499,500 t a year; fitted 1,411,500, 2,911,000, 4,410,500; residuals 73,500, −147,000, 73,500
    // SSE = 32,413,500,000 → s = √SSE = 180,037.5 (1 df); R² = 1 − SSE / 4.529414e12 = 0.992844
    expect(t.value.slope).toBeCloseTo(1499500, 4);
    t.value.residuals.forEach((r, i) => expect(r).toBeCloseTo([73500, -147000, 73500][i]!, 3));
    expect(t.value.rSquared).toBeCloseTo(0.992844, 6);
    expect(t.years).toEqual([2022, 2023, 2024]);
    expect(t.sources.length).toBeGreaterThan(0);
    // 2027: 2,911,000 + 4 × 1,499,500 = 8,909,000; half-width t(1 df) 12.7062 × 180,037.5 × √(1 + 1/3 + 16/2) = 6,988,710
    const p = projectTrend(t, 2027);
    expect(p.estimate).toBeCloseTo(8909000, 3);
    expect(p.lower).toBeCloseTo(1920289.68, 0);
    expect(p.upper).toBeCloseTo(15897710.32, 0);
    expect(p.method).toMatch(/prediction interval/);
    expect(p.sources).toEqual(t.sources); // projected from the SeriesTrend: the fitted points' sources
    expect(projectTrend(t.value, 2027).sources).toEqual([]); // from a bare fit: none known
  });

  it("log-linear fit of 2019–2025: growth and the (wide, asymmetric) 2030 interval", () => {
    const t = seriesTrend(ministry, "log-linear")!;
    // ln y regressed on the year (7 points, Sxx = 28): slope 0.361267 → e^0.361267 − 1 = 43.515 % a year; R² (log scale) 0.842755
    expect(t.value.growthRate).toBeCloseTo(43.5147, 3);
    expect(t.value.rSquared).toBeCloseTo(0.842755, 5);
    expect(t.value.residualSE).toBeCloseTo(0.369284, 5);
    const p = projectTrend(t.value, 2030);
    // centre e^(a + b·2030) = 28.72 Mt; t(5 df) = 2.5706; interval 4.95 Mt to 166.6 Mt
    expect(p.estimate / 1e6).toBeCloseTo(28.725, 2);
    expect(p.lower! / 1e6).toBeCloseTo(4.9532, 3);
    expect(p.upper! / 1e6).toBeCloseTo(166.5836, 3);
    expect(p.estimate - p.lower!).toBeLessThan(p.upper! - p.estimate); // asymmetric after exponentiation
  });

  it("skips part-year points and gaps, and has no answer for one point or none", () => {
    const s = seriesOf({ "2019": 1, "2020-01..2020-09": 5, "2021": 3, "2023": null }, { metric: "cargo", unit: "t" });
    expect(seriesTrend(s)?.years).toEqual([2019, 2021]);
    expect(seriesTrend(seriesOf({ "2024": 1 }, { metric: "cargo", unit: "t" }))).toBeUndefined();
    expect(seriesTrend(seriesOf({}, { metric: "cargo", unit: "t" }))).toBeUndefined();
  });

  it("projectTrend() gives no interval with two points", () => {
    const p = projectTrend(
      linearTrend([
        [0, 0],
        [1, 1],
      ])!,
      5,
    );
    expect(p.estimate).toBeCloseTo(5, 12);
    expect(p.lower).toBeUndefined();
    expect(p.upper).toBeUndefined();
  });

  it("the interval contains the estimate and widens away from the data (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 12 }),
        fc.integer({ min: 1, max: 30 }),
        (ys, ahead) => {
          const fit = linearTrend(ys.map((y, i) => [2000 + i, y] as const))!;
          const near = projectTrend(fit, 2000 + ys.length);
          const far = projectTrend(fit, 2000 + ys.length + ahead);
          expect(near.lower!).toBeLessThanOrEqual(near.estimate + 1e-6);
          expect(near.upper!).toBeGreaterThanOrEqual(near.estimate - 1e-6);
          expect(far.upper! - far.lower!).toBeGreaterThanOrEqual(near.upper! - near.lower! - 1e-6);
        },
      ),
    );
  });
});

describe("tCritical()", () => {
  it("reads the table, falls back to a lower row between rows and to the normal beyond 120 df", () => {
    expect(tCritical(1, 0.95)).toBe(12.7062);
    expect(tCritical(5, 0.95)).toBe(2.5706);
    expect(tCritical(5, 0.9)).toBe(2.015);
    expect(tCritical(45, 0.95)).toBe(2.0211); // row for 40 df
    expect(tCritical(500, 0.95)).toBeCloseTo(probit(0.975), 12); // 1.95996
    expect(() => tCritical(0, 0.95)).toThrow(RangeError);
  });
});

describe("required growth against observed growth", () => {
  it("requiredGrowthRate() to 10 Mt by 2027 from 2024, by hand", () => {
    // (10,000,000 / 4,484,000) ^ (1/3) − 1 = 2.230152 ^ (1/3) − 1 = 30.6506 %
    expect(requiredGrowthRate(4484000, 2024, 10_000_000, 2027)).toBeCloseTo(30.6506, 3);
    expect(requiredGrowthRate(4484000, 2024, 10_000_000, 2024)).toBeUndefined();
  });
  it("targetGap() for 11 Mt by 2030 against the ministry series, by hand", () => {
    const pkg = realData();
    const s = corridorSeries(pkg.corridorFlows, {
      route: "titr",
      scope: "whole_route",
      metric: "cargo",
      ids: MINISTRY_IDS,
    });
    const g = targetGap(s, 11_000_000, 2030)!;
    // from 2025 = 4,119,000 t: (11 / 4.119) ^ (1/5) − 1 = 21.7083 % a year required
    // observed 2019–2025: (4119 / 759) ^ (1/6) − 1 = 32.5638 %; gap = 21.7083 − 32.5638 = −10.8555 points
    expect(g.last).toEqual({ value: 4119000, year: 2025 });
    expect(g.required).toBeCloseTo(21.7083, 3);
    expect(g.observedCagr).toBeCloseTo(32.5638, 3);
    expect(g.gap).toBeCloseTo(-10.8555, 3);
    expect(g.trendRate).toBeCloseTo(43.5147, 3);
    expect(g.projection!.estimate / 1e6).toBeCloseTo(28.725, 2);
    expect(g.sources.length).toBeGreaterThanOrEqual(7);
  });
  it("targetGap() has no answer without a calendar-year point or with a past target", () => {
    expect(targetGap(seriesOf({}, { metric: "cargo", unit: "t" }), 1, 2030)).toBeUndefined();
    expect(targetGap(seriesOf({ "2024": 5 }, { metric: "cargo", unit: "t" }), 1, 2024)).toBeUndefined();
    const one = targetGap(seriesOf({ "2024": 5 }, { metric: "cargo", unit: "t" }), 10, 2025)!;
    expect(one.required).toBeCloseTo(100, 10); // 10 / 5 − 1 over one year
    expect(one.observedCagr).toBeUndefined(); // one point: nothing observed
  });
});
