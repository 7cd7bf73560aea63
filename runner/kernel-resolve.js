// Kernel module resolution: loaded into the tslab kernel with `node --require runner/kernel-resolve.js` (the
// kernelspec written by scripts/write-kernelspec.mjs), so that a notebook in any folder can write
// `import * as cl from "caspian-lab"`.
//
// Node's own `require` finds the package through NODE_PATH: the kernelspec sets it to <checkout>/.jupyter/node_path,
// which holds caspian-lab/ (links to the checkout's package.json and dist/). tslab's type checker does not read
// NODE_PATH: TypeScript's Node10 resolution looks only in node_modules folders above the notebook, so a cell that
// imports "caspian-lab" from /tmp/submissions would fail to compile. This teaches it NODE_PATH, the way tslab itself
// maps <cwd>/node_modules/tslab to its own folder: a path <dir>/node_modules/<name>/… that does not exist, where
// <name> is a package in a NODE_PATH folder, is read from <NODE_PATH folder>/<name>/… instead (and its real path is
// the checkout's file, so every cell sees one copy of each declaration). Nothing else changes: a notebook folder
// with its own node_modules/<name> keeps it. Plain JavaScript, not compiled, so it works before the first build.

(function teachNodePath() {
  const fs = require("node:fs");
  const path = require("node:path");
  const folders = (process.env.NODE_PATH || "")
    .split(path.delimiter)
    .filter((d) => d !== "" && path.isAbsolute(d) && fs.existsSync(d));
  const names = new Set(folders.flatMap((d) => fs.readdirSync(d).filter((n) => !n.startsWith("."))));
  if (names.size === 0) return;
  let ts;
  try {
    const tslab = path.dirname(require.resolve("tslab/package.json"));
    ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslab] }));
  } catch {
    return; // not a tslab kernel: nothing to teach
  }
  const marker = `${path.sep}node_modules${path.sep}`;
  /** The NODE_PATH counterpart of a missing <dir>/node_modules/<name>/… path, or undefined. */
  function counterpart(p) {
    const i = p.lastIndexOf(marker);
    if (i < 0) return undefined;
    const rest = p.slice(i + marker.length);
    if (!names.has(rest.split(path.sep)[0])) return undefined;
    if (fs.existsSync(p)) return undefined;
    for (const d of folders) {
      const q = path.join(d, rest);
      if (fs.existsSync(q)) return q;
    }
    return undefined;
  }
  const sys = ts.sys;
  const wrap = (name, fallback) => {
    const original = sys[name].bind(sys);
    sys[name] = (p, ...rest) => {
      const q = typeof p === "string" ? counterpart(p) : undefined;
      return q === undefined ? original(p, ...rest) : fallback(original, q, rest);
    };
  };
  wrap("fileExists", (original, q) => original(q));
  wrap("directoryExists", (original, q) => original(q));
  wrap("readFile", (original, q, rest) => original(q, ...rest));
  if (typeof sys.realpath === "function") wrap("realpath", (original, q) => original(q));
})();
