/**
 * Claims for reports: verdict labels and colours, and the date the claims register judges "now" by.
 * @module
 */
import type { ClaimRow } from "../data/resources";
import { VERDICT_ORDER, VERDICT_TERMS } from "../indicators/claims/vocabulary";

/**
 * The four verdicts in reading order (lib/indicators/claims `Verdict`).
 * @category Prose
 */
export const VERDICTS = VERDICT_ORDER;

/**
 * A verdict of lib/indicators/claims.
 * @category Prose
 */
export type VerdictKey = (typeof VERDICTS)[number];

/**
 * Words and a colour-blind-safe colour (Okabe–Ito) per verdict: the table of lib/indicators/claims/vocabulary.ts.
 * @category Prose
 */
export const VERDICT_STYLES: Readonly<
  Record<VerdictKey, { readonly label: string; readonly color: string; readonly background: string }>
> = VERDICT_TERMS;

/**
 * The label of a verdict. @example verdictLabel("partly_supported") // => "Partly supported"
 * @category Prose
 */
export function verdictLabel(verdict: string): string {
  return (VERDICT_STYLES as Record<string, { label: string } | undefined>)[verdict]?.label ?? verdict;
}

/**
 * The date claims.csv judges the article's "now" by: the full ISO date that occurs most often in the claims' args
 * (ties: the later date). data/README.md sets it to the end of November 2024; reading it from the args keeps
 * notebooks in step if the convention changes. `undefined` when no arg holds a full date.
 * @example claimsJudgementDate(pkg.claims) // => "2024-11-30"
 * @category Prose
 */
export function claimsJudgementDate(claims: readonly Pick<ClaimRow, "args">[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of claims) {
    for (const m of c.args.matchAll(/"(\d{4}-\d{2}-\d{2})"/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [date, n] of counts) {
    const b = best === undefined ? 0 : counts.get(best)!;
    if (n > b || (n === b && best !== undefined && date > best)) best = date;
  }
  return best;
}
