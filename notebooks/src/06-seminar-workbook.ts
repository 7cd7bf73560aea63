// %% [markdown]
// # 06 · Seminar workbook: checking an argument with data
//
// A workbook for a class on Azerbaijan's turn toward Asia, to be read alongside the article *Azerbaijan's Asian
// Perspective: Security and Cooperation*. Each exercise asks you to compute or decide something from the sourced
// data in `data/`: a growth rate, a membership status on a date, the reason two published figures disagree, an
// overlap between two states, a weakness of an index, a gap between two countries' statistics.
//
// **How to work.** Every exercise has three cells:
//
// 1. a cell that states the question with the numbers taken from the data (run it and read it);
// 2. a cell you edit: replace the placeholder (`null` or `""`) after `let answer… =` with your answer and run it;
// 3. a self-check cell that computes the answer from the data with the Caspian Lab library and tells you whether
//    yours is right, and why. Until you answer it says *not answered yet*. The worked answer sits folded under it;
//    try first, then open it.
//
// Parameters: `focal` (the state the questions are about, Azerbaijan by default), `asOf` (the date the questions
// refer to; by default the latest date in the data) and `scenario`: `student` keeps worked answers folded, `teacher`
// opens them all.

// %% tags=parameters
let focal = "AZE";
let asOf: string | number = ""; // a year given on the command line (-p asOf=2021) arrives as a number
let scenario = "student";

// %%
import * as cl from "../dist/lib";
import * as rp from "../dist/lib/notebook";
import * as nm from "../dist/lib/notebook/names";
import * as rk from "../dist/lib/notebook/ranks";
import * as sc from "../dist/lib/notebook/self-check";
import { fitLegend } from "../dist/lib/figures/legend-fit";

const pkg = cl.dataPackage();
const F = nm.checkFocal(pkg, focal);
const asOfDate = rp.resolveAsOf(String(asOf), pkg);
const NAME = nm.stateName(pkg, F);
const POSS = nm.statePossessive(pkg, F);
const catalog = pkg.sources;
if (scenario !== "student" && scenario !== "teacher") throw new RangeError(`scenario = "${scenario}" is not "student" or "teacher"`);
const reveal = scenario === "teacher";
const src = (ids: readonly string[]) => [...new Set(ids.map((id) => { const s = pkg.sourceById.get(id); return s ? `${s.publisher}${s.published ? ` (${s.published})` : ""}` : id; }))].join("; ");
/** One row per exercise for the answer key registered with the report. */
const answerKey: { exercise: string; question: string; answer: string; tolerance: string; sources: readonly cl.SourceId[] }[] = [];

const memberOrgs = pkg.organizations.filter((o) => o.sphere !== "transport");
const ix = cl.membershipIndex(pkg.memberships, memberOrgs, pkg.states.map((s) => s.iso3));

cl.displayMarkdown(
  cl.md`**This copy of the workbook is about ${NAME}**, with the data as of **${rp.formatDate(asOfDate)}**. Mode: **${scenario}** (worked answers ${
    reveal ? "open" : "folded until you open them or answer correctly"
  }).`,
);

// %% [markdown]
// ## Exercise 1 · Growth between two published figures
//
// The article's section on Central Asia and the OTS speaks of a significant rise in transport along the Middle
// Corridor. Check it with two published annual totals from one publisher. Growth in percent is
// `(later / earlier − 1) × 100`.

// %%
// The annual whole-route cargo series of the release that covers the most years (one publisher, one date), so that
// both figures are counted the same way.
const annualWhole = pkg.corridorFlows.filter(
  (r) => r.route === "titr" && r.scope === "whole_route" && r.metric === "cargo" && r.status === "actual" &&
    cl.calendarYear(r.period_start, r.period_end) !== undefined && cl.startOf(r.period_end) <= asOfDate,
);
const releaseOf = (r: (typeof annualWhole)[number]) => { const s = pkg.sourceById.get(r.sources[0]); return `${s?.publisher ?? r.sources[0]}|${s?.published ?? ""}`; };
const releases = [...new Set(annualWhole.map(releaseOf))]
  .map((k) => ({ k, rows: annualWhole.filter((r) => releaseOf(r) === k).sort((a, b) => a.period_start.localeCompare(b.period_start)) }))
  .sort((a, b) => b.rows.length - a.rows.length || b.k.localeCompare(a.k));
