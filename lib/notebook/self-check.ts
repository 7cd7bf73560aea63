/**
 * Self-checks for workbook exercises: compare a student's answer with the answer computed from the data, and say
 * whether it is right and why. An answer left at its placeholder (`null`, `undefined` or `""`) is "not answered
 * yet", never an error, so a workbook runs from top to bottom before anyone has written a line.
 * @module
 */
import { html, type SafeHtml } from "../display/safe-text";

/**
 * The outcome of a check.
 * @category Teaching
 */
export type CheckState = "unanswered" | "correct" | "close" | "wrong";

/**
 * A checked answer: its state and a sentence on why, for the teacher and for the student.
 * @category Teaching
 */
export interface CheckResult {
  readonly state: CheckState;
  /**
   * One sentence: what was expected, how the answer compares. Plain text. It does not repeat the state, which the
   * badge of {@link selfCheckHtml} names ("Correct", "Close", "Not yet", "Not answered yet").
   */
  readonly verdict: string;
  /**
   * The same for a student: says whether the answer agrees with the data without giving the expected value or how
   * far the answer is from it (so a "close" answer reads as "not yet", like a wrong one).
   */
  readonly student: string;
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * A numeric answer against the expected value: `correct` within `tolerance` (absolute), `close` within twice that,
 * else `wrong`. Strings such as "62.2 %" or "0,53" are read as numbers.
 * @example checkNumber(62.1, 62.18, 0.5).state // => "correct"
 * @example checkNumber(62.1, 62.18, 0.5, "%").verdict // => "62.1 % is within 0.5 % of the computed 62.18 %."
 * @example checkNumber(null, 62.18, 0.5).state // => "unanswered"
 * @category Teaching
 */
export function checkNumber(given: unknown, expected: number, tolerance: number, unit = ""): CheckResult {
  if (isBlank(given)) return { state: "unanswered", verdict: "No answer is given.", student: UNANSWERED };
  const n = typeof given === "number" ? given : readNumber(String(given));
  if (!Number.isFinite(n)) {
    const verdict = `"${String(given)}" is not a number.`;
    return { state: "wrong", verdict, student: verdict };
  }
  const d = Math.abs(n - expected);
  const u = unit === "" ? "" : ` ${unit}`;
  const student = `${n}${u} ${d <= tolerance ? AGREES : DISAGREES_NUMBER}`;
  if (d <= tolerance)
    return {
      state: "correct",
      verdict: `${n}${u} is within ${tolerance}${u} of the computed ${round(expected)}${u}.`,
      student,
    };
  if (d <= 2 * tolerance)
    return {
      state: "close",
      verdict: `${n}${u} is ${round(d)}${u} from the computed ${round(expected)}${u}; check your rounding or your base.`,
      student,
    };
  return { state: "wrong", verdict: `${n}${u} is ${round(d)}${u} away from the computed answer.`, student };
}

/**
 * A number written as text ("62.2 %", "0,53", "−8.1", "1e3"); NaN when the text holds no number ("?", "n/a",
 * "I don't know", "NaN") or more than one.
 * @example readNumber("62.2 %") // => 62.2
 * @example readNumber("−8,1") // => -8.1
 * @example Number.isNaN(readNumber("n/a")) // => true
 * @category Teaching
 */
export function readNumber(text: string): number {
  const t = text
    .trim()
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/\s*%$/, "")
    .replace(/^\+/, "");
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(t)) return Number.NaN;
  return Number(t.replace(",", "."));
}

const UNANSWERED = "Write your answer in the cell above, then run both cells.";
const AGREES = "agrees with the answer computed from the data.";
const DISAGREES_NUMBER =
  "is not the answer computed from the data. Check the figures you used, the formula and the rounding the question asks for.";
const DISAGREES_TEXT =
  "is not the answer the data give. Read the rows again against the question (dates, scope, status).";

/**
 * A text answer (a status, a code, a letter) against the accepted forms, ignoring case, spaces, hyphens and
 * underscores ("Dialogue partner" = "dialogue_partner").
 * @example checkText("Dialogue partner", ["dialogue_partner"]).state // => "correct"
 * @category Teaching
 */
export function checkText(given: unknown, accepted: readonly string[]): CheckResult {
  if (isBlank(given)) return { state: "unanswered", verdict: "No answer is given.", student: UNANSWERED };
  const norm = (s: string) => s.toLowerCase().replace(/[\s_\-().]+/g, "");
  const ok = accepted.some((a) => norm(a) === norm(String(given)));
  const quoted = `"${String(given)}"`;
  return ok
    ? { state: "correct", verdict: `${quoted} is the answer the data give.`, student: `${quoted} ${AGREES}` }
    : { state: "wrong", verdict: `${quoted} is not the answer the data give.`, student: `${quoted} ${DISAGREES_TEXT}` };
}

function round(x: number): string {
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 1 ? 2 : 3;
  return String(Number(x.toFixed(digits)));
}

const STYLE: Readonly<Record<CheckState, { label: string; color: string; background: string }>> = {
  unanswered: { label: "Not answered yet", color: "#444444", background: "#EEEEEE" },
  correct: { label: "Correct", color: "#0B5D1E", background: "#DDF2E3" },
  close: { label: "Close", color: "#7A4B00", background: "#FFF1CC" },
  wrong: { label: "Not yet", color: "#8A1C1C", background: "#FBE3E3" },
};

/** A student sees two answered states only: right, or not yet (a "close" answer would narrow the answer down). */
const STUDENT_STATE: Readonly<Record<CheckState, CheckState>> = {
  unanswered: "unanswered",
  correct: "correct",
  close: "wrong",
  wrong: "wrong",
};

const BOX = "border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:4px 0;font:14px/1.45 sans-serif";

/**
 * The HTML of a self-check. For the teacher (`reveal` true): a coloured badge naming the state ("Exercise 1:
 * Correct", "Close", "Not yet", "Not answered yet"), the verdict with the computed answer, then the worked answer,
 * open. For a student (`reveal` false): the badge says "Right", "Not yet" or "Not answered yet" and the sentence says
 * whether the answer agrees with the data, never the computed answer, how far off an answer is, or the worked
 * answer (`worked` is then left out of the page altogether). `worked` is built with the `html` template (data
 * escaped); the verdicts are escaped.
 * @example selfCheckHtml(1, checkNumber(4, 5, 0.1), html`<p>worked</p>`, false).source.includes("worked") // => false
 * @example selfCheckHtml(1, checkNumber(null, 5, 0.1), html`<p>5</p>`, true).source.split("Not answered yet").length // => 2
 * @category Teaching
 */
export function selfCheckHtml(
  exercise: number | string,
  result: CheckResult,
  worked: SafeHtml,
  reveal: boolean,
): SafeHtml {
  const state = reveal ? result.state : STUDENT_STATE[result.state];
  const s = STYLE[state];
  const label = !reveal && state === "correct" ? "Right" : s.label;
  const badge = `display:inline-block;padding:2px 8px;border-radius:4px;font-weight:600;color:${s.color};background:${s.background}`;
  const head = html`<span style="${badge}">Exercise ${String(exercise)}: ${label}</span>`;
  if (!reveal) return html`<div style="${BOX}">${head} ${result.student}</div>`;
  const text = result.state !== "unanswered" ? result.verdict : "The worked answer is below.";
  return html`<div style="${BOX}">${head} ${text}<details open style="margin-top:6px"><summary style="cursor:pointer">Worked answer</summary>${worked}</details></div>`;
}
