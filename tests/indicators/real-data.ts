/**
 * Shared helper of the indicator tests: the real data package, and rows picked by id so that a test fails with a
 * clear message when a row it was checked against by hand changes or disappears.
 */
import { dataPackage, type DataPackage } from "../../lib/data";

/** The checkout's data package (validated; throws a DataError listing every problem). */
export function realData(): DataPackage {
  return dataPackage();
}

/** The row with this id, or a thrown error naming it. */
export function rowById<R extends { readonly id: string }>(rows: readonly R[], id: string): R {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`row ${id} is not in the data any more; the hand-checked expectation needs it`);
  return row;
}

/** `a` and `b` agree to `digits` decimal places (for hand arithmetic written with limited digits). */
export function near(a: number | null | undefined, b: number, digits = 4): boolean {
  return a !== null && a !== undefined && Math.abs(a - b) < 0.5 * 10 ** -digits;
}
