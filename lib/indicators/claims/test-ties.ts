/**
 * The `ties` test: which partners share with a state the ties a claim names (a language family, a majority
 * religion, membership of an organisation), each from sourced rows.
 * @module
 */
import { FULL_MEMBERSHIP, statusAt } from "../memberships/status";
import { type SourceId, mergeSourceLists } from "../../core/types";
import type { TiesArgs } from "./args";
import { attributeValues } from "./state-rows";
import { claimsMembershipIndex } from "./test-status";
import type { ClaimData, Evidence, TestOutcome, Verdict } from "./types";

/**
 * The ties one partner shares with the state.
 * @category Claims
 */
export interface PartnerTies {
  readonly partner: string;
  /** Ties shared: attribute names, and the organisation's id when both are full members. */
  readonly shared: readonly string[];
  /** Ties the data cannot decide (an attribute without a row for the state or the partner). */
  readonly unknown: readonly string[];
  readonly sources: readonly SourceId[];
}

/**
 * The ties each partner shares with `state`: an attribute is shared when the two have a value in common; the
 * organisation when both hold full membership on `as_of`.
 * Missing values: an attribute without rows for either state is listed in `unknown`, not counted.
 * @example partnerTies({ state: "AZE", partners: ["TJK"], attributes: ["language_family"], as_of: "2024-11-30", min: 1 }, pkg)[0]!.shared // => []
 * @category Claims
 */
export function partnerTies(args: TiesArgs, data: ClaimData): PartnerTies[] {
  const ix = args.org ? claimsMembershipIndex(data) : undefined;
  const own = args.org && ix ? statusAt(ix, args.state, args.org, args.as_of) : undefined;
  return args.partners.map((p) => {
    const shared: string[] = [];
    const unknown: string[] = [];
    const sources: (readonly SourceId[])[] = [];
    for (const a of args.attributes) {
      const mine = attributeValues(data, args.state, a);
      const theirs = attributeValues(data, p, a);
      if (mine.length === 0 || theirs.length === 0) {
        unknown.push(a);
        continue;
      }
      sources.push(...mine.map((m) => m.sources), ...theirs.map((t) => t.sources));
      if (mine.some((m) => theirs.some((t) => t.value === m.value))) shared.push(a);
    }
    if (args.org && ix && own) {
      const at = statusAt(ix, p, args.org, args.as_of);
      sources.push(own.sources, at.sources);
      const full: readonly string[] = FULL_MEMBERSHIP;
      if (full.includes(own.status) && full.includes(at.status)) shared.push(args.org);
    }
    return { partner: p, shared, unknown, sources: mergeSourceLists(sources) };
  });
}

/**
 * Checks a `ties` claim: a partner shares ties with the state when at least `min` ties are shared; every partner
 * does → `supported`; at least half do → `partly_supported`; fewer → `not_supported`.
 * Missing values: a partner whose unknown ties could change the outcome is undecided; all partners undecided →
 * `not_checkable`, some → judged on the decided ones, and the reason names the others.
 * @example checkTies({ state: "AZE", partners: ["KAZ", "KGZ", "TJK", "TKM", "UZB"], attributes: ["language_family", "majority_religion"], org: "OTS", as_of: "2024-11-30", min: 2 }, pkg).verdict // => "partly_supported"
 * @category Claims
 */
export function checkTies(args: TiesArgs, data: ClaimData): TestOutcome {
  const ties = partnerTies(args, data);
  const total = args.attributes.length + (args.org ? 1 : 0);
  const decided = ties.filter((t) => t.shared.length >= args.min || t.shared.length + t.unknown.length < args.min);
  const holding = decided.filter((t) => t.shared.length >= args.min);
  const evidence: Evidence[] = ties.map((t) => ({
    label: `ties ${t.partner} shares with ${args.state} (of ${total})`,
    value: t.shared.length,
    row: t.shared.join(";"),
    sources: t.sources,
  }));
  const undecided = ties.filter((t) => !decided.includes(t)).map((t) => t.partner);
  if (decided.length === 0)
    return { verdict: "not_checkable", reason: `no partner can be decided (${undecided.join(", ")})`, evidence };
  const verdict: Verdict =
    holding.length === decided.length
      ? "supported"
      : holding.length * 2 >= decided.length
        ? "partly_supported"
        : "not_supported";
  const lacking = decided.filter((t) => !holding.includes(t)).map((t) => `${t.partner} (${t.shared.length})`);
  return {
    verdict,
    reason: `${holding.length} of ${decided.length} partners share at least ${args.min} of ${total} ties${
      lacking.length ? `; fewer: ${lacking.join(", ")}` : ""
    }${undecided.length ? `; undecided for lack of rows: ${undecided.join(", ")}` : ""}`,
    evidence,
  };
}
