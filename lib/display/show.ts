import { escapeHtml, scriptJson } from "./html";
import { escapeMarkdown, Markdown, SafeHtml } from "./safe-text";
import { PLOTLY_NBEXTENSION } from "./plotly-bundle";
import { pngFileImgHtml, pngImgHtml, staticImageRenderer } from "./static-fallback";
import { figureTitle, type PlotlyFigure } from "../figures/plotly";

let shown = 0;

/**
 * Options of {@link figureHtml}.
 * @category Display
 */
export interface FigureHtmlOptions {
  /** Element id of the chart's div. */
  readonly id: string;
  /** Height in CSS pixels. */
  readonly height?: number;
  /** HTML shown inside the chart's div until Plotly draws over it: a static image, or a note. */
  readonly fallbackHtml?: string;
  /** A PNG shown inside the chart's div until Plotly draws over it (ignored when `fallbackHtml` is given). */
  readonly fallbackPng?: Uint8Array;
  /** A PNG file beside the page shown the same way (a plain file name; ignored when `fallbackHtml` is given). */
  readonly fallbackPngFile?: string;
}

/**
 * The fixed text of a chart's drawing script around its id and its JSON arguments: `FIGURE_SCRIPT.head + id JSON +
 * FIGURE_SCRIPT.middle + "data, layout, config" JSON + FIGURE_SCRIPT.tail`. The script draws at once when the page
 * has `window.Plotly` (an exported page loads it in its head); otherwise, in Jupyter Notebook (whose page body has
 * `data-base-url`), it loads plotly.js once per page from the `nbextensions/caspian-lab/` copy that `npm run lab`
 * serves, then draws, so every chart survives reopening a notebook and Run All. Anywhere else the fallback stays.
 * lib/export/csp allows exactly these scripts by hash.
 * @category Display
 */
export const FIGURE_SCRIPT = {
  head: "(function () {\n  var el = document.getElementById(",
  middle:
    ");\n  if (!el) { return; }\n" +
    '  var draw = function () { el.innerHTML = ""; window.Plotly.newPlot.apply(window.Plotly, [el].concat(',
  tail:
    ")); };\n" +
    "  if (window.Plotly) { draw(); return; }\n" +
    '  var base = document.body ? document.body.getAttribute("data-base-url") : null;\n' +
    "  if (base === null) { return; }\n" +
    "  window.__caspianPlotly = window.__caspianPlotly || new Promise(function (ok, fail) {\n" +
    '    var s = document.createElement("script");\n' +
    `    s.src = base + ${JSON.stringify(PLOTLY_NBEXTENSION)};\n` +
    "    s.onload = ok; s.onerror = fail;\n" +
    "    document.head.appendChild(s);\n" +
    "  });\n" +
    "  window.__caspianPlotly.then(draw, function () {});\n" +
    "})();",
} as const;

/**
 * What a chart's place says in a notebook until Plotly draws it: the notebook must be trusted. The reader's pages
 * (lib/export/report-page) say {@link READER_CHART_NOTE} instead.
 * @example UNTRUSTED_CHART_NOTE.includes("Trust Notebook") // => true
 * @category Display
 */
export const UNTRUSTED_CHART_NOTE =
  "(The chart is drawn when the notebook is trusted, File → Trust Notebook, and its cell is run again.)";

/**
 * What a chart's place says on a reader's page where scripts do not run (a printed page, a mail reader).
 * @example READER_CHART_NOTE.includes("PNG") // => true
 * @category Display
 */
export const READER_CHART_NOTE =
  "(An interactive chart, drawn where the page may run scripts; the report pack holds it as PNG, SVG and PDF.)";

/**
 * HTML for one interactive chart: a div and a script that draws the figure with the page's plotly.js (see
 * {@link FIGURE_SCRIPT}; pages load it with `plotlyScriptHtml`). Where scripts do not run (an untrusted notebook),
 * the fallback (a PNG, or a note) stays visible instead. Every text from the figure is escaped; the figure JSON is
 * embedded with {@link scriptJson}.
 * @example figureHtml({ data: [], layout: {} }, { id: "f1" }).includes('id="f1"') // => true
 * @category Display
 */
export function figureHtml(figure: PlotlyFigure, options: FigureHtmlOptions): string {
  const height = options.height ?? Number(figure.layout.height ?? 480);
  const title = figureTitle(figure);
  const fallback =
    options.fallbackHtml ??
    (options.fallbackPngFile !== undefined
      ? pngFileImgHtml(options.fallbackPngFile, title, Number(figure.layout.width ?? 900))
      : options.fallbackPng !== undefined
        ? pngImgHtml(options.fallbackPng, title, Number(figure.layout.width ?? 900))
        : `<p style="font:13px sans-serif;color:#555">Chart: ${escapeHtml(title)}. ${UNTRUSTED_CHART_NOTE}</p>`);
  const id = escapeHtml(options.id);
  const config = { responsive: true, displaylogo: false, ...(figure.config ?? {}) };
  const args = scriptJson([figure.data, figure.layout, config]);
  return (
    `<div id="${id}" class="caspian-figure" style="width:100%;min-height:${height}px;overflow-x:auto">${fallback}</div>\n` +
    `<script>${FIGURE_SCRIPT.head}${scriptJson(options.id)}${FIGURE_SCRIPT.middle}${args}${FIGURE_SCRIPT.tail}</script>`
  );
}

