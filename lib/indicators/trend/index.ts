/**
 * Trend and projection: linear and log-linear fits, projections with a prediction interval, and the growth rate a
 * target requires compared with the growth observed.
 * @module
 */
export * from "./tdist";
export * from "./fit";
export * from "./projection";
export * from "./required";
