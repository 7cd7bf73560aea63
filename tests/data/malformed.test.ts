import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allResources,
  columnsOf,
  corridorFlows,
  DataError,
  formatIssue,
  loadPackage,
  memberships,
  parseCsv,
  parseResource,
  sources,
  states,
  transit,
  type ResourceDef,
} from "../../lib/data";

const FLOW_HEADER = columnsOf(corridorFlows).join(",");
const flow = (over: Partial<Record<string, string>> = {}): string => {
  const row: Record<string, string> = {
    id: "titr-whole-2024-cargo",
    route: "titr",
    scope: "whole_route",
    period_start: "2024-01-01",
    period_end: "2024-12-31",
    metric: "cargo",
    value: "4484000",
    unit: "t",
    status: "actual",
    base_start: "",
    base_end: "",
    sources: "src-a",
    note: "",
    ...over,
  };
  return columnsOf(corridorFlows)
    .map((c) => row[c]!)
    .join(",");
};
const flowsText = (...rows: string[]) => [FLOW_HEADER, ...rows].join("\n") + "\n";
const messages = <R>(def: ResourceDef<R>, text: string, file = "data/x.csv") =>
  parseResource(def, text, file).issues.map(formatIssue);

describe("parseResource() names the file, line, field, value and what was expected", () => {
  it("accepts a valid row and converts units", () => {
    const r = parseResource(corridorFlows, flowsText(flow()), "data/corridor_flows.csv");
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ value: 4484000, sources: ["src-a"], base_start: undefined });
    expect(r.lines).toEqual([2]);
  });

  it("1. bad date", () => {
    expect(messages(corridorFlows, flowsText(flow({ period_end: "2024-02-30" })), "data/corridor_flows.csv")).toEqual([
      'data/corridor_flows.csv:2: field "period_end" value "2024-02-30": February 2024 has 29 days',
    ]);
  });

  it("2. date out of range", () => {
    expect(
      messages(
        memberships,
        "state,org,status,since,since_bound,until,sources,note\nAZE,SCO,dialogue_partner,1815,exact,,s,\n",
      ),
    ).toEqual(['data/x.csv:2: field "since" value "1815": expected a year between 1900 and 2100']);
  });

  it("3. negative tonnage", () => {
    expect(messages(corridorFlows, flowsText(flow({ value: "-5" })))).toEqual([
      'data/x.csv:2: field "value" value "-5": a cargo value cannot be negative (-5)',
    ]);
    // a published growth may be negative
    const fall = flow({
      id: "g",
      metric: "cargo_growth",
      unit: "percent",
      value: "-39",
      base_start: "2020-01-01",
      base_end: "2020-12-31",
    });
    expect(messages(corridorFlows, flowsText(fall))).toEqual([]);
  });

  it("4. unit that does not match the metric", () => {
    expect(messages(corridorFlows, flowsText(flow({ unit: "TEU" })))).toEqual([
      'data/x.csv:2: field "unit" value "TEU": unit "TEU" does not match metric "cargo" (expected t)',
    ]);
  });

  it("5. unknown scope", () => {
    const [m] = messages(corridorFlows, flowsText(flow({ scope: "everything" })));
    expect(m).toMatch(
      /^data\/x\.csv:2: field "scope" value "everything": expected one of whole_route, caspian_ports, /,
    );
  });

  it("6. duplicate key", () => {
    expect(messages(corridorFlows, flowsText(flow(), flow({ value: "1" })))).toEqual([
      'data/x.csv:3: field "id" value "titr-whole-2024-cargo": duplicate key: the same id is already on line 2',
    ]);
  });

  it("7. empty file", () => {
    expect(messages(states, "")).toEqual([
      "data/x.csv: file is empty; expected a header row: iso3,name,region,caspian_littoral,note",
    ]);
  });

  it("8. header only", () => {
    expect(messages(states, "iso3,name,region,caspian_littoral,note\n")).toEqual([
      "data/x.csv:1: file has a header but no data rows",
    ]);
  });

  it("9. byte-order mark: read, with a warning (issue 10; more in input-robustness.test.ts)", () => {
    const r = parseResource(
      states,
      "\uFEFFiso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,\n",
      "data/x.csv",
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((s) => s.iso3)).toEqual(["AZE"]);
    expect(r.warnings.map(formatIssue)).toEqual([
      "data/x.csv:1: file starts with a byte-order mark (BOM); it was ignored",
    ]);
  });

  it("10. CRLF line ends: read as LF, with a warning", () => {
    const r = parseResource(
      states,
      "iso3,name,region,caspian_littoral,note\r\nAZE,Azerbaijan,South Caucasus,true,\r\n",
      "data/x.csv",
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((s) => s.iso3)).toEqual(["AZE"]);
    expect(r.warnings.map(formatIssue)).toEqual(["data/x.csv:1: line ends are CRLF (Windows); read as LF"]);
  });

  it("11. quoted commas stay inside their field", () => {
    const r = parseResource(
      states,
      'iso3,name,region,caspian_littoral,note\nAZE,"Azerbaijan, Republic of",South Caucasus,true,"a ""quoted"" note, with comma"\n',
      "s.csv",
    );
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ name: "Azerbaijan, Republic of", note: 'a "quoted" note, with comma' });
  });

  it("12. extra column in a row (an unquoted comma)", () => {
    expect(
      messages(states, "iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan, Republic of,South Caucasus,true,\n"),
    ).toEqual([
      'data/x.csv:2: value "AZE,Azerbaijan, Republic of,South Caucasus,true,": expected 5 fields, found 6: an extra field (an unquoted comma?)',
    ]);
  });

  it("13. missing column in the header", () => {
    expect(messages(states, "iso3,name,region,note\nAZE,Azerbaijan,South Caucasus,\n")).toEqual([
      'data/x.csv:1: value "iso3,name,region,note": header does not match the schema: missing column(s) caspian_littoral; expected iso3,name,region,caspian_littoral,note',
    ]);
  });

  it("14. wrong type", () => {
    expect(messages(states, "iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,yes,\n")).toEqual([
      'data/x.csv:2: field "caspian_littoral" value "yes": expected true or false',
    ]);
    expect(
      messages(corridorFlows, flowsText(flow({ value: "4,484,000" }).replace("4,484,000", '"4,484,000"'))),
    ).toEqual([
      'data/x.csv:2: field "value" value "4,484,000": expected a plain number (digits, optional minus and decimal point, no thousands separators)',
    ]);
  });

  it("15. until before since", () => {
    expect(
      messages(
        memberships,
        "state,org,status,since,since_bound,until,sources,note\nUZB,GUAM,member,2005,exact,1999,s,\n",
      ),
    ).toEqual(['data/x.csv:2: field "until" value "1999": until 1999 is before since 2005']);
  });

  it("16. growth row without its comparison period", () => {
    const text = columnsOf(transit).join(",") + "\nt1,ots_transit,2024-01-01,2024-09-30,growth,15,percent,,,s,\n";
    expect(messages(transit, text)).toEqual([
      'data/x.csv:2: field "base_start": a growth row needs base_start and base_end (the comparison period)',
    ]);
  });

  it("17. reports every problem of a file at once, with the right line after a multi-line quoted field", () => {
    const text =
      'iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,"two\nlines"\nAZ,Bad,Nowhere,true,\n';
    expect(messages(states, text)).toEqual([
      'data/x.csv:4: field "iso3" value "AZ": expected three capital letters',
      'data/x.csv:4: field "region" value "Nowhere": expected one of South Caucasus, Central Asia, East Asia, South Asia, West Asia, Southeast Asia, Eastern Europe, Western Europe, Middle East, Other',
    ]);
  });
});

