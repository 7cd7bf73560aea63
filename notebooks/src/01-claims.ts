// %% [markdown]
// # 01 · The article's claims, checked against the data
//
// Shafiyev and Bayramli make a number of statements that can be tested: dates of summits and accessions, the
// status Azerbaijan holds in the SCO, CICA and the OTS, the counts behind "investment funds with three Central Asian
// states", the capacity of the Baku port and the Baku–Tbilisi–Kars railway, and one growth rate — the rise in
// transit with OTS member and observer states that closes the section on Central Asia and the OTS.
// `data/claims.csv` restates each of them in our words, together with a machine-readable test; `lib/claims` runs the
// tests against the sourced rows of `data/` and returns a verdict, the values it rests on and their sources.
//
// This notebook is the **claims register**: every row of `claims.csv`, its verdict, the evidence and the caveat,
// then a summary by verdict and by section of the article, the claims whose verdict depends on data published after
// the article, and a discussion of what the verdicts do and do not say.
//
// Four verdicts are possible. *Supported*: the data agree within the stated tolerance. *Partly supported*: they agree
// only in part (a coarser date, an announced but unrealised change, figures that disagree among themselves).
// *Not supported*: the data contradict the claim. *Not checkable*: the package cannot decide — the claim lies
// outside its scope, or the figure has not been found. A verdict is about agreement with our sources, never a proof:
// when the article and our only source quote the same speech, "supported" means the article repeats it faithfully.

// %% tags=parameters
let focal = "AZE"; // ISO3 of the state whose claims are read (the article's claims are about Azerbaijan)
let asOf: string | number = ""; // (a bare year from the command line arrives as a number) data vintage: "" = the latest date in the data; "2024-11-30" = only rows published by then
let scenario = "hindsight"; // "hindsight": judge with the data known by asOf; "at-publication": with the data published by the article's judgement date

// %%
import * as cl from "../dist/lib";
import * as rp from "../dist/lib/notebook";

const pkg = cl.dataPackage();
const latest = rp.latestDataDate(pkg);
const vintageDate = rp.resolveAsOf(String(asOf), pkg);
const judged = rp.claimsJudgementDate(pkg.claims) ?? vintageDate; // the article's "now" in claims.csv
if (scenario !== "hindsight" && scenario !== "at-publication") throw new RangeError(`scenario must be "hindsight" or "at-publication", not "${scenario}"`);
const mainDate = scenario === "at-publication" ? (judged < vintageDate ? judged : vintageDate) : vintageDate;
const mainPkg = mainDate === latest ? pkg : rp.packageKnownBy(pkg, mainDate);
const results = cl.checkClaims(pkg.claims, mainPkg);
const counts = cl.claimsSummary(results);
const claimById = new Map(pkg.claims.map((c) => [c.id, c]));
const sections = [...new Set(pkg.claims.map((c) => c.section))];
const namesFocal = pkg.claims.filter((c) => c.args.includes(`"${focal}"`));
const focalName = pkg.states.find((s) => s.iso3 === focal)?.name ?? focal;
const catalog = pkg.sources;

// Text from data/ and parameters goes into Markdown only through cl.md`…` (every ${value} is escaped as text) and
// into HTML only through cl.html`…`; the markup is in the literal parts of the templates.
const mdList = cl.mdList;
const code = cl.mdCode;

cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.md`**${rp.plural(results.length, "claim")}** from ${rp.plural(sections.length, "part")} of the article (${mdList(sections.map((s) => cl.md`*${s}*`))}), judged with the data ${mainDate === latest ? `as of the latest date in the package, ${rp.formatDate(mainDate)}` : `published by ${rp.formatDate(mainDate)}`}: ${rp.VERDICTS.map((v) => `${counts[v]} ${rp.verdictLabel(v).toLowerCase()}`).join(", ")}.`,
      cl.md`Claims about the present are judged as of ${rp.formatDate(judged)}, the date \`claims.csv\` uses for the article's "now".`,
      cl.md`${rp.plural(namesFocal.length, "claim")} name${namesFocal.length === 1 ? "s" : ""} ${focalName} (${focal}) in ${namesFocal.length === 1 ? "its" : "their"} test.${focal === "AZE" ? "" : ` The article is about Azerbaijan, so the register keeps every claim; those naming ${focalName} are marked ● in the table.`}`,
    ],
    "\n\n",
  ),
);

