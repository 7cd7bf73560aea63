/**
 * Growth implied between two published figures, and the base figure a published growth rate implies.
 * Both are *derived* figures: they never go back into data/. Missing-value policy: `undefined` when there is no
 * answer (zero or non-positive base); figures over periods of different lengths are refused with a `RangeError`.
 * @module
 */
import { mergeSources, type SourceId, type Sourced } from "../../core/types";
import { cagr } from "./cagr";
import { percentChange } from "./change";
import { periodMidYear } from "../../core/period";

/**
 * A published figure: a value over a closed period, with its sources (a series point has this shape).
 * @category Series
 */
export interface PublishedFigure {
  readonly value: number | null;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly sources: readonly SourceId[];
}

/**
 * Growth between two published figures: total change and the annualised rate between the periods' midpoints.
 * @category Series
 */
export interface ImpliedGrowth extends Sourced<number> {
  /** Total percent change from the earlier to the later figure (= `value`). */
  readonly change: number;
  /** Compound rate in percent a year over `years`; `undefined` when the figures are less than a day apart. */
  readonly annualised: number | undefined;
  /** Years between the midpoints of the two periods. */
  readonly years: number;
}

/**
 * Growth implied between two published figures over periods of equal length (e.g. 2019 and 2024, or Jan–Jun 2023
 * and Jan–Jun 2024). `value` is the total percent change; `annualised` the compound rate a year between the
 * periods' midpoints. `undefined` when either value is null or the earlier is not positive.
 * @example
 * // 759,000 t (2019) → 4,484,000 t (2024): change 490.8 %, 5 years, annualised 42.65 % a year
 * impliedGrowth({ value: 759000, periodStart: "2019-01-01", periodEnd: "2019-12-31", sources: [] },
 *               { value: 4484000, periodStart: "2024-01-01", periodEnd: "2024-12-31", sources: [] })?.annualised // => 42.65…
 * @category Series
 */
export function impliedGrowth(from: PublishedFigure, to: PublishedFigure): ImpliedGrowth | undefined {
  const len = (f: PublishedFigure) => Math.round((Date.parse(f.periodEnd) - Date.parse(f.periodStart)) / 86_400_000);
  if (Math.abs(len(from) - len(to)) > 3) {
    throw new RangeError(
      `figures over ${from.periodStart}..${from.periodEnd} and ${to.periodStart}..${to.periodEnd} cover periods of different lengths`,
    );
  }
  if (from.value === null || to.value === null || from.value <= 0) return undefined;
  const change = percentChange(from.value, to.value)!;
  const years = periodMidYear(to.periodStart, to.periodEnd) - periodMidYear(from.periodStart, from.periodEnd);
  const rounded = Math.round(years * 1000) / 1000; // midpoints of equal periods a whole number of years apart differ by leap days
  return {
    value: change,
    change,
    years: rounded,
    annualised: Math.abs(rounded) < 1 / 365 ? undefined : cagr(from.value, to.value, rounded),
    sources: mergeSources(from.sources, to.sources),
  };
}

/**
 * The base value a published growth rate implies: `value / (1 + growth / 100)` (e.g. the Jan–Sep 2023 volume implied
 * by a Jan–Sep 2024 volume and its growth on a year earlier). `undefined` when growth ≤ −100 %.
 * @example impliedBase(3_400_000, 70) // => 2000000
 * @category Series
 */
export function impliedBase(value: number, growthPercent: number): number | undefined {
  const factor = 1 + growthPercent / 100;
  if (!Number.isFinite(value) || !Number.isFinite(factor) || factor <= 0) return undefined;
  return value / factor;
}
