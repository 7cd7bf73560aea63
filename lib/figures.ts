/**
 * Figure builders in the house style: plain Plotly JSON specs, testable without a browser.
 * @packageDocumentation
 */
export * from "./figures/index";
