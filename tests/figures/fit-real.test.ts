/**
 * The real figures, refitted and checked in Chromium: every notebook's code cells run in this process against the
 * package data (lib/ sources, default parameters), registering their figures as a notebook run does
 * (CASPIAN_FIGURES_DIR); each registered figure is then refitted at 480, 700, 1,000 and 1,600 px wide and at a
 * report's 700 × 500 slot, drawn by Plotly, and the boxes the browser reports are checked: title, subtitle,
 * legend, plot, x and y tick labels, annotations (notes, event and n/a labels), point labels and the footnote lie
 * inside the figure and do not overlap. The size asked for is kept, or grown only by the documented rule (a plot
 * of at least 140 px, and 18 px a row for a row chart).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as cl from "../../lib";
import * as rp from "../../lib/notebook";
import { FIGURES_DIR_ENV } from "../../lib/export/registry";
import { FOOTNOTE_NAME } from "../../lib/figures/frame";
import { frameOf, refitFigure, rowFit } from "../../lib/figures/fit";
import type { PlotlyFigure } from "../../lib/figures/plotly";
import { type Box, inside, measuringPage, overlap, show, union } from "../helpers/boxes";

const ROOT = join(__dirname, "..", "..");
const NOTEBOOKS = join(ROOT, "notebooks");
const SIZES = [{ width: 480 }, { width: 700 }, { width: 1000 }, { width: 1600 }, { width: 700, height: 500 }] as const;

interface Measured {
  readonly width: number;
  readonly height: number;
  readonly figure: Box;
  readonly plot: Box;
  readonly title: Box | null;
  readonly subtitle: Box | null;
  readonly legend: Box | null;
  readonly legendScrolls: boolean;
  readonly footnote: Box | null;
  readonly xLabels: Box[];
  readonly xTitle: Box | null;
  readonly yLabels: Box[];
  readonly yTitle: Box | null;
  readonly annotations: { readonly text: string; readonly box: Box }[];
  readonly pointLabels: { readonly text: string; readonly box: Box }[];
}

// Runs in the page; a string, as the library is compiled without the DOM lib.
const MEASURE = `
window.__measure = async function (json, footIndex) {
  var fig = JSON.parse(json);
  var gd = document.createElement("div");
  gd.style.position = "absolute"; gd.style.left = "0"; gd.style.top = "0";
  document.body.appendChild(gd);
  try {
    await Plotly.newPlot(gd, fig.data, fig.layout, { staticPlot: true, displayModeBar: false });
    var box = function (el) {
      if (!el) return null;
      var r = el.getBoundingClientRect();
      return r.width === 0 && r.height === 0 ? null : { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    var boxes = function (sel) {
      return Array.prototype.map.call(gd.querySelectorAll(sel), box).filter(function (b) { return b; });
    };
    var s = gd._fullLayout._size;
    var scroll = gd.querySelector("g.legend rect.scrollbar");
    var anns = [];
    var foot = null;
    Array.prototype.forEach.call(gd.querySelectorAll("g.annotation"), function (g) {
      var t = g.querySelector("text.annotation-text");
      var b = box(t);
      if (!b) return;
      if (Number(g.getAttribute("data-index")) === footIndex) foot = b;
      else anns.push({ text: t.textContent, box: b });
    });
    var points = Array.prototype.map.call(gd.querySelectorAll("g.textpoint text, g.text text"), function (t) {
      return { text: t.textContent, box: box(t) };
    }).filter(function (p) { return p.box && p.text !== ""; });
    return {
      width: gd._fullLayout.width,
      height: gd._fullLayout.height,
      figure: box(gd.querySelector("svg.main-svg")),
      plot: { x: s.l, y: s.t, w: s.w, h: s.h },
      title: box(gd.querySelector("text.gtitle")),
      subtitle: box(gd.querySelector("text.gtitle-subtitle")),
      legend: box(gd.querySelector("g.legend")),
      legendScrolls: !!scroll && Number(scroll.getAttribute("height") || 0) > 0,
      footnote: foot,
      xLabels: boxes("g.xtick text"),
      xTitle: box(gd.querySelector("g.g-xtitle text")),
      yLabels: boxes("g.ytick text"),
      yTitle: box(gd.querySelector("g.g-ytitle text")),
      annotations: anns,
      pointLabels: points,
    };
  } finally {
    Plotly.purge(gd);
    gd.remove();
  }
};
`;

function overlaps(list: readonly { readonly text: string; readonly box: Box }[], what: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++)
      if (overlap(list[i]!.box, list[j]!.box))
        out.push(`${what} "${list[i]!.text}" ${show(list[i]!.box)} overlaps "${list[j]!.text}" ${show(list[j]!.box)}`);
  return out;
}

/** Problems of one rendering: boxes outside the figure and pairs that overlap. */
function problems(m: Measured, figure: PlotlyFigure): string[] {
  const out: string[] = [];
  const xaxis = (figure.layout.xaxis ?? {}) as { tickangle?: unknown };
  const turned = typeof xaxis.tickangle === "number" && xaxis.tickangle !== 0;
  const parts: [string, Box | null][] = [
    ["title", m.title],
    ["subtitle", m.subtitle],
    ["legend", m.legend],
    ["plot", m.plot],
    ["x-axis labels", union([...m.xLabels, ...(m.xTitle !== null ? [m.xTitle] : [])])],
    ["y-axis labels", union([...m.yLabels, ...(m.yTitle !== null ? [m.yTitle] : [])])],
    ["footnote", m.footnote],
  ];
  const all: [string, Box | null][] = [
    ...parts,
    ...m.xLabels.map((b, i): [string, Box] => [`x label ${i}`, b]),
    ...m.yLabels.map((b, i): [string, Box] => [`y label ${i}`, b]),
    ...m.annotations.map((a): [string, Box] => [`annotation "${a.text}"`, a.box]),
    ...m.pointLabels.map((a): [string, Box] => [`point label "${a.text}"`, a.box]),
  ];
  for (const [name, b] of all)
    if (b !== null && !inside(b, m.figure)) out.push(`${name} ${show(b)} is cut by the figure ${show(m.figure)}`);
  if (m.title === null) out.push("no title drawn");
  if (m.footnote === null) out.push("no footnote drawn");
  if (m.legendScrolls) out.push("the legend scrolls (cut)");
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++) {
      const [an, a] = parts[i]!;
      const [bn, b] = parts[j]!;
      // the axes' labels sit beside the plot area: compared with it by their own boxes below, not as a union
      if (a === null || b === null || (an === "plot" && bn.endsWith("axis labels"))) continue;
      if (an === "x-axis labels" && bn === "y-axis labels") continue; // they meet at the plot's corner
      if (overlap(a, b)) out.push(`${an} ${show(a)} overlaps ${bn} ${show(b)}`);
    }
  for (const b of [...m.xLabels, ...m.yLabels])
    if (overlap(b, m.plot)) out.push(`a tick label ${show(b)} overlaps the plot area ${show(m.plot)}`);
  out.push(
    ...overlaps(
      m.yLabels.map((box, i) => ({ text: `y${i}`, box })),
      "y label",
    ),
  );
  // turned labels: their boxes are axis-aligned rectangles around slanted text and overlap while the text does not
  if (!turned)
    out.push(
      ...overlaps(
        m.xLabels.map((box, i) => ({ text: `x${i}`, box })),
        "x label",
      ),
    );
  const frameParts = parts.filter(([n]) => n !== "plot" && !n.endsWith("axis labels"));
  for (const a of m.annotations)
    for (const [n, b] of frameParts)
      if (b !== null && overlap(a.box, b)) out.push(`annotation "${a.text}" ${show(a.box)} overlaps the ${n}`);
  out.push(...overlaps(m.annotations, "annotation"));
  out.push(...overlaps(m.pointLabels, "point label"));
  return out;
}

