/**
 * One hand-edited source per notebook: notebooks/*.ipynb. Each committed notebook must be in committed form
 * (no outputs, no execution counts or timings, the layout `npm run notebooks:strip` writes), its generated percent
 * script must give the same notebook back, and the generated scripts must type-check as tslab compiles them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  notebookToPercent,
  outputProblems,
  percentToNotebook,
  serializeNotebook,
  stripNotebook,
  stripNotebookText,
  type Notebook,
} from "../../scripts/notebook-format.mjs";
import { check } from "../../scripts/notebook-sources.mjs";

const ROOT = join(__dirname, "..", "..");
const NOTEBOOKS = join(ROOT, "notebooks");
const files = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();
const FIX = "run `npm run notebooks:strip` and commit the result";

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const al = a.split("\n");
  const bl = b.split("\n");
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i])
      return `line ${i + 1}: ${JSON.stringify(al[i] ?? "<end>")} should be ${JSON.stringify(bl[i] ?? "<end>")}`;
  }
  return "no difference";
}

describe("notebooks/*.ipynb are the only notebook source", () => {
  it("finds the notebooks, and no second copy in notebooks/src/", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(
      existsSync(join(NOTEBOOKS, "src")),
      "notebooks/src/ is gone: edit the .ipynb (npm run notebooks:src generates percent scripts)",
    ).toBe(false);
  });

  describe.each(files)("%s", (file) => {
    const text = readFileSync(join(NOTEBOOKS, file), "utf8");

    it("holds no outputs, execution counts or execution metadata", () => {
      const problems = outputProblems(JSON.parse(text) as Notebook);
      const shown = problems.slice(0, 4).join("; ") + (problems.length > 4 ? ` and ${problems.length - 4} more` : "");
      expect(problems, `notebooks/${file} holds ${shown}: ${FIX}`).toEqual([]);
    });

    it("is byte-for-byte in committed form (strip(nb) === nb)", () => {
      const clean = stripNotebookText(text, `notebooks/${file}`);
      if (clean !== text)
        expect.fail(`notebooks/${file} is not in committed form (${firstDifference(text, clean)}): ${FIX}`);
    });

    it("round-trips through its generated percent script", () => {
      const clean = stripNotebook(JSON.parse(text), `notebooks/${file}`);
      const back = serializeNotebook(percentToNotebook(notebookToPercent(clean)));
      const want = serializeNotebook(clean);
      if (back !== want) {
        expect.fail(
          `notebooks/${file} does not survive ipynb → percent → ipynb (${firstDifference(back, want)}); ` +
            "a code line that starts with `// %%` is read as a cell header",
        );
      }
    });
  });
});

describe("the committed form", () => {
  const dirty = {
    cells: [
      { cell_type: "markdown", id: "intro", metadata: { collapsed: false }, source: "# Title\n\n  indented\n" },
      {
        cell_type: "code",
        execution_count: 7,
        id: "c01",
        metadata: { tags: ["parameters"], execution: { "iopub.status.busy": "2026-01-01" }, scrolled: true },
        outputs: [{ output_type: "stream", name: "stdout", text: ["1\n"] }],
        source: ["\n", "let x = 1;\n", "x\n", "  \n"],
      },
      { cell_type: "code", execution_count: null, id: "c02", metadata: {}, outputs: [], source: [] },
      { cell_type: "raw", id: "r", metadata: {}, source: "raw text" },
    ],
    metadata: { kernelspec: { name: "tslab" }, language_info: { name: "typescript", version: "5.0.4" }, widgets: {} },
    nbformat: 4,
    nbformat_minor: 4,
  };

  it("drops outputs, counts, execution metadata and edge blank lines, keeps ids and tags", () => {
    const nb = stripNotebook(dirty);
    expect(outputProblems(nb)).toEqual([]);
    expect(outputProblems(dirty as Notebook)).toEqual([
      "cell 2: execution_count 7",
      "cell 2: 1 output(s)",
      "cell 2: metadata execution, scrolled",
    ]);
    expect(nb.cells.map((c) => c.id)).toEqual(["intro", "c01", "c02", "r"]);
    expect(nb.cells[1]).toEqual({
      cell_type: "code",
      execution_count: null,
      id: "c01",
      metadata: { tags: ["parameters"] },
      outputs: [],
      source: ["let x = 1;\n", "x"],
    });
    expect(nb.cells[0]?.source).toEqual(["# Title\n", "\n", "  indented"]);
    expect(nb.nbformat_minor).toBe(5);
    const text = serializeNotebook(nb);
    expect(stripNotebookText(text)).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n "cells": [\n  {\n');
  });

  it("round-trips through a percent script, ids and tags in the cell headers", () => {
    const nb = stripNotebook(dirty);
    const percent = notebookToPercent(nb);
    expect(percent).toContain("// %% [markdown] id=intro\n// # Title\n//\n//   indented\n");
    expect(percent).toContain("// %% tags=parameters\nlet x = 1;\n");
    expect(percent).toContain("// %% [raw] id=r\n");
    expect(serializeNotebook(percentToNotebook(percent))).toBe(serializeNotebook(nb));
  });

  it("refuses what it cannot keep", () => {
    const withAttachment = { ...dirty, cells: [{ ...dirty.cells[0], attachments: { "a.png": {} } }] };
    expect(() => stripNotebook(withAttachment, "x")).toThrow(/attachments/);
    expect(() => stripNotebook({ ...dirty, nbformat: 3 }, "x")).toThrow(/nbformat 3/);
    const twice = { ...dirty, cells: [dirty.cells[2], dirty.cells[2]] };
    expect(() => stripNotebook(twice, "x")).toThrow(/duplicate cell id c02/);
  });
});

describe("the notebooks type-check as tslab compiles them", () => {
  it("npm run notebooks:check passes", { timeout: 180_000 }, () => {
    const r = check(files);
    if (r.status !== 0)
      expect.fail(
        `npm run notebooks:check failed (files in .notebook-src/, generated from notebooks/*.ipynb):\n${r.output}`,
      );
  });
});
