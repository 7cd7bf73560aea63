import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { RunRecordLink } from "../lib/export/html-pages";
import { dataPackage } from "../lib/data/load";
import { exportReportPack } from "../lib/export/report-pack";
import { listFiles, sha256, treeSha256 } from "./hash";
import { readRecord, writeAtomic } from "./record";

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

/**
 * Exports every figure and table the notebooks registered (out/figures/specs/<notebook>/) into the report pack
 * (out/figures/), through one headless Chromium. When the specs are byte-identical to those of the last complete
 * export, nothing is launched: a stamp with the hash of the specs folder is written after the manifest.
 */
export async function buildReportPack(outDir: string, log: (m: string) => void, force = false): Promise<PackResult> {
  const started = Date.now();
  const specs = join(outDir, "figures", "specs");
  const pack = join(outDir, "figures");
  const stamp = join(pack, ".specs.sha256");
  const links = runRecordLinks(outDir);
  const hash = sha256(treeSha256(specs) + JSON.stringify(links));
  const manifest = join(pack, "manifest.json");
  if (!force && existsSync(manifest) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash) {
    return { exported: false, figures: 0, tables: 0, ms: Date.now() - started };
  }
  const result = await exportReportPack(specs, pack, {
    title: "Caspian Lab: report pack",
    sourceCatalog: dataPackage().sources,
    force,
    log,
    runRecords: links,
  });
  writeAtomic(stamp, hash + "\n");
  return { exported: true, figures: result.figures.length, tables: result.tables.length, ms: Date.now() - started };
}
