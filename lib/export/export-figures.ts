/**
 * Exporting figures to files: PNG, SVG, PDF and self-contained HTML, through one reused browser, with atomic writes
 * and a manifest per run (figure id, title, caption, sources, files with sizes and SHA-256).
 * @module
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { PlotlyFigure } from "../display/show";
import { figureTitle } from "../display/show";
import type { SourceCatalog } from "../figures/inputs";
import { sourcesLine } from "../figures/theme";
import type { SourceId } from "../types";
import { writeFileAtomic } from "./atomic";
import { launchExporter, type Exporter, type ExporterOptions } from "./exporter";
import { figurePageHtml } from "./html-pages";
import { sha256 } from "./stable-output";

/** File formats of a figure. */
export type FigureFormat = "png" | "svg" | "pdf" | "html";

/** All figure formats, in the order they are written. */
export const FIGURE_FORMATS: readonly FigureFormat[] = ["png", "svg", "pdf", "html"];

/** A figure to export, with what the manifest and index say about it. */
export interface FigureEntry {
  /** File name (lowercase kebab-case), unique within its section. */
  readonly id: string;
  readonly figure: PlotlyFigure;
  /** Plain-text title (default: the figure's). */
  readonly title?: string;
  readonly caption?: string;
  /** Source ids (default: the figure's `meta.sources`). */
  readonly sources?: readonly string[];
  /** The sources line (default: the figure's `meta.sourcesText`, else built from the ids). */
  readonly sourcesText?: string;
  /** Sub-folder of the output, e.g. the notebook that registered the figure. */
  readonly section?: string;
}

