import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultOptions, describeFailure, runNotebooks } from "../../runner/run";

describe("every notebook in notebooks/", () => {
  it("executes on the tslab kernel without error", async () => {
    const out = mkdtempSync(join(tmpdir(), "caspian-nb-"));
    const results = await runNotebooks({ ...defaultOptions(), outDir: out, quiet: true });
    const failures = results.filter((r) => !r.ok).map(describeFailure);
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
  }, 900_000);
});
