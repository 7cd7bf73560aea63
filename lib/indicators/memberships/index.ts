/**
 * Memberships: status as of a date, the state × organisation matrix, shared memberships and Jaccard overlap,
 * membership networks with centrality, and accession timelines.
 * @module
 */
export * from "./status";
export * from "./matrix";
export * from "./overlap";
export * from "./network";
export * from "./timeline";
