/**
 * lib/notebook/claims-view.ts: the vintages, the states a claim names, the register and summary tables and the
 * sentences of notebook 01. Values are worked out by hand from data/claims.csv or from the small fixtures here;
 * the text helpers are checked for 0, 1, 2 and many items with fast-check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sourceId } from "../../lib/core/types";
import { dataPackage } from "../../lib/data/load";
import { checkClaims } from "../../lib/indicators/claims/check";
import type { ClaimResult, Verdict } from "../../lib/indicators/claims/types";
import {
  claimStates,
  claimsBySectionTable,
  claimsByTestTable,
  claimsRegisterDisplay,
  testKindLabel,
  verdictCellStyle,
  claimsDiscussion,
  claimsOpening,
  claimsRegisterRows,
  claimsRegisterTable,
  claimsSubject,
  claimsSummaryTable,
  claimsVintageDates,
  evidenceText,
  focalClaimsSentence,
  publishersOf,
  restsOnUndated,
  verdictCountsPhrase,
  verdictsCaption,
  vintageChanges,
  vintageChangesText,
  verdictsFigure,
} from "../../lib/notebook/claims-view";

const VERDICTS: Verdict[] = ["supported", "partly_supported", "not_supported", "not_checkable"];
const BAD = /undefined|NaN|Infinity|\[object Object\]|\(\)|: \.|,\s*,/;

function result(id: string, verdict: Verdict, extra: Partial<ClaimResult> = {}): ClaimResult {
  return {
    id,
    section: "S",
    claim: `Claim ${id}.`,
    indicator: "i",
    test: "date",
    verdict,
    reason: `reason ${id}`,
    articleValue: "2024",
    tolerance: undefined,
    evidence: [],
    sources: [],
    ...extra,
  };
}

describe("claimsVintageDates", () => {
  it("judges by the as-of date with hindsight and compares with the article's date", () => {
    expect(claimsVintageDates("hindsight", "2026-03-10", "2024-11-30")).toEqual({
      main: "2026-03-10",
      other: "2024-11-30",
    });
    expect(claimsVintageDates("hindsight", "2005-12-31", "2024-11-30")).toEqual({
      main: "2005-12-31",
      other: "2024-11-30",
    });
  });
  it("judges by the article's date at publication, never later than the as-of date", () => {
    expect(claimsVintageDates("at-publication", "2026-03-10", "2024-11-30")).toEqual({
      main: "2024-11-30",
      other: "2026-03-10",
    });
    expect(claimsVintageDates("at-publication", "2012-12-31", "2024-11-30")).toEqual({
      main: "2012-12-31",
      other: "2024-11-30",
    });
  });
  it("has no other vintage when both dates coincide", () => {
    for (const s of ["hindsight", "at-publication"] as const)
      expect(claimsVintageDates(s, "2024-11-30", "2024-11-30").other).toBeUndefined();
  });
});

describe("the states a claim names (data/claims.csv)", () => {
  const pkg = dataPackage();
  const states = new Set(pkg.states.map((s) => s.iso3 as string));
  const byId = new Map(pkg.claims.map((c) => [c.id, c]));
  it("reads them from the parsed args", () => {
    // abs-cooperation-after-2020: participants in KAZ, KGZ, TJK, TKM, UZB and containing AZE
    expect(claimStates(byId.get("abs-cooperation-after-2020")!, states)).toEqual([
      "KAZ",
      "KGZ",
      "TJK",
      "TKM",
      "UZB",
      "AZE",
    ]);
    expect(claimStates(byId.get("conclusion-ots-member")!, states)).toEqual(["AZE"]);
    expect(claimStates(byId.get("fleet-expanding")!, states)).toEqual(["AZE"]); // observations where subject AZE
    expect(claimStates(byId.get("intro-caspian-balance-30-years")!, states)).toEqual([]); // not checkable by design
    expect(claimStates(byId.get("cica-chair-2024-2026")!, states)).toEqual([]); // an event id, no state
  });
  it("finds Azerbaijan the subject, and Georgia only in the balance claim's comparison group", () => {
    const named = pkg.claims.map((c) => claimStates(c, states));
    expect(claimsSubject(named)).toBe("AZE");
    // AZE: sco-dialogue-partner, sco-memorandum, cacm-sixth, cacm-strategic-ally, energy-ministers,
    // energy-memorandum, funds, abs-cooperation, the three conclusion claims, intro-liberation-2020 (participants
    // AZE, ARM), shared-ties-central-asia, fleet-expanding, port-attracting-investment (observations subject AZE),
    // ots-security-exercises, balance-multi-vector = 17
    expect(named.filter((n) => n.includes("AZE"))).toHaveLength(17);
    expect(named.filter((n) => n.includes("GEO"))).toHaveLength(1); // balance-multi-vector's "against"
    // KAZ: abs-cooperation, cacm-five-states, energy-memorandum, funds, ots-shusha-leaders, shared-ties,
    // digital-silk-way, ots-security-exercises, ots-military-education, balance-multi-vector
    expect(named.filter((n) => n.includes("KAZ"))).toHaveLength(10);
  });
  it("ignores args that do not parse", () => {
    expect(claimStates({ test: "date", args: "{not json" }, states)).toEqual([]);
  });
});

describe("focalClaimsSentence", () => {
  it("says plainly when no claim names the state", () => {
    expect(focalClaimsSentence({ name: "Georgia", subject: "Azerbaijan", isSubject: false, named: [] }).source).toBe(
      "No claim of the article names Georgia in its test; the register below is the article's, about Azerbaijan.",
    );
  });
  it("counts and lists the claims, with their verdicts", () => {
    const two = focalClaimsSentence({
      name: "Kazakhstan",
      subject: "Azerbaijan",
      isSubject: false,
      named: [result("a", "supported"), result("b", "not_supported")],
    }).source;
    expect(two).toBe(
      "Two claims name Kazakhstan in their test (`a`, `b`), marked ● in the register: one supported and one not supported. The article is about Azerbaijan, so the register keeps every claim.",
    );
  });
  it("reads right for any number of claims", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VERDICTS), { maxLength: 15 }), fc.boolean(), (vs, isSubject) => {
        const text = focalClaimsSentence({
          name: "Kazakhstan",
          subject: "Azerbaijan",
          isSubject,
          named: vs.map((v, i) => result(`c${i}`, v)),
        }).source;
        expect(text).not.toMatch(BAD);
        if (vs.length === 0) expect(text).toMatch(/^No claim/);
        else
          expect(text).toContain(vs.length === 1 ? " names Kazakhstan in its test" : " name Kazakhstan in their test");
      }),
    );
  });
});

describe("verdictCountsPhrase", () => {
  it("names the verdicts that occur, in reading order", () => {
    expect(verdictCountsPhrase({ supported: 23, partly_supported: 1, not_supported: 0, not_checkable: 9 })).toBe(
      "23 supported, one partly supported and nine not checkable",
    );
  });
  it("holds for any counts", () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40)), ([a, b, c, d]) => {
        const text = verdictCountsPhrase({ supported: a, partly_supported: b, not_supported: c, not_checkable: d });
        expect(text).not.toMatch(BAD);
        expect(text).not.toMatch(/\b0 |\bno /);
        expect(text === "none").toBe(a + b + c + d === 0);
      }),
    );
  });
});

describe("claimsOpening", () => {
  it("says for an early vintage that data came later", () => {
    const text = claimsOpening({
      results: [result("a", "not_checkable")],
      vintage: { date: "2005-12-31", latest: false },
      judged: "2024-11-30",
    }).source;
    expect(text).toContain("judged with data published by 31 December 2005: one not checkable.");
    expect(text).toContain("for lack of data rather than because the article is wrong");
  });
});

describe("evidence and publishers", () => {
  it("shortens labels and counts what is left out", () => {
    const ev = [1, 2, 3, 4].map((n) => ({ label: `rows of events where {"a":1} as of 2024`, value: n, sources: [] }));
    expect(evidenceText(ev)).toBe(
      "rows of events matching the test as of 2024: 1 | rows of events matching the test as of 2024: 2 | rows of events matching the test as of 2024: 3 … and 1 more",
    );
    expect(evidenceText([{ label: "x", value: null, sources: [] }])).toBe("x: none");
  });
  it("lists publishers once, then how many more", () => {
    const catalog = ["A", "B", "C", "D", "E", "F"].map((p, i) => ({ id: sourceId(`s${i}`), publisher: p }));
    expect(publishersOf(["s0", "s1", "s2", "s3", "s4", "s5"], catalog)).toBe("A; B; C; D; +2 more");
    expect(publishersOf([], catalog)).toBe("");
  });
});

describe("the register", () => {
  const results = [
    result("a", "not_checkable"),
    result("b", "supported", { sources: ["s1", "s2"] as never }),
    result("c", "not_supported", { sources: ["s2"] as never }),
  ];
  const rows = claimsRegisterRows(results, {
    catalog: [],
    notes: new Map([["b", "a caveat"]]),
    marked: new Set(["b"]),
    date: "2005-12-31",
    all: {
      date: "2026-03-10",
      latest: true,
      results: [result("a", "supported"), result("b", "supported"), result("c", "partly_supported")],
    },
  });
  it("marks the focal state's claims and keeps the caveat", () => {
    expect(rows.map((r) => r.claim)).toEqual(["Claim a.", "● Claim b.", "Claim c."]);
    expect(rows[1]!.caveat).toBe("a caveat");
    expect(rows[0]!.caveat).toBe("");
  });
  it("says what all the data give when they differ", () => {
    expect(rows[0]!.later).toBe("Not yet published by 31 December 2005; all data, to 10 March 2026, give: Supported.");
    expect(rows[1]!.later).toBe("");
    expect(rows[2]!.later).toBe("All data, to 10 March 2026, give: Partly supported.");
  });
  it("registers the union of the rows' sources and a later-data column only when needed", () => {
    const table = claimsRegisterTable(rows);
    expect(table.sources).toEqual(["s1", "s2"]);
    expect(table.columns.map((c) => c.key)).toContain("later");
    const same = claimsRegisterRows(results, { catalog: [], notes: new Map(), marked: new Set(), date: "2026-03-10" });
    expect(claimsRegisterTable(same).columns.map((c) => c.key)).not.toContain("later");
    expect(claimsRegisterTable(same).title).toBe("Claims register: three claims of the article and their verdicts");
  });
});

describe("summary and sections", () => {
  const main = {
    date: "2026-03-10",
    latest: true,
    results: [result("a", "supported"), result("b", "supported"), result("c", "not_checkable")],
  };
  const other = {
    date: "2024-11-30",
    latest: false,
    results: [result("a", "supported"), result("b", "not_checkable"), result("c", "not_checkable")],
  };
  it("sets the other vintage beside the main one", () => {
    const t = claimsSummaryTable(main, other);
    expect(t.columns.map((c) => c.key)).toEqual(["verdict", "count", "share", "compared", "claims"]);
    expect(t.rows[0]).toEqual({ verdict: "Supported", count: 2, share: (2 / 3) * 100, compared: 1, claims: "a, b" });
    expect(t.rows[3]).toMatchObject({ verdict: "Not checkable", count: 1, compared: 2, claims: "c" });
  });
  it("never compares a vintage with itself, nor divides by zero", () => {
    expect(claimsSummaryTable(main).columns.map((c) => c.key)).not.toContain("compared");
    expect(claimsSummaryTable({ ...main, results: [] }).rows.every((r) => r.share === null)).toBe(true);
  });
  it("counts by section in the order of the article", () => {
    const t = claimsBySectionTable([
      { section: "Intro", verdict: "not_checkable" },
      { section: "Body", verdict: "supported" },
      { section: "Intro", verdict: "supported" },
    ]);
    expect(t.rows).toEqual([
      { section: "Intro", supported: 1, partly_supported: 0, not_supported: 0, not_checkable: 1, total: 2 },
      { section: "Body", supported: 1, partly_supported: 0, not_supported: 0, not_checkable: 0, total: 1 },
    ]);
  });
  it("captions the chart for one vintage and for two", () => {
    expect(verdictsCaption([main, other])).toBe(
      "Of three claims, one is supported with data published by 30 November 2024 and two with all data, to 10 March 2026; one stays not checkable.",
    );
    expect(verdictsCaption([{ ...other, results: [result("x", "not_checkable")] }])).toBe(
      "Of one claim, none is supported and one not checkable with data published by 30 November 2024.",
    );
  });
});

describe("vintage changes", () => {
  const earlier = [result("a", "not_checkable"), result("b", "not_supported"), result("c", "supported")];
  const later = [result("a", "supported"), result("b", "supported"), result("c", "supported")];
  it("lists the claims whose verdict differs", () => {
    expect(vintageChanges(earlier, later).map((c) => [c.id, c.before, c.after])).toEqual([
      ["a", "not_checkable", "supported"],
      ["b", "not_supported", "supported"],
    ]);
  });
  it("explains them, without the hindsight remark for an early vintage", () => {
    const text = vintageChangesText(
      vintageChanges(earlier, later),
      { date: "2012-12-31", latest: false },
      "2024-11-30",
    ).source;
    expect(text).toBe(
      "Two verdicts change. With only data published by 31 December 2012, `a` could not be checked: the data it needs were published later, and later data make it supported. `b` (not supported → supported) changes verdict with the later data.",
    );
  });
  it("reads right for any number of changes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...VERDICTS), fc.constantFrom(...VERDICTS)), { maxLength: 12 }),
        (pairs) => {
          const before = pairs.map(([v], i) => result(`c${i}`, v));
          const after = pairs.map(([, v], i) => result(`c${i}`, v));
          const changes = vintageChanges(before, after);
          const text = vintageChangesText(changes, { date: "2024-11-30", latest: false }, "2024-11-30").source;
          expect(text).not.toMatch(BAD);
          expect(changes.length).toBe(pairs.filter(([a, b]) => a !== b).length);
          if (changes.length === 0) expect(text).toBe("No verdict changes between the two vintages.");
        },
      ),
    );
  });
});

describe("claimsDiscussion", () => {
  const pkg = dataPackage();
  it("with all the data: 36 checkable claims, 31 supported (as the register shows)", () => {
    const results = checkClaims(pkg.claims, pkg);
    const text = claimsDiscussion({
      results,
      claims: pkg.claims,
      vintage: { date: "2026-03-10", latest: true },
      judged: "2024-11-30",
      transit: pkg.transit,
      events: pkg.events,
      gaps: pkg.gaps,
      catalog: pkg.sources,
    }).map((m) => m.source);
    expect(text[0]).toContain(
      // 42 claims, two not checkable by design (intro-caspian-balance-30-years, ca-foreign-policy-alignment);
      // partly: intro-occupation, shared-ties, sco-memorandum-fields, baku-port-capacity, ots-military-education;
      // not supported: cacm-strategic-ally-2024-08 (no CACM status on 2024-08-09), transit-growing (share −0.4 points)
      "Of 40 claims the data can reach, 33 are supported, five are partly supported and two are not supported (`cacm-strategic-ally-2024-08` and `transit-growing`).",
    );
    expect(text.some((p) => p.startsWith("**The ~15 % transit figure.**"))).toBe(true);
    expect(text.some((p) => p.startsWith("**An early vintage.**"))).toBe(false);
    for (const p of text) expect(p).not.toMatch(BAD);
  });
  it("says so when nothing can be checked", () => {
    const text = claimsDiscussion({
      results: [result("a", "not_checkable")],
      claims: [{ id: "a", test: "date", args: '{"not_checkable":"outside"}' }],
      vintage: { date: "2005-12-31", latest: false },
      judged: "2024-11-30",
      transit: [],
      events: [],
      gaps: [],
      catalog: [],
    }).map((m) => m.source);
    expect(text[0]).toBe("**No claim can be checked** with data published by 31 December 2005.");
    expect(text[1]).toContain(
      "One claim is beyond what `data/` can test, as a statement of intent or a matter outside its scope (a)",
    );
    expect(text.some((p) => p.startsWith("**An early vintage.**"))).toBe(true);
  });
});

describe("restsOnUndated", () => {
  it("is true only when no source is dated by then and one is undated", () => {
    const catalog = [
      { id: sourceId("u"), published: undefined },
      { id: sourceId("late"), published: "2024-03" },
      { id: sourceId("early"), published: "2004" },
    ];
    expect(restsOnUndated(["u", "late"], catalog, "2010-12-31")).toBe(true);
    expect(restsOnUndated(["u", "early"], catalog, "2010-12-31")).toBe(false);
    expect(restsOnUndated(["late"], catalog, "2010-12-31")).toBe(false);
    expect(restsOnUndated([], catalog, "2010-12-31")).toBe(false);
  });
});

describe("verdictsFigure(): hovers count claims in the singular for one and say what they are counted from", () => {
  it("'1 claim' and 'Counted from the article's claims', never 'Source: none recorded'", () => {
    const f = verdictsFigure(
      [
        {
          date: "2026-03-10",
          latest: true,
          results: [{ verdict: "supported" }, { verdict: "supported" }, { verdict: "not_checkable" }],
        },
      ],
      { sourceCatalog: [] },
    );
    const all = f.data.flatMap((t) => t.hovertext as string[]);
    expect(all.some((h) => h.includes("none recorded"))).toBe(false);
    expect(all).toContain(
      "All data, to 10 March 2026: Not checkable<br>checked against the data of 2026-03-10: 1 claim<br>Counted from the article's claims (data/claims.csv)",
    );
    expect(all.some((h) => h.includes(": 2 claims<br>"))).toBe(true);
  });
});

describe("the register judged in two vintages, and by kind of test (issue 18)", () => {
  const result = (id: string, test: string, verdict: string) =>
    ({
      id,
      section: "S",
      claim: `C ${id}`,
      indicator: "i",
      test,
      verdict,
      reason: "r",
      articleValue: undefined,
      tolerance: undefined,
      evidence: [],
      sources: [],
    }) as never;
  const results = [
    result("a", "date", "supported"),
    result("b", "change", "not_supported"),
    result("c", "change", "supported"),
  ];
  it("puts the compared vintage's verdict beside each claim's and marks the changed ones", () => {
    const rows = claimsRegisterRows(results, {
      catalog: [],
      notes: new Map(),
      marked: new Set(),
      date: "2026-03-10",
      how: new Map([["b", "Transit's share of corridor cargo against the year before."]]),
      other: {
        date: "2024-11-30",
        latest: false,
        results: [
          { id: "a", verdict: "supported" },
          { id: "b", verdict: "supported" },
          { id: "c", verdict: "supported" },
        ],
      },
    });
    expect(rows.map((r) => [r.id, r.verdict_label, r.other_verdict_label, r.changed])).toEqual([
      ["a", "Supported", "Supported", ""],
      ["b", "Not supported", "Supported", "changed"],
      ["c", "Supported", "Supported", ""],
    ]);
    expect(rows[1]!.how).toBe("Transit's share of corridor cargo against the year before.");
    expect(rows[1]!.test_label).toBe("Change in the latest year");
    const table = claimsRegisterTable(rows, "data published by 30 November 2024");
    expect(table.columns.map((c) => c.label)).toContain("Verdict (data published by 30 November 2024)");
    const shown = claimsRegisterDisplay(rows, { main: "all data", other: "at publication" });
    expect(shown.table.columns.map((c) => c.label).slice(2, 4)).toEqual([
      "Verdict (all data)",
      "Verdict (at publication)",
    ]);
    const cell = shown.table.rows[1]!.other_verdict_label as { source: string };
    expect(cell.source).toContain("▲ changed");
    // the changed cell keeps the colour of its verdict
    expect(verdictCellStyle("other_verdict_label", cell)).toBe("background:#DDF2EA;font-weight:600");
    // without a compared vintage, no extra column
    const alone = claimsRegisterRows(results, { catalog: [], notes: new Map(), marked: new Set(), date: "2026-03-10" });
    expect(claimsRegisterTable(alone).columns.some((c) => c.key === "other_verdict_label")).toBe(false);
  });
  it("counts verdicts by kind of test, with what each kind rests on", () => {
    const t = claimsByTestTable(results);
    expect(t.rows).toEqual([
      {
        test: "Date of an event",
        rests_on: "dates",
        supported: 1,
        partly_supported: 0,
        not_supported: 0,
        not_checkable: 0,
        total: 1,
      },
      {
        test: "Change in the latest year",
        rests_on: "figures",
        supported: 1,
        partly_supported: 0,
        not_supported: 1,
        not_checkable: 0,
        total: 2,
      },
    ]);
    expect(claimsByTestTable([]).rows).toEqual([]);
    expect(testKindLabel("balance")).toBe("Balance index against a group");
  });
  it("every claim of the checkout says in one sentence how it is tested", () => {
    for (const c of dataPackage().claims) expect(c.operationalisation.length, c.id).toBeGreaterThan(30);
  });
});
