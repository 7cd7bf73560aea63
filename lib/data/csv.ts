import Papa from "papaparse";

/** One problem found in a data file: where it is and what was expected. */
export interface DataIssue {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 when the problem is the whole file. */
  readonly line: number;
  readonly field: string;
  readonly value: string;
  readonly message: string;
}

/** Formats an issue as `file:line: field "x" = "v": message`. @example formatIssue(issue) */
export function formatIssue(i: DataIssue): string {
  const where = i.line > 0 ? `${i.file}:${i.line}` : i.file;
  const field = i.field ? ` field "${i.field}"` : "";
  const value = i.value !== "" ? ` value "${i.value.length > 80 ? i.value.slice(0, 77) + "..." : i.value}"` : "";
  return field || value ? `${where}:${field}${value}: ${i.message}` : `${where}: ${i.message}`;
}

/** Every problem in a data package, reported at once. */
export class DataError extends Error {
  override name = "DataError";
  constructor(readonly issues: readonly DataIssue[]) {
    super(`${issues.length} problem(s) in the data:\n` + issues.map((i) => "  " + formatIssue(i)).join("\n"));
  }
}

/** A CSV file split into rows of named text cells, with the line each row starts on. */
export interface CsvTable {
  readonly rows: readonly Record<string, string>[];
  readonly lines: readonly number[];
}

/**
 * Splits CSV text (RFC 4180, comma, double quotes, LF line ends, header row) into rows keyed by the expected
 * column names. Reports an empty file, a byte-order mark, CRLF line ends, a header that differs from `columns`,
 * a header without rows and rows with too many or too few fields.
 * @example parseCsv("a,b\n1,\"x,y\"\n", "t.csv", ["a", "b"]).table?.rows // => [{ a: "1", b: "x,y" }]
 */
export function parseCsv(text: string, file: string, columns: readonly string[]): { table?: CsvTable; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const issue = (line: number, field: string, value: string, message: string) => issues.push({ file, line, field, value, message });
  if (text.trim() === "") {
    issue(0, "", "", `file is empty; expected a header row: ${columns.join(",")}`);
    return { issues };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    issue(1, "", "", "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM");
    return { issues };
  }
  const crlf = text.indexOf("\r\n");
  if (crlf >= 0) {
    const line = text.slice(0, crlf).split("\n").length;
    issue(line, "", "", "line ends with CRLF; the package uses LF line ends (convert with dos2unix)");
    return { issues };
  }
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: ",", quoteChar: '"', newline: "\n" });
  const data = parsed.data;
  // Papa yields a last empty row for the final newline.
  while (data.length > 0 && data[data.length - 1]!.length === 1 && data[data.length - 1]![0] === "") data.pop();
  const starts: number[] = [];
  let line = 1;
  for (const row of data) {
    starts.push(line);
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  for (const e of parsed.errors) {
    if (e.type === "Quotes") issue(starts[e.row ?? 0] ?? 0, "", "", `malformed quoting: ${e.message}`);
  }
  const header = data[0] ?? [];
  const missing = columns.filter((c) => !header.includes(c));
  const extra = header.filter((c) => !columns.includes(c));
  if (missing.length > 0 || extra.length > 0 || header.join(",") !== columns.join(",")) {
    const parts = [];
    if (missing.length) parts.push(`missing column(s) ${missing.join(", ")}`);
    if (extra.length) parts.push(`unexpected column(s) ${extra.join(", ")}`);
    if (!parts.length) parts.push("columns are out of order");
    issue(1, "", header.join(","), `header does not match the schema: ${parts.join("; ")}; expected ${columns.join(",")}`);
    return { issues };
  }
  if (data.length === 1) {
    issue(1, "", "", "file has a header but no data rows");
    return { issues };
  }
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  for (let r = 1; r < data.length; r++) {
    const cells = data[r]!;
    const at = starts[r]!;
    if (cells.length !== columns.length) {
      const hint = cells.length > columns.length ? "an extra field (an unquoted comma?)" : "a missing field";
      issue(at, "", cells.join(","), `expected ${columns.length} fields, found ${cells.length}: ${hint}`);
      continue;
    }
    const row: Record<string, string> = {};
    columns.forEach((c, i) => {
      row[c] = cells[i]!;
    });
    rows.push(row);
    lines.push(at);
  }
  return { table: { rows, lines }, issues };
}
