/**
 * Helpers for the text and tables of notebooks and reports: numbers and dates in words, the as-of date of a run
 * (the latest date in the data, never the wall clock), data vintages (the package as known on a date), HTML tables
 * and claim verdict labels.
 * @module
 */
export * from "../core/format";
export * from "./as-of";
export * from "../data/vintage";
export * from "../display/table-html";
export * from "./verdicts";
export * from "./names";
export * from "./ranks";
export * from "../figures/legend-fit";
export * from "./self-check";
