/**
 * The house theme of Caspian Lab charts, split by job: {@link "./palette"} (colours), {@link "./units"} (unit
 * names, value scales, number format), {@link "./axes"} (value and year axes), {@link "./text"} (escaping, codes
 * in words, the sources line) and {@link "./frame"} (size, fonts, title, legend, footnote). This file only gathers
 * them for modules that still import the theme as a whole; new code imports the module it needs.
 * @module
 */
export * from "./palette";
export * from "./units";
export * from "./axes";
export * from "./text";
export * from "./frame";
