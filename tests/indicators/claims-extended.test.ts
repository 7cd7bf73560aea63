/**
 * The claim tests added for issue 15 (`share`, `ties`, `balance`, the date `pick` option, `observations` in
 * `value`, `agreement_topics` in `count`) on small synthetic data whose expected values are worked out by hand in
 * the comments; then one check of the real register (at most 3 claims not checkable, each with its reason).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BALANCE_MEDIAN_BAND,
  checkClaim,
  checkClaims,
  checkCount,
  checkShare,
  checkTies,
  claimsSummary,
  membershipIndex,
  multiVectorBalance,
  partnerTies,
  type ClaimData,
  type ClaimInput,
  type Verdict,
} from "../../lib/indicators";
import { loadPackage } from "../../lib/data";
import { sourceId } from "../../lib/core/types";

const src = [sourceId("fixture-source")];

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

type Rows = { [K in keyof ClaimData]?: readonly Record<string, unknown>[] };

/** A ClaimData with only the given resources filled (the rest empty); rows carry the fixture source unless given. */
function data(parts: Rows): ClaimData {
  const empty: Required<Rows> = {
    memberships: [],
    organizations: [],
    events: [],
    conflict: [],
    transit: [],
    corridorFlows: [],
    capacities: [],
    funds: [],
    states: [],
    trade: [],
    agreementTopics: [],
    observations: [],
    stateAttributes: [],
  };
  const out: Record<string, readonly Record<string, unknown>[]> = { ...empty };
  for (const [k, rows] of Object.entries(parts)) out[k] = rows.map((r) => ({ sources: src, ...r }));
  return out as unknown as ClaimData;
}

const state = (iso3: string, region = "Other") => ({ iso3, name: iso3, region, caspian_littoral: false });
const attr = (s: string, attribute: string, value: string) => ({ state: s, attribute, value });
const member = (s: string, org: string, status = "member", since = "2000-01-01") => ({ state: s, org, status, since });
const org = (id: string, sphere: string, founded = "1990") => ({ id, name: id, founded, kind: "political", sphere });

const RANK: Record<Verdict, number> = { supported: 3, partly_supported: 2, not_supported: 1, not_checkable: 0 };