// %% [markdown]
// ## The register
//
// One row per claim, in the order of the article. *Article* is the value or date the article gives; *What the data
// say* is the checker's one-line finding; *Evidence* lists the values it rests on (the first three when there are
// more); *Sources* names the publishers of those values (the registered table carries the source ids); *Caveat* is
// the note kept with the claim in `claims.csv` — how a vague statement was turned into a test, and what the test
// cannot see.

// %%
function evidenceValue(v: string | number | null): string {
  if (v === null) return "none";
  return typeof v === "number" ? rp.formatNumber(v, Number.isInteger(v) ? 0 : 1) : v;
}
function evidenceText(r: cl.ClaimResult): string {
  if (r.evidence.length === 0) return "";
  const shown = r.evidence.slice(0, 3).map((e) => {
    // shorten the checker's labels: the filter is in the test's args, the row id in the registered table
    let label = e.label.replace(/ where \{.*?\}(?= as of|$| with )/, " matching the test").replace(/ where \{.*\}/, " matching the test");
    if (e.row !== undefined && !e.row.includes(";")) label = label.replace(` of ${e.row}`, "");
    if (label.length > 110) label = `${label.slice(0, 107)}…`;
    return `${label}: ${evidenceValue(e.value)}`;
  });
  const more = r.evidence.length > 3 ? ` … and ${r.evidence.length - 3} more` : "";
  return shown.join(" | ") + more;
}
function publishersOf(ids: readonly string[]): string {
  const names = ids.map((id) => pkg.sourceById.get(id)?.publisher ?? id);
  const unique = [...new Set(names)];
  return unique.length > 4 ? `${unique.slice(0, 4).join("; ")}; +${unique.length - 4} more` : unique.join("; ");
}

const registerRows = results.map((r, i) => ({
  n: i + 1,
  id: r.id,
  section: r.section,
  claim: (focal !== "AZE" && namesFocal.some((c) => c.id === r.id) ? "● " : "") + r.claim,
  verdict: r.verdict,
  verdict_label: rp.verdictLabel(r.verdict),
  article_value: r.articleValue ?? "",
  finding: r.reason,
  evidence: evidenceText(r),
  publishers: publishersOf(r.sources),
  source_ids: r.sources.join("; "),
  caveat: claimById.get(r.id)?.note ?? "",
}));
const registerTable: cl.TableInput = {
  title: "Claims register",
  columns: [
    { key: "n", label: "#" },
    { key: "id", label: "Claim id" },
    { key: "section", label: "Section" },
    { key: "claim", label: "Claim (our words)" },
    { key: "verdict", label: "Verdict" },
    { key: "article_value", label: "Article" },
    { key: "finding", label: "What the data say" },
    { key: "evidence", label: "Evidence" },
    { key: "publishers", label: "Sources" },
    { key: "source_ids", label: "Source ids" },
    { key: "caveat", label: "Caveat" },
  ],
  rows: registerRows,
  sources: cl.mergeSources(...results.map((r) => r.sources)),
};
cl.registerTable({
  id: "claims-register",
  title: `Claims register: ${results.length} claims of the article and their verdicts`,
  caption: `Every claim of claims.csv with its verdict, evidence, sources and caveat; data ${mainDate === latest ? `as of ${mainDate}` : `published by ${mainDate}`}.`,
  table: registerTable,
  sourceCatalog: catalog,
});

