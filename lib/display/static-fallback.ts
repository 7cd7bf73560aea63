/**
 * Static images shown where scripts do not run (untrusted notebooks, GitHub, nbviewer, PDF exports of notebooks).
 * lib/display never launches a browser itself: lib/export installs a renderer when it is imported, and the renderer
 * starts its browser only on first use.
 * @module
 */
import { escapeHtml } from "./html";
import type { PlotlyFigure } from "../figures/plotly";

/**
 * Renders a figure to PNG bytes (installed by lib/export).
 * @category Display
 */
export type StaticImageRenderer = (figure: PlotlyFigure) => Promise<Uint8Array>;

let renderer: StaticImageRenderer | undefined;

/**
 * Installs (or, with `undefined`, removes) the renderer used by {@link showAsync} for static fallbacks.
 * @example
 * setStaticImageRenderer(async () => new Uint8Array([137, 80, 78, 71]));
 * typeof staticImageRenderer() // => "function"
 * setStaticImageRenderer(undefined);
 * @category Display
 */
export function setStaticImageRenderer(next: StaticImageRenderer | undefined): void {
  renderer = next;
}

/**
 * The installed static renderer, if any.
 * @example staticImageRenderer() // => undefined (none until enableStaticFallback or setStaticImageRenderer)
 * @category Display
 */
export function staticImageRenderer(): StaticImageRenderer | undefined {
  return renderer;
}

/**
 * An `<img>` element holding a PNG as a data URI, scaled to the width of the output area.
 * @example pngImgHtml(new Uint8Array([137, 80]), "Chart <b>").includes('alt="Chart &lt;b&gt;"') // => true
 * @category Display
 */
export function pngImgHtml(png: Uint8Array, alt: string, width?: number): string {
  const b64 = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString("base64");
  return imgHtml(`data:image/png;base64,${b64}`, alt, width);
}

/**
 * An `<img>` element for a PNG file in the same folder as the page (a report pack page beside its figure's PNG), so
 * the page does not carry a second copy of the image. The name must be a plain file name ending in `.png`.
 * @example pngFileImgHtml("trade-kaz.png", "Trade").startsWith('<img src="trade-kaz.png" alt="Trade"') // => true
 * @example SIBLING_PNG.test("../x.png") // => false
 * @category Display
 */
export function pngFileImgHtml(fileName: string, alt: string, width?: number): string {
  if (!SIBLING_PNG.test(fileName))
    throw new Error(`pngFileImgHtml: "${fileName}" is not a PNG file name in the page's folder`);
  return imgHtml(fileName, alt, width);
}

/** A plain PNG file name: no folder, no scheme, no query. */
export const SIBLING_PNG = /^[A-Za-z0-9][A-Za-z0-9._-]*\.png$/;

function imgHtml(src: string, alt: string, width?: number): string {
  const w = width !== undefined && Number.isFinite(width) ? `width:${Math.round(width)}px;` : "";
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" style="${w}max-width:100%;height:auto;display:block">`;
}
