/** The registry of notebooks and the report pack, through one Chromium launched for this file. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
    mkdirSync(join(dir, "records"), { recursive: true });
    writeFileSync(join(dir, "records", "01-corridor.json"), "{}\n");
    const m = await exportReportPack(specs, out, {
      exporter,
      log: (s) => skipped.push(s),
      runRecords: { "01-corridor": { path: "../records/01-corridor.json", summary: "01-corridor 1a2b3c4d" } },
      sections: { "01-corridor": { title: "01 · The corridor", parameters: `focal state ${XSS}` } },
    });
    expect(skipped.some((s) => s.startsWith("skipped stray.json"))).toBe(true);
    expect(m.figures.map((f) => `${f.section}/${f.id}`)).toEqual(["01-corridor/titr-cargo", "02-memberships/xss"]);
    for (const f of m.figures) {
      expect(f.files.map((x) => x.path)).toEqual(
        ["png", "svg", "pdf", "html", "csv"].map((e) => `${f.section}/${f.id}.${e}`),
      );
      for (const x of f.files) expect(sha256(readFileSync(join(out, x.path)))).toBe(x.sha256);
    }
    // the data of each figure: one row per point drawn, the sources line last
    const data = readFileSync(join(out, "01-corridor/titr-cargo.csv"), "utf8").split("\r\n");
    expect(data[0]).toBe("trace,x: Year,y: Cargo (million t),text");
    expect(data.filter((r) => r.startsWith("TITR cargo [whole route],2019,1.8,"))).toHaveLength(1); // 1.8 million t
    expect(data.at(-2)).toBe(
      "Sources: Report.az (2026-03-02); Kazakhstan Temir Zholy (2025-01); Azerbaijan Railways (2024-12-20)",
    );
    expect(pngInfo(readFileSync(join(out, "01-corridor/titr-cargo.png")))).toMatchObject({ width: 1800, height: 1000 });
    expect(pdfPageCount(readFileSync(join(out, "figures.pdf")))).toBe(2);
    // tables: CSV neutralised, Markdown escaped, both with sources
    const csv = readFileSync(join(out, "01-corridor/trade.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.trimEnd().split("\r\n").at(-1)).toBe("Source: Azerbaijan Railways (2024-12-20)");
    const md = readFileSync(join(out, "01-corridor/trade.md"), "utf8");
    expect(md).not.toContain(XSS);
    // index.html: a contents entry per section, linking its page; labels escaped; no scripts
    const index = readFileSync(join(out, "index.html"), "utf8");
    const toc = [...index.matchAll(/<li><a href="([^"#]+)"><strong>([^<]*)<\/strong>/g)].map((x) => [x[1], x[2]]);
    expect(toc).toEqual([
      ["01-corridor/index.html", "01 · The corridor"],
      ["02-memberships/index.html", "02-memberships"],
    ]);
    for (const [href] of toc) expect(existsSync(join(out, href!))).toBe(true);
    expect(index).toContain("focal state &lt;img src=x onerror=alert(1)&gt;");
    expect(index).toContain("Title &lt;img src=x onerror=alert(1)&gt;");
    // each section page: every figure with its PNG, caption, sources and a link to each of its files, all on disk
    const pages = { corridor: "01-corridor/index.html", memberships: "02-memberships/index.html" };
    const corridor = readFileSync(join(out, pages.corridor), "utf8");
    expect(corridor).toContain('<a href="titr-cargo.html"><img class="chart" src="titr-cargo.png"');
    expect(corridor).toContain("Whole-route cargo against the Caspian ports&#39; count.");
    expect(corridor).toContain("Sources: Report.az (2026-03-02)");
    expect(corridor).toContain('<a href="../../records/01-corridor.json">Run record</a>');
    for (const page of Object.values(pages)) {
      const html = readFileSync(join(out, page), "utf8");
      const links = [...html.matchAll(/ (?:href|src)="([^"#]+)"/g)].map((x) => join(out, dirname(page), x[1]!));
      for (const f of [...m.figures, ...m.tables].filter((x) => `${x.section}/index.html` === page))
        for (const file of f.files) expect(links, `${page} links ${file.path}`).toContain(join(out, file.path));
      for (const l of links) expect(existsSync(l), `${page}: ${l}`).toBe(true);
      expect(html).not.toContain(XSS);
      expect(html).not.toMatch(/<script/i);
    }
    expect(index).not.toContain(XSS);
    expect(index).not.toMatch(/<script/i);
    const html = readFileSync(join(out, "02-memberships/xss.html"), "utf8");
    expect(html).not.toContain(XSS);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      "figures.pdf",
      "index.html",
      "01-corridor/index.html",
      "02-memberships/index.html",
    ]);
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
    for (const gone of ["xss.png", "xss.csv", "index.html"])
      expect(existsSync(join(dir, "out-c1", "02-memberships", gone)), gone).toBe(false);
    expect(readFileSync(join(dir, "out-c1", "index.html"), "utf8")).not.toContain("02-memberships");
  });

  test('a figure named "index" (the section page) or a table named like a figure (its data CSV) is skipped', async () => {
    const specs = join(dir, "specs-d");
    process.env[FIGURES_DIR_ENV] = join(specs, "01-corridor");
    const figure = timeSeriesFigure(titr, { title: "TITR cargo", sourceCatalog: catalog });
    registerFigure({ id: "index", caption: "", figure });
    registerFigure({ id: "cargo", caption: "", figure });
    registerTable({
      id: "cargo",
      title: "Cargo",
      table: { columns: [{ key: "v", label: "V" }], rows: [{ v: 1 }], sources: [] },
    });
    const log: string[] = [];
    const m = await exportReportPack(specs, join(dir, "out-d"), {
      exporter,
      combinedPdf: false,
      log: (s) => log.push(s),
    });
    expect(m.figures.map((f) => f.id)).toEqual(["cargo"]);
    expect(m.tables).toEqual([]);
    expect(log.filter((l) => l.startsWith("skipped"))).toEqual([
      'skipped 01-corridor/index.json: the figure id "index" is taken by the section\'s page',
      'skipped 01-corridor/cargo.table.json: a figure in the same section is named "cargo" (its data CSV has the same name)',
    ]);
    expect(readFileSync(join(dir, "out-d", "01-corridor", "cargo.csv"), "utf8").split("\r\n")[0]).toBe(
      "trace,x: Year,y: Cargo (million t),text",
    );
  });
});
