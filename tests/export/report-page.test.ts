/**
 * The reader's page of an executed notebook, from hand-built notebook JSON: code and streams left out, every TOC
 * link resolves to one id, sources listed once each, markup from data shown as text, an empty notebook still a page.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureHtml, READER_CHART_NOTE, UNTRUSTED_CHART_NOTE } from "../../lib/display/show";
import { plotlyLoaderHtml } from "../../lib/display/plotly-bundle";
import { scriptHash } from "../../lib/export/csp";
import {
  ANALYST_ONLY_TAG,
  citedSources,
  type ExecutedNotebook,
  headingSlug,
  type ReportPageMeta,
  reportPage,
  reportPagesIndexHtml,
  type ReportSource,
  sourceIdsIn,
  stripInlinePlotly,
} from "../../lib/export/report-page";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const TABLE = '<div class="caspian-table"><table><tr><td>Kazakhstan</td><td class="num">4.6</td></tr></table></div>';
const FIGURE = figureHtml({ data: [], layout: { height: 500 } }, { id: "caspian-figure-1" });
const OLD_BUNDLE =
  "<script>window.__caspianDefine = window.define; window.define = undefined;</script>\n" +
  "<script>var Plotly = {}; /* the bundle */</script>\n" +
  "<script>window.define = window.__caspianDefine;</script>\n";

const catalogue: ReportSource[] = [
  { id: "src-a", publisher: "Beta Agency", title: "Cargo in 2024", url: "https://b.example/a", date: "5 May 2024" },
  { id: "src-b", publisher: "Alpha News", title: "A summit", url: "https://a.example/b" },
  { id: "src-c", publisher: "Gamma", title: "Transit", url: "https://g.example/c", date: "2023" },
  { id: "src-d", publisher: "Delta", title: "Never cited", url: "https://d.example/d" },
  { id: "src-a2", publisher: "Beta Agency", title: "Cargo in 2024", url: "https://b.example/a", date: "5 May 2024" },
];

function meta(over: Partial<ReportPageMeta> = {}): ReportPageMeta {
  return {
    fallbackTitle: "05-timeline",
    parameters: ["focal state: Kazakhstan (KAZ)", "as of 31 December 2016"],
    asOf: "31 December 2016 (the asOf parameter)",
    citedSources: [],
    sourceCatalog: catalogue,
    ...over,
  };
}

const notebook: ExecutedNotebook = {
  cells: [
    { cell_type: "markdown", source: ["# 05 · A timeline\n", "\n", "Opening prose.\n"] },
    {
      cell_type: "code",
      source: 'const secretCode = cl.notebook({ focal: "KAZ" });',
      outputs: [
        { output_type: "stream", data: { "text/plain": "stream words" } },
        { output_type: "error", data: { "text/plain": "TypeError: boom" } },
        { output_type: "execute_result", data: { "text/plain": "plainResult" } },
        { output_type: "display_data", data: { "text/markdown": "## Found in output\n\n**Found** three." } },
        { output_type: "display_data", data: { "text/html": OLD_BUNDLE + FIGURE } },
      ],
    },
    { cell_type: "markdown", source: "## Intro\n\nText citing src-c and src-c-extended.\n\n### Detail" },
    {
      cell_type: "code",
      source: "showTable();",
      outputs: [
        { output_type: "display_data", data: { "text/html": [TABLE] } },
        { output_type: "display_data", data: { "image/png": `${PNG}\n`, "text/plain": "<Figure>" } },
      ],
    },
    { cell_type: "markdown", source: "## Intro\n\n## Sources\n\n## Caspian figure 1" },
    { cell_type: "raw", source: "raw cell text" },
  ],
};

/** `href="#x"` targets of the table of contents. */
const tocTargets = (html: string): string[] =>
  [...(/<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "").matchAll(/href="#([^"]*)"/g)].map((m) => m[1]!);
const ids = (html: string): string[] => [...html.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]!);
const sourcesSection = (html: string): string => /<section class="sources">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";

