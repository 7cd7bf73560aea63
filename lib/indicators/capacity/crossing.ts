/**
 * The year a projected trend reaches a capacity.
 * Missing-value policy: a crossing that does not happen within the horizon is `undefined`.
 * @module
 */
import { maxOf } from "../../core/extent";
import { projectTrend } from "../trend/projection";
import type { SeriesTrend, TrendFit } from "../trend/fit";
import { mergeSources, type SourceId, type Sourced } from "../../core/types";
import type { IntervalLevel } from "../trend/tdist";

/**
 * Years in which a projection first reaches a capacity.
 * @category Capacity
 */
export interface CapacityCrossing {
  readonly capacity: number;
  /** First whole year whose central projection is ≥ capacity. */
  readonly central: number | undefined;
  /** First year whose *upper* prediction bound is ≥ capacity (the earliest plausible year). */
  readonly earliest: number | undefined;
  /** First year whose *lower* prediction bound is ≥ capacity (by then a crossing is likely). */
  readonly latest: number | undefined;
  readonly from: number;
  readonly to: number;
  readonly level: IntervalLevel;
  /** Sources of the fitted points (given a {@link SeriesTrend}) and of the capacity (given a sourced capacity). */
  readonly sources: readonly SourceId[];
}

/**
 * Scans whole years `from..to` (default: the year after the last fitted x, for 30 years) for the first year the
 * projection of `fit` reaches `capacity`: centrally, by the upper and by the lower prediction bound
 * (see {@link projectTrend}). A year already at or above capacity at `from` returns `from`. Pass a
 * {@link SeriesTrend} and a sourced capacity (e.g. from `capacityAt`) to carry their sources.
 * Missing values: a year not reached within `from..to` is `undefined`; without an interval (fewer than three points) `earliest` and `latest` are `undefined`.
 * @example
 * // y = 2x: central crossing of 10 at x = 5
 * capacityCrossingYear(linearTrend([[0, 0], [1, 2], [2, 4]])!, 10, { from: 3 }).central // => 5
 * @category Capacity
 */
export function capacityCrossingYear(
  trend: TrendFit | SeriesTrend,
  capacityValue: number | Sourced<number>,
  opts: { readonly from?: number; readonly to?: number; readonly level?: IntervalLevel } = {},
): CapacityCrossing {
  const fit = "sources" in trend ? trend.value : trend;
  const capacity = typeof capacityValue === "number" ? capacityValue : capacityValue.value;
  const sources = mergeSources(
    "sources" in trend ? trend.sources : [],
    typeof capacityValue === "number" ? [] : capacityValue.sources,
  );
  const from = opts.from ?? Math.floor(maxOf(fit.xs)) + 1;
  const to = opts.to ?? from + 30;
  const level = opts.level ?? 0.95;
  let central: number | undefined;
  let earliest: number | undefined;
  let latest: number | undefined;
  for (let year = from; year <= to; year++) {
    const p = projectTrend(fit, year, level);
    if (central === undefined && p.estimate >= capacity) central = year;
    if (earliest === undefined && p.upper !== undefined && p.upper >= capacity) earliest = year;
    if (latest === undefined && p.lower !== undefined && p.lower >= capacity) latest = year;
    if (
      central !== undefined &&
      (earliest !== undefined || p.upper === undefined) &&
      (latest !== undefined || p.lower === undefined)
    )
      break;
  }
  return { capacity, central, earliest, latest, from, to, level, sources };
}
