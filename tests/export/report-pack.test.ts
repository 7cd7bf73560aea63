/** The registry of notebooks and the report pack, through one Chromium launched for this file. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  exportReportPack,
  FIGURES_DIR_ENV,
  launchExporter,
  readSpecs,
  registerFigure,
  registerTable,
  type Exporter,
} from "../../lib/export";
import { sha256 } from "../../lib/core/hash";
import { comparisonBarsFigure, timeSeriesFigure } from "../../lib/figures";
import { catalog, comparison, ports, S, titr, XSS } from "../figures/fixtures";
import { pdfPageCount, pngInfo } from "./png";

let exporter: Exporter;
let dir: string;
const saved = process.env[FIGURES_DIR_ENV];

beforeAll(async () => {
  exporter = await launchExporter();
  dir = mkdtempSync(join(tmpdir(), "caspian-pack-"));
});
afterAll(async () => {
  await exporter?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  if (saved === undefined) delete process.env[FIGURES_DIR_ENV];
  else process.env[FIGURES_DIR_ENV] = saved;
});

function register(specs: string): void {
  process.env[FIGURES_DIR_ENV] = join(specs, "01-corridor");
  registerFigure({
    id: "titr-cargo",
    caption: "Whole-route cargo against the Caspian ports' count.",
    figure: timeSeriesFigure([titr, ports], { title: "TITR cargo", sourceCatalog: catalog }),
  });
  registerTable({
    id: "trade",
    title: "Trade with Central Asia",
    table: {
      columns: [
        { key: "p", label: "Partner" },
        { key: "v", label: "Turnover", unit: "USD" },
      ],
      rows: [
        { p: '=HYPERLINK("http://x")', v: 1 },
        { p: XSS, v: 2 },
      ],
      sources: S("ady-2024"),
    },
    sourceCatalog: catalog,
  });
  process.env[FIGURES_DIR_ENV] = join(specs, "02-memberships");
  registerFigure({
    id: "xss",
    caption: `Caption ${XSS}`,
    figure: comparisonBarsFigure(comparison, { title: `Title ${XSS}`, sourceCatalog: catalog }),
  });
}

describe("registerFigure()", () => {
  test("writes nothing outside the main job", () => {
    delete process.env[FIGURES_DIR_ENV];
    expect(registerFigure({ id: "x", caption: "", figure: timeSeriesFigure(titr, { title: "t" }) })).toBeUndefined();
  });

  test("writes a JSON spec atomically into CASPIAN_FIGURES_DIR, with the figure's sources", () => {
    const specs = join(dir, "specs-a");
    register(specs);
    const files = readdirSync(join(specs, "01-corridor")).sort();
    expect(files).toEqual(["titr-cargo.json", "trade.table.json"]);
    const read = readSpecs(specs);
    expect(read.map((s) => `${s.section}/${s.id}:${s.kind}`)).toEqual([
      "01-corridor/titr-cargo:figure",
      "01-corridor/trade:table",
      "02-memberships/xss:figure",
    ]);
    expect(read[0]!.sources).toEqual(["reportaz-titr", "ktz-2025", "ady-2024"]);
    expect(read[0]!.sourcesText).toBe(
      "Sources: Report.az (2026-03-02); Kazakhstan Temir Zholy (2025-01); Azerbaijan Railways (2024-12-20)",
    );
    expect(() => registerFigure({ id: "Bad Id", caption: "", figure: timeSeriesFigure(titr, { title: "t" }) })).toThrow(
      /figure id/,
    );
  });
});

describe("exportReportPack()", () => {
  test("exports every registered figure and table, a combined PDF, index.html and the manifest", async () => {
    const specs = join(dir, "specs-b");
    const out = join(dir, "out-b");
    register(specs);
    writeFileSync(join(specs, "stray.json"), "{}");
    const skipped: string[] = [];
    const m = await exportReportPack(specs, out, { exporter, log: (s) => skipped.push(s) });
    expect(skipped.some((s) => s.startsWith("skipped stray.json"))).toBe(true);
    expect(m.figures.map((f) => `${f.section}/${f.id}`)).toEqual(["01-corridor/titr-cargo", "02-memberships/xss"]);
    for (const f of m.figures) {
      expect(f.files.map((x) => x.path)).toEqual(["png", "svg", "pdf", "html"].map((e) => `${f.section}/${f.id}.${e}`));
      for (const x of f.files) expect(sha256(readFileSync(join(out, x.path)))).toBe(x.sha256);
    }
    expect(pngInfo(readFileSync(join(out, "01-corridor/titr-cargo.png")))).toMatchObject({ width: 1800, height: 1000 });
    expect(pdfPageCount(readFileSync(join(out, "figures.pdf")))).toBe(2);
    // tables: CSV neutralised, Markdown escaped, both with sources
    const csv = readFileSync(join(out, "01-corridor/trade.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.trimEnd().split("\r\n").at(-1)).toBe("Source: Azerbaijan Railways (2024-12-20)");
    const md = readFileSync(join(out, "01-corridor/trade.md"), "utf8");
    expect(md).not.toContain(XSS);
    // index.html: every figure with caption and sources; labels escaped; no scripts
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('<img class="chart" src="01-corridor/titr-cargo.png"');
    expect(index).toContain("Whole-route cargo against the Caspian ports&#39; count.");
    expect(index).toContain("Sources: Report.az (2026-03-02)");
    expect(index).toContain("Title &lt;img src=x onerror=alert(1)&gt;");
    expect(index).not.toContain(XSS);
    expect(index).not.toMatch(/<script/i);
    const html = readFileSync(join(out, "02-memberships/xss.html"), "utf8");
    expect(html).not.toContain(XSS);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["figures.pdf", "index.html"]);
    expect(manifest.tables[0].files.map((f: { path: string }) => f.path)).toEqual([
      "01-corridor/trade.csv",
      "01-corridor/trade.md",
    ]);
    expect(JSON.stringify(manifest)).not.toMatch(/20\d\d-\d\d-\d\dT/); // no timestamps
  });

  test("same specs give byte-identical packs; unchanged figures are reused; removed figures are cleaned up", async () => {
    const specs = join(dir, "specs-c");
    register(specs);
    const m1 = await exportReportPack(specs, join(dir, "out-c1"), { exporter });
    const m2 = await exportReportPack(specs, join(dir, "out-c2"), { exporter });
    const hashes = (root: string) =>
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort()
        .map((p) => `${p.slice(root.length)} ${sha256(readFileSync(p))}`);
    expect(hashes(join(dir, "out-c2"))).toEqual(hashes(join(dir, "out-c1")));
    expect(m2.run).toBe(m1.run);

    const png = join(dir, "out-c1", "01-corridor", "titr-cargo.png");
    const before = statSync(png).mtimeMs;
    rmSync(join(specs, "02-memberships"), { recursive: true });
    const m3 = await exportReportPack(specs, join(dir, "out-c1"), { exporter });
    expect(statSync(png).mtimeMs).toBe(before);
    expect(m3.figures).toHaveLength(1);
    expect(existsSync(join(dir, "out-c1", "02-memberships", "xss.png"))).toBe(false);
    expect(readFileSync(join(dir, "out-c1", "index.html"), "utf8")).not.toContain("xss.png");
  });
});
