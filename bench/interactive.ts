/**
 * bench/interactive: how fast a cell answers in Jupyter, through the kernel protocol (bench/interactive.py drives the
 * project's tslab kernel with jupyter_client, as Jupyter does). Aim: a typical analysis cell (one indicator, one
 * figure or table) answers in under 0.5 s after the first. ROUNDS cells (default 6, env BENCH_ROUNDS).
 *   npm run bench:interactive
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { cacheDir, jupyterEnv, jupyterPython, projectRoot } from "../runner/paths";

interface Latency {
  kernel_start: number;
  first: number;
  later: number[];
  restart: number;
  first_again: number;
  later_again: number[];
  first_after_pause: number;
  later_after_pause: number[];
}

const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
const list = (vs: readonly number[]) => vs.map(ms).join(", ");
const median = (vs: readonly number[]) => [...vs].sort((a, b) => a - b)[Math.floor(vs.length / 2)] ?? 0;

function main(): void {
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 6));
  const out = execFileSync(
    jupyterPython,
    [join(projectRoot, "bench", "interactive.py"), join(projectRoot, "notebooks"), String(rounds)],
    { encoding: "utf8", env: { ...jupyterEnv(), CASPIAN_CACHE_DIR: process.env.CASPIAN_CACHE_DIR || cacheDir } },
  );
  const r = JSON.parse(out.trim().split("\n").pop()!) as Latency;
  const worst = Math.max(...r.later, ...r.later_again, ...r.later_after_pause);
  console.log(`bench/interactive: the tslab kernel in notebooks/, through jupyter_client (${rounds} typical cells)`);
  console.log(`  kernel start (until kernel_info)          ${ms(r.kernel_start)}`);
  console.log(`  first cell (import caspian-lab, load data) ${ms(r.first)}   (builds TypeScript's program: new code)`);
  console.log(`  later cells, each new code                 ${list(r.later)}   median ${ms(median(r.later))}`);
  console.log(`  after Restart, Run All: kernel start       ${ms(r.restart)}`);
  console.log(
    `    first cell again                         ${ms(r.first_again)}   (compiled form from the cell cache)`,
  );
  console.log(`    later cells again                        ${list(r.later_again)}`);
  console.log(`  after Restart and a 3 s pause: first cell  ${ms(r.first_after_pause)}   (program built while idle)`);
  console.log(`    later cells, new code                    ${list(r.later_after_pause)}`);
  console.log(`  slowest cell after the first: ${ms(worst)} (aim < 0.5 s) ${worst < 500 ? "ok" : "OVER"}`);
}

main();
