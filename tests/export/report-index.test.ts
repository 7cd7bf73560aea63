/** The pages of the report pack's index, as HTML: a table of contents by notebook, a page per notebook, links, escaping. */
import { describe, expect, test } from "vitest";
import {
  fileSize,
  INDEX_CSP,
  reportIndexPages,
  sectionPagePath,
  type IndexFigure,
  type IndexItem,
  type IndexTable,
} from "../../lib/export/report-index";
import { XSS } from "../figures/fixtures";

const record = { path: "../records/03-x--focal-KAZ.json", summary: "notebook 1a2b3c4d; lib 5e6f7a8b" };

function figure(section: string, id: string, title = `Figure ${id}`): IndexFigure {
  const base = `${section}/${id}`;
  return {
    kind: "figure",
    id,
    section,
    title,
    caption: `What ${id} shows.`,
    sourcesText: "Source: Report.az (2026-03-02)",
    image: `${base}.png`,
    width: 900,
    height: 500,
    files: ["png", "svg", "pdf", "html", "csv"].map((format, i) => ({
      format,
      path: `${base}.${format}`,
      bytes: 500 * 10 ** i,
    })),
    record,
  };
}

function table(section: string, id: string): IndexTable {
  return {
    kind: "table",
    id,
    section,
    title: `Table ${id}`,
    sourcesText: "Source: ADY (2024)",
    table: { columns: [{ key: "v", label: "Cargo", unit: "t" }], rows: [{ v: 4.5e6 }], sources: [] },
    files: [
      { format: "csv", path: `${section}/${id}.csv` },
      { format: "md", path: `${section}/${id}.md` },
    ],
  };
}

const items: IndexItem[] = [
  table("03-x--focal-KAZ", "pairs"),
  figure("03-x--focal-KAZ", "network"),
  figure("01-claims", "verdicts"),
  figure("03-x--focal-KAZ", "balance"),
];
const headings = {
  "01-claims": { title: "01 · The article's claims" },
  "03-x--focal-KAZ": { title: "03 · Multilateral embeddedness", parameters: "focal state Kazakhstan (KAZ)", record },
};

