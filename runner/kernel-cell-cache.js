// The cell compile cache of the tslab kernel: loaded into the kernel with `node --require runner/kernel-cell-cache.js`
// (the kernelspec written by scripts/write-kernelspec.mjs), after runner/kernel-resolve.js.
//
// tslab type-checks and compiles every cell with its own TypeScript program before running it. That costs a kernel
// about 1.3 s at start (the program over lib.d.ts, @types and, at the first `import … from "caspian-lab"`, the
// library's declarations) and 30–800 ms per cell, every time the same cell runs again. This module wraps tslab's
// converter: the result of compiling a cell (the JavaScript, the declarations carried to the next cell, the name of
// the last expression) is stored under a key that holds everything it depends on — the cell's source, the
// declarations of the cells before it, and the type environment (tslab and TypeScript versions, whether the
// notebook's folder sees the checkout's node_modules, NODE_PATH, the library's .d.ts files, the installed packages'
// lock file; not the folder itself, so scratch folders share entries). The same cell in the same environment is
// then not compiled again, and TypeScript's program is only built when a cell misses (lazily, not at kernel start).
// A cell that fails to compile, or that imports a local file (`./x`), is never stored. An entry is checked when read
// (its own hash): a damaged or foreign entry is ignored and the cell compiled again. Writing is atomic and best
// effort (a read-only checkout, as in `npm run grade`, just compiles).
//
// `npm run build` fills the cache for notebooks/ (runner/precompile-cells.js), so the main job's kernels do not
// build a TypeScript program at all when nothing changed. CASPIAN_CELL_CACHE=off turns the cache off.
// CASPIAN_CELL_STATS=<file> appends one JSON line per compiled cell ({ "hit", "ms" }) for bench/.
// CASPIAN_CELL_WARM: milliseconds of idle time after a cached cell before the program is built anyway, for the next
// new cell (default 300, as in Jupyter); `off` in the runner's kernels.
// Plain JavaScript, not compiled, so it works before the first build.

const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

const root = path.resolve(__dirname, "..");
const FORMAT = 1;

const sha256 = (text) => crypto.createHash("sha256").update(text).digest("hex");

function tslabDir() {
  return path.dirname(require.resolve("tslab/package.json", { paths: [root] }));
}

/** Every .d.ts file under `dir`, sorted, as "relative path\0sha256" lines. */
function declarationHashes(dir) {
  const lines = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith(".d.ts")) lines.push(`${r}\0${sha256(fs.readFileSync(path.join(dir, r)))}`);
    }
  };
  walk("");
  return lines.join("\n");
}

function readOr(file, fallback) {
  try {
    return fs.readFileSync(file);
  } catch {
    return fallback;
  }
}

/**
 * The type environment a cell compiles in, or `null` when the cache must not be used (the notebook's folder, or one
 * above it, has a node_modules folder of its own, so its packages are not the checkout's). `hash` covers everything;
 * `library` everything but the folder, so that folders of an older library can be told apart and removed.
 */
function environment(cwd, options) {
  const own = path.join(root, "node_modules");
  let sees = false; // whether the folder sees the checkout's node_modules (it is inside the checkout)
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const nm = path.join(dir, "node_modules");
    if (nm === own) sees = true;
    else if (fs.existsSync(nm)) return null;
    if (path.dirname(dir) === dir) break;
  }
  const tslab = tslabDir();
  const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslab] }));
  const library = sha256(
    JSON.stringify({
      format: FORMAT,
      tslab: JSON.parse(fs.readFileSync(path.join(tslab, "package.json"), "utf8")).version,
      typescript: ts.version,
      node: process.versions.node.split(".")[0],
      js: Boolean(options?.isJS),
      browser: Boolean(options?.isBrowser),
      resolver: sha256(readOr(path.join(__dirname, "kernel-resolve.js"), "")),
      lock: sha256(readOr(path.join(own, ".package-lock.json"), readOr(path.join(root, "package-lock.json"), ""))),
      packageJson: sha256(readOr(path.join(root, "package.json"), "")),
      declarations: sha256(declarationHashes(path.join(root, "dist", "lib"))),
    }),
  );
  // Not the folder itself: a cell that imports no local file (those are never cached) compiles alike in every folder
  // that sees the same packages, so the kernels of `npm run grade`, each in a scratch folder of its own, share
  // the cells compiled once for the handout.
  const hash = sha256(JSON.stringify({ library, packages: sees ? own : "", nodePath: process.env.NODE_PATH || "" }));
  return { hash, library };
}

/** The cache's root folder: `<CASPIAN_CACHE_DIR>/cells`, or .jupyter/cache/cells in the checkout. */
function cacheRoot() {
  const dir = process.env.CASPIAN_CACHE_DIR;
  return dir ? path.join(dir, "cells") : path.join(root, ".jupyter", "cache", "cells");
}

/** The cache folder of one environment: `<library>-<environment>` (12 hex digits each). */
function cacheDir(env) {
  return path.join(cacheRoot(), `${env.library.slice(0, 12)}-${env.hash.slice(0, 12)}`);
}

