import { describe, expect, it } from "vitest";
import {
  balanceBarsFigure,
  capacityThroughputFigure,
  comparisonBarsFigure,
  isEmptyFigure,
  membershipHeatmapFigure,
  overlapNetworkFigure,
  projectionFigure,
  timelineFigure,
  timeSeriesFigure,
} from "../../lib/figures";
import { seriesOf } from "../../lib/indicators/series";

const opts = { title: "T", noData: "No rows for Georgia as of 2016." };
const empty = seriesOf({}, { metric: "cargo", unit: "t" });

describe("figure builders on empty input", () => {
  const cases: [string, () => { meta?: object; layout: Record<string, unknown> }][] = [
    ["time series, no series", () => timeSeriesFigure([], opts)],
    ["time series, no points", () => timeSeriesFigure([empty], opts)],
    ["comparison bars", () => comparisonBarsFigure({ quantity: "Trade", unit: "USD", bars: [], sources: [] }, opts)],
    [
      "comparison bars, only n/a",
      () =>
        comparisonBarsFigure(
          { quantity: "Trade", unit: "USD", bars: [{ label: "KAZ", value: null }], sources: [] },
          opts,
        ),
    ],
    ["balance bars", () => balanceBarsFigure({ quantity: "Share", unit: "percent", bars: [], sources: [] }, opts)],
    [
      "heatmap",
      () => membershipHeatmapFigure({ asOf: "2016-01-01", rows: [], cols: ["SCO"], cells: [], sources: [] }, opts),
    ],
    ["timeline", () => timelineFigure({ spans: [], events: [], asOf: "2016-01-01", sources: [] }, opts)],
    [
      "network",
      () =>
        overlapNetworkFigure({ nodes: [], edges: [], weightName: "Shared", weightUnit: "states", sources: [] }, opts),
    ],
    [
      "capacity",
      () => capacityThroughputFigure({ asset: "Port", throughput: [empty], capacities: [], sources: [] }, opts),
    ],
    ["projection", () => projectionFigure({ series: empty, fit: [], targets: [], sources: [] }, opts)],
  ];
  for (const [name, build] of cases) {
    it(`${name}: a figure that says there is no data`, () => {
      const fig = build();
      expect(isEmptyFigure(fig)).toBe(true);
      const texts = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
      expect(texts).toContain("No rows for Georgia as of 2016.");
    });
  }
  it("a series with one value is drawn", () => {
    expect(isEmptyFigure(timeSeriesFigure(seriesOf({ "2020": 1 }, { metric: "cargo", unit: "t" }), opts))).toBe(false);
  });
});
