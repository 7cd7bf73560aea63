/**
 * Nothing damaged is served from the report pack: every file it reuses is checked against the sha256 its manifest
 * records (the manifest itself against the stamp), and whatever is damaged or missing is rebuilt on the next run,
 * byte-identical, through the same entry the main job uses (runner/report-pack.ts). Only the damaged file is
 * written again; an untouched pack launches no browser at all.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { FIGURES_DIR_ENV, launchExporter, registerFigure, registerTable, type Exporter } from "../../lib/export";
import { sha256 } from "../../lib/core/hash";
import { comparisonBarsFigure, timeSeriesFigure } from "../../lib/figures";
import { buildReportPack } from "../../runner/report-pack";
import { catalog, comparison, ports, S, titr } from "../figures/fixtures";

let root: string;
let browser: Exporter;
let golden: string;
let goldenFiles: Map<string, FileState>;
const savedFigures = process.env[FIGURES_DIR_ENV];
const savedChromium = process.env.CASPIAN_CHROMIUM;

interface FileState {
  readonly sha256: string;
  readonly ino: number;
}

/** Every file under `outDir` (paths relative to it, with `/`), with its hash and inode (a rename changes the inode). */
function snapshot(outDir: string): Map<string, FileState> {
  const out = new Map<string, FileState>();
  for (const e of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out.set(relative(outDir, p).split(sep).join("/"), { sha256: sha256(readFileSync(p)), ino: statSync(p).ino });
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const hashes = (files: Map<string, FileState>) => [...files].map(([p, f]) => `${p} ${f.sha256}`);

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
        { p: "Kazakhstan", v: 1 },
        { p: "Uzbekistan", v: 2 },
      ],
      sources: S("ady-2024"),
    },
    sourceCatalog: catalog,
  });
  process.env[FIGURES_DIR_ENV] = join(specs, "02-memberships");
  registerFigure({
    id: "bars",
    caption: "Trade turnover by partner.",
    figure: comparisonBarsFigure(comparison, { title: "Turnover", sourceCatalog: catalog }),
  });
}

/** Calls that reach Chromium, per kind, through the one browser the damage cases share. */
interface Calls {
  render: string[];
  pdf: number;
}

/** The shared browser, counting what is asked of it: only damaged files may be rendered again. */
function counting(calls: Calls): Exporter {
  return {
    launchMs: browser.launchMs,
    render: (figure, request) => {
      calls.render.push(
        `${request?.key ?? "?"}:${request?.png === false ? "" : "png"}${request?.svg === false ? "" : "+svg"}`,
      );
      return browser.render(figure, request);
    },
    png: (figure, size) => browser.png(figure, size),
    svg: (figure, size) => browser.svg(figure, size),
    pdf: (pages, info) => {
      calls.pdf++;
      return browser.pdf(pages, info);
    },
    close: async () => {},
  };
}

