import { describe, expect, test } from "vitest";
import {
  balanceBarsFigure,
  balanceInputFrom,
  capacityThroughputFigure,
  circularLayout,
  comparisonBarsFigure,
  membershipHeatmapFigure,
  membershipInputFromRows,
  networkInputFromGraph,
  overlapNetworkFigure,
  partLabels,
  projectionFigure,
  wrappedSourcesLine,
  timelineFigure,
  timelineInputFromEntries,
  timeSeriesFigure,
  withProjections,
  type CaspianFigure,
} from "../../lib/figures";
import { UndirectedGraph } from "graphology";
import { balance, capacity, comparison, matrix, network, projection, S, timeline, titr, ports } from "./fixtures";

/** Numbers rounded to 4 significant digits so that snapshots do not depend on floating-point noise. */
function normalise(f: CaspianFigure): unknown {
  return JSON.parse(JSON.stringify(f), (_k, v: unknown) =>
    typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v,
  );
}

describe("timeSeriesFigure()", () => {
  test("draws missing years and null values as breaks, not as joined lines", () => {
    const f = timeSeriesFigure(titr, { title: "TITR" });
    const line = f.data[0]!;
    expect(line.x).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(line.y).toEqual([1.8, null, null, 1.5, 2.76, 4.5]);
    expect(line.connectgaps).toBe(false);
  });

  test("puts part-year figures apart as hollow labelled markers", () => {
    const f = timeSeriesFigure(titr, { title: "TITR" });
    const part = f.data.find((t) => t.mode === "markers+text")!;
    expect(part.x).toEqual([2025]);
    expect(part.text).toEqual(["Jan–Sep"]);
    expect((part.marker as { symbol: string }).symbol).toBe("circle-open");
  });

  test("names each series with its scope", () => {
    const f = timeSeriesFigure([titr, ports], { title: "TITR" });
    expect(f.data.map((t) => t.name)).toContain("TITR cargo [whole route]");
    expect(f.data.map((t) => t.name)).toContain("TITR cargo [caspian ports]");
  });

  test("snapshot", async () => {
    await expect(
      JSON.stringify(normalise(timeSeriesFigure([titr, ports], { title: "TITR" })), null, 1),
    ).toMatchFileSnapshot("__snapshots__/time-series.json");
  });
});

