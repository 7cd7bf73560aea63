/**
 * Dates for reports: the as-of date of a run (never the wall clock), and dates in words.
 * @module
 */
import type { DataPackage } from "../data/load";
import { endOf, MONTH_NAMES, parsePartialDate, startOf } from "../core/dates";

/**
 * The latest date in the data: the latest publication date of any source in sources.csv (a partial date counts
 * from its first day, the convention of lib/core/period, so a page dated only "2026" never moves the date to the
 * end of 2026). It is the date the package is current to, so an analysis "as of the latest data" is reproducible:
 * the same data give the same date on any day. Undated sources are ignored. Throws when no source is dated.
 * @example latestDataDate(dataPackage()) // => "2026-03-10" (with the package as of March 2026)
 * @category Notebook context
 */
export function latestDataDate(pkg: Pick<DataPackage, "sources">): string {
  let latest: string | undefined;
  for (const s of pkg.sources) {
    if (!s.published || !parsePartialDate(s.published)) continue;
    const end = startOf(s.published);
    if (latest === undefined || end > latest) latest = end;
  }
  if (latest === undefined) throw new RangeError("no source in sources.csv has a publication date");
  return latest;
}

/**
 * The as-of date of a run: the notebook parameter `asOf` when given (a partial date means its last day), else
 * {@link latestDataDate}. Throws a `RangeError` naming the parameter when it is not an ISO date.
 * @example resolveAsOf("", pkg) // => latestDataDate(pkg)
 * @example resolveAsOf("2024-11", pkg) // => "2024-11-30"
 * @category Notebook context
 */
export function resolveAsOf(asOf: string | null | undefined, pkg: Pick<DataPackage, "sources">): string {
  const given = (asOf ?? "").trim();
  if (given === "") return latestDataDate(pkg);
  if (!parsePartialDate(given))
    throw new RangeError(
      `asOf = "${given}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); leave it empty for the latest date in the data`,
    );
  return endOf(given);
}

/**
 * A date in words, at the precision it has.
 * @example formatDate("2024-11-06") // => "6 November 2024"
 * @example formatDate("2024-08") // => "August 2024"
 * @example formatDate("2026") // => "2026"
 * @category Notebook context
 */
export function formatDate(date: string): string {
  const d = parsePartialDate(date);
  if (!d) return date;
  if (d.precision === "year") return String(d.year);
  const month = MONTH_NAMES[d.month! - 1]!;
  return d.precision === "month" ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

/**
 * The year of an ISO date (full or partial). @example yearOf("2024-11-30") // => 2024
 * @category Notebook context
 */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