/** Removes the cache folders made for another library (another .d.ts, lock file, tslab or Node); returns how many. */
function pruneOtherLibraries(env) {
  const keep = `${env.library.slice(0, 12)}-`;
  let removed = 0;
  let names = [];
  try {
    names = fs.readdirSync(cacheRoot());
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.startsWith(keep)) continue;
    fs.rmSync(path.join(cacheRoot(), name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** A cell that reads a local file (its compile depends on that file's text): never cached. */
const LOCAL_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'`]\.{1,2}[/\\"'`]/;

function entryFile(dir, key) {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

function readEntry(dir, key) {
  let text;
  try {
    text = fs.readFileSync(entryFile(dir, key), "utf8");
  } catch {
    return undefined;
  }
  try {
    const entry = JSON.parse(text);
    if (entry.key !== key || sha256(JSON.stringify(entry.result)) !== entry.check) return undefined;
    const r = entry.result;
    if (typeof r !== "object" || r === null || !Array.isArray(r.diagnostics) || r.diagnostics.length > 0)
      return undefined;
    return r;
  } catch {
    return undefined; // damaged: compiled again and rewritten
  }
}

function writeEntry(dir, key, result) {
  const file = entryFile(dir, key);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    // Only the checkout's owner reads the cache (a graded notebook runs as a user of its own, and a teacher's cells
    // hold the answers).
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, JSON.stringify({ key, check: sha256(JSON.stringify(result)), result }));
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to remove */
    }
  }
}

function logStats(hit, ms) {
  const file = process.env.CASPIAN_CELL_STATS;
  if (!file) return;
  try {
    fs.appendFileSync(file, `${JSON.stringify({ hit, ms: Math.round(ms * 10) / 10 })}\n`);
  } catch {
    /* statistics are optional */
  }
}

/**
 * Wraps a tslab converter factory: `convert` answers from the cache when it can, and the real converter (tslab's
 * TypeScript program) is only created when a cell misses, or for completion and inspection.
 */
function cachingConverter(create, options) {
  let real = null;
  let warmTimer = null;
  let lastPrevDecl = "";
  const get = () => {
    if (warmTimer !== null) clearTimeout(warmTimer);
    warmTimer = null;
    if (real === null) real = create();
    return real;
  };
  // In Jupyter, build the TypeScript program once the kernel has been idle for a moment after a cell, so that the
  // first cell a user writes does not wait for it (about 1.3 s); the runner's kernels (CASPIAN_CELL_WARM=off) run
  // cached cells only and never need it.
  const warmAfter = process.env.CASPIAN_CELL_WARM === "off" ? null : Number(process.env.CASPIAN_CELL_WARM) || 300;
  const scheduleWarmUp = (delay = warmAfter) => {
    if (warmAfter === null || real !== null) return;
    if (warmTimer !== null) clearTimeout(warmTimer);
    warmTimer = setTimeout(() => {
      warmTimer = null;
      if (real !== null) return;
      real = create();
      // compile a no-op against the declarations of the cells so far, so that the types they use (caspian-lab's
      // .d.ts) are in the program too; the next new cell then costs only its own check
      try {
        real.convert(lastPrevDecl, "void 0;");
      } catch {
        /* a warm-up only */
      }
    }, delay);
    warmTimer.unref();
  };
  let env;
  let dir;
  const stats = { hits: 0, misses: 0 };
  const current = () => {
    if (env === undefined) {
      try {
        env = process.env.CASPIAN_CELL_CACHE === "off" ? null : environment(fs.realpathSync(process.cwd()), options);
      } catch {
        env = null;
      }
      dir = env === null ? null : cacheDir(env);
    }
    return env;
  };
  const compile = (prevDecl, src, t0) => {
    const r = get().convert(prevDecl, src);
    stats.misses++;
    logStats(false, performance.now() - t0);
    return r;
  };
  // also when no cell runs for a while after the kernel started: later than after a cell, so that the build does not
  // hold up the kernel's first answers to Jupyter (kernel_info)
  scheduleWarmUp(warmAfter === null ? null : Math.max(warmAfter, 2000));
  return {
    stats,
    convert(prevDecl, src) {
      const t0 = performance.now();
      lastPrevDecl = prevDecl;
      if (current() === null || LOCAL_IMPORT.test(src)) return compile(prevDecl, src, t0);
      const key = sha256(`${env.hash}\0${prevDecl}\0${src}`);
      const cached = readEntry(dir, key);
      if (cached !== undefined) {
        stats.hits++;
        logStats(true, performance.now() - t0);
        scheduleWarmUp();
        return cached;
      }
      const r = compile(prevDecl, src, t0);
      if (r.diagnostics.length === 0 && !r.sideOutputs) writeEntry(dir, key, r);
      return r;
    },
    inspect: (...a) => get().inspect(...a),
    complete: (...a) => get().complete(...a),
    addModule: (...a) => get().addModule(...a),
    close() {
      if (real !== null) real.close();
    },
  };
}

/** Installs the wrapper on tslab's converter module (its main module calls `converter_1.createConverter`). */
function install() {
  let converterModule;
  try {
    converterModule = require(path.join(tslabDir(), "dist", "converter.js"));
  } catch {
    return; // not a tslab kernel
  }
  if (converterModule.__caspianCellCache) return;
  const original = converterModule.createConverter;
  converterModule.createConverter = (options) => cachingConverter(() => original(options), options);
  converterModule.__caspianCellCache = true;
}

install();

module.exports = { cachingConverter, environment, cacheDir, cacheRoot, pruneOtherLibraries, LOCAL_IMPORT };
