import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { RunOptions } from "./options";
import { UsageError } from "./options";
import { fileSha256, listFiles, sha256, treeSha256 } from "./hash";
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

/** Output name of a notebook run: the file name, plus the parameters when given (`03-x--focal-KAZ`). */
export function outputName(notebook: string, parameters: Readonly<Record<string, unknown>> | null): string {
  const base = basename(notebook, ".ipynb");
  if (!parameters || Object.keys(parameters).length === 0) return base;
  const slug = Object.keys(parameters)
    .sort()
    .map((k) => `${k}-${typeof parameters[k] === "string" ? parameters[k] : JSON.stringify(parameters[k])}`)
    .join("--")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .slice(0, 80);
  return `${base}--${slug}`;
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

/**
 * Names a notebook's `parameters` cell declares with `let name = ...` (empty when it has no such cell).
 * @example declaredParameters("notebooks/03-multilateral-embeddedness.ipynb") // => ["focal", "asOf", ...]
 */
export function declaredParameters(notebook: string): string[] {
  const nb = JSON.parse(readFileSync(notebook, "utf8")) as { cells: { cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[] };
  const cell = nb.cells.find((c) => c.cell_type === "code" && (c.metadata?.tags ?? []).includes("parameters"));
  if (!cell) return [];
  const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
  return [...source.matchAll(/\blet\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
}

/** The parameters that apply to one notebook: those its `parameters` cell declares. */
function parametersFor(notebook: string, parameters: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const declared = new Set(declaredParameters(notebook));
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

/**
 * Executes one notebook through runner/execute_notebook.py (nbclient + the tslab kernel), unless its run record
 * shows that nothing it depends on changed; then the previous outputs are reused. Writes the executed notebook,
 * the HTML version, the figures it registers and its run record, each atomically, the record last.
 */
export function runNotebook(
  notebook: string,
  options: RunOptions,
  onProgress: (p: Progress) => void,
  shared: SharedHashes = sharedHashes(),
): Promise<NotebookResult> {
  const parameters = parametersFor(notebook, options.parameters);
  const name = outputName(notebook, parameters);
  const executed = join(options.outDir, "notebooks", `${name}.ipynb`);
  const html = options.html ? join(options.outDir, "html", `${name}.html`) : null;
  const figuresDir = join(options.outDir, "figures", "specs", name);
  const recordFile = join(options.outDir, "records", `${name}.json`);
  const current: Omit<InputHashes, "data"> = {
    notebook: fileSha256(notebook) ?? "",
    parameters: parametersHash(parameters),
    lib: shared.lib,
    runner: shared.runner,
  };
  const previous = readRecord(recordFile);
  const stale = options.force ? "--force" : staleReason(previous, current, projectRoot);
  if (stale === null && previous && (!html || previous.outputs.some((o) => o.path === relative(projectRoot, html)))) {
    const result: NotebookResult = {
      notebook, name, ok: true, cached: true, reason: "inputs unchanged", record: recordFile,
      ms: 0, cells: previous.cells.length, executed, html, failure: null,
    };
    onProgress({ kind: "done", name, result });
    return Promise.resolve(result);
  }
  const reason = stale ?? "HTML version missing";
  // Leftovers of a run that was killed while writing: never mistaken for outputs, removed here.
  for (const f of [executed, html, recordFile]) if (f) removeTemporaries(f);
  const jobDir = join(tmpdir(), `caspian-${process.pid}`);
  mkdirSync(jobDir, { recursive: true });
  const jobFile = join(jobDir, `${name}.json`);
  const readsFile = join(jobDir, `${name}.reads`);
  rmSync(readsFile, { force: true });
  rmSync(figuresDir, { recursive: true, force: true });
  rmSync(recordFile, { force: true });
  writeFileSync(
    jobFile,
    JSON.stringify({
      notebook: resolve(notebook),
      out_ipynb: executed,
      out_html: html,
      timeout: options.timeoutSeconds,
      kernel: "tslab",
      cwd: resolve(notebook, ".."),
      parameters,
    }),
  );
  const startedAt = new Date();
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(jupyterPython, [join(projectRoot, "runner", "execute_notebook.py"), jobFile], {
      env: {
        ...jupyterEnv(),
        CASPIAN_READS_FILE: readsFile,
        CASPIAN_FIGURES_DIR: figuresDir,
        CASPIAN_NOTEBOOK: name,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let total = 0;
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
    child.on("error", (err) => reject(new Error(`cannot start ${jupyterPython}: ${err.message}`)));
    child.on("close", (code) => {
      rmSync(jobFile, { force: true });
      if (code !== 0 && failure === null) {
        const hint = /No such kernel named tslab/.test(stderr + fatal)
          ? ` (no tslab kernelspec under ${jupyterPath}: run scripts/setup.sh)`
          : "";
        failure = { cell: null, ename: "RunnerError", evalue: (fatal || stderr.trim() || `exit code ${code}`) + hint, source: "" };
      }
      const ok = failure === null;
      if (existsSync(executed)) {
        writeRunRecord({
          recordFile, notebook, name, ok, startedAt, parameters, current, readsFile, versions, cellTimings,
          outputs: [executed, ...(html && existsSync(html) ? [html] : []), ...filesUnder(figuresDir)],
          figuresDir,
        });
      }
      rmSync(readsFile, { force: true });
      const result: NotebookResult = {
        notebook, name, ok, cached: false, reason, record: recordFile,
        ms: Date.now() - started, cells: total, executed, html, failure,
      };
      onProgress({ kind: "done", name, result });
      resolvePromise(result);
    });
  });
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
  recordFile: string; notebook: string; name: string; ok: boolean; startedAt: Date;
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
    ok: r.ok,
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

/** Runs `tasks` with at most `limit` at once, keeping the results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Executes the selected notebooks, several at once. Resolves with one result per notebook, failures included. */
export async function runNotebooks(options: RunOptions, onProgress: (p: Progress) => void = () => {}): Promise<NotebookResult[]> {
  const notebooks = selectNotebooks(options.notebooksDir, options.only);
  if (!existsSync(join(jupyterPath, "kernels", "tslab", "kernel.json"))) {
    throw new UsageError(`the tslab kernelspec is missing from ${jupyterPath}: run scripts/setup.sh first`);
  }
  const names = Object.keys(options.parameters);
  if (names.length > 0) {
    const declared = new Set(notebooks.flatMap(declaredParameters));
    const unknown = names.filter((n) => !declared.has(n));
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown parameter(s) ${unknown.join(", ")}: no selected notebook declares them in its parameters cell (declared: ${[...declared].join(", ") || "none"})`,
      );
    }
  }
  const shared = sharedHashes();
  return mapLimit(notebooks, options.jobs, (nb) => runNotebook(nb, options, onProgress, shared));
}

/** One line naming the notebook, the cell and the error, for a failed notebook. */
export function describeFailure(r: NotebookResult): string {
  const f = r.failure;
  if (f === null) return `${r.name}: ok`;
  const where = f.cell === null ? "before any cell ran" : `cell ${f.cell}${r.cells ? ` of ${r.cells}` : ""}`;
  const src = f.source ? `\n    > ${f.source.split("\n").slice(0, 3).join("\n    > ")}` : "";
  return `${r.notebook}: ${where} failed: ${f.ename}: ${f.evalue}${src}`;
}
