/**
 * The membership heatmap draws its cells as rectangles (layout shapes, vector in SVG and PDF), one per state ×
 * organisation, with hover per cell and a "no data" mark for known gaps. Expected values worked out by hand from the
 * fixture matrix: AZE = DP, FM, M; KAZ = FM, FM, —; TUR = DP, FM, — in SCO, OTS, CICA.
 */
import { describe, expect, test } from "vitest";
import { ABSENT_STYLE, membershipHeatmapFigure, NO_DATA_STYLE, type MembershipMatrixInput } from "../../lib/figures";
import { matrix, XSS } from "../figures/fixtures";

type Shape = Record<string, unknown> & { line: { dash?: string } };
const shapes = (f: { layout: Record<string, unknown> }) => f.layout.shapes as Shape[];
const cellShapes = (f: { layout: Record<string, unknown> }) => shapes(f).filter((s) => s.line.dash === undefined);
const gapMarks = (f: { layout: Record<string, unknown> }) => shapes(f).filter((s) => s.line.dash === "dot");
const legend = (f: { data: readonly Record<string, unknown>[] }) =>
  f.data.filter((t) => t.showlegend !== false).map((t) => t.name);

const DP = "#F0E442";
const FM = "#00466E";
const M = "#0072B2";
const NONE = "#F0F0F0";

describe("membershipHeatmapFigure(): cells as shapes", () => {
  const f = membershipHeatmapFigure(matrix, { title: "M" });

  test("one rectangle per cell, row-major, coloured by status; no heatmap trace", () => {
    expect(f.data.map((t) => t.type)).not.toContain("heatmap");
    const cells = cellShapes(f);
    expect(cells).toHaveLength(9);
    expect(cells.map((s) => s.fillcolor)).toEqual([DP, FM, M, FM, FM, NONE, DP, FM, NONE]);
    // KAZ × CICA: second row, third column, one unit wide, centred on (2, 1)
    expect(cells[5]).toMatchObject({ type: "rect", xref: "x", yref: "y", x0: 1.5, x1: 2.5, y0: 0.5, y1: 1.5 });
    expect(gapMarks(f)).toEqual([]);
  });

  test("axes label the columns and rows (escaped), first row on top", () => {
    const x = f.layout.xaxis as Record<string, unknown>;
    const y = f.layout.yaxis as Record<string, unknown>;
    expect(x.ticktext).toEqual(["SCO", "OTS", "CICA"]);
    expect(x.tickvals).toEqual([0, 1, 2]);
    expect(x.range).toEqual([-0.5, 2.5]);
    expect(y.ticktext).toEqual(["Azerbaijan", "Kazakhstan", "&lt;img src=x onerror=alert(1)&gt;"]);
    expect(y.range).toEqual([2.5, -0.5]);
  });

  test("letters sit at the centres of the cells that hold a status", () => {
    const text = f.data[1]!;
    expect(text.x).toEqual([0, 1, 2, 0, 1, 0, 1]);
    expect(text.y).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect((text.textfont as { color: string[] }).color).toEqual([
      "#000000",
      "#FFFFFF",
      "#FFFFFF",
      "#FFFFFF",
      "#FFFFFF",
      "#000000",
      "#FFFFFF",
    ]);
  });

  test("hover: state, organisation, status, since date, publisher and quote, for every cell", () => {
    const hover = f.data[0]!.customdata as string[];
    expect(hover).toHaveLength(9);
    expect(hover[0]).toBe("Azerbaijan in SCO<br>since 2015-07-10: Dialogue partner<br>Source: reportaz-titr");
    expect(hover[1]).toBe("Azerbaijan in OTS<br>Founding member<br>Source: none recorded");
    expect(hover[5]).toBe("Kazakhstan in CICA: no status");
    expect(hover[6]).toBe("&lt;img src=x onerror=alert(1)&gt; in SCO<br>Dialogue partner<br>Source: none recorded");
    const withCatalog = membershipHeatmapFigure(matrix, {
      title: "M",
      sourceCatalog: [
        { id: "reportaz-titr", publisher: "Report.az", published: "2026-03-02", quote: "Azerbaijan <b>joined</b>" },
      ],
    });
    expect((withCatalog.data[0]!.customdata as string[])[0]).toBe(
      "Azerbaijan in SCO<br>since 2015-07-10: Dialogue partner<br>Source: Report.az (2026-03-02)<br>“Azerbaijan &lt;b&gt;joined&lt;/b&gt;”",
    );
    expect(f.layout.hoverdistance).toBe(-1); // the nearest cell centre is the cell under the pointer
  });

  test("legend: the statuses present, strongest first; no 'no data' entry without gaps", () => {
    expect(legend(f)).toEqual(["FM Founding member", "M Member", "DP Dialogue partner"]);
  });
});

