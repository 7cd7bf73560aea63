/**
 * Projection of a trend fit to a target year, with a prediction interval.
 *
 * **The interval.** For a fit of n points the interval at x₀ is the classical OLS *prediction* interval for one new
 * observation: `ŷ(x₀) ± t(n−2, level) · s · √(1 + 1/n + (x₀ − x̄)² / Sxx)`, where s is the residual standard error
 * and t the two-sided Student critical value ({@link tCritical}). It covers the year-to-year scatter of the past
 * *if* the past trend continues; it says nothing about breaks (sanctions, a new route, a war), and with five or six
 * annual points it is wide, as it should be. For a log-linear fit the interval is computed on the log scale and
 * exponentiated: it is asymmetric, and the central estimate is the median (geometric) projection.
 * With fewer than three points there is no residual variance and the interval is `undefined`.
 * @module
 */
import type { SourceId } from "../../core/types";
import { predictTrend, type SeriesTrend, type TrendFit } from "./fit";
import { tCritical, type IntervalLevel } from "./tdist";

/**
 * A projected value with its prediction interval.
 * @category Trend
 */
export interface Projection {
  readonly x: number;
  /** Central projection in original units. */
  readonly estimate: number;
  /** Lower and upper ends of the prediction interval; `undefined` with fewer than three fitted points. */
  readonly lower: number | undefined;
  readonly upper: number | undefined;
  readonly level: IntervalLevel;
  readonly model: TrendFit["model"];
  /** How the interval was computed, in words (for footnotes). */
  readonly method: string;
  /** Sources of the fitted points (empty when projected from a bare {@link TrendFit}). */
  readonly sources: readonly SourceId[];
}

function fitOf(fit: TrendFit | SeriesTrend): { fit: TrendFit; sources: readonly SourceId[] } {
  return "sources" in fit ? { fit: fit.value, sources: fit.sources } : { fit, sources: [] };
}

/**
 * Projects a fit to `x` (e.g. a target year) with a prediction interval at `level` (default 0.95). Given a
 * {@link SeriesTrend}, the projection carries the sources of the fitted points.
 * Missing values: with fewer than three fitted points `lower` and `upper` are `undefined`.
 * @example
 * // y = 1, 3, 5, 8 at x = 0..3: slope 2.3, intercept 0.8, SSE = 0.3, s = √0.15 = 0.3873, x̄ = 1.5, Sxx = 5, t(2 df) = 4.3027
 * // x = 4: 0.8 + 9.2 = 10; half-width 4.3027 × 0.3873 × √(1 + 1/4 + 6.25/5) = 2.635
 * projectTrend(linearTrend([[0, 1], [1, 3], [2, 5], [3, 8]])!, 4).upper // => 12.635…
 * @category Trend
 */
export function projectTrend(trend: TrendFit | SeriesTrend, x: number, level: IntervalLevel = 0.95): Projection {
  const { fit, sources } = fitOf(trend);
  const estimate = predictTrend(fit, x);
  const method =
    fit.model === "linear"
      ? `OLS prediction interval (${level * 100} %, t with ${fit.n - 2} df) around a linear trend of ${fit.n} points`
      : `OLS prediction interval (${level * 100} %, t with ${fit.n - 2} df) on the log scale of a log-linear trend of ${fit.n} points, exponentiated`;
  if (fit.residualSE === undefined || fit.n < 3) {
    return {
      x,
      estimate,
      lower: undefined,
      upper: undefined,
      level,
      model: fit.model,
      method: `${method}; no interval with fewer than 3 points`,
      sources,
    };
  }
  const half = tCritical(fit.n - 2, level) * fit.residualSE * Math.sqrt(1 + 1 / fit.n + (x - fit.xMean) ** 2 / fit.sxx);
  const centre = fit.intercept + fit.slope * x;
  const [lo, hi] =
    fit.model === "log-linear" ? [Math.exp(centre - half), Math.exp(centre + half)] : [centre - half, centre + half];
  return { x, estimate, lower: lo, upper: hi, level, model: fit.model, method, sources };
}