/** The href attributes of a page, entity-decoded. */
const hrefs = (html: string) => [...html.matchAll(/ (?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("reportIndexPages()", () => {
  const pages = reportIndexPages("Caspian Lab: report pack", items, { headings });
  const byPath = new Map(pages.map((p) => [p.path, p.html]));
  const index = byPath.get("index.html")!;

  test("the index, then one page per section in name order", () => {
    expect(pages.map((p) => p.path)).toEqual(["index.html", "01-claims/index.html", "03-x--focal-KAZ/index.html"]);
    expect(reportIndexPages("Caspian Lab: report pack", items, { headings })).toEqual(pages); // same input, same bytes
  });

  test("the index: title, counts, one contents entry per section linking its page, titles and parameters in words", () => {
    expect(index).toContain("<h1>Caspian Lab: report pack</h1>");
    expect(index).toContain("2 notebook pages, 3 figures, 1 table.");
    const entries = [...index.matchAll(/<li><a href="([^"#]+)"><strong>([^<]*)<\/strong><\/a>([^\n]*)/g)];
    expect(entries.map((m) => [m[1], m[2], m[3]])).toEqual([
      ["01-claims/index.html", "01 · The article&#39;s claims", ""],
      [
        "03-x--focal-KAZ/index.html",
        "03 · Multilateral embeddedness",
        ' <span class="params">· focal state Kazakhstan (KAZ)</span>',
      ],
    ]);
    for (const [, href] of entries) expect(byPath.has(href!)).toBe(true);
    // each section's figures, then tables, linked to their place on its page
    expect(index).toContain('<li><a href="03-x--focal-KAZ/index.html#figure-network">Figure network</a></li>');
    expect(index).toContain(
      '<li><a href="03-x--focal-KAZ/index.html#table-pairs">Table pairs</a> <span class="kind">(table)</span></li>',
    );
    expect(index).toContain("1 figure, 0 tables · <code>01-claims</code>");
    expect(index).not.toMatch(/<script/i);
    // no script, and nothing from the network (the second wall against markup that escaped its escaping)
    expect(index).toContain(`content="${INDEX_CSP}"`);
    expect(INDEX_CSP).toMatch(
      /^default-src 'none'; script-src 'none'; .*img-src 'self' data: blob:;.*connect-src 'none'/,
    );
  });

  test("a section page: each figure with its PNG linked to the interactive page, caption, sources, files, record", () => {
    const page = byPath.get("03-x--focal-KAZ/index.html")!;
    expect(page).toContain("<h1>03 · Multilateral embeddedness</h1>");
    expect(page).toContain('<p class="params">focal state Kazakhstan (KAZ)</p>');
    expect(page).toContain('<a href="../index.html">← Caspian Lab: report pack: all notebooks</a>');
    // figures first (in the order given), then the table
    const anchors = [...page.matchAll(/<(?:figure|section class="table") id="([^"]+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual(["figure-network", "figure-balance", "table-pairs"]);
    expect(page).toContain(
      '<a href="network.html"><img class="chart" src="network.png" alt="Figure network" width="900" height="500" loading="lazy"></a>',
    );
    expect(page).toContain('<p class="caption">What network shows.</p>');
    expect(page).toContain(
      '<p class="files">Files: <a href="network.png">PNG</a> (500 B) · <a href="network.svg">SVG</a> (5 kB) · ' +
        '<a href="network.pdf">PDF</a> (50 kB) · <a href="network.html">Interactive (HTML)</a> (500 kB) · ' +
        '<a href="network.csv">Data (CSV)</a> (5.0 MB) · <a href="../../records/03-x--focal-KAZ.json">Run record</a></p>',
    );
    expect(page).toContain('<p class="files">Files: <a href="pairs.csv">CSV</a> · <a href="pairs.md">Markdown</a></p>');
    expect(page).toContain('<td class="num">4500000</td>');
    // the section's run record with its summary, and a link to the next and previous sections
    expect(page).toContain(
      'Run record: <a href="../../records/03-x--focal-KAZ.json">notebook 1a2b3c4d; lib 5e6f7a8b</a>',
    );
    expect(page).toContain('Previous: <a href="../01-claims/index.html">01 · The article&#39;s claims</a>');
    expect(byPath.get("01-claims/index.html")).toContain(
      'Next: <a href="../03-x--focal-KAZ/index.html">03 · Multilateral embeddedness (focal state Kazakhstan (KAZ))</a>',
    );
    expect(page).toContain(
      "<title>03 · Multilateral embeddedness (focal state Kazakhstan (KAZ)) · Caspian Lab: report pack</title>",
    );
    expect(page).not.toMatch(/<script/i);
  });

  test("every link of every page points into the pack or its run records, relative to the page", () => {
    const known = new Set([...pages.map((p) => p.path), ...items.flatMap((i) => i.files.map((f) => f.path))]);
    for (const { path, html } of pages) {
      const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
      for (const href of hrefs(html)) {
        if (href.startsWith("#")) continue;
        const target = new URL(href, `file:///pack/${dir === "" ? "" : `${dir}/`}`).pathname;
        const rel = decodeURIComponent(target.replace(/^\/pack\//, "")).replace(/#.*$/, "");
        if (target.startsWith("/records/")) expect(target).toBe("/records/03-x--focal-KAZ.json");
        else expect(known.has(rel), `${path}: ${href}`).toBe(true);
      }
    }
  });

  test("markup in titles, captions, parameters and section names stays text", () => {
    const evil: IndexItem[] = [
      { ...figure("s", "a"), title: XSS, caption: XSS, sourcesText: XSS },
      { ...table("s", "t"), title: XSS },
    ];
    const evilPages = reportIndexPages(XSS, evil, {
      headings: { s: { title: XSS, parameters: XSS, record: { path: "../records/s.json", summary: XSS } } },
    });
    const bare = reportIndexPages("t", [{ ...figure(XSS, "b") }]);
    for (const { html } of [...evilPages, ...bare]) {
      expect(html).not.toContain(XSS);
      expect(html).not.toMatch(/<img src=x/i);
      expect(html).not.toMatch(/<script/i);
    }
    expect(evilPages[1]!.html).toContain("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>");
    // a section name from outside is a path: encoded in links, escaped as text
    expect(bare[0]!.html).toContain('href="%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/index.html"');
    expect(bare[0]!.html).toContain("<strong>&lt;img src=x onerror=alert(1)&gt;</strong>");
  });

  test("figures registered outside any notebook get a page of their own, and nested sections climb right", () => {
    expect(sectionPagePath("")).toBe("_/index.html");
    const [index, root, nested] = reportIndexPages("t", [
      { ...figure("", "a"), image: "a.png", files: [{ format: "png", path: "a.png" }] },
      { ...figure("x/y", "b"), record },
    ]);
    expect(index!.html).toContain('<a href="_/index.html"><strong>Other figures and tables</strong></a>');
    expect(root!.html).toContain('<a href="../a.png">PNG</a>');
    expect(nested!.path).toBe("x/y/index.html");
    expect(nested!.html).toContain('<a href="../../index.html">');
    expect(nested!.html).toContain('<a href="../../../records/03-x--focal-KAZ.json">Run record</a>');
  });

  test("file sizes in words", () => {
    expect([999, 1000, 84_213, 999_499, 999_500, 4_567_000].map(fileSize)).toEqual([
      "999 B",
      "1 kB",
      "84 kB",
      "999 kB",
      "1.0 MB",
      "4.6 MB",
    ]);
  });
});
