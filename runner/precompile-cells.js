// Fills the cell compile cache (runner/kernel-cell-cache.js) for notebooks: compiles each code cell in order, as the
// tslab kernel would on a run with the notebook's own parameters, in one process with one TypeScript program per
// folder. `npm run build` calls it for notebooks/*.ipynb. Cells already in the cache are not compiled again, so with
// nothing changed it takes milliseconds. A notebook stops at its first cell that does not compile (the kernel reports
// that cell's error when it runs). Cache folders made for another library (another .d.ts or lock file) are removed,
// and parsed data files (lib/data/parse-cache.ts) written more than 30 days ago.
//   NODE_PATH=.jupyter/node_path node --require runner/kernel-resolve.js runner/precompile-cells.js notebooks/*.ipynb
// Prints one line: cells compiled and reused. Plain JavaScript, like the kernel modules it drives.

const fs = require("node:fs");
const path = require("node:path");
const cache = require("./kernel-cell-cache.js");

const OPTIONS = { isJS: false, isBrowser: false };
process.env.CASPIAN_CELL_WARM = "off"; // this process builds the program only for a cell that misses

/** Parsed data files (lib/data/parse-cache.ts) older than this are removed: a later read parses the file again. */
const DATA_CACHE_DAYS = 30;

/** Removes entries of the parsed-data cache written more than DATA_CACHE_DAYS ago; returns how many. */
function pruneDataCache() {
  const dir = path.join(path.dirname(cache.cacheRoot()), "data");
  const before = Date.now() - DATA_CACHE_DAYS * 24 * 3600 * 1000;
  let removed = 0;
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith(".bin")) continue;
    const file = path.join(e.parentPath, e.name);
    try {
      if (fs.statSync(file).mtimeMs < before) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      /* removed meanwhile */
    }
  }
  return removed;
}

function main(files) {
  const tslab = path.dirname(require.resolve("tslab/package.json", { paths: [path.resolve(__dirname, "..")] }));
  const { createConverter } = require(path.join(tslab, "dist", "converter.js"));
  const { getCodeMetadata } = require(path.join(tslab, "dist", "metadata.js"));
  const byFolder = new Map();
  for (const f of files) {
    const dir = fs.realpathSync(path.dirname(path.resolve(f)));
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), path.resolve(f)]);
  }
  const t0 = performance.now();
  let compiled = 0;
  let reused = 0;
  let pruned = 0;
  for (const [dir, notebooks] of byFolder) {
    process.chdir(dir); // tslab's program and the cache key use the kernel's folder, the notebook's
    const env = cache.environment(dir, OPTIONS);
    if (env === null) continue;
    pruned += cache.pruneOtherLibraries(env);
    // createConverter is tslab's own (wrapped by kernel-cell-cache.js when it was required): the wrapper builds a
    // TypeScript program only for the first cell that misses.
    const conv = cache.cachingConverter(() => createConverter(OPTIONS), OPTIONS);
    for (const file of notebooks) {
      const nb = JSON.parse(fs.readFileSync(file, "utf8"));
      let prevDecl = "";
      for (const cell of nb.cells ?? []) {
        if (cell.cell_type !== "code") continue;
        const src = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source ?? "");
        const meta = getCodeMetadata(src);
        if (meta.module || meta.mode === "browser") continue; // tslab does not compile these with convert()
        const r = conv.convert(prevDecl, src);
        if (r.diagnostics.length > 0) break;
        prevDecl = r.declOutput || "";
      }
    }
    conv.close();
    compiled += conv.stats.misses;
    reused += conv.stats.hits;
  }
  pruned += pruneDataCache();
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  const old = pruned > 0 ? `; removed ${pruned} stale cache folder(s) or parsed file(s)` : "";
  if (compiled > 0 || pruned > 0 || process.argv.includes("--verbose"))
    console.log(`precompile-cells: ${compiled} cell(s) compiled, ${reused} reused, in ${s} s${old}`);
}

main(process.argv.slice(2).filter((a) => a !== "--verbose"));