describe("membershipHeatmapFigure(): known gaps are 'no data', not 'no status'", () => {
  const input: MembershipMatrixInput = {
    ...matrix,
    gaps: [
      { row: "KAZ", col: "CICA", gap: "gap-1", note: XSS },
      { row: "AZE", col: "SCO", gap: "gap-2" }, // holds a status: the status wins
      { row: "GEO", col: "SCO", gap: "gap-3" }, // not in the matrix
    ],
  };
  const f = membershipHeatmapFigure(input, { title: "M" });

  test("a gap cell is white with a dotted box and 'n/d'; other empty cells stay grey", () => {
    expect(cellShapes(f).map((s) => s.fillcolor)).toEqual([DP, FM, M, FM, FM, "#FFFFFF", DP, FM, NONE]);
    const marks = gapMarks(f);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ x0: 1.57, x1: 2.43, y0: 0.64, y1: 1.36 });
    const text = f.data[1]!;
    expect(text.text).toEqual(["DP", "FM", "M", "FM", "FM", "n/d", "DP", "FM"]);
    expect([(text.x as number[])[5], (text.y as number[])[5]]).toEqual([2, 1]);
  });

  test("its own legend entry and note; hover names the gap, note escaped", () => {
    expect(legend(f)).toEqual(["FM Founding member", "M Member", "DP Dialogue partner", "n/d No data (unknown)"]);
    expect(NO_DATA_STYLE.short).toBe("n/d");
    const hover = f.data[0]!.customdata as string[];
    expect(hover[5]).toBe("Kazakhstan in CICA: no data (a known gap, gap-1)<br>&lt;img src=x onerror=alert(1)&gt;");
    expect(hover[8]).toBe("&lt;img src=x onerror=alert(1)&gt; in CICA: no status");
    const notes = (f.layout.annotations as { text: string }[]).map((a) => a.text).join(" ");
    expect(notes).toContain("n/d in a dotted box: no data");
    expect(JSON.stringify(f)).not.toContain("<img");
  });

  test("a gap list that hits no empty cell changes nothing", () => {
    const same = membershipHeatmapFigure({ ...matrix, gaps: [{ row: "AZE", col: "SCO" }] }, { title: "M" });
    expect(JSON.stringify(same)).toBe(JSON.stringify(membershipHeatmapFigure(matrix, { title: "M" })));
  });
});

describe("membershipHeatmapFigure() read with coverage: sourced 'not a member' and 'unknown' drawn apart", () => {
  // fixture empty cells: KAZ × CICA and TUR (the XSS row) × CICA. One is a sourced absence, the other not researched.
  const input: MembershipMatrixInput = {
    ...matrix,
    absent: [
      { row: "KAZ", col: "CICA", note: "not among the members listed on 2022-10-13", sources: ["list-a" as never] },
      { row: "AZE", col: "SCO", note: "a status wins" },
    ],
    gaps: [],
  };
  const f = membershipHeatmapFigure(input, { title: "M" });

  test("absent: grey with '–'; not researched: white with a dotted box and 'n/d'", () => {
    expect(cellShapes(f).map((s) => s.fillcolor)).toEqual([DP, FM, M, FM, FM, NONE, DP, FM, "#FFFFFF"]);
    expect(gapMarks(f)).toHaveLength(1);
    const text = f.data[1]!;
    expect(text.text).toEqual(["DP", "FM", "M", "FM", "FM", "–", "DP", "FM", "n/d"]);
    expect(ABSENT_STYLE.short).toBe("–");
  });

  test("legend, note and hover say which is which", () => {
    expect(legend(f)).toEqual([
      "FM Founding member",
      "M Member",
      "DP Dialogue partner",
      "– Not a member (sourced)",
      "n/d No data (unknown)",
    ]);
    const hover = f.data[0]!.customdata as string[];
    expect(hover[5]).toBe(
      "Kazakhstan in CICA<br>not among the members listed on 2022-10-13: Not a member (sourced)<br>Source: list-a",
    );
    expect(hover[8]).toBe(
      "&lt;img src=x onerror=alert(1)&gt; in CICA: unknown<br>not researched: no status, sourced absence or gap recorded",
    );
    const notes = (f.layout.annotations as { text: string }[])
      .map((a) => a.text)
      .join(" ")
      .replace(/<br>/g, " ");
    expect(notes).toContain("– on grey: not a member, observer or partner on the date (sourced)");
    expect(notes).toContain("n/d in a dotted box: unknown");
    expect(notes).not.toContain("empty: no status");
    // the list behind a sourced absence is cited in the footnote too
    expect(notes).toMatch(/Sources: .*list-a/);
  });

  test("with every empty cell sourced, no 'n/d' and no unknown in the legend", () => {
    const all = membershipHeatmapFigure(
      { ...input, absent: [...input.absent!, { row: "TUR", col: "CICA" }] },
      { title: "M" },
    );
    expect(legend(all)).not.toContain("n/d No data (unknown)");
    expect(gapMarks(all)).toEqual([]);
  });
});
