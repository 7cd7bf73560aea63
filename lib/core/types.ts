/**
 * Core types shared by every module of Caspian Lab.
 *
 * Identifiers are branded strings, so a state code cannot be passed where a source id is expected.
 * Every derived value that ends in a chart or a table is a {@link Sourced} value: it carries the ids of the
 * source rows it came from, and figures build their footnotes from them.
 */

declare const brand: unique symbol;
/**
 * A string known to be of kind `B`.
 * @category Provenance
 */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/**
 * Id of a row of data/sources.csv.
 * @category Provenance
 */
export type SourceId = Brand<string, "SourceId">;
/**
 * ISO 3166-1 alpha-3 state code (XNC for the Turkish Republic of Northern Cyprus).
 * @category Provenance
 */
export type Iso3 = Brand<string, "Iso3">;
/**
 * Id of a row of data/organizations.csv (SCO, CICA, OTS, …).
 * @category Provenance
 */
export type OrgId = Brand<string, "OrgId">;
/**
 * ISO date, full (`2024-09-30`) or partial (`2024-09`, `2024`).
 * @category Provenance
 */
export type IsoDate = Brand<string, "IsoDate">;

/**
 * A value with the ids of the sources it was computed from.
 * @category Provenance
 */
export interface Sourced<T> {
  readonly value: T;
  readonly sources: readonly SourceId[];
}

/**
 * The form of each kind of identifier, shared by its checked constructor below and by the data package's field
 * definitions (lib/data), so that the loader brands exactly what {@link iso3}, {@link orgId} and {@link sourceId} accept.
 * @category Provenance
 */
export const ID_PATTERNS = {
  Iso3: /^[A-Z]{3}$/,
  OrgId: /^[A-Z][A-Za-z0-9]*$/,
  SourceId: /^[a-z0-9][a-z0-9-]*$/,
} as const;

/**
 * Checks a plain string and brands it as an {@link Iso3}: the way to write a state code literal where the library
 * wants one (rows from the loader are already branded). Throws a `RangeError` for anything else.
 * @example iso3("AZE") // => "AZE"
 * @category Provenance
 */
export function iso3(code: string): Iso3 {
  if (!ID_PATTERNS.Iso3.test(code)) throw new RangeError(`"${code}" is not an ISO 3166-1 alpha-3 code`);
  return code as Iso3;
}

/**
 * Checks a plain string and brands it as an {@link OrgId} (rows from the loader are already branded).
 * Throws a `RangeError` for anything else.
 * @example orgId("SCO") // => "SCO"
 * @category Provenance
 */
export function orgId(id: string): OrgId {
  if (!ID_PATTERNS.OrgId.test(id)) throw new RangeError(`"${id}" is not an organisation id`);
  return id as OrgId;
}

/**
 * Checks a plain string and brands it as a {@link SourceId} (rows from the loader are already branded).
 * Throws a `RangeError` for anything else.
 * @example sourceId("reportaz-titr-2019") // => "reportaz-titr-2019"
 * @category Provenance
 */
export function sourceId(id: string): SourceId {
  if (!ID_PATTERNS.SourceId.test(id)) throw new RangeError(`"${id}" is not a source id`);
  return id as SourceId;
}

/**
 * Union of source ids, first-seen order, no repeats. @example mergeSources([sourceId("a")], [sourceId("b"), sourceId("a")]) // => ["a", "b"]
 * @category Provenance
 */
export function mergeSources(...lists: ReadonlyArray<readonly SourceId[]>): SourceId[] {
  return mergeSourceLists(lists);
}

/**
 * {@link mergeSources} over any number of lists given as one iterable, so that data-sized inputs never go through
 * a spread call (which overflows the call stack at a few hundred thousand arguments).
 * @example mergeSourceLists([[sourceId("a")], [sourceId("a"), sourceId("b")]]) // => ["a", "b"]
 * @category Provenance
 */
export function mergeSourceLists(lists: Iterable<readonly SourceId[] | undefined>): SourceId[] {
  const seen = new Set<SourceId>();
  for (const l of lists) for (const s of l ?? []) seen.add(s);
  return [...seen];
}

/**
 * Whether a figure was observed, planned or forecast.
 * @category Provenance
 */
export type ValueStatus = "actual" | "plan" | "forecast";

/**
 * One value of a time series over a closed period of full ISO dates. `value` is `null` for a gap,
 * which charts draw as a gap and statistics skip.
 * @category Provenance
 */
export interface SeriesPoint {
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Label of the period, e.g. "2024" or "Jan–Sep 2024". */
  readonly label: string;
  readonly value: number | null;
  readonly status: ValueStatus;
  readonly sources: readonly SourceId[];
}

/**
 * A time series of one metric in one scope and unit. Builders refuse to mix scopes or units unless asked,
 * and then say so in `mixed`.
 * @category Provenance
 */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly metric: string;
  readonly unit: string;
  readonly scope: string;
  readonly points: readonly SeriesPoint[];
  /** Set when the caller explicitly allowed mixed scopes or units: what was mixed. */
  readonly mixed?: string;
  /** The data rows the points come from, `<resource>:<id>` (`corridor_flows:titr-whole-2019-cargo`), when known. */
  readonly rows?: readonly string[];
}