describe("reportPage()", () => {
  const page = reportPage(notebook, meta({ citedSources: ["src-a", "src-b", "src-a"] }));

  it("shows prose, figures, tables and images, and no code, prompt, stream, error or plain-text result", () => {
    for (const hidden of ["secretCode", "showTable", "stream words", "TypeError", "plainResult", "raw cell", "In ["])
      expect(page.html).not.toContain(hidden);
    expect(page.html).toContain("<p>Opening prose.</p>");
    expect(page.html).toContain("<strong>Found</strong> three.");
    expect(page.html).toContain(TABLE);
    // the chart, whose placeholder speaks to a reader (not "trust the notebook")
    expect(FIGURE).toContain(UNTRUSTED_CHART_NOTE);
    expect(page.html).toContain(FIGURE.replace(UNTRUSTED_CHART_NOTE, READER_CHART_NOTE));
    expect(page.html).not.toContain("Trust Notebook");
    expect(page.html).toContain(`<img src="data:image/png;base64,${PNG}" alt="">`);
    expect(page.html).not.toContain("<pre");
  });

  it("loads the shared plotly.js in <head> and drops the bundle the old outputs embedded", () => {
    expect(page.html).not.toContain("__caspianDefine");
    expect(page.html).not.toContain("the bundle");
    const head = page.html.slice(0, page.html.indexOf("</head>"));
    expect(head).toContain('<script src="../assets/plotly.min.js"></script>');
    expect(page.html.match(/assets\/plotly\.min\.js/g)).toHaveLength(1);
  });

  it("allows the shared plotly.js ('self') and the chart's own script by hash, nothing else", () => {
    const policy = /script-src ([^;]*);/.exec(page.html)?.[1] ?? "";
    const code = /<script>([\s\S]*?)<\/script>/.exec(FIGURE)?.[1] ?? "";
    expect(policy).toBe(`'self' ${scriptHash(code)}`);
  });

  it("embeds plotly.js in <head> instead for a standalone page", () => {
    const standalone = reportPage(notebook, meta({ plotlyHref: "inline" })).html;
    const head = standalone.slice(0, standalone.indexOf("</head>"));
    expect(head).toContain(plotlyLoaderHtml());
    expect(standalone).not.toContain('src="../assets/plotly.min.js"');
    expect(standalone.split(plotlyLoaderHtml())).toHaveLength(2);
  });

  it("takes the title from the first level-1 heading and shows it once, with the parameters and as-of date", () => {
    expect(page.title).toBe("05 · A timeline");
    expect(page.html).toContain("<title>05 · A timeline</title>");
    expect(page.html.match(/<h1\b/g)).toHaveLength(1);
    expect(page.html).toContain(
      '<p class="parameters">Focal state: Kazakhstan (KAZ); as of 31 December 2016.</p>\n<p class="as-of">Data as of 31 December 2016 (the asOf parameter).</p>',
    );
  });

  it("gives every heading a unique id and the table of contents links each one, then Sources", () => {
    // worked by hand: "Intro" twice, "Sources" and "contents" are the page's own, the chart div holds caspian-figure-1
    expect(page.headings).toEqual([
      { level: 2, text: "Found in output", id: "found-in-output" },
      { level: 2, text: "Intro", id: "intro" },
      { level: 3, text: "Detail", id: "detail" },
      { level: 2, text: "Intro", id: "intro-2" },
      { level: 2, text: "Sources", id: "sources-2" },
      { level: 2, text: "Caspian figure 1", id: "caspian-figure-1-2" },
    ]);
    const all = ids(page.html);
    expect(new Set(all).size).toBe(all.length);
    const targets = tocTargets(page.html);
    expect(targets).toEqual([...page.headings.map((h) => h.id), "sources"]);
    for (const t of targets) expect(all.filter((i) => i === t)).toHaveLength(1);
    expect(page.html).toContain('<li class="toc-3"><a href="#detail">Detail</a></li>');
  });

  it("lists each cited source once, from the specs and from the text, by publisher", () => {
    // specs cite a, b, a; the text names src-c (src-c-extended is another word); d is never cited
    expect(page.sources).toEqual(["src-b", "src-a", "src-c"]);
    const section = sourcesSection(page.html);
    for (const id of ["src-a", "src-b", "src-c"]) expect(section.match(new RegExp(`\\[${id}\\]`, "g"))).toHaveLength(1);
    expect(section).not.toContain("src-d");
    expect(section).toContain(
      '<li>Beta Agency, <cite>Cargo in 2024</cite>, <a href="https://b.example/a">https://b.example/a</a>, 5 May 2024 <span class="source-id">[src-a]</span></li>',
    );
    expect(section).toContain('A summit</cite>, <a href="https://a.example/b">https://a.example/b</a>, undated');
  });

  it("lists two rows of the same page (another quote) as one item naming both ids", () => {
    const both = reportPage({ cells: [] }, meta({ citedSources: ["src-a2", "src-c", "src-a"] }));
    expect(both.sources).toEqual(["src-a", "src-a2", "src-c"]);
    const items = sourcesSection(both.html).match(/<li>/g);
    expect(items).toHaveLength(2);
    expect(both.html).toContain('5 May 2024 <span class="source-id">[src-a, src-a2]</span></li>');
  });

  it("is deterministic", () => {
    expect(reportPage(notebook, meta({ citedSources: ["src-a", "src-b", "src-a"] })).html).toBe(page.html);
  });
});

