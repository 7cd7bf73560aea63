/**
 * Notebook 05's view module (lib/notebook/timeline-view.ts): the scope, the claims-citation index, the tables and the
 * sentences, on small fixtures worked out by hand and on rows of data/ checked by hand; fast-check properties for
 * the sentences that must read right for 0, 1, 2 and many events.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClaimRow, EventRow, MembershipRow } from "../../lib/data/resources";
import type { TimelineEntry } from "../../lib/indicators/memberships/timeline";
import { notebook } from "../../lib/notebook/context";
import {
  accessionEntries,
  accessionSentence,
  beforeAfterSentence,
  busiestYearSentence,
  catalogueSentence,
  citationIndex,
  citedTable,
  eventOrgName,
  eventsCaption,
  eventsFigure,
  intensityCaption,
  orgKindCaption,
  orgKindTable,
  parseEventScenario,
  periodRate,
  ratePhrase,
  timelineFindings,
  timelineScope,
  warPeriods,
  yearOrgTable,
  type TimelineScope,
} from "../../lib/notebook/timeline-view";
import { realData } from "../indicators/real-data";

const ev = (
  id: string,
  date: string,
  orgs: string[],
  participants: string[],
  kind: EventRow["kind"] = "summit",
  title = `Event ${id}`,
): EventRow => ({ id, date, orgs, participants, kind, title, sources: [`src-${id}`] }) as unknown as EventRow;

const claim = (id: string, test: ClaimRow["test"], args: object | string): ClaimRow =>
  ({ id, test, args: typeof args === "string" ? args : JSON.stringify(args) }) as unknown as ClaimRow;

const orgs = [
  { id: "OTS", name: "Organization of Turkic States", founded: "2009-10-03" },
  { id: "SCO", name: "Shanghai Cooperation Organisation", founded: "2001-06-15" },
] as unknown as import("../../lib/data/resources").OrganizationRow[];

/** A scope over fixture events, as timelineScope builds it from a notebook context. */
function scopeOf(
  events: readonly EventRow[],
  options: {
    focal?: string;
    asOf?: string;
    scenario?: string;
    claims?: ClaimRow[];
    memberships?: MembershipRow[];
    sources?: { id: string; published?: string }[];
  } = {},
): TimelineScope {
  const focal = options.focal ?? "AZE";
  return timelineScope({
    pkg: {
      events: [...events],
      claims: options.claims ?? [],
      sources: (options.sources ?? events.map((e) => ({ id: e.sources[0]!, published: "2024-01-01" }))) as never,
    },
    known: { events: [...events], memberships: options.memberships ?? [], organizations: orgs },
    focal,
    name: focal === "" ? "every state" : focal === "AZE" ? "Azerbaijan" : focal,
    asOf: options.asOf ?? "2026-03-10",
    scenario: options.scenario ?? "summit",
  });
}

/** Text a reader must never see. */
const BROKEN = /undefined|NaN|Infinity|\[object Object\]|—\s+—|\(\)|: \.|: none\b/;

describe("parseEventScenario()", () => {
  it("reads one kind, kinds joined by +, all, and empty as the default summit", () => {
    expect(parseEventScenario("summit")).toEqual({ kinds: ["summit"], all: false, text: "summits" });
    expect(parseEventScenario(" ministerial + summit ").kinds).toEqual(["summit", "ministerial"]);
    expect(parseEventScenario("infrastructure+report+agreement").text).toBe(
      "agreements, infrastructure openings and reports",
    );
    expect(parseEventScenario("all")).toMatchObject({ all: true, text: "events of every kind" });
    expect(parseEventScenario(undefined).kinds).toEqual(["summit"]);
  });
  it("throws a RangeError naming the bad kind and the kinds allowed", () => {
    expect(() => parseEventScenario("summit+meeting")).toThrow(RangeError);
    expect(() => parseEventScenario("summit+meeting")).toThrow(
      'scenario: "meeting" is not an event kind (summit, ministerial, agreement, accession, chairmanship, infrastructure, exercise, military_education, report, other) or "all"',
    );
  });
});

