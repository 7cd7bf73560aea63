/**
 * Export (`cl.output`): figures to PNG/SVG/PDF/HTML through one headless Chromium, tables to CSV and Markdown,
 * byte-stable files written atomically, the figure registry of notebooks and the report pack with its manifest,
 * index pages and the data of each figure as CSV.
 * @module
 */
export * from "../core/atomic";
export * from "./stable-output";
export * from "./exporter";
export * from "./export-figures";
export * from "./html-pages";
export * from "./plotly-asset";
export * from "./report-index";
export * from "./figure-data";
export * from "./table";
export * from "./registry";
export * from "./report-pack";
export * from "./shared";
