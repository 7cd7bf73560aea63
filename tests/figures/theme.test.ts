import { describe, expect, test } from "vitest";
import {
  assignColors,
  axisTitle,
  balanceBarsFigure,
  capacityThroughputFigure,
  comparisonBarsFigure,
  hashColor,
  HOUSE,
  membershipHeatmapFigure,
  OKABE_ITO,
  overlapNetworkFigure,
  plotlyText,
  projectionFigure,
  pointHover,
  sourcesLine,
  stateColor,
  timelineFigure,
  timeSeriesFigure,
  valueScale,
  yearAxis,
  yearStep,
  type CaspianFigure,
} from "../../lib/figures";
import {
  balance,
  capacity,
  catalog,
  comparison,
  matrix,
  network,
  plan,
  ports,
  projection,
  S,
  timeline,
  titr,
  titrWithPlan,
} from "./fixtures";

const all = () => ({
  timeSeries: timeSeriesFigure([titrWithPlan, ports], { title: "Cargo", sourceCatalog: catalog }),
  comparison: comparisonBarsFigure(comparison, { title: "Trade" }),
  capacity: capacityThroughputFigure(capacity, { title: "Baku" }),
  projection: projectionFigure(projection, { title: "Trend" }),
  heatmap: membershipHeatmapFigure(matrix, { title: "Memberships" }),
  network: overlapNetworkFigure(network, { title: "Overlap" }),
  timeline: timelineFigure(timeline, { title: "Timeline" }),
  balance: balanceBarsFigure(balance, { title: "Balance" }),
});

const axes = (f: CaspianFigure) =>
  Object.entries(f.layout)
    .filter(([k]) => /^[xy]axis\d*$/.test(k))
    .map(([k, v]) => [k, v as Record<string, unknown>] as const);
const titleOf = (axis: Record<string, unknown>) => String((axis.title as { text?: string } | undefined)?.text ?? "");