describe("citationIndex()", () => {
  const events = [
    ev("a", "2024-07-06", ["OTS"], ["AZE"]),
    ev("b", "2015-07-10", ["SCO"], ["AZE", "KAZ"], "accession"),
    ev("c", "2015-07-10", ["SCO"], ["KAZ"], "accession"),
  ];
  it("cites by id, by where.id and by a status dated to the day of an event of that organisation and state", () => {
    const claims = [
      claim("by-id", "date", { resource: "events", id: "a" }),
      claim("by-where", "count", {
        resource: "events",
        where: { id: "a" },
        each: { field: "participants", values: ["AZE"] },
      }),
      claim("status", "status_at", {
        state: "AZE",
        org: "SCO",
        status: "dialogue_partner",
        date: "2015-07-10",
        since: true,
      }),
      claim("status-no-since", "status_at", { state: "KAZ", org: "SCO", status: "member", date: "2015-07-10" }),
    ];
    const index = citationIndex(claims, events);
    expect([...index.entries()]).toEqual([
      ["a", ["by-id", "by-where"]],
      ["b", ["status"]],
    ]);
  });
  it("ignores args that do not parse, claims not checkable, other resources and ids not among the events", () => {
    const claims = [
      claim("broken", "date", "{not json}"),
      claim("nc", "date", { not_checkable: "outside data/" }),
      claim("org", "date", { resource: "organizations", id: "a" }),
      claim("missing", "date", { resource: "events", id: "zzz" }),
    ];
    expect(citationIndex(claims, events).size).toBe(0);
  });
  it("on data/: the Shusha summit is cited by its date claim and its participants claim", () => {
    const pkg = realData();
    expect(citationIndex(pkg.claims, pkg.events).get("2024-07-06-ots-informal-summit-shusha")).toEqual([
      "ots-shusha-2024-07-06",
      "ots-shusha-leaders",
    ]);
  });
});

describe("warPeriods() and periodRate()", () => {
  it("reads the periods of the count claim with a than selection from claims.csv", () => {
    expect(warPeriods(realData().claims)).toEqual({
      claimId: "abs-cooperation-after-2020",
      before: ["2016-01-01", "2019-12-31"],
      after: ["2021-01-01", "2024-11-30"],
    });
    expect(warPeriods([claim("x", "count", { resource: "funds", than: { where: {} } })])).toBeUndefined();
  });
  it("counts events starting in a period and divides by its length in years", () => {
    const r = periodRate([{ date: "2016-02" }, { date: "2019" }, { date: "2020-01-01" }], ["2016-01-01", "2019-12-31"]);
    expect(r.count).toBe(2);
    expect(r.perYear).toBeCloseTo(0.5, 2); // 2 events over 4 years (1461 days / 365.25)
  });
});

describe("ratePhrase() and beforeAfterSentence()", () => {
  const periods = {
    claimId: "claim",
    before: ["2016-01-01", "2019-12-31"],
    after: ["2021-01-01", "2024-12-31"],
  } as const;
  const inYears = (years: number[]) => years.map((y, i) => ev(`e${i}`, `${y}-06-01`, ["OTS"], ["AZE"]));
  it("calls a rise a rise and a fall a fall", () => {
    expect(ratePhrase(0.5, 2, "A", "B")).toBe("rose from 0.5 a year in A to 2 a year in B");
    expect(ratePhrase(2, 0.5, "A", "B")).toBe("fell from 2 a year in A to 0.5 a year in B");
    // 8 events in 2016–2019 (2 a year), 4 in 2021–2024 (1 a year)
    const fall = beforeAfterSentence(
      scopeOf(inYears([2016, 2016, 2017, 2017, 2018, 2018, 2019, 2019, 2021, 2022, 2023, 2024])),
      periods,
    );
    expect(fall).toContain(
      "events with Azerbaijan of every kind fell from 2 a year in the earlier period to 1 a year in the later (8 and 4 in all)",
    );
    expect(fall).toContain("does not agree with the article");
    expect(fall).not.toMatch(/\brise\b|\brose\b/);
    const rise = beforeAfterSentence(scopeOf(inYears([2016, 2021, 2022, 2023, 2024])), periods);
    expect(rise).toContain("rose from 0.3 a year in the earlier period to 1 a year in the later (1 and 4 in all)");
    expect(rise).toContain("The direction agrees with the article");
  });
  it("says when no event falls in either period, and when the later period has not begun by the as-of date", () => {
    expect(beforeAfterSentence(scopeOf(inYears([2025])), periods)).toContain(
      "No catalogued event with Azerbaijan falls in either period",
    );
    const agreements = [
      ev("x", "2017-01-01", [], ["AZE"], "agreement"),
      ev("y", "2022-01-01", [], ["AZE"], "agreement"),
    ];
    expect(beforeAfterSentence(scopeOf(agreements), periods)).toContain(
      "stayed at 0.3 a year from the earlier period to the later (1 and 1 in all), with no summits in either.",
    );
    expect(beforeAfterSentence(scopeOf(inYears([2016]), { asOf: "2017-12-31" }), periods)).toContain(
      "The later period begins after 31 December 2017, so the comparison cannot be made as of this date.",
    );
  });
  it("never words a fall as a rise, nor a rise as a fall (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (b, a) => {
        const years = [...Array(b).fill(2017), ...Array(a).fill(2022)] as number[];
        const text = beforeAfterSentence(scopeOf(inYears(years), { scenario: "all" }), periods);
        if (a === 0 && b === 0) return text.includes("either period");
        if (a > b) return text.includes("of every kind rose") && !/fell|does not agree/.test(text);
        if (a < b) return text.includes("of every kind fell") && !/\brise\b|\brose\b|agrees/.test(text);
        return text.includes("stayed at") && !/\brise\b|\brose\b|\bfell\b/.test(text);
      }),
    );
  });
});

