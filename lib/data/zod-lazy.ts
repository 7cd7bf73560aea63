/**
 * zod, loaded on first use, and schemas built the first time they parse: a process that reads every resource from
 * the parsed-data cache (lib/data/parse-cache.ts) never loads zod, which saves a notebook about 0.1 s. Internal to
 * lib/data and lib/indicators/claims (not exported from lib/data/index.ts), so that the published types do not pull
 * zod's declarations into every notebook cell.
 * @module
 */
import type { z } from "zod";
import type { Parser } from "./parser";

/**
 * zod, loaded the first time a schema is built: a process that reads every resource from the parsed-data cache
 * (lib/data/parse-cache.ts) never loads it, which saves a notebook about 0.1 s.
 * @example zod().string().safeParse("x").success // => true
 * @category Loading
 */
export function zod(): typeof z {
  return (require("zod") as typeof import("zod")).z;
}

const ZOD = Symbol("zod schema");

/** A {@link Parser} whose zod schema is built on first use; `parse` throws like zod's. */
interface LazyParser<T> extends Parser<T> {
  parse(input: unknown): T;
  readonly [ZOD]: () => z.ZodType<T, string>;
}

/**
 * A zod schema, built when first used, seen as the {@link Parser} the loader needs.
 * @example parser(() => zod().string().min(1)).safeParse("").success // => false
 * @category Loading
 */
export function parser<T>(build: () => z.ZodType<T, string>): Parser<T> {
  let schema: z.ZodType<T, string> | undefined;
  const get = (): z.ZodType<T, string> => {
    if (schema === undefined) schema = build();
    return schema;
  };
  const lazy: LazyParser<T> = {
    safeParse: (input) => get().safeParse(input) as ReturnType<Parser<T>["safeParse"]>,
    parse: (input) => get().parse(input),
    [ZOD]: get,
  };
  return lazy;
}

/**
 * The zod schema behind a field's parser (built now if it was not yet), to compose a row schema.
 * @example zodSchema(parser(() => zod().string())).safeParse("x").success // => true
 * @category Loading
 */
export function zodSchema<T>(p: Parser<T>): z.ZodType<T, string> {
  const lazy = p as Partial<LazyParser<T>>;
  if (typeof lazy[ZOD] !== "function") throw new TypeError("not a parser of lib/data/fields");
  return lazy[ZOD]();
}
