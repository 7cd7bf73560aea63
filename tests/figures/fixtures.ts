/** Small inputs for the figure tests: lib results built by hand. */
import { seriesOf } from "../../lib/indicators/series/build";
import { sourceId, type SourceId } from "../../lib/core/types";
import type {
  MembershipMatrixInput,
  OverlapNetworkInput,
  TimelineInput,
  BalanceInput,
  ProjectionInput,
  CapacityThroughputInput,
  ComparisonInput,
} from "../../lib/figures";

export const S = (...ids: string[]): SourceId[] => ids.map(sourceId);
export const XSS = "<img src=x onerror=alert(1)>";

export const catalog = [
  { id: "reportaz-titr", publisher: "Report.az", published: "2026-03-02" },
  { id: "ktz-2025", publisher: "Kazakhstan Temir Zholy", published: "2025-01" },
  { id: "ady-2024", publisher: "Azerbaijan Railways", published: "2024-12-20" },
  { id: "xss-source", publisher: XSS, published: "2024" },
];

export const titr = seriesOf(
  { "2019": 1.8e6, "2020": null, "2022": 1.5e6, "2023": 2.76e6, "2024": 4.5e6, "2025-01..2025-09": 3.9e6 },
  { metric: "cargo", unit: "t", scope: "whole_route", label: "TITR cargo", sources: S("reportaz-titr", "ktz-2025") },
);
export const ports = seriesOf(
  { "2021": 1.2e6, "2022": 1.9e6, "2023": 2.1e6 },
  { metric: "cargo", unit: "t", scope: "caspian_ports", label: "TITR cargo", sources: S("ady-2024") },
);
export const plan = seriesOf(
  { "2025": 5.2e6, "2026": 6e6 },
  { metric: "cargo", unit: "t", scope: "whole_route", label: "TITR cargo", status: "plan", sources: S("ady-2024") },
);
export const titrWithPlan = { ...titr, points: [...titr.points, ...plan.points] };

export const comparison: ComparisonInput = {
  quantity: "Trade turnover",
  unit: "USD",
  bars: [
    { label: "Kazakhstan", value: 4.6e8, colorKey: "KAZ" },
    { label: "Uzbekistan", value: 1.2e8, colorKey: "UZB" },
    { label: "Kyrgyzstan", value: null, colorKey: "KGZ" },
    { label: XSS, value: 1e7 },
  ],
  sources: S("ady-2024", "xss-source"),
};

export const capacity: CapacityThroughputInput = {
  asset: "Port of Baku",
  throughput: seriesOf(
    { "2021": 4.9e6, "2022": 5.1e6, "2023": 6.5e6 },
    { metric: "cargo", unit: "t", scope: "port_of_baku", label: "Port of Baku", sources: S("ady-2024") },
  ),
  capacities: [
    { label: "Phase 1", value: 15e6, unit: "t_per_year", status: "actual" },
    { label: "Phase 2", value: 25e6, unit: "t_per_year", status: "planned", from: 2026, to: 2028 },
  ],
  sources: S("ady-2024"),
};

export const projection: ProjectionInput = {
  series: titr,
  fit: [2019, 2024, 2030].map((x) => ({ x, y: 1.5e6 * Math.exp(0.2 * (x - 2019)) })),
  lower: [2024, 2030].map((x) => ({ x, y: 1.2e6 * Math.exp(0.18 * (x - 2019)) })),
  upper: [2024, 2030].map((x) => ({ x, y: 1.8e6 * Math.exp(0.22 * (x - 2019)) })),
  targets: [{ year: 2030, value: 10e6, label: "Target" }],
  method: "log-linear",
  sources: S("ktz-2025"),
};

export const matrix: MembershipMatrixInput = {
  asOf: "2025-06-01",
  rows: [
    { id: "AZE", label: "Azerbaijan" },
    { id: "KAZ", label: "Kazakhstan" },
    { id: "TUR", label: XSS },
  ],
  cols: ["SCO", "OTS", "CICA"],
  cells: [
    { row: "AZE", col: "SCO", status: "dialogue_partner", since: "2015-07-10", sources: S("reportaz-titr") },
    { row: "AZE", col: "OTS", status: "founding_member" },
    { row: "AZE", col: "CICA", status: "member" },
    { row: "KAZ", col: "SCO", status: "founding_member" },
    { row: "KAZ", col: "OTS", status: "founding_member" },
    { row: "TUR", col: "SCO", status: "dialogue_partner" },
    { row: "TUR", col: "OTS", status: "founding_member" },
  ],
  sources: S("ktz-2025"),
};

export const network: OverlapNetworkInput = {
  nodes: [
    { id: "SCO", kind: "org", size: 10 },
    { id: "OTS", kind: "org", size: 5 },
    { id: "CICA", kind: "org", size: 28 },
    { id: "KAZ", kind: "state" },
  ],
  edges: [
    { source: "SCO", target: "OTS", weight: 3 },
    { source: "SCO", target: "CICA", weight: 9 },
    { source: "OTS", target: "CICA", weight: 5 },
    { source: "KAZ", target: "SCO", weight: 1 },
  ],
  weightName: "Shared members",
  weightUnit: "states",
  sources: S("ktz-2025"),
};

export const timeline: TimelineInput = {
  spans: [
    { lane: "SCO", start: "2015-07", end: "2025-09", status: "dialogue_partner" },
    { lane: "SCO", start: "2025-09", status: "partner" },
    { lane: "OTS", start: "2009-10-03", status: "founding_member" },
    { lane: "CICA", start: "2002", status: "member" },
  ],
  events: [
    { date: "2024-07-04", label: "SCO+ summit", lane: "SCO" },
    { date: "2025-04", label: XSS },
  ],
  asOf: "2026-01-01",
  sources: S("reportaz-titr"),
};

export const balance: BalanceInput = {
  quantity: "Share of weighted ties",
  unit: "percent",
  bars: [
    { key: "euro_atlantic", value: 30 },
    { key: "turkic", value: 25 },
    { key: "china_led", value: 5 },
    { key: "asian_dialogue", value: 20 },
  ],
  index: { value: 0.82, label: "Balance index" },
  sources: S("ady-2024"),
};
