/**
 * Axes of the house style: a value axis always titled with its unit, and a year axis with integer ticks only.
 * @module
 */
import { maxOf, minOf } from "../core/extent";
import { HOUSE } from "./frame";
import { plotlyText } from "./text";
import { isCountUnit } from "./units";

/**
 * Axis title with its unit; a builder cannot make an axis without one.
 * @example axisTitle("Cargo", "million t") // => "Cargo (million t)"
 * @category House style
 */
export function axisTitle(quantity: string, unit: string): string {
  if (unit.trim() === "") throw new RangeError(`axis "${quantity}" needs a unit`);
  return `${quantity} (${unit})`;
}

/**
 * Tick spacing of a year axis: 1, 2, 5, 10 … years so that at most about 12 ticks show.
 * @example yearStep(2015, 2026) // => 1
 * @example yearStep(1990, 2026) // => 5
 * @category House style
 */
export function yearStep(first: number, last: number, maxTicks = 12): number {
  const span = Math.max(1, Math.ceil(last) - Math.floor(first));
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100]) if (span / step <= maxTicks) return step;
  return 100;
}

/**
 * A linear year axis with integer ticks only (`tickformat: "d"`, `dtick` 1, 2, 5 … years), padded by half a year.
 * @example yearAxis([2019, 2024]).tickformat // => "d"
 * @category House style
 */
export function yearAxis(
  years: readonly number[],
  options: { readonly title?: string; readonly pad?: number; readonly maxTicks?: number } = {},
): Record<string, unknown> {
  const finite = years.filter((y) => Number.isFinite(y));
  const lo = finite.length > 0 ? minOf(finite) : 2000;
  const hi = finite.length > 0 ? maxOf(finite) : lo + 1;
  const pad = options.pad ?? 0.5;
  const dtick = yearStep(lo, hi, options.maxTicks);
  return {
    type: "linear",
    title: { text: plotlyText(options.title ?? "Year"), standoff: 8 },
    tickformat: "d",
    hoverformat: "d",
    tickmode: "linear",
    tick0: Math.floor(lo / dtick) * dtick,
    dtick,
    range: [lo - pad, hi + pad],
    showgrid: false,
    ticks: "outside",
    ticklen: 4,
    zeroline: false,
    automargin: false,
  };
}

/**
 * A value axis whose title carries the unit.
 * @example valueAxis("Cargo", "million t").title // => { text: "Cargo (million t)", standoff: 6 }
 * @category House style
 */
export function valueAxis(
  quantity: string,
  unit: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    title: { text: plotlyText(axisTitle(quantity, unit)), standoff: 6 },
    separatethousands: true,
    exponentformat: "none",
    gridcolor: HOUSE.gridColor,
    zeroline: true,
    zerolinecolor: "#BBBBBB",
    rangemode: "tozero",
    automargin: false,
    ...extra,
  };
}

/**
 * Tick spacing of a count axis: a whole number 1, 2, 5, 10, 20, 25, 50 … so that at most about `maxTicks` ticks show.
 * @example countStep(4) // => 1
 * @example countStep(13) // => 2
 * @example countStep(140) // => 20
 * @category House style
 */
export function countStep(max: number, maxTicks = 8): number {
  const top = Number.isFinite(max) ? Math.max(1, Math.abs(max)) : 1;
  for (let scale = 1; ; scale *= 10) {
    for (const step of [1, 2, 2.5, 5]) {
      const s = step * scale;
      if (Number.isInteger(s) && top / s <= maxTicks) return s;
    }
  }
}

/**
 * A value axis for counts (events, memberships, states …): whole-number ticks only (`tickformat: "d"`, `dtick` ≥ 1
 * chosen from the largest value), starting at zero; `extra` as in {@link valueAxis}.
 * @example countAxis("Events", "events", [0, 1, 3]).dtick // => 1
 * @example countAxis("Events", "events", [0, 1, 3]).tickformat // => "d"
 * @category House style
 */
export function countAxis(
  quantity: string,
  unit: string,
  values: readonly (number | null | undefined)[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const max = finite.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  return valueAxis(quantity, unit, {
    tickmode: "linear",
    tick0: 0,
    dtick: countStep(max),
    tickformat: "d",
    hoverformat: "d",
    ...extra,
  });
}

/**
 * The value axis for a unit: {@link countAxis} when the unit counts things ({@link isCountUnit}), else
 * {@link valueAxis}.
 * @example valueAxisFor("Claims", "number", [2, 5]).dtick // => 1
 * @example valueAxisFor("Cargo", "million t", [2, 5]).dtick // => undefined
 * @category House style
 */
export function valueAxisFor(
  quantity: string,
  unit: string,
  values: readonly (number | null | undefined)[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return isCountUnit(unit) ? countAxis(quantity, unit, values, extra) : valueAxis(quantity, unit, extra);
}
