/**
 * The main job's "what changed" view: the data rows added, changed or removed since the last run of an output
 * folder, and for each the registered figures and tables that use it, so an analyst who adds a row sees where it
 * landed. After a run the rows of every resource of the package (`allResources`, whatever it holds) are hashed; the
 * hashes are kept in `<out>/.data-rows.json` (the snapshot, written atomically after a run in which every notebook
 * succeeded) and compared with the next run's. The full list goes to `<out>/data-changes.md`; the summary prints the
 * first rows of it.
 *
 * A row is named `<resource>:<primary key values joined by |>` (`memberships:AZE|SCO|2015-07-10`); its hash is the
 * sha256 of its fields as written in the CSV. A figure or table uses a row when its spec lists the row in `rows`
 * (it "draws it"), or, for a spec without `rows`, when one of the row's source ids is among the spec's sources (it
 * "cites its source"; a row of sources.csv is its own source).
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { writeFileAtomicSync } from "../lib/core/atomic";
import { sha256, stableJson, listFiles } from "../lib/core/hash";
import { decodeUtf8, parseCsv } from "../lib/data/csv";
import { columnsOf, type ResourceDef } from "../lib/data/resource";
import { allResources } from "../lib/data/resources";
import { mdCode } from "../lib/display/safe-text";
import { readSpecs, type RegisteredSpec } from "../lib/export/registry";
import { readRecord } from "./record";

/** Version of the snapshot file. */
export const SNAPSHOT_VERSION = 1;
/** The snapshot of the last run's rows, in the output folder (beside `.lock`). */
export const SNAPSHOT_FILE = ".data-rows.json";
/** The full list of the last run's changes, in the output folder. */
export const CHANGES_FILE = "data-changes.md";
/** Rows listed in the summary before "… and N more". */
export const SUMMARY_ROWS = 20;
/** Figures and tables named per row in the summary before "… and N more". */
export const SUMMARY_USES = 4;

/** One data row as the view sees it. */
export interface DataRow {
  /** `<resource>:<primary key values joined by |>`. */
  readonly id: string;
  readonly resource: string;
  /** The resource's file name (`events.csv`). */
  readonly file: string;
  /** sha256 of the row's fields (stable JSON of the raw CSV cells). */
  readonly hash: string;
  /** The source ids that back the row (its own id for a row of sources.csv). */
  readonly sources: readonly string[];
}

/** A resource whose file could not be read: its rows are left out, and its last recorded rows kept. */
export interface SkippedResource {
  readonly resource: string;
  /** `events.csv: cannot read it (ENOENT)`. */
  readonly reason: string;
}

/** The rows of a data folder, and the resources whose file could not be read. */
export interface DataRows {
  readonly rows: readonly DataRow[];
  readonly skipped: readonly SkippedResource[];
}

/** What `.data-rows.json` holds: the data folder and each row's hash, by row id. */
export interface RowSnapshot {
  readonly version: number;
  readonly dataDir: string;
  readonly rows: Readonly<Record<string, string>>;
}

/** A figure or table that uses a row: `<notebook>/<id>`, and whether it names the row or only cites its source. */
export interface RowUse {
  readonly spec: string;
  readonly how: "draws" | "cites";
}

/** One changed row, with the figures and tables that use it now and the notebooks that read its file. */
export interface RowChange {
  readonly kind: "added" | "changed" | "removed";
  readonly id: string;
  readonly file: string;
  /** Empty for a removed row. */
  readonly uses: readonly RowUse[];
  /** Output names of the notebook runs whose record lists the row's file. */
  readonly readers: readonly string[];
}

/** The view: the changes (added, then changed, then removed, each in file order), or that this is the first run. */
export interface DataChanges {
  /** No snapshot: nothing to compare with. */
  readonly first: boolean;
  /** Rows in the data now. */
  readonly total: number;
  readonly changes: readonly RowChange[];
  readonly counts: { readonly added: number; readonly changed: number; readonly removed: number };
  /** The data folder of the last run, when it was another one. */
  readonly previousDataDir?: string;
  /** Resources whose file could not be read: their rows are neither listed nor counted as removed. */
  readonly skipped: readonly SkippedResource[];
}

/** Specs as the matcher needs them. */
export type SpecUse = Pick<RegisteredSpec, "section" | "id" | "sources" | "rows">;

/**
 * The id of a row: the resource name, then the primary key values (trimmed) joined by `|`.
 * @example rowId(memberships, { state: "AZE", org: "SCO", since: "2015-07-10", ... }) // => "memberships:AZE|SCO|2015-07-10"
 */
export function rowId<R>(def: ResourceDef<R>, raw: Readonly<Record<string, string>>): string {
  return `${def.name}:${def.primaryKey.map((k) => (raw[k] ?? "").trim()).join("|")}`;
}

