// `npm run build`: compiles lib/, runner/ and bench/ with tsc (incremental) and minifies the plotly bundle.
// Skips tsc when no source is newer than the last successful build, so that `npm start` with nothing
// changed stays fast (the run cache then decides, by content hashes, what to re-execute).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Its own stamp, not tsc's .tsbuildinfo: `tsc --noEmit` rewrites that file without emitting anything.
const stamp = join(root, "dist", ".build-stamp");

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const inputs = ["lib", "runner", "bench", "tsconfig.json", "package-lock.json"]
  .map((p) => join(root, p))
  .filter(existsSync);
const sourceTime = Math.max(...inputs.map(newest));
const force = process.argv.includes("--force");
if (force || !existsSync(stamp) || statSync(stamp).mtimeMs < sourceTime) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  removeStale();
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
/**
 * Removes compiled files whose source is gone (a module moved or deleted): tsc never deletes, and a stale
 * dist/lib/x.js would let a notebook import a module that no longer exists.
 */
function removeStale() {
  for (const top of ["lib", "runner", "bench"]) {
    const walk = (rel) => {
      const dir = join(root, "dist", rel);
      if (!existsSync(dir)) return;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const r = join(rel, e.name);
        if (e.isDirectory()) {
          walk(r);
          if (readdirSync(join(root, "dist", r)).length === 0) rmSync(join(root, "dist", r), { recursive: true });
          continue;
        }
        const src = r.replace(/(\.d)?\.ts$|\.js(\.map)?$|\.d\.ts\.map$/, "");
        if (src === r) continue;
        if (!existsSync(join(root, `${src}.ts`)) && !existsSync(join(root, `${src}.js`))) rmSync(join(root, "dist", r));
      }
    };
    walk(top);
  }
}

const assets = spawnSync(process.execPath, [join(root, "scripts", "build-assets.mjs")], { stdio: "inherit" });
if (assets.status !== 0) process.exit(assets.status ?? 1);

// The kernelspec (with the cell compile cache) and the cache itself for notebooks/: the main job's kernels then
// build no TypeScript program for cells that did not change (runner/kernel-cell-cache.js).
if (existsSync(join(root, "node_modules", "tslab"))) {
  const spec = spawnSync(process.execPath, [join(root, "scripts", "write-kernelspec.mjs")], { stdio: "ignore" });
  if (spec.status !== 0) process.exit(spec.status ?? 1);
  const notebooks = readdirSync(join(root, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(root, "notebooks", f));
  const pre = spawnSync(
    process.execPath,
    ["--require", join(root, "runner", "kernel-resolve.js"), join(root, "runner", "precompile-cells.js"), ...notebooks],
    {
      env: {
        ...process.env,
        NODE_PATH: join(root, ".jupyter", "node_path"),
        CASPIAN_CACHE_DIR: join(root, ".jupyter", "cache"),
      },
      stdio: ["ignore", process.argv.includes("--quiet-cells") ? "ignore" : "inherit", "inherit"],
    },
  );
  if (pre.status !== 0) process.exit(pre.status ?? 1);
}
