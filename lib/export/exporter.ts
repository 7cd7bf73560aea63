/**
 * One headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) that renders Plotly figures to PNG,
 * SVG and PDF. The browser is launched once, the local plotly bundle is loaded once per page (no network: every
 * request is blocked), and each figure costs one `Plotly.newPlot`: the SVG is taken from the plot and the PNG is
 * rasterised from that SVG, so both formats show the same drawing.
 * @module
 */
import { cpus } from "node:os";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { escapeHtml } from "../display/html";
import { plotlyBundle } from "../display/plotly-bundle";
import type { PlotlyFigure } from "../figures/plotly";
import { fixPdfDates, sortSvgAttributes, stabilizeSvgIds, stableUid, withStableTraceIds } from "./stable-output";

/**
 * Chromium flags: headless, no sandbox (containers), no GPU, no background network.
 * @category Files
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--font-render-hinting=none",
];

/**
 * Options of {@link launchExporter}.
 * @category Files
 */
export interface ExporterOptions {
  /** Chromium binary (default: env CASPIAN_CHROMIUM, else /usr/bin/chromium). */
  readonly executablePath?: string;
  /** Pages rendering in parallel in the one browser (default: 2, or 1 on a 1-core machine). */
  readonly concurrency?: number;
  /** Time limit per figure in milliseconds (default 30 000). */
  readonly timeoutMs?: number;
}

/**
 * Size of a rendering in CSS pixels, and the PNG pixel ratio.
 * @category Files
 */
export interface RenderSize {
  /** Width in CSS pixels (default: the figure's layout.width, else 900). */
  readonly width?: number;
  /** Height in CSS pixels (default: the figure's layout.height, else 500). */
  readonly height?: number;
  /** PNG pixels per CSS pixel (default 2): a 900 × 500 figure at scale 2 is 1800 × 1000 pixels. */
  readonly scale?: number;
}

/**
 * What to render.
 * @category Files
 */
export interface RenderRequest extends RenderSize {
  readonly png?: boolean;
  readonly svg?: boolean;
  /** Key for the SVG's internal ids (default: a hash of the figure), so that the same request gives the same SVG. */
  readonly key?: string;
}

/**
 * A rendered figure.
 * @category Files
 */
export interface RenderedFigure {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly png?: Uint8Array;
  readonly svg?: string;
}

/**
 * A page of a PDF: an SVG of a given size in CSS pixels.
 * @category Files
 */
export interface PdfPage {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Document information of a PDF (the Info dictionary): what a PDF reader shows as its title and subject.
 * @category Files
 */
export interface PdfInfo {
  /** Title, e.g. the figure's title or the report pack's title (default "figures"). */
  readonly title?: string;
  /** Subject, e.g. the figure's caption, or its sources line when it has none (default: none). */
  readonly subject?: string;
}

/**
 * The fixed creation and modification date of every PDF, so that the same pages give the same bytes.
 * @category Files
 */
export const PDF_FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/**
 * A running exporter: one browser, reused for every figure until {@link Exporter.close}.
 * @category Files
 */
export interface Exporter {
  /** Milliseconds the browser took to launch and load the plotly bundle. */
  readonly launchMs: number;
  /** Renders a figure to PNG and/or SVG (both by default). */
  render(figure: PlotlyFigure, request?: RenderRequest): Promise<RenderedFigure>;
  /** PNG bytes of a figure. */
  png(figure: PlotlyFigure, size?: RenderSize): Promise<Uint8Array>;
  /** SVG text of a figure. */
  svg(figure: PlotlyFigure, size?: Omit<RenderSize, "scale">): Promise<string>;
  /**
   * A PDF with one page per SVG, each page the size of its SVG, with `info`'s title and subject in its metadata;
   * dates fixed so output is reproducible.
   */
  pdf(pages: readonly PdfPage[], info?: PdfInfo): Promise<Uint8Array>;
  /** Closes the browser. */
  close(): Promise<void>;
}

/**
 * Raised when Chromium cannot be started or a figure cannot be rendered.
 * @category Files
 */
export class ExportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExportError";
  }
}

