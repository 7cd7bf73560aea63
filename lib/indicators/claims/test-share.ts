/**
 * The `share` test: the share of a group of states (e.g. the states of UN M49 Asia) that hold a status in an
 * organisation on a date, compared with a threshold ("most": more than 50 %) or with the article's number.
 * @module
 */
import { FULL_MEMBERSHIP } from "../memberships/status";
import { mergeSourceLists } from "../../core/types";
import type { ShareArgs } from "./args";
import { articleNumber, compareByOp } from "./compare";
import { statesWithAttributes } from "./state-rows";
import { claimsMembershipIndex, statusHolders } from "./test-status";
import type { ClaimData, Evidence, TestOutcome } from "./types";
import { whereRows } from "./where";

/**
 * Checks a `share` claim: share = 100 × (states matching `of` that hold one of `statuses` (default full membership)
 * in `org` on `as_of`) / (states matching `of`). With `threshold` the share is compared with it by `op` (default
 * `gt`); without, with the article's number by `op` (default `eq`) within the tolerance.
 * Missing values: no state matches `of` (e.g. no attribute rows) → `not_checkable`; an article value that is not a
 * number and no threshold → `not_checkable` with the share as evidence.
 * @example checkShare({ org: "CICA", as_of: "2024-11-30", of: { m49_region: "Asia" }, op: "gt", threshold: 50 }, "most", 0, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkShare(
  args: ShareArgs,
  articleValue: string | undefined,
  tolerance: number,
  data: ClaimData,
): TestOutcome {
  const group = whereRows(statesWithAttributes(data), args.of);
  if (group.length === 0)
    return {
      verdict: "not_checkable",
      reason: `no state of data/states.csv matches ${JSON.stringify(args.of)}`,
      evidence: [],
    };
  const ix = claimsMembershipIndex(data);
  const statuses: readonly string[] = args.statuses ?? FULL_MEMBERSHIP;
  const holders = statusHolders(
    ix,
    group.map((s) => s.iso3),
    args.org,
    args.as_of,
    statuses,
  );
  const share = (100 * holders.length) / group.length;
  const evidence: Evidence[] = [
    {
      label: `states where ${JSON.stringify(args.of)}`,
      value: group.length,
      row: group.map((s) => s.iso3).join(";"),
      // only the rows of the attributes `of` names (the M49 region), not every attribute of the states
      sources: mergeSourceLists(group.flatMap((s) => Object.keys(args.of).map((k) => s.sourcesOf[k] ?? []))),
    },
    {
      label: `of them ${statuses.join("/")} of ${args.org} on ${args.as_of}`,
      value: holders.length,
      row: holders.map((h) => h.state).join(";"),
      sources: mergeSourceLists(holders.map((h) => h.sources)),
    },
    { label: "share (percent) = 100 × holders / states", value: Math.round(share * 10) / 10, sources: [] },
  ];
  const against = args.threshold ?? articleNumber(articleValue);
  if (against === undefined)
    return {
      verdict: "not_checkable",
      reason: `the share is ${share.toFixed(1)} %, but the article's value "${articleValue ?? ""}" is not a number and no threshold is given`,
      evidence,
      tolerance,
    };
  const op = args.op ?? (args.threshold !== undefined ? "gt" : "eq");
  const verdict = compareByOp(share, against, op, args.threshold !== undefined ? 0 : tolerance);
  return {
    verdict,
    reason: `${holders.length} of ${group.length} states = ${share.toFixed(1)} % (${op} ${against})`,
    evidence,
    tolerance,
  };
}
