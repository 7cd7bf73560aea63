/**
 * The handout's and the grader's bookkeeping, without a kernel: which cells a submission must keep, the copies of
 * the workbook, answer files, the submissions of a folder, and grades.csv.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { answerRecordHtml } from "../../lib/notebook/answer-record";
import type { KeyEntry } from "../../lib/notebook/grading";
import {
  findSubmissions,
  gradeAll,
  gradesCsv,
  readAnswerFile,
  scoresCsv,
  type SubmissionResult,
  summaryTable,
} from "../../runner/grade";
import { checkHandoutFolder, setDeclared, workbookCopy } from "../../runner/handout";
import {
  answerExercise,
  answerIsLiteral,
  type Cell,
  cellSource,
  cellTags,
  checkStructure,
  codeFingerprint,
  type HandoutKey,
  literalAnswers,
  type NotebookJson,
  protectedCells,
  readAnswers,
  withParametersCell,
  workNotes,
} from "../../runner/teaching";

const root = join(__dirname, "..", "..");
const workbook = JSON.parse(readFileSync(join(root, "notebooks", "06-seminar-workbook.ipynb"), "utf8")) as NotebookJson;
const code = (nb: NotebookJson) => nb.cells.filter((c) => c.cell_type === "code");
const clone = (nb: NotebookJson): NotebookJson => JSON.parse(JSON.stringify(nb)) as NotebookJson;

type SetEntry = Extract<KeyEntry, { set: true }>;
const NUM: SetEntry = {
  exercise: 1,
  set: true,
  question: "Growth",
  answer: "−8.1 %",
  expected: -8.14,
  accepted: [],
  tolerance: 0.5,
  unit: "%",
  fill: -8.1,
};
const TEXT: SetEntry = {
  exercise: 2,
  set: true,
  question: "Status",
  answer: "observer",
  expected: "observer",
  accepted: ["observer"],
  tolerance: 0,
  unit: "",
  fill: "observer",
};
const KEY: KeyEntry[] = [NUM, TEXT, { exercise: 3, set: false, reason: "No two scopes." }];

describe("the workbook's cells by role", () => {
  const prot = protectedCells(workbook);
  it("finds six answer cells, six self-checks, and keeps every other code cell but the parameters", () => {
    const answers = code(workbook)
      .map(answerExercise)
      .filter((n) => n !== undefined);
    expect(answers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(prot.filter((p) => p.checks !== undefined).map((p) => p.checks)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(prot).toHaveLength(code(workbook).length - 1 - 6);
    expect(prot.some((p) => p.firstLine.startsWith("let focal"))).toBe(false);
  });
  it("reads an answer cell whose editor lost its tags by its `let answerN`", () => {
    expect(answerExercise({ cell_type: "code", source: "// my answer\nlet answer4 = 0.5;" })).toBe(4);
    expect(answerExercise({ cell_type: "code", source: "const x = 1;\nlet answer4 = 0.5;" })).toBeUndefined();
    expect(answerExercise({ cell_type: "markdown", source: "let answer4 = 0.5;" })).toBeUndefined();
  });
  it("fingerprints code, not trailing spaces or final newlines", () => {
    expect(codeFingerprint("a();  \nb();\n\n")).toBe(codeFingerprint("a();\nb();"));
    expect(codeFingerprint("a();\nb();")).not.toBe(codeFingerprint("a();\nc();"));
  });
});

describe("checkStructure(): a submission keeps the handout's checking cells, unchanged and in order", () => {
  const prot = protectedCells(workbook);
  const checkIndex = (nb: NotebookJson, n: number) =>
    nb.cells.findIndex((c) => cellTags(c).includes("check") && cellSource(c).includes(`answer${n}`));
  it("accepts the handout itself, answers written and cells added", () => {
    expect(checkStructure(workbook, prot).ok).toBe(true);
    const nb = clone(workbook);
    nb.cells.splice(5, 0, { cell_type: "code", source: "const mine = 2 * 3;", metadata: {} });
    const a = nb.cells.find((c) => answerExercise(c) === 1)!;
    a.source = setDeclared(cellSource(a), "answer1", 12.5);
    a.metadata = {}; // an editor that drops tags
    expect(checkStructure(nb, prot).ok).toBe(true);
  });
  it("names the self-check that was changed, deleted or moved", () => {
    const changed = clone(workbook);
    changed.cells[checkIndex(changed, 2)]!.source = 'cl.displayHtml("Correct");';
    const r = checkStructure(changed, prot);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/^the self-check of exercise 2 of the handout \(cl\.displayHtml/);
    const deleted = clone(workbook);
    deleted.cells.splice(checkIndex(deleted, 5), 1);
    expect(checkStructure(deleted, prot)).toMatchObject({ ok: false, cell: { checks: 5 } });
    const moved = clone(workbook);
    const [cell] = moved.cells.splice(checkIndex(moved, 6), 1);
    moved.cells.splice(2, 0, cell!);
    expect(checkStructure(moved, prot).ok).toBe(false);
  });
  it("still finds a cell after an editor added a final newline", () => {
    const nb = clone(workbook);
    const i = checkIndex(nb, 3);
    nb.cells[i]!.source = `${cellSource(nb.cells[i]!)}\n\n`;
    expect(checkStructure(nb, prot).ok).toBe(true);
  });
});

describe("the copies of the workbook", () => {
  const params = { focal: "KAZ", asOf: "2021-12-31" };
  const key: KeyEntry[] = [
    NUM,
    TEXT,
    { exercise: 3, set: false, reason: "x" },
    { ...NUM, exercise: 4, fill: 0.53 },
    { ...TEXT, exercise: 5, fill: "CHN" },
    { ...NUM, exercise: 6, fill: 23 },
  ];
  const student = workbookCopy(workbook, "student", params, key);
  const teacher = workbookCopy(workbook, "teacher", params, key);
  const parametersOf = (nb: NotebookJson) => cellSource(nb.cells.find((c) => cellTags(c).includes("parameters"))!);
  it("sets the handout's state, date and scenario in the parameters cell, types kept", () => {
    expect(parametersOf(student)).toContain('let focal = "KAZ";');
    expect(parametersOf(student)).toContain('let asOf: string | number = "2021-12-31";');
    expect(parametersOf(student)).toContain('let scenario = "student";');
    expect(parametersOf(teacher)).toContain('let scenario = "teacher";');
  });
  it("leaves the answer key out of the student's copy and keeps placeholders; fills the teacher's", () => {
    expect(student.cells.some((c) => cellTags(c).includes("teacher-only"))).toBe(false);
    expect(teacher.cells.filter((c) => cellTags(c).includes("teacher-only"))).toHaveLength(3);
    const answers = (nb: NotebookJson) =>
      nb.cells.filter((c) => answerExercise(c) !== undefined).map((c) => cellSource(c).split(";")[0]);
    expect(answers(student)).toEqual([
      "let answer1: number | null = null",
      'let answer2 = ""',
      'let answer3 = ""',
      "let answer4: number | null = null",
      'let answer5 = ""',
      "let answer6: number | null = null",
    ]);
    expect(answers(teacher)).toEqual([
      "let answer1: number | null = -8.1",
      'let answer2 = "observer"',
      'let answer3 = ""', // not set: left blank
      "let answer4: number | null = 0.53",
      'let answer5 = "CHN"',
      "let answer6: number | null = 23",
    ]);
  });
  it("never holds the key in the student's copy: questions written out, sealed self-checks, off the printable page", () => {
    const setup = (nb: NotebookJson) => cellSource(nb.cells.find((c) => cellTags(c).includes("setup"))!);
    expect(setup(teacher)).toContain('const reveal = nb.scenario === "teacher";');
    expect(setup(teacher)).toContain("rp.workbookExercises(nb)");
    const text = student.cells.map(cellSource).join("\n");
    // nothing computes the exercises (nor their key or worked answers) in the student's kernel
    expect(text).not.toContain("workbookExercises");
    expect(text).not.toMatch(/\breveal\b/);
    expect(text).not.toContain("checkHtml(");
    expect(text).not.toMatch(/\bexercises\[/);
    // each question is Markdown written at handout time (here the key's question lines)
    const questions = student.cells.filter((c) => cellTags(c).includes("question"));
    expect(questions.map((c) => c.cell_type)).toEqual(Array(6).fill("markdown"));
    expect(cellSource(questions[0]!)).toBe("Growth");
    expect(cellSource(questions[2]!)).toBe("**Not set for this run.** x");
    // exercise 3 is not set: its chart is left out
    expect(student.cells.some((c) => cellTags(c).includes("question-figure"))).toBe(false);
    const checks = student.cells.filter((c) => cellTags(c).includes("check"));
    expect(checks).toHaveLength(6);
    for (const c of checks) {
      expect(cellTags(c)).toContain("analyst-only");
      expect(cellSource(c)).toMatch(
        /^\/\/ Checks your answer against this handout's sealed key.*\ncl\.displayHtml\(rp\.sealedCheckHtml\(\d, answer\d, /,
      );
    }
    expect(cellSource(checks[2]!)).toContain("rp.sealedCheckHtml(3, answer3, null)");
    // the seals hold hashes only: no expected value, no fill, no accepted form
    for (const c of checks) {
      const seal = cellSource(c).replace(/[0-9a-f]{32,64}/g, "");
      for (const v of ["-8.14", "-8.1", "8.1", "observer", "0.53", "CHN", "23"]) expect(seal).not.toContain(v);
    }
    expect(teacher.cells.some((c) => cellTags(c).includes("analyst-only"))).toBe(false);
    // the student's copy says nothing of the teacher's scenario
    expect(text).not.toContain("`teacher`");
    expect(text).not.toContain("npm run handout");
  });
  it("keeps every protected cell of the student's copy in the teacher's (the key is a valid submission)", () => {
    // the setup cell and the self-checks differ; the handout records the teacher's versions as alternatives
    expect(checkStructure(teacher, protectedCells(student)).ok).toBe(false);
    const byId = new Map(teacher.cells.map((c) => [c.id, codeFingerprint(cellSource(c))]));
    const withTeacher = protectedCells(student).map((p) =>
      byId.get(p.id) !== p.fingerprint ? { ...p, alternatives: [byId.get(p.id)!] } : p,
    );
    expect(withTeacher.filter((p) => p.alternatives !== undefined).map((p) => p.id)).toEqual([
      "setup",
      ...[1, 2, 3, 4, 5, 6].map((n) => `check-${n}`),
    ]);
    expect(checkStructure(teacher, withTeacher).ok).toBe(true);
    expect(checkStructure(student, withTeacher).ok).toBe(true);
  });
  it("setDeclared writes any text as a literal that reads back, and refuses an undeclared name", () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const out = setDeclared('let answer2 = ""; // e.g. "observer"', "answer2", v);
        expect(out).toBe(`let answer2 = ${JSON.stringify(v)}; // e.g. "observer"`);
      }),
    );
    expect(() => setDeclared("let other = 1;", "answer1", 2)).toThrow(/declares no `let answer1 = ...`/);
  });
});

describe("what a teacher may want to look at", () => {
  const prot = protectedCells(workbook);
  it("tells a plain value from an answer computed in code, comments aside", () => {
    for (const plain of [
      "let answer1: number | null = -8.1; // e.g. 12.3 (percent)",
      'let answer2 = "dialogue partner";',
      "let answer3 = 'b'",
      "/* mine */ let answer4: number | null = 0.53;",
      "let answer6: number | null = null;",
      "let answer1 = 1e-3;",
    ])
      expect(answerIsLiteral(plain), plain).toBe(true);
    for (const computed of [
      "let answer1 = (4119000 / 4484000 - 1) * 100;",
      'let answer2 = require("fs").readFileSync("/tmp/x", "utf8");',
      "let answer5 = rp.workbookExercises(nb)[4].expected;",
      'let answer2 = "a"; answer2 = "b";',
    ])
      expect(answerIsLiteral(computed), computed).toBe(false);
  });
  it("notes answers computed in code and cells the student added", () => {
    expect(workNotes(workbook, prot)).toEqual([]);
    const nb = clone(workbook);
    const a4 = nb.cells.find((c) => answerExercise(c) === 4)!;
    a4.source = "let answer4: number | null = 7 / 15;";
    nb.cells.splice(3, 0, { cell_type: "code", source: "const scratch = 1;", metadata: {} });
    nb.cells.splice(3, 0, { cell_type: "code", source: "   ", metadata: {} });
    expect(workNotes(nb, prot)).toEqual(["answer 4 computed in code", "1 code cell added"]);
    // the teacher's own cells are not the student's
    const key = nb.cells.find((c) => cellTags(c).includes("teacher-only") && c.cell_type === "code")!;
    expect(workNotes(workbook, prot)).toEqual([]);
    expect(
      workNotes(
        workbook,
        prot.filter((p) => p.id !== key.id),
      ),
    ).toEqual(["1 code cell added"]);
    expect(
      workNotes(
        workbook,
        prot.filter((p) => p.id !== key.id),
        [codeFingerprint(cellSource(key))],
      ),
    ).toEqual([]);
  });
});

