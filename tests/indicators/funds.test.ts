import { describe, expect, it } from "vitest";
import { fundsByPartner, fundsByYear, latestFundRows, pledgedVsPaid } from "../../lib/indicators";
import { realData } from "./real-data";

// funds.csv checked by hand (latest rows per fund):
// aze-kgz-development-fund  AZE;KGZ  agreed 2022-10-11; rows 2022-10-11 ($25m), 2024-02-12 ($25m, $25m paid), 2024-04-24 ($100m), 2025-10-24 ($100m, $25m paid)
// aze-uzb-investment-fund   AZE;UZB  agreed 2023-02-24; rows 2023-02-24 ($500m), 2025-07-02 ($500m)
// kaz-aze-investment-fund   AZE;KAZ  not dated; rows 2024-03-11 ($300m, proposed), 2024-08-08 (no capital, established)
// turkic-investment-fund    AZE;KAZ;KGZ;TUR;UZB agreed 2022-11-11; rows 2023-03-16 ($500m), 2024-05-18 ($500m)
// green-corridor-union      AZE;KAZ;UZB agreed 2024-12-27; rows 2024-12-27, 2025-07-01 (no capital)

describe("latestFundRows()", () => {
  const pkg = realData();
  it("takes the latest row of each fund by the date", () => {
    const rows = latestFundRows(pkg.funds, "2024-11-30");
    expect(rows.map((f) => [f.id, f.as_of])).toEqual([
      ["aze-kgz-development-fund", "2024-04-24"],
      ["aze-uzb-investment-fund", "2023-02-24"],
      ["kaz-aze-investment-fund", "2024-08-08"],
      ["turkic-investment-fund", "2024-05-18"],
    ]);
  });
  it("is empty before the first fund and takes the latest rows without a date", () => {
    expect(latestFundRows(pkg.funds, "2022-01-01")).toEqual([]);
    expect(latestFundRows(pkg.funds).find((f) => f.id === "aze-kgz-development-fund")?.as_of).toBe("2025-10-24");
  });
  it("reads a partial query date as its last day", () => {
    // "2024-02" = 2024-02-29: the row of 2024-02-12 counts
    expect(latestFundRows(pkg.funds, "2024-02").find((f) => f.id === "aze-kgz-development-fund")?.paid_in_usd).toBe(
      25000000,
    );
  });
});

describe("fundsByPartner()", () => {
  it("counts funds and sums known capital by partner as of 2024-11-30, by hand", () => {
    const pkg = realData();
    const t = fundsByPartner(pkg.funds, { asOf: "2024-11-30", exclude: ["AZE"] });
    // KAZ: kaz-aze (capital not given in its latest row) + Turkic fund $500m → 2 funds, $500m known, 1 missing
    // KGZ: AKDF $100m + Turkic $500m → $600m; TUR: Turkic $500m; UZB: $500m + $500m → $1,000m
    // paid-in: only AKDF's 2024-02 row had it, and its latest row by then (2024-04-24) does not → all missing
    expect(t.map((x) => [x.key, x.count, x.pledgedUsd, x.pledgedMissing, x.paidInUsd, x.paidInMissing])).toEqual([
      ["KAZ", 2, 500000000, 1, 0, 2],
      ["KGZ", 2, 600000000, 0, 0, 2],
      ["TUR", 1, 500000000, 0, 0, 1],
      ["UZB", 2, 1000000000, 0, 0, 2],
    ]);
    expect(t[0]!.fundIds).toEqual(["kaz-aze-investment-fund", "turkic-investment-fund"]);
    expect(t[0]!.sources.length).toBeGreaterThan(0);
  });
  it("gives nothing for an empty table", () => {
    expect(fundsByPartner([])).toEqual([]);
  });
});

describe("fundsByYear()", () => {
  it("counts each fund once by the year it was agreed; undated funds are listed apart", () => {
    const pkg = realData();
    // 2022: AKDF, Turkic fund; 2023: AZE–UZB; 2024: Green Corridor; undated: KAZ–AZE
    expect(fundsByYear(pkg.funds).map((t) => [t.key, t.count])).toEqual([
      ["2022", 2],
      ["2023", 1],
      ["2024", 1],
      ["undated", 1],
    ]);
    // latest rows: AKDF $100m + Turkic $500m = $600m agreed in 2022
    expect(fundsByYear(pkg.funds)[0]!.pledgedUsd).toBe(600000000);
    // by establishment date: AZE–UZB 2023-07-18, Turkic 2024-05-18, Green Corridor 2025-07-01; others undated
    expect(fundsByYear(pkg.funds, { by: "established" }).map((t) => [t.key, t.count])).toEqual([
      ["2023", 1],
      ["2024", 1],
      ["2025", 1],
      ["undated", 2],
    ]);
  });
});

describe("pledgedVsPaid()", () => {
  it("paid-in against pledged, and no share when either is missing", () => {
    const pkg = realData();
    const rows = pledgedVsPaid(pkg.funds);
    // AKDF latest (2025-10-24): $25m of $100m = 25 %
    expect(rows.find((f) => f.id === "aze-kgz-development-fund")).toMatchObject({
      pledgedUsd: 100000000,
      paidInUsd: 25000000,
      paidInShare: 25,
    });
    expect(rows.find((f) => f.id === "aze-uzb-investment-fund")?.paidInShare).toBeUndefined(); // paid-in not given
    expect(rows.find((f) => f.id === "green-corridor-union")?.pledgedUsd).toBeUndefined(); // capital not given: missing, not 0
    // as of 2024-02-29: AKDF $25m of $25m = 100 %
    expect(pledgedVsPaid(pkg.funds, "2024-02").find((f) => f.id === "aze-kgz-development-fund")?.paidInShare).toBe(100);
  });
});
