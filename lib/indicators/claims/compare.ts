/**
 * How a value in the data is compared with the article's value: numbers within a tolerance, dates at the precision
 * both give. These rules decide every verdict, so they are stated here once.
 * @module
 */
import { parsePartialDate, startOf } from "../../core/dates";
import type { Verdict } from "./types";

/**
 * A number against the article's: `supported` when `|data − article| ≤ tolerance`, `partly_supported` when within
 * twice the tolerance (tolerance > 0), else `not_supported`.
 * Missing values: none; non-finite inputs give `not_supported`.
 * @example compareNumber(15, 15, 1) // => "supported"
 * @example compareNumber(16.5, 15, 1) // => "partly_supported"
 * @example compareNumber(20, 15, 1) // => "not_supported"
 * @category Claims
 */
export function compareNumber(data: number, article: number, tolerance: number): Verdict {
  const d = Math.abs(data - article);
  const eps = 1e-9 * Math.max(1, Math.abs(article));
  if (d <= tolerance + eps) return "supported";
  if (tolerance > 0 && d <= 2 * tolerance + eps) return "partly_supported";
  return "not_supported";
}

/**
 * Comparison of a number with the article's by an operator (`eq` uses {@link compareNumber}). Missing values: none; non-finite inputs give `not_supported`.
 * @example compareByOp(28, 16, "gte", 0) // => "supported"
 * @category Claims
 */
export function compareByOp(
  data: number,
  article: number,
  op: "eq" | "gte" | "lte" | "gt" | "lt",
  tolerance: number,
): Verdict {
  switch (op) {
    case "eq":
      return compareNumber(data, article, tolerance);
    case "gte":
      return data >= article - tolerance ? "supported" : "not_supported";
    case "lte":
      return data <= article + tolerance ? "supported" : "not_supported";
    case "gt":
      return data > article ? "supported" : "not_supported";
    case "lt":
      return data < article ? "supported" : "not_supported";
  }
}

const RANK = { year: 0, month: 1, day: 2 } as const;

/**
 * A date in the data against the article's date, compared at the precision both give:
 * - equal at that precision, and the data at least as precise as the article → `supported`;
 * - equal, but the data less precise (article 2024-08-09, data 2024-08) → `partly_supported` (the data cannot
 *   confirm the day);
 * - different, but within `toleranceDays` of each other (first days compared) → `supported`;
 * - otherwise `not_supported`. An unreadable date gives `not_checkable`.
 * Missing values: an unreadable date gives `not_checkable`.
 * @example compareDates("2024-12-17", "2024-12") // => "supported"
 * @example compareDates("2024-08", "2024-08-09") // => "partly_supported"
 * @example compareDates("2024-03-19", "2024-12") // => "not_supported"
 * @category Claims
 */
export function compareDates(data: string, article: string, toleranceDays = 0): Verdict {
  const d = parsePartialDate(data);
  const a = parsePartialDate(article);
  if (!d || !a) return "not_checkable";
  const common = RANK[d.precision] < RANK[a.precision] ? d.precision : a.precision;
  const cut = common === "year" ? 4 : common === "month" ? 7 : 10;
  if (data.slice(0, cut) === article.slice(0, cut))
    return RANK[d.precision] >= RANK[a.precision] ? "supported" : "partly_supported";
  const days = Math.abs(Date.parse(startOf(data)) - Date.parse(startOf(article))) / 86_400_000;
  return toleranceDays > 0 && days <= toleranceDays ? "supported" : "not_supported";
}

/**
 * The article's value as a number, if it is one (`"15"`, `"~15"`, `"15 %"`, `"28"`); `undefined` otherwise.
 * @example articleNumber("~15%") // => 15
 * @example articleNumber("most Asian nations") // => undefined
 * @category Claims
 */
export function articleNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*[~≈]?\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The best of several verdicts (supported > partly > not supported > not checkable). Missing values: no verdict gives `not_checkable`.
 * @example bestVerdict(["not_supported", "partly_supported"]) // => "partly_supported"
 * @category Claims
 */
export function bestVerdict(verdicts: readonly Verdict[]): Verdict {
  const order: Verdict[] = ["supported", "partly_supported", "not_supported", "not_checkable"];
  return order.find((v) => verdicts.includes(v)) ?? "not_checkable";
}
