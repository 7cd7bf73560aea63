/**
 * Display: what a notebook shows — interactive Plotly charts (offline bundle, PNG fallback), Markdown and HTML built
 * only through the escaping templates `md` and `html`, and HTML tables.
 * @module
 */
export * from "./html";
export * from "./show";
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
} from "./safe-text";
export * from "./table-html";
export { PLOTLY_ASSET, plotlyBundlePath, plotlyLoaderHtml, plotlyScriptHtml } from "./plotly-bundle";
export { setStaticImageRenderer, staticImageRenderer, type StaticImageRenderer } from "./static-fallback";
