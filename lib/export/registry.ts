/**
 * The figure registry of notebooks: `registerFigure` writes a figure's JSON spec into the folder named by the
 * environment variable CASPIAN_FIGURES_DIR (the main job sets it to out/figures/specs/<notebook>/); after the
 * notebooks ran, {@link exportReportPack} exports every registered figure. Outside the main job (no variable),
 * registering does nothing.
 * @module
 */
import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { PlotlyFigure } from "../figures/plotly";
import { figureTitle } from "../figures/plotly";
import type { SourceCatalog } from "../figures/inputs";
import { sourcesLine } from "../figures/text";
import type { SourceId } from "../core/types";
import { writeFileAtomicSync } from "../core/atomic";
import { checkFigureId } from "./export-figures";
import type { TableInput } from "../figures/table";

/** The rows a registered figure draws: those the registration names, else those the figure's inputs named. */
const rowsOf = (r: FigureRegistration): readonly string[] | undefined => r.rows ?? r.figure.meta?.rows;

/**
 * Environment variable naming the folder of registered specs.
 * @category Registry
 */
export const FIGURES_DIR_ENV = "CASPIAN_FIGURES_DIR";

/**
 * Version of the spec files.
 * @category Registry
 */
export const SPEC_VERSION = 1;

/**
 * A figure for the report.
 * @category Registry
 */
export interface FigureRegistration {
  /** File name (lowercase kebab-case), unique within the notebook. */
  readonly id: string;
  /** Plain-text title (default: the figure's). */
  readonly title?: string;
  /** What the reader should see in the chart; one or two sentences. */
  readonly caption: string;
  readonly figure: PlotlyFigure;
  /** Source ids (default: those the figure carries in `meta.sources`). */
  readonly sources?: readonly string[];
  /** For the sources line when the figure carries none. */
  readonly sourceCatalog?: SourceCatalog;
  /**
   * Ids of the data rows the figure draws, `<resource>:<primary key values joined by |>`
   * (`corridor_flows:titr-whole-2019-cargo`); default: the rows the figure's inputs named (`meta.rows`: a time
   * series built from data rows names them). Written into the spec only when known. The main job's summary then
   * says the figure draws a changed row, rather than only that it cites the row's source.
   */
  readonly rows?: readonly string[];
}

/**
 * A table for the report.
 * @category Registry
 */
export interface TableRegistration {
  readonly id: string;
  readonly title: string;
  readonly caption?: string;
  readonly table: TableInput;
  readonly sourceCatalog?: SourceCatalog;
  /** Ids of the data rows the table shows, as in {@link FigureRegistration.rows}; written only when given. */
  readonly rows?: readonly string[];
}

/**
 * A spec file of a registered figure.
 * @category Registry
 */
export interface FigureSpec {
  readonly version: number;
  readonly kind: "figure";
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly sources: readonly string[];
  /** Ids of the data rows drawn, when the notebook named them (absent otherwise). */
  readonly rows?: readonly string[];
  readonly sourcesText: string;
  readonly figure: PlotlyFigure;
}

/**
 * A spec file of a registered table.
 * @category Registry
 */
export interface TableSpec {
  readonly version: number;
  readonly kind: "table";
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly sources: readonly string[];
  /** Ids of the data rows shown, when the notebook named them (absent otherwise). */
  readonly rows?: readonly string[];
  readonly sourcesText: string;
  readonly table: TableInput;
}

/**
 * A spec read back from disk, with the section (sub-folder, i.e. notebook) it was found in.
 * @category Registry
 */
export type RegisteredSpec = (FigureSpec | TableSpec) & { readonly section: string; readonly file: string };

/**
 * The folder registered specs go to, or `undefined` outside the main job.
 * @example figuresDir() // => undefined (outside the main job, CASPIAN_FIGURES_DIR is not set)
 * @category Registry
 */
export function figuresDir(): string | undefined {
  const dir = process.env[FIGURES_DIR_ENV];
  return dir !== undefined && dir.trim() !== "" ? dir : undefined;
}

