/**
 * The `count` test: how many rows match (or how many states hold a status in an organisation as of a date), or
 * whether each of several values occurs.
 * @module
 */
import { latestFundRows } from "../funds/latest";
import { FULL_MEMBERSHIP } from "../memberships/status";
import { type SourceId, mergeSourceLists } from "../../core/types";
import type { CountArgs } from "./args";
import { articleNumber, compareByOp } from "./compare";
import { claimsMembershipIndex, statusHolders } from "./test-status";
import type { ClaimData, Evidence, TestOutcome, Verdict } from "./types";
import { statesWithAttributes } from "./state-rows";
import { whereRows } from "./where";

type AnyRow = Record<string, unknown> & { readonly sources?: readonly SourceId[] };

const srcOf = (r: AnyRow): readonly SourceId[] => r.sources ?? [];
const keyOf = (r: AnyRow): string =>
  String(
    r.id ??
      r.iso3 ??
      (r.event !== undefined
        ? `${String(r.event)}|${String(r.topic)}`
        : [r.state, r.org, r.since].filter(Boolean).join("|")),
  );

/**
 * The length in years of a selection's `date` range (`gte` to `lte`, both days counted), or `undefined` without one.
 * @example yearsOf({ date: { gte: "2016-01-01", lte: "2019-12-31" } }) // => 4
 * @category Claims
 */
export function yearsOf(where: CountArgs["where"]): number | undefined {
  const d = where?.date;
  if (d === undefined || typeof d !== "object" || Array.isArray(d)) return undefined;
  const { gte, lte } = d as { gte?: string; lte?: string };
  if (!gte || !lte) return undefined;
  const days = (Date.parse(`${lte}T00:00:00Z`) - Date.parse(`${gte}T00:00:00Z`)) / 86_400_000 + 1;
  return Number.isFinite(days) && days > 0 ? Math.round((days / 365.25) * 1000) / 1000 : undefined;
}

/** The rows a non-membership count selects from: the latest row of each fund, or the resource's rows. */
function countPool(args: CountArgs, data: ClaimData): readonly AnyRow[] {
  if (args.resource === "funds") return latestFundRows(data.funds, args.as_of);
  if (args.resource === "agreement_topics") return data.agreementTopics;
  if (args.resource === "observations") return data.observations;
  if (args.resource === "states") return statesWithAttributes(data);
  return data[args.resource as "events" | "organizations"];
}

