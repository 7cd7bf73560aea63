// %% [markdown]
// # 05 · A timeline of cooperation
//
// The article reads Azerbaijan's turn toward Asia through a chain of dated moments: a new status in the SCO, the
// memorandum that followed it, the election to chair CICA, the consultative meeting of Central Asian leaders, the
// informal OTS summit in Shusha, the OTS summit held shortly before the article was written. Its abstract adds a
// broader claim — that cooperation with Central Asia intensified after the Second Garabagh War.
//
// This notebook lays those moments out on a common time axis, from `data/events.csv`, a catalogue of summits,
// ministerials, agreements, accessions, chairmanships and infrastructure openings built for this study, and from the
// membership rows behind each organisation's accession history:
//
// 1. events by organisation and by kind, for the focal state;
// 2. the intensity of summitry year by year, and how it compares before and after the war;
// 3. the focal state's accession timeline, from its first memberships to the latest date in the data;
// 4. every catalogued event on one chart, with the events the article cites marked and labelled.
//
// Counts are of *catalogued* events. An event missing from the catalogue is not counted, so a low year may reflect
// our coverage rather than a quiet year; the catalogue's known gaps are in `data/gaps.csv`.

// %% tags=parameters
let focal = "AZE"; // ISO3 of the state whose events are shown (events where it is a participant); "" = every event
let asOf: string | number = ""; // (a bare year from the command line arrives as a number) "" = the latest date in the data; an ISO date = only events published by then; later-dated events count as planned
let scenario = "summit"; // what counts as summitry in the intensity chart: one kind, kinds joined by "+" ("summit+ministerial"), or "all"

// %%
import * as cl from "../dist/lib";
import * as rp from "../dist/lib/notebook";

const pkg = cl.dataPackage();
const latest = rp.latestDataDate(pkg);
const asOfDate = rp.resolveAsOf(String(asOf), pkg);
const known = asOfDate === latest ? pkg : rp.packageKnownBy(pkg, asOfDate);
const catalog = pkg.sources;
const allEvents = known.events;
const focalName = focal === "" ? "" : pkg.states.find((s) => s.iso3 === focal)?.name ?? focal;
if (focal !== "" && !pkg.states.some((s) => s.iso3 === focal)) throw new RangeError(`focal = "${focal}" is not a state of states.csv`);
const events = focal === "" ? [...allEvents] : cl.filterEvents(allEvents, { participant: focal });
const who = focal === "" ? "all states" : focalName;

const kinds: cl.EventKind[] =
  scenario === "all" ? [...cl.enums.eventKind] : (scenario.split("+").map((k) => k.trim()) as cl.EventKind[]);
const badKind = kinds.find((k) => !(cl.enums.eventKind as readonly string[]).includes(k));
if (badKind !== undefined) throw new RangeError(`scenario: "${badKind}" is not an event kind (${cl.enums.eventKind.join(", ")}) or "all"`);
const kindText = scenario === "all" ? "events of every kind" : rp.listText(kinds.map((k) => `${k}s`));

const years = allEvents.map((e) => rp.yearOf(e.date));
const firstYear = Math.min(...years);
const lastYear = Math.max(...years);
const orgName = (id: string) => (id === "(none)" ? "No organisation (bilateral or plurilateral)" : pkg.organizations.find((o) => o.id === id)?.name ?? id);
// planned: the event may still lie ahead on the as-of date (a year-precision "2026" is planned until its end)
const isPlanned = (e: { date: string }) => cl.endOf(e.date) > asOfDate;
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

