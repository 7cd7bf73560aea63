/**
 * Atomic file writes: data goes to a temporary file in the same folder, then is renamed over the target, so a
 * reader never sees half a file and a crash leaves the old file intact. Folders are created as needed.
 * @module
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

function tmpName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/**
 * Writes a file atomically (temporary file + rename), creating its folder.
 * @example
 * await writeFileAtomic(join(tmp, "out", "a.txt"), "hi");
 * readFileSync(join(tmp, "out", "a.txt"), "utf8") // => "hi"
 * @category Utilities
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tmpName(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Synchronous {@link writeFileAtomic}, for notebook calls that must not be awaited.
 * @example writeFileAtomicSync(join(tmp, "b.txt"), "hi"); readFileSync(join(tmp, "b.txt"), "utf8") // => "hi"
 * @category Utilities
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tmpName(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
