// The pool: runs the selected notebooks several at once, stops the workers on a signal, and describes a failure.
import { writePlotlyAsset } from "../lib/export/plotly-asset";
import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import { mapLimit } from "../lib/core/map-limit";
import { sharedHashes } from "./cache";
import { checkRunInputs, outputName, parametersFor, type RunInput } from "./discover";
import { readRecord } from "./record";
import type { RunOptions } from "./options";
import {
  clearStaging,
  removeStagingIfEmpty,
  runNotebook,
  runningWorkers,
  unreadableNotebook,
  type NotebookResult,
  type Progress,
} from "./worker";

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
    clearStaging(outDir);
    process.kill(process.pid, sig);
  };
  const handler = (sig: NodeJS.Signals): void => {
    if (stopping) {
      finish(sig);
      return;
    }
    stopping = true;
    for (const w of runningWorkers) w.kill("SIGTERM");
    const deadline = Date.now() + 3000;
    const wait = setInterval(() => {
      if (runningWorkers.size === 0 || Date.now() > deadline) {
        clearInterval(wait);
        for (const w of runningWorkers) w.kill("SIGKILL");
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
 * The order in which to start the notebooks: longest first, by the duration their last run in this output folder
 * recorded, so that a long notebook does not start last while the other workers sit idle; notebooks with no record
 * keep their place, ahead of the timed ones. Returns indices into `sources`.
 */
export function longestFirst(
  sources: readonly RunInput[],
  options: Pick<RunOptions, "outDir" | "parameters">,
): number[] {
  const ms = sources.map((s) => {
    if ("problem" in s.read) return Number.POSITIVE_INFINITY;
    const name = outputName(s.file, parametersFor(s.read.json, options.parameters));
    return readRecord(join(options.outDir, "records", `${name}.json`))?.ms ?? Number.POSITIVE_INFINITY;
  });
  return sources.map((_, i) => i).sort((a, b) => (ms[b]! === ms[a]! ? a - b : ms[b]! > ms[a]! ? 1 : -1));
}

/**
 * Executes the selected notebooks, several at once. Resolves with one result per notebook, failures included:
 * a notebook file that cannot be read (see readNotebook in runner/discover.ts) fails alone, and the others still run.
 * `sources` are the notebooks as {@link checkRunInputs} read them (the CLI checks them before taking the lock and
 * passes them on, so each file is read once); by default they are read here.
 */
export async function runNotebooks(
  options: RunOptions,
  onProgress: (p: Progress) => void = () => {},
  sources: readonly RunInput[] = checkRunInputs(options),
): Promise<NotebookResult[]> {
  const shared = sharedHashes(options.standalone);
  // What a killed job left staged is never an output (one main job per output folder: the CLI's lock).
  clearStaging(options.outDir);
  // The one copy of plotly.js every page of the folder loads (checked each run: a damaged copy is replaced).
  writePlotlyAsset(options.outDir);
  const removeHandlers = stopWorkersOnSignals(options.outDir);
  try {
    const order = longestFirst(sources, options);
    const results = await mapLimit(order, options.jobs, async (i) => {
      const s = sources[i]!;
      if (!("problem" in s.read)) return runNotebook(s.file, options, onProgress, shared, s.read);
      const result = unreadableNotebook(s.file, s.read.problem, options);
      onProgress({ kind: "done", name: result.name, result });
      return result;
    });
    const byInput: NotebookResult[] = [];
    order.forEach((i, k) => {
      byInput[i] = results[k]!;
    });
    return byInput;
  } finally {
    removeHandlers();
    removeStagingIfEmpty(options.outDir);
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
  const failedCopy =
    r.executed.includes(`${sep}failed${sep}`) && existsSync(r.executed)
      ? `\n    this run's executed notebook: ${r.executed}`
      : "";
  if (f.ename === "NotebookError") return `${r.notebook}: cannot run: ${f.evalue}${kept}`;
  const where = f.cell === null ? "before any cell ran" : `cell ${f.cell}${r.cells ? ` of ${r.cells}` : ""}`;
  return `${r.notebook}: ${where} failed: ${f.ename}: ${f.evalue}${src}${kept}${failedCopy}`;
}
