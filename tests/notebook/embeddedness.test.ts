/**
 * lib/notebook/embeddedness.ts: the panel, snapshots, tables and sentences of notebook 03, checked against values
 * worked out by hand from data/memberships.csv and data/organizations.csv, and properties of the text helpers for
 * 0, 1, 2 and many items and for every as-of date.
 */
import { PANEL_STATES } from "../../lib/notebook/names";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataPackage } from "../../lib/data/load";
import type { Iso3 } from "../../lib/core/types";
import {
  balanceOptions,
  balanceTrend,
  centralityTable,
  changesParagraph,
  embeddedness,
  focalPath,
  fullText,
  median,
  monthYear,
  networkParagraph,
  noTieReason,
  organisationTable,
  overlapNetworks,
  pairTable,
  panelBalances,
  panelOf,
  platformsParagraph,
  prologue,
  quietEdgeMarkers,
  sensitivity,
  sensitivityTable,
  snapshotDates,
  snapshots,
  snapshotsHeading,
  sphereBarsInput,
  statusChanges,
  verdictParagraphs,
} from "../../lib/notebook/embeddedness";
import { countText } from "../../lib/notebook/prose";
import { timelineFigure } from "../../lib/figures/timeline";

const pkg = dataPackage();
const LATEST = "2026-03-10";
const aze = (asOf: string) => embeddedness(pkg, "AZE" as Iso3, asOf);
const azeLatest = aze(LATEST);
const aze2012 = aze("2012-12-31");
const kor2005 = embeddedness(pkg, "KOR" as Iso3, "2005-12-31");

/** Normalised Shannon entropy of weights, by hand: −Σ p ln p / ln k. */
function entropyIndex(weights: readonly number[], k: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return -weights.filter((w) => w > 0).reduce((a, w) => a + (w / total) * Math.log(w / total), 0) / Math.log(k);
}

/** An ISO day between 2000 and 2030. */
const isoDay = fc
  .record({
    y: fc.integer({ min: 2000, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

describe("panel and snapshots", () => {
  it("puts the focal state first and adds one from outside the twelve", () => {
    expect(panelOf("KAZ")).toHaveLength(12);
    expect(panelOf("KAZ")[0]).toBe("KAZ");
    expect(panelOf("XNC")).toEqual(["XNC", ...PANEL_STATES]);
  });

  it("keeps only the fixed dates before the as-of date, the as-of date last", () => {
    expect(snapshotDates("2015-01-01")).toEqual(["2015-01-01"]);
    expect(snapshotDates("2015-01-02")).toEqual(["2015-01-01", "2015-01-02"]);
    fc.assert(
      fc.property(isoDay, (d) => {
        const ds = snapshotDates(d);
        expect(ds.at(-1)).toBe(d);
        expect(new Set(ds).size).toBe(ds.length);
        expect(ds.slice(0, -1).every((x) => x < d)).toBe(true);
      }),
    );
  });

  it("says in the heading how many snapshots it shows, for every date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2005, max: 2026 }), (y) => {
        const em = aze(`${y}-12-31` < LATEST ? `${y}-12-31` : LATEST);
        const n = em.dates.length;
        const heading = snapshotsHeading(em).source;
        expect(heading).toContain(`Who belongs where: ${countText(n, "snapshot")}`);
        expect(snapshots(em)).toHaveLength(n);
        expect(heading.toLowerCase()).toContain(`${countText(n, "map")}: `);
        expect(heading.includes("would fall after") === n < 3).toBe(true);
      }),
      { numRuns: 8 },
    );
  });

  it("registers the as-of map as memberships-as-of and the others by year", () => {
    expect(snapshots(azeLatest).map((s) => s.id)).toEqual([
      "memberships-2015",
      "memberships-2020",
      "memberships-as-of",
    ]);
    expect(snapshots(aze2012).map((s) => s.id)).toEqual(["memberships-as-of"]);
    // an as-of date on a fixed date is that map, not one after it
    expect(snapshotsHeading(aze("2020-01-01")).source).toBe(
      "## 1 · Who belongs where: two snapshots\n\nTwo maps: 1 January 2015 and 1 January 2020.",
    );
    expect(monthYear("2020-01-01")).toBe("January 2020");
  });
});