// Runs in the page. Kept as a string: the library is compiled without the DOM lib.
const PAGE_SCRIPT = `
window.__caspianRender = async function (figJson, width, height, scale, wantPng, wantSvg) {
  var fig = JSON.parse(figJson);
  var gd = document.createElement("div");
  gd.style.position = "absolute";
  gd.style.left = "-10000px";
  gd.style.top = "0";
  document.body.appendChild(gd);
  var svg;
  try {
    var layout = Object.assign({}, fig.layout, { width: width, height: height, autosize: false });
    var config = Object.assign({}, fig.config || {}, { staticPlot: true, _exportedPlot: true, responsive: false, displayModeBar: false });
    await window.Plotly.newPlot(gd, fig.data, layout, config);
    svg = window.Plotly.Snapshot.toSVG(gd, "svg", 1);
  } finally {
    window.Plotly.purge(gd);
    gd.remove();
  }
  var out = { svg: wantSvg ? svg : null, png: null };
  if (wantPng) {
    var url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
    try {
      var img = new Image();
      img.src = url;
      await img.decode();
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      // Opaque canvas: the figure paints its own white background, and an RGB PNG encodes faster than RGBA.
      var ctx = canvas.getContext("2d", { alpha: false });
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      // toDataURL encodes and base64s in native code: a few ms cheaper per figure than toBlob + btoa.
      out.png = canvas.toDataURL("image/png").slice("data:image/png;base64,".length);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  return out;
};
window.__caspianReady = typeof window.Plotly === "object" && typeof window.Plotly.Snapshot === "object";
`;

interface PageResult {
  readonly svg: string | null;
  readonly png: string | null;
}

function figureSize(figure: PlotlyFigure, size: RenderSize): { width: number; height: number; scale: number } {
  const num = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : d);
  const width = Math.round(size.width ?? num(figure.layout.width, 900));
  const height = Math.round(size.height ?? num(figure.layout.height, 500));
  const scale = size.scale ?? 2;
  if (!(width >= 10 && width <= 10000 && height >= 10 && height <= 10000))
    throw new RangeError(`figure size ${width}×${height} is out of range`);
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`scale ${scale} is out of range (0, 8]`);
  return { width, height, scale };
}

/** The figure as sent to Plotly: data with stable trace ids, layout and config only (our `meta` stays home). */
function plotlyPayload(figure: PlotlyFigure): {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
} {
  return { data: withStableTraceIds(figure.data), layout: figure.layout, config: figure.config ?? {} };
}

/**
 * HTML of a print document with one page per SVG (CSS named pages, one size each); its <title> (escaped) becomes
 * the PDF's title.
 * @example pdfDocumentHtml([{ svg: "<svg></svg>", width: 900, height: 500 }]).includes("@page s0 { size: 900px 500px; margin: 0 }") // => true
 * @example pdfDocumentHtml([{ svg: "<svg></svg>", width: 900, height: 500 }], "A & B").includes("<title>A &amp; B</title>") // => true
 * @category Files
 */
