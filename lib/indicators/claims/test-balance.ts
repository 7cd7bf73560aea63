/**
 * The `balance` test: is a state's multi-vector balance index (lib/indicators/balance, default weights and
 * spheres) above the median of a comparison group on a date?
 * @module
 */
import { multiVectorBalance } from "../balance/balance";
import { median } from "simple-statistics";
import { mergeSourceLists } from "../../core/types";
import type { BalanceArgs } from "./args";
import { claimsMembershipIndex } from "./test-status";
import type { ClaimData, Evidence, TestOutcome, Verdict } from "./types";

/**
 * How close to the median counts as "at the median" (the index lies in [0, 1]).
 * @category Claims
 */
export const BALANCE_MEDIAN_BAND = 0.005;

/**
 * Checks a `balance` claim: the index of `state` on `date` against the median index of `against` (states with no
 * weighted tie have no index and are left out): above the median by more than {@link BALANCE_MEDIAN_BAND} →
 * `supported`, within it → `partly_supported`, below → `not_supported`.
 * Missing values: the state without an index, or no comparison state with one → `not_checkable`.
 * @example checkBalance({ state: "AZE", against: ["ARM", "GEO"], date: "2024-11-30" }, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkBalance(args: BalanceArgs, data: ClaimData): TestOutcome {
  const ix = claimsMembershipIndex(data);
  const own = multiVectorBalance(ix, data.organizations, args.state, args.date);
  const others = args.against
    .filter((s) => s !== args.state)
    .map((s) => multiVectorBalance(ix, data.organizations, s, args.date));
  const scored = others.filter((b) => b.index !== undefined);
  const evidence: Evidence[] = [
    { label: `balance index of ${args.state} on ${args.date}`, value: round(own.index), sources: own.sources },
    ...scored.map((b) => ({ label: `balance index of ${b.state}`, value: round(b.index), sources: b.sources })),
  ];
  if (own.index === undefined || scored.length === 0)
    return {
      verdict: "not_checkable",
      reason:
        own.index === undefined
          ? `${args.state} has no weighted tie on ${args.date}`
          : "no comparison state has an index",
      evidence,
    };
  const mid = median(scored.map((b) => b.index!) as number[]);
  const rank = 1 + scored.filter((b) => b.index! > own.index!).length;
  const verdict: Verdict =
    own.index > mid + BALANCE_MEDIAN_BAND
      ? "supported"
      : own.index >= mid - BALANCE_MEDIAN_BAND
        ? "partly_supported"
        : "not_supported";
  evidence.push({
    label: `median of the ${scored.length} others`,
    value: round(mid),
    sources: mergeSourceLists(scored.map((b) => b.sources)),
  });
  return {
    verdict,
    reason: `${args.state} ${round(own.index)} against a median of ${round(mid)} for ${scored.length} states (rank ${rank} of ${scored.length + 1})`,
    evidence,
  };
}

const round = (x: number | undefined): number | null => (x === undefined ? null : Math.round(x * 1000) / 1000);
