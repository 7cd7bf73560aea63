// %% [markdown]
// # 03 · Multilateral embeddedness
//
// How deeply is a state woven into the organisations of Eurasia, and does the spread of its ties look like the
// "balanced" foreign policy the article describes? The article's sections *Expanding strategic influence through the
// SCO and CICA* and *Strengthening relations with Central Asia and the Organization of Turkic States* make that case
// for Azerbaijan through three platforms: the Shanghai Cooperation Organisation (SCO), the Conference on Interaction
// and Confidence-Building Measures in Asia (CICA) and the Organization of Turkic States (OTS). This notebook puts those
// three next to the wider set of organisations in `data/organizations.csv` (the CIS, CSTO and EAEU, the OSCE, Council
// of Europe and GUAM, the OIC and ECO, BSEC, the Non-Aligned Movement, the WTO and the Central Asian Consultative
// Meetings) and asks four questions of one **focal state**:
//
// 1. Which organisations did it and eleven neighbours belong to in 2015, in 2020 and on the latest date in the data?
// 2. What path did the focal state take through them (joining, changing status, chairing)?
// 3. Where does it sit in the network of overlapping memberships (degree and betweenness centrality)?
// 4. How evenly are its formal ties spread across geopolitical spheres (the multi-vector balance index of
//    `lib/balance/README.md`), compared with the same eleven neighbours, and how sensitive is that to the index's
//    choices?
//
// The focal state is a parameter. With `focal = "KAZ"` or `focal = "UZB"` every title, sentence, highlighted row and
// registered figure below is about that state; nothing in the text is typed in. The as-of date defaults to the
// latest date in the data (the newest page the package cites), never today's date, so a run is reproducible.
// `scenario` picks the variant of the balance index: `default` (status weights of the README, eight spheres),
// `equal_weights` (every standing tie counts 1), `present_spheres` (evenness among the spheres a state has,
// Pielou's J) or `all_spheres` (the global WTO/UN sphere counted too).

// %% tags=parameters
let focal = "AZE";
let asOf: string | number = ""; // a year given on the command line (-p asOf=2021) arrives as a number
let scenario = "default";

// %%
import * as cl from "../dist/lib";
import * as rp from "../dist/lib/notebook";
import * as nm from "../dist/lib/notebook/names";
import * as rk from "../dist/lib/notebook/ranks";
import { fitLegend } from "../dist/lib/figures/legend-fit";

const pkg = cl.dataPackage();
const F = nm.checkFocal(pkg, focal);
const asOfDate = rp.resolveAsOf(String(asOf), pkg);
const latestDate = rp.latestDataDate(pkg);
const NAME = nm.stateName(pkg, F);
const POSS = nm.statePossessive(pkg, F);
const catalog = pkg.sources;

/** The twelve states of the comparison: Azerbaijan, Central Asia, the South Caucasus and the big neighbours. */
const TWELVE = ["AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO", "ARM", "TUR", "RUS", "IRN", "CHN"];
/** The focal state first, then the others in a fixed order (a focal state outside the twelve is added). */
const panel = [F, ...TWELVE.filter((s) => s !== F)];
const others = panel.filter((s) => s !== F);
const label = (s: string) => (s === F ? `${nm.stateName(pkg, s)} (focal)` : nm.stateName(pkg, s));

const SCENARIOS: Record<string, { label: string; options: cl.BalanceOptions }> = {
  default: { label: "default weights, eight spheres", options: {} },
  equal_weights: { label: "every standing tie counts 1", options: { weights: cl.EQUAL_STATUS_WEIGHTS } },
  present_spheres: { label: "evenness among the spheres present (Pielou's J)", options: { k: "present" } },
  all_spheres: { label: "global sphere (WTO, UN) counted too", options: { spheres: cl.ALL_SPHERES.filter((s) => s !== "transport") } },
};
if (!(scenario in SCENARIOS)) throw new RangeError(`scenario = "${scenario}" is not one of ${Object.keys(SCENARIOS).join(", ")}`);
const balanceOptions = SCENARIOS[scenario].options;

// Organisations with state members (TITR is an association of companies and has no membership rows).
const memberOrgs = pkg.organizations.filter((o) => o.sphere !== "transport");
const ix = cl.membershipIndex(pkg.memberships, memberOrgs, pkg.states.map((s) => s.iso3));

// Heatmap dates: 1 January 2015, 1 January 2020 and the as-of date (earlier dates only if they precede it).
const mapDates = [...["2015-01-01", "2020-01-01"].filter((d) => d < asOfDate), asOfDate];
const SPHERE_ORDER = ["turkic", "asian_dialogue", "china_led", "russia_led", "islamic", "euro_atlantic", "black_sea", "non_aligned", "global"];
const matrices = mapDates.map((d) => cl.membershipMatrix(ix, d, { states: panel }));
const columns = memberOrgs
  .filter((o) => matrices.some((m) => panel.some((s) => cl.matrixStatus(m, s, o.id) !== undefined)))
  .sort((a, b) => SPHERE_ORDER.indexOf(a.sphere) - SPHERE_ORDER.indexOf(b.sphere) || a.id.localeCompare(b.id))
  .map((o) => o.id);
