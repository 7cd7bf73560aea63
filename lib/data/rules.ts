/**
 * Row rules shared between resources, defined once so that resources with the same columns cannot drift apart:
 * every resource with a period gets {@link periodRules}, every resource of figures with periods and growth rows
 * (corridor_flows, transit) gets {@link figureRules}: the metric, period and growth rules together, and every
 * resource of dated events (events, conflict) gets {@link datePrecisionRules}.
 * @module
 */
import { parsePartialDate, startOf } from "../core/dates";
import type { RowRule } from "./resource";

/**
 * Units each metric may be stated in.
 * @category Schema and validation
 */
export const unitsOfMetric: Readonly<Record<string, readonly string[]>> = {
  cargo: ["t"],
  containers: ["TEU", "containers"],
  trains: ["trains"],
  cargo_growth: ["percent"],
  container_growth: ["percent"],
  cargo_capacity: ["t_per_year"],
  container_capacity: ["TEU_per_year"],
  volume: ["t"],
  growth: ["percent"],
  share: ["percent"],
};

/**
 * The columns of a row with a closed period of full dates.
 * @category Schema and validation
 */
export interface PeriodColumns {
  readonly period_start: string;
  readonly period_end: string;
}

/**
 * The columns of a row that states a metric in a unit.
 * @category Schema and validation
 */
export interface MetricColumns {
  readonly metric: string;
  readonly unit: string;
}

/**
 * The columns of a row of figures some of which are growth rates against a base (comparison) period.
 * @category Schema and validation
 */
export interface GrowthColumns extends MetricColumns {
  readonly value: number;
  readonly base_start?: string | undefined;
  readonly base_end?: string | undefined;
}

/**
 * A message when `end` lies before `start` (both ISO dates, partial allowed; missing or malformed dates are left to
 * their field's own check).
 * @example endNotBeforeStart("2024-01-01", "2023-12-31", "period_end") // => "period_end 2023-12-31 is before its start 2024-01-01"
 * @category Schema and validation
 */
export function endNotBeforeStart(
  start: string | undefined,
  end: string | undefined,
  what: string,
): string | undefined {
  if (!start || !end || !parsePartialDate(start) || !parsePartialDate(end)) return undefined;
  return startOf(end) < startOf(start) ? `${what} ${end} is before its start ${start}` : undefined;
}

const isGrowth = (metric: string): boolean => metric.endsWith("growth");

const UNIT_RULE: RowRule<MetricColumns> = {
  field: "unit",
  check: (r) => {
    const ok = unitsOfMetric[r.metric] ?? [];
    return ok.includes(r.unit)
      ? undefined
      : `unit "${r.unit}" does not match metric "${r.metric}" (expected ${ok.join(" or ")})`;
  },
};

const PERIOD_RULES: readonly RowRule<PeriodColumns>[] = [
  { field: "period_end", check: (r) => endNotBeforeStart(r.period_start, r.period_end, "period_end") },
];

const METRIC_RULES: readonly RowRule<MetricColumns & { readonly value: number }>[] = [
  UNIT_RULE,
  {
    field: "value",
    check: (r) =>
      !isGrowth(r.metric) && r.value < 0 ? `a ${r.metric} value cannot be negative (${r.value})` : undefined,
  },
];

const GROWTH_RULES: readonly RowRule<GrowthColumns>[] = [
  {
    field: "base_start",
    check: (r) => {
      const growth = isGrowth(r.metric);
      if (growth && (!r.base_start || !r.base_end))
        return `a ${r.metric} row needs base_start and base_end (the comparison period)`;
      if (!growth && (r.base_start || r.base_end))
        return `base_start/base_end are only for growth rows, not for metric "${r.metric}"`;
      return undefined;
    },
  },
  { field: "base_end", check: (r) => endNotBeforeStart(r.base_start, r.base_end, "base_end") },
];

/**
 * The rule of every resource whose unit depends on its metric ({@link unitsOfMetric}).
 * @example unitRules()[0]?.check({ metric: "cargo", unit: "TEU" }) // => 'unit "TEU" does not match metric "cargo" (expected t)'
 * @category Schema and validation
 */
export function unitRules<R extends MetricColumns>(): readonly RowRule<R>[] {
  return [UNIT_RULE];
}

/**
 * The rules of every resource of figures that may hold growth rows: the unit matches the metric, only growth may be negative.
 * @example metricRules().map((r) => r.field) // => ["unit", "value"]
 * @category Schema and validation
 */
export function metricRules<R extends MetricColumns & { readonly value: number }>(): readonly RowRule<R>[] {
  return METRIC_RULES;
}

/**
 * The rules of every resource with a period: `period_end` is not before `period_start`.
 * @example periodRules()[0]?.check({ period_start: "2024-01-01", period_end: "2023-12-31" }) // => "period_end 2023-12-31 is before its start 2024-01-01"
 * @category Schema and validation
 */
export function periodRules<R extends PeriodColumns>(): readonly RowRule<R>[] {
  return PERIOD_RULES;
}

/**
 * The rules of every resource with growth rows (corridor_flows, transit): growth rows, and only growth rows, have a
 * base period, and `base_end` is not before `base_start`. The same rule objects are returned every time, so a test
 * can check that two resources share them.
 * @example
 * growthRules() === growthRules() // => true (the same rule objects for corridor_flows and transit)
 * growthRules().map((r) => r.field) // => ["base_start", "base_end"]
 * @category Schema and validation
 */
export function growthRules<R extends GrowthColumns>(): readonly RowRule<R>[] {
  return GROWTH_RULES;
}

/**
 * Every rule of a resource of figures with periods and growth rows, in the order their issues are reported.
 * @example figureRules().map((r) => r.field) // => ["unit", "value", "period_end", "base_start", "base_end"]
 * @category Schema and validation
 */
export function figureRules<R extends GrowthColumns & PeriodColumns>(): readonly RowRule<R>[] {
  return [...metricRules<R>(), ...periodRules<R>(), ...growthRules<R>()];
}

/**
 * The columns of a row with a partial date and its stated precision.
 * @category Schema and validation
 */
export interface DatePrecisionColumns {
  readonly date: string;
  readonly date_precision: string;
}

/**
 * The rule of every resource with a `date` and a `date_precision` column (events, conflict): the precision stated
 * must be the date's own.
 * @example datePrecisionRules()[0]?.check({ date: "2024-08", date_precision: "day" }) // => "date 2024-08 has precision month, not day"
 * @category Schema and validation
 */
export function datePrecisionRules(): RowRule<DatePrecisionColumns>[] {
  return [
    {
      field: "date_precision",
      check: (r) => {
        const d = parsePartialDate(r.date);
        return d && d.precision !== r.date_precision
          ? `date ${r.date} has precision ${d.precision}, not ${r.date_precision}`
          : undefined;
      },
    },
  ];
}
