/**
 * The record of an answer a self-check leaves, invisible, in its output, so that a grader can read back from an
 * executed notebook the answer a submission gave (`npm run grade`).
 * @module
 */
import { html, type SafeHtml } from "../display/safe-text";

/**
 * An answer as a record holds it: JSON-safe, at most 200 characters of text.
 * @category Teaching
 */
export type AnswerValue = number | string | boolean | null;

/**
 * A value as an answer record holds it: `null` for a missing answer, finite numbers and booleans as they are,
 * anything else as text (cut at 200 characters), so a record is always small, valid JSON.
 * @example answerValue(undefined) // => null
 * @example answerValue(-8.1) // => -8.1
 * @example answerValue(Number.NaN) // => "NaN"
 * @example answerValue({ a: 1 }) // => "[object Object]"
 * @category Teaching
 */
export function answerValue(given: unknown): AnswerValue {
  if (given === null || given === undefined) return null;
  if (typeof given === "boolean") return given;
  if (typeof given === "number" && Number.isFinite(given)) return given;
  let text: string;
  try {
    text = String(given);
  } catch {
    text = Object.prototype.toString.call(given);
  }
  return text.length > 200 ? text.slice(0, 200) : text;
}

/**
 * The HTML attribute that carries an answer record in a self-check's output.
 * @category Teaching
 */
export const ANSWER_ATTRIBUTE = "data-caspian-answer";

/**
 * An invisible element holding the answer a self-check saw (`{"exercise":1,"answer":-8.1}`), which a grader reads
 * back from the executed notebook with {@link readAnswerRecords}.
 * @example answerRecordHtml(1, -8.1).source // => '<span hidden data-caspian-answer="{&quot;exercise&quot;:1,&quot;answer&quot;:-8.1}"></span>'
 * @category Teaching
 */
export function answerRecordHtml(exercise: number, given: unknown): SafeHtml {
  const record = JSON.stringify({ exercise, answer: answerValue(given) });
  return html`<span hidden data-caspian-answer="${record}"></span>`;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

/**
 * The answer records in a piece of HTML (a self-check's output), by exercise; the last record of an exercise wins.
 * Records that are not valid JSON are skipped.
 * @example readAnswerRecords(answerRecordHtml(2, "observer").source).get(2) // => "observer"
 * @example readAnswerRecords("<p>no record</p>").size // => 0
 * @category Teaching
 */
export function readAnswerRecords(htmlText: string): Map<number, AnswerValue> {
  const out = new Map<number, AnswerValue>();
  for (const m of htmlText.matchAll(/data-caspian-answer="([^"]*)"/g)) {
    const json = m[1]!.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);
    try {
      const r = JSON.parse(json) as { exercise?: unknown; answer?: unknown };
      const a = r.answer;
      const valid = a === null || ["number", "string", "boolean"].includes(typeof a);
      if (Number.isInteger(r.exercise) && valid) out.set(r.exercise as number, a as AnswerValue);
    } catch {
      /* not a record */
    }
  }
  return out;
}
