/**
 * Notebook 01-claims (the claims register in words and tables): the vintages it compares, the states a claim names,
 * the register, summary, by-section and vintage-change tables, the verdicts chart, and the sentences around them —
 * each reading right for any focal state and any as-of date (0, 1, 2 or many claims; one vintage or two).
 * @module
 */
import { countWord, formatNumber, formatPercent } from "../core/format";
import { mergeSourceLists, type SourceId } from "../core/types";
import { periodLabel } from "../core/period";
import { parsePartialDate } from "../core/dates";
import type { ClaimRow, EventRow, GapRow, SourceRow, TransitRow } from "../data/resources";
import { parseClaimArgs } from "../indicators/claims/args";
import { claimsSummary } from "../indicators/claims/check";
import { TEST_KIND_TERMS } from "../indicators/claims/vocabulary";
import type { ClaimResult, Evidence, Verdict } from "../indicators/claims/types";
import { comparisonBarsFigure } from "../figures/comparison-bars";
import type { CaspianFigure } from "../figures/frame";
import type { SourceCatalog } from "../figures/inputs";
import type { TableInput } from "../figures/table";
import { html, md, mdCode, mdJoin, type Markdown, type SafeHtml } from "../display/safe-text";
import type { DisplayTable, TableHtmlOptions } from "../display/table-html";
import { formatDate } from "./as-of";
import { capitalize, countText, listPhrase } from "./prose";
import { VERDICTS, VERDICT_STYLES, verdictLabel } from "./verdicts";

/**
 * The scenarios of notebook 01, with what each means.
 * @category Claims register (01)
 */
export const CLAIMS_SCENARIOS = {
  hindsight: "the data published by the as-of date",
  "at-publication": "the data published by the article's judgement date, or by the as-of date if earlier",
} as const;

/**
 * A scenario of notebook 01.
 * @category Claims register (01)
 */
export type ClaimsScenario = keyof typeof CLAIMS_SCENARIOS;

/**
 * The claims checked with the data of one date.
 * @category Claims register (01)
 */
export interface ClaimsVintage {
  /** The date (ISO): rows published by then. */
  readonly date: string;
  /** Whether the date is the latest in the data (every row). */
  readonly latest: boolean;
  /** One result per claim, in the order of claims.csv. */
  readonly results: readonly ClaimResult[];
}

/**
 * The two dates notebook 01 judges with: `main` (the register's) and `other` (the vintage it is compared with, or
 * `undefined` when both would be the same date). Hindsight judges by the as-of date and compares with the article's
 * judgement date; at-publication judges by the judgement date (the as-of date if earlier) and compares with the
 * as-of date if later, else with the judgement date.
 * @example claimsVintageDates("hindsight", "2026-03-10", "2024-11-30") // => { main: "2026-03-10", other: "2024-11-30" }
 * @example claimsVintageDates("at-publication", "2026-03-10", "2024-11-30") // => { main: "2024-11-30", other: "2026-03-10" }
 * @example claimsVintageDates("at-publication", "2005-12-31", "2024-11-30") // => { main: "2005-12-31", other: "2024-11-30" }
 * @example claimsVintageDates("hindsight", "2024-11-30", "2024-11-30") // => { main: "2024-11-30", other: undefined }
 * @category Claims register (01)
 */
export function claimsVintageDates(
  scenario: ClaimsScenario,
  asOf: string,
  judged: string,
): { readonly main: string; readonly other: string | undefined } {
  const main = scenario === "at-publication" && judged < asOf ? judged : asOf;
  const other = main !== asOf ? asOf : main !== judged ? judged : undefined;
  return { main, other };
}

/**
 * The data of a vintage in words: "all data, to 10 March 2026" or "data published by 30 November 2024".
 * @example vintagePhrase({ date: "2024-11-30", latest: false }) // => "data published by 30 November 2024"
 * @example vintagePhrase({ date: "2026-03-10", latest: true }) // => "all data, to 10 March 2026"
 * @category Claims register (01)
 */
export function vintagePhrase(v: Pick<ClaimsVintage, "date" | "latest">): string {
  return v.latest ? `all data, to ${formatDate(v.date)}` : `data published by ${formatDate(v.date)}`;
}

/**
 * The states a claim's test names (ISO3 codes found in its parsed args, first seen first); none for a claim whose
 * args are not checkable or do not parse.
 * @example claimStates({ test: "status_at", args: '{"state":"AZE","org":"SCO","status":"member","date":"2024-11-30"}' }, new Set(["AZE", "GEO"])) // => ["AZE"]
 * @example claimStates({ test: "value", args: '{"not_checkable":"outside data/"}' }, new Set(["AZE"])) // => []
 * @category Claims register (01)
 */
export function claimStates(claim: Pick<ClaimRow, "test" | "args">, states: ReadonlySet<string>): string[] {
  const parsed = parseClaimArgs(claim.test, claim.args);
  if (!parsed.ok || parsed.notCheckable !== undefined) return [];
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      if (states.has(v) && !found.includes(v)) found.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(parsed.args);
  return found;
}

/**
 * The article's subject: the state most claims name in their test (ties: the first named); "" when no claim names
 * a state.
 * @example claimsSubject([["KAZ", "AZE"], ["AZE"], []]) // => "AZE"
 * @example claimsSubject([[], []]) // => ""
 * @category Claims register (01)
 */
export function claimsSubject(named: readonly (readonly string[])[]): string {
  const counts = new Map<string, number>();
  for (const states of named) for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = "";
  for (const [s, n] of counts) if (n > (counts.get(best) ?? 0)) best = s;
  return best;
}

/**
 * Whether a claim is not checkable by design (its args say so), as opposed to lacking a row in this vintage.
 * @example notCheckableByDesign({ test: "value", args: '{"not_checkable":"outside data/"}' }) // => true
 * @example notCheckableByDesign({ test: "date", args: '{"resource":"events","id":"x"}' }) // => false
 * @category Claims register (01)
 */
