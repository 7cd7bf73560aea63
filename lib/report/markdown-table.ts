/**
 * Markdown tables for notebook prose (cl.displayMarkdown), with cells escaped so that a `|` in a value cannot break
 * the table.
 * @module
 */

/** A column of {@link markdownTable}: header text, alignment and the cell text of a row. */
export interface MarkdownColumn<R> {
  readonly header: string;
  readonly align?: "left" | "right" | "center";
  readonly cell: (row: R) => string | number | null | undefined;
}

function escapeCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * A Markdown table of `rows`, one column per entry of `columns`.
 * @example markdownTable([{ a: 1 }], [{ header: "A", align: "right", cell: (r) => r.a }]) // => "| A |\n|---:|\n| 1 |"
 */
export function markdownTable<R>(rows: readonly R[], columns: readonly MarkdownColumn<R>[]): string {
  const head = `| ${columns.map((c) => escapeCell(c.header)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.align === "right" ? "---:" : c.align === "center" ? ":---:" : "---")).join("|")}|`;
  const body = rows.map((r) => `| ${columns.map((c) => escapeCell(c.cell(r))).join(" | ")} |`);
  return [head, rule, ...body].join("\n");
}
