/**
 * How completely the data cover a state's row of the membership matrix, in a sentence a notebook shows before it
 * reads memberships (03, 07): every notebook can take any state of states.csv as focal, and only the twelve panel
 * states are checked to be complete (lib/data/coverage).
 * @module
 */
import type { DataPackage } from "../data/load";
import { stateCoverage } from "../data/coverage";
import { type Markdown, md } from "../display/safe-text";
import { stateName, statePossessive } from "./names";
import { countText, listPhrase } from "./prose";
import { formatNumber, formatPercent } from "../core/format";

/**
 * Below this share of explicit cells a state's coverage is called low.
 * @category Prose
 */
export const LOW_COVERAGE = 0.75;

/**
 * One sentence on `state`'s row of the membership matrix: how many of the organisations' cells are explicit (a
 * status, a sourced absence or a declared gap) and, when some are not, that a blank there means "unknown", and that
 * its counts, balance index and centrality may understate its ties; "low coverage" below {@link LOW_COVERAGE}.
 * @example membershipCoverageSentence(pkg, "AZE").source.startsWith("All 16 cells of Azerbaijan") // => true
 * @example membershipCoverageSentence(pkg, "PRK").source.includes("Low coverage") // => true
 * @category Prose
 */
export function membershipCoverageSentence(
  pkg: Pick<DataPackage, "memberships" | "membershipCoverage" | "organizations" | "states">,
  state: string,
): Markdown {
  const c = stateCoverage(pkg, [state])[0]!;
  const name = stateName(pkg, state);
  const counts = `${formatNumber(c.status)} with a status row, ${countText(c.absent, "sourced absence")}, ${countText(c.gap, "declared gap")}`;
  if (c.none === 0)
    return md`All ${countText(c.total, "cell")} of ${statePossessive(pkg, state)} row in the membership matrix are explicit (${counts}): where it holds no status, a source shows it outside the organisation, or the cell is marked unknown.`;
  if (c.none === c.total)
    return md`**Low coverage.** None of ${statePossessive(pkg, state)} ${c.total} cells in the membership matrix is explicit: the data hold no status row, sourced absence or declared gap for it, so every blank cell means unknown, not "not a member", and ${name}'s counts, balance index and centrality may understate its ties.`;
  const share = formatPercent(100 * c.explicitShare);
  const lead = c.explicitShare < LOW_COVERAGE ? md`**Low coverage.** ` : md``;
  return md`${lead}Only ${c.total - c.none} of ${statePossessive(pkg, state)} ${c.total} cells in the membership matrix are explicit (${share}: ${counts}); nobody has yet researched ${listPhrase(c.missing)}, so a blank there means unknown, not "not a member", and ${name}'s counts, balance index and centrality may understate its ties.`;
}