export function notCheckableByDesign(claim: Pick<ClaimRow, "test" | "args">): boolean {
  const parsed = parseClaimArgs(claim.test, claim.args);
  return parsed.ok && parsed.notCheckable !== undefined;
}

/**
 * The resource a claim's test reads ("events", "memberships"…), or `undefined` when its args do not name one.
 * @example claimResource({ test: "date", args: '{"resource":"events","id":"x"}' }) // => "events"
 * @category Claims register (01)
 */
export function claimResource(claim: Pick<ClaimRow, "test" | "args">): string | undefined {
  const parsed = parseClaimArgs(claim.test, claim.args);
  if (!parsed.ok || parsed.notCheckable !== undefined) return undefined;
  const r = (parsed.args as { resource?: unknown }).resource;
  return typeof r === "string" ? r : undefined;
}

/**
 * Verdict counts in words, zeros left out, in reading order: "23 supported, one partly supported and nine not
 * checkable"; "none" for no claims.
 * @example verdictCountsPhrase({ supported: 2, partly_supported: 0, not_supported: 1, not_checkable: 0 }) // => "two supported and one not supported"
 * @example verdictCountsPhrase({ supported: 0, partly_supported: 0, not_supported: 0, not_checkable: 0 }) // => "none"
 * @category Claims register (01)
 */
export function verdictCountsPhrase(counts: Readonly<Record<Verdict, number>>): string {
  return listPhrase(
    VERDICTS.filter((v) => counts[v] > 0).map((v) => `${countWord(counts[v])} ${verdictLabel(v).toLowerCase()}`),
  );
}

/**
 * The sentence on the focal state: how many claims name it in their test and how they fare, or, when none does, that
 * the register is still the article's, about its subject (the state most claims name).
 * @example focalClaimsSentence({ name: "Georgia", subject: "Azerbaijan", isSubject: false, named: [] }).source // => "No claim of the article names Georgia in its test; the register below is the article's, about Azerbaijan."
 * @example focalClaimsSentence({ name: "Kazakhstan", subject: "Azerbaijan", isSubject: false, named: [{ id: "a", verdict: "supported" }] }).source.startsWith("One claim names Kazakhstan in its test (`a`), marked ● in the register: one supported.") // => true
 * @category Claims register (01)
 */
export function focalClaimsSentence(input: {
  readonly name: string;
  readonly subject: string;
  readonly isSubject: boolean;
  readonly named: readonly Pick<ClaimResult, "id" | "verdict">[];
}): Markdown {
  const { name, subject, named } = input;
  if (named.length === 0)
    return md`No claim of the article names ${name} in its test; the register below is the article's, about ${subject}.`;
  const n = named.length;
  const ids =
    named.length <= 6
      ? md` (${mdJoin(
          named.map((r) => mdCode(r.id)),
          ", ",
        )})`
      : md``;
  const head = md`${capitalize(countText(n, "claim"))} name${n === 1 ? "s" : ""} ${name} in ${n === 1 ? "its" : "their"} test${ids}, marked ● in the register: ${verdictCountsPhrase(claimsSummary(named))}.`;
  return input.isSubject
    ? md`${head} ${name} is the article's subject; the other claims are about its partners and organisations.`
    : md`${head} The article is about ${subject}, so the register keeps every claim.`;
}

/**
 * The opening paragraph of notebook 01: how many claims from which parts of the article, judged with which data,
 * with what verdicts, and the date the claims take as the article's "now".
 * @example claimsOpening({ results: [{ section: "Intro", verdict: "supported" }], vintage: { date: "2024-11-30", latest: false }, judged: "2024-11-30" }).source.startsWith("**One claim** from one part of the article (*Intro*), judged with data published by 30 November 2024: one supported.") // => true
 * @category Claims register (01)
 */
export function claimsOpening(input: {
  readonly results: readonly Pick<ClaimResult, "section" | "verdict">[];
  readonly vintage: Pick<ClaimsVintage, "date" | "latest">;
  readonly judged: string;
}): Markdown {
  const { results, vintage, judged } = input;
  const sections = [...new Set(results.map((r) => r.section))];
  const parts = sections.map((s) => md`*${s}*`);
  const early =
    vintage.date < judged
      ? md` These data were published before the article's "now": claims about later events cannot yet be checked, or read as unsupported, for lack of data rather than because the article is wrong; the register says for each what all the data give.`
      : md``;
  return mdJoin([
    md`**${capitalize(countText(results.length, "claim"))}** from ${countText(sections.length, "part")} of the article (${mdJoin(parts.length > 2 ? [mdJoin(parts.slice(0, -1), ", "), parts.at(-1)!] : parts, md` and `)}), judged with ${vintagePhrase(vintage)}: ${verdictCountsPhrase(claimsSummary(results))}.`,
    md`Claims about the present are judged as of ${formatDate(judged)}, the date \`claims.csv\` uses for the article's "now".${early}`,
  ]);
}

/**
 * A value of the evidence as text: numbers with separators (one decimal when not whole, three below 1, as an index
 * is), `null` as "none".
 * @example evidenceValue(15000000) // => "15,000,000"
 * @example evidenceValue(8.44) // => "8.4"
 * @example evidenceValue(0.916) // => "0.916"
 * @example evidenceValue(null) // => "none"
 * @category Claims register (01)
 */
export function evidenceValue(v: string | number | null): string {
  if (v === null) return "none";
  return typeof v === "number" ? formatNumber(v, Number.isInteger(v) ? 0 : Math.abs(v) < 1 ? 3 : 1) : v;
}

/**
 * The evidence of a claim in one line: the first three values with shortened labels (a `where {…}` filter becomes
 * "matching the test", the row id is dropped), then "… and N more"; "" for no evidence.
 * @example evidenceText([{ label: "date of ev-1", value: "2024-03-19", row: "ev-1", sources: [] }]) // => "date: 2024-03-19"
 * @example evidenceText([]) // => ""
 * @category Claims register (01)
 */
