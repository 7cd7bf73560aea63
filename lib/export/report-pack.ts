/**
 * The report pack: every figure and table the notebooks registered, exported into one folder with a manifest and
 * an index.html that shows them all with captions and sources.
 * @module
 */
import { readFileSync, rmSync } from "node:fs";
import { join, normalize } from "node:path";
import type { SourceCatalog } from "../figures/inputs";
import { writeFileAtomic } from "./atomic";
import { launchExporter, type Exporter, type ExporterOptions } from "./exporter";
import {
  exportFigures,
  readManifest,
  writeManifest,
  type ExportedFile,
  type ExportManifest,
  type FigureEntry,
  type ManifestTable,
} from "./export-figures";
import { reportIndexHtml, type IndexFigure, type IndexTable, type RunRecordLink } from "./html-pages";
import { readSpecs, type FigureSpec, type TableSpec } from "./registry";
import { sha256 } from "./stable-output";
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
  /** Re-render every figure even when its spec is unchanged (default false). */
  readonly force?: boolean;
  /** Progress and skipped files. */
  readonly log?: (message: string) => void;
  /** Run record of each section (notebook), linked from every figure and table of that section in index.html. */
  readonly runRecords?: Readonly<Record<string, RunRecordLink>>;
}

/** Name of the combined PDF in the pack. */
export const COMBINED_PDF = "figures.pdf";

/**
 * Exports every figure and table registered under `specsDir` (e.g. out/figures/specs) into `outDir` (e.g.
 * out/figures): `<notebook>/<id>.{png,svg,pdf,html}` for figures, `<notebook>/<id>.{csv,md}` for tables,
 * `figures.pdf` (all figures), `index.html` and `manifest.json`. Figures whose spec did not change since the last
 * run are not rendered again; files of figures no longer registered are removed. Same specs give byte-identical files.
 * @example const manifest = await exportReportPack("out/figures/specs", "out/figures")
 */
export async function exportReportPack(specsDir: string, outDir: string, options: ReportPackOptions = {}): Promise<ExportManifest> {
  const log = options.log ?? (() => {});
  const specs = readSpecs(specsDir, (file, reason) => log(`skipped ${file}: ${reason}`));
  const figureSpecs = specs.filter((s): s is FigureSpec & { section: string; file: string } => s.kind === "figure");
  const tableSpecs = specs.filter((s): s is TableSpec & { section: string; file: string } => s.kind === "table");
  const previous = options.force ? undefined : readManifest(join(outDir, "manifest.json"));
  const needBrowser = figureSpecs.length > 0;
  const exporter = options.exporter ?? (needBrowser ? await launchExporter(options.exporterOptions) : undefined);
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
    });

    const tables: ManifestTable[] = [];
    for (const t of tableSpecs) {
      const base = t.section === "" ? t.id : `${t.section}/${t.id}`;
      const csv = toCsv(t.table, { sourcesText: t.sourcesText });
      const md = toMarkdown({ ...t.table, title: t.title }, { sourcesText: t.sourcesText });
      const files: ExportedFile[] = [];
      for (const [format, text] of [["csv", csv], ["md", md]] as const) {
        const rel = `${base}.${format}`;
        await writeFileAtomic(join(outDir, rel), text);
        files.push({ format, path: rel, bytes: Buffer.byteLength(text), sha256: sha256(text) });
      }
      tables.push({ id: t.id, section: t.section, title: t.title, caption: t.caption, sources: t.sources, sourcesText: t.sourcesText, specSha256: sha256(JSON.stringify(t.table)), files });
    }

    const packFiles: ExportedFile[] = [];
    if ((options.combinedPdf ?? true) && exporter !== undefined && figs.figures.length > 0) {
      const pages = figs.figures.map((f) => {
        const svg = f.files.find((x) => x.format === "svg");
        return { svg: readFileSync(join(outDir, svg!.path), "utf8"), width: f.width, height: f.height };
      });
      const pdf = await exporter.pdf(pages);
      await writeFileAtomic(join(outDir, COMBINED_PDF), pdf);
      packFiles.push({ format: "pdf", path: COMBINED_PDF, bytes: pdf.byteLength, sha256: sha256(pdf) });
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
          kind: "table", section: t.section, title: t.title, caption: t.caption, sourcesText: t.sourcesText, table: tableSpecs[i]!.table, files: t.files,
          ...(options.runRecords?.[t.section] !== undefined ? { record: options.runRecords[t.section]! } : {}),
        }),
      ),
    ].sort((a, b) => (a.section < b.section ? -1 : a.section > b.section ? 1 : 0));
    const index = reportIndexHtml(options.title ?? "Caspian Lab: figures", items);
    await writeFileAtomic(join(outDir, "index.html"), index);
    packFiles.push({ format: "html", path: "index.html", bytes: Buffer.byteLength(index), sha256: sha256(index) });

    const manifest: ExportManifest = {
      ...figs,
      run: sha256([figs.run, ...tables.map((t) => `${t.section}/${t.id}:${t.specSha256}`)].join("\n")),
      tables,
      files: packFiles,
    };
    removeStale(outDir, readManifest(join(outDir, "manifest.json")), manifest, log);
    await writeManifest(outDir, manifest);
    return manifest;
  } finally {
    if (options.exporter === undefined && exporter !== undefined) await exporter.close();
  }
}

/** Deletes files listed in the previous manifest that the new one no longer lists (never outside `outDir`). */
function removeStale(outDir: string, before: ExportManifest | undefined, after: ExportManifest, log: (m: string) => void): void {
  if (before === undefined) return;
  const keep = new Set([...after.figures, ...after.tables].flatMap((f) => f.files.map((x) => x.path)).concat(after.files.map((x) => x.path)));
  const old = [...before.figures, ...(before.tables ?? [])].flatMap((f) => f.files.map((x) => x.path)).concat((before.files ?? []).map((x) => x.path));
  for (const rel of old) {
    if (keep.has(rel)) continue;
    const clean = normalize(rel);
    if (clean.startsWith("..") || clean.startsWith("/")) continue;
    rmSync(join(outDir, clean), { force: true });
    log(`removed stale ${rel}`);
  }
}
