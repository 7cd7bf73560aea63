/**
 * Utilisation (throughput over capacity at the same date) and headroom (capacity left).
 *
 * Throughput of a part-year period is compared with a capacity a year only when the caller asks for linear
 * annualisation (`value × 12 / months`), which ignores seasonality; by default such points are null. Missing-value
 * policy: `undefined` / null point when the capacity is unknown or zero.
 * @module
 */
import type { CapacityRow } from "../../data/resources";
import { periodMonths } from "../../core/period";
import { mergeSources, type Series, type SeriesPoint, type SourceId } from "../../core/types";
import { capacityAt, type CapacityAt, type CapacityStatus } from "./at";

const CAPACITY_UNIT_OF: Readonly<Record<string, string>> = { t: "t_per_year", TEU: "TEU_per_year" };

/**
 * Throughput as a percent of a yearly capacity. `months` (default 12) annualises part-year throughput linearly.
 * `undefined` when the capacity is zero or an input is not finite.
 * @example utilisation(4_484_000, 6_000_000) // => 74.73…
 * @example utilisation(3_400_000, 6_000_000, 9) // => 75.55… (3.4 Mt × 12/9 = 4.533 Mt a year)
 * @category Capacity
 */
export function utilisation(throughput: number, capacityPerYear: number, months = 12): number | undefined {
  if (![throughput, capacityPerYear, months].every(Number.isFinite) || capacityPerYear === 0 || months <= 0)
    return undefined;
  return ((throughput * 12) / months / capacityPerYear) * 100;
}

/**
 * Capacity left over a year's throughput, absolute (in the capacity's unit) and as a percent of capacity.
 * Negative when throughput exceeds capacity. `undefined` when the capacity is zero.
 * @example headroom(4_484_000, 6_000_000) // => { absolute: 1516000, percent: 25.26… }
 * @category Capacity
 */
export function headroom(
  throughputPerYear: number,
  capacityPerYear: number,
): { absolute: number; percent: number } | undefined {
  if (!Number.isFinite(throughputPerYear) || !Number.isFinite(capacityPerYear) || capacityPerYear === 0)
    return undefined;
  const absolute = capacityPerYear - throughputPerYear;
  return { absolute, percent: (absolute / capacityPerYear) * 100 };
}

/**
 * One row of a utilisation table: a throughput point against the capacity known at its period end.
 * @category Capacity
 */
export interface UtilisationRow {
  readonly label: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly throughput: number | null;
  /** Throughput a year (annualised when asked), or null. */
  readonly throughputPerYear: number | null;
  readonly capacity: CapacityAt | undefined;
  readonly utilisation: number | null;
  readonly headroom: number | null;
  readonly annualised: boolean;
  readonly sources: readonly SourceId[];
}

/**
 * Which capacity a series is set against: {@link utilisationTable} and {@link utilisationSeries}.
 * @category Capacity
 */
export interface UtilisationOptions {
  readonly asset: string;
  readonly metric: string;
  /** Capacity statuses that count (default `["actual"]`, as in {@link capacityAt}). */
  readonly statuses?: readonly CapacityStatus[];
  /** Scale part-year points to a year (default false: they are null). */
  readonly annualise?: boolean;
}

/**
 * Utilisation and headroom for every point of a throughput series, against the capacity of `asset` known at each
 * point's period end (see {@link capacityAt}). The series unit must fit the capacity metric (t ↔ t_per_year,
 * TEU ↔ TEU_per_year), else `RangeError`. Part-year points are null unless `annualise` is set.
 * @example
 * // TITR 2024: 4,484,000 t against 6,000,000 t a year (as of 2024-12): 74.73 %, headroom 1,516,000 t
 * const titr = corridorSeries(pkg.corridorFlows, { route: "titr", scope: "whole_route", metric: "cargo", ids: ["titr-whole-2024-cargo"] });
 * utilisationTable(titr, pkg.capacities, { asset: "titr", metric: "cargo_capacity" })[0]?.headroom // => 1516000
 * @category Capacity
 */
export function utilisationTable(
  series: Series,
  capacities: readonly CapacityRow[],
  opts: UtilisationOptions,
): UtilisationRow[] {
  const want = CAPACITY_UNIT_OF[series.unit];
  const capUnits = new Set(
    capacities.filter((c) => c.asset === opts.asset && c.metric === opts.metric).map((c) => c.unit),
  );
  for (const u of capUnits) {
    if (u !== want) throw new RangeError(`series in ${series.unit} cannot be compared with ${opts.metric} in ${u}`);
  }
  return series.points.map((p) => {
    const capacity = capacityAt(capacities, {
      asset: opts.asset,
      metric: opts.metric,
      date: p.periodEnd,
      ...(opts.statuses ? { statuses: opts.statuses } : {}),
    });
    const months = periodMonths(p.periodStart, p.periodEnd);
    const annualised = months !== 12 && opts.annualise === true && months !== undefined;
    const perYear =
      p.value === null || months === undefined || (months !== 12 && !annualised) ? null : (p.value * 12) / months;
    const u = perYear === null || !capacity ? undefined : utilisation(perYear, capacity.value);
    const h = perYear === null || !capacity ? undefined : headroom(perYear, capacity.value);
    return {
      label: p.label,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      throughput: p.value,
      throughputPerYear: perYear,
      capacity,
      utilisation: u ?? null,
      headroom: h?.absolute ?? null,
      annualised,
      sources: capacity ? mergeSources(p.sources, capacity.sources) : p.sources,
    };
  });
}

/**
 * {@link utilisationTable} as a series in percent, for charts.
 * Missing values: as {@link utilisationTable}: null points where the capacity is unknown or a part-year point is not annualised.
 * @example
 * const titr = corridorSeries(pkg.corridorFlows, { route: "titr", scope: "whole_route", metric: "cargo", ids: ["titr-whole-2024-cargo"] });
 * utilisationSeries(titr, pkg.capacities, { asset: "titr", metric: "cargo_capacity" }).points[0]?.value // => 74.73…
 * @category Capacity
 */
export function utilisationSeries(
  series: Series,
  capacities: readonly CapacityRow[],
  opts: UtilisationOptions,
): Series {
  const rows = utilisationTable(series, capacities, opts);
  const points: SeriesPoint[] = series.points.map((p, i) => ({
    ...p,
    value: rows[i]!.utilisation,
    sources: rows[i]!.sources,
  }));
  return {
    ...series,
    id: `${series.id}:utilisation:${opts.asset}`,
    label: `${series.label}, utilisation of ${opts.asset} ${opts.metric}`,
    metric: "utilisation",
    unit: "percent",
    points,
  };
}