describe("a source's address cannot carry markup (issue 10)", () => {
  const header = "id,publisher,title,url,published,quote,language,note";
  it("refuses quotes, angle brackets, backticks and spaces in url, naming file, line and field", () => {
    for (const url of [
      'https://x.az/"><svg/onload=alert(5)>',
      "https://x.az/<b>",
      "https://x.az/a b",
      "https://x.az/`x`",
    ]) {
      const text = `${header}\nsrc-a,Report,Title,"${url.replace(/"/g, '""')}",2026-03-10,A quote,en,\n`;
      const found = messages(sources, text, "data/sources.csv");
      expect(found.length, url).toBe(1);
      expect(found[0]).toMatch(/^data\/sources\.csv:2: field "url" value /);
    }
    expect(
      messages(sources, `${header}\nsrc-a,Report,Title,https://x.az/a?b=1&c=%22,2026-03-10,A quote,en,\n`),
    ).toEqual([]);
  });
});

describe("loadPackage() checks foreign keys across files", () => {
  function writePackage(over: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "caspian-pkg-"));
    const base: Record<string, string> = {
      "sources.csv":
        "id,publisher,title,url,published,quote,language,note\nsrc-a,Report,Title,https://report.az/x,2026-03-10,4.484 million tons in 2024,en,\n",
      "states.csv": "iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,\n",
      "organizations.csv":
        "id,name,founded,kind,sphere,sources,note\nSCO,Shanghai Cooperation Organisation,2001-06-15,security,china_led,src-a,\n",
      "memberships.csv":
        "state,org,status,since,since_bound,until,sources,note\nAZE,SCO,dialogue_partner,2015-07-10,exact,,src-a,\n",
      "corridor_flows.csv": flowsText(flow()),
    };
    for (const def of allResources as readonly ResourceDef<unknown>[]) {
      const text = over[def.path] ?? base[def.path];
      if (text !== undefined) writeFileSync(join(dir, def.path), text);
    }
    return dir;
  }
  const issuesOf = (dir: string): string[] => {
    try {
      loadPackage(dir);
      return [];
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      return e.issues.map(formatIssue).filter((m) => !/cannot read the file/.test(m));
    }
  };

  it("18. unknown state code", () => {
    const dir = writePackage({
      "memberships.csv":
        "state,org,status,since,since_bound,until,sources,note\nAZX,SCO,dialogue_partner,2015-07-10,exact,,src-a,\n",
    });
    expect(issuesOf(dir)).toEqual([
      'data/memberships.csv:2: field "state" value "AZX": unknown state "AZX": not a iso3 in data/states.csv',
    ]);
  });

  it("19. unknown source id", () => {
    const dir = writePackage({ "corridor_flows.csv": flowsText(flow({ sources: "src-a;src-missing" })) });
    expect(issuesOf(dir)).toEqual([
      'data/corridor_flows.csv:2: field "sources" value "src-missing": unknown source "src-missing": not a id in data/sources.csv',
    ]);
  });

  it("20. a missing file is reported, not thrown as a crash", () => {
    const dir = writePackage({});
    expect(() => loadPackage(dir)).toThrow(/ {2}data\/capacities\.csv: cannot read the file \(ENOENT\)\n/);
  });
});

