/**
 * Field builders: each returns a Frictionless field descriptor together with the zod schema that parses the
 * CSV text of that field. One definition serves the loader (zod) and datapackage.json (Frictionless).
 */
import type { z } from "zod";
import { parsePartialDate, partialDateProblem } from "../core/dates";
import type { Parser } from "./parser";
import { parser, zod } from "./zod-lazy";

/**
 * Frictionless Table Schema field descriptor (the subset this package uses).
 * @category Schema and validation
 */
export interface FrictionlessField {
  name: string;
  type: "string" | "number" | "integer" | "boolean" | "date" | "list";
  description: string;
  format?: string;
  delimiter?: string;
  itemType?: string;
  unit?: string;
  constraints?: {
    required?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
    maxLength?: number;
  };
}

export type { ParseIssue, Parser } from "./parser";

/**
 * A field: its descriptor and the zod schema for its CSV text (empty text means missing).
 * @category Schema and validation
 */
export interface Field<T> {
  readonly descriptor: FrictionlessField;
  readonly schema: Parser<T>;
}

const blankToUndefined = (s: string): string | undefined => (s.trim() === "" ? undefined : s);

/**
 * Required text, optionally matching a pattern.
 * @example text("name", "Short English name").schema.parse(" Azerbaijan ") // => "Azerbaijan"
 * @category Schema and validation
 */
export function text(
  name: string,
  description: string,
  opts: { pattern?: RegExp; maxLength?: number; hint?: string } = {},
): Field<string> {
  return {
    descriptor: {
      name,
      type: "string",
      description,
      constraints: {
        required: true,
        ...(opts.pattern ? { pattern: opts.pattern.source } : {}),
        ...(opts.maxLength ? { maxLength: opts.maxLength } : {}),
      },
    },
    schema: parser(() => {
      let s = zod().string().trim().min(1, { message: "is required but empty" });
      if (opts.pattern)
        s = s.regex(opts.pattern, { message: `expected ${opts.hint ?? `text matching ${opts.pattern.source}`}` });
      if (opts.maxLength) s = s.max(opts.maxLength, { message: `expected at most ${opts.maxLength} characters` });
      return s;
    }),
  };
}

/**
 * A kind of identifier the loader brands at parse time: its form, how an error message names it, and the checked
 * constructor that brands a value of that form (`iso3`, `orgId`, `sourceId` of lib/core/types).
 * @category Schema and validation
 */
export interface IdKind<T extends string> {
  readonly pattern: RegExp;
  readonly hint: string;
  readonly brand: (value: string) => T;
}

/**
 * Required identifier of one kind, parsed to its brand (an `Iso3`, `OrgId` or `SourceId`), so that rows reach the
 * library already branded. `opts` may narrow the pattern (`/^AZE$/`) or name it differently in messages.
 * @example
 * const ISO3 = { pattern: /^[A-Z]{3}$/, hint: "an ISO3 code", brand: iso3 };
 * id("state", "State", ISO3).schema.parse("AZE") // => "AZE" (an Iso3)
 * id("state", "State", ISO3).schema.safeParse("aze").success // => false
 * @category Schema and validation
 */
export function id<T extends string>(
  name: string,
  description: string,
  kind: IdKind<T>,
  opts: { pattern?: RegExp; hint?: string } = {},
): Field<T> {
  const pattern = opts.pattern ?? kind.pattern;
  return {
    descriptor: { name, type: "string", description, constraints: { required: true, pattern: pattern.source } },
    schema: parser(() =>
      zod()
        .string()
        .trim()
        .min(1, { message: "is required but empty" })
        .regex(pattern, { message: `expected ${opts.hint ?? kind.hint}` })
        .transform(kind.brand),
    ),
  };
}

/**
 * Optional text: empty becomes `undefined`.
 * @example optionalText("note", "Note").schema.parse("") // => undefined
 * @category Schema and validation
 */
export function optionalText(name: string, description: string): Field<string | undefined> {
  return {
    descriptor: { name, type: "string", description },
    schema: parser(() => zod().string().transform(blankToUndefined)),
  };
}

