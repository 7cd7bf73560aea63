/**
 * Checking the claims of claims.csv against the data: one {@link ClaimResult} per claim. Args that do not fit the
 * contract, and a claim the data do not cover, give `not_checkable` with the reason. Data that fail to load (a
 * `DataError` from the loader: a missing or invalid resource) throw a {@link ClaimCheckError}, so that the claims
 * notebook fails loudly instead of reporting a broken file as "not checkable".
 * @module
 */
import type { ClaimRow } from "../../data/resources";
import { mergeSourceLists } from "../../core/types";
import {
  parseClaimArgs,
  type CountArgs,
  type DateArgs,
  type GrowthArgs,
  type StatusAtArgs,
  type ValueArgs,
  type ShareArgs,
  type TiesArgs,
  type BalanceArgs,
  type ChangeArgs,
} from "./args";
import { checkBalance } from "./test-balance";
import { checkChange } from "./test-change";
import { checkShare } from "./test-share";
import { checkTies } from "./test-ties";
import { checkCount } from "./test-count";
import { checkDate } from "./test-date";
import { checkGrowth } from "./test-growth";
import { checkStatusAt } from "./test-status";
import { checkValue } from "./test-value";
import type { ClaimData, ClaimResult, TestOutcome, Verdict } from "./types";

/**
 * The columns of a claims.csv row the checker reads.
 * @category Claims
 */
export type ClaimInput = Pick<
  ClaimRow,
  "id" | "section" | "claim" | "indicator" | "test" | "args" | "article_value" | "tolerance"
>;

function run(claim: ClaimInput, data: ClaimData): TestOutcome {
  const parsed = parseClaimArgs(claim.test, claim.args);
  if (!parsed.ok)
    return {
      verdict: "not_checkable",
      reason: `args do not fit the ${claim.test} contract: ${parsed.error}`,
      evidence: [],
    };
  if (parsed.notCheckable !== undefined) return { verdict: "not_checkable", reason: parsed.notCheckable, evidence: [] };
  const tol = claim.tolerance ?? 0;
  switch (claim.test) {
    case "status_at":
      return checkStatusAt(parsed.args as StatusAtArgs, data);
    case "date":
      return checkDate(parsed.args as DateArgs, claim.article_value, tol, data);
    case "growth":
      return checkGrowth(parsed.args as GrowthArgs, claim.article_value, tol, data);
    case "count":
      return checkCount(parsed.args as CountArgs, claim.article_value, tol, data);
    case "value":
      return checkValue(parsed.args as ValueArgs, claim.article_value, tol, data);
    case "share":
      return checkShare(parsed.args as ShareArgs, claim.article_value, tol, data);
    case "ties":
      return checkTies(parsed.args as TiesArgs, data);
    case "balance":
      return checkBalance(parsed.args as BalanceArgs, data);
    case "change":
      return checkChange(parsed.args as ChangeArgs, data);
  }
}

/**
 * A claim could not be checked because reading its data failed (a `DataError` of the loader, or any other error
 * raised while checking): names the claim and keeps the original error as `cause`.
 * @category Claims
 */
export class ClaimCheckError extends Error {
  override name = "ClaimCheckError";
  constructor(
    readonly claimId: string,
    readonly test: string,
    override readonly cause: unknown,
  ) {
    super(`claim "${claimId}" (${test}) cannot be checked: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/**
 * Checks one claim against the data. Malformed args and a claim the data do not cover give `not_checkable`; data
 * that fail to load throw a {@link ClaimCheckError} naming the claim, with the loader's `DataError` as its cause.
 * @example checkClaim({ id: "sco-dp", section: "SCO", claim: "…", indicator: "status", test: "status_at", args: '{"state":"AZE","org":"SCO","status":"dialogue_partner","date":"2015-07-10"}', article_value: "2015-07-10", tolerance: undefined }, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkClaim(claim: ClaimInput, data: ClaimData): ClaimResult {
  let outcome: TestOutcome;
  try {
    outcome = run(claim, data);
  } catch (e) {
    throw new ClaimCheckError(claim.id, claim.test, e);
  }
  return {
    id: claim.id,
    section: claim.section,
    claim: claim.claim,
    indicator: claim.indicator,
    test: claim.test,
    verdict: outcome.verdict,
    reason: outcome.reason,
    articleValue: claim.article_value,
    tolerance: outcome.tolerance ?? claim.tolerance,
    evidence: outcome.evidence,
    sources: mergeSourceLists(outcome.evidence.map((e) => e.sources)),
  };
}

/**
 * Checks every claim (default: the package's claims.csv rows), in order.
 * Missing values: as {@link checkClaim}: what the data do not cover is `not_checkable` with a reason; data that
 * fail to load throw a {@link ClaimCheckError}.
 * @example checkClaims(pkg.claims, pkg).length === pkg.claims.length // => true
 * @category Claims
 */
export function checkClaims(claims: readonly ClaimInput[], data: ClaimData): ClaimResult[] {
  return claims.map((c) => checkClaim(c, data));
}

/**
 * Number of claims with each verdict (every verdict present, zeros included).
 * @example claimsSummary([{ verdict: "supported" }, { verdict: "not_checkable" }]) // => { supported: 1, partly_supported: 0, not_supported: 0, not_checkable: 1 }
 * @category Claims
 */
export function claimsSummary(results: readonly Pick<ClaimResult, "verdict">[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { supported: 0, partly_supported: 0, not_supported: 0, not_checkable: 0 };
  for (const r of results) out[r.verdict]++;
  return out;
}
