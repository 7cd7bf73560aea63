// Minifies plotly.js-dist into dist/assets/plotly.min.js once (10 MB -> about 4.6 MB), so that the bundle
// embedded in each notebook and HTML page stays small. Skipped when the output is newer than the input.
import { buildSync } from "esbuild";
import { mkdirSync, statSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = createRequire(import.meta.url).resolve("plotly.js-dist/plotly.js");
const out = join(root, "dist", "assets", "plotly.min.js");
if (!existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs) {
  mkdirSync(dirname(out), { recursive: true });
  buildSync({ entryPoints: [src], outfile: out, minify: true, bundle: false, legalComments: "inline", logLevel: "error" });
}
