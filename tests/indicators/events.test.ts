import { describe, expect, it } from "vitest";
import { eventCounts, filterEvents, summitIntensity, type EventInput } from "../../lib/indicators";
import { iso3, orgId, sourceId } from "../../lib/core/types";
import { realData, rowById } from "./real-data";

const ev = (
  id: string,
  date: string,
  orgs: string[],
  kind: EventInput["kind"],
  participants: string[] = [],
): EventInput => ({
  id,
  date,
  orgs: orgs.map(orgId),
  participants: participants.map(iso3),
  kind,
  sources: [sourceId(`src-${id}`)],
});

describe("eventCounts()", () => {
  const events = [
    ev("a", "2024-07-06", ["OTS"], "summit", ["AZE", "KAZ"]),
    ev("b", "2024-11", ["OTS", "CICA"], "summit", ["AZE"]),
    ev("c", "2023", [], "agreement", ["AZE", "UZB"]),
  ];
  it("counts a multi-organisation event once per organisation, and an event without one under (none)", () => {
    expect(eventCounts(events, "org").map((c) => [c.key, c.count])).toEqual([
      ["(none)", 1],
      ["CICA", 1],
      ["OTS", 2],
    ]);
    expect(eventCounts(events, "org", { org: "OTS" }).map((c) => [c.key, c.count])).toEqual([["OTS", 2]]);
  });
  it("counts by year (partial dates in their year) and by kind, with the events' sources", () => {
    expect(eventCounts(events, "year").map((c) => [c.key, c.count, c.eventIds])).toEqual([
      ["2023", 1, ["c"]],
      ["2024", 2, ["a", "b"]],
    ]);
    const kinds = eventCounts(events, "kind");
    expect(kinds.map((c) => [c.key, c.count])).toEqual([
      ["agreement", 1],
      ["summit", 2],
    ]);
    expect(kinds[1]!.sources).toEqual(["src-a", "src-b"]);
  });
  it("filters by participant and years; nothing gives nothing", () => {
    expect(filterEvents(events, { participant: "UZB" }).map((e) => e.id)).toEqual(["c"]);
    expect(filterEvents(events, { from: 2024, to: 2024 }).map((e) => e.id)).toEqual(["a", "b"]);
    expect(eventCounts([], "year")).toEqual([]);
  });
});

describe("summitIntensity() on the real data", () => {
  const pkg = realData();
  it("OTS summits a year, 2017–2025, by hand", () => {
    // OTS summits in events.csv: 2018-09-03 Cholpon-Ata; 2019-10-15 Baku; 2020-04-10 video; 2021-03-31 video
    // (informal), 2021-11-12 Istanbul; 2022-11-11 Samarkand; 2023-03-16 Ankara (extraordinary), 2023-11-03 Astana;
    // 2024-07-06 Shusha, 2024-11-06 Bishkek; 2025-05-21 Budapest, 2025-10-07 Gabala. 2017: none in the catalogue.
    const s = summitIntensity(pkg.events, { org: "OTS", from: 2017, to: 2025, today: "2026-01-01" });
    expect(s.points.map((p) => p.value)).toEqual([0, 1, 1, 1, 2, 1, 2, 2, 2]);
    expect(s.points[0]!.sources).toEqual([]); // a catalogued zero has no sources
    expect(s.points[7]!.sources).toEqual([
      ...new Set([
        ...rowById(pkg.events, "2024-07-06-ots-informal-summit-shusha").sources,
        ...rowById(pkg.events, "2024-11-06-ots-bishkek-summit").sources,
      ]),
    ]);
    expect(s.unit).toBe("events");
  });
  it("marks a year with a planned summit as plan", () => {
    // the CICA summit in Baku is planned for 2026-10
    const s = summitIntensity(pkg.events, { org: "CICA", from: 2026, to: 2026, today: "2026-01-01" });
    expect(s.points[0]).toMatchObject({ value: 1, status: "plan" });
  });
  it("counts Azerbaijan's summits and ministerials of 2024 by kind, by hand", () => {
    // 2024 events with AZE of kind summit: first AZE–KAZ Supreme Interstate Council, Japarov's and Rahmon's state
    // visits to Baku, SCO plus Astana, OTS Shusha, 6th Consultative Meeting, Aliyev's state visit to Uzbekistan, CIS
    // Moscow, OTS Bishkek, COP29 leaders' summit = 10; ministerial: 20th AZE–KAZ commission, Turkic Investment Fund
    // board, energy ministers in Astana, CICA ministerial = 4
    const c = eventCounts(pkg.events, "kind", {
      participant: "AZE",
      kind: ["summit", "ministerial"],
      from: 2024,
      to: 2024,
    });
    expect(c.map((x) => [x.key, x.count])).toEqual([
      ["ministerial", 4],
      ["summit", 10],
    ]);
  });
});
