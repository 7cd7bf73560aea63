/**
 * Compound annual growth: CAGR between two values, its inverse, and the CAGR between two calendar years of a series.
 * Rates are in percent per year (`15` means +15 % a year). Missing-value policy: `undefined` when there is no
 * answer (non-positive start, negative end, no elapsed time, missing point).
 * @module
 */
import { mergeSources, type Series, type Sourced } from "../../core/types";
import { calendarYear } from "../../core/period";

/**
 * Compound annual growth rate, in percent a year, from `first` to `last` over `years` (which may be fractional):
 * `((last / first) ^ (1 / years) − 1) × 100`. `undefined` when `first ≤ 0`, `last < 0`, `years ≤ 0` or any input
 * is not finite.
 * @example cagr(100, 121, 2) // => 10 (up to rounding: 1.21 ^ 0.5 = 1.1)
 * @example cagr(0, 5, 3) // => undefined
 * @category Series
 */
export function cagr(first: number, last: number, years: number): number | undefined {
  if (![first, last, years].every(Number.isFinite) || first <= 0 || last < 0 || years <= 0) return undefined;
  return ((last / first) ** (1 / years) - 1) * 100;
}

/**
 * The value reached from `start` after `years` of compound growth at `ratePercent` a year: the inverse of {@link cagr}.
 * Missing values: none; non-finite inputs give `NaN`, as in arithmetic.
 * @example compound(100, 10, 2) // => 121 (up to rounding)
 * @category Series
 */
export function compound(start: number, ratePercent: number, years: number): number {
  return start * (1 + ratePercent / 100) ** years;
}

/**
 * A CAGR between two calendar-year points of a series.
 * @category Series
 */
export interface SeriesCagr extends Sourced<number> {
  readonly fromYear: number;
  readonly toYear: number;
  readonly fromValue: number;
  readonly toValue: number;
  readonly unit: "percent_per_year";
}

/**
 * CAGR between two calendar years of a series (default: its first and last non-null calendar-year points);
 * points that are not whole calendar years are ignored. `undefined` when a year is missing, null, or gives no CAGR.
 * @example
 * // 2019 = 759,000 t → 2024 = 4,484,000 t: (4484 / 759) ^ (1/5) − 1 = 42.65 % a year
 * seriesCagr(seriesOf({ "2019": 759000, "2024": 4484000 }, { metric: "cargo", unit: "t" }))?.value // => 42.65…
 * @category Series
 */
export function seriesCagr(series: Series, fromYear?: number, toYear?: number): SeriesCagr | undefined {
  const annual = series.points
    .map((p) => ({ p, year: calendarYear(p.periodStart, p.periodEnd) }))
    .filter(
      (x): x is { p: (typeof series.points)[number]; year: number } => x.year !== undefined && x.p.value !== null,
    );
  const from = fromYear === undefined ? annual[0] : annual.find((x) => x.year === fromYear);
  const to = toYear === undefined ? annual[annual.length - 1] : annual.find((x) => x.year === toYear);
  if (!from || !to) return undefined;
  const value = cagr(from.p.value!, to.p.value!, to.year - from.year);
  if (value === undefined) return undefined;
  return {
    value,
    unit: "percent_per_year",
    fromYear: from.year,
    toYear: to.year,
    fromValue: from.p.value!,
    toValue: to.p.value!,
    sources: mergeSources(from.p.sources, to.p.sources),
  };
}
