// Writes .jupyter/kernels/tslab/kernel.json for this checkout; leaves it alone when already right.
// The runner and `npm run lab` put <checkout>/.jupyter on JUPYTER_PATH, so Jupyter finds the kernel
// without touching the user's or the system's kernel registry.
import { mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const file = join(root, ".jupyter", "kernels", "tslab", "kernel.json");
const spec = {
  // The watchdog makes the kernel exit when the process that started it dies (no orphan kernels).
  argv: [
    process.execPath,
    "--require",
    join(root, "runner", "kernel-watchdog.js"),
    join(root, "node_modules", "tslab", "bin", "tslab"),
    "kernel",
    "--config-path",
    "{connection_file}",
  ],
  display_name: "TypeScript (Caspian Lab)",
  language: "typescript",
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
