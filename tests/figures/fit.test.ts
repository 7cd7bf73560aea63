/** refitFigure without a browser: what the frame keeps, what a new size changes, what it leaves alone. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exportFigure } from "../../lib/export/export-figures";
import { frameOf, refitFigure, timeSeriesFigure, comparisonBarsFigure, type PlotlyFigure } from "../../lib/figures";
import { wrapToWidth, textWidth } from "../../lib/figures/measure";
import { seriesOf } from "../../lib/indicators/series/build";
import { catalog, ports, S, titr } from "./fixtures";

const many = Array.from({ length: 12 }, (_, i) => ({
  id: `p${i}`,
  publisher: `Publisher number ${i}`,
  published: "2024",
}));
const fig = () =>
  timeSeriesFigure([{ ...titr }, ports], {
    title: "Cargo on the Middle Corridor by scope and by publisher, 2019–2025",
    subtitle: "Million tonnes a year",
    sourceCatalog: [...catalog, ...many],
  });

describe("refitFigure", () => {
  test("the frame is kept in meta, and refitting at the build size changes nothing", () => {
    const f = fig();
    expect(frameOf(f)).toMatchObject({ left: 78, right: 64, bottomAxisPx: 52, height: 500 }); // 64: part-year labels
    const again = refitFigure(f, { width: 900 });
    expect(again.layout).toEqual(f.layout);
  });

  test("a long sources list takes at most three lines, ending '+N more (full list with the caption)'; the caption keeps all", () => {
    const bars = comparisonBarsFigure(
      {
        quantity: "Trade",
        unit: "USD",
        bars: [{ label: "Kazakhstan", value: 1e8 }],
        sources: S(...many.map((m) => m.id)),
      },
      { title: "Trade", sourceCatalog: many },
    );
    // "Publisher number 11" is the last of twelve publishers
    expect(bars.meta.sourcesText).toContain("Publisher number 11 (2024)");
    for (const width of [480, 900, 1600]) {
      const foot = (refitFigure(bars, { width }).layout.annotations as { name?: string; text: string }[]).at(-1)!;
      const lines = foot.text.split("<br>");
      const text = lines.join(" ");
      if (text.includes("Publisher number 11 (2024)")) expect(text).not.toMatch(/more/);
      else {
        expect(text).toMatch(/; \+\d+ more \(full list with the caption\)$/);
        expect(lines.length).toBeLessThanOrEqual(3);
      }
      for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(width - 24);
    }
    // at 480 px the twelve publishers take more than three lines: shortened
    const narrow = (refitFigure(bars, { width: 480 }).layout.annotations as { text: string }[]).at(-1)!.text;
    expect(narrow).toMatch(/more \(full list with the caption\)$/);
  });

  test("narrower: the title wraps, the figure is as tall as it needs, the legend keeps its rows", () => {
    const small = refitFigure(fig(), { width: 480 });
    const title = (small.layout.title as { text: string }).text.split("<br>");
    expect(title).toEqual(["Cargo on the Middle Corridor by scope and by", "publisher, 2019–2025"]);
    for (const line of title) expect(textWidth(line, 17)).toBeLessThanOrEqual(480 - 24);
    expect(small.layout.width).toBe(480);
    const m = small.layout.margin as { t: number; b: number };
    const h = small.layout.height as number;
    expect((h - m.t - m.b) / h).toBeGreaterThanOrEqual(0.45);
  });

  test("a height asked for is kept while the plot keeps 140 px, and grows to exactly that least height", () => {
    const r = refitFigure(fig(), { width: 700, height: 150 });
    const m = r.layout.margin as { t: number; b: number };
    const h = r.layout.height as number;
    expect(h).toBeGreaterThan(150);
    expect(h).toBe(m.t + m.b + 140); // the frame, and 140 px of plot
    // a report's slot of 700 × 500 is kept although the plot gets less than 45 % of it
    const slot = refitFigure(fig(), { width: 700, height: 500 });
    const sm = slot.layout.margin as { t: number; b: number };
    expect(slot.layout.height).toBe(500);
    expect(500 - sm.t - sm.b).toBeGreaterThanOrEqual(140);
    expect(refitFigure(fig(), { width: 700, height: 900 }).layout.height).toBe(900);
    // without a height the builder's rule holds: the plot keeps 45 % of the figure
    const free = refitFigure(fig(), { width: 480 });
    const fm = free.layout.margin as { t: number; b: number };
    expect(Math.ceil((fm.t + fm.b) / 0.55)).toBeLessThanOrEqual(free.layout.height as number);
  });

  test("year ticks space out when their labels would touch", () => {
    const wide = comparisonBarsFigure(
      { quantity: "Trade", unit: "USD", bars: [{ label: "Kazakhstan", value: 1e8 }], sources: [] },
      { title: "x" },
    );
    expect(refitFigure(wide, { width: 480 }).layout.xaxis).toEqual(wide.layout.xaxis); // horizontal bars: a value axis
    const years = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [String(2013 + i), 1e6 * (i + 1)]));
    const f = timeSeriesFigure(
      seriesOf(years, { metric: "cargo", unit: "t", scope: "whole_route", label: "x", sources: [] }),
      {
        title: "x",
      },
    );
    expect((f.layout.xaxis as { dtick: number }).dtick).toBe(1);
    const x = refitFigure(f, { width: 480 }).layout.xaxis as { dtick: number; tick0: number };
    expect(Number.isInteger(x.dtick)).toBe(true);
    // 13 years over 480 − 78 − 24 px: 26 px a year is less than a label (31 px) and its gap, 2 years is enough
    expect([x.dtick, x.tick0]).toEqual([2, 2012]);
  });

  test("a figure not from the house frame is left as it is; a bad size is refused", () => {
    const plain: PlotlyFigure = { data: [], layout: { width: 500, height: 300 } };
    expect(refitFigure(plain, { width: 800 })).toBe(plain);
    expect(frameOf({ data: [], layout: {}, meta: { frame: { title: 1 } } } as unknown as PlotlyFigure)).toBeUndefined();
    expect(() => refitFigure(fig(), { width: 0 })).toThrow(RangeError);
    expect(() => refitFigure(fig(), { width: 700, height: Number.NaN })).toThrow(RangeError);
  });

  test("wrapToWidth never gives a line wider than asked, long words cut", () => {
    const lines = wrapToWidth("a https://example.org/a/very/long/address/that/cannot/break b", 80, 12);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(80);
    expect(lines.join("").replace(/ /g, "")).toBe("ahttps://example.org/a/very/long/address/that/cannot/breakb");
  });
});

test("exportFigure with width and height draws the refitted figure (HTML needs no browser)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "caspian-fit-"));
  try {
    const m = await exportFigure(fig(), { outDir: dir, id: "cargo", formats: ["html"], width: 700, height: 200 });
    const expected = refitFigure(fig(), { width: 700, height: 200 }).layout.height;
    expect([m.width, m.height]).toEqual([700, expected]);
    expect(m.height).toBeGreaterThan(200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
