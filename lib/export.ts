/**
 * Exports: figures to PNG, SVG, PDF and HTML through one headless Chromium, tables to CSV and Markdown, the figure
 * registry of notebooks and the report pack.
 * @packageDocumentation
 */
export * from "./export/index";