export function evidenceText(evidence: readonly Evidence[]): string {
  const shown = evidence.slice(0, 3).map((e) => {
    let label = e.label
      .replace(/ where \{.*?\}(?= as of|$| with )/, " matching the test")
      .replace(/ where \{.*\}/, " matching the test");
    if (e.row !== undefined && e.row !== "" && !e.row.includes(";")) label = label.replace(` of ${e.row}`, "");
    if (label.length > 110) label = `${label.slice(0, 107)}…`;
    return `${label}: ${evidenceValue(e.value)}`;
  });
  const more = evidence.length > 3 ? ` … and ${formatNumber(evidence.length - 3)} more` : "";
  return shown.join(" | ") + more;
}

/**
 * The publishers of sources, distinct, joined with "; ", the first `max` then "+N more"; an unknown id stands for
 * itself; "" for no sources.
 * @example publishersOf(["a", "b", "c"], [{ id: "a", publisher: "Trend" }, { id: "b", publisher: "Trend" }, { id: "c", publisher: "Report.az" }]) // => "Trend; Report.az"
 * @example publishersOf(["a", "b", "c"], [], 2) // => "a; b; +1 more"
 * @category Claims register (01)
 */
export function publishersOf(
  ids: readonly string[],
  catalog: readonly Pick<SourceRow, "id" | "publisher">[],
  max = 4,
): string {
  const byId = new Map(catalog.map((s) => [s.id as string, s.publisher]));
  const unique = [...new Set(ids.map((id) => byId.get(id) ?? id))];
  return unique.length > max ? `${unique.slice(0, max).join("; ")}; +${unique.length - max} more` : unique.join("; ");
}

/**
 * One row of the claims register (the registered table's row).
 * @category Claims register (01)
 */
export interface ClaimRegisterRow {
  readonly [key: string]: string | number;
  readonly n: number;
  readonly id: string;
  readonly section: string;
  /** The claim in our words, with "● " before it when it names the focal state. */
  readonly claim: string;
  readonly verdict: Verdict;
  readonly verdict_label: string;
  readonly article_value: string;
  readonly finding: string;
  readonly evidence: string;
  readonly publishers: string;
  readonly source_ids: string;
  readonly caveat: string;
  /** What all the data give when it differs from this vintage ("" when it does not, or this is all the data). */
  readonly later: string;
  /** How the claim is tested, in one sentence (claims.csv `operationalisation`); "" when not given. */
  readonly how: string;
  /** The test kind, in words ("Status on a date"). */
  readonly test_label: string;
  /** The verdict of the vintage compared with, when there is one ("" otherwise). */
  readonly other_verdict_label: string;
  /** "changed" when the compared vintage's verdict differs, else "". */
  readonly changed: string;
}

/**
 * The rows of the claims register: one per result, in order, with the evidence, publishers and caveat, the focal
 * state's claims marked ●, and — when `all` (the check with every row) is given — what all the data give for a
 * claim whose verdict they change ("not yet published" for one this vintage cannot check).
 * @example claimsRegisterRows([{ id: "a", section: "S", claim: "C", indicator: "i", test: "date", verdict: "not_checkable", reason: "no row", articleValue: "2024", tolerance: undefined, evidence: [], sources: [] }], { catalog: [], notes: new Map([["a", "note"]]), marked: new Set(["a"]), all: { date: "2026-03-10", latest: true, results: [{ id: "a", verdict: "supported" }] }, date: "2005-12-31" })[0].later // => "Not yet published by 31 December 2005; all data, to 10 March 2026, give: Supported."
 * @category Claims register (01)
 */
export function claimsRegisterRows(
  results: readonly ClaimResult[],
  input: {
    readonly catalog: readonly Pick<SourceRow, "id" | "publisher">[];
    readonly notes: ReadonlyMap<string, string | undefined>;
    readonly marked: ReadonlySet<string>;
    /** The date of this vintage. */
    readonly date: string;
    readonly all?: {
      readonly date: string;
      readonly latest: boolean;
      readonly results: readonly Pick<ClaimResult, "id" | "verdict">[];
    };
    /** One sentence per claim on how it is tested (claims.csv `operationalisation`). */
    readonly how?: ReadonlyMap<string, string | undefined>;
    /** The vintage the register is compared with: its verdict is shown beside each claim's. */
    readonly other?: {
      readonly date: string;
      readonly latest: boolean;
      readonly results: readonly Pick<ClaimResult, "id" | "verdict">[];
    };
  },
): ClaimRegisterRow[] {
  const allById = new Map((input.all?.results ?? []).map((r) => [r.id, r.verdict]));
  const otherById = new Map((input.other?.results ?? []).map((r) => [r.id, r.verdict]));
  return results.map((r, i) => {
    const then = input.all && input.all.date !== input.date ? allById.get(r.id) : undefined;
    const later =
      then === undefined || then === r.verdict
        ? ""
        : `${r.verdict === "not_checkable" ? `Not yet published by ${formatDate(input.date)}; a` : "A"}ll data, to ${formatDate(input.all!.date)}, give: ${verdictLabel(then)}.`;
    return {
      n: i + 1,
      id: r.id,
      section: r.section,
      claim: (input.marked.has(r.id) ? "● " : "") + r.claim,
      verdict: r.verdict,
      verdict_label: verdictLabel(r.verdict),
      article_value: r.articleValue ?? "",
      finding: r.reason,
      evidence: evidenceText(r.evidence),
      publishers: publishersOf(r.sources, input.catalog),
      source_ids: r.sources.join("; "),
      caveat: input.notes.get(r.id) ?? "",
      later,
      how: input.how?.get(r.id) ?? "",
      test_label: testKindLabel(r.test),
      other_verdict_label: otherById.has(r.id) ? verdictLabel(otherById.get(r.id)!) : "",
      changed: otherById.has(r.id) && otherById.get(r.id) !== r.verdict ? "changed" : "",
    };
  });
}

