/**
 * The indicator library: typed functions that turn data/ into the article's measures and beyond. Each folder holds
 * one family, one idea a file:
 * - `series`: selecting a series, change between periods, CAGR, shares, index to a base, implied growth;
 * - `trend`: linear and log-linear fits, projections with prediction intervals, growth required by a target;
 * - `capacity`: capacity as of a date, utilisation, headroom, the year a projection reaches capacity;
 * - `funds`: the latest statement per fund, count and capital by partner and year, pledged against paid-in;
 * - `memberships`: status as of a date, the state × organisation matrix, overlap, networks, timelines;
 * - `balance`: the multi-vector balance index (lib/indicators/balance/README.md);
 * - `events`: counts by organisation, year and kind, summit intensity;
 * - `claims`: verdicts on the article's claims.
 *
 * Every result that goes into a chart or a table carries the source ids it came from. Each function's doc comment
 * states its missing-value policy, and its `@example` is run by tests/architecture/examples.test.ts; in examples,
 * `pkg` is the checkout's data package (`dataPackage()`).
 *
 * Dates: a partial date in the data counts from its first day ("2018" → 2018-01-01), and a partial query date
 * means its last day ("as of 2018" → 2018-12-31); see lib/core/period.ts.
 * @module
 */
export * from "./series";
export * from "./trend";
export * from "./capacity";
export * from "./funds";
export * from "./memberships";
export * from "./balance";
export * from "./events";
export * from "./claims";
