/**
 * Rendered element boxes of a figure, as the layout-fit tests read them in Chromium (tests/figures/fit-layout.test.ts
 * on built examples, tests/figures/fit-real.test.ts on the notebooks' registered figures), and the geometry they
 * check: inside the figure, overlapping, the union of a group.
 */
import type { Browser, Page } from "playwright-core";
import { maxOf, minOf } from "../../lib/core/extent";
import { plotlyBundle } from "../../lib/display/plotly-bundle";
import { CHROMIUM_ARGS } from "../../lib/export/exporter";

/** A box in CSS pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Half a pixel of rounding either way. */
export const TOL = 0.5;

/** Whether `b` lies inside `f`. */
export const inside = (b: Box, f: Box): boolean =>
  b.x >= f.x - TOL && b.y >= f.y - TOL && b.x + b.w <= f.x + f.w + TOL && b.y + b.h <= f.y + f.h + TOL;

/** Whether two boxes overlap by more than the rounding. */
export const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - TOL && b.x < a.x + a.w - TOL && a.y < b.y + b.h - TOL && b.y < a.y + a.h - TOL;

/** The smallest box holding every box, or null for none. */
export const union = (boxes: readonly Box[]): Box | null => {
  if (boxes.length === 0) return null;
  const x = minOf(boxes.map((b) => b.x));
  const y = minOf(boxes.map((b) => b.y));
  return { x, y, w: maxOf(boxes.map((b) => b.x + b.w)) - x, h: maxOf(boxes.map((b) => b.y + b.h)) - y };
};

/** A box in words, for a failure message. */
export const show = (b: Box | null): string =>
  b === null ? "none" : `[${b.x.toFixed(1)}, ${b.y.toFixed(1)}, ${b.w.toFixed(1)} × ${b.h.toFixed(1)}]`;

/**
 * A blank offline page in headless Chromium with plotly.js and the test's measuring script loaded (`measure`, a
 * script that defines `window.__measure`), for the layout-fit tests. Close the browser after.
 */
export async function measuringPage(measure: string): Promise<{ browser: Browser; page: Page }> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CASPIAN_CHROMIUM ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS],
  });
  const context = await browser.newContext({ viewport: { width: 1700, height: 1200 }, deviceScaleFactor: 1 });
  await context.route("**/*", (route) => route.abort());
  const page = await context.newPage();
  await page.setContent(
    "<!doctype html><html><head><meta charset='utf-8'></head><body style='margin:0'></body></html>",
  );
  await page.addScriptTag({ content: plotlyBundle() });
  await page.addScriptTag({ content: measure });
  return { browser, page };
}
