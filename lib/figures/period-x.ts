/**
 * Where a period of a {@link SeriesPoint} sits on a chart's time axis.
 * @module
 */
import { decimalYear, startOf, endOf } from "../core/dates";
import type { SeriesPoint } from "../core/types";

/**
 * Position of a point on a year axis.
 * @category House style
 */
export interface PeriodX {
  /** Year of the end of the period (integer): a full calendar year sits on its own tick. */
  readonly year: number;
  /** True when the period is exactly one calendar year. */
  readonly fullYear: boolean;
  /** Length of the period in days. */
  readonly days: number;
}

const DAY = 86_400_000;

/**
 * Year-axis position of a period: full calendar years on their year; other periods on the year they end, flagged
 * so that charts draw them apart (hollow markers, no connecting line).
 * @example periodX({ periodStart: "2024-01-01", periodEnd: "2024-09-30" }) // => { year: 2024, fullYear: false, days: 274 }
 * @category House style
 */
export function periodX(point: Pick<SeriesPoint, "periodStart" | "periodEnd">): PeriodX {
  const year = Number(point.periodEnd.slice(0, 4));
  const fullYear = point.periodStart === `${year}-01-01` && point.periodEnd === `${year}-12-31`;
  const days =
    Math.round((Date.parse(`${point.periodEnd}T00:00:00Z`) - Date.parse(`${point.periodStart}T00:00:00Z`)) / DAY) + 1;
  return { year, fullYear, days };
}

/**
 * Decimal year of the start of a partial ISO date. @example dateStartYear("2024-07") // => 2024.497… (day 182 of 366)
 * @category House style
 */
export function dateStartYear(date: string): number {
  return decimalYear(startOf(date));
}

/**
 * Decimal year just after the end of a partial ISO date (so a year-precision date covers its whole year).
 * @example dateEndYear("2024") // => 2025
 * @category House style
 */
export function dateEndYear(date: string): number {
  const end = endOf(date);
  const next = new Date(Date.parse(`${end}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  return decimalYear(next);
}
