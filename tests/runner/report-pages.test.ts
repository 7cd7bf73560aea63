/**
 * The reader's pages post-step on a temporary out/ folder with hand-built records and executed notebooks: a default
 * run's page is kept, a stale parameter run loses its page and figure specs with one line naming what changed and
 * the command that rebuilds it, pages without a valid record go, the index lists the pages, nothing is rewritten
 * when nothing changed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataPackage } from "../../lib/data/load";
import { currentInputs, sharedHashes } from "../../runner/cache";
import { projectRoot, resolvedDataDir } from "../../runner/paths";
import type { RunRecord } from "../../runner/record";
import {
  asOfInWords,
  buildReportPages,
  parameterDefaults,
  parameterPhrases,
  rebuildCommand,
} from "../../runner/report-pages";

const PARAMS_CELL = 'let focal = "AZE";\nlet asOf: string | number = ""; // a comment\nlet scenario = "default";';

function executed(title: string, prose: string): object {
  return {
    cells: [
      { cell_type: "markdown", source: `# ${title}\n\n${prose}` },
      { cell_type: "code", metadata: { tags: ["parameters"] }, source: PARAMS_CELL, outputs: [] },
      {
        cell_type: "code",
        source: "const hiddenCode = 1;",
        outputs: [{ output_type: "display_data", data: { "text/markdown": "## Findings\n\nCargo rose." } }],
      },
    ],
  };
}

let dir: string;
let out: string;
let nbFile: string;
let dataFile: string;
const logs: string[] = [];

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A record whose inputs are the current ones, but for `over`. */
function record(name: string, parameters: Record<string, unknown>, over: Partial<RunRecord["inputs"]> = {}): RunRecord {
  const bytes = readFileSync(nbFile);
  const inputs = currentInputs(bytes, parameters, sharedHashes(), resolvedDataDir());
  return {
    recordVersion: 1,
    notebook: relative(projectRoot, nbFile),
    name,
    ok: true,
    startedAt: "2026-01-01T00:00:00.000Z",
    endedAt: "2026-01-01T00:00:01.000Z",
    ms: 1000,
    parameters,
    inputs: {
      ...inputs,
      data: { [relative(projectRoot, dataFile)]: "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9" },
      ...over,
    },
    versions: {},
    cells: [],
    outputs: [],
    figures: [],
    tables: [],
  };
}

function addRun(name: string, rec: RunRecord, title: string, prose = "Prose."): void {
  write(join(out, "records", `${name}.json`), JSON.stringify(rec));
  write(join(out, "notebooks", `${name}.ipynb`), JSON.stringify(executed(title, prose)));
}

function spec(name: string, id: string, sources: string[]): void {
  write(
    join(out, "figures", "specs", name, `${id}.json`),
    JSON.stringify({ version: 1, kind: "figure", id, title: id, caption: "", sources, sourcesText: "", figure: {} }),
  );
}