/**
 * The source ids of a row: the items of every field with a foreign key to sources.csv (lists split at `;`), and
 * for a row of sources.csv its own key.
 * @example rowSources(corridorFlows, { ..., sources: "kz-mot-2024; caspian-news-2024" }) // => ["kz-mot-2024", "caspian-news-2024"]
 */
export function rowSources<R>(def: ResourceDef<R>, raw: Readonly<Record<string, string>>): string[] {
  const ids = new Set<string>();
  if (def.name === "sources") for (const k of def.primaryKey) ids.add((raw[k] ?? "").trim());
  for (const fk of def.foreignKeys) {
    if (fk.resource !== "sources") continue;
    for (const item of (raw[fk.field] ?? "").split(";")) if (item.trim() !== "") ids.add(item.trim());
  }
  return [...ids].filter((s) => s !== "");
}

/**
 * Reads the rows of every resource in `defs` (default: the whole package) from `dataDir` with the package's CSV
 * reader, unvalidated (the main job validated the folder before): a file that is missing or cannot be split is
 * named in `skipped` and its rows left out.
 * @example readDataRows(tmp).rows.find((r) => r.id === "states:AZE")?.sources // => []
 */
export function readDataRows(
  dataDir: string,
  defs: readonly ResourceDef<unknown>[] = allResources as readonly ResourceDef<unknown>[],
): DataRows {
  const rows: DataRow[] = [];
  const skipped: SkippedResource[] = [];
  for (const def of defs) {
    const file = join(dataDir, def.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? String(e);
      skipped.push({ resource: def.name, reason: `${def.path}: cannot read it (${why})` });
      continue;
    }
    const decoded = decodeUtf8(bytes, def.path);
    const table = decoded.text === undefined ? undefined : parseCsv(decoded.text, def.path, columnsOf(def)).table;
    if (table === undefined) {
      skipped.push({ resource: def.name, reason: `${def.path}: not readable as the resource ${def.name}` });
      continue;
    }
    for (const raw of table.rows) {
      rows.push({
        id: rowId(def, raw),
        resource: def.name,
        file: def.path,
        hash: sha256(stableJson(raw)),
        sources: rowSources(def, raw),
      });
    }
  }
  return { rows, skipped };
}

/**
 * The snapshot of a data folder's rows. The rows of a skipped resource are carried over from `previous`, so a file
 * that could not be read this once does not come back as all added next time.
 * @example snapshotOf("/data", { rows, skipped: [] }).rows["states:AZE"] // => "3f…" (the row's hash)
 */
export function snapshotOf(dataDir: string, current: DataRows, previous?: RowSnapshot): RowSnapshot {
  const byId: Record<string, string> = {};
  const skipped = new Set(current.skipped.map((s) => s.resource));
  for (const [id, hash] of Object.entries(previous?.rows ?? {})) if (skipped.has(resourceOf(id))) byId[id] = hash;
  for (const r of current.rows) byId[r.id] = r.hash;
  return { version: SNAPSHOT_VERSION, dataDir, rows: byId };
}

/** The resource part of a row id. @example resourceOf("memberships:AZE|SCO|2015-07-10") // => "memberships" */
export function resourceOf(id: string): string {
  const at = id.indexOf(":");
  return at < 0 ? id : id.slice(0, at);
}

/**
 * Reads a snapshot; `undefined` when missing, unreadable or of another version (the run is then a first run).
 * @example readSnapshot(join(tmp, "missing.json")) // => undefined
 */
export function readSnapshot(file: string): RowSnapshot | undefined {
  try {
    const s = JSON.parse(readFileSync(file, "utf8")) as Partial<RowSnapshot>;
    if (s.version !== SNAPSHOT_VERSION || typeof s.rows !== "object" || s.rows === null) return undefined;
    if (!Object.values(s.rows).every((h) => typeof h === "string")) return undefined;
    return { version: s.version, dataDir: typeof s.dataDir === "string" ? s.dataDir : "", rows: s.rows };
  } catch {
    return undefined;
  }
}

/**
 * The figures and tables that use a row: specs listing `rows` use it when they list its id ("draws"); the others
 * when they cite one of its sources ("cites"). Those that draw it come first, each group in spec order.
 * @example rowUses({ id: "events:x", sources: ["s1"] }, [{ section: "05", id: "t", sources: ["s1"] }]) // => [{ spec: "05/t", how: "cites" }]
 */
