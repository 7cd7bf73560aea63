/**
 * A disk cache of parsed resources, for processes that load the same data files again and again (each notebook's
 * kernel, the sweep, grading). Parsing and validating every row costs a notebook 0.1–0.3 s; reading a parsed
 * resource back costs about 1/30 of that. Used only when the environment variable `CASPIAN_CACHE_DIR` names a folder
 * (the kernelspec sets it to `.jupyter/cache` of the checkout); otherwise nothing is read or written.
 *
 * An entry's key holds everything its value depends on: the resource's name and path, the file name shown in
 * messages, the file's bytes, and the compiled code of lib/data and lib/core (the schemas and rules). Each entry
 * carries the sha256 of its payload and is checked when read: a damaged entry is parsed again and rewritten. Writes
 * are atomic and best effort (a read-only cache folder only means parsing).
 * @module
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomicSync } from "../core/atomic";
import { sha256, treeSha256 } from "../core/hash";

let codeHash: string | undefined;

/** The hash of the code that parses and validates (lib/data and lib/core, compiled or not), once per process. */
function parserCodeHash(): string {
  if (codeHash === undefined) {
    const libRoot = join(__dirname, "..");
    const code = (rel: string) => /\.(js|ts|cjs|mjs)$/.test(rel) && !rel.endsWith(".d.ts");
    codeHash = sha256(treeSha256(join(libRoot, "data"), code) + treeSha256(join(libRoot, "core"), code));
  }
  return codeHash;
}

/**
 * The cache key of a resource's bytes: its name, path and shown file name, the bytes, and the parser's code.
 * @example parseCacheKey("states", "states.csv", "data/states.csv", new Uint8Array()).length // => 64
 * @category Loading
 */
export function parseCacheKey(name: string, path: string, shown: string, bytes: Uint8Array): string {
  return sha256(`${parserCodeHash()}\0${name}\0${path}\0${shown}\0${sha256(bytes)}`);
}

/**
 * `compute()`, or its value from the cache folder `dir` (default `CASPIAN_CACHE_DIR`) under `key`: read back when
 * its checksum holds, else computed and stored. Without a folder, just `compute()`. The value must survive
 * structured cloning (plain objects, arrays, strings, numbers, `undefined`), as parsed rows do.
 * @example
 * // no CASPIAN_CACHE_DIR: computed every time
 * cachedValue("k", () => 42, undefined) // => 42
 * @category Loading
 */
export function cachedValue<T>(key: string, compute: () => T, dir: string | undefined = cacheFolder()): T {
  if (dir === undefined) return compute();
  const file = join(dir, key.slice(0, 2), `${key}.bin`);
  try {
    const bytes = readFileSync(file);
    const payload = bytes.subarray(64);
    if (bytes.subarray(0, 64).toString("latin1") === sha256(payload)) return deserialize(payload) as T;
  } catch {
    /* missing or unreadable: computed below */
  }
  const value = compute();
  try {
    const payload = serialize(value);
    mkdirSync(join(dir, key.slice(0, 2)), { recursive: true, mode: 0o700 });
    writeFileAtomicSync(file, Buffer.concat([Buffer.from(sha256(payload), "latin1"), payload]));
  } catch {
    /* best effort: a read-only folder */
  }
  return value;
}

/** The data cache folder: `<CASPIAN_CACHE_DIR>/data`, or `undefined` when the variable is not set. */
function cacheFolder(): string | undefined {
  const dir = process.env.CASPIAN_CACHE_DIR;
  return dir !== undefined && dir !== "" ? join(dir, "data") : undefined;
}
