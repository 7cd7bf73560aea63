// What a data file holds as the loader sees it, as one hash: the run cache's test of "this data changed".
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { sha256, stableJson } from "../lib/core/hash";
import { parseResourceBytes } from "../lib/data/load";
import type { ResourceDef } from "../lib/data/resource";
import { allResources } from "../lib/data/resources";
import { cacheDir } from "./paths";

/**
 * The hash of a data file's content as the loader reads it: its validated rows, the line of each, and its problems
 * and warnings (lib/data/load parseResource), or `null` when the file is not a resource of the package (its name
 * matches no resource's path) or cannot be read. Two files with the same rows on the same lines hash alike whatever
 * their bytes (quoting, a blank line at the end); a changed value, a moved row or a new warning (CRLF line ends)
 * changes it. Parsed files are kept in the data cache (`CASPIAN_CACHE_DIR`/data, default .jupyter/cache/data), so
 * a file the kernels already read costs a read and a hash.
 * @example resourceContentHash("data/events.csv") === resourceContentHash(copyWithBlankLineAtTheEnd) // => true
 */
export function resourceContentHash(file: string): string | null {
  const def = (allResources as readonly ResourceDef<unknown>[]).find((d) => d.path === basename(file));
  if (def === undefined) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const parsed = parseResourceBytes(def, bytes, join(process.env.CASPIAN_CACHE_DIR || cacheDir, "data"));
  return sha256(stableJson(parsed));
}
