/**
 * The teacher's path end to end, on real kernels: a handout off the default path (Kazakhstan, 2021), no answer in
 * the student's copy, a folder of submissions graded in one call (a blank handout scores zero, the teacher's copy
 * full marks, one right and one wrong exactly one, a deleted self-check and an endless loop flagged and not scored),
 * a notebook outside the checkout importing "caspian-lab", and answers given as run parameters.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../lib/core/hash";
import { readAnswerRecords } from "../../lib/notebook/answer-record";
import { FIRST_UID, gradeFolder, processesOf, type SubmissionResult } from "../../runner/grade";
import { type HandoutResult, makeHandout, setDeclared } from "../../runner/handout";
import { jupyterEnv, jupyterPython } from "../../runner/paths";
import { answerExercise, cellSource, cellTags, type NotebookJson } from "../../runner/teaching";

const root = join(__dirname, "..", "..");
const WB = "06-seminar-workbook";
const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as NotebookJson;

let handout: HandoutResult;
let studentCopy: NotebookJson;
type SetEntry = Extract<HandoutResult["key"]["exercises"][number], { set: true }>;
const setEntries = () => handout.key.exercises.filter((e): e is SetEntry => e.set);

/** The student's copy with answers written in its answer cells. */
function answered(answers: Readonly<Record<number, number | string | undefined>>, base = studentCopy): NotebookJson {
  const nb = JSON.parse(JSON.stringify(base)) as NotebookJson;
  for (const c of nb.cells) {
    const n = answerExercise(c);
    const value = n === undefined ? undefined : answers[n];
    if (value !== undefined) c.source = setDeclared(cellSource(c), `answer${n}`, value);
  }
  return nb;
}

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "caspian-handout-")), "handout");
  handout = await makeHandout({ focal: "KAZ", asOf: 2021, out });
  studentCopy = read(join(out, "student", `${WB}.ipynb`));
}, 300_000);

