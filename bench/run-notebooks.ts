/**
 * bench/run-notebooks: the main job's notebook execution and report pack, timed in one process run, with a profile
 * of where the time goes.
 *  1. floor: the same number of one-cell notebooks through the same runner (kernel start + nbclient + HTML)
 *  2. cold: every notebook, run cache ignored (--force)      → ratio to the floor (aim <= 1.3)
 *  3. no change: the same run again                          → ratio to cold (aim <= 0.05)
 *  4. one data file changed: one row of data/events.csv      → ratio to cold (aim <= 0.3), and which notebooks re-ran
 *  5. the same file re-written with other bytes and the same rows (a blank line at the end): nothing re-runs
 * Then the profile of the cold run (the phases its run records hold, summed over notebooks), and the report pack:
 * exported from the cold run's specs, then again after step 4 (only the figures whose specs changed are rendered).
 * Both the floor notebooks and notebooks/ have their cells in the compile cache, as `npm run build` leaves them
 * (runner/precompile-cells.js; the time to fill it is printed); `BENCH_VARIANTS=1` adds a cold run with every
 * cache empty (a fresh CASPIAN_CACHE_DIR: no compiled cell, no parsed data file), the first run on a new machine.
 * The data package is copied to a scratch folder (CASPIAN_DATA) so that steps 4–5 never touch data/.
 *   npm run bench
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultDataDir } from "../lib/data/paths";
import { selectNotebooks } from "../runner/discover";
import { defaultOptions } from "../runner/options";
import { cacheDir, projectRoot } from "../runner/paths";
import { readRecord } from "../runner/record";
import { buildReportPack } from "../runner/report-pack";
import { runNotebooks } from "../runner/run";
import type { NotebookResult } from "../runner/worker";
import { writeNotebook } from "./notebook-fixture";

async function timed(
  notebooksDir: string,
  outDir: string,
  force: boolean,
): Promise<{ ms: number; results: NotebookResult[] }> {
  const t0 = performance.now();
  const results = await runNotebooks({ ...defaultOptions(), jobs: JOBS, notebooksDir, outDir, force, quiet: true });
  const ms = performance.now() - t0;
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0)
    throw new Error(`bench run failed: ${failed.map((r) => `${r.name}: ${r.failure?.evalue}`).join("; ")}`);
  return { ms, results };
}

/** Fills the compile cache for the notebooks of `dir`, as `npm run build` does for notebooks/; returns its line. */
function precompile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(dir, f));
  const r = spawnSync(
    process.execPath,
    [
      "--require",
      join(projectRoot, "runner", "kernel-resolve.js"),
      join(projectRoot, "runner", "precompile-cells.js"),
      "--verbose",
      ...files,
    ],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        NODE_PATH: join(projectRoot, ".jupyter", "node_path"),
        CASPIAN_CACHE_DIR: process.env.CASPIAN_CACHE_DIR || cacheDir,
      },
    },
  );
  if (r.status !== 0) throw new Error(`precompile-cells failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** Changes one field of one row of a CSV file: the title of the first event whose title is plain text. */
function editOneRow(file: string): string {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const header = lines[0]!.split(",");
  const col = header.indexOf("title");
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(",");
    if (/"/.test(lines[i]!) || cells.length !== header.length) continue; // a row without quoted fields
    const id = cells[0]!;
    cells[col] = `${cells[col]} (edited)`;
    lines[i] = cells.join(",");
    writeFileSync(file, lines.join("\n"));
    return id;
  }
  throw new Error(`no plain row to edit in ${file}`);
}

/** Notebooks at once: the runner's default (the number of cores), or BENCH_JOBS. */
const JOBS = Number(process.env.BENCH_JOBS) > 0 ? Math.floor(Number(process.env.BENCH_JOBS)) : defaultOptions().jobs;

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const row = (label: string, ms: number, note: string) =>
  console.log(`  ${label.padEnd(40)} ${s(ms).padStart(8)}   ${note}`);

/** Sums of the phases of the run records of `results` (see RunRecord.phases). */
function phaseTotals(results: readonly NotebookResult[]): { totals: Map<string, number>; per: [string, number][] } {
  const totals = new Map<string, number>();
  const per: [string, number][] = [];
  for (const r of results) {
    const rec = readRecord(r.record);
    per.push([r.name, rec?.ms ?? r.ms]);
    for (const [k, v] of Object.entries(rec?.phases ?? {})) totals.set(k, (totals.get(k) ?? 0) + v);
  }
  return { totals, per };
}

function printProfile(label: string, results: readonly NotebookResult[], jobs: number): void {
  const { totals, per } = phaseTotals(results);
  const get = (k: string) => totals.get(k) ?? 0;
  const all = per.reduce((a, [, ms]) => a + ms, 0);
  const named = ["imports", "kernel_start", "cells", "kernel_stop", "write_ipynb", "html", "outputs"];
  const runner = all - named.reduce((a, k) => a + get(k), 0);
  console.log(`  where the time of the ${label} went (summed over notebooks; ${jobs} run at once):`);
  const line = (what: string, ms: number, note = "") =>
    console.log(`    ${what.padEnd(46)} ${s(ms).padStart(8)} ${((100 * ms) / all).toFixed(0).padStart(4)} %  ${note}`);
  line("Python start and imports (nbformat, nbclient)", get("imports"));
  line("kernel start (node, tslab, until kernel_info)", get("kernel_start"));
  line(
    "cells: compiling (tslab + cell cache)",
    get("compile"),
    `${get("cellsCompiled")} compiled, ${get("cellsCached")} from the cache`,
  );
  line("cells: running, and the kernel protocol", get("cells") - get("compile"));
  line("kernel shutdown", get("kernel_stop"));
  line("writing the executed .ipynb", get("write_ipynb"));
  line("HTML page (nbconvert)", get("html"));
  line("outputs in place, hashes, run record", get("outputs"));
  line("runner (spawn, staging, queue)", runner);
  line("total", all);
  console.log(`    per notebook: ${per.map(([n, ms]) => `${n.slice(0, 2)} ${s(ms)}`).join(", ")}`);
}

async function main(): Promise<void> {
  const real = defaultOptions().notebooksDir;
  const n = selectNotebooks(real, []).length;
  const jobs = JOBS;
  const scratch = mkdtempSync(join(tmpdir(), "caspian-bench-"));
  const data = join(scratch, "data");
  cpSync(defaultDataDir(), data, { recursive: true });
  process.env.CASPIAN_DATA = data;
  const floorDir = join(scratch, "floor");
  for (let i = 0; i < n; i++) writeNotebook(floorDir, `floor-${String(i).padStart(2, "0")}`, ["1 + 1"]);
  console.log(`bench/run-notebooks: ${n} notebooks, ${jobs} at once`);
  console.log(`  compile cache, floor notebooks: ${precompile(floorDir)}`);
  console.log(`  compile cache, notebooks/:      ${precompile(real)}`);

  const floor = await timed(floorDir, join(scratch, "out-floor"), true);
  const out = join(scratch, "out");
  const cold = await timed(real, out, true);
  const withPack = process.env.BENCH_PACK !== "0";
  const tPack = performance.now();
  const pack1 = withPack ? await buildReportPack(out, () => {}) : { figures: 0, tables: 0 };
  const packColdMs = performance.now() - tPack;
  const same = await timed(real, out, false);
  const edited = editOneRow(join(data, "events.csv"));
  const changed = await timed(real, out, false);
  const reran = changed.results.filter((r) => !r.cached).map((r) => r.name);
  const logged: string[] = [];
  const tPack2 = performance.now();
  if (withPack) await buildReportPack(out, (m) => logged.push(m));
  const packChangedMs = performance.now() - tPack2;
  const rendered = logged.filter((m) => /^figure \d+\/\d+/.test(m)).length;
  writeFileSync(join(data, "events.csv"), `${readFileSync(join(data, "events.csv"), "utf8")}\n`);
  const bytes = await timed(real, out, false);
  const reranBytes = bytes.results.filter((r) => !r.cached).map((r) => r.name);

  console.log("");
  row(`floor (${n} one-cell notebooks)`, floor.ms, "");
  row("cold (all notebooks, --force)", cold.ms, `ratio to floor ${(cold.ms / floor.ms).toFixed(2)} (aim <= 1.3)`);
  row("no change", same.ms, `ratio to cold  ${(same.ms / cold.ms).toFixed(3)} (aim <= 0.05)`);
  row(
    `data/events.csv: row ${edited} edited`,
    changed.ms,
    `ratio to cold  ${(changed.ms / cold.ms).toFixed(2)} (aim <= 0.3); re-ran: ${reran.join(", ") || "none"}`,
  );
  row(
    "data/events.csv: same rows, other bytes",
    bytes.ms,
    `ratio to cold  ${(bytes.ms / cold.ms).toFixed(3)}; re-ran: ${reranBytes.join(", ") || "none"}`,
  );
  row(`report pack, cold (${pack1.figures} figures, ${pack1.tables} tables)`, packColdMs, "");
  row("report pack after the row edit", packChangedMs, `rendered ${rendered} of ${pack1.figures} figures again`);
  console.log("");
  printProfile("floor", floor.results, jobs);
  printProfile("cold run", cold.results, jobs);

  if (process.env.BENCH_VARIANTS === "1") {
    console.log("");
    const empty = join(scratch, "empty-cache");
    const was = process.env.CASPIAN_CACHE_DIR;
    process.env.CASPIAN_CACHE_DIR = empty;
    const fresh = await timed(real, join(scratch, "out-fresh"), true);
    if (was === undefined) delete process.env.CASPIAN_CACHE_DIR;
    else process.env.CASPIAN_CACHE_DIR = was;
    row("cold, every cache empty", fresh.ms, `ratio to floor ${(fresh.ms / floor.ms).toFixed(2)}`);
    printProfile("cold run with empty caches", fresh.results, jobs);
  }
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