// cells with markup are cl.SafeHtml built with cl.html`…` (every ${value} escaped); tableHtml escapes the others
const small = (content: cl.HtmlValue) => cl.html`<div style="color:#555;font-size:12px;margin-top:3px">${content}</div>`;
const shownRows = registerRows.map((r) => ({
  n: r.n,
  claim: cl.html`${r.claim}${small(cl.html`Article: <b>${r.article_value || "–"}</b> · <code>${r.id}</code>`)}`,
  verdict_label: r.verdict_label,
  data: cl.html`${r.finding}${r.evidence ? small(r.evidence) : ""}`,
  notes: cl.html`${r.publishers ? r.publishers : cl.html`<span style="color:#999">no source</span>`}${r.caveat ? small(cl.html`<i>${r.caveat}</i>`) : ""}`,
}));
const verdictStyle = (key: string, value: unknown) => {
  if (key !== "verdict_label") return undefined;
  const v = rp.VERDICTS.find((k) => rp.verdictLabel(k) === value) ?? "not_checkable";
  return `background:${rp.VERDICT_STYLES[v].background};font-weight:600`;
};
cl.displayHtml(
  rp.tableHtml(
    {
      columns: [
        { key: "n", label: "#" },
        { key: "claim", label: "Claim (our words), the article's value and the claim id" },
        { key: "verdict_label", label: "Verdict" },
        { key: "data", label: "What the data say, and the evidence" },
        { key: "notes", label: "Sources and caveat" },
      ],
      rows: shownRows,
      sources: registerTable.sources,
    },
    { sourceCatalog: catalog, cellStyle: verdictStyle, minWidths: { claim: "15em", data: "15em", notes: "12em" } },
  ),
);

// %% [markdown]
// ## Summary
//
// The counts by verdict, first for the whole register and then by section of the article. The chart sets the verdicts
// of the chosen vintage beside those obtained with only the rows whose sources were published by the article's
// judgement date — what a careful reader could have checked on the day.

// %%
const pubDate = judged < mainDate ? judged : mainDate;
const pubResults = pubDate === mainDate ? results : cl.checkClaims(pkg.claims, rp.packageKnownBy(pkg, pubDate));
const pubCounts = cl.claimsSummary(pubResults);

const summaryRows = rp.VERDICTS.map((v) => ({
  verdict: rp.verdictLabel(v),
  count: counts[v],
  share: (counts[v] / results.length) * 100,
  at_publication: pubCounts[v],
  claims: results.filter((r) => r.verdict === v).map((r) => r.id).join(", "),
}));
const summaryTable: cl.TableInput = {
  title: "Verdicts",
  columns: [
    { key: "verdict", label: "Verdict" },
    { key: "count", label: `Claims (data ${mainDate === latest ? "as of" : "published by"} ${mainDate})` },
    { key: "share", label: "Share", unit: "%" },
    { key: "at_publication", label: `Claims (data published by ${pubDate})` },
    { key: "claims", label: "Claim ids" },
  ],
  rows: summaryRows,
  sources: registerTable.sources,
};
cl.registerTable({ id: "claims-summary", title: "Claims register: verdict counts", caption: "Number of claims with each verdict, in the chosen vintage and with the data published by the article's judgement date.", table: summaryTable, sourceCatalog: catalog });
cl.displayHtml(rp.tableHtml({ ...summaryTable, columns: summaryTable.columns.filter((c) => c.key !== "claims") }, { sourceCatalog: catalog, digits: { share: 0 }, maxSourceChars: 300 }));

const bySection = sections.map((s) => {
  const row: Record<string, string | number> = { section: s };
  for (const v of rp.VERDICTS) row[v] = results.filter((r) => r.section === s && r.verdict === v).length;
  row.total = results.filter((r) => r.section === s).length;
  return row;
});
const sectionTable: cl.TableInput = {
  title: "Verdicts by section",
  columns: [{ key: "section", label: "Section of the article" }, ...rp.VERDICTS.map((v) => ({ key: v, label: rp.verdictLabel(v) })), { key: "total", label: "Total" }],
  rows: bySection,
  sources: registerTable.sources,
};
cl.registerTable({ id: "claims-by-section", title: "Claims register: verdicts by section of the article", table: sectionTable, sourceCatalog: catalog });
cl.displayHtml(rp.tableHtml(sectionTable, { sourceCatalog: catalog, maxSourceChars: 300 }));

