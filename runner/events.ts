// The worker protocol: runner/execute_notebook.py prints one JSON event a line on stdout; their type and parsing.
import type { CellTiming } from "./record";

/**
 * One event of a worker, in the order it sends them: `start` (the number of code cells and the Jupyter side's
 * versions), `cell_start` and `cell_done` for each code cell, then `done` (the cell timings) when every cell ran,
 * `error` (the failing cell, its error and the cell timings) when one failed, or `fatal` (a message) when the
 * worker itself failed. Fields a worker leaves out read as their defaults (0, "", none).
 */
export interface WorkerEvent {
  readonly event: "start" | "cell_start" | "cell_done" | "error" | "done" | "fatal";
  /** `start`: versions of Python, nbclient, nbconvert and jupyter_client. */
  readonly versions?: Record<string, string>;
  /** `done`, `error`: timing of each code cell that ran. */
  readonly cells?: CellTiming[];
  /** `start`, `cell_start`, `cell_done`: the number of code cells. */
  readonly total?: number;
  /** `cell_start`, `cell_done`, `error`: the code cell (1-based among code cells). */
  readonly cell?: number;
  /** `cell_start`: the first line of the cell; `error`: the cell's source. */
  readonly source?: string;
  /** `error`: the error's name and value. */
  readonly ename?: string;
  readonly evalue?: string;
  /** `fatal`: what went wrong in the worker. */
  readonly message?: string;
  /**
   * `done`: milliseconds of each phase of the worker (`imports`, `kernel_start`, `cells`, `kernel_stop`,
   * `write_ipynb`, `html`; see runner/execute_notebook.py).
   */
  readonly phases?: Record<string, number>;
}

/**
 * Reads one line of a worker's stdout as an event; `undefined` when it is not JSON (anything else the worker
 * printed, which the caller keeps with its stderr).
 * @example parseWorkerEvent('{"event": "cell_start", "cell": 2, "total": 9, "source": "const x = 1;"}')
 * // => { event: "cell_start", cell: 2, total: 9, source: "const x = 1;" }
 */
export function parseWorkerEvent(line: string): WorkerEvent | undefined {
  try {
    return JSON.parse(line) as WorkerEvent;
  } catch {
    return undefined;
  }
}