const mAsOf = matrices[matrices.length - 1];

const tiesOf = (m: cl.MembershipMatrix, s: string) => cl.orgsOf(m, s);
const fullOf = (m: cl.MembershipMatrix, s: string) => cl.orgsOf(m, s).filter((o) => cl.FULL_MEMBERSHIP.includes(cl.matrixStatus(m, s, o)));

// Text for the notebook is built with cl.md`…`: the literal parts are Markdown, every `${…}` (names, codes,
// parameters) is escaped as text. Pieces of one paragraph are joined with cl.mdJoin(…, " ") (empty ones dropped).
cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.md`## ${NAME} in the organisations of Eurasia\n\nAs of **${rp.formatDate(asOfDate)}**${asOfDate === latestDate ? " (the latest date in the data)" : ` (the data run to ${rp.formatDate(latestDate)})`},`,
      cl.md`${NAME} holds a standing tie with **${rp.plural(tiesOf(mAsOf, F).length, "organisation")}** of the ${memberOrgs.length} in the package,`,
      cl.md`${rp.countWord(fullOf(mAsOf, F).length)} of them as a full or founding member: ${rp.listText(tiesOf(mAsOf, F).map((o) => `${o} (${nm.statusPhrase(cl.matrixStatus(mAsOf, F, o))})`))}.`,
      cl.md`It is compared below with ${rp.listText(others.map((s) => nm.stateName(pkg, s)))}.`,
      cl.md`Balance-index scenario: **${scenario}** (${SCENARIOS[scenario].label}).`,
    ],
    " ",
  ),
);

// %% [markdown]
// ## 1 · Who belongs where: three snapshots
//
// Each map shows the status of the twelve states in every organisation on one day: full or founding members,
// observers, partners and dialogue partners, applicants, and former or suspended members. A status that began on a
// partial date (a year or a month) counts from that period's first day, following `lib/memberships`. Rows whose start
// is only documented "by" a date count from that date, which can only understate a membership. The columns run from
// the Turkic and Asian-dialogue formats through the China-led and Russia-led blocs to the Islamic, Euro-Atlantic,
// Black Sea, non-aligned and global organisations, the same order in all three maps.

// %%
function heatmapInput(m: cl.MembershipMatrix, date: string): cl.MembershipMatrixInput {
  const cells: cl.MembershipCell[] = [];
  for (const s of panel) {
    for (const o of columns) {
      const status = cl.matrixStatus(m, s, o) ?? null;
      const at = cl.statusAt(ix, s, o, date);
      cells.push({ row: s, col: o, status, ...(status && at.since ? { since: at.since } : {}), sources: cl.matrixCellSources(m, s, o) });
    }
  }
  return {
    asOf: date,
    rows: panel.map((s) => ({ id: s, label: label(s) })),
    cols: columns.map((o) => ({ id: o })),
    cells,
    sources: cells.flatMap((c) => c.sources ?? []),
  };
}

// The maps show every status, applicants and former or suspended members included.
const allStatusMatrices = mapDates.map((d) => cl.membershipMatrix(ix, d, { states: panel, statuses: cl.MEMBERSHIP_STATUSES }));
const heatmaps = mapDates.map((d, i) => {
  const isLatest = i === mapDates.length - 1;
  const fig = fitLegend(cl.membershipHeatmapFigure(heatmapInput(allStatusMatrices[i], d), {
    title: `${NAME} and eleven neighbours: memberships on ${rp.formatDate(d)}`,
    subtitle: `Status as of ${d}${isLatest && d === latestDate ? " (latest date in the data)" : ""}; ${NAME} in the first row`,
    sourceCatalog: catalog,
  }));
  cl.show(fig);
  void cl.registerFigure({
    id: isLatest ? "memberships-as-of" : `memberships-${d.slice(0, 4)}`,
    caption: `Status of ${NAME} and eleven neighbouring states in ${columns.length} organisations on ${rp.formatDate(d)}.`,
    figure: fig,
  });
  return fig;
});