/** A written file: path relative to the output folder (with `/`), size and SHA-256. */
export interface ExportedFile {
  readonly format: string;
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** A figure in the manifest. */
export interface ManifestFigure {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  readonly caption: string;
  readonly sources: readonly string[];
  readonly sourcesText: string;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  /** SHA-256 of the figure spec and export settings: unchanged specs are not rendered again. */
  readonly specSha256: string;
  readonly files: readonly ExportedFile[];
}

/** The record of an export run. It holds no timestamps, so the same inputs give the same manifest. */
export interface ExportManifest {
  readonly generator: string;
  /** SHA-256 over the specs of the run. */
  readonly run: string;
  readonly figures: readonly ManifestFigure[];
  readonly tables: readonly ManifestTable[];
  /** Files of the run as a whole (index.html, the combined PDF). */
  readonly files: readonly ExportedFile[];
}

/** A table in the manifest. */
export interface ManifestTable {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  readonly caption: string;
  readonly sources: readonly string[];
  readonly sourcesText: string;
  readonly specSha256: string;
  readonly files: readonly ExportedFile[];
}

/** Options of {@link exportFigure} and {@link exportFigures}. */
export interface ExportOptions {
  /** Folder the files go to (created). */
  readonly outDir: string;
  /** Formats to write (default: all four). */
  readonly formats?: readonly FigureFormat[];
  /** PNG pixels per CSS pixel (default 2). */
  readonly scale?: number;
  /** Override the figures' width/height in CSS pixels. */
  readonly width?: number;
  readonly height?: number;
  /** A running exporter to reuse; without one, a browser is launched for the call and closed after it. */
  readonly exporter?: Exporter;
  /** Options for the browser launched when no exporter is given. */
  readonly exporterOptions?: ExporterOptions;
  /** For the sources line of entries whose figure carries none. */
  readonly sourceCatalog?: SourceCatalog;
  /** File name of the manifest in `outDir` (default "manifest.json"); `false` writes none. */
  readonly manifest?: string | false;
  /** A previous manifest: figures whose spec hash and files are unchanged are not rendered again. */
  readonly previous?: ExportManifest;
  /** Called after each figure. */
  readonly onProgress?: (done: number, total: number, id: string) => void;
}

/** Version tag of the exporter, part of every spec hash: bump it when the output of the same spec changes. */
export const EXPORT_VERSION = "caspian-lab-export/1";

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const SECTION = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Checks a figure id (a file name): lowercase letters, digits, `.`, `_`, `-`. */
export function checkFigureId(id: string): string {
  if (!ID.test(id) || id.length > 120) throw new RangeError(`"${id}" is not a figure id (lowercase letters, digits, . _ -)`);
  return id;
}

function checkSection(section: string): string {
  if (section !== "" && (!SECTION.test(section) || section.split("/").includes(".."))) throw new RangeError(`"${section}" is not a section name`);
  return section;
}

/** JSON with object keys sorted, so that hashes do not depend on key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function writeTracked(outDir: string, rel: string, format: string, data: string | Uint8Array): Promise<ExportedFile> {
  await writeFileAtomic(join(outDir, rel), data);
  const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
  return { format, path: rel, bytes, sha256: sha256(data) };
}

function unchanged(outDir: string, previous: ManifestFigure | undefined, specSha256: string, formats: readonly string[]): boolean {
  if (previous === undefined || previous.specSha256 !== specSha256) return false;
  if (formats.some((f) => !previous.files.some((x) => x.format === f))) return false;
  return previous.files.every((f) => {
    const p = join(outDir, f.path);
    return existsSync(p) && statSync(p).size === f.bytes && sha256(readFileSync(p)) === f.sha256;
  });
}

async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** Title, sources and sources line of an entry, with defaults from the figure's meta. */
export function describeEntry(entry: FigureEntry, catalog?: SourceCatalog): { title: string; sources: string[]; sourcesText: string } {
  const sources = [...(entry.sources ?? entry.figure.meta?.sources ?? [])];
  const sourcesText = entry.sourcesText ?? entry.figure.meta?.sourcesText ?? sourcesLine(sources as SourceId[], catalog, 100_000);
  return { title: entry.title ?? figureTitle(entry.figure), sources, sourcesText };
}

/**
 * Exports figures through one browser: PNG and SVG from one rendering each, a one-page PDF per figure, and a
 * self-contained HTML page (plotly inlined, PNG fallback). Files go to `outDir/<section>/<id>.<format>`, written
 * atomically; the manifest (no timestamps) goes to `outDir/manifest.json`.
 * @example const manifest = await exportFigures([{ id: "titr-cargo", figure: fig }], { outDir: "out/figures" })
 */
export async function exportFigures(entries: readonly FigureEntry[], options: ExportOptions): Promise<ExportManifest> {
  const formats = options.formats ?? FIGURE_FORMATS;
  const seen = new Set<string>();
  for (const e of entries) {
    checkFigureId(e.id);
    const key = `${checkSection(e.section ?? "")}/${e.id}`;
    if (seen.has(key)) throw new RangeError(`figure id "${key}" is used twice`);
    seen.add(key);
  }
  // HTML alone needs no browser (it then has no PNG fallback inside).
  const needsBrowser = formats.some((f) => f !== "html");
  let exporter = options.exporter;
  const own = exporter === undefined && needsBrowser && entries.length > 0;
  if (own) exporter = await launchExporter(options.exporterOptions);
  const previous = new Map((options.previous?.figures ?? []).map((f) => [`${f.section}/${f.id}`, f] as const));
  let done = 0;
  try {
    const figures = await mapLimit(entries, 4, async (entry): Promise<ManifestFigure> => {
      const section = entry.section ?? "";
      const { title, sources, sourcesText } = describeEntry(entry, options.sourceCatalog);
      const layout = entry.figure.layout;
      const width = Math.round(options.width ?? (typeof layout.width === "number" ? layout.width : 900));
      const height = Math.round(options.height ?? (typeof layout.height === "number" ? layout.height : 500));
      const scale = options.scale ?? 2;
      const specSha256 = sha256(
        canonicalJson({ v: EXPORT_VERSION, figure: { data: entry.figure.data, layout, config: entry.figure.config ?? {} }, title, caption: entry.caption ?? "", sourcesText, width, height, scale, formats }),
      );
      const base = section === "" ? entry.id : `${section}/${entry.id}`;
      const prior = previous.get(`${section}/${entry.id}`);
      const record = (files: readonly ExportedFile[]): ManifestFigure => ({
        id: entry.id,
        section,
        title,
        caption: entry.caption ?? "",
        sources,
        sourcesText,
        width,
        height,
        scale,
        specSha256,
        files,
      });
      if (prior !== undefined && unchanged(options.outDir, prior, specSha256, formats)) {
        options.onProgress?.(++done, entries.length, entry.id);
        return record(prior.files);
      }
      const wantPng = formats.includes("png") || formats.includes("html");
      const wantSvg = formats.includes("svg") || formats.includes("pdf");
      const rendered =
        exporter !== undefined
          ? await exporter.render(entry.figure, { width, height, scale, png: wantPng, svg: wantSvg, key: `${section}/${entry.id}` })
          : { width, height, scale };
      const files: ExportedFile[] = [];
      for (const format of FIGURE_FORMATS) {
        if (!formats.includes(format)) continue;
        const rel = `${base}.${format}`;
        if (format === "png") files.push(await writeTracked(options.outDir, rel, format, rendered.png!));
        else if (format === "svg") files.push(await writeTracked(options.outDir, rel, format, rendered.svg! + "\n"));
        else if (format === "pdf") files.push(await writeTracked(options.outDir, rel, format, await exporter!.pdf([{ svg: rendered.svg!, width, height }])));
        else {
          const html = figurePageHtml(entry.figure, { title, ...(entry.caption !== undefined ? { caption: entry.caption } : {}), sourcesText, ...(rendered.png !== undefined ? { png: rendered.png } : {}) });
          files.push(await writeTracked(options.outDir, rel, format, html));
        }
      }
      options.onProgress?.(++done, entries.length, entry.id);
      return record(files);
    });
    const manifest: ExportManifest = {
      generator: EXPORT_VERSION,
      run: sha256(figures.map((f) => `${f.section}/${f.id}:${f.specSha256}`).join("\n")),
      figures,
      tables: [],
      files: [],
    };
    if (options.manifest !== false) await writeManifest(options.outDir, manifest, options.manifest ?? "manifest.json");
    return manifest;
  } finally {
    if (own) await exporter!.close();
  }
}

/** Writes a manifest as pretty JSON, atomically. */
export async function writeManifest(outDir: string, manifest: ExportManifest, name = "manifest.json"): Promise<ExportedFile> {
  return writeTracked(outDir, name, "json", JSON.stringify(manifest, null, 2) + "\n");
}

/** Reads a manifest written by {@link exportFigures}, or `undefined` when there is none or it does not parse. */
export function readManifest(path: string): ExportManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as ExportManifest;
    return m.generator === EXPORT_VERSION && Array.isArray(m.figures) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Options of {@link exportFigure}. */
export interface ExportFigureOptions extends Omit<ExportOptions, "manifest" | "previous" | "onProgress"> {
  /** File name without extension (lowercase kebab-case). */
  readonly id: string;
  readonly title?: string;
  readonly caption?: string;
  readonly sources?: readonly string[];
  /** Also write a manifest (default false). */
  readonly manifest?: string | false;
}

/**
 * Exports one figure to `outDir/<id>.<format>` for each format (default PNG, SVG, PDF, HTML) and returns what was
 * written. Pass `exporter` to reuse a running browser; otherwise one is launched and closed.
 * @example await exportFigure(fig, { outDir: "out/figures", id: "titr-cargo", formats: ["png"], scale: 2 })
 */
export async function exportFigure(figure: PlotlyFigure, options: ExportFigureOptions): Promise<ManifestFigure> {
  const { id, title, caption, sources, manifest, ...rest } = options;
  const m = await exportFigures(
    [{ id, figure, ...(title !== undefined ? { title } : {}), ...(caption !== undefined ? { caption } : {}), ...(sources !== undefined ? { sources } : {}) }],
    { ...rest, manifest: manifest ?? false },
  );
  return m.figures[0]!;
}