// %%
const vintageLabel = (d: string) => (d === latest ? `All data (to ${rp.formatDate(d)})` : `Data published by ${rp.formatDate(d)}`);
const groups = pubDate === mainDate ? [{ date: mainDate, c: counts }] : [{ date: pubDate, c: pubCounts }, { date: mainDate, c: counts }];
const verdictFig = cl.comparisonBarsFigure(
  {
    quantity: "Claims",
    unit: "number",
    bars: groups.flatMap((g) => rp.VERDICTS.map((v) => ({ label: rp.verdictLabel(v), value: g.c[v], group: vintageLabel(g.date), colorKey: v }))),
    sources: registerTable.sources,
  },
  {
    title: `Verdicts on the article's ${results.length} claims`,
    subtitle: groups.length > 1 ? "With the data known when the article was written, and with later data" : `Data ${mainDate === latest ? "as of" : "published by"} ${rp.formatDate(mainDate)}`,
    note: "A verdict measures agreement with the sources in data/, not independent proof.",
    sourceCatalog: catalog,
    horizontal: false,
  },
);
// Verdict colours: the builder colours bars by key; give each verdict its house colour instead.
const colored = {
  ...verdictFig,
  data: verdictFig.data.map((t) => {
    const v = rp.VERDICTS.find((k) => rp.verdictLabel(k) === t.name);
    return v ? { ...t, marker: { ...(t.marker as object), color: rp.VERDICT_STYLES[v].color } } : t;
  }),
};
cl.show(colored);
void cl.registerFigure({
  id: "claims-verdicts",
  caption:
    groups.length > 1
      ? `Of ${results.length} claims, ${pubCounts.supported} are supported by data published by ${rp.formatDate(pubDate)} and ${counts.supported} with the data to ${rp.formatDate(mainDate)}; ${counts.not_checkable} stay not checkable.`
      : `Of ${results.length} claims, ${counts.supported} are supported and ${counts.not_checkable} not checkable with the data ${mainDate === latest ? "as of" : "published by"} ${rp.formatDate(mainDate)}.`,
  figure: colored,
});

// %% [markdown]
// ## What later data change
//
// Several claims speak of things that were still under way when the article was written: a CICA meeting it announces,
// a summit planned for later, the growth of the corridor in the year the article appeared. Their evidence was
// published afterwards. The table lists every claim whose verdict differs between the two vintages.

// %%
const changed = results
  .map((r, i) => ({ now: r, then: pubResults[i]! }))
  .filter((x) => x.now.verdict !== x.then.verdict);
if (changed.length === 0) {
  cl.displayMarkdown(
    pubDate === mainDate
      ? cl.md`The chosen vintage (data published by ${rp.formatDate(mainDate)}) is not later than the article's judgement date (${rp.formatDate(judged)}), so there is no later data to compare with.`
      : cl.md`No verdict changes between the two vintages.`,
  );
} else {
  const changeTable: cl.TableInput = {
    title: "Verdicts that depend on later data",
    columns: [
      { key: "id", label: "Claim id" },
      { key: "then", label: `Data published by ${pubDate}` },
      { key: "now", label: `Data ${mainDate === latest ? "as of" : "published by"} ${mainDate}` },
      { key: "finding", label: "What the later data say" },
    ],
    rows: changed.map((x) => ({ id: x.now.id, then: rp.verdictLabel(x.then.verdict), now: rp.verdictLabel(x.now.verdict), finding: x.now.reason })),
    sources: cl.mergeSources(...changed.map((x) => x.now.sources)),
  };
  cl.registerTable({ id: "claims-vintage-changes", title: "Claims whose verdict depends on data published after the article", table: changeTable, sourceCatalog: catalog });
  cl.displayHtml(rp.tableHtml(changeTable, { sourceCatalog: catalog, minWidths: { finding: "22em" } }));
  cl.displayMarkdown(
    cl.mdJoin(
      [
        cl.md`${rp.plural(changed.length, "verdict")} change${changed.length === 1 ? "s" : ""}.`,
        cl.md`With only the sources published by ${rp.formatDate(pubDate)}, ${mdList(changed.filter((x) => x.then.verdict === "not_checkable").map((x) => code(x.now.id)), "none")}`,
        cl.md`could not be checked: the package holds no dated page from before that day for them, even where the article itself announced the event.`,
        cl.md`Hindsight turns them into ${rp.listText([...new Set(changed.map((x) => rp.verdictLabel(x.now.verdict).toLowerCase()))])} — evidence that the plans and trends the article describes did materialise, not that the authors had checked them.`,
      ],
      " ",
    ),
  );
}