describe("what only the analyst sees, and the run in the title", () => {
  const tagged: ExecutedNotebook = {
    cells: [
      { cell_type: "markdown", source: "# 00 · Start\n\nFor everyone." },
      { cell_type: "markdown", source: "The same rows as a DataFrame:", metadata: { tags: [ANALYST_ONLY_TAG] } },
      {
        cell_type: "code",
        source: "df.print()",
        metadata: { tags: ["analyst-only"] },
        outputs: [{ output_type: "display_data", data: { "text/markdown": "**analyst table**" } }],
      },
      { cell_type: "markdown", source: "## Part\n\nAlso for everyone." },
    ],
  };

  it("leaves out cells tagged analyst-only, prose and outputs, and their headings stay in the contents", () => {
    const page = reportPage(tagged, meta());
    expect(page.html).toContain("For everyone.");
    expect(page.html).toContain("Also for everyone.");
    expect(page.html).not.toContain("The same rows");
    expect(page.html).not.toContain("analyst table");
  });

  it("names the run's parameters in <title>, escaped; a run without parameters keeps the plain title", () => {
    expect(reportPage(tagged, meta({ runLabel: "focal state: Kazakhstan (KAZ)" })).html).toContain(
      "<title>00 · Start (focal state: Kazakhstan (KAZ))</title>",
    );
    expect(reportPage(tagged, meta({ runLabel: "<b>x</b>" })).html).toContain(
      "<title>00 · Start (&lt;b&gt;x&lt;/b&gt;)</title>",
    );
    expect(reportPage(tagged, meta()).html).toContain("<title>00 · Start</title>");
  });
});

