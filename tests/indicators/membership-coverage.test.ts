/**
 * cellOn(): what one state × organisation cell says on a date, with the coverage rows. Cases worked out by hand from
 * small fixtures, then on the checkout's data.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dataPackage, type MembershipCoverageRow } from "../../lib/data";
import { PANEL_STATES } from "../../lib/data/vocabulary";
import { cellOn, coverageLookup, membershipIndex, statusAt } from "../../lib/indicators/memberships";

const S = (id: string) => [id] as never;
const index = membershipIndex(
  [
    { state: "AZE", org: "SCO", status: "dialogue_partner", since: "2015-07-10", until: undefined, sources: S("dp") },
    {
      state: "KAZ",
      org: "NAM",
      status: "observer",
      since: "2024-01",
      since_bound: "by",
      until: undefined,
      sources: S("obs"),
    },
    { state: "GEO", org: "CIS", status: "member", since: "1993-12", until: "2009-08-18", sources: S("cis") },
  ],
  [
    { id: "SCO", founded: "2001-06-15" },
    { id: "NAM", founded: "1961-09-01" },
    { id: "CIS", founded: "1991-12-08" },
  ] as never,
);
const cov = (rows: Partial<MembershipCoverageRow>[]) =>
  coverageLookup(
    rows.map(
      (r) => ({ kind: "absent", as_of: "", sources: [], searched: "", note: "", ...r }) as MembershipCoverageRow,
    ),
  );
const lookup = cov([
  { state: "GEO" as never, org: "SCO" as never, kind: "absent", as_of: "2024-10", sources: S("list") },
  {
    state: "GEO" as never,
    org: "NAM" as never,
    kind: "gap",
    searched: "pages: NAM observers",
    note: "no complete list",
  },
]);
const read = (s: string, o: string, d: string) => {
  const c = cellOn(index, lookup, s, o, d);
  return [c.kind, c.why, c.sources];
};

describe("cellOn()", () => {
  it("a status in force", () => {
    const c = cellOn(index, lookup, "AZE", "SCO", "2020");
    expect([c.kind, c.status, c.since, c.sources]).toEqual(["status", "dialogue_partner", "2015-07-10", ["dp"]]);
  });
  it("absent: a dated list, a status beginning later on a known day, a status that ended, an organisation not founded", () => {
    expect(read("GEO", "SCO", "2020")).toEqual([
      "absent",
      "not among the members, observers or partners listed on 2024-10",
      ["list"],
    ]);
    expect(read("AZE", "SCO", "2014")).toEqual(["absent", "its status began on 2015-07-10", ["dp"]]);
    expect(read("GEO", "CIS", "2012")).toEqual(["absent", "its status ended on 2009-08-18", ["cis"]]);
    expect(read("AZE", "SCO", "1999")).toEqual(["absent", "SCO was founded on 2001-06-15", []]);
  });
  it("unknown: before a status documented only 'by' a date; a declared gap; a cell nobody researched", () => {
    expect(read("KAZ", "NAM", "2020")).toEqual([
      "unknown",
      "its status is documented only from 2024-01; before that the data cannot say",
      ["obs"],
    ]);
    expect(read("KAZ", "NAM", "2024-06")[0]).toBe("status");
    const gap = cellOn(index, lookup, "GEO", "NAM", "2020");
    expect([gap.kind, gap.gap, gap.why]).toEqual(["unknown", "GEO-NAM", "a known gap: no complete list"]);
    expect(read("ARM", "SCO", "2020")).toEqual([
      "unknown",
      "not researched: no status, sourced absence or gap is recorded",
      [],
    ]);
  });
  it("on the checkout's data: every panel cell on every year end is a status exactly when statusAt says so, and never unresearched (property)", () => {
    const pkg = dataPackage();
    const ix = membershipIndex(
      pkg.memberships,
      pkg.organizations,
      pkg.states.map((s) => s.iso3),
    );
    const lk = coverageLookup(pkg.membershipCoverage);
    fc.assert(
      fc.property(
        fc.constantFrom(...PANEL_STATES),
        fc.constantFrom(...pkg.organizations.map((o) => o.id)),
        fc.integer({ min: 1990, max: 2026 }),
        (s, o, y) => {
          const c = cellOn(ix, lk, s, o, String(y));
          const at = statusAt(ix, s, o, String(y));
          return (c.kind === "status") === (at.status !== "none") && !c.why.startsWith("not researched");
        },
      ),
      { numRuns: 400 },
    );
    expect(cellOn(ix, lk, "TUR", "NAM", "2026-03-10").kind).toBe("absent");
    expect(cellOn(ix, lk, "GEO", "NAM", "2026-03-10").kind).toBe("unknown");
  });
});