/**
 * A test kind of claims.csv in words.
 * @example testKindLabel("status_at") // => "Status on a date"
 * @example testKindLabel("unknown") // => "unknown"
 * @category Claims register (01)
 */
export function testKindLabel(test: string): string {
  return (TEST_KIND_TERMS as Readonly<Record<string, { label: string }>>)[test]?.label ?? test;
}

/**
 * The register as registered for the report pack: every column, the sources of every row; a "Later data" column
 * only when some row has one.
 * @example claimsRegisterTable([]).columns.some((c) => c.key === "later") // => false
 * @category Claims register (01)
 */
export function claimsRegisterTable(
  rows: readonly ClaimRegisterRow[],
  otherPhrase?: string,
): TableInput & { readonly title: string } {
  const withLater = rows.some((r) => r.later !== "");
  const withOther = rows.some((r) => r.other_verdict_label !== "");
  return {
    title: `Claims register: ${countText(rows.length, "claim")} of the article and their verdicts`,
    columns: [
      { key: "n", label: "#" },
      { key: "id", label: "Claim id" },
      { key: "section", label: "Section" },
      { key: "claim", label: "Claim (our words)" },
      { key: "verdict", label: "Verdict" },
      ...(withOther
        ? [
            { key: "other_verdict_label", label: `Verdict (${otherPhrase ?? "the other vintage"})` },
            { key: "changed", label: "Changed" },
          ]
        : []),
      { key: "test_label", label: "Test" },
      { key: "how", label: "How it is tested" },
      { key: "article_value", label: "Article" },
      { key: "finding", label: "What the data say" },
      { key: "evidence", label: "Evidence" },
      { key: "publishers", label: "Sources" },
      { key: "source_ids", label: "Source ids" },
      { key: "caveat", label: "Caveat" },
      ...(withLater ? [{ key: "later", label: "Later data" }] : []),
    ],
    rows,
    sources: mergeSourceLists(rows.map((r) => r.source_ids.split("; ").filter((s) => s !== "") as SourceId[])),
  };
}

const small = (content: SafeHtml | string) =>
  html`<div style="color:#555;font-size:12px;margin-top:3px">${content}</div>`;

/**
 * The register as a reader sees it: five columns, the article's value, the evidence, the note on later data and the
 * caveat in small print under the main text, verdict cells in their colour.
 * @example claimsRegisterDisplay([]).table.columns.length // => 5
 * @category Claims register (01)
 */
export function claimsRegisterDisplay(
  rows: readonly ClaimRegisterRow[],
  labels: { readonly main?: string; readonly other?: string } = {},
): {
  readonly table: DisplayTable;
  readonly options: Pick<TableHtmlOptions, "cellStyle" | "minWidths">;
} {
  const withOther = rows.some((r) => r.other_verdict_label !== "");
  return {
    table: {
      columns: [
        { key: "n", label: "#" },
        { key: "claim", label: "Claim (our words), how it is tested, the article's value and the claim id" },
        { key: "verdict_label", label: labels.main ? `Verdict (${labels.main})` : "Verdict" },
        ...(withOther
          ? [{ key: "other_verdict_label", label: labels.other ? `Verdict (${labels.other})` : "Other vintage" }]
          : []),
        { key: "data", label: "What the data say, and the evidence" },
        { key: "notes", label: "Sources and caveat" },
      ],
      rows: rows.map((r) => ({
        n: r.n,
        claim: html`${r.claim}${r.how ? small(html`<b>Test</b> (${r.test_label.toLowerCase()}): ${r.how}`) : ""}${small(html`Article: <b>${r.article_value || "–"}</b> · <code>${r.id}</code>`)}`,
        verdict_label: r.verdict_label,
        ...(withOther
          ? {
              other_verdict_label: r.changed
                ? html`${r.other_verdict_label}${small(html`<b>▲ changed</b>`)}`
                : r.other_verdict_label,
            }
          : {}),
        data: html`${r.finding}${r.evidence ? small(r.evidence) : ""}${r.later ? small(html`<i>${r.later}</i>`) : ""}`,
        notes: html`${r.publishers ? r.publishers : html`<span style="color:#999">no source</span>`}${r.caveat ? small(html`<i>${r.caveat}</i>`) : ""}`,
      })),
      sources: claimsRegisterTable(rows).sources,
    },
    options: { cellStyle: verdictCellStyle, minWidths: { claim: "18em", data: "15em", notes: "12em" } },
  };
}

/**
 * The background of a verdict cell (column `verdict_label` or `verdict`); `undefined` for other cells.
 * @example verdictCellStyle("verdict_label", "Supported") // => "background:#DDF2EA;font-weight:600"
 * @example verdictCellStyle("claim", "Supported") // => undefined
 * @category Claims register (01)
 */
export function verdictCellStyle(key: string, value: unknown): string | undefined {
  if (key !== "verdict_label" && key !== "verdict" && key !== "other_verdict_label") return undefined;
  const text =
    typeof value === "object" && value !== null && "source" in value
      ? String((value as { source: unknown }).source)
      : value;
  const v = VERDICTS.find(
    (k) =>
      verdictLabel(k) === text || k === text || (typeof text === "string" && text.startsWith(`${verdictLabel(k)}<`)),
  );
  return v === undefined ? undefined : `background:${VERDICT_STYLES[v].background};font-weight:600`;
}

/**
 * Verdict counts of a vintage, and of the vintage it is compared with when there is one (no column that would
 * compare a vintage with itself): one row per verdict, with its share and the ids of its claims.
 * @example claimsSummaryTable({ date: "2026-03-10", latest: true, results: [{ id: "a", verdict: "supported" }] }).rows[0] // => { verdict: "Supported", count: 1, share: 100, claims: "a" }
 * @category Claims register (01)
 */
