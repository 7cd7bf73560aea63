/**
 * Events: counts by organisation, year and kind, and the intensity of summit diplomacy by year.
 * @module
 */
export * from "./counts";
export * from "./intensity";
