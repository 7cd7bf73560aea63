/**
 * Figures the notebook modules build: subtitles and legends name only what is drawn (diamonds, marker kinds), count
 * axes tick at whole numbers, and every point's hover carries its source.
 */
import { describe, expect, it } from "vitest";
import type { Iso3 } from "../../lib/core/types";
import { dataPackage } from "../../lib/data/load";
import type { ClaimRow, EventRow } from "../../lib/data/resources";
import { timelineFigure } from "../../lib/figures/timeline";
import {
  embeddedness,
  focalPath,
  networkSubtitle,
  overlapNetworkInput,
  overlapNetworks,
  pathSubtitle,
} from "../../lib/notebook/embeddedness";
import { accessionSubtitle, eventsFigure, orgKindFigure, timelineScope } from "../../lib/notebook/timeline-view";
import { notebook } from "../../lib/notebook/context";
import { capitalHistoryFigure, fundsCapitalFigure } from "../../lib/notebook/funds-trade";
import { decodePlotlyText } from "../../lib/figures/plotly";

const pkg = dataPackage();

describe("03 focal path: diamonds named only when milestones are drawn", () => {
  it("pathSubtitle() with and without milestones", () => {
    expect(pathSubtitle(2, 1, "Azerbaijan")).toBe(
      "Two organisations; diamonds: accessions, agreements and chairmanships of Azerbaijan",
    );
    expect(pathSubtitle(2, 0, "Azerbaijan")).toBe("Two organisations");
  });

  it("on real data: the subtitle mentions diamonds exactly when the figure draws diamond markers", () => {
    const seen = new Set<boolean>();
    for (const state of ["AZE", "KAZ", "GEO", "TKM", "MNG"] as Iso3[])
      for (const asOf of ["1995-12-31", "2005-12-31", "2016-12-31", "2026-03-10"]) {
        const path = focalPath(embeddedness(pkg, state, asOf));
        if (path.input.spans.length === 0) continue;
        const f = timelineFigure(path.input, { title: path.title, subtitle: path.subtitle });
        const diamonds = f.data.some((t) => (t.marker as { symbol?: string } | undefined)?.symbol === "diamond");
        expect(path.subtitle.includes("diamonds"), `${state} ${asOf}`).toBe(diamonds);
        seen.add(diamonds);
      }
    expect([...seen].sort()).toEqual([false, true]);
  });
});

const ev = (id: string, date: string, orgs: string[]): EventRow =>
  ({ id, date, orgs, participants: ["AZE"], kind: "summit", title: `Event ${id}`, sources: [`src-${id}`] }) as never;
const orgs = [{ id: "OTS", name: "Organization of Turkic States", founded: "2009-10-03" }] as never;
const quoted = (events: readonly EventRow[]) =>
  events.map((e) => ({
    id: e.sources[0]!,
    publisher: `Publisher ${e.id}`,
    published: "2024-01-01",
    quote: `Quote of ${e.id}`,
  }));

function scope(events: EventRow[], claims: ClaimRow[] = []) {
  return timelineScope({
    pkg: { events, claims, sources: quoted(events) as never },
    known: { events, memberships: [], organizations: orgs },
    focal: "AZE",
    name: "Azerbaijan",
    asOf: "2026-03-10",
    scenario: "summit",
  });
}
const cites = (id: string): ClaimRow =>
  ({ id: `c-${id}`, test: "date", args: JSON.stringify({ resource: "events", id }) }) as never;