export function rowUses(row: Pick<DataRow, "id" | "sources">, specs: readonly SpecUse[]): RowUse[] {
  const draws: RowUse[] = [];
  const cites: RowUse[] = [];
  for (const s of specs) {
    const name = s.section !== "" ? `${s.section}/${s.id}` : s.id;
    if (s.rows !== undefined) {
      if (s.rows.includes(row.id)) draws.push({ spec: name, how: "draws" });
    } else if (row.sources.some((src) => s.sources.includes(src))) cites.push({ spec: name, how: "cites" });
  }
  return [...draws, ...cites];
}

/**
 * Compares the rows now with the last snapshot: added, changed (another hash) and removed rows, with their uses in
 * `specs` and the notebooks that read their file (`readers`: file name → output names).
 * @example diffRows(undefined, { rows, skipped: [] }, [], new Map()).first // => true
 */
export function diffRows(
  previous: RowSnapshot | undefined,
  current: DataRows,
  specs: readonly SpecUse[],
  readers: ReadonlyMap<string, readonly string[]>,
  dataDir = "",
): DataChanges {
  const base = { total: current.rows.length, skipped: current.skipped };
  if (previous === undefined)
    return { ...base, first: true, changes: [], counts: { added: 0, changed: 0, removed: 0 } };
  const now = new Set(current.rows.map((r) => r.id));
  const change = (kind: RowChange["kind"], r: Pick<DataRow, "id" | "file" | "sources">): RowChange => ({
    kind,
    id: r.id,
    file: r.file,
    uses: kind === "removed" ? [] : rowUses(r, specs),
    readers: readers.get(r.file) ?? [],
  });
  const added = current.rows.filter((r) => previous.rows[r.id] === undefined).map((r) => change("added", r));
  const changed = current.rows
    .filter((r) => previous.rows[r.id] !== undefined && previous.rows[r.id] !== r.hash)
    .map((r) => change("changed", r));
  const fileOf = new Map(
    (allResources as readonly ResourceDef<unknown>[]).map((d): [string, string] => [d.name, d.path]),
  );
  const skipped = new Set(current.skipped.map((s) => s.resource));
  const removed = Object.keys(previous.rows)
    .filter((id) => !now.has(id) && !skipped.has(resourceOf(id)))
    .map((id) => change("removed", { id, file: fileOf.get(resourceOf(id)) ?? `${resourceOf(id)}.csv`, sources: [] }));
  return {
    ...base,
    first: false,
    changes: [...added, ...changed, ...removed],
    counts: { added: added.length, changed: changed.length, removed: removed.length },
    ...(previous.dataDir !== "" && dataDir !== "" && previous.dataDir !== dataDir
      ? { previousDataDir: previous.dataDir }
      : {}),
  };
}

/**
 * For each data file name, the output names of the notebook runs whose record (`<out>/records/*.json`) lists it.
 * @example notebooksByDataFile(out).get("events.csv") // => ["05-timeline"]
 */
export function notebooksByDataFile(outDir: string): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const dir = join(outDir, "records");
  for (const f of listFiles(dir).filter((x) => x.endsWith(".json") && !x.includes("/"))) {
    const r = readRecord(join(dir, f));
    if (!r) continue;
    for (const path of Object.keys(r.inputs.data ?? {})) {
      const list = readers.get(basename(path)) ?? [];
      if (!list.includes(r.name)) list.push(r.name);
      readers.set(basename(path), list);
    }
  }
  for (const list of readers.values()) list.sort();
  return readers;
}

const mark: Record<RowChange["kind"], string> = { added: "+", changed: "~", removed: "-" };

/** Control characters out of text printed to a terminal. */
const plain = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");

function countsLine(c: DataChanges): string {
  return `${c.counts.added} added, ${c.counts.changed} changed, ${c.counts.removed} removed`;
}

function whereText(c: RowChange, limit: number): string {
  if (c.kind === "removed") return "removed";
  if (c.uses.length > 0) {
    const shown = c.uses
      .slice(0, limit)
      .map((u) => `${u.spec} (${u.how === "draws" ? "draws it" : "cites its source"})`);
    const more = c.uses.length > limit ? `; … and ${c.uses.length - limit} more` : "";
    return `${shown.join("; ")}${more}`;
  }
  return c.readers.length > 0
    ? `not in any figure or table (read by ${c.readers.join(", ")})`
    : `not in any figure or table (no notebook of this output folder reads ${c.file})`;
}

/**
 * The summary's block: one line when nothing changed or on a first run; else the counts and one line per row (the
 * first `limit`, then "… and N more, see <file>").
 * @example formatDataChanges(changes, { file: "out/data-changes.md" })[0] // => "Data changes since the last run: 1 added, 0 changed, 0 removed"
 */
