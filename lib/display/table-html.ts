/**
 * Tables in notebooks: a {@link TableInput} (the shape lib/export registers) as a compact, escaped HTML table for
 * `displayHtml`, so that the table a reader sees and the table the report pack exports are the same object.
 * @module
 */
import { escapeHtml } from "./html";
import { SafeHtml, trustedHtml } from "./safe-text";
import { columnHeader, type TableCell, type TableInput } from "../figures/table";
import type { SourceCatalog } from "../figures/inputs";
import { sourcesLine } from "../figures/text";
import type { SourceId } from "../core/types";
import { formatNumber } from "../core/format";

/**
 * Options of {@link tableHtml}.
 * @category Display
 */
export interface TableHtmlOptions {
  /** Source rows or lookup for the sources line under the table. */
  readonly sourceCatalog?: SourceCatalog;
  /** Caption above the table (plain text). */
  readonly caption?: string;
  /** Height in CSS pixels after which the table scrolls (default: no limit). */
  readonly maxHeight?: number;
  /** Decimals per numeric column (default: 0 for integers, else 1). */
  readonly digits?: Readonly<Record<string, number>>;
  /** Extra CSS for a cell, e.g. a background for a verdict. */
  readonly cellStyle?: (
    key: string,
    value: DisplayCell,
    row: Readonly<Record<string, DisplayCell>>,
  ) => string | undefined;
  /** Minimum widths per column (CSS), e.g. `{ claim: "18em" }`. */
  readonly minWidths?: Readonly<Record<string, string>>;
  /** Longest sources line (default 600 characters). */
  readonly maxSourceChars?: number;
  /** The sentence shown instead of a table without rows: why it is empty (default {@link NO_ROWS}). */
  readonly empty?: string;
}

/**
 * What {@link tableHtml} says about a table without rows when no `empty` sentence is given.
 * @category Display
 */
export const NO_ROWS = "No rows to show for this selection.";

/**
 * A cell of a displayed table: a value (escaped; a line break becomes `<br>`), or HTML built with `html`.
 * @category Display
 */
export type DisplayCell = TableCell | SafeHtml;

/**
 * A table to display: a {@link TableInput} whose cells may also be {@link SafeHtml} (links, emphasis).
 * @category Display
 */
export interface DisplayTable extends Omit<TableInput, "rows"> {
  readonly rows: readonly Readonly<Record<string, DisplayCell>>[];
}

function cellHtml(value: DisplayCell, digits: number | undefined): string {
  if (value instanceof SafeHtml) return value.source;
  if (value === null || value === undefined || value === "") return '<span style="color:#999">–</span>';
  if (typeof value === "number") return escapeHtml(formatNumber(value, digits ?? (Number.isInteger(value) ? 0 : 1)));
  return escapeHtml(String(value)).replace(/\r?\n/g, "<br>");
}

/**
 * The table as HTML: a header with units, numbers right-aligned with thousands separators, every text escaped
 * (cells that are {@link SafeHtml} are kept), and the sources line under it. `cellStyle` may only return CSS
 * declarations; characters that could leave the style attribute are dropped.
 * A table without rows is a sentence saying so (`options.empty`), never a header over nothing.
 * @example tableHtml({ columns: [{ key: "a", label: "A" }], rows: [{ a: "<b>" }], sources: [] }).source.includes("&lt;b&gt;") // => true
 * @example tableHtml({ columns: [{ key: "a", label: "A" }], rows: [], sources: [] }, { empty: "No trade rows for Georgia." }).source.includes("No trade rows for Georgia.") // => true
 * @category Display
 */
export function tableHtml(table: DisplayTable, options: TableHtmlOptions = {}): SafeHtml {
  if (table.rows.length === 0) {
    const title = options.caption ?? table.title;
    return trustedHtml(
      `<p class="caspian-table-empty" style="font:14px/1.45 system-ui,sans-serif;margin:6px 0 10px">` +
        `${title !== undefined ? `<strong>${escapeHtml(title)}.</strong> ` : ""}${escapeHtml(options.empty ?? NO_ROWS)}</p>`,
    );
  }
  const numeric = table.columns.map(
    (c) =>
      table.rows.length > 0 &&
      table.rows.every((r) => r[c.key] === null || r[c.key] === undefined || typeof r[c.key] === "number"),
  );
  const th = table.columns
    .map((c, i) => {
      const width = options.minWidths?.[c.key];
      return `<th style="text-align:${numeric[i] ? "right" : "left"};padding:4px 8px;border-bottom:2px solid #333;position:sticky;top:0;background:#fff;${width ? `min-width:${cssText(width)};` : ""}">${escapeHtml(columnHeader(c))}</th>`;
    })
    .join("");
  const body = table.rows
    .map((r, ri) => {
      const tds = table.columns
        .map((c, i) => {
          const extra = cssText(options.cellStyle?.(c.key, r[c.key], r) ?? "");
          return `<td style="text-align:${numeric[i] ? "right" : "left"};vertical-align:top;padding:4px 8px;border-bottom:1px solid #ddd;overflow-wrap:break-word;${numeric[i] ? "width:1%;white-space:nowrap;" : ""}${extra}">${cellHtml(r[c.key], options.digits?.[c.key])}</td>`;
        })
        .join("");
      return `<tr style="background:${ri % 2 === 0 ? "#fff" : "#f7f7f7"}">${tds}</tr>`;
    })
    .join("\n");
  const caption =
    options.caption !== undefined
      ? `<caption style="caption-side:top;text-align:left;font-weight:600;padding:4px 0">${escapeHtml(options.caption)}</caption>`
      : "";
  const scroll = options.maxHeight !== undefined ? `max-height:${options.maxHeight}px;overflow-y:auto;` : "";
  const sources = sourcesLine(
    table.sources as readonly SourceId[],
    options.sourceCatalog,
    options.maxSourceChars ?? 600,
  );
  return trustedHtml(
    `<div class="caspian-table" style="${scroll}overflow-x:auto;margin:6px 0">` +
      `<table style="border-collapse:collapse;table-layout:auto;font:13px/1.35 system-ui,sans-serif;width:100%">${caption}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>` +
      `<p style="font:12px system-ui,sans-serif;color:#555;margin:2px 0 10px">${escapeHtml(sources)}</p>`,
  );
}

/** CSS declarations with the characters that could close the attribute or open markup removed. */
function cssText(css: string): string {
  return css.replace(/["<>&\\]/g, "");
}
