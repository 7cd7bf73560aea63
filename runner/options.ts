/** Options of one run of the main job, as parsed from the command line. */
export interface RunOptions {
  /** Folder holding the notebooks to execute. */
  readonly notebooksDir: string;
  /** Folder that receives executed notebooks, HTML versions and figures. */
  readonly outDir: string;
  /** Run only notebooks whose file name contains one of these strings (empty: all). */
  readonly only: readonly string[];
  /** Per-cell timeout in seconds. */
  readonly timeoutSeconds: number;
  /** Values assigned in a new cell after the cell tagged `parameters`. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Notebooks executed at once (default: the number of cores). */
  readonly jobs: number;
  /** Write an HTML version of each executed notebook. */
  readonly html: boolean;
  /** Print only failures and the summary. */
  readonly quiet: boolean;
  /** Ignore the run cache: execute every selected notebook. */
  readonly force: boolean;
}

/** Error in the command line, reported without a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Parses a parameter given as `name=value`: the value is read as JSON when it is valid JSON, else as a string.
 * @example parseParameter("year=2024") // => ["year", 2024]
 * @example parseParameter("focal=KAZ") // => ["focal", "KAZ"]
 */
export function parseParameter(text: string): [string, unknown] {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`parameter "${text}" must look like name=value`);
  const name = text.slice(0, eq);
  const raw = text.slice(eq + 1);
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new UsageError(`parameter name "${name}" is not an identifier`);
  try {
    return [name, JSON.parse(raw)];
  } catch {
    return [name, raw];
  }
}
