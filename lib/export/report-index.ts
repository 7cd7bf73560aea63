/**
 * The pages of a report pack that a person reads: `index.html`, a table of contents by notebook, and one page per
 * notebook (`<section>/index.html`) with each figure (its PNG linked to the interactive page), caption, sources,
 * file links and run record, and each table. Every text from data or parameters is escaped; no scripts, no network.
 * @module
 */
import { posix } from "node:path";
import { escapeHtml } from "../display/html";
import { cellText, columnHeader, type TableInput } from "../figures/table";
import { scriptlessPolicy } from "./csp";

/**
 * A file linked from the pages: its format, its path relative to the pack folder (with `/`), its size if known.
 * @category Report pack and pages
 */
export interface IndexFile {
  readonly format: string;
  readonly path: string;
  readonly bytes?: number;
}

/**
 * Link to the run record (out/records/<notebook>.json) behind a figure or table, relative to the pack folder.
 * @category Report pack and pages
 */
export interface RunRecordLink {
  readonly path: string;
  /** One line on the inputs (notebook, parameters, lib, data files), shown as the link's text. */
  readonly summary: string;
}

/**
 * A figure as listed in the pages.
 * @category Report pack and pages
 */
export interface IndexFigure {
  readonly kind: "figure";
  readonly id: string;
  readonly section: string;
  readonly title: string;
  readonly caption?: string;
  readonly sourcesText: string;
  /** Path of the image shown (PNG), relative to the pack folder. */
  readonly image?: string;
  readonly width: number;
  readonly height: number;
  readonly files: readonly IndexFile[];
  readonly record?: RunRecordLink;
}

/**
 * A table as listed in the pages.
 * @category Report pack and pages
 */
export interface IndexTable {
  readonly kind: "table";
  readonly id: string;
  readonly section: string;
  readonly title: string;
  readonly caption?: string;
  readonly sourcesText: string;
  readonly table: TableInput;
  readonly files: readonly IndexFile[];
  readonly record?: RunRecordLink;
}

/**
 * A figure or a table of the pages.
 * @category Report pack and pages
 */
export type IndexItem = IndexFigure | IndexTable;

/**
 * How a section (a notebook run) is named for readers: its title and, for a parameter run, its parameters.
 * @category Report pack and pages
 */
export interface SectionHeading {
  /** The notebook's title in words ("03 · Multilateral embeddedness"). */
  readonly title: string;
  /** The parameters in words ("focal state: Kazakhstan (KAZ)"); absent for a run with the defaults. */
  readonly parameters?: string;
  /** The run record of the whole section. */
  readonly record?: RunRecordLink;
}

/**
 * A page to write: path relative to the pack folder, and its HTML.
 * @category Report pack and pages
 */
export interface ReportPage {
  readonly path: string;
  readonly html: string;
}

/**
 * Options of {@link reportIndexPages}.
 * @category Report pack and pages
 */
export interface ReportIndexOptions {
  /** How each section is named (default: its name). */
  readonly headings?: Readonly<Record<string, SectionHeading>>;
  /** Files of the pack as a whole, linked from the index (e.g. the combined PDF). */
  readonly downloads?: readonly IndexFile[];
}

const STYLE = `
body { font: 15px/1.5 "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 24px auto; max-width: 980px; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 0 0 8px; }
a { color: #0b57a4; }
code { font-size: 13px; color: #555; }
.lead, .meta, .params { margin: 4px 0; }
.meta, .sources, .files, .record, .back, .counts { color: #555; font-size: 13px; }
.params { font-size: 16px; }
nav.toc ol { padding-left: 22px; }
nav.toc > ol > li { margin: 0 0 16px; }
nav.toc ol ol { margin: 4px 0 0; font-size: 14px; }
nav.toc .kind { color: #777; font-size: 12px; }
nav.toc.page li { margin: 2px 0; }
figure, section.table { margin: 40px 0 48px; padding-top: 16px; border-top: 1px solid #ddd; }
figure { margin-left: 0; margin-right: 0; }
.caption { margin: 8px 0 4px; }
.sources { margin: 4px 0; }
.files a { margin-right: 2px; }
img.chart { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; }
footer { margin: 40px 0 16px; padding-top: 12px; border-top: 1px solid #ddd; font-size: 14px; }
`;

