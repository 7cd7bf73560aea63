/**
 * Figures: Plotly figures as plain JSON in one house style (colour-blind-safe palette, units on axes, integer year
 * ticks, source footnotes), the table model, and one builder per kind of chart.
 * @module
 */
export * from "./plotly";
export * from "./table";
export * from "./inputs";
export * from "./palette";
export * from "./units";
export * from "./axes";
export * from "./text";
export * from "./hover";
export * from "./frame";
export * from "./fit";
export * from "./period-x";
export * from "./common";
export * from "./time-series";
export * from "./comparison-bars";
export * from "./capacity-throughput";
export * from "./projection";
export * from "./membership-heatmap";
export * from "./overlap-network";
export * from "./timeline";
export * from "./balance-bars";
export * from "./no-data";
export * from "./year-marks";
export * from "./adapters";