// The events the article cites: named in the tests of claims.csv (by id), and accessions that a status claim dates
// to the day (the SCO status of July 2015 is a membership row; its decision is also an event).
const citedBy = new Map<string, string[]>();
const cite = (eventId: string, claimId: string) => citedBy.set(eventId, [...(citedBy.get(eventId) ?? []), claimId]);
for (const c of pkg.claims) {
  let args: Record<string, unknown>;
  try {
    args = JSON.parse(c.args) as Record<string, unknown>;
  } catch {
    continue;
  }
  const where = (args.where ?? {}) as Record<string, unknown>;
  if (args.resource === "events" && typeof args.id === "string") cite(args.id, c.id);
  if (args.resource === "events" && typeof where.id === "string") cite(where.id, c.id);
  if (c.test === "status_at" && args.since === true && typeof args.date === "string") {
    for (const e of pkg.events) {
      if (e.date === args.date && e.orgs.includes(String(args.org)) && e.participants.includes(String(args.state))) cite(e.id, c.id);
    }
  }
}
const isCited = (id: string) => citedBy.has(id);

cl.displayMarkdown(
  cl.md`The catalogue holds **${rp.plural(allEvents.length, "event")}** from ${firstYear} to ${lastYear}${
    asOfDate === latest ? ` (data as of ${rp.formatDate(asOfDate)})` : ` published by ${rp.formatDate(asOfDate)}`
  }. ${focal === "" ? "All are shown." : `${focalName} takes part in ${rp.plural(events.length, "of them", "of them")}.`} ${(() => {
    const n = events.filter(isPlanned).length;
    return n === 0
      ? `No event is dated after ${rp.formatDate(asOfDate)}.`
      : `${cap(rp.countWord(n))} ${n === 1 ? "event is" : "events are"} dated on or after ${rp.formatDate(asOfDate)} and count${n === 1 ? "s" : ""} as planned.`;
  })()} The article's claims cite ${rp.plural([...citedBy.keys()].filter((id) => allEvents.some((e) => e.id === id)).length, "catalogued event")}.`,
);

// %% [markdown]
// ## 1 · By organisation and kind
//
// Each bar is an organisation (or none, for bilateral and small-group meetings), split by the kind of event. An event
// under two organisations counts once for each.

// %%
const orgCounts = cl.eventCounts(events, "org");
const orgOrder = [...orgCounts].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).map((c) => c.key);
const presentKinds = cl.enums.eventKind.filter((k) => events.some((e) => e.kind === k));
const cell = (org: string, kind: string) => events.filter((e) => e.kind === kind && (org === "(none)" ? e.orgs.length === 0 : e.orgs.includes(org))).length;
const orgLabel = (org: string) => (org === "(none)" ? "None" : org);

const orgKindTable: cl.TableInput = {
  title: `Catalogued events${focal === "" ? "" : ` with ${focalName}`} by organisation and kind`,
  columns: [{ key: "org", label: "Organisation" }, { key: "name", label: "Name" }, ...presentKinds.map((k) => ({ key: k, label: cap(k) })), { key: "total", label: "Total" }],
  rows: orgOrder.map((o) => {
    const row: Record<string, string | number> = { org: orgLabel(o), name: orgName(o) };
    for (const k of presentKinds) row[k] = cell(o, k);
    row.total = orgCounts.find((c) => c.key === o)!.count;
    return row;
  }),
  sources: cl.mergeSources(...orgCounts.map((c) => c.sources)),
};
cl.displayHtml(rp.tableHtml(orgKindTable, { sourceCatalog: catalog, maxSourceChars: 400, minWidths: { name: "16em" } }));
void cl.registerTable({ id: "events-org-kind-counts", title: orgKindTable.title!, table: orgKindTable, sourceCatalog: catalog });

