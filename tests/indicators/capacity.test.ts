import { describe, expect, it } from "vitest";
import {
  capacityAt,
  capacityCrossingYear,
  corridorSeries,
  headroom,
  linearTrend,
  seriesOf,
  seriesTrend,
  utilisation,
  utilisationSeries,
  utilisationTable,
} from "../../lib/indicators";
import type { CapacityRow } from "../../lib/data";
import { sourceId } from "../../lib/core/types";
import { realData, rowById } from "./real-data";

const MINISTRY_IDS = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => `titr-whole-${y}-cargo`);

describe("capacityAt() on the real data", () => {
  const pkg = realData();
  it("takes the latest actual statement by the date", () => {
    // TITR actual cargo capacity rows: 2022-11 6.0 Mt, 2023-05 5.8 Mt, 2023-11 6.0 (Karabayev's 'from 6'), 2024-01 6.0,
    // 2024-02 6.0, 2024-12 6.0, 2025-05 6.0. By 2023-12-31 the latest statement is 2023-11 (6.0 Mt), after 2023-05.
    const end2023 = capacityAt(pkg.capacities, { asset: "titr", metric: "cargo_capacity", date: "2023-12-31" })!;
    expect(end2023).toMatchObject({
      value: 6000000,
      rowId: "titr-capacity-2023-11-cargo",
      asOf: "2023-11",
      uncertain: false,
    });
    expect(end2023.sources).toEqual(rowById(pkg.capacities, "titr-capacity-2023-11-cargo").sources);
    // mid-2023, before the November statement: the 2023-05 row (5.8 Mt) still decides
    expect(capacityAt(pkg.capacities, { asset: "titr", metric: "cargo_capacity", date: "2023-08-31" })).toMatchObject({
      value: 5800000,
      rowId: "titr-capacity-2023-cargo",
      asOf: "2023-05",
    });
    const end2024 = capacityAt(pkg.capacities, { asset: "titr", metric: "cargo_capacity", date: "2024" })!; // "2024" = 2024-12-31
    expect(end2024).toMatchObject({ value: 6000000, rowId: "titr-capacity-2024-cargo", uncertain: false });
  });
  it("flags a query inside the month of a month-dated statement as uncertain", () => {
    expect(capacityAt(pkg.capacities, { asset: "titr", metric: "cargo_capacity", date: "2024-12-15" })?.uncertain).toBe(
      true,
    );
  });
  it("follows the BTK upgrade from 1 Mt to 5 Mt", () => {
    // actual: 2023-09 1 Mt (before the upgrade), 2024-05-20 5 Mt (upgraded line in operation)
    expect(
      capacityAt(pkg.capacities, { asset: "btk_railway", metric: "cargo_capacity", date: "2024-05-19" })?.value,
    ).toBe(1000000);
    expect(
      capacityAt(pkg.capacities, { asset: "btk_railway", metric: "cargo_capacity", date: "2024-05-20" })?.value,
    ).toBe(5000000);
  });
  it("has no answer before any actual statement (edge: a date before the data)", () => {
    expect(
      capacityAt(pkg.capacities, { asset: "btk_railway", metric: "cargo_capacity", date: "2020" }),
    ).toBeUndefined();
  });
  it("reports conflicting statements of the same date", () => {
    // design rows of July 2017: 6.5 Mt (initial stage) and 17 Mt (peak); ids sort "…-initial" before "…-peak"
    const c = capacityAt(pkg.capacities, {
      asset: "btk_railway",
      metric: "cargo_capacity",
      date: "2017-08",
      statuses: ["design"],
    })!;
    expect(c.rowId).toBe("btk-capacity-design-initial");
    expect(c.conflicting).toEqual(["btk-capacity-design-peak"]);
  });
});

