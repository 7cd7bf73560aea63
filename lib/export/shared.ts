/**
 * A process-wide exporter for the static images of {@link showAsync}: launched on first use (never at import),
 * closed after a minute without work, and installed into lib/display when lib/export is imported.
 * @module
 */
import { setStaticImageRenderer } from "../display/static-fallback";
import type { PlotlyFigure } from "../figures/plotly";
import { launchExporter, type Exporter } from "./exporter";

let shared: Promise<Exporter> | undefined;
let idle: NodeJS.Timeout | undefined;
const IDLE_MS = 60_000;

/**
 * The shared exporter, launched on first call.
 * @example
 * // not run: starts Chromium
 * const ex = await sharedExporter(); const png = await ex.png(fig); await closeSharedExporter();
 * @category Files
 */
export function sharedExporter(): Promise<Exporter> {
  if (idle !== undefined) clearTimeout(idle);
  shared ??= launchExporter({ concurrency: 1 }).catch((e: unknown) => {
    shared = undefined;
    throw e;
  });
  idle = setTimeout(() => void closeSharedExporter(), IDLE_MS);
  idle.unref();
  return shared;
}

/**
 * Closes the shared exporter, if one is running.
 * @example await closeSharedExporter(); // none running: nothing to close
 * @category Files
 */
export async function closeSharedExporter(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (idle !== undefined) clearTimeout(idle);
  idle = undefined;
  if (s !== undefined) await (await s.catch(() => undefined))?.close();
}

/**
 * PNG of a figure at its own size, scale 1 (for notebook fallbacks: small and sharp enough on screen).
 * @example
 * // not run: starts Chromium
 * const png = await sharedPng(fig);
 * @category Files
 */
export async function sharedPng(figure: PlotlyFigure): Promise<Uint8Array> {
  const ex = await sharedExporter();
  try {
    return await ex.png(figure, { scale: 1 });
  } finally {
    if (idle !== undefined) idle.refresh();
  }
}

/**
 * Installs {@link sharedPng} as the renderer of static fallbacks (lib/display). Not done on import: call it.
 * @example
 * enableStaticFallback(); // Chromium starts only when showAsync renders a figure
 * disableStaticFallback();
 * @category Files
 */
export function enableStaticFallback(): void {
  setStaticImageRenderer(sharedPng);
}

/**
 * Removes the renderer of static fallbacks.
 * @example disableStaticFallback(); // showAsync now shows a note where scripts do not run
 * @category Files
 */
export function disableStaticFallback(): void {
  setStaticImageRenderer(undefined);
}
