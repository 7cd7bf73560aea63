/**
 * Content-Security-Policy for the HTML pages the toolkit writes: a second wall behind escaping. The policy allows
 * no network at all, no inline event handlers and no `javascript:` URLs; the only scripts that run are the inline
 * scripts the library itself writes (the embedded plotly.js bundle, its loader, and the scripts that draw a
 * figure from JSON data), each allowed by its sha256 hash. A script that reached a page any other way, say from a
 * data row that escaped escaping, has no hash in the policy and is blocked by the browser.
 * @module
 */
import { createHash } from "node:crypto";
import { plotlyLoaderScripts } from "../display/plotly-bundle";

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

const FIGURE_SCRIPT =
  /^\(function \(\) \{\n {2}var el = document\.getElementById\("[A-Za-z0-9_-]*"\);\n {2}if \(!window\.Plotly \|\| !el\) \{ return; \}\n {2}el\.innerHTML = "";\n {2}window\.Plotly\.newPlot\(el, ([\s\S]*)\);\n\}\)\(\);$/;

let loaderScripts: ReadonlySet<string> | undefined;

/**
 * Whether an inline script is one the library writes: a piece of the plotly.js loader, or a figure script whose
 * only variable part is JSON data (the arguments of `Plotly.newPlot` must parse as a JSON array).
 * @example isLibraryScript('(function () {\n  var el = document.getElementById("f");\n  if (!window.Plotly || !el) { return; }\n  el.innerHTML = "";\n  window.Plotly.newPlot(el, [], {}, {});\n})();') // => true
 * @example isLibraryScript("alert(1)") // => false
 */
export function isLibraryScript(code: string): boolean {
  const m = FIGURE_SCRIPT.exec(code);
  if (m !== null) {
    try {
      const args: unknown = JSON.parse(`[${m[1]!}]`);
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

/**
 * The policy for a page: every library script of the page allowed by hash, nothing else.
 * @example contentSecurityPolicy("<p>no scripts</p>").startsWith("default-src 'none'; script-src 'none'") // => true
 */
export function contentSecurityPolicy(page: string): string {
  const hashes = [...new Set(inlineScripts(page).filter(isLibraryScript).map(scriptHash))].sort();
  return [
    BASE_POLICY[0],
    `script-src ${hashes.length > 0 ? hashes.join(" ") : "'none'"}`,
    ...BASE_POLICY.slice(1),
  ].join("; ");
}

/**
 * Returns the page with its Content-Security-Policy `<meta>` element first in `<head>` (an existing CSP meta is
 * replaced), and with the empty `<script src="">` elements that nbconvert leaves for blanked CDN URLs removed.
 * Deterministic: the same page gives the same bytes.
 * @example secureHtmlPage("<html><head></head><body></body></html>").includes("Content-Security-Policy") // => true
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