// %%
// What changed for the focal state between the snapshots.
function changes(from: cl.MembershipMatrix, to: cl.MembershipMatrix, s: string): string[] {
  return columns.flatMap((o) => {
    const a = cl.matrixStatus(from, s, o);
    const b = cl.matrixStatus(to, s, o);
    if (a === b) return [];
    if (!a) return [`joined ${o} as ${nm.statusWithArticle(b)}`];
    if (!b) return [`left ${o} (was ${nm.statusWithArticle(a)})`];
    return [`moved in ${o} from ${nm.statusPhrase(a)} to ${nm.statusPhrase(b)}`];
  });
}
const steps = matrices.slice(1).map((m, i) => ({ from: mapDates[i], to: mapDates[i + 1], list: changes(matrices[i], m, F) }));
const panelChanges = matrices.length > 1 ? others.filter((s) => changes(matrices[0], mAsOf, s).length > 0) : [];
cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.md`**What changed for ${NAME}.**`,
      ...steps.map((st) => `Between ${rp.formatDate(st.from)} and ${rp.formatDate(st.to)} it ${st.list.length === 0 ? "changed no status" : rp.listText(st.list)}.`),
      `Its standing ties went from ${mapDates.map((d, i) => `${tiesOf(matrices[i], F).length} (${d.slice(0, 4)})`).join(" to ")}.`,
      matrices.length > 1
        ? `Of the other ${others.length} states, ${rp.countWord(panelChanges.length)} changed at least one status over the whole span: ${rp.listText(panelChanges.map((s) => nm.stateName(pkg, s)), "none")}.`
        : "",
    ].filter((part) => part !== ""),
    " ",
  ),
);

// %% [markdown]
// The wider picture on the as-of date: every organisation, the focal state's status in it, and how many of the
// twelve states hold full membership or any standing tie. The table is exported with the report.

// %%
const orgTable: cl.TableInput = {
  columns: [
    { key: "org", label: "Organisation" },
    { key: "name", label: "Name" },
    { key: "sphere", label: "Sphere" },
    { key: "status", label: `${NAME}: status` },
    { key: "since", label: "Since" },
    { key: "full", label: "Full members among the twelve", unit: "states" },
    { key: "any", label: "Any standing tie among the twelve", unit: "states" },
  ],
  rows: columns.map((o) => {
    const at = cl.statusAt(ix, F, o, asOfDate);
    return {
      org: o,
      name: nm.orgName(pkg, o),
      sphere: nm.spherePhrase(memberOrgs.find((x) => x.id === o).sphere),
      status: at.status === "none" ? "" : nm.statusPhrase(at.status),
      since: at.status === "none" ? "" : at.since ?? "",
      full: panel.filter((s) => cl.FULL_MEMBERSHIP.includes(cl.matrixStatus(mAsOf, s, o))).length,
      any: panel.filter((s) => cl.matrixStatus(mAsOf, s, o) !== undefined).length,
    };
  }),
  sources: cl.mergeSources(...columns.map((o) => cl.matrixCellSources(mAsOf, F, o))),
};
cl.displayHtml(
  rp.tableHtml(orgTable, {
    caption: `${POSS} status in each organisation on ${rp.formatDate(asOfDate)}`,
    sourceCatalog: catalog,
    minWidths: { name: "16em", status: "9em" },
    cellStyle: (key, value) => (key === "status" && value ? "font-weight:600" : undefined),
  }),
);
void cl.registerTable({ id: "organisations-as-of", title: `${POSS} organisations on ${rp.formatDate(asOfDate)}`, caption: `Status of ${NAME} in each organisation, and the number of the twelve states in it.`, table: orgTable, sourceCatalog: catalog });

// %% [markdown]
// ## 2 · The focal state's path
//
// Every membership row of the focal state becomes a bar from the start of the status to its end (open bars run to
// the as-of date); status changes, such as the SCO's 2025 merger of observers and dialogue partners into "partners",
// appear as a change of colour. Diamonds mark the catalogued milestones in the same organisations: accessions,
// agreements with the organisation, and chairmanships the state took (in `events.csv` the chair is the first
// participant of a chairmanship event). The event catalogue was compiled around Azerbaijan, so for other states
// it is thinner; the prose says so when that matters.

// %%
const focalRows = pkg.memberships.filter((r) => r.state === F && cl.startOf(r.since) <= asOfDate);
const laneOrder = [...new Set([...focalRows].sort((a, b) => cl.startOf(a.since).localeCompare(cl.startOf(b.since)) || a.org.localeCompare(b.org)).map((r) => r.org))];
const spans: cl.TimelineSpan[] = focalRows.map((r) => ({
  lane: r.org,
  start: r.since,
  end: r.until && cl.startOf(r.until) <= asOfDate ? r.until : null,
  status: r.status,
  sources: cl.rowSources(r),
}));
const isMilestone = (e: (typeof pkg.events)[number]) =>
  e.participants.includes(F) &&
  e.orgs.some((o) => laneOrder.includes(o)) &&
  (e.kind === "accession" || e.kind === "agreement" || (e.kind === "chairmanship" && e.participants[0] === F));
