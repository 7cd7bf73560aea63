// The run record (out/records/<name>.json) of each executed notebook: its type, and reading and writing it.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileSha256, listFiles, sha256 } from "../lib/core/hash";
import { writeFileAtomicSync as writeAtomic } from "../lib/core/atomic";
import { resourceContentHash } from "./content-hash";
import { projectRoot } from "./paths";

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
  /** Each data file the notebook read, by path relative to the checkout: the sha256 of its bytes. */
  readonly data: Readonly<Record<string, string>>;
  /**
   * The same files' contents as the loader sees them (runner/cache resourceContentHash: the rows, their lines and
   * the file's warnings): a file whose bytes changed but whose content did not (a re-quoted field, a blank line at
   * the end) is not a change. Absent in records of older runs, whose data files are compared by bytes only.
   */
  readonly resources?: Readonly<Record<string, string>>;
  /** `"standalone"` when the HTML page embeds plotly.js (`--standalone`); absent when it loads out/assets/. */
  readonly pages?: "standalone";
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
  /**
   * Where the run's time went, in milliseconds (bench/ sums them): the worker's phases (Python imports, kernel start,
   * cells, kernel stop, writing the .ipynb, the HTML page), `compile` (the part of the cells spent compiling them;
   * `cellsCompiled` and `cellsCached` count cells compiled and taken from the cell cache, runner/kernel-cell-cache.js)
   * and `outputs` (putting the outputs in place and hashing them). Absent in records of older runs.
   */
  readonly phases?: Readonly<Record<string, number>>;
  readonly outputs: readonly OutputFile[];
  /** Ids of the figures and tables the notebook registered. */
  readonly figures: readonly string[];
  readonly tables: readonly string[];
}

/** Writes a file atomically (temporary file in the same folder, then a rename): the library's writer. */
export { writeAtomic };

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

function packageVersion(name: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(projectRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return "unknown";
  }
}

/** What a successful run knows when its outputs are in place: {@link writeRunRecord} turns it into a record. */
export interface FinishedRun {
  /** Where the record goes (out/records/<name>.json). */
  readonly recordFile: string;
  /** The notebook file executed. */
  readonly notebook: string;
  /** Its output name (see outputName in runner/discover.ts). */
  readonly name: string;
  readonly startedAt: Date;
  /** The parameters that applied to the notebook, `null` for none. */
  readonly parameters: Record<string, unknown> | null;
  /** The input hashes of the run, but the data files, which come from {@link readsFile}. */
  readonly current: Omit<InputHashes, "data">;
  /** The file in which the notebook's loaders logged each data file they read, one path a line. */
  readonly readsFile: string;
  /** Versions the worker reported (Jupyter, nbclient, ...). */
  readonly versions: Record<string, string>;
  readonly cellTimings: CellTiming[];
  /** See {@link RunRecord.phases}; `outputs` is added here, from {@link phasesEnded} to the record's writing. */
  readonly phases?: Readonly<Record<string, number>>;
  /** When the worker finished (`Date.now()`): the start of the `outputs` phase. */
  readonly phasesEnded?: number;
  /** Every output file, in place (the executed notebook, the HTML page, the figure specs). */
  readonly outputs: string[];
  /** The notebook's figure specs folder (out/figures/specs/<name>/). */
  readonly figuresDir: string;
}

/**
 * Writes the record of a successful run, atomically and last (after its outputs are in place): the hashes of its
 * inputs and of each data file it read (from now), the versions, the cell timings, and each output with its hash.
 */
export function writeRunRecord(r: FinishedRun): void {
  const reads = existsSync(r.readsFile) ? readFileSync(r.readsFile, "utf8").split("\n").filter(Boolean) : [];
  const data: Record<string, string> = {};
  const resources: Record<string, string> = {};
  for (const f of [...new Set(reads)].sort()) {
    data[relative(projectRoot, f)] = fileSha256(f) ?? "missing";
    const content = resourceContentHash(f);
    if (content !== null) resources[relative(projectRoot, f)] = content;
  }
  const endedAt = new Date();
  const specsOf = (kind: string) =>
    listFiles(r.figuresDir)
      .filter((f) => f.endsWith(".json"))
      .filter((f) => {
        try {
          return (JSON.parse(readFileSync(join(r.figuresDir, f), "utf8")) as { kind?: string }).kind === kind;
        } catch {
          return false;
        }
      })
      .map((f) => f.replace(/\.json$/, ""));
  const outputs = r.outputs.map((f) => describeOutput(projectRoot, f));
  const record: RunRecord = {
    recordVersion: 1,
    notebook: relative(projectRoot, r.notebook),
    name: r.name,
    ok: true, // only a successful run is recorded; a failed one keeps the previous record
    startedAt: r.startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    ms: endedAt.getTime() - r.startedAt.getTime(),
    parameters: r.parameters ?? {},
    inputs: { ...r.current, data, resources },
    versions: {
      node: process.version,
      tslab: packageVersion("tslab"),
      typescript: packageVersion("@tslab/typescript-for-tslab"),
      ...r.versions,
    },
    cells: r.cellTimings,
    ...(r.phases !== undefined
      ? { phases: { ...r.phases, ...(r.phasesEnded !== undefined ? { outputs: Date.now() - r.phasesEnded } : {}) } }
      : {}),
    outputs,
    figures: specsOf("figure"),
    tables: specsOf("table"),
  };
  writeAtomic(r.recordFile, JSON.stringify(record, null, 1) + "\n");
}