describe("answers written as plain values, and a lost parameters tag", () => {
  const cell = (source: string, tags: string[] = ["answer"]): Cell => ({
    cell_type: "code",
    source,
    metadata: { tags },
  });
  it("reads numbers, strings in either quotes and null; leaves computed answers out", () => {
    const nb: NotebookJson = {
      cells: [
        cell("let answer1: number | null = -8.1; // percent"),
        cell("let answer2 = 'dialogue partner';"),
        cell('let answer3 = "c"'),
        cell("let answer4: number | null = null;"),
        cell("let answer5 = rp.workbookExercises(nb)[4].expected;"),
        cell("let answer6 = +23;"),
        cell("let answer7 = 'it\\'s \"quoted\"';"),
      ],
    };
    expect([...literalAnswers(nb)]).toEqual([
      [1, -8.1],
      [2, "dialogue partner"],
      [3, "c"],
      [4, null],
      [6, 23],
      [7, `it's "quoted"`],
    ]);
  });
  it("tags the cell that declares focal when the parameters tag was lost; none without such a cell", () => {
    const nb: NotebookJson = { cells: [cell("const x = 1;", []), cell('let focal = "AZE";\nlet asOf = "";', [])] };
    const fixed = withParametersCell(nb)!;
    expect(cellTags(fixed.cells[1]!)).toEqual(["parameters"]);
    expect(withParametersCell(workbook)).toBe(workbook);
    expect(withParametersCell({ cells: [cell("const x = 1;", [])] })).toBeUndefined();
  });
});

