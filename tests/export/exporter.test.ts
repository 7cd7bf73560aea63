/**
 * Exports through one headless Chromium (launched once for this file): the files are opened and checked for real
 * properties, not just existence.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportFigure, exportFigures, launchExporter, type Exporter } from "../../lib/export";
import { sha256 } from "../../lib/core/hash";
import {
  balanceBarsFigure,
  capacityThroughputFigure,
  comparisonBarsFigure,
  membershipHeatmapFigure,
  overlapNetworkFigure,
  projectionFigure,
  timelineFigure,
  timeSeriesFigure,
} from "../../lib/figures";
import {
  balance,
  capacity,
  catalog,
  comparison,
  matrix,
  network,
  ports,
  projection,
  timeline,
  titr,
  XSS,
} from "../figures/fixtures";
import { inkStats, pdfPageCount, pngInfo } from "./png";
import { PDFDocument } from "pdf-lib";

let exporter: Exporter;
let dir: string;

beforeAll(async () => {
  exporter = await launchExporter();
  dir = mkdtempSync(join(tmpdir(), "caspian-export-"));
});

afterAll(async () => {
  await exporter?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ts = () => timeSeriesFigure([titr, ports], { title: "TITR cargo by scope", sourceCatalog: catalog });

describe("PNG", () => {
  test("has a valid signature, the requested size × scale and real content", async () => {
    for (const scale of [1, 2]) {
      const png = await exporter.png(ts(), { scale });
      const info = pngInfo(png);
      expect(info.width).toBe(900 * scale);
      expect(info.height).toBe(500 * scale);
      expect(info.idatBytes).toBeGreaterThan(10_000);
      const ink = inkStats(png);
      expect(ink.ink).toBeGreaterThan(0.02); // lines, text and axes
      expect(ink.ink).toBeLessThan(0.5); // not a solid block
      expect(ink.colors).toBeGreaterThan(20);
      expect(ink.luminanceStd).toBeGreaterThan(10);
    }
    const custom = pngInfo(await exporter.png(ts(), { width: 640, height: 360, scale: 1.5 }));
    expect([custom.width, custom.height]).toEqual([960, 540]);
  });

  test("every builder renders to a non-blank PNG", async () => {
    const figs = [
      comparisonBarsFigure(comparison, { title: "Trade" }),
      capacityThroughputFigure(capacity, { title: "Baku" }),
      projectionFigure(projection, { title: "Trend" }),
      membershipHeatmapFigure(matrix, { title: "Memberships" }),
      overlapNetworkFigure(network, { title: "Overlap" }),
      timelineFigure(timeline, { title: "Timeline" }),
      balanceBarsFigure(balance, { title: "Balance" }),
    ];
    const pngs = await Promise.all(figs.map((f) => exporter.png(f, { scale: 1 })));
    pngs.forEach((png, i) => {
      const info = pngInfo(png);
      expect(info.width).toBe(900);
      expect(info.height).toBe(figs[i]!.layout.height);
      expect(inkStats(png).ink, figs[i]!.meta.kind).toBeGreaterThan(0.01);
    });
  });

  test("is byte-identical from run to run", async () => {
    const a = await exporter.render(ts(), { key: "same" });
    const b = await exporter.render(ts(), { key: "same" });
    expect(sha256(a.png!)).toBe(sha256(b.png!));
    expect(a.svg).toBe(b.svg);
  });
});

describe("SVG", () => {
  test("is a standalone SVG of the requested size holding the title, axis title and footnote", async () => {
    const svg = await exporter.svg(ts());
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/ height="500" /);
    expect(svg).toMatch(/ width="900"/);
    expect(svg).toContain(`viewBox="0 0 900 500"`);
    expect(svg).toContain(">TITR cargo by scope<");
    expect(svg).toContain("Cargo (million t)");
    expect(svg).toContain(
      "Sources: Report.az (2026-03-02); Kazakhstan Temir Zholy (2025-01); Azerbaijan Railways (2024-12-20)",
    );
    // year ticks are whole years
    const ticks = [...svg.matchAll(/class="xtick"[^>]*>.*?<text[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThan(3);
    ticks.forEach((t) => expect(t).toMatch(/^\d{4}$/));
  });

  test("shows a label from data as text, never as markup", async () => {
    const svg = await exporter.svg(comparisonBarsFigure(comparison, { title: "Trade" }));
    expect(svg).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(svg).not.toContain(XSS);
  });

  test("has stable ids: Plotly's random plot id is replaced", async () => {
    const a = await exporter.svg(ts(), {});
    expect(a).toMatch(/<defs id="defs-[0-9a-f]{6}"/);
    const uid = /<defs id="defs-([0-9a-f]{6})"/.exec(a)![1]!;
    expect(a).toContain(`clip${uid}xyplot`);
    expect(a).not.toMatch(/class="trace scatter trace[0-9a-f]{6}"/); // trace ids fixed too
  });
});

describe("PDF", () => {
  test("has a PDF header, one page per figure, and no changing dates", async () => {
    const svg = await exporter.svg(ts());
    const one = await exporter.pdf([{ svg, width: 900, height: 500 }]);
    expect(Buffer.from(one.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(one)).toBe(1);
    const three = await exporter.pdf([
      { svg, width: 900, height: 500 },
      { svg, width: 900, height: 500 },
      {
        svg: await exporter.svg(timelineFigure(timeline, { title: "T" })),
        width: 900,
        height: timelineFigure(timeline, { title: "T" }).layout.height as number,
      },
    ]);
    expect(pdfPageCount(three)).toBe(3);
    const text = Buffer.from(three).toString("latin1");
    expect(text).toContain("/CreationDate (D:20000101000000");
    const again = await exporter.pdf([{ svg, width: 900, height: 500 }]);
    expect(sha256(again)).toBe(sha256(one));
  });
});

describe("PDF metadata", () => {
  const info = async (pdf: Uint8Array) => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    return { title: doc.getTitle(), subject: doc.getSubject(), created: doc.getCreationDate()?.toISOString() };
  };

  test("title and subject are written, escaped nowhere wrong, and the bytes are the same twice", async () => {
    const svg = await exporter.svg(ts());
    const meta = { title: `Türkiye & <WTO> ${XSS}`, subject: "Cargo by scope, 2019–2024." };
    const a = await exporter.pdf([{ svg, width: 900, height: 500 }], meta);
    const b = await exporter.pdf([{ svg, width: 900, height: 500 }], meta);
    expect(sha256(b)).toBe(sha256(a));
    expect(await info(a)).toEqual({ ...meta, created: "2000-01-01T00:00:00.000Z" });
    expect(pdfPageCount(a)).toBe(1);
    // without info: the old default title, no subject
    expect(await info(await exporter.pdf([{ svg, width: 900, height: 500 }]))).toEqual({
      title: "figures",
      subject: undefined,
      created: "2000-01-01T00:00:00.000Z",
    });
  });

  test("exportFigures(): a figure's PDF has its title, and its caption (else its sources line) as subject", async () => {
    const out = join(dir, "meta");
    const m = await exportFigures(
      [
        { id: "titr", figure: ts(), caption: "Cargo by scope.", section: "s" },
        { id: "bare", figure: ts(), section: "s" },
      ],
      { outDir: out, exporter, formats: ["svg", "pdf"] },
    );
    const pdfOf = (id: string) =>
      readFileSync(join(out, m.figures.find((f) => f.id === id)!.files.find((x) => x.format === "pdf")!.path));
    expect(await info(pdfOf("titr"))).toMatchObject({ title: "TITR cargo by scope", subject: "Cargo by scope." });
    expect(await info(pdfOf("bare"))).toMatchObject({
      title: "TITR cargo by scope",
      subject: "Sources: Report.az (2026-03-02); Kazakhstan Temir Zholy (2025-01); Azerbaijan Railways (2024-12-20)",
    });
  });
});

describe("heatmap: vector cells", () => {
  test("SVG has no <image> and PDF no image XObject; the cells are paths at any size", async () => {
    const gaps = { ...matrix, gaps: [{ row: "KAZ", col: "CICA", gap: "g" }] };
    for (const [width, height] of [
      [900, 420],
      [480, 420],
      [1600, 900],
    ] as const) {
      const fig = membershipHeatmapFigure(gaps, { title: "Memberships" });
      const svg = await exporter.svg(fig, { width, height });
      expect(svg).not.toContain("<image");
      // 9 cell rectangles + 1 dotted box of the gap cell, drawn as shape paths
      expect(svg.match(/class="shapelayer"/g)?.length).toBeGreaterThan(0);
      expect(svg.match(/<path[^>]*data-index="\d+"/g)?.length).toBe(10);
      const pdf = Buffer.from(await exporter.pdf([{ svg, width, height }], { title: "Memberships" })).toString(
        "latin1",
      );
      expect(pdf).not.toMatch(/\/Subtype\s*\/Image/);
      expect(pdf).not.toContain("/DCTDecode"); // no JPEG either
    }
  });
});

describe("exportFigures()", () => {
  test("writes every format atomically with a manifest of sizes and hashes", async () => {
    const out = join(dir, "batch");
    const manifest = await exportFigures(
      [
        { id: "titr", figure: ts(), caption: "Cargo by scope.", section: "nb-01" },
        { id: "xss", figure: comparisonBarsFigure(comparison, { title: XSS }), caption: XSS, section: "nb-01" },
      ],
      { outDir: out, exporter },
    );
    expect(manifest.figures.map((f) => f.id)).toEqual(["titr", "xss"]);
    for (const f of manifest.figures) {
      expect(f.files.map((x) => x.format)).toEqual(["png", "svg", "pdf", "html"]);
      for (const file of f.files) {
        const bytes = readFileSync(join(out, file.path));
        expect(bytes.length).toBe(file.bytes);
        expect(sha256(bytes)).toBe(file.sha256);
      }
    }
    const onDisk = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(manifest.figures[0]!.sources).toEqual(["reportaz-titr", "ktz-2025", "ady-2024"]);
    expect(readdirSync(join(out, "nb-01")).filter((n) => n.includes(".tmp-"))).toEqual([]);
    // the self-contained page: bundle inlined, no network, label escaped
    const html = readFileSync(join(out, "nb-01", "xss.html"), "utf8");
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(html).not.toContain(XSS);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain("data:image/png;base64,");
  });

  test("same specs give byte-identical files; an unchanged figure is not rendered again", async () => {
    const a = await exportFigures([{ id: "t", figure: ts() }], { outDir: join(dir, "a"), exporter });
    const b = await exportFigures([{ id: "t", figure: ts() }], { outDir: join(dir, "b"), exporter });
    expect(b.figures[0]!.files).toEqual(a.figures[0]!.files);
    expect(b.run).toBe(a.run);
    const path = join(dir, "a", "t.png");
    const before = statSync(path).mtimeMs;
    const again = await exportFigures([{ id: "t", figure: ts() }], { outDir: join(dir, "a"), exporter, previous: a });
    expect(statSync(path).mtimeMs).toBe(before);
    expect(again.figures[0]!.files).toEqual(a.figures[0]!.files);
  });

  test("exportFigure() writes one figure; ids are checked", async () => {
    const f = await exportFigure(ts(), {
      outDir: join(dir, "one"),
      id: "titr-cargo",
      formats: ["png", "svg"],
      scale: 1,
      exporter,
    });
    expect(f.files.map((x) => x.path)).toEqual(["titr-cargo.png", "titr-cargo.svg"]);
    expect(existsSync(join(dir, "one", "manifest.json"))).toBe(false);
    await expect(exportFigure(ts(), { outDir: dir, id: "../evil", exporter })).rejects.toThrow(/not a figure id/);
    await expect(
      exportFigures(
        [
          { id: "a", figure: ts() },
          { id: "a", figure: ts() },
        ],
        { outDir: dir, exporter },
      ),
    ).rejects.toThrow(/twice/);
  });
});
