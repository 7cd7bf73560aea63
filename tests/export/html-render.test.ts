/**
 * The HTML outputs open in a browser with no network: the exported page draws its chart from the inlined bundle
 * and no label from data becomes an element or runs a script. One Chromium for this file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CHROMIUM_ARGS, figurePageHtml, reportIndexPages, writePlotlyAsset } from "../../lib/export";
import { comparisonBarsFigure } from "../../lib/figures";
import { plotlyBundle } from "../../lib/display/plotly-bundle";
import { figureHtml } from "../../lib/display/show";
import { comparison, XSS } from "../figures/fixtures";

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CASPIAN_CHROMIUM ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS],
  });
  dir = mkdtempSync(join(tmpdir(), "caspian-html-"));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(html: string) {
  const path = join(dir, `p${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(path, html);
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  let dialogs = 0;
  page.on(
    "request",
    (r) => void (r.url().startsWith("file:") || r.url().startsWith("data:") ? undefined : requests.push(r.url())),
  );
  page.on("pageerror", (e) => void errors.push(e.message));
  page.on("dialog", (d) => void (dialogs++, d.dismiss()));
  await page.goto(`file://${path}`);
  return { page, requests, errors, dialogs: () => dialogs };
}

test("the self-contained figure page draws its chart offline, labels inert", async () => {
  const fig = comparisonBarsFigure(comparison, { title: `Trade ${XSS}` });
  const { page, requests, errors, dialogs } = await open(
    figurePageHtml(fig, { title: XSS, caption: XSS, sourcesText: XSS }),
  );
  await page.waitForSelector("#figure .main-svg", { timeout: 20_000 });
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("h1").textContent()).toBe(XSS);
  expect(await page.locator(".gtitle").textContent()).toBe(`Trade ${XSS}`);
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  expect(dialogs()).toBe(0);
  await page.close();
});

test("the report index and section page show labels as text", async () => {
  const [index, section] = reportIndexPages(XSS, [
    {
      kind: "figure",
      id: "f",
      section: XSS,
      title: XSS,
      caption: XSS,
      sourcesText: XSS,
      image: "missing.png",
      width: 900,
      height: 500,
      files: [{ format: "png", path: "missing.png" }],
    },
  ]);
  const { page, dialogs } = await open(index!.html);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("nav.toc strong").textContent()).toBe(XSS);
  expect(dialogs()).toBe(0);
  await page.close();
  const opened = await open(section!.html);
  expect(await opened.page.locator('img[src="x"]').count()).toBe(0);
  expect(await opened.page.locator("h1").textContent()).toBe(XSS);
  expect(await opened.page.locator("figure h2").textContent()).toBe(XSS);
  expect(opened.dialogs()).toBe(0);
  await opened.page.close();
  // the second wall: markup that got into an index page anyway loads nothing from the network
  const planted = section!.html.replace(
    /<body[^>]*>/,
    '$&<img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><iframe src="http://127.0.0.1:9/"></iframe>',
  );
  expect(planted).not.toBe(section!.html);
  const path = join(dir, "planted.html");
  writeFileSync(path, planted);
  const wall = await browser.newPage();
  const outcome = new Map<string, string>();
  wall.on("request", (r) => void (r.url().startsWith("http") ? outcome.set(r.url(), "requested") : undefined));
  wall.on(
    "requestfailed",
    (r) => void (r.url().startsWith("http") ? outcome.set(r.url(), r.failure()?.errorText ?? "failed") : undefined),
  );
  wall.on("requestfinished", (r) => void (r.url().startsWith("http") ? outcome.set(r.url(), "loaded") : undefined));
  await wall.goto(`file://${path}`);
  await wall.waitForTimeout(300);
  // Chromium reports a request the policy stopped, then fails it with "csp" before it leaves the machine
  expect(
    [...outcome.values()].every((v) => v === "csp"),
    JSON.stringify([...outcome]),
  ).toBe(true);
  expect(outcome.size).toBeGreaterThanOrEqual(2);
  await wall.close();
});

test("a page of an output folder draws from the folder's one plotly.js, under its CSP, offline", async () => {
  const out = join(dir, "out");
  expect(writePlotlyAsset(out)).toBe("written");
  expect(writePlotlyAsset(out)).toBe("intact");
  // a damaged copy is replaced, never served
  writeFileSync(join(out, "assets", "plotly.min.js"), "window.Plotly = undefined;");
  expect(writePlotlyAsset(out)).toBe("written");
  const fig = comparisonBarsFigure(comparison, { title: `Trade ${XSS}` });
  const html = figurePageHtml(fig, { title: XSS, sourcesText: "s", plotly: "../../assets/plotly.min.js" });
  expect(html.length).toBeLessThan(200_000);
  expect(html).toMatch(/script-src 'self' 'sha256-/);
  mkdirSync(join(out, "figures", "sec"), { recursive: true });
  const path = join(out, "figures", "sec", "f.html");
  writeFileSync(path, html);
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("pageerror", (e) => void errors.push(e.message));
  page.on("console", (m) => void (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("request", (r) => void (r.url().startsWith("file:") ? undefined : requests.push(r.url())));
  await page.goto(`file://${path}`);
  await page.waitForSelector("#figure .main-svg", { timeout: 20_000 });
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  await page.close();
});

test("a report pack page shows its figure's PNG file beside it where scripts do not run, not a second copy", async () => {
  const out = join(dir, "pack-png");
  mkdirSync(out, { recursive: true });
  // a 1×1 PNG standing for the exported figure
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );
  writeFileSync(join(out, "f.png"), png);
  const fig = comparisonBarsFigure(comparison, { title: "Trade" });
  const html = figurePageHtml(fig, {
    title: "T",
    sourcesText: "s",
    pngFile: "f.png",
    plotly: "../assets/plotly.min.js",
  });
  expect(html).not.toContain("data:image/png;base64,");
  expect(html).toContain('<img src="f.png"');
  expect(html).toMatch(/img-src 'self' data: blob:/);
  expect(() => figurePageHtml(fig, { title: "T", sourcesText: "s", pngFile: "../f.png" })).toThrow(
    /not a PNG file name/,
  );
  // without the PNG file, the policy keeps images to data: and blob:
  expect(figurePageHtml(fig, { title: "T", sourcesText: "s" })).toMatch(/img-src data: blob:/);
  writeFileSync(join(out, "f.html"), html);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`file://${join(out, "f.html")}`);
  const width = await page.locator("#figure img").evaluate((img) => (img as HTMLImageElement).naturalWidth);
  expect(width).toBe(1);
  await context.close();
});

test("in Jupyter Notebook (a body with data-base-url, no Plotly yet), charts load the nbextension copy once and draw", async () => {
  // The notebook page of `npm run lab`: plotly.js is served at <base url>nbextensions/caspian-lab/plotly.min.js.
  const root = join(dir, "jupyter");
  mkdirSync(join(root, "nbextensions", "caspian-lab"), { recursive: true });
  writeFileSync(join(root, "nbextensions", "caspian-lab", "plotly.min.js"), plotlyBundle());
  const fig = comparisonBarsFigure(comparison, { title: `Trade ${XSS}` });
  const charts = [figureHtml(fig, { id: "c1" }), figureHtml(fig, { id: "c2" })].join("\n");
  const path = join(root, "notebook.html");
  writeFileSync(path, `<!doctype html><html><head></head><body data-base-url="./">${charts}</body></html>`);
  const page = await browser.newPage();
  const loads: string[] = [];
  page.on("request", (r) => void (r.url().includes("plotly") ? loads.push(r.url()) : undefined));
  await page.goto(`file://${path}`);
  await page.waitForSelector("#c1 .main-svg", { timeout: 20_000 });
  await page.waitForSelector("#c2 .main-svg", { timeout: 20_000 });
  expect(loads).toEqual([`file://${root}/nbextensions/caspian-lab/plotly.min.js`]);
  // reopened (a new page, no Plotly): the chart loads it again and draws
  await page.reload();
  await page.waitForSelector("#c2 .main-svg", { timeout: 20_000 });
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await page.close();
});
