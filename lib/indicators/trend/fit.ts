/**
 * Linear and log-linear trend fits by ordinary least squares (simple-statistics `linearRegression`, `rSquared`).
 *
 * - **linear**: `y = a + b·x`; `slope` is in units of y per year.
 * - **log-linear**: `ln y = a + b·x`; the growth rate is `(e^b − 1) × 100` percent a year. R² and the residuals are
 *   on the log scale (the scale of the fit). Needs every y > 0 (else `RangeError`).
 *
 * Missing-value policy of lib/indicators/trend: fewer than two usable points gives `undefined`; null points are skipped;
 * invalid values for the model throw a `RangeError`.
 * @module
 */
import { linearRegression, linearRegressionLine, rSquared } from "simple-statistics";
import { type Series, type Sourced, mergeSourceLists } from "../../core/types";
import { calendarYear } from "../../core/period";

/**
 * Model of a trend fit.
 * @category Trend
 */
export type TrendModel = "linear" | "log-linear";

/**
 * An ordinary-least-squares trend fit, as plain data.
 * @category Trend
 */
export interface TrendFit {
  readonly model: TrendModel;
  /** Slope on the fitted scale (y per x for linear, ln y per x for log-linear). */
  readonly slope: number;
  /** Intercept on the fitted scale. */
  readonly intercept: number;
  /** Coefficient of determination on the fitted scale; `undefined` when all fitted values are equal. */
  readonly rSquared: number | undefined;
  /** Observed minus fitted, on the fitted scale, in the order of `xs`. */
  readonly residuals: readonly number[];
  readonly xs: readonly number[];
  /** Observed values in original units. */
  readonly ys: readonly number[];
  readonly n: number;
  /** Mean of x. */
  readonly xMean: number;
  /** Sum of squared deviations of x from its mean. */
  readonly sxx: number;
  /** Residual standard error `sqrt(SSE / (n − 2))` on the fitted scale; `undefined` when n < 3. */
  readonly residualSE: number | undefined;
  /** Log-linear only: the growth rate in percent a year, `(e^slope − 1) × 100`. */
  readonly growthRate?: number;
}

function fitOn(model: TrendModel, xs: readonly number[], ys: readonly number[]): TrendFit | undefined {
  const n = xs.length;
  if (n < 2) return undefined;
  if (new Set(xs).size < 2) return undefined;
  const t = model === "log-linear" ? ys.map((y) => Math.log(y)) : [...ys];
  const data = xs.map((x, i) => [x, t[i]!]);
  const { m, b } = linearRegression(data);
  const line = linearRegressionLine({ m, b });
  const residuals = data.map(([x, y]) => y! - line(x!));
  const tMean = t.reduce((a, v) => a + v, 0) / n;
  const sst = t.reduce((s, y) => s + (y - tMean) ** 2, 0);
  const sse = residuals.reduce((s, r) => s + r * r, 0);
  const xMean = xs.reduce((a, v) => a + v, 0) / n;
  return {
    model,
    slope: m,
    intercept: b,
    rSquared: sst === 0 ? undefined : rSquared(data, line),
    residuals,
    xs: [...xs],
    ys: [...ys],
    n,
    xMean,
    sxx: xs.reduce((s, x) => s + (x - xMean) ** 2, 0),
    residualSE: n > 2 ? Math.sqrt(sse / (n - 2)) : undefined,
    ...(model === "log-linear" ? { growthRate: (Math.exp(m) - 1) * 100 } : {}),
  };
}

/**
 * Linear OLS fit of `[x, y]` points. `undefined` with fewer than two points or a single distinct x.
 * @example linearTrend([[2019, 1], [2020, 3], [2021, 5]])?.slope // => 2
 * @category Trend
 */
export function linearTrend(points: readonly (readonly [number, number])[]): TrendFit | undefined {
  return fitOn(
    "linear",
    points.map((p) => p[0]),
    points.map((p) => p[1]),
  );
}

/**
 * Log-linear OLS fit (`ln y = a + b·x`) of `[x, y]` points; `growthRate` is the fitted percent growth a year.
 * Throws a `RangeError` if any y ≤ 0. `undefined` with fewer than two points.
 * @example logLinearTrend([[2019, 100], [2020, 110], [2021, 121]])?.growthRate // => 10 (up to rounding)
 * @category Trend
 */
export function logLinearTrend(points: readonly (readonly [number, number])[]): TrendFit | undefined {
  const bad = points.find((p) => !(p[1] > 0));
  if (bad) throw new RangeError(`a log-linear fit needs positive values (got ${bad[1]} at ${bad[0]})`);
  return fitOn(
    "log-linear",
    points.map((p) => p[0]),
    points.map((p) => p[1]),
  );
}

/**
 * The value of a fit at `x`, in original units (exponentiated for log-linear). Missing values: none; the fit exists by construction.
 * @example predictTrend(linearTrend([[0, 1], [1, 3]])!, 2) // => 5
 * @category Trend
 */
export function predictTrend(fit: TrendFit, x: number): number {
  const t = fit.intercept + fit.slope * x;
  return fit.model === "log-linear" ? Math.exp(t) : t;
}

/**
 * A trend fitted to a series, with the sources of the points used.
 * @category Trend
 */
export interface SeriesTrend extends Sourced<TrendFit> {
  /** Calendar years used as x. */
  readonly years: readonly number[];
  readonly seriesId: string;
  readonly unit: string;
}

/**
 * Fits a trend to the calendar-year points of a series, with x = the year. Points that are not whole calendar
 * years, and null points (gaps), are skipped. `undefined` when fewer than two points remain.
 * @example
 * // 2019 = 100, 2020 = 110, 2021 = 121: log-linear growth 10 % a year
 * seriesTrend(seriesOf({ "2019": 100, "2020": 110, "2021": 121 }, { metric: "cargo", unit: "t" }), "log-linear")?.value.growthRate // => 10 (up to rounding)
 * @category Trend
 */
export function seriesTrend(series: Series, model: TrendModel = "linear"): SeriesTrend | undefined {
  const used = series.points
    .map((p) => ({ p, year: calendarYear(p.periodStart, p.periodEnd) }))
    .filter(
      (u): u is { p: (typeof series.points)[number]; year: number } => u.year !== undefined && u.p.value !== null,
    );
  const pts = used.map((u) => [u.year, u.p.value!] as const);
  const fit = model === "linear" ? linearTrend(pts) : logLinearTrend(pts);
  if (!fit) return undefined;
  return {
    value: fit,
    years: used.map((u) => u.year),
    seriesId: series.id,
    unit: series.unit,
    sources: mergeSourceLists(used.map((u) => u.p.sources)),
  };
}
