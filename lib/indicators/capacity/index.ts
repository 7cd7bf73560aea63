/**
 * Capacity: the capacity of an asset as of a date, utilisation and headroom, and the year a projection reaches capacity.
 * @module
 */
export * from "./at";
export * from "./utilisation";
export * from "./crossing";