describe("the handout's folder", () => {
  it("is new, empty or an earlier handout: never a folder of other files", () => {
    const base = mkdtempSync(join(tmpdir(), "caspian-out-"));
    expect(() => checkHandoutFolder(join(base, "new"))).not.toThrow();
    mkdirSync(join(base, "empty"));
    expect(() => checkHandoutFolder(join(base, "empty"))).not.toThrow();
    mkdirSync(join(base, "theirs"));
    writeFileSync(join(base, "theirs", "thesis.docx"), "x");
    expect(() => checkHandoutFolder(join(base, "theirs"))).toThrow(/holds other files \(thesis\.docx\)/);
    mkdirSync(join(base, "earlier", "teacher"), { recursive: true });
    mkdirSync(join(base, "earlier", "student"));
    writeFileSync(join(base, "earlier", "teacher", "key.json"), "{}");
    expect(() => checkHandoutFolder(join(base, "earlier"))).not.toThrow();
    writeFileSync(join(base, "earlier", "ayla.ipynb"), "{}");
    expect(() => checkHandoutFolder(join(base, "earlier"))).toThrow(/a handout and other files \(ayla\.ipynb\)/);
    writeFileSync(join(base, "file"), "x");
    expect(() => checkHandoutFolder(join(base, "file"))).toThrow(/is a file/);
  });
});

