/**
 * Brands applied at parse time (issue 11, item 4): the loader returns state codes, organisation ids and source ids
 * already branded, so the library needs no casts, and a plain string where a brand is expected does not compile.
 * The `@ts-expect-error` lines are checked by `npx tsc -p tsconfig.test.json`: each fails the type check if the
 * line below it ever compiles (a brand that became a plain string).
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { iso3, orgId, sourceId, type Iso3, type OrgId, type SourceId } from "../../lib/core/types";
import {
  events,
  funds,
  memberships,
  parseResource,
  sources,
  states,
  trade,
  type EventRow,
  type FundRow,
  type MembershipRow,
  type OrganizationRow,
  type SourceRow,
  type StateRow,
  type TradeRow,
} from "../../lib/data";
import { membershipIndex, type MembershipInput } from "../../lib/indicators/memberships/status";
import { rowSources } from "../../lib/indicators/series/sources";

const code: string = "AZE";

describe("types: rows carry brands, plain strings are refused", () => {
  it("row types hold Iso3, OrgId and SourceId", () => {
    expectTypeOf<StateRow["iso3"]>().toEqualTypeOf<Iso3>();
    expectTypeOf<OrganizationRow["id"]>().toEqualTypeOf<OrgId>();
    expectTypeOf<SourceRow["id"]>().toEqualTypeOf<SourceId>();
    expectTypeOf<MembershipRow["state"]>().toEqualTypeOf<Iso3>();
    expectTypeOf<MembershipRow["org"]>().toEqualTypeOf<OrgId>();
    expectTypeOf<MembershipRow["sources"]>().toEqualTypeOf<SourceId[]>();
    expectTypeOf<FundRow["partners"]>().toEqualTypeOf<Iso3[]>();
    expectTypeOf<TradeRow["partner"]>().toEqualTypeOf<Iso3>();
    expectTypeOf<EventRow["orgs"]>().toEqualTypeOf<OrgId[]>();
    expectTypeOf<EventRow["participants"]>().toEqualTypeOf<Iso3[]>();
  });

  it("a plain string is not a brand; the checked constructors make one", () => {
    // @ts-expect-error a string is not an Iso3
    const a: Iso3 = code;
    // @ts-expect-error a literal is not an OrgId
    const b: OrgId = "SCO";
    // @ts-expect-error a literal is not a SourceId
    const c: SourceId = "reportaz-titr-2019";
    // @ts-expect-error brands do not mix: an Iso3 is not an OrgId
    const d: OrgId = iso3("AZE");
    // @ts-expect-error a row's state must be an Iso3
    const e: MembershipRow["state"] = "AZE";
    // @ts-expect-error membership inputs cite branded source ids
    const f: MembershipInput = { state: "AZE", org: "SCO", status: "member", since: "2024", sources: ["x"] };
    const ok: MembershipInput = { state: "AZE", org: "SCO", status: "member", since: "2024", sources: [sourceId("x")] };
    expect([a, b, c, d, e, f].length).toBe(6);
    expect(membershipIndex([ok]).states).toEqual([iso3("AZE")]);
    expect(rowSources({ sources: [sourceId("a")] })).toEqual(["a"]);
    // rowSources is a public edge: a hand-built row with plain strings is checked, not trusted
    expect(rowSources({ sources: ["a", "b-2"] })).toEqual(["a", "b-2"]);
    expect(() => rowSources({ sources: ["a", "Bad_Id"] })).toThrow(/"Bad_Id" is not a source id/);
    // a branded value is still a string wherever a string is wanted
    const plain: string = iso3("AZE");
    expect(plain).toBe("AZE");
  });
});

describe("the checked constructors", () => {
  it("accept the forms the data package allows and refuse others", () => {
    expect(iso3("AZE")).toBe("AZE");
    expect(orgId("SCO")).toBe("SCO");
    expect(sourceId("reportaz-titr-2019")).toBe("reportaz-titr-2019");
    expect(() => iso3("aze")).toThrow(RangeError);
    expect(() => iso3("AZER")).toThrow(RangeError);
    expect(() => orgId("sco")).toThrow(RangeError);
    expect(() => sourceId("Report_az")).toThrow(RangeError);
  });
});

describe("parse time", () => {
  it("ids are checked and branded by the loader, with the same messages as before", () => {
    const st = parseResource(
      states,
      "iso3,name,region,caspian_littoral,note\naz,Azerbaijan,South Caucasus,true,\n",
      "states.csv",
    );
    expect(st.issues.map((i) => `${i.field}: ${i.message}`)).toEqual(["iso3: expected three capital letters"]);
    const m = parseResource(
      memberships,
      "state,org,status,since,since_bound,until,sources,note\nAZE,SCO,dialogue_partner,2015,exact,,src-a;Bad_Id,\nAz,sco,member,2015,exact,,src-a,\n",
      "memberships.csv",
    );
    expect(m.issues.map((i) => `${i.line} ${i.field}: ${i.message}`)).toEqual([
      "2 sources: expected a source id",
      "3 state: expected an ISO3 code",
      "3 org: expected an organisation id",
    ]);
    const t = parseResource(
      trade,
      "id,reporter,partner,period_start,period_end,flow,value_usd,side,sources,note\nx,KAZ,AZE,2024-01-01,2024-12-31,turnover,1,reporter,src-a,\n",
      "trade.csv",
    );
    expect(t.issues.map((i) => `${i.field}: ${i.message}`)).toEqual(["reporter: expected AZE"]);
  });

  it("parsed rows hold the trimmed ids and lists", () => {
    const f = parseResource(
      funds,
      "id,name,partners,agreed,established,as_of,pledged_usd,paid_in_usd,purpose,status,sources,note\nfund,Fund, AZE ; KAZ ,,,2024,,,,agreed,src-a,\n",
      "funds.csv",
    );
    expect(f.issues).toEqual([]);
    expect(f.rows[0]!.partners).toEqual(["AZE", "KAZ"]);
    const e = parseResource(
      events,
      "id,date,date_precision,title,orgs,place,participants,kind,sources,note\ne,2024,year,Summit,OTS;SCO,,AZE,summit,src-a;src-b,\n",
      "events.csv",
    );
    expect(e.rows[0]).toMatchObject({ orgs: ["OTS", "SCO"], participants: ["AZE"], sources: ["src-a", "src-b"] });
    const s = parseResource(
      sources,
      "id,publisher,title,url,published,quote,language,note\nsrc-a,P,T,https://x.org,,q,en,\n",
      "sources.csv",
    );
    expect(s.rows[0]!.id).toBe("src-a");
  });
});