const milestones = pkg.events.filter((e) => isMilestone(e) && cl.startOf(e.date) <= asOfDate);
const laterMilestones = pkg.events.filter((e) => (isMilestone(e) || (e.participants[0] === F && e.participants.length === 1 && e.orgs.some((o) => laneOrder.includes(o)))) && cl.startOf(e.date) > asOfDate);
const timelineEvents: cl.TimelineEvent[] = milestones.map((e) => ({
  date: e.date,
  label: `${e.kind === "chairmanship" ? "chair" : e.kind}, ${e.date.slice(0, 4)}`,
  lane: e.orgs.find((o) => laneOrder.includes(o)),
  kind: e.kind,
  sources: cl.rowSources(e),
}));
// Lanes in joining order: sort the spans so that the builder's first-seen order follows laneOrder.
const sortedSpans = [...spans].sort((a, b) => laneOrder.indexOf(a.lane) - laneOrder.indexOf(b.lane));
const pathFig = fitLegend(cl.timelineFigure(
  { spans: sortedSpans, events: timelineEvents, asOf: asOfDate, sources: [] },
  {
    title: `${POSS} path through Eurasia's organisations, to ${rp.formatDate(asOfDate)}`,
    subtitle: `${laneOrder.length} organisations; diamonds: accessions, agreements and chairmanships of ${NAME}`,
    sourceCatalog: catalog,
    fromYear: Math.min(...focalRows.map((r) => Number(r.since.slice(0, 4)))),
    eventLabels: timelineEvents.length <= 12,
  },
));
cl.show(pathFig);
void cl.registerFigure({ id: "focal-path", caption: `Status of ${NAME} in each organisation over time, with its catalogued milestones.`, figure: pathFig });

