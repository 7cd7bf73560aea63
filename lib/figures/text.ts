/**
 * The words of a chart: text escaped for Plotly, codes in words, the sources line and line wrapping.
 * @module
 */
import type { SourceId } from "../core/types";
import type { SourceCatalog, SourceInfo, SourceRowLike } from "./inputs";

/**
 * Text for Plotly: `&`, `<` and `>` escaped (Plotly reads a small HTML subset in every text), line breaks as `<br>`.
 * A label from the data such as `<img src=x onerror=alert(1)>` is then shown literally and never parsed.
 * @example plotlyText("a <b> & c") // => "a &lt;b&gt; &amp; c"
 * @category House style
 */
export function plotlyText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

/**
 * `under_scored` → `under scored`, with known acronyms in capitals. @example humanize("titr_rail") // => "TITR rail"
 * @category House style
 */
export function humanize(text: string): string {
  const acronyms: Record<string, string> = {
    titr: "TITR",
    btk: "BTK",
    ots: "OTS",
    sco: "SCO",
    az: "AZ",
    kz: "KZ",
    traceca: "TRACECA",
    teu: "TEU",
    usd: "USD",
    cica: "CICA",
    era: "ERA",
    utlc: "UTLC",
  };
  return text
    .split(/[_\s]+/)
    .filter((w) => w !== "")
    .map((w) => acronyms[w.toLowerCase()] ?? w)
    .join(" ");
}

const CATALOG_MAPS = new WeakMap<readonly SourceRowLike[], ReadonlyMap<string, SourceInfo>>();

/**
 * A lookup of source ids in a catalog (rows or a function); the id map of a row list is built once per list.
 * @example catalogLookup([{ id: "a", publisher: "Report.az" }])("a" as SourceId)?.publisher // => "Report.az"
 * @category House style
 */
export function catalogLookup(catalog: SourceCatalog | undefined): (id: SourceId) => SourceInfo | undefined {
  if (catalog === undefined) return () => undefined;
  if (typeof catalog === "function") return catalog;
  let map = CATALOG_MAPS.get(catalog);
  if (map === undefined) {
    map = new Map(catalog.map((r) => [r.id, r] as const));
    CATALOG_MAPS.set(catalog, map);
  }
  const found = map;
  return (id) => found.get(id);
}

/**
 * A publisher with its dates in parentheses, leaving out any date its name already holds (a mirror named with its
 * snapshot month), and no parentheses when no date is left.
 * @example datedPublisher("Report.az", ["2024-05-02", "2025-01-10"]) // => "Report.az (2024-05-02, 2025-01-10)"
 * @example datedPublisher("Wikipedia (kiwix mirror, 2024-02)", ["2024-02"]) // => "Wikipedia (kiwix mirror, 2024-02)"
 * @example datedPublisher("UzDaily", []) // => "UzDaily"
 * @category House style
 */
export function datedPublisher(publisher: string, dates: readonly string[]): string {
  const shown = dates.filter((d) => d !== "" && !publisher.includes(d));
  return shown.length === 0 ? publisher : `${publisher} (${shown.join(", ")})`;
}

/**
 * A publisher's entry in a sources line or hover: up to two dates in full, more as a count of pages and the years
 * (one year when they all fall in it).
 * @example publisherEntry("Trend", ["2025-10-22", "2010-11-03", "2025-02-22"]) // => "Trend (3 pages, 2010–2025)"
 * @example publisherEntry("Report.az", ["2025-10-20", "2025-10-06", "2025-10"]) // => "Report.az (3 pages, 2025)"
 * @example publisherEntry("PortNews", ["2022-02-10"]) // => "PortNews (2022-02-10)"
 * @category House style
 */
export function publisherEntry(publisher: string, dates: readonly string[]): string {
  const sorted = [...dates].sort();
  if (sorted.length <= 2) return datedPublisher(publisher, sorted);
  const [from, to] = [sorted[0]!.slice(0, 4), sorted[sorted.length - 1]!.slice(0, 4)];
  return `${publisher} (${sorted.length} pages, ${from === to ? from : `${from}–${to}`})`;
}

/**
 * The sources line of a chart: "Sources: Publisher (date); Publisher (date, date); …", grouped by publisher in
 * first-seen order, cut to `maxChars` with "+N more". Ids not in the catalog are listed as they are.
 * @example sourcesLine(["a" as SourceId], [{ id: "a", publisher: "Report.az", published: "2024-05-02" }]) // => "Source: Report.az (2024-05-02)"
 * @category House style
 */
export function sourcesLine(ids: readonly SourceId[], catalog?: SourceCatalog, maxChars = 240): string {
  const lookup = catalogLookup(catalog);
  const groups = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const info = lookup(id);
    const publisher = info?.publisher ?? id;
    const dates = groups.get(publisher) ?? [];
    if (info?.published !== undefined && !dates.includes(info.published)) dates.push(info.published);
    groups.set(publisher, dates);
  }
  if (groups.size === 0) return "Sources: none recorded";
  const entries = [...groups].map(([publisher, dates]) => publisherEntry(publisher, dates));
  const prefix = ids.length === 1 ? "Source: " : "Sources: ";
  let line = prefix + entries.join("; ");
  if (line.length <= maxChars) return line;
  for (let keep = entries.length - 1; keep >= 1; keep--) {
    line = `${prefix}${entries.slice(0, keep).join("; ")}; +${entries.length - keep} more`;
    if (line.length <= maxChars) return line;
  }
  const first = entries[0]!;
  const more = entries.length > 1 ? `; +${entries.length - 1} more` : "";
  return `${prefix}${first.slice(0, Math.max(10, maxChars - prefix.length - more.length - 1))}…${more}`;
}

/**
 * The sources line wrapped to at most `maxLines` lines of `maxChars`: publishers are dropped from the end (with
 * "+N more") until it fits.
 * @example wrappedSourcesLine(["a" as SourceId, "b" as SourceId], undefined, 40, 1) // => ["Sources: a; b"]
 * @category House style
 */
export function wrappedSourcesLine(
  ids: readonly SourceId[],
  catalog: SourceCatalog | undefined,
  maxChars: number,
  maxLines: number,
): string[] {
  for (let budget = maxChars * maxLines; budget > 20; budget -= 8) {
    const lines = wrapText(sourcesLine(ids, catalog, budget), maxChars);
    if (lines.length <= maxLines) return lines;
  }
  return wrapText(sourcesLine(ids, catalog, maxChars), maxChars).slice(0, maxLines);
}

/**
 * Splits plain text into lines of at most `maxChars`, at spaces. @example wrapText("a b c", 3) // => ["a b", "c"]
 * @category House style
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