export function claimsSummaryTable(
  main: Pick<ClaimsVintage, "date" | "latest"> & { readonly results: readonly Pick<ClaimResult, "id" | "verdict">[] },
  other?: Pick<ClaimsVintage, "date" | "latest"> & { readonly results: readonly Pick<ClaimResult, "verdict">[] },
  sources: readonly SourceId[] = [],
): TableInput & { readonly title: string } {
  const counts = claimsSummary(main.results);
  const otherCounts = other ? claimsSummary(other.results) : undefined;
  const total = main.results.length;
  return {
    title: "Verdicts",
    columns: [
      { key: "verdict", label: "Verdict" },
      { key: "count", label: `Claims (${vintagePhrase(main)})` },
      { key: "share", label: "Share", unit: "%" },
      ...(other ? [{ key: "compared", label: `Claims (${vintagePhrase(other)})` }] : []),
      { key: "claims", label: "Claim ids" },
    ],
    rows: VERDICTS.map((v) => ({
      verdict: verdictLabel(v),
      count: counts[v],
      share: total > 0 ? (counts[v] / total) * 100 : null,
      ...(otherCounts ? { compared: otherCounts[v] } : {}),
      claims: main.results
        .filter((r) => r.verdict === v)
        .map((r) => r.id)
        .join(", "),
    })),
    sources,
  };
}

/**
 * Verdict counts by section of the article, sections in the order they first appear, with a total.
 * @example claimsBySectionTable([{ section: "A", verdict: "supported" }, { section: "A", verdict: "not_checkable" }]).rows // => [{ section: "A", supported: 1, partly_supported: 0, not_supported: 0, not_checkable: 1, total: 2 }]
 * @category Claims register (01)
 */
export function claimsBySectionTable(
  results: readonly Pick<ClaimResult, "section" | "verdict">[],
  sources: readonly SourceId[] = [],
): TableInput & { readonly title: string } {
  const sections = [...new Set(results.map((r) => r.section))];
  return {
    title: "Verdicts by section",
    columns: [
      { key: "section", label: "Section of the article" },
      ...VERDICTS.map((v) => ({ key: v, label: verdictLabel(v) })),
      { key: "total", label: "Total" },
    ],
    rows: sections.map((section) => {
      const inSection = results.filter((r) => r.section === section);
      return { section, ...claimsSummary(inSection), total: inSection.length };
    }),
    sources,
  };
}

/**
 * Verdict counts by kind of test, so a reader sees which verdicts rest on dates, on statuses, on counts of a
 * catalogue and on published figures; kinds in the order of {@link TEST_KIND_TERMS}, only those used, with a total.
 * @example claimsByTestTable([{ test: "date", verdict: "supported" }, { test: "change", verdict: "not_supported" }]).rows.map((r) => [r.test, r.rests_on, r.total]) // => [["Date of an event", "dates", 1], ["Change in the latest year", "figures", 1]]
 * @category Claims register (01)
 */
export function claimsByTestTable(
  results: readonly Pick<ClaimResult, "test" | "verdict">[],
  sources: readonly SourceId[] = [],
): TableInput & { readonly title: string } {
  const kinds = (Object.keys(TEST_KIND_TERMS) as (keyof typeof TEST_KIND_TERMS)[]).filter((k) =>
    results.some((r) => r.test === k),
  );
  return {
    title: "Verdicts by kind of test",
    columns: [
      { key: "test", label: "Kind of test" },
      { key: "rests_on", label: "Verdict rests on" },
      ...VERDICTS.map((v) => ({ key: v, label: verdictLabel(v) })),
      { key: "total", label: "Total" },
    ],
    rows: kinds.map((k) => {
      const of = results.filter((r) => r.test === k);
      return {
        test: TEST_KIND_TERMS[k].label,
        rests_on: TEST_KIND_TERMS[k].restsOn,
        ...claimsSummary(of),
        total: of.length,
      };
    }),
    sources,
  };
}

/**
 * Bars of the verdict counts, one group per vintage (earliest first), each verdict in its house colour.
 * @example verdictsFigure([{ date: "2026-03-10", latest: true, results: [{ verdict: "supported" }] }], { sourceCatalog: [] }).data.length // => 4
 * @category Claims register (01)
 */
export function verdictsFigure(
  vintages: readonly (Pick<ClaimsVintage, "date" | "latest"> & {
    readonly results: readonly Pick<ClaimResult, "verdict">[];
  })[],
  options: { readonly sourceCatalog: SourceCatalog; readonly sources?: readonly SourceId[] },
): CaspianFigure {
  const sorted = [...vintages].sort((a, b) => a.date.localeCompare(b.date));
  const n = sorted[0]?.results.length ?? 0;
  const figure = comparisonBarsFigure(
    {
      quantity: "Claims",
      unit: "number",
      bars: sorted.flatMap((g) => {
        const c = claimsSummary(g.results);
        return VERDICTS.map((v) => ({
          label: verdictLabel(v),
          value: c[v],
          group: capitalize(vintagePhrase(g)),
          colorKey: v,
          period: `checked against the data of ${g.date}`,
          computed: "Counted from the article's claims (data/claims.csv)",
        }));
      }),
      sources: options.sources ?? [],
    },
    {
      title: `Verdicts on the article's ${countText(n, "claim")}`,
      subtitle:
        sorted.length > 1
          ? `With ${vintagePhrase(sorted[0]!)}, and with ${vintagePhrase(sorted.at(-1)!)}`
          : capitalize(vintagePhrase(sorted[0] ?? { date: "", latest: true })),
      note: "A verdict measures agreement with the sources in data/, not independent proof.",
      sourceCatalog: options.sourceCatalog,
      horizontal: false,
      noData: "No claims to count.",
    },
  );
  return {
    ...figure,
    data: figure.data.map((t) => {
      const v = VERDICTS.find((k) => verdictLabel(k) === t.name);
      return v ? { ...t, marker: { ...(t.marker as object), color: VERDICT_STYLES[v].color } } : t;
    }),
  };
}

