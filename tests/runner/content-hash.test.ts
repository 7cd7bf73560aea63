// Issue 16: the run cache compares data files by what the loader reads in them (runner/content-hash.ts): other
// bytes with the same rows do not re-run a notebook; a changed value, a moved row or a new warning does.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { fileSha256 } from "../../lib/core/hash";
import { defaultDataDir } from "../../lib/data/paths";
import { inputChanges } from "../../runner/cache";
import { resourceContentHash } from "../../runner/content-hash";
import { projectRoot } from "../../runner/paths";
import type { InputHashes } from "../../runner/record";

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "caspian-content-"));
  cpSync(defaultDataDir(), join(dir, "data"), { recursive: true });
  return join(dir, "data");
}

describe("resourceContentHash()", () => {
  it("is the same for the same rows in other bytes, and differs for a changed value, row order or warning", () => {
    const data = copy();
    const file = join(data, "events.csv");
    const text = readFileSync(file, "utf8");
    const base = resourceContentHash(file);
    expect(base).toMatch(/^[0-9a-f]{64}$/);

    writeFileSync(file, `${text}\n`); // a blank line at the end
    expect(resourceContentHash(file)).toBe(base);

    const lines = text.split("\n");
    const i = lines.findIndex((l, k) => k > 0 && l !== "" && !l.includes('"'));
    const cells = lines[i]!.split(",");
    const quoted = [...lines];
    quoted[i] = cells.map((c, k) => (k === 0 ? `"${c}"` : c)).join(","); // the id quoted: same value
    writeFileSync(file, quoted.join("\n"));
    expect(resourceContentHash(file)).toBe(base);

    const edited = [...lines];
    edited[i] = lines[i]!.replace(/,([^,]*),/, ",$1 (edited),");
    writeFileSync(file, edited.join("\n"));
    expect(resourceContentHash(file)).not.toBe(base);

    const swapped = [...lines];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    writeFileSync(file, swapped.join("\n"));
    expect(resourceContentHash(file)).not.toBe(base);

    writeFileSync(file, text.replace(/\n/g, "\r\n")); // CRLF: read correctly, but a warning
    expect(resourceContentHash(file)).not.toBe(base);
  });

  it("is null for a file that is not a resource of the package, or cannot be read", () => {
    const data = copy();
    writeFileSync(join(data, "notes.csv"), "a\n1\n");
    expect(resourceContentHash(join(data, "notes.csv"))).toBeNull();
    expect(resourceContentHash(join(data, "missing", "events.csv"))).toBeNull();
  });
});

describe("inputChanges() with content hashes", () => {
  it("a data file with other bytes but the same content is no change; an edited row is", () => {
    const data = copy();
    const file = join(data, "trade.csv");
    const path = relative(projectRoot, file);
    const was = {
      notebook: "n",
      parameters: "p",
      lib: "l",
      runner: "r",
      dataDir: data,
      data: { [path]: fileSha256(file)! },
      resources: { [path]: resourceContentHash(file)! },
    } satisfies InputHashes;
    const { data: _d, resources: _r, ...current } = was;
    expect(inputChanges(was, current, projectRoot)).toEqual([]);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, `${text}\n\n`);
    expect(inputChanges(was, current, projectRoot)).toEqual([]);
    const lines = text.split("\n");
    lines[1] = lines[1]!.replace(/,(\d)/, ",9$1");
    writeFileSync(file, lines.join("\n"));
    expect(inputChanges(was, current, projectRoot)).toEqual([`${path} changed`]);
    // a record of an older run (no content hashes): bytes decide
    writeFileSync(file, `${text}\n`);
    const { resources: _x, ...older } = was;
    expect(inputChanges(older, current, projectRoot)).toEqual([`${path} changed`]);
  });
});
