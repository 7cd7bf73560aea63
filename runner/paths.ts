// Where things are: the checkout, Jupyter (Python, kernelspec), the data folder in use; output-folder checks.
import { accessSync, constants, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { checkoutRoot } from "../lib/data/paths";

/** The checkout's root folder (this file is compiled to dist/runner/). */
export const projectRoot: string = checkoutRoot(__dirname);

/** The Python that has Jupyter: Debian's, not whatever `python3` is first on PATH. */
export const jupyterPython: string = process.env.CASPIAN_PYTHON ?? "/usr/bin/python3";

/** Project-local Jupyter data folder holding the tslab kernelspec written by scripts/setup.sh. */
export const jupyterPath: string = join(projectRoot, ".jupyter");

/** Environment for Jupyter processes: the project's kernelspec first on JUPYTER_PATH. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const rest = base.JUPYTER_PATH ? `:${base.JUPYTER_PATH}` : "";
  return {
    ...base,
    JUPYTER_PATH: `${jupyterPath}${rest}`,
    PYTHONWARNINGS: "ignore",
    CASPIAN_CACHE_DIR: base.CASPIAN_CACHE_DIR || cacheDir,
  };
}

/**
 * Where the kernels keep compiled cells (runner/kernel-cell-cache.js) and parsed data files
 * (lib/data/parse-cache.ts): `.jupyter/cache` of the checkout, readable by its owner only. `CASPIAN_CACHE_DIR`
 * overrides it (bench/ uses an empty folder to time a run with nothing cached).
 */
export const cacheDir = join(projectRoot, ".jupyter", "cache");

/**
 * The data folder the notebooks' loaders read: `CASPIAN_DATA`, or the checkout's data/, as an absolute path with
 * symlinks resolved. It is an input of every run (another folder never serves this one's outputs), and the kernels
 * get it as `CASPIAN_DATA`, so the runner and the notebooks agree on it whatever the working folder.
 */
export function resolvedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.CASPIAN_DATA;
  const dir = resolve(given !== undefined && given.trim() !== "" ? given : join(projectRoot, "data"));
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** What the output-folder check compares against: the folders of this run and of the machine. */
export interface OutDirContext {
  /** The folder `--out` was resolved against (the current folder). */
  readonly cwd: string;
  /** The notebook folder in use. */
  readonly notebooksDir: string;
  /** The data folder in use (CASPIAN_DATA or the checkout's data/). */
  readonly dataDir: string;
  /** The user's home folder. */
  readonly home: string;
  /** The checkout (default: this one). */
  readonly root?: string;
}

/** The real path of `path`: symlinks resolved in the longest part that exists, the rest appended as written. */
export function realPathOf(path: string): string {
  const abs = resolve(path);
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...tail);
    } catch {
      const up = dirname(head);
      if (up === head) return abs;
      tail.unshift(basename(head));
      head = up;
    }
  }
}

const within = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
};

/**
 * Why `out` must not be the output folder, or `null` when it may be. The main job writes into and deletes inside
 * its output folder, so it may not be the current folder, `/`, the checkout, an ancestor of it, the home folder,
 * or a folder that holds sources (notebooks, data, lib/, runner/, ...) — nor lie inside the data folder in use or
 * the checkout's source folders (a sub-folder of a `--notebooks` folder elsewhere is fine: notebooks are not looked
 * for in sub-folders). Paths are compared both as written and with symlinks resolved.
 * @example outDirProblem("/work/main", ctx) // => "it is the repository root"
 */