/**
 * Checks a `count` claim.
 * - `memberships` with `org`: the states whose status in `org` on `as_of` (default today) is in `statuses` (default
 *   full membership), further filtered by `where` on states.csv columns (e.g. `region`).
 * - `events`, `states` (with their state_attributes.csv attributes as list columns), `organizations`,
 *   `agreement_topics`: rows matching `where`; `funds`: the latest row of each fund as of `as_of`.
 * - `each`: counts rows for each value of a column separately; all values present → `supported`, some →
 *   `partly_supported`, none → `not_supported` (the article's value is not used).
 * - `than`: a comparative claim; the count must exceed (`op` gt by default) the count of the `than` selection of the
 *   same resource (not for memberships); the article's value is not used; both counts 0 → `not_checkable`. With
 *   `per_year`, counts per year of each selection's date range are compared instead.
 * Otherwise the count is compared with the article's number by `op` (default `eq`, within the tolerance); an
 * article value that is not a number (e.g. "most") gives `not_checkable`, with the count as evidence.
 * @example checkCount({ resource: "memberships", org: "CICA", as_of: "2024-11-30" }, "28", 0, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkCount(
  args: CountArgs,
  articleValue: string | undefined,
  tolerance: number,
  data: ClaimData,
): TestOutcome {
  let rows: AnyRow[];
  let label: string;
  if (args.resource === "memberships") {
    if (!args.org) return { verdict: "not_checkable", reason: "a memberships count needs org", evidence: [] };
    const ix = claimsMembershipIndex(data);
    const date = args.as_of ?? new Date().toISOString().slice(0, 10);
    const statuses: readonly string[] = args.statuses ?? FULL_MEMBERSHIP;
    const holders = statusHolders(ix, ix.states, args.org, date, statuses);
    const filtered = args.where
      ? new Set(whereRows(statesWithAttributes(data), args.where).map((r) => String(r.iso3)))
      : undefined;
    rows = holders.filter((h) => !filtered || filtered.has(h.state)).map((h) => ({ id: h.state, sources: h.sources }));
    label = `states ${statuses.join("/")} of ${args.org} on ${date}${args.where ? ` where ${JSON.stringify(args.where)}` : ""}`;
  } else {
    const source = countPool(args, data);
    rows = whereRows(source, args.where);
    label = `rows of ${args.resource}${args.where ? ` where ${JSON.stringify(args.where)}` : ""}${args.resource === "funds" && args.as_of ? ` as of ${args.as_of}` : ""}`;
  }
  if (args.each) {
    const { field, values } = args.each;
    const evidence: Evidence[] = values.map((v) => {
      const hits = rows.filter((r) =>
        Array.isArray(r[field]) ? (r[field] as unknown[]).map(String).includes(v) : String(r[field]) === v,
      );
      return {
        label: `${label} with ${field} ${v}`,
        value: hits.length,
        row: hits.map(keyOf).join(";"),
        sources: mergeSourceLists(hits.map(srcOf)),
      };
    });
    const present = evidence.filter((e) => (e.value as number) > 0).length;
    const verdict: Verdict =
      present === values.length ? "supported" : present > 0 ? "partly_supported" : "not_supported";
    return {
      verdict,
      reason: `${present} of ${values.length} values present: ${evidence.map((e, i) => `${values[i]} ${e.value}`).join(", ")}`,
      evidence,
      tolerance,
    };
  }
  const evidence: Evidence[] = [
    { label, value: rows.length, row: rows.map(keyOf).join(";"), sources: mergeSourceLists(rows.map(srcOf)) },
  ];
  if (args.than) {
    if (args.resource === "memberships")
      return { verdict: "not_checkable", reason: "than is not available for memberships counts", evidence };
    const pool = countPool(args, data);
    const other = whereRows(pool, args.than.where);
    evidence.push({
      label: `rows of ${args.resource} where ${JSON.stringify(args.than.where)}`,
      value: other.length,
      row: other.map(keyOf).join(";"),
      sources: mergeSourceLists(other.map(srcOf)),
    });
    if (rows.length === 0 && other.length === 0)
      return {
        verdict: "not_checkable",
        reason: "neither selection has a row in these data, so there is nothing to compare",
        evidence,
        tolerance,
      };
    const op = args.op ?? "gt";
    if (args.per_year) {
      const a = yearsOf(args.where);
      const b = yearsOf(args.than.where);
      if (a === undefined || b === undefined)
        return {
          verdict: "not_checkable",
          reason: "per_year needs a date range (gte and lte) in both selections",
          evidence,
          tolerance,
        };
      const ra = Math.round((rows.length / a) * 100) / 100;
      const rb = Math.round((other.length / b) * 100) / 100;
      const verdict = compareByOp(ra, rb, op, 0);
      return {
        verdict,
        reason: `the data count ${rows.length} in ${a.toFixed(2)} years (${ra} a year) against ${other.length} in ${b.toFixed(2)} years (${rb} a year) (${op})`,
        evidence,
        tolerance,
      };
    }
    const verdict = compareByOp(rows.length, other.length, op, 0);
    return { verdict, reason: `the data count ${rows.length} against ${other.length} (${op})`, evidence, tolerance };
  }
  const article = articleNumber(articleValue);
  if (article === undefined) {
    return {
      verdict: "not_checkable",
      reason: `the data count ${rows.length}, but the article's value "${articleValue ?? ""}" is not a number the data can test`,
      evidence,
      tolerance,
    };
  }
  const op = args.op ?? "eq";
  const verdict = compareByOp(rows.length, article, op, tolerance);
  return {
    verdict,
    reason: `the data count ${rows.length} (${op} ${article}${tolerance ? ` ± ${tolerance}` : ""})`,
    evidence,
    tolerance,
  };
}