/**
 * The caption of the verdicts chart: supported and not checkable counts, per vintage when there are two.
 * @example verdictsCaption([{ date: "2026-03-10", latest: true, results: [{ verdict: "supported" }, { verdict: "not_checkable" }] }]) // => "Of two claims, one is supported and one not checkable with all data, to 10 March 2026."
 * @category Claims register (01)
 */
export function verdictsCaption(
  vintages: readonly (Pick<ClaimsVintage, "date" | "latest"> & {
    readonly results: readonly Pick<ClaimResult, "verdict">[];
  })[],
): string {
  const sorted = [...vintages].sort((a, b) => a.date.localeCompare(b.date));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return "No claims.";
  const c0 = claimsSummary(first.results);
  const c1 = claimsSummary(last.results);
  const of = `Of ${countText(last.results.length, "claim")}`;
  if (sorted.length === 1)
    return `${of}, ${num(c1.supported)} ${be(c1.supported)} supported and ${num(c1.not_checkable)} not checkable with ${vintagePhrase(last)}.`;
  return `${of}, ${num(c0.supported)} ${be(c0.supported)} supported with ${vintagePhrase(first)} and ${num(c1.supported)} with ${vintagePhrase(last)}; ${num(c1.not_checkable)} ${c1.not_checkable === 1 ? "stays" : "stay"} not checkable.`;
}

/**
 * A claim whose verdict differs between two vintages.
 * @category Claims register (01)
 */
export interface VintageChange {
  readonly id: string;
  /** The verdict with the earlier data. */
  readonly before: Verdict;
  /** The verdict with the later data. */
  readonly after: Verdict;
  /** What the later data say. */
  readonly finding: string;
  readonly sources: readonly SourceId[];
}

/**
 * The claims whose verdict differs between an earlier and a later check of the same claims (matched by id).
 * @example vintageChanges([{ id: "a", verdict: "not_checkable" }, { id: "b", verdict: "supported" }], [{ id: "a", verdict: "supported", reason: "r", sources: [] }, { id: "b", verdict: "supported", reason: "r", sources: [] }]).map((c) => c.id) // => ["a"]
 * @category Claims register (01)
 */
export function vintageChanges(
  earlier: readonly Pick<ClaimResult, "id" | "verdict">[],
  later: readonly Pick<ClaimResult, "id" | "verdict" | "reason" | "sources">[],
): VintageChange[] {
  const before = new Map(earlier.map((r) => [r.id, r.verdict]));
  return later
    .filter((r) => before.has(r.id) && before.get(r.id) !== r.verdict)
    .map((r) => ({ id: r.id, before: before.get(r.id)!, after: r.verdict, finding: r.reason, sources: r.sources }));
}

/**
 * The table of the verdicts that change between two vintages.
 * @example vintageChangesTable([], { date: "2024-11-30", latest: false }, { date: "2026-03-10", latest: true }).columns[1].label // => "Data published by 30 November 2024"
 * @category Claims register (01)
 */
export function vintageChangesTable(
  changes: readonly VintageChange[],
  earlier: Pick<ClaimsVintage, "date" | "latest">,
  later: Pick<ClaimsVintage, "date" | "latest">,
): TableInput & { readonly title: string } {
  return {
    title: `Claims whose verdict depends on data published after ${formatDate(earlier.date)}`,
    columns: [
      { key: "id", label: "Claim id" },
      { key: "before", label: capitalize(vintagePhrase(earlier)) },
      { key: "after", label: capitalize(vintagePhrase(later)) },
      { key: "finding", label: "What the later data say" },
    ],
    rows: changes.map((c) => ({
      id: c.id,
      before: verdictLabel(c.before),
      after: verdictLabel(c.after),
      finding: c.finding,
    })),
    sources: mergeSourceLists(changes.map((c) => c.sources)),
  };
}

/**
 * What the verdict changes between two vintages mean, in a paragraph: how many change; which the earlier data could
 * not check and what the later data make of them; which changed from one verdict to another. With `articleDate`
 * equal to the earlier date, it adds that hindsight is not what the authors could check.
 * @example vintageChangesText([{ id: "a", before: "not_checkable", after: "supported", finding: "", sources: [] }], { date: "2024-11-30", latest: false }, "2024-11-30").source.startsWith("One verdict changes. With only data published by 30 November 2024, `a` could not be checked") // => true
 * @example vintageChangesText([], { date: "2024-11-30", latest: false }, "2024-11-30").source // => "No verdict changes between the two vintages."
 * @category Claims register (01)
 */
export function vintageChangesText(
  changes: readonly VintageChange[],
  earlier: Pick<ClaimsVintage, "date" | "latest">,
  articleDate: string,
): Markdown {
  if (changes.length === 0) return md`No verdict changes between the two vintages.`;
  const unchecked = changes.filter((c) => c.before === "not_checkable");
  const turned = changes.filter((c) => c.before !== "not_checkable");
  const ids = (cs: readonly VintageChange[]) => mdJoinList(cs.map((c) => mdCode(c.id)));
  const labels = (cs: readonly VintageChange[]) =>
    listPhrase([...new Set(cs.map((c) => verdictLabel(c.after).toLowerCase()))]);
  const n = changes.length;
  const parts: Markdown[] = [md`${capitalize(countText(n, "verdict"))} change${n === 1 ? "s" : ""}.`];
  if (unchecked.length > 0) {
    parts.push(
      md`With only ${vintagePhrase(earlier)}, ${ids(unchecked)} could not be checked: the data ${unchecked.length === 1 ? "it needs were" : "they need were"} published later, and later data make ${unchecked.length === 1 ? "it" : "them"} ${labels(unchecked)}.`,
    );
    if (earlier.date === articleDate)
      parts.push(
        md`That is evidence that the plans and trends the article describes did materialise, not that the authors had checked them.`,
      );
  }
  if (turned.length > 0)
    parts.push(
      md`${mdJoinList(turned.map((c) => md`${mdCode(c.id)} (${verdictLabel(c.before).toLowerCase()} → ${verdictLabel(c.after).toLowerCase()})`))} ${turned.length === 1 ? "changes" : "change"} verdict with the later data.`,
    );
  return mdJoin(parts, " ");
}