export function pdfDocumentHtml(pages: readonly PdfPage[], title = "figures"): string {
  const sizes = [...new Set(pages.map((p) => `${Math.round(p.width)}x${Math.round(p.height)}`))];
  const css = sizes
    .map((s, i) => {
      const [w, h] = s.split("x");
      return `@page s${i} { size: ${w}px ${h}px; margin: 0 } .s${i} { page: s${i}; width: ${w}px; height: ${h}px }`;
    })
    .join("\n");
  const body = pages
    .map((p, i) => {
      const cls = `s${sizes.indexOf(`${Math.round(p.width)}x${Math.round(p.height)}`)}`;
      const svg = p.svg.replace(/^<\?xml[^>]*>\s*/, "");
      return `<div class="page ${cls}"${i < pages.length - 1 ? ' style="break-after: page"' : ""}>${svg}</div>`;
    })
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page { margin: 0 }
html, body { margin: 0; padding: 0; background: #fff }
.page { overflow: hidden; position: relative }
.page svg { display: block }
${css}
</style></head><body>${body}</body></html>`;
}

/**
 * Launches the exporter: one Chromium, `concurrency` pages each holding the plotly bundle. Every network request
 * is blocked. Close it with {@link Exporter.close}.
 * @example
 * // not run: starts Chromium
 * const ex = await launchExporter(); const png = await ex.png(fig); await ex.close();
 * @category Files
 */
export async function launchExporter(options: ExporterOptions = {}): Promise<Exporter> {
  const started = performance.now();
  const executablePath = options.executablePath ?? process.env.CASPIAN_CHROMIUM ?? "/usr/bin/chromium";
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? Math.min(2, cpus().length)));
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Loaded here, not at import: importing the library must stay fast and browser-free.
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  } catch (e) {
    throw new ExportError(
      `cannot launch Chromium at ${executablePath} (set CASPIAN_CHROMIUM): ${(e as Error).message}`,
      { cause: e },
    );
  }
  const contexts: BrowserContext[] = [];
  const openPage = async (): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      deviceScaleFactor: 1,
      javaScriptEnabled: true,
      offline: true,
    });
    contexts.push(context);
    await context.route("**/*", (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    return page;
  };
  let pages: Page[];
  try {
    pages = await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const page = await openPage();
        await page.setContent("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>");
        await page.addScriptTag({ content: plotlyBundle() });
        await page.addScriptTag({ content: PAGE_SCRIPT });
        const ready = await page.evaluate(
          () => (globalThis as unknown as { __caspianReady?: boolean }).__caspianReady === true,
        );
        if (!ready) throw new ExportError("the plotly bundle did not load in Chromium");
        return page;
      }),
    );
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e instanceof ExportError
      ? e
      : new ExportError(`cannot prepare Chromium pages: ${(e as Error).message}`, { cause: e });
  }
  let printPage: Promise<Page> | undefined;
  const launchMs = performance.now() - started;

  // A small pool: each task waits for a free page.
  const free = [...pages];
  const waiting: ((p: Page) => void)[] = [];
  const acquire = (): Promise<Page> => {
    const p = free.pop();
    return p !== undefined ? Promise.resolve(p) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (p: Page) => {
    const next = waiting.shift();
    if (next !== undefined) next(p);
    else free.push(p);
  };
  let closed = false;

  const render = async (figure: PlotlyFigure, request: RenderRequest = {}): Promise<RenderedFigure> => {
    if (closed) throw new ExportError("the exporter is closed");
    const { width, height, scale } = figureSize(figure, request);
    const wantPng = request.png ?? true;
    const wantSvg = request.svg ?? true;
    const payload = plotlyPayload(figure);
    // A JSON string crosses to the page faster than an object walked by Playwright's serialiser.
    const json = JSON.stringify(payload);
    const page = await acquire();
    let result: PageResult;
    try {
      result = await page.evaluate(
        ([fig, w, h, s, p, v]) =>
          (
            globalThis as unknown as {
              __caspianRender: (
                f: string,
                w: number,
                h: number,
                s: number,
                p: boolean,
                v: boolean,
              ) => Promise<PageResult>;
            }
          ).__caspianRender(fig, w, h, s, p, v),
        [json, width, height, scale, wantPng, true] as const,
      );
    } catch (e) {
      throw new ExportError(`Plotly could not render the figure: ${(e as Error).message}`, { cause: e });
    } finally {
      release(page);
    }
    const uid = stableUid(request.key ?? json);
    return {
      width,
      height,
      scale,
      ...(wantSvg && result.svg !== null ? { svg: sortSvgAttributes(stabilizeSvgIds(result.svg, uid)) } : {}),
      ...(wantPng && result.png !== null ? { png: new Uint8Array(Buffer.from(result.png, "base64")) } : {}),
    };
  };

  let printQueue: Promise<unknown> = Promise.resolve();
  const pdf = (list: readonly PdfPage[], info: PdfInfo = {}): Promise<Uint8Array> => {
    if (closed) return Promise.reject(new ExportError("the exporter is closed"));
    if (list.length === 0) return Promise.reject(new RangeError("a PDF needs at least one page"));
    // One print page, used by one PDF at a time.
    const job = printQueue.then(async () => {
      printPage ??= openPage();
      const page = await printPage;
      await page.setContent(pdfDocumentHtml(list, info.title), { waitUntil: "load" });
      const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
      return withPdfInfo(fixPdfDates(new Uint8Array(bytes)), info);
    });
    printQueue = job.catch(() => undefined);
    return job;
  };

  return {
    launchMs,
    render,
    png: async (figure, size = {}) => (await render(figure, { ...size, png: true, svg: false })).png!,
    svg: async (figure, size = {}) => (await render(figure, { ...size, png: false, svg: true })).svg!,
    pdf,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
    },
  };
}

/**
 * Writes title and subject into a PDF's Info dictionary (pdf-lib), with fixed creation and modification dates and
 * no object streams (the dictionaries stay readable as text), so the same input gives the same bytes.
 * @example
 * // not run: needs a PDF
 * const titled = await withPdfInfo(pdfBytes, { title: "TITR cargo", subject: "Cargo by scope." });
 * @category Files
 */
export async function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  // Loaded here, not at import: importing the library must stay fast.
  const { PDFDocument } = require("pdf-lib") as typeof import("pdf-lib");
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(info.title ?? "figures");
  if (info.subject !== undefined && info.subject !== "") doc.setSubject(info.subject);
  doc.setCreationDate(PDF_FIXED_DATE);
  doc.setModificationDate(PDF_FIXED_DATE);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