/**
 * Problems known and not yet fixed, each with its reason; the test fails when one of them disappears (remove it
 * here) or another appears.
 */
const KNOWN: Record<string, RegExp> = {
  // part-year labels of two trade series sit on the same spot at 480 px
  "04-funds-and-trade/trade-tjk @ 480 × 522": /^point label .* overlaps/,
};

interface Registered {
  readonly name: string;
  readonly figure: PlotlyFigure;
}

const work = mkdtempSync(join(tmpdir(), "caspian-fit-real-"));
const registered: Registered[] = [];
let browser: Browser;
let page: Page;

/** Runs a notebook's code cells here, as one async function, with its default parameters. */
async function runNotebook(file: string): Promise<void> {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
  const code = nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source))
    .join("\n;\n");
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
  }).outputText;
  const nodeRequire = createRequire(join(ROOT, "package.json"));
  const frame = await import("../../lib/data/frame");
  const req = (name: string): unknown =>
    name === "caspian-lab"
      ? cl
      : name === "caspian-lab/notebook"
        ? rp
        : name === "caspian-lab/frame"
          ? frame
          : nodeRequire(name);
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...a: unknown[]) => Promise<void>;
  await new AsyncFunction("require", "exports", js)(req, {});
}

beforeAll(async () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const saved = process.env[FIGURES_DIR_ENV];
  try {
    for (const file of readdirSync(NOTEBOOKS)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()) {
      const dir = join(work, basename(file, ".ipynb"));
      process.env[FIGURES_DIR_ENV] = dir;
      await runNotebook(join(NOTEBOOKS, file));
      for (const f of readdirSync(dir).sort()) {
        const spec = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
          kind: string;
          id: string;
          figure: PlotlyFigure;
        };
        if (spec.kind === "figure") registered.push({ name: `${basename(dir)}/${spec.id}`, figure: spec.figure });
      }
    }
  } finally {
    if (saved === undefined) delete process.env[FIGURES_DIR_ENV];
    else process.env[FIGURES_DIR_ENV] = saved;
    log.mockRestore();
  }
  ({ browser, page } = await measuringPage(MEASURE));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