describe("tables", () => {
  const events = [
    ev("a", "2023-05-01", ["OTS"], ["AZE"], "summit"),
    ev("b", "2024-07-06", ["OTS", "SCO"], ["AZE", "KAZ"], "summit"),
    ev("c", "2024-08", [], ["AZE", "UZB"], "agreement"),
    ev("d", "2024-09-01", ["SCO"], ["KAZ"], "summit"),
  ];
  it("orgKindTable: organisations by count (the two-organisation event counts for each), kinds present only", () => {
    const t = orgKindTable(scopeOf(events), { organizations: orgs });
    expect(t.title).toBe("Catalogued events with Azerbaijan by organisation and kind");
    expect(t.columns.map((c) => c.key)).toEqual(["org", "name", "summit", "agreement", "total"]);
    expect(t.rows).toEqual([
      { org: "OTS", name: "Organization of Turkic States", summit: 2, agreement: 0, total: 2 },
      { org: "None", name: "No organisation (bilateral or plurilateral)", summit: 0, agreement: 1, total: 1 },
      { org: "SCO", name: "Shanghai Cooperation Organisation", summit: 1, agreement: 0, total: 1 },
    ]);
    expect(orgKindTable(scopeOf(events, { focal: "TKM" }), { organizations: orgs }).rows).toEqual([]);
  });
  it("yearOrgTable: the chosen kinds a year by organisation, and a last row counting each event once", () => {
    const t = yearOrgTable(scopeOf(events));
    expect(t.title).toBe("Summits with Azerbaijan a year, by organisation");
    expect(t.columns.map((c) => c.key)).toEqual(["org", "2023", "2024", "total"]);
    expect(t.rows).toEqual([
      { org: "OTS", "2023": 1, "2024": 1, total: 2 },
      { org: "SCO", "2023": 0, "2024": 1, total: 1 },
      { org: "All (each event once)", "2023": 1, "2024": 1, total: 2 },
    ]);
    expect(yearOrgTable(scopeOf(events, { scenario: "ministerial" })).rows).toEqual([]);
  });
  it("citedTable: the cited events of the focal state, numbered by date, with the claims citing them", () => {
    const claims = [
      claim("c2", "date", { resource: "events", id: "b" }),
      claim("c1", "date", { resource: "events", id: "a" }),
      claim("c3", "date", { resource: "events", id: "d" }),
    ];
    const t = citedTable(scopeOf(events, { claims }));
    expect(t.rows.map((r) => [r.n, r.date, r.claims])).toEqual([
      [1, "2023-05-01", "c1"],
      [2, "2024-07-06", "c2"],
    ]);
  });
  it("eventOrgName names the key of events outside any organisation", () => {
    expect(eventOrgName({ organizations: orgs }, "(none)")).toBe("No organisation (bilateral or plurilateral)");
    expect(eventOrgName({ organizations: orgs }, "XYZ")).toBe("XYZ");
  });
});

