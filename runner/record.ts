import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileSha256, sha256, stableJson } from "../lib/core/hash";

/** Hashes of everything that decides a notebook's outputs. */
export interface InputHashes {
  readonly notebook: string;
  readonly parameters: string;
  /** The compiled library and the plotly bundle (dist/lib, dist/assets). */
  readonly lib: string;
  /** The runner's Jupyter side (execute_notebook.py). */
  readonly runner: string;
  /**
   * The data folder the notebook's loaders read (`CASPIAN_DATA` or the checkout's data/), resolved to an absolute
   * real path: another folder is another input, even when its files have the same names or bytes.
   */
  readonly dataDir: string;
  /** Each data file the notebook read, by path relative to the checkout. */
  readonly data: Readonly<Record<string, string>>;
}

/** A file the run produced, with its hash, so a damaged output is never served from the cache. */
export interface OutputFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** Timing of one code cell, from nbclient's iopub timestamps. */
export interface CellTiming {
  readonly cell: number;
  readonly ms: number;
  readonly source: string;
}

/** The run record written beside the outputs of every executed notebook (out/records/<name>.json). */
export interface RunRecord {
  readonly recordVersion: 1;
  readonly notebook: string;
  readonly name: string;
  readonly ok: boolean;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly ms: number;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly inputs: InputHashes;
  readonly versions: Readonly<Record<string, string>>;
  readonly cells: readonly CellTiming[];
  readonly outputs: readonly OutputFile[];
  /** Ids of the figures and tables the notebook registered. */
  readonly figures: readonly string[];
  readonly tables: readonly string[];
}

/** Hash of a parameter set (order of keys does not matter). */
export function parametersHash(parameters: Readonly<Record<string, unknown>> | null): string {
  return sha256(stableJson(parameters ?? {}));
}

/** Writes a file atomically (temporary file in the same folder, then a rename): the library's writer. */
export { writeFileAtomicSync as writeAtomic } from "../lib/core/atomic";

/** Reads a run record; `undefined` when missing, unreadable or not a record (it is then rebuilt, never trusted). */
export function readRecord(file: string): RunRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as Partial<RunRecord>;
    if (r.recordVersion !== 1 || typeof r.inputs !== "object" || !Array.isArray(r.outputs)) return undefined;
    return r as RunRecord;
  } catch {
    return undefined;
  }
}

/** Describes an output file for a record. */
export function describeOutput(root: string, file: string): OutputFile {
  const data = readFileSync(file);
  return { path: relative(root, file), sha256: sha256(data), bytes: data.length };
}

/**
 * Why a cached run cannot be reused, or `null` when it can: its inputs equal the current ones (the data files
 * compared are those the notebook read last time) and every output is still there with the same hash.
 */
export function staleReason(record: RunRecord | undefined, current: Omit<InputHashes, "data">, root: string): string | null {
  if (!record) return "no run record";
  if (!record.ok) return "the last run failed";
  const i = record.inputs;
  if (i.notebook !== current.notebook) return "notebook changed";
  if (i.parameters !== current.parameters) return "parameters changed";
  if (i.lib !== current.lib) return "lib/ changed";
  if (i.runner !== current.runner) return "runner changed";
  if (i.dataDir !== current.dataDir) return `data folder changed (${i.dataDir ?? "not recorded"} → ${current.dataDir})`;
  for (const [path, hash] of Object.entries(i.data)) {
    if (fileSha256(join(root, path)) !== hash) return `${path} changed`;
  }
  for (const o of record.outputs) {
    if (fileSha256(join(root, o.path)) !== o.sha256) return `output ${o.path} is missing or damaged`;
  }
  return null;
}
