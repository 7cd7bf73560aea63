/**
 * Periods and statement dates: how the indicator library reads the closed periods of series points and the
 * partial dates of statements (`since`, `until`, `as_of`, `founded`).
 *
 * **The one date convention of the indicator library.** A partial date in the data (`2018`, `2018-05`) counts from
 * the *first* day it can mean ({@link startOf}): a status that starts "2018" holds from 2018-01-01, and a status that
 * ends ("until") "2018" has ended by 2018-01-01, so that a chain of rows (`until` of one row = `since` of the next)
 * has neither a gap nor an overlap. A *query* date that is partial means the *last* day it can mean
 * ({@link endOf}): "as of 2018" is "as of 2018-12-31". Results say `uncertain: true` when the query day falls
 * inside the span of a partial date that decided the answer.
 * @module
 */
import { daysInMonth, endOf, monthsBetween, parsePartialDate, startOf } from "./dates";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * A day as a sortable integer `YYYYMMDD` (fast to compare in tight loops).
 * Missing values: none; expects a full date, and gives `NaN` for text that is not one.
 * @example dayNumber("2024-09-30") // => 20240930
 * @category Dates and periods
 */
export function dayNumber(fullDate: string): number {
  return Number(fullDate.slice(0, 4)) * 10000 + Number(fullDate.slice(5, 7)) * 100 + Number(fullDate.slice(8, 10));
}

/**
 * The day from which a dated statement or status counts: the first day of a partial date, as a {@link dayNumber}.
 * Missing values: none; a text that is not an ISO date throws a `RangeError`.
 * @example effectiveFrom("2018") // => 20180101
 * @category Dates and periods
 */
export function effectiveFrom(date: string): number {
  return dayNumber(startOf(date));
}

/**
 * The day a query date stands for: the last day of a partial date, as a {@link dayNumber}
 * ("as of 2018" is "as of 2018-12-31").
 * Missing values: none; a text that is not an ISO date throws a `RangeError`.
 * @example queryDay("2018") // => 20181231
 * @category Dates and periods
 */
export function queryDay(date: string): number {
  return dayNumber(endOf(date));
}

/**
 * Whether the query day falls inside the span a partial date can mean, before its last day (so an answer decided by
 * that date is uncertain: on 2018-06-30 a status that began "2018" may not have begun yet; on 2018-12-31 it has).
 * A full date is never uncertain.
 * @example withinSpan("2018", "2018-06-30") // => true
 * @example withinSpan("2018", "2018-12-31") // => false
 * @example withinSpan("2018-05-04", "2018-05-04") // => false
 * @category Dates and periods
 */
export function withinSpan(partialDate: string, queryDate: string): boolean {
  const d = parsePartialDate(partialDate);
  if (!d || d.precision === "day") return false;
  const q = queryDay(queryDate);
  return q >= effectiveFrom(partialDate) && q < queryDay(partialDate);
}

/**
 * Whether a closed period is whole months (starts on the 1st, ends on a month's last day).
 * Missing values: dates that are not full ISO dates give `false`.
 * @example isWholeMonths("2024-01-01", "2024-09-30") // => true
 * @example isWholeMonths("2024-01-05", "2024-09-30") // => false
 * @category Dates and periods
 */
export function isWholeMonths(start: string, end: string): boolean {
  const s = parsePartialDate(start);
  const e = parsePartialDate(end);
  if (!s || !e || s.precision !== "day" || e.precision !== "day") return false;
  return s.day === 1 && e.day === daysInMonth(e.year, e.month!);
}

/**
 * Number of months of a closed period of whole months; `undefined` when the period is not whole months.
 * @example periodMonths("2024-01-01", "2024-09-30") // => 9
 * @example periodMonths("2024-01-01", "2024-09-15") // => undefined
 * @category Dates and periods
 */
export function periodMonths(start: string, end: string): number | undefined {
  return isWholeMonths(start, end) ? monthsBetween(start, end) : undefined;
}

/**
 * The calendar year a period covers exactly, or `undefined` when it is not one whole calendar year.
 * @example calendarYear("2024-01-01", "2024-12-31") // => 2024
 * @example calendarYear("2024-01-01", "2024-09-30") // => undefined
 * @category Dates and periods
 */
export function calendarYear(start: string, end: string): number | undefined {
  const y = Number(start.slice(0, 4));
  return start === `${y}-01-01` && end === `${y}-12-31` ? y : undefined;
}

/**
 * A short label for a closed period: `2024` for a calendar year, `Jan–Sep 2024` for whole months within a year,
 * `Mar 2024` for one month, otherwise `2024-01-05–2024-09-30`.
 * Missing values: none; a period that is not whole months or a calendar year is labelled by its two dates.
 * @example periodLabel("2024-01-01", "2024-09-30") // => "Jan–Sep 2024"
 * @example periodLabel("2023-01-01", "2023-12-31") // => "2023"
 * @category Dates and periods
 */
export function periodLabel(start: string, end: string): string {
  const year = calendarYear(start, end);
  if (year !== undefined) return String(year);
  if (isWholeMonths(start, end) && start.slice(0, 4) === end.slice(0, 4)) {
    const m1 = MONTHS[Number(start.slice(5, 7)) - 1]!;
    const m2 = MONTHS[Number(end.slice(5, 7)) - 1]!;
    return m1 === m2 ? `${m1} ${start.slice(0, 4)}` : `${m1}–${m2} ${start.slice(0, 4)}`;
  }
  return `${start}–${end}`;
}

/**
 * Shifts a full date by whole years, keeping "last day of the month" as last day (2024-02-29 − 1 year = 2023-02-28).
 * Missing values: none; a text that is not a full ISO date throws a `RangeError`.
 * @example shiftYears("2024-09-30", -1) // => "2023-09-30"
 * @example shiftYears("2024-02-29", -1) // => "2023-02-28"
 * @category Dates and periods
 */
export function shiftYears(fullDate: string, years: number): string {
  const d = parsePartialDate(fullDate);
  if (d?.precision !== "day") throw new RangeError(`"${fullDate}" is not a full ISO date`);
  const y = d.year + years;
  const last = d.day === daysInMonth(d.year, d.month!);
  const day = last ? daysInMonth(y, d.month!) : Math.min(d.day!, daysInMonth(y, d.month!));
  return `${String(y).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Decimal year of the middle of a closed period (used to space published figures in time).
 * Missing values: none; dates that are not full ISO dates give `NaN`.
 * @example periodMidYear("2024-01-01", "2024-12-31") // => 2024.5
 * @category Dates and periods
 */
export function periodMidYear(start: string, end: string): number {
  const s = Date.parse(`${start}T00:00:00Z`);
  const e = Date.parse(`${end}T00:00:00Z`) + 86_400_000; // closed period: through the end of the last day
  const mid = new Date((s + e) / 2);
  const y = mid.getUTCFullYear();
  const y0 = Date.UTC(y, 0, 1);
  const y1 = Date.UTC(y + 1, 0, 1);
  return y + (mid.getTime() - y0) / (y1 - y0);
}
