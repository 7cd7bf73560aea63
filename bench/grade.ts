/**
 * bench/grade: `npm run grade` on 30 submissions, timed in one process run, against executing one notebook 30 times.
 *  1. a handout (npm run handout's makeHandout, default state and date) in a scratch folder
 *  2. 30 submissions of the student's copy: answer cells filled right (the key's fill, or near it within the
 *     tolerance, or in capitals), wrong, or left blank, in a varied pattern; one is handed in as a folder
 *  3. baseline: the student's copy executed 30 times one after another through runner/execute_notebook.py with the
 *     grader's job (no HTML, errors allowed, the handout's parameters, its data), without isolation
 *  4. grading: gradeFolder with 30 s per cell and as many submissions at once as there are cores
 * Prints both times, the ratio grading / baseline, seconds per submission and whether grading took under 120 s
 * (the issue's aim on a 2-core machine); fails unless every submission is graded with the score its answers earn.
 *   npm run bench:grade
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { KeyEntry } from "../lib/notebook/grading";
import { gradeFolder, type SubmissionResult } from "../runner/grade";
import { makeHandout, parseHandoutArgs, setDeclared } from "../runner/handout";
import { jupyterEnv, jupyterPython, projectRoot } from "../runner/paths";
import {
  answerExercise,
  cellSource,
  type HandoutKey,
  type NotebookJson,
  readAnswers,
  WORKBOOK,
} from "../runner/teaching";

const SUBMISSIONS = 30;
const AIM_MS = 120_000;

/** How a submission answers one exercise. */
type Way = "right" | "near" | "capitals" | "wrong" | "blank";

/** The way student `s` answers exercise `e`: student 0 hands in the blank copy, student 1 gets everything right. */
function way(s: number, e: number): Way {
  if (s === 0) return "blank";
  if (s === 1) return "right";
  const ways: readonly Way[] = ["right", "wrong", "blank", "near", "right", "capitals", "wrong"];
  return ways[(s * 3 + e * 5) % ways.length]!;
}

/** The value written in the answer cell, or `undefined` to leave the cell as handed out. */
function answerFor(entry: KeyEntry | undefined, w: Way): string | number | undefined {
  if (entry === undefined || !entry.set || w === "blank") return undefined;
  if (typeof entry.expected === "number") {
    const fill = typeof entry.fill === "number" ? entry.fill : Number(entry.fill);
    if (w === "wrong") return Number((entry.expected + 10 * entry.tolerance + 10).toFixed(3));
    if (w === "near") return Number((entry.expected + 0.4 * entry.tolerance).toFixed(6));
    return fill;
  }
  const fill = String(entry.fill);
  if (w === "wrong") return "zz-not-an-answer";
  return w === "capitals" ? fill.toUpperCase() : fill;
}

/** Whether an answer given that way earns the mark (a way that leaves the cell blank never does). */
const earns = (entry: KeyEntry | undefined, w: Way): boolean =>
  entry?.set === true && (w === "right" || w === "near" || w === "capitals");

/** The student's copy with outputs cleared, as the grader executes it. */
function cleared(nb: NotebookJson): NotebookJson {
  return {
    ...nb,
    cells: nb.cells.map((c) => (c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : c)),
  };
}

/** Writes the submissions; returns each student's expected score. */
function writeSubmissions(folder: string, student: NotebookJson, key: HandoutKey): Map<string, number> {
  const entries = new Map(key.exercises.map((e) => [e.exercise, e] as const));
  const expected = new Map<string, number>();
  for (let s = 0; s < SUBMISSIONS; s++) {
    const name = `student-${String(s + 1).padStart(2, "0")}`;
    let score = 0;
    const cells = student.cells.map((c) => {
      const n = answerExercise(c);
      if (n === undefined) return c;
      const entry = entries.get(n);
      const w = way(s, n);
      if (earns(entry, w)) score += 1;
      const value = answerFor(entry, w);
      return value === undefined ? c : { ...c, source: setDeclared(cellSource(c), `answer${n}`, value) };
    });
    const nb = cleared({ ...student, cells });
    // one student hands in a folder holding the notebook, as a download from a course site may be
    const file = s === SUBMISSIONS - 1 ? join(folder, name, `${WORKBOOK}.ipynb`) : join(folder, `${name}.ipynb`);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `${JSON.stringify(nb, null, 1)}\n`);
    expected.set(name, score);
  }
  return expected;
}