describe("npm run handout (Kazakhstan, as of 2021)", () => {
  it("writes the student's and the teacher's copies, the data and the key", () => {
    const files = (d: string) => readdirSync(join(handout.out, d)).sort();
    expect(files("student")).toEqual([`${WB}.html`, `${WB}.ipynb`, "README.md", "data"]);
    expect(files("teacher")).toEqual([`${WB}.html`, `${WB}.ipynb`, "README.md", "answer-key.csv", "key.json"]);
    expect(existsSync(join(handout.out, "student", "data", "datapackage.json"))).toBe(true);
    expect(handout.key.parameters).toEqual({ focal: "KAZ", asOf: "2021-12-31" });
    expect(handout.key.exercises).toHaveLength(6);
  });

  it("leaks no answer into the student's copy: no key, no worked answer, no filled answer cell", () => {
    const teacher = read(join(handout.out, "teacher", `${WB}.ipynb`));
    const teacherHtml = teacher.cells.flatMap((c) =>
      (c.outputs ?? []).map((o) => String((o as { data?: Record<string, unknown> }).data?.["text/html"] ?? "")),
    );
    const worked = teacherHtml.join("").match(/<details open[^>]*>.*?<\/details>/gs) ?? [];
    expect(worked.length).toBe(setEntries().length);
    const studentFiles = listFiles(join(handout.out, "student"))
      .filter((f) => !f.startsWith("data/"))
      .map((f) => [f, readFileSync(join(handout.out, "student", f), "utf8")] as const);
    expect(studentFiles.map(([f]) => f).sort()).toEqual([`${WB}.html`, `${WB}.ipynb`, "README.md"]);
    for (const [file, text] of studentFiles) {
      for (const w of worked) expect(text, file).not.toContain(w.replace(/^<details open[^>]*>/, ""));
      expect(text, file).not.toContain("Worked answer");
      expect(text, file).not.toContain("Answer key");
      expect(text, file).not.toMatch(/answer from the data/i);
      // the key's answers with a number in them, and exercise 3's lettered answer (texts such as a status or a
      // state code are among the options every question lists, so they appear by design)
      for (const e of setEntries())
        if (/\d|^[a-d]: /.test(e.answer)) expect(text, `${file}: ${e.answer}`).not.toContain(e.answer);
      // every answer record in the page says "no answer"
      for (const [, v] of readAnswerRecords(text)) expect(v === null || v === "").toBe(true);
    }
    expect(studentCopy.cells.some((c) => cellTags(c).includes("teacher-only"))).toBe(false);
    for (const c of studentCopy.cells)
      if (answerExercise(c) !== undefined)
        expect(cellSource(c)).toMatch(/^let answer\d(: number \| null)? = (null|"");/);
  });

  it("holds no key in the student's copy: nothing computes it, no expected value, sealed self-checks only", () => {
    const text = readFileSync(join(handout.out, "student", `${WB}.ipynb`), "utf8");
    const page = readFileSync(join(handout.out, "student", `${WB}.html`), "utf8").replace(
      /<script\b[^>]*>[\s\S]*?<\/script>/g,
      "",
    );
    // nothing in the student's kernel computes the exercises, their key or their worked answers
    expect(text).not.toContain("workbookExercises");
    expect(text).not.toMatch(/\breveal\b/);
    expect(text).not.toContain("checkHtml(");
    expect(text).not.toContain("answerKeyTable");
    // no expected value in any form, in the notebook's sources and outputs or on its page (salts and hashes aside)
    const unsealed = (t: string) => t.replace(/[0-9a-f]{32,}/g, "#");
    const token = (v: string) => new RegExp(`(?<![\\d.])${v.replace(/[.+]/g, "\\$&")}(?![\\d])`);
    for (const e of setEntries()) {
      const forms =
        typeof e.expected === "number"
          ? [String(e.expected), String(e.fill), ...[1, 2, 3].map((d) => (e.expected as number).toFixed(d))]
          : [];
      for (const f of new Set(forms.flatMap((f) => [f, f.replace(/^-/, "−"), f.replace(".", ",")]))) {
        expect(unsealed(text), `${e.exercise}: ${f}`).not.toMatch(token(f));
        expect(unsealed(page), `${e.exercise}: ${f}`).not.toMatch(token(f));
      }
    }
    // each self-check holds a seal of hashes: no answer, no accepted form, in it
    const checks = studentCopy.cells.filter((c) => cellTags(c).includes("check"));
    expect(checks).toHaveLength(6);
    for (const c of checks) {
      const src = cellSource(c);
      expect(src).toMatch(
        /rp\.sealedCheckHtml\(\d, answer\d, (null|\{"kind":"(text|number)","salt":"[0-9a-f]{32}",.*\})\)\);$/,
      );
      const seal = unsealed(src).toLowerCase();
      for (const e of setEntries()) {
        for (const a of [String(e.expected), String(e.fill), ...e.accepted]) {
          const norm = a.toLowerCase().replace(/[\s_\-().]+/g, "");
          if (norm.length >= 2) expect(seal, `${src}: ${a}`).not.toContain(norm);
        }
      }
    }
    // the questions are written out as they read in the teacher's copy
    const teacher = read(join(handout.out, "teacher", `${WB}.ipynb`));
    for (let n = 1; n <= 6; n += 1) {
      const q = studentCopy.cells.find((c) => c.id === `question-${n}`)!;
      expect(q.cell_type).toBe("markdown");
      const shown = teacher.cells.find((c) => c.id === `question-${n}`)!.outputs as {
        data?: Record<string, unknown>;
      }[];
      const md = shown.map((o) => [o.data?.["text/markdown"] ?? ""].flat().join("")).join("");
      expect(cellSource(q).trim()).toBe(md.trim());
    }
  });

  it("shows the teacher the worked answers and fills each answer cell with the key's value", () => {
    const teacher = read(join(handout.out, "teacher", `${WB}.ipynb`));
    for (const e of setEntries()) {
      const cell = teacher.cells.find((c) => answerExercise(c) === e.exercise)!;
      expect(cellSource(cell)).toContain(`= ${JSON.stringify(e.fill)};`);
    }
    const csv = Papa.parse<string[]>(readFileSync(join(handout.out, "teacher", "answer-key.csv"), "utf8").trim()).data;
    expect(csv.slice(1).map((r) => r[0])).toEqual(["1", "2", "3", "4", "5", "6"]);
  });
});