const orgKindFig = cl.comparisonBarsFigure(
  {
    quantity: "Events",
    unit: "number",
    bars: orgOrder.flatMap((o) => presentKinds.map((k) => ({ label: cap(k), group: orgLabel(o), value: cell(o, k), colorKey: `kind:${k}` }))),
    sources: orgKindTable.sources,
  },
  {
    title: `Cooperation events${focal === "" ? "" : ` with ${focalName}`}, ${firstYear}–${lastYear}, by organisation and kind`,
    subtitle: "Catalogued events; an event under two organisations counts for each",
    note: "None: bilateral or small-group events outside any organisation.",
    sourceCatalog: catalog,
    horizontal: false,
    valueLabels: false,
  },
);
// stack the kinds: the builder draws groups side by side
const KIND_COLORS: Record<string, string> = { summit: "#0072B2", ministerial: "#56B4E9", agreement: "#E69F00", accession: "#009E73", chairmanship: "#CC79A7", infrastructure: "#D55E00", report: "#F0E442", other: "#999999" };
const maxTotal = Math.max(...orgCounts.map((c) => c.count));
const orgKindShown = {
  ...orgKindFig,
  data: orgKindFig.data.map((t) => ({ ...t, marker: { ...(t.marker as object), color: KIND_COLORS[String(t.name).toLowerCase()] ?? "#333333" } })),
  layout: { ...orgKindFig.layout, barmode: "stack", yaxis: { ...(orgKindFig.layout.yaxis as object), range: [0, maxTotal * 1.08], autorange: false } },
};
cl.show(orgKindShown);
const topOrg = orgOrder.find((o) => o !== "(none)");
void cl.registerFigure({
  id: "events-by-org-kind",
  caption:
    `${rp.plural(events.length, "catalogued event")}${focal === "" ? "" : ` with ${focalName}`}; ` +
    (topOrg ? `${topOrg} has the most (${orgCounts.find((c) => c.key === topOrg)!.count}), ` : "") +
    `and ${orgCounts.find((c) => c.key === "(none)")?.count ?? 0} fall outside any organisation.`,
  figure: orgKindShown,
});

// %% [markdown]
// ## 2 · Intensity by year
//
// Catalogued events a year, all kinds and the kinds chosen by the `scenario` parameter. A year whose events lie after
// the as-of date is drawn as planned (dashed). The table breaks the chosen kinds down by organisation.

// %%
const intensity = cl.summitIntensity(events, { from: firstYear, to: lastYear, kind: kinds, today: asOfDate });
const allKinds = cl.summitIntensity(events, { from: firstYear, to: lastYear, kind: [...cl.enums.eventKind], today: asOfDate });
const intensitySeries: cl.Series[] = [
  { ...allKinds, id: "all", label: "All catalogued events", scope: "" },
  ...(scenario === "all" ? [] : [{ ...intensity, id: "chosen", label: cap(kindText), scope: "" }]),
];
const intensityFig = cl.timeSeriesFigure(intensitySeries, {
  title: `Cooperation events a year${focal === "" ? "" : ` with ${focalName}`}`,
  subtitle: `Catalogued events, ${firstYear}–${lastYear}`,
  quantity: "Events a year",
  note: "Counts of a catalogue built for this study: a zero means none catalogued.",
  sourceCatalog: catalog,
});
cl.show(intensityFig);

const chosen = cl.filterEvents(events, { kind: kinds });
const chosenOrgs = [...new Set(chosen.flatMap((e) => (e.orgs.length === 0 ? ["(none)"] : e.orgs)))].sort();
const yearRange = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
const yearTable: cl.TableInput = {
  title: `${kindText[0]!.toUpperCase()}${kindText.slice(1)}${focal === "" ? "" : ` with ${focalName}`} a year, by organisation`,
  columns: [{ key: "org", label: "Organisation" }, ...yearRange.map((y) => ({ key: String(y), label: String(y) })), { key: "total", label: "Total" }],
  rows: [
    ...chosenOrgs.map((o) => {
      const row: Record<string, string | number> = { org: orgLabel(o) };
      for (const y of yearRange) row[String(y)] = chosen.filter((e) => rp.yearOf(e.date) === y && (o === "(none)" ? e.orgs.length === 0 : e.orgs.includes(o))).length;
      row.total = chosen.filter((e) => (o === "(none)" ? e.orgs.length === 0 : e.orgs.includes(o))).length;
      return row;
    }),
    (() => {
      const row: Record<string, string | number> = { org: "All (each event once)" };
      for (const y of yearRange) row[String(y)] = chosen.filter((e) => rp.yearOf(e.date) === y).length;
      row.total = chosen.length;
      return row;
    })(),
  ],
  sources: cl.mergeSources(...chosen.map((e) => cl.rowSources(e))),
};
cl.displayHtml(rp.tableHtml(yearTable, { sourceCatalog: catalog, maxSourceChars: 400 }));
void cl.registerTable({ id: "events-by-year", title: yearTable.title, table: yearTable, sourceCatalog: catalog });

