/**
 * The one escaping path for notebook output. Text from data/ or a parameter is never markup: it reaches
 * `displayMarkdown` and `displayHtml` only through the {@link md} and {@link html} tagged templates, which escape
 * every interpolated value and keep only the literal parts that the author typed as markup. Both display helpers
 * accept nothing else ({@link Markdown} and {@link SafeHtml} cannot be built from a string outside this module), so
 * a notebook that passes a bare string fails to compile instead of rendering a data row as HTML.
 * @module
 */
import { escapeHtml } from "./html";

/** Private to this module: only the templates below can build {@link Markdown} or {@link SafeHtml}. */
const TOKEN: unique symbol = Symbol("caspian-safe-text");

/**
 * Markdown whose every data-derived part is escaped. Build it with {@link md} or {@link mdJoin}.
 * @category Safe text
 */
export class Markdown {
  /** The Markdown source. */
  readonly source: string;
  /** @internal use {@link md}. */
  constructor(token: typeof TOKEN, source: string) {
    if (token !== TOKEN) throw new TypeError("build Markdown with the md`…` template");
    this.source = source;
  }
  /** The Markdown source, so that `String(m)` and `${m}` give it. */
  toString(): string {
    return this.source;
  }
}

/**
 * HTML whose every data-derived part is escaped. Build it with {@link html} or {@link htmlJoin}.
 * @category Safe text
 */
export class SafeHtml {
  /** The HTML text. */
  readonly source: string;
  /** @internal use {@link html}. */
  constructor(token: typeof TOKEN, source: string) {
    if (token !== TOKEN) throw new TypeError("build SafeHtml with the html`…` template");
    this.source = source;
  }
  /** The HTML text, so that `String(h)` and `${h}` give it. */
  toString(): string {
    return this.source;
  }
}

/**
 * What may be interpolated into {@link md}: text and numbers (escaped) or Markdown (kept).
 * @category Safe text
 */
export type MarkdownValue = string | number | bigint | boolean | Markdown;
/**
 * What may be interpolated into {@link html}: text and numbers (escaped) or SafeHtml (kept).
 * @category Safe text
 */
export type HtmlValue = string | number | bigint | boolean | SafeHtml | readonly SafeHtml[];

/**
 * Escapes text so that Markdown shows it literally: HTML-significant characters become entities, Markdown
 * punctuation is backslash-escaped (emphasis, code, links, tables, headings), `$` becomes `&#36;` (nbconvert keeps
 * `\$` for MathJax, which our offline pages do not load), a list marker or a rule of `-` or `=` at the start is
 * neutralised, and line breaks become spaces and leading blanks one space, so the text cannot open a new block.
 * Numbers such as "7.9" or "-5" are left as they are. Escapes do not work inside a Markdown code span: put data
 * in `<code>${value}</code>` rather than between backticks.
 * @example escapeMarkdown("<img src=x onerror=alert(1)>") // => "&lt;img src=x onerror=alert(1)&gt;"
 * @example escapeMarkdown("*Turkic* [states](x)") // => "\\*Turkic\\* \\[states\\](x)"
 * @example escapeMarkdown("1. US$ 5 bn") // => "1\\. US&#36; 5 bn"
 * @category Safe text
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownInline(text)
    .replace(/^[ \t]+/, " ")
    .replace(/^(\s*)([-+])(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*)-(?=[-\s]*$)/, "$1\\-")
    .replace(/^(\s*)=(?=[=\s]*$)/, "$1&#61;")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * {@link escapeMarkdown} without the rules for the start of a line: for places where no block can start, such as
 * the cell of a pipe table (so that "-5" stays "-5").
 * @example escapeMarkdownInline("-5 | a_b") // => "-5 \\| a\\_b"
 * @category Safe text
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ")
    .replace(/[\\`*_[\]{}|~#!]/g, "\\$&")
    .replace(/[&<>$]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", $: "&#36;" })[c]!);
}

function markdownOf(value: MarkdownValue): string {
  if (value instanceof Markdown) return value.source;
  if (typeof value === "object" && value !== null) {
    throw new TypeError(`md\`…\`: cannot interpolate ${Array.isArray(value) ? "an array (use mdJoin)" : "an object"}`);
  }
  return escapeMarkdown(String(value));
}

function htmlOf(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.source;
  if (Array.isArray(value)) return value.map((v: unknown) => htmlOf(v as HtmlValue)).join("");
  if (typeof value === "object" && value !== null) throw new TypeError("html`…`: cannot interpolate an object");
  return escapeHtml(String(value));
}

/**
 * Markdown from a template: the literal parts are the author's Markdown, every `${value}` is escaped as text
 * (a {@link Markdown} value is kept as it is).
 * @example md`**${"<b>Kazakhstan</b>"}** joined`.source // => "**&lt;b&gt;Kazakhstan&lt;/b&gt;** joined"
 * @example md`a ${md`*b*`}`.source // => "a *b*"
 * @category Safe text
 */
export function md(strings: TemplateStringsArray, ...values: readonly MarkdownValue[]): Markdown {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += markdownOf(v) + (strings[i + 1] ?? "");
  });
  return new Markdown(TOKEN, out);
}

/**
 * Separators {@link mdJoin} accepts as literal Markdown.
 * @category Safe text
 */
export type MarkdownSeparator = Markdown | "\n\n" | "\n" | " " | "" | ", " | "; " | " · ";

