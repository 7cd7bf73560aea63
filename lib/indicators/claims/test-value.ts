/**
 * The `value` test: a value of a row equals the article's number, or a capacity was being increased.
 * @module
 */
import { effectiveFrom, queryDay } from "../../core/period";
import { rowSources } from "../series/sources";
import type { SourceId } from "../../core/types";
import type { ValueArgs } from "./args";
import { articleNumber, compareNumber } from "./compare";
import type { ClaimData, Evidence, TestOutcome, Verdict } from "./types";
import { whereRows } from "./where";

type AnyRow = Record<string, unknown> & { readonly sources: readonly SourceId[] };

const KEY = {
  capacities: "capacities",
  corridor_flows: "corridorFlows",
  transit: "transit",
  funds: "funds",
  trade: "trade",
  observations: "observations",
} as const;

/**
 * Checks a `value` claim.
 * - `op: "increase"` (capacities, with `asset` and `metric`): among rows stated by `as_of` (default today), the
 *   latest `actual` capacity above the earliest `actual` one → `supported` (a realised rise); otherwise a `planned`
 *   or `target` capacity above the latest actual one → `partly_supported` (a rise announced, not yet realised); else
 *   `not_supported`; no actual capacity → `not_checkable`.
 * - `op: "increase"` (observations, with `where` selecting one series, e.g. subject, metric and scope): the latest
 *   row dated by `as_of` against the earliest dated on or after `from` → higher `supported`, equal or lower
 *   `not_supported`; fewer than two such rows → `not_checkable`.
 * - `op: "eq"` (default): the `field` (default `value`) of the rows selected by `id` / `where` against the article's
 *   number within the tolerance (best row counts).
 * @example checkValue({ resource: "capacities", asset: "btk_railway", metric: "cargo_capacity", op: "increase", as_of: "2024-11-30" }, undefined, 0, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkValue(
  args: ValueArgs,
  articleValue: string | undefined,
  tolerance: number,
  data: ClaimData,
): TestOutcome {
  const all: readonly AnyRow[] = data[KEY[args.resource]];
  if (args.op === "increase" && args.resource === "observations") return observationIncrease(args, all, tolerance);
  if (args.op === "increase") {
    if (args.resource !== "capacities" || !args.asset || !args.metric) {
      return {
        verdict: "not_checkable",
        reason: 'op "increase" needs resource capacities, asset and metric',
        evidence: [],
      };
    }
    const day = queryDay(args.as_of ?? new Date().toISOString().slice(0, 10));
    const rows = whereRows(all, args.where)
      .filter((r) => r.asset === args.asset && r.metric === args.metric && effectiveFrom(String(r.as_of)) <= day)
      .sort((a, b) => effectiveFrom(String(a.as_of)) - effectiveFrom(String(b.as_of)));
    const actual = rows.filter((r) => r.status === "actual");
    const ev = (r: AnyRow, what: string): Evidence => ({
      label: `${what} ${r.status} capacity (${String(r.as_of)})`,
      value: r.value as number,
      row: String(r.id),
      sources: rowSources(r),
    });
    if (actual.length === 0)
      return {
        verdict: "not_checkable",
        reason: `no actual ${args.metric} of ${args.asset} stated by ${args.as_of ?? "today"}`,
        evidence: [],
      };
    const first = actual[0]!;
    const last = actual[actual.length - 1]!;
    const evidence: Evidence[] = [ev(first, "earliest"), ev(last, "latest")];
    if ((last.value as number) > (first.value as number)) {
      return {
        verdict: "supported",
        reason: `actual ${args.metric} of ${args.asset} rose from ${String(first.value)} to ${String(last.value)} by ${String(last.as_of)}`,
        evidence,
        tolerance,
      };
    }
    const planned = rows.filter(
      (r) =>
        (r.status === "planned" || r.status === "target") &&
        (r.value as number) > (last.value as number) &&
        effectiveFrom(String(r.as_of)) >= effectiveFrom(String(first.as_of)),
    );
    if (planned.length > 0) {
      const p = planned[planned.length - 1]!;
      evidence.push(ev(p, "latest announced"));
      return {
        verdict: "partly_supported",
        reason: `actual ${args.metric} of ${args.asset} stayed at ${String(last.value)}; a rise to ${String(p.value)} was announced (${String(p.as_of)}) but not yet realised`,
        evidence,
        tolerance,
      };
    }
    return {
      verdict: "not_supported",
      reason: `no rise in actual or announced ${args.metric} of ${args.asset}`,
      evidence,
      tolerance,
    };
  }
  const rows = whereRows(args.id !== undefined ? all.filter((r) => r.id === args.id) : all, args.where);
  if (rows.length === 0)
    return { verdict: "not_checkable", reason: `no row of data/${args.resource}.csv matches`, evidence: [] };
  const field = args.field ?? "value";
  const evidence: Evidence[] = rows.map((r) => ({
    label: `${field} of ${String(r.id)}`,
    value: typeof r[field] === "number" ? (r[field] as number) : null,
    row: String(r.id),
    sources: rowSources(r),
  }));
  const article = articleNumber(articleValue);
  if (article === undefined)
    return {
      verdict: "not_checkable",
      reason: `the article's value "${articleValue ?? ""}" is not a number`,
      evidence,
      tolerance,
    };
  const verdicts: Verdict[] = evidence.map((e) =>
    typeof e.value === "number" ? compareNumber(e.value, article, tolerance) : "not_checkable",
  );
  const order: Verdict[] = ["supported", "partly_supported", "not_supported", "not_checkable"];
  const verdict = order.find((v) => verdicts.includes(v))!;
  return {
    verdict,
    reason: `data give ${evidence.map((e) => e.value).join(", ")} against the article's ${article} (tolerance ${tolerance})`,
    evidence,
    tolerance,
  };
}

/** `op: "increase"` over observations: the latest value by `as_of` against the earliest on or after `from`. */
function observationIncrease(args: ValueArgs, all: readonly AnyRow[], tolerance: number): TestOutcome {
  const day = queryDay(args.as_of ?? new Date().toISOString().slice(0, 10));
  const from = args.from ? effectiveFrom(args.from) : Number.NEGATIVE_INFINITY;
  const rows = whereRows(all, args.where)
    .filter((r) => effectiveFrom(String(r.as_of)) <= day && effectiveFrom(String(r.as_of)) >= from)
    .sort((a, b) => effectiveFrom(String(a.as_of)) - effectiveFrom(String(b.as_of)));
  const ev = (r: AnyRow, what: string): Evidence => ({
    label: `${what} (${String(r.as_of)})`,
    value: r.value as number,
    row: String(r.id),
    sources: rowSources(r),
  });
  const window = `${args.from ?? "the first row"} and ${args.as_of ?? "today"}`;
  if (rows.length < 2)
    return {
      verdict: "not_checkable",
      reason: `${rows.length === 0 ? "no row" : "only one row"} of data/observations.csv matches between ${window}`,
      evidence: rows.map((r) => ev(r, "value")),
    };
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const evidence = [ev(first, "earliest"), ev(last, "latest")];
  const rose = (last.value as number) > (first.value as number);
  return {
    verdict: rose ? "supported" : "not_supported",
    reason: `${String(first.value)} (${String(first.as_of)}) to ${String(last.value)} (${String(last.as_of)}): ${
      rose ? "a rise" : "no rise"
    } between ${window}`,
    evidence,
    tolerance,
  };
}
