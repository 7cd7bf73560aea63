// What `npm run handout` and `npm run grade` share: the workbook's cells by role, the handout's key file, and the
// answers read back from an executed submission.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../lib/core/hash";
import { type AnswerValue, readAnswerRecords } from "../lib/notebook/answer-record";
import type { KeyEntry } from "../lib/notebook/grading";

/** The workbook the handout is made from. */
export const WORKBOOK = "06-seminar-workbook";

/** Tags of the workbook's cells: the cell a student edits, its self-check, and what the student's copy leaves out. */
export const TAGS = {
  answer: "answer",
  check: "check",
  teacherOnly: "teacher-only",
  parameters: "parameters",
  /** The workbook's setup cell: the student's copy keeps it only up to where the exercises are computed. */
  setup: "setup",
  /** A cell that shows an exercise's question: the student's copy writes the question out as Markdown instead. */
  question: "question",
  /** A chart beside a question, drawn from the data: the student's copy keeps it when the exercise is set. */
  questionFigure: "question-figure",
} as const;

/** A cell of a notebook as read from JSON. */
export interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[]; [key: string]: unknown };
  id?: string;
  outputs?: unknown[];
  execution_count?: number | null;
}

/** A notebook as read from JSON. */
export interface NotebookJson {
  cells: Cell[];
  metadata?: Record<string, unknown>;
  nbformat?: number;
  nbformat_minor?: number;
}

/** The text of a cell's source (a string or a list of lines). */
export function cellSource(cell: Pick<Cell, "source">): string {
  return Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
}

/** The tags of a cell. */
export function cellTags(cell: Cell): readonly string[] {
  const tags: unknown = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.map(String) : [];
}

/**
 * The exercise an answer cell answers: tagged `answer` and declaring `let answerN`, or (a copy whose editor lost the
 * tags) any code cell that starts by declaring `let answerN`. `undefined` for other cells.
 * @example answerExercise({ cell_type: "code", metadata: {}, source: "let answer3 = \"b\";" }) // => 3
 */
export function answerExercise(cell: Cell): number | undefined {
  if (cell.cell_type !== "code") return undefined;
  const src = cellSource(cell);
  const tagged = cellTags(cell).includes(TAGS.answer);
  const m = (tagged ? /\blet\s+answer(\d+)\b/ : /^\s*(?:\/\/[^\n]*\n\s*)*let\s+answer(\d+)\b/).exec(src);
  return m ? Number(m[1]) : undefined;
}

/**
 * The fingerprint of a cell's code: sha256 of its source with trailing spaces and blank lines at the end removed
 * (an editor that adds a final newline does not change a cell).
 */
export function codeFingerprint(source: string): string {
  return sha256(
    source
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+$/, ""))
      .join("\n")
      .replace(/\n+$/, ""),
  );
}

/**
 * The first non-blank line of a cell, trimmed and cut at 60 characters, for messages.
 * @example firstLine("\n  let answer2 = \"\"; while (true) {}\n") // => 'let answer2 = ""; while (true) {}'
 */
