/**
 * Data: the Frictionless package in data/ — CSV parsed (papaparse), every field validated (zod), row rules, keys and
 * foreign keys checked, rows typed and read-only with their source ids; vintages (the package as known on a date).
 * @module
 */
export * from "./coverage";
export * from "./csv";
export * from "./datapackage";
export * from "./load";
export * from "./paths";
export * from "./releases";
export * from "./resource";
export * from "./resources";
