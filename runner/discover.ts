// What a run executes: the notebooks selected and read, the parameters each declares, and their output names.
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
} from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { sha256, stableJson } from "../lib/core/hash";
import { UsageError, type RunOptions } from "./options";
import { jupyterPath } from "./paths";

const PLAIN_VALUE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** A string parameter that reads as another JSON value (`"2030"`, `"true"`) must not be named like that value. */
function readsAsJson(text: string): boolean {
  try {
    return typeof JSON.parse(text) !== "string";
  } catch {
    return false;
  }
}

/**
 * Output name of a notebook run: the file name, plus the parameters when given (`03-x--focal-KAZ`). Names never
 * collide: when a key or value is not plain (anything outside `[A-Za-z0-9-]`, a `--`, an empty string, a string that
 * reads as a number, a long slug) or the notebook's own name holds `--`, a readable slug is followed by 8 hex of
 * the sha256 of the notebook name and parameters (`03-x--focal-GEO_KAZ--1a2b3c4d`).
 * @example outputName("notebooks/03-x.ipynb", { focal: "KAZ" }) // => "03-x--focal-KAZ"
 */
export function outputName(notebook: string, parameters: Readonly<Record<string, unknown>> | null): string {
  const base = basename(notebook, ".ipynb");
  const params = parameters ?? {};
  const keys = Object.keys(params).sort();
  let plain = !base.includes("--");
  const parts = keys.map((k) => {
    const v = params[k];
    const text = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
    const plainValue =
      typeof v === "string"
        ? PLAIN_VALUE.test(v) && !readsAsJson(v)
        : (typeof v === "number" || typeof v === "boolean" || v === null) && PLAIN_VALUE.test(text);
    if (!/^[A-Za-z0-9]+$/.test(k) || !plainValue) plain = false;
    return `${k}-${text}`;
  });
  const slug = parts.join("--");
  if (plain && slug.length <= 80) return slug === "" ? base : `${base}--${slug}`;
  const readable = slug.replace(/[^A-Za-z0-9-]+/g, "_").slice(0, 60);
  const hash = sha256(stableJson({ notebook: base, parameters: params })).slice(0, 8);
  return [base, readable, hash].filter((p) => p !== "").join("--");
}

/**
 * Lists the notebooks a run executes, in name order, filtered by `only`.
 * A name in `only` that matches no notebook is an error, so a typo never runs nothing silently.
 * @example selectNotebooks("notebooks", ["03"]) // => ["notebooks/03-multilateral-embeddedness.ipynb"]
 */
export function selectNotebooks(dir: string, only: readonly string[]): string[] {
  if (!existsSync(dir)) throw new UsageError(`notebook folder ${dir} does not exist`);
  const all = readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb") && !f.startsWith("."))
    .sort();
  if (only.length === 0) return all.map((f) => join(dir, f));
  const unknown = only.filter((o) => !all.some((f) => f.includes(o)));
  if (unknown.length > 0) {
    throw new UsageError(
      `no notebook in ${dir} matches ${unknown.map((u) => `"${u}"`).join(", ")}; notebooks: ${all.join(", ")}`,
    );
  }
  return all.filter((f) => only.some((o) => f.includes(o))).map((f) => join(dir, f));
}

