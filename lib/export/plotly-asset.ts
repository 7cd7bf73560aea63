/**
 * The output folder's one shared copy of plotly.js (`<out>/assets/plotly.min.js`), which every page of a run loads
 * by a relative address instead of embedding its own 4.6 MB copy.
 * @module
 */
import { join } from "node:path";
import { writeFileAtomicSync } from "../core/atomic";
import { fileSha256, sha256 } from "../core/hash";
import { PLOTLY_ASSET, plotlyBundle, plotlyScriptHtml } from "../display/plotly-bundle";

/**
 * Writes `<outDir>/assets/plotly.min.js` unless it already holds exactly the library's bundle (checked by sha256
 * on every call, so a damaged or truncated copy is replaced, never served). Returns what it did.
 * @example writePlotlyAsset(tmp) // => "written" (then "intact" on the next call)
 * @category Report pack and pages
 */
export function writePlotlyAsset(outDir: string): "written" | "intact" {
  const path = join(outDir, PLOTLY_ASSET);
  const bundle = plotlyBundle();
  if (fileSha256(path) === sha256(bundle)) return "intact";
  writeFileAtomicSync(path, bundle);
  return "written";
}

/**
 * The page with the `<script>` that gives its charts plotly.js (lib/display/plotly-bundle plotlyScriptHtml) put
 * just before `</head>`: `"inline"` for a standalone page, else the relative address of the shared copy. A page
 * without a chart (no `class="caspian-figure"`) is returned unchanged.
 * @example withPlotly('<head></head><div class="caspian-figure"></div>', "../assets/plotly.min.js") // => '<head><script src="../assets/plotly.min.js"></script>\n</head><div class="caspian-figure"></div>'
 * @category Report pack and pages
 */
export function withPlotly(page: string, plotly: string): string {
  if (!page.includes('class="caspian-figure"')) return page;
  const at = page.search(/<\/head\s*>/i);
  const script = `${plotlyScriptHtml(plotly)}\n`;
  return at < 0 ? script + page : page.slice(0, at) + script + page.slice(at);
}
