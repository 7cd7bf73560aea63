import Papa from "papaparse";

/**
 * One problem found in a data file: where it is and what was expected.
 * @category Loading
 */
export interface DataIssue {
  readonly file: string;
  /** 1-based line in the file (the header is line 1); 0 when the problem is the whole file. */
  readonly line: number;
  readonly field: string;
  readonly value: string;
  readonly message: string;
}

/**
 * Formats an issue as `file:line: field "x" = "v": message`. @example formatIssue({ file: "t.csv", line: 2, field: "value", value: "x", message: "expected a number" }) // => 't.csv:2: field "value" value "x": expected a number'
 * @category Loading
 */
export function formatIssue(i: DataIssue): string {
  const where = i.line > 0 ? `${i.file}:${i.line}` : i.file;
  const field = i.field ? ` field "${i.field}"` : "";
  const value = i.value !== "" ? ` value "${i.value.length > 80 ? i.value.slice(0, 77) + "..." : i.value}"` : "";
  return field || value ? `${where}:${field}${value}: ${i.message}` : `${where}: ${i.message}`;
}

/**
 * Every problem in a data package, reported at once.
 * @category Loading
 */
export class DataError extends Error {
  override name = "DataError";
  constructor(readonly issues: readonly DataIssue[]) {
    super(`${issues.length} problem(s) in the data:\n` + issues.map((i) => "  " + formatIssue(i)).join("\n"));
  }
}

/**
 * A CSV file split into rows of named text cells, with the line each row starts on.
 * @category Loading
 */
export interface CsvTable {
  readonly rows: readonly Record<string, string>[];
  readonly lines: readonly number[];
}

/**
 * What {@link parseCsv} found: the table (when the file could be split), its problems and its warnings.
 * @category Loading
 */
export interface ParsedCsv {
  readonly table?: CsvTable;
  /** Problems: the file cannot be used as it is. */
  readonly issues: DataIssue[];
  /** Things read correctly but worth fixing at the source (a byte-order mark, CRLF line ends). */
  readonly warnings: DataIssue[];
}

/**
 * Splits CSV text (RFC 4180, comma, double quotes, header row) into rows keyed by the expected column names.
 * Files saved by Excel on Windows are read as they are meant: a leading byte-order mark is ignored and CRLF line
 * ends (also inside quoted fields, which come out with "\n") are read as LF; each gives one warning. Reports an
 * empty file, a header that differs from `columns`, a header without rows and rows with too many or too few fields.
 * @example parseCsv("a,b\n1,\"x,y\"\n", "t.csv", ["a", "b"]).table?.rows // => [{ a: "1", b: "x,y" }]
 * @example parseCsv("\uFEFFa,b\r\n1,2\r\n", "t.csv", ["a", "b"]).warnings.length // => 2 (BOM, CRLF)
 * @category Loading
 */
export function parseCsv(text: string, file: string, columns: readonly string[]): ParsedCsv {
  const issues: DataIssue[] = [];
  const warnings: DataIssue[] = [];
  const issue = (line: number, field: string, value: string, message: string) =>
    issues.push({ file, line, field, value, message });
  if (text.charCodeAt(0) === 0xfeff) {
    warnings.push({
      file,
      line: 1,
      field: "",
      value: "",
      message: "file starts with a byte-order mark (BOM); it was ignored",
    });
    text = text.slice(1);
  }
  const crlf = text.indexOf("\r\n");
  if (crlf >= 0) {
    const line = text.slice(0, crlf).split("\n").length;
    warnings.push({ file, line, field: "", value: "", message: "line ends are CRLF (Windows); read as LF" });
    text = text.replace(/\r\n/g, "\n");
  }
  if (text.trim() === "") {
    issue(0, "", "", `file is empty; expected a header row: ${columns.join(",")}`);
    return { issues, warnings };
  }
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: ",",
    quoteChar: '"',
    newline: "\n",
  });
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
    issue(
      1,
      "",
      header.join(","),
      `header does not match the schema: ${parts.join("; ")}; expected ${columns.join(",")}`,
    );
    return { issues, warnings };
  }
  if (data.length === 1) {
    issue(1, "", "", "file has a header but no data rows");
    return { issues, warnings };
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
  return { table: { rows, lines }, issues, warnings };
}

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms, surrogates, code points above
 * U+10FFFF and truncated sequences included), or -1 when all of `bytes` is valid UTF-8.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // no overlong forms
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decodes the bytes of a data file as UTF-8 with a fatal decoder (a byte-order mark is kept, for {@link parseCsv} to
 * warn about). Bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1) give one issue naming the file, the
 * line and column of the first bad byte and the byte itself, and no text.
 * @example decodeUtf8(new Uint8Array([0x61, 0x0a, 0x54, 0xfc]), "t.csv").issues[0]?.line // => 2
 * @category Loading
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; issues: DataIssue[] } {
  try {
    return { text: utf8.decode(bytes), issues: [] };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const bad = at >= 0 ? at : bytes.length; // the decoder and the scan agree; this is only a guard
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = [...utf8.decode(bytes.subarray(lineStart, bad)).replace(/^\uFEFF/, "")].length + 1;
    const byte = bytes[bad];
    const what =
      byte === undefined
        ? "the file ends inside a character"
        : `byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} at column ${column} cannot be decoded`;
    return {
      issues: [{ file, line, field: "", value: "", message: `the file is not UTF-8: ${what}; save it as UTF-8` }],
    };
  }
}
