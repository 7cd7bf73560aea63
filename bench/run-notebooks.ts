/**
 * bench/run-notebooks: the main job's notebook execution and the whole main job, timed in one process run, with a
 * profile of where the time goes. Notebook execution (runner/run.ts, as the main job calls it):
 *  1. floor: the same number of one-cell notebooks through the same runner (kernel start + nbclient + HTML)
 *  2. cold: every notebook, run cache ignored (--force)      → ratio to the floor (aim <= 1.3)
 *  3. no change: the same run again                          → ratio to cold (aim <= 0.05)
 *  4. one data file changed: the title of one row of events.csv → ratio to cold (aim <= 0.3), which notebooks re-ran
 *     and their share of the cold run's notebook time (the bound of this ratio: only they run again)
 *  5. the data file the fewest notebooks read: one row's note edited
 *  6. events.csv re-written with other bytes and the same rows (a blank line at the end): nothing re-runs
 * The whole main job (dist/runner/cli.js: notebooks, report pack, reader's pages; BENCH_MAIN=0 skips it): cold with
 * --force, no change, one row of events.csv edited (and how many report-pack figures were rendered again: only those
 * whose specs changed). Then the profile of the floor and the cold run (the phases their run records hold, summed
 * over notebooks). Both the floor notebooks and notebooks/ have their cells in the compile cache, as `npm run build`
 * leaves them (runner/precompile-cells.js; the time to fill it is printed); `BENCH_VARIANTS=1` adds a cold run with
 * every cache empty (a fresh CASPIAN_CACHE_DIR: no compiled cell, no parsed data file), the first run on a new
 * machine. Floor and cold runs alternate BENCH_REPEAT times (default 2); the fastest of each is used.
 * BENCH_JOBS sets the notebooks run at once (default: the runner's, cores + 1). The data package is copied
 * to a scratch folder (CASPIAN_DATA) so that data/ is never touched.
 *   npm run bench
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { defaultDataDir } from "../lib/data/paths";
import { selectNotebooks } from "../runner/discover";
import { defaultOptions } from "../runner/options";
import { cacheDir, projectRoot } from "../runner/paths";
import { readRecord } from "../runner/record";
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

/**
 * Changes one field of one row of a CSV file, in place: `column` of the `nth` row without quoted fields (text is
 * appended; an empty field gets "edited"). Returns the row's id (its first field).
 */
function editOneRow(file: string, column: string, nth = 0): string {
  const lines = readFileSync(file, "utf8").split("\n");
  const header = lines[0]!.split(",");
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`${file} has no column ${column}`);
  let seen = 0;
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(",");
    if (/"/.test(lines[i]!) || cells.length !== header.length) continue; // a row without quoted fields
    if (seen++ < nth) continue;
    cells[col] = cells[col] === "" ? "edited" : `${cells[col]} (edited)`;
    lines[i] = cells.join(",");
    writeFileSync(file, lines.join("\n"));
    return cells[0]!;
  }
  throw new Error(`no plain row to edit in ${file}`);
}

/** Adds 1 to the `value` of the row `id` of a CSV file whose rows start with their id (a plain row, no quotes before). */
function bumpValue(file: string, id: string): void {
  const lines = readFileSync(file, "utf8").split("\n");
  const col = lines[0]!.split(",").indexOf("value");
  const i = lines.findIndex((l) => l.startsWith(`${id},`));
  const cells = lines[i]!.split(",");
  cells[col] = String(Number(cells[col]) + 1);
  lines[i] = cells.join(",");
  writeFileSync(file, lines.join("\n"));
}

/** Inode of each file of the report pack (out/figures/<notebook>/<id>.png): a re-rendered figure gets a new file. */
function packInodes(out: string): Map<string, number> {
  const pack = join(out, "figures");
  const found = new Map<string, number>();
  for (const f of readdirSync(pack, { recursive: true, withFileTypes: true })) {
    if (f.isFile() && f.name.endsWith(".png"))
      found.set(join(f.parentPath, f.name), statSync(join(f.parentPath, f.name)).ino);
  }
  return found;
}

/** Runs the main job (`node dist/runner/cli.js`) on the data copy: notebooks, report pack, reader pages. */
function mainJob(out: string, force: boolean): number {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      join(projectRoot, "dist", "runner", "cli.js"),
      "--out",
      out,
      "-q",
      "--jobs",
      String(JOBS),
      ...(force ? ["--force"] : []),
    ],
    { encoding: "utf8", env: process.env },
  );
  if (r.status !== 0) throw new Error(`the main job failed: ${r.stdout}\n${r.stderr}`);
  return performance.now() - t0;
}

