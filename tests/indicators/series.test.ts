import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyChange,
  cagr,
  compound,
  corridorSeries,
  DuplicatePeriodError,
  findPoint,
  impliedBase,
  impliedGrowth,
  indexToBase,
  MixedSeriesError,
  percentChange,
  periodOverPeriod,
  periodOfKey,
  seriesCagr,
  seriesOf,
  share,
  shareSeries,
  transitSeries,
  yearOverYear,
} from "../../lib/indicators";
import { periodLabel, periodMonths, shiftYears } from "../../lib/core/period";
import { realData, rowById } from "./real-data";

// The Kazakh Ministry of Transport annual TITR series (corridor_flows, scope whole_route), checked by hand
// against data/corridor_flows.csv: 2019 759,000 t; 2020 783,000; 2021 586,000; 2022 1,485,000; 2023 2,764,000;
// 2024 4,484,000; 2025 4,119,000.
const MINISTRY_IDS = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => `titr-whole-${y}-cargo`);

describe("periods", () => {
  it("periodLabel() names calendar years, month ranges and odd periods", () => {
    expect(periodLabel("2024-01-01", "2024-12-31")).toBe("2024");
    expect(periodLabel("2024-01-01", "2024-09-30")).toBe("Jan–Sep 2024");
    expect(periodLabel("2023-03-01", "2023-03-31")).toBe("Mar 2023");
    expect(periodLabel("2017-10-30", "2023-05-02")).toBe("2017-10-30–2023-05-02");
  });
  it("periodMonths() counts whole months only", () => {
    expect(periodMonths("2024-01-01", "2024-09-30")).toBe(9);
    expect(periodMonths("2024-01-01", "2024-02-28")).toBeUndefined(); // 2024 is a leap year: Feb ends on the 29th
  });
  it("shiftYears() keeps the last day of February", () => {
    expect(shiftYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(shiftYears("2023-02-28", 1)).toBe("2024-02-29");
    expect(shiftYears("2024-09-30", -1)).toBe("2023-09-30");
  });
  it("periodOfKey() reads years, month ranges and day ranges", () => {
    expect(periodOfKey("2024")).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(periodOfKey("2024-01..2024-09")).toEqual({ start: "2024-01-01", end: "2024-09-30" });
  });
});

describe("corridorSeries() on the real data", () => {
  const pkg = realData();
  const ministry = corridorSeries(pkg.corridorFlows, {
    route: "titr",
    scope: "whole_route",
    metric: "cargo",
    ids: MINISTRY_IDS,
  });

  it("selects the ministry series in period order with its sources", () => {
    expect(ministry.points.map((p) => p.label)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
    expect(ministry.points.map((p) => p.value)).toEqual([759000, 783000, 586000, 1485000, 2764000, 4484000, 4119000]);
    expect(ministry.unit).toBe("t");
    expect(ministry.mixed).toBeUndefined();
    expect(ministry.points[0]!.sources).toEqual(rowById(pkg.corridorFlows, "titr-whole-2019-cargo").sources);
  });

  it("refuses two figures for one period (the 2022 ministry and KZ MTI figures) until one is chosen", () => {
    expect(() => corridorSeries(pkg.corridorFlows, { route: "titr", scope: "whole_route", metric: "cargo" })).toThrow(
      DuplicatePeriodError,
    );
  });

  it("refuses to mix scopes unless asked, and then labels the series", () => {
    const query = {
      route: "titr",
      metric: "cargo",
      ids: ["titr-whole-2023-cargo", "titr-rail-q1-2023-cargo"],
    } as const;
    expect(() => corridorSeries(pkg.corridorFlows, query)).toThrow(MixedSeriesError);
    const mixed = corridorSeries(pkg.corridorFlows, { ...query, allowMixed: true });
    expect(mixed.mixed).toBe("scope: titr_rail, whole_route");
    expect(mixed.points).toHaveLength(2);
  });

  it("refuses to mix units (TEU and containers) unless asked", () => {
    // btk-2020-containers is in TEU; btk-cumulative-to-2021-09-containers is in containers (and another scope)
    const query = {
      route: "btk",
      metric: "containers",
      ids: ["btk-2020-containers", "btk-cumulative-to-2021-09-containers"],
    } as const;
    expect(() => corridorSeries(pkg.corridorFlows, query)).toThrow(/unit: TEU, containers/);
  });

  it("keeps plans out by default and selects them by status and unit", () => {
    const base = { route: "titr", scope: "titr_containers", metric: "containers" } as const;
    // plans in TEU: 2022 50,000 (TITR Association), 2025 96,000 (Association) and 70,000 (KZ MTI), 2029 300,000
    expect(() => corridorSeries(pkg.corridorFlows, { ...base, status: "plan", unit: "TEU" })).toThrow(
      DuplicatePeriodError,
    );
    const plans = corridorSeries(pkg.corridorFlows, {
      ...base,
      status: "plan",
      unit: "TEU",
      exclude: ["titr-containers-2025-plan-kz-mti"],
    });
    expect(plans.points.map((p) => [p.label, p.value, p.status])).toEqual([
      ["2022", 50000, "plan"],
      ["2025", 96000, "plan"],
      ["2029", 300000, "plan"],
    ]);
    const actual = corridorSeries(pkg.corridorFlows, {
      ...base,
      unit: "TEU",
      ids: ["titr-containers-2025", "titr-containers-2029-plan"],
    });
    expect(actual.points.map((p) => p.label)).toEqual(["2025"]); // the 2029 plan is not an actual figure
    expect(findPoint(actual, "2025-01-01", "2025-12-31")?.value).toBe(77000);
  });

  it("transitSeries() reads transit.csv rows as actual figures", () => {
    const ots = transitSeries(pkg.transit, { scope: "ots_transit", metric: "growth" });
    expect(ots.points).toHaveLength(1);
    expect(ots.points[0]).toMatchObject({ label: "Jan–Sep 2024", value: 15, status: "actual" });
  });
});

describe("change between periods", () => {
  it("percentChange() is undefined on a zero or missing base", () => {
    expect(percentChange(200, 230)).toBeCloseTo(15, 12);
    expect(percentChange(0, 5)).toBeUndefined();
    expect(percentChange(null, 5)).toBeUndefined();
    expect(percentChange(5, undefined)).toBeUndefined();
  });

  it("yearOverYear() of the ministry series, worked by hand", () => {
    const pkg = realData();
    const s = corridorSeries(pkg.corridorFlows, {
      route: "titr",
      scope: "whole_route",
      metric: "cargo",
      ids: MINISTRY_IDS,
    });
    const yoy = yearOverYear(s).points.map((p) => p.value);
    // 2020: 783,000 / 759,000 − 1 = 3.16206 %; 2021: 586 / 783 − 1 = −25.15964 %; 2022: 1485 / 586 − 1 = 153.41297 %;
    // 2023: 2764 / 1485 − 1 = 86.12795 %; 2024: 4484 / 2764 − 1 = 62.22865 %; 2025: 4119 / 4484 − 1 = −8.14005 %
    expect(yoy[0]).toBeNull();
    [3.16206, -25.15964, 153.41297, 86.12795, 62.22865, -8.14005].forEach((v, i) =>
      expect(yoy[i + 1]).toBeCloseTo(v, 4),
    );
    // each change carries both years' sources
    expect(yearOverYear(s).points[1]!.sources).toEqual([
      ...new Set([...s.points[1]!.sources, ...s.points[0]!.sources]),
    ]);
  });

  it("yearOverYear() leaves a gap year, a zero base and the first year as null points", () => {
    const s = seriesOf({ "2019": 10, "2021": 12, "2022": 0, "2023": 5 }, { metric: "cargo", unit: "t" });
    // 2019 first; 2021: no 2020 (gap); 2022: 0 / 12 − 1 = −100 %; 2023: base 0 → no answer
    expect(yearOverYear(s).points.map((p) => p.value)).toEqual([null, null, -100, null]);
  });

  it("yearOverYear() of an empty series and a one-point series", () => {
    expect(yearOverYear(seriesOf({}, { metric: "cargo", unit: "t" })).points).toEqual([]);
    expect(yearOverYear(seriesOf({ "2024": 1 }, { metric: "cargo", unit: "t" })).points.map((p) => p.value)).toEqual([
      null,
    ]);
  });

  it("periodOverPeriod(): nine months against nine months at the port of Baku, by hand", () => {
    const pkg = realData();
    const port = corridorSeries(pkg.corridorFlows, {
      route: "baku_port",
      scope: "port_of_baku",
      metric: "cargo",
      ids: ["bakuport-9m2021-cargo", "bakuport-9m2020-cargo", "bakuport-7m2023-cargo", "bakuport-7m2022-cargo"],
    });
    // Jan–Sep 2021 4,298,000 t against Jan–Sep 2020 3,564,000 t: 4298 / 3564 − 1 = 20.5948 % (the port published "21 %")
    const nine = periodOverPeriod(port, { start: "2021-01-01", end: "2021-09-30" });
    expect(nine?.value).toBeCloseTo(20.5948, 3);
    expect(nine?.base.label).toBe("Jan–Sep 2020");
    expect(nine?.sources).toEqual([
      ...new Set([
        ...rowById(pkg.corridorFlows, "bakuport-9m2021-cargo").sources,
        ...rowById(pkg.corridorFlows, "bakuport-9m2020-cargo").sources,
      ]),
    ]);
    // Jan–Jul 2023 4.1 Mt against Jan–Jul 2022 3.6 Mt: 41 / 36 − 1 = 13.8889 % (published "14 %")
    expect(periodOverPeriod(port, { start: "2023-01-01", end: "2023-07-31" })?.value).toBeCloseTo(13.8889, 3);
    // no Jan–Sep 2022 point → no answer
    expect(periodOverPeriod(port, { start: "2022-01-01", end: "2022-09-30" })).toBeUndefined();
  });

  it("periodOverPeriod() refuses periods of different lengths", () => {
    const s = seriesOf({ "2024-01..2024-09": 3, "2023": 4 }, { metric: "cargo", unit: "t" });
    expect(() =>
      periodOverPeriod(s, { start: "2024-01-01", end: "2024-09-30" }, { start: "2023-01-01", end: "2023-12-31" }),
    ).toThrow(RangeError);
  });
});

describe("CAGR", () => {
  it("cagr() of the ministry series 2019–2024, by hand", () => {
    // (4,484,000 / 759,000) ^ (1/5) − 1 = 5.907773 ^ 0.2 − 1 = 42.6543 %
    expect(cagr(759000, 4484000, 5)).toBeCloseTo(42.6543, 3);
    const s = seriesOf(
      { "2019": 759000, "2020": 783000, "2024": 4484000, "2025": 4119000 },
      { metric: "cargo", unit: "t" },
    );
    expect(seriesCagr(s, 2019, 2024)?.value).toBeCloseTo(42.6543, 3);
    // default: first to last calendar year, 2019–2025: (4119 / 759) ^ (1/6) − 1 = 32.5638 %
    expect(seriesCagr(s)?.value).toBeCloseTo(32.5638, 3);
  });
  it("cagr() has no answer for a zero start, no elapsed time or a missing year", () => {
    expect(cagr(0, 5, 3)).toBeUndefined();
    expect(cagr(5, 6, 0)).toBeUndefined();
    expect(cagr(5, -1, 2)).toBeUndefined();
    expect(cagr(5, 0, 2)).toBe(-100);
    expect(seriesCagr(seriesOf({}, { metric: "cargo", unit: "t" }))).toBeUndefined();
    expect(seriesCagr(seriesOf({ "2024": 5 }, { metric: "cargo", unit: "t" }))).toBeUndefined(); // one point: no elapsed time
    expect(seriesCagr(seriesOf({ "2019": 1, "2021": 2 }, { metric: "cargo", unit: "t" }), 2019, 2020)).toBeUndefined(); // gap year
  });
  it("cagr() is the inverse of compounding (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: -90, max: 500, noNaN: true }),
        fc.double({ min: 0.25, max: 50, noNaN: true }),
        (start, rate, years) => {
          const end = compound(start, rate, years);
          expect(cagr(start, end, years)).toBeCloseTo(rate, 6);
          expect(compound(start, cagr(start, end, years)!, years) / end).toBeCloseTo(1, 9);
        },
      ),
    );
  });
  it("percentChange() and applyChange() are inverses (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: -99, max: 1000, noNaN: true }),
        (base, change) => {
          expect(percentChange(base, applyChange(base, change))).toBeCloseTo(change, 6);
        },
      ),
    );
  });
});

