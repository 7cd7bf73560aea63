/**
 * The reader's view of an executed notebook (out/report/<name>.html): prose, figures and tables only. Code cells'
 * input, prompts, streams and errors are left out; markdown (cells and `text/markdown` outputs) is rendered with
 * markdown-it (raw HTML in it shown as text), the library's `text/html` outputs (tables, charts and their draw
 * scripts) and PNG images are kept as they are. The page has a title block (the notebook's first heading, the run's
 * parameters and the data's as-of date in words), a table of contents linking every heading (ids from the heading
 * text, unique and stable), and a "Sources" section listing once each the sources the page cites. Pure: the same
 * notebook and metadata give the same bytes. Every text from data or parameters is escaped, and the page ends in
 * {@link secureHtmlPage} (its Content-Security-Policy).
 * @module
 */
import MarkdownIt from "markdown-it";
import { escapeHtml } from "../display/html";
import { plotlyScriptHtml } from "../display/plotly-bundle";
import { safeUrl } from "../display/safe-text";
import { secureHtmlPage } from "./csp";
import { minOf } from "../core/extent";
import { READER_CHART_NOTE, UNTRUSTED_CHART_NOTE } from "../display/show";

/**
 * One output of a code cell (nbformat 4).
 * @category Report pack and pages
 */
