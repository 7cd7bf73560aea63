/**
 * bench/run-notebooks: the main job's notebook execution, timed in one process run.
 *  1. floor: the same number of one-cell notebooks through the same runner (kernel start + nbclient + HTML)
 *  2. cold: every notebook, cache ignored            → ratio to the floor (aim <= 1.3)
 *  3. no change: the same run again                  → ratio to cold (aim <= 0.05)
 *  4. one data file changed (data/events.csv)        → ratio to cold, and which notebooks re-ran
 * The data package is copied to a scratch folder (CASPIAN_DATA) so that step 4 never touches data/.
 *   npm run bench
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultDataDir } from "../lib/data/paths";
import { selectNotebooks } from "../runner/discover";
import { defaultOptions } from "../runner/options";
import { runNotebooks } from "../runner/run";
import type { NotebookResult } from "../runner/worker";
import { writeNotebook } from "./notebook-fixture";

async function timed(
  notebooksDir: string,
  outDir: string,
  force: boolean,
): Promise<{ ms: number; results: NotebookResult[] }> {
  const t0 = performance.now();
  const results = await runNotebooks({ ...defaultOptions(), notebooksDir, outDir, force, quiet: true });
  const ms = performance.now() - t0;
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0)
    throw new Error(`bench run failed: ${failed.map((r) => `${r.name}: ${r.failure?.evalue}`).join("; ")}`);
  return { ms, results };
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const real = defaultOptions().notebooksDir;
  const n = selectNotebooks(real, []).length;
  const scratch = mkdtempSync(join(tmpdir(), "caspian-bench-"));
  const data = join(scratch, "data");
  cpSync(defaultDataDir(), data, { recursive: true });
  process.env.CASPIAN_DATA = data;
  const floorDir = join(scratch, "floor");
  for (let i = 0; i < n; i++) writeNotebook(floorDir, `floor-${String(i).padStart(2, "0")}`, ["1 + 1"]);
  console.log(`bench/run-notebooks: ${n} notebooks, ${defaultOptions().jobs} at once`);

  const floor = await timed(floorDir, join(scratch, "out-floor"), true);
  const out = join(scratch, "out");
  const cold = await timed(real, out, true);
  const same = await timed(real, out, false);
  appendFileSync(join(data, "events.csv"), "\n"); // a change of bytes, not of meaning
  const changed = await timed(real, out, false);
  const reran = changed.results.filter((r) => !r.cached).map((r) => r.name);

  const row = (label: string, ms: number, ratio: string) =>
    console.log(`  ${label.padEnd(34)} ${s(ms).padStart(8)}   ${ratio}`);
  row(`floor (${n} one-cell notebooks)`, floor.ms, "");
  row("cold (all notebooks, --force)", cold.ms, `ratio to floor ${(cold.ms / floor.ms).toFixed(2)} (aim <= 1.3)`);
  row("no change", same.ms, `ratio to cold  ${(same.ms / cold.ms).toFixed(3)} (aim <= 0.05)`);
  row(
    "data/events.csv changed",
    changed.ms,
    `ratio to cold  ${(changed.ms / cold.ms).toFixed(2)}; re-ran: ${reran.join(", ") || "none"}`,
  );
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