export function firstLine(source: string): string {
  const line =
    source
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** A cell of the student's copy that a submission must keep as it is. */
export interface ProtectedCell {
  /** Its position among the student copy's code cells (1-based), for messages. */
  readonly cell: number;
  readonly id: string;
  readonly fingerprint: string;
  /** Its first line, for messages. */
  readonly firstLine: string;
  /** The exercise whose self-check it is (cells tagged `check`). */
  readonly checks?: number;
  /** Other fingerprints the cell may have: the teacher's copy of the same cell. */
  readonly alternatives?: readonly string[];
}

/**
 * The code cells of a student's copy that a submission must keep: every code cell but the parameters cell (the
 * grader sets the parameters itself) and the answer cells.
 */
export function protectedCells(nb: NotebookJson): ProtectedCell[] {
  const code = nb.cells.filter((c) => c.cell_type === "code");
  return code.flatMap((c, i) => {
    if (cellTags(c).includes(TAGS.parameters) || answerExercise(c) !== undefined) return [];
    const src = cellSource(c);
    const checks = cellTags(c).includes(TAGS.check) ? /\banswer(\d+)\b/.exec(src)?.[1] : undefined;
    return [
      {
        cell: i + 1,
        id: typeof c.id === "string" ? c.id : "",
        fingerprint: codeFingerprint(src),
        firstLine: src.split("\n").find((l) => l.trim() !== "") ?? "",
        ...(checks === undefined ? {} : { checks: Number(checks) }),
      },
    ];
  });
}

const LITERAL =
  /^\s*let\s+answer(\d+)\s*(?::[^=]+)?=\s*(null|[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*;?\s*$/;

/** The value an answer cell writes as a plain literal, comments aside, with the exercise it names; else undefined. */
function literalValue(source: string): { readonly exercise: number; readonly value: AnswerValue } | undefined {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  const m = LITERAL.exec(code);
  if (m === null) return undefined;
  const raw = m[2]!;
  const value: AnswerValue = raw.startsWith("'")
    ? (JSON.parse(`"${raw.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string)
    : (JSON.parse(raw.replace(/^\+/, "")) as AnswerValue);
  return { exercise: Number(m[1]), value };
}

/**
 * Whether an answer cell gives its answer as a plain value (`let answer1 = -8.1;`, a number, a string or `null`,
 * comments aside) rather than computing it.
 * @example answerIsLiteral("let answer1: number | null = -8.1; // percent") // => true
 * @example answerIsLiteral("let answer1 = rp.workbookExercises(nb)[0].expected;") // => false
 */
export function answerIsLiteral(source: string): boolean {
  return literalValue(source) !== undefined;
}

/**
 * The answers a submission writes as plain values in its answer cells, by exercise (answers computed in code are
 * not here).
 * @example literalAnswers({ cells: [{ cell_type: "code", source: "let answer2 = 'observer'; // status", metadata: { tags: ["answer"] } }] }).get(2) // => "observer"
 */
export function literalAnswers(nb: NotebookJson): Map<number, AnswerValue> {
  const out = new Map<number, AnswerValue>();
  for (const c of nb.cells) {
    const n = answerExercise(c);
    const literal = n === undefined ? undefined : literalValue(cellSource(c));
    if (literal !== undefined && literal.exercise === n) out.set(n, literal.value);
  }
  return out;
}

/**
 * The submission with its parameters cell tagged, so the grader can set the handout's parameters: when the tag was
 * lost, the first code cell that declares `let focal` gets it back; `undefined` when there is no such cell.
 */
export function withParametersCell(nb: NotebookJson): NotebookJson | undefined {
  if (nb.cells.some((c) => c.cell_type === "code" && cellTags(c).includes(TAGS.parameters))) return nb;
  const i = nb.cells.findIndex((c) => c.cell_type === "code" && /\blet\s+focal\b/.test(cellSource(c)));
  if (i < 0) return undefined;
  const cells = [...nb.cells];
  const c = cells[i]!;
  cells[i] = { ...c, metadata: { ...(c.metadata ?? {}), tags: [...cellTags(c), TAGS.parameters] } };
  return { ...nb, cells };
}

/**
 * What a teacher may want to look at in a submission beside its answers: answers computed in code, and code cells
 * the student added (either may read files or compute the answer with the library); the cells of the teacher's copy
 * (`teacherCells`, fingerprints) are not the student's. Empty for a plain submission.
 */
export function workNotes(
  nb: NotebookJson,
  expected: readonly ProtectedCell[],
  teacherCells: readonly string[] = [],
): string[] {
  const prints = new Set([...expected.flatMap((p) => [p.fingerprint, ...(p.alternatives ?? [])]), ...teacherCells]);
  const code = nb.cells.filter((c) => c.cell_type === "code");
  const computed = code.flatMap((c) => {
    const n = answerExercise(c);
    return n !== undefined && !answerIsLiteral(cellSource(c)) ? [n] : [];
  });
  const added = code.filter(
    (c) =>
      answerExercise(c) === undefined &&
      !cellTags(c).includes(TAGS.parameters) &&
      !prints.has(codeFingerprint(cellSource(c))) &&
      cellSource(c).trim() !== "",
  ).length;
  return [
    ...(computed.length > 0
      ? [`${computed.length === 1 ? "answer" : "answers"} ${computed.join(", ")} computed in code`]
      : []),
    ...(added > 0 ? [`${added} code ${added === 1 ? "cell" : "cells"} added`] : []),
  ];
}

/** What `npm run handout` writes to teacher/key.json: everything the grader needs, computed from the data. */
export interface HandoutKey {
  readonly keyVersion: 1;
  readonly notebook: string;
  /** The parameters of the handout, as the grader injects them: the focal state and the as-of date (ISO). */
  readonly parameters: { readonly focal: string; readonly asOf: string };
  /** The focal state's name and the as-of date in words, for the teacher's messages. */
  readonly title: string;
  /** sha256 of the data files the key was computed from (the copy in student/data). */
  readonly dataSha256: string;
  readonly exercises: readonly KeyEntry[];
  readonly protected: readonly ProtectedCell[];
  /** Fingerprints of the code cells only the teacher's copy has (its answer key), so they are not noted as added. */
  readonly teacherCells?: readonly string[];
}

/** Reads a handout's key file, or throws a sentence saying what is wrong. */
export function readHandoutKey(handoutDir: string): HandoutKey {
  const file = join(handoutDir, "teacher", "key.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file} is missing: make the handout first (npm run handout)`);
  }
  const key = JSON.parse(text) as HandoutKey;
  if (key.keyVersion !== 1 || !Array.isArray(key.exercises) || !Array.isArray(key.protected)) {
    throw new Error(`${file} is not a handout key of this version: make the handout again (npm run handout)`);
  }
  return key;
}

/** How a submission's code cells line up with the handout's. */
export type Structure =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: string; readonly cell: ProtectedCell };

/**
 * Whether a submission keeps every protected cell of the handout, unchanged and in order (cells a student adds, and
 * the answer cells, may sit anywhere). Otherwise names the first protected cell that is changed, moved or deleted.
 */
export function checkStructure(nb: NotebookJson, expected: readonly ProtectedCell[]): Structure {
  const prints = nb.cells.filter((c) => c.cell_type === "code").map((c) => codeFingerprint(cellSource(c)));
  let at = 0;
  for (const cell of expected) {
    const accepted = [cell.fingerprint, ...(cell.alternatives ?? [])];
    const found = prints.findIndex((p, i) => i >= at && accepted.includes(p));
    if (found < 0) {
      const where = cell.checks !== undefined ? `the self-check of exercise ${cell.checks}` : `code cell ${cell.cell}`;
      return {
        ok: false,
        problem: `${where} of the handout (${firstLine(cell.firstLine)}) was changed, moved or deleted`,
        cell,
      };
    }
    at = found + 1;
  }
  return { ok: true };
}

/** A notebook text field (a string, or a list of lines) as one string; "" for anything else. */
const joined = (v: unknown): string => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/** The outputs of a cell as text: its HTML and plain-text outputs. */
function outputText(cell: Cell): string {
  const outputs = cell.outputs;
  if (!Array.isArray(outputs)) return "";
  return (outputs as { data?: Record<string, unknown>; text?: unknown }[])
    .map((o) => joined(o.data?.["text/html"]) + joined(o.text))
    .join("");
}

/** What an executed submission's self-checks recorded, and the self-checks that left no record. */
export interface ReadAnswers {
  readonly answers: Map<number, AnswerValue>;
  /** Exercises whose self-check left no record (it failed, or did not run), with the cell's error text if any. */
  readonly missing: Map<number, string>;
}

/**
 * The answers an executed submission gave, read only from the outputs of the handout's own self-check cells (a
 * record printed by any other cell is ignored).
 */
export function readAnswers(executed: NotebookJson, expected: readonly ProtectedCell[]): ReadAnswers {
  // the handout's self-check or the teacher's copy of it (the teacher's copy is a valid submission)
  const checks = new Map(
    expected.flatMap((p) =>
      p.checks === undefined ? [] : [p.fingerprint, ...(p.alternatives ?? [])].map((f) => [f, p.checks!] as const),
    ),
  );
  const answers = new Map<number, AnswerValue>();
  const missing = new Map<number, string>();
  for (const cell of executed.cells) {
    if (cell.cell_type !== "code") continue;
    const exercise = checks.get(codeFingerprint(cellSource(cell)));
    if (exercise === undefined || answers.has(exercise)) continue;
    const records = readAnswerRecords(outputText(cell));
    if (records.has(exercise)) answers.set(exercise, records.get(exercise) ?? null);
    else missing.set(exercise, errorLine(cell));
  }
  for (const p of expected) {
    if (p.checks !== undefined && !answers.has(p.checks) && !missing.has(p.checks)) missing.set(p.checks, "");
  }
  for (const n of answers.keys()) missing.delete(n);
  // a self-check usually fails because its answer cell did: say so, with the answer cell's own error
  for (const cell of executed.cells) {
    const n = answerExercise(cell);
    const line = n !== undefined && missing.has(n) ? errorLine(cell) : "";
    if (line !== "") missing.set(n!, `the answer cell failed: ${line}`);
  }
  return { answers, missing };
}

/**
 * The first code cell of an executed notebook that failed, as "code cell N: <first line of its error>", or "".
 */
export function firstError(executed: NotebookJson): string {
  const code = executed.cells.filter((c) => c.cell_type === "code");
  for (const [i, cell] of code.entries()) {
    const line = errorLine(cell);
    if (line !== "") return `code cell ${i + 1}: ${line}`;
  }
  return "";
}

/** The first line of a failed cell's error (tslab writes errors to stderr), or "". */
function errorLine(cell: Cell): string {
  const outputs = cell.outputs;
  if (!Array.isArray(outputs)) return "";
  for (const o of outputs as { output_type?: string; name?: string; text?: unknown; evalue?: unknown }[]) {
    const t = o.output_type === "error" ? joined(o.evalue) : o.name === "stderr" ? joined(o.text) : "";
    // a thrown error's useful line is the one naming it (tslab prints the source line and a caret first)
    const lines = t.split("\n").filter((l) => l.trim() !== "");
    const line = lines.find((l) => /^([A-Za-z_$][\w$]*)?(Error|Exception)\b/.test(l.trim())) ?? lines[0];
    if (line) return line.trim().slice(0, 200);
  }
  return "";
}
