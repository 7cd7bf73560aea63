// `npm run grade -- <folder> [--handout DIR] [--timeout S] [--jobs N]`: executes every submission of the seminar
// workbook in a folder, each on its own kernel, isolated, and writes <folder>/grades.csv with a summary.
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, extname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { writeFileAtomicSync } from "../lib/core/atomic";
import { treeSha256 } from "../lib/core/hash";
import { mapLimit } from "../lib/core/map-limit";
import type { AnswerValue } from "../lib/notebook/answer-record";
import { type Grade, gradeAnswer, type KeyEntry } from "../lib/notebook/grading";
import { parseWorkerEvent } from "./events";
import { runCommand, shellWord, UsageError } from "./options";
import { jupyterEnv, jupyterPython, projectRoot } from "./paths";
import {
  checkStructure,
  firstError,
  firstLine,
  type HandoutKey,
  type NotebookJson,
  readAnswers,
  literalAnswers,
  readHandoutKey,
  WORKBOOK,
  withParametersCell,
  workNotes,
} from "./teaching";

export const usage = `Usage: npm run grade -- <folder> [options]
Grades every submission of the seminar workbook in <folder>: <name>.ipynb files (or <name>/ folders holding one
.ipynb), and <name>.json answer files ({"answers": {"1": 12.3, "2": "observer"}}). Each notebook runs on its own
kernel with the handout's state and date, in a folder of its own, without network (and as a user of its own when
run as root); answers are read from its answer cells (or its self-checks) and compared with the handout's key.
Writes <folder>/grades.csv (student, exercise, answer, expected, correct, feedback; a total row per student),
<folder>/scores.csv (a row per student), <folder>/graded/<name>.ipynb (each submission as executed), and prints a
summary (also written to <folder>/summary.txt).
Options:
  --handout DIR   the handout made by npm run handout (default out/handout)
  --timeout S     seconds a cell may run before the submission is stopped (default 30)
  --jobs N        submissions run at once (default: the number of cores)`;

/** What the command line asks for. */
export interface GradeArgs {
  readonly folder: string;
  readonly handout: string;
  readonly timeoutSeconds: number;
  readonly jobs: number;
}

