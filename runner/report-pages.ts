// The post-step that keeps out/report/ (the reader's pages) true to out/notebooks/ and out/records/, never stale.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { dataPackage, type DataPackage } from "../lib/data/load";
import { readSpecs } from "../lib/export/registry";
import {
  type ExecutedNotebook,
  type ReportIndexEntry,
  type ReportSource,
  reportPage,
  reportPagesIndexHtml,
} from "../lib/export/report-page";
import { formatDate, latestDataDate, resolveAsOf } from "../lib/notebook/as-of";
import { currentInputs, inputChanges, sharedHashes, type SharedHashes } from "./cache";
import { paramArgument, shellWord } from "./options";
import { projectRoot, resolvedDataDir } from "./paths";
import { readRecord, type RunRecord, writeAtomic } from "./record";

/** What {@link buildReportPages} did. */
export interface ReportPagesResult {
  /** Names of the pages out/report/ holds now (index.html aside), sorted. */
  readonly pages: readonly string[];
  /** Pages written because their bytes changed (new, or rebuilt from a changed notebook, record or data). */
  readonly written: readonly string[];
  /** Pages removed: no valid record or executed notebook any more, or a stale parameter run. */
  readonly removed: readonly string[];
  /** Parameter runs found stale (their page and figure specs removed). */
  readonly stale: readonly string[];
}

/** The default value of each parameter, from `let name = <JSON literal>;` lines of the cell tagged `parameters`. */
export function parameterDefaults(notebook: ExecutedNotebook): Record<string, unknown> {
  const cell = notebook.cells.find(
    (c) =>
      c.cell_type === "code" &&
      ((c as { metadata?: { tags?: unknown } }).metadata?.tags as unknown[] | undefined)?.includes("parameters"),
  );
  if (cell === undefined) return {};
  const source = typeof cell.source === "string" ? cell.source : cell.source.join("");
  const out: Record<string, unknown> = {};
  for (const m of source.matchAll(/\blet\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]+)?=\s*([^;\n]+?)\s*;/g)) {
    try {
      out[m[1]!] = JSON.parse(m[2]!);
    } catch {
      /* not a literal: left out */
    }
  }
  return out;
}

const valueText = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));

/**
 * The parameters of a run in words, one phrase each, in the order the notebook declares them.
 * @example parameterPhrases({ focal: "KAZ", asOf: 2016, scenario: "default" }, pkg) // => ["focal state: Kazakhstan (KAZ)", "as of 31 December 2016", "scenario: default"]
 */
export function parameterPhrases(
  parameters: Readonly<Record<string, unknown>>,
  pkg: Pick<DataPackage, "states" | "sources">,
): string[] {
  return Object.entries(parameters).map(([k, v]) => {
    const text = valueText(v).trim();
    if (k === "focal") {
      if (text === "") return "focal state: none (every state)";
      const state = pkg.states.find((s) => s.iso3 === text);
      return state !== undefined ? `focal state: ${state.name} (${text})` : `focal state: ${text}`;
    }
    if (k === "asOf") {
      if (text === "") return "as of the latest date in the data";
      try {
        return `as of ${formatDate(resolveAsOf(text, pkg))}`;
      } catch {
        return `as of ${text}`;
      }
    }
    const words = k.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
    return `${words}: ${text === "" ? "(empty)" : text}`;
  });
}

/**
 * The data's as-of date in words: the `asOf` parameter, else the latest date in the data.
 * @example asOfInWords({ asOf: "2016" }, pkg) // => "31 December 2016 (the asOf parameter)"
 */
export function asOfInWords(parameters: Readonly<Record<string, unknown>>, pkg: Pick<DataPackage, "sources">): string {
  const given = parameters.asOf === undefined ? "" : valueText(parameters.asOf).trim();
  try {
    return given === ""
      ? `${formatDate(latestDataDate(pkg))} (the latest date in the data)`
      : `${formatDate(resolveAsOf(given, pkg))} (the asOf parameter)`;
  } catch {
    return given === "" ? "the latest date in the data" : given;
  }
}

/**
 * The command that runs a parameter run again into the same output folder.
 * @example rebuildCommand(record, "/work/main/out") // => "npm start -- 03-multilateral-embeddedness --param focal=KAZ"
 */