describe("05 accession timeline and events chart", () => {
  it("accessionSubtitle() names diamonds only when cited events are on the lanes", () => {
    const input = { spans: [{ lane: "OTS", start: "2009-10-03" }], asOf: "2026-03-10", sources: [] };
    expect(accessionSubtitle(input)).toBe("Bars: membership status");
    expect(accessionSubtitle({ ...input, events: [{ date: "2024-07-06", label: "x", lane: "OTS" }] })).toBe(
      "Bars: membership status; diamonds: events cited by the article",
    );
  });

  it("eventsFigure() draws (and names in the legend) only the kinds of marker some event has", () => {
    const events = [ev("a", "2024-07-06", ["OTS"]), ev("b", "2023-11-03", ["OTS"])];
    const names = (claims: ClaimRow[]) =>
      eventsFigure(scope(events, claims), { title: "Events" }).data.map((t) => t.name);
    expect(names([])).toEqual(["Other catalogued event"]);
    expect(names([cites("a")])).toEqual(["Other catalogued event", "Cited by the article (numbered as in the table)"]);
    expect(names([cites("a"), cites("b")])).toEqual(["Cited by the article (numbered as in the table)"]);
  });

  it("eventsFigure() keeps each event's hover (date, publisher, quote) with its marker", () => {
    const events = [ev("a", "2024-07-06", ["OTS"]), ev("b", "2023-11-03", ["OTS"])];
    const s = scope(events, [cites("a")]);
    const f = eventsFigure(s, { title: "Events", sourceCatalog: quoted(events) });
    const cited = f.data.find((t) => String(t.name).startsWith("Cited"))!;
    expect(cited.hovertext).toEqual([
      "Event a<br>2024-07-06: summit<br>Source: Publisher a (2024-01-01)<br>“Quote of a”",
    ]);
    expect(cited.hovertemplate).toBe("%{hovertext}<extra></extra>");
  });

  it("orgKindFigure(): stacked event counts on whole-number ticks, each bar's hover with its events' sources", () => {
    const events = [ev("a", "2024-07-06", ["OTS"]), ev("b", "2023-11-03", ["OTS"]), ev("c", "2022-11-11", ["OTS"])];
    const f = orgKindFigure(scope(events), { title: "Events", sourceCatalog: quoted(events) });
    const y = f.layout.yaxis as Record<string, unknown>;
    expect([y.tickformat, y.dtick]).toEqual(["d", 1]);
    expect((f.data[0]!.hovertext as string[])[0]).toBe(
      "OTS: Summit<br>2022–2024: 3 events<br>Counted from the event catalogue (data/events.csv)<br>Sources: Publisher a (2024-01-01); Publisher b (2024-01-01);<br>Publisher c (2024-01-01)<br>“Quote of a”<br>(+2 more sources)",
    );
  });
});

describe("05 event counts: a zero bar says what it is counted from, a count of one is singular", () => {
  it("orgKindFigure(): '1 event', and a zero bar 'Counted from the event catalogue', not 'Source: none recorded'", () => {
    const events = [ev("a", "2024-07-06", ["OTS"]), { ...ev("b", "2023-11-03", []), kind: "agreement" } as EventRow];
    const f = orgKindFigure(scope(events), { title: "Events", sourceCatalog: quoted(events) });
    const all = f.data.flatMap((t) => t.hovertext as string[]);
    expect(all).not.toContain("none recorded");
    expect(all.some((h) => h.includes("none recorded"))).toBe(false);
    expect(
      all.filter((h) => h.includes(": 0 events<br>Counted from the event catalogue (data/events.csv)")),
    ).toHaveLength(2);
    expect(
      all.filter((h) =>
        h.includes(": 1 event<br>Counted from the event catalogue (data/events.csv)<br>Source: Publisher"),
      ),
    ).toHaveLength(2);
  });
});

describe("03 overlap network input: nodes and edges carry their sources for the hover", () => {
  it("every node says how many organisations it is tied to, as of when, with the membership rows' sources", () => {
    const em = embeddedness(pkg, "AZE" as Iso3, "2026-03-10");
    const input = overlapNetworkInput(em, overlapNetworks(em));
    const aze = input.nodes.find((n) => n.id === "AZE")!;
    expect(aze.value).toMatch(/^tied to \d+ organisations$|^tied to [a-z]+ organisations$/);
    expect(aze.period).toBe("as of 2026-03-10");
    expect(aze.sources!.length).toBeGreaterThan(0);
    expect(input.edges.every((e) => (e.sources ?? []).length > 0)).toBe(true);
  });
});

