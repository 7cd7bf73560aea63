/**
 * The `date` test: the date of a row (an event, a founding, a status, a fund) equals the article's date.
 * @module
 */
import { parsePartialDate } from "../../core/dates";
import { rowSources } from "../series/sources";
import type { SourceId } from "../../core/types";
import type { DateArgs } from "./args";
import { bestVerdict, compareDates } from "./compare";
import type { ClaimData, Evidence, TestOutcome, Verdict } from "./types";
import { whereRows } from "./where";

const DEFAULT_FIELD: Record<DateArgs["resource"], string> = {
  events: "date",
  conflict: "date",
  organizations: "founded",
  memberships: "since",
  funds: "agreed",
  capacities: "as_of",
};

const RESOURCE_KEY = {
  events: "events",
  conflict: "conflict",
  organizations: "organizations",
  memberships: "memberships",
  funds: "funds",
  capacities: "capacities",
} as const;

type AnyRow = Record<string, unknown> & { readonly sources: readonly SourceId[] };

function rowKey(r: AnyRow): string {
  return typeof r.id === "string" ? r.id : [r.state, r.org, r.since].filter(Boolean).join("|");
}

/**
 * Checks a `date` claim against the rows selected by `id` or `where` (see `compareDates` for the rule at partial
 * precision; `toleranceDays` widens it). With several matching rows the best verdict counts and the reason says so.
 * `expect` checks place, participants, organisations or kind of the row: a date that agrees with a failed
 * expectation is `partly_supported`. No matching row, or no date in it, is `not_checkable`.
 * `pick: "earliest"` (or `"latest"`) judges that row's date instead of the best match: disagreeing while another
 * matching row agrees gives `partly_supported`.
 * Missing values: no matching row, or a row without the date, gives `not_checkable`.
 * @example checkDate({ resource: "events", id: "2024-08-09-sixth-consultative-meeting-astana" }, "2024-08-09", 0, pkg).verdict // => "supported"
 * @category Claims
 */
export function checkDate(
  args: DateArgs,
  articleValue: string | undefined,
  toleranceDays: number,
  data: ClaimData,
): TestOutcome {
  if (!articleValue || !parsePartialDate(articleValue.trim())) {
    return {
      verdict: "not_checkable",
      reason: `the article's value "${articleValue ?? ""}" is not an ISO date`,
      evidence: [],
    };
  }
  const article = articleValue.trim();
  const all: readonly AnyRow[] = data[RESOURCE_KEY[args.resource]];
  const rows = args.id !== undefined ? all.filter((r) => r.id === args.id) : whereRows(all, args.where);
  const picked = args.id !== undefined && args.where ? whereRows(rows, args.where) : rows;
  if (picked.length === 0)
    return {
      verdict: "not_checkable",
      reason: `no row of data/${args.resource}.csv matches ${JSON.stringify(args.id ?? args.where)}`,
      evidence: [],
    };
  const field = args.field ?? DEFAULT_FIELD[args.resource];
  const evidence: Evidence[] = [];
  const verdicts: Verdict[] = [];
  const failed: string[] = [];
  for (const r of picked) {
    const value = r[field];
    if (typeof value !== "string" || !value) {
      evidence.push({ label: `${field} of ${rowKey(r)}`, value: null, row: rowKey(r), sources: rowSources(r) });
      verdicts.push("not_checkable");
      continue;
    }
    evidence.push({ label: `${field} of ${rowKey(r)}`, value, row: rowKey(r), sources: rowSources(r) });
    let v = compareDates(value, article, toleranceDays);
    const e = args.expect;
    if (e) {
      const miss: string[] = [];
      if (e.place !== undefined && String(r.place ?? "").toLowerCase() !== e.place.toLowerCase())
        miss.push(`place is "${String(r.place ?? "")}", not "${e.place}"`);
      if (e.kind !== undefined && r.kind !== e.kind) miss.push(`kind is ${String(r.kind)}, not ${e.kind}`);
      for (const [col, want] of [
        ["participants", e.participants],
        ["orgs", e.orgs],
      ] as const) {
        if (!want) continue;
        const have = Array.isArray(r[col]) ? (r[col] as string[]) : [];
        const lacking = want.filter((w) => !have.includes(w));
        if (lacking.length) miss.push(`${col} lack ${lacking.join(", ")}`);
        evidence.push({
          label: `${col} of ${rowKey(r)}`,
          value: have.join(";"),
          row: rowKey(r),
          sources: rowSources(r),
        });
      }
      if (e.place !== undefined)
        evidence.push({
          label: `place of ${rowKey(r)}`,
          value: String(r.place ?? ""),
          row: rowKey(r),
          sources: rowSources(r),
        });
      if (miss.length && (v === "supported" || v === "partly_supported")) {
        v = "partly_supported";
        for (const m of miss) failed.push(m);
      }
    }
    verdicts.push(v);
  }
  if (args.pick !== undefined) return pickedDate(args.pick, picked, field, article, toleranceDays, evidence, verdicts);
  const verdict = bestVerdict(verdicts);
  const dates = evidence.filter((e) => e.label.startsWith(`${field} of`)).map((e) => e.value ?? "none");
  const several = picked.length > 1 ? ` (${picked.length} rows match; best taken)` : "";
  const reason =
    verdict === "not_checkable"
      ? `the matching row has no ${field}`
      : `data give ${dates.join(", ")} against the article's ${article}${failed.length ? `; but ${failed.join("; ")}` : ""}${several}`;
  return { verdict, reason, evidence, tolerance: toleranceDays };
}

/** The `pick` rule of {@link checkDate}: the earliest or latest date decides; another agreeing row makes it partly. */
function pickedDate(
  pick: "earliest" | "latest",
  rows: readonly AnyRow[],
  field: string,
  article: string,
  toleranceDays: number,
  evidence: readonly Evidence[],
  verdicts: readonly Verdict[],
): TestOutcome {
  const dated = rows
    .map((r, i) => ({ r, i, d: typeof r[field] === "string" ? (r[field] as string) : "" }))
    .filter((x) => x.d !== "")
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0));
  if (dated.length === 0) return { verdict: "not_checkable", reason: `no matching row has a ${field}`, evidence };
  const chosen = pick === "earliest" ? dated[0]! : dated[dated.length - 1]!;
  const own = verdicts[chosen.i]!;
  const agreeing = dated.filter((x) => verdicts[x.i] === "supported").length;
  const verdict: Verdict = own === "supported" || agreeing === 0 ? own : "partly_supported";
  const why =
    verdict === "partly_supported" && own !== "supported"
      ? `; ${agreeing} of ${dated.length} matching rows agree with the article, but not the ${pick}`
      : "";
  return {
    verdict,
    reason: `the ${pick} ${field} of ${dated.length} matching rows is ${chosen.d} (${rowKey(chosen.r)}) against the article's ${article}${why}`,
    evidence,
    tolerance: toleranceDays,
  };
}
