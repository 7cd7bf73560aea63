/**
 * Issue 10, item 8 (second sentence): a claim whose data cannot be loaded fails loudly instead of silently becoming
 * "not checkable"; a claim the data genuinely do not cover stays "not checkable".
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError, dataPackage, defaultDataDir } from "../../lib/data";
import { checkClaim, checkClaims, ClaimCheckError, type ClaimInput } from "../../lib/indicators";
import { realData } from "./real-data";

const claim = (test: ClaimInput["test"], args: object, article_value?: string): ClaimInput => ({
  id: "t",
  section: "s",
  claim: "c",
  indicator: "i",
  test,
  args: JSON.stringify(args),
  article_value,
  tolerance: undefined,
});

const AZE_SCO = claim("status_at", { state: "AZE", org: "SCO", status: "dialogue_partner", date: "2015-07-10" });

describe("a claim whose data cannot be loaded", () => {
  it("throws, naming the claim and the loader's file and line, with the DataError as the cause", () => {
    const pkg = realData();
    const dataError = new DataError([
      { file: "data/memberships.csv", line: 2, field: "since", value: "2015-13", message: "month 13 does not exist" },
    ]);
    const broken = new Proxy(pkg, {
      get(target, key) {
        if (key === "memberships") throw dataError;
        return Reflect.get(target, key);
      },
    });
    let thrown: unknown;
    try {
      checkClaim({ ...AZE_SCO, id: "sco-dialogue-partner-2015-07-10" }, broken);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ClaimCheckError);
    const err = thrown as ClaimCheckError;
    expect(err.claimId).toBe("sco-dialogue-partner-2015-07-10");
    expect(err.cause).toBe(dataError);
    expect(err.message).toBe(
      'claim "sco-dialogue-partner-2015-07-10" (status_at) cannot be checked: 1 problem(s) in the data:\n' +
        '  data/memberships.csv:2: field "since" value "2015-13": month 13 does not exist',
    );
  });

  it("checkClaims() on a package with a broken events.csv fails instead of returning not_checkable verdicts", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-claims-"));
    cpSync(defaultDataDir(), dir, { recursive: true });
    const file = join(dir, "events.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    // line 2 (the first event): its date becomes a day that does not exist
    lines[1] = lines[1]!.replace(/,\d{4}-\d{2}-\d{2},/, ",2024-02-30,");
    writeFileSync(file, lines.join("\n"));
    const pkg = dataPackage(dir);
    expect(() => checkClaims(pkg.claims, pkg)).toThrow(
      /cannot be checked: 1 problem\(s\) in the data:\n {2}data\/events\.csv:2: field "date" value "2024-02-30": February 2024 has 29 days/,
    );
  });
});

describe("a claim the data do not cover stays not_checkable", () => {
  const pkg = realData();
  it("no matching row", () => {
    expect(checkClaim(claim("date", { resource: "events", id: "no-such-event" }, "2024"), pkg)).toMatchObject({
      verdict: "not_checkable",
      reason: 'no row of data/events.csv matches "no-such-event"',
    });
  });
  it("args that do not fit the contract, and a claim marked not_checkable in claims.csv", () => {
    expect(checkClaim(claim("date", { resource: "nowhere", id: "x" }, "2024"), pkg).verdict).toBe("not_checkable");
    expect(checkClaim(claim("value", { not_checkable: "no fleet data" }), pkg)).toMatchObject({
      verdict: "not_checkable",
      reason: "no fleet data",
    });
    // a date in the args that does not exist says why
    expect(
      checkClaim(claim("status_at", { state: "AZE", org: "SCO", status: "dialogue_partner", date: "2025-02-29" }), pkg),
    ).toMatchObject({
      verdict: "not_checkable",
      reason: "args do not fit the status_at contract: date: 2025-02-29: February 2025 has 28 days",
    });
  });
});
