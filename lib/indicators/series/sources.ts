/**
 * Source ids of validated data rows. The loader checks every id against sources.csv, so a row's `sources` list can
 * be read as {@link SourceId}s without checking each again.
 * @module
 */
import type { SourceId } from "../../core/types";

/**
 * The source ids of a data row (any row with a `sources` list, already validated by the loader).
 * Missing values: none; a row always has at least one source after validation.
 * @example rowSources({ sources: ["reportaz-2026-03-10-titr-2019"] }) // => ["reportaz-2026-03-10-titr-2019"]
 */
export function rowSources(row: { readonly sources: readonly string[] }): readonly SourceId[] {
  return row.sources as unknown as readonly SourceId[];
}
