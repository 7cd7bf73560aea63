import { describe, expect, it } from "vitest";
import {
  articleNumber,
  bestVerdict,
  checkClaim,
  checkClaims,
  claimsSummary,
  compareByOp,
  compareDates,
  compareNumber,
  parseClaimArgs,
  whereRows,
  type ClaimInput,
} from "../../lib/indicators";
import { realData } from "./real-data";

const claim = (test: ClaimInput["test"], args: object, article_value?: string, tolerance?: number): ClaimInput => ({
  id: "t",
  section: "s",
  claim: "c",
  indicator: "i",
  test,
  args: JSON.stringify(args),
  article_value,
  tolerance,
});

describe("comparison rules", () => {
  it("compareNumber(): within the tolerance, within twice it, beyond", () => {
    expect(compareNumber(15, 15, 1)).toBe("supported");
    expect(compareNumber(16, 15, 1)).toBe("supported");
    expect(compareNumber(16.5, 15, 1)).toBe("partly_supported");
    expect(compareNumber(17.5, 15, 1)).toBe("not_supported");
    expect(compareNumber(15.5, 15, 0)).toBe("not_supported"); // no tolerance, no "partly"
  });
  it("compareByOp()", () => {
    expect(compareByOp(28, 16, "gte", 0)).toBe("supported");
    expect(compareByOp(3, 5, "gt", 0)).toBe("not_supported");
    expect(compareByOp(4, 5, "lte", 0)).toBe("supported");
  });
  it("compareDates() at the precision both give", () => {
    expect(compareDates("2024-12-17", "2024-12")).toBe("supported"); // data more precise, agrees
    expect(compareDates("2024-08", "2024-08-09")).toBe("partly_supported"); // data coarser
    expect(compareDates("2024-03-19", "2024-12")).toBe("not_supported");
    expect(compareDates("2024-03-19", "2024-03-20", 1)).toBe("supported"); // within one day
    expect(compareDates("2024-13", "2024")).toBe("not_checkable");
  });
  it("articleNumber() and bestVerdict()", () => {
    expect(articleNumber("~15")).toBe(15);
    expect(articleNumber("15 %")).toBe(15);
    expect(articleNumber("most Asian nations")).toBeUndefined();
    expect(articleNumber(undefined)).toBeUndefined();
    expect(bestVerdict(["not_supported", "partly_supported"])).toBe("partly_supported");
    expect(bestVerdict([])).toBe("not_checkable");
  });
  it("whereRows() conditions", () => {
    const rows = [
      { id: "a", orgs: ["OTS", "SCO"], date: "2024-08-06" },
      { id: "b", orgs: ["SCO"], date: "2023-01" },
    ];
    expect(whereRows(rows, { orgs: "OTS" }).map((r) => r.id)).toEqual(["a"]);
    expect(whereRows(rows, { orgs: ["SCO"] }).map((r) => r.id)).toEqual(["a", "b"]);
    expect(whereRows(rows, { orgs: { size: 1 } }).map((r) => r.id)).toEqual(["b"]);
    expect(whereRows(rows, { date: { prefix: "2024" } }).map((r) => r.id)).toEqual(["a"]);
    expect(whereRows(rows, { date: { gte: "2023-06", lte: "2024-12-31" } }).map((r) => r.id)).toEqual(["a"]);
    expect(whereRows(rows, { id: ["b", "z"] }).map((r) => r.id)).toEqual(["b"]);
    expect(whereRows(rows, undefined)).toHaveLength(2);
  });
});

describe("args contract", () => {
  it("parseClaimArgs() accepts each test's args and the not_checkable form, and names what is wrong", () => {
    expect(
      parseClaimArgs("status_at", '{"state":"AZE","org":"SCO","status":"dialogue_partner","date":"2015-07-10"}').ok,
    ).toBe(true);
    expect(parseClaimArgs("value", '{"not_checkable":"no fleet data"}')).toEqual({
      ok: true,
      notCheckable: "no fleet data",
    });
    const bad = parseClaimArgs("date", '{"resource":"events"}');
    expect(bad.ok).toBe(false);
    expect(
      parseClaimArgs(
        "growth",
        '{"resource":"transit","scope":"x","period_start":"2024","period_end":"2024-09-30","base_start":"2023-01-01","base_end":"2023-09-30"}',
      ).ok,
    ).toBe(false); // partial date
    expect(parseClaimArgs("count", "{not json").ok).toBe(false);
    expect(parseClaimArgs("status_at", '{"state":"AZE","org":"SCO","status":"ally","date":"2015"}').ok).toBe(false); // unknown status
  });
  it("every row of data/claims.csv fits its test's contract", () => {
    const pkg = realData();
    for (const c of pkg.claims) expect(parseClaimArgs(c.test, c.args), c.id).toMatchObject({ ok: true });
  });
});