// %% [markdown]
// ## Discussion
//
// What the register says, and where it is silent.

// %%
const checkable = results.filter((r) => r.verdict !== "not_checkable");
const partly = results.filter((r) => r.verdict === "partly_supported");
const notSupported = results.filter((r) => r.verdict === "not_supported");
const byDesign = (id: string) => {
  try {
    return "not_checkable" in (JSON.parse(claimById.get(id)?.args ?? "{}") as object);
  } catch {
    return false;
  }
};
const unreachable = results.filter((r) => r.verdict === "not_checkable" && byDesign(r.id));
const noRowYet = results.filter((r) => r.verdict === "not_checkable" && !byDesign(r.id) && r.evidence.length === 0);
const uncountable = results.filter((r) => r.verdict === "not_checkable" && r.evidence.length > 0);
const byTest = (t: string) => results.filter((r) => r.test === t);
const dateLike = [...byTest("date"), ...byTest("status_at")].filter((r) => r.verdict !== "not_checkable");
const singleSource = checkable.filter((r) => r.sources.length === 1);

// the article's one growth figure
const otsClaim = results.find((r) => r.test === "growth" && r.articleValue !== undefined && /\d/.test(r.articleValue) && r.evidence.length > 0);
const otsRowId = otsClaim?.evidence[0]?.row;
const otsRow = otsRowId ? pkg.transit.find((t) => t.id === otsRowId) : undefined;
const otsSources = otsRow ? otsRow.sources.map((id) => pkg.sourceById.get(id)).filter((s) => s !== undefined) : [];
const otsSpeech = otsSources.length > 0
  ? pkg.events.find((e) => e.kind === "summit" && otsSources.some((src) => src!.published === e.date) && e.orgs.some((o) => otsRow!.scope.startsWith(o.toLowerCase())))
  : undefined;
const otsGaps = otsRow ? pkg.gaps.filter((g) => g.resource === "transit" && g.description.includes(otsRow.scope === "ots_transit" ? "OTS" : otsRow.scope)) : [];

