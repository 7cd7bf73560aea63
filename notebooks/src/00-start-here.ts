// %% [markdown]
// # 00 · Start here
//
// This notebook checks that the whole Caspian Lab path works on your machine: the **tslab** TypeScript kernel,
// the compiled and typed library in `dist/lib`, the sourced data package in `data/`, **danfojs-node** for tables,
// **simple-statistics** for a statistic, and an interactive **Plotly** chart that needs no network.
//
// The question is small on purpose: how fast has cargo on the Trans-Caspian International Transport Route
// (the Middle Corridor) grown, in the one continuous annual series published by Kazakhstan's Ministry of Transport?

// %% tags=parameters
let fromYear = 2019;
let toYear = 2025;

// %%
import * as cl from "../dist/lib";
import * as ss from "simple-statistics";

const pkg = cl.dataPackage();
// The one continuous annual series: Kazakhstan's Ministry of Transport (rows titr-whole-YYYY-cargo).
const years: number[] = [];
for (let y = fromYear; y <= toYear; y++) years.push(y);
const series = cl.corridorSeries(pkg.corridorFlows, {
  route: "titr", scope: "whole_route", metric: "cargo",
  ids: years.map((y) => `titr-whole-${y}-cargo`),
  label: "Cargo, whole route (Kazakhstan Ministry of Transport)",
});
console.log(`${series.points.length} annual values, ${series.unit}, from ${pkg.sources.length} sources in the package`);

// %% [markdown]
// The same rows as a danfojs DataFrame. Every row names the sources it comes from; `data/sources.csv` holds the
// publisher, the address and a verbatim quote for each.

// %%
// danfojs is heavy (its types and tfjs), so the library keeps it out of the main import.
import { toDataFrame } from "../dist/lib/data/frame";
const rows = pkg.corridorFlows.filter((r) => series.points.some((p) => p.periodStart === r.period_start && r.id.startsWith("titr-whole-")));
const df = toDataFrame(rows).loc({ columns: ["period_start", "value", "unit", "sources"] });
df.print();

// %% [markdown]
// A straight-line trend through the annual tonnages (simple-statistics' least squares) as a first look; notebook 02
// fits log-linear trends with uncertainty bands and sets them against the 2027 and 2030 targets.

// %%
const points: [number, number][] = series.points.map((p) => [Number(p.periodStart.slice(0, 4)), (p.value ?? 0) / 1e6]);
const fit = ss.linearRegression(points);
const r2 = ss.rSquared(points, ss.linearRegressionLine(fit));
const growth = cl.seriesCagr(series);
cl.displayMarkdown(
  cl.md`Least-squares trend ${fromYear}–${toYear}: **${fit.m.toFixed(2)} Mt per year** (R² = ${r2.toFixed(2)}); compound annual growth ${growth ? growth.value.toFixed(1) + " %" : "not defined"}.`,
);

// %%
const figure = cl.timeSeriesFigure(series, {
  title: "Middle Corridor cargo, whole route",
  subtitle: `Kazakhstan Ministry of Transport, ${fromYear}–${toYear}`,
  sourceCatalog: pkg.sources,
});
cl.show(figure);
cl.registerFigure({ id: "titr-cargo-whole-route", caption: "Annual cargo on the whole Trans-Caspian route, as published by Kazakhstan's Ministry of Transport.", figure });