describe("npm run grade: a folder of submissions in one call", () => {
  let results: Map<string, SubmissionResult>;
  let folder: string;
  const wrong = (e: { expected: number | string; tolerance: number }) =>
    typeof e.expected === "number" ? e.expected + 10 * (e.tolerance + 1) : "none of these";

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "caspian-submissions-"));
    const [first, second] = setEntries();
    const save = (name: string, nb: NotebookJson | string) =>
      writeFileSync(join(folder, name), typeof nb === "string" ? nb : JSON.stringify(nb));
    save("blank.ipynb", studentCopy);
    save("teacher.ipynb", read(join(handout.out, "teacher", `${WB}.ipynb`)));
    save("half.ipynb", answered({ [first!.exercise]: first!.fill, [second!.exercise]: wrong(second!) }));
    // a student who changed the parameters cell to another state is still graded on the handout's
    const params = answered({ [first!.exercise]: first!.fill });
    const p = params.cells.find((c) => cellTags(c).includes("parameters"))!;
    p.source = setDeclared(cellSource(p), "focal", "AZE");
    save("other-state.ipynb", params);
    const deleted = answered({ [first!.exercise]: first!.fill });
    deleted.cells.splice(
      deleted.cells.findIndex((c) => cellTags(c).includes("check")),
      1,
    );
    save("deleted-check.ipynb", deleted);
    const loop = answered({ [first!.exercise]: first!.fill });
    const a2 = loop.cells.find((c) => answerExercise(c) === 2)!;
    a2.source = `${cellSource(a2)}\nwhile (true) {}`;
    save("endless.ipynb", loop);
    const evil = answered({ [first!.exercise]: first!.fill });
    evil.cells.splice(1, 0, {
      cell_type: "code",
      metadata: {},
      source: `try { require("fs").writeFileSync(${JSON.stringify(join(root, "graded-by-a-student.txt"))}, "x"); } catch (e) {}`,
    });
    save("writes-outside.ipynb", evil);
    save("not-a-notebook.ipynb", "{ this is not json");
    save("empty.ipynb", "");
    // code added to fake the self-checks' records: the answer cells (plain values) are what counts
    const faker = answered({});
    faker.cells.splice(2, 0, {
      cell_type: "code",
      metadata: {},
      source: `const realStringify = JSON.stringify;\nJSON.stringify = (v: any, ...r: any[]) => v && typeof v === "object" && "exercise" in v ? realStringify({ exercise: v.exercise, answer: ${JSON.stringify(first!.fill)} }) : realStringify(v, ...(r as []));`,
    });
    save("fakes-records.ipynb", faker);
    // code that tries to lock the other submissions out of their folders
    const saboteur = answered({ [first!.exercise]: first!.fill });
    saboteur.cells.splice(2, 0, {
      cell_type: "code",
      metadata: {},
      source:
        'const fs = require("fs"), path = require("path");\nconst up = path.dirname(process.cwd());\ntry { for (const d of fs.readdirSync(up)) fs.chmodSync(path.join(up, d), 0); } catch (e) { console.log("cannot list", up); }',
    });
    save("saboteur.ipynb", saboteur);
    const exits = answered({ [first!.exercise]: first!.fill });
    const a3 = exits.cells.find((c) => answerExercise(c) === 3)!;
    a3.source = `${cellSource(a3)}\nprocess.exit(0);`;
    save("exits.ipynb", exits);
    const other = answered({ [first!.exercise]: first!.fill });
    other.metadata = {
      ...(other.metadata ?? {}),
      caspian: { handout: { copy: "student", focal: "TUR", asOf: "2019-12-31" } },
    };
    save("other-handout.ipynb", other);
    // a process started to outlive grading (it would run on as the submission's user, whom the next run reuses)
    const lingers = answered({ [first!.exercise]: first!.fill });
    lingers.cells.splice(2, 0, {
      cell_type: "code",
      metadata: {},
      source: 'require("child_process").spawn("sleep", ["979"], { detached: true, stdio: "ignore" }).unref();',
    });
    save("lingers.ipynb", lingers);
    writeFileSync(join(folder, "answers-only.json"), JSON.stringify({ answers: { [first!.exercise]: first!.fill } }));
    const r = await gradeFolder({ folder, handout: handout.out, timeoutSeconds: 20, jobs: 2 });
    results = new Map(r.results.map((x) => [x.student, x]));
  }, 600_000);

  it("scores a blank handout zero and the teacher's copy full marks", () => {
    const set = setEntries().length;
    expect(results.get("blank")).toMatchObject({ status: "graded", score: 0 });
    expect(results.get("teacher")).toMatchObject({ status: "graded", score: set });
    expect(results.get("teacher")!.notes ?? []).toEqual([]); // the teacher's own cells are not noted as added
    expect(results.get("blank")!.grades.filter((g) => g.state === "unanswered")).toHaveLength(set);
  });

  it("scores one right and one wrong answer exactly one, and grades on the handout's state and date", () => {
    const half = results.get("half")!;
    expect(half).toMatchObject({ status: "graded", score: 1 });
    expect(half.grades.filter((g) => g.state === "wrong")).toHaveLength(1);
    // the student's sealed self-checks said so too: Right for the first, Not yet for the second
    const [first, second] = setEntries();
    const graded = read(join(folder, "graded", "half.ipynb"));
    const said = (n: number) =>
      (
        graded.cells.find((c) => cellTags(c).includes("check") && cellSource(c).includes(`answer${n}`))!.outputs as {
          data?: Record<string, unknown>;
        }[]
      )
        .map((o) => [o.data?.["text/html"] ?? ""].flat().join(""))
        .join("");
    expect(said(first!.exercise)).toContain(`Exercise ${first!.exercise}: Right`);
    expect(said(second!.exercise)).toContain(`Exercise ${second!.exercise}: Not yet`);
    expect(results.get("other-state")).toMatchObject({ status: "graded", score: 1 });
    expect(results.get("answers-only")).toMatchObject({ status: "graded", score: 1 });
  });

  it("flags a deleted self-check, an endless loop and a file that is not a notebook, and scores none of them", () => {
    expect(results.get("deleted-check")).toMatchObject({ status: "changed", score: 0, grades: [] });
    expect(results.get("deleted-check")!.problem).toMatch(/^the self-check of exercise 1 of the handout/);
    expect(results.get("endless")).toMatchObject({ status: "timeout", score: 0, grades: [] });
    expect(results.get("endless")!.problem).toMatch(
      /^did not finish: the cell that starts `let answer2.*` ran longer than 20 s$/,
    );
    expect(results.get("not-a-notebook")).toMatchObject({ status: "unreadable", score: 0 });
    expect(results.get("empty")!.problem).toBe("not a notebook that can be read: the file is empty");
    expect(results.get("exits")).toMatchObject({ status: "failed", score: 0 });
    expect(results.get("exits")!.problem).toMatch(/the kernel stopped in the cell that starts `let answer3/);
    expect(results.get("other-handout")).toMatchObject({ status: "changed", score: 0 });
    expect(results.get("other-handout")!.problem).toBe(
      `it is a copy of another handout (TUR, 2019-12-31); this grading is for KAZ, 2021-12-31`,
    );
  });

  it("grades the answer cells, not records faked by added code; one submission cannot stop another", () => {
    const faker = results.get("fakes-records")!;
    expect(faker).toMatchObject({ status: "graded", score: 0 });
    expect(faker.notes?.join("; ")).toMatch(
      /the answer cell says null, the self-check saw .*graded on the answer cell/,
    );
    expect(results.get("saboteur")).toMatchObject({ status: "graded", score: 1 });
    // every other submission still ran (checked above: blank, teacher, half, other-state…)
  });

  it("keeps a submission away from the checkout when it runs as root (a user of its own)", () => {
    expect(results.get("writes-outside")).toMatchObject({ status: "graded", score: 1 });
    if (process.getuid?.() === 0) expect(existsSync(join(root, "graded-by-a-student.txt"))).toBe(false);
  });

  it("leaves no process of a submission behind, and says so when one was left running", () => {
    expect(results.get("lingers")).toMatchObject({ status: "graded", score: 1 });
    const sleeping = readdirSync("/proc")
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(join("/proc", p, "cmdline"), "utf8") === "sleep\u0000979\u0000";
        } catch {
          return false;
        }
      });
    expect(sleeping).toEqual([]);
    // as root each submission has a user of its own, whose processes the grader kills and names
    if (process.getuid?.() === 0) {
      expect(results.get("lingers")!.notes?.join("; ")).toMatch(
        /left 1 process running after its kernel stopped \(sleep\): killed/,
      );
      for (let uid = FIRST_UID; uid < FIRST_UID + results.size; uid += 1) expect(processesOf(uid)).toEqual([]);
    }
  });

  it("writes grades.csv: a row per student and exercise, and a total per student", () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(folder, "grades.csv"), "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(results.size * 7);
    const total = (s: string) => rows.find((r) => r.student === s && r.exercise === "total")!;
    expect(total("teacher").correct).toBe(String(setEntries().length));
    expect(total("blank").correct).toBe("0");
    expect(total("endless").correct).toBe("not scored");
    expect(total("fakes-records").feedback).toMatch(/^0 of \d right; .*1 code cell added/);
    expect(existsSync(join(folder, "graded", "teacher.ipynb"))).toBe(true);
  });
});

describe("the library from any folder, and answers as run parameters", () => {
  it('a notebook outside the checkout imports "caspian-lab", its notebook layer and its frame helper', () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-anywhere-"));
    const nb = {
      cells: [
        {
          cell_type: "code",
          execution_count: null,
          id: "a",
          metadata: {},
          outputs: [],
          source:
            'import * as cl from "caspian-lab";\nimport * as rp from "caspian-lab/notebook";\nimport { toDataFrame } from "caspian-lab/frame";\nconst n: number = cl.loadPackage().states.length;\nconsole.log(n > 10, typeof rp.workbookExercises, typeof toDataFrame);',
        },
      ],
      metadata: { kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(join(dir, "t.ipynb"), JSON.stringify(nb));
    writeFileSync(
      join(dir, "job.json"),
      JSON.stringify({
        notebook: join(dir, "t.ipynb"),
        out_ipynb: join(dir, "out.ipynb"),
        out_html: null,
        timeout: 120,
        kernel: "tslab",
        cwd: dir,
        parameters: null,
      }),
    );
    const r = spawnSync(jupyterPython, [join(root, "runner", "execute_notebook.py"), join(dir, "job.json")], {
      env: jupyterEnv(),
      encoding: "utf8",
    });
    expect(r.stdout).toMatch(/"event": "done"/);
    const out = read(join(dir, "out.ipynb")).cells[0]!.outputs as { text?: string[] }[];
    expect(out.map((o) => (o.text ?? []).join("")).join("")).toBe("true function function\n");
  }, 180_000);

  it("-p answer1=<value> answers exercise 1 of a run (the runner injects it after the answer cell)", () => {
    const e = setEntries()[0]!;
    const out = mkdtempSync(join(tmpdir(), "caspian-answer-param-"));
    const r = spawnSync(
      process.execPath,
      [
        join(root, "dist", "runner", "cli.js"),
        WB,
        "--out",
        out,
        "-q",
        "-p",
        "focal=KAZ",
        "-p",
        "asOf=2021",
        "-p",
        `answer${e.exercise}=${JSON.stringify(e.fill)}`,
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const file = readdirSync(join(out, "notebooks"))[0]!;
    const nb = read(join(out, "notebooks", file));
    const check = nb.cells.find((c) => cellTags(c).includes("check") && cellSource(c).includes(`answer${e.exercise}`))!;
    const html = (check.outputs as { data?: Record<string, string | string[]> }[])
      .map((o) => [o.data?.["text/html"] ?? ""].flat().join(""))
      .join("");
    expect(html).toContain(`Exercise ${e.exercise}: Right`);
    expect(nb.cells.some((c) => cellTags(c).includes("injected-answer"))).toBe(true);
  }, 300_000);
});
