// `npm run handout [-- --param focal=KAZ --param asOf=2021 --out DIR]`: the seminar workbook as a student's copy
// (questions, the data, answer cells to fill, self-checks that say right or not yet) and a teacher's copy (the
// answers filled in, worked solutions shown, the key), both computed from the data at the handout's date.
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { treeSha256 } from "../lib/core/hash";
import { notebook } from "../lib/notebook/context";
import { gradeAnswer, type KeyEntry, workbookKey } from "../lib/notebook/grading";
import { ANALYST_ONLY_TAG } from "../lib/export/report-page";
import { sealAnswer } from "../lib/notebook/self-check";
import { answerKeyTable, questionMarkdown, setSentence, workbookExercises } from "../lib/notebook/workbook";
import { md } from "../lib/display/safe-text";
import { defaultOptions, newParameters, parseParameter, runCommand, UsageError } from "./options";
import { projectRoot, resolvedDataDir } from "./paths";
import { buildReportPages } from "./report-pages";
import { describeFailure, runNotebooks } from "./run";
import {
  answerExercise,
  type Cell,
  cellSource,
  cellTags,
  codeFingerprint,
  type HandoutKey,
  type NotebookJson,
  type ProtectedCell,
  protectedCells,
  readAnswers,
  TAGS,
  WORKBOOK,
} from "./teaching";

export const usage = `Usage: npm run handout -- [options]
Makes a handout of the seminar workbook (notebooks/${WORKBOOK}.ipynb) in two copies:
  <out>/student/  the workbook to hand out: questions, data, answer cells, self-checks that say right or not yet
  <out>/teacher/  the same with the answers filled in, the worked solutions and the key (key.json, answer-key.csv)
Options:
  -p, --param k=v   focal=<ISO3 code> (default AZE) or asOf=<year or date> (default: the latest date in the data)
  --out DIR         the handout folder (default out/handout): new, empty or an earlier handout, whose student/
                    and teacher/ are replaced
Then collect the students' notebooks (or answers.json files) in a folder and run: npm run grade -- <folder>`;

/** What the command line asks for. */
export interface HandoutArgs {
  readonly focal?: string;
  readonly asOf?: string | number;
  readonly out: string;
}

/** Parses the command line of `npm run handout`. Throws a {@link UsageError} for anything else. */
export function parseHandoutArgs(argv: readonly string[], cwd = process.env.INIT_CWD ?? process.cwd()): HandoutArgs {
  let values: { param?: string[]; out?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { param: { type: "string", short: "p", multiple: true }, out: { type: "string" } },
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const params = newParameters();
  for (const p of values.param ?? []) {
    const [name, value] = parseParameter(p);
    if (name !== "focal" && name !== "asOf")
      throw new UsageError(
        `a handout takes focal and asOf only (the copies set scenario and the answers), not ${name}`,
      );
    params[name] = value;
  }
  const focal = params.focal;
  const asOf = params.asOf;
  if (focal !== undefined && typeof focal !== "string")
    throw new UsageError(`focal must be a state code, got ${focal}`);
  if (asOf !== undefined && typeof asOf !== "string" && typeof asOf !== "number")
    throw new UsageError(`asOf must be a year or a date, got ${JSON.stringify(asOf)}`);
  return {
    ...(focal !== undefined ? { focal } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    out: values.out !== undefined ? resolve(cwd, values.out) : join(projectRoot, "out", "handout"),
  };
}

/** A JavaScript literal for a parameter or an answer. */
const literal = (v: string | number) => JSON.stringify(v);

/** Sets the initial value of `let <name> ... = <value>` in a cell's source (its type annotation and comment kept). */
export function setDeclared(source: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\blet\\s+${name}\\s*(?::[^=\\n]+)?=\\s*)("(?:[^"\\\\]|\\\\.)*"|[^;\\n]+)`);
  if (!re.test(source)) throw new Error(`the workbook declares no \`let ${name} = ...\` where the handout sets it`);
  return source.replace(re, (_, head: string) => `${head}${literal(value)}`);
}

/** The workbook's line that opens the worked answers in teacher mode: the student's setup cell ends before it. */
const REVEAL = /\n?[^\n]*\bconst reveal = nb\.scenario === "teacher";/;