export function formatDataChanges(
  c: DataChanges,
  options: { readonly file: string; readonly limit?: number },
): string[] {
  const limit = options.limit ?? SUMMARY_ROWS;
  const skipped = c.skipped.map((s) => `  (left out: ${plain(s.reason)})`);
  if (c.first) return [`Data: first run: ${c.total} data rows recorded; later runs list what changed`, ...skipped];
  if (c.changes.length === 0) return ["Data unchanged since the last run", ...skipped];
  const lines = [`Data changes since the last run: ${countsLine(c)}`];
  if (c.previousDataDir !== undefined) lines.push(`  (the last run read ${plain(c.previousDataDir)})`);
  for (const ch of c.changes.slice(0, limit)) {
    lines.push(
      ch.kind === "removed"
        ? `  ${mark[ch.kind]} ${plain(ch.id)}`
        : `  ${mark[ch.kind]} ${plain(ch.id)} → ${plain(whereText(ch, SUMMARY_USES))}`,
    );
  }
  if (c.changes.length > limit) lines.push(`  … and ${c.changes.length - limit} more, see ${options.file}`);
  return [...lines, ...skipped];
}

/**
 * The full list as Markdown (every row, every figure and table); ids as inline code spans (mdCode), so no text from the data is read
 * as Markdown or HTML.
 * @example dataChangesMarkdown(changes).startsWith("# Data changes since the last run") // => true
 */
export function dataChangesMarkdown(c: DataChanges): string {
  const code = (s: string) => mdCode(s).source;
  const out = ["# Data changes since the last run", ""];
  if (c.first) out.push(`First run: ${c.total} data rows recorded; later runs list what changed.`);
  else if (c.changes.length === 0) out.push(`Data unchanged since the last run (${c.total} rows).`);
  else {
    out.push(`${countsLine(c)} (${c.total} rows now).`);
    if (c.previousDataDir !== undefined)
      out.push("", `The last run read another data folder: ${code(c.previousDataDir)}.`);
    for (const kind of ["added", "changed", "removed"] as const) {
      const rows = c.changes.filter((ch) => ch.kind === kind);
      if (rows.length === 0) continue;
      out.push("", `## ${kind[0]!.toUpperCase()}${kind.slice(1)} (${rows.length})`, "");
      for (const ch of rows) {
        const where =
          ch.kind === "removed"
            ? ""
            : ch.uses.length > 0
              ? `: ${ch.uses.map((u) => `${code(u.spec)} (${u.how === "draws" ? "draws it" : "cites its source"})`).join(", ")}`
              : ch.readers.length > 0
                ? `: not in any figure or table; read by ${ch.readers.map(code).join(", ")}`
                : `: not in any figure or table; no notebook reads ${code(ch.file)}`;
        out.push(`- ${code(ch.id)}${where}`);
      }
    }
  }
  if (c.skipped.length > 0)
    out.push("", "Left out (cannot be read):", "", ...c.skipped.map((s) => `- ${code(s.reason)}`));
  return `${out.join("\n")}\n`;
}

/** What {@link dataChangesStep} found: the summary's lines, and how to record this run's rows as the last run's. */
export interface DataChangesStep {
  readonly changes: DataChanges;
  readonly lines: readonly string[];
  /** Writes the snapshot (after a run in which every notebook succeeded). */
  readonly commit: () => void;
}

/**
 * The main job's step after the report pack: reads the rows of `dataDir`, the last snapshot and the registered
 * specs of `outDir`, writes `<outDir>/data-changes.md` atomically, and returns the summary's lines and the commit
 * that writes the new snapshot. `shownFile` names the Markdown file in the summary; `defs` (default: the whole
 * package) are the resources read.
 * @example const step = dataChangesStep(out, dataDir, "out/data-changes.md"); step.lines.forEach((l) => console.log(l)); step.commit();
 */
export function dataChangesStep(
  outDir: string,
  dataDir: string,
  shownFile: string,
  defs: readonly ResourceDef<unknown>[] = allResources as readonly ResourceDef<unknown>[],
): DataChangesStep {
  const current = readDataRows(dataDir, defs);
  const snapshotFile = join(outDir, SNAPSHOT_FILE);
  const previous = existsSync(snapshotFile) ? readSnapshot(snapshotFile) : undefined;
  const specs = readSpecs(join(outDir, "figures", "specs"));
  const changes = diffRows(previous, current, specs, notebooksByDataFile(outDir), dataDir);
  writeFileAtomicSync(join(outDir, CHANGES_FILE), dataChangesMarkdown(changes));
  return {
    changes,
    lines: formatDataChanges(changes, { file: shownFile }),
    commit: () =>
      writeFileAtomicSync(snapshotFile, `${JSON.stringify(snapshotOf(dataDir, current, previous), null, 1)}\n`),
  };
}
