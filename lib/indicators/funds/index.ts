/**
 * Investment funds: the latest statement of each fund as of a date, count and capital by partner and by year,
 * pledged against paid-in capital.
 * @module
 */
export * from "./latest";
export * from "./aggregate";
