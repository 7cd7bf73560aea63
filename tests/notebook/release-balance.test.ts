/**
 * The balance index before and after a data change (lib/notebook/comparisons `balanceSinceRelease`), the stored
 * releases it reads (lib/data/releases) and the coverage sentence of a focal state (lib/notebook/coverage). Expected
 * values worked out by hand from the small fixtures (arithmetic in the comments) and from rows of data/.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Iso3 } from "../../lib/core/types";
import {
  DataError,
  dataPackage,
  defaultDataDir,
  formatIssue,
  loadRelease,
  previousRelease,
  releaseNames,
} from "../../lib/data";
import type { MembershipRow, OrganizationRow, StateRow } from "../../lib/data/resources";
import {
  balanceSinceLastRelease,
  balanceSinceRelease,
  releaseBalanceParagraph,
  releaseBalanceTable,
} from "../../lib/notebook/comparisons";
import { LOW_COVERAGE, membershipCoverageSentence } from "../../lib/notebook/coverage";

const iso = (s: string) => s as Iso3;
const org = (id: string, sphere: string) =>
  ({ id, name: id, founded: "1990", kind: "political", sphere, sources: [] }) as unknown as OrganizationRow;
const organizations = [
  org("OTS", "turkic"),
  org("CICA", "asian_dialogue"),
  org("NAM", "non_aligned"),
  org("TITR", "transport"),
];
const member = (state: string, o: string, status = "member"): MembershipRow =>
  ({
    state,
    org: o,
    status,
    since: "2000",
    since_bound: "exact",
    until: undefined,
    sources: [`${o.toLowerCase()}-src`],
  }) as unknown as MembershipRow;
const states = ["AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO", "ARM", "TUR", "RUS", "IRN", "CHN", "PRK"].map(
  (iso3) =>
    ({
      iso3,
      name: iso3 === "AZE" ? "Azerbaijan" : iso3,
      region: "Other",
      caspian_littoral: false,
    }) as unknown as StateRow,
);
const ln = Math.log;
/** Normalised entropy of weights over k spheres (the balance index by hand). */
const entropyIndex = (w: readonly number[], k: number) => {
  const t = w.reduce((a, b) => a + b, 0);
  return -w.filter((x) => x > 0).reduce((a, x) => a + (x / t) * ln(x / t), 0) / ln(k);
};

describe("balanceSinceRelease()", () => {
  // release: AZE in OTS and CICA; now: AZE adds NAM (member), KAZ adds NAM (observer, 0.25) to its OTS membership;
  // GEO had only a TITR row (not weighted) and gains nothing.
  const release = {
    name: "2026-12-02",
    memberships: [member("AZE", "OTS"), member("AZE", "CICA"), member("KAZ", "OTS")],
    organizations,
  };
  const now = {
    states,
    organizations,
    memberships: [...release.memberships, member("AZE", "NAM"), member("KAZ", "NAM", "observer")],
  };
  const r = balanceSinceRelease(now, release, iso("AZE"), "2026-03-10");

  it("recomputes both sides: AZE 2 spheres → 3 over k = 8; KAZ 1 → 2; states without a weighted tie stay undefined", () => {
    const aze = r.rows.find((x) => x.state === "AZE")!;
    // before: weights 1, 1 over 8 spheres: ln 2 / ln 8 = 1/3; after: 1, 1, 1: ln 3 / ln 8 = 0.528
    expect(aze.before).toBe(Math.round((1000 * ln(2)) / ln(8)) / 1000);
    expect(aze.after).toBe(Math.round(1000 * entropyIndex([1, 1, 1], 8)) / 1000);
    expect(aze.change).toBe(Math.round(1000 * (aze.after! - aze.before!)) / 1000);
    expect(aze.added).toEqual(["NAM"]);
    const kaz = r.rows.find((x) => x.state === "KAZ")!;
    // before: one sphere: H = 0, index 0; after: 1 and 0.25: shares 0.8, 0.2
    expect(kaz.before).toBe(0);
    expect(kaz.after).toBe(Math.round(1000 * entropyIndex([1, 0.25], 8)) / 1000);
    const geo = r.rows.find((x) => x.state === "GEO")!;
    expect([geo.before, geo.after, geo.change, geo.added]).toEqual([undefined, undefined, undefined, []]);
  });
  it("the focal state first, then the rest of the twelve panel states", () => {
    expect(r.rows.map((x) => x.state)).toEqual([
      "AZE",
      "KAZ",
      "KGZ",
      "TJK",
      "TKM",
      "UZB",
      "GEO",
      "ARM",
      "TUR",
      "RUS",
      "IRN",
      "CHN",
    ]);
    expect(balanceSinceRelease(now, release, iso("PRK"), "2026-03-10").rows[0]!.state).toBe("PRK");
    expect(
      balanceSinceRelease(now, release, iso("TKM"), "2026-03-10")
        .rows.map((x) => x.state)
        .slice(0, 3),
    ).toEqual(["TKM", "AZE", "KAZ"]);
  });
  it("says who moved, largest first, and who kept their index; the table has one row per state", () => {
    const text = releaseBalanceParagraph(r).source;
    expect(text).toMatch(
      /^Against the release of 2 December 2026, the index on 10 March 2026 moved for two states of twelve: KAZ \+0\.241 \(0 → 0\.241; now counts NAM\); Azerbaijan \+0\.195 \(0\.333 → 0\.528; now counts NAM\)\./,
    );
    // the ten other states hold no weighted tie in the fixture: named as such, never "kept their index"
    expect(text).toContain(
      "KGZ, TJK, TKM, UZB, GEO, ARM, TUR, RUS, IRN and CHN have no weighted tie with either, so no index to compare.",
    );
    expect(text).not.toContain("kept");
    const prk = releaseBalanceParagraph(balanceSinceRelease(now, release, iso("PRK"), "2026-03-10")).source;
    expect(prk).toContain("PRK, KGZ, TJK,");
    expect(releaseBalanceTable(r).rows).toHaveLength(12);
    expect(releaseBalanceTable(r).rows[0]).toMatchObject({
      state: "Azerbaijan",
      before: 0.333,
      after: 0.528,
      added: "NAM",
      removed: "",
    });
  });
  it("says plainly when nothing moved, and when no release is stored", () => {
    const same = balanceSinceRelease({ ...now, memberships: release.memberships }, release, iso("AZE"), "2026-03-10");
    expect(releaseBalanceParagraph(same).source).toContain("no state's balance index differs");
    const none = balanceSinceRelease(now, undefined, iso("AZE"), "2026-03-10");
    expect(none.rows).toEqual([]);
    expect(releaseBalanceParagraph(none).source).toContain("holds no stored release");
  });
  it("a tie that begins after the as-of date changes nothing on that date", () => {
    const later = { ...member("TKM", "NAM"), since: "2030" } as MembershipRow;
    const r2 = balanceSinceRelease(
      { ...now, memberships: [...release.memberships, later] },
      release,
      iso("AZE"),
      "2026-03-10",
    );
    expect(r2.rows.find((x) => x.state === "TKM")!.added).toEqual([]);
  });
});

