/**
 * Hashing for the run cache and the exports: sha256 of text, files and folder trees, and JSON with sorted keys.
 * @module
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * SHA-256 of bytes or text, hex.
 * @example sha256("") // => "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 * @category Utilities
 */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * sha256 of a file's bytes, or `null` when it cannot be read.
 * @example fileSha256(join(tmp, "missing.txt")) // => null
 * @category Utilities
 */
export function fileSha256(file: string): string | null {
  try {
    return sha256(readFileSync(file));
  } catch {
    return null;
  }
}

/**
 * Every file under `dir`, sorted, as paths relative to `dir`.
 * @example
 * writeFileSync(join(tmp, "a.txt"), "1"); mkdirSync(join(tmp, "b")); writeFileSync(join(tmp, "b", "2.txt"), "2");
 * listFiles(tmp) // => ["a.txt", "b/2.txt"]
 * listFiles(join(tmp, "missing")) // => []
 * @category Utilities
 */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p));
    }
  };
  try {
    if (statSync(dir).isDirectory()) walk(dir);
  } catch {
    /* missing folder: no files */
  }
  return out.sort();
}

/**
 * One hash over the names and contents of every file under `dir` (the compiled library, say).
 * @example treeSha256(tmp) === sha256("") // => true (an empty folder)
 * @category Utilities
 */
export function treeSha256(dir: string, filter: (rel: string) => boolean = () => true): string {
  const h = createHash("sha256");
  for (const rel of listFiles(dir).filter(filter)) {
    h.update(rel + "\0");
    h.update(readFileSync(join(dir, rel)));
    h.update("\0");
  }
  return h.digest("hex");
}

/**
 * JSON with sorted object keys, so equal values hash equally. @example stableJson({ b: 1, a: 2 }) // => '{"a":2,"b":1}'
 * @category Utilities
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