export function rebuildCommand(record: Pick<RunRecord, "notebook" | "parameters">, outDir: string): string {
  const file = resolve(projectRoot, record.notebook);
  const parts = ["npm start --", shellWord(basename(file, ".ipynb"))];
  for (const k of Object.keys(record.parameters).sort()) parts.push(paramArgument(k, record.parameters[k]));
  if (dirname(file) !== join(projectRoot, "notebooks")) parts.push(`--notebooks ${shellWord(dirname(file))}`);
  if (resolve(outDir) !== join(projectRoot, "out")) parts.push(`--out ${shellWord(resolve(outDir))}`);
  return parts.join(" ");
}

/**
 * Which recorded inputs of a run differ from the current ones (runner/cache inputChanges), with a notebook file
 * that is gone named as such. The run's own plotly.js mode is kept: a `--standalone` run is not stale for it.
 */
export function changedInputs(record: RunRecord, shared: SharedHashes, dataDir: string): string[] {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(resolve(projectRoot, record.notebook));
  } catch {
    bytes = undefined;
  }
  const standalone = record.inputs.pages === "standalone";
  const now = currentInputs(bytes ?? Buffer.alloc(0), record.parameters, { ...shared, standalone }, dataDir);
  const changes = inputChanges(record.inputs, now, projectRoot);
  return bytes !== undefined
    ? changes
    : [`${record.notebook} is gone`, ...changes.filter((c) => c !== "notebook changed")];
}

/** A run whose page may be shown: a valid record, named as its file, with its executed notebook. */
interface PageRun {
  readonly name: string;
  readonly record: RunRecord;
  readonly executed: string;
}