describe("the tests on small data", () => {
  const pkg = realData();
  it("status_at: not founded, not yet with since_bound = by, wrong status, partial start", () => {
    expect(
      checkClaim(claim("status_at", { state: "AZE", org: "OTS", status: "founding_member", date: "2009-01-01" }), pkg),
    ).toMatchObject({
      verdict: "not_supported",
      reason: expect.stringMatching(/did not exist/),
    });
    expect(
      checkClaim(claim("status_at", { state: "IDN", org: "CICA", status: "observer", date: "2005" }), pkg).verdict,
    ).toBe("not_checkable");
    expect(
      checkClaim(claim("status_at", { state: "AZE", org: "SCO", status: "observer", date: "2024" }), pkg).verdict,
    ).toBe("not_supported");
    // status held on the date but began earlier: AZE dialogue partner since 2015-07-10, claimed to begin 2016-03-14
    expect(
      checkClaim(
        claim("status_at", { state: "AZE", org: "SCO", status: "dialogue_partner", date: "2016-03-14", since: true }),
        pkg,
      ).verdict,
    ).toBe("partly_supported");
    // Hungary an OTS observer since 2018-09 (month only): asked for 2018-09-15 → the day is inside the month
    expect(
      checkClaim(claim("status_at", { state: "HUN", org: "OTS", status: "observer", date: "2018-09-15" }), pkg).verdict,
    ).toBe("partly_supported");
  });
  it("date: a missing row, a wrong date, a failed expectation", () => {
    expect(checkClaim(claim("date", { resource: "events", id: "no-such-event" }, "2024"), pkg).verdict).toBe(
      "not_checkable",
    );
    expect(
      checkClaim(claim("date", { resource: "events", id: "2024-11-06-ots-bishkek-summit" }, "2024-11-07"), pkg).verdict,
    ).toBe("not_supported");
    const r = checkClaim(
      claim(
        "date",
        { resource: "events", id: "2024-11-06-ots-bishkek-summit", expect: { place: "Baku" } },
        "2024-11-06",
      ),
      pkg,
    );
    expect(r.verdict).toBe("partly_supported");
    expect(r.reason).toMatch(/place is "Bishkek"/);
    expect(
      checkClaim(claim("date", { resource: "events", id: "2024-11-06-ots-bishkek-summit" }, "in November"), pkg)
        .verdict,
    ).toBe("not_checkable");
  });
  it("growth: derived from two published volumes when no growth row exists, by hand", () => {
    // Baku port, Jan–Jul 2023 against Jan–Jul 2022: the published growth row says 14 %. Asking for a growth metric
    // with no rows forces the derivation from the volumes 3,600,000 → 4,100,000 t: 41 / 36 − 1 = 13.8889 %.
    const published = checkClaim(
      claim(
        "growth",
        {
          resource: "corridor_flows",
          route: "baku_port",
          scope: "port_of_baku",
          period_start: "2023-01-01",
          period_end: "2023-07-31",
          base_start: "2022-01-01",
          base_end: "2022-07-31",
        },
        "14",
        0.5,
      ),
      pkg,
    );
    expect(published.verdict).toBe("supported");
    expect(published.evidence[0]!.label).toMatch(/published/);
    const derived = checkClaim(
      claim(
        "growth",
        {
          resource: "corridor_flows",
          route: "baku_port",
          scope: "port_of_baku",
          metric: "no_such_metric",
          period_start: "2023-01-01",
          period_end: "2023-07-31",
          base_start: "2022-01-01",
          base_end: "2022-07-31",
        },
        "14",
        0.5,
      ),
      pkg,
    );
    expect(derived.evidence[0]!.value).toBeCloseTo(13.8889, 3);
    expect(derived.evidence[0]!.label).toMatch(/derived/);
    expect(derived.verdict).toBe("supported"); // |13.89 − 14| ≤ 0.5
  });
  it("growth: conflicting published figures give partly_supported when one agrees", () => {
    // TITR 2023 growth: 86 % (KTZ), 90 % (Interfax lead), 65 % (AzerNews, Vibewire, KZ MoT 2024)
    const r = checkClaim(
      claim(
        "growth",
        {
          resource: "corridor_flows",
          route: "titr",
          scope: "whole_route",
          period_start: "2023-01-01",
          period_end: "2023-12-31",
          base_start: "2022-01-01",
          base_end: "2022-12-31",
        },
        "86",
        1,
      ),
      pkg,
    );
    expect(r.verdict).toBe("partly_supported");
    expect(r.evidence.map((e) => e.value)).toEqual(expect.arrayContaining([86, 90, 65]));
  });
  it("count: a comparison with another selection, a non-numeric article value", () => {
    const more = checkClaim(
      claim("count", {
        resource: "events",
        where: { orgs: "OTS", kind: "summit", date: { prefix: "2024" } },
        than: { where: { orgs: "OTS", kind: "summit", date: { prefix: "2019" } } },
      }),
      pkg,
    );
    expect(more.verdict).toBe("supported"); // 2 OTS summits in 2024 against 1 in 2019
    expect(more.evidence.map((e) => e.value)).toEqual([2, 1]);
    const most = checkClaim(claim("count", { resource: "memberships", org: "CICA", as_of: "2024-11-30" }, "most"), pkg);
    expect(most.verdict).toBe("not_checkable");
    expect(most.evidence[0]!.value).toBe(28);
  });
  it("value: a figure against the article's, and a capacity that only rose on paper", () => {
    expect(checkClaim(claim("value", { resource: "transit", id: "transit-2024-volume" }, "14.8e6"), pkg).verdict).toBe(
      "not_checkable",
    ); // "14.8e6" is not read as a number
    expect(
      checkClaim(claim("value", { resource: "transit", id: "transit-2024-volume" }, "14800000"), pkg).verdict,
    ).toBe("supported");
    expect(
      checkClaim(claim("value", { resource: "transit", id: "transit-2024-volume" }, "14500000", 100000), pkg).verdict,
    ).toBe("not_supported");
    // Baku port by 2024-11-30: actual 15 Mt throughout; 25 Mt announced
    const port = checkClaim(
      claim("value", {
        resource: "capacities",
        asset: "baku_port",
        metric: "cargo_capacity",
        op: "increase",
        as_of: "2024-11-30",
      }),
      pkg,
    );
    expect(port.verdict).toBe("partly_supported");
    expect(port.evidence.map((e) => e.value)).toEqual([15000000, 15000000, 25000000]);
    // container capacity rose 100,000 → 150,000 TEU in October 2025
    expect(
      checkClaim(
        claim("value", {
          resource: "capacities",
          asset: "baku_port",
          metric: "container_capacity",
          op: "increase",
          as_of: "2025-12-31",
        }),
        pkg,
      ).verdict,
    ).toBe("supported");
  });
  it("malformed args give not_checkable; data that fail to load throw (tests/indicators/claims-load.test.ts)", () => {
    expect(checkClaim(claim("date", { resource: "nowhere", id: "x" }, "2024"), pkg)).toMatchObject({
      verdict: "not_checkable",
      reason: expect.stringMatching(/contract/),
    });
    const broken = new Proxy(pkg, {
      get(target, key) {
        if (key === "memberships") throw new Error("1 problem(s) in the data:\n  data/memberships.csv: bad row");
        return Reflect.get(target, key);
      },
    });
    expect(() =>
      checkClaim(
        claim("status_at", { state: "AZE", org: "SCO", status: "dialogue_partner", date: "2015-07-10" }),
        broken,
      ),
    ).toThrow('claim "t" (status_at) cannot be checked: 1 problem(s) in the data:\n  data/memberships.csv: bad row');
  });
});