describe("answers read back from an executed submission", () => {
  const prot = protectedCells(workbook);
  const executed = clone(workbook);
  const check = (n: number) =>
    executed.cells.find((c) => cellTags(c).includes("check") && cellSource(c).includes(`answer${n}`))!;
  const output = (h: string) => [{ output_type: "display_data", data: { "text/html": h }, metadata: {} }];
  check(1).outputs = output(answerRecordHtml(1, -8.1).source);
  check(2).outputs = [{ output_type: "stream", name: "stderr", text: "1:34 - Cannot find name 'answer2'.\n" }];
  // a cell the student added prints a record of its own: ignored
  executed.cells.push({ cell_type: "code", source: "x", outputs: output(answerRecordHtml(3, "c").source) } as Cell);
  it("takes records only from the handout's self-checks, and says which self-checks left none", () => {
    const r = readAnswers(executed, prot);
    expect([...r.answers]).toEqual([[1, -8.1]]);
    expect(r.missing.get(2)).toBe("1:34 - Cannot find name 'answer2'.");
    expect(r.missing.has(3)).toBe(true);
    const grades = gradeAll(KEY, r.answers, r.missing);
    expect(grades.map((g) => g.correct)).toEqual([true, false, undefined]);
    expect(grades[1]!.feedback).toBe("The self-check did not run: 1:34 - Cannot find name 'answer2'.");
  });
});

