/**
 * The `change` test: how much a quantity changed in the latest full calendar year the data hold against the year
 * before, within one scope, against a stated threshold. It judges a claim about the present ("has risen markedly",
 * "is becoming more significant") with whatever the vintage holds: the data published by the article's date give
 * the last year the article could see, all the data the last year there is.
 * @module
 */
import { percentChange } from "../series/change";
import { rowSources } from "../series/sources";
import { mergeSources } from "../../core/types";
import type { ChangeArgs } from "./args";
import type { FlowLike } from "./test-growth";
import type { ClaimData, Evidence, TestOutcome, Verdict } from "./types";
import { whereRows } from "./where";

/** The calendar year a row covers whole, or `undefined` for any other period. */
function fullYear(start: string | undefined, end: string | undefined): number | undefined {
  if (!start || !end) return undefined;
  const y = start.slice(0, 4);
  return start === `${y}-01-01` && end === `${y}-12-31` ? Number(y) : undefined;
}

/**
 * The figures of one year of one scope: published growth rows (percent, when `growth_metric` is given) for the year
 * against the year before, else the change derived from the two years' values (percent growth, or the difference in
 * points).
 */
function yearFigures(rows: readonly FlowLike[], args: ChangeArgs, scope: string, year: number): Evidence[] {
  const inScope = rows.filter((r) => r.scope === scope);
  if (args.as === "percent" && args.growth_metric !== undefined) {
    const published = inScope.filter(
      (r) =>
        r.metric === args.growth_metric &&
        fullYear(r.period_start, r.period_end) === year &&
        fullYear(r.base_start, r.base_end) === year - 1,
    );
    if (published.length > 0)
      return published.map((r) => ({
        label: `published ${scope} growth ${year} on ${year - 1} (${r.id})`,
        value: r.value,
        row: r.id,
        sources: rowSources(r),
      }));
  }
  const values = (y: number) =>
    inScope.filter((r) => r.metric === args.metric && fullYear(r.period_start, r.period_end) === y);
  const out: Evidence[] = [];
  for (const a of values(year)) {
    for (const b of values(year - 1)) {
      const raw = args.as === "percent" ? percentChange(b.value, a.value) : a.value - b.value;
      if (raw === undefined) continue;
      const v = Math.round(raw * 1000) / 1000;
      out.push({
        label: `${scope} ${args.metric} ${year - 1} → ${year} (${b.value} → ${a.value})`,
        value: v,
        row: `${b.id}→${a.id}`,
        sources: mergeSources(rowSources(b), rowSources(a)),
      });
    }
  }
  return out;
}

/**
 * Checks a `change` claim. Among the rows of `resource` matching `where` (actual figures only), finds for each scope
 * the full calendar years with a figure for the year before as well (or a published growth row for that pair), and
 * judges the latest such year of any scope (every scope that has it). Each figure — percent growth (`as: "percent"`)
 * or difference in points (`as: "points"`) — is at least `min` (a marked change), above 0 (a change, but below the
 * threshold), or not above 0. All at least `min` → `supported`; none above 0 → `not_supported`; otherwise
 * `partly_supported`. No year with its predecessor → `not_checkable`.
 * Missing values: a zero base gives no percent figure; rows of a part of a year are ignored.
 * @example
 * // transit share of corridor cargo: 57 % (2023) → 56.6 % (2024): −0.4 points, not the ≥ 1 point of a growing weight
 * checkChange({ resource: "transit", where: { scope: "corridors_total" }, metric: "share", as: "points", min: 1 }, pkg).verdict // => "not_supported"
 * @category Claims
 */
export function checkChange(args: ChangeArgs, data: Pick<ClaimData, "transit" | "corridorFlows">): TestOutcome {
  const pool = (args.resource === "transit" ? data.transit : data.corridorFlows) as readonly FlowLike[];
  const rows = whereRows(pool, args.where).filter((r) => (r.status ?? "actual") === "actual");
  const scopes = [...new Set(rows.map((r) => r.scope))];
  const unit = args.as === "percent" ? "%" : "points";
  const minUnit = args.as === "percent" ? "%" : args.min === 1 ? "point" : "points";
  let best: { year: number; figures: Evidence[]; scopes: string[] } | undefined;
  for (const scope of scopes) {
    const years = new Set(
      rows
        .map((r) => fullYear(r.period_start, r.period_end))
        .filter((y): y is number => y !== undefined)
        .filter((y) => rows.some((r) => r.scope === scope && fullYear(r.period_start, r.period_end) === y)),
    );
    for (const year of [...years].sort((a, b) => b - a)) {
      const figures = yearFigures(rows, args, scope, year);
      if (figures.length === 0) continue;
      if (best === undefined || year > best.year) best = { year, figures, scopes: [scope] };
      else if (year === best.year)
        best = { year, figures: [...best.figures, ...figures], scopes: [...best.scopes, scope] };
      break;
    }
  }
  const what = `${args.metric} in ${args.resource} where ${JSON.stringify(args.where)}`;
  if (best === undefined)
    return {
      verdict: "not_checkable",
      reason: `no full calendar year with a figure for the year before (${what}) in these data`,
      evidence: [],
    };
  const values = best.figures.map((f) => f.value as number);
  const strong = values.filter((v) => v >= args.min).length;
  const any = values.filter((v) => v > 0).length;
  const verdict: Verdict = strong === values.length ? "supported" : any === 0 ? "not_supported" : "partly_supported";
  const shown = values.map((v) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Number(Math.abs(v).toFixed(1))} ${unit}`);
  return {
    verdict,
    reason: `${best.scopes.join(", ")}, ${best.year} against ${best.year - 1}: ${shown.join(", ")} (a marked change is at least ${args.min} ${minUnit})`,
    evidence: best.figures,
  };
}