/**
 * The Content-Security-Policy of the pages: no script at all, nothing from the network (images only from the pack's
 * own files and data URIs, inline styles only), no plugins, frames, forms or base rewriting.
 * @example INDEX_CSP.startsWith("default-src 'none'; script-src 'none'") // => true
 * @category Report pack and pages
 */
export const INDEX_CSP = scriptlessPolicy();

/** Folder of the page of the section "" (specs registered outside any notebook); no section can be named `_`. */
const ROOT_SECTION_DIR = "_";

/**
 * Path of a section's page inside the pack.
 * @example sectionPagePath("03-multilateral-embeddedness--focal-KAZ") // => "03-multilateral-embeddedness--focal-KAZ/index.html"
 * @category Report pack and pages
 */
export function sectionPagePath(section: string): string {
  return `${section === "" ? ROOT_SECTION_DIR : section}/index.html`;
}

/** A pack path as seen from a page in folder `dir` ("" for the pack folder), URL-encoded per segment and escaped. */
function link(dir: string, path: string): string {
  const rel =
    dir === ""
      ? path
      : path.startsWith(`${dir}/`)
        ? path.slice(dir.length + 1)
        : posix.normalize(`${"../".repeat(dir.split("/").length)}${path}`);
  return escapeHtml(rel.split("/").map(encodeURIComponent).join("/"));
}

/**
 * A file size in words, in SI units.
 * @example fileSize(84_213) // => "84 kB"
 * @category Report pack and pages
 */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 999_500) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

const FORMAT_LABELS: Readonly<Record<string, string>> = {
  png: "PNG",
  svg: "SVG",
  pdf: "PDF",
  html: "Interactive (HTML)",
  csv: "CSV",
  md: "Markdown",
};

/** The link text of a file: its format in words ("Data (CSV)" for a figure's data). */
function formatLabel(item: IndexItem, format: string): string {
  if (item.kind === "figure" && format === "csv") return "Data (CSV)";
  return FORMAT_LABELS[format] ?? format.toUpperCase();
}

/**
 * Anchor of an item on its section page; ids are file names, so `figure-<id>` and `table-<id>` never collide.
 * @example itemAnchor({ kind: "figure", id: "titr-cargo" }) // => "figure-titr-cargo"
 * @category Report pack and pages
 */