const series1 = releases[0].rows;
const [e1a, e1b] = series1.slice(-2);
const y1a = e1a.period_start.slice(0, 4);
const y1b = e1b.period_start.slice(0, 4);
const expected1 = cl.percentChange(e1a.value, e1b.value);
const others1 = annualWhole.filter((r) => (r.period_start === e1a.period_start || r.period_start === e1b.period_start) && releaseOf(r) !== releaseOf(e1b));
cl.displayMarkdown(
  cl.md`**Question.** ${releases[0].k.split("|")[0]} (published ${rp.formatDate(releases[0].k.split("|")[1])}) puts cargo on the whole Middle Corridor at **${
    rp.formatNumber(e1a.value)} t in ${y1a}** and **${rp.formatNumber(e1b.value)} t in ${y1b}**. By how many percent did cargo change from ${y1a} to ${y1b}? Give a number in percent, one decimal (negative for a fall).`,
);

// %%
let answer1: number | null = null; // e.g. 12.3 (percent)

// %%
const check1 = sc.checkNumber(answer1, expected1, 0.5, "%");
cl.displayHtml(
  sc.selfCheckHtml(1, check1,
    cl.html`<p>(${rp.formatNumber(e1b.value)} / ${rp.formatNumber(e1a.value)} − 1) × 100 = <b>${rp.formatNumber(expected1, 1)} %</b>.</p><p>Why one publisher: ${
      others1.length === 0
        ? "no other release in the data covers these two years, but for other years releases differ (Exercise 3). "
        : `other releases give other totals for the same years (${others1.map((r) => `${r.period_start.slice(0, 4)}: ${rp.formatNumber(r.value)} t, ${src(r.sources)}`).join("; ")}). `
    }Mixing a figure from one release with one from another can move the growth rate by more than the rounding you were asked for.</p><p style="color:#555">Sources: ${
      src([...e1a.sources, ...e1b.sources])}</p>`,
    reveal),
);
void answerKey.push({ exercise: "1", question: `Growth of whole-route cargo ${y1a}–${y1b}`, answer: `${rp.formatNumber(expected1, 1)} %`, tolerance: "±0.5 points", sources: cl.mergeSources(cl.rowSources(e1a), cl.rowSources(e1b)) });

// %% [markdown]
// ## Exercise 2 · A status on a date
//
// Membership statuses change: a state can be a dialogue partner, then an observer or a partner, then a member.
// Reports often give only today's status. Find the status on a given day in `data/memberships.csv` (a row holds
// from `since` up to, not including, `until`).

// %%
const date2 = "2020-01-01";
const org2 = "SCO";
const at2 = cl.statusAt(ix, F, org2, date2);
const now2 = cl.statusAt(ix, F, org2, asOfDate);
cl.displayMarkdown(
  cl.md`**Question.** What was ${POSS} status in the ${nm.orgName(pkg, org2)} (${org2}) on **${rp.formatDate(date2)}**? Answer with one of: founding member, member, observer, dialogue partner, partner, applicant, former, suspended, or none.`,
);

// %%
let answer2 = ""; // e.g. "observer"

