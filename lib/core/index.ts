/**
 * Core: what every layer builds on (it imports no other layer) — provenance types and source ids, partial dates
 * and periods, number formatting, loop-based min/max, atomic file writes, hashing and bounded concurrency.
 * @module
 */
export * from "./types";
export * from "./dates";
export * from "./period";
export * from "./format";
export * from "./extent";
export * from "./atomic";
export * from "./hash";
export * from "./map-limit";
