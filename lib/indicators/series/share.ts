/**
 * Shares: one value as a percent of another, and a part series as a percent of a whole series, period by period.
 * Missing-value policy: `undefined` (scalar) or a null point (series) when the part or whole is missing or the whole
 * is zero. Series in different units are refused with a `RangeError`.
 * @module
 */
import { mergeSources, type Series, type SeriesPoint } from "../../core/types";
import { findPoint } from "./change";

/**
 * `part` as a percent of `whole`. `undefined` when either is missing or not finite, or `whole` is zero.
 * @example share(17.2, 30.2) // => 56.95… (percent)
 * @example share(1, 0) // => undefined
 * @category Series
 */
export function share(part: number | null | undefined, whole: number | null | undefined): number | undefined {
  if (part === null || part === undefined || whole === null || whole === undefined) return undefined;
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) return undefined;
  return (part / whole) * 100;
}

/**
 * The part series as a percent of the whole series for every period of the part; a period the whole lacks gives a
 * null point. Both series must have the same unit. Points keep the sources of both values.
 * @example
 * const part = seriesOf({ "2024": 17.2 }, { metric: "transit", unit: "t" });
 * const whole = seriesOf({ "2024": 30.2 }, { metric: "cargo", unit: "t" });
 * shareSeries(part, whole).points[0]?.value // => 56.95…
 * @category Series
 */
export function shareSeries(part: Series, whole: Series): Series {
  if (part.unit !== whole.unit) throw new RangeError(`cannot take a share of ${part.unit} in ${whole.unit}`);
  const points: SeriesPoint[] = part.points.map((p) => {
    const w = findPoint(whole, p.periodStart, p.periodEnd);
    return {
      ...p,
      value: share(p.value, w?.value) ?? null,
      sources: w ? mergeSources(p.sources, w.sources) : p.sources,
    };
  });
  return {
    id: `${part.id}:share-of:${whole.id}`,
    label: `${part.label} as a share of ${whole.label}`,
    metric: `${part.metric}_share`,
    unit: "percent",
    scope: part.scope === whole.scope ? part.scope : `${part.scope} of ${whole.scope}`,
    points,
    ...(part.mixed || whole.mixed ? { mixed: [part.mixed, whole.mixed].filter(Boolean).join("; ") } : {}),
  };
}