// Before and after the war: the periods claims.csv uses for the abstract's claim, when it has them
const afterWar = pkg.claims.find((c) => c.test === "count" && c.args.includes('"than"') && c.args.includes('"events"'));
const periods = (() => {
  if (!afterWar) return undefined;
  try {
    const a = JSON.parse(afterWar.args) as { where?: { date?: { gte?: string; lte?: string } }; than?: { where?: { date?: { gte?: string; lte?: string } } } };
    const after = a.where?.date;
    const before = a.than?.where?.date;
    if (!after?.gte || !after.lte || !before?.gte || !before.lte) return undefined;
    return { before: [before.gte, before.lte] as const, after: [after.gte, after.lte] as const };
  } catch {
    return undefined;
  }
})();
const rate = (from: string, to: string, list: readonly cl.EventRow[]) => {
  const n = list.filter((e) => cl.startOf(e.date) >= from && cl.startOf(e.date) <= to).length;
  const yrs = (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000) + 1 / 365.25;
  return { n, perYear: n / yrs, yrs };
};
const peak = [...allKinds.points].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.label.localeCompare(b.label))[0]!;
const paras: cl.Markdown[] = [];
paras.push(
  cl.md`The busiest year in the catalogue${focal === "" ? "" : ` for ${focalName}`} is **${peak.label}**, with ${rp.plural(peak.value ?? 0, "event")} (${rp.listText(presentKinds.map((k) => ({ k, n: events.filter((e) => e.kind === k && rp.yearOf(e.date) === Number(peak.label)).length })).filter((x) => x.n > 0).map((x) => `${x.n} ${x.k}${x.n === 1 ? "" : "s"}`))}).`,
);
if (periods) {
  const b = rate(periods.before[0], periods.before[1], events);
  const a = rate(periods.after[0], periods.after[1], events);
  const bS = rate(periods.before[0], periods.before[1], chosen);
  const aS = rate(periods.after[0], periods.after[1], chosen);
  // the claim id is data: <code> (whose content Markdown still unescapes) rather than a code span, which would show
  // the escaping backslashes literally
  paras.push(
    cl.md`**Before and after the war.** \`claims.csv\` tests the abstract's claim (<code>${afterWar!.id}</code>) on the periods ${rp.formatDate(periods.before[0])}–${rp.formatDate(periods.before[1])} and ${
      rp.formatDate(periods.after[0])}–${rp.formatDate(periods.after[1])}. Over the same periods, events${focal === "" ? "" : ` with ${focalName}`} of every kind went from ${
      rp.formatNumber(b.perYear, 1)} to ${rp.formatNumber(a.perYear, 1)} a year (${b.n} and ${a.n} in all), and ${kindText} from ${rp.formatNumber(bS.perYear, 1)} to ${rp.formatNumber(aS.perYear, 1)} a year. ${
      a.perYear > b.perYear ? "The direction agrees with the article" : "The direction does not agree with the article"
    }; how much of the rise is diplomacy and how much is the catalogue's better coverage of recent years cannot be separated with these data.`,
  );
}
cl.displayMarkdown(cl.mdJoin(paras, "\n\n"));
void cl.registerFigure({
  id: "events-intensity",
  caption: `Catalogued events a year${focal === "" ? "" : ` with ${focalName}`}, ${firstYear}–${lastYear}; the busiest year is ${peak.label} (${peak.value}).`,
  figure: intensityFig,
});

// %% [markdown]
// ## 3 · Accession timeline
//
// Each lane is an organisation; each bar a status held, from the day it began to the day it ended or to the as-of
// date. Diamonds mark the events the article cites, on the lane of their organisation.