/** A count in words for prose, "none" for zero: "none", "one", "28". */
const num = (n: number): string => (n === 0 ? "none" : countWord(n));
/** The verb for {@link num}: "none is", "one is", "two are". */
const be = (n: number): "is" | "are" => (n <= 1 ? "is" : "are");
/** Sentences joined with a space, empty ones left out. */
const sentences = (parts: readonly Markdown[]): Markdown =>
  mdJoin(
    parts.filter((p) => p.source !== ""),
    " ",
  );

/** Markdown items joined as prose: "a", "a and b", "a, b and c". */
function mdJoinList(items: readonly Markdown[]): Markdown {
  if (items.length <= 2) return mdJoin(items, md` and `);
  return mdJoin([mdJoin(items.slice(0, -1), ", "), items.at(-1)!], md` and `);
}

/**
 * What {@link claimsDiscussion} reads.
 * @category Claims register (01)
 */
export interface ClaimsDiscussionInput {
  /** The results of the register's vintage. */
  readonly results: readonly ClaimResult[];
  /** The claims (claims.csv rows), for their args. */
  readonly claims: readonly Pick<ClaimRow, "id" | "test" | "args">[];
  /** The register's vintage. */
  readonly vintage: Pick<ClaimsVintage, "date" | "latest">;
  /** The article's judgement date. */
  readonly judged: string;
  /** Transit rows, events and gaps of the vintage, and the source catalogue. */
  readonly transit: readonly Pick<
    TransitRow,
    "id" | "scope" | "value" | "period_start" | "period_end" | "base_start" | "base_end" | "sources"
  >[];
  readonly events: readonly Pick<EventRow, "kind" | "date" | "title" | "orgs">[];
  readonly gaps: readonly Pick<GapRow, "id" | "resource" | "description">[];
  readonly catalog: readonly Pick<SourceRow, "id" | "publisher" | "published">[];
}

/**
 * The discussion of notebook 01, as paragraphs: how many checkable claims hold; what "partly supported" means here;
 * what is not checkable and why; the article's one growth figure and the speech behind it; an early vintage and the
 * undated sources it keeps; thin evidence; the gaps. Every paragraph holds for any number of claims (a paragraph
 * with nothing to say is left out).
 * @example claimsDiscussion({ results: [], claims: [], vintage: { date: "2024-11-30", latest: false }, judged: "2024-11-30", transit: [], events: [], gaps: [], catalog: [] })[0].source // => "**No claim can be checked** with data published by 30 November 2024."
 * @category Claims register (01)
 */
export function claimsDiscussion(input: ClaimsDiscussionInput): Markdown[] {
  const { results, vintage } = input;
  const claimById = new Map(input.claims.map((c) => [c.id, c]));
  const by = (v: Verdict) => results.filter((r) => r.verdict === v);
  const checkable = results.filter((r) => r.verdict !== "not_checkable");
  const [supported, partly, notSupported] = [by("supported"), by("partly_supported"), by("not_supported")];
  const code = (rs: readonly { readonly id: string }[]) => mdJoinList(rs.map((r) => mdCode(r.id)));
  const out: Markdown[] = [];

  if (checkable.length === 0) out.push(md`**No claim can be checked** with ${vintagePhrase(vintage)}.`);
  else {
    const dateLike = checkable.filter((r) => r.test === "date" || r.test === "status_at");
    const datesOk = dateLike.filter((r) => r.verdict === "supported").length;
    out.push(
      sentences([
        md`**${supported.length > checkable.length / 2 ? "Most checkable claims hold" : "Many checkable claims do not hold"}.** Of ${countText(checkable.length, "claim")} the data can reach, ${num(supported.length)} ${be(supported.length)} supported,`,
        md`${num(partly.length)} ${be(partly.length)} partly supported and ${notSupported.length === 0 ? md`none is contradicted` : md`${num(notSupported.length)} ${be(notSupported.length)} not supported (${code(notSupported)})`}.`,
        dateLike.length === 0
          ? md``
          : datesOk === dateLike.length
            ? md`The solid part of the article is its chronology: all ${formatNumber(dateLike.length)} checkable dates and statuses agree with the sources.`
            : md`Of ${countText(dateLike.length, "checkable date and status", "checkable dates and statuses")}, ${num(datesOk)} agree with the sources.`,
      ]),
    );
  }
  if (partly.length > 0)
    out.push(
      md`**Partly supported** means the article states as achieved, or as precise, something the data show only in part: ${mdJoin(
        partly.map((r) => md`${mdCode(r.id)} — ${r.reason}`),
        "; ",
      )}.`,
    );

  const unchecked = by("not_checkable");
  const byDesign = unchecked.filter((r) => {
    const c = claimById.get(r.id);
    return c !== undefined && notCheckableByDesign(c);
  });
  const noRow = unchecked.filter((r) => !byDesign.includes(r) && r.evidence.length === 0);
  const uncountable = unchecked.filter((r) => !byDesign.includes(r) && r.evidence.length > 0);
  const designParts: Markdown[] = [];
  if (byDesign.length > 0)
    designParts.push(
      md`**Not checkable, by design.** ${capitalize(countText(byDesign.length, "claim"))} ${byDesign.length === 1 ? "is" : "are"} beyond what \`data/\` can test, as a statement of intent or a matter outside its scope (${listPhrase(byDesign.map((r) => r.id))}); each carries its reason in the register.`,
    );
  if (noRow.length > 0)
    designParts.push(
      md`${capitalize(countText(noRow.length, "claim"))} (${code(noRow)}) could be tested but ${noRow.length === 1 ? "finds" : "find"} no row in ${vintagePhrase(vintage)}.`,
    );
  if (uncountable.length > 0)
    designParts.push(
      md`${capitalize(countText(uncountable.length, "more claim"))} ${uncountable.length === 1 ? "has" : "have"} data but no testable number: ${mdJoin(
        uncountable.map((r) => md`${mdCode(r.id)} (${r.reason})`),
        "; ",
      )}.`,
    );
  if (designParts.length > 0) out.push(mdJoin(designParts, " "));

  const growth = growthParagraph(input);
  if (growth !== undefined) out.push(growth);

  if (vintage.date < input.judged) {
    const undatedOnly = checkable.filter((r) => restsOnUndated(r.sources, input.catalog, vintage.date));
    out.push(
      sentences([
        md`**An early vintage.** The data used here were published by ${formatDate(vintage.date)}, before the article's judgement date (${formatDate(input.judged)}). Claims about later events fail or cannot be checked for lack of data, not because the article is wrong.`,
        undatedOnly.length === 0
          ? md``
          : md`${code(undatedOnly)} ${undatedOnly.length === 1 ? "rests" : "rest"} only on sources without a publication date, which every vintage keeps (their dated sources appeared later): read ${undatedOnly.length === 1 ? "its verdict" : "their verdicts"} with care.`,
      ]),
    );
  }

  const single = checkable.filter((r) => r.sources.length === 1);
  const eventCounts = results.filter((r) => {
    const c = claimById.get(r.id);
    return r.test === "count" && c !== undefined && claimResource(c) === "events";
  });
  out.push(
    sentences([
      single.length === 0
        ? md`**Thin evidence.** No checkable claim rests on a single source page.`
        : md`**Thin evidence.** ${capitalize(countText(single.length, "checkable claim"))} ${single.length === 1 ? "rests" : "rest"} on a single source page (${code(single)}).`,
      eventCounts.length === 0
        ? md``
        : md`Counts of events (${code(eventCounts)}) measure the coverage of our catalogue as much as the diplomacy itself: an event that is not catalogued is not counted.`,
    ]),
  );

  if (input.gaps.length > 0) {
    const byResource = new Map<string, number>();
    for (const g of input.gaps) byResource.set(g.resource, (byResource.get(g.resource) ?? 0) + 1);
    const parts = [...byResource].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${formatNumber(n)} in ${k}`);
    out.push(
      md`**Where the data are missing.** \`gaps.csv\` lists ${countText(input.gaps.length, "figure")} that ${input.gaps.length === 1 ? "was" : "were"} searched for and not found (${listPhrase(parts)}). None of them is filled with a guess; a claim that would need one is *not checkable* rather than supported.`,
    );
  }
  return out;
}

