// The run cache: the hashes that decide a notebook's outputs, and whether its last run's outputs can be reused.
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileSha256, sha256, stableJson, treeSha256 } from "../lib/core/hash";
import { resourceContentHash } from "./content-hash";
import { projectRoot } from "./paths";
import { readRecord, type InputHashes, type RunRecord } from "./record";

/**
 * Hashes shared by every notebook of a run: the compiled library (with the plotly bundle) and the runner, and
 * whether the HTML pages embed plotly.js (`--standalone`).
 */
export interface SharedHashes {
  readonly lib: string;
  readonly runner: string;
  readonly standalone?: boolean;
}

/** Computes {@link SharedHashes} once per run. */
export function sharedHashes(standalone = false): SharedHashes {
  return {
    lib: sha256(treeSha256(join(projectRoot, "dist", "lib")) + treeSha256(join(projectRoot, "dist", "assets"))),
    runner: fileSha256(join(projectRoot, "runner", "execute_notebook.py")) ?? "",
    ...(standalone ? { standalone: true } : {}),
  };
}

/**
 * Hash of a parameter set (order of keys does not matter).
 * @example parametersHash({ a: 1, b: 2 }) === parametersHash({ b: 2, a: 1 }) // => true
 */
export function parametersHash(parameters: Readonly<Record<string, unknown>> | null): string {
  return sha256(stableJson(parameters ?? {}));
}

/**
 * The input hashes of a notebook run known before it runs (all but the data files it will read): the notebook's
 * bytes, its parameters, the shared hashes and the data folder in use.
 */
export function currentInputs(
  bytes: Buffer,
  parameters: Readonly<Record<string, unknown>> | null,
  shared: SharedHashes,
  dataDir: string,
): Omit<InputHashes, "data"> {
  return {
    notebook: sha256(bytes),
    parameters: parametersHash(parameters),
    lib: shared.lib,
    runner: shared.runner,
    dataDir,
    ...(shared.standalone === true ? { pages: "standalone" as const } : {}),
  };
}

/**
 * Every recorded input of a run that differs from the current ones, in order: the notebook's bytes, its
 * parameters, lib, the runner, the pages' plotly.js mode, the data folder, each data file it read whose content
 * changed (a file with other bytes but the same rows, lines and warnings is not a change; empty when none does). The run cache reports the first; the reader's pages name them all for a stale parameter run.
 * @example inputChanges(record.inputs, current, projectRoot) // => ["lib/ changed", "data/events.csv changed"]
 */
export function inputChanges(was: InputHashes, current: Omit<InputHashes, "data">, root: string): string[] {
  const changes: string[] = [];
  if (was.notebook !== current.notebook) changes.push("notebook changed");
  if (was.parameters !== current.parameters) changes.push("parameters changed");
  if (was.lib !== current.lib) changes.push("lib/ changed");
  if (was.runner !== current.runner) changes.push("runner changed");
  if (was.pages !== current.pages)
    changes.push(
      current.pages === "standalone" ? "--standalone pages asked for" : "pages now share out/assets/plotly.min.js",
    );
  if (was.dataDir !== current.dataDir)
    changes.push(`data folder changed (${was.dataDir ?? "not recorded"} → ${current.dataDir})`);
  for (const [path, hash] of Object.entries(was.data ?? {})) {
    if (fileSha256(join(root, path)) === hash) continue;
    // other bytes: a change unless the recorded content is the same (resource-level, see RunRecord.inputs)
    const content = was.resources?.[path];
    if (content === undefined || resourceContentHash(join(root, path)) !== content) changes.push(`${path} changed`);
  }
  return changes;
}

/**
 * Why a cached run cannot be reused, or `null` when it can: its inputs equal the current ones (the data files
 * compared are those the notebook read last time, see {@link inputChanges}) and every output is still there with
 * the same hash.
 */
export function staleReason(
  record: RunRecord | undefined,
  current: Omit<InputHashes, "data">,
  root: string,
): string | null {
  if (!record) return "no run record";
  if (!record.ok) return "the last run failed";
  const changed = inputChanges(record.inputs, current, root)[0];
  if (changed !== undefined) return changed;
  for (const o of record.outputs) {
    if (fileSha256(join(root, o.path)) !== o.sha256) return `output ${o.path} is missing or damaged`;
  }
  return null;
}

/** Where a notebook run's record and outputs are, for {@link cacheVerdict}. */
export interface CachedRun {
  /** The run record (out/records/<name>.json). */
  readonly recordFile: string;
  /** The executed notebook of the last failed run (out/failed/<name>.ipynb): while it exists, the notebook runs. */
  readonly failedFile: string;
  /** The HTML page the run must have produced, `null` when no HTML is asked for. */
  readonly html: string | null;
  /** The input hashes of this run (see {@link currentInputs}). */
  readonly current: Omit<InputHashes, "data">;
  /** `--force`: never reuse. */
  readonly force: boolean;
}

/** Whether a notebook's last outputs are reused (with their record), or why it runs. */
export type CacheVerdict =
  | { readonly reuse: true; readonly previous: RunRecord }
  | { readonly reuse: false; readonly reason: string };

/**
 * Decides whether a notebook runs: it does with `--force`, when {@link staleReason} names a change, when its last
 * run failed, or when the HTML page asked for is not among the recorded outputs (`HTML version missing`).
 * @example cacheVerdict({ recordFile, failedFile, html, current, force: false })
 * // => { reuse: false, reason: "data/events.csv changed" }
 */
export function cacheVerdict(run: CachedRun): CacheVerdict {
  const previous = readRecord(run.recordFile);
  const stale = run.force
    ? "--force"
    : (staleReason(previous, run.current, projectRoot) ?? (existsSync(run.failedFile) ? "the last run failed" : null));
  const html = run.html;
  if (stale === null && previous && (!html || previous.outputs.some((o) => o.path === relative(projectRoot, html)))) {
    return { reuse: true, previous };
  }
  return { reuse: false, reason: stale ?? "HTML version missing" };
}
