/**
 * Notebook 03 with a second focal state: run with `focal = "KAZ"` it must be an analysis of Kazakhstan (its own
 * registered figures, titled for Kazakhstan, Kazakhstan highlighted), not the Azerbaijan run with a new title.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultOptions } from "../../runner/options";
import { runNotebooks } from "../../runner/run";
import type { NotebookResult } from "../../runner/worker";

interface Spec {
  readonly kind: "figure" | "table";
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly figure?: { readonly data: readonly Record<string, unknown>[]; readonly layout: Record<string, unknown> };
}

/** The figure specs a run registered, by id. */
function figureSpecs(dir: string): Map<string, Spec> {
  const out = new Map<string, Spec>();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".table.json"))
    .sort()) {
    const spec = JSON.parse(readFileSync(join(dir, f), "utf8")) as Spec;
    if (spec.kind === "figure") out.set(spec.id, spec);
  }
  return out;
}

describe("notebook 03 run for Kazakhstan", () => {
  // One job per output folder (the CLI's lock): the two runs go to two folders.
  const out = mkdtempSync(join(tmpdir(), "caspian-focal-"));
  const outKaz = mkdtempSync(join(tmpdir(), "caspian-focal-kaz-"));
  const base = { ...defaultOptions(), only: ["03"], outDir: out, quiet: true, force: true, html: false, jobs: 1 };
  let aze: NotebookResult;
  let kaz: NotebookResult;
  let azeSpecs: Map<string, Spec>;
  let kazSpecs: Map<string, Spec>;

  beforeAll(async () => {
    const [a, k] = await Promise.all([
      runNotebooks(base),
      runNotebooks({ ...base, outDir: outKaz, parameters: { focal: "KAZ" } }),
    ]);
    aze = a[0]!;
    kaz = k[0]!;
    // a failed run says why here, rather than as a missing folder below
    for (const r of [aze, kaz]) if (!r.ok) throw new Error(`${r.name} failed: ${JSON.stringify(r.failure)}`);
    azeSpecs = figureSpecs(join(out, "figures", "specs", aze.name));
    kazSpecs = figureSpecs(join(outKaz, "figures", "specs", kaz.name));
  }, 600_000);

  it("executes both runs without error, under their own output names", () => {
    expect(aze.ok, JSON.stringify(aze.failure)).toBe(true);
    expect(kaz.ok, JSON.stringify(kaz.failure)).toBe(true);
    expect(aze.name).toBe("03-multilateral-embeddedness");
    expect(kaz.name).toBe("03-multilateral-embeddedness--focal-KAZ");
    expect(existsSync(join(outKaz, "figures", "specs", kaz.name))).toBe(true);
  });

  it("registers its own figures, every one titled for Kazakhstan and none for Azerbaijan", () => {
    expect(kazSpecs.size).toBeGreaterThanOrEqual(6);
    for (const spec of kazSpecs.values()) {
      expect(spec.title, spec.id).toMatch(/Kazakhstan/);
      expect(spec.title, spec.id).not.toMatch(/Azerbaijan/);
      expect(spec.caption, spec.id).toMatch(/Kazakhstan/);
    }
  });

  it("puts Kazakhstan first and marked in the membership maps", () => {
    const map = kazSpecs.get("memberships-as-of")!;
    // the matrix is drawn as vector cells: the states are the y axis's tick labels, the first row first
    const rows = (map.figure!.layout.yaxis as { ticktext: string[] }).ticktext;
    expect(rows[0]).toBe("Kazakhstan (focal)");
    expect(rows).toContain("Azerbaijan");
  });

  it("differs from the Azerbaijan run in every figure, not only in the titles", () => {
    expect([...kazSpecs.keys()].sort()).toEqual([...azeSpecs.keys()].sort());
    for (const [id, k] of kazSpecs) {
      const a = azeSpecs.get(id)!;
      expect(a.title, id).toMatch(/Azerbaijan/);
      expect(k.title, id).not.toBe(a.title);
      expect(JSON.stringify(k.figure!.data), id).not.toBe(JSON.stringify(a.figure!.data));
    }
  });
});
