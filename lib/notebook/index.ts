/**
 * Notebook: the layer notebooks stand on — numbers, dates and names in words, the as-of date of a run (the latest
 * date in the data, never the wall clock), vintages, verdict labels, ranks, legends that fit, and self-checks.
 * @module
 */
export * from "../core/format";
export * from "./as-of";
export * from "../data/vintage";
export * from "../display/table-html";
export * from "./verdicts";
export * from "./names";
export * from "./coverage";
export * from "./ranks";
export * from "../figures/legend-fit";
export * from "./self-check";
export * from "./prose";
export * from "./context";
export * from "../figures/no-data";
export * from "./claims-view";
export * from "./corridor";
export * from "./embeddedness";
export * from "./funds-trade";
export * from "./timeline-view";
export * from "./comparisons";
export * from "./workbook";
export * from "./answer-record";
export * from "./grading";
