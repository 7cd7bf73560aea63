/**
 * Change between periods: percent change, year-over-year change of every point, and period-over-period change
 * (nine months against nine months, half against half).
 *
 * Missing-value policy of lib/indicators/series: a scalar with no answer (zero or missing base, missing point) is `undefined`,
 * as in d3-array; inside a derived series it becomes a `null` point (a gap). Malformed requests (periods of
 * different lengths, a point that is not in the series) throw a `RangeError`.
 * @module
 */
import { mergeSources, type Series, type SeriesPoint, type Sourced } from "../../core/types";
import { periodLabel, periodMonths, shiftYears } from "../../core/period";

/**
 * Percent change from `base` to `value` (`15` means +15 %). `undefined` when either is missing or not finite, or
 * the base is zero.
 * @example percentChange(200, 230) // => 15
 * @example percentChange(0, 5) // => undefined
 * @category Series
 */
export function percentChange(base: number | null | undefined, value: number | null | undefined): number | undefined {
  if (base === null || base === undefined || value === null || value === undefined) return undefined;
  if (!Number.isFinite(base) || !Number.isFinite(value) || base === 0) return undefined;
  return (value / base - 1) * 100;
}

/**
 * The value reached from `base` after a percent change: the inverse of {@link percentChange}.
 * Missing values: none; non-finite inputs give `NaN`, as in arithmetic.
 * @example applyChange(200, 15) // => 230
 * @category Series
 */
export function applyChange(base: number, changePercent: number): number {
  return base * (1 + changePercent / 100);
}

/**
 * The point of a series with exactly this period, if any. Missing values: `undefined` when no point has exactly this period (a point whose value is null is returned as it is).
 * @example findPoint(seriesOf({ "2024-01..2024-09": 3.4 }, { metric: "cargo", unit: "Mt" }), "2024-01-01", "2024-09-30")?.value // => 3.4
 * @category Series
 */
export function findPoint(series: Series, periodStart: string, periodEnd: string): SeriesPoint | undefined {
  return series.points.find((p) => p.periodStart === periodStart && p.periodEnd === periodEnd);
}

/**
 * A change between two periods of one series, with the values and the sources of both.
 * @category Series
 */
export interface PeriodChange extends Sourced<number> {
  readonly period: { readonly start: string; readonly end: string; readonly label: string; readonly value: number };
  readonly base: { readonly start: string; readonly end: string; readonly label: string; readonly value: number };
  readonly unit: "percent";
}

/**
 * Percent change of the point for `period` against the point for `base` (default: the same dates one year
 * earlier). Both periods must have the same number of months (else `RangeError`). `undefined` when either point is
 * missing or null, or the base is zero.
 * @example
 * // Jan–Sep 2024 = 3.4 Mt against Jan–Sep 2023 = 2.0 Mt: (3.4 / 2.0 − 1) × 100 = 70
 * const s = seriesOf({ "2023-01..2023-09": 2.0, "2024-01..2024-09": 3.4 }, { metric: "cargo", unit: "Mt" });
 * periodOverPeriod(s, { start: "2024-01-01", end: "2024-09-30" })?.value // => 70
 * @category Series
 */
export function periodOverPeriod(
  series: Series,
  period: { readonly start: string; readonly end: string },
  base: { readonly start: string; readonly end: string } = {
    start: shiftYears(period.start, -1),
    end: shiftYears(period.end, -1),
  },
): PeriodChange | undefined {
  const m1 = periodMonths(period.start, period.end);
  const m0 = periodMonths(base.start, base.end);
  const days = (p: { start: string; end: string }) => (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000;
  if (m1 !== m0 || (m1 === undefined && days(period) !== days(base))) {
    throw new RangeError(
      `cannot compare ${period.start}..${period.end} with ${base.start}..${base.end}: the periods differ in length`,
    );
  }
  const now = findPoint(series, period.start, period.end);
  const then = findPoint(series, base.start, base.end);
  if (!now || !then || now.value === null || then.value === null) return undefined;
  const change = percentChange(then.value, now.value);
  if (change === undefined) return undefined;
  return {
    value: change,
    unit: "percent",
    sources: mergeSources(now.sources, then.sources),
    period: { start: now.periodStart, end: now.periodEnd, label: now.label, value: now.value },
    base: { start: then.periodStart, end: then.periodEnd, label: then.label, value: then.value },
  };
}

/**
 * Year-over-year change of every point against the point for the same dates one year earlier (so annual figures
 * compare with the previous year, Jan–Sep with the previous Jan–Sep, …). A point without a same-period point a year
 * earlier (the first year, a gap year), or with a null or zero base, gives a null point. The result is a series in
 * percent whose points keep the sources of both values.
 * @example
 * // 2019 = 759,000 t, 2020 = 783,000 t: 783 / 759 − 1 = 3.162 %
 * yearOverYear(seriesOf({ "2019": 759000, "2020": 783000 }, { metric: "cargo", unit: "t" })).points.map((p) => p.value) // => [null, 3.162…]
 * @category Series
 */
export function yearOverYear(series: Series): Series {
  const points: SeriesPoint[] = series.points.map((p) => {
    const prev = findPoint(series, shiftYears(p.periodStart, -1), shiftYears(p.periodEnd, -1));
    const value = prev ? percentChange(prev.value, p.value) : undefined;
    return {
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      label: periodLabel(p.periodStart, p.periodEnd),
      value: value ?? null,
      status: p.status,
      sources: prev ? mergeSources(p.sources, prev.sources) : p.sources,
    };
  });
  return {
    ...series,
    id: `${series.id}:yoy`,
    label: `${series.label}, change on a year earlier`,
    metric: `${series.metric}_yoy`,
    unit: "percent",
    points,
  };
}