/**
 * Registers a figure for the report pack: writes `<CASPIAN_FIGURES_DIR>/<id>.json` atomically and returns its path;
 * returns `undefined` (and writes nothing) when the variable is not set, e.g. in an interactive session.
 * @example registerFigure({ id: "titr-cargo", caption: "Cargo on the Middle Corridor doubled in 2022.", figure: fig })
 * @category Registry
 */
export function registerFigure(registration: FigureRegistration): string | undefined {
  checkFigureId(registration.id);
  const dir = figuresDir();
  const sources = [...(registration.sources ?? registration.figure.meta?.sources ?? [])];
  const spec: FigureSpec = {
    version: SPEC_VERSION,
    kind: "figure",
    id: registration.id,
    title: registration.title ?? figureTitle(registration.figure),
    caption: registration.caption,
    sources,
    ...(rowsOf(registration) !== undefined ? { rows: [...rowsOf(registration)!] } : {}),
    sourcesText:
      registration.figure.meta?.sourcesText !== undefined && registration.sources === undefined
        ? registration.figure.meta.sourcesText
        : sourcesLine(sources as SourceId[], registration.sourceCatalog, 100_000),
    figure: {
      data: registration.figure.data,
      layout: registration.figure.layout,
      ...(registration.figure.config !== undefined ? { config: registration.figure.config } : {}),
      ...(registration.figure.meta !== undefined ? { meta: registration.figure.meta } : {}),
    },
  };
  if (dir === undefined) return undefined;
  const path = join(dir, `${registration.id}.json`);
  writeFileAtomicSync(path, JSON.stringify(spec, null, 1) + "\n");
  return path;
}

/**
 * Registers a table for the report pack (CSV, Markdown and an HTML table in index.html), like {@link registerFigure}.
 * @example registerTable({ id: "trade", title: "Trade with Central Asia", table })
 * @category Registry
 */
export function registerTable(registration: TableRegistration): string | undefined {
  checkFigureId(registration.id);
  const dir = figuresDir();
  const spec: TableSpec = {
    version: SPEC_VERSION,
    kind: "table",
    id: registration.id,
    title: registration.title,
    caption: registration.caption ?? "",
    sources: [...registration.table.sources],
    ...(registration.rows !== undefined ? { rows: [...registration.rows] } : {}),
    sourcesText: sourcesLine(registration.table.sources, registration.sourceCatalog, 100_000),
    table: registration.table,
  };
  if (dir === undefined) return undefined;
  const path = join(dir, `${registration.id}.table.json`);
  writeFileAtomicSync(path, JSON.stringify(spec, null, 1) + "\n");
  return path;
}

function walk(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() && e.name.endsWith(".json") ? [join(dir, e.name)] : [],
    );
}

/**
 * Reads every spec under a folder (recursively, sorted by path); the sub-folder becomes the section. Files that
 * are not specs are reported through `onSkip` and left out.
 * @example readSpecs(tmp) // => [] (an empty folder)
 * @category Registry
 */
export function readSpecs(
  specsDir: string,
  onSkip: (file: string, reason: string) => void = () => {},
): RegisteredSpec[] {
  const out: RegisteredSpec[] = [];
  for (const file of walk(specsDir)) {
    const rel = relative(specsDir, file).split(sep).join("/");
    const section = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
    let spec: FigureSpec | TableSpec;
    try {
      spec = JSON.parse(readFileSync(file, "utf8")) as FigureSpec | TableSpec;
    } catch (e) {
      onSkip(rel, `not JSON: ${(e as Error).message}`);
      continue;
    }
    if (
      spec.version !== SPEC_VERSION ||
      (spec.kind !== "figure" && spec.kind !== "table") ||
      typeof spec.id !== "string"
    ) {
      onSkip(rel, "not a figure or table spec");
      continue;
    }
    try {
      checkFigureId(spec.id); // a file name: an id from a spec file must not climb out of the pack ("../x", "a/b")
    } catch (e) {
      onSkip(rel, (e as Error).message);
      continue;
    }
    out.push({ ...spec, section, file: rel });
  }
  return out;
}
