/**
 * bench/run-notebooks: wall time of the main job's notebook execution against a floor measured in the same run:
 * the same number of one-cell notebooks through the same runner (kernel start + nbclient + HTML export).
 * The ratio says how much the notebooks' own work adds to the unavoidable per-notebook cost.
 *   npm run bench   (or: node dist/bench/run-notebooks.js [--repeat N])
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultOptions, runNotebooks, selectNotebooks } from "../runner/run";
import { writeNotebook } from "./notebook-fixture";

async function timeRun(notebooksDir: string, outDir: string): Promise<number> {
  const t0 = performance.now();
  const results = await runNotebooks({ ...defaultOptions(), notebooksDir, outDir, quiet: true });
  const ms = performance.now() - t0;
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`bench run failed: ${failed.map((r) => r.name).join(", ")}`);
  return ms;
}

async function main(): Promise<void> {
  const real = defaultOptions().notebooksDir;
  const n = selectNotebooks(real, []).length;
  const scratch = mkdtempSync(join(tmpdir(), "caspian-bench-"));
  const floorDir = join(scratch, "floor");
  for (let i = 0; i < n; i++) writeNotebook(floorDir, `floor-${String(i).padStart(2, "0")}`, ["1 + 1"]);
  console.log(`bench/run-notebooks: ${n} notebooks, ${defaultOptions().jobs} at once`);
  const floor = await timeRun(floorDir, join(scratch, "out-floor"));
  console.log(`  floor (${n} one-cell notebooks): ${(floor / 1000).toFixed(2)} s`);
  const main = await timeRun(real, join(scratch, "out-main"));
  console.log(`  main job notebooks:             ${(main / 1000).toFixed(2)} s`);
  console.log(`  ratio main/floor:               ${(main / floor).toFixed(2)}  (aim: <= 1.3)`);
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
