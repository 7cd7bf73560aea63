/**
 * bench/indicators: the membership indicators on a synthetic world, against the same computation in numpy and in
 * pandas + numpy.
 *
 * World (fixed seed): 200 states × 500 organisations × 60 years (1966–2025). Organisations are founded in
 * 1966–2015; most are small and one in twenty is large; founders join on the founding date, others later, with
 * dates given to the day, the month or the year; about a third of the ties change status once (member, former,
 * suspended, partner) and some end. By default about 15,000 membership rows (spells), the held-out scale of issue 16:
 * `--spells N` (or env BENCH_SPELLS) scales the organisations' sizes for about N rows (4027 gives the original world
 * of 2–8 and 10–30 members).
 *
 * 1. The membership stage, against plain numpy (bench/indicators_numpy.py): for every year end, the state ×
 *    organisation matrix as of that date (any standing tie), the organisations shared by every pair of states and
 *    their Jaccard indices (numpy: a vectorised as-of selection and `inc @ inc.T`). Checksums of cells, shared counts
 *    and Jaccard indices must agree. Also shown: the stage when every overlap's `sources` is read as well (numpy has
 *    no sources).
 * 2. Unless `--no-pandas` (or env BENCH_PANDAS=0), the whole pipeline, against bench/indicators_pandas.py: the same
 *    plus the state–state network (shared organisations ≥ 1), degree and normalised betweenness (graphology-metrics;
 *    pandas for the as-of selection, numpy for the overlap and for betweenness: Brandes, all sources at once, in
 *    matrix form). All checksums must agree.
 * Both sides read the same rows (written to a temporary CSV). Each side runs each computation RUNS times (default 3,
 * env BENCH_RUNS) and reports its fastest run, since the machine may be shared; TypeScript warms the JIT up first. A
 * checksum that differs makes the bench exit with status 1.
 *   npm run bench:indicators   (or: node scripts/build.mjs && node dist/bench/indicators.js --spells 15000)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ANY_TIE,
  membershipIndex,
  membershipMatrix,
  networkCentrality,
  overlapMatrix,
  stateStateNetwork,
  type MembershipInput,
  type MembershipStatus,
} from "../lib/indicators";
import { sourceId } from "../lib/core/types";

const SEED = 20251127;
const N_STATES = 200;
const N_ORGS = 500;
const FIRST_YEAR = 1966;
const LAST_YEAR = 2025;
/** Rows of the default world: the held-out scale of issue 16 (about 15,000 spells). */
const DEFAULT_SPELLS = 15_000;

/** mulberry32: a small, fixed-seed PRNG (same world on every run and machine). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The synthetic world. `scale` multiplies every organisation's size (capped at {@link N_STATES}), which scales the
 * number of rows about linearly; scale 1 is the world of about 4,000 rows, drawn with the same random numbers.
 */