describe("every claim of data/claims.csv, on the data as checked by hand", () => {
  const pkg = realData();
  const results = checkClaims(pkg.claims, pkg);
  const verdict = Object.fromEntries(results.map((r) => [r.id, r.verdict]));

  it("gives one result per claim, each with a verdict, and evidence with sources when checkable", () => {
    expect(results).toHaveLength(pkg.claims.length);
    for (const r of results) {
      if (r.verdict !== "not_checkable") {
        expect(r.evidence.length, r.id).toBeGreaterThan(0);
        expect(r.sources.length, r.id).toBeGreaterThan(0);
      }
    }
  });

  it("the organisational dates of the article", () => {
    // memberships: AZE SCO dialogue_partner since 2015-07-10 (exact)
    expect(verdict["sco-dialogue-partner-2015-07-10"]).toBe("supported");
    // events: 2016-03-14 memorandum; 2024-03-19 CICA chair election (article: 2024); 2024-12-17 ministerial (2024-12);
    // 2026-10 planned CICA summit (2026); 2024-08-09 6th Consultative Meeting; 2024-08-06 energy ministers in Astana
    // (2024-08); 2024-07-06 Shusha; OTS founded 2009-10-03 (article: 2009-10); 2024-11-06 11th OTS summit
    for (const id of [
      "sco-memorandum-2016-03-14",
      "cica-chair-2024-2026",
      "cica-ministerial-2024-12",
      "cica-summit-2026",
      "cacm-sixth-2024-08-09",
      "energy-ministers-2024-08-astana",
      "ots-shusha-2024-07-06",
      "ots-15th-anniversary-2024-10",
      "ots-11th-summit-2024-11-06",
    ]) {
      expect(verdict[id], id).toBe("supported");
    }
  });

  it("the nine-month 2024 OTS transit growth (~15 %)", () => {
    // transit-ots-9m2024-growth: 15 % (Jan–Sep 2024 on Jan–Sep 2023); |15 − 15| ≤ 1 → supported
    const r = results.find((x) => x.id === "ots-transit-9m2024-15pct")!;
    expect(r.verdict).toBe("supported");
    expect(r.evidence.map((e) => e.value)).toEqual([15]);
    expect(r.tolerance).toBe(1);
    expect(r.sources).toEqual(pkg.transit.find((t) => t.id === "transit-ots-9m2024-growth")!.sources);
  });

  it("counts, capacities, funds and the rest", () => {
    // share test: state_attributes.csv lists 48 states of states.csv with m49_region Asia; of the 28 full CICA members
    // on 2024-11-30 (memberships.csv), EGY (Africa) and RUS (Europe) are not in M49 Asia, so 26 are:
    // 100 × 26 / 48 = 54.17 % > 50 → supported ("most")
    expect(verdict["cica-most-asian-nations"]).toBe("supported");
    const cica = results.find((x) => x.id === "cica-most-asian-nations")!;
    expect(cica.evidence.map((e) => e.value)).toEqual([48, 26, 54.2]);
    expect(verdict["cacm-five-states"]).toBe("supported"); // KAZ KGZ TJK TKM UZB on 2024-08-09
    expect(verdict["funds-kaz-kgz-uzb"]).toBe("supported"); // one bilateral fund each
    expect(verdict["btk-capacity-increasing"]).toBe("supported"); // 1 Mt → 5 Mt actual by 2024-07-06
    expect(verdict["baku-port-capacity-increasing"]).toBe("partly_supported"); // 15 Mt actual, 25 Mt announced
    // Azerbaijan's side of the corridor: TITR Association Caspian-port cargo 2024 on 2023, published +20 % ≥ 10 %
    expect(verdict["middle-corridor-rise"]).toBe("supported");
    // transit share of corridor cargo (State Statistics Committee): 57 % (2023) → 56.6 % (2024) = −0.4 points < 1
    expect(verdict["transit-growing"]).toBe("not_supported");
    // head-of-state meetings with Central Asian presidents: 35 in 2021-01-01..2024-11-30 (1,430 days = 3.915 years,
    // 8.94 a year) against 14 in 2016–2019 (1,461 days = 4 years, 3.5 a year) → supported
    const coop = results.find((x) => x.id === "abs-cooperation-after-2020")!;
    expect(coop.verdict).toBe("supported");
    expect(coop.evidence.map((e) => e.value)).toEqual([35, 14]);
    expect(coop.reason).toContain("(8.94 a year) against 14 in 4.00 years (3.5 a year)");
    // guest of honour, not a participant: no CACM status on 2024-08-09 (full participant from 2025-11-16)
    expect(verdict["cacm-strategic-ally-2024-08"]).toBe("not_supported");
    expect(verdict["ots-shusha-leaders"]).toBe("supported");
    // observations.csv: OTS cooperation_areas 20 (2023-10-03) and 30 (2023-11-03), both by 2024-11-30;
    // the best row, 30, equals the article's 30 (tolerance 0) → supported
    expect(verdict["ots-30-areas"]).toBe("supported");
    // conflict.csv, kind war/ceasefire with AZE and ARM in 2020: 2020-09-27 (war begins) and 2020-11-10 (ceasefire);
    // 2020-09-27 agrees with the article's 2020-09 at month precision and is more precise → supported
    expect(verdict["intro-liberation-2020"]).toBe("supported");
    // conflict.csv, kind operation in Sep 2023: 2023-09-19 and 2023-09-20; pick earliest 2023-09-19 = article → supported
    expect(verdict["intro-liberation-2023"]).toBe("supported");
    // conflict.csv, kind occupation: 9 rows, Shusha 1992-05-08 and Lachin 1992-05-18, the other 7 in 1993; pick
    // earliest: 1992 ≠ 1993, but 7 rows agree with the article's 1993 → partly_supported
    expect(verdict["intro-occupation-1993-2020"]).toBe("partly_supported");
    // the two claims the data contradict: cacm-strategic-ally-2024-08 and transit-growing
    expect(claimsSummary(results).not_supported).toBe(2);
  });
});
