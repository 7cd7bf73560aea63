/**
 * corridor_flows and transit have the same period and growth columns, so they must have the same rules for them
 * (issue 11, item 3): the rules come from one place (lib/data/rules), and a row that one resource rejects for its
 * period or base period, the other rejects too.
 */
import { describe, expect, it } from "vitest";
import { columnsOf, corridorFlows, parseResource, trade, transit, type ResourceDef } from "../../lib/data";
import { growthRules, periodRules } from "../../lib/data/rules";

const SHARED = ["period_end", "base_start", "base_end"];

function csvOf<R>(def: ResourceDef<R>, row: Record<string, string>): string {
  const cols = columnsOf(def);
  return `${cols.join(",")}\n${cols.map((c) => row[c] ?? "").join(",")}\n`;
}

const flowRow = (over: Record<string, string>) =>
  csvOf(corridorFlows, {
    id: "titr-whole-2024-growth",
    route: "titr",
    scope: "whole_route",
    period_start: "2024-01-01",
    period_end: "2024-12-31",
    metric: "cargo_growth",
    value: "62",
    unit: "percent",
    status: "actual",
    base_start: "2023-01-01",
    base_end: "2023-12-31",
    sources: "src-a",
    ...over,
  });

const transitRow = (over: Record<string, string>) =>
  csvOf(transit, {
    id: "transit-2024-growth",
    scope: "total_transit",
    period_start: "2024-01-01",
    period_end: "2024-12-31",
    metric: "growth",
    value: "15",
    unit: "percent",
    base_start: "2023-01-01",
    base_end: "2023-12-31",
    sources: "src-a",
    ...over,
  });

/** The issues of one row of each resource, as field and message. */
function issues(over: Record<string, string>) {
  const f = parseResource(corridorFlows, flowRow(over), "corridor_flows.csv").issues.map(
    (i) => `${i.field}: ${i.message}`,
  );
  const t = parseResource(transit, transitRow(over), "transit.csv").issues.map((i) => `${i.field}: ${i.message}`);
  return { f, t };
}

describe("rules shared by corridor_flows and transit", () => {
  it("both resources hold the very same rule objects for the period and growth columns", () => {
    const shared = <R>(def: ResourceDef<R>) => def.rules.filter((r) => SHARED.includes(r.field));
    expect(shared(corridorFlows).map((r) => r.field)).toEqual(SHARED);
    expect(shared(transit)).toHaveLength(SHARED.length);
    shared(transit).forEach((rule, i) => expect(rule).toBe(shared(corridorFlows)[i]));
    for (const rule of [...periodRules(), ...growthRules()]) {
      expect(corridorFlows.rules).toContain(rule);
      expect(transit.rules).toContain(rule);
    }
    expect(trade.rules).toEqual(periodRules());
  });

  it("a valid growth row passes in both", () => {
    expect(issues({})).toEqual({ f: [], t: [] });
  });

  it("a growth figure without base_end is rejected by both, with the same message", () => {
    const { f, t } = issues({ base_end: "" });
    expect(f).toEqual([expect.stringMatching(/^base_start: a cargo_growth row needs base_start and base_end/)]);
    expect(t).toEqual([expect.stringMatching(/^base_start: a growth row needs base_start and base_end/)]);
  });

  it("a base_end before its base_start is rejected by both (transit lacked this rule)", () => {
    const { f, t } = issues({ base_start: "2023-12-31", base_end: "2023-01-01" });
    expect(f).toEqual(["base_end: base_end 2023-01-01 is before its start 2023-12-31"]);
    expect(t).toEqual(f);
  });

  it("a period_end before its period_start is rejected by both", () => {
    const { f, t } = issues({ period_start: "2024-12-31", period_end: "2024-01-01" });
    expect(f).toEqual(["period_end: period_end 2024-01-01 is before its start 2024-12-31"]);
    expect(t).toEqual(f);
  });

  it("a base period on a volume row is rejected by both", () => {
    const f = parseResource(
      corridorFlows,
      flowRow({ metric: "cargo", unit: "t", value: "100" }),
      "corridor_flows.csv",
    ).issues;
    const t = parseResource(transit, transitRow({ metric: "volume", unit: "t", value: "100" }), "transit.csv").issues;
    expect(f.map((i) => i.field)).toEqual(["base_start"]);
    expect(t.map((i) => i.field)).toEqual(["base_start"]);
  });
});
