import { readFileSync } from "node:fs";
import { join } from "node:path";

let bundle: string | undefined;

/** Path of the minified plotly.js bundle made by `npm run build` from plotly.js-dist. */
export function plotlyBundlePath(): string {
  return join(__dirname, "..", "..", "assets", "plotly.min.js");
}

/** The plotly.js source, read once per process. */
export function plotlyBundle(): string {
  bundle ??= readFileSync(plotlyBundlePath(), "utf8");
  return bundle;
}

/**
 * Script elements that define `window.Plotly` from the embedded bundle, even where RequireJS's `define`
 * is present (classic Jupyter Notebook), without any network access.
 */
export function plotlyLoaderHtml(): string {
  const safe = plotlyBundle().replace(/<\/script/gi, "<\\/script");
  return (
    `<script>window.__caspianDefine = window.define; window.define = undefined;</script>\n` +
    `<script>${safe}</script>\n` +
    `<script>window.define = window.__caspianDefine;</script>`
  );
}
