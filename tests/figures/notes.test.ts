/** A figure's note describes only what the figure draws: each note is tested with and without its element. */
import { describe, expect, test } from "vitest";
import {
  capacityThroughputFigure,
  decodePlotlyText,
  networkNote,
  overlapNetworkFigure,
  projectionFigure,
  seriesNote,
  timelineFigure,
  timeSeriesFigure,
  type CaspianFigure,
} from "../../lib/figures";
import { seriesOf } from "../../lib/indicators/series/build";
import { capacity, network, ports, projection, S, timeline, titr, titrWithPlan } from "./fixtures";

/** The footnote (note and sources line) as plain text: the last annotation of a house figure. */
function footnote(f: CaspianFigure): string {
  const annotations = f.layout.annotations as { text: string }[];
  return decodePlotlyText(annotations.at(-1)!.text);
}

describe("time series notes", () => {
  test("'Breaks in a line' only when a line has a year without data between two with data", () => {
    expect(footnote(timeSeriesFigure(titr, { title: "t" }))).toContain("Breaks in a line are years without data.");
    expect(footnote(timeSeriesFigure(ports, { title: "t" }))).not.toContain("Breaks");
    // a missing last year is not a break: the line just ends
    const tail = seriesOf({ "2021": 1, "2022": 2, "2023": null }, { metric: "cargo", unit: "t", sources: S("a") });
    expect(footnote(timeSeriesFigure(tail, { title: "t" }))).not.toContain("Breaks");
  });

  test("'period labelled' only when every hollow marker carries its period (trade-kaz 2025: Jan–Jul, Jan–Aug, Jan–Oct)", () => {
    const cumulative = seriesOf(
      {
        "2023": 700e6,
        "2024": 800e6,
        "2025-01..2025-07": 517.1e6,
        "2025-01..2025-08": 547.6e6,
        "2025-01..2025-10": 600.3e6,
      },
      { metric: "trade", unit: "USD", label: "Customs", sources: S("a") },
    );
    const f = timeSeriesFigure(cumulative, { title: "t" });
    const texts = f.data.find((t) => t.mode === "markers+text")!.text as string[];
    expect(texts).toContain(""); // Jan–Jul sits too close to Jan–Aug for a label
    expect(footnote(f)).not.toContain("period labelled");
    expect(footnote(f)).toContain("periods labelled where there is room (the hover gives each)");
    // one part-year point: labelled, and the note says so
    expect(footnote(timeSeriesFigure(titr, { title: "t" }))).toContain("part-year figures (period labelled)");
    expect(seriesNote({ partial: true, unlabelled: true, projected: false, gaps: false })).not.toContain(
      "period labelled)",
    );
  });

  test("'Dashed' only with a plan, 'Hollow markers' only with part-year figures", () => {
    const noPlan = footnote(timeSeriesFigure(ports, { title: "t" }));
    expect(noPlan).not.toContain("Dashed");
    expect(noPlan).not.toContain("Hollow");
    const full = footnote(timeSeriesFigure(titrWithPlan, { title: "t" }));
    expect(full).toContain("Dashed: plan or forecast.");
    expect(full).toContain("Hollow markers: part-year figures");
  });

  test("seriesNote() is undefined when there is nothing to explain, else only the caller's note", () => {
    expect(seriesNote({ partial: false, projected: false, gaps: false })).toBeUndefined();
    expect(seriesNote({ partial: false, projected: false, gaps: false }, "Mine.")).toBe("Mine.");
  });
});

describe("overlap network notes", () => {
  test("'and label' only when edge weights are printed, nothing about lines without edges", () => {
    expect(footnote(overlapNetworkFigure(network, { title: "n" }))).toContain(
      "Line width and label: Shared members (states).",
    );
    const unlabelled = footnote(overlapNetworkFigure(network, { title: "n", edgeLabels: false }));
    expect(unlabelled).toContain("Line width: Shared members (states).");
    expect(unlabelled).not.toContain("label");
    const noEdges = footnote(overlapNetworkFigure({ ...network, edges: [] }, { title: "n" }));
    expect(noEdges).not.toContain("Line width");
    expect(networkNote({ ...network, edges: [] }, true)).toBeUndefined();
  });
});

describe("capacity notes", () => {
  test("lines are explained only when capacities are drawn", () => {
    expect(footnote(capacityThroughputFigure(capacity, { title: "c" }))).toContain(
      "Bars: throughput per year; lines: stated capacity per year.",
    );
    const noLines = footnote(capacityThroughputFigure({ ...capacity, capacities: [] }, { title: "c" }));
    expect(noLines).toContain("Bars: throughput per year.");
    expect(noLines).not.toContain("lines");
  });
});

describe("projection notes", () => {
  test("'Dashed: trend' only when a trend line is drawn", () => {
    expect(footnote(projectionFigure(projection, { title: "p" }))).toContain("Dashed: trend.");
    const f = projectionFigure({ ...projection, fit: [], lower: undefined, upper: undefined }, { title: "p" });
    expect(footnote(f)).not.toContain("Dashed");
    expect(f.data.some((t) => String(t.name).startsWith("Trend"))).toBe(false);
  });
});

describe("timeline notes", () => {
  test("'Open intervals' only when a span is open", () => {
    expect(footnote(timelineFigure(timeline, { title: "t" }))).toContain("Open intervals run to 2026-01-01.");
    const closed = timelineFigure({ ...timeline, spans: [timeline.spans[0]!] }, { title: "t" });
    expect(footnote(closed)).not.toContain("Open intervals");
  });

  test("diamonds are drawn only when there are events (the legend names them only then)", () => {
    const withEvents = timelineFigure(timeline, { title: "t" });
    expect(withEvents.data.some((t) => (t.marker as { symbol?: string }).symbol === "diamond")).toBe(true);
    const without = timelineFigure({ ...timeline, events: [] }, { title: "t" });
    expect(without.data.some((t) => (t.marker as { symbol?: string }).symbol === "diamond")).toBe(false);
    expect(without.data.map((t) => t.name)).not.toContain("Event");
  });
});
