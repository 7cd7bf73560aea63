// Minifies plotly.js-dist into dist/assets/plotly.min.js once (10 MB -> about 4.6 MB), so that the bundle
// embedded in each notebook and HTML page stays small. Skipped when the output is newer than the input.
import { buildSync } from "esbuild";
import { copyFileSync, mkdirSync, renameSync, statSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = createRequire(import.meta.url).resolve("plotly.js-dist/plotly.js");
const out = join(root, "dist", "assets", "plotly.min.js");
if (!existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs) {
  mkdirSync(dirname(out), { recursive: true });
  const result = buildSync({
    entryPoints: [src],
    write: false,
    minify: true,
    bundle: false,
    legalComments: "inline",
    logLevel: "error",
  });
  writeFileSync(`${out}.tmp-${process.pid}`, result.outputFiles[0].contents); // atomic: a killed build leaves no half bundle
  renameSync(`${out}.tmp-${process.pid}`, out);
}

// `npm run lab` serves the same bundle to notebooks as an nbextension (JUPYTER_PATH=.jupyter): a chart output
// carries no plotly.js and loads <base url>nbextensions/caspian-lab/plotly.min.js when the page lacks it.
const served = join(root, ".jupyter", "nbextensions", "caspian-lab", "plotly.min.js");
if (
  !existsSync(served) ||
  statSync(served).size !== statSync(out).size ||
  statSync(served).mtimeMs < statSync(out).mtimeMs
) {
  mkdirSync(dirname(served), { recursive: true });
  copyFileSync(out, `${served}.tmp-${process.pid}`);
  renameSync(`${served}.tmp-${process.pid}`, served);
}