/** What the student's copy writes out at handout time, in place of the cells that compute the key. */
export interface StudentSheet {
  /** Each exercise's question (Markdown), or the sentence saying why it is not set, by exercise. */
  readonly questions: ReadonlyMap<number, string>;
  /** The sentence under the setup cell: the state, the date, how many exercises are set (Markdown). */
  readonly intro: string;
  /** The salt of the sealed self-checks (random per handout). */
  readonly salt: string;
}

/** The sheet a test or a caller without exercises gets: the key's question lines, no intro, a random salt. */
function defaultSheet(key: readonly KeyEntry[]): StudentSheet {
  return {
    questions: new Map(
      key.map((e) => [e.exercise, e.set ? e.question : `**Not set for this run.** ${e.reason}`] as const),
    ),
    intro: "",
    salt: randomBytes(16).toString("hex"),
  };
}

/** The source of a student's sealed self-check cell for an exercise (`null` seal: not set for this handout). */
export function sealedCheckSource(exercise: number, entry: KeyEntry | undefined, salt: string): string {
  const seal = entry?.set ? JSON.stringify(sealAnswer(entry, salt)) : "null";
  return `// Checks your answer against this handout's sealed key (salted hashes, not the answer). Do not edit this cell.\ncl.displayHtml(rp.sealedCheckHtml(${exercise}, answer${exercise}, ${seal}));`;
}

/**
 * The student's or the teacher's copy of the workbook, unexecuted. The teacher's copy is the workbook with the
 * answers filled in (its setup cell computes the key and shows the worked answers). The student's copy holds no
 * key: its setup cell stops before the exercises are computed, each question is written out as Markdown (`sheet`),
 * and each self-check compares the answer with a sealed key (salted hashes, {@link sealAnswer}).
 */
export function workbookCopy(
  source: NotebookJson,
  copy: "student" | "teacher",
  parameters: HandoutKey["parameters"],
  key: readonly KeyEntry[],
  sheet: StudentSheet = defaultSheet(key),
): NotebookJson {
  const fills = new Map(key.flatMap((e) => (e.set ? [[e.exercise, e.fill] as const] : [])));
  const entries = new Map(key.map((e) => [e.exercise, e] as const));
  const markdown = (id: string, text: string, tags: readonly string[]): Cell => ({
    cell_type: "markdown",
    id,
    metadata: { tags: [...tags] },
    source: text,
  });
  const cells = source.cells
    .filter((c) => copy === "teacher" || !cellTags(c).includes(TAGS.teacherOnly))
    .flatMap((c): Cell[] => {
      let text = cellSource(c);
      const tags = cellTags(c);
      if (c.cell_type === "code" && tags.includes(TAGS.parameters)) {
        text = setDeclared(text, "focal", parameters.focal);
        text = setDeclared(text, "asOf", parameters.asOf);
        text = setDeclared(text, "scenario", copy);
      }
      const exercise = answerExercise(c);
      const fill = exercise !== undefined ? fills.get(exercise) : undefined;
      if (copy === "teacher" && exercise !== undefined && fill !== undefined)
        text = setDeclared(text, `answer${exercise}`, fill);
      let metadata = c.metadata;
      if (copy === "student" && c.cell_type === "code") {
        const id = typeof c.id === "string" ? c.id : "";
        if (tags.includes(TAGS.setup)) {
          // the setup cell up to the line that would compute the exercises (and their key) in the student's kernel
          const cut = REVEAL.exec(text);
          if (cut === null) throw new Error("the workbook's setup cell has no `const reveal = …` line to stop at");
          text = text.slice(0, cut.index).replace(/\s+$/, "");
          if (/workbookExercises|\breveal\b/.test(text))
            throw new Error("the workbook's setup cell computes the key before `const reveal`");
          const intro = sheet.intro === "" ? [] : [markdown(`${id || "setup"}-intro`, sheet.intro, [])];
          return [{ ...c, source: text, outputs: [], execution_count: null }, ...intro];
        }
        if (tags.includes(TAGS.question)) {
          const n = Number(/(\d+)$/.exec(id)?.[1]);
          const question = sheet.questions.get(n);
          if (question === undefined) throw new Error(`no question written out for the workbook's cell ${id}`);
          return [markdown(id, question, [TAGS.question])];
        }
        if (tags.includes(TAGS.questionFigure)) {
          // a chart drawn from the data beside a question (not from its answer), when the exercise is set
          const n = Number(/(\d+)$/.exec(id)?.[1]);
          if (!entries.get(n)?.set) return [];
          const guarded = new RegExp(`^((?:\\s*//[^\\n]*\\n)*\\s*)if \\(ex${n}\\.set\\) `);
          if (!guarded.test(text)) throw new Error(`the workbook's cell ${id} does not start with \`if (ex${n}.set)\``);
          text = text.replace(guarded, "$1");
        }
        if (tags.includes(TAGS.check)) {
          const n = Number(/\banswer(\d+)\b/.exec(text)?.[1]);
          text = sealedCheckSource(n, entries.get(n), sheet.salt);
          // the student's printable page shows the questions, not the self-checks (they speak of cells it does not show)
          metadata = { ...(c.metadata ?? {}), tags: [...tags, ANALYST_ONLY_TAG] };
        }
      }
      const out = { ...c, source: text, ...(metadata !== undefined ? { metadata } : {}) };
      if (c.cell_type === "code") return [{ ...out, outputs: [], execution_count: null }];
      return [out];
    });
  const metadata = { ...(source.metadata ?? {}), caspian: { handout: { copy, ...parameters } } };
  return { ...source, cells, metadata };
}

