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
    expectInert(figureHtml(fig, { id: "f", includeBundle: false }));
    expectInert(figureHtml(fig, { id: `"><script>alert(1)</script>`, includeBundle: false }));
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
    show(timelineFigure(timeline, { title: XSS }));
    show(fig);
    expect(out).toHaveLength(2);
    out.forEach(expectInert);
    // the first chart of the session carries the plotly bundle, the second does not
    expect(out[0]!.length).toBeGreaterThan(1_000_000);
    expect(out[1]!.length).toBeLessThan(100_000);
    // the title appears escaped in the fallback note
    expect(out[1]).toContain("Trade &lt;img src=x onerror=alert(1)&gt;");
  });

  test("the plotly bundle goes into the first chart of a session only", () => {
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
    show(fig);
    show(fig);
    expect(out.filter((h) => h.length > 1_000_000)).toHaveLength(0); // already sent by the previous test in this file
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