/**
 * A value from a fixed list.
 * @example oneOf("kind", "Kind of event", ["summit", "meeting"]).schema.safeParse("forum").success // => false
 * @category Schema and validation
 */
export function oneOf<const V extends readonly [string, ...string[]]>(
  name: string,
  description: string,
  values: V,
): Field<V[number]> {
  return {
    descriptor: { name, type: "string", description, constraints: { required: true, enum: values } },
    schema: parser(() =>
      zod()
        .string()
        .trim()
        .pipe(zod().enum(values, { message: `expected one of ${values.join(", ")}` })),
    ),
  };
}

/**
 * Optional value from a fixed list.
 * @example optionalOneOf("kind", "Kind of event", ["summit", "meeting"]).schema.parse("") // => undefined
 * @category Schema and validation
 */
export function optionalOneOf<const V extends readonly [string, ...string[]]>(
  name: string,
  description: string,
  values: V,
): Field<V[number] | undefined> {
  return {
    descriptor: { name, type: "string", description, constraints: { enum: values } },
    schema: parser(() =>
      zod()
        .string()
        .transform(blankToUndefined)
        .pipe(
          zod()
            .enum(values, { message: `expected one of ${values.join(", ")} or empty` })
            .optional(),
        ),
    ),
  };
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function dateSchema(full: boolean) {
  return zod()
    .string()
    .superRefine((s, ctx) => {
      const text = s.trim();
      const d = parsePartialDate(text);
      // a month or day that does not exist is named ("June has 30 days"); a wrong shape says what is expected
      const problem = /^\d{4}(-\d{2}){1,2}$/.test(text) ? partialDateProblem(text) : undefined;
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
      } else if (!d || (full && d.precision !== "day")) {
        ctx.addIssue({
          code: "custom",
          message: full ? "expected a date YYYY-MM-DD" : "expected a date YYYY, YYYY-MM or YYYY-MM-DD",
        });
      } else if (d.year < MIN_YEAR || d.year > MAX_YEAR) {
        ctx.addIssue({ code: "custom", message: `expected a year between ${MIN_YEAR} and ${MAX_YEAR}` });
      }
    });
}

/**
 * Required ISO date; `full` demands a day.
 * @example
 * date("since", "Since").schema.parse("2024-09") // => "2024-09"
 * date("since", "Since", true).schema.safeParse("2024-09").success // => false (full: a day is required)
 * @category Schema and validation
 */
export function date(name: string, description: string, full = false): Field<string> {
  return {
    descriptor: {
      name,
      type: full ? "date" : "string",
      description,
      ...(full ? {} : {}),
      constraints: { required: true, ...(full ? {} : { pattern: PARTIAL_DATE.source }) },
    },
    schema: parser(() => zod().string().trim().min(1, { message: "is required but empty" }).pipe(dateSchema(full))),
  };
}

/**
 * Optional ISO date.
 * @example optionalDate("until", "Until").schema.parse("") // => undefined
 * @category Schema and validation
 */
