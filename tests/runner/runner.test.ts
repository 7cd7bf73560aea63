import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { selectNotebooks } from "../../runner/discover";
import { defaultOptions, parseParameter, UsageError } from "../../runner/options";
import { runNotebooks } from "../../runner/run";
import type { NotebookResult } from "../../runner/worker";
import { cellOutputText, writeNotebook } from "../helpers/notebook";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");
const cli = join(root, "dist", "runner", "cli.js");

describe("parseParameter()", () => {
  it("reads JSON values and falls back to strings", () => {
    expect(parseParameter("year=2024")).toEqual(["year", 2024]);
    expect(parseParameter("focal=KAZ")).toEqual(["focal", "KAZ"]);
    expect(parseParameter('dates=["2015-01-01","2020-01-01"]')).toEqual(["dates", ["2015-01-01", "2020-01-01"]]);
  });
  it("rejects a missing = and a bad name", () => {
    expect(() => parseParameter("year")).toThrow(UsageError);
    expect(() => parseParameter("1year=2")).toThrow(/not an identifier/);
  });
});

describe("selectNotebooks()", () => {
  it("runs a named subset, and names a typo", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-sel-"));
    for (const n of ["01-a", "02-b", "03-c"]) writeNotebook(dir, n, ["1"]);
    expect(selectNotebooks(dir, []).map((f) => f.slice(dir.length + 1))).toEqual([
      "01-a.ipynb",
      "02-b.ipynb",
      "03-c.ipynb",
    ]);
    expect(selectNotebooks(dir, ["02", "03-c"]).map((f) => f.slice(dir.length + 1))).toEqual([
      "02-b.ipynb",
      "03-c.ipynb",
    ]);
    expect(() => selectNotebooks(dir, ["04"])).toThrow(/no notebook .* matches "04"/);
  });
});