// %%
const accepted2 = at2.status === "none" ? ["none", "no status"] : [at2.status, nm.statusPhrase(at2.status)];
const check2 = sc.checkText(answer2, accepted2);
const rows2 = pkg.memberships.filter((r) => r.state === F && r.org === org2).sort((a, b) => a.since.localeCompare(b.since));
cl.displayHtml(
  sc.selfCheckHtml(2, check2,
    cl.html`<p>On ${rp.formatDate(date2)}, ${NAME} was <b>${at2.status === "none" ? "without status in" : `${nm.statusWithArticle(at2.status)} of`}</b> the ${org2}${
      at2.since ? ` (since ${rp.formatDate(at2.since)}${at2.sinceBound === "by" ? ", documented by that date" : ""})` : ""
    }; on ${rp.formatDate(asOfDate)} it is <b>${now2.status === "none" ? "without status" : nm.statusWithArticle(now2.status)}</b>.</p><p>The rows: ${
      rows2.length === 0 ? "none" : rows2.map((r) => `${nm.statusPhrase(r.status)} from ${r.since}${r.until ? ` until ${r.until}` : ""}`).join("; ")
    }. A status that changes on a date counts from that date, so the day before a change still has the old status.</p><p style="color:#555">Sources: ${src(at2.sources)}</p>`,
    reveal),
);
void answerKey.push({ exercise: "2", question: `Status of ${NAME} in the ${org2} on ${date2}`, answer: nm.statusPhrase(at2.status), tolerance: "exact", sources: at2.sources });

// %% [markdown]
// ## Exercise 3 · Why do two cargo figures disagree?
//
// Different publishers report "Middle Corridor cargo" for the same year with very different numbers. Before calling
// one of them wrong, read what each one measures: the `scope`, `unit` and `status` columns of
// `data/corridor_flows.csv`, explained in `data/README.md`.

// %%
const annualCargo = pkg.corridorFlows.filter(
  (r) => r.route === "titr" && r.metric === "cargo" && r.status === "actual" && cl.calendarYear(r.period_start, r.period_end) !== undefined && cl.startOf(r.period_end) <= asOfDate,
);
// The latest year with annual cargo in at least two scopes; the whole-route row of Exercise 1's release if there is one.
const scopesIn = (y: string) => [...new Set(annualCargo.filter((r) => r.period_start.startsWith(y)).map((r) => r.scope))].sort();
const yearsBoth = [...new Set(annualCargo.map((r) => r.period_start.slice(0, 4)))].filter((y) => scopesIn(y).length >= 2).sort();
const y3 = yearsBoth[yearsBoth.length - 1];
const inY3 = annualCargo.filter((r) => y3 !== undefined && r.period_start.startsWith(y3));
const a3 = inY3.find((r) => r.scope === "whole_route" && releaseOf(r) === releases[0].k) ?? inY3.find((r) => r.scope === "whole_route") ?? inY3[0];
const b3 = a3 ? inY3.filter((r) => r.scope !== a3.scope).sort((x, y) => x.scope.localeCompare(y.scope) || releaseOf(y).localeCompare(releaseOf(x)))[0] : undefined;
const has3 = a3 !== undefined && b3 !== undefined;
const options3: Record<string, string> = {
  a: "One of them is a mistake: the same quantity cannot have two values.",
  b: "They count different things: one covers the whole route, the other only cargo handled at the Caspian ports.",
  c: "One is a plan or a forecast and the other an actual figure.",
  d: "They are in different units (tonnes against containers).",
};
const expected3 = !has3 ? "" : a3.scope !== b3.scope ? "b" : a3.status !== b3.status ? "c" : a3.unit !== b3.unit ? "d" : "a";
cl.displayMarkdown(
  !has3 ? cl.md`**Question.** No year up to ${rp.formatDate(asOfDate)} has annual cargo in two scopes; skip this exercise.` :
  cl.md`**Question.** For ${y3}, one row gives **${rp.formatNumber(a3.value)} ${a3.unit}** (${src(a3.sources)}) and another **${rp.formatNumber(b3.value)} ${b3.unit}** (${
    src(b3.sources)}), a difference of ${rp.formatPercent(cl.percentChange(Math.min(a3.value, b3.value), Math.max(a3.value, b3.value)))}. Which explanation does the data support? Answer with a letter.\n\n${
    cl.mdJoin(Object.entries(options3).map(([k, v]) => cl.md`- **${k}**: ${v}`), "\n")}`,
);

