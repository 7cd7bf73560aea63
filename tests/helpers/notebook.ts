export { writeNotebook, type CellSpec } from "../../bench/notebook-fixture";

/** The text a cell of an executed notebook printed (stdout and display data). */
export function cellOutputText(
  executed: { cells: { outputs?: { text?: string | string[]; data?: Record<string, unknown> }[] }[] },
  index: number,
): string {
  const outs = executed.cells[index]?.outputs ?? [];
  return outs
    .map((o) => {
      if (o.text !== undefined) return Array.isArray(o.text) ? o.text.join("") : o.text;
      const d = o.data?.["text/plain"] ?? o.data?.["text/html"] ?? "";
      return Array.isArray(d) ? d.join("") : String(d);
    })
    .join("");
}
