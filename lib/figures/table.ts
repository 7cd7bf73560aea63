/**
 * The table model shared by notebook display and report export: columns with units, rows of plain values, and the
 * ids of the sources behind them.
 * @module
 */
import type { SourceId } from "../core/types";

/**
 * A cell value. `null` and `undefined` are written as empty cells.
 * @category Figure builders
 */
export type TableCell = string | number | boolean | null | undefined;

/**
 * A column: the key of the value in each row, its header, and its unit (shown in the header).
 * @category Figure builders
 */
export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly unit?: string;
}

/**
 * A table with the ids of its sources.
 * @category Figure builders
 */
export interface TableInput {
  readonly title?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, TableCell>>[];
  readonly sources: readonly SourceId[];
}

/**
 * Header of a column: label with unit. @example columnHeader({ key: "v", label: "Cargo", unit: "t" }) // => "Cargo (t)"
 * @category Figure builders
 */
export function columnHeader(column: TableColumn): string {
  return column.unit !== undefined && column.unit !== "" ? `${column.label} (${column.unit})` : column.label;
}

/**
 * Text of a cell: numbers in full (no grouping, no exponent for ordinary sizes), booleans as true/false.
 * @example
 * cellText(4.6e8) // => "460000000"
 * cellText(null) // => ""
 * @category Figure builders
 */
export function cellText(value: TableCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value);
}
