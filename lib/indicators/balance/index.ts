/**
 * Multi-vector balance: shares of a state's memberships across the spheres of organizations.csv and their
 * normalised Shannon entropy. Definition, choices and references: lib/indicators/balance/README.md.
 * @module
 */
export * from "./entropy";
export * from "./weights";
export * from "./balance";
