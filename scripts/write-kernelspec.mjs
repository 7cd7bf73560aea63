// Writes .jupyter/kernels/tslab/kernel.json for this checkout, and the .jupyter/node_path/caspian-lab package it
// puts on NODE_PATH; leaves both alone when already right.
// The runner and `npm run lab` put <checkout>/.jupyter on JUPYTER_PATH, so Jupyter finds the kernel without touching
// the user's or the system's kernel registry. Any notebook run on this kernel, in any folder, can
// `import * as cl from "caspian-lab"`: Node finds the package through NODE_PATH, and runner/kernel-resolve.js
// teaches tslab's type checker the same.
import { mkdirSync, readFileSync, writeFileSync, renameSync, readlinkSync, symlinkSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const file = join(root, ".jupyter", "kernels", "tslab", "kernel.json");
const nodePath = join(root, ".jupyter", "node_path");

// caspian-lab/ on NODE_PATH: links to the checkout's package.json and dist/ (not to the checkout itself, which
// holds .jupyter/ and would make a loop for anything that walks folders).
const pkgDir = join(nodePath, "caspian-lab");
mkdirSync(pkgDir, { recursive: true });
for (const name of ["package.json", "dist"]) {
  const link = join(pkgDir, name);
  const target = relative(pkgDir, join(root, name));
  let current;
  try {
    current = readlinkSync(link);
  } catch {
    current = undefined;
  }
  if (current !== target) {
    rmSync(link, { force: true, recursive: true });
    symlinkSync(target, link);
  }
}

const spec = {
  // The watchdog makes the kernel exit when the process that started it dies (no orphan kernels); the resolver
  // lets the type checker find caspian-lab through NODE_PATH; the cell cache skips compiling a cell again.
  argv: [
    process.execPath,
    "--require",
    join(root, "runner", "kernel-watchdog.js"),
    "--require",
    join(root, "runner", "kernel-resolve.js"),
    "--require",
    join(root, "runner", "kernel-cell-cache.js"),
    join(root, "node_modules", "tslab", "bin", "tslab"),
    "kernel",
    "--config-path",
    "{connection_file}",
  ],
  display_name: "TypeScript (Caspian Lab)",
  language: "typescript",
  env: { NODE_PATH: nodePath },
};
const text = JSON.stringify(spec, null, 1) + "\n";
let current = "";
try {
  current = readFileSync(file, "utf8");
} catch {
  /* not written yet */
}
if (current !== text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file + ".tmp", text);
  renameSync(file + ".tmp", file);
  console.log(`setup: kernelspec written to ${file}`);
}
