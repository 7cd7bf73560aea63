/**
 * Grading a workbook: the answer key as plain data (what `npm run handout` writes to key.json and the grader
 * compares with) and the grade of one answer (read back from a submission with ./answer-record). The key is
 * computed from the data at the handout's date ({@link workbookExercises}), never typed in.
 * @module
 */
import { answerValue } from "./answer-record";
import type { CheckState } from "./self-check";
import { checkAnswer, type Exercise } from "./workbook";

/**
 * One exercise of the key, as plain JSON.
 * @category Teaching
 */
export type KeyEntry =
  | {
      readonly exercise: number;
      readonly set: true;
      /** The key's question line ("Growth of whole-route cargo 2022–2023"). */
      readonly question: string;
      /** The key's answer line ("62.4 %"). */
      readonly answer: string;
      /** The computed answer: a number (checked within `tolerance`) or the first accepted text. */
      readonly expected: number | string;
      readonly accepted: readonly string[];
      readonly tolerance: number;
      readonly unit: string;
      /** What the teacher's copy writes in the answer cell. */
      readonly fill: number | string;
    }
  | { readonly exercise: number; readonly set: false; readonly reason: string };

/**
 * The key of a workbook's exercises, as plain data.
 * @example workbookKey([{ number: 6, set: false, reason: "No trade." }]) // => [{ exercise: 6, set: false, reason: "No trade." }]
 * @category Teaching
 */
export function workbookKey(exercises: readonly Exercise[]): KeyEntry[] {
  return exercises.map((e) =>
    e.set
      ? {
          exercise: e.number,
          set: true,
          question: e.key.question,
          answer: e.key.answer,
          expected: e.expected,
          accepted: e.accepted,
          tolerance: e.tolerance,
          unit: e.unit,
          fill: e.fill,
        }
      : { exercise: e.number, set: false, reason: e.reason },
  );
}

/**
 * The grade of one answer.
 * @category Teaching
 */
export interface Grade {
  readonly exercise: number;
  /** The answer given, as text ("" when none). */
  readonly answer: string;
  /**
   * The key's answer ("62.4 %", "dialogue partner"; a long one, as exercise 3's lettered explanation, by its fill:
   * "c"), or "not set" when the exercise is not set for the handout.
   */
  readonly expected: string;
  /** Right or not; `undefined` when the exercise is not set (it then counts for nobody). */
  readonly correct: boolean | undefined;
  readonly state: CheckState | "not set";
  /** For the teacher: the verdict with the computed answer. */
  readonly feedback: string;
}

/**
 * One answer graded against its key entry, with the self-checks' own rules (a number within the tolerance; a text
 * among the accepted forms, ignoring case, spaces and underscores). A missing answer is not correct.
 * @example gradeAnswer({ exercise: 1, set: true, question: "q", answer: "10.0 %", expected: 10, accepted: [], tolerance: 0.5, unit: "%", fill: 10 }, 10.3).correct // => true
 * @example gradeAnswer({ exercise: 1, set: true, question: "q", answer: "10.0 %", expected: 10, accepted: [], tolerance: 0.5, unit: "%", fill: 10 }, null).state // => "unanswered"
 * @category Teaching
 */
export function gradeAnswer(entry: KeyEntry, given: unknown): Grade {
  const answer = given === null || given === undefined ? "" : String(answerValue(given));
  if (!entry.set)
    return {
      exercise: entry.exercise,
      answer,
      expected: "not set",
      correct: undefined,
      state: "not set",
      feedback: `Not set for this handout: ${entry.reason}`,
    };
  // the self-checks' own rules, so a grade never disagrees with what the student's check said
  const result = checkAnswer(entry, given)!;
  return {
    exercise: entry.exercise,
    answer,
    expected: entry.answer.length > 40 ? String(entry.fill) : entry.answer,
    correct: result.state === "correct",
    state: result.state,
    // a leading minus written as "−" (U+2212): reads the same, and no spreadsheet takes it for a formula
    feedback: result.verdict.replace(/^-/, "−"),
  };
}