/** The protected cells of the student's copy, each with the fingerprint of the teacher's copy of it if that differs. */
function withAlternatives(cells: readonly ProtectedCell[], teacher: NotebookJson): ProtectedCell[] {
  const byId = new Map(teacher.cells.map((c) => [c.id, codeFingerprint(cellSource(c))]));
  return cells.map((p) => {
    const other = byId.get(p.id);
    return other !== undefined && other !== p.fingerprint ? { ...p, alternatives: [other] } : p;
  });
}

/**
 * Refuses an output folder that holds anything but an earlier handout (a handout replaces its student/ and teacher/
 * folders and leaves the rest alone, but it never writes into a folder of other files, such as the submissions).
 */
export function checkHandoutFolder(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder`);
  const entries = readdirSync(out).filter((f) => !f.startsWith("."));
  const earlier = existsSync(join(out, "teacher", "key.json"));
  if (entries.length > 0 && !earlier)
    throw new UsageError(
      `${out} holds other files (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}) and no earlier handout: give a new or empty folder`,
    );
  const extra = entries.filter((f) => f !== "student" && f !== "teacher");
  if (earlier && extra.length > 0)
    throw new UsageError(
      `${out} holds a handout and other files (${extra.slice(0, 3).join(", ")}): give a new or empty folder, or move them`,
    );
}

/** What {@link makeHandout} wrote. */
export interface HandoutResult {
  readonly out: string;
  readonly key: HandoutKey;
  /** Exercises set, and of them how many the teacher's copy gets right (all, or the handout is refused). */
  readonly set: number;
}

const STUDENT_README = (k: HandoutKey) => `# Seminar workbook: ${k.title}

This folder is your copy of the Caspian Lab seminar workbook.

- \`${WORKBOOK}.ipynb\`: the workbook. Open it on a machine with Caspian Lab (its TypeScript kernel), for example
  \`npm run lab -- <this folder>\` from the Caspian Lab checkout, then run the cells from the top.
- \`${WORKBOOK}.html\`: the questions as a page to read or print (no code).
- \`data/\`: the data the exercises are built from, with \`data/README.md\` explaining every column. It holds every
  row, also those published after ${k.parameters.asOf}; the exercises count only the rows whose sources were published
  by then, and each question names the figures or the ties it is about.

For each exercise, write your answer in the answer cell (\`let answer1 = ...\`) and run it and the self-check under
it: the check says **right** or **not yet**. You may add cells of your own to work things out, but do not change
the other cells: a submission whose checking cells were changed is not graded.

The self-checks hold a sealed key: salted SHA-256 hashes of the accepted answers (for a number, of the small ranges
around the answer that count as right), not the answers, and this copy holds no worked solution. That keeps the
answer from being shown by a line of code or a look at a cell. It is a convenience, not a secret: someone
determined could try many numbers against a hash, or compute an exercise with the Caspian Lab library. The grade
does not come from these checks but from your teacher's grader, which works every answer out with the data (a number
a hair outside the accepted range, by less than a tenth of it, may read "right" here and still be graded wrong). Hand in the .ipynb file (or, if
your teacher asks for it, a file \`<your name>.json\` such as \`{"answers": {"1": 12.3, "2": "observer"}}\`).
`;