/**
 * Joins Markdown parts; text parts are escaped.
 * @example mdJoin([md`*a*`, "b_c"], ", ").source // => "*a*, b\\_c"
 * @category Safe text
 */
export function mdJoin(parts: readonly MarkdownValue[], separator: MarkdownSeparator = "\n\n"): Markdown {
  const sep = separator instanceof Markdown ? separator.source : separator;
  return new Markdown(TOKEN, parts.map(markdownOf).join(sep));
}

/**
 * A list in prose as Markdown: "a", "a and b", "a, b and c"; text items are escaped, Markdown items kept.
 * @example mdList([md`**KAZ**`, "K_GZ", "UZB"]).source // => "**KAZ**, K\\_GZ and UZB"
 * @example mdList([], "none").source // => "none"
 * @category Safe text
 */
export function mdList(items: readonly MarkdownValue[], empty: MarkdownValue = ""): Markdown {
  if (items.length === 0) return new Markdown(TOKEN, markdownOf(empty));
  const parts = items.map(markdownOf);
  const text = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]!}`;
  return new Markdown(TOKEN, text);
}

/**
 * Text as inline code in Markdown: a backtick code span whose fence is longer than any run of backticks in the text
 * (CommonMark), so every character shows literally in Jupyter and in the reader's pages (which render Markdown with
 * HTML off); line breaks become spaces. Jupyter leaves `$` inside a code span to the code, not to MathJax.
 * @example mdCode("titr_2024<x>").source // => "`titr_2024<x>`"
 * @example mdCode("a`b").source // => "``a`b``"
 * @example mdCode("`x").source // => "`` `x ``"
 * @category Safe text
 */
export function mdCode(text: string): Markdown {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, " ");
  if (flat.trim() === "") return new Markdown(TOKEN, "");
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  // A space each side keeps a backtick at either end (or a leading and trailing space) from joining the fence.
  const pad = /^[`\s]|[`\s]$/.test(flat) ? " " : "";
  return new Markdown(TOKEN, `${fence}${pad}${flat}${pad}${fence}`);
}

/**
 * Markdown that shows `text` literally (the whole text escaped).
 * @example plainMarkdown("a*b").source // => "a\\*b"
 * @category Safe text
 */
export function plainMarkdown(text: string): Markdown {
  return new Markdown(TOKEN, escapeMarkdown(text));
}

/**
 * HTML from a template: the literal parts are the author's HTML, every `${value}` is escaped as text (a
 * {@link SafeHtml} value, or an array of them, is kept as it is). A value right after `href="`, `src="` and other
 * URL attributes must also be a safe URL ({@link safeUrl}).
 * @example html`<b>${"<img src=x onerror=alert(1)>"}</b>`.source // => "<b>&lt;img src=x onerror=alert(1)&gt;</b>"
 * @category Safe text
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    const inUrl = URL_ATTRIBUTE.test(strings[i] ?? "") && !(v instanceof SafeHtml) && typeof v !== "object";
    out += (inUrl ? htmlOf(safeUrl(String(v))) : htmlOf(v)) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(TOKEN, out);
}

/** A literal part that ends by opening a URL attribute: the next value is a URL. */
const URL_ATTRIBUTE = /\b(href|src|action|formaction|xlink:href|poster|srcset)\s*=\s*["']?$/i;

/**
 * A URL fit for an attribute: http(s), mailto, a relative path or a fragment, or a data: image; anything else
 * (`javascript:`, `vbscript:`, other data:) becomes `about:invalid#unsafe-url`, so a link from data cannot run code.
 * @example safeUrl("https://www.osce.org/") // => "https://www.osce.org/"
 * @example safeUrl(" JavaScript:alert(1)") // => "about:invalid#unsafe-url"
 * @category Safe text
 */
export function safeUrl(url: string): string {
  const bare = url.replace(/[\u0000-\u0020\u007f]+/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
  if (scheme === undefined) return url;
  if (scheme === "http" || scheme === "https" || scheme === "mailto") return url;
  if (scheme === "data" && /^data:image\/(png|jpeg|gif|webp);/i.test(bare)) return url;
  return "about:invalid#unsafe-url";
}

/**
 * Joins HTML parts; text parts are escaped.
 * @example htmlJoin([html`<i>a</i>`, "<b>"], "; ").source // => "<i>a</i>; &lt;b&gt;"
 * @category Safe text
 */
export function htmlJoin(parts: readonly HtmlValue[], separator: "" | " " | ", " | "; " | "\n" = ""): SafeHtml {
  return new SafeHtml(TOKEN, parts.map(htmlOf).join(separator));
}

/**
 * HTML that shows `text` literally (the whole text escaped).
 * @example plainHtml("<b>").source // => "&lt;b&gt;"
 * @category Safe text
 */
export function plainHtml(text: string): SafeHtml {
  return new SafeHtml(TOKEN, escapeHtml(text));
}

/**
 * Wraps HTML that a lib module built itself with every data-derived part escaped (figure and table builders).
 * Not exported from the library's public API: notebooks use {@link html}.
 * @internal
 * @example trustedHtml("<p>built by lib</p>").source // => "<p>built by lib</p>"
 * @category Safe text
 */
export function trustedHtml(source: string): SafeHtml {
  return new SafeHtml(TOKEN, source);
}