describe("the checkout's stored release", () => {
  const pkg = dataPackage();
  it("is listed, validated, and gives the twelve's index before and after (Russia: NAM and OSCE now counted)", () => {
    expect(releaseNames(defaultDataDir())).toContain("2026-12-02");
    expect(previousRelease(defaultDataDir())?.name).toBe("2026-12-02");
    const r = balanceSinceLastRelease(pkg, iso("AZE"), "2026-03-10");
    expect(r.rows).toHaveLength(12);
    const rus = r.rows.find((x) => x.state === "RUS")!;
    expect(rus.added).toEqual(["NAM", "OSCE"]);
    expect(rus.change).toBeGreaterThan(0);
    // Azerbaijan's own ties did not change: its index is the same on both sides
    expect(r.rows[0]!.change).toBe(0);
    // AZE, KGZ, GEO and ARM gained no counted tie (KGZ's and GEO's NAM cells are declared gaps, not statuses)
    expect(r.rows.filter((x) => x.change === 0).map((x) => x.state)).toEqual(["AZE", "KGZ", "GEO", "ARM"]);
    expect(releaseBalanceParagraph(r).source).toContain("The other four states kept their index.");
  });
  it("a damaged release fails with its file, line and field; a folder without releases has none", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-rel-"));
    cpSync(defaultDataDir(), dir, { recursive: true });
    writeFileSync(
      join(dir, "releases", "2026-12-02", "memberships.csv"),
      "state,org,status,since,since_bound,until,sources,note\nAZE,SCO,grand_member,2015-07-10,exact,,x,\n",
    );
    try {
      loadRelease(dir, "2026-12-02");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).issues.map(formatIssue)[0]).toMatch(
        /^data\/releases\/2026-12-02\/memberships\.csv:2: field "status" value "grand_member": expected one of/,
      );
    }
    const empty = mkdtempSync(join(tmpdir(), "caspian-rel-"));
    expect(releaseNames(empty)).toEqual([]);
    expect(previousRelease(empty)).toBeUndefined();
  });
});

describe("membershipCoverageSentence()", () => {
  const pkg = dataPackage();
  it("a panel state: every cell explicit, with its counts", () => {
    expect(membershipCoverageSentence(pkg, "AZE").source).toMatch(
      /^All 16 cells of Azerbaijan's row in the membership matrix are explicit \(\d+ with a status row/,
    );
  });
  it("a state nobody researched: low coverage, its unresearched organisations named", () => {
    const text = membershipCoverageSentence(pkg, "PRK").source;
    expect(text).toMatch(/^\*\*Low coverage\.\*\* None of Democratic People's Republic of Korea's 16 cells/);
    expect(text).toContain('every blank cell means unknown, not "not a member"');
    const mng = membershipCoverageSentence(pkg, "MNG").source;
    expect(mng).toMatch(/^\*\*Low coverage\.\*\* Only 2 of Mongolia's 16 cells .* \(13 %: 2 with a status row/);
    expect(mng).toContain('so a blank there means unknown, not "not a member"');
  });
  it("above the threshold: not called low, but the unresearched cells are still named", () => {
    // 4 organisations, 3 explicit (75 % = LOW_COVERAGE): not low
    const small = {
      states,
      organizations,
      memberships: [member("GEO", "OTS")],
      membershipCoverage: [
        { state: "GEO", org: "CICA", kind: "absent", as_of: "2022", sources: ["x"], searched: "", note: "" },
        { state: "GEO", org: "NAM", kind: "gap", as_of: "", sources: [], searched: "pages", note: "" },
      ] as never[],
    };
    expect(LOW_COVERAGE).toBe(0.75);
    const text = membershipCoverageSentence(small, "GEO").source;
    expect(text).toMatch(
      /^Only 3 of GEO's 4 cells in the membership matrix are explicit \(75 %: 1 with a status row, one sourced absence, one declared gap\); nobody has yet researched TITR/,
    );
  });
});
