/**
 * Self-checks for workbook exercises: compare a student's answer with the answer computed from the data, and say
 * whether it is right and why. An answer left at its placeholder (`null`, `undefined` or `""`) is "not answered
 * yet", never an error, so a workbook runs from top to bottom before anyone has written a line.
 * @module
 */
import { sha256 } from "../core/hash";
import { html, type SafeHtml } from "../display/safe-text";
import { answerRecordHtml } from "./answer-record";

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

// ── Sealed self-checks (the student's copy of a handout) ─────────────────────────────────────────────────────────

/**
 * A sealed answer key for one exercise, as a handout's student copy embeds it: salted SHA-256 hashes of the
 * accepted answers, never the answers. A text answer is sealed in its normalised form (case, spaces, hyphens,
 * underscores, brackets and dots ignored, as {@link checkText} does); a number by the grid buckets of width `step`
 * that cover the expected value ± the tolerance (the student's answer is right when its bucket is among them).
 * @category Teaching
 */
export type Seal =
  | { readonly kind: "text"; readonly salt: string; readonly hashes: readonly string[] }
  | {
      readonly kind: "number";
      readonly salt: string;
      /** Width of a bucket: a tenth of the tolerance. */
      readonly step: number;
      /** The unit the student's sentence names ("%" or ""). */
      readonly unit: string;
      readonly hashes: readonly string[];
    };

/**
 * What sealing an answer needs: the expected answer and the checking rules (an exercise or its key line).
 * @category Teaching
 */
export interface SealInput {
  readonly expected: number | string;
  readonly accepted: readonly string[];
  readonly tolerance: number;
  readonly unit: string;
}

const normText = (s: string) => s.toLowerCase().replace(/[\s_\-().]+/g, "");
const sealHash = (salt: string, text: string) => sha256(`${salt}:${text}`);
/** The grid bucket of a number (nudged so that 0.4 / 0.001 lands in bucket 400, not 399). */
const bucketOf = (n: number, step: number) => Math.floor(n / step + 1e-9);

/**
 * Seals an exercise's answer with a salt (a random hex string per handout): the hashes a sealed self-check
 * compares a student's answer with. The seal holds no answer: text is hashed, and a number is hashed by the
 * buckets (a tenth of the tolerance wide) covering the expected value ± the tolerance, listed in sorted hash order.
 * @example sealAnswer({ expected: "observer", accepted: ["observer"], tolerance: 0, unit: "" }, "s1").hashes.length // => 1
 * @example sealAnswer({ expected: 10, accepted: [], tolerance: 0.5, unit: "%" }, "s1").hashes.length // => 21
 * @example JSON.stringify(sealAnswer({ expected: "observer", accepted: ["observer"], tolerance: 0, unit: "" }, "s1")).includes("observer") // => false
 * @category Teaching
 */
export function sealAnswer(input: SealInput, salt: string): Seal {
  if (typeof input.expected === "string" || input.tolerance <= 0 || typeof input.expected !== "number") {
    const forms = input.accepted.length > 0 ? input.accepted : [String(input.expected)];
    const hashes = [...new Set(forms.map((a) => sealHash(salt, normText(a))))].sort();
    return { kind: "text", salt, hashes };
  }
  const step = Number((input.tolerance / 10).toPrecision(6));
  const lo = bucketOf(input.expected - input.tolerance, step);
  const hi = bucketOf(input.expected + input.tolerance, step);
  const hashes: string[] = [];
  for (let k = lo; k <= hi; k += 1) hashes.push(sealHash(salt, String(k)));
  return { kind: "number", salt, step, unit: input.unit, hashes: hashes.sort() };
}

/**
 * A student's answer checked against a sealed key ({@link sealAnswer}): "correct" or "wrong" (a sealed check cannot
 * tell "close"), or "unanswered". The sentences are the student's sentences of {@link checkNumber} and
 * {@link checkText}; the verdict is the same (it never holds the expected answer, which the seal does not know).
 * A number is right when its bucket is sealed, so an answer up to a tenth of the tolerance beyond it may read as
 * right here; the grader, which has the key, decides.
 * @example checkSealed("Observer", sealAnswer({ expected: "observer", accepted: ["observer"], tolerance: 0, unit: "" }, "s")).state // => "correct"
 * @example checkSealed(10.3, sealAnswer({ expected: 10, accepted: [], tolerance: 0.5, unit: "%" }, "s")).state // => "correct"
 * @example checkSealed("11 %", sealAnswer({ expected: 10, accepted: [], tolerance: 0.5, unit: "%" }, "s")).state // => "wrong"
 * @example checkSealed(null, sealAnswer({ expected: 10, accepted: [], tolerance: 0.5, unit: "%" }, "s")).state // => "unanswered"
 * @category Teaching
 */
export function checkSealed(given: unknown, seal: Seal): CheckResult {
  if (isBlank(given)) return { state: "unanswered", verdict: "No answer is given.", student: UNANSWERED };
  const sealed = new Set(seal.hashes);
  if (seal.kind === "text") {
    const quoted = `"${String(given)}"`;
    const ok = sealed.has(sealHash(seal.salt, normText(String(given))));
    const student = `${quoted} ${ok ? AGREES : DISAGREES_TEXT}`;
    return { state: ok ? "correct" : "wrong", verdict: student, student };
  }
  const n = typeof given === "number" ? given : readNumber(String(given));
  if (!Number.isFinite(n)) {
    const verdict = `"${String(given)}" is not a number.`;
    return { state: "wrong", verdict, student: verdict };
  }
  // the bucket with and without the nudge, so a value on a bucket's edge is not lost to rounding
  const buckets = new Set([bucketOf(n, seal.step), Math.floor(n / seal.step - 1e-9)]);
  const ok = [...buckets].some((k) => sealed.has(sealHash(seal.salt, String(k))));
  const u = seal.unit === "" ? "" : ` ${seal.unit}`;
  const student = `${n}${u} ${ok ? AGREES : DISAGREES_NUMBER}`;
  return { state: ok ? "correct" : "wrong", verdict: student, student };
}

/**
 * The grey box of an exercise not set for this run (the question above it says why).
 * @example notSetHtml(3).source.includes("Exercise 3: not set for this run") // => true
 * @category Teaching
 */
export function notSetHtml(exercise: number | string): SafeHtml {
  return html`<div style="${BOX}"><span style="display:inline-block;padding:2px 8px;border-radius:4px;font-weight:600;color:#444444;background:#EEEEEE">Exercise ${String(exercise)}: not set for this run</span> Nothing to check: the question above says why.</div>`;
}

/**
 * The self-check of a handout's student copy: the student's answer against the sealed key ({@link sealAnswer}),
 * shown as the same box as a student's {@link selfCheckHtml} ("Right", "Not yet", "Not answered yet"), or the
 * grey "not set for this run" box when `seal` is `null`; either way followed by the invisible record of the answer
 * it saw ({@link answerRecordHtml}), which `npm run grade` reads back. It holds no answer and no worked solution.
 * @example sealedCheckHtml(2, "observer", sealAnswer({ expected: "observer", accepted: ["observer"], tolerance: 0, unit: "" }, "s")).source.includes("Exercise 2: Right") // => true
 * @example sealedCheckHtml(3, "b", null).source.includes("not set for this run") // => true
 * @category Teaching
 */
export function sealedCheckHtml(exercise: number, given: unknown, seal: Seal | null): SafeHtml {
  const record = answerRecordHtml(exercise, given);
  if (seal === null) return html`${notSetHtml(exercise)}${record}`;
  return html`${selfCheckHtml(exercise, checkSealed(given, seal), html``, false)}${record}`;
}
