/**
 * Making exported files byte-identical across runs: Plotly's random ids in SVG, the dates Chromium writes into PDFs.
 * @module
 */
import { sha256 } from "../core/hash";

/**
 * A 6-hex-digit id derived from a text (for SVG ids that stay the same from run to run). @example stableUid("a") === stableUid("a") // => true
 * @category Files
 */
export function stableUid(text: string): string {
  return sha256(text).slice(0, 6);
}

/**
 * Replaces the random id Plotly gives each plot (`defs-1a2b3c`, `clip1a2b3cxyplot`, `url(#clip1a2b3c…)`) by a stable
 * one, so the same figure gives the same SVG and several SVGs can share one page without id clashes.
 * @example
 * stabilizeSvgIds('<defs id="defs-1a2b3c"></defs><g clip-path="url(#clip1a2b3cxyplot)"></g>', "abc123")
 * // => '<defs id="defs-abc123"></defs><g clip-path="url(#clipabc123xyplot)"></g>'
 * @category Files
 */
export function stabilizeSvgIds(svg: string, uid: string): string {
  const m = /<defs id="defs-([0-9a-z]+)"/.exec(svg);
  if (!m) return svg;
  const old = m[1]!;
  const re = new RegExp(`((?:id="|#)[A-Za-z_-]*)${old}`, "g");
  return svg.replace(re, `$1${uid}`);
}

/**
 * Sorts the attributes of every element of an SVG by name. Plotly sets attributes in an order that depends on
 * whether a part of the page was drawn before (the first legend of a page differs from later ones), so the same
 * figure could otherwise give two different files. Attribute order has no meaning in XML.
 * @example sortSvgAttributes('<rect y="2" x="1"/>') // => '<rect x="1" y="2"/>'
 * @category Files
 */
export function sortSvgAttributes(svg: string): string {
  return svg.replace(
    /<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")+)\s*(\/?)>/g,
    (_all, name: string, attrs: string, close: string) => {
      const list = attrs.match(/[\w:.-]+="[^"]*"/g) ?? [];
      list.sort((a, b) => {
        const ka = a.slice(0, a.indexOf("="));
        const kb = b.slice(0, b.indexOf("="));
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
      return `<${name} ${list.join(" ")}${close}>`;
    },
  );
}

/**
 * Sets the creation and modification dates Chromium writes into a PDF to a fixed date, keeping every byte offset
 * (the replacement has the same length), so the same page gives the same file.
 * @example
 * const pdf = fixPdfDates(Buffer.from("/CreationDate (D:20261201161500Z)", "latin1"));
 * Buffer.from(pdf).toString("latin1") // => "/CreationDate (D:20000101000000Z)"
 * @category Files
 */
export function fixPdfDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const fixed = text.replace(
    /\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g,
    (_all, key: string, _d: string, tz: string) => `/${key} (D:20000101000000${tz})`,
  );
  return Buffer.from(fixed, "latin1");
}

/**
 * Trace ids for Plotly (`uid`), fixed by position, so that class names in SVG do not change between runs.
 * @example withStableTraceIds([{ type: "bar" }, { type: "bar", uid: "keep" }]) // => [{ type: "bar", uid: "t0" }, { type: "bar", uid: "keep" }]
 * @category Files
 */
export function withStableTraceIds(data: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return data.map((t, i) => ({ ...t, uid: typeof t.uid === "string" ? t.uid : `t${i}` }));
}