function world(seed: number, scale = 1): MembershipInput[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = rnd();
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  };
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = (year: number): string => {
    const p = rnd();
    if (p < 0.2) return String(year);
    const m = int(1, 12);
    return p < 0.5 ? `${year}-${pad(m)}` : `${year}-${pad(m)}-${pad(int(1, 28))}`;
  };
  const states = Array.from({ length: N_STATES }, (_, i) => `S${String(i).padStart(3, "0")}`);
  const rows: MembershipInput[] = [];
  for (let o = 0; o < N_ORGS; o++) {
    const org = `O${String(o).padStart(3, "0")}`;
    const founded = int(FIRST_YEAR, 2015);
    const foundedDate = `${founded}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
    const size = Math.min(N_STATES, Math.max(2, Math.round(scale * (rnd() < 0.95 ? int(2, 8) : int(10, 30)))));
    const members = new Set<string>();
    while (members.size < size) members.add(states[int(0, N_STATES - 1)]!);
    [...members].forEach((state, k) => {
      const founder = k < 2;
      const start = founder ? founded : founded + int(0, Math.floor((LAST_YEAR - founded) / 2));
      const since = founder ? foundedDate : date(start);
      const status: MembershipStatus = founder
        ? "founding_member"
        : pick<MembershipStatus>([
            ["member", 0.55],
            ["observer", 0.15],
            ["dialogue_partner", 0.1],
            ["associate", 0.05],
            ["partner", 0.05],
            ["applicant", 0.1],
          ]);
      const sources = [sourceId(`syn-${org.toLowerCase()}`)];
      if (rnd() < 0.35 && start < LAST_YEAR - 1) {
        const change = date(int(start + 1, LAST_YEAR));
        rows.push({ state, org, status, since, until: change, sources });
        const next = pick<MembershipStatus>([
          ["member", 0.4],
          ["former", 0.3],
          ["suspended", 0.1],
          ["partner", 0.2],
        ]);
        rows.push({ state, org, status: next, since: change, until: undefined, sources });
      } else if (rnd() < 0.15 && start < LAST_YEAR - 1) {
        rows.push({ state, org, status, since, until: date(int(start + 1, LAST_YEAR)), sources });
      } else {
        rows.push({ state, org, status, since, until: undefined, sources });
      }
    });
  }
  return rows;
}

interface Checksums {
  cells: number;
  shared: number;
  jaccard: number;
  edges: number;
  degree: number;
  betweenness: number;
}

/** Checksums of the membership stage (matrix, shared counts, Jaccard indices over the pairs i < j). */
type StageChecksums = Pick<Checksums, "cells" | "shared" | "jaccard">;

interface Timings {
  prepare: number;
  matrix: number;
  overlap: number;
  centrality: number;
  total: number;
}

function runTs(rows: readonly MembershipInput[]): { ms: Timings; sums: Checksums } {
  const sums: Checksums = { cells: 0, shared: 0, jaccard: 0, edges: 0, degree: 0, betweenness: 0 };
  const ms: Timings = { prepare: 0, matrix: 0, overlap: 0, centrality: 0, total: 0 };
  const t0 = performance.now();
  const index = membershipIndex(rows);
  ms.prepare = performance.now() - t0;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const t1 = performance.now();
    const m = membershipMatrix(index, String(year), { statuses: ANY_TIE });
    const t2 = performance.now();
    const ov = overlapMatrix(m);
    const t3 = performance.now();
    const g = stateStateNetwork(m, { overlap: ov, sources: false });
    const c = networkCentrality(g, { sources: false });
    const t4 = performance.now();
    ms.matrix += t2 - t1;
    ms.overlap += t3 - t2;
    ms.centrality += t4 - t3;
    for (const code of m.codes) if (code !== 0) sums.cells++;
    const n = ov.states.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        sums.shared += ov.shared[i * n + j]!;
        const v = ov.jaccard[i * n + j]!;
        if (!Number.isNaN(v)) sums.jaccard += v;
      }
    }
    sums.edges += g.size;
    for (const r of c) {
      sums.degree += r.degree;
      sums.betweenness += r.betweenness;
    }
  }
  ms.total = performance.now() - t0;
  return { ms, sums };
}

/**
 * The membership stage alone: for every year end, the as-of matrix (any standing tie) and its overlap (and the
 * overlap's sources, if `withSources`). Only those calls are timed (the index is built first, as numpy parses its rows
 * first); the checksums are summed after each year.
 */
function runStage(rows: readonly MembershipInput[], withSources = false): { ms: number; sums: StageChecksums } {
  const index = membershipIndex(rows);
  const sums: StageChecksums = { cells: 0, shared: 0, jaccard: 0 };
  let ms = 0;
  let sources = 0;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const t0 = performance.now();
    const matrix = membershipMatrix(index, String(year), { statuses: ANY_TIE });
    const overlap = overlapMatrix(matrix);
    if (withSources) sources += overlap.sources.length;
    ms += performance.now() - t0;
    for (const code of matrix.codes) if (code !== 0) sums.cells++;
    const n = overlap.states.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        sums.shared += overlap.shared[i * n + j]!;
        const v = overlap.jaccard[i * n + j]!;
        if (!Number.isNaN(v)) sums.jaccard += v;
      }
    }
  }
  if (withSources && sources === 0) throw new Error("no sources read");
  return { ms, sums };
}

/** Fastest of RUNS runs of `run`, after one run to warm the JIT up. */
function fastest<T extends { ms: number }>(run: () => T): T {
  run();
  let best = run();
  for (let i = 1; i < RUNS; i++) {
    const again = run();
    if (again.ms < best.ms) best = again;
  }
  return best;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/**
 * Options: `--spells N` (or env BENCH_SPELLS; default {@link DEFAULT_SPELLS}) sets the size of the world;
 * `--no-pandas` (or env BENCH_PANDAS=0) skips the comparison of the whole pipeline with pandas.
 */
function options(argv: readonly string[]): { spells: number; pandas: boolean } {
  const at = argv.indexOf("--spells");
  const given = at >= 0 ? argv[at + 1] : process.env.BENCH_SPELLS;
  const spells = given === undefined || given === "" ? DEFAULT_SPELLS : Number(given);
  if (!Number.isInteger(spells) || spells < 100) throw new RangeError(`--spells wants an integer ≥ 100, not ${given}`);
  return { spells, pandas: !argv.includes("--no-pandas") && process.env.BENCH_PANDAS !== "0" };
}

/** The world with about `spells` rows: the organisations' sizes scaled (twice refined, deterministic). */
function worldOf(spells: number): MembershipInput[] {
  let scale = spells / world(SEED).length;
  let rows = world(SEED, scale);
  for (let i = 0; i < 2 && rows.length !== spells; i++) {
    scale *= spells / rows.length;
    rows = world(SEED, scale);
  }
  return rows;
}

/** Counts must be equal; sums of Jaccard indices and betweenness may differ in the last digits (order of addition). */
const isEqual = (a: number, b: number) =>
  Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));

function main(): void {
  const opts = options(process.argv.slice(2));
  const rows = worldOf(opts.spells);
  const scratch = mkdtempSync(join(tmpdir(), "caspian-bench-indicators-"));
  const csv = join(scratch, "memberships.csv");
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  writeFileSync(
    csv,
    [
      "state,org,status,since,until",
      ...rows.map((r) => [r.state, r.org, r.status, r.since, r.until ?? ""].map(esc).join(",")),
    ].join("\n") + "\n",
  );
  const years = LAST_YEAR - FIRST_YEAR + 1;
  console.log(
    `bench/indicators: ${N_STATES} states × ${N_ORGS} organisations × ${years} years (${FIRST_YEAR}–${LAST_YEAR}), seed ${SEED}, ${rows.length} membership rows`,
  );
  const python = (script: string) =>
    execFileSync(
      "/usr/bin/python3",
      [join(__dirname, "..", "..", "bench", script), csv, String(FIRST_YEAR), String(LAST_YEAR), String(RUNS)],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    );
  let failed = false;

  // The membership stage against plain numpy.
  const stage = fastest(() => runStage(rows));
  const withSources = fastest(() => runStage(rows, true));
  const np = JSON.parse(python("indicators_numpy.py")) as {
    ms: { read: number; stage: number };
    sums: StageChecksums;
    versions: Record<string, string>;
  };
  console.log(
    `  membership stage vs numpy (matrix + shared + Jaccard, ${years} year ends), fastest of ${RUNS} runs each`,
  );
  console.log(`  ${"".padEnd(34)} ${"TypeScript".padStart(10)} ${"numpy".padStart(10)}   TS / numpy`);
  console.log(
    `  ${"membership stage".padEnd(34)} ${fmt(stage.ms).padStart(10)} ${fmt(np.ms.stage).padStart(10)}   ${(stage.ms / np.ms.stage).toFixed(2).padStart(6)}×`,
  );
  console.log(
    `  ${"  + every overlap's sources read".padEnd(34)} ${fmt(withSources.ms).padStart(10)} ${"–".padStart(10)}`,
  );
  const stageKeys = Object.keys(stage.sums) as (keyof StageChecksums)[];
  console.log(
    `  checksums ${stageKeys.map((k) => `${k} ${Number(stage.sums[k].toFixed(6))}`).join(", ")} (python ${np.versions.python}, numpy ${np.versions.numpy}; node ${process.versions.node})`,
  );
  const stageBad = stageKeys.filter((k) => !isEqual(stage.sums[k], np.sums[k]));
  if (stageBad.length > 0) {
    console.error(`  MISMATCH with numpy: ${stageBad.map((k) => `${k} ${stage.sums[k]} vs ${np.sums[k]}`).join("; ")}`);
    failed = true;
  } else console.log("  membership stage: checksums equal to numpy's");

  // The whole pipeline, with centrality, against pandas + numpy.
  if (opts.pandas) {
    runTs(rows.slice(0, 200)); // warm up the JIT on a small world
    let ts = runTs(rows);
    for (let i = 1; i < RUNS; i++) {
      const again = runTs(rows);
      if (again.ms.total < ts.ms.total) ts = again;
    }
    const py = JSON.parse(python("indicators_pandas.py")) as {
      ms: Timings & { read_csv: number };
      sums: Checksums;
      versions: Record<string, string>;
    };
    const row = (label: string, a: number, b: number) =>
      console.log(
        `  ${label.padEnd(34)} ${fmt(a).padStart(10)} ${fmt(b).padStart(10)}   ${(b / a).toFixed(2).padStart(6)}×`,
      );
    console.log(`  whole pipeline vs pandas + numpy, fastest of ${RUNS} runs each`);
    console.log(`  ${"".padEnd(34)} ${"TypeScript".padStart(10)} ${"pandas".padStart(10)}   pandas / TS`);
    row("prepare rows (parse dates)", ts.ms.prepare, py.ms.prepare);
    row(`as-of matrix, ${years} year ends`, ts.ms.matrix, py.ms.matrix);
    row(`Jaccard overlap, ${years} years`, ts.ms.overlap, py.ms.overlap);
    row("network, degree, betweenness", ts.ms.centrality, py.ms.centrality);
    row("total", ts.ms.total, py.ms.total);
    console.log(
      `  (pandas read_csv, not in the total: ${fmt(py.ms.read_csv)}; python ${py.versions.python}, pandas ${py.versions.pandas}, numpy ${py.versions.numpy}; node ${process.versions.node})`,
    );
    const keys = Object.keys(ts.sums) as (keyof Checksums)[];
    const bad = keys.filter((k) => !isEqual(ts.sums[k], py.sums[k]));
    console.log(`  checksums ${keys.map((k) => `${k} ${Number(ts.sums[k].toFixed(6))}`).join(", ")}`);
    if (bad.length > 0) {
      console.error(`  MISMATCH with pandas: ${bad.map((k) => `${k} ${ts.sums[k]} vs ${py.sums[k]}`).join("; ")}`);
      failed = true;
    } else {
      console.log(
        `  results agree with pandas; TypeScript is ${(py.ms.total / ts.ms.total).toFixed(2)}× the speed of pandas + numpy`,
      );
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  if (failed) process.exit(1);
}

main();