export function outDirProblem(out: string, ctx: OutDirContext): string | null {
  const root = ctx.root ?? projectRoot;
  const src = (d: string) => join(root, d);
  /** Folders the output may be neither, nor (unless `false`) an ancestor of. */
  const exact: [string, string, boolean?][] = [
    [ctx.cwd, "the current folder", false],
    [root, "the repository root"],
    [ctx.notebooksDir, "the notebook folder in use"],
    [src("notebooks"), "the notebooks/ folder"],
    [ctx.dataDir, "the data folder in use"],
    [src("data"), "the data/ folder"],
    [ctx.home, "your home folder"],
    ...["lib", "runner", "tests", "scripts", "bench", "docs", "dist", "node_modules", ".git", ".jupyter"].map(
      (d): [string, string] => [src(d), `a folder of sources (${d}/)`],
    ),
  ];
  /** Folders the output may not lie inside. */
  const inside: [string, string][] = [
    [ctx.dataDir, "the data folder in use"],
    ...[
      "notebooks",
      "data",
      "lib",
      "runner",
      "tests",
      "scripts",
      "bench",
      "dist",
      "node_modules",
      ".git",
      ".jupyter",
    ].map((d): [string, string] => [src(d), `${d}/, a folder of sources`]),
  ];
  for (const candidate of new Set([resolve(out), realPathOf(out)])) {
    if (dirname(candidate) === candidate) return "it is the root of the file system";
    for (const [dir, what, ancestors] of exact) {
      for (const d of new Set([resolve(dir), realPathOf(dir)])) {
        if (candidate === d) return `it is ${what}`;
        if (ancestors !== false && within(d, candidate)) return `it holds ${what} (${d})`;
      }
    }
    for (const [dir, what] of inside) {
      for (const d of new Set([resolve(dir), realPathOf(dir)]))
        if (within(candidate, d)) return `it lies inside ${what} (${d})`;
    }
  }
  return null;
}

/**
 * Creates the output folder, or explains in one line why it cannot be written: a path through a file, a read-only
 * file system, no permission. Returns `null` on success, else the reason.
 */
export function makeOutDir(out: string): string | null {
  try {
    mkdirSync(out, { recursive: true });
    accessSync(out, constants.W_OK);
    return null;
  } catch (e) {
    return whyNotWritable(out, e as NodeJS.ErrnoException);
  }
}

/** One line on why `path` (or a file in it) cannot be written, from the error of the attempt. */
export function whyNotWritable(path: string, err: NodeJS.ErrnoException): string {
  // The nearest part of the path that exists says more than the error of a recursive mkdir (which can say ENOENT).
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    if (!statSync(existing).isDirectory()) return `${existing} is a file, not a folder`;
    accessSync(existing, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EROFS") return `${existing} is on a read-only file system`;
    if (code === "EACCES" || code === "EPERM") return `no permission to write in ${existing}`;
  }
  if (err.code === "EROFS") return `${existing} is on a read-only file system`;
  if (err.code === "EACCES" || err.code === "EPERM") return `no permission to write in ${existing}`;
  if (err.code === "ENOSPC") return `no space left on the device of ${existing}`;
  return err.message;
}

/** What marks a folder as an output folder of the main job: its run records, data snapshot, lock or staging area. */
const OUTPUT_MARKS = ["records", ".data-rows.json", ".lock", ".staging"];

/**
 * Why an existing `out` must not be used as an output folder, or `null`: the main job removes pages and files in
 * its output folder that no run owns, so a folder that already holds files of something else (the notebooks' percent
 * sources, CI scripts, a user's documents) is refused. A new folder, an empty one, or one that a main job wrote
 * before (with `records/`, `.data-rows.json`, `.lock` or `.staging/`, as a killed run leaves it) is fine.
 * @example existingFolderProblem("/work/main/.ci") // => "it already holds other files (run, ...) and is not an output folder of Caspian Lab (no records/ of an earlier run); use a new or empty folder"
 */
export function existingFolderProblem(out: string): string | null {
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return "it is a file, not a folder";
  const entries = readdirSync(out);
  if (entries.length === 0 || OUTPUT_MARKS.some((m) => entries.includes(m))) return null;
  const shown = entries.sort().slice(0, 3).join(", ");
  return `it already holds other files (${shown}${entries.length > 3 ? ", ..." : ""}) and is not an output folder of Caspian Lab (no records/ of an earlier run); use a new or empty folder`;
}