export interface NotebookOutput {
  readonly output_type: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * One cell of an executed notebook (nbformat 4).
 * @category Report pack and pages
 */
export interface NotebookCell {
  readonly cell_type: string;
  readonly source: string | readonly string[];
  readonly outputs?: readonly NotebookOutput[];
  readonly metadata?: { readonly tags?: readonly string[] };
}

/**
 * The tag of a cell that only the analyst's view shows: how to work with the notebook (edit this cell, the
 * printed DataFrame below), not part of the analysis a reader is handed. The reader's page leaves it out.
 * @category Report pack and pages
 */
export const ANALYST_ONLY_TAG = "analyst-only";

/**
 * The parts of an executed notebook (out/notebooks/<name>.ipynb) a report page reads.
 * @category Report pack and pages
 */
export interface ExecutedNotebook {
  readonly cells: readonly NotebookCell[];
}

/**
 * A source as the "Sources" section lists it; a row of data/sources.csv fits once its date is in words.
 * @category Report pack and pages
 */
export interface ReportSource {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  /** The address, shown as a link (anything but http(s) and mailto is made inert). */
  readonly url: string;
  /** The publication date as shown ("14 November 2025"); undefined or "" for an undated source. */
  readonly date?: string | undefined;
}

/**
 * A link under the title (the analyst's view, the run record).
 * @category Report pack and pages
 */
export interface ReportLink {
  readonly label: string;
  /** A relative address. */
  readonly href: string;
}

/**
 * What a report page shows beside the notebook.
 * @category Report pack and pages
 */
export interface ReportPageMeta {
  /** Title when the notebook has no heading (for example its output name). */
  readonly fallbackTitle: string;
  /** The run's parameters in words, one phrase each ("Focal state: Kazakhstan (KAZ)", "as of 31 December 2016"). */
  readonly parameters: readonly string[];
  /** The data's as-of date in words ("10 March 2026 (the latest date in the data)"). */
  readonly asOf: string;
  /** Ids of the sources the page cites beside those named in its text: those of the figures and tables it registered. */
  readonly citedSources: readonly string[];
  /** The source catalogue: cited ids are looked up in it, and its ids are looked for in the page's text. */
  readonly sourceCatalog: readonly ReportSource[];
  /**
   * What tells this run apart from the notebook's other runs (its given parameters in words), added to the
   * page's `<title>` so that two runs of one notebook have different tab and bookmark names.
   */
  readonly runLabel?: string;
  /**
   * Why the page is out of date (its data or library changed since its run), with the command that rebuilds it;
   * shown in a note under the title block. A default run's page stays until it is rebuilt.
   */
  readonly stale?: string;
  /**
   * Where the page gets plotly.js when it draws a chart: the relative address of the output folder's shared copy
   * (default {@link REPORT_PLOTLY_HREF}), or `"inline"` to embed it (a standalone page, for e-mail).
   */
  readonly plotlyHref?: string;
  /** Links shown under the title block. */
  readonly links?: readonly ReportLink[];
}

/**
 * A heading of the page, as the table of contents lists it.
 * @category Report pack and pages
 */
export interface ReportHeading {
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

/**
 * Default address of the shared plotly.js, relative to out/report/.
 * @category Report pack and pages
 */
export const REPORT_PLOTLY_HREF = "../assets/plotly.min.js";

/** Ids the page itself uses: a heading never takes them. */
const RESERVED_IDS = ["top", "contents", "sources"];

const PAGE_STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.55 "DejaVu Serif", Georgia, "Times New Roman", serif; color: #1d1d1d; background: #fff; margin: 0; }
.page { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
h1, h2, h3, h4, h5, h6, nav, .title-block, .sources, table, .caspian-table { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 10px; }
h2 { font-size: 21px; margin: 36px 0 10px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 18px; margin: 28px 0 8px; }
h4, h5, h6 { font-size: 16px; margin: 22px 0 6px; }
a { color: #1a4f8b; }
.title-block { border-bottom: 2px solid #333; padding-bottom: 12px; margin-bottom: 18px; }
.title-block p { margin: 4px 0; font-size: 15px; }
.title-block .links { font-size: 14px; color: #555; }
nav.toc { background: #f6f6f4; border: 1px solid #e2e2dd; padding: 8px 18px 10px; margin: 0 0 24px; font-size: 15px; }
nav.toc h2 { font-size: 16px; margin: 6px 0; border: 0; padding: 0; }
nav.toc ul { list-style: none; margin: 0; padding: 0; }
nav.toc li { margin: 2px 0; }
nav.toc .toc-2 { padding-left: 0; }
nav.toc .toc-3 { padding-left: 18px; }
nav.toc .toc-4, nav.toc .toc-5, nav.toc .toc-6 { padding-left: 36px; }
.output { margin: 12px 0; }
/* A chart wider than the window scrolls rather than being cut; in print it is scaled to the A4 text width. */
.caspian-figure { width: 100%; max-width: 100%; overflow-x: auto; overflow-y: hidden; }
.stale { background: #fff4d6; border-left: 4px solid #E69F00; padding: 6px 10px; }
.caspian-table { max-width: 100%; overflow-x: auto; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 14px; }
th, td { padding: 3px 8px; }
code { font-size: 0.92em; background: #f2f2f0; padding: 0 3px; }
blockquote { margin: 8px 0; padding: 0 14px; border-left: 3px solid #ccc; color: #444; }
section.sources { margin-top: 40px; font-size: 14px; }
section.sources li { margin: 6px 0; overflow-wrap: anywhere; }
section.sources .source-id { color: #777; font-size: 12px; }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { background: none; }
  .output, figure, table, .caspian-figure { break-inside: avoid; }
  .caspian-figure { overflow: visible; zoom: 0.74; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; }
}
`;

/**
 * An id for a heading: lowercase letters and digits of its text joined by `-` (accents dropped), or `section`.
 * @example headingSlug("2 · The focal state's path") // => "2-the-focal-state-s-path"
 * @example headingSlug("Türkiye & the WTO") // => "turkiye-the-wto"
 * @category Report pack and pages
 */
export function headingSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug === "" ? "section" : slug;
}

/** Gives each heading a unique id: the slug, then `-2`, `-3`, ... for repeats (and for ids already taken). */
class Slugger {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }
  next(text: string): string {
    const base = headingSlug(text);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** The state of one page's markdown rendering. */
interface RenderEnv {
  readonly slugger: Slugger;
  readonly headings: ReportHeading[];
  /** Drop the first level-1 heading (it becomes the title); set once it is found. */
  title: string | undefined;
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

type Token = ReturnType<MarkdownIt["parse"]>[number];

function inlineText(token: Token | undefined): string {
  if (token === undefined) return "";
  const children = token.children ?? [];
  if (children.length === 0) return token.content;
  return children.map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : "")).join("");
}

/** Renders markdown with ids on its headings, recording them for the table of contents. */
function renderMarkdown(source: string, env: RenderEnv): string {
  const tokens = markdown.parse(source, {});
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open") {
      const level = Number(t.tag.slice(1));
      const text = inlineText(tokens[i + 1]).trim();
      if (level === 1 && env.title === undefined) {
        env.title = text;
        i += 2; // heading_open, inline, heading_close: the title block shows it
        continue;
      }
      const id = env.slugger.next(text);
      t.attrSet("id", id);
      env.headings.push({ level, text, id });
    }
    kept.push(t);
  }
  return markdown.renderer.render(kept, markdown.options, {});
}

function joined(source: unknown): string {
  if (typeof source === "string") return source;
  if (Array.isArray(source)) return source.map((s) => (typeof s === "string" ? s : "")).join("");
  return "";
}

/** The plotly.js loader the old outputs embedded before their first chart: three scripts, the bundle the middle one. */
const INLINE_BUNDLE =
  /<script>window\.__caspianDefine = window\.define; window\.define = undefined;<\/script>\s*<script>[\s\S]*?<\/script>\s*<script>window\.define = window\.__caspianDefine;<\/script>\s*/g;

/** Any other inline script longer than this is taken for a copy of plotly.js (a figure script is far shorter). */
const BUNDLE_MIN_LENGTH = 1_000_000;

/**
 * A `text/html` output without inline copies of the plotly.js bundle (the page loads the shared one).
 * @example stripInlinePlotly('<script>window.__caspianDefine = window.define; window.define = undefined;</script>\n<script>var Plotly;</script>\n<script>window.define = window.__caspianDefine;</script>\n<div id="f"></div>') // => '<div id="f"></div>'
 * @category Report pack and pages
 */
export function stripInlinePlotly(html: string): string {
  return html
    .replace(INLINE_BUNDLE, "")
    .replace(/<script>([\s\S]*?)<\/script>\s*/g, (whole, code: string) =>
      code.length >= BUNDLE_MIN_LENGTH ? "" : whole,
    );
}

const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

/** One output as the reader sees it, or "" for what the reader's view leaves out (streams, errors, plain text). */
function outputHtml(output: NotebookOutput, env: RenderEnv): string {
  if (output.output_type !== "display_data" && output.output_type !== "execute_result") return "";
  const data = output.data ?? {};
  const html = joined(data["text/html"]);
  // a chart's placeholder speaks to the reader, not to a Jupyter user
  if (html !== "") return stripInlinePlotly(html).replaceAll(UNTRUSTED_CHART_NOTE, READER_CHART_NOTE);
  const png = joined(data["image/png"]).trim();
  if (png !== "" && BASE64.test(png)) return `<img src="data:image/png;base64,${png.replace(/\s+/g, "")}" alt="">`;
  const md = joined(data["text/markdown"]);
  if (md !== "") return renderMarkdown(md, env);
  return "";
}

/** Text of an HTML fragment for the search of source ids: scripts and tags dropped. */
function visibleText(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, " ").replace(/<[^>]*>/g, " ");
}

/**
 * Ids of `catalogue` that the text names as whole words (an id inside a longer id does not count), in order of
 * first appearance.
 * @example sourceIdsIn("Per ady-2024 and ady-2024-q2.", new Set(["ady-2024", "wto-x"])) // => ["ady-2024"]
 * @category Report pack and pages
 */
export function sourceIdsIn(text: string, catalogue: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/g)) {
    if (catalogue.has(m[0])) found.add(m[0]);
  }
  return [...found];
}

/** The page's body: markdown cells and the outputs of code cells, with what the text says. */
interface Body {
  readonly html: string;
  readonly text: string;
  readonly headings: readonly ReportHeading[];
  readonly title: string | undefined;
  readonly hasChart: boolean;
}

function renderBody(notebook: ExecutedNotebook): Body {
  // Ids already in the outputs (chart divs) are never given to a heading.
  const outputIds: string[] = [];
  for (const c of notebook.cells)
    for (const o of c.outputs ?? [])
      for (const m of joined(o.data?.["text/html"]).matchAll(/\bid="([^"]*)"/g)) outputIds.push(m[1]!);
  const env: RenderEnv = { slugger: new Slugger([...RESERVED_IDS, ...outputIds]), headings: [], title: undefined };
  const parts: string[] = [];
  const texts: string[] = [];
  for (const cell of notebook.cells) {
    if (cell.metadata?.tags?.includes(ANALYST_ONLY_TAG) === true) continue;
    if (cell.cell_type === "markdown") {
      const src = joined(cell.source);
      if (src.trim() === "") continue;
      const html = renderMarkdown(src, env);
      texts.push(src);
      if (html.trim() !== "") parts.push(`<div class="prose">\n${html}</div>`);
    } else if (cell.cell_type === "code") {
      for (const o of cell.outputs ?? []) {
        const html = outputHtml(o, env);
        if (html.trim() === "") continue;
        texts.push(visibleText(html));
        parts.push(`<div class="output">\n${html}\n</div>`);
      }
    }
  }
  const html = parts.join("\n");
  return {
    html,
    text: texts.join("\n"),
    headings: env.headings,
    title: env.title,
    hasChart: /\bclass="caspian-figure"/.test(html),
  };
}

/**
 * The sources a page cites, each once, sorted by publisher, title and id; ids not in the catalogue are kept as
 * bare ids (a source the catalogue lost is still named).
 * @example citedSources(["b", "a", "b"], "see a", [{ id: "a", publisher: "P", title: "T", url: "u" }]).map((s) => s.id) // => ["a", "b"]
 * @category Report pack and pages
 */
export function citedSources(
  ids: readonly string[],
  text: string,
  catalogue: readonly ReportSource[],
): (ReportSource | { readonly id: string; readonly missing: true })[] {
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const all = new Set([...ids, ...sourceIdsIn(text, new Set(byId.keys()))]);
  const key = (s: ReportSource | { id: string }) =>
    "publisher" in s ? [s.publisher.toLowerCase(), s.title.toLowerCase(), s.id] : ["\uffff", "", s.id];
  return [...all]
    .map((id) => byId.get(id) ?? { id, missing: true as const })
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (x[i]! !== y[i]!) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    });
}

/**
 * The list of sources: one item per document, so rows of the catalogue that cite the same page (same publisher,
 * title, address and date, another quote) share one item that names each of their ids.
 */
function sourcesHtml(sources: ReturnType<typeof citedSources>): string {
  if (sources.length === 0) return "<p>This page cites no source.</p>";
  const groups: { key: string; ids: string[]; html: (ids: string) => string }[] = [];
  for (const s of sources) {
    let key: string;
    let html: (ids: string) => string;
    if ("missing" in s) {
      key = `\u0000${s.id}`;
      html = (ids) => `<li>${ids} (not in the source catalogue)</li>`;
    } else {
      const url = s.url.trim();
      const date = s.date?.trim() ?? "";
      key = JSON.stringify([s.publisher, s.title, url, date]);
      const link = url !== "" ? `, <a href="${escapeHtml(safeUrl(url))}">${escapeHtml(url)}</a>` : "";
      const when = date !== "" ? `, ${escapeHtml(date)}` : ", undated";
      html = (ids) => `<li>${escapeHtml(s.publisher)}, <cite>${escapeHtml(s.title)}</cite>${link}${when} ${ids}</li>`;
    }
    const last = groups[groups.length - 1];
    if (last !== undefined && last.key === key) last.ids.push(s.id);
    else groups.push({ key, ids: [s.id], html });
  }
  const items = groups.map((g) => g.html(`<span class="source-id">[${g.ids.map(escapeHtml).join(", ")}]</span>`));
  return `<ol>\n${items.join("\n")}\n</ol>`;
}

function tocHtml(headings: readonly ReportHeading[]): string {
  // The highest level present is the first level of the list (a page whose sections are all h3 is not indented).
  const top = minOf(headings.map((h) => h.level));
  const item = (depth: number, id: string, text: string) =>
    `<li class="toc-${depth}"><a href="#${escapeHtml(id)}">${escapeHtml(text)}</a></li>`;
  const items = [
    ...headings.map((h) => item(Math.min(6, h.level - top + 2), h.id, h.text)),
    item(2, "sources", "Sources"),
  ];
  return `<nav class="toc" aria-labelledby="contents">\n<h2 id="contents">Contents</h2>\n<ul>\n${items.join("\n")}\n</ul>\n</nav>`;
}

/**
 * A reader's page and what the index and tests need to know about it.
 * @category Report pack and pages
 */
export interface ReportPage {
  /** The complete page, Content-Security-Policy included. */
  readonly html: string;
  /** The title shown: the notebook's first level-1 heading, or the fallback. */
  readonly title: string;
  /** The headings of the body, in order, with their ids (the table of contents lists them, then "Sources"). */
  readonly headings: readonly ReportHeading[];
  /** Ids of the sources listed, in the order shown. */
  readonly sources: readonly string[];
}

/**
 * The reader's view of an executed notebook as a complete HTML page (see the module comment).
 * @example
 * const nb = { cells: [{ cell_type: "markdown", source: "# Title\n\n## Part" }, { cell_type: "code", source: "x", outputs: [] }] };
 * const page = reportPageHtml(nb, { fallbackTitle: "n", parameters: [], asOf: "2026", citedSources: [], sourceCatalog: [] });
 * page.includes('<a href="#part">Part</a>') && !page.includes(">x<") // => true
 * @category Report pack and pages
 */
export function reportPageHtml(notebook: ExecutedNotebook, meta: ReportPageMeta): string {
  return reportPage(notebook, meta).html;
}

/**
 * {@link reportPageHtml} with the page's title, headings and sources.
 * @example reportPage({ cells: [{ cell_type: "markdown", source: "# 05 · A timeline" }] }, { fallbackTitle: "05", parameters: [], asOf: "2026", citedSources: [], sourceCatalog: [] }).title // => "05 · A timeline"
 * @category Report pack and pages
 */
export function reportPage(notebook: ExecutedNotebook, meta: ReportPageMeta): ReportPage {
  const body = renderBody(notebook);
  const title = body.title !== undefined && body.title !== "" ? body.title : meta.fallbackTitle;
  const sources = citedSources(meta.citedSources, body.text, meta.sourceCatalog);
  const params = meta.parameters.filter((p) => p.trim() !== "");
  const paramsLine =
    params.length > 0
      ? `<p class="parameters">${escapeHtml(capitalise(params.join("; ")))}.</p>\n`
      : `<p class="parameters">No parameters.</p>\n`;
  const links =
    (meta.links ?? []).length > 0
      ? `<p class="links">${(meta.links ?? [])
          .map((l) => `<a href="${escapeHtml(safeUrl(l.href))}">${escapeHtml(l.label)}</a>`)
          .join(" · ")}</p>\n`
      : "";
  const plotly = body.hasChart ? `${plotlyScriptHtml(meta.plotlyHref ?? REPORT_PLOTLY_HREF)}\n` : "";
  const html = secureHtmlPage(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.runLabel !== undefined && meta.runLabel !== "" ? `${title} (${meta.runLabel})` : title)}</title>
<style>${PAGE_STYLE}</style>
${plotly}</head>
<body>
<div class="page">
<header class="title-block">
<h1 id="top">${escapeHtml(title)}</h1>
${paramsLine}<p class="as-of">Data as of ${escapeHtml(meta.asOf)}.</p>
${links}${meta.stale !== undefined && meta.stale !== "" ? `<p class="stale" role="note"><strong>Out of date.</strong> ${escapeHtml(meta.stale)}</p>\n` : ""}</header>
${tocHtml(body.headings)}
<main>
${body.html}
</main>
<section class="sources">
<h2 id="sources">Sources</h2>
${sourcesHtml(sources)}
</section>
</div>
</body>
</html>
`);
  return { html, title, headings: body.headings, sources: sources.map((s) => s.id) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A page as the index of reader's pages lists it.
 * @category Report pack and pages
 */
export interface ReportIndexEntry {
  /** The page's file name in out/report/ (`03-x--focal-KAZ.html`). */
  readonly file: string;
  readonly title: string;
  /** The run's parameters in words. */
  readonly parameters: readonly string[];
  /** The data's as-of date in words. */
  readonly asOf: string;
  /** Whether the page is out of date (see {@link ReportPageMeta.stale}). */
  readonly stale?: boolean;
}

/**
 * The index of the reader's pages (out/report/index.html): each page's title, parameters and as-of date, linked.
 * @example reportPagesIndexHtml([]).includes("No reader's pages yet") // => true
 * @category Report pack and pages
 */
export function reportPagesIndexHtml(entries: readonly ReportIndexEntry[]): string {
  const rows = entries.map((e) => {
    const params = e.parameters.filter((p) => p.trim() !== "");
    return `<tr><td><a href="${escapeHtml(encodeURIComponent(e.file))}">${escapeHtml(e.title)}</a></td><td>${escapeHtml(
      params.length > 0 ? capitalise(params.join("; ")) : "No parameters",
    )}</td><td>${escapeHtml(e.asOf)}${e.stale === true ? " <strong>(out of date)</strong>" : ""}</td></tr>`;
  });
  const table =
    rows.length > 0
      ? `<table>\n<thead><tr><th>Notebook</th><th>Parameters</th><th>Data as of</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`
      : "<p>No reader's pages yet: run the notebooks (npm start).</p>";
  return secureHtmlPage(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caspian Lab: reports</title>
<style>${PAGE_STYLE}
table { width: 100%; }
th, td { border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; padding: 6px 8px; }
</style>
</head>
<body>
<div class="page">
<header class="title-block">
<h1 id="top">Caspian Lab: reports</h1>
<p>The reader's view of each executed notebook: prose, figures and tables, with the sources each page cites.</p>
</header>
<main>
${table}
</main>
</div>
</body>
</html>
`);
}