const paragraphs: cl.Markdown[] = [];
paragraphs.push(
  cl.mdJoin(
    [
      cl.md`**${counts.supported > checkable.length / 2 ? "Most checkable claims hold" : "Many checkable claims do not hold"}.** Of ${rp.plural(checkable.length, "claim")} the data can reach, ${counts.supported} ${counts.supported === 1 ? "is" : "are"} supported,`,
      cl.md`${rp.plural(partly.length, "is", "are")} partly supported and ${notSupported.length === 0 ? "none is contradicted" : cl.md`${rp.plural(notSupported.length, "is", "are")} not supported (${mdList(notSupported.map((r) => code(r.id)))})`}.`,
      cl.md`The solid part of the article is its chronology: ${dateLike.filter((r) => r.verdict === "supported").length} of ${dateLike.length} checkable dates and statuses agree with the sources.`,
    ],
    " ",
  ),
);
if (partly.length > 0) {
  paragraphs.push(
    cl.md`**Partly supported** means the article states as achieved, or as precise, something the data show only in part: ${cl.mdJoin(partly.map((r) => cl.md`${code(r.id)} — ${r.reason}`), "; ")}.`,
  );
}
paragraphs.push(
  cl.mdJoin(
    [
      cl.md`**Not checkable, by design.** ${rp.plural(unreachable.length, "claim")} lie outside what \`data/\` records (${rp.listText(unreachable.map((r) => r.indicator))});`,
      cl.md`each carries its reason in the register.`,
      ...(noRowYet.length > 0 ? [cl.md`${rp.plural(noRowYet.length, "claim")} (${mdList(noRowYet.map((r) => code(r.id)))}) could be tested but find no row in this vintage.`] : []),
      ...(uncountable.length > 0
        ? [cl.md`${rp.plural(uncountable.length, "more claim", "more claims")} ha${uncountable.length === 1 ? "s" : "ve"} data but no testable number: ${cl.mdJoin(uncountable.map((r) => cl.md`${code(r.id)} (${r.reason})`), "; ")}.`]
        : []),
    ],
    " ",
  ),
);
if (otsClaim && otsRow) {
  paragraphs.push(
    cl.mdJoin(
      [
        cl.md`**The ~${(otsClaim.articleValue ?? "").replace(/[^0-9.]/g, "")} % transit figure.** The one growth rate in the article is ${code(otsClaim.id)}. Its verdict is *${rp.verdictLabel(otsClaim.verdict).toLowerCase()}*,`,
        cl.md`but the package holds a single figure for it (${rp.formatPercent(otsRow.value, { sign: true })}, ${cl.periodLabel(otsRow.period_start, otsRow.period_end)} against ${cl.periodLabel(otsRow.base_start!, otsRow.base_end!)}),`,
        cl.md`reported by ${rp.plural(otsSources.length, "outlet")} (${rp.listText([...new Set(otsSources.map((s) => s!.publisher))])}) from the same speech${otsSpeech ? ` at the ${otsSpeech.title} (${rp.formatDate(otsSpeech.date)})` : ""}.`,
        cl.md`Agreement therefore shows that the article quotes the speech correctly; it does not verify the speech.`,
        ...(otsGaps.length > 0 ? [cl.md`No tonnage was found behind the percentage (gaps.csv: ${cl.mdJoin(otsGaps.map((g) => code(g.id)), ", ")}), so its base and its share of all transit stay unknown.`] : []),
        cl.md`Notebook 02 sets it beside the other growth rates published for ${otsRow.period_end.slice(0, 4)}.`,
      ],
      " ",
    ),
  );
}
if (mainDate < judged) {
  paragraphs.push(
    cl.md`**An early vintage.** The data used here were published by ${rp.formatDate(mainDate)}, before the article's judgement date (${rp.formatDate(judged)}). Claims about later events fail or cannot be checked for lack of data, not because the article is wrong.`,
  );
}
const eventCounts = byTest("count").map((r) => r.id).filter((id) => claimById.get(id)?.args.includes('"events"'));
paragraphs.push(
  cl.mdJoin(
    [
      cl.md`**Thin evidence.** ${singleSource.length === 0 ? "No checkable claim rests" : `${rp.plural(singleSource.length, "checkable claim")} rest${singleSource.length === 1 ? "s" : ""}`} on a single source page${singleSource.length > 0 ? cl.md` (${mdList(singleSource.map((r) => code(r.id)))})` : ""}.`,
      cl.md`Counts of events (${cl.mdJoin(eventCounts.map(code), ", ")}) measure the coverage of our catalogue as much as the diplomacy itself:`,
      cl.md`an event that is not catalogued is not counted.`,
    ],
    " ",
  ),
);
paragraphs.push(
  cl.md`**Where the data are missing.** \`gaps.csv\` lists ${rp.plural(pkg.gaps.length, "figure")} that were searched for and not found (${Object.entries(pkg.gaps.reduce((m, g) => ({ ...m, [g.resource]: (m[g.resource] ?? 0) + 1 }), {} as Record<string, number>)).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} in ${k}`).join(", ")}). None of them is filled with a guess; a claim that would need one is *not checkable* rather than supported.`,
);
cl.displayMarkdown(cl.mdJoin(paragraphs, "\n\n"));
