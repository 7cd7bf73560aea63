// Issue 16: the tslab kernel's cell compile cache (runner/kernel-cell-cache.js) and the build's precompile step
// (runner/precompile-cells.js): a cached cell is never compiled again, the TypeScript program is built only on a
// miss, what is cached equals what tslab compiles, and nothing damaged, failing or file-dependent is served.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeNotebook } from "../helpers/notebook";

const root = join(__dirname, "..", "..");
const load = createRequire(__filename);

interface Converted {
  output?: string;
  declOutput?: string;
  diagnostics: { messageText: string }[];
  sideOutputs?: unknown[];
}
interface Converter {
  convert(prevDecl: string, src: string): Converted;
  close(): void;
  stats: { hits: number; misses: number };
}
interface CacheModule {
  cachingConverter(create: () => Omit<Converter, "stats">, options: object): Converter;
  environment(cwd: string, options: object): { hash: string; library: string } | null;
  cacheDir(env: { hash: string; library: string }): string;
  LOCAL_IMPORT: RegExp;
}
const cache = load(join(root, "runner", "kernel-cell-cache.js")) as CacheModule;

/** A stand-in for tslab's converter: compiles `src` to itself, reports an error for sources containing "ERROR". */
function fakeConverter(calls: string[]) {
  return () => {
    calls.push("create");
    return {
      convert(prevDecl: string, src: string): Converted {
        calls.push(`convert:${src}`);
        if (src.includes("ERROR")) return { diagnostics: [{ messageText: "bad" }] };
        return {
          output: `/*js*/${src}`,
          declOutput: `${prevDecl}\ndeclare const x${calls.length}: number;`,
          diagnostics: [],
        };
      },
      close() {
        calls.push("close");
      },
    };
  };
}

describe("the cell compile cache", () => {
  let cacheRoot: string;
  let work: string;
  const saved = { ...process.env };
  const cwd = process.cwd();

  beforeEach(() => {
    cacheRoot = mkdtempSync(join(tmpdir(), "caspian-cells-"));
    work = realpathSync(mkdtempSync(join(tmpdir(), "caspian-cells-nb-")));
    process.env.CASPIAN_CACHE_DIR = cacheRoot;
    process.env.CASPIAN_CELL_WARM = "off";
    delete process.env.CASPIAN_CELL_CACHE;
    process.chdir(work);
  });
  afterEach(() => {
    process.chdir(cwd);
    process.env = { ...saved };
  });

  it("compiles a cell once: a second kernel gets it from the cache without building a program", () => {
    const first: string[] = [];
    const a = cache.cachingConverter(fakeConverter(first), {});
    const r1 = a.convert("", "const a = 1;");
    expect(first).toEqual(["create", "convert:const a = 1;"]);

    const second: string[] = [];
    const b = cache.cachingConverter(fakeConverter(second), {});
    const r2 = b.convert("", "const a = 1;");
    expect(second).toEqual([]); // no TypeScript program at all
    expect(r2).toEqual(r1);
    expect(b.stats).toEqual({ hits: 1, misses: 0 });
    b.close();
    expect(second).toEqual([]); // nothing to close either
  });

  it("keys on the declarations of the cells before, the source and the packages the folder sees, not the folder", () => {
    const calls: string[] = [];
    const c = cache.cachingConverter(fakeConverter(calls), {});
    c.convert("", "x;");
    c.convert("declare const y: string;", "x;");
    c.convert("", "x; ");
    expect(c.stats).toEqual({ hits: 0, misses: 3 });
    // another scratch folder outside the checkout (as each graded submission has) shares the entries
    const other = realpathSync(mkdtempSync(join(tmpdir(), "caspian-cells-other-")));
    process.chdir(other);
    const d = cache.cachingConverter(fakeConverter(calls), {});
    d.convert("", "x;");
    expect(d.stats).toEqual({ hits: 1, misses: 0 });
    // a folder inside the checkout sees its node_modules: another environment
    expect(cache.environment(join(__dirname), {})!.hash).not.toBe(cache.environment(other, {})!.hash);
  });

  it("never stores a cell that fails to compile, or one that imports a local file", () => {
    const calls: string[] = [];
    const c = cache.cachingConverter(fakeConverter(calls), {});
    c.convert("", "ERROR here");
    c.convert("", 'import { f } from "./helpers";');
    c.convert("", "const r = require('../x');");
    const again = cache.cachingConverter(fakeConverter([]), {});
    again.convert("", "ERROR here");
    again.convert("", 'import { f } from "./helpers";');
    again.convert("", "const r = require('../x');");
    expect(again.stats).toEqual({ hits: 0, misses: 3 });
    expect(cache.LOCAL_IMPORT.test('import * as cl from "caspian-lab";')).toBe(false);
  });

  it("ignores a damaged entry, compiles the cell again and rewrites the entry", () => {
    const c = cache.cachingConverter(fakeConverter([]), {});
    const good = c.convert("", "const b = 2;");
    const env = cache.environment(work, {})!;
    const dir = cache.cacheDir(env);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files).toHaveLength(1);
    const file = join(files[0]!.parentPath, files[0]!.name);
    const text = readFileSync(file, "utf8");
    for (const damage of [text.slice(0, text.length / 2), text.replace("/*js*/", "/*JS*/"), ""]) {
      writeFileSync(file, damage);
      const calls: string[] = [];
      const d = cache.cachingConverter(fakeConverter(calls), {});
      expect(d.convert("", "const b = 2;")).toEqual(good);
      expect(d.stats).toEqual({ hits: 0, misses: 1 });
      expect(readFileSync(file, "utf8")).toBe(text);
    }
  });

  it("keeps its folders private to the checkout's owner", () => {
    cache.cachingConverter(fakeConverter([]), {}).convert("", "1;");
    const dir = cache.cacheDir(cache.environment(work, {})!);
    expect(statSync(dir).mode & 0o077).toBe(0);
  });

  it("is off for a folder with node_modules of its own, and with CASPIAN_CELL_CACHE=off", () => {
    mkdirSync(join(work, "node_modules"));
    expect(cache.environment(work, {})).toBeNull();
    const calls: string[] = [];
    const c = cache.cachingConverter(fakeConverter(calls), {});
    c.convert("", "1;");
    c.convert("", "1;");
    expect(c.stats).toEqual({ hits: 0, misses: 2 });

    const plain = realpathSync(mkdtempSync(join(tmpdir(), "caspian-cells-off-")));
    process.chdir(plain);
    process.env.CASPIAN_CELL_CACHE = "off";
    const off = cache.cachingConverter(fakeConverter([]), {});
    off.convert("", "1;");
    off.convert("", "1;");
    expect(off.stats).toEqual({ hits: 0, misses: 2 });
  });

  it("a read-only cache folder only means compiling", () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    chmodSync(cacheRoot, 0o500);
    const c = cache.cachingConverter(fakeConverter([]), {});
    expect(c.convert("", "1;").output).toBe("/*js*/1;");
  });

  it("in Jupyter, builds the program while the kernel is idle after a cached cell", async () => {
    cache.cachingConverter(fakeConverter([]), {}).convert("", "const w = 1;");
    process.env.CASPIAN_CELL_WARM = "20";
    const calls: string[] = [];
    const c = cache.cachingConverter(fakeConverter(calls), {});
    expect(c.convert("", "const w = 1;").output).toBe("/*js*/const w = 1;");
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 120));
    // built once, in the background, with the declarations of the cells so far (a no-op cell loads their types)
    expect(calls).toEqual(["create", "convert:void 0;"]);
    c.convert("", "const v = 2;");
    expect(calls).toEqual(["create", "convert:void 0;", "convert:const v = 2;"]);
  });
});