// %%
const CORE = ["SCO", "CICA", "OTS"];
const entries = cl.accessionTimeline(pkg.memberships, { state: F }).filter((e) => cl.startOf(e.date) <= asOfDate);
function pathText(org: string): string {
  const es = entries.filter((e) => e.org === org);
  if (es.length === 0) return `no status recorded`;
  return es
    .map((e) => (e.change === "left" ? `left on ${rp.formatDate(e.date)}` : `${nm.statusPhrase(e.status)} from ${rp.formatDate(e.date)}`))
    .join("; ");
}
const summitCounts = cl.eventCounts(
  pkg.events.filter((e) => cl.startOf(e.date) <= asOfDate),
  "org",
  { participant: F, kind: "summit", org: laneOrder },
);
const chairs = pkg.events.filter((e) => e.kind === "chairmanship" && e.participants[0] === F).sort((a, b) => a.date.localeCompare(b.date));
const gapsTouching = pkg.gaps.filter(
  (g) => g.resource === "memberships" && (g.description.includes(NAME) || new RegExp(`\\b${F}\\b`).test(g.description) || (g.note ?? "").includes(NAME)),
);
const otherMilestones = milestones.filter((e) => e.kind !== "chairmanship");
cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.md`**${POSS} path through the three platforms of the article.**`,
      cl.mdJoin(
        CORE.map((o) => cl.md`- **${o}** (${nm.orgName(pkg, o)}): ${pathText(o)}.`),
        "\n",
      ),
      cl.md`**Chairmanships of ${NAME} in the event catalogue:** ${
        chairs.length === 0
          ? `none catalogued.`
          : `${chairs.map((e) => `${e.title} (${rp.formatDate(e.date)}${cl.startOf(e.date) > asOfDate ? ", after the as-of date" : ""})`).join("; ")}.`
      }`,
      cl.md`**Other catalogued milestones in its organisations:** ${
        otherMilestones.length === 0
          ? `none. The event catalogue was built around Azerbaijan's diplomacy, so a missing milestone of ${NAME} is a gap in the catalogue, not evidence that nothing happened.`
          : `${otherMilestones.map((e) => `${e.title} (${rp.formatDate(e.date)})`).join("; ")}.`
      }${laterMilestones.length > 0 ? ` Planned or later: ${laterMilestones.map((e) => `${e.title} (${rp.formatDate(e.date)})`).join("; ")}.` : ""}`,
      cl.md`**Catalogued summits with ${NAME} taking part, to ${rp.formatDate(asOfDate)}:** ${
        summitCounts.length === 0 ? "none." : `${rp.listText(summitCounts.map((c) => `${c.key} ${c.count}`))}.`
      }`,
      cl.md`**Gaps in the membership data that name ${NAME}:** ${
        gapsTouching.length === 0 ? "none listed in gaps.csv." : gapsTouching.map((g) => g.description).join(" — ")
      }`,
    ],
    "\n\n",
  ),
);

// %% [markdown]
// ## 3 · The overlap network
//
// Two networks, both on the as-of date and both over the same twelve states and the organisations of the maps:
//
// - the **state–organisation** network joins each state to every organisation it holds a standing tie with. A
//   state's *degree* is the number of organisations it is tied to; its *betweenness* is the share of shortest paths
//   between other nodes that pass through it (graphology-metrics, normalised). High betweenness marks a state that
//   links organisations whose other members do not meet elsewhere;
// - the **state–state** overlap network joins two states when their memberships overlap by at least half: a Jaccard
//   index `|A ∩ B| / |A ∪ B|` of 0.5 or more. Almost every pair of the twelve shares at least one organisation (the
//   CICA alone covers most), so the threshold keeps only the ties that matter. Degree counts such close partners.

// %%
const JACCARD_MIN = 0.5;
const bip = cl.stateOrgNetwork(cl.membershipMatrix(ix, asOfDate, { states: panel, orgs: columns }));
const bipC = cl.networkCentrality(bip);
const ssFull = cl.stateStateNetwork(mAsOf);
const ss = ssFull.copy() as cl.MembershipGraph;
ss.filterEdges((_e, a) => (a.jaccard ?? 0) < JACCARD_MIN).forEach((e) => ss.dropEdge(e));
const ssC = cl.networkCentrality(ss);

const netFig = fitLegend(cl.overlapNetworkFigure(
  {
    nodes: panel.map((s) => ({ id: s, label: s === F ? `${nm.stateName(pkg, s)} ★` : nm.stateName(pkg, s), kind: "state" as const, size: tiesOf(mAsOf, s).length })),
    edges: ss.mapEdges((_e, a, source, target) => ({ source, target, weight: Math.round(a.jaccard * 100) / 100 })),
    weightName: "Jaccard overlap of memberships",
    weightUnit: "index, 0–1",
    sources: ss.mapEdges((_e, a) => a.sources).flat(),
  },
  {
    title: `${NAME} in the overlap network of twelve states, ${rp.formatDate(asOfDate)}`,
    subtitle: `Edges: memberships overlap by at least half (Jaccard ≥ ${JACCARD_MIN}); node size: organisations tied to; ★ ${NAME}`,
    note: `${NAME} is placed at the top; the other states follow clockwise in a fixed order. The overlap of ${NAME} with each state is tabulated below.`,
    order: panel,
    edgeLabels: false,
    sourceCatalog: catalog,
    height: 640,
  },
));
// Without edge labels the builder still draws a white disc at each edge's middle; make those discs transparent
// (their hover text stays), so that the lines read as lines.
const netFigShown: cl.CaspianFigure = {
  ...netFig,
  data: netFig.data.map((t) =>
    t.mode === "markers" && (t.marker as { color?: unknown } | undefined)?.color === "rgba(255,255,255,0.85)" ? { ...t, marker: { ...(t.marker as object), opacity: 0 } } : t,
  ),
};
cl.show(netFigShown);
void cl.registerFigure({ id: "overlap-network", caption: `States whose memberships overlap by at least half, with ${NAME} at the top.`, figure: netFigShown });

// %%
const centralityTable: cl.TableInput = {
  columns: [
    { key: "state", label: "State" },
    { key: "orgs", label: "Degree in state–organisation network", unit: "organisations" },
    { key: "btwBip", label: "Betweenness, state–organisation network" },
    { key: "close", label: `Degree in overlap network (Jaccard ≥ ${JACCARD_MIN})`, unit: "states" },
    { key: "btwSs", label: "Betweenness, overlap network" },
  ],
  rows: [...panel]
    .map((s) => {
      const b = bipC.find((r) => r.node === cl.stateNode(s));
      const c = ssC.find((r) => r.node === s);
      return { state: label(s), orgs: b.degree, btwBip: Math.round(b.betweenness * 1000) / 1000, close: c.degree, btwSs: Math.round(c.betweenness * 1000) / 1000 };
    })
    .sort((a, b) => b.btwBip - a.btwBip || b.orgs - a.orgs || a.state.localeCompare(b.state)),
  sources: cl.mergeSources(...bipC.map((r) => r.sources)),
};
cl.displayHtml(
  rp.tableHtml(centralityTable, {
    caption: `Centrality of the twelve states on ${rp.formatDate(asOfDate)}, by betweenness in the state–organisation network`,
    sourceCatalog: catalog,
    digits: { btwBip: 3, btwSs: 3 },
    cellStyle: (_k, _v, row) => (row.state === label(F) ? "background:#fff3c4;font-weight:600" : undefined),
  }),
);
void cl.registerTable({ id: "network-centrality", title: `Network centrality of ${NAME} and eleven neighbours, ${rp.formatDate(asOfDate)}`, table: centralityTable, sourceCatalog: catalog });

const rBip = rk.rankOf(panel, F, (s) => s, (s) => bipC.find((r) => r.node === cl.stateNode(s)).betweenness);
const rDeg = rk.rankOf(panel, F, (s) => s, (s) => bipC.find((r) => r.node === cl.stateNode(s)).degree);
const rSs = rk.rankOf(panel, F, (s) => s, (s) => ssC.find((r) => r.node === s).betweenness);
const topOrg = bipC.filter((r) => r.kind === "org")[0];
const pairs = cl.overlapPairs(mAsOf, { focus: F });
const closest = pairs.filter((p) => (p.jaccard ?? 0) >= JACCARD_MIN);
const fb = bipC.find((r) => r.node === cl.stateNode(F));
cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.md`**Reading the network.** ${NAME} is tied to ${rp.plural(fb.degree, "organisation")} (${rk.rankText(rDeg)}) and its`,
      cl.md`betweenness in the state–organisation network is ${rp.formatNumber(fb.betweenness, 3)}, ${rk.rankText(rBip)}.`,
      cl.md`The most central organisation is the ${topOrg.id} (betweenness ${rp.formatNumber(topOrg.betweenness, 3)}, ${rp.plural(topOrg.degree, "member")} among the twelve).`,
      cl.md`In the overlap network, ${NAME} shares at least half of its memberships with ${rp.plural(closest.length, "state")}:`,
      cl.md`${rp.listText(closest.map((p) => `${nm.stateName(pkg, p.b)} (${rp.formatNumber(p.jaccard, 2)})`), "none")}; its betweenness there ranks ${rk.rankText(rSs)}.`,
      cl.md`Its closest match overall is ${nm.stateName(pkg, pairs[0].b)}, with ${rp.plural(pairs[0].shared.length, "shared organisation")} (${rp.listText(pairs[0].shared)}),`,
      cl.md`and its most distant ${nm.stateName(pkg, pairs[pairs.length - 1].b)} (Jaccard ${rp.formatNumber(pairs[pairs.length - 1].jaccard, 2)}).`,
    ],
    " ",
  ),
);

// %%
const pairTable: cl.TableInput = {
  columns: [
    { key: "state", label: "State" },
    { key: "shared", label: `Organisations shared with ${NAME}`, unit: "count" },
    { key: "jaccard", label: "Jaccard overlap" },
    { key: "orgs", label: "Shared organisations" },
  ],
  rows: pairs.map((p) => ({ state: nm.stateName(pkg, p.b), shared: p.shared.length, jaccard: p.jaccard === undefined ? null : Math.round(p.jaccard * 100) / 100, orgs: p.shared.join(", ") })),
  sources: cl.mergeSources(...pairs.map((p) => p.sources)),
};
cl.displayHtml(rp.tableHtml(pairTable, { caption: `Overlap of ${POSS} memberships with each state, ${rp.formatDate(asOfDate)}`, sourceCatalog: catalog, digits: { jaccard: 2 } }));
void cl.registerTable({ id: "overlap-pairs", title: `Overlap of ${POSS} memberships with eleven neighbours, ${rp.formatDate(asOfDate)}`, table: pairTable, sourceCatalog: catalog });

// %% [markdown]
// ## 4 · The multi-vector balance index
//
// `lib/balance` turns "multi-vector" into a number: each standing tie gets a weight by status (full membership 1,
// associate 0.5, observer, partner and dialogue partner 0.25), the weights are summed by the sphere of the
// organisation, and the index is the Shannon entropy of the sphere shares divided by its maximum, `ln k`. It is 0
// when every tie is in one sphere and 1 when the weight is spread evenly over all `k` spheres. The README lists the
// choices (weights, spheres, the normaliser, counting organisations rather than blocs) and their alternatives; the
// `scenario` parameter switches between them, and the sensitivity table below shows all four at once.

// %%
const balances = panel.map((s) => cl.multiVectorBalance(ix, memberOrgs, s, asOfDate, balanceOptions));
const bFocal = balances[0];
const rBal = rk.rankOf(balances, F, (b) => b.state, (b) => b.index);
const balFig = fitLegend(cl.comparisonBarsFigure(
  {
    quantity: "Multi-vector balance index",
    unit: "index",
    bars: [...balances]
      .sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.state.localeCompare(b.state))
      .map((b) => ({ label: label(b.state), value: b.index === undefined ? null : Math.round(b.index * 1000) / 1000, colorKey: b.state, sources: b.sources })),
    sources: [],
  },
  {
    title: `Multi-vector balance: ${NAME} among twelve states, ${rp.formatDate(asOfDate)}`,
    subtitle: `Normalised entropy of weighted ties across spheres (0 = one sphere, 1 = even); scenario: ${scenario}`,
    horizontal: true,
    sourceCatalog: catalog,
  },
));
cl.show(balFig);
void cl.registerFigure({ id: "balance-index", caption: `The balance index of the twelve states; ${NAME} ranks ${rk.rankText(rBal)}.`, figure: balFig });

const sphereFig = fitLegend(cl.balanceBarsFigure(
  {
    quantity: "Share of weighted ties",
    unit: "percent",
    bars: Object.entries(bFocal.shares).map(([key, v]) => ({ key, label: nm.spherePhrase(key), value: Math.round(v * 1000) / 10 })),
    index: bFocal.index === undefined ? undefined : { value: Math.round(bFocal.index * 100) / 100, label: "Balance index" },
    sources: bFocal.sources,
  },
  {
    title: `${POSS} ties by sphere, ${rp.formatDate(asOfDate)}`,
    subtitle: `Weighted ties: ${bFocal.ties.map((t) => `${t.org} ${rp.formatNumber(t.weight, 2)}`).join(", ")}`,
    sourceCatalog: catalog,
  },
));
cl.show(sphereFig);
void cl.registerFigure({ id: "balance-spheres", caption: `How ${POSS} weighted ties divide among the spheres.`, figure: sphereFig });

// %%
// The index over time: the focal state against the median of the other states, at each year end.
const lastFullYear = Number(asOfDate.slice(0, 4)) - (asOfDate.endsWith("-12-31") ? 0 : 1);
const firstYear = 2005;
const years = Array.from({ length: lastFullYear - firstYear + 1 }, (_, i) => firstYear + i);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const byYear = (s: string) => cl.balanceByYear(ix, memberOrgs, s, firstYear, lastFullYear, balanceOptions);
const focalYears = byYear(F);
const otherYears = others.map(byYear);
const point = (y: number, v: number | null | undefined, sources: readonly cl.SourceId[]): cl.SeriesPoint => ({
  periodStart: `${y}-01-01`,
  periodEnd: `${y}-12-31`,
  label: String(y),
  value: v === undefined || v === null ? null : Math.round(v * 1000) / 1000,
  status: "actual",
  sources,
});
const focalSeries: cl.Series = {
  id: F, // a state code as id gives the line the state's house colour
  label: NAME,
  metric: "balance_index",
  unit: "index",
  scope: "",
  points: years.map((y, i) => point(y, focalYears[i].index, focalYears[i].sources)),
};
const medianSeries: cl.Series = {
  id: "balance:median",
  label: `Median of the other ${others.length} states`,
  metric: "balance_index",
  unit: "index",
  scope: "",
  points: years.map((y, i) => point(y, median(otherYears.map((b) => b[i].index).filter((v) => v !== undefined)), cl.mergeSources(...otherYears.map((b) => b[i].sources)))),
};
const trendFig = fitLegend(cl.timeSeriesFigure([focalSeries, medianSeries], {
  title: `${POSS} balance index at each year end, ${firstYear}–${lastFullYear}`,
  subtitle: `Against the median of the other eleven states; scenario: ${scenario}`,
  quantity: "Balance index",
  sourceCatalog: catalog,
}));
cl.show(trendFig);
void cl.registerFigure({ id: "balance-over-time", caption: `${POSS} balance index each year end, against the median of its eleven neighbours.`, figure: trendFig });

// %% [markdown]
// ### How much do the choices matter?
//
// The same index under the four scenarios. A rank that holds under all of them is a finding; a rank that moves
// with the weights or the normaliser is an artefact of the definition.

// %%
const sensitivity = Object.entries(SCENARIOS).map(([key, sc]) => {
  const bs = panel.map((s) => cl.multiVectorBalance(ix, memberOrgs, s, asOfDate, sc.options));
  const r = rk.rankOf(bs, F, (b) => b.state, (b) => b.index);
  const top = [...bs].sort((a, b) => (b.index ?? -1) - (a.index ?? -1))[0];
  return { key, label: sc.label, focal: bs[0].index, rank: r, top: top.state, topValue: top.index, sources: cl.mergeSources(...bs.map((b) => b.sources)) };
});
const sensTable: cl.TableInput = {
  columns: [
    { key: "scenario", label: "Scenario" },
    { key: "what", label: "What changes" },
    { key: "index", label: `${NAME}: index` },
    { key: "rank", label: `${NAME}: rank among ${panel.length}` },
    { key: "top", label: "Highest-ranked state" },
  ],
  rows: sensitivity.map((s) => ({
    scenario: s.key,
    what: s.label,
    index: s.focal === undefined ? null : Math.round(s.focal * 1000) / 1000,
    rank: rk.rankText(s.rank),
    top: `${nm.stateName(pkg, s.top)} (${rp.formatNumber(s.topValue, 3)})`,
  })),
  sources: cl.mergeSources(...sensitivity.map((s) => s.sources)),
};
cl.displayHtml(rp.tableHtml(sensTable, { caption: `Balance index of ${NAME} on ${rp.formatDate(asOfDate)} under each scenario`, sourceCatalog: catalog, digits: { index: 3 } }));
void cl.registerTable({ id: "balance-sensitivity", title: `Sensitivity of ${POSS} balance index to the index's choices`, table: sensTable, sourceCatalog: catalog });