/**
 * Whether sources reach a date only through undated ones: none is dated on or before `date`, and some are undated.
 * @example restsOnUndated(["a", "b"], [{ id: "a", publisher: "P", published: undefined }, { id: "b", publisher: "P", published: "2024-03" }], "2010-12-31") // => true
 * @example restsOnUndated(["b"], [{ id: "b", publisher: "P", published: "2004" }], "2010-12-31") // => false
 * @category Claims register (01)
 */
export function restsOnUndated(
  ids: readonly string[],
  catalog: readonly Pick<SourceRow, "id" | "published">[],
  date: string,
): boolean {
  const byId = new Map(catalog.map((s) => [s.id as string, s.published]));
  const dates = ids.map((id) => byId.get(id));
  const undated = dates.filter((d) => d === undefined || d === "" || !parsePartialDate(d));
  return (
    undated.length > 0 &&
    dates.every((d) => d === undefined || d === "" || !parsePartialDate(d) || d.slice(0, date.length) > date)
  );
}

/** The paragraph on the article's one numeric growth figure, when the vintage holds the row it rests on. */
function growthParagraph(input: ClaimsDiscussionInput): Markdown | undefined {
  const claim = input.results.find(
    (r) => r.test === "growth" && r.articleValue !== undefined && /\d/.test(r.articleValue) && r.evidence.length > 0,
  );
  const row = input.transit.find((t) => t.id === claim?.evidence[0]?.row);
  if (claim === undefined || row === undefined) return undefined;
  const sources = row.sources
    .map((id) => input.catalog.find((s) => s.id === id))
    .filter((s): s is Pick<SourceRow, "id" | "publisher" | "published"> => s !== undefined);
  const speech = input.events.find(
    (e) =>
      e.kind === "summit" &&
      sources.some((s) => s.published === e.date) &&
      e.orgs.some((o) => row.scope.startsWith(o.toLowerCase())),
  );
  const gaps = input.gaps.filter(
    (g) => g.resource === "transit" && g.description.includes(row.scope === "ots_transit" ? "OTS" : row.scope),
  );
  const base = row.base_start && row.base_end ? ` against ${periodLabel(row.base_start, row.base_end)}` : "";
  const publishers = [...new Set(sources.map((s) => s.publisher))];
  return sentences([
    md`**The ~${(claim.articleValue ?? "").replace(/[^0-9.]/g, "")} % transit figure.** The one growth rate in the article is ${mdCode(claim.id)}. Its verdict is *${verdictLabel(claim.verdict).toLowerCase()}*,`,
    md`but the package holds a single figure for it (${formatPercent(row.value, { sign: true })}, ${periodLabel(row.period_start, row.period_end)}${base}),`,
    md`reported by ${countText(publishers.length, "outlet")} (${listPhrase(publishers)})${speech ? md` from the same speech at the ${speech.title} (${formatDate(speech.date)})` : md``}.`,
    md`Agreement therefore shows that the article quotes ${speech ? "the speech" : "its source"} correctly; it does not verify ${speech ? "the speech" : "the source"}.`,
    gaps.length > 0
      ? md`No tonnage was found behind the percentage (gaps.csv: ${mdJoin(
          gaps.map((g) => mdCode(g.id)),
          ", ",
        )}), so its base and its share of all transit stay unknown.`
      : md``,
    md`Notebook 02 sets it beside the other growth rates published for ${row.period_end.slice(0, 4)}.`,
  ]);
}