describe("escaping", () => {
  const XSS = '<img src=x onerror="alert(1)">';
  const page = reportPage(
    {
      cells: [{ cell_type: "markdown", source: `# Title ${XSS}\n\n## Part ${XSS} & co\n\n<script>alert(2)</script>` }],
    },
    meta({
      parameters: [`focal state: ${XSS}`],
      asOf: `2016 ${XSS}`,
      citedSources: ["evil", "unknown-id"],
      sourceCatalog: [{ id: "evil", publisher: XSS, title: `<b>${XSS}</b>`, url: "javascript:alert(3)", date: XSS }],
      links: [{ label: XSS, href: "javascript:alert(4)" }],
    }),
  );

  it("shows markup from headings, parameters, dates and sources as text", () => {
    expect(page.html).not.toMatch(/<img src=x/);
    expect(page.html).not.toContain("<script>alert");
    expect(page.html).not.toMatch(/href="\s*javascript:/i);
    const esc = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;";
    expect(page.html).toContain(`<h1 id="top">Title ${esc}</h1>`);
    expect(page.html).toContain(`<title>Title ${esc}</title>`);
    // markdown-it escapes the heading; the TOC escapes the heading's text
    expect(page.html).toContain(`<h2 id="part-img-src-x-onerror-alert-1-co">Part ${esc} &amp; co</h2>`);
    expect(page.html).toContain(`<a href="#part-img-src-x-onerror-alert-1-co">Part ${esc} &amp; co</a>`);
    expect(page.html).toContain(`<p class="parameters">Focal state: ${esc}.</p>`);
    expect(page.html).toContain(`Data as of 2016 ${esc}.`);
    expect(page.html).toContain(
      `<li>${esc}, <cite>&lt;b&gt;${esc}&lt;/b&gt;</cite>, <a href="about:invalid#unsafe-url">`,
    );
    expect(page.html).toContain('<li><span class="source-id">[unknown-id]</span> (not in the source catalogue)</li>');
    // the only script-src is none: nothing on the page may run
    expect(page.html).toContain("script-src 'none'");
  });

  it("headingSlug gives ids of lowercase letters, digits and single hyphens, never empty", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const slug = headingSlug(text);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(80);
      }),
    );
    expect(headingSlug("2 · The focal state's path")).toBe("2-the-focal-state-s-path");
    expect(headingSlug("Türkiye & the WTO")).toBe("turkiye-the-wto");
    expect(headingSlug("<>")).toBe("section");
  });
});

describe("an empty notebook", () => {
  const page = reportPage({ cells: [] }, meta({ parameters: [] }));
  it("is a page with the fallback title, a contents list of Sources only, no scripts, no sources", () => {
    expect(page.title).toBe("05-timeline");
    expect(page.html).toContain('<h1 id="top">05-timeline</h1>');
    expect(page.html).toContain('<p class="parameters">No parameters.</p>');
    expect(tocTargets(page.html)).toEqual(["sources"]);
    expect(page.html).toContain("<p>This page cites no source.</p>");
    expect(page.html).not.toContain("<script");
    expect(page.sources).toEqual([]);
  });
});

describe("helpers", () => {
  it("sourceIdsIn finds catalogue ids as whole words only", () => {
    const set = new Set(["ady-2024", "wto-x"]);
    expect(sourceIdsIn("ady-2024, (wto-x) and ady-2024-q2 or xady-2024", set)).toEqual(["ady-2024", "wto-x"]);
    expect(sourceIdsIn("", set)).toEqual([]);
  });

  it("citedSources keeps an id missing from the catalogue, after the known ones", () => {
    expect(citedSources(["zz", "src-c", "src-b"], "", catalogue).map((s) => s.id)).toEqual(["src-b", "src-c", "zz"]);
  });

  it("stripInlinePlotly leaves a figure's own script and drops a bundle-sized one", () => {
    expect(stripInlinePlotly(FIGURE)).toBe(FIGURE);
    expect(stripInlinePlotly(`<script>${"x".repeat(1_000_000)}</script>\n${FIGURE}`)).toBe(FIGURE);
  });

  it("the index lists each page with its parameters and as-of date, escaped", () => {
    const html = reportPagesIndexHtml([
      {
        file: "03-x--focal-KAZ.html",
        title: "03 · <b>X</b>",
        parameters: ["focal state: Kazakhstan (KAZ)"],
        asOf: "2016",
      },
      { file: "05-y.html", title: "05 · Y", parameters: [], asOf: "10 March 2026" },
    ]);
    expect(html).toContain(
      '<tr><td><a href="03-x--focal-KAZ.html">03 · &lt;b&gt;X&lt;/b&gt;</a></td><td>Focal state: Kazakhstan (KAZ)</td><td>2016</td></tr>',
    );
    expect(html).toContain(
      '<tr><td><a href="05-y.html">05 · Y</a></td><td>No parameters</td><td>10 March 2026</td></tr>',
    );
  });
});
