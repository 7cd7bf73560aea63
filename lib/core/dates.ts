import type { IsoDate } from "./types";

/**
 * A date as published: a day, a month or only a year.
 * @category Dates and periods
 */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: "year" | "month" | "day";
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
 * Returns `undefined` for anything else (including `2023-02-29`).
 * @example parsePartialDate("2024-09") // => { year: 2024, month: 9, precision: "month" }
 * @category Dates and periods
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: "year" };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: "month" };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: "day" };
}

/**
 * English month names, January first. @example MONTH_NAMES[5] // => "June"
 * @category Dates and periods
 */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * Why `text` is not a partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or `undefined` when it is one: a month or
 * day that does not exist is named ("June has 30 days", "February 2025 has 28 days", "month 13 does not exist");
 * anything else is "expected YYYY, YYYY-MM or YYYY-MM-DD". Agrees with {@link parsePartialDate}: `undefined` exactly
 * when that parses.
 * @example partialDateProblem("2026-06-31") // => "June has 30 days"
 * @example partialDateProblem("2025-02-29") // => "February 2025 has 28 days"
 * @example partialDateProblem("2026-13") // => "month 13 does not exist"
 * @example partialDateProblem("2024-02-29") // => undefined
 * @category Dates and periods
 */
export function partialDateProblem(text: string): string | undefined {
  const m = ISO.exec(text);
  if (!m) return "expected YYYY, YYYY-MM or YYYY-MM-DD";
  if (m[2] === undefined) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `month ${m[2]} does not exist`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  const days = daysInMonth(year, month);
  if (day < 1) return `day ${m[3]} does not exist`;
  if (day > days)
    return month === 2 ? `February ${year} has ${days} days` : `${MONTH_NAMES[month - 1]} has ${days} days`;
  return undefined;
}

/**
 * Days in a month of the Gregorian calendar. @example daysInMonth(2024, 2) // => 29
 * @category Dates and periods
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first day a partial date can mean, as `YYYY-MM-DD`.
 * @example startOf("2024-09" as IsoDate) // => "2024-09-01"
 * @category Dates and periods
 */
export function startOf(date: IsoDate | string): string {
  const d = parsePartialDate(date);
  if (!d) throw new RangeError(`"${date}" is not an ISO date`);
  return `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/**
 * The last day a partial date can mean, as `YYYY-MM-DD`.
 * @example endOf("2024-02" as IsoDate) // => "2024-02-29"
 * @category Dates and periods
 */
export function endOf(date: IsoDate | string): string {
  const d = parsePartialDate(date);
  if (!d) throw new RangeError(`"${date}" is not an ISO date`);
  const month = d.month ?? 12;
  return `${d.year}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

/**
 * Decimal year of a full ISO date, for trend fits. @example decimalYear("2024-07-02") // => 2024.5 (day 183 of 366)
 * @category Dates and periods
 */
export function decimalYear(date: string): number {
  const t = Date.parse(`${startOf(date)}T00:00:00Z`);
  const y = Number(date.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (t - start) / (end - start);
}

/**
 * Whole months covered by a closed period of full dates. @example monthsBetween("2024-01-01", "2024-09-30") // => 9
 * @category Dates and periods
 */
export function monthsBetween(start: string, end: string): number {
  const s = parsePartialDate(start);
  const e = parsePartialDate(end);
  if (!s || !e) throw new RangeError(`"${start}".."${end}" is not a period of ISO dates`);
  return (e.year - s.year) * 12 + ((e.month ?? 12) - (s.month ?? 1)) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
