/**
 * The report pack: every figure and table the notebooks registered, exported into one folder with a manifest, the
 * data of each figure as CSV, an index.html (a table of contents by notebook) and one page per notebook that shows
 * its figures and tables with captions, sources, file links and run record.
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
import { figureDataCsv } from "./figure-data";
import {
  defaultSectionTitle,
  reportIndexPages,
  type IndexFigure,
  type IndexTable,
  type RunRecordLink,
  type SectionHeading,
} from "./report-index";
import { readSpecs, type FigureSpec, type TableSpec } from "./registry";
import { sha256 } from "../core/hash";
import { toCsv, toMarkdown } from "./table";

/**
 * Options of {@link exportReportPack}.
 * @category Report pack and pages
 */
export interface ReportPackOptions {
  /** Title of index.html (default "Caspian Lab: figures"). */
  readonly title?: string;
  /** PNG scale (default 2). */
  readonly scale?: number;
  /**
   * Where the figures' interactive pages get plotly.js (see ExportOptions.plotly of ./export-figures): `"inline"`
   * (default) or the shared copy's address relative to the pack folder, `"../assets/plotly.min.js"` in out/figures.
   */
  readonly plotly?: string;
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
  /** Run record of each section (notebook), linked from every figure and table of that section's page. */
  readonly runRecords?: Readonly<Record<string, RunRecordLink>>;
  /** How each section (notebook run) is named on the pages: title and parameters in words (default: its name). */
  readonly sections?: Readonly<Record<string, SectionHeading>>;
}

/**
 * Name of the combined PDF in the pack.
 * @category Report pack and pages
 */
export const COMBINED_PDF = "figures.pdf";

/**
 * Name of the manifest in the pack.
 * @category Report pack and pages
 */
export const MANIFEST = "manifest.json";

