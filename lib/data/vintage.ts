/**
 * Data vintages: the data package as it could have been read on a date. A row belongs to the vintage of a date
 * when at least one of its sources was published by that date. Rows whose sources are all dated later are left
 * out. An undated source counts as published only after the row's own date (the end of its period, its event or
 * statement date): a page cannot report a figure before its period ends or an event before it happens, so an
 * undated page about 2025 never enters a 2016 vintage, nor one about 2016 a vintage of 31 December 2016; a row
 * without a date of its own keeps an undated source in every vintage.
 * Sources, states, claims and gaps are not filtered. Use it to ask what an author could have checked on the day of writing, or to
 * re-run an analysis on the data known at an earlier date.
 * @module
 */
import type { DataPackage } from "./load";
import { endOf, parsePartialDate, startOf } from "../core/dates";

/**
 * The publication date of a source, as the data package gives it.
 * @category Vintages
 */
export interface DatedSource {
  readonly published?: string | undefined;
}

/**
 * Whether a row could be read on `date`: some source published by then (a partial publication date counts from its
 * first day), or some source undated when the row's own date (`rowDate`, e.g. the end of its period; a partial date
 * by its last day) is before then (no `rowDate`: an undated source is always kept).
 * @example rowKnownBy({ sources: ["a"] }, new Map([["a", { published: "2025-02" }]]), "2024-11-30") // => false
 * @example rowKnownBy({ sources: ["a"] }, new Map([["a", { published: "" }]]), "2016-12-31", "2025-12-31") // => false
 * @category Vintages
 */
export function rowKnownBy(
  row: { readonly sources: readonly string[] },
  sourceById: ReadonlyMap<string, DatedSource>,
  date: string,
  rowDate?: string,
): boolean {
  const day = endOf(date);
  if (row.sources.length === 0) return true;
  return row.sources.some((id) => {
    const published = sourceById.get(id)?.published;
    if (!published || !parsePartialDate(published))
      return rowDate === undefined || !parsePartialDate(rowDate) || endOf(rowDate) < day;
    return startOf(published) <= day;
  });
}

/**
 * The column holding each filtered resource's own date (what an undated source cannot precede), if it has one.
 * @category Vintages
 */
export const ROW_DATE_COLUMN: Readonly<Partial<Record<VintageResource, string>>> = {
  organizations: "founded",
  memberships: "since",
  membershipCoverage: "as_of",
  corridorFlows: "period_end",
  capacities: "as_of",
  transit: "period_end",
  funds: "as_of",
  trade: "period_end",
  tradeTotals: "period_end",
  events: "date",
  conflict: "date",
  observations: "as_of",
};

/** A row's own date by {@link ROW_DATE_COLUMN}, or `undefined`. */
function rowDateOf(resource: VintageResource, row: object): string | undefined {
  const column = ROW_DATE_COLUMN[resource];
  const v = column === undefined ? undefined : (row as Record<string, unknown>)[column];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * Resources a vintage filters (every resource whose rows cite sources).
 * @category Vintages
 */
export const VINTAGE_RESOURCES = [
  "organizations",
  "memberships",
  "membershipCoverage",
  "corridorFlows",
  "capacities",
  "transit",
  "funds",
  "trade",
  "tradeTotals",
  "events",
  "conflict",
  "agreementTopics",
  "observations",
  "stateAttributes",
] as const;

/**
 * A resource a vintage filters.
 * @category Vintages
 */
export type VintageResource = (typeof VINTAGE_RESOURCES)[number];

/**
 * The package as known on `date` (see the module comment). Resources are filtered when first read, so a notebook
 * that never touches a resource does not load it. Throws a `RangeError` for a date that is not ISO.
 * @example packageKnownBy(pkg, "2024-11-30").corridorFlows.every((r) => rowKnownBy(r, pkg.sourceById, "2024-11-30")) // => true
 * @category Vintages
 */
export function packageKnownBy(pkg: DataPackage, date: string): DataPackage {
  if (!parsePartialDate(date)) throw new RangeError(`"${date}" is not an ISO date`);
  const cache = new Map<string, unknown>();
  const out: Record<string, unknown> = {};
  const passThrough = ["dir", "sources", "states", "claims", "gaps", "sourceById"] as const;
  for (const key of passThrough) Object.defineProperty(out, key, { enumerable: true, get: () => pkg[key] });
  for (const key of VINTAGE_RESOURCES) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        if (!cache.has(key)) {
          const rows = pkg[key] as readonly { readonly sources: readonly string[] }[];
          cache.set(
            key,
            rows.filter((r) => rowKnownBy(r, pkg.sourceById, date, rowDateOf(key, r))),
          );
        }
        return cache.get(key);
      },
    });
  }
  return out as unknown as DataPackage;
}

/**
 * Rows of one resource in the full package and in a vintage.
 * @category Vintages
 */
export interface VintageCount {
  readonly resource: VintageResource;
  readonly all: number;
  readonly known: number;
  /** Rows whose sources are all dated after the vintage date. */
  readonly later: number;
}

/**
 * How many rows of each resource a vintage keeps.
 * @example
 * const [c] = vintageCounts(pkg, "2024-11-30", ["corridorFlows"]); // c.later: rows published after the article
 * [c.resource, c.known + c.later === c.all] // => ["corridorFlows", true]
 * @category Vintages
 */
export function vintageCounts(
  pkg: DataPackage,
  date: string,
  resources: readonly VintageResource[] = VINTAGE_RESOURCES,
): VintageCount[] {
  return resources.map((resource) => {
    const rows = pkg[resource] as readonly { readonly sources: readonly string[] }[];
    const known = rows.filter((r) => rowKnownBy(r, pkg.sourceById, date, rowDateOf(resource, r))).length;
    return { resource, all: rows.length, known, later: rows.length - known };
  });
}
