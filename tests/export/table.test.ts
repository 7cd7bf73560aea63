import { describe, expect, test } from "vitest";
import { csvField, markdownCell, neutralizeFormula, toCsv, toMarkdown } from "../../lib/export";
import type { TableInput } from "../../lib/figures/table";
import { sourceId } from "../../lib/core/types";

const table: TableInput = {
  title: "Trade | 2024",
  columns: [
    { key: "partner", label: "Partner" },
    { key: "value", label: "Turnover", unit: "USD" },
    { key: "note", label: "Note" },
  ],
  rows: [
    { partner: "Kazakhstan", value: 460000000, note: 'said "record", up' },
    { partner: '=HYPERLINK("http://x")', value: -5, note: "+1 line\nnext | pipe" },
    { partner: "@SUM(A1)", value: null, note: "\tTAB" },
  ],
  sources: [sourceId("ady-2024")],
};

/** A minimal RFC 4180 parser, to read back what toCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

describe("CSV", () => {
  test("quotes fields per RFC 4180 and ends lines with CRLF", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("plain")).toBe("plain");
    const csv = toCsv(table);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["Partner", "Turnover (USD)", "Note"]);
    expect(rows[1]).toEqual(["Kazakhstan", "460000000", 'said "record", up']);
  });

  test("neutralises a formula such as =HYPERLINK(...) and other formula starts", () => {
    const rows = parseCsv(toCsv(table));
    expect(rows[2]![0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[2]![2]).toBe("'+1 line\nnext | pipe");
    expect(rows[3]![0]).toBe("'@SUM(A1)");
    expect(rows[3]![2]).toBe("'\tTAB");
    expect(neutralizeFormula("-2")).toBe("'-2");
    expect(neutralizeFormula("\rx")).toBe("'\rx");
    // numbers stay numbers
    expect(rows[2]![1]).toBe("-5");
    expect(rows[3]![1]).toBe("");
  });

  test("ends with a sources line", () => {
    const rows = parseCsv(
      toCsv(table, { sourceCatalog: [{ id: "ady-2024", publisher: "Azerbaijan Railways", published: "2024-12-20" }] }),
    );
    expect(rows.at(-1)).toEqual(["Source: Azerbaijan Railways (2024-12-20)"]);
    expect(parseCsv(toCsv(table, { sourcesLine: false })).length).toBe(4);
  });
});

describe("Markdown", () => {
  test("escapes pipes, HTML and line breaks in cells, and right-aligns numbers", () => {
    expect(markdownCell("a|b <img src=x onerror=alert(1)>")).toBe("a\\|b &lt;img src=x onerror=alert(1)&gt;");
    const md = toMarkdown(table);
    const lines = md.split("\n");
    expect(lines[0]).toBe("**Trade \\| 2024**");
    expect(lines[2]).toBe("| Partner | Turnover (USD) | Note |");
    expect(lines[3]).toBe("| --- | ---: | --- |");
    expect(lines[5]).toBe('| =HYPERLINK("http://x") | -5 | +1 line next \\| pipe |');
    expect(md).toContain("\nSource: ady-2024\n");
    // every table row has the same number of unescaped pipes
    const pipes = lines.filter((l) => l.startsWith("|")).map((l) => l.replace(/\\\|/g, "").split("|").length);
    expect(new Set(pipes).size).toBe(1);
  });
});