describe("utilisation and headroom", () => {
  it("utilisation() and headroom() by hand", () => {
    expect(utilisation(4484000, 6000000)).toBeCloseTo(74.7333, 3); // 4.484 / 6
    expect(utilisation(3400000, 6000000, 9)).toBeCloseTo(75.5556, 3); // 3.4 × 12 / 9 = 4.5333; / 6
    expect(utilisation(1, 0)).toBeUndefined(); // zero capacity
    expect(headroom(4484000, 6000000)).toEqual({ absolute: 1516000, percent: expect.closeTo(25.2667, 3) });
    expect(headroom(7, 6)?.absolute).toBe(-1); // over capacity
    expect(headroom(1, 0)).toBeUndefined();
  });

  it("utilisationTable() of the TITR ministry series, by hand", () => {
    const pkg = realData();
    const s = corridorSeries(pkg.corridorFlows, {
      route: "titr",
      scope: "whole_route",
      metric: "cargo",
      ids: MINISTRY_IDS,
    });
    const rows = utilisationTable(s, pkg.capacities, { asset: "titr", metric: "cargo_capacity" });
    // 2019–2021: no capacity stated yet → null. 2022: 1,485,000 / 6,000,000 (2022-11) = 24.75 %;
    // 2023: 2,764,000 / 6,000,000 (2023-11, the latest actual statement of 2023) = 46.0667 %;
    // 2024: 4,484,000 / 6,000,000 (2024-12) = 74.7333 %;
    // 2025: 4,119,000 / 6,000,000 (2025-05) = 68.65 %
    expect(rows.map((r) => r.utilisation)).toEqual([
      null,
      null,
      null,
      24.75,
      expect.closeTo(46.0667, 3),
      expect.closeTo(74.7333, 3),
      expect.closeTo(68.65, 3),
    ]);
    expect(rows[5]!.headroom).toBe(1516000);
    expect(rows[5]!.capacity?.rowId).toBe("titr-capacity-2024-cargo");
    expect(rows[5]!.sources).toEqual([
      ...new Set([...s.points[5]!.sources, ...rowById(pkg.capacities, "titr-capacity-2024-cargo").sources]),
    ]);
    expect(utilisationSeries(s, pkg.capacities, { asset: "titr", metric: "cargo_capacity" }).unit).toBe("percent");
  });

  it("Baku port 2024 against its 15 Mt capacity, by hand", () => {
    const pkg = realData();
    const s = corridorSeries(pkg.corridorFlows, {
      route: "baku_port",
      scope: "port_of_baku",
      metric: "cargo",
      ids: ["bakuport-2024-cargo"],
    });
    // 7,600,000 / 15,000,000 = 50.6667 %
    expect(
      utilisationTable(s, pkg.capacities, { asset: "baku_port", metric: "cargo_capacity" })[0]!.utilisation,
    ).toBeCloseTo(50.6667, 3);
  });

  it("leaves part-year points null unless asked to annualise", () => {
    const caps: CapacityRow[] = [
      {
        id: "c",
        asset: "titr",
        metric: "cargo_capacity",
        value: 6000000,
        unit: "t_per_year",
        as_of: "2024-01",
        status: "actual",
        target_year: undefined,
        sources: [sourceId("s")],
        note: undefined,
      },
    ];
    const s = seriesOf({ "2024-01..2024-09": 3400000 }, { metric: "cargo", unit: "t" });
    expect(utilisationTable(s, caps, { asset: "titr", metric: "cargo_capacity" })[0]!.utilisation).toBeNull();
    const a = utilisationTable(s, caps, { asset: "titr", metric: "cargo_capacity", annualise: true })[0]!;
    expect(a.utilisation).toBeCloseTo(75.5556, 3);
    expect(a.annualised).toBe(true);
    expect(() =>
      utilisationTable(seriesOf({ "2024": 5 }, { metric: "containers", unit: "TEU" }), caps, {
        asset: "titr",
        metric: "cargo_capacity",
      }),
    ).toThrow(RangeError);
    expect(
      utilisationTable(seriesOf({}, { metric: "cargo", unit: "t" }), caps, { asset: "titr", metric: "cargo_capacity" }),
    ).toEqual([]);
  });
});

describe("capacityCrossingYear()", () => {
  it("finds the central crossing of an exact line", () => {
    // y = 2x: 10 is reached at x = 5; a perfect fit has a zero-width interval, so all three agree
    expect(
      capacityCrossingYear(
        linearTrend([
          [0, 0],
          [1, 2],
          [2, 4],
        ])!,
        10,
        { from: 3 },
      ),
    ).toMatchObject({ central: 5, earliest: 5, latest: 5 });
  });
  it("TITR 2022–2024 linear trend against 10 Mt a year, by hand", () => {
    const pkg = realData();
    const s = corridorSeries(pkg.corridorFlows, {
      route: "titr",
      scope: "whole_route",
      metric: "cargo",
      ids: MINISTRY_IDS.slice(3, 6),
    });
    const fit = seriesTrend(s, "linear")!.value;
    // central: 2,911,000 + 1,499,500 (x − 2023) ≥ 10,000,000 → x ≥ 2027.73 → 2028
    // upper 95 % bound in 2025 = 5,910,000 + 4,176,553 = 10,086,553 ≥ 10 Mt → earliest 2025
    // lower bound: slope 1,499,500 − 12.7062 × 180,037.5 / √2 < 0, so it never reaches 10 Mt → latest undefined
    const c = capacityCrossingYear(fit, 10_000_000);
    expect(c).toMatchObject({ central: 2028, earliest: 2025, latest: undefined, from: 2025, to: 2055 });
    // with the sourced trend and a sourced capacity (the 2027 target of 10 Mt), the result carries both
    const target = {
      value: 10_000_000,
      sources: rowById(pkg.capacities, "titr-capacity-2027-target").sources.map(sourceId),
    };
    const sourced = capacityCrossingYear(seriesTrend(s, "linear")!, target);
    expect(sourced.central).toBe(2028);
    expect(sourced.sources).toEqual([...new Set([...seriesTrend(s, "linear")!.sources, ...target.sources])]);
  });
  it("returns undefined when the projection never reaches capacity within the horizon", () => {
    const c = capacityCrossingYear(
      linearTrend([
        [0, 5],
        [1, 4],
        [2, 3],
      ])!,
      10,
      { from: 3, to: 20 },
    );
    expect(c.central).toBeUndefined();
  });
});
