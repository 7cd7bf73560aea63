/**
 * Issue 10, item 10: no spread `Math.min(...xs)` / `Math.max(...xs)` on data-sized arrays. A spread passes every
 * element as an argument and overflows the stack at a few hundred thousand values; `minOf` / `maxOf` loop.
 */
import { describe, expect, it } from "vitest";
import { maxOf, minOf } from "../../lib/core/extent";
import { capacityCrossingYear, type TrendFit } from "../../lib/indicators";

const N = 500_000;
const big = Array.from({ length: N }, (_, i) => (i * 7919) % N); // a permutation of 0..N-1 (7919 is prime, N = 2^5·5^6)

describe("minOf() / maxOf()", () => {
  it("the spread they replace does overflow on 500,000 numbers", () => {
    expect(() => Math.max(...big)).toThrow(RangeError);
  });

  it("500,000 numbers: no RangeError, and the right answer", () => {
    expect(minOf(big)).toBe(0);
    expect(maxOf(big)).toBe(N - 1);
    expect(maxOf(big, N + 5)).toBe(N + 5);
  });

  it("behave like Math.min / Math.max: empty, NaN, a starting value, any iterable", () => {
    expect(minOf([3, -1, 2])).toBe(-1);
    expect(maxOf([3, -1, 2])).toBe(3);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([], 0)).toBe(0); // Math.max(0, ...[])
    expect(maxOf([-4, -2], 0)).toBe(0); // Math.max(0, ...[-4, -2])
    expect(minOf([4, 2], 0)).toBe(0);
    expect(maxOf([1, NaN, 3])).toBeNaN();
    expect(
      maxOf(
        new Map([
          [2019, "a"],
          [2024, "b"],
        ]).keys(),
      ),
    ).toBe(2024);
    expect(minOf(new Set([5, 9, 7]))).toBe(5);
  });
});

describe("capacityCrossingYear() on a fit of 500,000 points", () => {
  it("does not throw, and finds the crossing worked out by hand", () => {
    // y = 2x exactly at x = 0..N-1: slope 2, intercept 0, no residual error. The default start is the year after
    // the last x, N; capacity 2N + 10 is reached at x = N + 5 (2N + 10), with a zero-width interval.
    const xs = Array.from({ length: N }, (_, i) => i);
    const fit: TrendFit = {
      model: "linear",
      slope: 2,
      intercept: 0,
      rSquared: 1,
      residuals: new Array<number>(N).fill(0),
      xs,
      ys: xs.map((x) => 2 * x),
      n: N,
      xMean: (N - 1) / 2,
      sxx: (N * (N * N - 1)) / 12,
      residualSE: 0,
    };
    const c = capacityCrossingYear(fit, 2 * N + 10);
    expect(c).toMatchObject({ from: N, to: N + 30, central: N + 5, earliest: N + 5, latest: N + 5 });
  });
});