/** The parts of an nbformat notebook the runner reads. */
export interface NotebookJson {
  readonly cells: readonly { cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[];
}

/** A notebook file read and checked once: its bytes (what is hashed and executed) and its JSON. */
export interface NotebookSource {
  readonly bytes: Buffer;
  readonly json: NotebookJson;
}

/** What reading a notebook file gives: the notebook, or what is wrong with the file. */
export type NotebookRead = NotebookSource | { readonly problem: string };

/** Larger notebook files are refused rather than read into memory. */
const MAX_NOTEBOOK_BYTES = 256 * 1024 * 1024;

function within(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Reads a notebook of the folder `dir`, or says what is wrong with it: a dangling symlink, a symlink to a file
 * outside `dir` (refused), a folder, FIFO or other non-file, an unreadable file, bytes that are not UTF-8, invalid
 * JSON, or JSON without a `cells` list. The file is opened once, without blocking, and checked on the open handle.
 * @example readNotebook("notebooks/03-x.ipynb", "notebooks") // => { bytes, json } or { problem: "invalid JSON: ..." }
 */
export function readNotebook(file: string, dir: string): NotebookRead {
  let path = file;
  try {
    if (lstatSync(file).isSymbolicLink()) {
      const target = readlinkSync(file);
      try {
        path = realpathSync(file);
      } catch {
        return { problem: `dangling symlink to ${target}` };
      }
      let realDir: string;
      try {
        realDir = realpathSync(dir);
      } catch {
        realDir = resolve(dir);
      }
      if (!within(realDir, path)) return { problem: `symlink to ${path}, outside ${dir}: refused` };
    }
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO never waits for a writer; fstat then refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        problem: `not a regular file (${st.isDirectory() ? "a folder" : st.isFIFO() ? "a FIFO" : "a device or socket"})`,
      };
    if (st.size > MAX_NOTEBOOK_BYTES) return { problem: `too large (${st.size} bytes; at most ${MAX_NOTEBOOK_BYTES})` };
    bytes = readFileSync(fd);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EISDIR") return { problem: "not a regular file (a folder)" };
    return { problem: `cannot be read (${err.message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "not UTF-8 text" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `invalid JSON: ${(e as Error).message}` };
  }
  const cells = (json as { cells?: unknown } | null)?.cells;
  if (
    (json as { nbformat?: unknown } | null)?.nbformat === 3 &&
    Array.isArray((json as { worksheets?: unknown }).worksheets)
  ) {
    return { bytes, json: { cells: [] } }; // nbformat 3: Jupyter converts it; no `parameters` cell is looked for
  }
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(cells)) {
    return { problem: 'not a notebook: no "cells" list' };
  }
  const bad = cells.findIndex(
    (c: unknown) =>
      typeof c !== "object" ||
      c === null ||
      typeof (c as { cell_type?: unknown }).cell_type !== "string" ||
      !(typeof (c as { source?: unknown }).source === "string" || Array.isArray((c as { source?: unknown }).source)),
  );
  if (bad >= 0) return { problem: `not a notebook: cell ${bad + 1} has no cell_type or source` };
  return { bytes, json: json as NotebookJson };
}

/**
 * Names a notebook lets the run set: those its `parameters` cell declares with `let name = ...`, then those its cells
 * tagged `answer` declare (a workbook's answers, `-p answer1=-8.1`).
 * @example parametersDeclaredIn(read.json) // => ["focal", "asOf"] for a cell `let focal = "AZE"; let asOf = "2024";`
 */
export function parametersDeclaredIn(nb: NotebookJson): string[] {
  const tagged = (tag: string) =>
    nb.cells.filter((c) => c.cell_type === "code" && (c.metadata?.tags ?? []).includes(tag));
  // the `parameters` cell (at most one), then the answer cells of a workbook (`let answer1 = null;`, tagged `answer`)
  const cells = [...tagged("parameters").slice(0, 1), ...tagged("answer")];
  return cells.flatMap((cell) => {
    const source = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source);
    return [...source.matchAll(/\blet\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
  });
}

/**
 * The names {@link parametersDeclaredIn} a notebook file (empty when it declares none).
 * Throws an error naming the file and what is wrong when it is not a readable notebook.
 * @example declaredParameters("notebooks/03-multilateral-embeddedness.ipynb") // => ["focal", "asOf", ...]
 */
export function declaredParameters(notebook: string): string[] {
  const read = readNotebook(notebook, dirname(notebook));
  if ("problem" in read) throw new Error(`${notebook}: ${read.problem}`);
  return parametersDeclaredIn(read.json);
}

/**
 * The parameters that apply to one notebook: those of the run its `parameters` cell declares; `null` when none does.
 * @example parametersFor(nb, { focal: "KAZ", unrelated: 1 }) // => { focal: "KAZ" } when nb declares only `focal`
 */
export function parametersFor(
  nb: NotebookJson,
  parameters: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  const declared = new Set(parametersDeclaredIn(nb));
  const own = Object.entries(parameters).filter(([k]) => declared.has(k));
  return own.length > 0 ? Object.fromEntries(own) : null;
}

/** A selected notebook file and what reading it gave (an unreadable one is kept with its problem, to fail alone). */
export interface RunInput {
  readonly file: string;
  readonly read: NotebookRead;
}

/**
 * Everything a run needs that can be checked before the output folder is touched: the notebooks selected (each
 * read once; an unreadable one is kept with its problem, to fail alone), the kernelspec, and that every parameter
 * given is declared by a selected notebook. Throws a {@link UsageError} otherwise.
 */
export function checkRunInputs(options: RunOptions): RunInput[] {
  const notebooks = selectNotebooks(options.notebooksDir, options.only);
  const kernelspec = join(jupyterPath, "kernels", "tslab", "kernel.json");
  if (!existsSync(kernelspec)) {
    throw new UsageError(`the tslab kernelspec is missing from ${jupyterPath}: run scripts/setup.sh first`);
  }
  const spec = readFileSync(kernelspec, "utf8");
  if (!spec.includes("kernel-watchdog") || !spec.includes("kernel-resolve")) {
    throw new UsageError(
      `the tslab kernelspec ${kernelspec} is out of date (its kernels would outlive a killed job, or not find "caspian-lab"): run scripts/setup.sh`,
    );
  }
  const sources = notebooks.map((file) => ({ file, read: readNotebook(file, options.notebooksDir) }));
  const names = Object.keys(options.parameters);
  if (names.length > 0) {
    const declared = new Set(sources.flatMap((s) => ("problem" in s.read ? [] : parametersDeclaredIn(s.read.json))));
    const unknown = names.filter((n) => !declared.has(n));
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown parameter(s) ${unknown.join(", ")}: no selected notebook declares them in its parameters cell or an answer cell (declared: ${[...declared].join(", ") || "none"})`,
      );
    }
  }
  return sources;
}
