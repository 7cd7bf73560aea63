import Module from "node:module";
import { sep } from "node:path";
import type { DataFrame } from "danfojs-node";

/**
 * Packages danfojs-node requires when it loads but uses only inside some of its functions: mathjs (statistics of
 * a column, groupby), xlsx (Excel files) and request (reading a URL). Together they are 80 % of the second that
 * loading danfojs costs; {@link loadDanfo} loads each one the first time danfojs uses it.
 */
const DEFERRED = new Set(["mathjs", "xlsx", "request"]);

/**
 * A stand-in for a module that loads it on first use: a property read (`mathjs_1.median`) or a call (`request(…)`)
 * loads the module and answers from it. `__esModule` is answered without loading (these are CommonJS modules).
 */
function deferredModule(load: () => unknown): unknown {
  let real: unknown;
  const target = (): Record<PropertyKey, unknown> & ((...a: unknown[]) => unknown) => {
    if (real === undefined) real = load();
    return real as Record<PropertyKey, unknown> & ((...a: unknown[]) => unknown);
  };
  return new Proxy(function deferred() {}, {
    get: (_, key) => (key === "__esModule" && real === undefined ? undefined : target()[key]),
    has: (_, key) => key in target(),
    apply: (_, self, args) => Reflect.apply(target(), self, args),
  });
}

let danfo: typeof import("danfojs-node") | undefined;

/** danfojs-node, with {@link DEFERRED} packages loaded on first use (once per process). */
function loadDanfo(): typeof import("danfojs-node") {
  if (danfo !== undefined) return danfo;
  type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    if (DEFERRED.has(request) && (parent?.filename ?? "").includes(`${sep}danfojs-node${sep}`))
      return deferredModule(() => original.call(this, request, parent, isMain));
    return original.call(this, request, parent, isMain);
  };
  try {
    danfo = require("danfojs-node") as typeof import("danfojs-node");
  } finally {
    loader._load = original;
  }
  return danfo;
}

/**
 * A danfojs DataFrame of validated records. danfojs is loaded on first use (about 0.3 s; the parts of it that need
 * mathjs, xlsx or request load those the first time they run),
 * and list fields are joined with ";" so that every column is a scalar. Missing values stay `null`;
 * do arithmetic in lib/, not with danfojs groupby, which counts nulls as zeros.
 * @example
 * // not run: loads danfojs and TensorFlow.js, about 9 s
 * toDataFrame(pkg.corridorFlows).shape // => [pkg.corridorFlows.length, 13]
 * @category Loading
 */
export function toDataFrame<R extends object>(rows: readonly R[]): DataFrame {
  const dfd = loadDanfo();
  if (rows.length === 0) return new dfd.DataFrame([]);
  const columns = Object.keys(rows[0]!);
  const data = rows.map((r) =>
    columns.map((c) => {
      const v = (r as Record<string, unknown>)[c];
      return Array.isArray(v) ? v.join(";") : v === undefined ? null : v;
    }),
  );
  return new dfd.DataFrame(data, { columns });
}
