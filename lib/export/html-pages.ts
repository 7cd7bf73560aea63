/**
 * HTML pages of the exports: a self-contained page per figure (plotly bundle inlined, no network) and the index
 * of a report pack. Every text that comes from data is escaped.
 * @module
 */
import { escapeHtml } from "../display/html";
import { figureHtml } from "../display/show";
import type { PlotlyFigure } from "../figures/plotly";
import { secureHtmlPage } from "./csp";
import { cellText, columnHeader, type TableInput } from "../figures/table";

const PAGE_STYLE = `
body { font: 15px/1.45 "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 24px auto; max-width: 980px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 12px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
figure { margin: 0 0 36px; }
figcaption { margin-top: 8px; }
.caption { margin: 4px 0; }
.sources { color: #555; font-size: 13px; margin: 4px 0; }
.files { font-size: 13px; }
.files a { margin-right: 10px; }
img.chart { max-width: 100%; height: auto; border: 1px solid #eee; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
td.num { text-align: right; }
`;

/** Parts of a standalone figure page. */
export interface FigurePageParts {
  readonly title: string;
  readonly caption?: string;
  /** The sources line (plain text). */
  readonly sourcesText: string;
  /** A PNG shown where scripts do not run. */
  readonly png?: Uint8Array;
}

/**
 * A self-contained HTML page for one figure: the plotly bundle inlined, the chart drawn from embedded JSON, a PNG
 * fallback inside the chart's div, title, caption and sources as escaped text, and a Content-Security-Policy
 * (lib/export/csp) that blocks the network, inline event handlers and every script but the library's own.
 * @example figurePageHtml(fig, { title: "TITR cargo", sourcesText: "Source: ady-2024" }).startsWith("<!doctype html>") // => true
 */
export function figurePageHtml(figure: PlotlyFigure, parts: FigurePageParts): string {
  const chart = figureHtml(figure, {
    id: "figure",
    includeBundle: true,
    ...(parts.png !== undefined ? { fallbackPng: parts.png } : {}),
  });
  return secureHtmlPage(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(parts.title)}</h1>
${chart}
${parts.caption !== undefined && parts.caption !== "" ? `<p class="caption">${escapeHtml(parts.caption)}</p>\n` : ""}<p class="sources">${escapeHtml(parts.sourcesText)}</p>
</main>
</body>
</html>
`);
}

/** A figure as listed in a report index. */
export interface IndexFigure {
  readonly kind: "figure";
  readonly section: string;
  readonly title: string;
  readonly caption?: string;
  readonly sourcesText: string;
  /** Relative path of the image shown (PNG). */
  readonly image?: string;
  readonly width: number;
  readonly height: number;
  /** Links to the files, by format. */
  readonly files: readonly { readonly format: string; readonly path: string }[];
  /** The run record of the notebook that made it: a relative link and a one-line summary of its inputs. */
  readonly record?: RunRecordLink;
}

/** Link to the run record (out/records/<notebook>.json) behind a figure or table. */
export interface RunRecordLink {
  readonly path: string;
  readonly summary: string;
}

/** A table as listed in a report index. */
export interface IndexTable {
  readonly kind: "table";
  readonly section: string;
  readonly title: string;
  readonly caption?: string;
  readonly sourcesText: string;
  readonly table: TableInput;
  readonly files: readonly { readonly format: string; readonly path: string }[];
  readonly record?: RunRecordLink;
}

function href(path: string): string {
  return escapeHtml(path.split("/").map(encodeURIComponent).join("/"));
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
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The index page of a report pack: every figure (its PNG, linked to its interactive page) and table, grouped by
 * section (notebook), with captions, sources and links to the files. No scripts, no network.
 * @example reportIndexHtml("Report", []).includes("<title>Report</title>") // => true
 */
export function reportIndexHtml(title: string, items: readonly (IndexFigure | IndexTable)[]): string {
  const sections = [...new Set(items.map((i) => i.section))];
  const block = (i: IndexFigure | IndexTable): string => {
    const files = i.files.map((f) => `<a href="${href(f.path)}">${escapeHtml(f.format.toUpperCase())}</a>`).join(" ");
    const caption =
      i.caption !== undefined && i.caption !== "" ? `<p class="caption">${escapeHtml(i.caption)}</p>` : "";
    const record =
      i.record !== undefined
        ? `<p class="record">Run record: <a href="${href(i.record.path)}">${escapeHtml(i.record.summary)}</a></p>`
        : "";
    if (i.kind === "table") {
      return `<figure class="table">
<figcaption><strong>${escapeHtml(i.title)}</strong></figcaption>
${tableHtml(i.table)}
${caption}<p class="sources">${escapeHtml(i.sourcesText)}</p>
<p class="files">${files}</p>${record}
</figure>`;
    }
    const html = i.files.find((f) => f.format === "html");
    const img =
      i.image !== undefined
        ? `<img class="chart" src="${href(i.image)}" alt="${escapeHtml(i.title)}" width="${i.width}" height="${i.height}">`
        : "";
    return `<figure>
${html !== undefined && img !== "" ? `<a href="${href(html.path)}">${img}</a>` : img}
<figcaption><strong>${escapeHtml(i.title)}</strong>${caption}<p class="sources">${escapeHtml(i.sourcesText)}</p>
<p class="files">${files}</p>${record}</figcaption>
</figure>`;
  };
  const body = sections
    .map(
      (s) =>
        `${s !== "" ? `<h2>${escapeHtml(s)}</h2>\n` : ""}${items
          .filter((i) => i.section === s)
          .map(block)
          .join("\n")}`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${items.filter((i) => i.kind === "figure").length} figures, ${items.filter((i) => i.kind === "table").length} tables. Click a chart for its interactive version.</p>
${body}
</body>
</html>
`;
}