/**
 * Options of {@link show} and {@link showAsync}.
 * @category Display
 */
export interface ShowOptions {
  /** HTML shown where scripts do not run (replaces the default note or image). */
  readonly fallbackHtml?: string;
  /** A PNG of the figure, shown where scripts do not run. */
  readonly fallbackPng?: Uint8Array;
}

/**
 * Shows a figure in a tslab notebook as interactive HTML. The output carries no copy of plotly.js: the chart's
 * script finds it on the page or loads Jupyter's local copy (see {@link FIGURE_SCRIPT}); no network is needed.
 * Synchronous and browser-free: where scripts do not run, a note (or the `fallbackPng` given) is shown. For a rendered PNG
 * fallback use {@link showAsync}.
 * @example show(timeSeriesFigure(series, { title: "Cargo" }))
 * @category Display
 */
export function show(figure: PlotlyFigure, options: ShowOptions = {}): void {
  tslabDisplay().html(nextFigureHtml(figure, options));
}

/**
 * Like {@link show}, but first renders a PNG of the figure through the static renderer installed by
 * `enableStaticFallback()` (lib/export: one shared headless browser, started on first use; nothing is installed by
 * importing the library), and puts it inside the chart's div: it is what untrusted notebooks, GitHub and nbviewer
 * show. Falls back to {@link show}'s note when no renderer is installed or rendering fails.
 * @example await showAsync(fig) // no renderer installed: the same as show(fig)
 * @example
 * // not run: starts Chromium
 * cl.enableStaticFallback(); await cl.showAsync(fig)
 * @category Display
 */
export async function showAsync(figure: PlotlyFigure, options: ShowOptions = {}): Promise<void> {
  const render = staticImageRenderer();
  let png = options.fallbackPng;
  if (png === undefined && options.fallbackHtml === undefined && render !== undefined) {
    try {
      png = await render(figure);
    } catch (e) {
      console.error(`static fallback not rendered: ${(e as Error).message}`);
    }
  }
  tslabDisplay().html(nextFigureHtml(figure, { ...options, ...(png !== undefined ? { fallbackPng: png } : {}) }));
}

/** HTML of the next chart of this kernel session. */
function nextFigureHtml(figure: PlotlyFigure, options: ShowOptions): string {
  shown += 1;
  return figureHtml(figure, { id: `caspian-figure-${shown}`, ...options });
}

/**
 * Sends HTML to the notebook through tslab (or prints it when not in a kernel). Only {@link SafeHtml} is shown as
 * HTML: build it with the `html` template (every interpolated value escaped) or a lib builder such as `tableHtml`.
 * Anything else (a bare string reaching here through an untyped value) is shown as text, never as markup.
 * @example const state = pkg.states.find((s) => s.iso3 === "AZE")!; displayHtml(html`<p>${state.name}</p>`)
 * @category Display
 */
export function displayHtml(content: SafeHtml): void {
  tslabDisplay().html(content instanceof SafeHtml ? content.source : `<pre>${escapeHtml(String(content))}</pre>`);
}

/**
 * Sends Markdown to the notebook through tslab (or prints it when not in a kernel). Only {@link Markdown} is
 * rendered as Markdown: build it with the `md` template, which escapes every interpolated value. Anything else is
 * escaped as a whole and shown as text.
 * @example const name = "Azerbaijan", year = 2009; displayMarkdown(md`**${name}** joined in ${year}.`)
 * @category Display
 */
export function displayMarkdown(content: Markdown): void {
  tslabDisplay().markdown(content instanceof Markdown ? content.source : escapeMarkdown(String(content)));
}

/**
 * Sends a PNG image to the notebook through tslab.
 * @example displayPng(new Uint8Array([137, 80, 78, 71]))
 * @category Display
 */
export function displayPng(png: Uint8Array): void {
  tslabDisplay().png(png);
}

interface MiniDisplay {
  html(s: string): void;
  markdown(s: string): void;
  png(b: Uint8Array): void;
}

const printed: MiniDisplay = {
  html: (s) => console.log(s),
  markdown: (s) => console.log(s),
  png: () => console.log("[png]"),
};

/** tslab's display inside a kernel; outside one (tslab missing, or "Not ready"), output is printed instead. */
function tslabDisplay(): MiniDisplay {
  let display: MiniDisplay;
  try {
    display = (require("tslab") as { display: MiniDisplay }).display;
  } catch {
    return printed;
  }
  const guard =
    <K extends keyof MiniDisplay>(k: K) =>
    (arg: Parameters<MiniDisplay[K]>[0]) => {
      try {
        (display[k] as (a: typeof arg) => void)(arg);
      } catch {
        (printed[k] as (a: typeof arg) => void)(arg);
      }
    };
  return { html: guard("html"), markdown: guard("markdown"), png: guard("png") };
}
