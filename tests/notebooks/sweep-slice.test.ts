/**
 * A slice of `npm run sweep` (the full sweep, 16 states × 5 dates, runs on its own): every notebook for a few states
 * and dates chosen to reach the empty cases — Armenia before most of the data (2008), Georgia (no fund, no trade
 * pair) in 2016, Turkmenistan in 2012, and the Maldives (few ties) at the latest date. What a reader sees must have
 * no leaked "undefined"/"NaN", no empty list, no value compared with itself, no table without rows and a sentence,
 * and must name the focal state in 02–05.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSweep } from "../../runner/sweep";

const SLICE: readonly [state: string, date: string][] = [
  ["ARM", "2008"],
  ["GEO", "2016"],
  ["TKM", "2012"],
  ["MDV", "latest"],
];

describe("sweep slice: every notebook reads correctly off the default path", () => {
  for (const [state, date] of SLICE) {
    it(`${state} as of ${date}`, { timeout: 900_000 }, async () => {
      const report = await runSweep({
        states: [state],
        dates: [date],
        notebooks: [],
        outDir: mkdtempSync(join(tmpdir(), `caspian-sweep-${state}-`)),
        html: true,
        force: true,
      });
      expect(report.pages.length).toBe(8);
      const problems = report.pages.flatMap((p) =>
        p.problems.map((x) => `${p.notebook} cell ${x.cell}: ${x.rule}: ${x.excerpt}`),
      );
      expect(problems).toEqual([]);
    });
  }
});
