// One notebook: the cache check, the worker process (execute_notebook.py) and its events, the staged outputs moved in.
import { spawn, type ChildProcess } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { listFiles } from "../lib/core/hash";
import { secureHtmlPage } from "../lib/export/csp";
import { withPlotly } from "../lib/export/plotly-asset";
import { PLOTLY_ASSET } from "../lib/display/plotly-bundle";
import { cacheVerdict, currentInputs, sharedHashes, type SharedHashes } from "./cache";
import { outputName, parametersFor, readNotebook, type NotebookSource } from "./discover";
import { parseWorkerEvent } from "./events";
import type { RunOptions } from "./options";
import { jupyterEnv, jupyterPath, jupyterPython, projectRoot, resolvedDataDir } from "./paths";
import { writeAtomic, writeRunRecord, type CellTiming } from "./record";

/** What went wrong in a notebook: the cell (1-based among code cells) and the error. */
export interface CellFailure {
  readonly cell: number | null;
  readonly ename: string;
  readonly evalue: string;
  readonly source: string;
}

/** Outcome of executing one notebook. */
export interface NotebookResult {
  readonly notebook: string;
  readonly name: string;
  readonly ok: boolean;
  /** The outputs were reused from the previous run: its inputs had not changed. */
  readonly cached: boolean;
  /** Why the notebook was executed (what changed), or why the cache was used. */
  readonly reason: string;
  readonly record: string;
  readonly ms: number;
  readonly cells: number;
  readonly executed: string;
  readonly html: string | null;
  readonly failure: CellFailure | null;
  /**
   * The run failed and the outputs of the last good run were left in place (executed notebook, HTML page, figure
   * specs, record): they are stale. The failed executed notebook, when there is one, is {@link executed}.
   */
  readonly keptPrevious: boolean;
}

/** Progress events printed while the main job runs. */
export type Progress =
  | { readonly kind: "start"; readonly name: string; readonly total: number; readonly reason: string }
  | {
      readonly kind: "cell";
      readonly name: string;
      readonly cell: number;
      readonly total: number;
      readonly source: string;
    }
  | { readonly kind: "done"; readonly name: string; readonly result: NotebookResult };

/** Worker processes (runner/execute_notebook.py) of this job that are still running, stopped on SIGINT/SIGTERM. */
const workers = new Set<ChildProcess>();

/** The worker processes of this job still running (see runner/run.ts, which stops them on a signal). */
export const runningWorkers: ReadonlySet<ChildProcess> = workers;

/** Where a notebook's run is staged before its outputs move into place: inside the output folder (same filesystem). */
function stagingDir(outDir: string, name: string): string {
  return join(outDir, ".staging", name);
}

/** Removes the whole staging folder (out/.staging/): what a killed job left staged is never an output. */
export function clearStaging(outDir: string): void {
  rmSync(join(outDir, ".staging"), { recursive: true, force: true });
}

/** Removes the staging folder (out/.staging/) when no notebook is staged there any more. */
export function removeStagingIfEmpty(outDir: string): void {
  removeIfEmpty(join(outDir, ".staging"));
}

