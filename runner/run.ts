import { spawn, type ChildProcess } from "node:child_process";
import {
  closeSync, constants, cpSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync,
  readlinkSync, realpathSync, renameSync, rmdirSync, rmSync, writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { createInterface } from "node:readline";
import { secureHtmlPage } from "../lib/export/csp";
import type { RunOptions } from "./options";
import { UsageError } from "./options";
import { fileSha256, listFiles, sha256, stableJson, treeSha256 } from "../lib/core/hash";
import { jupyterEnv, jupyterPath, jupyterPython, projectRoot } from "./paths";
import {
  describeOutput,
  parametersHash,
  readRecord,
  staleReason,
  writeAtomic,
  type CellTiming,
  type InputHashes,
  type RunRecord,
} from "./record";
import { mapLimit } from "../lib/core/map-limit";

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
  | { readonly kind: "cell"; readonly name: string; readonly cell: number; readonly total: number; readonly source: string }
  | { readonly kind: "done"; readonly name: string; readonly result: NotebookResult };

/** Default options: every notebook in notebooks/, output to out/, one notebook per core. */
export function defaultOptions(): RunOptions {
  return {
    notebooksDir: join(projectRoot, "notebooks"),
    outDir: join(projectRoot, "out"),
    only: [],
    timeoutSeconds: 300,
    parameters: {},
    jobs: availableParallelism(),
    html: true,
    quiet: false,
    force: false,
  };
}

const PLAIN_VALUE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** A string parameter that reads as another JSON value (`"2030"`, `"true"`) must not be named like that value. */
function readsAsJson(text: string): boolean {
  try {
    return typeof JSON.parse(text) !== "string";
  } catch {
    return false;
  }
}

/**
 * Output name of a notebook run: the file name, plus the parameters when given (`03-x--focal-KAZ`). Names never
 * collide: when a key or value is not plain (anything outside `[A-Za-z0-9-]`, a `--`, an empty string, a string that
 * reads as a number, a long slug) or the notebook's own name holds `--`, a readable slug is followed by 8 hex of
 * the sha256 of the notebook name and parameters (`03-x--focal-GEO_KAZ--1a2b3c4d`).
 * @example outputName("notebooks/03-x.ipynb", { focal: "KAZ" }) // => "03-x--focal-KAZ"
 */
export function outputName(notebook: string, parameters: Readonly<Record<string, unknown>> | null): string {
  const base = basename(notebook, ".ipynb");
  const params = parameters ?? {};
  const keys = Object.keys(params).sort();
  let plain = !base.includes("--");
  const parts = keys.map((k) => {
    const v = params[k];
    const text = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
    const plainValue =
      typeof v === "string"
        ? PLAIN_VALUE.test(v) && !readsAsJson(v)
        : (typeof v === "number" || typeof v === "boolean" || v === null) && PLAIN_VALUE.test(text);
    if (!/^[A-Za-z0-9]+$/.test(k) || !plainValue) plain = false;
    return `${k}-${text}`;
  });
  const slug = parts.join("--");
  if (plain && slug.length <= 80) return slug === "" ? base : `${base}--${slug}`;
  const readable = slug.replace(/[^A-Za-z0-9-]+/g, "_").slice(0, 60);
  const hash = sha256(stableJson({ notebook: base, parameters: params })).slice(0, 8);
  return [base, readable, hash].filter((p) => p !== "").join("--");
}

/**
 * The data folder the notebooks' loaders read: `CASPIAN_DATA`, or the checkout's data/, as an absolute path with
 * symlinks resolved. It is an input of every run (another folder never serves this one's outputs), and the kernels
 * get it as `CASPIAN_DATA`, so the runner and the notebooks agree on it whatever the working folder.
 */
export function resolvedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.CASPIAN_DATA;
  const dir = resolve(given !== undefined && given.trim() !== "" ? given : join(projectRoot, "data"));
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** Hashes shared by every notebook of a run: the compiled library (with the plotly bundle) and the runner. */
export interface SharedHashes {
  readonly lib: string;
  readonly runner: string;
}

/** Computes {@link SharedHashes} once per run. */
export function sharedHashes(): SharedHashes {
  return {
    lib: sha256(treeSha256(join(projectRoot, "dist", "lib")) + treeSha256(join(projectRoot, "dist", "assets"))),
    runner: fileSha256(join(projectRoot, "runner", "execute_notebook.py")) ?? "",
  };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/**
 * Lists the notebooks a run executes, in name order, filtered by `only`.
 * A name in `only` that matches no notebook is an error, so a typo never runs nothing silently.
 */
export function selectNotebooks(dir: string, only: readonly string[]): string[] {
  if (!existsSync(dir)) throw new UsageError(`notebook folder ${dir} does not exist`);
  const all = readdirSync(dir).filter((f) => f.endsWith(".ipynb") && !f.startsWith(".")).sort();
  if (only.length === 0) return all.map((f) => join(dir, f));
  const unknown = only.filter((o) => !all.some((f) => f.includes(o)));
  if (unknown.length > 0) {
    throw new UsageError(`no notebook in ${dir} matches ${unknown.map((u) => `"${u}"`).join(", ")}; notebooks: ${all.join(", ")}`);
  }
  return all.filter((f) => only.some((o) => f.includes(o))).map((f) => join(dir, f));
}

/** The parts of an nbformat notebook the runner reads. */
interface NotebookJson {
  readonly cells: readonly { cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[];
}

/** A notebook file read and checked once: its bytes (what is hashed and executed) and its JSON. */
export interface NotebookSource {
  readonly bytes: Buffer;
  readonly json: NotebookJson;
}

/** Larger notebook files are refused rather than read into memory. */
const MAX_NOTEBOOK_BYTES = 256 * 1024 * 1024;

function within(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Reads a notebook of the folder `dir`, or says what is wrong with it: a dangling symlink, a symlink to a file
 * outside `dir` (refused), a folder, FIFO or other non-file, an unreadable file, bytes that are not UTF-8, invalid
 * JSON, or JSON without a `cells` list. The file is opened once, without blocking, and checked on the open handle.
 * @example readNotebook("notebooks/03-x.ipynb", "notebooks") // => { bytes, json } or { problem: "invalid JSON: ..." }
 */
export function readNotebook(file: string, dir: string): NotebookSource | { readonly problem: string } {
  let path = file;
  try {
    if (lstatSync(file).isSymbolicLink()) {
      const target = readlinkSync(file);
      try {
        path = realpathSync(file);
      } catch {
        return { problem: `dangling symlink to ${target}` };
      }
      let realDir: string;
      try {
        realDir = realpathSync(dir);
      } catch {
        realDir = resolve(dir);
      }
      if (!within(realDir, path)) return { problem: `symlink to ${path}, outside ${dir}: refused` };
    }
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO never waits for a writer; fstat then refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: `not a regular file (${st.isDirectory() ? "a folder" : st.isFIFO() ? "a FIFO" : "a device or socket"})` };
    if (st.size > MAX_NOTEBOOK_BYTES) return { problem: `too large (${st.size} bytes; at most ${MAX_NOTEBOOK_BYTES})` };
    bytes = readFileSync(fd);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EISDIR") return { problem: "not a regular file (a folder)" };
    return { problem: `cannot be read (${err.message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "not UTF-8 text" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `invalid JSON: ${(e as Error).message}` };
  }
  const cells = (json as { cells?: unknown } | null)?.cells;
  if ((json as { nbformat?: unknown } | null)?.nbformat === 3 && Array.isArray((json as { worksheets?: unknown }).worksheets)) {
    return { bytes, json: { cells: [] } }; // nbformat 3: Jupyter converts it; no `parameters` cell is looked for
  }
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(cells)) {
    return { problem: 'not a notebook: no "cells" list' };
  }
  const bad = cells.findIndex(
    (c: unknown) =>
      typeof c !== "object" || c === null || typeof (c as { cell_type?: unknown }).cell_type !== "string" ||
      !(typeof (c as { source?: unknown }).source === "string" || Array.isArray((c as { source?: unknown }).source)),
  );
  if (bad >= 0) return { problem: `not a notebook: cell ${bad + 1} has no cell_type or source` };
  return { bytes, json: json as NotebookJson };
}

function parametersDeclaredIn(nb: NotebookJson): string[] {
  const cell = nb.cells.find((c) => c.cell_type === "code" && (c.metadata?.tags ?? []).includes("parameters"));
  if (!cell) return [];
  const source = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source);
  return [...source.matchAll(/\blet\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
}

/**
 * Names a notebook's `parameters` cell declares with `let name = ...` (empty when it has no such cell).
 * Throws an error naming the file and what is wrong when it is not a readable notebook.
 * @example declaredParameters("notebooks/03-multilateral-embeddedness.ipynb") // => ["focal", "asOf", ...]
 */
export function declaredParameters(notebook: string): string[] {
  const read = readNotebook(notebook, dirname(notebook));
  if ("problem" in read) throw new Error(`${notebook}: ${read.problem}`);
  return parametersDeclaredIn(read.json);
}

/** The parameters that apply to one notebook: those its `parameters` cell declares. */
function parametersFor(nb: NotebookJson, parameters: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const declared = new Set(parametersDeclaredIn(nb));
  const own = Object.entries(parameters).filter(([k]) => declared.has(k));
  return own.length > 0 ? Object.fromEntries(own) : null;
}

interface WorkerEvent {
  event: "start" | "cell_start" | "cell_done" | "error" | "done" | "fatal";
  versions?: Record<string, string>;
  cells?: CellTiming[];
  total?: number;
  cell?: number;
  source?: string;
  ename?: string;
  evalue?: string;
  message?: string;
}

/** Worker processes (runner/execute_notebook.py) of this job that are still running, stopped on SIGINT/SIGTERM. */
const workers = new Set<ChildProcess>();

/** Where a notebook's run is staged before its outputs move into place: inside the output folder (same filesystem). */
function stagingDir(outDir: string, name: string): string {
  return join(outDir, ".staging", name);
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

/** The result of a notebook file that cannot be run at all; its previous outputs, if any, stay in place. */
function unreadableNotebook(notebook: string, problem: string, options: RunOptions): NotebookResult {
  const name = outputName(notebook, null);
  const recordFile = join(options.outDir, "records", `${name}.json`);
  return {
    notebook, name, ok: false, cached: false, reason: problem, record: recordFile, ms: 0, cells: 0,
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
  shared: SharedHashes = sharedHashes(),
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
  const current: Omit<InputHashes, "data"> = {
    notebook: sha256(read.bytes),
    parameters: parametersHash(parameters),
    lib: shared.lib,
    runner: shared.runner,
    dataDir,
  };
  const previous = readRecord(recordFile);
  const stale = options.force
    ? "--force"
    : (staleReason(previous, current, projectRoot) ?? (existsSync(failedFile) ? "the last run failed" : null));
  if (stale === null && previous && (!html || previous.outputs.some((o) => o.path === relative(projectRoot, html)))) {
    const result: NotebookResult = {
      notebook, name, ok: true, cached: true, reason: "inputs unchanged", record: recordFile,
      ms: 0, cells: previous.cells.length, executed, html, failure: null, keptPrevious: false,
    };
    onProgress({ kind: "done", name, result });
    return Promise.resolve(result);
  }
  const reason = stale ?? "HTML version missing";
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
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      let ev: WorkerEvent;
      try {
        ev = JSON.parse(line) as WorkerEvent;
      } catch {
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
        failure = { cell: ev.cell ?? null, ename: ev.ename ?? "Error", evalue: ev.evalue ?? "", source: ev.source ?? "" };
      } else if (ev.event === "done") {
        cellTimings = ev.cells ?? [];
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
        failure = { cell: lastCell?.cell ?? null, ename: "RunnerError", evalue: (fatal || stderr.trim() || status) + hint, source: lastCell?.source ?? "" };
      }
      if (failure === null) {
        try {
          const missing = [staged.ipynb, staged.html].filter((f): f is string => f !== null && !existsSync(f));
          if (missing.length > 0) throw new Error(`the worker wrote no ${missing.map((f) => basename(f)).join(", ")}`);
          // Until the new record is written, a kill leaves no record: the next run redoes this notebook.
          rmSync(recordFile, { force: true });
          moveInto(staged.ipynb, executed);
          if (html && staged.html) writeAtomic(html, secureHtmlPage(readFileSync(staged.html, "utf8")));
          if (existsSync(figuresDir)) moveInto(figuresDir, join(stage, "figures.old"));
          if (existsSync(staged.figures)) moveInto(staged.figures, figuresDir);
          rmSync(failedFile, { force: true });
          writeRunRecord({
            recordFile, notebook, name, startedAt, parameters, current, readsFile: staged.reads, versions, cellTimings,
            outputs: [executed, ...(html ? [html] : []), ...filesUnder(figuresDir)],
            figuresDir,
          });
        } catch (e) {
          failure = { cell: null, ename: "OutputError", evalue: `cannot put the outputs of ${name} in place under ${options.outDir}: ${(e as Error).message}`, source: "" };
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
      removeIfEmpty(join(options.outDir, ".staging"));
      const result: NotebookResult = {
        notebook, name, ok, cached: false, reason, record: recordFile,
        ms: Date.now() - started, cells: total, executed: shown, html: ok ? html : null, failure, keptPrevious,
      };
      onProgress({ kind: "done", name, result });
      resolvePromise(result);
    });
  });
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

function filesUnder(dir: string): string[] {
  return listFiles(dir).map((f) => join(dir, f));
}

function writeRunRecord(r: {
  recordFile: string; notebook: string; name: string; startedAt: Date;
  parameters: Record<string, unknown> | null; current: Omit<InputHashes, "data">; readsFile: string;
  versions: Record<string, string>; cellTimings: CellTiming[]; outputs: string[]; figuresDir: string;
}): void {
  const reads = existsSync(r.readsFile) ? readFileSync(r.readsFile, "utf8").split("\n").filter(Boolean) : [];
  const data: Record<string, string> = {};
  for (const f of [...new Set(reads)].sort()) data[relative(projectRoot, f)] = fileSha256(f) ?? "missing";
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
  const record: RunRecord = {
    recordVersion: 1,
    notebook: relative(projectRoot, r.notebook),
    name: r.name,
    ok: true, // only a successful run is recorded; a failed one keeps the previous record
    startedAt: r.startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    ms: endedAt.getTime() - r.startedAt.getTime(),
    parameters: r.parameters ?? {},
    inputs: { ...r.current, data },
    versions: {
      node: process.version,
      tslab: packageVersion("tslab"),
      typescript: packageVersion("@tslab/typescript-for-tslab"),
      ...r.versions,
    },
    cells: r.cellTimings,
    outputs: r.outputs.map((f) => describeOutput(projectRoot, f)),
    figures: specsOf("figure"),
    tables: specsOf("table"),
  };
  writeAtomic(r.recordFile, JSON.stringify(record, null, 1) + "\n");
}


/**
 * Stops this job's workers on SIGINT, SIGTERM or SIGHUP while notebooks run: each worker stops its kernel (see
 * runner/execute_notebook.py; the kernels also watch their parent, runner/kernel-watchdog.js), then the signal is
 * raised again so the job ends with it (a non-zero status). A second signal ends the job at once.
 * Returns the function that removes the handlers.
 */
function stopWorkersOnSignals(outDir: string): () => void {
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  let stopping = false;
  const finish = (sig: NodeJS.Signals): void => {
    remove();
    rmSync(join(outDir, ".staging"), { recursive: true, force: true });
    process.kill(process.pid, sig);
  };
  const handler = (sig: NodeJS.Signals): void => {
    if (stopping) return finish(sig);
    stopping = true;
    for (const w of workers) w.kill("SIGTERM");
    const deadline = Date.now() + 3000;
    const wait = setInterval(() => {
      if (workers.size === 0 || Date.now() > deadline) {
        clearInterval(wait);
        for (const w of workers) w.kill("SIGKILL");
        finish(sig);
      }
    }, 50);
  };
  const remove = (): void => {
    for (const s of signals) process.removeListener(s, handler);
  };
  for (const s of signals) process.on(s, handler);
  return remove;
}

/**
 * Everything a run needs that can be checked before the output folder is touched: the notebooks selected (each
 * read once; an unreadable one is kept with its problem, to fail alone), the kernelspec, and that every parameter
 * given is declared by a selected notebook. Throws a {@link UsageError} otherwise.
 */
export function checkRunInputs(options: RunOptions): { readonly file: string; readonly read: ReturnType<typeof readNotebook> }[] {
  const notebooks = selectNotebooks(options.notebooksDir, options.only);
  const kernelspec = join(jupyterPath, "kernels", "tslab", "kernel.json");
  if (!existsSync(kernelspec)) {
    throw new UsageError(`the tslab kernelspec is missing from ${jupyterPath}: run scripts/setup.sh first`);
  }
  if (!readFileSync(kernelspec, "utf8").includes("kernel-watchdog")) {
    throw new UsageError(`the tslab kernelspec ${kernelspec} is out of date (its kernels would outlive a killed job): run scripts/setup.sh`);
  }
  const sources = notebooks.map((file) => ({ file, read: readNotebook(file, options.notebooksDir) }));
  const names = Object.keys(options.parameters);
  if (names.length > 0) {
    const declared = new Set(sources.flatMap((s) => ("problem" in s.read ? [] : parametersDeclaredIn(s.read.json))));
    const unknown = names.filter((n) => !declared.has(n));
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown parameter(s) ${unknown.join(", ")}: no selected notebook declares them in its parameters cell (declared: ${[...declared].join(", ") || "none"})`,
      );
    }
  }
  return sources;
}

/**
 * Executes the selected notebooks, several at once. Resolves with one result per notebook, failures included:
 * a notebook file that cannot be read (see {@link readNotebook}) fails alone, and the others still run.
 */
export async function runNotebooks(options: RunOptions, onProgress: (p: Progress) => void = () => {}): Promise<NotebookResult[]> {
  const sources = checkRunInputs(options);
  const shared = sharedHashes();
  // What a killed job left staged is never an output (one main job per output folder: the CLI's lock).
  rmSync(join(options.outDir, ".staging"), { recursive: true, force: true });
  const removeHandlers = stopWorkersOnSignals(options.outDir);
  try {
    return await mapLimit(sources, options.jobs, async (s) => {
      if (!("problem" in s.read)) return runNotebook(s.file, options, onProgress, shared, s.read);
      const result = unreadableNotebook(s.file, s.read.problem, options);
      onProgress({ kind: "done", name: result.name, result });
      return result;
    });
  } finally {
    removeHandlers();
    removeIfEmpty(join(options.outDir, ".staging"));
  }
}

/**
 * One line naming the notebook, the cell and the error, for a failed notebook (then the first lines of the cell,
 * and whether the previous outputs were kept).
 */
export function describeFailure(r: NotebookResult): string {
  const f = r.failure;
  if (f === null) return `${r.name}: ok`;
  const src = f.source ? `\n    > ${f.source.split("\n").slice(0, 3).join("\n    > ")}` : "";
  const kept = r.keptPrevious ? `\n    kept the previous outputs of ${r.name} (stale: its run failed)` : "";
  const failedCopy = r.executed.includes(`${sep}failed${sep}`) && existsSync(r.executed) ? `\n    this run's executed notebook: ${r.executed}` : "";
  if (f.ename === "NotebookError") return `${r.notebook}: cannot run: ${f.evalue}${kept}`;
  const where = f.cell === null ? "before any cell ran" : `cell ${f.cell}${r.cells ? ` of ${r.cells}` : ""}`;
  return `${r.notebook}: ${where} failed: ${f.ename}: ${f.evalue}${src}${kept}${failedCopy}`;
}
