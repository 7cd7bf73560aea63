/**
 * Self-checks for workbook exercises: compare a student's answer with the answer computed from the data, and say
 * whether it is right and why. An answer left at its placeholder (`null`, `undefined` or `""`) is "not answered
 * yet", never an error, so a workbook runs from top to bottom before anyone has written a line.
 * @module
 */
import { html, type SafeHtml } from "../display/safe-text";

/** The outcome of a check. */
export type CheckState = "unanswered" | "correct" | "close" | "wrong";

/** A checked answer: its state and a sentence on why. */
export interface CheckResult {
  readonly state: CheckState;
  /**
   * One sentence: what was expected, how the answer compares. Plain text. It does not repeat the state, which the
   * badge of {@link selfCheckHtml} names ("Correct", "Close", "Not yet", "Not answered yet").
   */
  readonly verdict: string;
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * A numeric answer against the expected value: `correct` within `tolerance` (absolute), `close` within twice that,
 * else `wrong`. Strings such as "62.2 %" or "0,53" are read as numbers.
 * @example checkNumber(62.1, 62.18, 0.5).state // => "correct"
 * @example checkNumber(62.1, 62.18, 0.5, "%").verdict // => "62.1 % is within 0.5 % of the computed 62.18 %."
 * @example checkNumber(null, 62.18, 0.5).state // => "unanswered"
 */
export function checkNumber(given: unknown, expected: number, tolerance: number, unit = ""): CheckResult {
  if (isBlank(given)) return { state: "unanswered", verdict: "No answer is given." };
  const n =
    typeof given === "number"
      ? given
      : Number(
          String(given)
            .replace(",", ".")
            .replace(/[^0-9.eE+-]/g, ""),
        );
  if (!Number.isFinite(n)) return { state: "wrong", verdict: `"${String(given)}" is not a number.` };
  const d = Math.abs(n - expected);
  const u = unit === "" ? "" : ` ${unit}`;
  if (d <= tolerance)
    return {
      state: "correct",
      verdict: `${n}${u} is within ${tolerance}${u} of the computed ${round(expected)}${u}.`,
    };
  if (d <= 2 * tolerance)
    return {
      state: "close",
      verdict: `${n}${u} is ${round(d)}${u} from the computed ${round(expected)}${u}; check your rounding or your base.`,
    };
  return { state: "wrong", verdict: `${n}${u} is ${round(d)}${u} away from the computed answer.` };
}

/**
 * A text answer (a status, a code, a letter) against the accepted forms, ignoring case, spaces, hyphens and
 * underscores ("Dialogue partner" = "dialogue_partner").
 * @example checkText("Dialogue partner", ["dialogue_partner"]).state // => "correct"
 */
export function checkText(given: unknown, accepted: readonly string[]): CheckResult {
  if (isBlank(given)) return { state: "unanswered", verdict: "No answer is given." };
  const norm = (s: string) => s.toLowerCase().replace(/[\s_\-().]+/g, "");
  const ok = accepted.some((a) => norm(a) === norm(String(given)));
  return ok
    ? { state: "correct", verdict: `"${String(given)}" is the answer the data give.` }
    : { state: "wrong", verdict: `"${String(given)}" is not the answer the data give.` };
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

/**
 * The HTML of a self-check: a coloured badge naming the state ("Exercise 1: Correct"), the verdict, then the worked
 * answer in a `<details>` element, open when `reveal` is true (or the answer is correct), folded otherwise so that a
 * student can try first. An unanswered check says once that it is not answered (in the badge), then where the
 * worked answer is, rather than the verdict. `worked` is built with the `html` template (data escaped); the verdict
 * is escaped.
 * @example selfCheckHtml(1, checkNumber(null, 5, 0.1), html`<p>5</p>`, false).source.split("Not answered yet").length // => 2
 */
export function selfCheckHtml(
  exercise: number | string,
  result: CheckResult,
  worked: SafeHtml,
  reveal: boolean,
): SafeHtml {
  const s = STYLE[result.state];
  const open = reveal || result.state === "correct";
  const badge = `display:inline-block;padding:2px 8px;border-radius:4px;font-weight:600;color:${s.color};background:${s.background}`;
  const summary = html`<summary style="cursor:pointer">Worked answer</summary>`;
  const text =
    result.state !== "unanswered"
      ? result.verdict
      : open
        ? "The worked answer is open below."
        : "Try it first, then open the worked answer below.";
  return html`<div style="border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:4px 0;font:14px/1.45 sans-serif"><span style="${badge}">Exercise ${String(exercise)}: ${s.label}</span> ${text}${
    open
      ? html`<details open style="margin-top:6px">${summary}${worked}</details>`
      : html`<details style="margin-top:6px">${summary}${worked}</details>`
  }</div>`;
}
