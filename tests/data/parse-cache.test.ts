// Issue 16: the disk cache of parsed data files (lib/data/parse-cache.ts): a package read through the cache equals
// one parsed from the files, values survive the round trip exactly (undefined fields and key order included), and a
// damaged entry is parsed again, never served.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { checkPackage } from "../../lib/data/load";
import { cachedValue, parseCacheKey } from "../../lib/data/parse-cache";

const saved = process.env.CASPIAN_CACHE_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.CASPIAN_CACHE_DIR;
  else process.env.CASPIAN_CACHE_DIR = saved;
});

/** Every entry file under a cache folder. */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name));
}

describe("cachedValue()", () => {
  it("without a folder computes every time; with one, computes once and reads back", () => {
    let n = 0;
    const compute = () => ({ n: ++n, rows: [{ a: "x", b: undefined }] });
    expect(cachedValue("k1", compute, undefined).n).toBe(1);
    expect(cachedValue("k1", compute, undefined).n).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "caspian-pc-"));
    const first = cachedValue("k2", compute, dir);
    const again = cachedValue("k2", compute, dir);
    expect(first.n).toBe(3);
    expect(again).toEqual(first);
    expect(Object.keys(again.rows[0]!)).toEqual(["a", "b"]); // an undefined field keeps its key
    expect(n).toBe(3);
  });

  it("a damaged, truncated or emptied entry is computed again and rewritten", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-pc-"));
    cachedValue("k", () => ({ v: 41 }), dir);
    const [file] = entries(dir);
    const good = readFileSync(file!);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 2] ^= 0xff;
    for (const bad of [flipped, good.subarray(0, good.length - 3), Buffer.alloc(0)]) {
      writeFileSync(file!, bad);
      expect(cachedValue("k", () => ({ v: 42 }), dir)).toEqual({ v: 42 });
      expect(cachedValue("k", () => ({ v: 43 }), dir)).toEqual({ v: 42 });
      writeFileSync(file!, good);
    }
  });

  it("round-trips any structured value exactly (property)", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-pc-prop-"));
    let i = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.string(),
            value: fc.option(fc.double({ noNaN: false }), { nil: undefined }),
            list: fc.array(fc.string()),
            flag: fc.boolean(),
          }),
        ),
        (rows) => {
          const key = `prop-${i++}`;
          cachedValue(key, () => rows, dir);
          const back = cachedValue(key, () => [], dir);
          expect(back).toEqual(rows);
          expect(back.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("parseCacheKey()", () => {
  it("changes with the bytes, the resource and the file name shown in messages", () => {
    const bytes = new TextEncoder().encode("a,b\n1,2\n");
    const base = parseCacheKey("states", "states.csv", "data/states.csv", bytes);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(parseCacheKey("states", "states.csv", "data/states.csv", new TextEncoder().encode("a,b\n1,3\n"))).not.toBe(
      base,
    );
    expect(parseCacheKey("events", "states.csv", "data/states.csv", bytes)).not.toBe(base);
    expect(parseCacheKey("states", "states.csv", "other/states.csv", bytes)).not.toBe(base);
    expect(parseCacheKey("states", "states.csv", "data/states.csv", bytes)).toBe(base);
  });
});

describe("the data package through the cache", () => {
  it("equals the package parsed from the files, on the first read and from the cache", () => {
    delete process.env.CASPIAN_CACHE_DIR;
    const plain = checkPackage();
    process.env.CASPIAN_CACHE_DIR = mkdtempSync(join(tmpdir(), "caspian-pc-pkg-"));
    const filled = checkPackage();
    const cached = checkPackage();
    expect(entries(join(process.env.CASPIAN_CACHE_DIR, "data")).length).toBeGreaterThanOrEqual(17);
    for (const c of [filled, cached]) {
      expect(c.issues).toEqual(plain.issues);
      expect(c.warnings).toEqual(plain.warnings);
      const keys = Object.keys(plain.pkg!).filter((k) =>
        Array.isArray((plain.pkg as unknown as Record<string, unknown>)[k]),
      );
      for (const k of keys) {
        const a = (plain.pkg as unknown as Record<string, unknown[]>)[k]!;
        const b = (c.pkg as unknown as Record<string, unknown[]>)[k]!;
        expect(b).toStrictEqual(a);
        expect(b.map((r) => Object.keys(r as object))).toEqual(a.map((r) => Object.keys(r as object)));
      }
    }
  });
});
