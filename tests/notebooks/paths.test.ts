/**
 * Every repository path a reader is pointed to exists: the `lib/…`, `data/…`, `docs/…` and `notebooks/…` paths named
 * in the notebooks' Markdown cells, and those named in the string literals of lib/notebook/*.ts (the text the
 * notebooks print). A path may name a file or a folder; in lib/notebook's own code a module may be named without
 * its `.ts`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const NOTEBOOKS = join(ROOT, "notebooks");
const LIB_NOTEBOOK = join(ROOT, "lib", "notebook");

/** Paths such as `lib/indicators/balance/README.md` or `data/trade.csv` in a text (not `../data/load`, not a URL). */
function namedPaths(text: string): string[] {
  const found = text.match(/(?<![\w./:-])(?:lib|data|docs|notebooks)\/(?:[\w.@/-]*[\w/])?/g) ?? [];
  return [...new Set(found.map((p) => p.replace(/\/$/, "")))];
}

describe("namedPaths()", () => {
  it("finds repository paths and nothing else", () => {
    expect(
      namedPaths(
        "See `lib/balance/README.md`: the rows of data/trade.csv, the folder `data/`; not ../data/load, https://x.org/data/y or mylib/z.",
      ),
    ).toEqual(["lib/balance/README.md", "data/trade.csv", "data"]);
  });
});

const notebookFiles = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

describe("the paths the notebooks' Markdown names exist", () => {
  it("finds the notebooks", () => expect(notebookFiles.length).toBeGreaterThan(0));
  for (const file of notebookFiles) {
    it(file, () => {
      const nb = JSON.parse(readFileSync(join(NOTEBOOKS, file), "utf8")) as {
        cells: { cell_type: string; source: string | string[] }[];
      };
      const missing = nb.cells
        .filter((c) => c.cell_type === "markdown")
        .flatMap((c) => namedPaths(Array.isArray(c.source) ? c.source.join("") : c.source))
        .filter((p) => !existsSync(join(ROOT, p)));
      expect(missing).toEqual([]);
    });
  }
});

describe("the paths lib/notebook's strings name exist", () => {
  const modules = readdirSync(LIB_NOTEBOOK)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  for (const file of modules) {
    it(file, () => {
      const code = readFileSync(join(LIB_NOTEBOOK, file), "utf8")
        .split("\n")
        .filter((line) => !/^\s*(import|export .* from )/.test(line))
        .join("\n");
      const missing = namedPaths(code).filter((p) => !existsSync(join(ROOT, p)) && !existsSync(join(ROOT, `${p}.ts`)));
      expect(missing).toEqual([]);
    });
  }
});