// Both scopes as separate lines: the chart students discuss (and the report shows).
const dedupe = (rows: typeof annualCargo) =>
  [...new Set(rows.map((r) => r.period_start))].sort().map((p) => rows.filter((r) => r.period_start === p).sort((x, y) => releaseOf(y).localeCompare(releaseOf(x)))[0]);
const scopeSeries = (scope: string, rows: typeof annualCargo, label: string): cl.Series => ({
  id: `cargo:${scope}`,
  label,
  metric: "cargo",
  unit: "t",
  scope,
  points: rows.map((r) => ({ periodStart: r.period_start, periodEnd: r.period_end, label: r.period_start.slice(0, 4), value: r.value, status: "actual" as const, sources: cl.rowSources(r) })),
});
const fig3 = fitLegend(
  cl.timeSeriesFigure(
    [
      scopeSeries("whole_route", series1, `Whole route, ${releases[0].k.split("|")[0]}`),
      scopeSeries("caspian_ports", dedupe(annualCargo.filter((r) => r.scope === "caspian_ports")), "Caspian ports (latest release per year)"),
    ],
    {
      title: "Middle Corridor cargo: two scopes, two numbers",
      subtitle: "Annual cargo in tonnes; each line counts a different part of the route",
      quantity: "Cargo",
      sourceCatalog: catalog,
    },
  ),
);
cl.show(fig3);
void cl.registerFigure({ id: "cargo-two-scopes", caption: "Whole-route and Caspian-port cargo are different quantities; their gap is not an error.", figure: fig3 });

// %%
let answer3 = ""; // "a", "b", "c" or "d"

// %%
if (has3) {
const check3 = sc.checkText(answer3, [expected3]);
const sameScope3 = annualCargo.filter((r) => r.scope === a3.scope && r.period_start === a3.period_start);
cl.displayHtml(
  sc.selfCheckHtml(3, check3,
    cl.html`<p>The answer is <b>${expected3}</b>. The first row has scope <code>${a3.scope}</code>, status <code>${a3.status}</code>, unit <code>${a3.unit}</code>; the second has scope <code>${
      b3.scope}</code>, status <code>${b3.status}</code>, unit <code>${b3.unit}</code>. ${
      a3.scope !== b3.scope ? "Same unit, same status, different scope: they measure different parts of the corridor, so neither corrects the other." : ""
    }</p><p>Even within one scope, releases differ: ${rp.plural(sameScope3.length, "figure")} for ${y3} in scope <code>${a3.scope}</code>, from ${
      rp.formatNumber(Math.min(...sameScope3.map((r) => r.value)))} to ${rp.formatNumber(Math.max(...sameScope3.map((r) => r.value)))} t (rounding and later revisions). That is why data/ keeps each figure as its own row with its publisher, and never merges them.</p>`,
    reveal),
);
void answerKey.push({ exercise: "3", question: `Why ${y3} cargo figures of ${a3.scope} and ${b3.scope} differ`, answer: `${expected3}: ${options3[expected3]}`, tolerance: "exact", sources: cl.mergeSources(cl.rowSources(a3), cl.rowSources(b3)) });
}

// %% [markdown]
// ## Exercise 4 · How much do two states' memberships overlap?
//
// The Jaccard index of two sets is the size of their intersection divided by the size of their union:
// `J(A, B) = |A ∩ B| / |A ∪ B|`. It is 1 when two states belong to exactly the same organisations and 0 when they
// share none. Count every standing tie: full membership, associate, observer, partner and dialogue partner
// (not applicants, former or suspended members).

// %%
const partner4 = F === "AZE" ? "KAZ" : "AZE";
const m4 = cl.membershipMatrix(ix, asOfDate, { states: [F, partner4] });
const A4 = cl.orgsOf(m4, F);
const B4 = cl.orgsOf(m4, partner4);
const shared4 = cl.sharedMemberships(m4, F, partner4);
const expected4 = cl.jaccard(A4, B4);
cl.displayMarkdown(
  cl.md`**Question.** On ${rp.formatDate(asOfDate)}, ${NAME} has a standing tie with ${rp.listText(A4)}; ${
    nm.stateName(pkg, partner4)} with ${rp.listText(B4)}. What is the Jaccard index of the two sets? Give a number between 0 and 1, two decimals.`,
);

