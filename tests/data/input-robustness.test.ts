/**
 * Issue 10, item 9: input that users really produce is accepted. CSV saved by Excel on Windows (CRLF line ends, a
 * byte-order mark) reads as the same rows as the LF original, with a warning; bytes that are not UTF-8 are an error
 * naming the file and the line; a day that does not exist says why.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runDataCheck } from "../../lib/data/check-cli";
import {
  columnsOf,
  corridorFlows,
  DataError,
  decodeUtf8,
  defaultDataDir,
  formatIssue,
  loadPackage,
  memberships,
  parseCsv,
  parseResource,
  states,
  type ResourceDef,
} from "../../lib/data";
import { partialDateProblem } from "../../lib/core/dates";

const COLUMNS = ["a", "b", "c"] as const;

/** Writes a table as RFC 4180 CSV with `eol` between records and inside quoted fields (as Excel does). */
function writeCsv(rows: readonly (readonly string[])[], eol: "\n" | "\r\n", quoteAll: boolean): string {
  const cell = (s: string) => (quoteAll || /[",\n]/.test(s) ? `"${s.replace(/"/g, '""').replace(/\n/g, eol)}"` : s);
  return [COLUMNS.join(","), ...rows.map((r) => r.map(cell).join(","))].join(eol) + eol;
}

const cellArb = fc.string({ unit: fc.constantFrom("x", "é", " ", ",", '"', "\n", "ж", "1") });
const tableArb = fc.array(fc.tuple(cellArb, cellArb, cellArb), { minLength: 1, maxLength: 8 });

describe("CSV line ends and byte-order mark", () => {
  it("property: any table written with LF, CRLF or BOM + CRLF parses to the same rows and lines", () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), (table, quoteAll) => {
        const lf = parseCsv(writeCsv(table, "\n", quoteAll), "t.csv", COLUMNS);
        const crlf = parseCsv(writeCsv(table, "\r\n", quoteAll), "t.csv", COLUMNS);
        const bomCrlf = parseCsv("\uFEFF" + writeCsv(table, "\r\n", quoteAll), "t.csv", COLUMNS);
        const bomLf = parseCsv("\uFEFF" + writeCsv(table, "\n", quoteAll), "t.csv", COLUMNS);
        const want = table.map(([a, b, c]) => ({ a, b, c }));
        for (const r of [lf, crlf, bomCrlf, bomLf]) {
          expect(r.issues).toEqual([]);
          expect(r.table?.rows).toEqual(want);
          expect(r.table?.lines).toEqual(lf.table?.lines);
        }
        // CRLF inside a quoted field comes out as "\n", never "\r\n"
        for (const r of [crlf, bomCrlf])
          expect(r.table!.rows.some((row) => Object.values(row).some((v) => v.includes("\r")))).toBe(false);
        expect(lf.warnings).toEqual([]);
        expect(crlf.warnings.map((w) => w.message)).toEqual(["line ends are CRLF (Windows); read as LF"]);
        expect(bomCrlf.warnings.map((w) => w.message)).toEqual([
          "file starts with a byte-order mark (BOM); it was ignored",
          "line ends are CRLF (Windows); read as LF",
        ]);
      }),
    );
  });

  it("an Excel-saved states.csv (BOM + CRLF, a quoted note over two lines) reads like the LF original, with warnings", () => {
    const lf =
      'iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,"two\nlines"\nKAZ,Kazakhstan,Central Asia,true,\n';
    const excel = "\uFEFF" + lf.replace(/\n/g, "\r\n");
    const r = parseResource(states, excel, "data/states.csv");
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual(parseResource(states, lf, "data/states.csv").rows);
    expect(r.rows[0]).toMatchObject({ iso3: "AZE", note: "two\nlines" });
    // header line 1, AZE on line 2 (its note runs into line 3), KAZ on line 4
    expect(r.lines).toEqual([2, 4]);
    expect(r.warnings.map(formatIssue)).toEqual([
      "data/states.csv:1: file starts with a byte-order mark (BOM); it was ignored",
      "data/states.csv:1: line ends are CRLF (Windows); read as LF",
    ]);
  });

  it("a file with mixed line ends names the first CRLF line in its warning", () => {
    const r = parseCsv("a,b,c\n1,2,3\r\n4,5,6\n", "t.csv", COLUMNS);
    expect(r.issues).toEqual([]);
    expect(r.table?.rows).toEqual([
      { a: "1", b: "2", c: "3" },
      { a: "4", b: "5", c: "6" },
    ]);
    expect(r.warnings.map(formatIssue)).toEqual(["t.csv:2: line ends are CRLF (Windows); read as LF"]);
  });

  it("data:check accepts a package saved with CRLF and BOM, and prints the warnings", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-crlf-"));
    cpSync(defaultDataDir(), dir, { recursive: true });
    const file = join(dir, "states.csv");
    writeFileSync(file, "\uFEFF" + readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    const out: string[] = [];
    const err: string[] = [];
    const code = runDataCheck(dir, { log: (s) => out.push(s), error: (s) => err.push(s) });
    expect(err).toEqual([
      "warning: data/states.csv:1: file starts with a byte-order mark (BOM); it was ignored",
      "warning: data/states.csv:1: line ends are CRLF (Windows); read as LF",
    ]);
    expect(out[0]).toBe("data package is valid");
    expect(code).toBe(0);
    expect(loadPackage(dir).states).toEqual(loadPackage(defaultDataDir()).states);
  });
});

describe("bytes that are not UTF-8", () => {
  function writePackage(files: Record<string, Uint8Array | string>): string {
    const dir = mkdtempSync(join(tmpdir(), "caspian-bytes-"));
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
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

  it("a Latin-1 byte on line 3 is an error naming the file, the line, the column and the byte", () => {
    // "Türkiye" saved as Windows-1252: ü is the single byte 0xFC
    const head = Buffer.from(
      "iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,\nTUR,T",
      "utf8",
    );
    const tail = Buffer.from("rkiye,West Asia,false,\n", "utf8");
    const dir = writePackage({ "states.csv": Buffer.concat([head, Buffer.from([0xfc]), tail]) });
    expect(issuesOf(dir)).toEqual([
      "data/states.csv:3: the file is not UTF-8: byte 0xFC at column 6 cannot be decoded; save it as UTF-8",
    ]);
  });

  it("decodeUtf8(): valid UTF-8 (with or without BOM) decodes; the first bad byte is found on the right line", () => {
    expect(decodeUtf8(Buffer.from("\uFEFFa,b\nж,é\n", "utf8"), "t.csv")).toEqual({
      text: "\uFEFFa,b\nж,é\n",
      issues: [],
    });
    // a truncated 3-byte sequence (E2 82 without its last byte) on line 2, after "x"
    const r = decodeUtf8(new Uint8Array([0x61, 0x0a, 0x78, 0xe2, 0x82, 0x0a]), "t.csv");
    expect(r.text).toBeUndefined();
    expect(r.issues.map(formatIssue)).toEqual([
      "t.csv:2: the file is not UTF-8: byte 0xE2 at column 2 cannot be decoded; save it as UTF-8",
    ]);
    // an overlong encoding of "/" (C0 AF) and a UTF-16 surrogate (ED A0 80) are not UTF-8 either
    expect(decodeUtf8(new Uint8Array([0xc0, 0xaf]), "t.csv").issues[0]?.line).toBe(1);
    expect(decodeUtf8(new Uint8Array([0x0a, 0x0a, 0xed, 0xa0, 0x80]), "t.csv").issues[0]?.line).toBe(3);
  });

  it("property: one invalid byte inserted into valid text is reported on the line it sits on", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "\n", "é", "ж", "€", "😀", ",") }),
        fc.nat(),
        fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff),
        (s, at, bad) => {
          const chars = [...s];
          const cut = chars.length === 0 ? 0 : at % (chars.length + 1);
          const before = chars.slice(0, cut).join("");
          const bytes = Buffer.concat([
            Buffer.from(before, "utf8"),
            Buffer.from([bad]),
            Buffer.from(chars.slice(cut).join(""), "utf8"),
          ]);
          const r = decodeUtf8(bytes, "f.csv");
          const line = before.split("\n").length;
          const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
          expect(r.text).toBeUndefined();
          expect(r.issues).toHaveLength(1);
          expect(r.issues[0]).toMatchObject({ file: "f.csv", line });
          expect(r.issues[0]!.message).toContain(`byte 0x${bad.toString(16).toUpperCase()} at column ${column} `);
        },
      ),
    );
  });
});

describe("a day that does not exist says so", () => {
  const FLOW_COLUMNS = columnsOf(corridorFlows);
  const flowRow = (periodEnd: string) => {
    const row: Record<string, string> = {
      id: "f",
      route: "titr",
      scope: "whole_route",
      period_start: "1900-01-01", // the earliest year allowed, so that period_end is never before it
      period_end: periodEnd,
      metric: "cargo",
      value: "1",
      unit: "t",
      status: "actual",
      base_start: "",
      base_end: "",
      sources: "s",
      note: "",
    };
    return FLOW_COLUMNS.join(",") + "\n" + FLOW_COLUMNS.map((c) => row[c]!).join(",") + "\n";
  };
  const messages = <R>(def: ResourceDef<R>, text: string) =>
    parseResource(def, text, "data/x.csv").issues.map(formatIssue);

  it("worked by hand: June, February in a common and a leap year, month 13, day 00", () => {
    expect(partialDateProblem("2026-06-31")).toBe("June has 30 days");
    expect(partialDateProblem("2025-02-29")).toBe("February 2025 has 28 days");
    expect(partialDateProblem("2024-02-30")).toBe("February 2024 has 29 days");
    expect(partialDateProblem("1900-02-29")).toBe("February 1900 has 28 days"); // 1900: divisible by 100, not by 400
    expect(partialDateProblem("2000-02-29")).toBeUndefined(); // 2000: divisible by 400
    expect(partialDateProblem("2026-13")).toBe("month 13 does not exist");
    expect(partialDateProblem("2026-13-01")).toBe("month 13 does not exist");
    expect(partialDateProblem("2026-00")).toBe("month 00 does not exist");
    expect(partialDateProblem("2026-04-00")).toBe("day 00 does not exist");
    expect(partialDateProblem("2026-4-1")).toBe("expected YYYY, YYYY-MM or YYYY-MM-DD");
    expect(partialDateProblem("2026-04-30")).toBeUndefined();
  });

  it("the loader names file, line and field, and says which day is missing", () => {
    expect(messages(corridorFlows, flowRow("2026-06-31"))).toEqual([
      'data/x.csv:2: field "period_end" value "2026-06-31": June has 30 days',
    ]);
    expect(messages(corridorFlows, flowRow("2025-02-29"))).toEqual([
      'data/x.csv:2: field "period_end" value "2025-02-29": February 2025 has 28 days',
    ]);
    expect(messages(corridorFlows, flowRow("2025-13-01"))).toEqual([
      'data/x.csv:2: field "period_end" value "2025-13-01": month 13 does not exist',
    ]);
    // a full date is still demanded where the field needs a day
    expect(messages(corridorFlows, flowRow("2025-12"))).toEqual([
      'data/x.csv:2: field "period_end" value "2025-12": expected a date YYYY-MM-DD',
    ]);
    // a partial-date field: month 13 of a YYYY-MM date
    const text = "state,org,status,since,since_bound,until,sources,note\nAZE,SCO,dialogue_partner,2015-13,exact,,s,\n";
    expect(messages(memberships, text)).toEqual([
      'data/x.csv:2: field "since" value "2015-13": month 13 does not exist',
    ]);
  });

  it("property: for every year, month and day 01–31, the loader accepts exactly the days of the calendar and names the month's length otherwise", () => {
    const MONTHS = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const length = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
    const pad = (n: number) => String(n).padStart(2, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${pad(m)}-${pad(d)}`;
          const got = messages(corridorFlows, flowRow(text));
          const why = m === 2 ? `February ${y} has ${length(y, m)} days` : `${MONTHS[m - 1]} has ${length(y, m)} days`;
          expect(got).toEqual(d <= length(y, m) ? [] : [`data/x.csv:2: field "period_end" value "${text}": ${why}`]);
        },
      ),
    );
  });

  it("property: months 13–99 and 00 never exist", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const mm = String(m).padStart(2, "0");
          expect(partialDateProblem(`${y}-${mm}`)).toBe(`month ${mm} does not exist`);
          expect(partialDateProblem(`${y}-${mm}-${String(d).padStart(2, "0")}`)).toBe(`month ${mm} does not exist`);
        },
      ),
    );
  });
});
