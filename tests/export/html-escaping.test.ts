import { afterEach, describe, expect, test, vi } from "vitest";
import { figureHtml, show, showAsync } from "../../lib/display/show";
import { setStaticImageRenderer } from "../../lib/display/static-fallback";
import { figurePageHtml } from "../../lib/export/html-pages";
import { reportIndexPages } from "../../lib/export/report-index";
import { comparisonBarsFigure, timelineFigure } from "../../lib/figures";
import { comparison, timeline, XSS } from "../figures/fixtures";

const fig = comparisonBarsFigure(comparison, { title: `Trade ${XSS}` });

/** The label must never reach the page as markup: neither as raw text nor inside a script as a closing tag. */
function expectInert(html: string): void {
  expect(html).not.toContain(XSS);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/<\/script><script>alert/i);
}

describe("HTML outputs escape labels from data", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setStaticImageRenderer(undefined);
  });

  test("figureHtml() and show()", () => {
    expectInert(figureHtml(fig, { id: "f" }));
    expectInert(figureHtml(fig, { id: `"><script>alert(1)</script>` }));
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
    show(timelineFigure(timeline, { title: XSS }));
    show(fig);
    expect(out).toHaveLength(2);
    out.forEach(expectInert);
    // no chart carries plotly.js: the page has it (exported pages) or the script loads Jupyter's local copy
    expect(out.every((h) => h.length < 100_000)).toBe(true);
    // the title appears escaped in the fallback note
    expect(out[1]).toContain("Trade &lt;img src=x onerror=alert(1)&gt;");
  });

  test("every chart draws with the page's plotly.js or loads the nbextension copy, none embeds it", () => {
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
    show(fig);
    show(fig);
    expect(out).toHaveLength(2);
    for (const h of out) {
      expect(h.length).toBeLessThan(100_000);
      expect(h).not.toContain("__caspianDefine");
      expect(h).toContain('s.src = base + "nbextensions/caspian-lab/plotly.min.js"');
    }
    // two charts of one session get two ids
    expect(new Set(out.map((h) => /id="([^"]+)"/.exec(h)?.[1])).size).toBe(2);
  });

  test("showAsync() puts a PNG fallback inside the chart's div", async () => {
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
    setStaticImageRenderer(async () => new Uint8Array([137, 80, 78, 71]));
    await showAsync(fig);
    expect(out[0]).toMatch(
      /<div id="caspian-figure-\d+" class="caspian-figure"[^>]*><img src="data:image\/png;base64,iVBORw==" alt="Trade &lt;img src=x onerror=alert\(1\)&gt;"/,
    );
    expectInert(out[0]!);
  });

  test("exported HTML page and report index", () => {
    expectInert(
      figurePageHtml(fig, { title: XSS, caption: XSS, sourcesText: `Sources: ${XSS}`, png: new Uint8Array([1, 2, 3]) }),
    );
    const pages = reportIndexPages(XSS, [
      {
        kind: "figure",
        id: "f",
        section: XSS,
        title: XSS,
        caption: XSS,
        sourcesText: XSS,
        image: `${XSS}.png`,
        width: 900,
        height: 500,
        files: [{ format: XSS, path: `a/${XSS}.html` }],
      },
      {
        kind: "table",
        id: "t",
        section: "s",
        title: XSS,
        sourcesText: XSS,
        table: { columns: [{ key: "a", label: XSS }], rows: [{ a: XSS }], sources: [] },
        files: [],
      },
    ]);
    expect(pages).toHaveLength(3); // the index and a page per section
    for (const { html } of pages) {
      expectInert(html);
      expect(html).not.toContain("<script");
    }
  });
});
