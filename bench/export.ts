/**
 * Bench: export 50 figures as PNG and SVG through one headless Chromium, against the cost of launching it once.
 * Run: `npm run bench:export` (options: --figures N, --scale S, --concurrency C, --runs R).
 * Prints the launch time, the steady-state time per figure, figures per second, and steady-state time of the batch
 * as a multiple of the launch cost. Aim: ≥ 20 figures/s (PNG + SVG) on a 2-core machine.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { launchExporter } from "../lib/export/exporter";
import {
  balanceBarsFigure,
  capacityThroughputFigure,
  comparisonBarsFigure,
  membershipHeatmapFigure,
  overlapNetworkFigure,
  projectionFigure,
  timelineFigure,
  timeSeriesFigure,
  type CaspianFigure,
} from "../lib/figures";
import { seriesOf } from "../lib/indicators/series/build";
import type { SourceId } from "../lib/core/types";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const S = (...ids: string[]) => ids as SourceId[];

/** A mix of the eight chart kinds, each figure a little different (as a report's figures are). */
function figure(i: number): CaspianFigure {
  const k = i % 8;
  const bump = 1 + (i % 7) / 10;
  const years = Object.fromEntries(
    Array.from({ length: 9 }, (_, j) => [String(2016 + j), j === 4 ? null : (1 + j * 0.4 * bump) * 1e6]),
  );
  const series = seriesOf(years, {
    metric: "cargo",
    unit: "t",
    scope: "whole_route",
    label: "TITR cargo",
    sources: S("a", "b"),
  });
  const other = seriesOf(years, {
    metric: "cargo",
    unit: "t",
    scope: "caspian_ports",
    label: "TITR cargo",
    sources: S("c"),
  });
  const title = `Figure ${i + 1}`;
  switch (k) {
    case 0:
      return timeSeriesFigure([series, other], { title });
    case 1:
      return comparisonBarsFigure(
        {
          quantity: "Trade turnover",
          unit: "USD",
          bars: ["KAZ", "UZB", "TKM", "KGZ", "TJK"].map((c, j) => ({
            label: c,
            value: (j + 1) * 1e8 * bump,
            colorKey: c,
          })),
          sources: S("a"),
        },
        { title },
      );
    case 2:
      return capacityThroughputFigure(
        {
          asset: "Port of Baku",
          throughput: series,
          capacities: [{ label: "Phase 1", value: 15e6, unit: "t_per_year", status: "actual" }],
          sources: S("a"),
        },
        { title },
      );
    case 3:
      return projectionFigure(
        {
          series,
          fit: [2016, 2024, 2030].map((x) => ({ x, y: 1e6 * Math.exp(0.15 * bump * (x - 2016)) })),
          lower: [2024, 2030].map((x) => ({ x, y: 0.8e6 * Math.exp(0.14 * (x - 2016)) })),
          upper: [2024, 2030].map((x) => ({ x, y: 1.2e6 * Math.exp(0.17 * (x - 2016)) })),
          targets: [{ year: 2030, value: 10e6, label: "Target" }],
          sources: S("a"),
        },
        { title },
      );
    case 4: {
      const states = ["AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB", "TUR", "RUS", "CHN", "IRN"];
      const orgs = ["SCO", "CICA", "OTS", "CIS", "CSTO", "EAEU", "GUAM", "ECO"];
      const statuses = ["member", "founding_member", "observer", "dialogue_partner", null];
      return membershipHeatmapFigure(
        {
          asOf: "2025-01-01",
          rows: states,
          cols: orgs,
          cells: states.flatMap((s, r) =>
            orgs.map((o, c) => ({ row: s, col: o, status: statuses[(r * 3 + c + i) % statuses.length]! })),
          ),
          sources: S("a"),
        },
        { title, height: 500 },
      );
    }
    case 5: {
      const ids = ["SCO", "CICA", "OTS", "CIS", "CSTO", "EAEU", "GUAM", "ECO"];
      return overlapNetworkFigure(
        {
          nodes: ids.map((id, j) => ({ id, kind: "org" as const, size: j + 2 })),
          edges: ids.flatMap((a, j) =>
            ids.slice(j + 1).map((b, m) => ({ source: a, target: b, weight: ((j + m + i) % 6) + 1 })),
          ),
          weightName: "Shared members",
          weightUnit: "states",
          sources: S("a"),
        },
        { title },
      );
    }
    case 6:
      return timelineFigure(
        {
          spans: ["SCO", "CICA", "OTS", "CIS", "GUAM", "ECO"].map((lane, j) => ({
            lane,
            start: `${1995 + j * 3}`,
            status: j % 2 === 0 ? "member" : "observer",
          })),
          events: [{ date: "2024-07-04", label: "Summit", lane: "SCO" }],
          asOf: "2026-01-01",
          sources: S("a"),
        },
        { title, height: 500 },
      );
    default:
      return balanceBarsFigure(
        {
          quantity: "Share of ties",
          unit: "percent",
          bars: ["euro_atlantic", "russia_led", "china_led", "turkic", "islamic"].map((key, j) => ({
            key,
            value: 10 + ((j * 7 + i) % 20),
          })),
          index: { value: 0.8, label: "Balance index" },
          sources: S("a"),
        },
        { title },
      );
  }
}

