/**
 * The library's shape, kept by a test: dependencies point one way (core → data → indicators → figures → display →
 * export → notebook → the public entry), no module takes part in an import cycle, lib never imports the runner,
 * tests or benches, and importing the library has no side effect (no renderer installed, no browser started).
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../lib/core/hash";

const root = join(__dirname, "..", "..");
const libDir = join(root, "lib");

/** Layers from the bottom; a module may import its own layer or a lower one. */
const LAYERS = ["core", "data", "indicators", "figures", "display", "export", "notebook"] as const;

function layerOf(file: string): number {
  const rel = relative(libDir, file);
  if (rel === "index.ts") return LAYERS.length; // the public entry sits on top
  const top = rel.split("/")[0]!;
  const i = (LAYERS as readonly string[]).indexOf(top);
  if (i < 0) throw new Error(`lib/${rel} is outside the layers (${LAYERS.join(", ")}): put it in one of them`);
  return i;
}

/** Relative imports of a TypeScript file (import, export … from, import(), require()), resolved to files. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith("."))
    .map((s) => {
      const base = resolve(dirname(file), s);
      for (const cand of [`${base}.ts`, join(base, "index.ts"), base]) {
        try {
          readFileSync(cand);
          return cand;
        } catch {
          /* next */
        }
      }
      return base;
    });
}

const libFiles = listFiles(libDir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(libDir, f));
const graph = new Map(libFiles.map((f) => [f, importsOf(f)]));

describe("import direction", () => {
  it("every module of lib imports only its own layer or a lower one", () => {
    const upward: string[] = [];
    for (const [file, deps] of graph) {
      for (const d of deps) {
        if (!d.startsWith(libDir + "/")) {
          upward.push(`lib/${relative(libDir, file)} imports ${relative(root, d)} (outside lib/)`);
          continue;
        }
        if (layerOf(d) > layerOf(file))
          upward.push(
            `lib/${relative(libDir, file)} (${LAYERS[layerOf(file)] ?? "entry"}) imports lib/${relative(libDir, d)} (${LAYERS[layerOf(d)] ?? "entry"})`,
          );
      }
    }
    expect(upward).toEqual([]);
  });

  it("no module of lib takes part in an import cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string): void => {
      state.set(f, "open");
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === "open")
          cycles.push([...stack.slice(stack.indexOf(d)), d].map((x) => relative(libDir, x)).join(" → "));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it("the test itself catches an upward import and a cycle", () => {
    expect(layerOf(join(libDir, "core", "x.ts"))).toBeLessThan(layerOf(join(libDir, "figures", "x.ts")));
    expect(() => layerOf(join(libDir, "misc", "x.ts"))).toThrow(/outside the layers/);
  });

  it("importing the library installs nothing (the static renderer is wired explicitly)", async () => {
    const fallback = await import("../../lib/display/static-fallback");
    await import("../../lib/index");
    expect(fallback.staticImageRenderer()).toBeUndefined();
  });
});