describe("properties", () => {
  it("any non-negative decimal survives the CSV round trip exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 999 }), (whole, frac) => {
        const text = `${whole}.${String(frac).padStart(3, "0")}`;
        const r = parseResource(corridorFlows, flowsText(flow({ value: text })), "f.csv");
        return r.issues.length === 0 && r.rows[0]!.value === Number(text);
      }),
    );
  });

  it("any text field content survives RFC 4180 quoting", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("\r") && s.trim() !== "" && s === s.trim()),
        (name) => {
          const quoted = `"${name.replace(/"/g, '""')}"`;
          const r = parseResource(
            states,
            `iso3,name,region,caspian_littoral,note\nAZE,${quoted},South Caucasus,true,\n`,
            "s.csv",
          );
          return r.issues.length === 0 && r.rows[0]!.name === name;
        },
      ),
    );
  });

  it("parseCsv never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseCsv(text, "f.csv", ["a", "b"]);
        return true;
      }),
    );
  });
});

describe("loadResource()", () => {
  it("loads one resource of the real package, typed and checked", async () => {
    const { loadResource, memberships } = await import("../../lib/data");
    const aze = loadResource(memberships).filter((m) => m.state === "AZE" && m.org === "SCO");
    // data/memberships.csv: Azerbaijan became an SCO dialogue partner at the Ufa summit, 10 July 2015
    expect(aze[0]).toMatchObject({ status: "dialogue_partner", since: "2015-07-10", since_bound: "exact" });
  });
});