/**
 * CPU seconds used so far by this process and every process below it (Chromium's browser, renderer and GPU
 * processes), from /proc. Wall time on a shared machine depends on what else runs; CPU time per figure does not.
 */
function treeCpuSeconds(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const tick = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(name), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / tick });
    } catch {
      // the process ended meanwhile
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, st] of stats)
      if (!mine.has(pid) && mine.has(st.ppid)) {
        mine.add(pid);
        grew = true;
      }
  }
  return [...mine].reduce((sum, pid) => sum + (stats.get(pid)?.cpu ?? 0), 0);
}

async function main(): Promise<void> {
  const n = arg("figures", 50);
  const scale = arg("scale", 2);
  const runs = arg("runs", 3);
  const concurrency = arg("concurrency", Math.min(2, cpus().length));
  const figures = Array.from({ length: n }, (_, i) => figure(i));
  console.log(
    `export bench: ${n} figures (8 chart kinds), PNG at scale ${scale} (${900 * scale}×${500 * scale} px) + SVG, ${concurrency} page(s), ${cpus().length} CPU(s)`,
  );

  const t0 = performance.now();
  const exporter = await launchExporter({ concurrency });
  const launchMs = performance.now() - t0;
  console.log(`launch: ${launchMs.toFixed(0)} ms (start Chromium, load the plotly bundle into ${concurrency} page(s))`);
  try {
    // One warm-up figure per kind: first draws compile Plotly's code paths.
    await Promise.all(figures.slice(0, 8).map((f) => exporter.render(f, { scale })));
    const times: number[] = [];
    const cpuStart = treeCpuSeconds();
    let bytes = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const out = await Promise.all(figures.map((f, i) => exporter.render(f, { scale, key: `f${i}` })));
      times.push(performance.now() - t);
      bytes = out.reduce((s, o) => s + (o.png?.byteLength ?? 0) + Buffer.byteLength(o.svg ?? ""), 0);
    }
    const cpuEnd = treeCpuSeconds();
    const best = Math.min(...times);
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(
      `steady state: ${runs} runs of ${n} figures: ${times.map((t) => t.toFixed(0)).join(", ")} ms (${(bytes / 1e6).toFixed(1)} MB of PNG+SVG per run)`,
    );
    console.log(
      `per figure (median run): ${(median / n).toFixed(1)} ms → ${((n * 1000) / median).toFixed(1)} figures/s (best run ${((n * 1000) / best).toFixed(1)} figures/s)`,
    );
    console.log(
      `steady-state batch / launch: ${(median / launchMs).toFixed(2)}× (one figure costs ${((median / n / launchMs) * 100).toFixed(1)} % of a launch)`,
    );
    if (cpuStart !== undefined && cpuEnd !== undefined) {
      const cpuPerFigure = ((cpuEnd - cpuStart) / (runs * n)) * 1000;
      const cores = cpus().length;
      console.log(
        `CPU per figure (node + Chromium, all processes): ${cpuPerFigure.toFixed(1)} ms → at most ${((1000 * cores) / cpuPerFigure).toFixed(1)} figures/s on ${cores} idle core(s); load average now ${(
          Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]) || 0
        ).toFixed(2)}`,
      );
    }
    const ok = (n * 1000) / median >= 20;
    console.log(ok ? "target met: ≥ 20 figures/s" : "below target: < 20 figures/s");
  } finally {
    await exporter.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
