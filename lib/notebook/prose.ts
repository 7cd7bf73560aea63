/**
 * Prose for notebooks: counts, lists and comparisons that read correctly for 0, 1, 2 and many items, and never
 * compare a value with itself. Every function returns plain text; put it into Markdown with `md` (escaped).
 * @module
 */
import { countWord, formatNumber, listText } from "../core/format";

/**
 * A count with its noun, in words up to twelve: "no funds", "one fund", "two funds", "28 funds".
 * @example countText(0, "fund") // => "no funds"
 * @example countText(1, "fund") // => "one fund"
 * @example countText(28, "joint company", "joint companies") // => "28 joint companies"
 * @category Prose
 */
export function countText(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${countWord(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Options of {@link listPhrase}.
 * @category Prose
 */
export interface ListPhraseOptions {
  /** Text for an empty list (default "none"). */
  readonly empty?: string;
  /** Items named before "and N more" (default: all). */
  readonly max?: number;
  /** The last joining word (default "and"). */
  readonly conjunction?: "and" | "or";
}

/**
 * A list in prose that holds for any length: "none", "a", "a and b", "a, b and c", "a, b and 3 more".
 * @example listPhrase([]) // => "none"
 * @example listPhrase(["Kazakhstan"]) // => "Kazakhstan"
 * @example listPhrase(["a", "b", "c", "d", "e"], { max: 2 }) // => "a, b and 3 more"
 * @example listPhrase(["a", "b"], { conjunction: "or" }) // => "a or b"
 * @category Prose
 */
export function listPhrase(items: readonly string[], options: ListPhraseOptions = {}): string {
  const shown =
    options.max !== undefined && items.length > options.max ? items.slice(0, Math.max(1, options.max)) : items;
  const rest = items.length - shown.length;
  const parts = rest > 0 ? [...shown, `${formatNumber(rest)} more`] : shown;
  return listText(parts, options.empty ?? "none", options.conjunction ?? "and");
}

/**
 * A value at a time (or any label): one end of a {@link changePhrase}.
 * @category Prose
 */
export interface Dated<V> {
  /** The value. */
  readonly value: V;
  /** When (or where) it holds: "2015", "31 December 2020". */
  readonly at: string;
}

/**
 * Options of {@link changePhrase}.
 * @category Prose
 */
export interface ChangePhraseOptions<V> {
  /** How a value is written (default: a number with thousands separators). */
  readonly format?: (value: V) => string;
  /** Verbs for a rise and a fall (default "rose", "fell"). */
  readonly verbs?: readonly [rise: string, fall: string];
}

/**
 * How a value changed between two dates, in a clause that starts with a verb, and never compares a value with itself:
 * "rose from 6 in 2015 to 8 in 2020", "stayed at 6 from 2015 to 2020", "was 6 in 2020" (one date: no comparison).
 * @example changePhrase({ value: 6, at: "2015" }, { value: 8, at: "2020" }) // => "rose from 6 in 2015 to 8 in 2020"
 * @example changePhrase({ value: 6, at: "2015" }, { value: 6, at: "2020" }) // => "stayed at 6 from 2015 to 2020"
 * @example changePhrase({ value: 6, at: "2020" }, { value: 6, at: "2020" }) // => "was 6 in 2020"
 * @example changePhrase({ value: 0.9, at: "2012" }, { value: 0.75, at: "2024" }, { format: (v) => v.toFixed(2) }) // => "fell from 0.90 in 2012 to 0.75 in 2024"
 * @category Prose
 */
export function changePhrase(
  from: Dated<number>,
  to: Dated<number>,
  options: ChangePhraseOptions<number> = {},
): string {
  const f = options.format ?? ((v: number) => formatNumber(v, Number.isInteger(v) ? 0 : 2));
  const [rise, fall] = options.verbs ?? ["rose", "fell"];
  if (from.at === to.at) return `was ${f(to.value)} in ${to.at}`;
  if (f(from.value) === f(to.value)) return `stayed at ${f(to.value)} from ${from.at} to ${to.at}`;
  return `${to.value > from.value ? rise : fall} from ${f(from.value)} in ${from.at} to ${f(to.value)} in ${to.at}`;
}

/**
 * A value set against others ("the highest of 12", "=2nd… " is for ranks): how `value` compares with `other`, in a
 * phrase that names the other and never compares a thing with itself (same key: `undefined`).
 * @example comparePhrase({ key: "AZE", value: 0.75 }, { key: "KAZ", value: 0.6 }, "Kazakhstan", (v) => v.toFixed(2)) // => "above Kazakhstan's 0.60"
 * @example comparePhrase({ key: "AZE", value: 0.6 }, { key: "KAZ", value: 0.6 }, "Kazakhstan", (v) => v.toFixed(2)) // => "level with Kazakhstan's 0.60"
 * @example comparePhrase({ key: "AZE", value: 1 }, { key: "AZE", value: 1 }, "Azerbaijan") // => undefined
 * @category Prose
 */
export function comparePhrase(
  value: { readonly key: string; readonly value: number },
  other: { readonly key: string; readonly value: number },
  otherName: string,
  format: (v: number) => string = (v) => formatNumber(v, Number.isInteger(v) ? 0 : 2),
): string | undefined {
  if (value.key === other.key) return undefined;
  const poss = otherName.endsWith("s") ? `${otherName}'` : `${otherName}'s`;
  const relation =
    format(value.value) === format(other.value) ? "level with" : value.value > other.value ? "above" : "below";
  return `${relation} ${poss} ${format(other.value)}`;
}

/**
 * The first letter in capitals, for a phrase that starts a sentence.
 * @example capitalize("no funds are recorded") // => "No funds are recorded"
 * @category Prose
 */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "is" or "are" for a count. @example isAre(1) // => "is"
 * @example isAre(0) // => "are"
 * @category Prose
 */
export function isAre(count: number): "is" | "are" {
  return count === 1 ? "is" : "are";
}
