// What a reader sees in an executed notebook, and the problems a sweep looks for in it: text that leaks from code
// ("undefined", "NaN", "[object Object]"), empty lists, a value compared with itself, a table with no rows and no
// sentence, a failed cell, a page that never names the focal state. Pure functions, tested in tests/runner.

/** A cell of an executed notebook (the parts the checks read). */
interface Cell {
  readonly cell_type: string;
  readonly source: string | readonly string[];
  readonly outputs?: readonly Output[];
}
interface Output {
  readonly output_type: string;
  readonly name?: string;
  readonly text?: string | readonly string[];
  readonly data?: Readonly<Record<string, unknown>>;
  readonly ename?: string;
  readonly evalue?: string;
}

/** One block of reader-visible text: where it comes from (cell index, kind) and the text. */
export interface ReaderBlock {
  readonly cell: number;
  readonly kind: "markdown-cell" | "markdown" | "html" | "table" | "figure" | "stream" | "error" | "text";
  readonly text: string;
}

/** A problem found in the reader's text. */
export interface ReaderProblem {
  readonly cell: number;
  readonly rule: string;
  /** The text around the problem. */
  readonly excerpt: string;
}

const joined = (s: string | readonly string[] | undefined): string => (Array.isArray(s) ? s.join("") : String(s ?? ""));

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
};

/** HTML to its visible text: scripts and styles dropped, tags become spaces, entities decoded. */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
      .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
      .replace(/<br\s*\/?>/gi, " ")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** Markdown source to roughly the text it renders (escapes, emphasis and inline HTML removed). */
export function markdownText(markdown: string): string {
  return htmlText(markdown.replace(/\\([\\`*_{}[\]()#+\-.!|>~$])/g, "$1").replace(/(\*\*|__|\*|`)/g, ""));
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The texts a chart shows: title, subtitle, annotations, axis titles, tick labels, legend names, bar labels. */
export function figureTexts(data: unknown, layout: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, key: string): void => {
    if (typeof v === "string") {
      if (["text", "name", "ticktext", "title"].includes(key)) out.push(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x, key);
      return;
    }
    if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(data, "");
  visit(layout, "");
  return out.map(htmlText).filter((t) => t !== "");
}

/** Figures drawn by lib's figureHtml in an HTML output: their data and layout. */
function plotlyCalls(html: string): { data: unknown; layout: unknown }[] {
  const found: { data: unknown; layout: unknown }[] = [];
  for (const m of html.matchAll(/Plotly\.newPlot\(el, ([\s\S]*?)\);\n\}\)\(\);<\/script>/g)) {
    try {
      const [data, layout] = JSON.parse(`[${m[1]}]`) as [unknown, unknown];
      found.push({ data, layout });
    } catch {
      found.push({ data: [], layout: { title: { text: "[figure JSON not readable]" } } });
    }
  }
  return found;
}

/**
 * The reader-visible text of an executed notebook, block by block: Markdown cells, and for code cells their
 * outputs (Markdown, HTML without scripts, chart texts, printed text, errors); code itself is not included.
 */
export function readerBlocks(notebook: { readonly cells: readonly Cell[] }): ReaderBlock[] {
  const blocks: ReaderBlock[] = [];
  notebook.cells.forEach((cell, i) => {
    if (cell.cell_type === "markdown") {
      blocks.push({ cell: i, kind: "markdown-cell", text: markdownText(joined(cell.source)) });
      return;
    }
    for (const o of cell.outputs ?? []) {
      if (o.output_type === "error") {
        blocks.push({ cell: i, kind: "error", text: `${o.ename ?? "Error"}: ${o.evalue ?? ""}` });
      } else if (o.output_type === "stream") {
        blocks.push({ cell: i, kind: "stream", text: joined(o.text) });
      } else if (o.data !== undefined) {
        const md = o.data["text/markdown"];
        const html = o.data["text/html"];
        if (md !== undefined) blocks.push({ cell: i, kind: "markdown", text: markdownText(joined(md as string)) });
        else if (html !== undefined) {
          const source = joined(html as string);
          for (const f of plotlyCalls(source))
            blocks.push({ cell: i, kind: "figure", text: figureTexts(f.data, f.layout).join(" | ") });
          const isTable = /<table\b/i.test(source);
          if (isTable && /<tbody>\s*<\/tbody>/i.test(source))
            blocks.push({ cell: i, kind: "table", text: "[a table with no rows]" });
          blocks.push({ cell: i, kind: isTable ? "table" : "html", text: htmlText(source) });
        } else if (o.data["text/plain"] !== undefined)
          blocks.push({ cell: i, kind: "text", text: joined(o.data["text/plain"] as string) });
      }
    }
  });
  return blocks;
}

/** The rules: a name and a test that returns the offending excerpt. */
const RULES: readonly { readonly rule: string; readonly find: (text: string) => string | undefined }[] = [
  { rule: "undefined", find: (t) => around(t, /\bundefined\b/) },
  { rule: "NaN", find: (t) => around(t, /\bNaN\b/) },
  { rule: "Infinity", find: (t) => around(t, /\bInfinity\b/) },
  { rule: "[object Object]", find: (t) => around(t, /\[object \w+\]/) },
  { rule: "empty list between dashes", find: (t) => around(t, /—\s*—/) },
  { rule: "empty parentheses", find: (t) => around(t, /\(\s*\)/) },
  { rule: "nothing after a colon", find: (t) => around(t, /:\s*[.;]/) },
  { rule: "empty list item", find: (t) => around(t, /,\s*,|,\s*\.(?!\d)|\band\s*\.|\band and\b/) },
  { rule: "a table with no rows", find: (t) => (t === "[a table with no rows]" ? t : undefined) },
  { rule: "a value compared with itself", find: selfComparison },
];