describe("precompile-cells with tslab's own converter", () => {
  it("stores exactly what tslab compiles, cell by cell, and a second pass compiles nothing", () => {
    const cacheRoot = mkdtempSync(join(tmpdir(), "caspian-pre-"));
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "caspian-pre-nb-")));
    writeNotebook(dir, "a", [
      { source: 'let focal = "AZE";', tags: ["parameters"] },
      'import * as cl from "caspian-lab";\nconst n: number = typeof cl.md === "function" ? 1 : 2;',
      "const twice = n * 2;\ntwice",
      "const broken: string = 1;",
      "const never = 3;",
    ]);
    const env = {
      ...process.env,
      NODE_PATH: join(root, ".jupyter", "node_path"),
      CASPIAN_CACHE_DIR: cacheRoot,
    };
    // parsed data files: one written 40 days ago (removed by the build's precompile step), one today (kept)
    mkdirSync(join(cacheRoot, "data", "ab"), { recursive: true });
    const stale = join(cacheRoot, "data", "ab", "old.bin");
    const fresh = join(cacheRoot, "data", "ab", "new.bin");
    writeFileSync(stale, "x");
    writeFileSync(fresh, "y");
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    utimesSync(stale, longAgo, longAgo);
    const args = ["--require", join(root, "runner", "kernel-resolve.js"), join(root, "runner", "precompile-cells.js")];
    const first = spawnSync(process.execPath, [...args, "--verbose", join(dir, "a.ipynb")], { env, encoding: "utf8" });
    expect(first.status, first.stderr).toBe(0);
    // three cells compile; the fourth has a type error (never stored), so the fifth is not reached
    expect(first.stdout).toMatch(/^precompile-cells: 4 cell\(s\) compiled, 0 reused/);
    expect(first.stdout).toMatch(/removed 1 stale cache folder\(s\) or parsed file\(s\)/);
    expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true]);
    const second = spawnSync(process.execPath, [...args, "--verbose", join(dir, "a.ipynb")], { env, encoding: "utf8" });
    expect(second.stdout).toMatch(/^precompile-cells: 1 cell\(s\) compiled, 3 reused/);

    // The stored results equal a fresh compile by tslab, in the notebook's folder.
    const script = `
      const path = require("node:path");
      process.chdir(${JSON.stringify(dir)});
      const cache = require(${JSON.stringify(join(root, "runner", "kernel-cell-cache.js"))});
      const tslab = path.dirname(require.resolve("tslab/package.json", { paths: [${JSON.stringify(root)}] }));
      const { createConverter } = require(path.join(tslab, "dist", "converter.js"));
      const nb = JSON.parse(require("node:fs").readFileSync(${JSON.stringify(join(dir, "a.ipynb"))}, "utf8"));
      const real = createConverter({ isJS: false, isBrowser: false });
      const cached = cache.cachingConverter(() => { throw new Error("compiled"); }, { isJS: false, isBrowser: false });
      let prev = "";
      const same = [];
      for (const cell of nb.cells.slice(0, 3)) {
        const src = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
        const a = real.convert(prev, src);
        const b = cached.convert(prev, src);
        same.push(JSON.stringify(a) === JSON.stringify(b));
        prev = a.declOutput || "";
      }
      console.log(JSON.stringify(same));
      process.exit(0);
    `;
    const check = spawnSync(process.execPath, ["--require", join(root, "runner", "kernel-resolve.js"), "-e", script], {
      env: { ...env, CASPIAN_CELL_WARM: "off" },
      encoding: "utf8",
    });
    expect(check.stderr).toBe("");
    expect(JSON.parse(check.stdout.trim())).toEqual([true, true, true]);
    expect(existsSync(join(cacheRoot, "cells"))).toBe(true);
  }, 120_000);
});
