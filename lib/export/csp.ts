/**
 * Content-Security-Policy for the HTML pages the toolkit writes: a second wall behind escaping. The policy allows
 * no network at all, no inline event handlers and no `javascript:` URLs; the only scripts that run are the inline
 * scripts the library itself writes (the embedded plotly.js bundle, its loader, and the scripts that draw a
 * figure from JSON data), each allowed by its sha256 hash, and, on pages that load the output folder's shared
 * plotly.js, files of the page's own origin ('self'). An inline script that reached a page any other way, say from
 * a data row that escaped escaping, has no hash in the policy and is blocked by the browser.
 * @module
 */
import { createHash } from "node:crypto";
import { PLOTLY_ASSET, plotlyLoaderScripts } from "../display/plotly-bundle";
import { FIGURE_SCRIPT } from "../display/show";
import { SIBLING_PNG } from "../display/static-fallback";

/** The directives besides `script-src`: nothing from the network, inline styles (Plotly), data: images and fonts. */
const BASE_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
];

/**
 * The policy of a page without any script (the report pack's index pages): the base policy with `script-src 'none'`
 * and images also from the page's own folder (the pack's PNG files).
 * @example scriptlessPolicy().startsWith("default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: blob:") // => true
 * @category Report pack and pages
 */
export function scriptlessPolicy(): string {
  return [BASE_POLICY[0], "script-src 'none'", ...BASE_POLICY.slice(1).map(selfImages)].join("; ");
}

/** A directive of the base policy, with images also allowed from the page's own origin (its folder's PNG files). */
const selfImages = (directive: string): string =>
  directive === "img-src data: blob:" ? "img-src 'self' data: blob:" : directive;

let loaderScripts: ReadonlySet<string> | undefined;

/**
 * Whether an inline script is one the library writes: a piece of the plotly.js loader, or a figure script
 * (lib/display/show FIGURE_SCRIPT) whose only variable parts are its element id (letters, digits, `_`, `-`) and
 * its arguments, which must parse as a JSON array of three values.
 * @example isLibraryScript(FIGURE_SCRIPT.head + '"f"' + FIGURE_SCRIPT.middle + "[[], {}, {}]" + FIGURE_SCRIPT.tail) // => true
 * @example isLibraryScript("alert(1)") // => false
 * @category Report pack and pages
 */
export function isLibraryScript(code: string): boolean {
  const { head, middle, tail } = FIGURE_SCRIPT;
  if (code.startsWith(head) && code.endsWith(tail)) {
    const inner = code.slice(head.length, code.length - tail.length);
    const at = inner.indexOf(middle);
    if (at < 0 || !/^"[A-Za-z0-9_-]*"$/.test(inner.slice(0, at))) return false;
    try {
      const args: unknown = JSON.parse(inner.slice(at + middle.length));
      return Array.isArray(args) && args.length === 3;
    } catch {
      return false;
    }
  }
  loaderScripts ??= new Set(plotlyLoaderScripts());
  return loaderScripts.has(code);
}

/**
 * The CSP source expression of a script: `'sha256-<base64>'` of its UTF-8 text.
 * @example scriptHash("alert(1)") // => "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
 * @category Report pack and pages
 */
export function scriptHash(code: string): string {
  return `'sha256-${createHash("sha256").update(code, "utf8").digest("base64")}'`;
}

/** Inline `<script>` elements with a JavaScript type (or none), with their text. */
function inlineScripts(page: string): string[] {
  const out: string[] = [];
  for (const m of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? "";
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type !== undefined && !/^(text|application)\/(java|ecma)script$|^module$/.test(type)) continue;
    out.push(m[2] ?? "");
  }
  return out;
}

/** Whether the page loads the output folder's shared plotly.js by a relative address ending in `assets/plotly.min.js`. */
function loadsSharedPlotly(page: string): boolean {
  for (const m of page.matchAll(/<script\b[^>]*\bsrc\s*=\s*"([^"]*)"[^>]*>\s*<\/script\s*>/gi)) {
    const src = m[1] ?? "";
    if (src.endsWith(PLOTLY_ASSET) && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return true;
  }
  return false;
}

/** Whether the page shows a PNG file from its own folder (`<img src="name.png">`: a report pack page's fallback). */
function showsSiblingPng(page: string): boolean {
  for (const m of page.matchAll(/<img\b[^>]*\bsrc\s*=\s*"([^"]*)"/gi)) if (SIBLING_PNG.test(m[1] ?? "")) return true;
  return false;
}

/**
 * The policy for a page: every library script of the page allowed by hash, plus `'self'` when the page loads the
 * output folder's shared plotly.js (lib/display/plotly-bundle PLOTLY_ASSET), and images from `'self'` when it shows
 * its figure's PNG file from its own folder; nothing else.
 * @example contentSecurityPolicy("<p>no scripts</p>").startsWith("default-src 'none'; script-src 'none'") // => true
 * @category Report pack and pages
 */
export function contentSecurityPolicy(page: string): string {
  const hashes = [...new Set(inlineScripts(page).filter(isLibraryScript).map(scriptHash))].sort();
  // The output folder's shared plotly.js (`../assets/plotly.min.js`) is a file next to the page: 'self' allows
  // same-origin files (for a file:// page, local files), never the network.
  const sources = [...(loadsSharedPlotly(page) ? ["'self'"] : []), ...hashes];
  const policy = [
    BASE_POLICY[0],
    `script-src ${sources.length > 0 ? sources.join(" ") : "'none'"}`,
    ...BASE_POLICY.slice(1),
  ];
  // A PNG file beside the page (its figure's static fallback) is a same-origin file, like the shared plotly.js.
  return (
    showsSiblingPng(page) ? policy.map((p) => (p === "img-src data: blob:" ? "img-src 'self' data: blob:" : p)) : policy
  ).join("; ");
}

/**
 * Returns the page with its Content-Security-Policy `<meta>` element first in `<head>` (an existing CSP meta is
 * replaced), and with the empty `<script src="">` elements that nbconvert leaves for blanked CDN URLs removed.
 * Deterministic: the same page gives the same bytes.
 * @example secureHtmlPage("<html><head></head><body></body></html>").includes("Content-Security-Policy") // => true
 * @category Report pack and pages
 */
export function secureHtmlPage(page: string): string {
  const cleaned = page
    .replace(/<script\b[^>]*\bsrc\s*=\s*(""|'')[^>]*>\s*<\/script\s*>\n?/gi, "")
    .replace(/\n?<meta\s+http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/gi, "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(cleaned)}">`;
  const head = /<head\b[^>]*>/i.exec(cleaned);
  if (head === null) return `${meta}\n${cleaned}`;
  const at = head.index + head[0].length;
  // The charset declaration must stay within the first 1024 bytes: keep it before the (long) policy.
  const charset = /^\s*<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(cleaned.slice(at));
  const split = at + (charset?.[0].length ?? 0);
  return `${cleaned.slice(0, split)}\n${meta}${cleaned.slice(split)}`;
}