/** Executes the student's copy once through the worker, as the grader's job does but without isolation. */
function executeOnce(input: string, out: string, cwd: string, key: HandoutKey, env: NodeJS.ProcessEnv): Promise<void> {
  const job = join(cwd, `${out.replace(/.*\//, "")}.job.json`);
  writeFileSync(
    job,
    JSON.stringify({
      notebook: input,
      out_ipynb: out,
      out_html: null,
      timeout: 30,
      kernel: "tslab",
      cwd,
      parameters: { ...key.parameters, scenario: "student" },
      allow_errors: true,
    }),
  );
  return new Promise((done, fail) => {
    const child = spawn(jupyterPython, [join(projectRoot, "runner", "execute_notebook.py"), job], {
      env,
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0 && existsSync(out)) done();
      else fail(new Error(`the baseline run exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}

/**
 * CPU seconds used so far by this process's finished children and their descendants (Linux: cutime + cstime of
 * /proc/self/stat, in clock ticks of 1/100 s), or NaN elsewhere. Unlike wall time, it does not grow with other work
 * on the machine: CPU seconds / cores is the least wall time the same work can take here.
 */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The 1-minute load average: other work on the shared machine skews either time. */
const load = (): string => loadavg()[0]!.toFixed(2);

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "caspian-bench-grade-"));
  try {
    const jobs = availableParallelism();
    const handoutDir = join(scratch, "handout");
    let t0 = performance.now();
    const handout = await makeHandout(parseHandoutArgs(["--out", handoutDir], scratch));
    const key = handout.key;
    const set = handout.set;
    console.log(
      `bench/grade: handout for ${key.title} (${set} of ${key.exercises.length} exercises set) made in ${s(performance.now() - t0)}`,
    );
    const student = JSON.parse(readFileSync(join(handoutDir, "student", `${WORKBOOK}.ipynb`), "utf8")) as NotebookJson;
    const folder = join(scratch, "submissions");
    const expected = writeSubmissions(folder, student, key);
    console.log(`  ${SUBMISSIONS} submissions written; ${jobs} core(s); grading with ${jobs} at once`);

    // baseline: the student's copy, 30 times, one after another, no isolation
    const base = join(scratch, "baseline");
    mkdirSync(base);
    const input = join(base, `${WORKBOOK}.ipynb`);
    writeFileSync(input, JSON.stringify(cleared(student)));
    const env = jupyterEnv();
    for (const k of ["CASPIAN_FIGURES_DIR", "CASPIAN_READS_FILE", "CASPIAN_NOTEBOOK"]) delete env[k];
    env.CASPIAN_DATA = realpathSync(join(handoutDir, "student", "data"));
    const loads: string[] = [load()];
    let cpu0 = childCpuSeconds();
    t0 = performance.now();
    for (let i = 0; i < SUBMISSIONS; i++)
      await executeOnce(input, join(base, `run-${String(i).padStart(2, "0")}.ipynb`), base, key, env);
    const baselineMs = performance.now() - t0;
    const baselineCpu = childCpuSeconds() - cpu0;
    // every baseline run went through to the last self-check (a run that stops early would flatter the baseline)
    const checks = key.protected.filter((p) => p.checks !== undefined).length;
    for (let i = 0; i < SUBMISSIONS; i++) {
      const run = JSON.parse(
        readFileSync(join(base, `run-${String(i).padStart(2, "0")}.ipynb`), "utf8"),
      ) as NotebookJson;
      const read = readAnswers(run, key.protected);
      if (read.answers.size !== checks)
        throw new Error(
          `bench/grade: baseline run ${i + 1} left ${read.answers.size} of ${checks} self-check records (${[...read.missing.values()].find((m) => m !== "") ?? "no error text"})`,
        );
    }

    loads.push(load());
    // grading
    cpu0 = childCpuSeconds();
    t0 = performance.now();
    const graded = await gradeFolder({ folder, handout: handoutDir, timeoutSeconds: 30, jobs });
    const gradingMs = performance.now() - t0;
    const gradingCpu = childCpuSeconds() - cpu0;
    loads.push(load());

    const row = (label: string, ms: number, note: string) =>
      console.log(`  ${label.padEnd(44)} ${s(ms).padStart(8)}   ${note}`);
    row(`baseline (the student copy ${SUBMISSIONS}× in a row)`, baselineMs, `${s(baselineMs / SUBMISSIONS)} per run`);
    row(
      `grading (${graded.results.length} submissions, ${jobs} at once)`,
      gradingMs,
      `${s(gradingMs / graded.results.length)} per submission; ratio to baseline ${(gradingMs / baselineMs).toFixed(2)}`,
    );
    console.log(`  isolation: ${graded.isolation.description}`);
    console.log(
      `  load average (1 min) before the baseline, between, after the grading: ${loads.join(", ")} (other work on the machine skews the ratio)`,
    );
    const n = graded.results.length;
    console.log(
      `  CPU time of the workers and kernels: baseline ${baselineCpu.toFixed(0)} s (${(baselineCpu / SUBMISSIONS).toFixed(1)} s per run), grading ${gradingCpu.toFixed(0)} s (${(gradingCpu / n).toFixed(1)} s per submission); least wall time for the grading's CPU on ${jobs} core(s): ${s((gradingCpu / jobs) * 1000)}`,
    );
    for (const w of graded.warnings) console.log(`  warning: ${w}`);
    console.log(
      `  grading under 2 minutes: ${gradingMs < AIM_MS ? "yes" : "NO"} (${s(gradingMs)} against ${s(AIM_MS)})`,
    );

    const problems = check(graded.results, expected, graded.ignored);
    const scores = [...expected.values()];
    console.log(
      `  scores as expected: ${problems.length === 0 ? "yes" : "NO"} (${scores.filter((x) => x === set).length} full, ${scores.filter((x) => x === 0).length} zero, ${scores.filter((x) => x > 0 && x < set).length} in between)`,
    );
    if (problems.length > 0) throw new Error(`bench/grade: the grading is wrong:\n  ${problems.join("\n  ")}`);
    if (gradingMs >= AIM_MS) process.exitCode = 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What is wrong with the grading: a submission not graded, missing, or with another score than its answers earn. */
function check(
  results: readonly SubmissionResult[],
  expected: ReadonlyMap<string, number>,
  ignored: readonly string[],
): string[] {
  const problems = ignored.map((i) => `ignored: ${i}`);
  const seen = new Set<string>();
  for (const r of results) {
    seen.add(r.student);
    const want = expected.get(r.student);
    if (want === undefined) problems.push(`${r.student}: not a submission the bench wrote`);
    else if (r.status !== "graded") problems.push(`${r.student}: ${r.status}: ${r.problem ?? ""}`);
    else if (r.score !== want)
      problems.push(
        `${r.student}: scored ${r.score}, expected ${want} (${r.grades.map((g) => `${g.exercise}: ${g.answer || "–"} ${g.correct ? "right" : g.state}`).join("; ")})`,
      );
  }
  for (const name of expected.keys()) if (!seen.has(name)) problems.push(`${name}: no result`);
  return problems;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