describe("the opening and the changes", () => {
  it("lists Azerbaijan's ten standing ties of 2012 (memberships.csv: no SCO before 2015, NAM from May 2011)", () => {
    const text = prologue(aze2012).source;
    expect(text).toContain("**ten organisations**");
    expect(text).toContain("all of them as a full or founding member");
    expect(text).toContain("NAM (member)");
    expect(text).not.toContain("SCO");
  });

  it("says why a state has no tie: later rows, or none at all", () => {
    expect(noTieReason(azeLatest)).toBeUndefined();
    expect(noTieReason(kor2005)).toContain("a member of the CICA, begins on 17 June 2006");
    const without = { ...pkg, memberships: pkg.memberships.filter((r) => r.state !== "KOR") };
    expect(noTieReason(embeddedness(without, "KOR" as Iso3, LATEST))).toBe(
      "The package records no membership of Republic of Korea in any of the 15 organisations in the package.",
    );
  });

  it("counts full memberships in words for 0, 1, 2 and many", () => {
    expect(fullText(0, 1)).toBe("none of them as a full or founding member");
    expect(fullText(1, 1)).toBe("as a full or founding member");
    expect(fullText(1, 2)).toBe("one of them as a full or founding member");
    expect(fullText(11, 12)).toBe("eleven of them as a full or founding member");
  });

  it("names the SCO step of 2025 and the CACM accession between 2020 and the latest date", () => {
    expect(statusChanges(azeLatest.matrices[1]!, azeLatest.current, "AZE", azeLatest.columns)).toEqual([
      "joined CACM as a member",
      "moved in SCO from dialogue partner to partner",
    ]);
  });

  it("compares tie counts across snapshots, and never a value with itself", () => {
    expect(changesParagraph(azeLatest).source).toContain(
      "rose from 10 in January 2015 to 12 in March 2026 (11 in January 2020)",
    );
    const one = changesParagraph(aze2012).source;
    expect(one).toContain("was 10 in December 2012");
    expect(one).not.toMatch(/went from|against/);
    const uzb = changesParagraph(embeddedness(pkg, "UZB" as Iso3, "2017-12-31")).source;
    expect(uzb).toContain("stayed at 7 from January 2015 to December 2017"); // NAM member since 1992 counts too
  });
});

describe("tables", () => {
  it("gives the SCO row of Azerbaijan on the latest date", () => {
    const row = organisationTable(azeLatest).rows.find((r) => r.org === "SCO");
    // founding members CHN KAZ KGZ RUS TJK UZB and member IRN (7); partners AZE ARM TUR (10 in all)
    expect(row).toMatchObject({ status: "partner", since: "2025-09-01", full: 7, any: 10 });
  });

  it("finds Türkiye closest: 9 shared, Jaccard 9 / 13", () => {
    // AZE 12 ties; TUR 10 (BSEC CICA COE ECO GUAM-observer OIC OSCE OTS SCO WTO); shared 9; union 12 + 10 − 9 = 13
    const row = pairTable(azeLatest, overlapNetworks(azeLatest)).rows[0];
    expect(row).toMatchObject({ state: "Türkiye", shared: 9, jaccard: 0.69 });
  });

  it("has no pair rows and an isolated node for a state without ties", () => {
    const net = overlapNetworks(kor2005);
    expect(pairTable(kor2005, net).rows).toEqual([]);
    expect(networkParagraph(kor2005, net).source).toContain("isolated node");
    expect(centralityTable(kor2005, net).rows).toHaveLength(13);
  });

  it("ranks Azerbaijan first but fourth with Pielou's J, where Uzbekistan's ties over seven spheres score highest", () => {
    // UZB: china_led 1, asian_dialogue 2, turkic 1, russia_led 1.25, islamic 2, non_aligned 1, euro_atlantic 1;
    // Σ = 9.25, k = 7 spheres present: H / ln 7 = 0.974
    const rows = sensitivity(azeLatest);
    expect(rows.map((r) => r.rank?.rank)).toEqual([1, 1, 4, 1]);
    expect(rows[2]!.top?.state).toBe("UZB");
    expect(rows[2]!.top?.index).toBeCloseTo(entropyIndex([1, 2, 1, 1.25, 2, 1, 1], 7), 10);
    expect(sensitivityTable(azeLatest, rows).rows[2]).toMatchObject({ rank: "4th of 12", top: "Uzbekistan (0.974)" });
    // where Azerbaijan ranks first, the comparison column names the best of the others, never Azerbaijan itself
    expect(rows[0]!.top?.state).toBe("AZE");
    const tops = sensitivityTable(azeLatest, rows).rows.map((r) => String(r.top));
    expect(tops[0]).toMatch(/^(?!Azerbaijan)\S.* \(0\.\d{3}\)$/);
    expect(tops.some((t) => t.startsWith("Azerbaijan"))).toBe(false);
    expect(sensitivityTable(kor2005, sensitivity(kor2005)).rows.every((r) => r.rank === "no index")).toBe(true);
  });
});