function measure(figure: PlotlyFigure): Promise<Measured> {
  const json = JSON.stringify({ data: figure.data, layout: figure.layout });
  const foot = ((figure.layout.annotations as { name?: string }[] | undefined) ?? []).findIndex(
    (a) => a.name === FOOTNOTE_NAME,
  );
  return page.evaluate(
    ([j, f]) => (globalThis as unknown as { __measure: (s: string, f: number) => Promise<Measured> }).__measure(j, f),
    [json, foot] as const,
  );
}

describe("the real figures refitted in Chromium", () => {
  test("every notebook registers its figures, of every figure kind", () => {
    const kinds = new Set(registered.map((r) => (r.figure.meta as { kind?: string } | undefined)?.kind));
    expect(registered.length).toBeGreaterThanOrEqual(30);
    for (const kind of [
      "time-series",
      "comparison-bars",
      "capacity-throughput",
      "projection",
      "balance-bars",
      "membership-heatmap",
      "overlap-network",
      "timeline",
    ])
      expect(kinds, kind).toContain(kind);
  });

  test("at 480, 700, 1,000 and 1,600 px and 700 × 500: nothing cut or overlapping, the size kept or grown by the rule", async () => {
    const found: string[] = [];
    const known = new Set<string>();
    for (const { name, figure } of registered) {
      const frame = frameOf(figure);
      expect(frame, `${name} keeps its frame`).toBeDefined();
      for (const size of SIZES) {
        const fig = refitFigure(figure, size);
        const height = fig.layout.height as number;
        const m = await measure(fig);
        const at = `${name} @ ${size.width} × ${height}`;
        expect([m.width, m.height], at).toEqual([size.width, height]);
        if ("height" in size && height !== size.height) {
          // grown: only so that the plot keeps its least room (140 px, or its rows' 18 px each), not more
          const least = Math.max(140, rowFit(figure, frame!, size.width).minPlotPx);
          expect(m.plot.h, `${at}: grown from ${size.height} px beyond the plot's least ${least} px`).toBeLessThan(
            least + 2,
          );
        }
        for (const p of problems(m, fig)) {
          const rule = KNOWN[at];
          if (rule?.test(p)) known.add(at);
          else found.push(`${at}: ${p}`);
        }
      }
    }
    expect(found).toEqual([]);
    expect([...known].sort()).toEqual(Object.keys(KNOWN).sort());
  }, 240_000);
});