const pkg = dataPackage();
const knownSource = pkg.sources.find((s) => s.published === "2018-05-14")!;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "caspian-report-pages-"));
  out = join(dir, "out");
  nbFile = join(dir, "notebooks", "03-x.ipynb");
  dataFile = join(dir, "data.csv");
  write(nbFile, '{"cells": []}');
  write(dataFile, "0"); // sha256("0") = 5feceb66…, the hash the records carry
  // a default run: kept whatever its inputs, marked out of date when they changed
  addRun("03-x", record("03-x", {}, { lib: "old" }), "03 · X", `Cites ${knownSource.id}.`);
  spec("03-x", "chart", []);
  // a parameter run whose inputs are current: kept
  addRun("03-x--focal-KAZ", record("03-x--focal-KAZ", { focal: "KAZ", asOf: 2016 }), "03 · X");
  // a parameter run built by another lib: stale
  addRun("03-x--focal-GEO", record("03-x--focal-GEO", { focal: "GEO" }, { lib: "old" }), "03 · X");
  spec("03-x--focal-GEO", "chart", []);
  write(join(out, "report", "03-x--focal-GEO.html"), "old page");
  write(join(out, "html", "03-x--focal-GEO.html"), "old analyst page");
  // pages whose run is gone or whose record is not valid
  write(join(out, "report", "01-gone.html"), "old page");
  write(join(out, "records", "02-bad.json"), "{ not json");
  write(join(out, "notebooks", "02-bad.ipynb"), JSON.stringify(executed("02", "")));
  write(join(out, "report", "02-bad.html"), "old page");
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("buildReportPages()", () => {
  let result: ReturnType<typeof buildReportPages>;
  beforeAll(() => {
    result = buildReportPages(out, (m) => logs.push(m));
  });

  it("keeps the default run and the current parameter run, removes the rest", () => {
    expect(result.pages).toEqual(["03-x", "03-x--focal-KAZ"]);
    expect([...result.stale].sort()).toEqual(["03-x", "03-x--focal-GEO"]);
    // the default run's page stays, and says it is out of date and how to rebuild it
    const def = readFileSync(join(out, "report", "03-x.html"), "utf8");
    expect(def).toContain(
      `<p class="stale" role="note"><strong>Out of date.</strong> Its inputs changed since it was made (lib/ changed); rebuild it with: npm start -- 03-x --notebooks ${join(dir, "notebooks")} --out ${out}</p>`,
    );
    expect(readFileSync(join(out, "report", "03-x--focal-KAZ.html"), "utf8")).not.toContain('class="stale"');
    expect(readFileSync(join(out, "report", "index.html"), "utf8")).toMatch(/03-x\.html[^\n]*\(out of date\)/);
    expect([...result.removed].sort()).toEqual(["01-gone", "02-bad", "03-x--focal-GEO"]);
    for (const gone of ["01-gone", "02-bad", "03-x--focal-GEO"])
      expect(existsSync(join(out, "report", `${gone}.html`))).toBe(false);
    expect(existsSync(join(out, "figures", "specs", "03-x--focal-GEO"))).toBe(false);
    expect(existsSync(join(out, "html", "03-x--focal-GEO.html"))).toBe(false);
    expect(existsSync(join(out, "figures", "specs", "03-x", "chart.json"))).toBe(true);
  });

  it("logs one line for the stale run: what changed and the exact command that rebuilds it", () => {
    const stale = logs.filter((l) => l.includes(" is stale "));
    expect(stale.sort()).toEqual([
      `03-x is stale (lib/ changed): its report page says so; rebuild it with: npm start -- 03-x --notebooks ${join(dir, "notebooks")} --out ${out}`,
      `03-x--focal-GEO is stale (lib/ changed): its report page, analyst's page and figures were removed; rebuild it with: npm start -- 03-x --param focal=GEO --notebooks ${join(dir, "notebooks")} --out ${out}`,
    ]);
  });

  it("writes the pages: no code, the parameters and as-of date in words, sources from the text", () => {
    const kaz = readFileSync(join(out, "report", "03-x--focal-KAZ.html"), "utf8");
    expect(kaz).not.toContain("hiddenCode");
    expect(kaz).toContain('<h1 id="top">03 · X</h1>');
    expect(kaz).toContain('<p class="parameters">Focal state: Kazakhstan (KAZ); scenario: default.</p>');
    expect(kaz).toContain('<p class="as-of">Data as of 31 December 2016 (the asOf parameter).</p>');
    expect(kaz).toContain('<a href="#findings">Findings</a>');
    const def = readFileSync(join(out, "report", "03-x.html"), "utf8");
    expect(def).toContain('<p class="parameters">Focal state: Azerbaijan (AZE); scenario: default.</p>');
    expect(def).toContain(`, 14 May 2018 <span class="source-id">[${knownSource.id}]</span>`);
    expect(def).toContain('<a href="../records/03-x.json">Run record</a>');
  });

  it("lists every page in the index, linked, with parameters and as-of date", () => {
    const index = readFileSync(join(out, "report", "index.html"), "utf8");
    const rows = [...index.matchAll(/<tr><td><a href="([^"]*)">/g)].map((m) => m[1]);
    expect(rows).toEqual(["03-x.html", "03-x--focal-KAZ.html"]);
    expect(index).toContain(
      "<td>Focal state: Kazakhstan (KAZ); scenario: default</td><td>31 December 2016 (the asOf parameter)</td>",
    );
  });

  it("writes nothing and logs nothing stale when nothing changed; rebuilds a page whose notebook changed", () => {
    const page = join(out, "report", "03-x.html");
    const before = statSync(page).mtimeMs;
    const again: string[] = [];
    const second = buildReportPages(out, (m) => again.push(m));
    expect(second.written).toEqual([]);
    expect(second.removed).toEqual([]);
    expect(again).toEqual([]);
    expect(statSync(page).mtimeMs).toBe(before);
    write(join(out, "notebooks", "03-x.ipynb"), JSON.stringify(executed("03 · X", "New prose.")));
    const third = buildReportPages(out, () => {});
    expect(third.written).toEqual(["03-x"]);
    expect(readFileSync(page, "utf8")).toContain("<p>New prose.</p>");
  });

  it("a changed data file makes the parameter run stale, named in the log", () => {
    writeFileSync(dataFile, "1");
    const lines: string[] = [];
    const r = buildReportPages(out, (m) => lines.push(m));
    expect([...r.stale].sort()).toEqual(["03-x", "03-x--focal-GEO", "03-x--focal-KAZ"]);
    expect(r.pages).toEqual(["03-x"]);
    expect(lines.sort()).toEqual([
      `03-x is stale (lib/ changed, ${relative(projectRoot, dataFile)} changed): its report page says so; rebuild it with: npm start -- 03-x --notebooks ${join(dir, "notebooks")} --out ${out}`,
      `03-x--focal-KAZ is stale (${relative(projectRoot, dataFile)} changed): its report page, analyst's page and figures were removed; rebuild it with: npm start -- 03-x --param asOf=2016 --param focal=KAZ --notebooks ${join(dir, "notebooks")} --out ${out}`,
      "report/03-x.html written",
    ]);
    writeFileSync(dataFile, "0");
  });
});

