/**
 * The house frame refitted to widths from 480 to 1,600 px, checked in Chromium: every figure kind is drawn by
 * Plotly at each width (height from the fit), and the boxes the browser reports for the title, subtitle, legend,
 * footnote, x-axis labels and plot area must lie inside the figure and must not overlap one another.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  balanceBarsFigure,
  capacityThroughputFigure,
  comparisonBarsFigure,
  membershipHeatmapFigure,
  noDataFigure,
  overlapNetworkFigure,
  projectionFigure,
  refitFigure,
  timelineFigure,
  timeSeriesFigure,
  type CaspianFigure,
  type PlotlyFigure,
} from "../../lib/figures";
import { seriesOf } from "../../lib/indicators/series/build";
import {
  balance,
  capacity,
  catalog,
  comparison,
  matrix,
  network,
  ports,
  projection,
  S,
  timeline,
  titrWithPlan,
} from "./fixtures";
import { type Box, inside, measuringPage, overlap, show, union } from "../helpers/boxes";

/** Many sources with long publisher names: a footnote of several lines at every width. */
const manySources = Array.from({ length: 9 }, (_, i) => ({
  id: `src-${i}`,
  publisher: `Ministry of Digital Development and Transport, statement number ${i}`,
  published: `2024-0${(i % 9) + 1}-15`,
}));
const bigCatalog = [...catalog, ...manySources];
const long = {
  title: "Cargo on the Trans-Caspian International Transport Route, whole route and Caspian ports, 2019–2025",
  subtitle: "Million tonnes a year, as reported by the route's association, the railways and the port authorities",
  note: "Hollow markers: part of a year (January–September 2025). Dashed: plan figures, not results. Figures from different publishers can differ for the same year.",
  sourceCatalog: bigCatalog,
};
const widePorts = seriesOf(
  { "2021": 1.1e6, "2022": 1.6e6, "2023": 2.4e6 },
  {
    metric: "cargo",
    unit: "t",
    scope: "aktau_and_kuryk_ports",
    label: "TITR cargo",
    sources: S("src-0", "src-1", "src-2"),
  },
);
const states = [
  "Azerbaijan",
  "Kazakhstan",
  "Uzbekistan",
  "Turkmenistan",
  "Kyrgyzstan",
  "Tajikistan",
  "Georgia",
  "Türkiye",
  "Mongolia",
];

const figures: Record<string, () => CaspianFigure> = {
  "time series": () => timeSeriesFigure([titrWithPlan, ports, widePorts], long),
  "comparison bars": () => comparisonBarsFigure(comparison, { ...long, title: "Trade turnover with Central Asia" }),
  "comparison bars, many categories": () =>
    comparisonBarsFigure(
      {
        quantity: "Trade turnover",
        unit: "USD",
        bars: states.map((label, i) => ({ label, value: (i + 1) * 1e8 })),
        sources: S(...manySources.map((s) => s.id)),
      },
      { title: "Trade turnover with nine states", sourceCatalog: bigCatalog, horizontal: false },
    ),
  "capacity/throughput": () =>
    capacityThroughputFigure(capacity, { ...long, title: "Port of Baku: throughput and capacity" }),
  "balance bars": () => balanceBarsFigure(balance, { ...long, title: "Balance of weighted ties by sphere" }),
  projection: () => projectionFigure(projection, { ...long, title: "TITR cargo: trend to 2030 against the target" }),
  timeline: () => timelineFigure(timeline, { ...long, title: "Azerbaijan in the SCO, the OTS and CICA" }),
  "overlap network": () => overlapNetworkFigure(network, { ...long, title: "Shared members between organisations" }),
  "membership heatmap": () =>
    membershipHeatmapFigure(
      {
        ...matrix,
        cols: ["SCO", "OTS", "CICA", "CIS", "ECO", "BSEC", "GUAM", "CAREC", "TRACECA", "OIC", "NAM"],
      },
      { ...long, title: "Memberships of the Caspian and Central Asian states" },
    ),
  "no data": () => noDataFigure("time-series", { ...long, title: "Cargo through the port of Aktau" }, "No data."),
};

const WIDTHS = [480, 700, 1000, 1600] as const;

interface Measured {
  readonly width: number;
  readonly height: number;
  readonly figure: Box;
  readonly plot: Box;
  readonly title: Box | null;
  readonly subtitle: Box | null;
  readonly legend: Box | null;
  readonly legendScrolls: boolean;
  readonly footnote: Box | null;
  readonly footnoteLines: number;
  readonly xLabels: Box[];
  readonly xTitle: Box | null;
}

