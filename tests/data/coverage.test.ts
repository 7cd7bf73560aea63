/**
 * Coverage of the membership matrix (lib/data/coverage, data/membership_coverage.csv): every cell of the twelve panel
 * states is a status, a sourced absence or a declared gap; rows that contradict memberships.csv, absences without a
 * dated list and gaps without a search fail with file, line and field; `npm run data:check` prints the counts and
 * fails on an uncovered cell. Expected counts worked out by hand from the rows.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPackage,
  coverageCells,
  coverageCount,
  coverageReport,
  dataPackage,
  defaultDataDir,
  formatIssue,
  stateCoverage,
  type MembershipCoverageRow,
} from "../../lib/data";
import { runDataCheck } from "../../lib/data/check-cli";
import { PANEL_STATES } from "../../lib/data/vocabulary";

const row = (over: Partial<MembershipCoverageRow>): MembershipCoverageRow =>
  ({
    state: "GEO",
    org: "SCO",
    kind: "absent",
    as_of: "2024-10",
    sources: ["s"],
    searched: "",
    note: "",
    ...over,
  }) as unknown as MembershipCoverageRow;

describe("coverageCells() and coverageCount(), by hand", () => {
  const input = {
    memberships: [
      { state: "AZE", org: "SCO" },
      { state: "AZE", org: "OTS" },
    ] as never[],
    membershipCoverage: [
      row({ state: "GEO" as never, org: "SCO" as never }),
      row({ state: "GEO" as never, org: "OTS" as never, kind: "gap", sources: [] }),
    ],
  };
  it("status wins, then the coverage row, else none; row-major", () => {
    const cells = coverageCells(input, ["AZE", "GEO", "ARM"], ["SCO", "OTS"]);
    expect(cells.map((c) => `${c.state}/${c.org}:${c.kind}`)).toEqual([
      "AZE/SCO:status",
      "AZE/OTS:status",
      "GEO/SCO:absent",
      "GEO/OTS:gap",
      "ARM/SCO:none",
      "ARM/OTS:none",
    ]);
    // 2 status + 1 absent + 1 gap of 6 cells: 4 / 6 explicit
    expect(coverageCount(cells)).toEqual({ status: 2, absent: 1, gap: 1, none: 2, total: 6, explicitShare: 4 / 6 });
    expect(coverageCount([]).explicitShare).toBe(1);
  });
  it("counts add up and the share is in [0, 1] (property)", () => {
    const kind = fc.constantFrom("status", "absent", "gap", "none" as const);
    fc.assert(
      fc.property(fc.array(fc.record({ kind })), (cells) => {
        const c = coverageCount(cells);
        return (
          c.status + c.absent + c.gap + c.none === c.total &&
          c.total === cells.length &&
          c.explicitShare >= 0 &&
          c.explicitShare <= 1 &&
          (c.none === 0) === (c.explicitShare === 1)
        );
      }),
    );
  });
});

describe("the checkout's matrix", () => {
  const pkg = dataPackage();
  const report = coverageReport(pkg);
  it("the twelve × every organisation: 100 % explicit", () => {
    expect(report.panel.total).toBe(12 * pkg.organizations.length);
    expect(report.panelMissing).toEqual([]);
    expect(report.panel.explicitShare).toBe(1);
    expect(report.panel.status + report.panel.absent + report.panel.gap).toBe(report.panel.total);
  });
  it("the cells the issue named: TUR in the WTO, RUS in the OSCE, the NAM column", () => {
    const tur = pkg.memberships.find((m) => m.state === "TUR" && m.org === "WTO");
    expect([tur?.status, tur?.since, tur?.since_bound]).toEqual(["founding_member", "1995-03-26", "exact"]);
    const rus = pkg.memberships.find((m) => m.state === "RUS" && m.org === "OSCE");
    expect([rus?.status, rus?.since]).toEqual(["founding_member", "1975-08-01"]);
    const nam = coverageCells(pkg, PANEL_STATES, ["NAM"]);
    expect(nam.every((c) => c.kind !== "none")).toBe(true);
    expect(nam.find((c) => c.state === "TUR")?.kind).toBe("absent");
    expect(nam.find((c) => c.state === "TKM")?.kind).toBe("status");
  });
  it("every state of states.csv gets a row; the panel's are complete, a state with no row at all is 0 %", () => {
    expect(report.states.map((s) => s.state)).toEqual(pkg.states.map((s) => s.iso3));
    for (const s of PANEL_STATES) expect(report.states.find((x) => x.state === s)?.explicitShare).toBe(1);
    const prk = stateCoverage(pkg, ["PRK"])[0]!;
    expect([prk.status, prk.none, prk.explicitShare]).toEqual([0, pkg.organizations.length, 0]);
    expect(prk.missing).toEqual(pkg.organizations.map((o) => o.id));
  });
});

describe("bad coverage rows fail with file, line and field", () => {
  function withCoverage(lines: string): string {
    const dir = mkdtempSync(join(tmpdir(), "caspian-cov-"));
    cpSync(defaultDataDir(), dir, { recursive: true });
    const text = readFileSync(join(dir, "membership_coverage.csv"), "utf8");
    writeFileSync(join(dir, "membership_coverage.csv"), text + lines);
    return dir;
  }
  const issues = (dir: string) => checkPackage(dir).issues.map(formatIssue);
  const lineOf = (dir: string) =>
    readFileSync(join(dir, "membership_coverage.csv"), "utf8").trimEnd().split("\n").length;

  it("an absence on a date a status row covers; a gap on a cell with status rows", () => {
    const dir = withCoverage(
      "AZE,SCO,absent,2020-01-01,ady-2019-10-22-titr-legal-entities,,\nAZE,OTS,gap,,,searched somewhere,\n",
    );
    const n = lineOf(dir);
    expect(issues(dir)).toEqual([
      `data/membership_coverage.csv:${n - 1}: field "kind" value "absent": AZE is listed as absent from SCO on 2020-01-01, but memberships.csv gives it the status dialogue_partner from 2015-07-10`,
      `data/membership_coverage.csv:${n}: field "kind" value "gap": AZE has a status row in OTS (memberships.csv): the cell is not a gap (put a missing date in gaps.csv)`,
    ]);
  });
  it("an absence before a status began is fine (a list from before joining)", () => {
    expect(issues(withCoverage("AZE,SCO,absent,2010-01-01,ady-2019-10-22-titr-legal-entities,,\n"))).toEqual([]);
  });
  it("an absence needs a date and sources; a gap needs what was searched; ids must exist", () => {
    const dir = withCoverage("PRK,SCO,absent,,,,\nPRK,OTS,gap,,,,\nPRK,CICA,absent,2020,no-such-source,,\n");
    const n = lineOf(dir);
    expect(issues(dir)).toEqual([
      `data/membership_coverage.csv:${n - 2}: field "as_of": an absence needs the date of its list`,
      `data/membership_coverage.csv:${n - 2}: field "sources": an absence needs the sources of its list`,
      `data/membership_coverage.csv:${n - 1}: field "searched": a gap needs what was searched`,
      `data/membership_coverage.csv:${n}: field "sources" value "no-such-source": unknown source "no-such-source": not a id in data/sources.csv`,
    ]);
  });
  it("data:check prints the coverage and fails on a panel cell that is none of the three", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-cov-"));
    cpSync(defaultDataDir(), dir, { recursive: true });
    const lines = readFileSync(join(dir, "membership_coverage.csv"), "utf8").split("\n");
    const dropped = lines.findIndex((l) => l.startsWith("GEO,SCO,"));
    writeFileSync(join(dir, "membership_coverage.csv"), lines.filter((_, i) => i !== dropped).join("\n"));
    const log: string[] = [];
    const err: string[] = [];
    expect(runDataCheck(dir, { log: (l) => log.push(l), error: (l) => err.push(l) })).toBe(1);
    expect(err).toEqual([
      "data/membership_coverage.csv: GEO × SCO is neither a status (memberships.csv), a sourced absence nor a gap: add one",
    ]);
    expect(log.join("\n")).toMatch(/the twelve panel states × 16 organisations: 192 cells, 99\.5 % explicit/);
    const ok: string[] = [];
    expect(runDataCheck(defaultDataDir(), { log: (l) => ok.push(l), error: () => {} })).toBe(0);
    expect(ok.join("\n")).toMatch(
      /192 cells, 100\.0 % explicit \(\d+ status, \d+ sourced absence, \d+ gap, 0 not researched\)/,
    );
  });
});
