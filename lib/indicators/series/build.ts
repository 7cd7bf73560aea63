/**
 * Building a small {@link Series} by hand (scenarios, examples, tests), with the same point shape as the data.
 * @module
 */
import { endOf, startOf } from "../../core/dates";
import type { Series, SeriesPoint, SourceId, ValueStatus } from "../../core/types";
import { periodLabel } from "../../core/period";

/**
 * The closed period a key stands for: `"2024"` (a calendar year), `"2024-01..2024-09"` (whole months),
 * `"2024-01-01..2024-09-30"` (days), or a single `"2024-03"` (one month).
 * Missing values: none; a key that is not a date or a range of dates throws a `RangeError`.
 * @example periodOfKey("2024-01..2024-09") // => { start: "2024-01-01", end: "2024-09-30" }
 * @category Series
 */
export function periodOfKey(key: string): { start: string; end: string } {
  const [a, b] = key.split("..");
  if (a === undefined) throw new RangeError(`"${key}" is not a period`);
  return { start: startOf(a), end: endOf(b ?? a) };
}

/**
 * A series from a record of period keys (see {@link periodOfKey}) to values; `null` is a gap.
 * Points are sorted by period. Every point gets the `sources` given (default none).
 * @example seriesOf({ "2019": 759000, "2020": 783000 }, { metric: "cargo", unit: "t" }).points[1]?.label // => "2020"
 * @category Series
 */
export function seriesOf(
  values: Readonly<Record<string, number | null>>,
  meta: {
    readonly metric: string;
    readonly unit: string;
    readonly scope?: string;
    readonly id?: string;
    readonly label?: string;
    readonly status?: ValueStatus;
    readonly sources?: readonly SourceId[];
  },
): Series {
  const points: SeriesPoint[] = Object.entries(values)
    .map(([key, value]) => {
      const { start, end } = periodOfKey(key);
      return {
        periodStart: start,
        periodEnd: end,
        label: periodLabel(start, end),
        value,
        status: meta.status ?? "actual",
        sources: meta.sources ?? [],
      };
    })
    .sort((a, b) =>
      a.periodStart === b.periodStart
        ? a.periodEnd.localeCompare(b.periodEnd)
        : a.periodStart.localeCompare(b.periodStart),
    );
  return {
    id: meta.id ?? `${meta.scope ?? "manual"}:${meta.metric}`,
    label: meta.label ?? meta.metric,
    metric: meta.metric,
    unit: meta.unit,
    scope: meta.scope ?? "manual",
    points,
  };
}
