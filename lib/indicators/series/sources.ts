/**
 * Source ids of data rows. The loader brands every id as it parses it (and checks it against sources.csv), so a
 * loaded row's `sources` list already holds {@link SourceId}s; rows built by hand are checked.
 * @module
 */
import { ID_PATTERNS, sourceId, type SourceId } from "../../core/types";

/**
 * The source ids of a data row (any row with a `sources` list). Rows from the loader already hold {@link SourceId}s;
 * a row built by hand with plain strings is checked here, and an id that is not of the source-id form throws a
 * `RangeError` (whether it is in sources.csv is the loader's check).
 * Missing values: none; a row always has at least one source after validation.
 * @example rowSources({ sources: ["reportaz-2026-03-10-titr-2019"] }) // => ["reportaz-2026-03-10-titr-2019"]
 * @category Series
 */
export function rowSources(row: { readonly sources: readonly string[] }): readonly SourceId[] {
  const { sources } = row;
  if (sources.every(isSourceId)) return sources;
  return sources.map(sourceId); // throws, naming the id that is not of the form
}

const isSourceId = (id: string): id is SourceId => ID_PATTERNS.SourceId.test(id);