describe("other builders", () => {
  test("comparisonBarsFigure() writes n/a for a missing value instead of a zero bar", () => {
    const f = comparisonBarsFigure(comparison, { title: "Trade" });
    expect((f.data[0]!.x as unknown[])[2]).toBeNull();
    expect((f.layout.annotations as { text: string }[]).some((a) => a.text === "n/a")).toBe(true);
  });

  test("capacityThroughputFigure() refuses capacities in another unit", () => {
    expect(() =>
      capacityThroughputFigure(
        { ...capacity, capacities: [{ label: "x", value: 1, unit: "TEU_per_year", status: "actual" }] },
        { title: "x" },
      ),
    ).toThrow(/TEU_per_year/);
    const f = capacityThroughputFigure(capacity, { title: "Baku" });
    const planned = f.data.find((t) => String(t.name).startsWith("Phase 2"))!;
    expect(planned.x).toEqual([2025.55, 2028.45]);
    expect((planned.line as { dash: string }).dash).toBe("dot");
  });

  test("projectionFigure() shades the band between lower and upper and marks targets", () => {
    const f = projectionFigure(projection, { title: "Trend" });
    const band = f.data.find((t) => t.fill === "tonexty")!;
    expect(band.y).toHaveLength(2);
    expect(f.data.find((t) => t.name === "Targets")!.x).toEqual([2030]);
    expect(() => projectionFigure({ ...projection, upper: undefined }, { title: "x" })).toThrow(/both/);
  });

  test("projections with intervals (lib/indicators/trend's Projection) extend the line and the band", () => {
    const p = withProjections({
      ...projection,
      fit: [{ x: 2019, y: 1 }],
      lower: undefined,
      upper: undefined,
      projections: [
        { x: 2030, estimate: 9e6, lower: 7e6, upper: 11e6 },
        { x: 2027, estimate: 6e6, lower: undefined, upper: undefined },
      ],
    });
    expect(p.fit.map((q) => q.x)).toEqual([2019, 2027, 2030]);
    expect(p.lower).toEqual([{ x: 2030, y: 7e6 }]);
  });

  test("membershipHeatmapFigure() colours each cell by status and labels it", () => {
    // cells are vector shapes now (tests/figures/membership-heatmap.test.ts); the letters are a text trace
    const f = membershipHeatmapFigure(matrix, { title: "M" });
    expect(f.data.some((t) => t.type === "heatmap")).toBe(false);
    expect(f.data[1]!.text).toEqual(["DP", "FM", "M", "FM", "FM", "DP", "FM"]);
    expect((f.layout.title as { subtitle: { text: string } }).subtitle.text).toBe("Status as of 2025-06-01");
  });

  test("circularLayout() is deterministic and starts at the top", () => {
    const a = circularLayout(["A", "B", "C", "D"]);
    expect(a.get("A")).toMatchObject({ x: 0, y: 1 });
    expect(a.get("B")).toMatchObject({ x: 1, y: 0 });
    expect(JSON.stringify([...circularLayout(["A", "B", "C", "D"])])).toBe(JSON.stringify([...a]));
    const f1 = overlapNetworkFigure(network, { title: "N" });
    const f2 = overlapNetworkFigure(
      { ...network, nodes: [...network.nodes].reverse(), edges: [...network.edges].reverse() },
      { title: "N" },
    );
    expect(JSON.stringify(f1)).toBe(JSON.stringify(f2));
  });

  test("overlapNetworkFigure() refuses edges to unknown nodes", () => {
    expect(() =>
      overlapNetworkFigure({ ...network, edges: [{ source: "SCO", target: "NOPE", weight: 1 }] }, { title: "x" }),
    ).toThrow(/unknown node/);
  });

  test("timelineFigure() runs open spans to asOf and puts events on their lanes", () => {
    const f = timelineFigure(timeline, { title: "T" });
    const partner = f.data.find((t) => t.name === "Partner")!;
    expect((partner.base as number[])[0]).toBeCloseTo(2025.667, 2);
    expect((partner.base as number[])[0]! + (partner.x as number[])[0]!).toBeCloseTo(2026, 3);
    const events = f.data.find((t) => t.name === "Event")!;
    expect(events.y).toEqual(["SCO", "Events"]);
  });

  test("balanceBarsFigure() colours spheres like their anchor organisations", () => {
    const f = balanceBarsFigure(balance, { title: "B" });
    expect((f.data[0]!.marker as { color: string[] }).color.slice(0, 2)).toEqual(["#0072B2", "#56B4E9"]);
    expect((f.layout.annotations as { text: string }[])[0]!.text).toBe("Balance index: 0.82");
  });
});

describe("legibility with real-sized data", () => {
  test("a label that already names the scope is not suffixed again", () => {
    expect(timeSeriesFigure({ ...titr, label: "cargo (titr, whole_route)" }, { title: "x" }).data[0]!.name).toBe(
      "cargo (titr, whole_route)",
    );
  });

  test("part-year labels that would sit on each other are dropped, the longer period kept", () => {
    expect(
      partLabels(
        [
          { year: 2024, value: 2.0, days: 181 },
          { year: 2024, value: 2.05, days: 212 },
          { year: 2024, value: 1, days: 90 },
          { year: 2023, value: 2.0, days: 90 },
        ],
        0.2,
      ),
    ).toEqual([false, true, true, true]);
  });

  test("repeated capacity statements become one line with a count", () => {
    const f = capacityThroughputFigure(
      {
        ...capacity,
        capacities: [1, 2, 3].map((i) => ({
          label: `statement ${i}`,
          value: 25e6,
          unit: "t_per_year",
          status: "planned" as const,
        })),
      },
      { title: "x" },
    );
    const lines = f.data.filter((t) => t.mode === "lines");
    expect(lines.map((t) => t.name)).toEqual(["Planned: 25 million t/year (3 statements)"]);
  });

  test("a long legend or footnote grows the figure instead of squeezing the plot", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      label: `Capacity statement number ${i} with a long name`,
      value: (10 + i) * 1e6,
      unit: "t_per_year",
      status: "design" as const,
    }));
    const f = capacityThroughputFigure({ ...capacity, capacities: many }, { title: "x" });
    const m = f.layout.margin as { t: number; b: number };
    const h = f.layout.height as number;
    expect((h - m.t - m.b) / h).toBeGreaterThanOrEqual(0.44);
    expect(h).toBeGreaterThan(500);
  });

  test("the sources line never takes more than two lines", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      publisher: `A publisher with a long name ${i}`,
      published: "2024-05-01",
    }));
    const lines = wrappedSourcesLine(S(...rows.map((r) => r.id)), rows, 130, 2);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/\+\d+ more$/);
  });
});

