/**
 * Time series: selecting a series from corridor_flows.csv and transit.csv, change between periods, CAGR, shares,
 * index to a base period and growth implied between published figures (periods themselves: lib/core/period).
 * @module
 */
export * from "./sources";
export * from "./select";
export * from "./build";
export * from "./change";
export * from "./cagr";
export * from "./share";
export * from "./rebase";
export * from "./implied";