export function itemAnchor(item: Pick<IndexItem, "kind" | "id">): string {
  return `${item.kind}-${item.id}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function countsText(items: readonly IndexItem[]): string {
  const figures = items.filter((i) => i.kind === "figure").length;
  return `${count(figures, "figure", "figures")}, ${count(items.length - figures, "table", "tables")}`;
}

function tableHtml(table: TableInput): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(columnHeader(c))}</th>`).join("");
  const body = table.rows
    .map(
      (r) =>
        `<tr>${table.columns
          .map((c) => {
            const v = r[c.key];
            return `<td${typeof v === "number" ? ' class="num"' : ""}>${escapeHtml(cellText(v))}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${INDEX_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body id="top">
${body}
</body>
</html>
`;
}

/** The sections in order (by name), each with its items: figures first, then tables, each in the given order. */
function groupSections(items: readonly IndexItem[]): { name: string; items: IndexItem[] }[] {
  const names = [...new Set(items.map((i) => i.section))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const own = items.filter((i) => i.section === name);
    return { name, items: [...own.filter((i) => i.kind === "figure"), ...own.filter((i) => i.kind === "table")] };
  });
}

/**
 * The title of a section that has no heading: its name ("" is the figures registered outside any notebook).
 * @example defaultSectionTitle("") // => "Other figures and tables"
 * @category Report pack and pages
 */
export function defaultSectionTitle(section: string): string {
  return section === "" ? "Other figures and tables" : section;
}

/** A section's title with its parameters, if any: "03 · Multilateral embeddedness (focal state Kazakhstan (KAZ))". */
const headingText = (h: SectionHeading): string =>
  h.parameters !== undefined && h.parameters !== "" ? `${h.title} (${h.parameters})` : h.title;

const headingOf = (name: string, headings: ReportIndexOptions["headings"]): SectionHeading =>
  headings?.[name] ?? { title: defaultSectionTitle(name) };

function itemBlock(dir: string, item: IndexItem): string {
  const files = item.files
    .map(
      (f) =>
        `<a href="${link(dir, f.path)}">${escapeHtml(formatLabel(item, f.format))}</a>${f.bytes !== undefined ? ` (${fileSize(f.bytes)})` : ""}`,
    )
    .join(" · ");
  const record = item.record !== undefined ? `<a href="${link(dir, item.record.path)}">Run record</a>` : "";
  const fileLine = [files, record].filter((s) => s !== "").join(" · ");
  const caption =
    item.caption !== undefined && item.caption !== "" ? `<p class="caption">${escapeHtml(item.caption)}</p>\n` : "";
  const details = `${caption}<p class="sources">${escapeHtml(item.sourcesText)}</p>\n${fileLine !== "" ? `<p class="files">Files: ${fileLine}</p>\n` : ""}`;
  const anchor = escapeHtml(itemAnchor(item));
  if (item.kind === "table")
    return `<section class="table" id="${anchor}">
<h2>${escapeHtml(item.title)}</h2>
${tableHtml(item.table)}
${details}</section>`;
  const html = item.files.find((f) => f.format === "html");
  const img =
    item.image !== undefined
      ? `<img class="chart" src="${link(dir, item.image)}" alt="${escapeHtml(item.title)}" width="${item.width}" height="${item.height}" loading="lazy">`
      : "";
  const picture = html !== undefined && img !== "" ? `<a href="${link(dir, html.path)}">${img}</a>` : img;
  return `<figure id="${anchor}">
<h2>${escapeHtml(item.title)}</h2>
${picture !== "" ? `${picture}\n` : ""}<figcaption>
${details}</figcaption>
</figure>`;
}

function sectionPage(
  packTitle: string,
  section: { name: string; items: IndexItem[] },
  heading: SectionHeading,
  previous: { name: string; heading: SectionHeading } | undefined,
  next: { name: string; heading: SectionHeading } | undefined,
): string {
  const path = sectionPagePath(section.name);
  const dir = posix.dirname(path);
  const index = link(dir, "index.html");
  const neighbour = (label: string, s: { name: string; heading: SectionHeading } | undefined) =>
    s !== undefined
      ? ` · ${label}: <a href="${link(dir, sectionPagePath(s.name))}">${escapeHtml(headingText(s.heading))}</a>`
      : "";
  const toc = section.items
    .map(
      (i) =>
        `<li><a href="#${escapeHtml(itemAnchor(i))}">${escapeHtml(i.title)}</a>${i.kind === "table" ? ' <span class="kind">(table)</span>' : ""}</li>`,
    )
    .join("\n");
  const record =
    heading.record !== undefined
      ? `<p class="meta">Run record: <a href="${link(dir, heading.record.path)}">${escapeHtml(heading.record.summary)}</a></p>\n`
      : "";
  const body = `<header>
<p class="back"><a href="${index}">← ${escapeHtml(packTitle)}: all notebooks</a></p>
<h1>${escapeHtml(heading.title)}</h1>
${heading.parameters !== undefined && heading.parameters !== "" ? `<p class="params">${escapeHtml(heading.parameters)}</p>\n` : ""}<p class="meta">${countsText(section.items)} · output <code>${escapeHtml(section.name)}</code> · click a chart for its interactive version</p>
${record}<nav class="toc page" aria-label="Contents"><ol>
${toc}
</ol></nav>
</header>
<main>
${section.items.map((i) => itemBlock(dir, i)).join("\n")}
</main>
<footer><a href="#top">Top</a> · <a href="${index}">All notebooks</a>${neighbour("Previous", previous)}${neighbour("Next", next)}</footer>`;
  return page(`${headingText(heading)} · ${packTitle}`, body);
}

function indexPage(
  title: string,
  sections: readonly { name: string; items: IndexItem[]; heading: SectionHeading }[],
  downloads: readonly IndexFile[],
): string {
  const all = sections.flatMap((s) => s.items);
  const entries = sections
    .map((s) => {
      const href = link("", sectionPagePath(s.name));
      const items = s.items
        .map(
          (i) =>
            `<li><a href="${href}#${escapeHtml(itemAnchor(i))}">${escapeHtml(i.title)}</a>${i.kind === "table" ? ' <span class="kind">(table)</span>' : ""}</li>`,
        )
        .join("\n");
      const params =
        s.heading.parameters !== undefined && s.heading.parameters !== ""
          ? ` <span class="params">· ${escapeHtml(s.heading.parameters)}</span>`
          : "";
      return `<li><a href="${href}"><strong>${escapeHtml(s.heading.title)}</strong></a>${params}
<div class="counts">${countsText(s.items)} · <code>${escapeHtml(s.name)}</code></div>
<ol>
${items}
</ol></li>`;
    })
    .join("\n");
  const extra = downloads
    .map(
      (f) =>
        `<a href="${link("", f.path)}">${f.format === "pdf" ? "All figures in one PDF" : escapeHtml(f.path)}</a>${f.bytes !== undefined ? ` (${fileSize(f.bytes)})` : ""}`,
    )
    .join(" · ");
  const notebooks = count(sections.length, "notebook page", "notebook pages");
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="lead">${notebooks}, ${countsText(all)}. Each notebook has a page with its figures (click a chart for its interactive version), their data and sources.${extra !== "" ? ` ${extra}.` : ""}</p>
<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>
${entries}
</ol></nav>`,
  );
}

