/**
 * Time series: selecting a series from corridor_flows.csv and transit.csv, change between periods, CAGR, shares,
 * index to a base period, growth implied between published figures, and the smallest and largest of many numbers.
 * @module
 */
export * from "../../core/period";
export * from "./sources";
export * from "./select";
export * from "./build";
export * from "./change";
export * from "./cagr";
export * from "./share";
export * from "./rebase";
export * from "./implied";
export * from "../../core/extent";
