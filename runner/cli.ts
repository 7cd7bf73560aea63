#!/usr/bin/env node
// The main job's command line (`npm start`): parses the arguments, checks the inputs, runs, and prints the summary.
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runDataCheck } from "../lib/data/check-cli";
import { defaultDataDir } from "../lib/data/paths";
import { CHANGES_FILE, dataChangesStep, type DataChangesStep } from "./data-changes";
import { checkRunInputs, type RunInput } from "./discover";
import { lockOutDir } from "./lock";
import {
  checkParameterName,
  checkParameterValue,
  defaultOptions,
  InputError,
  newParameters,
  parseParameter,
  UsageError,
  type RunOptions,
} from "./options";
import { existingFolderProblem, makeOutDir, outDirProblem, projectRoot, resolvedDataDir } from "./paths";
import { buildReportPack } from "./report-pack";
import { buildReportPages } from "./report-pages";
import { describeFailure, runNotebooks } from "./run";
import type { Progress } from "./worker";

const usage = `Usage: npm start -- [names...] [options]
Executes every notebook in notebooks/ on the tslab kernel and writes out/.
  names               run only notebooks whose file name contains one of these
  -p, --param k=v     set a parameter (JSON value or string) in the cell tagged "parameters"
  --params FILE       read parameters from a JSON object file
  --timeout SECONDS   per-cell timeout (default 300)
  -j, --jobs N        notebooks at once (default: number of cores + 1)
  --notebooks DIR     notebook folder (default notebooks/)
  --out DIR           output folder (default out/)
  --no-html           skip the HTML versions
  --force             ignore the run cache and execute every selected notebook
  --standalone        pages embed plotly.js (one file to send) instead of sharing out/assets/plotly.min.js
  -q, --quiet         print only failures and the summary`;

