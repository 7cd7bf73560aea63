// Counts the code lines of the notebooks (non-blank, non-comment lines of code cells), per notebook and in total:
//   node scripts/notebook-lines.mjs [notebooks/]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "notebooks";
let total = 0;
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith(".ipynb"))
  .sort()) {
  const nb = JSON.parse(readFileSync(join(dir, f), "utf8"));
  let n = 0;
  let inBlock = false;
  for (const c of nb.cells) {
    if (c.cell_type !== "code") continue;
    const src = Array.isArray(c.source) ? c.source.join("") : c.source;
    for (const line of src.split("\n")) {
      let t = line.trim();
      if (inBlock) {
        if (t.includes("*/")) {
          inBlock = false;
          t = t.slice(t.indexOf("*/") + 2).trim();
        } else continue;
      }
      if (t.startsWith("/*")) {
        if (!t.includes("*/")) inBlock = true;
        continue;
      }
      if (t === "" || t.startsWith("//")) continue;
      n++;
    }
  }
  total += n;
  console.log(`${String(n).padStart(5)}  ${f}`);
}
console.log(`${String(total).padStart(5)}  total`);