// %%
let answer4: number | null = null; // e.g. 0.25

// %%
const check4 = sc.checkNumber(answer4, expected4, 0.01);
const union4 = [...new Set([...A4, ...B4])].sort();
cl.displayHtml(
  sc.selfCheckHtml(4, check4,
    cl.html`<p>Shared (${shared4.value.length}): ${shared4.value.join(", ")}. Union (${union4.length}): ${union4.join(", ")}. J = ${shared4.value.length} / ${union4.length} = <b>${
      rp.formatNumber(expected4, 3)}</b>.</p><p>Think about what the number hides: an organisation with two members counts as much as one with fifty, and a dialogue partnership as much as full membership.</p><p style="color:#555">Sources: ${
      src(shared4.sources)}</p>`,
    reveal),
);
void answerKey.push({ exercise: "4", question: `Jaccard overlap of ${NAME} and ${nm.stateName(pkg, partner4)} on ${asOfDate}`, answer: rp.formatNumber(expected4, 3), tolerance: "±0.01", sources: shared4.sources });

// %% [markdown]
// ## Exercise 5 · Argue with an index
//
// Notebook 03 measures a "multi-vector" foreign policy with the balance index of `lib/balance/README.md`: the
// entropy of a state's weighted ties across geopolitical spheres, divided by its maximum. The README lists the
// choices behind it. One is the normaliser: divide by `ln k` for all eight spheres (the default), or only for the
// spheres a state has ties in (Pielou's evenness J, the `present_spheres` variant). Use the second and look at who
// comes out on top.

// %%
const TWELVE = ["AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO", "ARM", "TUR", "RUS", "IRN", "CHN"];
const panel5 = TWELVE.includes(F) ? TWELVE : [F, ...TWELVE];
const present5 = panel5.map((s) => cl.multiVectorBalance(ix, memberOrgs, s, asOfDate, { k: "present" }));
const default5 = panel5.map((s) => cl.multiVectorBalance(ix, memberOrgs, s, asOfDate));
const best5 = Math.max(...present5.map((b) => b.index ?? -1));
const top5 = present5.filter((b) => (b.index ?? -1) >= best5 - 1e-12);
cl.displayMarkdown(
  cl.md`**Question.** Among ${rp.listText(panel5.map((s) => nm.stateName(pkg, s)))}, which state has the **highest** balance index on ${
    rp.formatDate(asOfDate)} when the normaliser counts only the spheres the state is present in? Give its three-letter code (e.g. AZE). Then ask yourself whether that state is the most "multi-vector" of the twelve.`,
);

// %%
let answer5 = ""; // a three-letter code, e.g. "TUR"

// %%
const check5 = sc.checkText(answer5, top5.map((b) => b.state));
const t5 = top5[0];
const rows5 = panel5
  .map((s, i) => ({ s, p: present5[i], d: default5[i] }))
  .sort((a, b) => (b.p.index ?? -1) - (a.p.index ?? -1) || a.s.localeCompare(b.s));