describe("parameters in words", () => {
  it("reads defaults from the parameters cell and says each in words", () => {
    const defaults = parameterDefaults(executed("t", "") as never);
    expect(defaults).toEqual({ focal: "AZE", asOf: "", scenario: "default" });
    expect(parameterPhrases({ ...defaults, focal: "", fromYear: 2019 }, pkg)).toEqual([
      "focal state: none (every state)",
      "as of the latest date in the data",
      "scenario: default",
      "from year: 2019",
    ]);
    expect(parameterPhrases({ asOf: "2024-11" }, pkg)).toEqual(["as of 30 November 2024"]);
    expect(asOfInWords({ asOf: "2016" }, pkg)).toBe("31 December 2016 (the asOf parameter)");
    expect(asOfInWords({}, pkg)).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} \(the latest date in the data\)$/);
  });

  it("the rebuild command gives each parameter back as --param reads it", () => {
    const base = { notebook: "notebooks/03-multilateral-embeddedness.ipynb" };
    expect(rebuildCommand({ ...base, parameters: { focal: "KAZ" } }, join(projectRoot, "out"))).toBe(
      "npm start -- 03-multilateral-embeddedness --param focal=KAZ",
    );
    expect(rebuildCommand({ ...base, parameters: { asOf: "2016", focal: "A B" } }, join(projectRoot, "out"))).toBe(
      `npm start -- 03-multilateral-embeddedness --param 'asOf="2016"' --param 'focal=A B'`,
    );
  });
});
