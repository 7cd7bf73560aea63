/**
 * Helpers for the text and tables of notebooks and reports: numbers and dates in words, the as-of date of a run
 * (the latest date in the data, never the wall clock), data vintages (the package as known on a date), HTML tables
 * and claim verdict labels.
 * @module
 */
export * from "./format";
export * from "./dates";
export * from "./vintage";
export * from "./table-html";
export * from "./claims";
export * from "./names";
export * from "./ranks";
export * from "./legend-fit";
export * from "./self-check";
