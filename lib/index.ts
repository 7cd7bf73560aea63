/**
 * Caspian Lab: typed data, indicators, figures and exports for the study of Azerbaijan's turn toward Asia.
 * Notebooks import the compiled library: `import * as cl from "../dist/lib";`.
 * @packageDocumentation
 */
export * from "./core/types";
export * from "./core/dates";
export * from "./data";
export * from "./display/html";
export * from "./display/show";
export {
  escapeMarkdown,
  escapeMarkdownInline,
  html,
  htmlJoin,
  Markdown,
  md,
  mdCode,
  mdJoin,
  mdList,
  plainHtml,
  plainMarkdown,
  SafeHtml,
  safeUrl,
  type HtmlValue,
  type MarkdownSeparator,
  type MarkdownValue,
} from "./display/safe-text";
export * from "./indicators";
export * from "./figures";
export * from "./export";
export * from "./notebook";
