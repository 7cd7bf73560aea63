/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('<img src=x onerror=alert(1)>') // => "&lt;img src=x onerror=alert(1)&gt;"
 * @category Display
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>`, `&` and the JavaScript line separators are escaped,
 * so a label such as `</script><script>alert(1)</script>` from the data stays a string.
 * @example scriptJson({ a: "</script>" }) // => '{"a":"\\u003c/script\\u003e"}'
 * @category Display
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