describe("house theme", () => {
  test("every year axis has integer ticks: tickformat 'd' and a whole-number dtick", () => {
    let yearAxes = 0;
    for (const [name, fig] of Object.entries(all()) as [string, CaspianFigure][]) {
      for (const [, axis] of axes(fig)) {
        if (!/^Year/.test(titleOf(axis))) continue;
        yearAxes++;
        expect(axis.tickformat, name).toBe("d");
        expect(Number.isInteger(axis.dtick), name).toBe(true);
        expect(Number.isInteger(axis.tick0), name).toBe(true);
        expect(axis.tickmode, name).toBe("linear");
      }
    }
    expect(yearAxes).toBe(4); // time series, capacity, projection, timeline
  });

  test("value axes carry their unit in the title", () => {
    const f = all();
    expect(titleOf(f.timeSeries.layout.yaxis as Record<string, unknown>)).toBe("Cargo (million t)");
    expect(titleOf(f.capacity.layout.yaxis as Record<string, unknown>)).toBe("Volume (million t/year)");
    expect(titleOf(f.projection.layout.yaxis as Record<string, unknown>)).toBe("Cargo (million t)");
    expect(titleOf(f.balance.layout.yaxis as Record<string, unknown>)).toBe("Share of weighted ties (%)");
    // horizontal bars: the value axis is x
    const bars = f.comparison.layout;
    const valueAxis = [bars.xaxis, bars.yaxis].map((a) => titleOf(a as Record<string, unknown>)).find((t) => t !== "");
    expect(valueAxis).toBe("Trade turnover (million US$)");
  });

  test("a builder refuses an axis without unit", () => {
    expect(() => axisTitle("Cargo", "")).toThrow(/unit/);
    expect(() => timeSeriesFigure({ ...titr, unit: "" }, { title: "x" })).toThrow(/unit/);
    expect(() => overlapNetworkFigure({ ...network, weightUnit: " " }, { title: "x" })).toThrow(/unit/);
  });

  test("series of different units cannot share a chart", () => {
    expect(() => timeSeriesFigure([titr, { ...ports, unit: "TEU" }], { title: "x" })).toThrow(/different units/);
  });

  test("a state has the same colour in every chart", () => {
    const f = all();
    const barColors = (f.comparison.data[0]!.marker as { color: string[] }).color;
    const kazBar = barColors[0];
    const heat = membershipHeatmapFigure(matrix, { title: "x" });
    void heat;
    const net = overlapNetworkFigure(network, { title: "x" });
    const stateTrace = net.data.find((t) => t.name === "State")!;
    const kazNode = (stateTrace.marker as { color: string[] }).color[0];
    expect(kazBar).toBe(stateColor("KAZ"));
    expect(kazNode).toBe(stateColor("KAZ"));
    expect(stateColor("KAZ")).toBe(OKABE_ITO.skyBlue);
    // and a scope keeps its colour from chart to chart
    const a = timeSeriesFigure([titr, ports], { title: "a" }).data.find((t) => String(t.name).includes("caspian"))!;
    const b = timeSeriesFigure([ports, titr], { title: "b" }).data.find((t) => String(t.name).includes("caspian"))!;
    expect((a.line as { color: string }).color).toBe((b.line as { color: string }).color);
  });

  test("colours come from the colour-blind-safe palettes; fallbacks are deterministic and distinct within a chart", () => {
    expect(hashColor("some-new-key")).toBe(hashColor("some-new-key"));
    const m = assignColors(["k1", "k2", "k3", "k4", "k5", "k6"]);
    expect(new Set(m.values()).size).toBe(6);
    expect(assignColors(["AZE"]).get("AZE")).toBe(OKABE_ITO.blue);
  });

  test("fonts are at least 12 px and the default size is half an A4 page", () => {
    const f = all().timeSeries;
    expect(f.layout.width).toBe(HOUSE.width);
    expect(f.layout.height).toBe(HOUSE.height);
    const sizes: number[] = [];
    JSON.stringify(f.layout, (k, v: unknown) => {
      if (k === "size" && typeof v === "number") sizes.push(v);
      return v;
    });
    JSON.stringify(f.data, (k, v: unknown) => {
      if (k === "textfont" && typeof v === "object" && v !== null && typeof (v as { size?: unknown }).size === "number")
        sizes.push((v as { size: number }).size);
      return v;
    });
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  });

  test("the footnote names publishers and dates from the catalog", () => {
    const f = timeSeriesFigure([titr, ports], { title: "Cargo", sourceCatalog: catalog });
    const notes = (f.layout.annotations as { text: string }[]).map((a) => a.text).join(" ");
    expect(notes).toContain(
      "Sources: Report.az (2026-03-02); Kazakhstan Temir Zholy (2025-01); Azerbaijan Railways (2024-12-20)",
    );
    expect(f.meta.sources).toEqual(["reportaz-titr", "ktz-2025", "ady-2024"]);
  });

  test("a long sources line is cut with '+N more'", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      publisher: `Publisher number ${i}`,
      published: "2024-01-01",
    }));
    const line = sourcesLine(S(...many.map((m) => m.id)), many, 120);
    expect(line.length).toBeLessThanOrEqual(120);
    expect(line).toMatch(/; \+\d+ more$/);
    expect(line.startsWith("Sources: Publisher number 0 (2024-01-01)")).toBe(true);
  });

  test("pages of one year give that year once; a date the publisher's name holds is not printed again", () => {
    const pages = ["2025-10-06", "2025-10-20", "2025-10"].map((published, i) => ({
      id: `r${i}`,
      publisher: "Report.az",
      published,
    }));
    expect(sourcesLine(S("r0", "r1", "r2"), pages)).toBe("Sources: Report.az (3 pages, 2025)");
    const spread = [...pages, { id: "r3", publisher: "Report.az", published: "2016-03-14" }];
    expect(sourcesLine(S("r0", "r1", "r2", "r3"), spread)).toBe("Sources: Report.az (4 pages, 2016–2025)");
    const kiwix = [{ id: "k", publisher: "Wikipedia (kiwix mirror, 2024-02)", published: "2024-02" }];
    expect(sourcesLine(S("k"), kiwix)).toBe("Source: Wikipedia (kiwix mirror, 2024-02)");
    expect(pointHover({ value: "1", sources: ["k"] }, kiwix).split("<br>")[1]).toBe(
      "Source: Wikipedia (kiwix mirror, 2024-02)",
    );
  });

  test("text from data is escaped for Plotly", () => {
    expect(plotlyText("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
    const json = JSON.stringify(all());
    expect(json).not.toContain("<img");
  });

  test("large values are scaled and the unit says so", () => {
    expect(valueScale([3.4e6], "t")).toEqual({ factor: 1e6, label: "million t" });
    expect(valueScale([45], "percent")).toEqual({ factor: 1, label: "%" });
    expect(valueScale([2.5e9], "USD")).toEqual({ factor: 1e9, label: "billion US$" });
  });

  test("year ticks thin out on long spans but stay whole years", () => {
    expect(yearStep(2019, 2024)).toBe(1);
    expect(yearStep(2010, 2030)).toBe(2);
    expect(yearStep(1990, 2026)).toBe(5);
    const ax = yearAxis([2021, 2021]);
    expect(ax.dtick).toBe(1);
    expect(ax.range).toEqual([2020.5, 2021.5]);
  });

  test("plan values are drawn dashed, separately from actuals", () => {
    const f = timeSeriesFigure(titrWithPlan, { title: "x" });
    const dashed = f.data.filter((t) => (t.line as { dash?: string } | undefined)?.dash === "dash");
    expect(dashed).toHaveLength(1);
    expect(dashed[0]!.x).toEqual([2024, 2025, 2026]); // joined to the last actual year
    void plan;
  });
});