describe("sentences for 0, 1, 2 and many events", () => {
  it("catalogueSentence: an empty catalogue says what is missing and why; otherwise counts read right", () => {
    expect(catalogueSentence(scopeOf([], { asOf: "2005-12-31" }))).toBe(
      "The catalogue holds no event known by 31 December 2005, so each section on events below says so in a sentence.",
    );
    const one = catalogueSentence(scopeOf([ev("a", "2024-05-01", ["OTS"], ["KAZ"])]));
    expect(one).toBe(
      "The catalogue holds one event known by 10 March 2026, dated 2024. Azerbaijan takes part in none of them, so each section on events below says so in a sentence.",
    );
  });
  it("catalogueSentence: one event of the focal state is 'it', not 'one of them'", () => {
    const events = [ev("a", "2024-05-01", ["OTS"], ["AZE"]), ev("b", "2024-06-01", ["OTS"], ["KAZ"])];
    expect(catalogueSentence(scopeOf(events))).toBe(
      "The catalogue holds two events known by 10 March 2026, dated 2024. Azerbaijan takes part in one of them. The article's claims do not cite it. It is not dated after 10 March 2026.",
    );
  });
  it("a planned event announced only in an undated source is not in the catalogue of an earlier date", () => {
    const events = [ev("a", "2024-05-01", ["OTS"], ["AZE"]), ev("b", "2010-05-01", ["OTS"], ["AZE"])];
    const s = scopeOf(events, { asOf: "2012-12-31", sources: [{ id: "src-a" }, { id: "src-b" }] });
    expect(s.catalogue.map((e) => e.id)).toEqual(["b"]);
  });
  it("orgKindCaption and busiestYearSentence name ties and read right for one event", () => {
    const two = scopeOf([
      ev("a", "2023-05-01", ["OTS"], ["AZE"]),
      ev("b", "2024-05-01", ["SCO"], ["AZE"], "agreement"),
    ]);
    expect(orgKindCaption(two)).toBe(
      "Two catalogued events with Azerbaijan; OTS and SCO have the most (one each), and none falls outside any organisation.",
    );
    expect(busiestYearSentence(two)).toBe(
      "The busiest years in the catalogue for Azerbaijan are 2023 and 2024, with one event each (one summit and one agreement in all).",
    );
    expect(intensityCaption(two)).toBe(
      "Catalogued events a year with Azerbaijan, 2023–2024; the busiest years are 2023 and 2024 (1 each).",
    );
    const bilateral = scopeOf([ev("a", "2023-05-01", [], ["AZE"])]);
    expect(orgKindCaption(bilateral)).toBe("One catalogued event with Azerbaijan; none is tied to an organisation.");
  });
  it("never prints broken text, whatever the number of events, organisations and citations (property)", () => {
    const event = fc.record({
      year: fc.integer({ min: 2015, max: 2026 }),
      org: fc.constantFrom("OTS", "SCO", ""),
      kind: fc.constantFrom("summit", "agreement", "chairmanship"),
      cited: fc.boolean(),
      aze: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 9 }), (list) => {
        const events = list.map((e, i) =>
          ev(
            `e${i}`,
            `${e.year}-03-0${(i % 9) + 1}`,
            e.org ? [e.org] : [],
            e.aze ? ["AZE", "KAZ"] : ["KAZ"],
            e.kind as EventRow["kind"],
          ),
        );
        const claims = list.flatMap((e, i) =>
          e.cited ? [claim(`c${i}`, "date", { resource: "events", id: `e${i}` })] : [],
        );
        const s = scopeOf(events, { claims, asOf: "2025-06-30" });
        const texts = [
          catalogueSentence(s),
          ...(s.events.length > 0
            ? [orgKindCaption(s), busiestYearSentence(s), intensityCaption(s), eventsCaption(s)]
            : []),
          ...timelineFindings(s).flatMap((f) => [f.title, f.text]),
        ];
        return texts.every((t) => !BROKEN.test(t) && !/\bno (fall|rise)/.test(t));
      }),
    );
  });
  it("the article's year whose events are all cited says so, without an empty list of the others", () => {
    const events = [ev("a", "2024-05-01", ["OTS"], ["TKM"]), ev("b", "2024-06-01", ["OTS"], ["TKM"])];
    const claims = [
      claim("c1", "date", { resource: "events", id: "a" }),
      claim("c2", "date", { resource: "events", id: "b" }),
    ];
    const [year] = timelineFindings(scopeOf(events, { focal: "TKM", claims }));
    expect(year).toEqual({
      title: "The article's year",
      text: "2024 holds two catalogued events with TKM; the article cites both.",
    });
  });
  it("a state without events gets no findings (the notebook says so in one sentence)", () => {
    expect(timelineFindings(scopeOf([ev("a", "2024-05-01", ["OTS"], ["KAZ"])]))).toEqual([]);
  });
});

