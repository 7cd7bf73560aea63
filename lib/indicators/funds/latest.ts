/**
 * The latest statement of each fund as of a date: funds.csv holds one row per change of capital (`id`, `as_of`).
 *
 * Missing-value policy of lib/indicators/funds: a missing capital figure is missing, never zero: sums skip it and say how many
 * funds had none. A row counts from the first day of its `as_of`; a partial query date means its last day.
 * @module
 */
import type { FundRow } from "../../data/resources";
import { effectiveFrom, queryDay } from "../../core/period";

/**
 * One row per fund: the row with the latest `as_of` not after `asOf` (default: the latest row of each fund).
 * Funds with no row by then are left out. Sorted by fund id.
 * Missing values: a fund with no row by the date is left out; an empty table gives an empty list.
 * @example latestFundRows(pkg.funds, "2024-11-30").map((f) => f.id) // => ["aze-kgz-development-fund", "aze-uzb-investment-fund", "kaz-aze-investment-fund", "turkic-investment-fund"]
 * @category Funds
 */
export function latestFundRows(rows: readonly FundRow[], asOf?: string): FundRow[] {
  const day = asOf === undefined ? Infinity : queryDay(asOf);
  const best = new Map<string, FundRow>();
  for (const r of rows) {
    if (effectiveFrom(r.as_of) > day) continue;
    const cur = best.get(r.id);
    if (!cur || effectiveFrom(r.as_of) > effectiveFrom(cur.as_of)) best.set(r.id, r);
  }
  return [...best.values()].sort((a, b) => a.id.localeCompare(b.id));
}
