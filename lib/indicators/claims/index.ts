/**
 * Claims: evaluating each row of claims.csv against the data, with a verdict, the evidence, its sources and the
 * tolerance used. The args contract of each test is documented in data/README.md ("claims.csv").
 * @module
 */
export * from "./types";
export * from "./args";
export * from "./where";
export * from "./compare";
export * from "./test-status";
export * from "./test-date";
export * from "./test-growth";
export * from "./test-count";
export * from "./test-value";
export * from "./state-rows";
export * from "./test-share";
export * from "./test-ties";
export * from "./test-balance";
export * from "./test-change";
export * from "./check";
