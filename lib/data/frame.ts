import type { DataFrame } from "danfojs-node";

/**
 * A danfojs DataFrame of validated records. danfojs is loaded on first use (it takes about two seconds),
 * and list fields are joined with ";" so that every column is a scalar. Missing values stay `null`;
 * do arithmetic in lib/, not with danfojs groupby, which counts nulls as zeros.
 * @example
 * // not run: loads danfojs and TensorFlow.js, about 9 s
 * toDataFrame(pkg.corridorFlows).shape // => [pkg.corridorFlows.length, 13]
 */
export function toDataFrame<R extends object>(rows: readonly R[]): DataFrame {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dfd = require("danfojs-node") as typeof import("danfojs-node");
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