// %%
let accessionShown = false;
if (focal === "") {
  cl.displayMarkdown(cl.md`No focal state: the accession timeline needs one (set \`focal\`).`);
} else {
  const entries = cl.accessionTimeline(known.memberships, { state: focal });
  if (entries.length === 0) {
    cl.displayMarkdown(cl.md`No membership rows for ${focalName} in this vintage.`);
  } else {
    const input = cl.timelineInputFromEntries(entries, asOfDate, "org");
    const laneOrder = [...new Set(entries.map((e) => e.org as string))];
    const cited = events.filter((e) => isCited(e.id) && e.orgs.some((o) => laneOrder.includes(o)));
    const accessionFig = cl.timelineFigure(
      {
        spans: [...input.spans].sort((a, b) => laneOrder.indexOf(a.lane) - laneOrder.indexOf(b.lane)),
        events: cited.map((e) => ({ date: e.date, label: e.title.length > 48 ? `${e.title.slice(0, 46)}…` : e.title, lane: e.orgs.find((o) => laneOrder.includes(o))!, kind: e.kind, sources: cl.rowSources(e) })),
        asOf: asOfDate,
        sources: input.sources,
      },
      {
        title: `${focalName}: status in each organisation over time`,
        subtitle: "Bars: membership status; diamonds: events cited by the article",
        sourceCatalog: catalog,
        eventLabels: false,
      },
    );
    cl.show(accessionFig);
    accessionShown = true;
    const joined = entries.filter((e) => e.change === "joined");
    const recent = entries.filter((e) => rp.yearOf(e.date) >= firstYear);
    void cl.registerFigure({
      id: "accession-timeline",
      caption: `${focalName}'s status in ${rp.plural(laneOrder.length, "organisation")}, from ${joined[0] ? rp.yearOf(joined[0].date) : "—"} to ${rp.formatDate(asOfDate)}; ${rp.plural(recent.length, "change")} since ${firstYear}.`,
      figure: accessionFig,
    });
    const changeTable: cl.TableInput = {
      title: `${focalName}: changes of status`,
      columns: [
        { key: "date", label: "Date" },
        { key: "org", label: "Organisation" },
        { key: "change", label: "Change" },
        { key: "status", label: "Status from then" },
        { key: "previous", label: "Before" },
      ],
      rows: entries.map((e) => ({ date: e.date, org: `${e.org} — ${orgName(e.org)}`, change: e.change, status: cl.humanize(e.status), previous: e.previous ? cl.humanize(e.previous) : "" })),
      sources: cl.mergeSources(...entries.map((e) => e.sources)),
    };
    cl.displayHtml(rp.tableHtml(changeTable, { sourceCatalog: catalog, maxSourceChars: 400 }));
    void cl.registerTable({ id: "accession-changes", title: changeTable.title!, table: changeTable, sourceCatalog: catalog });
    cl.displayMarkdown(
      cl.md`Of ${focalName}'s ${rp.plural(entries.length, "change")} of status, ${rp.countWord(recent.length)} fall in ${firstYear}–${lastYear}: ${
        rp.listText(recent.map((e) => `${e.org} ${e.change === "joined" ? "joined as" : e.change === "left" ? "left, from" : "became"} ${cl.humanize(e.change === "left" ? e.previous ?? "" : e.status).toLowerCase()} (${rp.formatDate(e.date)})`), "none")
      }. ${(() => {
        const held = input.spans.filter((sp) => !sp.end && sp.status !== "former");
        const old = held.filter((sp) => rp.yearOf(sp.start) < firstYear);
        return `${cap(rp.countWord(old.length))} of the ${rp.plural(held.length, "status", "statuses")} held on ${rp.formatDate(asOfDate)} date from before ${firstYear}: the cooperation catalogued here adds to older ties rather than replacing them.`;
      })()}`,
    );
  }
}

// %% [markdown]
// ## 4 · Every event, and the ones the article cites
//
// All catalogued events on lanes by organisation. The events cited by the article's claims are marked in colour and
// labelled; planned events (after the as-of date) sit to the right of the as-of line.

