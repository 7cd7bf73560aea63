/**
 * Notebook 04's presentation module (lib/notebook/funds-trade.ts). Expected values are worked out by hand from
 * data/funds.csv and data/trade.csv (rows quoted in the comments) or from the small fixtures below.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataPackage } from "../../lib/data";
import type { FundRow, TradeRow } from "../../lib/data/resources";
import { isEmptyFigure } from "../../lib/figures/no-data";
import { latestFundRows } from "../../lib/indicators/funds";
import { notebook } from "../../lib/notebook/context";
import {
  type FundsTradeView,
  capitalHistoryCaption,
  capitalHistoryText,
  fundShortName,
  fundStatements,
  fundWithMostStatements,
  fundsEmpty,
  fundsIntro,
  fundsLatestTable,
  fundsStatementsText,
  fundsTotalsTable,
  gapsText,
  multilateralText,
  ofTotal,
  tradeComparisonEmpty,
  tradeComparisonTable,
  tradeComparisons,
  tradeCoverageTable,
  tradeEmpty,
  tradePartners,
  tradeReadingText,
  tradeRows,
  tradeScopeText,
  tradeSideSeries,
  tradeSides,
  tradeTurnoverFigure,
} from "../../lib/notebook/funds-trade";

const pkg = dataPackage();
const view = (focal: string, asOf?: string) => notebook({ focal, asOf: asOf ?? "" }, { quiet: true, pkg });
/** Markdown source with the escaped dollar sign written back, for readable expectations. */
const text = (m: { readonly source: string }) => m.source.replace(/&#36;/g, "$");
const STRICT = ["reporter", "mirror"];

/** A view over made-up states A (the reporter), P1…Pn (partners) and X (in nothing). */
function fixtureView(focal: string, states: readonly string[]): FundsTradeView {
  const name = (iso3: string) => `State ${iso3}`;
  return {
    focal,
    name: name(focal),
    asOf: "2030-12-31",
    asOfText: "31 December 2030",
    catalog: [],
    pkg: { states: states.map((iso3) => ({ iso3, name: name(iso3), region: "Other" })) as never },
    stateName: name,
    publishers: (ids) => ids.join("; "),
    published: () => "",
  };
}
function tradeRow(reporter: string, partner: string, side: string, id: string): TradeRow {
  return {
    id,
    reporter,
    partner,
    period_start: "2029-01-01",
    period_end: "2029-12-31",
    flow: "turnover",
    value_usd: 1e6,
    side,
    sources: [],
  } as unknown as TradeRow;
}

describe("funds", () => {
  it("fundStatements keeps the statements of the focal state's funds dated by the as-of date", () => {
    // KGZ is a partner of aze-kgz-development-fund (2022-10-11, 2024-02-12, 2024-04-24, 2025-10-24) and of
    // turkic-investment-fund (2023-03-16, 2024-05-18); by 2024-12-31 the 2025 statement is out.
    expect(fundStatements(pkg.funds, "KGZ", "2024-12-31").map((f) => `${f.id} ${f.as_of}`)).toEqual([
      "aze-kgz-development-fund 2022-10-11",
      "aze-kgz-development-fund 2024-02-12",
      "aze-kgz-development-fund 2024-04-24",
      "turkic-investment-fund 2023-03-16",
      "turkic-investment-fund 2024-05-18",
    ]);
    expect(fundStatements(pkg.funds, "AZE", "2016-12-31")).toEqual([]);
    expect(fundStatements(pkg.funds, "GEO", "2026-03-10")).toEqual([]);
    // TUR is in the Turkic Investment Fund only.
    expect(new Set(fundStatements(pkg.funds, "TUR", "2026-03-10").map((f) => f.id))).toEqual(
      new Set(["turkic-investment-fund"]),
    );
  });

  it("fundsIntro states funds.csv's coverage and what it leaves for the focal state", () => {
    const scope =
      "funds.csv records five funds and joint companies, each with Azerbaijan as a partner; the other partners are Kazakhstan, Kyrgyzstan, Türkiye and Uzbekistan.";
    const aze = view("AZE");
    expect(text(fundsIntro(pkg.funds, fundStatements(pkg.funds, "AZE", aze.asOf), pkg.gaps, aze))).toBe(
      `${scope} As of **10 March 2026 (the latest date in the data)**, five funds with Azerbaijan as a partner are on record (Azerbaijan–Kyrgyz Development Fund, Azerbaijan–Uzbekistan Investment Fund, Green Corridor Union joint venture, Kazakhstan–Azerbaijan investment fund and Turkic Investment Fund), from twelve published statements of capital.`,
    );
    expect(text(fundsIntro(pkg.funds, [], pkg.gaps, view("GEO")))).toBe(
      `${scope} None has Georgia as a partner, so this section has nothing to show for it.`,
    );
    // gaps.csv: "Any bilateral investment fund of Azerbaijan with Tajikistan or Turkmenistan"
    expect(text(fundsIntro(pkg.funds, [], pkg.gaps, view("TJK")))).toContain(
      "(searched for and not found: Any bilateral investment fund of Azerbaijan with Tajikistan or Turkmenistan)",
    );
    // KAZ is in three funds; the earliest statement of them is the Turkic fund's of 2023-03-16.
    expect(text(fundsIntro(pkg.funds, [], pkg.gaps, view("KAZ", "2016")))).toBe(
      `${scope} Three funds have Kazakhstan as a partner, but none of their statements of capital is dated and published by 31 December 2016: the first is dated 16 March 2023 (Turkic Investment Fund).`,
    );
  });

  it("fundsIntro reads for one fund without a partner common to all", () => {
    const one = [{ ...pkg.funds[0]!, partners: ["P1", "P2"] }] as unknown as FundRow[];
    const v = fixtureView("X", ["P1", "P2", "X"]);
    expect(text(fundsIntro(one, [], [], v))).toBe(
      "funds.csv records one fund or joint company, with State P1 and State P2 as a partner. None has State X as a partner, so this section has nothing to show for it.",
    );
  });

  it("fundsLatestTable gives capital in USD million and the paid-in share, empty cells where not published", () => {
    const t = fundsLatestTable(latestFundRows(pkg.funds), view("AZE"));
    const akdf = t.rows.find((r) => r.fund === "Azerbaijan–Kyrgyz Development Fund");
    // 2025-10-24: $100m pledged, $25m paid in
    expect([akdf?.pledged, akdf?.paid, akdf?.share]).toEqual([100, 25, 25]);
    const kaz = t.rows.find((r) => r.fund === "Kazakhstan–Azerbaijan investment fund");
    expect([kaz?.pledged, kaz?.paid, kaz?.share]).toEqual([null, null, null]);
    expect(t.title).toBe("Investment funds with Azerbaijan as a partner: latest statements, 10 March 2026");
  });

  it("fundsStatementsText: bilateral funds, paid-in capital, lost and missing pledges (KAZ, 2024)", () => {
    // By 2024-12-31 KAZ: kaz-aze (2024-08-08, no capital; pledge $300m on 2024-03-11, proposed),
    // turkic (2024-05-18, $500m) and green-corridor-union (2024-12-27, no capital ever).
    const v = view("KAZ", "2024");
    expect(text(fundsStatementsText(fundStatements(pkg.funds, "KAZ", v.asOf), v))).toBe(
      "**What the statements say.** One of the three is bilateral: Kazakhstan–Azerbaijan investment fund (established). No paid-in capital is published for any of the three. The latest statement of Kazakhstan–Azerbaijan investment fund (8 August 2024) gives no capital; its last published pledge was $300 million (statement of 11 March 2024, when it was proposed). No capital figure has been published for Green Corridor Union joint venture.",
    );
    // KGZ at the latest date: AKDF (bilateral, $25m of $100m) and the Turkic fund.
    const k = view("KGZ");
    expect(text(fundsStatementsText(fundStatements(pkg.funds, "KGZ", k.asOf), k))).toBe(
      "**What the statements say.** One of the two is bilateral: Azerbaijan–Kyrgyz Development Fund (operating). Paid-in capital is published for one of the two: Azerbaijan–Kyrgyz Development Fund, $25 million of $100 million (25 %), statement of 24 October 2025.",
    );
    // TUR: the Turkic fund alone, five partners.
    const t = view("TUR");
    expect(text(fundsStatementsText(fundStatements(pkg.funds, "TUR", t.asOf), t))).toBe(
      "**What the statements say.** Turkic Investment Fund (established) has five partners. No paid-in capital is published for it.",
    );
    expect(text(fundsStatementsText([], view("GEO", "2016")))).toBe(
      "**What the statements say.** No fund with Georgia as a partner has a statement of capital by 31 December 2016.",
    );
  });

  it("ofTotal reads for one, both, all and some", () => {
    expect(ofTotal(1, 1)).toBe("it");
    expect(ofTotal(2, 2)).toBe("both");
    expect(ofTotal(5, 5)).toBe("all five");
    expect(ofTotal(1, 5)).toBe("one of the five");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (total, k) => {
        const part = Math.min(k, total);
        const t = ofTotal(part, total);
        expect(t).not.toMatch(/undefined|NaN|\s\s|^\s|\s$/);
        if (part < total) expect(t).toMatch(/ of the /);
      }),
    );
  });

  it("capital history: the fund with most statements, its caption and what moved", () => {
    const akdf = fundWithMostStatements(pkg.funds);
    expect(akdf.map((f) => f.as_of)).toEqual(["2022-10-11", "2024-02-12", "2024-04-24", "2025-10-24"]);
    expect(capitalHistoryCaption(akdf)).toBe(
      "Capital statements of the Azerbaijan–Kyrgyz Development Fund from 11 October 2022 to 24 October 2025.",
    );
    // $25m → $100m is +300 %; paid in $25m twice, the last against the $100m in force on 2025-10-24: 25 %.
    expect(text(capitalHistoryText(akdf))).toBe(
      "**Azerbaijan–Kyrgyz Development Fund.** Its pledged capital rose from $25 million (11 October 2022) to $100 million (24 October 2025), +300 % on paper. Paid-in capital is reported in two statements: $25 million (12 February 2024) and $25 million (24 October 2025); the latest is 25 % of the $100 million pledged then.",
    );
    // The Turkic fund: $500m on 2023-03-16 and on 2024-05-18, no paid-in figure: no change claimed.
    const turkic = fundWithMostStatements(pkg.funds.filter((f) => f.id === "turkic-investment-fund"));
    expect(text(capitalHistoryText(turkic))).toBe(
      "**Turkic Investment Fund.** Its pledged capital stayed at $500 million from 16 March 2023 to 18 May 2024. No paid-in figure is published.",
    );
    // kaz-aze: two statements, only one with a figure; a fund with one statement has no history.
    expect(fundWithMostStatements(pkg.funds.filter((f) => f.id === "kaz-aze-investment-fund"))).toEqual([]);
    expect(fundWithMostStatements([])).toEqual([]);
  });

  it("fundsTotalsTable: partner totals overlap, year totals count each fund once", () => {
    const rows = fundsTotalsTable(pkg.funds, view("AZE")).rows;
    // KGZ: AKDF $100m + Turkic $500m = $600m, paid in $25m (AKDF); UZB: AZE–UZB $500m + Turkic $500m, GCU none.
    expect(
      rows.filter((r) => r.by === "partner").map((r) => [r.key, r.count, r.pledged, r.pledgedMissing, r.paid]),
    ).toEqual([
      ["Kazakhstan", 3, 500, 2, null],
      ["Kyrgyzstan", 2, 600, 0, 25],
      ["Türkiye", 1, 500, 0, null],
      ["Uzbekistan", 3, 1000, 1, null],
    ]);
    // Turkic fund agreed 2022-11-11 and AKDF 2022-10-11: 2022 holds two funds.
    expect(rows.filter((r) => r.by === "year agreed").map((r) => [r.key, r.count])).toEqual([
      ["2022", 2],
      ["2023", 1],
      ["2024", 1],
      ["undated", 1],
    ]);
    // For Türkiye, the Turkic fund is counted for each of its four other partners.
    expect(
      fundsTotalsTable(pkg.funds, view("TUR"))
        .rows.filter((r) => r.by === "partner")
        .map((r) => r.key),
    ).toEqual(["Azerbaijan", "Kazakhstan", "Kyrgyzstan", "Uzbekistan"]);
  });

  it("multilateralText says how often each fund is counted, or that all are bilateral", () => {
    expect(text(multilateralText(latestFundRows(pkg.funds), view("AZE")))).toContain(
      "(Green Corridor Union joint venture in two and Turkic Investment Fund in four)",
    );
    // KGZ on 2023-01-01: only AKDF (the Turkic fund's first statement is of 2023-03-16).
    expect(
      text(multilateralText(latestFundRows(fundStatements(pkg.funds, "KGZ", "2023-01-01")), view("KGZ", "2023-01-01"))),
    ).toBe(
      "**Overlap.** Every fund with Kyrgyzstan as a partner is bilateral, so each appears in one partner row above and the partner totals do not overlap.",
    );
  });

  it("fundsEmpty and gapsText give the reason", () => {
    expect(fundsEmpty(pkg.funds, view("GEO", "2016"), "history")).toBe(
      "funds.csv has no fund with Georgia as a partner, so there is no history to show.",
    );
    expect(fundsEmpty(pkg.funds, view("UZB", "2020"), "history")).toBe(
      "No fund with Uzbekistan as a partner has a statement of capital by 31 December 2020, so there is no history to show.",
    );
    expect(gapsText(pkg.gaps, "funds").source.split("\n- ").length - 1).toBe(
      pkg.gaps.filter((g) => g.resource === "funds").length,
    );
    expect(fundShortName("A (B) fund (C)")).toBe("A fund");
  });
});

