/** showAsync() renders a real PNG fallback through the shared exporter (one Chromium, started on first use). */
import { afterAll, expect, test, vi } from "vitest";
import { showAsync } from "../../lib/display/show";
import { closeSharedExporter, enableStaticFallback } from "../../lib/export";
import { timeSeriesFigure } from "../../lib/figures";
import { titr } from "../figures/fixtures";
import { pngInfo } from "./png";

afterAll(async () => {
  await closeSharedExporter();
});

test("the chart's div holds a PNG of the figure where scripts do not run", async () => {
  enableStaticFallback();
  const out: string[] = [];
  vi.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
  await showAsync(timeSeriesFigure(titr, { title: "TITR cargo" }));
  await showAsync(timeSeriesFigure(titr, { title: "TITR cargo again" }));
  vi.restoreAllMocks();
  expect(out).toHaveLength(2);
  const b64 = /<img src="data:image\/png;base64,([^"]+)" alt="TITR cargo"/.exec(out[0]!)![1]!;
  expect(pngInfo(Buffer.from(b64, "base64"))).toMatchObject({ width: 900, height: 500 });
  // the image in every chart, plotly.js in none
  expect(out[1]!).toContain("data:image/png;base64,");
  expect(out.some((h) => h.includes("window.__caspianDefine"))).toBe(false);
});