// %% [markdown]
// ### Does the index support the "balanced foreign policy" argument?

// %%
const ranks = sensitivity.map((s) => s.rank?.rank ?? Infinity);
const topThreeAll = ranks.every((r) => r <= 3);
const topThreeSome = ranks.some((r) => r <= 3);
const sharesSorted = Object.entries(bFocal.shares).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const [bigSphere, bigShare] = sharesSorted[0];
const asian = ["turkic", "asian_dialogue", "china_led"];
const asianShare = asian.reduce((a, k) => a + (bFocal.shares[k] ?? 0), 0);
const b2015 = cl.multiVectorBalance(ix, memberOrgs, F, mapDates[0], balanceOptions);
const asian2015 = asian.reduce((a, k) => a + (b2015.shares[k] ?? 0), 0);
const chinaTie = bFocal.ties.find((t) => t.sphere === "china_led");
// Weight of the ties whose current status began before the first snapshot.
const oldWeight = bFocal.ties
  .filter((t) => cl.startOf(cl.statusAt(ix, F, t.org, asOfDate).since ?? asOfDate) < mapDates[0])
  .reduce((a, t) => a + t.weight, 0);
const oldShare = bFocal.total > 0 ? oldWeight / bFocal.total : 0;
// An empty sphere whose organisations a documented gap names for the focal state is a hole in the data, not a known absence.
const emptySpheres = Object.entries(bFocal.weights)
  .filter(([, w]) => w === 0)
  .map(([k]) => {
    const orgIds = memberOrgs.filter((o) => o.sphere === k).map((o) => o.id);
    const gap = gapsTouching.some((g) => orgIds.some((o) => new RegExp(`\\b${o}\\b`).test(g.description)));
    return nm.spherePhrase(k) + (gap ? ` (a documented gap for ${NAME}, not a known absence)` : "");
  });
