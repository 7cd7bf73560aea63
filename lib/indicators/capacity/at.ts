/**
 * The capacity of an asset as of a date, from capacities.csv.
 *
 * A capacity row counts from the first day of its `as_of` date, and a partial query date means its last day (the
 * date convention of lib/core/period). Missing-value policy of lib/indicators/capacity: `undefined` when no capacity is known
 * by the date; units that do not fit (t against TEU_per_year) throw a `RangeError`.
 * @module
 */
import type { CapacityRow } from "../../data/resources";
import { effectiveFrom, queryDay, withinSpan } from "../../core/period";
import { mergeSources, type Sourced } from "../../core/types";
import { rowSources } from "../series/sources";

/**
 * Capacity statuses of capacities.csv.
 * @category Capacity
 */
export type CapacityStatus = CapacityRow["status"];

/**
 * A capacity known at a date.
 * @category Capacity
 */
export interface CapacityAt extends Sourced<number> {
  readonly unit: string;
  readonly rowId: string;
  readonly asOf: string;
  readonly status: CapacityStatus;
  /** The query date falls inside the span of a partial `as_of` (e.g. asked for 2024-12-15, row dated 2024-12). */
  readonly uncertain: boolean;
  /** Other rows with the same `as_of`, asset, metric and status (conflicting statements). */
  readonly conflicting: readonly string[];
}

/**
 * The latest capacity of `asset` for `metric` stated by `date`, among rows of the given statuses (default
 * `["actual"]`: design, planned and target capacities are not capacities in operation). `undefined` when none.
 * @example
 * capacityAt(pkg.capacities, { asset: "titr", metric: "cargo_capacity", date: "2024-12-31" })?.value // => 6000000
 * @category Capacity
 */
export function capacityAt(
  rows: readonly CapacityRow[],
  query: {
    readonly asset: string;
    readonly metric: string;
    readonly date: string;
    readonly statuses?: readonly CapacityStatus[];
  },
): CapacityAt | undefined {
  const statuses = query.statuses ?? ["actual"];
  const day = queryDay(query.date);
  const known = rows
    .filter(
      (r) =>
        r.asset === query.asset &&
        r.metric === query.metric &&
        statuses.includes(r.status) &&
        effectiveFrom(r.as_of) <= day,
    )
    .sort((a, b) => effectiveFrom(b.as_of) - effectiveFrom(a.as_of) || a.id.localeCompare(b.id));
  const best = known[0];
  if (!best) return undefined;
  const same = known.filter(
    (r) => r !== best && effectiveFrom(r.as_of) === effectiveFrom(best.as_of) && r.status === best.status,
  );
  return {
    value: best.value,
    unit: best.unit,
    rowId: best.id,
    asOf: best.as_of,
    status: best.status,
    uncertain: withinSpan(best.as_of, query.date),
    conflicting: same.map((r) => r.id),
    sources: mergeSources(rowSources(best)),
  };
}
