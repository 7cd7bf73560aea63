/**
 * Notebook 01 (the claims register) executed through the runner: the table it registers for the report pack must
 * hold every row of data/claims.csv, once, with one of the four verdicts, and the verdict counts it registers must
 * add up to the number of claims. claims.csv is read here with papaparse, not through lib/, so a claim the loader
 * dropped would be caught.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultOptions } from "../../runner/options";
import { runNotebooks } from "../../runner/run";
import type { NotebookResult } from "../../runner/worker";

const root = join(__dirname, "..", "..");
const VERDICTS = ["supported", "partly_supported", "not_supported", "not_checkable"];

interface TableSpecFile {
  readonly kind: string;
  readonly id: string;
  readonly table: {
    readonly columns: readonly { key: string }[];
    readonly rows: readonly Record<string, unknown>[];
    readonly sources: readonly string[];
  };
}

function readSpec(dir: string, id: string): TableSpecFile {
  const file = join(dir, `${id}.table.json`);
  expect(existsSync(file), `${file} was not registered`).toBe(true);
  return JSON.parse(readFileSync(file, "utf8")) as TableSpecFile;
}

describe("notebook 01: the claims register", () => {
  const out = mkdtempSync(join(tmpdir(), "caspian-claims-"));
  const specs = join(out, "figures", "specs", "01-claims");
  const csv = Papa.parse<Record<string, string>>(readFileSync(join(root, "data", "claims.csv"), "utf8"), {
    header: true,
    skipEmptyLines: true,
  });
  const claimIds = csv.data.map((r) => r.id!);
  let result: NotebookResult;

  beforeAll(async () => {
    [result] = (await runNotebooks({ ...defaultOptions(), outDir: out, only: ["01"], html: false, quiet: true })) as [
      NotebookResult,
    ];
  }, 300_000);

  it("executes without error", () => {
    expect(result.failure, result.failure ? `cell ${result.failure.cell}: ${result.failure.evalue}` : "").toBeNull();
    expect(result.ok).toBe(true);
  });

  it("registers a row with a verdict for every claim of data/claims.csv", () => {
    expect(claimIds.length).toBeGreaterThan(0);
    const spec = readSpec(specs, "claims-register");
    expect(spec.kind).toBe("table");
    const keys = spec.table.columns.map((c) => c.key);
    for (const k of ["id", "claim", "verdict", "evidence", "source_ids", "caveat"]) expect(keys).toContain(k);
    const rowIds = spec.table.rows.map((r) => r.id);
    expect([...rowIds].sort()).toEqual([...claimIds].sort());
    expect(new Set(rowIds).size).toBe(rowIds.length);
    for (const r of spec.table.rows) expect(VERDICTS, `claim ${String(r.id)}`).toContain(r.verdict);
  });

  it("keeps the claims' words and sources", () => {
    const spec = readSpec(specs, "claims-register");
    const byId = new Map(spec.table.rows.map((r) => [r.id, r]));
    for (const c of csv.data) {
      const row = byId.get(c.id)!;
      expect(String(row.claim)).toContain(c.claim!);
      if (row.verdict === "supported")
        expect(String(row.source_ids), `supported claim ${c.id} without sources`).not.toBe("");
    }
    const rowSources = new Set(spec.table.rows.flatMap((r) => String(r.source_ids).split("; ").filter(Boolean)));
    expect(new Set(spec.table.sources)).toEqual(rowSources);
  });

  it("registers verdict counts that add up to the number of claims", () => {
    const spec = readSpec(specs, "claims-summary");
    const total = spec.table.rows.reduce((s, r) => s + Number(r.count), 0);
    expect(total).toBe(claimIds.length);
    expect(spec.table.rows).toHaveLength(VERDICTS.length);
    expect(existsSync(join(specs, "claims-verdicts.json"))).toBe(true);
  });
});