/** Moves a file or folder into place: a rename; across filesystems, a copy to a temporary name and a rename. */
function moveInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    const tmp = `${to}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(from, tmp, { recursive: true });
    renameSync(tmp, to);
    rmSync(from, { recursive: true, force: true });
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    /* not empty (another notebook is staged there) or already gone */
  }
}

/** Removes `<file>.tmp-<pid>` files that a killed run left beside `file`. */
function removeTemporaries(file: string): void {
  const dir = resolve(file, "..");
  const prefix = `${basename(file)}.tmp-`;
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.startsWith(prefix)) rmSync(join(dir, f), { force: true });
}

/**
 * What the kernel's cell cache (runner/kernel-cell-cache.js) reported for a run: cells compiled, cells taken from
 * the cache, and the milliseconds spent in both; empty when it reported nothing.
 */
function compileStats(file: string): Record<string, number> {
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return {};
  }
  let compiled = 0;
  let cached = 0;
  let ms = 0;
  for (const line of lines) {
    try {
      const s = JSON.parse(line) as { hit?: boolean; ms?: number };
      if (s.hit === true) cached++;
      else compiled++;
      ms += typeof s.ms === "number" ? s.ms : 0;
    } catch {
      /* a torn line of a killed kernel */
    }
  }
  return { compile: Math.round(ms), cellsCompiled: compiled, cellsCached: cached };
}

function filesUnder(dir: string): string[] {
  return listFiles(dir).map((f) => join(dir, f));
}

/**
 * The analyst's page of an executed notebook (out/html/<name>.html) from nbconvert's page: plotly.js loaded from
 * the output folder's shared copy (`../assets/plotly.min.js`), or embedded with `--standalone`, then the
 * Content-Security-Policy (lib/export/csp).
 */
export function notebookPage(page: string, options: Pick<RunOptions, "standalone">): string {
  return secureHtmlPage(withPlotly(page, options.standalone ? "inline" : `../${PLOTLY_ASSET}`));
}

/**
 * The result of a notebook file that cannot be run at all (`problem` says why, see readNotebook in
 * runner/discover.ts); its previous outputs, if any, stay in place.
 */
export function unreadableNotebook(notebook: string, problem: string, options: RunOptions): NotebookResult {
  const name = outputName(notebook, null);
  const recordFile = join(options.outDir, "records", `${name}.json`);
  return {
    notebook,
    name,
    ok: false,
    cached: false,
    reason: problem,
    record: recordFile,
    ms: 0,
    cells: 0,
    executed: join(options.outDir, "notebooks", `${name}.ipynb`),
    html: options.html ? join(options.outDir, "html", `${name}.html`) : null,
    failure: { cell: null, ename: "NotebookError", evalue: problem, source: "" },
    keptPrevious: existsSync(recordFile),
  };
}

/**
 * Executes one notebook through runner/execute_notebook.py (nbclient + the tslab kernel), unless its run record
 * shows that nothing it depends on changed; then the previous outputs are reused. The run is staged in
 * out/.staging/<name>/; only when it succeeds do its executed notebook, HTML page (with the Content-Security-Policy
 * of lib/export/csp) and figure specs move into place, and its record is written last, with the hashes of the final
 * bytes. A failed run leaves the previous outputs and record in place (stale, {@link NotebookResult.keptPrevious})
 * and writes its executed notebook to out/failed/<name>.ipynb, so the error can be read there.
 */
export function runNotebook(
  notebook: string,
  options: RunOptions,
  onProgress: (p: Progress) => void,
  shared: SharedHashes = sharedHashes(options.standalone),
  source?: NotebookSource,
): Promise<NotebookResult> {
  const read = source ?? readNotebook(notebook, resolve(notebook, ".."));
  if ("problem" in read) {
    const result = unreadableNotebook(notebook, read.problem, options);
    onProgress({ kind: "done", name: result.name, result });
    return Promise.resolve(result);
  }
  const parameters = parametersFor(read.json, options.parameters);
  const name = outputName(notebook, parameters);
  const executed = join(options.outDir, "notebooks", `${name}.ipynb`);
  const html = options.html ? join(options.outDir, "html", `${name}.html`) : null;
  const figuresDir = join(options.outDir, "figures", "specs", name);
  const recordFile = join(options.outDir, "records", `${name}.json`);
  const failedFile = join(options.outDir, "failed", `${name}.ipynb`);
  const dataDir = resolvedDataDir();
  const current = currentInputs(read.bytes, parameters, shared, dataDir);
  const verdict = cacheVerdict({ recordFile, failedFile, html, current, force: options.force });
  if (verdict.reuse) {
    const result: NotebookResult = {
      notebook,
      name,
      ok: true,
      cached: true,
      reason: "inputs unchanged",
      record: recordFile,
      ms: 0,
      cells: verdict.previous.cells.length,
      executed,
      html,
      failure: null,
      keptPrevious: false,
    };
    onProgress({ kind: "done", name, result });
    return Promise.resolve(result);
  }
  const reason = verdict.reason;
  // Leftovers of a run that was killed while writing: never mistaken for outputs, removed here.
  for (const f of [executed, html, recordFile, failedFile]) if (f) removeTemporaries(f);
  const stage = stagingDir(options.outDir, name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, "input"), { recursive: true });
  // The bytes that were checked and hashed are the bytes executed.
  const input = join(stage, "input", basename(notebook));
  writeFileSync(input, read.bytes);
  const staged = {
    ipynb: join(stage, "executed.ipynb"),
    html: html ? join(stage, "page.html") : null,
    figures: join(stage, "figures"),
    reads: join(stage, "reads.txt"),
    cellStats: join(stage, "cells.jsonl"),
    job: join(stage, "job.json"),
  };
  writeFileSync(
    staged.job,
    JSON.stringify({
      notebook: input,
      out_ipynb: staged.ipynb,
      out_html: staged.html,
      timeout: options.timeoutSeconds,
      kernel: "tslab",
      cwd: resolve(notebook, ".."),
      parameters,
    }),
  );
  const startedAt = new Date();
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(jupyterPython, [join(projectRoot, "runner", "execute_notebook.py"), staged.job], {
      env: {
        ...jupyterEnv(),
        CASPIAN_READS_FILE: staged.reads,
        CASPIAN_CELL_STATS: staged.cellStats,
        CASPIAN_CELL_WARM: "off", // cached cells need no TypeScript program (runner/kernel-cell-cache.js)
        CASPIAN_FIGURES_DIR: staged.figures,
        CASPIAN_NOTEBOOK: name,
        CASPIAN_DATA: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    workers.add(child);
    let total = 0;
    let lastCell: { cell: number; source: string } | null = null;
    let failure: CellFailure | null = null;
    let fatal = "";
    let stderr = "";
    let versions: Record<string, string> = {};
    let cellTimings: CellTiming[] = [];
    let phases: Record<string, number> | undefined;
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      const ev = parseWorkerEvent(line);
      if (ev === undefined) {
        stderr += line + "\n";
        return;
      }
      if (ev.event === "start") {
        total = ev.total ?? 0;
        versions = ev.versions ?? {};
        onProgress({ kind: "start", name, total, reason });
      } else if (ev.event === "cell_start") {
        lastCell = { cell: ev.cell ?? 0, source: ev.source ?? "" };
        onProgress({ kind: "cell", name, cell: ev.cell ?? 0, total, source: ev.source ?? "" });
      } else if (ev.event === "error") {
        cellTimings = ev.cells ?? [];
        failure = {
          cell: ev.cell ?? null,
          ename: ev.ename ?? "Error",
          evalue: ev.evalue ?? "",
          source: ev.source ?? "",
        };
      } else if (ev.event === "done") {
        cellTimings = ev.cells ?? [];
        phases = ev.phases;
      } else if (ev.event === "fatal") {
        fatal = ev.message ?? "unknown failure";
      }
    });
    child.on("error", (err) => {
      workers.delete(child);
      rmSync(stage, { recursive: true, force: true });
      reject(new Error(`cannot start ${jupyterPython}: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      workers.delete(child);
      if ((code !== 0 || signal !== null) && failure === null) {
        const hint = /No such kernel named tslab/.test(stderr + fatal)
          ? ` (no tslab kernelspec under ${jupyterPath}: run scripts/setup.sh)`
          : "";
        const status = signal !== null ? `killed by ${signal}` : `exit code ${code}`;
        // a worker killed mid-cell: name the cell that was running
        failure = {
          cell: lastCell?.cell ?? null,
          ename: "RunnerError",
          evalue: (fatal || stderr.trim() || status) + hint,
          source: lastCell?.source ?? "",
        };
      }
      const phasesEnded = Date.now();
      if (failure === null) {
        try {
          const missing = [staged.ipynb, staged.html].filter((f): f is string => f !== null && !existsSync(f));
          if (missing.length > 0) throw new Error(`the worker wrote no ${missing.map((f) => basename(f)).join(", ")}`);
          // Until the new record is written, a kill leaves no record: the next run redoes this notebook.
          rmSync(recordFile, { force: true });
          moveInto(staged.ipynb, executed);
          if (html && staged.html) writeAtomic(html, notebookPage(readFileSync(staged.html, "utf8"), options));
          if (existsSync(figuresDir)) moveInto(figuresDir, join(stage, "figures.old"));
          if (existsSync(staged.figures)) moveInto(staged.figures, figuresDir);
          rmSync(failedFile, { force: true });
          writeRunRecord({
            recordFile,
            notebook,
            name,
            startedAt,
            parameters,
            current,
            readsFile: staged.reads,
            versions,
            cellTimings,
            ...(phases !== undefined ? { phases: { ...phases, ...compileStats(staged.cellStats) }, phasesEnded } : {}),
            outputs: [executed, ...(html ? [html] : []), ...filesUnder(figuresDir)],
            figuresDir,
          });
        } catch (e) {
          failure = {
            cell: null,
            ename: "OutputError",
            evalue: `cannot put the outputs of ${name} in place under ${options.outDir}: ${(e as Error).message}`,
            source: "",
          };
        }
      }
      const ok = failure === null;
      let keptPrevious = false;
      let shown = executed;
      if (!ok) {
        keptPrevious = existsSync(recordFile) || existsSync(executed);
        if (existsSync(staged.ipynb)) {
          try {
            moveInto(staged.ipynb, failedFile);
            shown = failedFile;
          } catch {
            /* the failure itself is reported; its notebook is lost */
          }
        }
      }
      rmSync(stage, { recursive: true, force: true });
      removeStagingIfEmpty(options.outDir);
      const result: NotebookResult = {
        notebook,
        name,
        ok,
        cached: false,
        reason,
        record: recordFile,
        ms: Date.now() - started,
        cells: total,
        executed: shown,
        html: ok ? html : null,
        failure,
        keptPrevious,
      };
      onProgress({ kind: "done", name, result });
      resolvePromise(result);
    });
  });
}
