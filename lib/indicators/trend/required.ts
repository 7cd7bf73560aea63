/**
 * The growth needed to reach a target (10 Mt a year by 2027, 11 Mt by 2030) compared with the growth observed.
 * Rates are compound, in percent a year. Missing-value policy: `undefined` when there is no answer (no usable
 * calendar-year point, target year not after the last observed year).
 * @module
 */
import { cagr, seriesCagr } from "../series/cagr";
import { calendarYear } from "../../core/period";
import { type Series, type Sourced, mergeSourceLists } from "../../core/types";
import { seriesTrend } from "./fit";
import { projectTrend, type Projection } from "./projection";
import type { IntervalLevel } from "./tdist";

/**
 * Compound rate in percent a year needed to go from `value` in `year` to `target` in `targetYear`.
 * `undefined` when `targetYear ≤ year` or `value ≤ 0`.
 * @example requiredGrowthRate(4_484_000, 2024, 10_000_000, 2027) // => 30.65… (the cube root of 10 / 4.484, less 1)
 * @category Trend
 */
export function requiredGrowthRate(
  value: number,
  year: number,
  target: number,
  targetYear: number,
): number | undefined {
  return cagr(value, target, targetYear - year);
}

/**
 * A target compared with the observed path of a series.
 * @category Trend
 */
export interface TargetGap extends Sourced<number | undefined> {
  readonly target: { readonly value: number; readonly year: number };
  /** Last observed calendar-year point. */
  readonly last: { readonly value: number; readonly year: number };
  /** Required compound rate from the last observed year to the target (= `value`), percent a year. */
  readonly required: number | undefined;
  /** CAGR over the observed calendar years (first → last), percent a year. */
  readonly observedCagr: number | undefined;
  /** Growth rate of the log-linear trend of the observed years, percent a year (needs ≥ 2 points). */
  readonly trendRate: number | undefined;
  /** Log-linear projection to the target year with its prediction interval (needs ≥ 2 points). */
  readonly projection: Projection | undefined;
  /** `required − observedCagr`, percentage points: how much faster than so far the series must grow. */
  readonly gap: number | undefined;
}

/**
 * Compares a target with a series: the rate required from the last observed calendar year, the observed CAGR and
 * log-linear trend rate, and the log-linear projection to the target year. `undefined` when the series has no
 * calendar-year point or the target year is not after the last one. Null points are skipped.
 * @example
 * // 2019 = 759,000 t … 2024 = 4,484,000 t; target 10 Mt in 2027: required (10 / 4.484)^(1/3) − 1 = 30.65 %,
 * // observed CAGR 2019–2024 = 42.65 %, gap = −12.00 points
 * targetGap(seriesOf({ "2019": 759000, "2024": 4484000 }, { metric: "cargo", unit: "t" }), 10_000_000, 2027)?.gap // => −12.00…
 * @category Trend
 */
export function targetGap(
  series: Series,
  target: number,
  targetYear: number,
  level: IntervalLevel = 0.95,
): TargetGap | undefined {
  const annual = series.points.filter(
    (p) => calendarYear(p.periodStart, p.periodEnd) !== undefined && p.value !== null,
  );
  const lastPoint = annual[annual.length - 1];
  if (!lastPoint) return undefined;
  const lastYear = calendarYear(lastPoint.periodStart, lastPoint.periodEnd)!;
  if (targetYear <= lastYear) return undefined;
  const required = requiredGrowthRate(lastPoint.value!, lastYear, target, targetYear);
  const observed = annual.length >= 2 ? seriesCagr(series) : undefined;
  const trend = annual.every((p) => p.value! > 0) ? seriesTrend(series, "log-linear") : undefined;
  const projection = trend ? projectTrend(trend, targetYear, level) : undefined;
  return {
    value: required,
    required,
    target: { value: target, year: targetYear },
    last: { value: lastPoint.value!, year: lastYear },
    observedCagr: observed?.value,
    trendRate: trend?.value.growthRate,
    projection,
    gap: required !== undefined && observed !== undefined ? required - observed.value : undefined,
    sources: mergeSourceLists(annual.map((p) => p.sources)),
  };
}
