/**
 * Memberships: status as of a date, the state × organisation matrix, shared memberships and Jaccard overlap,
 * membership networks with centrality, accession timelines, and what each cell says on a date with the coverage rows (status, sourced absence, unknown).
 * @module
 */
export * from "./status";
export * from "./matrix";
export * from "./overlap";
export * from "./network";
export * from "./timeline";
export * from "./coverage";
