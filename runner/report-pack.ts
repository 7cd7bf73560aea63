// The post-step of the main job: the report pack (out/figures/) from the registered specs, checked against its stamp.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { RunRecordLink, SectionHeading } from "../lib/export/report-index";
import { dataPackage } from "../lib/data/load";
import { stateName } from "../lib/notebook/names";
import { manifestJson, readManifest } from "../lib/export/export-figures";
import type { Exporter } from "../lib/export/exporter";
import { exportReportPack, MANIFEST, verifyReportPack } from "../lib/export/report-pack";
import { fileSha256, listFiles, sha256, treeSha256 } from "../lib/core/hash";
import { projectRoot } from "./paths";
import { PLOTLY_ASSET } from "../lib/display/plotly-bundle";
import { readRecord, writeAtomic, type RunRecord } from "./record";

/**
 * The title of a notebook: the text of its first Markdown heading ("03 · Multilateral embeddedness"), or
 * `undefined` when the file cannot be read or has no heading.
 */
export function notebookTitle(ipynb: string): string | undefined {
  try {
    const nb = JSON.parse(readFileSync(ipynb, "utf8")) as {
      cells?: { cell_type?: string; source?: string | string[] }[];
    };
    for (const cell of nb.cells ?? []) {
      if (cell.cell_type !== "markdown") continue;
      const text = Array.isArray(cell.source) ? cell.source.join("") : (cell.source ?? "");
      const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text);
      if (heading !== null) return heading[1]!.replace(/[*_`]/g, "").trim();
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The words of the parameters the notebooks declare; any other is written `name: value`. */
const PARAMETER_WORDS: Readonly<Record<string, (value: string) => string>> = {
  focal: (v) => {
    if (v.trim() === "") return "every state";
    const name = stateName(dataPackage(), v.toUpperCase());
    return name.toUpperCase() === v.toUpperCase() ? `focal state ${v}` : `focal state ${name} (${v.toUpperCase()})`;
  },
  asOf: (v) => (v.trim() === "" ? "as of the latest date in the data" : `as of ${v}`),
  scenario: (v) => `scenario “${v}”`,
};

/**
 * A run's parameters in words, in the order the run record lists them ("focal state Kazakhstan (KAZ), as of
 * 2016"), or `undefined` for a run with none.
 * @example parametersInWords({ focal: "KAZ", asOf: 2016 }) // => "focal state Kazakhstan (KAZ), as of 2016"
 */
export function parametersInWords(parameters: Readonly<Record<string, unknown>>): string | undefined {
  const words = Object.entries(parameters).map(([k, v]) => {
    const text = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
    return PARAMETER_WORDS[k]?.(text) ?? `${k}: ${text}`;
  });
  return words.length > 0 ? words.join(", ") : undefined;
}

/**
 * How each notebook run is named on the report pack's pages: the notebook's title (from the executed notebook in
 * out/notebooks/, else from its source) and its parameters in words; a run whose title cannot be read keeps its
 * output name.
 */
export function sectionHeadings(outDir: string): Record<string, SectionHeading> {
  const headings: Record<string, SectionHeading> = {};
  for (const f of listFiles(join(outDir, "records")).filter((x) => x.endsWith(".json"))) {
    const r: RunRecord | undefined = readRecord(join(outDir, "records", f));
    if (!r) continue;
    const title =
      notebookTitle(join(outDir, "notebooks", `${r.name}.ipynb`)) ??
      notebookTitle(join(projectRoot, r.notebook)) ??
      r.name;
    const parameters = parametersInWords(r.parameters);
    headings[r.name] = { title, ...(parameters !== undefined ? { parameters } : {}) };
  }
  return headings;
}

/**
 * Links from the report index to each notebook's run record, with a summary of what produced its figures:
 * short hashes of the notebook, parameters, lib and the data files read (no times, so the index stays stable).
 */
export function runRecordLinks(outDir: string): Record<string, RunRecordLink> {
  const links: Record<string, RunRecordLink> = {};
  for (const f of listFiles(join(outDir, "records")).filter((x) => x.endsWith(".json"))) {
    const r = readRecord(join(outDir, "records", f));
    if (!r) continue;
    const short = (h: string) => h.slice(0, 8);
    const data = Object.entries(r.inputs.data).map(([p, h]) => `${basename(p)} ${short(h)}`);
    const params = Object.keys(r.parameters).length > 0 ? `, parameters ${JSON.stringify(r.parameters)}` : "";
    links[r.name] = {
      path: `../records/${f}`,
      summary: `${r.notebook} ${short(r.inputs.notebook)}${params}; lib ${short(r.inputs.lib)}; data: ${data.join(", ") || "none"}`,
    };
  }
  return links;
}

/** What the post-step did. */
export interface PackResult {
  readonly exported: boolean;
  readonly figures: number;
  readonly tables: number;
  readonly ms: number;
}

/** Options of {@link buildReportPack}. */
export interface BuildReportPackOptions {
  /** A running exporter to use instead of launching Chromium when something must be rendered (tests share one). */
  readonly exporter?: Exporter;
  /** `--standalone`: every figure page embeds plotly.js instead of loading out/assets/plotly.min.js. */
  readonly standalone?: boolean;
}

/**
 * The stamp of the last complete export (out/figures/.specs.sha256): the hash of the specs (and run-record links and
 * section headings)
 * it was made from, and the sha256 of the manifest it wrote, so that a damaged manifest is detected too.
 */
export interface PackStamp {
  readonly specs: string;
  readonly manifest: string;
}

/**
 * Reads the stamp, or `undefined` when it is missing, damaged or in the old one-hash format.
 * @example readPackStamp("out/figures/.specs.sha256") // => { specs: "9f2c…", manifest: "41ab…" }
 */
export function readPackStamp(path: string): PackStamp | undefined {
  try {
    const s = JSON.parse(readFileSync(path, "utf8")) as Partial<PackStamp> | null;
    return s !== null && typeof s === "object" && typeof s.specs === "string" && typeof s.manifest === "string"
      ? { specs: s.specs, manifest: s.manifest }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Exports every figure and table the notebooks registered (out/figures/specs/<notebook>/) into the report pack
 * (out/figures/), through one headless Chromium. Nothing damaged is served: when the specs are byte-identical to
 * those of the last complete export (the stamp), the manifest still has the sha256 the stamp recorded and every file
 * the manifest lists still has its recorded size and sha256, nothing is written and no browser is launched.
 * Otherwise the export runs again, reusing each verified file and rebuilding only what changed, is damaged or is
 * missing, with a log line for each damaged file ("figures/01-x/a.png is damaged: rebuilt"); a manifest that does
 * not match the stamp is not trusted and every figure is rendered again. The stamp is written after the manifest.
 * @example
 * const pack = await buildReportPack("out", (m) => console.log(`[report pack] ${m}`));
 * pack.exported; // => false when the pack was intact and its specs unchanged
 */
export async function buildReportPack(
  outDir: string,
  log: (m: string) => void,
  force = false,
  options: BuildReportPackOptions = {},
): Promise<PackResult> {
  const started = Date.now();
  const specs = join(outDir, "figures", "specs");
  const pack = join(outDir, "figures");
  const stampPath = join(pack, ".specs.sha256");
  const links = runRecordLinks(outDir);
  const headings = sectionHeadings(outDir);
  const plotly = options.standalone === true ? "inline" : `../${PLOTLY_ASSET}`;
  const hash = sha256(treeSha256(specs) + JSON.stringify(links) + JSON.stringify(headings) + plotly);
  const manifestPath = join(pack, MANIFEST);
  const stamp = readPackStamp(stampPath);
  let rebuildAll = force;
  if (!force && stamp !== undefined) {
    const manifestSha = fileSha256(manifestPath);
    if (manifestSha !== stamp.manifest) {
      log(`figures/${MANIFEST} is ${manifestSha === null ? "missing" : "damaged"}: every figure is rendered again`);
      rebuildAll = true;
    } else if (stamp.specs === hash) {
      const manifest = readManifest(manifestPath);
      if (manifest !== undefined && verifyReportPack(pack, manifest).length === 0) {
        return { exported: false, figures: 0, tables: 0, ms: Date.now() - started };
      }
    }
  }
  const result = await exportReportPack(specs, pack, {
    title: "Caspian Lab: report pack",
    sourceCatalog: dataPackage().sources,
    force: rebuildAll,
    plotly,
    log,
    logPrefix: "figures/",
    runRecords: links,
    sections: headings,
    ...(options.exporter !== undefined ? { exporter: options.exporter } : {}),
  });
  const next = JSON.stringify({ specs: hash, manifest: sha256(manifestJson(result)) } satisfies PackStamp) + "\n";
  let current: string | undefined;
  try {
    current = readFileSync(stampPath, "utf8");
  } catch {
    current = undefined;
  }
  if (current !== next) writeAtomic(stampPath, next);
  return { exported: true, figures: result.figures.length, tables: result.tables.length, ms: Date.now() - started };
}
