/**
 * Tables for reports: CSV (RFC 4180, safe against spreadsheet formula injection) and Markdown, each with a sources line.
 * @module
 */
import type { SourceCatalog } from "../figures/inputs";
import { sourcesLine } from "../figures/text";
import { escapeMarkdownInline } from "../display/safe-text";
import { cellText, columnHeader, type TableInput } from "../figures/table";

/**
 * Options of {@link toCsv} and {@link toMarkdown}.
 * @category Tables and figure data
 */
export interface TableFormatOptions {
  /** Source rows or lookup for "Publisher (date)"; without it the sources line lists ids. */
  readonly sourceCatalog?: SourceCatalog;
  /** Add the sources line (default true). */
  readonly sourcesLine?: boolean;
  /** The sources line as already written (e.g. by the registry), instead of building it from the ids. */
  readonly sourcesText?: string;
}

function sourcesOf(table: TableInput, options: TableFormatOptions): string {
  return options.sourcesText ?? sourcesLine(table.sources, options.sourceCatalog, 10_000);
}

/**
 * Neutralises a text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * carriage return) by prefixing an apostrophe. Numbers are not text and are left alone.
 * @example neutralizeFormula('=HYPERLINK("http://x")') // => `'=HYPERLINK("http://x")`
 * @category Tables and figure data
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, with quotes doubled.
 * @example csvField('a "b", c') // => '"a ""b"", c"'
 * @category Tables and figure data
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV: RFC 4180 (CRLF line ends, quoting as needed), headers with units, text cells neutralised
 * against formula injection, and a last record "Sources: …" (unless `sourcesLine: false`).
 * @example toCsv({ columns: [{ key: "a", label: "A" }], rows: [{ a: "=1+1" }], sources: [] }) // => "A\r\n'=1+1\r\nSources: none recorded\r\n"
 * @category Tables and figure data
 */
export function toCsv(table: TableInput, options: TableFormatOptions = {}): string {
  const line = (cells: readonly string[]) => cells.map((c) => csvField(c)).join(",");
  const out = [line(table.columns.map((c) => neutralizeFormula(columnHeader(c))))];
  for (const row of table.rows) {
    out.push(
      line(
        table.columns.map((c) => {
          const v = row[c.key];
          return typeof v === "string" ? neutralizeFormula(v) : cellText(v);
        }),
      ),
    );
  }
  if (options.sourcesLine ?? true) out.push(line([neutralizeFormula(sourcesOf(table, options))]));
  return out.join("\r\n") + "\r\n";
}

/**
 * Escapes text for a Markdown table cell with the library's Markdown escaper (lib/display/safe-text, inline rules):
 * pipes, emphasis, links and backslashes escaped, HTML special characters as entities, line breaks as spaces.
 * @example markdownCell("a|b <i>") // => "a\\|b &lt;i&gt;"
 * @category Tables and figure data
 */
export function markdownCell(text: string): string {
  return escapeMarkdownInline(text);
}

/**
 * The table as Markdown (GitHub pipe table; numeric columns right-aligned), with an optional title line and a
 * sources line under it.
 * @example toMarkdown({ columns: [{ key: "a", label: "A" }], rows: [{ a: 1 }], sources: [] }).split("\n")[0] // => "| A |"
 * @category Tables and figure data
 */
export function toMarkdown(table: TableInput, options: TableFormatOptions = {}): string {
  const numeric = table.columns.map(
    (c) =>
      table.rows.length > 0 &&
      table.rows.every((r) => r[c.key] === null || r[c.key] === undefined || typeof r[c.key] === "number"),
  );
  const lines: string[] = [];
  if (table.title !== undefined) lines.push(`**${markdownCell(table.title)}**`, "");
  lines.push(`| ${table.columns.map((c) => markdownCell(columnHeader(c))).join(" | ")} |`);
  lines.push(`| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`);
  for (const row of table.rows)
    lines.push(`| ${table.columns.map((c) => markdownCell(cellText(row[c.key]))).join(" | ")} |`);
  if (options.sourcesLine ?? true) lines.push("", markdownCell(sourcesOf(table, options)));
  return lines.join("\n") + "\n";
}