/** Parses the command line of `npm run grade`. Throws a {@link UsageError} for anything else. */
export function parseGradeArgs(argv: readonly string[], cwd = process.env.INIT_CWD ?? process.cwd()): GradeArgs {
  let parsed: { values: { handout?: string; timeout?: string; jobs?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { handout: { type: "string" }, timeout: { type: "string" }, jobs: { type: "string" } },
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("give one folder of submissions");
  const whole = (name: string, text: string | undefined, fallback: number, max: number) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  const folder = resolve(cwd, positionals[0]!);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${folder} is not a folder`);
  return {
    folder,
    handout: values.handout !== undefined ? resolve(cwd, values.handout) : join(projectRoot, "out", "handout"),
    timeoutSeconds: whole("timeout", values.timeout, 30, 3600),
    jobs: whole("jobs", values.jobs, availableParallelism(), 64),
  };
}

/** A submission found in the folder. */
export interface Submission {
  readonly student: string;
  readonly file: string;
  readonly kind: "notebook" | "answers";
}

/** Files and folders of a submissions folder that are the grader's own, not submissions. */
const OWN = new Set(["grades.csv", "scores.csv", "summary.txt", "graded"]);

/**
 * The submissions in a folder, by student name: <name>.ipynb, <name>/ holding one .ipynb, or <name>.json. A
 * notebook wins over a JSON file of the same student (the JSON file is then listed in `ignored`).
 */
export function findSubmissions(folder: string): { submissions: Submission[]; ignored: string[] } {
  const found = new Map<string, Submission>();
  const ignored: string[] = [];
  const add = (s: Submission) => {
    const had = found.get(s.student);
    if (had === undefined) found.set(s.student, s);
    else if (had.kind === "answers" && s.kind === "notebook") {
      ignored.push(`${relative(folder, had.file)} (${s.student} also handed in ${relative(folder, s.file)})`);
      found.set(s.student, s);
    } else ignored.push(`${relative(folder, s.file)} (${s.student} also handed in ${relative(folder, had.file)})`);
  };
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith(".") || OWN.has(name)) continue;
    const path = join(folder, name);
    const ext = extname(name).toLowerCase();
    if (statSync(path).isDirectory()) {
      const inside = readdirSync(path).filter((f) => f.endsWith(".ipynb") && !f.startsWith("."));
      if (inside.length === 1) add({ student: name, file: join(path, inside[0]!), kind: "notebook" });
      else ignored.push(`${name}/ (${inside.length === 0 ? "no" : inside.length} .ipynb files)`);
    } else if (ext === ".ipynb") add({ student: basename(name, ext), file: path, kind: "notebook" });
    else if (ext === ".json") add({ student: basename(name, ext), file: path, kind: "answers" });
  }
  return { submissions: [...found.values()], ignored };
}

/**
 * The answers of a JSON answer file: `{"answers": {"1": 12.3, "answer2": "observer"}}` or the same object alone.
 * Throws a sentence naming the file and what is wrong.
 */
export function readAnswerFile(file: string): Map<number, AnswerValue> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${basename(file)} is not valid JSON (${(e as Error).message})`);
  }
  const body = (json as { answers?: unknown })?.answers ?? json;
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new Error(`${basename(file)} holds no answers object such as {"answers": {"1": 12.3}}`);
  const out = new Map<number, AnswerValue>();
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const m = /^(?:answer)?(\d+)$/.exec(k.trim());
    if (m === null) throw new Error(`${basename(file)}: "${k}" is not an exercise (use "1", "2", … or "answer1", …)`);
    const value = v === null || ["number", "string", "boolean"].includes(typeof v) ? (v as AnswerValue) : String(v);
    out.set(Number(m[1]), value);
  }
  return out;
}

/** The outcome of one submission. */
export interface SubmissionResult {
  readonly student: string;
  readonly file: string;
  /** `graded`, or why the submission is not scored. */
  readonly status: "graded" | "unreadable" | "changed" | "timeout" | "failed";
  /** For a submission not scored: what is wrong, in a sentence. */
  readonly problem?: string;
  readonly grades: readonly Grade[];
  /** Right answers among the set exercises (0 when not scored). */
  readonly score: number;
  /** What the teacher may want to look at: answers computed in code, cells the student added. */
  readonly notes?: readonly string[];
}

/** How submissions are kept apart from the machine and each other. */
export interface Isolation {
  /**
   * Command and arguments put before the worker's own (empty: none) for the submission numbered `slot` (0, 1, …):
   * each submission gets a user id of its own when the grader drops root, so no submission can touch another's
   * folder.
   */
  readonly prefix: (slot: number) => readonly string[];
  /** The user a submission's worker runs as, when the grader drops root. */
  readonly uid?: (slot: number) => number;
  readonly description: string;
}

/** Megabytes of heap a submission's kernel may use (node --max-old-space-size): a runaway allocation stops it. */
export const KERNEL_HEAP_MB = 2048;

/** Processes a submission's user may have at once when the grader drops root (prlimit --nproc): no fork bomb. */
export const MAX_PROCESSES = 256;

