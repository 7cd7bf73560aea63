// Authoring aid: turns a "percent" script (cells start with `// %% [markdown]` or `// %% tags=parameters`)
// into a tslab notebook. The .ipynb files in notebooks/ are the source of truth once written; edit them in Jupyter
// or regenerate from a percent script:  node scripts/percent-to-ipynb.mjs in.ts notebooks/out.ipynb
import { readFileSync, writeFileSync, renameSync } from "node:fs";

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error("usage: node scripts/percent-to-ipynb.mjs <percent-script.ts> <notebook.ipynb>");
  process.exit(2);
}
const cells = [];
let current = null;
for (const line of readFileSync(input, "utf8").split("\n")) {
  const m = /^\/\/ %%(.*)$/.exec(line);
  if (m) {
    if (current) cells.push(current);
    const header = m[1].trim();
    const markdown = header.startsWith("[markdown]");
    const tags = (/tags=([\w,-]+)/.exec(header)?.[1] ?? "").split(",").filter(Boolean);
    current = { markdown, tags, lines: [] };
    continue;
  }
  if (!current) continue;
  current.lines.push(current.markdown ? line.replace(/^\/\/ ?/, "") : line);
}
if (current) cells.push(current);
const trim = (lines) => {
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  while (lines.length && lines[0].trim() === "") lines.shift();
  return lines.map((l, i) => (i < lines.length - 1 ? l + "\n" : l));
};
const nb = {
  cells: cells.map((c, i) =>
    c.markdown
      ? { cell_type: "markdown", id: `c${String(i).padStart(2, "0")}`, metadata: {}, source: trim(c.lines) }
      : { cell_type: "code", execution_count: null, id: `c${String(i).padStart(2, "0")}`, metadata: { tags: c.tags }, outputs: [], source: trim(c.lines) },
  ),
  metadata: {
    kernelspec: { display_name: "TypeScript (Caspian Lab)", language: "typescript", name: "tslab" },
    language_info: { codemirror_mode: { mode: "typescript", name: "javascript", typescript: true }, file_extension: ".ts", mimetype: "text/typescript", name: "typescript", version: "5.0" },
  },
  nbformat: 4,
  nbformat_minor: 5,
};
writeFileSync(output + ".tmp", JSON.stringify(nb, null, 1) + "\n");
renameSync(output + ".tmp", output);
console.log(`wrote ${output} (${nb.cells.length} cells)`);
