/**
 * The `growth` test: growth over a period against a base period, from a published growth row or derived from two
 * published volumes.
 * @module
 */
import { percentChange } from "../series/change";
import { rowSources } from "../series/sources";
import { mergeSources, type SourceId } from "../../core/types";
import type { GrowthArgs } from "./args";
import { articleNumber, compareNumber } from "./compare";
import type { ClaimData, Evidence, TestOutcome, Verdict } from "./types";

/**
 * The columns of a transit or corridor_flows row that the growth and change tests read.
 * @category Claims
 */
export interface FlowLike {
  readonly id: string;
  readonly scope: string;
  readonly route?: string;
  readonly period_start: string;
  readonly period_end: string;
  readonly metric: string;
  readonly value: number;
  readonly status?: string;
  readonly base_start?: string | undefined;
  readonly base_end?: string | undefined;
  readonly sources: readonly SourceId[];
}

/**
 * Checks a `growth` claim. Published growth rows for exactly the period and base come first; without one, growth is
 * derived from volume rows of the two periods (actual figures only), and the evidence says "derived". With a number
 * in the article, each figure is compared with it (`compareNumber`, tolerance in percentage points): all agree →
 * that verdict; mixed → `partly_supported` when any figure agrees, else `not_supported`. With `expect`
 * (`increase` / `decrease`) the sign decides, and with `at_least` a rise below that growth supports the claim only
 * partly. No figure → `not_checkable`.
 * Missing values: no figure gives `not_checkable`; a zero base volume gives no derived figure.
 * @example checkGrowth({ resource: "transit", scope: "ots_transit", period_start: "2024-01-01", period_end: "2024-09-30", base_start: "2023-01-01", base_end: "2023-09-30" }, "15", 1, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkGrowth(
  args: GrowthArgs,
  articleValue: string | undefined,
  tolerance: number,
  data: Pick<ClaimData, "transit" | "corridorFlows">,
): TestOutcome {
  const rows = (args.resource === "transit" ? data.transit : data.corridorFlows) as readonly FlowLike[];
  const inScope = rows.filter(
    (r) =>
      r.scope === args.scope &&
      (args.route === undefined || r.route === args.route) &&
      (r.status ?? "actual") === "actual",
  );
  const growthMetric = args.metric ?? (args.resource === "transit" ? "growth" : "cargo_growth");
  const volumeMetric = args.volume_metric ?? (args.resource === "transit" ? "volume" : "cargo");
  const figures: Evidence[] = inScope
    .filter(
      (r) =>
        r.metric === growthMetric &&
        r.period_start === args.period_start &&
        r.period_end === args.period_end &&
        r.base_start === args.base_start &&
        r.base_end === args.base_end,
    )
    .map((r) => ({ label: `published growth (${r.id})`, value: r.value, row: r.id, sources: rowSources(r) }));
  if (figures.length === 0) {
    const now = inScope.filter(
      (r) => r.metric === volumeMetric && r.period_start === args.period_start && r.period_end === args.period_end,
    );
    const base = inScope.filter(
      (r) => r.metric === volumeMetric && r.period_start === args.base_start && r.period_end === args.base_end,
    );
    for (const a of now) {
      for (const b of base) {
        const g = percentChange(b.value, a.value);
        if (g !== undefined) {
          figures.push({
            label: `derived growth ${b.id} → ${a.id} (${b.value} → ${a.value})`,
            value: g,
            row: `${b.id}→${a.id}`,
            sources: mergeSources(rowSources(b), rowSources(a)),
          });
        }
      }
    }
  }
  const period = `${args.period_start}..${args.period_end} against ${args.base_start}..${args.base_end}`;
  if (figures.length === 0) {
    return {
      verdict: "not_checkable",
      reason: `no ${args.scope} growth figure, and no pair of volumes, for ${period} in data/${args.resource}.csv`,
      evidence: [],
      tolerance,
    };
  }
  const values = figures.map((f) => f.value as number);
  if (args.expect) {
    const ok = values.map((v) => (args.expect === "increase" ? v > 0 : v < 0));
    const marked = values.map((v) => args.at_least === undefined || v >= args.at_least);
    const verdict: Verdict =
      ok.every(Boolean) && marked.every(Boolean)
        ? "supported"
        : ok.some(Boolean)
          ? "partly_supported"
          : "not_supported";
    return {
      verdict,
      reason: `${args.scope} growth ${period}: ${values.map((v) => v.toFixed(1)).join(", ")} % (claim: ${args.expect}${
        args.at_least !== undefined ? `, a marked rise is at least ${args.at_least} %` : ""
      })`,
      evidence: figures,
      tolerance,
    };
  }
  const article = articleNumber(articleValue);
  if (article === undefined) {
    return {
      verdict: "not_checkable",
      reason: `the article's value "${articleValue ?? ""}" is not a number`,
      evidence: figures,
      tolerance,
    };
  }
  const verdicts = values.map((v) => compareNumber(v, article, tolerance));
  const verdict: Verdict = verdicts.every((v) => v === verdicts[0])
    ? verdicts[0]!
    : verdicts.some((v) => v === "supported" || v === "partly_supported")
      ? "partly_supported"
      : "not_supported";
  return {
    verdict,
    reason: `data give ${values.map((v) => `${Number(v.toFixed(2))} %`).join(", ")} for ${period}, against the article's ${article} % (tolerance ${tolerance} points)`,
    evidence: figures,
    tolerance,
  };
}
