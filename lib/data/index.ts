export * from "./csv";
export * from "./datapackage";
export * from "./load";
export * from "./paths";
export * from "./resource";
export * from "./resources";