const TEACHER_README = (k: HandoutKey) => `# Seminar workbook, teacher's copy: ${k.title}

- \`${WORKBOOK}.ipynb\`: the workbook with every answer filled in and the worked solutions shown. It is a valid
  submission: grading it gives full marks.
- \`${WORKBOOK}.html\`: the same as a page without code.
- \`answer-key.csv\`: one row per exercise: the question, the answer computed from the data, what is accepted.
- \`key.json\`: what \`npm run grade\` compares submissions with (the key, the handout's parameters
  ${JSON.stringify(k.parameters)}, and the fingerprints of the cells a submission must keep).

Collect the students' .ipynb files (or \`<name>.json\` answer files) in one folder, then from the Caspian Lab
checkout run \`npm run grade -- <folder>\`. It writes \`<folder>/grades.csv\`, \`<folder>/scores.csv\` and
\`<folder>/summary.txt\` (the summary it prints).

The students' copy holds no answer and no code that computes one: each question is written out as text, and each
self-check compares the answer with salted SHA-256 hashes of the accepted answers (for a number, of the ranges a
tenth of the tolerance wide that cover the answer ± the tolerance). A student cannot print the key or open a worked
solution from it. Its limit: a determined student could brute-force a numeric hash (the ranges are few) or compute
an exercise with the Caspian Lab library, so the self-check is a convenience; the grade comes from the grader, which
computes the key from the data and reads the answer cells.
`;

/** Executes one copy with the main job's runner; returns the executed notebook and the reader's page. */
async function executeCopy(dir: string, nb: NotebookJson): Promise<{ executed: string; page: string }> {
  const notebooks = join(dir, "notebooks");
  mkdirSync(notebooks, { recursive: true });
  writeFileSync(join(notebooks, `${WORKBOOK}.ipynb`), `${JSON.stringify(nb, null, 1)}\n`);
  const options = {
    ...defaultOptions(),
    notebooksDir: notebooks,
    outDir: join(dir, "out"),
    html: false,
    quiet: true,
    force: true,
    standalone: true,
    jobs: 1,
  };
  const [result] = await runNotebooks(options);
  if (result === undefined || !result.ok)
    throw new Error(`the ${WORKBOOK} copy failed to run: ${result ? describeFailure(result) : "no result"}`);
  buildReportPages(options.outDir, () => {}, { links: false });
  return { executed: result.executed, page: join(options.outDir, "report", `${WORKBOOK}.html`) };
}

/**
 * Makes the handout: the key computed from the data for the state and date, the two copies executed, the teacher's
 * copy graded (it must get every set exercise right, or nothing is written), then `args.out` replaced as a whole.
 */
