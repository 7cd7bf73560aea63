/**
 * The report pack: every figure and table the notebooks registered, exported into one folder with a manifest and
 * an index.html that shows them all with captions and sources.
 * @module
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, normalize } from "node:path";
import type { SourceCatalog } from "../figures/inputs";
import { writeFileAtomic } from "../core/atomic";
import type { Exporter, ExporterOptions } from "./exporter";
import {
  checkFile,
  exportFigures,
  lazyExporter,
  manifestJson,
  readManifest,
  type ExportedFile,
  type ExportManifest,
  type FigureEntry,
  type FileProblem,
  type ManifestFigure,
  type ManifestTable,
} from "./export-figures";
import { reportIndexHtml, type IndexFigure, type IndexTable, type RunRecordLink } from "./html-pages";
import { readSpecs, type FigureSpec, type TableSpec } from "./registry";
import { sha256 } from "../core/hash";
import { toCsv, toMarkdown } from "./table";

/** Options of {@link exportReportPack}. */
export interface ReportPackOptions {
  /** Title of index.html (default "Caspian Lab: figures"). */
  readonly title?: string;
  /** PNG scale (default 2). */
  readonly scale?: number;
  /** Also write all figures into one PDF, one page each (default true). */
  readonly combinedPdf?: boolean;
  /** Reuse a running exporter. */
  readonly exporter?: Exporter;
  readonly exporterOptions?: ExporterOptions;
  /** For sources lines of specs that carry none. */
  readonly sourceCatalog?: SourceCatalog;
  /** Re-render every figure even when its spec is unchanged, ignoring the previous manifest (default false). */
  readonly force?: boolean;
  /** Progress, skipped specs, and each damaged or missing file that was rebuilt. */
  readonly log?: (message: string) => void;
  /** Put before file paths in log lines, e.g. "figures/" for paths relative to out/ (default ""). */
  readonly logPrefix?: string;
  /** Run record of each section (notebook), linked from every figure and table of that section in index.html. */
  readonly runRecords?: Readonly<Record<string, RunRecordLink>>;
}

/** Name of the combined PDF in the pack. */
export const COMBINED_PDF = "figures.pdf";

/** Name of the manifest in the pack. */
export const MANIFEST = "manifest.json";

/** A file of a pack that does not match its manifest. */
export interface PackProblem {
  /** Path relative to the pack folder, with `/`. */
  readonly path: string;
  readonly problem: FileProblem;
}

/**
 * Every file a manifest lists (figures, tables, the combined PDF, index.html) checked against the bytes on disk;
 * returns the files that are missing, unreadable or whose size or sha256 differ (empty: the pack is intact).
 * @example
 * const manifest = readManifest(join(tmp, "manifest.json"));
 * const problems = manifest ? verifyReportPack(tmp, manifest) : [];
 * for (const p of problems) console.log(`${p.path} is ${p.problem}`);
 */
export function verifyReportPack(outDir: string, manifest: ExportManifest): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const file of [...manifest.figures, ...manifest.tables].flatMap((f) => f.files).concat(manifest.files)) {
    const check = checkFile(outDir, file);
    if (!check.ok) problems.push({ path: file.path, problem: check.problem });
  }
  return problems;
}

/**
 * Writes `data` to `outDir/rel` unless the file there already holds exactly these bytes. When the previous manifest
 * recorded these same bytes for this path, a difference on disk is damage: it is reported through `onRebuilt`.
 */
async function writeIfChanged(
  outDir: string,
  rel: string,
  format: string,
  data: string | Uint8Array,
  recorded: ExportedFile | undefined,
  onRebuilt: (path: string, problem: FileProblem) => void,
): Promise<ExportedFile> {
  const file: ExportedFile = {
    format,
    path: rel,
    bytes: typeof data === "string" ? Buffer.byteLength(data) : data.byteLength,
    sha256: sha256(data),
  };
  const check = checkFile(outDir, file);
  if (check.ok) return file;
  await writeFileAtomic(join(outDir, rel), data);
  if (recorded !== undefined && recorded.sha256 === file.sha256) onRebuilt(rel, check.problem);
  return file;
}

