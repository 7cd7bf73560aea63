/**
 * The hover of a data point: its value with unit, the period, the publisher and the verbatim quote of its source,
 * so that a reader can check a number without leaving the page.
 * @module
 */
import type { SourceId } from "../core/types";
import type { SourceCatalog } from "./inputs";
import { catalogLookup, plotlyText, publisherEntry, wrapText } from "./text";

/**
 * What the hover of one point says; every field is plain text (escaped here).
 * @category House style
 */
export interface PointHoverInput {
  /** What the point is: the series, bar, span or node, e.g. "TITR cargo [whole route]". */
  readonly label?: string | undefined;
  /** The value with its unit, e.g. "4.5 million t", or a status, or "no data". */
  readonly value: string;
  /** The period or date the value is for, e.g. "2024", "Jan–Sep 2025", "2015-07 – open". */
  readonly period?: string | undefined;
  /** Ids of the sources behind the value (first one first: its quote is shown). */
  readonly sources?: readonly string[] | undefined;
  /**
   * How a value that no source states was computed, e.g. "Computed from the cargo of 2019 and 2025": shown after the
   * value; the sources are then those of its inputs, and without any the hover does not say "none recorded".
   */
  readonly computed?: string | undefined;
}

/**
 * Longest quote shown in full; longer quotes are cut at a word and end with "…".
 * @category House style
 */
export const HOVER_QUOTE_CHARS = 160;

/**
 * Characters per hover line: the quote and the publishers wrap here so the hover box stays narrow.
 * @category House style
 */
export const HOVER_LINE_CHARS = 64;

/** Publishers listed in a hover before "+N more". */
const MAX_PUBLISHERS = 4;

/**
 * The hovertemplate of traces whose points carry {@link pointHover} texts in `hovertext`.
 * @category House style
 */
export const HOVER_TEMPLATE = "%{hovertext}<extra></extra>";

/**
 * A quote with its white space collapsed, cut at a word boundary to at most `max` characters (ellipsis included).
 * @example shortQuote("  grew  by\n62 %  ") // => "grew by 62 %"
 * @example shortQuote("one two three four", 12) // => "one two…"
 * @category House style
 */
export function shortQuote(quote: string, max = HOVER_QUOTE_CHARS): string {
  const text = quote.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const cut = head.lastIndexOf(" ");
  return `${(cut > max / 2 ? head.slice(0, cut) : head).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * The hover text of one data point, as Plotly pseudo-HTML (lines joined by `<br>`, every text escaped): the label,
 * "period: value", the publishers of its sources with their dates, the first quote (shortened, in quotation marks)
 * and "(+N more sources)" when there are several. Sources missing from the catalog show their id.
 * @example
 * pointHover({ label: "TITR cargo", value: "4.5 million t", period: "2024", sources: ["a"] },
 *   [{ id: "a", publisher: "Report.az", published: "2025-01-10", quote: "cargo reached 4.5 million tons" }])
 * // => "TITR cargo<br>2024: 4.5 million t<br>Source: Report.az (2025-01-10)<br>“cargo reached 4.5 million tons”"
 * @example pointHover({ label: "Summits", period: "2016", value: "0 events", computed: "Counted from the event catalogue" })
 * // => "Summits<br>2016: 0 events<br>Counted from the event catalogue"
 * @category House style
 */
export function pointHover(point: PointHoverInput, catalog?: SourceCatalog): string {
  const lookup = catalogLookup(catalog);
  const ids = [...new Set(point.sources ?? [])];
  const lines: string[] = [];
  if (point.label !== undefined && point.label.trim() !== "") lines.push(...wrapText(point.label, HOVER_LINE_CHARS));
  lines.push(
    point.period !== undefined && point.period.trim() !== "" ? `${point.period}: ${point.value}` : point.value,
  );
  const computed = point.computed !== undefined && point.computed.trim() !== "";
  if (computed) lines.push(...wrapText(point.computed!, HOVER_LINE_CHARS));
  if (ids.length === 0) {
    if (!computed) lines.push("Source: none recorded");
  } else {
    // One entry per publisher with the dates of its sources: "Report.az (2025-10-20, 2026-03-10)".
    const byPublisher = new Map<string, string[]>();
    for (const id of ids) {
      const info = lookup(id as SourceId);
      const publisher = info?.publisher ?? id;
      const dates = byPublisher.get(publisher) ?? [];
      if (info?.published && !dates.includes(info.published)) dates.push(info.published);
      byPublisher.set(publisher, dates);
    }
    const entries = [...byPublisher].map(([publisher, dates]) => publisherEntry(publisher, dates));
    const shown = entries.length > MAX_PUBLISHERS ? entries.slice(0, MAX_PUBLISHERS - 1) : entries;
    const more = entries.length - shown.length;
    const list = `${ids.length === 1 ? "Source" : "Sources"}: ${shown.join("; ")}${more > 0 ? `; +${more} more` : ""}`;
    lines.push(...wrapText(list, HOVER_LINE_CHARS));
    const quote = ids.map((id) => lookup(id as SourceId)?.quote ?? "").find((q) => q.trim() !== "");
    if (quote !== undefined) lines.push(...wrapText(`“${shortQuote(quote)}”`, HOVER_LINE_CHARS));
    if (ids.length > 1) lines.push(`(+${ids.length - 1} more source${ids.length === 2 ? "" : "s"})`);
  }
  return lines.map(plotlyText).join("<br>");
}

/**
 * The hover fields of a trace whose points carry these texts: `hovertext`, the template that shows only it, and
 * left-aligned hover labels.
 * @example hoverFields(["a"]).hovertemplate // => "%{hovertext}<extra></extra>"
 * @category House style
 */
export function hoverFields(texts: readonly string[]): {
  readonly hovertext: string[];
  readonly hovertemplate: string;
  readonly hoverlabel: { readonly align: "left" };
} {
  return { hovertext: [...texts], hovertemplate: HOVER_TEMPLATE, hoverlabel: { align: "left" } };
}
