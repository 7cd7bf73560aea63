import { escapeHtml, scriptJson } from "./html";
import { plotlyLoaderHtml } from "./plotly-bundle";

/** A Plotly figure as plain JSON: traces, layout and config. */
export interface PlotlyFigure {
  readonly data: readonly Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
  readonly config?: Record<string, unknown>;
}

let shown = 0;
let bundleSent = false;

/** Options of {@link figureHtml}. */
export interface FigureHtmlOptions {
  /** Element id of the chart's div. */
  readonly id: string;
  /** Embed the plotly.js bundle before the chart (once per page). */
  readonly includeBundle: boolean;
  /** Height in CSS pixels. */
  readonly height?: number;
  /** HTML shown inside the chart's div until Plotly draws over it: a static image, or a note. */
  readonly fallbackHtml?: string;
}

/**
 * HTML for one interactive chart: a div, optionally the plotly.js bundle, and a script that draws the figure.
 * Where scripts do not run (an untrusted notebook), the fallback stays visible instead.
 * @example figureHtml({ data: [], layout: {} }, { id: "f1", includeBundle: false }).includes('id="f1"') // => true
 */
export function figureHtml(figure: PlotlyFigure, options: FigureHtmlOptions): string {
  const height = options.height ?? Number(figure.layout.height ?? 480);
  const title = typeof figure.layout.title === "object" && figure.layout.title !== null
    ? String((figure.layout.title as { text?: unknown }).text ?? "")
    : String(figure.layout.title ?? "");
  const fallback =
    options.fallbackHtml ??
    `<p style="font:13px sans-serif;color:#555">Chart: ${escapeHtml(title)}. (Interactive charts need a trusted notebook; the static version is in out/figures/.)</p>`;
  const id = escapeHtml(options.id);
  const config = { responsive: true, displaylogo: false, ...(figure.config ?? {}) };
  return (
    (options.includeBundle ? plotlyLoaderHtml() + "\n" : "") +
    `<div id="${id}" class="caspian-figure" style="width:100%;min-height:${height}px">${fallback}</div>\n` +
    `<script>(function () {\n` +
    `  var el = document.getElementById(${scriptJson(options.id)});\n` +
    `  if (!window.Plotly) { return; }\n` +
    `  el.innerHTML = "";\n` +
    `  window.Plotly.newPlot(el, ${scriptJson(figure.data)}, ${scriptJson(figure.layout)}, ${scriptJson(config)});\n` +
    `})();</script>`
  );
}

/**
 * Shows a figure in a tslab notebook as interactive HTML. The plotly.js bundle is embedded with the first
 * chart of the kernel session only, so a notebook carries it once; no network is needed.
 * @example show(timeSeriesFigure(series))
 */
export function show(figure: PlotlyFigure, options: { fallbackHtml?: string } = {}): void {
  shown += 1;
  const html = figureHtml(figure, { id: `caspian-figure-${shown}`, includeBundle: !bundleSent, ...options });
  bundleSent = true;
  displayHtml(html);
}

/** Sends HTML to the notebook through tslab (or prints it when not in a kernel). */
export function displayHtml(html: string): void {
  tslabDisplay().html(html);
}

/** Sends Markdown to the notebook through tslab (or prints it when not in a kernel). */
export function displayMarkdown(markdown: string): void {
  tslabDisplay().markdown(markdown);
}

/** Sends a PNG image to the notebook through tslab. */
export function displayPng(png: Uint8Array): void {
  tslabDisplay().png(png);
}

interface MiniDisplay {
  html(s: string): void;
  markdown(s: string): void;
  png(b: Uint8Array): void;
}

function tslabDisplay(): MiniDisplay {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("tslab") as { display: MiniDisplay }).display;
  } catch {
    return { html: (s) => console.log(s), markdown: (s) => console.log(s), png: () => console.log("[png]") };
  }
}
