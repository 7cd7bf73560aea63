import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dataPackage } from "../lib/data/load";
import { exportReportPack } from "../lib/export/report-pack";
import { treeSha256 } from "./hash";
import { writeAtomic } from "./record";

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
  const hash = treeSha256(specs);
  const manifest = join(pack, "manifest.json");
  if (!force && existsSync(manifest) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash) {
    return { exported: false, figures: 0, tables: 0, ms: Date.now() - started };
  }
  const result = await exportReportPack(specs, pack, {
    title: "Caspian Lab: report pack",
    sourceCatalog: dataPackage().sources,
    force,
    log,
  });
  writeAtomic(stamp, hash + "\n");
  return { exported: true, figures: result.figures.length, tables: result.tables.length, ms: Date.now() - started };
}