// %%
const laneOf = (e: cl.EventRow) => (e.orgs.length === 0 ? "No organisation" : e.orgs[0]!);
const lanes = [...new Set([...events].sort((a, b) => a.date.localeCompare(b.date)).map(laneOf))];
const evFig = cl.timelineFigure(
  {
    spans: [],
    events: events.map((e) => ({ date: e.date, label: e.title.length > 44 ? `${e.title.slice(0, 42)}…` : e.title, lane: laneOf(e), kind: e.kind, sources: cl.rowSources(e) })),
    asOf: asOfDate,
    sources: cl.mergeSources(...events.map((e) => cl.rowSources(e))),
  },
  {
    title: `Catalogued cooperation events${focal === "" ? "" : ` with ${focalName}`}, ${firstYear}–${lastYear}`,
    subtitle: "Numbered: the events the article cites (table below)",
    sourceCatalog: catalog,
    eventLabels: false,
    height: 240 + 44 * lanes.length,
  },
);
// Mark the cited events: the builder draws every event alike. Split its event trace in two: other events in grey,
// cited events in colour with their number in the table below (full labels would overlap in busy years).
const citedEvents = events.filter((e) => isCited(e.id)).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
const shortTitle = (e: cl.EventRow) => (e.title.length > 44 ? `${e.title.slice(0, 42)}…` : e.title);
const numberOf = new Map(citedEvents.map((e, i) => [`${e.date}|${shortTitle(e)}`, i + 1]));
const CITED_COLOR = "#D55E00";
const pick = <T,>(arr: unknown, keep: boolean[]) => (Array.isArray(arr) ? (arr as T[]).filter((_, i) => keep[i]) : arr);
const evShown = {
  ...evFig,
  data: evFig.data.flatMap((t) => {
    if (t.name !== "Event" || !Array.isArray(t.customdata)) return [t];
    const cd = t.customdata as [string, string][];
    const num = cd.map(([label, date]) => numberOf.get(`${date}|${cl.decodePlotlyText(label)}`));
    const hit = num.map((n) => n !== undefined);
    const miss = hit.map((h) => !h);
    const base = { type: "scatter", hovertemplate: t.hovertemplate, cliponaxis: false };
    return [
      { ...base, mode: "markers", name: "Other catalogued event", x: pick(t.x, miss), y: pick(t.y, miss), customdata: pick(t.customdata, miss), marker: { symbol: "diamond", size: 9, color: "#9A9A9A", line: { width: 1, color: "#FFFFFF" } } },
      {
        ...base,
        mode: "markers+text",
        name: "Cited by the article (numbered as in the table)",
        x: pick(t.x, hit),
        y: pick(t.y, hit),
        customdata: pick(t.customdata, hit),
        text: num.filter((n) => n !== undefined).map(String),
        textposition: "top center",
        textfont: { size: 13, color: CITED_COLOR },
        marker: { symbol: "diamond", size: 13, color: CITED_COLOR, line: { width: 1, color: "#FFFFFF" } },
      },
    ];
  }),
};
cl.show(evShown);
void cl.registerFigure({
  id: "events-timeline",
  caption: `${rp.plural(events.length, "catalogued event")}${focal === "" ? "" : ` with ${focalName}`} by organisation; the ${rp.countWord(citedEvents.length)} the article cites are marked.`,
  figure: evShown,
});

const citedTable: cl.TableInput = {
  title: "Events cited by the article's claims",
  columns: [
    { key: "n", label: "#" },
    { key: "date", label: "Date" },
    { key: "title", label: "Event" },
    { key: "orgs", label: "Organisation" },
    { key: "place", label: "Place" },
    { key: "participants", label: "Participants" },
    { key: "claims", label: "Claims citing it" },
  ],
  rows: citedEvents.map((e, i) => ({ n: i + 1, date: e.date, title: e.title, orgs: e.orgs.join(", "), place: e.place ?? "", participants: e.participants.join(", "), claims: citedBy.get(e.id)!.join(", ") })),
  sources: cl.mergeSources(...citedEvents.map((e) => cl.rowSources(e))),
};
cl.displayHtml(rp.tableHtml(citedTable, { sourceCatalog: catalog, maxSourceChars: 500 }));
void cl.registerTable({ id: "cited-events", title: citedTable.title!, table: citedTable, sourceCatalog: catalog });

