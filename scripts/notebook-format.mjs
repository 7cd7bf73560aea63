// The notebook format of Caspian Lab, in one place: notebooks/*.ipynb are the hand-edited source (analysts edit
// them in Jupyter); the "percent" scripts (cells start with `// %%`, `// %% [markdown]`, `// %% tags=parameters`)
// are generated from them for type-checking and review (scripts/notebook-sources.mjs) and can still be turned
// into a notebook (scripts/percent-to-ipynb.mjs). No dependencies: used by the scripts and by
// tests/notebooks/sources.test.ts.
//
// The committed form of a notebook is `serializeNotebook(stripNotebook(nb))`:
// - code cells: execution_count null, outputs [], metadata { tags } only (execution timings, collapsed,
//   scrolled and any other cell metadata are dropped); markdown and raw cells: metadata {} (tags kept if any);
// - each cell's source as lines ending in "\n" (the last without), blank lines at its start and end removed;
// - cell ids kept (a cell without one gets c<index>), the notebook metadata reset to the tslab kernelspec;
// - JSON with a 1-space indent and a trailing newline (the layout Jupyter writes too).
// A percent script round-trips: notebookToPercent(strip(nb)) → percentToNotebook → the same bytes.

/** The notebook-level metadata every Caspian Lab notebook carries. */
export const NOTEBOOK_METADATA = Object.freeze({
  kernelspec: { display_name: "TypeScript (Caspian Lab)", language: "typescript", name: "tslab" },
  language_info: {
    codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
    file_extension: ".ts",
    mimetype: "text/typescript",
    name: "typescript",
    version: "5.0",
  },
});

const defaultId = (i) => `c${String(i).padStart(2, "0")}`;
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const TAG_RE = /^[\w-]+$/;

/** Lines of a cell (no "\n"), blank lines at both ends removed, as nbformat source lines. */
function sourceLines(lines) {
  const out = [...lines];
  while (out.length && out[out.length - 1].trim() === "") out.pop();
  while (out.length && out[0].trim() === "") out.shift();
  return out.map((l, i) => (i < out.length - 1 ? l + "\n" : l));
}

function cellText(source) {
  return Array.isArray(source) ? source.join("") : String(source ?? "");
}

function makeCell(type, id, tags, lines) {
  const source = sourceLines(lines);
  if (type === "code") {
    return { cell_type: "code", execution_count: null, id, metadata: { tags }, outputs: [], source };
  }
  return { cell_type: type, id, metadata: tags.length ? { tags } : {}, source };
}

function makeNotebook(cells) {
  return { cells, metadata: structuredClone(NOTEBOOK_METADATA), nbformat: 4, nbformat_minor: 5 };
}

/** A notebook as committed: 1-space indent, trailing newline. */
export function serializeNotebook(nb) {
  return JSON.stringify(nb, null, 1) + "\n";
}

/**
 * The committed form of a notebook object (see the top of this file). Throws on what the committed form cannot
 * hold without loss (attachments, an unknown cell type, nbformat other than 4).
 */
export function stripNotebook(nb, name = "notebook") {
  if (!nb || typeof nb !== "object" || !Array.isArray(nb.cells))
    throw new Error(`${name}: not a notebook (no cells array)`);
  if (nb.nbformat !== 4)
    throw new Error(`${name}: nbformat ${nb.nbformat}; open and save it in Jupyter (nbformat 4) first`);
  const seen = new Set();
  const cells = nb.cells.map((c, i) => {
    const where = `${name}, cell ${i + 1}`;
    if (!["code", "markdown", "raw"].includes(c.cell_type))
      throw new Error(`${where}: unknown cell type ${c.cell_type}`);
    if (c.attachments && Object.keys(c.attachments).length) {
      throw new Error(`${where}: has attachments (a pasted image); save the image as a file and link it instead`);
    }
    const id = typeof c.id === "string" && c.id !== "" ? c.id : defaultId(i);
    if (!ID_RE.test(id)) throw new Error(`${where}: cell id ${JSON.stringify(id)} is not [A-Za-z0-9_-]{1,64}`);
    if (seen.has(id)) throw new Error(`${where}: duplicate cell id ${id}`);
    seen.add(id);
    const tags = Array.isArray(c.metadata?.tags) ? c.metadata.tags.map(String) : [];
    for (const t of tags)
      if (!TAG_RE.test(t)) throw new Error(`${where}: tag ${JSON.stringify(t)} is not [A-Za-z0-9_-]+`);
    return makeCell(c.cell_type, id, tags, cellText(c.source).split("\n"));
  });
  return makeNotebook(cells);
}

/** The committed text of a notebook's text (parse, strip, serialise). */
export function stripNotebookText(text, name = "notebook") {
  let nb;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: invalid JSON (${e.message})`);
  }
  return serializeNotebook(stripNotebook(nb, name));
}

/** What a committed notebook must not hold: a list of problems (empty when clean). */
export function outputProblems(nb) {
  const problems = [];
  (nb.cells ?? []).forEach((c, i) => {
    if (c.cell_type !== "code") return;
    if (c.execution_count != null) problems.push(`cell ${i + 1}: execution_count ${c.execution_count}`);
    if (Array.isArray(c.outputs) && c.outputs.length) problems.push(`cell ${i + 1}: ${c.outputs.length} output(s)`);
    const extra = Object.keys(c.metadata ?? {}).filter((k) => k !== "tags");
    if (extra.length) problems.push(`cell ${i + 1}: metadata ${extra.join(", ")}`);
  });
  return problems;
}

/**
 * A notebook as a percent script. Markdown lines become `// ` comments; the header carries the tags and, when it is
 * not the default c<index>, the cell id: `// %% [markdown] id=intro`, `// %% tags=parameters`.
 */
export function notebookToPercent(nb) {
  const parts = nb.cells.map((c, i) => {
    const head = ["// %%"];
    if (c.cell_type !== "code") head.push(`[${c.cell_type}]`);
    if (c.id && c.id !== defaultId(i)) head.push(`id=${c.id}`);
    const tags = c.metadata?.tags ?? [];
    if (tags.length) head.push(`tags=${tags.join(",")}`);
    const lines = cellText(c.source).split("\n");
    const body = c.cell_type === "code" ? lines : lines.map((l) => (l === "" ? "//" : `// ${l}`));
    return [head.join(" "), ...(cellText(c.source) === "" ? [] : body)].join("\n");
  });
  return parts.join("\n\n") + "\n";
}

/** A percent script as a notebook (the inverse of notebookToPercent). Text before the first `// %%` is ignored. */
export function percentToNotebook(text) {
  const cells = [];
  let current = null;
  for (const line of text.split("\n")) {
    const m = /^\/\/ %%(.*)$/.exec(line);
    if (m) {
      if (current) cells.push(current);
      const header = m[1].trim();
      const type = /^\[(markdown|raw)\]/.exec(header)?.[1] ?? "code";
      const tags = (/(?:^|\s)tags=([\w,-]+)/.exec(header)?.[1] ?? "").split(",").filter(Boolean);
      const id = /(?:^|\s)id=([A-Za-z0-9_-]+)/.exec(header)?.[1];
      current = { type, tags, id, lines: [] };
      continue;
    }
    if (!current) continue;
    current.lines.push(current.type === "code" ? line : line.replace(/^\/\/ ?/, ""));
  }
  if (current) cells.push(current);
  return makeNotebook(cells.map((c, i) => makeCell(c.type, c.id ?? defaultId(i), c.tags, c.lines)));
}
