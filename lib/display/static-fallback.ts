/**
 * Static images shown where scripts do not run (untrusted notebooks, GitHub, nbviewer, PDF exports of notebooks).
 * lib/display never launches a browser itself: lib/export installs a renderer when it is imported, and the renderer
 * starts its browser only on first use.
 * @module
 */
import { escapeHtml } from "./html";
import type { PlotlyFigure } from "../figures/plotly";

/** Renders a figure to PNG bytes (installed by lib/export). */
export type StaticImageRenderer = (figure: PlotlyFigure) => Promise<Uint8Array>;

let renderer: StaticImageRenderer | undefined;

/**
 * Installs (or, with `undefined`, removes) the renderer used by {@link showAsync} for static fallbacks.
 * @example
 * setStaticImageRenderer(async () => new Uint8Array([137, 80, 78, 71]));
 * typeof staticImageRenderer() // => "function"
 * setStaticImageRenderer(undefined);
 */
export function setStaticImageRenderer(next: StaticImageRenderer | undefined): void {
  renderer = next;
}

/**
 * The installed static renderer, if any.
 * @example staticImageRenderer() // => undefined (none until enableStaticFallback or setStaticImageRenderer)
 */
export function staticImageRenderer(): StaticImageRenderer | undefined {
  return renderer;
}

/**
 * An `<img>` element holding a PNG as a data URI, scaled to the width of the output area.
 * @example pngImgHtml(new Uint8Array([137, 80]), "Chart <b>").includes('alt="Chart &lt;b&gt;"') // => true
 */
export function pngImgHtml(png: Uint8Array, alt: string, width?: number): string {
  const b64 = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString("base64");
  const w = width !== undefined && Number.isFinite(width) ? `width:${Math.round(width)}px;` : "";
  return `<img src="data:image/png;base64,${b64}" alt="${escapeHtml(alt)}" style="${w}max-width:100%;height:auto;display:block">`;
}