describe("balance", () => {
  it("matches the index worked by hand from Azerbaijan's weighted ties", () => {
    // latest: euro_atlantic 3 (GUAM, OSCE, COE), islamic 2, asian_dialogue 2 (CICA, CACM), russia_led, turkic,
    // non_aligned, black_sea 1 each, china_led 0.25 (SCO partner); k = 8
    expect(panelBalances(azeLatest, "default")[0]!.index).toBeCloseTo(entropyIndex([3, 2, 2, 1, 1, 1, 1, 0.25], 8), 10);
    // 1 January 2015: no SCO, no CACM
    // (0.3 ln 0.3 + 0.2 ln 0.2 + 5 × 0.1 ln 0.1) / −ln 8 = 1.83437 / 2.07944 = 0.88215
    const y2015 = panelBalances(aze("2015-01-01"), "default")[0]!.index;
    expect(y2015).toBeCloseTo(entropyIndex([3, 2, 1, 1, 1, 1, 1], 8), 10);
    expect(y2015).toBeCloseTo(0.88215, 5);
    expect(balanceOptions("equal_weights").weights?.observer).toBe(1);
  });

  it("has sphere bars only with weighted ties", () => {
    expect(sphereBarsInput(panelBalances(kor2005, "default")[0]!).bars).toEqual([]);
    expect(sphereBarsInput(panelBalances(azeLatest, "default")[0]!).bars).toHaveLength(8);
  });

  it("draws the trend from 2005 to the last full year", () => {
    expect(balanceTrend(azeLatest, "default").years).toHaveLength(21);
    expect(balanceTrend(kor2005, "default").title).toBe("Republic of Korea's balance index at the end of 2005");
    expect(median([])).toBeNull();
    expect(median([4, 1, 3])).toBe(3);
  });

  it("states the change of the index since 2015, and no comparison with one snapshot", () => {
    const latest = verdictParagraphs(azeLatest, "default", sensitivity(azeLatest)).source;
    expect(latest).toContain("rose from 0.882 in January 2015 to 0.919 in March 2026");
    expect(latest).toContain("Four things complicate the reading");
    const early = verdictParagraphs(aze2012, "default", sensitivity(aze2012)).source;
    expect(early).toContain("index was 0.882 in December 2012");
    expect(early).toContain("Three things complicate the reading");
    expect(early).not.toContain("already in place");
    expect(verdictParagraphs(kor2005, "default", sensitivity(kor2005)).source).toContain("has no value for it");
  });
});

