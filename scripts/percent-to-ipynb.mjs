// Authoring aid: turns a "percent" script (cells start with `// %%`, `// %% [markdown]`, `// %% tags=parameters`)
// into a tslab notebook, for an author who prefers to draft a new notebook in an editor:
//   node scripts/percent-to-ipynb.mjs draft.ts notebooks/07-new.ipynb
// The .ipynb in notebooks/ is the only source afterwards: edit it in Jupyter (or regenerate its percent script
// with `npm run notebooks:src`, edit that copy and convert it back with this script). Format: scripts/notebook-format.mjs.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { percentToNotebook, serializeNotebook } from "./notebook-format.mjs";

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error("usage: node scripts/percent-to-ipynb.mjs <percent-script.ts> <notebook.ipynb>");
  process.exit(2);
}
const nb = percentToNotebook(readFileSync(input, "utf8"));
writeFileSync(output + ".tmp", serializeNotebook(nb));
renameSync(output + ".tmp", output);
console.log(`wrote ${output} (${nb.cells.length} cells)`);