export async function makeHandout(args: HandoutArgs, log: (line: string) => void = () => {}): Promise<HandoutResult> {
  const dataDir = resolvedDataDir();
  const nb = notebook(
    { focal: args.focal ?? "AZE", asOf: args.asOf ?? "", scenario: "student" },
    { quiet: true, scenarios: { student: "", teacher: "" } },
  );
  const exercises = workbookExercises(nb);
  const entries = workbookKey(exercises);
  const parameters = { focal: nb.focal, asOf: nb.asOf };
  const source = JSON.parse(readFileSync(join(projectRoot, "notebooks", `${WORKBOOK}.ipynb`), "utf8")) as NotebookJson;
  // the student's copy gets the questions written out and sealed self-checks: the key never runs in its kernel
  const sheet: StudentSheet = {
    questions: new Map(exercises.map((e) => [e.number, questionMarkdown(e).source] as const)),
    intro:
      md`**This copy of the workbook is about ${nb.name}**, with the data as of **${nb.asOfText}**. ${setSentence(exercises)}`
        .source,
    salt: randomBytes(16).toString("hex"),
  };
  const student = workbookCopy(source, "student", parameters, entries, sheet);
  const teacher = workbookCopy(source, "teacher", parameters, entries);
  const key: HandoutKey = {
    keyVersion: 1,
    notebook: WORKBOOK,
    parameters,
    title: `${nb.name}, data as of ${nb.asOfText}`,
    dataSha256: treeSha256(dataDir),
    exercises: entries,
    protected: withAlternatives(protectedCells(student), teacher),
    // the teacher's own code cells: its answer key and the cells that compute and show the questions (and a chart
    // the student's copy leaves out when its exercise is not set)
    teacherCells: teacher.cells
      .filter(
        (c) =>
          c.cell_type === "code" &&
          [TAGS.teacherOnly, TAGS.question, TAGS.questionFigure].some((t) => cellTags(c).includes(t)),
      )
      .map((c) => codeFingerprint(cellSource(c))),
  };
  if (!entries.some((e) => e.set))
    throw new UsageError(
      `no exercise can be set for ${nb.name} as of ${nb.asOfText}: ${entries
        .map((e) => (e.set ? "" : `${e.exercise}: ${e.reason}`))
        .join(" ")} Choose a later date or another state.`,
    );
  checkHandoutFolder(args.out);

  const staging = `${args.out}.staging`;
  rmSync(staging, { recursive: true, force: true });
  log(`handout for ${key.title}: running the student's and the teacher's copies`);
  const [s, t] = await Promise.all([
    executeCopy(join(staging, "run-student"), student),
    executeCopy(join(staging, "run-teacher"), teacher),
  ]);

  // The teacher's copy is a valid submission that gets every set exercise right; the student's answers nothing.
  const teacherRun = JSON.parse(readFileSync(t.executed, "utf8")) as NotebookJson;
  const given = readAnswers(teacherRun, key.protected).answers;
  const set = entries.filter((e) => e.set);
  const wrong = set.map((e) => gradeAnswer(e, given.get(e.exercise))).filter((g) => !g.correct);
  if (wrong.length > 0)
    throw new Error(
      `the teacher's copy does not get every answer right (${wrong.map((g) => `exercise ${g.exercise}: ${g.feedback}`).join("; ")}); nothing was written`,
    );
  const studentRun = JSON.parse(readFileSync(s.executed, "utf8")) as NotebookJson;
  const answered = [...readAnswers(studentRun, key.protected).answers].filter(([, v]) => v !== null && v !== "");
  if (answered.length > 0)
    throw new Error(`the student's copy answers exercise ${answered[0]![0]}; nothing was written`);

  const done = join(staging, "handout");
  const sDir = join(done, "student");
  const tDir = join(done, "teacher");
  for (const [dir, run, readme] of [
    [sDir, s, STUDENT_README(key)],
    [tDir, t, TEACHER_README(key)],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    cpSync(run.executed, join(dir, `${WORKBOOK}.ipynb`));
    if (existsSync(run.page)) cpSync(run.page, join(dir, `${WORKBOOK}.html`));
    writeFileSync(join(dir, "README.md"), readme);
  }
  cpSync(dataDir, join(sDir, "data"), { recursive: true });
  writeFileSync(join(tDir, "key.json"), `${JSON.stringify(key, null, 1)}\n`);
  const table = answerKeyTable(exercises, nb.name, nb.asOf);
  writeFileSync(
    join(tDir, "answer-key.csv"),
    `${Papa.unparse({
      fields: table.columns.map((c) => c.label),
      data: table.rows.map((r) => table.columns.map((c) => String(r[c.key] ?? ""))),
    })}\n`,
  );
  // The teacher's folder is the teacher's alone (a student's code run by the grader cannot read the key).
  chmodSync(tDir, 0o700);
  // Replace the two copies (checked above: the folder holds nothing else), each by a rename: never half old, half new.
  mkdirSync(args.out, { recursive: true });
  for (const copy of ["student", "teacher"]) {
    const target = join(args.out, copy);
    const old = join(staging, `old-${copy}`);
    if (existsSync(target)) renameSync(target, old);
    renameSync(join(done, copy), target);
  }
  rmSync(staging, { recursive: true, force: true });
  return { out: args.out, key, set: set.length };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(usage);
    return 0;
  }
  const args = parseHandoutArgs(argv);
  const r = await makeHandout(args, (l) => console.log(l));
  const rel = relative(process.env.INIT_CWD ?? process.cwd(), r.out) || ".";
  const unset = r.key.exercises.filter((e) => !e.set).map((e) => e.exercise);
  console.log(
    `wrote ${rel}/student/ (hand this out) and ${rel}/teacher/ (the key: ${r.set} of ${r.key.exercises.length} exercises set${
      unset.length > 0 ? `; not set for this state and date: ${unset.join(", ")}` : ""
    }; the teacher's copy grades ${r.set} of ${r.set})`,
  );
  console.log(
    `grade a folder of submissions with: npm run grade -- <folder>${r.out === join(projectRoot, "out", "handout") ? "" : ` --handout ${rel}`}`,
  );
  return 0;
}

if (require.main === module) runCommand(main, usage);
