// Options of the main job: RunOptions and its defaults, the command-line errors, and the parameter checks.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./paths";

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
  /**
   * Notebooks executed at once (default: one more than the number of cores: a notebook run waits on the kernel
   * protocol part of the time, so one extra worker keeps the cores busy; see bench/run-notebooks).
   */
  readonly jobs: number;
  /** Write an HTML version of each executed notebook. */
  readonly html: boolean;
  /** Print only failures and the summary. */
  readonly quiet: boolean;
  /** Ignore the run cache: execute every selected notebook. */
  readonly force: boolean;
  /** HTML pages embed plotly.js (for sending one file) instead of loading the output folder's shared copy. */
  readonly standalone: boolean;
}

/** Default options: every notebook in notebooks/, output to out/, one notebook per core. */
export function defaultOptions(): RunOptions {
  return {
    notebooksDir: join(projectRoot, "notebooks"),
    outDir: join(projectRoot, "out"),
    only: [],
    timeoutSeconds: 300,
    parameters: {},
    jobs: availableParallelism() + 1,
    html: true,
    quiet: false,
    force: false,
    standalone: false,
  };
}

/** Error in the command line, reported without a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A user's input that cannot be used (a file, a folder, data): reported in one line, without the usage text. */
export class InputError extends Error {
  override name = "InputError";
}

/**
 * Words a parameter cannot be named: JavaScript's reserved and strict-mode words, globals an assignment would break,
 * and the properties every object inherits (`__proto__`, `constructor`, ...), which would not be plain parameters.
 */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  ..."break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield".split(
    " ",
  ),
  ..."let static implements interface package private protected public await async of eval arguments undefined NaN Infinity globalThis require module exports process console".split(
    " ",
  ),
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
]);

/**
 * Checks a parameter name: an ASCII identifier that can be assigned in a notebook cell, and no inherited property
 * name or reserved word. `where` says where the name came from, for the message.
 * @example checkParameterName("focal") // => "focal"
 */
export function checkParameterName(name: string, where = "parameter"): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(name))
    throw new UsageError(`${where} name ${JSON.stringify(name)} is not an identifier (letters, digits, _ and $)`);
  if (FORBIDDEN_NAMES.has(name))
    throw new UsageError(
      `${where} name ${JSON.stringify(name)} is not allowed: it is a reserved word or a property every object has`,
    );
  return name;
}

/**
 * Checks a parameter value: a `__proto__` key anywhere inside it would set the prototype of the object literal the
 * injected cell builds instead of adding a key, so it is refused.
 * @example checkParameterValue("dates", ["2015-01-01"]) // => ["2015-01-01"]
 */
export function checkParameterValue(name: string, value: unknown): unknown {
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, `${path}[${i}]`);
      });
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "__proto__")
          throw new UsageError(`parameter ${name}: the key "__proto__" (in ${path}) is not allowed`);
        walk(x, `${path}.${k}`);
      }
    }
  };
  walk(value, name);
  return value;
}

/** An empty parameter map without a prototype, so no name (`__proto__` included) reaches Object.prototype. */
export function newParameters(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
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
  checkParameterName(name);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [name, raw];
  }
  return [name, checkParameterValue(name, value)];
}

/**
 * Quotes a word for a POSIX shell when it needs it (for commands the runner prints for the user to run).
 * @example shellWord("focal=KAZ") // => "focal=KAZ"
 * @example shellWord("focal=A B") // => "'focal=A B'"
 */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_=.,:@%+/-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * The inverse of {@link parseParameter}: `--param name=value` that reads back to the same value (a string that
 * would read as JSON is given as JSON), quoted for the shell.
 * @example paramArgument("asOf", "2016") // => `--param 'asOf="2016"'`
 */
export function paramArgument(name: string, value: unknown): string {
  let raw: string;
  if (typeof value === "string") {
    let readsAsJson = false;
    try {
      JSON.parse(value);
      readsAsJson = true;
    } catch {
      readsAsJson = false;
    }
    raw = readsAsJson ? JSON.stringify(value) : value;
  } else raw = JSON.stringify(value) ?? String(value);
  return `--param ${shellWord(`${name}=${raw}`)}`;
}

/**
 * Runs a command's `main` with the process's arguments and exits with its code. A {@link UsageError} prints its
 * message and the usage, any other error one line; both exit 2.
 */
export function runCommand(main: (argv: readonly string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof UsageError) console.error(`error: ${err.message}\n\n${usage}`);
      else console.error(`error: ${(err as Error).message ?? String(err)}`);
      process.exit(2);
    },
  );
}
