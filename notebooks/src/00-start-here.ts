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
let scope = "whole_route";

// %%
import * as cl from "../dist/lib";
import * as ss from "simple-statistics";

const pkg = cl.dataPackage();
const annual = pkg.corridorFlows.filter(
  (r) => r.route === "titr" && r.scope === scope && r.metric === "cargo" && r.status === "actual" &&
    r.period_start.endsWith("-01-01") && r.period_end.endsWith("-12-31"),
);
console.log(`${annual.length} annual rows for scope "${scope}", from ${pkg.sources.length} sources in the package`);

// %% [markdown]
// The rows as a danfojs DataFrame. Every row names the source it comes from; `data/sources.csv` holds the
// publisher, the address and a verbatim quote for each.

// %%
const df = cl.toDataFrame(annual).loc({ columns: ["period_start", "value", "unit", "sources"] });
df.print();

// %% [markdown]
// A straight-line trend through the annual tonnages (simple-statistics' least squares). It is a first look only;
// notebook 02 fits log-linear trends with uncertainty bands and compares them with the 2027 and 2030 targets.

// %%
const points: [number, number][] = annual.map((r) => [Number(r.period_start.slice(0, 4)), r.value / 1e6]);
const fit = ss.linearRegression(points);
const r2 = ss.rSquared(points, ss.linearRegressionLine(fit));
cl.displayMarkdown(
  `Least-squares trend ${points[0][0]}–${points[points.length - 1][0]}: **${fit.m.toFixed(2)} Mt per year** (R² = ${r2.toFixed(2)}).`,
);

// %%
const years = points.map((p) => p[0]);
cl.show({
  data: [
    { type: "scatter", mode: "lines+markers", name: `Cargo, ${scope.replace("_", " ")}`, x: years, y: points.map((p) => p[1]) },
    { type: "scatter", mode: "lines", name: "Linear trend", line: { dash: "dot" }, x: years, y: years.map((y) => fit.m * y + fit.b) },
  ],
  layout: {
    title: { text: "Middle Corridor cargo, whole route" },
    xaxis: { title: { text: "Year" }, tickformat: "d", dtick: 1 },
    yaxis: { title: { text: "Cargo (million tonnes)" }, rangemode: "tozero" },
    height: 420,
  },
});