function validRuns(outDir: string): PageRun[] {
  const dir = join(outDir, "records");
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const runs: PageRun[] = [];
  for (const f of files.sort()) {
    const name = f.slice(0, -".json".length);
    const record = readRecord(join(dir, f));
    // The name is a file name in three folders: only the record's own, never a path from its contents.
    if (record === undefined || !record.ok || record.name !== name || !/^[^/\\]+$/.test(name) || name === "index")
      continue;
    const executed = join(outDir, "notebooks", `${name}.ipynb`);
    if (existsSync(executed)) runs.push({ name, record, executed });
  }
  return runs;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Writes `text` unless the file already holds exactly these bytes; says whether it wrote. */
function writeIfChanged(file: string, text: string): boolean {
  if (readIfExists(file) === text) return false;
  writeAtomic(file, text);
  return true;
}

function catalogueOf(pkg: DataPackage): ReportSource[] {
  return pkg.sources.map((s) => ({
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    date: s.published !== undefined && s.published !== "" ? formatDate(s.published) : undefined,
  }));
}

/**
 * Builds the reader's pages (out/report/<name>.html, see lib/export/report-page) and their index
 * (out/report/index.html) from the executed notebooks and run records, never leaving one stale:
 * - a page is rebuilt from its executed notebook, record, figure specs and the source catalogue, and written only
 *   when its bytes differ;
 * - a page whose run has no valid record or executed notebook any more is removed;
 * - a parameter run whose recorded inputs (notebook bytes, lib, runner, data folder, data files) no longer match
 *   the current ones is stale: its page and its figure specs (out/figures/specs/<name>/, so the report pack drops
 *   its section) are removed, with one log line naming what changed and the command that rebuilds it.
 * Call it before the report pack is built. With `links: false` the pages carry no links to the analyst's view and
 * the run record (for pages copied out of the folder, as a handout's).
 * @example buildReportPages("out", (m) => console.log(`[report pages] ${m}`)).pages // => ["03-multilateral-embeddedness", ...]
 */
export function buildReportPages(
  outDir: string,
  log: (m: string) => void,
  options: { readonly links?: boolean } = {},
): ReportPagesResult {
  const reportDir = join(outDir, "report");
  const dataDir = resolvedDataDir();
  let shared: SharedHashes | undefined;
  const written: string[] = [];
  const removed: string[] = [];
  const stale: string[] = [];
  const kept: { name: string; entry: ReportIndexEntry }[] = [];
  const remove = (name: string): boolean => {
    const page = join(reportDir, `${name}.html`);
    if (!existsSync(page)) return false;
    rmSync(page, { force: true });
    removed.push(name);
    return true;
  };
  for (const run of validRuns(outDir)) {
    const { name, record } = run;
    shared ??= sharedHashes();
    const changed = changedInputs(record, shared, dataDir);
    // A default run's page stays (it is the folder's page of that notebook) but says it is out of date.
    const outdated =
      changed.length > 0 && Object.keys(record.parameters).length === 0
        ? `Its inputs changed since it was made (${changed.join(", ")}); rebuild it with: ${rebuildCommand(record, outDir)}`
        : undefined;
    if (outdated !== undefined) stale.push(name);
    if (Object.keys(record.parameters).length > 0) {
      if (changed.length > 0) {
        stale.push(name);
        const specs = join(outDir, "figures", "specs", name);
        const hadSpecs = existsSync(specs);
        rmSync(specs, { recursive: true, force: true });
        // its analyst's page goes too (the executed notebook and run record stay: they say what the run was)
        const analyst = join(outDir, "html", `${name}.html`);
        const hadAnalyst = existsSync(analyst);
        rmSync(analyst, { force: true });
        if (remove(name) || hadSpecs || hadAnalyst) {
          log(
            `${name} is stale (${changed.join(", ")}): its report page, analyst's page and figures were removed; rebuild it with: ${rebuildCommand(record, outDir)}`,
          );
        }
        continue;
      }
    }
    try {
      const notebook = JSON.parse(readFileSync(run.executed, "utf8")) as ExecutedNotebook;
      if (!Array.isArray(notebook.cells)) throw new Error("not a notebook: no cells list");
      const recorded = record.inputs.dataDir;
      const pkg = dataPackage(recorded !== undefined && existsSync(recorded) ? recorded : dataDir);
      const parameters = { ...parameterDefaults(notebook), ...record.parameters };
      // The as-of date has its own line ("Data as of …"): the other parameters are listed once each.
      const { asOf: _asOf, ...others } = parameters;
      const phrases = parameterPhrases(others, pkg);
      const asOf = asOfInWords(parameters, pkg);
      const cited = readSpecs(join(outDir, "figures", "specs", name)).flatMap((s) => s.sources);
      const links = [
        ...(existsSync(join(outDir, "html", `${name}.html`))
          ? [{ label: "Analyst's view (with code)", href: `../html/${encodeURIComponent(name)}.html` }]
          : []),
        { label: "Run record", href: `../records/${encodeURIComponent(name)}.json` },
      ];
      const page = reportPage(notebook, {
        fallbackTitle: name,
        parameters: phrases,
        asOf,
        citedSources: cited,
        sourceCatalog: catalogueOf(pkg),
        // pages copied out of the folder (a handout) have no analyst's view or run record beside them
        links: options.links === false ? [] : links,
        // A run made with --standalone gets a page that embeds plotly.js (one file to send), like its HTML page.
        ...(record.inputs.pages === "standalone" ? { plotlyHref: "inline" } : {}),
        ...(Object.keys(record.parameters).length > 0
          ? { runLabel: parameterPhrases(record.parameters, pkg).join("; ") }
          : {}),
        ...(outdated !== undefined ? { stale: outdated } : {}),
      });
      if (writeIfChanged(join(reportDir, `${name}.html`), page.html)) {
        written.push(name);
        if (outdated !== undefined)
          log(
            `${name} is stale (${changed.join(", ")}): its report page says so; rebuild it with: ${rebuildCommand(record, outDir)}`,
          );
      }
      kept.push({
        name,
        entry: {
          file: `${name}.html`,
          title: page.title,
          parameters: phrases,
          asOf,
          ...(outdated ? { stale: true } : {}),
        },
      });
    } catch (e) {
      remove(name);
      log(`${name}: no report page (${(e as Error).message})`);
    }
  }
  // Pages of runs that are gone: no record, an invalid one, no executed notebook.
  const keep = new Set(kept.map((k) => k.name));
  let present: string[] = [];
  try {
    present = readdirSync(reportDir).filter((f) => f.endsWith(".html") && f !== "index.html");
  } catch {
    present = [];
  }
  for (const f of present) {
    const name = f.slice(0, -".html".length);
    if (!keep.has(name) && !removed.includes(name)) {
      rmSync(join(reportDir, f), { force: true });
      removed.push(name);
      log(`removed report/${f}: its notebook has no valid run record or executed notebook any more`);
    }
  }
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); // a notebook's default run before its parameter runs
  writeIfChanged(join(reportDir, "index.html"), reportPagesIndexHtml(kept.map((k) => k.entry)));
  for (const w of written) log(`report/${w}.html written`);
  return { pages: kept.map((k) => k.name), written, removed, stale };
}

/** Where the reader's pages of an output folder are, relative to the checkout (for the summary line). */
export function reportDirOf(outDir: string): string {
  return relative(projectRoot, join(outDir, "report")) || ".";
}
