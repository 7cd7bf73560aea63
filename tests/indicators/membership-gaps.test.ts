/**
 * membershipGapCells: the state × organisation cells that data/gaps.csv leaves without data. Expected cells worked
 * out by reading every `memberships` row of gaps.csv by hand.
 */
import { describe, expect, test } from "vitest";
import { iso3, orgId } from "../../lib/core/types";
import { membershipGapCells } from "../../lib/indicators/memberships";
import { membershipHeatmapFigure } from "../../lib/figures";
import { embeddedness, snapshots } from "../../lib/notebook/embeddedness";
import { realData, rowById } from "./real-data";

const pkg = realData();

describe("membershipGapCells() on the real gaps.csv", () => {
  const cells = membershipGapCells(pkg.gaps, pkg.states, pkg.organizations);
  const pairs = cells.map((c) => `${c.state}/${c.org}`);

  test("withheld rows (membership-<state>-<org>-start): Türkiye/WTO, Russia/OSCE, Saudi Arabia/CICA", () => {
    const tur = cells.find((c) => c.state === "TUR" && c.org === "WTO");
    expect(tur?.gap).toBe("membership-tur-wto-start");
    expect(tur?.description).toBe(rowById(pkg.gaps, "membership-tur-wto-start").description);
    expect(cells.find((c) => c.state === "RUS" && c.org === "OSCE")?.gap).toBe("membership-rus-osce-start");
    expect(cells.find((c) => c.state === "SAU" && c.org === "CICA")?.gap).toBe("membership-sau-cica-start");
  });

  test("status gaps: BSEC for Kazakhstan and Iran; NAM for the states its description names", () => {
    expect(pairs.filter((p) => p.endsWith("/BSEC"))).toEqual(["KAZ/BSEC", "IRN/BSEC"]);
    // "… of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan, Iran, China and … Armenia's observer status"
    expect(pairs.filter((p) => p.endsWith("/NAM")).sort()).toEqual(
      ["ARM/NAM", "CHN/NAM", "IRN/NAM", "KAZ/NAM", "KGZ/NAM", "TJK/NAM", "TKM/NAM", "UZB/NAM"].sort(),
    );
  });

  test("gaps about a date only blank no cell (CSTO exit day, GUAM withdrawal day, CICA observer years …)", () => {
    expect(cells).toHaveLength(13);
    for (const id of ["gap-csto-1999-exit-day", "gap-guam-uzbekistan-withdrawal-day", "gap-cica-observer-start-dates"])
      expect(cells.some((c) => c.gap === id)).toBe(false);
  });
});

describe("membershipGapCells() rules", () => {
  const states = [
    { iso3: iso3("TUR"), name: "Türkiye" },
    { iso3: iso3("IRN"), name: "Iran" },
    { iso3: iso3("IRQ"), name: "Iraq" },
  ];
  const orgs = [{ id: orgId("WTO") }, { id: orgId("NAM") }, { id: orgId("ECO") }];

  test("other resources, unknown ids and date-only gaps are ignored", () => {
    expect(
      membershipGapCells(
        [
          { id: "membership-tur-wto-start", resource: "funds", description: "x" },
          { id: "membership-geo-wto-start", resource: "memberships", description: "date of GEO in WTO" },
          { id: "gap-x", resource: "memberships", description: "Exact day Iran joined NAM" },
        ],
        states,
        orgs,
      ),
    ).toEqual([]);
  });

  test("names are whole words (Iran is not in 'Iranian' and not in Iraq); the first gap of a cell wins", () => {
    const out = membershipGapCells(
      [
        { id: "gap-a", resource: "memberships", description: "NAM status of Iran; Iranian press silent on ECOWAS" },
        { id: "membership-irn-nam-start", resource: "memberships", description: "later" },
      ],
      states,
      orgs,
    );
    expect(out).toEqual([{ state: "IRN", org: "NAM", gap: "gap-a", description: out[0]!.description }]);
  });
});

describe("notebook 03's maps carry the gaps", () => {
  test("the as-of map of Azerbaijan's panel marks Türkiye × WTO as 'no data', not 'no status'", () => {
    const snap = snapshots(embeddedness(pkg, iso3("AZE"), "2026-03-10")).at(-1)!;
    expect(snap.input.cols.map((c) => (typeof c === "string" ? c : c.id))).toContain("WTO");
    expect(snap.input.cells.find((c) => c.row === "TUR" && c.col === "WTO")?.status).toBeNull();
    expect(snap.input.gaps).toContainEqual(
      expect.objectContaining({ row: "TUR", col: "WTO", gap: "membership-tur-wto-start" }),
    );
    const fig = membershipHeatmapFigure(snap.input, { title: snap.title });
    const hover = fig.data[0]!.customdata as string[];
    expect(hover.find((h) => h.startsWith("Türkiye in WTO"))).toBe(
      "Türkiye in WTO: no data (a known gap, membership-tur-wto-start)<br>" +
        "TUR is member of WTO (source: kiwix-turkey-wto-member) but no start date, and no dated page showing the " +
        "status, was confirmed; the row is withheld because ever…", // the description, cut to 160 characters
    );
    expect(fig.data.map((t) => t.name)).toContain("n/d No data");
  });
});