/** The plain subtitle and footnote of a house figure. */
const subtitleOf = (f: { layout: Record<string, unknown> }) =>
  decodePlotlyText((f.layout.title as { subtitle?: { text: string } }).subtitle?.text ?? "");
const footnoteOf = (f: { layout: Record<string, unknown> }) =>
  decodePlotlyText((f.layout.annotations as { text: string }[]).at(-1)!.text);

describe("05 events by organisation: the 'None' bar is explained only when drawn", () => {
  it("with and without events outside any organisation", () => {
    const inOrg = [ev("a", "2024-07-06", ["OTS"])];
    const none = [...inOrg, ev("b", "2023-11-03", [])];
    const note = "None: bilateral or small-group events outside any organisation.";
    expect(footnoteOf(orgKindFigure(scope(none), { title: "E", note: "Mine." }))).toContain(`${note} Mine.`);
    const f = orgKindFigure(scope(inOrg), { title: "E", note: "Mine." });
    expect(footnoteOf(f)).not.toContain("None:");
    expect(footnoteOf(f)).toContain("Mine.");
  });
});

describe("04 fund charts: 'n/a' and 'a missing bar' explained only when some figure is missing", () => {
  const view = notebook({ focal: "AZE" }, { quiet: true });
  const fund = pkg.funds.find((f) => f.pledged_usd !== undefined)!;
  const both = { ...fund, pledged_usd: 1e9, paid_in_usd: 5e8 };
  const onlyPledged = { ...fund, pledged_usd: 1e9, paid_in_usd: undefined };
  it("fundsCapitalFigure()", () => {
    expect(subtitleOf(fundsCapitalFigure([both], view))).not.toContain("n/a");
    expect(subtitleOf(fundsCapitalFigure([onlyPledged], view))).toContain("; n/a: no figure published");
  });
  it("capitalHistoryFigure()", () => {
    expect(subtitleOf(capitalHistoryFigure([both], view))).not.toContain("missing");
    expect(subtitleOf(capitalHistoryFigure([both, onlyPledged], view))).toContain(
      "; a missing bar: no figure in that statement",
    );
  });
  it("each bar's hover names the statement and its source", () => {
    const h = (fundsCapitalFigure([both], view).data[0]!.hovertext as string[])[0]!;
    expect(h).toContain(`<br>statement of ${fund.as_of}: 1 billion US$<br>`);
    expect(h).not.toContain("Source: none recorded");
  });
});

describe("03 overlap network subtitle: edges and star named only when drawn", () => {
  it("with and without edges, with and without the focal state's star", () => {
    const nodes = [
      { id: "AZE", label: "Azerbaijan ★" },
      { id: "KAZ", label: "Kazakhstan" },
    ];
    expect(networkSubtitle({ nodes, edges: [{ source: "AZE", target: "KAZ", weight: 0.6 }] }, "Azerbaijan")).toBe(
      "Edges: memberships overlap by at least half (Jaccard ≥ 0.5); node size: organisations tied to; ★ Azerbaijan",
    );
    expect(networkSubtitle({ nodes: nodes.slice(1), edges: [] }, "Azerbaijan")).toBe(
      "No two states' memberships overlap by at least half (Jaccard ≥ 0.5); node size: organisations tied to",
    );
  });
  it("on real data: 'Edges:' exactly when the network has an edge", () => {
    for (const asOf of ["1993-12-31", "2026-03-10"]) {
      const em = embeddedness(pkg, "AZE" as Iso3, asOf);
      const input = overlapNetworkInput(em, overlapNetworks(em));
      expect(networkSubtitle(input, "Azerbaijan").startsWith("Edges:")).toBe(input.edges.length > 0);
    }
  });
});
