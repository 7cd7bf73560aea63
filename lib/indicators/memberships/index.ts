/**
 * Memberships: status as of a date, the state × organisation matrix, shared memberships and Jaccard overlap,
 * membership networks with centrality, accession timelines, and the cells that known gaps leave without data.
 * @module
 */
export * from "./status";
export * from "./matrix";
export * from "./overlap";
export * from "./network";
export * from "./timeline";
export * from "./gaps";