beforeAll(async () => {
  browser = await launchExporter();
  root = mkdtempSync(join(tmpdir(), "caspian-pack-integrity-"));
  golden = join(root, "golden");
  register(join(golden, "figures", "specs"));
  // The golden pack goes through the main job's own path: Chromium launched on demand.
  const result = await buildReportPack(golden, () => {});
  expect(result.exported).toBe(true);
  goldenFiles = snapshot(golden);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  for (const [name, saved] of [
    [FIGURES_DIR_ENV, savedFigures],
    ["CASPIAN_CHROMIUM", savedChromium],
  ] as const) {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
});

let copies = 0;
/** A copy of the golden pack (out/ with figures/ and its specs), to damage. */
function copyOfGolden(): string {
  const out = join(root, `copy-${++copies}`);
  cpSync(golden, out, { recursive: true });
  return out;
}

const truncate = (p: string) => truncateSync(p, Math.floor(statSync(p).size / 2));
const flipByte = (p: string) => {
  const b = readFileSync(p);
  const i = Math.floor(b.length / 2);
  b[i] = b[i] === 0x41 ? 0x42 : 0x41;
  writeFileSync(p, b);
};

// Each rebuild may launch Chromium; give it room on a loaded machine.
const SLOW = { timeout: 180_000 };

describe("buildReportPack() rebuilds what is damaged", SLOW, () => {
  test("the golden pack has every kind of file the cases damage", () => {
    for (const rel of [
      "figures/01-corridor/titr-cargo.png",
      "figures/02-memberships/bars.svg",
      "figures/01-corridor/trade.csv",
      "figures/02-memberships/bars.csv",
      "figures/01-corridor/index.html",
      "figures/manifest.json",
      "figures/index.html",
      "figures/figures.pdf",
    ]) {
      expect(goldenFiles.has(rel), rel).toBe(true);
    }
  });

  // What Chromium is asked for: the damaged file's drawing only (a whole-pack rebuild for the manifest).
  const cases: readonly [string, string, (path: string) => void, Calls][] = [
    [
      "a truncated PNG",
      "figures/01-corridor/titr-cargo.png",
      truncate,
      { render: ["01-corridor/titr-cargo:png"], pdf: 0 },
    ],
    [
      "one changed byte in an SVG",
      "figures/02-memberships/bars.svg",
      flipByte,
      { render: ["02-memberships/bars:+svg"], pdf: 0 },
    ],
    ["a deleted CSV", "figures/01-corridor/trade.csv", (p) => rmSync(p), { render: [], pdf: 0 }],
    ["a deleted figure data CSV", "figures/02-memberships/bars.csv", (p) => rmSync(p), { render: [], pdf: 0 }],
    ["a truncated section page", "figures/01-corridor/index.html", truncate, { render: [], pdf: 0 }],
    [
      "a truncated manifest.json",
      "figures/manifest.json",
      truncate,
      { render: ["01-corridor/titr-cargo:png+svg", "02-memberships/bars:png+svg"], pdf: 3 },
    ],
    ["a truncated index.html", "figures/index.html", truncate, { render: [], pdf: 0 }],
    ["a truncated figures.pdf", "figures/figures.pdf", truncate, { render: [], pdf: 1 }],
  ];

  test.each(cases)("%s is rebuilt byte-identical on the next run", async (_what, rel, damage, expected) => {
    const out = copyOfGolden();
    damage(join(out, rel));
    const before = snapshot(out);
    expect(before.get(rel)?.sha256).not.toBe(goldenFiles.get(rel)!.sha256);
    const log: string[] = [];
    const calls: Calls = { render: [], pdf: 0 };
    await buildReportPack(out, (m) => log.push(m), false, { exporter: counting(calls) });
    expect({ render: [...calls.render].sort(), pdf: calls.pdf }).toEqual(expected);
    const after = snapshot(out);
    expect(hashes(after)).toEqual(hashes(goldenFiles));
    const why = rel.endsWith(".csv") ? "missing" : "damaged";
    expect(log.filter((m) => m.startsWith(`${rel} is ${why}`))).toHaveLength(1);
    if (rel !== "figures/manifest.json") {
      // Only the damaged file is written again: every other file keeps its inode (writes are rename-into-place).
      const rewritten = [...after].filter(([p, f]) => before.get(p)?.ino !== f.ino).map(([p]) => p);
      expect(rewritten).toEqual([rel]);
      expect(log.filter((m) => m.includes(" is damaged") || m.includes(" is missing"))).toEqual([
        `${rel} is ${why}: rebuilt`,
      ]);
    }
  });

  test("a manifest changed but still valid JSON is not trusted: the whole pack is checked and rebuilt", async () => {
    const out = copyOfGolden();
    const path = join(out, "figures", "manifest.json");
    const png = join(out, "figures", "01-corridor", "titr-cargo.png");
    truncate(png);
    // The manifest now vouches for the truncated PNG.
    const manifest = readFileSync(path, "utf8").replace(
      goldenFiles.get("figures/01-corridor/titr-cargo.png")!.sha256,
      sha256(readFileSync(png)),
    );
    writeFileSync(path, manifest);
    const log: string[] = [];
    await buildReportPack(out, (m) => log.push(m), false, { exporter: counting({ render: [], pdf: 0 }) });
    expect(hashes(snapshot(out))).toEqual(hashes(goldenFiles));
    expect(log.some((m) => m.startsWith("figures/manifest.json is damaged"))).toBe(true);
  });
});

describe("buildReportPack() on an untouched pack", SLOW, () => {
  test("checks the files and launches no browser", async () => {
    const out = copyOfGolden();
    const before = snapshot(out);
    process.env.CASPIAN_CHROMIUM = join(root, "no-such-chromium"); // a launch would throw
    const log: string[] = [];
    const result = await buildReportPack(out, (m) => log.push(m));
    expect(result.exported).toBe(false);
    expect(log.filter((m) => /damaged|missing|rebuilt|figure \d/.test(m))).toEqual([]);
    expect([...snapshot(out)]).toEqual([...before]); // nothing written, not even the same bytes again
  });

  test("with a stale stamp (specs hash unknown), reuses every verified file and still launches no browser", async () => {
    const out = copyOfGolden();
    rmSync(join(out, "figures", ".specs.sha256"));
    const before = snapshot(out);
    process.env.CASPIAN_CHROMIUM = join(root, "no-such-chromium");
    const log: string[] = [];
    await buildReportPack(out, (m) => log.push(m));
    const after = snapshot(out);
    expect(hashes(after)).toEqual(hashes(goldenFiles));
    const rewritten = [...after].filter(([p, f]) => before.get(p)?.ino !== f.ino).map(([p]) => p);
    expect(rewritten).toEqual(["figures/.specs.sha256"]);
  });
});