// %% [markdown]
// ## What the timeline shows

// %%
// the latest year of a cited event that has taken place (none when every cited event is still planned on the as-of date)
const citedYears = citedEvents.filter((e) => !isPlanned(e) && e.participants.length > 0).map((e) => rp.yearOf(e.date));
const articleYear = citedYears.length > 0 ? citedYears.reduce((a, b) => Math.max(a, b)) : undefined;
const inArticleYear = articleYear === undefined ? [] : events.filter((e) => rp.yearOf(e.date) === articleYear);
const citedInYear = inArticleYear.filter((e) => isCited(e.id));
const summitOrgs = cl.eventCounts(events, "org", { kind: "summit" }).filter((c) => c.key !== "(none)").sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
const lastCited = citedEvents.filter((e) => !isPlanned(e)).slice(-1)[0];
const after = lastCited ? events.filter((e) => e.date > lastCited.date && !isPlanned(e)) : [];
cl.displayMarkdown(
  cl.mdJoin(
    [
      articleYear !== undefined
        ? cl.md`**A crowded year.** ${articleYear} holds ${rp.plural(inArticleYear.length, "catalogued event")}${focal === "" ? "" : ` with ${focalName}`}; the article cites ${rp.countWord(citedInYear.length)} of them. The others — ${
            rp.listText(inArticleYear.filter((e) => !isCited(e.id)).slice(0, 6).map((e) => `${e.title} (${rp.formatDate(e.date)})`))
          }${inArticleYear.filter((e) => !isCited(e.id)).length > 6 ? " and more" : ""} — show that the article selects; it does not exaggerate the pace.`
        : undefined,
      summitOrgs.length > 0
        ? cl.md`**${summitOrgs.length > 1 && summitOrgs[1]!.count === summitOrgs[0]!.count ? `${summitOrgs[0]!.key} and ${summitOrgs[1]!.key} are the densest threads` : `${summitOrgs[0]!.key} is the densest thread`}.** ${
            summitOrgs[0]!.key} has ${rp.plural(summitOrgs[0]!.count, "catalogued summit")}${focal === "" ? "" : ` with ${focalName}`} (in ${
            rp.listText([...new Set(cl.filterEvents(events, { org: summitOrgs[0]!.key, kind: "summit" }).map((e) => String(rp.yearOf(e.date))))])})${
            summitOrgs.length > 1 ? `, against ${rp.listText(summitOrgs.slice(1).map((c) => `${c.count} for ${c.key}`))}` : ""
          }.${
            focal !== ""
              ? (() => {
                  const st = cl.statusAt(cl.membershipIndex(known.memberships, known.organizations), focal, summitOrgs[0]!.key, asOfDate);
                  return st.status !== "none" ? ` ${focalName}'s status there on ${rp.formatDate(asOfDate)}: ${cl.humanize(st.status).toLowerCase()}.` : "";
                })()
              : ""
          }`
        : undefined,
      lastCited
        ? cl.md`**After the article.** The last cited event that has taken place is ${lastCited.title} (${rp.formatDate(lastCited.date)}). Since then the catalogue records ${
            after.length === 0 ? "no event" : rp.plural(after.length, "event")} up to ${rp.formatDate(asOfDate)}${
            after.filter((e) => e.kind === "accession" || e.kind === "chairmanship").length > 0
              ? `, among them ${rp.listText(after.filter((e) => e.kind === "accession" || e.kind === "chairmanship").map((e) => `${e.title} (${rp.formatDate(e.date)})`))}`
              : ""
          }${events.filter(isPlanned).length === 0 ? "; none is planned in this vintage." : `; ${rp.plural(events.filter(isPlanned).length, "further event is", "further events are")} planned.`}`
        : undefined,
    ].filter((p): p is cl.Markdown => p !== undefined),
    "\n\n",
  ),
);