// ---------------------------------------------------------------------------------------------------------------
describe("share", () => {
  // Five states; four in M49 Asia (AZE, KAZ, UZB, CHN), RUS in Europe. MNG is in states.csv but has no attribute
  // row, so a where on m49_region does not match it. In CICA on 2024-11-30: AZE and KAZ members, CHN observer,
  // UZB none, RUS member (outside the group).
  const fx = data({
    states: ["AZE", "KAZ", "UZB", "CHN", "RUS", "MNG"].map((s) => state(s)),
    stateAttributes: [
      attr("AZE", "m49_region", "Asia"),
      attr("KAZ", "m49_region", "Asia"),
      attr("UZB", "m49_region", "Asia"),
      attr("CHN", "m49_region", "Asia"),
      attr("RUS", "m49_region", "Europe"),
    ],
    organizations: [org("CICA", "asian_dialogue", "1999-09-14")],
    memberships: [
      member("AZE", "CICA", "founding_member", "1999-09-14"),
      member("KAZ", "CICA", "founding_member", "1999-09-14"),
      member("CHN", "CICA", "observer", "2000-01-01"),
      member("RUS", "CICA", "member", "2000-01-01"),
      member("UZB", "CICA", "member", "2030-01-01"), // joins only after the date asked
    ],
  });
  const base = { org: "CICA", as_of: "2024-11-30", of: { m49_region: "Asia" } };

  it("share = 100 × holders / states of the group; exactly 50 is not 'more than 50'", () => {
    // group AZE KAZ UZB CHN (n = 4); full members AZE KAZ (k = 2): 100 × 2 / 4 = 50 %, and 50 > 50 is false
    const r = checkClaim(claim("share", { ...base, op: "gt", threshold: 50 }, "most"), fx);
    expect(r.verdict).toBe("not_supported");
    expect(r.evidence.map((e) => e.value)).toEqual([4, 2, 50]);
    expect(r.evidence[0]!.row).toBe("AZE;KAZ;UZB;CHN");
    expect(r.evidence[1]!.row).toBe("AZE;KAZ");
    expect(r.reason).toMatch(/2 of 4 states = 50\.0 %/);
    // the same share with gte 50 holds; a threshold defaults to gt
    expect(checkClaim(claim("share", { ...base, op: "gte", threshold: 50 }, "most"), fx).verdict).toBe("supported");
    expect(checkClaim(claim("share", { ...base, threshold: 50 }, "most"), fx).verdict).toBe("not_supported");
    // counting observers too: AZE KAZ CHN = 3 of 4 = 75 % > 50
    const wider = checkClaim(
      claim("share", { ...base, statuses: ["founding_member", "member", "observer"], threshold: 50 }, "most"),
      fx,
    );
    expect(wider.verdict).toBe("supported");
    expect(wider.evidence[2]!.value).toBe(75);
  });

  it("without a threshold, the article's number within the tolerance", () => {
    // 50 against the article's 50, tolerance 0 → supported
    expect(checkClaim(claim("share", base, "50", 0), fx).verdict).toBe("supported");
    // 50 against 60: |10| ≤ 2 × 5 but > 5 → partly_supported; against 70 → |20| > 10 → not_supported
    expect(checkClaim(claim("share", base, "60 %", 5), fx).verdict).toBe("partly_supported");
    expect(checkClaim(claim("share", base, "70", 5), fx).verdict).toBe("not_supported");
    // a word and no threshold: the share is evidence, the verdict not_checkable
    const word = checkClaim(claim("share", base, "most"), fx);
    expect(word.verdict).toBe("not_checkable");
    expect(word.reason).toMatch(/50\.0 %/);
    expect(word.evidence.at(-1)!.value).toBe(50);
  });

  it("no state matching the group is not_checkable", () => {
    const r = checkClaim(claim("share", { ...base, of: { m49_region: "Oceania" }, threshold: 50 }, "most"), fx);
    expect(r.verdict).toBe("not_checkable");
    expect(r.reason).toMatch(/no state of data\/states\.csv matches/);
    // a package without attribute rows: nothing matches either
    expect(checkShare({ ...base, threshold: 50 }, "most", 0, data({ states: [state("AZE")] })).verdict).toBe(
      "not_checkable",
    );
  });

  it("equals 100·k/n and lies in [0, 100] for random memberships (property)", () => {
    const statuses = ["founding_member", "member", "observer", "dialogue_partner", "none"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 15 }),
        fc.array(fc.constantFrom(...statuses), { maxLength: 5 }),
        (inGroup, outside) => {
          const asia = inGroup.map((_, i) => `A${String(i).padStart(2, "0")}`);
          const rest = outside.map((_, i) => `E${String(i).padStart(2, "0")}`);
          const d = data({
            states: [...asia, ...rest].map((s) => state(s)),
            stateAttributes: [
              ...asia.map((s) => attr(s, "m49_region", "Asia")),
              ...rest.map((s) => attr(s, "m49_region", "Europe")),
            ],
            organizations: [org("CICA", "asian_dialogue")],
            memberships: [
              ...asia.flatMap((s, i) => (inGroup[i] === "none" ? [] : [member(s, "CICA", inGroup[i])])),
              ...rest.flatMap((s, i) => (outside[i] === "none" ? [] : [member(s, "CICA", outside[i])])),
            ],
          });
          const k = inGroup.filter((s) => s === "founding_member" || s === "member").length;
          const n = inGroup.length;
          const r = checkShare({ ...base, threshold: 50 }, "most", 0, d);
          const share = r.evidence[2]!.value as number;
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(100);
          expect(share).toBe(Math.round((1000 * k) / n) / 10);
          expect(r.evidence[0]!.value).toBe(n);
          expect(r.evidence[1]!.value).toBe(k);
          expect(r.verdict).toBe(2 * k > n ? "supported" : "not_supported");
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("ties", () => {
  // AZE: Turkic, Islam, OTS member. KAZ, UZB: Turkic, Islam, OTS → 3 ties each. TJK: Indo-European, Islam, no OTS
  // → 1 (religion). TKM: Turkic, Islam, OTS observer (not full) → 2. KGZ: no language row, Islam, OTS → 2 shared,
  // language unknown.
  const langs: [string, string][] = [
    ["AZE", "Turkic"],
    ["KAZ", "Turkic"],
    ["UZB", "Turkic"],
    ["TJK", "Indo-European"],
    ["TKM", "Turkic"],
  ];
  const fx = data({
    states: ["AZE", "KAZ", "UZB", "TJK", "TKM", "KGZ"].map((s) => state(s)),
    stateAttributes: [
      ...langs.map(([s, v]) => attr(s, "language_family", v)),
      ...["AZE", "KAZ", "UZB", "TJK", "TKM", "KGZ"].map((s) => attr(s, "majority_religion", "Islam")),
    ],
    organizations: [org("OTS", "turkic", "2009-10-03")],
    memberships: [
      member("AZE", "OTS", "founding_member", "2009-10-03"),
      member("KAZ", "OTS", "founding_member", "2009-10-03"),
      member("KGZ", "OTS", "founding_member", "2009-10-03"),
      member("UZB", "OTS", "member", "2019-10-15"),
      member("TKM", "OTS", "observer", "2021-11-12"),
    ],
  });
  const args = (partners: string[], min: number) => ({
    state: "AZE",
    partners,
    attributes: ["language_family", "majority_religion"],
    org: "OTS",
    as_of: "2024-11-30",
    min,
  });

  it("partnerTies() by hand", () => {
    const t = partnerTies(args(["KAZ", "TJK", "TKM", "KGZ"], 2), fx);
    expect(t.map((x) => [x.partner, x.shared, x.unknown])).toEqual([
      ["KAZ", ["language_family", "majority_religion", "OTS"], []],
      ["TJK", ["majority_religion"], []],
      ["TKM", ["language_family", "majority_religion"], []], // observer: OTS not shared
      ["KGZ", ["majority_religion", "OTS"], ["language_family"]],
    ]);
  });

  it("every partner with at least min ties → supported; half → partly; fewer → not_supported", () => {
    // KAZ 3, UZB 3 ≥ 2 → 2 of 2
    const all = checkClaim(claim("ties", args(["KAZ", "UZB"], 2), "shared ties"), fx);
    expect(all.verdict).toBe("supported");
    expect(all.evidence.map((e) => e.value)).toEqual([3, 3]);
    expect(all.reason).toBe("2 of 2 partners share at least 2 of 3 ties");
    // KAZ 3 ≥ 2, TJK 1 < 2 → 1 of 2; 1 × 2 ≥ 2 → partly_supported
    const half = checkClaim(claim("ties", args(["KAZ", "TJK"], 2), "shared ties"), fx);
    expect(half.verdict).toBe("partly_supported");
    expect(half.reason).toMatch(/fewer: TJK \(1\)/);
    // min 3: KAZ 3 holds; TJK 1 and TKM 2 do not → 1 of 3; 2 < 3 → not_supported
    expect(checkClaim(claim("ties", args(["KAZ", "TJK", "TKM"], 3), "shared ties"), fx).verdict).toBe("not_supported");
  });

  it("an unknown attribute that could change the outcome leaves a partner undecided", () => {
    // KGZ: 2 shared + 1 unknown. min 2: holds whatever the language → decided, supported with KAZ
    expect(checkTies(args(["KAZ", "KGZ"], 2), fx).verdict).toBe("supported");
    // min 3: 2 < 3 ≤ 2 + 1 → undecided; judged on KAZ alone (1 of 1) and the reason names KGZ
    const r = checkTies(args(["KAZ", "KGZ"], 3), fx);
    expect(r.verdict).toBe("supported");
    expect(r.reason).toBe("1 of 1 partners share at least 3 of 3 ties; undecided for lack of rows: KGZ");
    // KGZ alone at min 3: no partner decided → not_checkable
    expect(checkTies(args(["KGZ"], 3), fx)).toMatchObject({
      verdict: "not_checkable",
      reason: "no partner can be decided (KGZ)",
    });
  });

  it("the verdict never improves as min rises (property)", () => {
    const partner = fc.record({
      lang: fc.constantFrom("Turkic", "Indo-European", "Mongolic"),
      religion: fc.constantFrom("Islam", "Christianity", "Buddhism"),
      ots: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(partner, { minLength: 1, maxLength: 6 }), (ps) => {
        const ids = ps.map((_, i) => `P${String(i).padStart(2, "0")}`);
        const d = data({
          states: ["AZE", ...ids].map((s) => state(s)),
          stateAttributes: [
            attr("AZE", "language_family", "Turkic"),
            attr("AZE", "majority_religion", "Islam"),
            ...ps.flatMap((p, i) => [
              attr(ids[i]!, "language_family", p.lang),
              attr(ids[i]!, "majority_religion", p.religion),
            ]),
          ],
          organizations: [org("OTS", "turkic")],
          memberships: [member("AZE", "OTS"), ...ps.flatMap((p, i) => (p.ots ? [member(ids[i]!, "OTS")] : []))],
        });
        const ranks = [1, 2, 3].map((min) => RANK[checkTies(args(ids, min), d).verdict]);
        expect(ranks[0]).toBeGreaterThanOrEqual(ranks[1]!);
        expect(ranks[1]).toBeGreaterThanOrEqual(ranks[2]!);
        // min 1 with every tie known: supported exactly when every partner shares at least one tie
        const anyTie = ps.every((p) => p.lang === "Turkic" || p.religion === "Islam" || p.ots);
        expect(ranks[0] === RANK.supported).toBe(anyTie);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("balance", () => {
  // Four organisations in four of the eight compared spheres (k = 8, so the index is H / ln 8).
  // AAA: member of TUR (turkic) and EUR (euro_atlantic): weights 1, 1 → H = ln 2 → index ln 2 / ln 8 = 1/3.
  // BBB: member of TUR only → H = 0 → index 0.
  // CCC: member of TUR, EUR and RUS (russia_led) → ln 3 / ln 8 = 0.528321.
  // GGG: observer of TUR and EUR → weights 0.25, 0.25, the same shares as AAA → 1/3.
  // HHH: member of TUR (1), dialogue partner of CHN (china_led, 0.25): shares 0.8, 0.2;
  //      H = 0.8 × 0.223144 + 0.2 × 1.609438 = 0.500402 nats; index = 0.500402 / 2.079442 = 0.240643.
  // NNN: no tie at all → no index. UNN: only a global organisation (not compared) → no index either.
  const fx = data({
    states: ["AAA", "BBB", "CCC", "GGG", "HHH", "NNN", "UNN"].map((s) => state(s)),
    organizations: [
      org("TUR", "turkic"),
      org("EUR", "euro_atlantic"),
      org("RUS", "russia_led"),
      org("CHN", "china_led"),
      org("UNO", "global"),
    ],
    memberships: [
      member("AAA", "TUR"),
      member("AAA", "EUR"),
      member("BBB", "TUR"),
      member("CCC", "TUR"),
      member("CCC", "EUR"),
      member("CCC", "RUS"),
      member("GGG", "TUR", "observer"),
      member("GGG", "EUR", "observer"),
      member("HHH", "TUR"),
      member("HHH", "CHN", "dialogue_partner"),
      member("UNN", "UNO"),
    ],
  });
  const bal = (s: string, against: string[]) =>
    checkClaim(claim("balance", { state: s, against, date: "2024-11-30" }, "balanced"), fx);

  it("the entropy index of a two-sphere case, by hand", () => {
    const b = multiVectorBalance(membershipIndex(fx.memberships, fx.organizations), fx.organizations, "HHH", "2024");
    expect(b.total).toBe(1.25);
    expect(b.entropy).toBeCloseTo(0.500402, 6);
    expect(b.index).toBeCloseTo(0.240643, 6);
    // the claim's evidence rounds to 3 decimals
    expect(bal("HHH", ["BBB"]).evidence[0]!.value).toBe(0.241);
  });

  it("above the median → supported, at it → partly, below → not_supported", () => {
    // CCC 0.528 against AAA 1/3 and BBB 0: median 1/6 = 0.1667 → above
    const above = bal("CCC", ["AAA", "BBB"]);
    expect(above.verdict).toBe("supported");
    expect(above.evidence.map((e) => e.value)).toEqual([0.528, 0.333, 0, 0.167]);
    expect(above.reason).toMatch(/rank 1 of 3/);
    // AAA 1/3 against GGG 1/3 (computed from other weights): equal within BALANCE_MEDIAN_BAND → partly
    expect(BALANCE_MEDIAN_BAND).toBe(0.005);
    expect(bal("AAA", ["GGG"]).verdict).toBe("partly_supported");
    // AAA 1/3 against CCC 0.528 and HHH 0.241: median (0.528321 + 0.240643) / 2 = 0.384482; 0.3333 is 0.051 below,
    // more than the band → not_supported
    expect(bal("AAA", ["CCC", "HHH"]).verdict).toBe("not_supported");
    // HHH 0.240643 against AAA 1/3, BBB 0 and CCC: median 1/3; below → not_supported
    expect(bal("HHH", ["AAA", "BBB", "CCC"]).verdict).toBe("not_supported");
    // the state itself among `against` is left out: AAA against AAA and BBB → median 0 → supported
    expect(bal("AAA", ["AAA", "BBB"]).evidence).toHaveLength(3); // own, BBB, median
  });

  it("a state with no ties, or no comparison state with an index, is not_checkable", () => {
    expect(bal("NNN", ["AAA", "BBB"])).toMatchObject({
      verdict: "not_checkable",
      reason: "NNN has no weighted tie on 2024-11-30",
    });
    expect(bal("UNN", ["AAA"]).verdict).toBe("not_checkable"); // a global organisation only
    // comparison states without an index are left out of the median: AAA against NNN, UNN → none left
    expect(bal("AAA", ["NNN", "UNN"])).toMatchObject({
      verdict: "not_checkable",
      reason: "no comparison state has an index",
    });
    // ... and among others they are skipped: AAA against BBB and NNN → median of BBB alone (0) → supported
    expect(bal("AAA", ["BBB", "NNN"]).verdict).toBe("supported");
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("date with pick", () => {
  // Three occupations: 1992-05-08, 1993-04-02, 1993-07-23 (and a ceasefire in 1994, not selected).
  const fx = data({
    conflict: [
      {
        id: "c-1992-shusha",
        date: "1992-05-08",
        date_precision: "day",
        kind: "occupation",
        participants: ["AZE", "ARM"],
      },
      {
        id: "c-1993-kalbajar",
        date: "1993-04-02",
        date_precision: "day",
        kind: "occupation",
        participants: ["AZE", "ARM"],
      },
      {
        id: "c-1993-aghdam",
        date: "1993-07-23",
        date_precision: "day",
        kind: "occupation",
        participants: ["AZE", "ARM"],
      },
      {
        id: "c-1994-ceasefire",
        date: "1994-05",
        date_precision: "month",
        kind: "ceasefire",
        participants: ["AZE", "ARM"],
      },
    ],
    events: [
      { id: "e-a", date: "2024-08-06", date_precision: "day", kind: "ministerial", orgs: [], participants: ["AZE"] },
      { id: "e-b", date: "2024-08", date_precision: "month", kind: "ministerial", orgs: [], participants: ["AZE"] },
    ],
  });
  const occ = (article: string, pick?: "earliest" | "latest") =>
    checkClaim(
      claim("date", { resource: "conflict", where: { kind: "occupation" }, ...(pick ? { pick } : {}) }, article, 0),
      fx,
    );

  it("a disagreeing earliest row with another agreeing row → partly_supported", () => {
    // earliest 1992-05-08 vs the article's 1993: different years; 2 of 3 rows (the 1993 ones) agree → partly
    const r = occ("1993", "earliest");
    expect(r.verdict).toBe("partly_supported");
    expect(r.reason).toBe(
      "the earliest date of 3 matching rows is 1992-05-08 (c-1992-shusha) against the article's 1993; 2 of 3 matching rows agree with the article, but not the earliest",
    );
    // without pick the best match counts: a 1993 row agrees → supported
    expect(occ("1993").verdict).toBe("supported");
    // pick latest: 1993-07-23 agrees with 1993 → supported
    expect(occ("1993", "latest").verdict).toBe("supported");
  });

  it("an agreeing earliest row → supported; no row agreeing → not_supported", () => {
    // earliest 1992-05-08 agrees with 1992 (the others do not matter)
    expect(occ("1992", "earliest").verdict).toBe("supported");
    expect(occ("1992-05", "earliest").verdict).toBe("supported");
    // nothing in 1995 → the earliest disagrees and no row agrees → not_supported
    expect(occ("1995", "earliest").verdict).toBe("not_supported");
    // no conflict row of the kind → not_checkable
    expect(
      checkClaim(claim("date", { resource: "conflict", where: { kind: "war" }, pick: "earliest" }, "1993"), fx).verdict,
    ).toBe("not_checkable");
  });

  it("the picked row's own precision still counts (events)", () => {
    // e-b (2024-08) sorts before e-a (2024-08-06) as text, so it is the earliest; against the article's 2024-08-06
    // it is coarser → partly_supported on its own; e-a agrees fully, so the verdict stays partly_supported
    const r = checkClaim(
      claim("date", { resource: "events", where: { kind: "ministerial" }, pick: "earliest" }, "2024-08-06"),
      fx,
    );
    expect(r.verdict).toBe("partly_supported");
    expect(r.reason).toMatch(/is 2024-08 \(e-b\)/);
    // pick latest → e-a, exact → supported
    expect(
      checkClaim(
        claim("date", { resource: "events", where: { kind: "ministerial" }, pick: "latest" }, "2024-08-06"),
        fx,
      ).verdict,
    ).toBe("supported");
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("value: observations with op increase", () => {
  // ASCO fleet (vessels): 2018-06 50 (before the window), 2020-01-15 52, 2022-09-16 51, 2024-05-27 55, 2025-03 60
  // (after the date asked). Another series (dwt) is not selected by the where.
  const fleet = (id: string, as_of: string, value: number, metric = "merchant_fleet_vessels") => ({
    id,
    subject: "AZE",
    metric,
    value,
    unit: metric === "merchant_fleet_dwt" ? "t" : "vessels",
    scope: "asco",
    as_of,
  });
  const fx = data({
    observations: [
      fleet("f-2018", "2018-06", 50),
      fleet("f-2020", "2020-01-15", 52),
      fleet("f-2022", "2022-09-16", 51),
      fleet("f-2024", "2024-05-27", 55),
      fleet("f-2025", "2025-03", 60),
      fleet("dwt-2020", "2020-01-15", 900000, "merchant_fleet_dwt"),
      fleet("dwt-2024", "2024-05-27", 800000, "merchant_fleet_dwt"),
    ],
  });
  const where = { subject: "AZE", metric: "merchant_fleet_vessels", scope: "asco" };
  const inc = (from: string, as_of: string, w: object = where) =>
    checkClaim(claim("value", { resource: "observations", where: w, op: "increase", from, as_of }, "expanding"), fx);

  it("a rise in the window → supported", () => {
    // window 2019-11-30..2024-11-30: earliest f-2020 (52), latest f-2024 (55); 55 > 52 → supported
    const r = inc("2019-11-30", "2024-11-30");
    expect(r.verdict).toBe("supported");
    expect(r.evidence.map((e) => [e.row, e.value])).toEqual([
      ["f-2020", 52],
      ["f-2024", 55],
    ]);
    expect(r.reason).toBe("52 (2020-01-15) to 55 (2024-05-27): a rise between 2019-11-30 and 2024-11-30");
  });

  it("no rise → not_supported (a fall, or the dwt series)", () => {
    // 2019-11-30..2022-12-31: 52 → 51 → not_supported
    expect(inc("2019-11-30", "2022-12-31").verdict).toBe("not_supported");
    // dwt: 900,000 (2020) → 800,000 (2024) → not_supported
    expect(inc("2019-11-30", "2024-11-30", { ...where, metric: "merchant_fleet_dwt" }).verdict).toBe("not_supported");
  });

  it("fewer than two rows in the window → not_checkable", () => {
    // 2024-01-01..2024-11-30 holds only f-2024
    expect(inc("2024-01-01", "2024-11-30")).toMatchObject({
      verdict: "not_checkable",
      reason: "only one row of data/observations.csv matches between 2024-01-01 and 2024-11-30",
    });
    // 2010..2015: none
    expect(inc("2010-01-01", "2015-12-31").reason).toMatch(/^no row of data\/observations\.csv/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("count over agreement_topics, and state attributes in where", () => {
  // Memorandum m1: security and trade named by the document, energy only by a signatory's statement.
  const fx = data({
    events: [{ id: "m1", date: "2016-03-14", date_precision: "day", kind: "agreement", orgs: [], participants: [] }],
    agreementTopics: [
      { event: "m1", topic: "security", basis: "document" },
      { event: "m1", topic: "trade", basis: "document" },
      { event: "m1", topic: "energy", basis: "statement" },
    ],
    states: ["AZE", "KAZ", "RUS"].map((s) => state(s)),
    stateAttributes: [
      attr("AZE", "m49_region", "Asia"),
      attr("KAZ", "m49_region", "Asia"),
      attr("RUS", "m49_region", "Europe"),
    ],
    organizations: [org("CICA", "asian_dialogue")],
    memberships: [member("AZE", "CICA"), member("KAZ", "CICA"), member("RUS", "CICA")],
  });
  const each = (where: object, values: string[]) =>
    checkClaim(
      claim("count", { resource: "agreement_topics", where, each: { field: "topic", values } }, values.join("; ")),
      fx,
    );

  it("each topic, with and without the basis filter", () => {
    // all bases: security, trade, energy all present → supported
    expect(each({ event: "m1" }, ["security", "trade", "energy"]).verdict).toBe("supported");
    // document only: security 1, trade 1, energy 0 → 2 of 3 → partly_supported
    const doc = each({ event: "m1", basis: "document" }, ["security", "trade", "energy"]);
    expect(doc.verdict).toBe("partly_supported");
    expect(doc.reason).toBe("2 of 3 values present: security 1, trade 1, energy 0");
    expect(doc.evidence[0]!.row).toBe("m1|security");
    // statement only, asking for the document's fields → none → not_supported
    expect(each({ event: "m1", basis: "statement" }, ["security", "trade"]).verdict).toBe("not_supported");
    // a plain count of the memorandum's rows: 3 = 3
    expect(checkClaim(claim("count", { resource: "agreement_topics", where: { event: "m1" } }, "3"), fx).verdict).toBe(
      "supported",
    );
  });

  it("states and memberships counts see state attributes as list columns", () => {
    // states in M49 Asia: AZE, KAZ → 2
    expect(checkClaim(claim("count", { resource: "states", where: { m49_region: "Asia" } }, "2"), fx).verdict).toBe(
      "supported",
    );
    // CICA members in M49 Asia: AZE, KAZ (RUS is Europe) → 2, not 3
    const r = checkClaim(
      claim("count", { resource: "memberships", org: "CICA", as_of: "2024-11-30", where: { m49_region: "Asia" } }, "2"),
      fx,
    );
    expect(r.verdict).toBe("supported");
    expect(r.evidence[0]!.row).toBe("AZE;KAZ");
  });
});

// ---------------------------------------------------------------------------------------------------------------
describe("the register on the real package", () => {
  const pkg = loadPackage();
  const results = checkClaims(pkg.claims, pkg);

  it("has at most 3 claims not checkable, each with its reason", () => {
    const nc = results.filter((r) => r.verdict === "not_checkable");
    expect(claimsSummary(results).not_checkable).toBe(nc.length);
    expect(nc.length).toBeLessThanOrEqual(3);
    for (const r of nc) {
      expect(r.reason.trim().length, r.id).toBeGreaterThan(10);
      // a reason from the register, not a broken contract
      expect(r.reason, r.id).not.toMatch(/contract/);
    }
  });

  it("the new tests give verdicts on the real data", () => {
    const by = new Map(results.map((r) => [r.id, r]));
    for (const id of ["cica-most-asian-nations", "shared-ties-central-asia", "balance-multi-vector"]) {
      expect(by.get(id)?.verdict, id).not.toBe("not_checkable");
    }
  });
});

describe("count `than` with nothing on either side", () => {
  it("is not checkable, rather than a comparison of 0 with 0", () => {
    // An early vintage holds no event in either period: 0 against 0 decides nothing.
    const none = { events: [] } as unknown as Parameters<typeof checkCount>[3];
    const r = checkCount(
      {
        resource: "events",
        where: { date: { gte: "2021-01-01" } },
        than: { where: { date: { lte: "2019-12-31" } } },
      },
      "more",
      0,
      none,
    );
    expect(r.verdict).toBe("not_checkable");
    expect(r.evidence.map((e) => e.value)).toEqual([0, 0]);
  });
});