cl.displayHtml(
  sc.selfCheckHtml(5, check5,
    cl.html`<p><b>${rp.listText(top5.map((b) => `${nm.stateName(pkg, b.state)} (${b.state})`))}</b>, with an index of ${rp.formatNumber(best5, 3)} from only ${
      rp.plural(t5.ties.length, "weighted tie")} (${t5.ties.map((t) => `${t.org}, ${nm.spherePhrase(t.sphere)}`).join("; ")}) spread evenly over ${rp.plural(t5.k, "sphere")}.</p><p>Evenness among the spheres a state is in rewards having few ties of equal weight. Under the default (all eight spheres), ${
      nm.stateName(pkg, t5.state)} ranks ${rk.rankText(rk.rankOf(default5, t5.state, (b) => b.state, (b) => b.index))} and ${NAME} ${rk.rankText(rk.rankOf(default5, F, (b) => b.state, (b) => b.index))}. That is why the README divides by all eight spheres: a state present in two directions is not as "multi-vector" as one present in eight.</p><table style="border-collapse:collapse;font-size:13px"><tr><th style="text-align:left;padding:2px 8px">State</th><th style="padding:2px 8px">Ties</th><th style="padding:2px 8px">Index, present spheres</th><th style="padding:2px 8px">Index, default</th></tr>${
      rows5.map((r) => cl.html`<tr><td style="padding:2px 8px">${nm.stateName(pkg, r.s)}</td><td style="text-align:right;padding:2px 8px">${r.p.ties.length}</td><td style="text-align:right;padding:2px 8px">${r.p.index === undefined ? "–" : rp.formatNumber(r.p.index, 3)}</td><td style="text-align:right;padding:2px 8px">${r.d.index === undefined ? "–" : rp.formatNumber(r.d.index, 3)}</td></tr>`)
    }</table>`,
    reveal),
);
void answerKey.push({ exercise: "5", question: `Highest balance index with k = spheres present, ${asOfDate}`, answer: top5.map((b) => b.state).join(" or "), tolerance: "exact", sources: cl.mergeSources(...top5.map((b) => b.sources)) });

// %% [markdown]
// ## Exercise 6 · Two countries, two trade figures
//
// Azerbaijan's customs and its partners' statistics both publish their bilateral trade. For the same months they
// rarely agree: exports are recorded when goods leave and imports when they arrive (often in the next month), at
// different valuations, with different treatment of goods in transit. `data/trade.csv` keeps the two sides apart
// (`side` = `reporter` or `mirror`).

// %%
const pairs6 = [...new Set(pkg.trade.map((r) => `${r.partner}|${r.period_start}|${r.period_end}|${r.flow}`))]
  .sort()
  .map((k) => {
    const rows = pkg.trade.filter((r) => `${r.partner}|${r.period_start}|${r.period_end}|${r.flow}` === k && cl.startOf(r.period_end) <= asOfDate);
    return { k, rep: rows.filter((r) => r.side === "reporter"), mir: rows.filter((r) => r.side === "mirror") };
  })
  .filter((p) => p.rep.length > 0 && p.mir.length > 0);
const pair6 = pairs6[0];
const rep6 = pair6?.rep[0];
const mir6 = pair6?.mir[0];
const expected6 = pair6 ? cl.percentChange(rep6.value_usd, mir6.value_usd) : undefined;
cl.displayMarkdown(
  pair6
    ? cl.md`**Question.** For ${cl.periodLabel(rep6.period_start, rep6.period_end)}, Azerbaijan's customs put ${rep6.flow} with ${nm.stateName(pkg, rep6.partner)} at **${
        rp.formatUsd(rep6.value_usd)}** (${src(rep6.sources)}); ${nm.statePossessive(pkg, mir6.partner)} statistics put it at **${rp.formatUsd(mir6.value_usd)}** (${
        src(mir6.sources)}). By how many percent is the partner's (mirror) figure above or below Azerbaijan's? Give a signed number in percent, one decimal.`
    : cl.md`**Question.** The data hold no period with both a reporter and a mirror figure up to ${rp.formatDate(asOfDate)}; skip this exercise.`,
);

// %%
let answer6: number | null = null; // e.g. -4.5 (percent; negative if the mirror figure is lower)

