/**
 * Index to a base period: every value as a multiple of the base value, times 100.
 * Missing-value policy: `undefined` when the base period is missing, null or zero (there is no index);
 * null points stay null.
 * @module
 */
import { mergeSources, type Series } from "../../core/types";

/**
 * The series indexed to the point labelled `base` (e.g. `"2019"`) = 100. Every point keeps its sources plus the
 * base point's sources. `undefined` when the base point is missing, null or zero.
 * @example
 * // 2019 = 759,000 t → 100; 2024 = 4,484,000 t → 4484 / 759 × 100 = 590.8
 * indexToBase(seriesOf({ "2019": 759000, "2024": 4484000 }, { metric: "cargo", unit: "t" }), "2019")?.points.map((p) => p.value) // => [100, 590.77…]
 * @category Series
 */
export function indexToBase(series: Series, base: string): Series | undefined {
  const b = series.points.find((p) => p.label === base);
  if (!b || b.value === null || b.value === 0) return undefined;
  const baseValue = b.value;
  return {
    ...series,
    id: `${series.id}:index-${base}`,
    label: `${series.label}, ${base} = 100`,
    unit: `index (${base} = 100)`,
    points: series.points.map((p) => ({
      ...p,
      value: p.value === null ? null : (p.value / baseValue) * 100,
      sources: mergeSources(p.sources, b.sources),
    })),
  };
}
