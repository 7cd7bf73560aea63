/**
 * HTML pages of the exports: a page per figure (plotly bundle inlined or shared, no network). Every text that comes
 * from data is escaped. The report pack's index and section pages are in ./report-index.
 * @module
 */
import { escapeHtml } from "../display/html";
import { plotlyScriptHtml } from "../display/plotly-bundle";
import { figureHtml } from "../display/show";
import type { PlotlyFigure } from "../figures/plotly";
import { secureHtmlPage } from "./csp";

const PAGE_STYLE = `
body { font: 15px/1.45 "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 24px auto; max-width: 980px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 12px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
figure { margin: 0 0 36px; }
figcaption { margin-top: 8px; }
.caption { margin: 4px 0; }
.sources { color: #555; font-size: 13px; margin: 4px 0; }
.files { font-size: 13px; }
.files a { margin-right: 10px; }
img.chart { max-width: 100%; height: auto; border: 1px solid #eee; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
td.num { text-align: right; }
`;

/**
 * Parts of a standalone figure page.
 * @category Report pack and pages
 */
export interface FigurePageParts {
  readonly title: string;
  readonly caption?: string;
  /** The sources line (plain text). */
  readonly sourcesText: string;
  /** A PNG shown where scripts do not run. */
  readonly png?: Uint8Array;
  /** Instead of `png`: the name of the figure's PNG file beside the page (a report pack page), not copied into it. */
  readonly pngFile?: string;
  /**
   * Where the page gets plotly.js (lib/display/plotly-bundle plotlyScriptHtml): `"inline"` (default) embeds it, for
   * a page sent on its own; otherwise the relative address of the output folder's shared copy.
   */
  readonly plotly?: string;
}

/**
 * An HTML page for one figure: plotly.js inlined or loaded from the output folder's shared copy, the chart drawn
 * from embedded JSON, a PNG fallback inside the chart's div (embedded, or the PNG file beside the page), title, caption and sources as escaped text, and a Content-Security-Policy
 * (lib/export/csp) that blocks the network, inline event handlers and every script but the library's own.
 * @example figurePageHtml(fig, { title: "TITR cargo", sourcesText: "Source: ady-2024" }).startsWith("<!doctype html>") // => true
 * @category Report pack and pages
 */
export function figurePageHtml(figure: PlotlyFigure, parts: FigurePageParts): string {
  const chart = figureHtml(figure, {
    id: "figure",
    ...(parts.pngFile !== undefined
      ? { fallbackPngFile: parts.pngFile }
      : parts.png !== undefined
        ? { fallbackPng: parts.png }
        : {}),
  });
  return secureHtmlPage(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${PAGE_STYLE}</style>
${plotlyScriptHtml(parts.plotly ?? "inline")}
</head>
<body>
<main>
<h1>${escapeHtml(parts.title)}</h1>
${chart}
${parts.caption !== undefined && parts.caption !== "" ? `<p class="caption">${escapeHtml(parts.caption)}</p>\n` : ""}<p class="sources">${escapeHtml(parts.sourcesText)}</p>
</main>
</body>
</html>
`);
}
