/**
 * The reader's pages of a real run, opened in Chromium with no network: no element shows code, every link of the
 * table of contents lands on an element, every chart is drawn from the output folder's shared plotly.js, and the
 * console stays free of errors (a script the Content-Security-Policy blocked would show there). The run is notebook
 * 05 with `--param focal=KAZ` into a temporary folder, or the output folder named by CASPIAN_REPORT_OUT.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../lib/export";

const root = join(__dirname, "..", "..");
const given = process.env.CASPIAN_REPORT_OUT;
let out: string;
let browser: Browser;

beforeAll(async () => {
  if (given !== undefined && given !== "") out = given;
  else {
    out = mkdtempSync(join(tmpdir(), "caspian-report-browser-"));
    const r = spawnSync(
      process.execPath,
      [join(root, "dist", "runner", "cli.js"), "05", "--out", out, "-q", "-p", "focal=KAZ"],
      { cwd: root, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`the run failed: ${r.stderr}`);
  }
  browser = await chromium.launch({
    executablePath: process.env.CASPIAN_CHROMIUM ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS],
  });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  if (given === undefined && out) rmSync(out, { recursive: true, force: true });
});

/** Lines of the notebook's code cells long enough to be recognised if a page showed them. */
function codeLines(name: string): string[] {
  const nb = JSON.parse(readFileSync(join(out, "notebooks", `${name}.ipynb`), "utf8")) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .flatMap((c) => (Array.isArray(c.source) ? c.source.join("") : c.source).split("\n"))
    .map((l) => l.trim())
    .filter((l) => l.length >= 24);
}

describe("the reader's pages in Chromium", () => {
  it("each page: no code, a working table of contents, charts drawn offline, no console errors", async () => {
    const pages = readdirSync(join(out, "report")).filter((f) => f.endsWith(".html") && f !== "index.html");
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => void (m.type() === "error" ? errors.push(m.text()) : undefined));
      page.on("pageerror", (e) => void errors.push(e.message));
      page.on("request", (r) => void (r.url().startsWith("file:") ? undefined : requests.push(r.url())));
      await page.goto(`file://${join(out, "report", file)}`);
      // every chart drawn: each figure div holds Plotly's SVG
      const charts = await page.locator(".caspian-figure").count();
      expect(charts, file).toBeGreaterThan(0);
      await page.waitForFunction(
        () =>
          Array.from(document.querySelectorAll(".caspian-figure")).every((d) => d.querySelector(".main-svg") !== null),
        undefined,
        { timeout: 30_000 },
      );
      // no code: no <pre>, no prompt, no line of a code cell anywhere in the page's text
      expect(await page.locator("pre, .jp-InputArea, .input_prompt, .jp-InputPrompt").count(), file).toBe(0);
      const text = await page.evaluate(() => document.body.innerText);
      const name = file.replace(/\.html$/, "");
      const shown = codeLines(name).filter((l) => text.includes(l));
      expect(shown, file).toEqual([]);
      // every TOC link lands on exactly one element; every heading of the body is in the TOC
      const check = await page.evaluate(() => {
        const targets = Array.from(document.querySelectorAll<HTMLAnchorElement>("nav.toc a")).map((a) =>
          decodeURIComponent(a.getAttribute("href")!.slice(1)),
        );
        const missing = targets.filter((id) => document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length !== 1);
        const headings = Array.from(
          document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6"),
        ).map((h) => h.id);
        return { targets, missing, unlisted: headings.filter((id) => !targets.includes(id)) };
      });
      expect(check.targets.length, file).toBeGreaterThan(2);
      expect(check.missing, file).toEqual([]);
      expect(check.unlisted, file).toEqual([]);
      expect(await page.locator("section.sources li").count(), file).toBeGreaterThan(0);
      expect(errors, file).toEqual([]);
      expect(requests, file).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it("the index links every page", async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, "report", "index.html")}`);
    const links = await page.locator("td a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const pages = readdirSync(join(out, "report"))
      .filter((f) => f.endsWith(".html") && f !== "index.html")
      .sort();
    expect([...links].sort()).toEqual(pages);
    await page.close();
  });
});