describe("trade", () => {
  it("sides, partners and rows of the focal state's pairs", () => {
    expect(tradeSides("strict")).toEqual(["reporter", "mirror"]);
    expect(tradeSides("with_unclear")).toEqual(["reporter", "mirror", "unclear"]);
    expect(tradePartners(pkg.trade, "AZE")).toEqual(["KAZ", "KGZ", "TJK", "TKM", "UZB"]);
    expect(tradePartners(pkg.trade, "UZB")).toEqual(["UZB"]);
    expect(tradePartners(pkg.trade, "TUR")).toEqual([]);
    // TJK: 24 reporter and 2 mirror rows (six reporter rows added for 2021–2023 in issue 15); the Jan–Apr 2024
    // reporter row ends after 2023, so 23 + 2 = 25.
    expect(tradeRows(pkg.trade, { focal: "TJK", asOf: "2023-12-31" }, STRICT)).toHaveLength(25);
    expect(tradeRows(pkg.trade, { focal: "GEO", asOf: "2026-03-10" }, tradeSides("with_unclear"))).toEqual([]);
    // AZE with unnamed sources: all 82 rows end by 2026-03-10.
    expect(tradeRows(pkg.trade, view("AZE"), tradeSides("with_unclear"))).toHaveLength(82);
  });

  it("tradeScopeText states trade.csv's pairs and what they leave for the focal state", () => {
    const scope =
      "trade.csv covers only Azerbaijan's trade with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan (82 figures, each for one pair of a reporter and a partner).";
    expect(text(tradeScopeText(pkg.trade, [], view("GEO", "2016"), STRICT))).toBe(
      `${scope} Georgia is in none of these pairs, neither as reporter nor as partner, so this section has no trade to show for it.`,
    );
    const aze = view("AZE");
    expect(text(tradeScopeText(pkg.trade, tradeRows(pkg.trade, aze, STRICT), aze, STRICT))).toBe(
      `${scope} Azerbaijan is the reporter: its trade with each of the five partners follows, one side of the statistics at a time.`,
    );
    const tkm = view("TKM");
    expect(text(tradeScopeText(pkg.trade, tradeRows(pkg.trade, tkm, STRICT), tkm, STRICT))).toBe(
      `${scope} For Turkmenistan that is its trade with Azerbaijan, with figures from Azerbaijan's customs (reporter) and quotes without a named source (unclear); none from Turkmenistan's statistics (mirror).`,
    );
    // KAZ by 2016: its earliest reporter or mirror row by period end is the 2019 customs turnover.
    expect(text(tradeScopeText(pkg.trade, [], view("KAZ", "2016"), STRICT))).toContain(
      "No reporter or mirror figure of Azerbaijan's trade with Kazakhstan covers a period ended, and published, by 31 December 2016: the earliest covers 2019 (Kazakhstan, reporter side).",
    );
  });

  it("tradeScopeText property: every partner named once, no empty list, for 0 to many partners", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom("A", "P1", "X"), (n, focal) => {
        const partners = Array.from({ length: n }, (_, i) => `P${i + 1}`);
        const rows = partners.map((p, i) => tradeRow("A", p, i % 2 === 0 ? "reporter" : "mirror", `r${i}`));
        const v = fixtureView(focal, ["A", "X", ...partners]);
        const t = text(tradeScopeText(rows, tradeRows(rows, v, STRICT), v, STRICT));
        expect(t).not.toMatch(/undefined|NaN|\(\)|: \.| ,|\s\s/);
        for (const p of partners) expect(t.split(`State ${p}`).length - 1).toBeGreaterThanOrEqual(1);
        if (n === 0) expect(t).toContain("trade.csv holds no trade figures.");
      }),
    );
  });

  it("tradeSideSeries keeps the latest release of a period", () => {
    // KAZ mirror turnover: H1 2022 $194.1m; 2022 $460m (2023-04-11), $461.9m (2023-06-22), $463.3m (2024-03-05);
    // 2023 $529.4m; H1 2024 $280.6m.
    const s = tradeSideSeries(pkg.trade, "KAZ", "mirror", "turnover", view("AZE"));
    expect(s?.points.map((p) => [p.label, p.value])).toEqual([
      ["Jan–Jun 2022", 194.1e6],
      ["2022", 463.3e6],
      ["2023", 529.4e6],
      ["Jan–Jun 2024", 280.6e6],
    ]);
    expect(s?.label).toBe("Kazakhstan's statistics (mirror)");
    expect(tradeSideSeries(pkg.trade, "KGZ", "mirror", "turnover", view("AZE"))).toBeUndefined();
    expect(isEmptyFigure(tradeTurnoverFigure([], "KGZ", STRICT, view("AZE", "2016")))).toBe(true);
  });

  it("tradeCoverageTable counts rows by side", () => {
    // TKM: three reporter rows (Jan–Oct 2022, Jan–Oct 2023, Jan–Apr 2024), no mirror, no full year.
    expect(tradeCoverageTable(pkg.trade, ["TKM"], STRICT, view("TKM")).rows).toEqual([
      { partner: "Turkmenistan", reporter: 3, mirror: 0, years: "", latest: "Jan–Apr 2024 (reporter)" },
    ]);
  });

  it("tradeComparisons: revisions within a side and one side against another", () => {
    const aze = view("AZE");
    const strict = tradeComparisons(pkg.trade, STRICT, aze);
    expect(strict.map((c) => `${c.partner} ${c.period} ${c.flow}: ${c.kind}`)).toEqual([
      "KAZ 2022 export: revision within mirror",
      "KAZ 2022 turnover: revision within mirror",
      "TJK 2022 turnover: revision within reporter",
      "TJK 2023 turnover: mirror vs reporter",
    ]);
    // TJK 2023: $6.1m reporter, $7.5m mirror: 7.5 / 6.1 − 1 = 22.95 % → 23.0
    expect(tradeComparisonTable(strict, pkg.trade, "strict", aze).rows.at(-1)?.gap).toBe(23);
    // With unnamed sources: KAZ 2023 turnover $314m (unclear) against $529.4m (mirror), and the two
    // 2020 Uzbek ambassador figures.
    const all = tradeComparisons(pkg.trade, tradeSides("with_unclear"), aze);
    expect(all.map((c) => `${c.partner} ${c.period}: ${c.kind}`)).toEqual([
      "KAZ 2022: revision within mirror",
      "KAZ 2022: revision within mirror",
      "KAZ 2023: revision within unclear", // 314.0 and 598.47 million (two unnamed sources)
      "KAZ 2023: unclear vs mirror",
      "TJK 2022: revision within reporter",
      "TJK 2023: mirror vs reporter",
      "UZB 2020: revision within unclear",
    ]);
    // the two unnamed KAZ 2023 releases: 314.0 and 598.47 million → (598.47 / 314 − 1) × 100
    expect(all[2]?.gap).toBeCloseTo((598.47 / 314 - 1) * 100, 6);
  });

  it("tradeReadingText reads for a partner with nothing to compare", () => {
    // KGZ, strict: four reporter rows, all part-year (Jan–Apr 2024, Jan–Jul, Jan–Aug, Jan–Oct 2025).
    const v = view("KGZ");
    const rows = tradeRows(pkg.trade, v, STRICT);
    expect(text(tradeReadingText(rows, tradeComparisons(rows, STRICT, v), ["KGZ"], STRICT, v))).toBe(
      "**Reading the comparison.** No period has both a reporter and a mirror figure, so the two sides cannot be compared directly. No period was published twice by the same side. There is no mirror figure for Kyrgyzstan by 10 March 2026. All 4 figures shown here cover part of a year, so a trend across partners or years from these rows would mix periods and sides; the charts above keep them apart.",
    );
    expect(tradeComparisonEmpty(rows, STRICT, v)).toBe(
      "No period of Azerbaijan's trade with Kyrgyzstan has more than one reporter or mirror figure by 10 March 2026, so there is nothing to compare.",
    );
  });

  it("tradeReadingText at the default: one mirror-vs-reporter period, three revisions", () => {
    const aze = view("AZE");
    const rows = tradeRows(pkg.trade, aze, STRICT);
    const t = text(
      tradeReadingText(rows, tradeComparisons(rows, STRICT, aze), tradePartners(pkg.trade, "AZE"), STRICT, aze),
    );
    expect(t).toContain(
      "One period has both a reporter and a mirror figure: Tajikistan, 2023 turnover: Azerbaijan's customs $6.1 million, Tajikistan's statistics $7.5 million (mirror +23 %).",
    );
    expect(t).toContain("Three periods were published more than once by the same side");
    expect(t).toContain("There is no mirror figure for Kyrgyzstan, Turkmenistan and Uzbekistan by 10 March 2026.");
    // 59 reporter and mirror rows; 37 of them are not whole calendar years.
    expect(t).toContain("37 of the 59 figures shown here cover part of a year");
  });

  it("tradeEmpty gives the reason", () => {
    expect(tradeEmpty(pkg.trade, view("TUR", "2016"), STRICT)).toBe(
      "trade.csv has no trade pair with Türkiye, so there are no figures to compare.",
    );
    expect(tradeEmpty(pkg.trade, view("UZB", "2012"), STRICT)).toBe(
      "No reporter or mirror figure of Azerbaijan's trade with Uzbekistan by 31 December 2012, so there are no figures to compare.",
    );
  });
});
