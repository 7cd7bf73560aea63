/** The CSV of the data a figure draws: rows worked out by hand, and CSV quoting that survives any text. */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { figureDataCsv, figureDataRows } from "../../lib/export/figure-data";
import type { PlotlyFigure } from "../../lib/figures/plotly";

const twoTraces: PlotlyFigure = {
  data: [
    {
      type: "scatter",
      name: "TITR cargo [whole route]",
      x: [2019, 2020, 2022],
      y: [1.8, null, 1.5],
      customdata: [
        ["2019", "1.8 million t"],
        ["2020", "no data"],
        ["2022", "1.5 million t"],
      ],
    },
    { type: "bar", name: "Ports &amp; terminals", x: [2021], y: [-1.2], text: ["=SUM(A1)"] },
  ],
  layout: { xaxis: { title: { text: "Year" } }, yaxis: { title: "Cargo<br>(million t)" } },
  meta: { sourcesText: "Sources: Report.az (2026-03-02); ADY (2024-12-20)" },
};

describe("figureDataCsv()", () => {
  test("two traces: one row per point, customdata as the point's text, formulas neutralised, sources last", () => {
    expect(figureDataCsv(twoTraces)).toBe(
      [
        "trace,x: Year,y: Cargo (million t),text",
        "TITR cargo [whole route],2019,1.8,2019; 1.8 million t",
        "TITR cargo [whole route],2020,,2020; no data",
        "TITR cargo [whole route],2022,1.5,2022; 1.5 million t",
        "Ports & terminals,2021,-1.2,'=SUM(A1)",
        "Sources: Report.az (2026-03-02); ADY (2024-12-20)",
        "",
      ].join("\r\n"),
    );
    // the sources line given by the pack wins over the figure's own; it can be left out
    expect(figureDataCsv(twoTraces, { sourcesText: "Source: x" }).endsWith("\r\nSource: x\r\n")).toBe(true);
    expect(figureDataCsv(twoTraces, { sourcesLine: false }).split("\r\n")).toHaveLength(6);
  });

  test("a heatmap-like trace: one row per cell (x of its column, y of its row), z and the cell's hover text", () => {
    const heatmap: PlotlyFigure = {
      data: [
        {
          type: "heatmap",
          x: ["SCO", "OTS"],
          y: ["Azerbaijan", "Kazakhstan"],
          z: [
            [2, null],
            [0, 1],
          ],
          customdata: [
            ["Azerbaijan, SCO: dialogue partner", "Azerbaijan, OTS: no status"],
            ["Kazakhstan, SCO: member", "Kazakhstan, OTS: member"],
          ],
        },
        // a legend entry only: nothing drawn, no row
        { type: "scatter", name: "Member", x: [null], y: [null] },
        { type: "scatter", name: "hidden", x: [1], y: [1], visible: false },
      ],
      layout: {},
    };
    expect(figureDataCsv(heatmap, { sourcesText: "Source: SCO (2024)" }).split("\r\n")).toEqual([
      "trace,x,y,z,text",
      'trace 1,SCO,Azerbaijan,2,"Azerbaijan, SCO: dialogue partner"',
      'trace 1,OTS,Azerbaijan,,"Azerbaijan, OTS: no status"',
      'trace 1,SCO,Kazakhstan,0,"Kazakhstan, SCO: member"',
      'trace 1,OTS,Kazakhstan,1,"Kazakhstan, OTS: member"',
      "Source: SCO (2024)",
      "",
    ]);
  });

  test("a matrix drawn from markers at whole-number positions reads with the axes' names", () => {
    const matrix: PlotlyFigure = {
      data: [
        { type: "scatter", name: "cells", x: [0, 1, 0], y: [0, 0, 1], customdata: ["a", "b", "c"] },
        { type: "scatter", name: "values", x: [0.5], y: [1], xaxis: "x2" },
      ],
      layout: {
        xaxis: { tickvals: [0, 1], ticktext: ["SCO", "OTS &amp; co"] },
        yaxis: { tickvals: [0, 1], ticktext: ["Azerbaijan", "Kazakhstan"] },
      },
    };
    expect(figureDataRows(matrix).map((r) => [r.trace, r.x, r.y, r.text])).toEqual([
      ["cells", "SCO", "Azerbaijan", "a"],
      ["cells", "OTS & co", "Azerbaijan", "b"],
      ["cells", "SCO", "Kazakhstan", "c"],
      ["values", 0.5, 1, null], // another axis: positions as they are
    ]);
    // numeric tick labels (years) keep the numbers
    const years = { data: [{ x: [2019], y: [1] }], layout: { xaxis: { tickvals: [2019], ticktext: ["2019"] } } };
    expect(figureDataRows(years)[0]!.x).toBe(2019);
  });

  test("pie-like traces give label and value; bars drawn from a base give it", () => {
    const rows = figureDataRows({
      data: [
        { type: "pie", name: "Share", labels: ["Rail", "Sea"], values: [60, 40] },
        { type: "bar", name: "Span", orientation: "h", y: ["SCO"], base: [2015], x: [7] },
      ],
      layout: {},
    });
    expect(rows.map((r) => [r.trace, r.x, r.y, r.base, r.label, r.value])).toEqual([
      ["Share", null, null, null, "Rail", 60],
      ["Share", null, null, null, "Sea", 40],
      ["Span", 7, "SCO", 2015, null, null],
    ]);
  });

  test("any text in names and labels comes back from a CSV parser as written (formulas prefixed with ')", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "=", "+", "-", "@", ";") });
    const asWritten = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(text, fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 5 }),
        (name, points) => {
          const figure: PlotlyFigure = {
            data: [{ name, x: points.map(([label]) => label), y: points.map(([, v]) => v) }],
            layout: {},
          };
          // the file is comma-separated: the parser must not guess ";" from the text (as it would for ";" names)
          const parsed = Papa.parse<string[]>(figureDataCsv(figure, { sourcesText: "Source: x" }), {
            newline: "\r\n",
            delimiter: ",",
          }).data;
          const trace = name.trim() === "" ? "trace 1" : asWritten(name.trim());
          const rows = points
            .map(([label, v]) => [trace, asWritten(label), String(v)])
            .filter(([, x, y]) => x !== "" || y !== "");
          expect(parsed.slice(1, 1 + rows.length)).toEqual(rows);
          expect(parsed[1 + rows.length]).toEqual(["Source: x"]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("names of only ';' and ',' come back as written (the counterexample of a guessing parser)", () => {
    const figure: PlotlyFigure = { data: [{ name: ";", x: [";", ";", ",;", ""], y: [0, 0, 0, 0] }], layout: {} };
    const parsed = Papa.parse<string[]>(figureDataCsv(figure, { sourcesText: "Source: x" }), {
      newline: "\r\n",
      delimiter: ",",
    }).data;
    expect(parsed.slice(1, 5)).toEqual([
      [";", ";", "0"],
      [";", ";", "0"],
      [";", ",;", "0"],
      [";", "", "0"],
    ]);
  });
});