/** The data files each notebook of a run read (from its run record), by file name. */
function readers(results: readonly NotebookResult[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const r of results) {
    for (const path of Object.keys(readRecord(r.record)?.inputs.data ?? {})) {
      const f = basename(path);
      by.set(f, [...(by.get(f) ?? []), r.name]);
    }
  }
  return by;
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
  line("cells: running, and the kernel protocol", Math.max(0, get("cells") - get("compile")));
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

  // floor and cold alternate REPEAT times (BENCH_REPEAT, default 2) and the fastest of each counts: the machine may
  // be shared, and a ratio of two single runs moves by ±0.15 here
  const repeat = Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? 2)));
  const out = join(scratch, "out");
  let floor = await timed(floorDir, join(scratch, "out-floor"), true);
  let cold = await timed(real, out, true);
  for (let i = 1; i < repeat; i++) {
    const f = await timed(floorDir, join(scratch, "out-floor"), true);
    if (f.ms < floor.ms) floor = f;
    const c = await timed(real, out, true);
    if (c.ms < cold.ms) cold = c;
  }
  const same = await timed(real, out, false);
  const byFile = readers(cold.results);
  const edited = editOneRow(join(data, "events.csv"), "title");
  const changed = await timed(real, out, false);
  const reran = changed.results.filter((r) => !r.cached).map((r) => r.name);
  // the data file fewest notebooks read (another example of "one data file changed")
  const [fewest, fewReaders] = [...byFile]
    .filter(([f]) => f !== "events.csv" && f !== "sources.csv")
    .sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]))[0]!;
  editOneRow(join(data, fewest), "note");
  const changedFew = await timed(real, out, false);
  const reranFew = changedFew.results.filter((r) => !r.cached).map((r) => r.name);
  writeFileSync(join(data, "events.csv"), `${readFileSync(join(data, "events.csv"), "utf8")}\n`);
  const bytes = await timed(real, out, false);
  const reranBytes = bytes.results.filter((r) => !r.cached).map((r) => r.name);

  const ratio = (a: number, b: number) => (a / b).toFixed(a / b < 0.1 ? 3 : 2);
  console.log("");
  console.log("  notebook execution (runner/run.ts):");
  row(`floor (${n} one-cell notebooks)`, floor.ms, repeat > 1 ? `fastest of ${repeat}, as for cold` : "");
  row("cold (all notebooks, --force)", cold.ms, `ratio to floor ${ratio(cold.ms, floor.ms)} (aim <= 1.3)`);
  row("no change", same.ms, `ratio to cold  ${ratio(same.ms, cold.ms)} (aim <= 0.05)`);
  const share = (names: readonly string[]) => {
    const all = phaseTotals(cold.results);
    const part = all.per.filter(([name]) => names.includes(name)).reduce((a, [, ms]) => a + ms, 0);
    const total = all.per.reduce((a, [, ms]) => a + ms, 0);
    return `${((100 * part) / total).toFixed(0)} % of the cold run's notebook time`;
  };
  row(
    `events.csv: row ${edited.slice(0, 18)}… edited`,
    changed.ms,
    `ratio to cold  ${ratio(changed.ms, cold.ms)} (aim <= 0.3); re-ran ${reran.length}: ${reran.join(", ") || "none"} (${share(reran)})`,
  );
  row(
    `${fewest}: one row's note edited`,
    changedFew.ms,
    `ratio to cold  ${ratio(changedFew.ms, cold.ms)}; re-ran ${reranFew.length}: ${reranFew.join(", ") || "none"} (read by ${fewReaders.join(", ")})`,
  );
  row(
    "events.csv: same rows, other bytes",
    bytes.ms,
    `ratio to cold  ${ratio(bytes.ms, cold.ms)}; re-ran: ${reranBytes.join(", ") || "none"}`,
  );

  if (process.env.BENCH_MAIN !== "0") {
    // The whole main job: notebooks, the report pack (figures rendered in Chromium), the reader's pages.
    const mainOut = join(scratch, "main");
    const mainCold = mainJob(mainOut, true);
    const mainSame = mainJob(mainOut, false);
    const before = packInodes(mainOut);
    const editedMain = editOneRow(join(data, "events.csv"), "title", 1);
    const mainChanged = mainJob(mainOut, false);
    const after = packInodes(mainOut);
    const rendered = [...after].filter(([f, ino]) => before.get(f) !== ino).map(([f]) => basename(f, ".png"));
    // a value that figures draw: the 2023 tonnage of the whole route, +1 t
    bumpValue(join(data, "corridor_flows.csv"), "titr-whole-2023-cargo");
    const mainValue = mainJob(mainOut, false);
    const afterValue = packInodes(mainOut);
    const renderedValue = [...afterValue].filter(([f, ino]) => after.get(f) !== ino).map(([f]) => basename(f, ".png"));
    console.log("");
    console.log("  the main job (node dist/runner/cli.js: notebooks, report pack, reader's pages):");
    row("cold (--force: every notebook and figure)", mainCold, "");
    row("no change", mainSame, `ratio to cold  ${ratio(mainSame, mainCold)} (aim <= 0.05)`);
    row(
      `events.csv: row ${editedMain.slice(0, 18)}… edited`,
      mainChanged,
      `ratio to cold  ${ratio(mainChanged, mainCold)} (aim <= 0.3); figures rendered again: ${rendered.length} of ${after.size} (${rendered.join(", ") || "none"})`,
    );
    row(
      "corridor_flows.csv: a drawn value changed",
      mainValue,
      `ratio to cold  ${ratio(mainValue, mainCold)}; figures rendered again: ${renderedValue.length} of ${afterValue.size} (${renderedValue.join(", ") || "none"})`,
    );
  }
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
