import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A code cell: its source, and its tags (e.g. `parameters`). */
export interface CellSpec {
  readonly source: string;
  readonly tags?: readonly string[];
}

/** Writes a minimal nbformat 4.5 notebook on the tslab kernel into `dir/name.ipynb` (benchmark floors and tests). */
export function writeNotebook(dir: string, name: string, cells: readonly (CellSpec | string)[]): string {
  mkdirSync(dir, { recursive: true });
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" },
      language_info: { name: "typescript" },
    },
    cells: cells.map((c, i) => {
      const spec = typeof c === "string" ? { source: c } : c;
      return {
        cell_type: "code",
        id: `cell-${i}`,
        metadata: { tags: [...(spec.tags ?? [])] },
        execution_count: null,
        outputs: [],
        source: spec.source,
      };
    }),
  };
  const file = join(dir, `${name}.ipynb`);
  writeFileSync(file, JSON.stringify(nb, null, 1));
  return file;
}
