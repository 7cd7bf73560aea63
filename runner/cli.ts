#!/usr/bin/env node
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { parseParameter, UsageError, type RunOptions } from "./options";
import { defaultOptions, describeFailure, runNotebooks, type Progress } from "./run";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./paths";
import { buildReportPack } from "./report-pack";

const usage = `Usage: npm start -- [names...] [options]
Executes every notebook in notebooks/ on the tslab kernel and writes out/.
  names               run only notebooks whose file name contains one of these
  -p, --param k=v     set a parameter (JSON value or string) in the cell tagged "parameters"
  --params FILE       read parameters from a JSON object file
  --timeout SECONDS   per-cell timeout (default 300)
  -j, --jobs N        notebooks at once (default: number of cores)
  --notebooks DIR     notebook folder (default notebooks/)
  --out DIR           output folder (default out/)
  --no-html           skip the HTML versions
  --force             ignore the run cache and execute every selected notebook
  -q, --quiet         print only failures and the summary`;

function parse(argv: string[]): RunOptions {
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
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const base = defaultOptions();
  const parameters: Record<string, unknown> = {};
  if (values.params) {
    const obj: unknown = JSON.parse(readFileSync(values.params, "utf8"));
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) throw new UsageError(`${values.params} must hold a JSON object`);
    Object.assign(parameters, obj);
  }
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
    notebooksDir: values.notebooks ?? base.notebooksDir,
    outDir: values.out ?? base.outDir,
    only: positionals,
    parameters,
    timeoutSeconds: num(values.timeout, "--timeout", base.timeoutSeconds),
    jobs: Math.floor(num(values.jobs, "--jobs", base.jobs)),
    html: !values["no-html"],
    quiet: values.quiet ?? false,
    force: values.force ?? false,
  };
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

/**
 * One main job per output folder: a second one would delete the first one's figure specs mid-run.
 * The lock holds the pid; a lock whose process is gone (a killed run) is taken over.
 */
function lockOutDir(outDir: string): () => void {
  mkdirSync(outDir, { recursive: true });
  const lock = join(outDir, ".lock");
  try {
    const pid = Number(readFileSync(lock, "utf8"));
    if (pid > 0 && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        throw new UsageError(`another main job (pid ${pid}) is writing ${outDir}; wait for it, or use --out`);
      } catch (e) {
        if (e instanceof UsageError) throw e; // alive; otherwise a stale lock of a killed run
      }
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const unlock = lockOutDir(options.outDir);
  try {
    return await runMain(options);
  } finally {
    unlock();
  }
}

async function runMain(options: RunOptions): Promise<number> {
  const started = Date.now();
  const results = await runNotebooks(options, printer(options.quiet));
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    const pack = await buildReportPack(options.outDir, (m) => {
      if (!options.quiet) console.log(`[report pack] ${m}`);
    }, options.force);
    if (!options.quiet) {
      console.log(
        pack.exported
          ? `[report pack] ${pack.figures} figures and ${pack.tables} tables in ${(pack.ms / 1000).toFixed(1)} s: ${relative(projectRoot, options.outDir) || "."}/figures/index.html`
          : "[report pack] skipped: registered figures and tables unchanged",
      );
    }
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const cached = results.filter((r) => r.cached).length;
  console.log(
    `\n${results.length - failed.length}/${results.length} notebooks ok (${cached} skipped, unchanged) in ${secs} s; outputs in ${relative(projectRoot, options.outDir) || "."}/`,
  );
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
    if (err instanceof UsageError) console.error(`error: ${err.message}\n\n${usage}`);
    else console.error(err);
    process.exit(2);
  },
);
