import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { escapeHtml } from "./html";

let bundle: string | undefined;
let bundlePath: string | undefined;

/**
 * Path of the minified plotly.js bundle made by `npm run build` from plotly.js-dist (`dist/assets/plotly.min.js`).
 * Found from the compiled library (`dist/lib/display`) and from the sources (`lib/display`, as under vitest);
 * falls back to the unminified `plotly.js-dist/plotly.js` when the build has not run.
 * @example existsSync(plotlyBundlePath()) // => true
 * @category Display
 */
export function plotlyBundlePath(): string {
  if (bundlePath !== undefined) return bundlePath;
  const candidates: string[] = [];
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) {
    candidates.push(join(dir, "assets", "plotly.min.js"), join(dir, "dist", "assets", "plotly.min.js"));
  }
  const found = candidates.find((p) => existsSync(p));
  if (found !== undefined) bundlePath = found;
  else {
    try {
      bundlePath = require.resolve("plotly.js-dist/plotly.js");
    } catch {
      throw new Error(`plotly bundle not found: run "npm run build" (looked for ${candidates[0]})`);
    }
  }
  return bundlePath;
}

/**
 * The plotly.js source, read once per process.
 * @example plotlyBundle().length > 1_000_000 // => true
 * @category Display
 */
export function plotlyBundle(): string {
  bundle ??= readFileSync(plotlyBundlePath(), "utf8");
  return bundle;
}

/**
 * Where a run puts its one shared copy of plotly.js, relative to the output folder (`out/assets/plotly.min.js`).
 * @category Display
 */
export const PLOTLY_ASSET = "assets/plotly.min.js";

/**
 * Where `npm run lab` serves plotly.js to notebooks: `<base url>nbextensions/caspian-lab/plotly.min.js`.
 * @category Display
 */
export const PLOTLY_NBEXTENSION = "nbextensions/caspian-lab/plotly.min.js";

/**
 * The `<script>` elements a page puts in its `<head>` so that its charts find `window.Plotly`: `"inline"` embeds
 * the whole bundle (a standalone page, e.g. for e-mail: {@link plotlyLoaderHtml}); any other value is the relative
 * address of the output folder's shared copy (`../assets/plotly.min.js`; plotly.js 3+ sets `window.Plotly` and
 * never calls RequireJS's `define`). The address is escaped; it must be relative (no scheme, no `//`), so a page
 * never reaches for the network.
 * @example plotlyScriptHtml("../assets/plotly.min.js").includes('<script src="../assets/plotly.min.js"></script>') // => true
 * @category Display
 */
export function plotlyScriptHtml(href: string): string {
  if (href === "inline") return plotlyLoaderHtml();
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^\\/i.test(href) || href.includes("\\")) {
    throw new Error(`plotly.js must be loaded from a relative address, not ${JSON.stringify(href)}`);
  }
  return `<script src="${escapeHtml(href)}"></script>`;
}

/**
 * Script elements that define `window.Plotly` from the embedded bundle, even where RequireJS's `define`
 * is present (classic Jupyter Notebook), without any network access.
 * @example plotlyLoaderHtml().startsWith("<script>window.__caspianDefine = window.define;") // => true
 * @category Display
 */
export function plotlyLoaderHtml(): string {
  return plotlyLoaderScripts()
    .map((code) => `<script>${code}</script>`)
    .join("\n");
}

/**
 * The texts of the three scripts of {@link plotlyLoaderHtml}: hide RequireJS's `define`, the bundle (with
 * `</script` escaped), restore `define`. The Content-Security-Policy of exported pages allows exactly these by hash.
 * @example plotlyLoaderScripts()[2] // => "window.define = window.__caspianDefine;"
 * @category Display
 */
export function plotlyLoaderScripts(): readonly string[] {
  return [
    "window.__caspianDefine = window.define; window.define = undefined;",
    plotlyBundle().replace(/<\/script/gi, "<\\/script"),
    "window.define = window.__caspianDefine;",
  ];
}