export function optionalDate(name: string, description: string, full = false): Field<string | undefined> {
  return {
    descriptor: {
      name,
      type: full ? "date" : "string",
      description,
      ...(full ? {} : { constraints: { pattern: PARTIAL_DATE.source } }),
    },
    schema: parser(() => zod().string().transform(blankToUndefined).pipe(dateSchema(full).optional())),
  };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function numberSchema(opts: { minimum?: number; integer?: boolean }) {
  let n = zod().number();
  if (opts.integer) n = n.int({ message: "expected a whole number" });
  if (opts.minimum !== undefined) n = n.min(opts.minimum, { message: `expected a number >= ${opts.minimum}` });
  return zod()
    .string()
    .trim()
    .regex(NUMBER, {
      message: "expected a plain number (digits, optional minus and decimal point, no thousands separators)",
    })
    .transform(Number)
    .pipe(n);
}

/**
 * Options of a number field.
 * @category Schema and validation
 */
export interface NumberOptions {
  readonly minimum?: number;
  readonly integer?: boolean;
  readonly unit?: string;
}

function numberDescriptor(
  name: string,
  description: string,
  opts: NumberOptions,
  required: boolean,
): FrictionlessField {
  const constraints = {
    ...(required ? { required: true } : {}),
    ...(opts.minimum !== undefined ? { minimum: opts.minimum } : {}),
  };
  return {
    name,
    type: opts.integer ? "integer" : "number",
    description,
    ...(opts.unit ? { unit: opts.unit } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/**
 * Required number.
 * @example
 * number("value", "Value", { minimum: 0 }).schema.parse("4.5") // => 4.5
 * number("value", "Value", { minimum: 0 }).schema.safeParse("-1").success // => false
 * @category Schema and validation
 */
export function number(name: string, description: string, opts: NumberOptions = {}): Field<number> {
  return {
    descriptor: numberDescriptor(name, description, opts, true),
    schema: parser(() => zod().string().trim().min(1, { message: "is required but empty" }).pipe(numberSchema(opts))),
  };
}

/**
 * Optional number: empty is `undefined` (a gap, never zero).
 * @example optionalNumber("value", "Value").schema.parse("") // => undefined (a gap, not 0)
 * @category Schema and validation
 */
export function optionalNumber(name: string, description: string, opts: NumberOptions = {}): Field<number | undefined> {
  return {
    descriptor: numberDescriptor(name, description, opts, false),
    schema: parser(() => zod().string().transform(blankToUndefined).pipe(numberSchema(opts).optional())),
  };
}

/**
 * `true` or `false`.
 * @example boolean("caspian_littoral", "Borders the Caspian Sea").schema.parse("true") // => true
 * @category Schema and validation
 */
export function boolean(name: string, description: string): Field<boolean> {
  return {
    descriptor: { name, type: "boolean", description, constraints: { required: true } },
    schema: parser(() =>
      zod()
        .string()
        .trim()
        .pipe(zod().enum(["true", "false"], { message: "expected true or false" }))
        .transform((s) => s === "true"),
    ),
  };
}

/**
 * A `;`-separated list of items matching `item` (may be empty unless `required`).
 * @example list("orgs", "Organisations", /^[A-Z]+$/, "organisation ids").schema.parse("SCO;OTS") // => ["SCO", "OTS"]
 * @category Schema and validation
 */
export function list(name: string, description: string, item: RegExp, hint: string, required = false): Field<string[]> {
  return idList(name, description, { pattern: item, hint, brand: (s: string) => s }, required);
}

/**
 * A `;`-separated list of identifiers of one kind, each parsed to its brand (may be empty unless `required`).
 * @example idList("orgs", "Organisations", { pattern: /^[A-Z][A-Za-z0-9]*$/, hint: "an organisation id", brand: orgId }).schema.parse("SCO;OTS") // => ["SCO", "OTS"]
 * @category Schema and validation
 */
export function idList<T extends string>(
  name: string,
  description: string,
  kind: IdKind<T>,
  required = false,
): Field<T[]> {
  return listOf(
    name,
    description,
    () =>
      zod()
        .string()
        .regex(kind.pattern, { message: `expected ${kind.hint}` })
        .transform(kind.brand),
    kind.hint,
    required,
  );
}

function listOf<T>(
  name: string,
  description: string,
  item: () => z.ZodType<T, string>,
  hint: string,
  required: boolean,
): Field<T[]> {
  return {
    descriptor: {
      name,
      type: "list",
      delimiter: ";",
      itemType: "string",
      description,
      ...(required ? { constraints: { required: true } } : {}),
    },
    schema: parser(() =>
      zod()
        .string()
        .transform((s) =>
          s
            .split(";")
            .map((x) => x.trim())
            .filter((x) => x !== ""),
        )
        .pipe(
          zod()
            .array(item())
            .min(required ? 1 : 0, { message: `expected at least one ${hint}` }),
        ),
    ),
  };
}

/**
 * The zod issue path's first element as a field name.
 * @example fieldOfIssue(["value", 0]) // => "value"
 * @category Schema and validation
 */
export function fieldOfIssue(path: readonly PropertyKey[]): string {
  return path.length > 0 ? String(path[0]) : "";
}