const ngaps = pkg.gaps.filter((g) => g.resource === "memberships" && panel.some((s) => g.description.includes(nm.stateName(pkg, s))));
const azeRank = rk.rankOf(balances, "AZE", (b) => b.state, (b) => b.index);
const verdict = topThreeAll
  ? `supports it, within its limits: ${NAME} ranks ${rk.rankText(rBal)} on the chosen scenario and stays in the top three under all four`
  : topThreeSome
    ? `supports it only under some choices: ${NAME} ranks ${rk.rankText(rBal)} on the chosen scenario, but its rank runs from ${rp.formatNumber(Math.min(...ranks))} to ${rp.formatNumber(Math.max(...ranks))} across the four scenarios` +
      `; it falls outside the top three under ${rp.listText(sensitivity.filter((x) => (x.rank?.rank ?? Infinity) > 3).map((x) => `${x.key} (${nm.stateName(pkg, x.top)} first, with ${rp.plural(cl.multiVectorBalance(ix, memberOrgs, x.top, asOfDate, SCENARIOS[x.key].options).ties.length, "tie")})`))}`
    : `does not support it: ${NAME} ranks ${rk.rankText(rBal)} on the chosen scenario and outside the top three under every scenario`;

// The gap ids as code, listed like rp.listText ("a, b and c").
const gapIdList = cl.mdList(ngaps.map((g) => cl.mdCode(g.id)));

cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.mdJoin(
        [
          F === "AZE"
            ? cl.md`The article argues, in *Expanding strategic influence through the SCO and CICA* and in its conclusion, that Azerbaijan's engagement with the SCO, CICA and OTS is part of a balanced policy open to East and West.`
            : cl.md`The article makes its "balanced foreign policy" argument for Azerbaijan (which ranks ${rk.rankText(azeRank)} here); this section asks the same question of ${NAME}.`,
          cl.md`On formal institutional ties the index **${verdict}**.`,
          cl.md`${POSS} index is ${rp.formatNumber(bFocal.index, 3)} on ${rp.formatDate(asOfDate)}, against ${rp.formatNumber(b2015.index, 3)} on ${rp.formatDate(mapDates[0])};`,
          cl.md`its largest sphere is the ${nm.spherePhrase(bigSphere)} one (${rp.formatPercent(bigShare * 100)} of its weighted ties), and the Turkic, Asian-dialogue and China-led spheres together hold`,
          cl.md`${rp.formatPercent(asianShare * 100)} (${rp.formatPercent(asian2015 * 100)} in ${mapDates[0].slice(0, 4)}).`,
        ],
        " ",
      ),
      cl.mdJoin(
        [
          cl.md`Three things complicate the reading. First, ${rp.formatPercent(oldShare * 100)} of ${POSS} weighted ties were already in place on ${rp.formatDate(mapDates[0])}${
            oldShare > 0.5
              ? F === "AZE"
                ? `, so the index mostly measures a breadth built before the turn to Asia that the article describes, not a new eastern vector`
                : `, so the index mostly describes a long-standing pattern rather than a recent choice`
              : `, so much of the spread is recent`
          }${
            chinaTie && chinaTie.weight < 1
              ? `; and its only China-led tie, its SCO status (${nm.statusPhrase(chinaTie.status)}), weighs ${rp.formatNumber(chinaTie.weight, 2)} against 1 for a full membership, so ${F === "AZE" ? "the SCO engagement the article stresses" : "the SCO"} barely moves the number.`
              : chinaTie
                ? `.`
                : `; and it has no China-led tie at all.`
          }`,
          cl.md`The index rewards breadth whatever the direction, and says nothing of which sphere a state leans on.`,
          cl.md`Second, the index counts organisations, not depth: bilateral alliances, troops, trade and votes are outside it, and ${
            emptySpheres.length > 0
              ? `${POSS} empty spheres (${rp.listText(emptySpheres)}) pull it down however close its bilateral ties are`
              : `although every sphere holds some of ${POSS} weight, the index cannot tell a token tie from a working one`
          }.`,
          cl.md`Third, the data have holes: ${rp.plural(ngaps.length, "documented gap")} in membership data name states of this panel (${gapIdList});`,
          cl.md`a missing status counts as no tie, which lowers those states' indices and flatters anyone whose statuses are fully documented.`,
        ],
        " ",
      ),
    ],
    "\n\n",
  ),
);