/** Connectives between two things compared. */
const CONNECTIVES = ["against", "to", "versus", "vs.", "compared with"];

/**
 * A value compared with itself: "0.882 on 31 December 2012, against 0.882 on 31 December 2012", "from 6 (2015) to
 * 6 (2015)", "from 2020 to 2020". The repeated part must hold a digit, so "from time to time" is not a problem.
 */
export function selfComparison(text: string): string | undefined {
  for (const c of CONNECTIVES) {
    const re = new RegExp(`(?:^|[\\s(])([^\\s,;:(][^,;:—]{0,100}?),? ${escapeRe(c)} \\1(?![\\w.,]?\\d)`, "g");
    for (const m of text.matchAll(re)) {
      if (/\d/.test(m[1]!)) return around(text, new RegExp(escapeRe(m[0].trim())));
    }
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function around(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  const start = Math.max(0, m.index - 60);
  return `${start > 0 ? "…" : ""}${text.slice(start, m.index + m[0].length + 60)}${m.index + m[0].length + 60 < text.length ? "…" : ""}`;
}

/** Options of {@link readerProblems}. */
export interface ReaderCheckOptions {
  /** A name the page must show (the focal state's), or undefined. */
  readonly mustName?: string;
}

/**
 * The problems of an executed notebook as a reader sees it (see the module comment).
 * @example readerProblems({ cells: [{ cell_type: "markdown", source: "Cargo was NaN." }] })[0].rule // => "NaN"
 */
export function readerProblems(
  notebook: { readonly cells: readonly Cell[] },
  options: ReaderCheckOptions = {},
): ReaderProblem[] {
  const blocks = readerBlocks(notebook);
  const problems: ReaderProblem[] = [];
  for (const b of blocks) {
    if (b.kind === "error") {
      problems.push({ cell: b.cell, rule: "a cell failed", excerpt: b.text.slice(0, 300) });
      continue;
    }
    if (b.kind === "stream") continue; // printed logs (danfo tables, warnings) are checked as text below
    for (const r of RULES) {
      const excerpt = r.find(b.text);
      if (excerpt !== undefined) problems.push({ cell: b.cell, rule: r.rule, excerpt });
    }
  }
  for (const b of blocks.filter((x) => x.kind === "stream")) {
    for (const r of RULES.slice(0, 4)) {
      const excerpt = r.find(b.text);
      if (excerpt !== undefined) problems.push({ cell: b.cell, rule: r.rule, excerpt });
    }
  }
  if (
    options.mustName !== undefined &&
    !blocks.some((b) => b.kind !== "markdown-cell" && b.text.includes(options.mustName!))
  )
    problems.push({ cell: -1, rule: "the focal state is never named", excerpt: options.mustName });
  return problems;
}

/**
 * Markup a reader's page shows as text: a tag (`<code>`, `</b>`), an entity written twice (`&amp;lt;`), or Markdown
 * emphasis that was not rendered (`**bold**`). The page's visible text is read, so correct markup is never flagged.
 * @example literalMarkup("The ids <code>a</code> and b.") // => "The ids <code>a</code> and b."
 * @example literalMarkup("Cargo rose by a third (x < y).") // => undefined
 */
export function literalMarkup(text: string): string | undefined {
  return around(
    text,
    /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>|&(?:amp|lt|gt|quot|#\d+);|\*\*\S[^*]*\*\*|(?:^|\s)`[^`]+`(?=\s|[.,;:)]|$)/i,
  );
}

/**
 * The problems of a reader's page (out/report/<name>.html: prose, figures and tables, no code): its visible text
 * checked with the rules of {@link readerProblems} and for markup shown as text. Charts' own texts are in scripts,
 * so they are checked in the executed notebook instead.
 * @example readerPageProblems("<main><p>Cargo was NaN.</p></main>")[0].rule // => "NaN"
 * @example readerPageProblems("<main><p>Ids &lt;code&gt;a&lt;/code&gt;.</p></main>")[0].rule // => "markup shown as text"
 */
export function readerPageProblems(html: string): ReaderProblem[] {
  const main = /<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  const problems: ReaderProblem[] = [];
  // One text per block element, so a rule never reads across two paragraphs.
  for (const block of main.split(/<\/(?:p|li|h[1-6]|td|th|figcaption|caption|div)>/i)) {
    const text = htmlText(block);
    if (text === "") continue;
    for (const r of RULES) {
      const excerpt = r.find(text);
      if (excerpt !== undefined) problems.push({ cell: -1, rule: `reader's page: ${r.rule}`, excerpt });
    }
    const markup = literalMarkup(text);
    if (markup !== undefined) problems.push({ cell: -1, rule: "markup shown as text", excerpt: markup });
  }
  return problems;
}
