/**
 * Numbers and lists for prose: notebooks write every figure in their text from the data through these helpers, so
 * that the same value reads the same way everywhere ("4.48 Mt", "+62 %", "Kazakhstan, Kyrgyzstan and Uzbekistan").
 * Deterministic: no locale lookups, no dependence on the machine.
 * @module
 */

/**
 * A number with thousands separators and at most `digits` decimals (trailing zeros dropped).
 * @example formatNumber(4484000) // => "4,484,000"
 * @example formatNumber(62.0417, 1) // => "62"
 * @example formatNumber(-6.25, 1) // => "−6.3"
 * @category Numbers in words
 */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "n/a";
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [int, frac] = rounded.toFixed(digits).split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const decimals = frac !== undefined ? frac.replace(/0+$/, "") : "";
  const sign = value < 0 && rounded !== 0 ? "−" : "";
  return `${sign}${grouped}${decimals ? `.${decimals}` : ""}`;
}

/**
 * Tonnes for prose: millions as "Mt" with up to `digits` decimals (default 2), smaller values in full.
 * @example formatTonnes(4484000) // => "4.48 Mt"
 * @example formatTonnes(10000000) // => "10 Mt"
 * @example formatTonnes(759000) // => "759,000 t"
 * @category Numbers in words
 */
export function formatTonnes(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return "n/a";
  return Math.abs(value) >= 1e6 ? `${formatNumber(value / 1e6, digits)} Mt` : `${formatNumber(value)} t`;
}

/**
 * A value in one of the data package's units, for prose.
 * @example formatQuantity(6000000, "t_per_year") // => "6 Mt a year"
 * @example formatQuantity(56500, "TEU") // => "56,500 TEU"
 * @example formatQuantity(15, "percent") // => "15 %"
 * @example formatQuantity(5e8, "USD") // => "$500 million"
 * @category Numbers in words
 */
export function formatQuantity(value: number, unit: string, digits = 2): string {
  switch (unit) {
    case "t":
      return formatTonnes(value, digits);
    case "t_per_year":
      return `${formatTonnes(value, digits)} a year`;
    case "TEU_per_year":
      return `${formatNumber(value)} TEU a year`;
    case "percent":
      return formatPercent(value, { digits: 1 });
    case "USD":
      return formatUsd(value);
    default:
      return `${formatNumber(value, digits)} ${unit}`;
  }
}

/**
 * US dollars: millions and billions in words.
 * @example formatUsd(500000000) // => "$500 million"
 * @example formatUsd(1250000000) // => "$1.25 billion"
 * @example formatUsd(25000) // => "$25,000"
 * @category Numbers in words
 */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const a = Math.abs(value);
  const sign = value < 0 ? "−" : "";
  if (a >= 1e9) return `${sign}$${formatNumber(a / 1e9, 2)} billion`;
  if (a >= 1e6) return `${sign}$${formatNumber(a / 1e6, 1)} million`;
  return `${sign}$${formatNumber(a)}`;
}

/**
 * A percentage, optionally with its sign (a change).
 * @example formatPercent(62.04) // => "62 %"
 * @example formatPercent(15, { sign: true }) // => "+15 %"
 * @example formatPercent(-8.16, { sign: true, digits: 1 }) // => "−8.2 %"
 * @category Numbers in words
 */
export function formatPercent(
  value: number | null | undefined,
  options: { readonly digits?: number; readonly sign?: boolean } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  const text = formatNumber(value, options.digits ?? 0);
  return `${options.sign && value > 0 && text !== "0" ? "+" : ""}${text} %`;
}

/**
 * A difference of percentages, in percentage points, with its sign.
 * @example formatPoints(-11.99) // => "−12 percentage points"
 * @example formatPoints(0.4, 1) // => "+0.4 percentage points"
 * @category Numbers in words
 */
export function formatPoints(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  const text = formatNumber(value, digits);
  return `${value > 0 && text !== "0" ? "+" : ""}${text} percentage point${text === "1" || text === "−1" ? "" : "s"}`;
}

/**
 * A list in prose: "a", "a and b", "a, b and c" (or "a, b or c" with `conjunction` "or").
 * @example listText(["Kazakhstan", "Kyrgyzstan", "Uzbekistan"]) // => "Kazakhstan, Kyrgyzstan and Uzbekistan"
 * @example listText([], "none") // => "none"
 * @example listText(["Georgia", "Antigua and Barbuda"], "", "or") // => "Georgia or Antigua and Barbuda"
 * @category Numbers in words
 */
export function listText(items: readonly string[], empty = "", conjunction: "and" | "or" = "and"): string {
  if (items.length === 0) return empty;
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]!}`;
}

/**
 * A count with its noun, singular or plural.
 * @example plural(1, "claim") // => "1 claim"
 * @example plural(33, "claim") // => "33 claims"
 * @example plural(2, "summit", "summits") // => "2 summits"
 * @category Numbers in words
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A count in words for small numbers (prose reads better), digits otherwise.
 * @example countWord(5) // => "five"
 * @example countWord(28) // => "28"
 * @category Numbers in words
 */
export function countWord(count: number): string {
  const words = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
  ];
  return Number.isInteger(count) && count >= 0 && count < words.length ? words[count]! : formatNumber(count);
}
