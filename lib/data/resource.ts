import type { z } from "zod";
import type { Field, FrictionlessField } from "./fields";
import type { Parser } from "./parser";
import { parser, zod, zodSchema } from "./zod-lazy";

/**
 * A row-level rule: returns a message naming what is wrong with the field, or nothing when the row is fine.
 * @category Loading
 */
export interface RowRule<R> {
  readonly field: keyof R & string;
  readonly check: (row: R) => string | undefined;
}

/**
 * A foreign key: values of `field` (a list field is checked item by item) must exist in `resource`.`key`.
 * @category Loading
 */
export interface ForeignKey<R> {
  readonly field: keyof R & string;
  readonly resource: string;
  readonly key: string;
}

/**
 * A rule over a row and the rows of other resources of the package (read by the loader as needed): returns a message
 * naming what is wrong with `field`, or nothing. Used where a row contradicts another file (a sourced absence on a
 * date a status row covers).
 * @category Loading
 */
export interface PackageRule<R> {
  readonly field: keyof R & string;
  /** Names of the resources the rule reads. */
  readonly reads: readonly string[];
  readonly check: (row: R, rowsOf: (resource: string) => readonly unknown[]) => string | undefined;
}

/**
 * Everything the loader and datapackage.json need to know about one CSV resource.
 * @category Loading
 */
export interface ResourceDef<R> {
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly fields: { readonly [K in keyof R]: Field<R[K]> };
  readonly primaryKey: readonly (keyof R & string)[];
  readonly foreignKeys: readonly ForeignKey<R>[];
  readonly rules: readonly RowRule<R>[];
  /** Rules against other resources, checked with the foreign keys. */
  readonly packageRules: readonly PackageRule<R>[];
  readonly row: Parser<R>;
}

/** `T`, in a position TypeScript does not infer from (so a resource's row type comes from its fields alone). */
type FromFields<T> = [T][T extends unknown ? 0 : never];

/**
 * Builds a resource definition; the zod row schema is assembled from the fields, and the row type is inferred from
 * the fields only, so shared rules (`figureRules()` of lib/data/rules) take it from there.
 * @example
 * const littoral = defineResource({ name: "littoral", path: "littoral.csv", title: "Littoral states", description: "States with a Caspian coast", fields: states.fields, primaryKey: ["iso3"] });
 * littoral.row.parse({ iso3: "AZE", name: "Azerbaijan", region: "South Caucasus", caspian_littoral: "true", note: "" }).caspian_littoral // => true
 * @category Loading
 */
export function defineResource<R>(
  def: Omit<ResourceDef<R>, "row" | "rules" | "foreignKeys" | "packageRules"> & {
    rules?: readonly RowRule<FromFields<R>>[];
    foreignKeys?: readonly ForeignKey<FromFields<R>>[];
    packageRules?: readonly PackageRule<FromFields<R>>[];
  },
): ResourceDef<R> {
  // The row schema is built on first use (zod loads then: see lib/data/zod-lazy).
  const row = parser(() => {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, f] of Object.entries(def.fields) as [string, Field<unknown>][])
      shape[k] = zodSchema(f.schema) as unknown as z.ZodType;
    return zod().object(shape).strict() as unknown as z.ZodType<R, string>;
  });
  return {
    ...def,
    rules: def.rules ?? [],
    foreignKeys: def.foreignKeys ?? [],
    packageRules: def.packageRules ?? [],
    row,
  };
}

/**
 * Column names of a resource, in file order.
 * @example columnsOf(states) // => ["iso3", "name", "region", "caspian_littoral", "note"]
 * @category Loading
 */
export function columnsOf<R>(def: ResourceDef<R>): string[] {
  return Object.keys(def.fields);
}

/**
 * The Frictionless resource descriptor for datapackage.json.
 * @example frictionlessResource(states).path // => "states.csv"
 * @category Loading
 */
export function frictionlessResource<R>(def: ResourceDef<R>): Record<string, unknown> {
  const fields: FrictionlessField[] = (Object.values(def.fields) as Field<unknown>[]).map((f) => f.descriptor);
  const schema: Record<string, unknown> = { fields, primaryKey: [...def.primaryKey], missingValues: [""] };
  if (def.foreignKeys.length > 0) {
    schema.foreignKeys = def.foreignKeys.map((fk) => ({
      fields: fk.field,
      reference: { resource: fk.resource, fields: fk.key },
    }));
  }
  return {
    name: def.name,
    path: def.path,
    title: def.title,
    description: def.description,
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: { delimiter: ",", quoteChar: '"', header: true, lineTerminator: "\n" },
    schema,
  };
}