/**
 * The index page of a report pack: a title, a line of counts and a table of contents by section (notebook), each
 * with its title in words, its parameters, and its figures and tables linked to their place on the section's page.
 * @example reportIndexHtml("Report", []).includes("<title>Report</title>") // => true
 * @category Report pack and pages
 */
export function reportIndexHtml(title: string, items: readonly IndexItem[], options: ReportIndexOptions = {}): string {
  return reportIndexPages(title, items, options)[0]!.html;
}

/**
 * Every page of the index: `index.html` first, then one page per section at {@link sectionPagePath}, in section
 * order. A section page shows each figure (PNG linked to its interactive page), its title, caption, sources line,
 * file links with sizes and the run record, then each table; it links back to the index and to the previous and
 * next sections. Same input, same bytes.
 * @example
 * reportIndexPages("Report", [
 *   { kind: "table", id: "t", section: "01-claims", title: "Claims", sourcesText: "Source: x",
 *     table: { columns: [], rows: [], sources: [] }, files: [] },
 * ]).map((p) => p.path) // => ["index.html", "01-claims/index.html"]
 * @category Report pack and pages
 */
export function reportIndexPages(
  title: string,
  items: readonly IndexItem[],
  options: ReportIndexOptions = {},
): ReportPage[] {
  const sections = groupSections(items).map((s) => ({ ...s, heading: headingOf(s.name, options.headings) }));
  return [
    { path: "index.html", html: indexPage(title, sections, options.downloads ?? []) },
    ...sections.map((s, i) => ({
      path: sectionPagePath(s.name),
      html: sectionPage(title, s, s.heading, sections[i - 1], sections[i + 1]),
    })),
  ];
}
