/**
 * Claims for reports: verdict labels and colours, and the date the claims register judges "now" by.
 * @module
 */
import type { ClaimRow } from "../data/resources";

/** The four verdicts in reading order (lib/claims `Verdict`). */
export const VERDICTS = ["supported", "partly_supported", "not_supported", "not_checkable"] as const;

/** A verdict of lib/claims. */
export type VerdictKey = (typeof VERDICTS)[number];

/** Words and a colour-blind-safe colour (Okabe–Ito) per verdict. */
export const VERDICT_STYLES: Readonly<Record<VerdictKey, { readonly label: string; readonly color: string; readonly background: string }>> = {
  supported: { label: "Supported", color: "#009E73", background: "#DDF2EA" },
  partly_supported: { label: "Partly supported", color: "#E69F00", background: "#FBEFD5" },
  not_supported: { label: "Not supported", color: "#D55E00", background: "#F8E0D2" },
  not_checkable: { label: "Not checkable", color: "#777777", background: "#EEEEEE" },
};

/** The label of a verdict. @example verdictLabel("partly_supported") // => "Partly supported" */
export function verdictLabel(verdict: string): string {
  return (VERDICT_STYLES as Record<string, { label: string } | undefined>)[verdict]?.label ?? verdict;
}

/**
 * The date claims.csv judges the article's "now" by: the full ISO date that occurs most often in the claims' args
 * (ties: the later date). data/README.md sets it to the end of November 2024; reading it from the args keeps
 * notebooks in step if the convention changes. `undefined` when no arg holds a full date.
 * @example claimsJudgementDate(pkg.claims) // => "2024-11-30"
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
