/**
 * Exporting figures to files: PNG, SVG, PDF and self-contained HTML, through one reused browser, with atomic writes
 * and a manifest per run (figure id, title, caption, sources, files with sizes and SHA-256).
 * @module
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { basename, isAbsolute, join, normalize } from "node:path";
import type { PlotlyFigure } from "../figures/plotly";
import { figureTitle } from "../figures/plotly";
import { refitFigure } from "../figures/fit";
import type { SourceCatalog } from "../figures/inputs";
import { sourcesLine } from "../figures/text";
import type { SourceId } from "../core/types";
import { writeFileAtomic } from "../core/atomic";
import { ExportError, launchExporter, type Exporter, type ExporterOptions } from "./exporter";
import { figurePageHtml } from "./html-pages";
import { sha256 } from "../core/hash";

/**
 * File formats of a figure.
 * @category Files
 */
export type FigureFormat = "png" | "svg" | "pdf" | "html";

/**
 * All figure formats, in the order they are written.
 * @category Files
 */
export const FIGURE_FORMATS: readonly FigureFormat[] = ["png", "svg", "pdf", "html"];

/**
 * A figure to export, with what the manifest and index say about it.
 * @category Files
 */
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

/**
 * A written file: path relative to the output folder (with `/`), size and SHA-256.
 * @category Files
 */
export interface ExportedFile {
  readonly format: string;
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * A figure in the manifest.
 * @category Files
 */
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

/**
 * The record of an export run. It holds no timestamps, so the same inputs give the same manifest.
 * @category Files
 */
export interface ExportManifest {
  readonly generator: string;
  /** SHA-256 over the specs of the run. */
  readonly run: string;
  readonly figures: readonly ManifestFigure[];
  readonly tables: readonly ManifestTable[];
  /** Files of the run as a whole (index.html, the combined PDF). */
  readonly files: readonly ExportedFile[];
}

/**
 * A table in the manifest.
 * @category Files
 */
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

/**
 * Options of {@link exportFigure} and {@link exportFigures}.
 * @category Files
 */
export interface ExportOptions {
  /** Folder the files go to (created). */
  readonly outDir: string;
  /** Formats to write (default: all four). */
  readonly formats?: readonly FigureFormat[];
  /** PNG pixels per CSS pixel (default 2). */
  readonly scale?: number;
  /**
   * The size to draw the figures at, in CSS pixels: house-style figures are laid out again for it
   * (lib/figures/fit refitFigure), their height grown when too small for title, legend and footnote.
   */
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
  /**
   * A previous manifest: a figure whose spec hash is unchanged reuses each of its files whose bytes on disk still
   * match the sha256 recorded here; a damaged or missing file is made again (and only that file).
   */
  readonly previous?: ExportManifest;
  /** Called after each figure. */
  readonly onProgress?: (done: number, total: number, id: string) => void;
  /** Called for each file of an unchanged figure that was damaged or missing on disk and has been written again. */
  readonly onRebuilt?: (path: string, problem: FileProblem) => void;
  /**
   * Where each HTML page gets plotly.js: `"inline"` (the default: a standalone page) or the address of a shared
   * copy relative to `outDir` (the report pack: `"../assets/plotly.min.js"`); pages in a section folder add `../`.
   */
  readonly plotly?: string;
}

/**
 * What is wrong with a file on disk, compared with its manifest entry.
 * @category Files
 */
export type FileProblem = "missing" | "damaged" | "unreadable";

/**
 * The outcome of {@link checkFile}: intact, or what is wrong.
 * @category Files
 */
export type FileCheck = { readonly ok: true } | { readonly ok: false; readonly problem: FileProblem };

/** The file's path inside `outDir`, or `undefined` when the manifest path would leave it (absolute, or with `..`). */
function insidePath(outDir: string, rel: string): string | undefined {
  const clean = normalize(rel);
  return isAbsolute(clean) || clean.split(/[\\/]/).includes("..") ? undefined : join(outDir, clean);
}

const problemOf = (e: unknown): FileProblem =>
  (e as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable";

/** One read buffer for every check: hashing streams through it, so a check allocates nothing per file. */
const chunk = Buffer.allocUnsafe(1 << 20);

/**
 * Checks a file listed in a manifest against the bytes on disk: its size first, then its sha256, read in chunks. A
 * path that leaves `outDir` (absolute, or with `..`) counts as damaged, so a tampered manifest cannot make the pack
 * read elsewhere.
 * @example
 * const check = checkFile("out/figures", { format: "png", path: "01-claims/verdicts.png", bytes: 41_023, sha256: "…" });
 * if (!check.ok) console.log(`01-claims/verdicts.png is ${check.problem}`); // "… is damaged"
 * @category Files
 */
export function checkFile(outDir: string, file: ExportedFile): FileCheck {
  const path = insidePath(outDir, file.path);
  if (path === undefined) return { ok: false, problem: "damaged" };
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: "unreadable" };
    if (stat.size !== file.bytes) return { ok: false, problem: "damaged" };
    const hash = createHash("sha256");
    for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null))
      hash.update(chunk.subarray(0, n));
    return hash.digest("hex") === file.sha256 ? { ok: true } : { ok: false, problem: "damaged" };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a manifest file if they still match it, else `undefined`. */