describe("shares, index and implied growth", () => {
  it("share() of transit in corridor freight, Jan–Nov 2024, by hand", () => {
    const pkg = realData();
    const transit = rowById(pkg.transit, "transit-11m2024-ssc-volume").value; // 17,200,000 t
    const total = rowById(pkg.transit, "corridors-11m2024-volume").value; // 30,200,000 t
    // 17.2 / 30.2 = 56.954 % (the committee published "57 %")
    expect(share(transit, total)).toBeCloseTo(56.954, 3);
    expect(share(1, 0)).toBeUndefined();
  });
  it("shareSeries() aligns periods and refuses mixed units", () => {
    const part = seriesOf({ "2023": 1, "2024": 3 }, { metric: "transit", unit: "t" });
    const whole = seriesOf({ "2024": 4 }, { metric: "cargo", unit: "t" });
    expect(shareSeries(part, whole).points.map((p) => p.value)).toEqual([null, 75]);
    expect(() => shareSeries(part, seriesOf({ "2024": 4 }, { metric: "containers", unit: "TEU" }))).toThrow(RangeError);
  });
  it("indexToBase() sets the base year to 100 and has no answer for a zero or missing base", () => {
    const s = seriesOf({ "2019": 759000, "2024": 4484000 }, { metric: "cargo", unit: "t" });
    // 4,484,000 / 759,000 × 100 = 590.7773
    expect(indexToBase(s, "2019")?.points.map((p) => p.value)).toEqual([100, expect.closeTo(590.7773, 3)]);
    expect(indexToBase(seriesOf({ "2019": 0, "2020": 1 }, { metric: "m", unit: "t" }), "2019")).toBeUndefined();
    expect(indexToBase(s, "2018")).toBeUndefined();
  });
  it("impliedGrowth() between two published annual figures, by hand", () => {
    const g = impliedGrowth(
      { value: 759000, periodStart: "2019-01-01", periodEnd: "2019-12-31", sources: [] },
      { value: 4484000, periodStart: "2024-01-01", periodEnd: "2024-12-31", sources: [] },
    );
    // change 4484 / 759 − 1 = 490.7773 %; midpoints 2019.5 → 2024.5 = 5 years; annualised 42.6543 %
    expect(g?.change).toBeCloseTo(490.7773, 3);
    expect(g?.years).toBe(5);
    expect(g?.annualised).toBeCloseTo(42.6543, 3);
    expect(() =>
      impliedGrowth(
        { value: 1, periodStart: "2024-01-01", periodEnd: "2024-09-30", sources: [] },
        { value: 2, periodStart: "2025-01-01", periodEnd: "2025-12-31", sources: [] },
      ),
    ).toThrow(RangeError);
  });
  it("impliedBase(): Jan–Sep 2021 TITR volume implied by Jan–Sep 2022 and its growth, by hand", () => {
    const pkg = realData();
    const now = rowById(pkg.corridorFlows, "titr-whole-9m2022-cargo").value; // 1,084,000 t
    const g = rowById(pkg.corridorFlows, "titr-whole-9m2022-cargo-growth").value; // +170 % ("2.7 times")
    // 1,084,000 / 2.7 = 401,481.5 t
    expect(impliedBase(now, g)).toBeCloseTo(401481.48, 1);
    expect(impliedBase(5, -100)).toBeUndefined();
  });
});