describe("path and platforms", () => {
  it("has no path for a state whose first status is later, and says so", () => {
    const path = focalPath(kor2005);
    expect(path.input.spans).toEqual([]);
    expect(path.noData).toBe(
      "No membership of Republic of Korea begins by 31 December 2005, so there is no path to draw.",
    );
  });

  it("puts each milestone's label on its own organisation's row, beside its diamond, never between two rows", () => {
    const path = focalPath(azeLatest);
    const fig = timelineFigure(path.input, { title: path.title, eventLabels: true, fromYear: path.fromYear });
    const events = fig.data.find((t) => t.name === "Event")!;
    expect(events.mode).toBe("markers"); // no text above or below the diamonds
    const labels = (fig.layout.annotations as Record<string, unknown>[]).filter((a) => a.xref === "x");
    // Worked out from data/events.csv: AZE's milestones to 10 March 2026, by date; a label goes left of its diamond
    // in the right half of the chart, unless it would cover its lane's other diamond (SCO 2016 goes right).
    expect(labels.map((a) => [a.y, a.text, a.xanchor === "right" ? "left" : "right"])).toEqual([
      ["SCO", "accession, 2015", "left"],
      ["SCO", "agreement, 2016", "right"],
      ["OTS", "chair, 2019", "left"],
      ["NAM", "chair, 2019", "left"],
      ["CICA", "chair, 2024", "left"],
      ["OTS", "chair, 2025", "left"],
      ["CACM", "accession, 2025", "left"],
    ]);
    for (const a of labels) {
      expect(a.yref).toBe("y");
      expect(a.yanchor).toBe("middle"); // centred on the lane
      expect(a.bgcolor).toMatch(/^rgba\(255,255,255/); // readable on the bar
    }
    expect(fig.layout.annotations as { text: string }[]).not.toContainEqual(
      expect.objectContaining({ text: expect.stringContaining("left out") }),
    );
  });

  it("leaves to the hover a label that would cover another on its lane, and says so", () => {
    const fig = timelineFigure(
      {
        spans: [{ lane: "SCO", start: "2000", status: "member" }],
        events: ["2011-01-01", "2011-03-01", "2011-06-01"].map((date, i) => ({
          date,
          label: `event ${i + 1}`,
          lane: "SCO",
        })),
        asOf: "2020-01-01",
        sources: [],
      },
      { title: "t", eventLabels: true },
    );
    const annotations = fig.layout.annotations as { text: string; xref?: string; xanchor?: string }[];
    // 2011 is in the right half of 2000–2020: event 1 left, event 2 covered on both sides, event 3 right.
    expect(annotations.filter((a) => a.xref === "x").map((a) => [a.text, a.xanchor])).toEqual([
      ["event 1", "right"],
      ["event 3", "left"],
    ]);
    expect(annotations.at(-1)!.text).toContain(
      "One event label would cover another and is left out; hover the diamonds.",
    );
  });

  it("says the OTS was not founded yet in 2005, and counts summits in words", () => {
    expect(platformsParagraph(aze("2005-12-31")).source).toContain("not founded until 3 October 2009");
    expect(platformsParagraph(kor2005).source).toContain("taking part, to 31 December 2005:** none.");
  });
});

describe("reader's text for every state of the panel and many dates", () => {
  it("never prints undefined, NaN or an empty list, and never compares a value with itself", () => {
    const states = [...PANEL_STATES, "KOR", "XNC", "MNG"] as Iso3[];
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.integer({ min: 2005, max: 2026 }), (s, y) => {
        const em = embeddedness(pkg, s, `${y}-12-31` < LATEST ? `${y}-12-31` : LATEST);
        const net = overlapNetworks(em);
        const text = [
          prologue(em),
          snapshotsHeading(em),
          changesParagraph(em),
          platformsParagraph(em),
          networkParagraph(em, net),
          verdictParagraphs(em, "present_spheres", sensitivity(em)),
        ]
          .map((m) => m.source)
          .join("\n");
        expect(text).not.toMatch(/undefined|NaN|Infinity|\[object Object\]|\(\)|: \./);
        expect(text).not.toMatch(/from (\S+) in ([^,;.]+?) to \1 in \2\b/);
        expect(text).toContain(em.name);
      }),
      { numRuns: 25 },
    );
  });

  it("makes the network's edge discs transparent and leaves other traces", () => {
    const fig = quietEdgeMarkers({
      data: [{ mode: "markers", marker: { color: "rgba(255,255,255,0.85)" } }, { mode: "lines" }],
      layout: {},
    });
    expect(fig.data[0]!.marker).toEqual({ color: "rgba(255,255,255,0.85)", opacity: 0 });
    expect(fig.data[1]).toEqual({ mode: "lines" });
  });
});