// Runs in the page; a string, as the library is compiled without the DOM lib.
const MEASURE = `
window.__measure = async function (json) {
  var fig = JSON.parse(json);
  var gd = document.createElement("div");
  gd.style.position = "absolute"; gd.style.left = "0"; gd.style.top = "0";
  document.body.appendChild(gd);
  try {
    await Plotly.newPlot(gd, fig.data, fig.layout, { staticPlot: true, displayModeBar: false });
    var box = function (el) {
      if (!el) return null;
      var r = el.getBoundingClientRect();
      return r.width === 0 && r.height === 0 ? null : { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    var s = gd._fullLayout._size;
    var n = (fig.layout.annotations || []).length;
    var foot = gd.querySelector('g.annotation[data-index="' + (n - 1) + '"] text.annotation-text');
    var scroll = gd.querySelector("g.legend rect.scrollbar");
    return {
      width: gd._fullLayout.width,
      height: gd._fullLayout.height,
      figure: box(gd.querySelector("svg.main-svg")),
      plot: { x: s.l, y: s.t, w: s.w, h: s.h },
      title: box(gd.querySelector("text.gtitle")),
      subtitle: box(gd.querySelector("text.gtitle-subtitle")),
      legend: box(gd.querySelector("g.legend")),
      legendScrolls: !!scroll && Number(scroll.getAttribute("height") || 0) > 0,
      footnote: box(foot),
      footnoteLines: foot ? Math.max(1, foot.querySelectorAll("tspan.line").length) : 0,
      xLabels: Array.prototype.map.call(gd.querySelectorAll("g.xtick text"), box).filter(function (b) { return b; }),
      xTitle: box(gd.querySelector("g.g-xtitle text")),
    };
  } finally {
    Plotly.purge(gd);
    gd.remove();
  }
};
`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await measuringPage(MEASURE));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function measure(figure: PlotlyFigure): Promise<Measured> {
  const json = JSON.stringify({ data: figure.data, layout: figure.layout });
  return page.evaluate(
    (j) => (globalThis as unknown as { __measure: (s: string) => Promise<Measured> }).__measure(j),
    json,
  );
}

function problems(m: Measured, expectLegend: boolean): string[] {
  const out: string[] = [];
  const axisBoxes = [...m.xLabels, ...(m.xTitle !== null ? [m.xTitle] : [])];
  const parts: [string, Box | null][] = [
    ["title", m.title],
    ["subtitle", m.subtitle],
    ["legend", m.legend],
    ["plot", m.plot],
    ["x-axis labels", union(axisBoxes)],
    ["footnote", m.footnote],
  ];
  for (const [name, b] of [...parts, ...m.xLabels.map((b, i): [string, Box] => [`x label ${i}`, b])])
    if (b !== null && !inside(b, m.figure)) out.push(`${name} ${show(b)} is cut by the figure ${show(m.figure)}`);
  if (m.title === null) out.push("no title drawn");
  if (m.footnote === null) out.push("no footnote drawn");
  if (expectLegend && m.legend === null) out.push("no legend drawn");
  if (m.legendScrolls) out.push("the legend scrolls (cut)");
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++) {
      const [an, a] = parts[i]!;
      const [bn, b] = parts[j]!;
      // x-axis labels sit under the plot area; compare them with the plot by their own boxes only
      if (a === null || b === null) continue;
      if (overlap(a, b)) out.push(`${an} ${show(a)} overlaps ${bn} ${show(b)}`);
    }
  return out;
}

test("the check finds what the old export did: a 900 × 500 layout drawn at 700 × 520 (legend on the subtitle, sources cut)", async () => {
  const fig = figures["time series"]!();
  const m = await measure({ ...fig, layout: { ...fig.layout, width: 700, height: 520 } });
  const found = problems(m, true);
  expect(found.some((p) => /is cut by the figure/.test(p))).toBe(true);
});

describe("refitted figures in Chromium: nothing cut, nothing overlapping", () => {
  for (const [kind, build] of Object.entries(figures)) {
    test(kind, async () => {
      const base = build();
      const legend = base.layout.showlegend === true;
      const found: string[] = [];
      // every width at the height the fit needs, and a report's 700 × 500 slot (kept when the plot keeps 140 px)
      for (const size of [...WIDTHS.map((width) => ({ width })), { width: 700, height: 500 }]) {
        const { width } = size;
        const fig = refitFigure(base, size);
        const m = await measure(fig);
        expect([m.width, m.height]).toEqual([width, fig.layout.height]);
        expect(m.figure).toEqual({ x: 0, y: 0, w: width, h: fig.layout.height });
        found.push(...problems(m, legend).map((p) => `${width} × ${fig.layout.height} px: ${p}`));
      }
      expect(found).toEqual([]);
    });
  }
});
