/**
 * `npm run figure`: its command line, how it finds a registered figure (by id, by notebook/id, in a parameter
 * run), and one real export through Chromium whose PNG has the size asked for times the scale.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchExporter, type Exporter } from "../../lib/export/exporter";
import { SPEC_VERSION } from "../../lib/export/registry";
import { refitFigure, timeSeriesFigure, type PlotlyFigure } from "../../lib/figures";
import { exportOneFigure, findFigure, parseFigureArgs } from "../../runner/figure";
import { projectRoot } from "../../runner/paths";
import { catalog, ports, titr } from "../figures/fixtures";
import { pngInfo } from "../export/png";

let dir: string;

const fig = () =>
  timeSeriesFigure([titr, ports], {
    title: "Cargo on the Middle Corridor by scope, 2019–2025",
    subtitle: "Million tonnes",
    note: "Hollow markers: part of a year.",
    sourceCatalog: catalog,
  });

function writeSpec(section: string, id: string, figure: PlotlyFigure = fig()): void {
  mkdirSync(join(dir, "figures", "specs", section), { recursive: true });
  const spec = {
    version: SPEC_VERSION,
    kind: "figure",
    id,
    title: "Cargo",
    caption: "",
    sources: [],
    sourcesText: "Source: Report.az (2026-03-10)",
    figure,
  };
  writeFileSync(join(dir, "figures", "specs", section, `${id}.json`), JSON.stringify(spec));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "caspian-figure-"));
  writeSpec("02-middle-corridor", "cargo-by-scope");
  writeSpec("02-middle-corridor", "shared");
  writeSpec("03-multilateral-embeddedness", "shared");
  writeSpec("03-multilateral-embeddedness", "overlap");
  writeSpec("03-multilateral-embeddedness--focal-KAZ", "overlap");
  writeSpec("03-multilateral-embeddedness--asOf-2016--focal-KAZ", "overlap");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("command line", () => {
  test("defaults: PNG at scale 2 from out/, no size (the figure's own)", () => {
    expect(parseFigureArgs(["cargo-by-scope"], "/somewhere")).toEqual({
      id: "cargo-by-scope",
      scale: 2,
      format: "png",
      parameters: {},
      outDir: join(projectRoot, "out"),
    });
  });

  test("every option, paths resolved against the current folder, parameters read as the runner reads them", () => {
    const a = parseFigureArgs(
      [
        "03/overlap",
        "--width",
        "700",
        "--height=520",
        "--scale",
        "1.5",
        "--format",
        "PDF",
        "-p",
        "focal=KAZ",
        "--param",
        "asOf=2016",
        "--out",
        "fig.pdf",
        "--out-dir",
        "runs/out",
      ],
      "/home/x",
    );
    expect(a).toEqual({
      id: "03/overlap",
      width: 700,
      height: 520,
      scale: 1.5,
      format: "pdf",
      parameters: { focal: "KAZ", asOf: 2016 },
      out: "/home/x/fig.pdf",
      outDir: "/home/x/runs/out",
    });
  });

  test.each([
    [["x", "--width", "199"], /--width must be a whole number of pixels from 200 to 4000, got "199"/],
    [["x", "--width", "4001"], /--width .* got "4001"/],
    [["x", "--width", "700.5"], /--width .* got "700.5"/],
    [["x", "--width", "wide"], /--width .* got "wide"/],
    [["x", "--height", "50"], /--height .* got "50"/],
    [["x", "--format", "gif"], /--format must be one of png, svg, pdf, got "gif"/],
    [["x", "--format", "html"], /--format must be one of png, svg, pdf/],
    [["x", "--scale", "0"], /--scale must be a number above 0 and at most 8, got "0"/],
    [["x", "--scale", "9"], /--scale .* got "9"/],
    [["x", "--param", "focal"], /must look like name=value/],
    [["x", "--colour", "red"], /colour/],
    [[], /which figure\? give its id/],
    [["a", "b"], /one figure id, got a, b/],
  ])("%j is refused: %s", (argv, message) => {
    expect(() => parseFigureArgs(argv)).toThrow(message);
  });
});

describe("finding the figure", () => {
  test("by id, and by notebook/id (full name or its number)", () => {
    expect(findFigure(dir, "cargo-by-scope", {}).section).toBe("02-middle-corridor");
    expect(findFigure(dir, "02-middle-corridor/shared", {}).section).toBe("02-middle-corridor");
    expect(findFigure(dir, "03/shared", {}).section).toBe("03-multilateral-embeddedness");
  });

  test("an ambiguous id names the notebook/id choices", () => {
    expect(() => findFigure(dir, "shared", {})).toThrow(
      '"shared" is registered by several notebooks: give one of 02-middle-corridor/shared, 03-multilateral-embeddedness/shared',
    );
  });

  test("an unknown id lists the known ones", () => {
    expect(() => findFigure(dir, "cargo", {})).toThrow(
      'no figure "cargo"; known figures: 02-middle-corridor/cargo-by-scope, 02-middle-corridor/shared, 03-multilateral-embeddedness/overlap, 03-multilateral-embeddedness/shared',
    );
    expect(() => findFigure(join(dir, "nothing"), "cargo", {})).toThrow(/run the notebooks first \(npm start\)/);
  });

  test("with parameters: the parameter run's spec, named as the runner names its output", () => {
    expect(findFigure(dir, "overlap", { focal: "KAZ" }).section).toBe("03-multilateral-embeddedness--focal-KAZ");
    expect(findFigure(dir, "overlap", { focal: "KAZ", asOf: 2016 }).section).toBe(
      "03-multilateral-embeddedness--asOf-2016--focal-KAZ",
    );
  });

  test("a parameter run not made yet: the exact npm start that makes it", () => {
    expect(() => findFigure(dir, "overlap", { focal: "UZB" })).toThrow(
      /the run of 03-multilateral-embeddedness with focal=UZB has not registered "overlap" .*\n {2}npm start -- 03 --param focal=UZB --out \S+\nthen run this again/,
    );
  });
});

describe("one real export", () => {
  let exporter: Exporter;
  beforeAll(async () => {
    exporter = await launchExporter({ concurrency: 1 });
  }, 60_000);
  afterAll(async () => {
    await exporter?.close();
  });

  test("PNG: width × scale, the height the fit needs, written to out/export/<id>-<W>x<H>.png", async () => {
    const args = parseFigureArgs(["02/cargo-by-scope", "--width", "700", "--scale", "1.5", "--out-dir", dir]);
    const r = await exportOneFigure(args, exporter);
    const expected = refitFigure(fig(), { width: 700 }).layout.height as number;
    expect([r.width, r.height]).toEqual([700, expected]);
    expect(r.path).toBe(join(dir, "export", `cargo-by-scope-700x${expected}.png`));
    const info = pngInfo(readFileSync(r.path));
    expect([info.width, info.height]).toEqual([1050, Math.round(expected * 1.5)]);
  });

  test("a height too small grows (and says so); PDF to --out", async () => {
    const out = join(dir, "small.pdf");
    const args = parseFigureArgs([
      "cargo-by-scope",
      "--width",
      "480",
      "--height",
      "200",
      "--format",
      "pdf",
      "--out",
      out,
    ]);
    const r = await exportOneFigure({ ...args, outDir: dir }, exporter);
    expect(r.grownFrom).toBe(200);
    // the least height at that width: more than asked, less than the builder's 500 px
    expect(r.height).toBe(refitFigure(fig(), { width: 480, height: 200 }).layout.height);
    expect(r.height).toBeGreaterThan(200);
    expect(r.height).toBeLessThan(500);
    expect(readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // the PDF's metadata: the figure's title, and its sources line as subject when the caption is empty
    const doc = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
    expect([doc.getTitle(), doc.getSubject()]).toEqual(["Cargo", "Source: Report.az (2026-03-10)"]);
  });
});