function readVerified(outDir: string, file: ExportedFile): Buffer | undefined {
  const path = insidePath(outDir, file.path);
  if (path === undefined) return undefined;
  try {
    const data = readFileSync(path);
    return data.byteLength === file.bytes && sha256(data) === file.sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An {@link Exporter} that launches Chromium on its first use only; see {@link lazyExporter}.
 * @category Files
 */
export interface LazyExporter extends Exporter {
  /** Whether Chromium has been (or is being) launched. */
  readonly launched: boolean;
}

/**
 * An exporter that starts Chromium only when a figure must actually be rendered, so a run that reuses every file
 * costs no browser launch. {@link Exporter.close} closes the browser if it was launched.
 * @example
 * const ex = lazyExporter();
 * ex.launched // => false (Chromium starts on the first render, such as ex.png)
 * await ex.close();
 * @category Files
 */
export function lazyExporter(options: ExporterOptions = {}): LazyExporter {
  let started: Promise<Exporter> | undefined;
  let ready: Exporter | undefined;
  let closed = false;
  const get = (): Promise<Exporter> => {
    if (closed) return Promise.reject(new ExportError("the exporter is closed"));
    started ??= launchExporter(options).then((ex) => (ready = ex));
    return started;
  };
  return {
    get launchMs() {
      return ready?.launchMs ?? 0;
    },
    get launched() {
      return started !== undefined;
    },
    render: async (figure, request) => (await get()).render(figure, request),
    png: async (figure, size) => (await get()).png(figure, size),
    svg: async (figure, size) => (await get()).svg(figure, size),
    pdf: async (pages, info) => (await get()).pdf(pages, info),
    close: async () => {
      if (closed) return;
      closed = true;
      const ex = await started?.catch(() => undefined);
      await ex?.close();
    },
  };
}

/**
 * Version tag of the exporter, part of every spec hash: bump it when the output of the same spec changes.
 * @category Files
 */
export const EXPORT_VERSION = "caspian-lab-export/1";

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const SECTION = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Checks a figure id (a file name): lowercase letters, digits, `.`, `_`, `-`.
 * @example checkFigureId("titr-cargo") // => "titr-cargo"
 * @category Files
 */
export function checkFigureId(id: string): string {
  if (!ID.test(id) || id.length > 120)
    throw new RangeError(`"${id}" is not a figure id (lowercase letters, digits, . _ -)`);
  return id;
}

function checkSection(section: string): string {
  if (section !== "" && (!SECTION.test(section) || section.split("/").includes("..")))
    throw new RangeError(`"${section}" is not a section name`);
  return section;
}

/**
 * JSON with object keys sorted, so that hashes do not depend on key order.
 * @example canonicalJson({ b: [1, { d: 1, c: 2 }], a: null }) // => '{"a":null,"b":[1,{"c":2,"d":1}]}'
 * @category Files
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

async function writeTracked(
  outDir: string,
  rel: string,
  format: string,
  data: string | Uint8Array,
): Promise<ExportedFile> {
  await writeFileAtomic(join(outDir, rel), data);
  const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
  return { format, path: rel, bytes, sha256: sha256(data) };
}

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
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

/**
 * Title, sources and sources line of an entry, with defaults from the figure's meta.
 * @example describeEntry({ id: "titr-cargo", figure: fig }) // => { title: "TITR cargo", sources: ["ady-2024"], sourcesText: "Source: ady-2024" }
 * @category Files
 */
export function describeEntry(
  entry: FigureEntry,
  catalog?: SourceCatalog,
): { title: string; sources: string[]; sourcesText: string } {
  const sources = [...(entry.sources ?? entry.figure.meta?.sources ?? [])];
  const sourcesText =
    entry.sourcesText ?? entry.figure.meta?.sourcesText ?? sourcesLine(sources as SourceId[], catalog, 100_000);
  return { title: entry.title ?? figureTitle(entry.figure), sources, sourcesText };
}

/**
 * Exports figures through one browser: PNG and SVG from one rendering each, a one-page PDF per figure, and a
 * self-contained HTML page (plotly inlined, PNG fallback). Files go to `outDir/<section>/<id>.<format>`, written
 * atomically; the manifest (no timestamps) goes to `outDir/manifest.json`.
 * @example
 * // all four formats by default; PNG, SVG and PDF start Chromium, HTML alone does not
 * const manifest = await exportFigures([{ id: "titr-cargo", figure: fig }], { outDir: tmp, formats: ["html"] });
 * manifest.figures[0]?.files.map((f) => f.path) // => ["titr-cargo.html"]
 * @category Files
 */
export async function exportFigures(entries: readonly FigureEntry[], options: ExportOptions): Promise<ExportManifest> {
  const formats = options.formats ?? FIGURE_FORMATS;
  // Pages load the output folder's shared plotly.js (a report pack) or carry their own (a standalone page).
  const shared = options.plotly !== undefined && options.plotly !== "inline";
  const seen = new Set<string>();
  for (const e of entries) {
    checkFigureId(e.id);
    const key = `${checkSection(e.section ?? "")}/${e.id}`;
    if (seen.has(key)) throw new RangeError(`figure id "${key}" is used twice`);
    seen.add(key);
  }
  // HTML alone needs no browser (it then has no PNG fallback inside). The browser starts on the first render only.
  const needsBrowser = formats.some((f) => f !== "html");
  const own = options.exporter === undefined && needsBrowser && entries.length > 0;
  const exporter: Exporter | undefined = own ? lazyExporter(options.exporterOptions) : options.exporter;
  const previous = new Map((options.previous?.figures ?? []).map((f) => [`${f.section}/${f.id}`, f] as const));
  let done = 0;
  try {
    const figures = await mapLimit(entries, 4, async (entry): Promise<ManifestFigure> => {
      const section = entry.section ?? "";
      const { title, sources, sourcesText } = describeEntry(entry, options.sourceCatalog);
      // A size asked for lays a house-style figure out again for it (lib/figures/fit): the height may grow so that
      // nothing is cut. A figure of another origin is drawn at the size as it is.
      const given = entry.figure.layout;
      const num = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : d);
      const figure =
        options.width !== undefined || options.height !== undefined
          ? refitFigure(entry.figure, {
              width: options.width ?? num(given.width, 900),
              ...(options.height !== undefined ? { height: options.height } : {}),
            })
          : entry.figure;
      const layout = figure.layout;
      const refitted = figure !== entry.figure;
      const width = Math.round(refitted ? num(layout.width, 900) : (options.width ?? num(layout.width, 900)));
      const height = Math.round(refitted ? num(layout.height, 500) : (options.height ?? num(layout.height, 500)));
      const scale = options.scale ?? 2;
      const specSha256 = sha256(
        canonicalJson({
          v: EXPORT_VERSION,
          figure: { data: figure.data, layout, config: figure.config ?? {} },
          title,
          caption: entry.caption ?? "",
          sourcesText,
          width,
          height,
          scale,
          formats,
          ...(options.plotly !== undefined && options.plotly !== "inline" ? { plotly: options.plotly } : {}),
        }),
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
      // Same spec: keep every file whose bytes still match the manifest; note the damaged ones.
      const kept = new Map<FigureFormat, ExportedFile>();
      const broken = new Map<FigureFormat, FileProblem>();
      if (prior !== undefined && prior.specSha256 === specSha256) {
        for (const format of formats) {
          const file = prior.files.find((x) => x.format === format && x.path === `${base}.${format}`);
          if (file === undefined) continue;
          const check = checkFile(options.outDir, file);
          if (check.ok) kept.set(format, file);
          else broken.set(format, check.problem);
        }
      }
      const todo = formats.filter((f) => !kept.has(f));
      if (todo.length === 0) {
        options.onProgress?.(++done, entries.length, entry.id);
        return record(FIGURE_FORMATS.filter((f) => formats.includes(f)).map((f) => kept.get(f)!));
      }
      // Only what the missing files need: a verified PNG on disk serves the HTML page, a verified SVG the PDF.
      const pngFile = kept.get("png");
      const svgFile = kept.get("svg");
      const keptPng =
        pngFile !== undefined && todo.includes("html") ? readVerified(options.outDir, pngFile) : undefined;
      const keptSvg =
        svgFile !== undefined && todo.includes("pdf")
          ? readVerified(options.outDir, svgFile)?.toString("utf8").replace(/\n$/, "")
          : undefined;
      const wantPng = (todo.includes("png") || todo.includes("html")) && keptPng === undefined;
      const wantSvg = (todo.includes("svg") || todo.includes("pdf")) && keptSvg === undefined;
      const rendered =
        exporter !== undefined && (wantPng || wantSvg)
          ? await exporter.render(figure, {
              width,
              height,
              scale,
              png: wantPng,
              svg: wantSvg,
              key: `${section}/${entry.id}`,
            })
          : undefined;
      const png = rendered?.png ?? keptPng;
      const svg = rendered?.svg ?? keptSvg;
      const files: ExportedFile[] = [];
      for (const format of FIGURE_FORMATS) {
        if (!formats.includes(format)) continue;
        const keep = kept.get(format);
        if (keep !== undefined) {
          files.push(keep);
          continue;
        }
        const rel = `${base}.${format}`;
        if (format === "png") files.push(await writeTracked(options.outDir, rel, format, png!));
        else if (format === "svg") files.push(await writeTracked(options.outDir, rel, format, svg! + "\n"));
        else if (format === "pdf")
          files.push(
            await writeTracked(
              options.outDir,
              rel,
              format,
              await exporter!.pdf([{ svg: svg!, width, height }], { title, subject: entry.caption ?? sourcesText }),
            ),
          );
        else {
          const html = figurePageHtml(figure, {
            title,
            ...(entry.caption !== undefined ? { caption: entry.caption } : {}),
            sourcesText,
            // A pack page beside its PNG points at it (one copy of the image); a standalone page carries it.
            ...(png !== undefined && shared && formats.includes("png")
              ? { pngFile: `${basename(base)}.png` }
              : png !== undefined
                ? { png }
                : {}),
            plotly: shared ? `${section === "" ? "" : "../"}${options.plotly}` : "inline",
          });
          files.push(await writeTracked(options.outDir, rel, format, html));
        }
        const problem = broken.get(format);
        if (problem !== undefined) options.onRebuilt?.(rel, problem);
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

/**
 * The text of a manifest as written to disk (pretty JSON, no timestamps): the same manifest always gives the same
 * bytes, so its sha256 can be recorded elsewhere (the main job's stamp) to detect a damaged manifest.
 * @example
 * const manifest = { generator: EXPORT_VERSION, run: "", figures: [], tables: [], files: [] };
 * await writeManifest(tmp, manifest);
 * manifestJson(manifest) === readFileSync(join(tmp, "manifest.json"), "utf8") // => true
 * @category Files
 */
export function manifestJson(manifest: ExportManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/**
 * Writes a manifest as pretty JSON, atomically.
 * @example (await writeManifest(tmp, { generator: EXPORT_VERSION, run: "", figures: [], tables: [], files: [] })).path // => "manifest.json"
 * @category Files
 */
export async function writeManifest(
  outDir: string,
  manifest: ExportManifest,
  name = "manifest.json",
): Promise<ExportedFile> {
  return writeTracked(outDir, name, "json", manifestJson(manifest));
}

const isString = (v: unknown): v is string => typeof v === "string";

function isFileList(v: unknown): v is ExportedFile[] {
  return (
    Array.isArray(v) &&
    v.every((f: unknown) => {
      const x = f as Partial<ExportedFile> | null;
      return (
        x !== null &&
        typeof x === "object" &&
        isString(x.format) &&
        isString(x.path) &&
        typeof x.bytes === "number" &&
        isString(x.sha256)
      );
    })
  );
}

function isEntryList(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every((e: unknown) => {
      const x = e as Partial<ManifestFigure> | null;
      return (
        x !== null &&
        typeof x === "object" &&
        isString(x.id) &&
        isString(x.section) &&
        isString(x.specSha256) &&
        isFileList(x.files)
      );
    })
  );
}

/**
 * Reads a manifest written by {@link exportFigures} or the report pack, or `undefined` when there is none, it does
 * not parse, its shape is wrong (every figure and table with its files, each with path, size and sha256) or it comes
 * from another exporter version.
 * @example const previous = readManifest("out/figures/manifest.json") // undefined: everything is rendered
 * @category Files
 */
export function readManifest(path: string): ExportManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as Partial<ExportManifest> | null;
    if (m === null || typeof m !== "object" || m.generator !== EXPORT_VERSION || !isEntryList(m.figures))
      return undefined;
    if ((m.tables !== undefined && !isEntryList(m.tables)) || (m.files !== undefined && !isFileList(m.files)))
      return undefined;
    return { ...m, tables: m.tables ?? [], files: m.files ?? [] } as ExportManifest;
  } catch {
    return undefined;
  }
}

/**
 * Options of {@link exportFigure}.
 * @category Files
 */
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
 * written. Pass `exporter` to reuse a running browser; otherwise one is launched and closed. With `width` or
 * `height`, a house-style figure is laid out again for that size (lib/figures/fit refitFigure: title, legend and
 * footnote never overlap or get cut; the height grows when too small), and the manifest entry gives the size drawn.
 * @example
 * // formats: ["png"], scale: 2 would start Chromium; HTML alone does not
 * (await exportFigure(fig, { outDir: tmp, id: "titr-cargo", formats: ["html"] })).files.map((f) => f.path) // => ["titr-cargo.html"]
 * @category Files
 */
export async function exportFigure(figure: PlotlyFigure, options: ExportFigureOptions): Promise<ManifestFigure> {
  const { id, title, caption, sources, manifest, ...rest } = options;
  const m = await exportFigures(
    [
      {
        id,
        figure,
        ...(title !== undefined ? { title } : {}),
        ...(caption !== undefined ? { caption } : {}),
        ...(sources !== undefined ? { sources } : {}),
      },
    ],
    { ...rest, manifest: manifest ?? false },
  );
  return m.figures[0]!;
}