// %%
if (pair6) {
  const check6 = sc.checkNumber(answer6, expected6, 0.5, "%");
  const pairsList = pairs6.length;
  cl.displayHtml(
    sc.selfCheckHtml(6, check6,
      cl.html`<p>(${rp.formatUsd(mir6.value_usd)} / ${rp.formatUsd(rep6.value_usd)} − 1) × 100 = <b>${rp.formatPercent(expected6, { sign: true, digits: 1 })}</b>.</p><p>Neither figure is "the" trade: each is a correct count by its own rules. A report should say whose figure it cites. In the data this is the ${
        pairsList === 1 ? "only" : `first of ${pairsList}`} period with both sides published; most figures cover a part of a year on one side only, so a comparison across sides is rarely possible.</p><p style="color:#555">Sources: ${
        src([...rep6.sources, ...mir6.sources])}</p>`,
      reveal),
  );
  void answerKey.push({ exercise: "6", question: `Mirror against reporter, ${nm.stateName(pkg, rep6.partner)} ${cl.periodLabel(rep6.period_start, rep6.period_end)} ${rep6.flow}`, answer: rp.formatPercent(expected6, { sign: true, digits: 1 }), tolerance: "±0.5 points", sources: cl.mergeSources(cl.rowSources(rep6), cl.rowSources(mir6)) });
} else {
  cl.displayMarkdown(cl.md`No reporter–mirror pair in the data: nothing to check.`);
}

// %% [markdown]
// ## Answer key
//
// For the teacher: every answer as the data give it today. It is exported with the report, and it changes when the
// data change, which is the point: the answers are computed, not typed in.

// %%
const keyTable: cl.TableInput = {
  columns: [
    { key: "exercise", label: "Exercise" },
    { key: "question", label: "Question" },
    { key: "answer", label: "Answer from the data" },
    { key: "tolerance", label: "Accepted" },
  ],
  rows: answerKey.map((a) => ({ exercise: a.exercise, question: a.question, answer: a.answer, tolerance: a.tolerance })),
  sources: cl.mergeSources(...answerKey.map((a) => a.sources)),
};
if (reveal) cl.displayHtml(rp.tableHtml(keyTable, { caption: `Answer key for ${NAME}, ${rp.formatDate(asOfDate)}`, sourceCatalog: catalog }));
else cl.displayMarkdown(cl.md`The answer key (${rp.plural(answerKey.length, "exercise")}) is shown in teacher mode (\`scenario = "teacher"\`) and exported with the report.`);
void cl.registerTable({ id: "answer-key", title: `Seminar workbook: answer key for ${NAME}, ${rp.formatDate(asOfDate)}`, table: keyTable, sourceCatalog: catalog });

// %% [markdown]
// ## Discussion: open questions
//
// These have no self-check. Bring an argument and a number from the data to each.
//
// 1. **Breadth or depth?** The balance index counts formal memberships. The article's section on Central Asia and
//    the OTS rests much of its case on bilateral treaties, strategic partnerships and joint funds, none of which the
//    index sees. Design a measure that would. Which data would you need, and which of them does `data/` hold?
// 2. **What is a tie worth?** Is a dialogue partnership in the SCO a quarter of a membership, as the default
//    weights say, or nothing, or a full tie? Rerun notebook 03 with `scenario = "equal_weights"` and say which
//    conclusions survive.
// 3. **One source.** The article's figure for transit growth with OTS states rests on a single speech. How should a
//    report treat a claim that only one source states? Compare with the cargo figures of Exercise 3, where many
//    sources disagree.
// 4. **Whose statistics?** Exercise 6 found a gap between two countries' counts of the same trade. If you had to
//    cite one figure in a policy brief, which would you choose and how would you say so?
// 5. **Pledged, not paid.** Notebook 04 shows that most paid-in capital of the joint funds is unpublished. What
//    would count as evidence that a fund is working, and where would you look for it?
// 6. **A catalogue built around one state.** The event catalogue was compiled from Azerbaijan's diplomacy. Run
//    notebook 03 with `focal = "KAZ"` and list what the analysis can no longer say. How would you build a fair
//    catalogue for a comparison of the twelve states?
// 7. **Balanced, or everywhere?** The article calls Azerbaijan's foreign policy balanced. Is membership in many
//    blocs evidence of balance, of hedging, or of neither? What observation would change your mind?
