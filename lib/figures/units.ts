/**
 * Units of chart values: display names of unit codes, a scale (thousand, million, billion) for large values, and
 * the number format of value labels.
 * @module
 */
import { maxOf } from "../core/extent";
import { formatNumber } from "../core/format";

const UNIT_LABELS: Readonly<Record<string, string>> = {
  t: "t",
  TEU: "TEU",
  containers: "containers",
  percent: "%",
  t_per_year: "t/year",
  TEU_per_year: "TEU/year",
  USD: "US$",
  index: "index",
  count: "count",
  states: "states",
  years: "years",
};

/** Units whose large values are shown in thousands, millions or billions. */
const SCALABLE = new Set(["t", "TEU", "containers", "t_per_year", "TEU_per_year", "USD"]);

/** Units that count things: their axes tick at whole numbers only (lib/figures/axes countAxis). */
const COUNT_UNITS = new Set([
  "number",
  "count",
  "events",
  "states",
  "organisations",
  "organizations",
  "memberships",
  "claims",
  "funds",
  "members",
  "statements",
  "ties",
]);

/**
 * Whether a unit (code or display form) counts things, so that halves make no sense.
 * @example isCountUnit("events") // => true
 * @example isCountUnit("million t") // => false
 * @category House style
 */
export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.has(unit.trim().toLowerCase());
}

/**
 * Display form of a unit code. @example unitLabel("t_per_year") // => "t/year"
 * @category House style
 */
export function unitLabel(unit: string): string {
  return UNIT_LABELS[unit] ?? unit;
}

/**
 * How values of a unit are scaled for display: divide by `factor`, call the unit `label`.
 * @category House style
 */
export interface ValueScale {
  readonly factor: number;
  /** E.g. "million t". */
  readonly label: string;
}

/**
 * A display scale for values in a unit: tonnes, TEU and dollars in thousands, millions or billions when large;
 * percentages and other units unscaled.
 * @example valueScale([3_400_000, 5_100_000], "t") // => { factor: 1e6, label: "million t" }
 * @category House style
 */
export function valueScale(values: readonly (number | null | undefined)[], unit: string): ValueScale {
  const label = unitLabel(unit);
  if (!SCALABLE.has(unit)) return { factor: 1, label };
  const max = maxOf(values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).map(Math.abs), 0);
  if (max >= 1e9) return { factor: 1e9, label: `billion ${label}` };
  if (max >= 1e6) return { factor: 1e6, label: `million ${label}` };
  if (max >= 1e4) return { factor: 1e3, label: `thousand ${label}` };
  return { factor: 1, label };
}

/**
 * A value for labels: grouped thousands, 0–2 decimals depending on size, no trailing zeros, "−" for minus (as
 * lib/core/format's formatNumber writes numbers in prose).
 * @example formatValue(1234.5) // => "1,235"
 * @example formatValue(3.456) // => "3.46"
 * @example formatValue(-8.1401) // => "−8.14"
 * @category House style
 */
export function formatValue(value: number): string {
  return formatNumber(value, valueDigits(Math.abs(value)));
}

/**
 * Decimals {@link formatValue} gives a value of this size: 0 from 100, 1 from 10, else 2. Labels of one chart
 * share those of its largest value.
 * @example valueDigits(55.8) // => 1
 * @category House style
 */
export function valueDigits(abs: number): number {
  return abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
}

/**
 * A count unit's word for this value: singular for exactly one ("1 event"), else as given; other units unchanged.
 * @example countNoun(1, "events") // => "event"
 * @example countNoun(2, "events") // => "events"
 * @example countNoun(1, "million t") // => "million t"
 * @category House style
 */
export function countNoun(value: number, word: string): string {
  return value === 1 && isCountUnit(word) && /[^s]s$/.test(word) ? word.slice(0, -1) : word;
}