/** The processes of a user (by real user id), from /proc: pid and command name. */
export function processesOf(uid: number): { pid: number; name: string }[] {
  const out: { pid: number; name: string }[] = [];
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const p of pids) {
    try {
      const status = readFileSync(join("/proc", p, "status"), "utf8");
      const real = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (real !== undefined && Number(real) === uid)
        out.push({ pid: Number(p), name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?" });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/**
 * Kills every process of a submission's user (SIGKILL), again until none is left (a process may fork meanwhile);
 * returns the names of those it found. Only for the users the grader gives submissions (never the grader's own).
 */
export function killProcessesOf(uid: number): string[] {
  if (uid < FIRST_UID || uid === process.getuid?.()) throw new Error(`will not kill the processes of user ${uid}`);
  const seen: string[] = [];
  for (let round = 0; round < 50; round += 1) {
    const left = processesOf(uid);
    if (left.length === 0) break;
    for (const p of left) {
      if (round === 0) seen.push(p.name);
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return seen;
}

/** First user id given to submissions when the grader drops root (ids without an account: files are all they own). */
export const FIRST_UID = 61000;

/** Probes what this machine allows: no network (`unshare -n`), and a user per submission when run as root. */
export function isolation(): Isolation {
  const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
  const root = process.getuid?.() === 0;
  // Without root, a PID namespace ends every process a submission left behind with its worker (as root, the grader
  // kills the processes of the submission's user instead, and says so).
  const pidNs = ["-p", "--fork", "--kill-child"];
  const noNet = root
    ? ok("unshare", ["-n", "true"])
      ? ["-n"]
      : undefined
    : ok("unshare", ["-rn", ...pidNs, "true"])
      ? ["-rn", ...pidNs]
      : ok("unshare", ["-rn", "true"])
        ? ["-rn"]
        : undefined;
  // another user must be able to read the checkout (its compiled library, tslab, the kernelspec's scripts)
  const readable = ["package.json", "dist/lib/index.js", "node_modules/tslab/package.json", "runner/kernel-resolve.js"]
    .map((f) => `test -r ${shellWord(join(projectRoot, f))}`)
    .join(" && ");
  const as = (uid: number) => ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--"];
  const drop = root && ok(as(FIRST_UID)[0]!, [...as(FIRST_UID).slice(1), "sh", "-c", readable]);
  const net =
    noNet === undefined ? [] : ["unshare", ...noNet, "--", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"];
  const limits =
    drop && ok("prlimit", [`--nproc=${MAX_PROCESSES}`, "true"]) ? ["prlimit", `--nproc=${MAX_PROCESSES}`, "--"] : [];
  const prefix = (slot: number) => [...net, ...limits, ...(drop ? as(FIRST_UID + slot) : [])];
  const parts = [
    "each kernel in a folder of its own",
    ...(noNet !== undefined ? ["without network"] : []),
    ...(drop ? ["as a user of its own, whose processes are killed when it ends"] : []),
    ...(noNet?.includes("-p") ? ["its processes ended with it"] : []),
    `at most ${KERNEL_HEAP_MB} MB of heap${limits.length > 0 ? ` and ${MAX_PROCESSES} processes` : ""}`,
  ];
  const missing = [
    ...(noNet === undefined ? ["network isolation is not available here"] : []),
    ...(!drop ? [root ? "other users cannot read the checkout" : "not run as root, so kernels run as you"] : []),
  ];
  return {
    prefix,
    ...(drop ? { uid: (slot: number) => FIRST_UID + slot } : {}),
    description: `${parts.join(", ")}${missing.length > 0 ? ` (${missing.join("; ")})` : ""}`,
  };
}

/**
 * The environment a submission's kernel gets: the few variables it needs, none of the teacher's own. `cacheDir` is
 * the grading run's own cache (compiled cells and parsed data, filled by {@link warmCache}), never the checkout's.
 */
export function kernelEnv(dir: string, dataDir: string, cacheDir: string): NodeJS.ProcessEnv {
  const keep = ["PATH", "LANG", "LC_ALL", "TZ"];
  const base: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) base[k] = process.env[k];
  return {
    ...jupyterEnv({ ...base, CASPIAN_CACHE_DIR: cacheDir }),
    HOME: dir,
    JUPYTER_RUNTIME_DIR: join(dir, "runtime"),
    CASPIAN_DATA: dataDir,
    CASPIAN_KERNEL_STARTUP_TIMEOUT: process.env.CASPIAN_KERNEL_STARTUP_TIMEOUT ?? "60",
    // cached cells need no TypeScript program; a cell that misses (an answer cell) builds it when it runs
    CASPIAN_CELL_WARM: "off",
    NODE_OPTIONS: `--max-old-space-size=${KERNEL_HEAP_MB}`,
  };
}

/**
 * Makes a folder tree readable by every user and writable by none (dirs 0555, files 0444), or (`writable`) writable
 * by its owner again, to remove it.
 */
function shareReadOnly(dir: string, writable = false): void {
  chmodSync(dir, writable ? 0o755 : 0o555);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) shareReadOnly(p, writable);
    else if (e.isFile()) chmodSync(p, writable ? 0o644 : 0o444);
  }
}

/**
 * Fills the grading run's cache before any submission runs: executes the handout's blank student copy once, as the
 * grader and without a student's code, in a scratch folder like a submission's, so its compiled cells (with the
 * handout's injected parameters) and the parsed data files land in `cacheDir`; then makes the cache readable by the
 * submissions' users and writable by none of them. A submission's kernel then compiles only the cells it changed
 * (its answer cells) or added, and cannot plant code for the next one. Returns the seconds it took, or the problem.
 */
export async function warmCache(
  handout: string,
  key: HandoutKey,
  work: string,
  dataDir: string,
  cacheDir: string,
): Promise<{ seconds: number; problem?: string }> {
  const t0 = Date.now();
  mkdirSync(cacheDir, { recursive: true });
  let problem: string | undefined;
  try {
    const copy = JSON.parse(readFileSync(join(handout, "student", `${WORKBOOK}.ipynb`), "utf8")) as NotebookJson;
    const dir = mkdtempSync(join(work, "warm-"));
    const input = join(dir, `${WORKBOOK}.ipynb`);
    writeFileSync(
      input,
      JSON.stringify({
        ...copy,
        cells: copy.cells.map((c) => (c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : c)),
      }),
    );
    const job = join(dir, "job.json");
    writeFileSync(
      job,
      JSON.stringify({
        notebook: input,
        out_ipynb: join(dir, "executed.ipynb"),
        out_html: null,
        timeout: 300,
        kernel: "tslab",
        cwd: dir,
        parameters: { ...key.parameters, scenario: "student" },
        allow_errors: true,
      }),
    );
    mkdirSync(join(dir, "runtime"));
    const r = await new Promise<number | null>((done) => {
      const child = spawn(jupyterPython, [join(projectRoot, "runner", "execute_notebook.py"), job], {
        env: kernelEnv(dir, dataDir, cacheDir),
        cwd: dir,
        stdio: "ignore",
      });
      child.on("error", () => done(null));
      child.on("close", (code) => done(code));
    });
    if (r !== 0) problem = `the handout's own copy did not run (exit ${r}): every kernel compiles its cells`;
    rmSync(dir, { recursive: true, force: true });
  } catch (e) {
    problem = `the cache was not filled (${(e as Error).message}): every kernel compiles its cells`;
  }
  shareReadOnly(cacheDir);
  return { seconds: (Date.now() - t0) / 1000, ...(problem !== undefined ? { problem } : {}) };
}

/** Runs one notebook submission in its own folder and reads its answers; never throws for the student's faults. */
async function runSubmission(
  sub: Submission,
  key: HandoutKey,
  slot: number,
  dataDir: string,
  iso: Isolation,
  args: GradeArgs,
  work: string,
): Promise<{
  status: SubmissionResult["status"];
  problem?: string;
  answers?: Map<number, AnswerValue>;
  missing?: Map<number, string>;
  executed?: string;
  notes?: string[];
}> {
  let nb: NotebookJson;
  try {
    const text = readFileSync(sub.file, "utf8");
    if (text.trim() === "") throw new Error("the file is empty");
    nb = JSON.parse(text) as NotebookJson;
    if (!Array.isArray(nb?.cells)) throw new Error("it has no list of cells");
  } catch (e) {
    return { status: "unreadable", problem: `not a notebook that can be read: ${(e as Error).message}` };
  }
  const made = (nb.metadata?.caspian as { handout?: { focal?: unknown; asOf?: unknown } } | undefined)?.handout;
  if (made !== undefined && (made.focal !== key.parameters.focal || made.asOf !== key.parameters.asOf))
    return {
      status: "changed",
      problem: `it is a copy of another handout (${String(made.focal)}, ${String(made.asOf)}); this grading is for ${key.parameters.focal}, ${key.parameters.asOf}`,
    };
  const structure = checkStructure(nb, key.protected);
  if (!structure.ok) return { status: "changed", problem: structure.problem };
  const clean = withParametersCell({
    ...nb,
    cells: nb.cells.map((c) => (c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : c)),
  });
  if (clean === undefined)
    return { status: "changed", problem: "the parameters cell (`let focal = …`) of the handout was deleted" };
  const dir = mkdtempSync(join(work, "s-"));
  const input = join(dir, `${WORKBOOK}.ipynb`);
  const executed = join(dir, "executed.ipynb");
  writeFileSync(input, JSON.stringify(clean));
  const job = join(dir, "job.json");
  writeFileSync(
    job,
    JSON.stringify({
      notebook: input,
      out_ipynb: executed,
      out_html: null,
      timeout: args.timeoutSeconds,
      kernel: "tslab",
      cwd: dir,
      parameters: { ...key.parameters, scenario: "student" },
      allow_errors: true,
    }),
  );
  mkdirSync(join(dir, "runtime"));
  // the folder becomes the submission's own (mode 0700): no other submission can read or change it
  const uid = iso.uid?.(slot);
  if (uid !== undefined) for (const f of [dir, join(dir, "runtime")]) chownSync(f, uid, uid);
  const command = [...iso.prefix(slot), jupyterPython, join(projectRoot, "runner", "execute_notebook.py"), job];
  const codeCells = clean.cells.filter((c) => c.cell_type === "code").length;
  const deadlineMs = ((codeCells + 2) * args.timeoutSeconds + 60) * 1000;
  const outcome = await new Promise<{
    code: number | null;
    error?: { ename: string; evalue: string; source: string };
    timeout?: boolean;
    fatal?: string;
  }>((done) => {
    const child = spawn(command[0]!, command.slice(1), {
      env: kernelEnv(dir, dataDir, join(work, "cache")),
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let error: { ename: string; evalue: string; source: string } | undefined;
    let fatal: string | undefined;
    let timedOut = false;
    child.stderr.resume();
    createInterface({ input: child.stdout }).on("line", (line) => {
      const ev = parseWorkerEvent(line);
      if (ev?.event === "error") {
        timedOut ||= ev.ename === "CellTimeoutError";
        error = { ename: ev.ename ?? "Error", evalue: (ev.evalue ?? "").split("\n")[0] ?? "", source: ev.source ?? "" };
      } else if (ev?.event === "fatal") fatal = ev.message ?? "the worker failed";
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, deadlineMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      done({ code: null, fatal: `cannot start the worker: ${e.message}` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({
        code,
        ...(error !== undefined ? { error } : {}),
        ...(timedOut ? { timeout: true } : {}),
        ...(fatal !== undefined ? { fatal } : {}),
      });
    });
  });
  // whatever the submission left running (a detached process) ends with it, and the teacher hears of it
  const lingering = uid !== undefined ? killProcessesOf(uid) : [];
  const leftNote =
    lingering.length > 0
      ? `left ${lingering.length} ${lingering.length === 1 ? "process" : "processes"} running after its kernel stopped (${[...new Set(lingering)].join(", ")}): killed`
      : undefined;
  const also = (problem: string) => (leftNote !== undefined ? `${problem}; it ${leftNote}` : problem);
  const where = (source: string) => `the cell that starts \`${firstLine(source)}\``;
  if (outcome.timeout)
    return {
      status: "timeout",
      problem: also(
        `did not finish: ${
          outcome.error !== undefined
            ? `${where(outcome.error.source)} ran longer than ${args.timeoutSeconds} s`
            : `the run passed ${Math.round(deadlineMs / 1000)} s`
        }`,
      ),
      ...(existsSync(executed) ? { executed } : {}),
    };
  if (outcome.error?.ename === "DeadKernelError")
    return {
      status: "failed",
      problem: also(
        `did not run: the kernel stopped in ${where(outcome.error.source)} (process.exit, or out of memory)`,
      ),
      ...(existsSync(executed) ? { executed } : {}),
    };
  if (!existsSync(executed))
    return {
      status: "failed",
      problem: also(
        `did not run: ${outcome.fatal ?? (outcome.error ? `${outcome.error.ename}: ${outcome.error.evalue}` : `the worker exited with ${outcome.code}`)}`,
      ),
    };
  const run = JSON.parse(readFileSync(executed, "utf8")) as NotebookJson;
  const read = readAnswers(run, key.protected);
  if (read.answers.size === 0) {
    const first = firstError(run) || (outcome.error?.evalue ?? "") || "no self-check left a record";
    return { status: "failed", problem: also(`did not run: no self-check ran (${first})`), executed };
  }
  // An answer written as a plain value in its answer cell is taken from the cell itself: what the kernel recorded
  // could have been changed by code the student added.
  const notes = [...workNotes(nb, key.protected, key.teacherCells), ...(leftNote !== undefined ? [leftNote] : [])];
  const answers = new Map(read.answers);
  for (const [n, value] of literalAnswers(nb)) {
    const recorded = read.answers.get(n);
    if (read.answers.has(n) && recorded !== value && !(recorded === "" && value === null))
      notes.push(
        `answer ${n}: the answer cell says ${JSON.stringify(value)}, the self-check saw ${JSON.stringify(recorded)}; graded on the answer cell`,
      );
    if (read.answers.has(n)) answers.set(n, value);
  }
  return { status: "graded", answers, missing: read.missing, executed, notes };
}

/** Grades of one submission's answers against the key; a self-check that did not run is not right. */
export function gradeAll(
  key: readonly KeyEntry[],
  answers: ReadonlyMap<number, AnswerValue>,
  missing: ReadonlyMap<number, string> = new Map(),
): Grade[] {
  return key.map((entry) => {
    if (entry.set && missing.has(entry.exercise) && !answers.has(entry.exercise)) {
      const why = missing.get(entry.exercise);
      return {
        ...gradeAnswer(entry, null),
        state: "wrong" as const,
        feedback: why ? `The self-check did not run: ${why.replace(/[.?!]*$/, "")}.` : "The self-check did not run.",
      };
    }
    return gradeAnswer(entry, answers.get(entry.exercise) ?? null);
  });
}

/** Grades every submission of a folder; writes grades.csv and graded/<name>.ipynb. */
export async function gradeFolder(
  args: GradeArgs,
  log: (line: string) => void = () => {},
): Promise<{ results: SubmissionResult[]; ignored: string[]; isolation: Isolation; warnings: string[] }> {
  const key = readHandoutKey(args.handout);
  const data = join(args.handout, "student", "data");
  if (!existsSync(join(data, "datapackage.json")))
    throw new Error(`${data} is missing: the handout is incomplete; make it again (npm run handout)`);
  const warnings: string[] = [];
  if (treeSha256(data) !== key.dataSha256)
    warnings.push(`the data in ${data} changed since the handout was made: the key may no longer match them`);
  const { submissions, ignored } = findSubmissions(args.folder);
  const iso = isolation();
  const work = mkdtempSync(join(tmpdir(), "caspian-grade-"));
  // the kernels read the handout's data from a copy of their own (the handout folder may be closed to them)
  const dataCopy = join(work, "data");
  cpSync(data, dataCopy, { recursive: true });
  // (the copy keeps the files' modes, readable by all; the scratch folder can be crossed, not listed, by the kernels)
  chmodSync(work, 0o711);
  if (submissions.some((sub) => sub.kind === "notebook")) {
    const warm = await warmCache(args.handout, key, work, dataCopy, join(work, "cache"));
    log(`compiled the handout's cells once for every kernel (${warm.seconds.toFixed(0)} s)`);
    if (warm.problem !== undefined) warnings.push(warm.problem);
  }
  const slots = new Map(submissions.map((sub, i) => [sub, i]));
  const graded = join(args.folder, "graded");
  let finished = 0;
  try {
    const results = await mapLimit(submissions, args.jobs, async (sub): Promise<SubmissionResult> => {
      const base = { student: sub.student, file: sub.file };
      let result: SubmissionResult;
      if (sub.kind === "answers") {
        try {
          const grades = gradeAll(key.exercises, readAnswerFile(sub.file));
          result = { ...base, status: "graded", grades, score: grades.filter((g) => g.correct).length };
        } catch (e) {
          result = { ...base, status: "unreadable", problem: (e as Error).message, grades: [], score: 0 };
        }
      } else {
        const r = await runSubmission(sub, key, slots.get(sub)!, dataCopy, iso, args, work);
        if (r.executed !== undefined && existsSync(r.executed)) {
          mkdirSync(graded, { recursive: true });
          writeFileAtomicSync(join(graded, `${sub.student}.ipynb`), readFileSync(r.executed));
        }
        const grades = r.status === "graded" ? gradeAll(key.exercises, r.answers!, r.missing) : [];
        result = {
          ...base,
          ...(r.notes !== undefined && r.notes.length > 0 ? { notes: r.notes } : {}),
          status: r.status,
          ...(r.problem !== undefined ? { problem: r.problem } : {}),
          grades,
          score: grades.filter((g) => g.correct).length,
        };
      }
      finished += 1;
      log(
        `[${finished}/${submissions.length}] ${sub.student}: ${result.status === "graded" ? `${result.score} right` : result.status}`,
      );
      return result;
    });
    writeFileAtomicSync(join(args.folder, "grades.csv"), gradesCsv(key, results));
    writeFileAtomicSync(join(args.folder, "scores.csv"), scoresCsv(key, results));
    return { results, ignored, isolation: iso, warnings };
  } finally {
    try {
      if (existsSync(join(work, "cache"))) shareReadOnly(join(work, "cache"), true);
    } catch {
      /* removed below as far as it can be */
    }
    rmSync(work, { recursive: true, force: true });
  }
}

const CORRECT = (g: Grade) => (g.correct === undefined ? "not set" : g.correct ? "yes" : "no");

/** Fields a spreadsheet would read as a formula. */
export const SPREADSHEET_FORMULA = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

/** A name as the terminal prints it: control characters (escape sequences) shown as "?". */
const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");

/** grades.csv: one row per student and exercise, then a total row per student. */
export function gradesCsv(key: HandoutKey, results: readonly SubmissionResult[]): string {
  const set = key.exercises.filter((e) => e.set).length;
  const rows: string[][] = [];
  for (const r of [...results].sort((a, b) => a.student.localeCompare(b.student))) {
    if (r.status === "graded") {
      for (const g of r.grades)
        rows.push([r.student, String(g.exercise), g.answer, g.expected, CORRECT(g), g.feedback]);
      const notes = r.notes !== undefined && r.notes.length > 0 ? `; ${r.notes.join("; ")}` : "";
      rows.push([r.student, "total", "", String(set), String(r.score), `${r.score} of ${set} right${notes}`]);
    } else {
      for (const e of key.exercises)
        rows.push([r.student, String(e.exercise), "", e.set ? e.answer : "not set", "not scored", r.problem ?? ""]);
      rows.push([r.student, "total", "", String(set), "not scored", r.problem ?? ""]);
    }
  }
  // A student's text must not run as a spreadsheet formula when the teacher opens the file: a field that starts with
  // = + @ a tab or a return, or - not followed by a plain number, gets a leading ' (negative numbers stay numbers).
  return `${Papa.unparse(
    { fields: ["student", "exercise", "answer", "expected", "correct", "feedback"], data: rows },
    { escapeFormulae: SPREADSHEET_FORMULA },
  )}\n`;
}

/**
 * scores.csv: one row per student (student, score, out_of, status, note), for a sheet of marks; `score` is empty for
 * a submission that is not scored, and `note` says why, or what to look at.
 */
export function scoresCsv(key: HandoutKey, results: readonly SubmissionResult[]): string {
  const set = key.exercises.filter((e) => e.set).length;
  const rows = [...results]
    .sort((a, b) => a.student.localeCompare(b.student))
    .map((r) =>
      r.status === "graded"
        ? [r.student, String(r.score), String(set), "graded", (r.notes ?? []).join("; ")]
        : [r.student, "", String(set), `not scored (${r.status})`, r.problem ?? ""],
    );
  return `${Papa.unparse(
    { fields: ["student", "score", "out_of", "status", "note"], data: rows },
    { escapeFormulae: SPREADSHEET_FORMULA },
  )}\n`;
}

/** The summary table printed at the end: one line per student, a mark per exercise, the score or the problem. */
export function summaryTable(key: HandoutKey, results: readonly SubmissionResult[]): string {
  const set = key.exercises.filter((e) => e.set).length;
  const sorted = [...results].sort((a, b) => a.student.localeCompare(b.student));
  const width = Math.max(7, ...sorted.map((r) => printable(r.student).length));
  const mark = (g: Grade) => (g.correct === undefined ? "–" : g.correct ? "✓" : g.state === "unanswered" ? "·" : "✗");
  const head = `${"student".padEnd(width)}  ${key.exercises.map((e) => String(e.exercise).padEnd(2)).join("")}  score`;
  const lines = sorted.map((r) =>
    r.status === "graded"
      ? `${printable(r.student).padEnd(width)}  ${r.grades.map((g) => mark(g).padEnd(2)).join("")}  ${r.score}/${set}${
          r.notes !== undefined && r.notes.length > 0 ? `  (${r.notes.join("; ")})` : ""
        }`
      : `${printable(r.student).padEnd(width)}  not scored: ${printable(r.problem ?? r.status)}`,
  );
  return [head, ...lines, "", "✓ right  ✗ not right  · no answer  – not set for this handout"].join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(usage);
    return 0;
  }
  const args = parseGradeArgs(argv);
  const started = Date.now();
  const key = readHandoutKey(args.handout);
  console.log(`grading against the handout for ${key.title} (${relative(process.cwd(), args.handout) || "."})`);
  const r = await gradeFolder(args, (l) => console.log(l));
  const s = ((Date.now() - started) / 1000).toFixed(0);
  const summary = [
    `grading against the handout for ${key.title}`,
    `${r.results.length} submission(s) in ${s} s (${args.jobs} at a time; ${r.isolation.description})`,
    "",
    summaryTable(key, r.results),
    ...r.warnings.map((w) => `warning: ${w}`),
    ...r.ignored.map((i) => `ignored: ${i}`),
  ].join("\n");
  console.log(`\n${summary.split("\n").slice(1).join("\n")}`);
  writeFileAtomicSync(join(args.folder, "summary.txt"), `${summary}\n`);
  console.log(
    `\ngrades: ${join(args.folder, "grades.csv")} (a row per student and exercise); ${join(args.folder, "scores.csv")} (a row per student); this summary: ${join(args.folder, "summary.txt")}`,
  );
  return 0;
}

if (require.main === module) runCommand(main, usage);