describe("accessionSentence()", () => {
  const entry = (date: string, org: string, change: TimelineEntry["change"], status: string, previous?: string) =>
    ({
      date,
      org,
      change,
      status,
      state: "GEO",
      sources: [],
      ...(previous ? { previous } : {}),
    }) as unknown as TimelineEntry;
  const geo = (events: EventRow[]) => scopeOf(events, { focal: "GEO" });
  const events = [ev("a", "2016-05-01", [], ["GEO"]), ev("b", "2024-05-01", [], ["GEO"])];
  it("with no change in the catalogue's years: a plain sentence, no empty list", () => {
    const text = accessionSentence(geo(events), [
      entry("1992-06-25", "BSEC", "joined", "founding_member"),
      entry("1997-10-10", "GUAM", "joined", "founding_member"),
    ]);
    expect(text).toBe(
      "None of GEO's two changes of status falls in 2016–2024, the years of the catalogue. Both statuses held on 10 March 2026 date from before 2016: the cooperation catalogued here adds to older ties rather than replacing them.",
    );
  });
  it("with some changes in the catalogue's years: counted and listed; a state that left holds no status", () => {
    const text = accessionSentence(geo(events), [
      entry("1992-06-25", "CIS", "joined", "member"),
      entry("2009-08-18", "CIS", "left", "none", "member"),
      entry("2018-01-01", "OTS", "joined", "observer"),
    ]);
    expect(text).toBe(
      "Of GEO's three changes of status, one falls in 2016–2024: OTS: joined as an observer (1 January 2018). The one status held on 10 March 2026 began in 2016 or later.",
    );
    expect(
      accessionSentence(geo(events), [
        entry("1992-06-25", "CIS", "joined", "member"),
        entry("2009-08-18", "CIS", "left", "none", "member"),
      ]),
    ).toContain("GEO holds no status in these organisations on 10 March 2026.");
  });
  it("with no catalogue by the as-of date: the statuses held and the changes behind them", () => {
    const early = scopeOf([], { focal: "GEO", asOf: "2005-12-31" });
    expect(accessionSentence(early, [entry("1992-06-25", "BSEC", "joined", "founding_member")])).toBe(
      "GEO holds one status on 31 December 2005, after one change of status.",
    );
  });
  it("on data/: entries dated after the as-of date are left out", () => {
    const s = timelineScope(notebook({ focal: "AZE", asOf: "2016" }, { quiet: true }));
    const entries = accessionEntries(s);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.date <= "2016-12-31")).toBe(true);
    expect(
      accessionEntries(timelineScope(notebook({ focal: "", asOf: "2016" }, { quiet: true, focalMayBeEmpty: true }))),
    ).toEqual([]);
  });
});

describe("eventsFigure(): planned events", () => {
  const footnote = (f: { layout: Record<string, unknown> }) =>
    (f.layout.annotations as { name?: string; text: string }[]).find((a) => a.name === "caspian-footnote")!.text;
  const events = [
    ev("a", "2024-07-06", ["OTS"], ["AZE"]),
    ev("d", "2024-11-06", ["OTS"], ["AZE"]),
    ev("b", "2026-10", ["SCO"], ["AZE"]),
    ev("c", "2026", ["OTS"], ["AZE"]),
  ];
  const claims = [
    claim("c-b", "date", { resource: "events", id: "b" }),
    claim("c-d", "date", { resource: "events", id: "d" }),
  ];

  it("draws an event still ahead on the as-of date hollow, under its own legend entry, cited ones numbered", () => {
    const f = eventsFigure(scopeOf(events, { claims }), { title: "Events" });
    expect(f.data.map((t) => t.name)).toEqual([
      "Other catalogued event",
      "Cited by the article (numbered as in the table)",
      "Planned (ahead on 10 March 2026)",
    ]);
    const [other, cited, planned] = f.data;
    expect(other!.x).toEqual([2024.5109]); // a: 6 July 2024
    expect(cited!.text).toEqual(["1"]); // d, the first cited by date
    // "2026" (c) is planned until the end of 2026; "2026-10" (b) is the second cited event
    expect(planned!.customdata).toEqual([
      ["Event c", "2026"],
      ["Event b", "2026-10"],
    ]);
    expect(planned!.text).toEqual(["", "2"]);
    expect(planned!.marker).toMatchObject({ symbol: "diamond-open", color: ["#6E6E6E", "#D55E00"] });
    expect((planned!.hovertext as string[])[1]).toContain("2026-10: summit, planned");
    expect(footnote(f)).toMatch(/^Hollow diamonds: events still ahead on 10 March 2026, planned then\./);
  });

  it("says nothing of planned events when none is drawn", () => {
    const f = eventsFigure(scopeOf(events, { claims, asOf: "2026-12-31" }), { title: "Events" });
    expect(f.data.map((t) => t.name)).toEqual([
      "Other catalogued event",
      "Cited by the article (numbered as in the table)",
    ]);
    expect(footnote(f)).not.toMatch(/hollow|planned/i);
    const one = eventsFigure(scopeOf(events.slice(0, 3), { claims }), { title: "Events" });
    expect(footnote(one)).toMatch(/^Hollow diamond: an event still ahead on 10 March 2026, planned then\./);
  });
});