/**
 * A file of a pack that does not match its manifest.
 * @category Report pack and pages
 */
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
 * @category Report pack and pages
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
 * out/figures): `<notebook>/<id>.{png,svg,pdf,html}` for figures with `<notebook>/<id>.csv`, the data each draws
 * (lib/export/figure-data), `<notebook>/<id>.{csv,md}` for tables, `figures.pdf` (all figures), `index.html` (a
 * table of contents by notebook), `<notebook>/index.html` (the notebook's figures and tables, lib/export/report-index)
 * and `manifest.json`, which lists every one of these files with its sha256. A figure named "index" (the section
 * page's name) and a table named like a figure of its section (the figure's data CSV) are skipped and logged.
 * Nothing is rendered again for a figure whose spec did not change since the last run, as long as its files still
 * match the sha256 the manifest records; a damaged or missing file (figure, data CSV, table, combined PDF, page) is
 * made again on its own and logged ("01-x/a.png is damaged: rebuilt"). A manifest that is not valid means every
 * figure is rendered again. Chromium is launched only when something must be rendered. Files of figures no longer
 * registered are removed. Same specs give byte-identical files.
 * @example
 * // no spec registered: an empty pack (index.html and the manifest), no browser started
 * (await exportReportPack(join(tmp, "specs"), tmp)).figures // => []
 * @category Report pack and pages
 */
export async function exportReportPack(
  specsDir: string,
  outDir: string,
  options: ReportPackOptions = {},
): Promise<ExportManifest> {
  const log = options.log ?? (() => {});
  const skip = (file: string, reason: string) => log(`skipped ${file}: ${reason}`);
  const specs = readSpecs(specsDir, skip);
  const figureSpecs = specs.filter((s): s is FigureSpec & { section: string; file: string } => {
    if (s.kind !== "figure") return false;
    // <section>/index.html is the section's page: a figure named "index" would overwrite it.
    if (s.id === "index") skip(s.file, 'the figure id "index" is taken by the section\'s page');
    return s.id !== "index";
  });
  const figureKeys = new Set(figureSpecs.map((s) => `${s.section}/${s.id}`));
  const tableSpecs = specs.filter((s): s is TableSpec & { section: string; file: string } => {
    if (s.kind !== "table") return false;
    // A figure's data goes to <section>/<id>.csv, like a table's CSV: the figure keeps the name.
    const taken = figureKeys.has(`${s.section}/${s.id}`);
    if (taken) skip(s.file, `a figure in the same section is named "${s.id}" (its data CSV has the same name)`);
    return !taken;
  });
  const prefix = options.logPrefix ?? "";
  const onRebuilt = (path: string, problem: FileProblem) => log(`${prefix}${path} is ${problem}: rebuilt`);
  const manifestPath = join(outDir, MANIFEST);
  const previous = options.force ? undefined : readManifest(manifestPath);
  if (!options.force && previous === undefined && existsSync(manifestPath))
    log(`${prefix}${MANIFEST} is damaged: every figure is rendered again`);
  const recorded = new Map(
    previous === undefined
      ? []
      : [
          ...previous.figures.flatMap((f) => f.files.filter((x) => x.format === "csv")),
          ...previous.tables.flatMap((t) => t.files),
          ...previous.files,
        ].map((f) => [f.path, f] as const),
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
    const exported = await exportFigures(entries, {
      outDir,
      ...(exporter !== undefined ? { exporter } : {}),
      ...(options.scale !== undefined ? { scale: options.scale } : {}),
      ...(options.plotly !== undefined ? { plotly: options.plotly } : {}),
      ...(options.sourceCatalog !== undefined ? { sourceCatalog: options.sourceCatalog } : {}),
      ...(previous !== undefined ? { previous } : {}),
      manifest: false,
      onProgress: (done, total, id) => log(`figure ${done}/${total}: ${id}`),
      onRebuilt,
    });
    // The data each figure draws, next to its other files (entries and figures are in the same order).
    const withData: ManifestFigure[] = [];
    for (const [i, f] of exported.figures.entries()) {
      const rel = `${f.section === "" ? f.id : `${f.section}/${f.id}`}.csv`;
      const csv = figureDataCsv(entries[i]!.figure, { sourcesText: f.sourcesText });
      const file = await writeIfChanged(outDir, rel, "csv", csv, recorded.get(rel), onRebuilt);
      withData.push({ ...f, files: [...f.files, file] });
    }
    const figs: ExportManifest = { ...exported, figures: withData };

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
        const pdf = await exporter.pdf(pages, { title: options.title ?? "Caspian Lab: figures" });
        await writeFileAtomic(join(outDir, COMBINED_PDF), pdf);
        packFiles.push({ format: "pdf", path: COMBINED_PDF, bytes: pdf.byteLength, sha256: sha256(pdf) });
        if (check !== undefined && !check.ok) onRebuilt(COMBINED_PDF, check.problem);
      }
    }

    const items: (IndexFigure | IndexTable)[] = [
      ...figs.figures.map(
        (f): IndexFigure => ({
          kind: "figure",
          id: f.id,
          section: f.section,
          title: f.title,
          caption: f.caption,
          sourcesText: f.sourcesText,
          ...(f.files.some((x) => x.format === "png") ? { image: f.files.find((x) => x.format === "png")!.path } : {}),
          width: f.width,
          height: f.height,
          files: f.files,
          ...(options.runRecords?.[f.section] !== undefined ? { record: options.runRecords[f.section]! } : {}),
        }),
      ),
      ...tables.map(
        (t, i): IndexTable => ({
          kind: "table",
          id: t.id,
          section: t.section,
          title: t.title,
          caption: t.caption,
          sourcesText: t.sourcesText,
          table: tableSpecs[i]!.table,
          files: t.files,
          ...(options.runRecords?.[t.section] !== undefined ? { record: options.runRecords[t.section]! } : {}),
        }),
      ),
    ];
    const pages = reportIndexPages(options.title ?? "Caspian Lab: figures", items, {
      downloads: [...packFiles],
      headings: Object.fromEntries(
        [...new Set(items.map((i) => i.section))].map((s) => {
          const given = options.sections?.[s];
          const record = options.runRecords?.[s];
          const heading: SectionHeading = { title: defaultSectionTitle(s), ...given };
          return [s, heading.record === undefined && record !== undefined ? { ...heading, record } : heading];
        }),
      ),
    });
    for (const p of pages)
      packFiles.push(await writeIfChanged(outDir, p.path, "html", p.html, recorded.get(p.path), onRebuilt));

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
