/**
 * Notebook 07's presentation module (lib/notebook/comparisons.ts) and the year marks of its balance chart
 * (lib/figures/year-marks.ts). Expected values are worked out by hand from the small fixtures below (the arithmetic
 * is in the comments), and, for the real package, from rows of data/ quoted in the comments.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Iso3, SourceId } from "../../lib/core/types";
import { dataPackage } from "../../lib/data";
import type {
  ConflictRow,
  CorridorFlowRow,
  MembershipRow,
  OrganizationRow,
  StateRow,
  TradeRow,
  TradeTotalRow,
} from "../../lib/data/resources";
import { isEmptyFigure } from "../../lib/figures/no-data";
import { withYearMarks, yearEndX } from "../../lib/figures/year-marks";
import {
  argumentParagraph,
  balanceComparison,
  balanceComparisonFigure,
  balanceParagraph,
  balanceTable,
  comparedWith,
  routeParagraph,
  routeShareFigure,
  routeTable,
  routeUnitSkips,
  routeYears,
  tradePartnersFor,
  tradeShareParagraph,
  tradeSharePeriods,
  tradeShareTable,
  turningPoints,
} from "../../lib/notebook/comparisons";

const src = (id: string) => id as SourceId;
const iso = (s: string) => s as Iso3;

const states = ["AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO", "ARM", "TUR", "PRK"].map(
  (iso3) =>
    ({
      iso3,
      name: iso3 === "AZE" ? "Azerbaijan" : iso3,
      region: "Other",
      caspian_littoral: false,
    }) as unknown as StateRow,
);
const org = (id: string, sphere: string) =>
  ({ id, name: id, founded: "1990", kind: "political", sphere, sources: [] }) as unknown as OrganizationRow;
const organizations = [
  org("OTS", "turkic"),
  org("CICA", "asian_dialogue"),
  org("GUAM", "euro_atlantic"),
  org("TITR", "transport"),
];
const member = (state: string, o: string, since: string, status = "member"): MembershipRow =>
  ({
    state,
    org: o,
    status,
    since,
    since_bound: "exact",
    until: undefined,
    sources: [src(`s-${state.toLowerCase()}-${o.toLowerCase()}`)],
    note: undefined,
  }) as unknown as MembershipRow;
const conflict = (id: string, date: string): ConflictRow =>
  ({
    id,
    date,
    date_precision: "day",
    title: id,
    place: undefined,
    participants: [],
    kind: "war",
    sources: [src(`s-${id}`)],
    note: undefined,
  }) as unknown as ConflictRow;

// AZE: OTS (turkic, 1) and CICA (asian_dialogue, 1) from 2010, SCO-like dialogue partnership absent: shares 1/2, 1/2
// → H = ln 2, k = 8 spheres → index = ln 2 / ln 8 = 1/3. GEO: GUAM only → one sphere → H = 0 → index 0.
// KAZ: OTS from 2010 and CICA from 2020: index 0 at the end of 2015 (one sphere), 1/3 from 2020.
const fixture = {
  states,
  organizations,
  memberships: [
    member("AZE", "OTS", "2010-01-01"),
    member("AZE", "CICA", "2010-01-01"),
    member("GEO", "GUAM", "2005-01-01"),
    member("KAZ", "OTS", "2010-01-01"),
    member("KAZ", "CICA", "2020-01-01"),
    member("AZE", "SCO", "2015-07-10", "dialogue_partner"),
  ],
  conflict: [
    conflict("2020-09-27-second-garabagh-war-begins", "2020-09-27"),
    conflict("2022-02-24-russia-invades-ukraine", "2022-02-24"),
  ],
};

describe("comparedWith and the turning points", () => {
  it("compares a neighbour with the eight others and any other state with all nine", () => {
    expect(comparedWith(iso("AZE"))).toEqual(["KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO", "ARM", "TUR"]);
    expect(comparedWith(iso("PRK"))).toHaveLength(9);
    expect(comparedWith(iso("PRK"))).toContain("AZE");
  });
  it("keeps the turning points dated by the as-of date, in order, each with its row", () => {
    expect(turningPoints(fixture, "2026-01-01").map((t) => [t.date, t.row])).toEqual([
      ["2015-07-10", "memberships:AZE|SCO|2015-07-10"],
      ["2020-09-27", "conflict:2020-09-27-second-garabagh-war-begins"],
      ["2022-02-24", "conflict:2022-02-24-russia-invades-ukraine"],
    ]);
    expect(turningPoints(fixture, "2021-12-31").map((t) => t.date)).toEqual(["2015-07-10", "2020-09-27"]);
    expect(turningPoints({ memberships: [], conflict: [] }, "2026-01-01")).toEqual([]);
  });
});

describe("balanceComparison", () => {
  const c = balanceComparison(fixture, iso("AZE"), "2024-06-30");
  it("draws year ends from 2000 to the last full year and the index on the as-of date", () => {
    expect(c.years[0]).toBe(2000);
    expect(c.years.at(-1)).toBe(2023); // 30 June 2024 is not a year end
    const aze = c.series[0]!;
    expect(aze.id).toBe("AZE");
    // No tie before 2010 → no index (null); from 2010: ln 2 / ln 8 = 0.3333 → 0.333
    expect(aze.points.find((p) => p.label === "2009")?.value).toBeNull();
    expect(aze.points.find((p) => p.label === "2012")?.value).toBe(0.333);
    expect(c.now[0]!.index).toBe(0.333); // ln 2 / ln 8 = 0.3333…, kept to three decimals as shown
    expect(c.now.find((n) => n.state === "GEO")?.index).toBe(0);
    expect(c.now.find((n) => n.state === "TJK")?.index).toBeUndefined();
  });
  it("tabulates the year before each turning point, the as-of date, the change and the rank", () => {
    const t = balanceTable(c);
    expect(t.columns.map((x) => x.key)).toEqual(["state", "y2014", "y2019", "y2021", "now", "change", "rank"]);
    const kaz = t.rows.find((r) => r.state === "KAZ")!;
    // KAZ: one sphere at the end of 2014 → 0; two spheres on the as-of date → 0.333; change 0.333
    expect([kaz.y2014, kaz.now, kaz.change]).toEqual([0, 0.333, 0.333]);
    // AZE and KAZ share the top index (tied first of the three states with an index)
    expect(t.rows[0]).toMatchObject({ state: "Azerbaijan", rank: "=1st of 3" });
  });
  it("says where the focal state stands against the others' median and how both moved", () => {
    const text = balanceParagraph(c).source;
    // others with an index: KAZ 0.333, GEO 0 → median 0.167; AZE 0.333 is above it
    expect(text).toContain("above the median of the other two (0.167)");
    // across the 2020 war: end 2019 → end 2021 AZE stays 0.333; median of KAZ, GEO: 0 → 0.167
    expect(text).toContain("Azerbaijan's index stayed at 0.333 and the median of the others rose from 0 to 0.167");
  });
  it("says so when the focal state or every other state has no index", () => {
    expect(balanceParagraph(balanceComparison(fixture, iso("PRK"), "2024-06-30")).source).toContain(
      "holds no weighted tie",
    );
    expect(balanceParagraph(balanceComparison(fixture, iso("GEO"), "2008-12-31")).source).toContain(
      "None of the eight other states holds a weighted tie",
    );
  });
  it("draws the turning points as dotted lines, with nothing drawn before 2000", () => {
    const fig = balanceComparisonFigure(c, {});
    const shapes = (fig.layout.shapes ?? []) as { x0: number; line: { dash: string } }[];
    const marks = shapes.filter((s) => s.line?.dash === "dot");
    // 10 July 2015 → 2015.52 − 1; 27 Sep 2020 → 2020.74 − 1
    expect(marks.map((s) => Math.floor(s.x0))).toEqual([2014, 2019, 2021]); // and 24 Feb 2022 → 2021.15
    expect(isEmptyFigure(balanceComparisonFigure(balanceComparison(fixture, iso("AZE"), "1999-06-30"), {}))).toBe(true);
  });
});

describe("year marks", () => {
  it("puts a date between the year ends around it", () => {
    expect(yearEndX("2015-01-01")).toBe(2014);
    expect(yearEndX("2020-09-27")).toBeGreaterThan(2019.7);
    expect(yearEndX("2020-09-27")).toBeLessThan(2019.8);
  });
  it("adds one line and one label per mark and leaves a figure without marks unchanged", () => {
    const fig = { data: [], layout: { annotations: [{ text: "note" }] } };
    expect(withYearMarks(fig, [])).toBe(fig);
    const marked = withYearMarks(fig, [
      { date: "2015-07-10", label: "A <b>" },
      { date: "2020-09-27", label: "B" },
    ]);
    expect((marked.layout.shapes as unknown[]).length).toBe(2);
    const texts = (marked.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(texts).toEqual(["note", "A &lt;b&gt;", "B"]); // label text is escaped for Plotly
  });
});

const flow = (id: string, route: string, scope: string, year: number, value: number, source: string): CorridorFlowRow =>
  ({
    id,
    route,
    scope,
    period_start: `${year}-01-01`,
    period_end: `${year}-12-31`,
    metric: "containers",
    value,
    unit: "TEU",
    status: "actual",
    sources: [src(source)],
  }) as unknown as CorridorFlowRow;

describe("routeYears", () => {
  const sourceById = new Map([
    ["old", { published: "2024-02-01" }],
    ["new", { published: "2025-01-10" }],
    ["cr", { published: "2025-01-22" }],
    ["era", { published: "2025-02-06" }],
  ]) as unknown as Map<string, never>;
  const flows = [
    flow("t-old", "titr", "titr_containers", 2024, 40_000, "old"),
    flow("t-new", "titr", "titr_containers", 2024, 50_000, "new"),
    flow("cr", "china_europe_rail", "china_railway_express", 2024, 2_000_000, "cr"),
    flow("era", "northern_route", "erai_china_eu", 2024, 400_000, "era"),
    flow("era-21", "northern_route", "utlc_era", 2021, 200_000, "era"),
    { ...flow("t-23", "titr", "titr_containers", 2023, 20_500, "new"), unit: "containers" as const }, // not TEU: left out
  ];
  const years = routeYears({ corridorFlows: flows, sourceById }, "2026-01-01");
  it("takes the figure published last and derives the shares", () => {
    const y = years.find((x) => x.year === 2024)!;
    // scopes: TITR, China Railway Express (the total), UTLC ERA to 2021, ERAI China–EU from 2022
    expect(y.teu).toEqual([50_000, 2_000_000, null, 400_000]);
    expect(y.shares[0]).toBe(2.5); // 100 × 50,000 / 2,000,000
    expect(y.shares[1]).toBeNull(); // the total is not a share of itself
    expect(y.shares[3]).toBe(20); // 100 × 400,000 / 2,000,000
    expect(years.find((x) => x.year === 2021)?.shares).toEqual([null, null, null, null]); // no total for 2021
    expect(years.map((x) => x.year)).toEqual([2021, 2024]); // the 2023 figure in containers is left out
  });
  it("keeps only figures whose period ended by the as-of date", () => {
    expect(routeYears({ corridorFlows: flows, sourceById }, "2024-06-30").map((y) => y.year)).toEqual([2021]);
  });
  it("tabulates the years with a figure and says what the shares mean", () => {
    expect(routeTable(years).rows).toEqual([
      {
        year: "2021",
        titr: null,
        cre: null,
        utlc: 200_000,
        erai: null,
        titrShare: null,
        utlcShare: null,
        eraiShare: null,
      },
      {
        year: "2024",
        titr: 50_000,
        cre: 2_000_000,
        utlc: null,
        erai: 400_000,
        titrShare: 2.5,
        utlcShare: null,
        eraiShare: 20,
      },
    ]);
    const skipped = routeUnitSkips({ corridorFlows: flows }, "2026-01-01");
    expect(skipped.map((r) => r.id)).toEqual(["t-23"]);
    const text = routeParagraph(years, skipped, iso("AZE"), "Azerbaijan").source;
    expect(text).toContain("carried 50,000 TEU in 2024, 2.5 % of the 2,000,000 TEU");
    expect(text).toContain("400,000 TEU in 2024 by ERAI's China–EU count, 20 % of the total");
    expect(text).toContain("its counts before and after 2022 measure different traffic and are not joined");
    expect(text).toContain(
      "Left out because they count containers, not TEU: Middle Corridor (TITR) 2023 (20,500 containers).",
    );
    expect(text).toContain("The Middle Corridor crosses Azerbaijan.");
    expect(routeParagraph(years, [], iso("TJK"), "Tajikistan").source).toContain(
      "Neither the Middle Corridor nor the northern route crosses Tajikistan",
    );
    expect(routeParagraph([], [], iso("AZE"), "Azerbaijan").source).toMatch(/^No year by this date/);
    expect(isEmptyFigure(routeShareFigure([], {}))).toBe(true);
  });
  it("derives every share as 100 × route / total (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (part, total) => {
        const ys = routeYears(
          {
            corridorFlows: [
              flow("a", "titr", "titr_containers", 2024, part, "cr"),
              flow("b", "china_europe_rail", "china_railway_express", 2024, total, "cr"),
            ],
            sourceById,
          },
          "2026-01-01",
        );
        return Math.abs(ys[0]!.shares[0]! - (100 * part) / total) < 1e-9;
      }),
    );
  });
});

const total = (id: string, start: string, end: string, value: number): TradeTotalRow =>
  ({
    id,
    reporter: "AZE",
    period_start: start,
    period_end: end,
    flow: "turnover",
    value_usd: value,
    sources: [src(id)],
  }) as unknown as TradeTotalRow;
const tradeRow = (
  id: string,
  partner: string,
  side: string,
  value: number,
  start = "2023-01-01",
  end = "2023-12-31",
): TradeRow =>
  ({
    id,
    reporter: "AZE",
    partner,
    period_start: start,
    period_end: end,
    flow: "turnover",
    value_usd: value,
    side,
    sources: [src(id)],
  }) as unknown as TradeRow;

describe("trade shares", () => {
  const pkg = {
    tradeTotals: [
      total("t23", "2023-01-01", "2023-12-31", 10e9),
      total("t23b", "2023-01-01", "2023-12-31", 10.2e9), // a second release of the same total
      total("t22", "2022-01-01", "2022-12-31", 8e9),
    ],
    trade: [
      tradeRow("kaz-r", "KAZ", "reporter", 100e6),
      tradeRow("kaz-m1", "KAZ", "mirror", 120e6),
      tradeRow("kaz-m2", "KAZ", "mirror", 130e6),
      tradeRow("uzb-u", "UZB", "unclear", 50e6),
      tradeRow("kaz-h1", "KAZ", "reporter", 40e6, "2023-01-01", "2023-06-30"), // another period: not counted
      tradeRow("geo", "GEO", "reporter", 999e6), // not a partner
    ],
  };
  const ca = tradePartnersFor(iso("AZE"));
  const periods = tradeSharePeriods(pkg, ca, "2026-01-01");
  it("sums each side for the months of each total, lowest and highest where sources disagree", () => {
    const p = periods.find((x) => x.label === "2023")!;
    expect(p.sides.reporter).toMatchObject({ partners: ["KAZ"], low: 100e6, high: 100e6 });
    expect(p.sides.mirror).toMatchObject({ partners: ["KAZ"], low: 120e6, high: 130e6 });
    expect(p.sides.unclear).toMatchObject({ partners: ["UZB"], low: 50e6, high: 50e6 });
  });
  it("shows shares of the total, ranges where sources disagree, and leaves out periods without a partner figure", () => {
    const t = tradeShareTable(periods, "Central Asia", (s) => (s === "KAZ" ? "Kazakhstan" : s));
    // The total has two releases, $10bn and $10.2bn, so each share is a range: lowest sum / highest total to highest
    // sum / lowest total. Reporter 100m: 100 / 10,200 = 0.98 % to 100 / 10,000 = 1 %; mirror 120m–130m: 1.18–1.3 %;
    // unclear 50m: 0.49–0.5 %; one figure per partner (KAZ's own, UZB's unstated): 150m → 1.47–1.5 %. Trailing zeros
    // are dropped. 2022 has no partner row and is left out.
    expect(t.rows).toEqual([
      {
        period: "2023",
        total: "$10 billion–$10.2 billion",
        best: "1.47–1.5 % (Kazakhstan, UZB)",
        reporter: "0.98–1 % (Kazakhstan)",
        mirror: "1.18–1.3 % (Kazakhstan)",
        unclear: "0.49–0.5 % (UZB)",
      },
    ]);
    expect(periods.find((p) => p.label === "2023")?.best.partners).toEqual(["KAZ", "UZB"]);
  });
  it("names the partners without a figure and says the shares are lower bounds", () => {
    const text = tradeShareParagraph(periods, "Azerbaijan", ca, "1 January 2026").source;
    expect(text).toContain("Azerbaijan's trade with KAZ and UZB came to 1.47–1.5 % of its total turnover");
    expect(text).toContain("KGZ, TJK and TKM have no figure for those months, so this is a lower bound");
    expect(text).toContain("One period of two with a published total has a partner figure");
  });
  it("has a partner set only for Azerbaijan and the Central Asian states", () => {
    expect(tradePartnersFor(iso("KAZ"))).toEqual(["KAZ"]);
    expect(tradePartnersFor(iso("GEO"))).toEqual([]);
    expect(tradeShareParagraph([], "Georgia", [], "1 January 2026").source).toContain(
      "only Azerbaijan's trade with the five Central Asian states",
    );
    expect(tradeShareParagraph([], "Kazakhstan", [iso("KAZ")], "31 December 2005").source).toContain(
      "No total of Azerbaijan's trade for any period is published by 31 December 2005",
    );
  });
  it("closes with one sentence per comparison, whatever the data hold", () => {
    const bal = balanceComparison(fixture, iso("AZE"), "2024-06-30");
    const ctx = { name: "Azerbaijan", asOfText: "30 June 2024", partners: ca };
    const text = argumentParagraph(bal, [], periods, ctx).source;
    expect(text).toContain("spread more evenly"); // 0.333 against a median of 0.167
    expect(text).toContain("No year by 30 June 2024 has the figures to set the Middle Corridor's containers");
    expect(text).toContain(
      "put KAZ and UZB at 1.47–1.5 % of Azerbaijan's trade in 2023, with KGZ, TJK and TKM missing",
    );
    const prk = balanceComparison(fixture, iso("PRK"), "2024-06-30");
    const none = argumentParagraph(prk, [], [], { name: "PRK", asOfText: "30 June 2024", partners: [] }).source;
    expect(none).toContain("The data give PRK or the states compared no index to compare");
    // one partner (a Central Asian focal state): its share, without the lower-bound reading for the whole region
    const kaz = tradeSharePeriods(pkg, [iso("KAZ")], "2026-01-01");
    const one = argumentParagraph(bal, [], kaz, { name: "KAZ", asOfText: "1 January 2026", partners: [iso("KAZ")] });
    // one figure per partner prefers Azerbaijan's own (100m): 100 / 10,200 to 100 / 10,000 = 0.98–1 %
    expect(one.source).toContain("The published figures put KAZ at 0.98–1 % of Azerbaijan's trade in 2023.");
    expect(one.source).not.toContain("lower bound");
    expect(none).toContain(
      "only Azerbaijan's trade with the five Central Asian states, so there is no trade comparison for PRK",
    );
  });
});

describe("on the real package", () => {
  const pkg = dataPackage();
  it("finds the three turning points of the article", () => {
    // memberships.csv AZE/SCO dialogue_partner since 2015-07-10; conflict.csv 2020-09-27 and 2022-02-24
    expect(turningPoints(pkg, "2026-03-10").map((t) => t.date)).toEqual(["2015-07-10", "2020-09-27", "2022-02-24"]);
  });
  it("derives the Middle Corridor's 2024 share from the published figures", () => {
    // corridor_flows.csv: TITR 56,500 TEU (Astana Times, 2025-03-06); China Railway Express 2,077,216 TEU (2024)
    // → 100 × 56,500 / 2,077,216 = 2.72 %
    const y = routeYears(pkg, "2026-03-10").find((x) => x.year === 2024)!;
    expect(y.shares[0]).toBeCloseTo((100 * 56_500) / 2_077_216, 6);
  });
});
