/**
 * The `status_at` test: a state held a status in an organisation on a date (and, with `since`, began it then).
 * @module
 */
import { membershipIndex, statusAt, type MembershipIndex } from "../memberships/status";
import type { SourceId } from "../../core/types";
import type { StatusAtArgs } from "./args";
import { compareDates } from "./compare";
import type { ClaimData, TestOutcome } from "./types";

const indexCache = new WeakMap<object, MembershipIndex>();

/**
 * The membership index of the data, built once per data object. Missing values: none; memberships without an organisation row get no founding date.
 * @example claimsMembershipIndex(pkg).orgs.includes("SCO") // => true
 * @category Claims
 */
export function claimsMembershipIndex(data: Pick<ClaimData, "memberships" | "organizations">): MembershipIndex {
  let ix = indexCache.get(data.memberships);
  if (!ix) {
    ix = membershipIndex(data.memberships, data.organizations);
    indexCache.set(data.memberships, ix);
  }
  return ix;
}

/**
 * The states of `states` whose status in `org` on `date` is one of `statuses`, each with that status's sources: the
 * membership side of the `count` and `share` tests.
 * Missing values: a state without a status (`none`) is left out.
 * @example statusHolders(claimsMembershipIndex(pkg), ["AZE", "GEO"], "OTS", "2024-11-30", ["founding_member", "member"]).map((h) => h.state) // => ["AZE"]
 * @category Claims
 */
export function statusHolders(
  ix: MembershipIndex,
  states: readonly string[],
  org: string,
  date: string,
  statuses: readonly string[],
): { readonly state: string; readonly sources: readonly SourceId[] }[] {
  return states
    .map((state) => ({ state, at: statusAt(ix, state, org, date) }))
    .filter(({ at }) => at.status !== "none" && statuses.includes(at.status))
    .map(({ state, at }) => ({ state, sources: at.sources }));
}

/**
 * Checks a `status_at` claim: `supported` when the status on the date (see `statusAt`) is one of those claimed (and,
 * with `since: true`, began on the claimed date at the precision both give); `partly_supported` when the status
 * held but began on another date, or the answer rests on a partial date; `not_checkable` when the only row starts
 * later with `since_bound = by` (the start is unknown); otherwise `not_supported`.
 * Missing values: no row is an answer (`none` with a reason), judged as above, never an error.
 * @example checkStatusAt({ state: "AZE", org: "SCO", status: "dialogue_partner", date: "2015-07-10", since: true }, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkStatusAt(args: StatusAtArgs, data: Pick<ClaimData, "memberships" | "organizations">): TestOutcome {
  const at = statusAt(claimsMembershipIndex(data), args.state, args.org, args.date);
  const wanted: readonly string[] = Array.isArray(args.status) ? args.status : [args.status];
  const evidence = [
    {
      label: `status of ${args.state} in ${args.org} on ${args.date}`,
      value: at.status,
      row: `${args.state}|${args.org}|${at.since ?? ""}`,
      sources: at.sources,
    },
    ...(at.since
      ? [
          {
            label: `since (${at.sinceBound ?? "exact"})`,
            value: at.since,
            row: `${args.state}|${args.org}|${at.since}`,
            sources: at.sources,
          },
        ]
      : []),
  ];
  if (at.reason === "not_founded")
    return { verdict: "not_supported", reason: `${args.org} did not exist yet on ${args.date}`, evidence };
  if (at.status !== "none" && wanted.includes(at.status)) {
    if (args.since && at.since) {
      const v = compareDates(at.since, args.date);
      if (v !== "supported") {
        return {
          verdict: "partly_supported",
          reason: `${args.state} was ${at.status} of ${args.org} on ${args.date}, but the status began on ${at.since}${v === "partly_supported" ? " (a coarser date)" : ""}`,
          evidence,
        };
      }
      if (at.sinceBound === "by") {
        return {
          verdict: "partly_supported",
          reason: `the status is documented on ${at.since}, but when it began is unknown (since_bound = by)`,
          evidence,
        };
      }
    }
    if (at.uncertain)
      return {
        verdict: "partly_supported",
        reason: `the status held, but the date ${args.date} falls inside a partial date of the data`,
        evidence,
      };
    return { verdict: "supported", reason: `${args.state} was ${at.status} of ${args.org} on ${args.date}`, evidence };
  }
  if (at.reason === "not_yet" && at.sinceBound === "by") {
    return {
      verdict: "not_checkable",
      reason: `the first row is dated ${at.since} with since_bound = by: the start is unknown`,
      evidence,
    };
  }
  const found = at.status === "none" ? `no status (${at.reason.replace("_", " ")})` : at.status;
  return {
    verdict: "not_supported",
    reason: `on ${args.date} the data give ${found} for ${args.state} in ${args.org}, not ${wanted.join(" or ")}`,
    evidence,
  };
}