function parse(argv: string[]): RunOptions {
  try {
    return parseChecked(argv);
  } catch (e) {
    // node:util's own errors (an unknown option, a missing value) are usage errors, not crashes
    if ((e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError((e as Error).message);
    throw e;
  }
}

function parseChecked(argv: string[]): RunOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      param: { type: "string", short: "p", multiple: true },
      params: { type: "string" },
      timeout: { type: "string" },
      jobs: { type: "string", short: "j" },
      notebooks: { type: "string" },
      out: { type: "string" },
      "no-html": { type: "boolean" },
      force: { type: "boolean" },
      standalone: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const base = defaultOptions();
  const parameters = newParameters();
  if (values.params) readParamsFile(values.params, parameters);
  for (const p of values.param ?? []) {
    const [k, v] = parseParameter(p);
    parameters[k] = v;
  }
  const num = (s: string | undefined, what: string, fallback: number): number => {
    if (s === undefined) return fallback;
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${what} must be a positive number, got "${s}"`);
    return n;
  };
  return {
    ...base,
    // Absolute before anything runs: kernels run in the notebook folder and would resolve a relative path there.
    notebooksDir: resolve(values.notebooks ?? base.notebooksDir),
    outDir: resolve(values.out ?? base.outDir),
    only: positionals,
    parameters,
    timeoutSeconds: num(values.timeout, "--timeout", base.timeoutSeconds),
    jobs: Math.floor(num(values.jobs, "--jobs", base.jobs)),
    html: !values["no-html"],
    quiet: values.quiet ?? false,
    force: values.force ?? false,
    standalone: values.standalone ?? false,
  };
}

/** Reads `--params FILE` into `into`, naming the file and what is wrong with it. */
function readParamsFile(file: string, into: Record<string, unknown>): void {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === "ENOENT"
        ? "no such file"
        : err.code === "EISDIR"
          ? "it is a folder"
          : err.code === "EACCES"
            ? "no permission"
            : err.message;
    throw new InputError(`--params ${file}: cannot read it: ${why}`);
  }
  text = text.replace(/^\uFEFF/, ""); // a byte-order mark (Windows editors) is not part of the JSON
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const pos = at ? Number(at[1]) : text.length;
    const before = text.slice(0, pos).split("\n");
    const where = `line ${before.length}, column ${(before[before.length - 1] ?? "").length + 1}`;
    throw new InputError(
      `--params ${file}: not valid JSON (${where}): ${message.replace(/ in JSON at position \d+.*$/, "")}`,
    );
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj))
    throw new InputError(`--params ${file} must hold a JSON object ({"name": value, ...})`);
  for (const [k, v] of Object.entries(obj)) {
    try {
      into[checkParameterName(k)] = checkParameterValue(k, v);
    } catch (e) {
      throw new InputError(`--params ${file}: ${(e as Error).message}`);
    }
  }
}

/** Problems of the data folder in use, printed as `npm run data:check` prints them; the run stops before out/. */
class DataCheckFailed extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
  }
}

/**
 * Validates the data folder in use (CASPIAN_DATA or data/) with the code of `npm run data:check`. Warnings (a
 * byte-order mark, CRLF) are printed and the run goes on; problems stop it before anything is written.
 */
function checkData(): void {
  const dir = resolve(defaultDataDir());
  const via = process.env.CASPIAN_DATA !== undefined ? " (CASPIAN_DATA)" : "";
  // Kernels run in the notebook folder: a relative CASPIAN_DATA would name another folder there than the one checked.
  if (process.env.CASPIAN_DATA !== undefined) process.env.CASPIAN_DATA = dir;
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new DataCheckFailed([`the data folder ${dir}${via} does not exist`]);
  const lines: string[] = [];
  runDataCheck(dir, { log: () => {}, error: (l) => lines.push(l) });
  const problems = lines.filter((l) => !l.startsWith("warning: "));
  if (problems.length > 0)
    throw new DataCheckFailed([
      ...lines,
      `the data in ${dir}${via} is not valid: fix it (npm run data:check) and run again; nothing was written`,
    ]);
  for (const l of lines) console.error(l);
}

function printer(quiet: boolean): (p: Progress) => void {
  return (p) => {
    if (p.kind === "done") {
      const r = p.result;
      if (r.ok) {
        if (quiet) return;
        if (r.cached) console.log(`[${r.name}] skipped: ${r.reason} (outputs from the previous run)`);
        else console.log(`[${r.name}] done: ${r.cells} cells in ${(r.ms / 1000).toFixed(1)} s`);
      } else console.error(`[${r.name}] FAILED ${describeFailure(r)}`);
    } else if (!quiet) {
      if (p.kind === "start") console.log(`[${p.name}] running (${p.reason}): starting kernel, ${p.total} code cells`);
      else console.log(`[${p.name}] cell ${p.cell}/${p.total}: ${p.source}`);
    }
  };
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const refused =
    outDirProblem(options.outDir, {
      cwd: process.cwd(),
      notebooksDir: options.notebooksDir,
      dataDir: defaultDataDir(),
      home: homedir(),
    }) ?? existingFolderProblem(options.outDir);
  if (refused !== null) {
    throw new InputError(
      `--out ${options.outDir} is refused: ${refused}; the main job writes and deletes files in its output folder (default ${join(projectRoot, "out")})`,
    );
  }
  if (!existsSync(options.notebooksDir)) throw new UsageError(`notebook folder ${options.notebooksDir} does not exist`);
  checkData(); // before out/ is created: bad data leaves the last outputs as they are
  const sources = checkRunInputs(options); // unknown parameters, a missing kernelspec: also before out/ is touched
  const unwritable = makeOutDir(options.outDir);
  if (unwritable !== null) throw new InputError(`cannot write the output folder ${options.outDir}: ${unwritable}`);
  const unlock = lockOutDir(options.outDir);
  try {
    return await runMain(options, sources);
  } finally {
    unlock();
  }
}

async function runMain(options: RunOptions, sources: readonly RunInput[]): Promise<number> {
  const started = Date.now();
  const results = await runNotebooks(options, printer(options.quiet), sources);
  const failed = results.filter((r) => !r.ok);
  // The reader's pages (out/report/) before the pack: a stale parameter run's figure specs are removed first.
  buildReportPages(options.outDir, (m) => {
    if (!options.quiet || m.includes(" is stale ")) console.log(`[report pages] ${m}`);
  });
  // Built after failures too: a failed notebook kept its last good figure specs, the others have their new ones.
  const pack = await buildReportPack(
    options.outDir,
    (m) => {
      if (!options.quiet) console.log(`[report pack] ${m}`);
    },
    options.force,
    { standalone: options.standalone },
  );
  if (!options.quiet) {
    console.log(
      pack.exported
        ? `[report pack] ${pack.figures} figures and ${pack.tables} tables in ${(pack.ms / 1000).toFixed(1)} s: ${relative(projectRoot, options.outDir) || "."}/figures/index.html`
        : "[report pack] skipped: registered figures and tables unchanged",
    );
  }
  // The data rows added, changed or removed since the last run, and where each landed (printed in quiet mode too).
  let data: DataChangesStep | undefined;
  let dataProblem: string | undefined;
  try {
    const rel = relative(projectRoot, join(options.outDir, CHANGES_FILE));
    data = dataChangesStep(
      options.outDir,
      resolvedDataDir(),
      rel.startsWith("..") ? join(options.outDir, CHANGES_FILE) : rel,
    );
  } catch (e) {
    dataProblem = `data changes not listed: ${(e as Error).message}`;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const cached = results.filter((r) => r.cached).length;
  console.log(
    `\n${results.length - failed.length}/${results.length} notebooks ok (${cached} skipped, unchanged) in ${secs} s; outputs in ${relative(projectRoot, options.outDir) || "."}/`,
  );
  for (const l of data?.lines ?? []) console.log(l);
  if (data !== undefined && failed.length === 0) {
    try {
      data.commit();
    } catch (e) {
      dataProblem = `the data rows of this run were not recorded: ${(e as Error).message}`;
    }
  } else if (data !== undefined && (data.changes.first || data.changes.changes.length > 0))
    console.log("  (not recorded as the last run: a notebook failed; the next run lists these again)");
  if (dataProblem !== undefined) console.error(dataProblem);
  if (failed.length > 0) {
    console.error(`\n${failed.length} notebook(s) failed:`);
    for (const r of failed) console.error(`  - ${describeFailure(r)}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DataCheckFailed) {
      for (const l of err.lines) console.error(l);
      process.exit(1);
    }
    if (err instanceof UsageError) console.error(`error: ${err.message}\n\n${usage}`);
    else if (err instanceof InputError) console.error(`error: ${err.message}`);
    else console.error(err);
    process.exit(2);
  },
);