/** The figures a combined PDF is made of: same list, same specs, same PDF. */
const pdfKey = (figures: readonly ManifestFigure[]): string =>
  figures.map((f) => `${f.section}/${f.id}:${f.specSha256}`).join("\n");

/**
 * Exports every figure and table registered under `specsDir` (e.g. out/figures/specs) into `outDir` (e.g.
 * out/figures): `<notebook>/<id>.{png,svg,pdf,html}` for figures, `<notebook>/<id>.{csv,md}` for tables,
 * `figures.pdf` (all figures), `index.html` and `manifest.json`. Nothing is rendered again for a figure whose spec
 * did not change since the last run, as long as its files still match the sha256 the manifest records; a damaged or
 * missing file (figure, table, combined PDF, index) is made again on its own and logged ("01-x/a.png is damaged:
 * rebuilt"). A manifest that is not valid means every figure is rendered again. Chromium is launched only when
 * something must be rendered. Files of figures no longer registered are removed. Same specs give byte-identical files.
 * @example
 * // no spec registered: an empty pack (index.html and the manifest), no browser started
 * (await exportReportPack(join(tmp, "specs"), tmp)).figures // => []
 */
export async function exportReportPack(
  specsDir: string,
  outDir: string,
  options: ReportPackOptions = {},
): Promise<ExportManifest> {
  const log = options.log ?? (() => {});
  const specs = readSpecs(specsDir, (file, reason) => log(`skipped ${file}: ${reason}`));
  const figureSpecs = specs.filter((s): s is FigureSpec & { section: string; file: string } => s.kind === "figure");
  const tableSpecs = specs.filter((s): s is TableSpec & { section: string; file: string } => s.kind === "table");
  const prefix = options.logPrefix ?? "";
  const onRebuilt = (path: string, problem: FileProblem) => log(`${prefix}${path} is ${problem}: rebuilt`);
  const manifestPath = join(outDir, MANIFEST);
  const previous = options.force ? undefined : readManifest(manifestPath);
  if (!options.force && previous === undefined && existsSync(manifestPath))
    log(`${prefix}${MANIFEST} is damaged: every figure is rendered again`);
  const recorded = new Map(
    previous === undefined
      ? []
      : [...previous.tables.flatMap((t) => t.files), ...previous.files].map((f) => [f.path, f] as const),
  );
  // Chromium starts only if a figure or the combined PDF must be rendered.
  const exporter = options.exporter ?? (figureSpecs.length > 0 ? lazyExporter(options.exporterOptions) : undefined);
  try {
    const entries: FigureEntry[] = figureSpecs.map((s) => ({
      id: s.id,
      figure: s.figure,
      title: s.title,
      caption: s.caption,
      sources: s.sources,
      sourcesText: s.sourcesText,
      section: s.section,
    }));
    const figs = await exportFigures(entries, {
      outDir,
      ...(exporter !== undefined ? { exporter } : {}),
      ...(options.scale !== undefined ? { scale: options.scale } : {}),
      ...(options.sourceCatalog !== undefined ? { sourceCatalog: options.sourceCatalog } : {}),
      ...(previous !== undefined ? { previous } : {}),
      manifest: false,
      onProgress: (done, total, id) => log(`figure ${done}/${total}: ${id}`),
      onRebuilt,
    });

    const tables: ManifestTable[] = [];
    for (const t of tableSpecs) {
      const base = t.section === "" ? t.id : `${t.section}/${t.id}`;
      const csv = toCsv(t.table, { sourcesText: t.sourcesText });
      const md = toMarkdown({ ...t.table, title: t.title }, { sourcesText: t.sourcesText });
      const files: ExportedFile[] = [];
      for (const [format, text] of [
        ["csv", csv],
        ["md", md],
      ] as const) {
        const rel = `${base}.${format}`;
        files.push(await writeIfChanged(outDir, rel, format, text, recorded.get(rel), onRebuilt));
      }
      tables.push({
        id: t.id,
        section: t.section,
        title: t.title,
        caption: t.caption,
        sources: t.sources,
        sourcesText: t.sourcesText,
        specSha256: sha256(JSON.stringify(t.table)),
        files,
      });
    }

    const packFiles: ExportedFile[] = [];
    if ((options.combinedPdf ?? true) && exporter !== undefined && figs.figures.length > 0) {
      // The same figures with the same specs give the same PDF: reuse it if its bytes still match the manifest.
      const prior =
        previous !== undefined && pdfKey(previous.figures) === pdfKey(figs.figures)
          ? recorded.get(COMBINED_PDF)
          : undefined;
      const check = prior !== undefined ? checkFile(outDir, prior) : undefined;
      if (prior !== undefined && check?.ok === true) packFiles.push(prior);
      else {
        const pages = figs.figures.map((f) => {
          const svg = f.files.find((x) => x.format === "svg");
          return { svg: readFileSync(join(outDir, svg!.path), "utf8"), width: f.width, height: f.height };
        });
        const pdf = await exporter.pdf(pages);
        await writeFileAtomic(join(outDir, COMBINED_PDF), pdf);
        packFiles.push({ format: "pdf", path: COMBINED_PDF, bytes: pdf.byteLength, sha256: sha256(pdf) });
        if (check !== undefined && !check.ok) onRebuilt(COMBINED_PDF, check.problem);
      }
    }

    const items: (IndexFigure | IndexTable)[] = [
      ...figs.figures.map(
        (f): IndexFigure => ({
          kind: "figure",
          section: f.section,
          title: f.title,
          caption: f.caption,
          sourcesText: f.sourcesText,
          ...(f.files.some((x) => x.format === "png") ? { image: f.files.find((x) => x.format === "png")!.path } : {}),
          width: f.width,
          height: f.height,
          files: f.files.map((x) => ({ format: x.format, path: x.path })),
          ...(options.runRecords?.[f.section] !== undefined ? { record: options.runRecords[f.section]! } : {}),
        }),
      ),
      ...tables.map(
        (t, i): IndexTable => ({
          kind: "table",
          section: t.section,
          title: t.title,
          caption: t.caption,
          sourcesText: t.sourcesText,
          table: tableSpecs[i]!.table,
          files: t.files,
          ...(options.runRecords?.[t.section] !== undefined ? { record: options.runRecords[t.section]! } : {}),
        }),
      ),
    ].sort((a, b) => (a.section < b.section ? -1 : a.section > b.section ? 1 : 0));
    const index = reportIndexHtml(options.title ?? "Caspian Lab: figures", items);
    packFiles.push(await writeIfChanged(outDir, "index.html", "html", index, recorded.get("index.html"), onRebuilt));

    const manifest: ExportManifest = {
      ...figs,
      run: sha256([figs.run, ...tables.map((t) => `${t.section}/${t.id}:${t.specSha256}`)].join("\n")),
      tables,
      files: packFiles,
    };
    removeStale(outDir, readManifest(manifestPath), manifest, log);
    await writeIfChanged(outDir, MANIFEST, "json", manifestJson(manifest), undefined, onRebuilt);
    return manifest;
  } finally {
    if (options.exporter === undefined && exporter !== undefined) await exporter.close();
  }
}

/** Deletes files listed in the previous manifest that the new one no longer lists (never outside `outDir`). */
function removeStale(
  outDir: string,
  before: ExportManifest | undefined,
  after: ExportManifest,
  log: (m: string) => void,
): void {
  if (before === undefined) return;
  const keep = new Set(
    [...after.figures, ...after.tables]
      .flatMap((f) => f.files.map((x) => x.path))
      .concat(after.files.map((x) => x.path)),
  );
  const old = [...before.figures, ...(before.tables ?? [])]
    .flatMap((f) => f.files.map((x) => x.path))
    .concat((before.files ?? []).map((x) => x.path));
  for (const rel of old) {
    if (keep.has(rel)) continue;
    const clean = normalize(rel);
    if (clean.startsWith("..") || clean.startsWith("/")) continue;
    rmSync(join(outDir, clean), { force: true });
    log(`removed stale ${rel}`);
  }
}