describe("the runner on the tslab kernel", () => {
  const dir = mkdtempSync(join(tmpdir(), "caspian-run-"));
  const out = join(dir, "out");
  let results: NotebookResult[];
  let byName: Map<string, NotebookResult>;

  beforeAll(async () => {
    writeNotebook(dir, "ok", [
      { source: 'let year = 2023;\nlet focal = "AZE";', tags: ["parameters"] },
      "console.log(`${focal}:${year + 1}`)",
    ]);
    writeNotebook(dir, "throws", ["const a = 1;", 'throw new Error("boom in cell two")', "console.log('never')"]);
    writeNotebook(dir, "type-error", ["const n: number = 1;", "const s: string = n;"]);
    writeNotebook(dir, "skipped", ["console.log('should not run')"]);
    results = await runNotebooks({
      ...defaultOptions(),
      notebooksDir: dir,
      outDir: out,
      only: ["ok", "throws", "type-error"],
      parameters: { year: 2030, focal: "KAZ" },
      jobs: 2,
      quiet: true,
    });
    byName = new Map(results.map((r) => [basename(r.notebook, ".ipynb"), r]));
  }, 120_000);

  it("injects parameters after the cell tagged parameters", () => {
    const r = byName.get("ok")!;
    expect(r.ok).toBe(true);
    expect(r.name).toBe("ok--focal-KAZ--year-2030"); // a parameterised run has its own outputs
    const nb = JSON.parse(readFileSync(r.executed, "utf8"));
    expect(nb.cells[1].metadata.tags).toEqual(["injected-parameters"]);
    expect(cellOutputText(nb, 2)).toBe("KAZ:2031\n");
    // a parameter declared as a string gets a string even when given as a number (-p focal=2024)
    expect([nb.cells[1].source].flat().join("")).toContain('focal = "KAZ";');
    // and the injected cell prints nothing: a reader never sees the last parameter's value
    expect(nb.cells[1].outputs).toEqual([]);
    expect(existsSync(r.html!)).toBe(true);
  });

  it("fails a notebook whose cell throws, naming cell and error", () => {
    const r = byName.get("throws")!;
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ cell: 2, ename: "Error", evalue: "Error: boom in cell two" });
    // the executed notebook is still written, with the error output, for debugging
    expect(cellOutputText(JSON.parse(readFileSync(r.executed, "utf8")), 1)).toContain("boom in cell two");
  });

  it("fails on a type error", () => {
    const r = byName.get("type-error")!;
    expect(r.ok).toBe(false);
    expect(r.failure?.cell).toBe(2);
    expect(r.failure?.ename).toBe("CompileError");
    expect(r.failure?.evalue).toMatch(/Type 'number' is not assignable to type 'string'/);
  });

  it("runs only the named subset", () => {
    expect([...byName.keys()].sort()).toEqual(["ok", "throws", "type-error"]);
    expect(existsSync(join(out, "notebooks", "skipped.ipynb"))).toBe(false);
  });

  it("the CLI exits non-zero and names the notebook, the cell and the error", async () => {
    const err = await run("node", [cli, "--notebooks", dir, "--out", join(dir, "out-cli"), "-q", "throws"]).catch(
      (e: unknown) => e,
    );
    const e = err as { code: number; stderr: string };
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/throws\.ipynb: cell 2 of 3 failed: Error: Error: boom in cell two/);
  }, 60_000);

  it("rejects a parameter that no selected notebook declares", async () => {
    await expect(
      runNotebooks({
        ...defaultOptions(),
        notebooksDir: dir,
        outDir: join(dir, "out-p"),
        only: ["ok"],
        parameters: { nope: 1 },
        quiet: true,
      }),
    ).rejects.toThrow(/unknown parameter\(s\) nope: .*declared: year, focal/);
  });

  it("reuses unchanged outputs, and re-runs when the notebook, a parameter or an output changed", async () => {
    const opts = {
      ...defaultOptions(),
      notebooksDir: dir,
      outDir: out,
      only: ["ok"],
      parameters: { year: 2030, focal: "KAZ" },
      quiet: true,
    };
    const [again] = await runNotebooks(opts);
    expect(again).toMatchObject({ ok: true, cached: true, reason: "inputs unchanged" });

    const [otherParam] = await runNotebooks({ ...opts, parameters: { year: 2031, focal: "KAZ" } });
    expect(otherParam).toMatchObject({ cached: false, reason: "no run record", name: "ok--focal-KAZ--year-2031" });

    writeFileSync(again!.executed, "{ damaged"); // a half-written or edited output is never served
    const [repaired] = await runNotebooks(opts);
    expect(repaired!.cached).toBe(false);
    expect(repaired!.reason).toMatch(/^output .*ok--focal-KAZ--year-2030\.ipynb is missing or damaged$/);

    writeNotebook(dir, "ok", [
      { source: 'let year = 2023;\nlet focal = "AZE";', tags: ["parameters"] },
      "console.log(`${focal}/${year}`)",
    ]);
    const [edited] = await runNotebooks(opts);
    expect(edited).toMatchObject({ cached: false, reason: "notebook changed", ok: true });
    const record = JSON.parse(readFileSync(edited!.record, "utf8"));
    expect(record.inputs.parameters).toMatch(/^[0-9a-f]{64}$/);
    expect(record.versions).toMatchObject({ tslab: "1.0.22", nbclient: "0.7.2" });
    expect(record.cells.map((c: { cell: number }) => c.cell)).toEqual([1, 2, 3]);
    // where the run's time went (bench/run-notebooks sums these)
    for (const phase of [
      "imports",
      "kernel_start",
      "cells",
      "kernel_stop",
      "write_ipynb",
      "html",
      "outputs",
      "compile",
    ])
      expect(record.phases[phase], phase).toBeGreaterThanOrEqual(0);
    expect(record.phases.cellsCompiled + record.phases.cellsCached).toBe(3);
  }, 120_000);

  it("pages load the output folder's one plotly.js; --standalone embeds it and re-runs", async () => {
    const lib = JSON.stringify(join(root, "dist", "lib"));
    writeNotebook(dir, "chart", [
      `import * as cl from ${lib};\ncl.show({ data: [{ type: "bar", x: ["a"], y: [1] }], layout: { title: { text: "t" } } });`,
    ]);
    const opts = {
      ...defaultOptions(),
      notebooksDir: dir,
      outDir: join(dir, "out-chart"),
      only: ["chart"],
      quiet: true,
    };
    const [shared] = await runNotebooks(opts);
    expect(shared!.ok).toBe(true);
    const page = readFileSync(shared!.html!, "utf8");
    expect(page).toContain('<script src="../assets/plotly.min.js"></script>');
    expect(page.length).toBeLessThan(1_500_000);
    // the executed notebook carries no plotly.js either
    expect(readFileSync(shared!.executed, "utf8")).not.toContain("__caspianDefine");
    const [standalone] = await runNotebooks({ ...opts, standalone: true });
    expect(standalone).toMatchObject({ ok: true, cached: false, reason: "--standalone pages asked for" });
    const big = readFileSync(standalone!.html!, "utf8");
    expect(big).not.toContain("assets/plotly.min.js");
    expect(big.length).toBeGreaterThan(4_000_000);
    const [back] = await runNotebooks(opts);
    expect(back).toMatchObject({ cached: false, reason: "pages now share out/assets/plotly.min.js" });
    const [again] = await runNotebooks(opts);
    expect(again!.cached).toBe(true);
  }, 180_000);
});
