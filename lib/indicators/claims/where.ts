/**
 * Filtering data rows with the `where` object of claim args (see {@link Where}).
 * @module
 */
import type { Where, WhereCondition, WhereScalar } from "./args";

const isScalarList = (c: WhereCondition): c is readonly WhereScalar[] => Array.isArray(c);

function matchOne(value: unknown, cond: WhereCondition): boolean {
  const isList = Array.isArray(value);
  const list = isList ? (value as unknown[]).map(String) : [];
  const text = value === undefined || value === null ? undefined : String(value);
  if (isScalarList(cond)) {
    const wanted = cond.map(String);
    return isList ? wanted.every((w) => list.includes(w)) : text !== undefined && wanted.includes(text);
  }
  if (typeof cond === "object" && cond !== null) {
    if (
      cond.in &&
      !(isList
        ? cond.in.map(String).some((w) => list.includes(w))
        : text !== undefined && cond.in.map(String).includes(text))
    )
      return false;
    if (cond.contains && !(isList && cond.contains.every((w) => list.includes(w)))) return false;
    if (cond.size !== undefined && !(isList && list.length === cond.size)) return false;
    if (cond.prefix !== undefined && !text?.startsWith(cond.prefix)) return false;
    if (cond.gte !== undefined && !(text !== undefined && text >= cond.gte)) return false;
    if (cond.lte !== undefined && !(text !== undefined && text <= cond.lte)) return false;
    return true;
  }
  return isList ? list.includes(String(cond)) : text === String(cond);
}

/**
 * The rows matching every condition of `where` (all rows when `where` is undefined).
 * @example whereRows([{ id: "a", orgs: ["OTS", "SCO"] }, { id: "b", orgs: ["SCO"] }], { orgs: "OTS" }).map((r) => r.id) // => ["a"]
 * @example whereRows([{ date: "2024-08-06" }, { date: "2023-08-01" }], { date: { prefix: "2024-08" } }).length // => 1
 * @category Claims
 */
export function whereRows<R extends object>(rows: readonly R[], where: Where | undefined): R[] {
  if (!where) return [...rows];
  const conds = Object.entries(where);
  return rows.filter((r) => conds.every(([k, c]) => matchOne((r as Record<string, unknown>)[k], c)));
}