describe("adapters from indicator results", () => {
  test("membershipInputFromRows() takes matrix table rows", () => {
    const input = membershipInputFromRows("2025-01-01", [
      { state: "AZE", cells: { SCO: "dialogue_partner", OTS: "" }, sources: S("a") },
      { state: "KAZ", cells: { SCO: "founding_member", OTS: "founding_member" }, sources: S("b") },
    ]);
    expect(input.cells.filter((c) => c.status !== null)).toHaveLength(3);
    expect(membershipHeatmapFigure(input, { title: "x" }).meta.sources).toEqual(["a", "b"]);
  });

  test("balanceInputFrom() turns shares into percentages with the index", () => {
    const input = balanceInputFrom({
      state: "AZE",
      date: "2024",
      shares: { turkic: 0.5, china_led: 0.5 },
      index: 0.464,
      sources: S("x"),
    });
    expect(input.bars.map((b) => b.value)).toEqual([50, 50]);
    expect(input.index).toEqual({ value: 0.46, label: "Balance index (0–1)" });
  });

  test("timelineInputFromEntries() closes a status at the next change", () => {
    const input = timelineInputFromEntries(
      [
        { date: "2015-07-10", state: "AZE", org: "SCO", change: "joined", status: "dialogue_partner", sources: S("a") },
        { date: "2025-09-01", state: "AZE", org: "SCO", change: "changed", status: "partner", sources: S("b") },
      ],
      "2026-01-01",
    );
    expect(input.spans).toEqual([
      { lane: "SCO", start: "2015-07-10", end: "2025-09-01", status: "dialogue_partner", sources: ["a"] },
      { lane: "SCO", start: "2025-09-01", end: null, status: "partner", sources: ["b"] },
    ]);
  });

  test("networkInputFromGraph() reads a graphology graph and keeps house colours", () => {
    const g = new UndirectedGraph<{ kind: string; id: string }, { weight: number; sources: string[] }>();
    g.addNode("org:SCO", { kind: "org", id: "SCO" });
    g.addNode("org:OTS", { kind: "org", id: "OTS" });
    g.addEdge("org:SCO", "org:OTS", { weight: 2, sources: ["s"] });
    const input = networkInputFromGraph(g as never, "Shared members", "states");
    const f = overlapNetworkFigure(input, { title: "x" });
    const nodes = f.data.find((t) => t.name === "Organisation")!;
    expect(nodes.text).toEqual(["OTS", "SCO"]);
    expect((nodes.marker as { color: string[] }).color).toEqual(["#56B4E9", "#D55E00"]);
  });
});

describe("figure builders on data-sized input", () => {
  test("a comparison of 500,000 bars does not overflow the call stack (no Math.max(...xs))", () => {
    const n = 500_000;
    const bars = Array.from({ length: n }, (_, i) => ({ label: `k${i}`, value: i % 1000, colorKey: "AZE" }));
    const fig = comparisonBarsFigure({ quantity: "Cargo", unit: "t", bars, sources: [] }, { title: "many" });
    expect(fig.data.length).toBeGreaterThan(0);
  });
});
