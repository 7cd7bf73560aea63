// Types for scripts/notebook-format.mjs (imported by tests/notebooks/sources.test.ts).
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  id: string;
  metadata: { tags?: string[] } & Record<string, unknown>;
  source: string[] | string;
  execution_count?: number | null;
  outputs?: unknown[];
  attachments?: Record<string, unknown>;
}
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}
export declare const NOTEBOOK_METADATA: Readonly<Record<string, unknown>>;
export declare function serializeNotebook(nb: Notebook): string;
export declare function stripNotebook(nb: unknown, name?: string): Notebook;
export declare function stripNotebookText(text: string, name?: string): string;
export declare function outputProblems(nb: Notebook): string[];
export declare function notebookToPercent(nb: Notebook): string;
export declare function percentToNotebook(text: string): Notebook;
