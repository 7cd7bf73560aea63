/**
 * bench/load-data: time to load and validate the whole data package after the process has started
 * (papaparse + zod + row rules + keys + foreign keys), against a baseline measured in the same run:
 * reading the same files' bytes and splitting them into lines. Aim: under 300 ms.
 *   npm run bench:data
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allResources } from "../lib/data/resources";
import type { ResourceDef } from "../lib/data/resource";
import { loadPackage } from "../lib/data/load";
import { defaultDataDir } from "../lib/data/paths";

function best(runs: number, f: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const dir = defaultDataDir();
const t0 = performance.now();
const pkg = loadPackage(dir); // the first load: what a notebook or data:check pays
const first = performance.now() - t0;
const rows = Object.values(pkg).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 0);
const baseline = best(20, () =>
  (allResources as readonly ResourceDef<unknown>[]).map(
    (d) => readFileSync(join(dir, d.path), "utf8").split("\n").length,
  ),
);
const warm = best(10, () => loadPackage(dir));
console.log(`bench/load-data: ${rows} rows in ${allResources.length} files`);
console.log(`  first load (cold code paths): ${first.toFixed(0)} ms   (aim: < 300 ms)`);
console.log(`  load, best of 10:             ${warm.toFixed(1)} ms`);
console.log(
  `  baseline (read + split lines): ${baseline.toFixed(1)} ms   ratio load/baseline ${(warm / baseline).toFixed(1)}`,
);