describe("a folder of submissions", () => {
  it("finds notebooks, folders with one notebook, and answer files; a notebook wins over a JSON file", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-subs-"));
    for (const f of ["ayla.ipynb", "ayla.json", "bora.json", "grades.csv", ".hidden.ipynb", "notes.txt"])
      writeFileSync(join(dir, f), "{}");
    mkdirSync(join(dir, "cem"));
    writeFileSync(join(dir, "cem", "workbook.ipynb"), "{}");
    mkdirSync(join(dir, "dina"));
    writeFileSync(join(dir, "dina", "a.ipynb"), "{}");
    writeFileSync(join(dir, "dina", "b.ipynb"), "{}");
    mkdirSync(join(dir, "graded"));
    writeFileSync(join(dir, "graded", "x.ipynb"), "{}");
    const { submissions, ignored } = findSubmissions(dir);
    expect(submissions.map((s) => [s.student, s.kind])).toEqual([
      ["ayla", "notebook"],
      ["bora", "answers"],
      ["cem", "notebook"],
    ]);
    expect(ignored).toEqual(["ayla.json (ayla also handed in ayla.ipynb)", "dina/ (2 .ipynb files)"]);
  });
  it("reads answer files in both forms, and names the file and the key that is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-answers-"));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect([...readAnswerFile(file("a.json", '{"answers": {"1": -8.1, "answer2": "observer"}}'))]).toEqual([
      [1, -8.1],
      [2, "observer"],
    ]);
    expect([...readAnswerFile(file("b.json", '{"3": "b", "4": null}'))]).toEqual([
      [3, "b"],
      [4, null],
    ]);
    expect(() => readAnswerFile(file("c.json", '{"answers": {"first": 1}}'))).toThrow(
      /^c\.json: "first" is not an exercise/,
    );
    expect(() => readAnswerFile(file("d.json", "[1, 2]"))).toThrow(/^d\.json holds no answers object/);
    expect(() => readAnswerFile(file("e.json", "{oops"))).toThrow(/^e\.json is not valid JSON/);
  });
});

describe("grades.csv and the summary", () => {
  const key = { exercises: KEY } as unknown as HandoutKey;
  const results: SubmissionResult[] = [
    {
      student: "bora",
      file: "bora.ipynb",
      status: "changed",
      problem: "the self-check of exercise 2 of the handout (x) was changed, moved or deleted",
      grades: [],
      score: 0,
    },
    {
      student: "ayla",
      file: "ayla.ipynb",
      status: "graded",
      grades: gradeAll(
        KEY,
        new Map<number, number | string>([
          [1, -8.0],
          [2, "member"],
        ]),
      ),
      score: 1,
    },
  ];
  const rows = Papa.parse<string[]>(gradesCsv(key, results).trim()).data;
  it("has one row per student and exercise and a total row, students in order", () => {
    expect(rows[0]).toEqual(["student", "exercise", "answer", "expected", "correct", "feedback"]);
    expect(rows.slice(1).map((r) => `${r[0]} ${r[1]} ${r[4]}`)).toEqual([
      "ayla 1 yes",
      "ayla 2 no",
      "ayla 3 not set",
      "ayla total 1",
      "bora 1 not scored",
      "bora 2 not scored",
      "bora 3 not scored",
      "bora total not scored",
    ]);
    expect(rows[1]).toEqual(["ayla", "1", "-8", "−8.1 %", "yes", "−8 % is within 0.5 % of the computed -8.14 %."]);
    expect(rows[4]).toEqual(["ayla", "total", "", "2", "1", "1 of 2 right"]);
    expect(rows[8]![5]).toMatch(/^the self-check of exercise 2/);
  });
  it("keeps a student's text from running as a spreadsheet formula, and numbers as numbers", () => {
    const evil: SubmissionResult = {
      student: "=cmd|' /C calc'!A0",
      file: "x.ipynb",
      status: "graded",
      grades: gradeAll(
        KEY,
        new Map<number, number | string>([
          [1, -8.1],
          [2, '=HYPERLINK("http://x")'],
        ]),
      ),
      score: 1,
    };
    const parsed = Papa.parse<string[]>(gradesCsv(key, [evil]).trim()).data.slice(1);
    expect(parsed[0]![0]).toBe("'=cmd|' /C calc'!A0");
    expect(parsed[0]![2]).toBe("-8.1"); // a negative number stays a number
    expect(parsed[1]![2]).toBe('\'=HYPERLINK("http://x")');
    for (const row of parsed) for (const f of row) expect(f).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = { ...evil, student: text, grades: gradeAll(KEY, new Map([[2, text]])) };
        for (const row of Papa.parse<string[]>(gradesCsv(key, [r]).trim()).data.slice(1))
          for (const f of row) expect(f).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
      }),
    );
  });
  it("scores.csv: one row per student, the score or why there is none", () => {
    expect(scoresCsv(key, results).trim().split("\r\n")).toEqual([
      "student,score,out_of,status,note",
      "ayla,1,2,graded,",
      'bora,,2,not scored (changed),"the self-check of exercise 2 of the handout (x) was changed, moved or deleted"',
    ]);
  });
  it("prints a mark per exercise and the score, or why a submission is not scored", () => {
    expect(summaryTable(key, results).split("\n").slice(0, 3)).toEqual([
      "student  1 2 3   score",
      "ayla     ✓ ✗ –   1/2",
      "bora     not scored: the self-check of exercise 2 of the handout (x) was changed, moved or deleted",
    ]);
  });
});
