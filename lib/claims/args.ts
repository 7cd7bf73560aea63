/**
 * The `args` contract of claims.csv: one zod schema per test kind (documented in data/README.md, "claims.csv").
 * Any test may instead carry `{"not_checkable": "reason"}` for a claim the data cannot reach.
 * @module
 */
import { z } from "zod";
import { enums } from "../data/resources";
import { parsePartialDate } from "../dates";

const isoDate = z.string().refine((s) => parsePartialDate(s) !== undefined, { message: "expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)" });
const fullDate = z.string().refine((s) => parsePartialDate(s)?.precision === "day", { message: "expected a full date YYYY-MM-DD" });
const status = z.enum(enums.membershipStatus);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A row filter: every key is a column. A scalar matches equal values (or, for a list column, lists containing it);
 * an array matches any of its values (for a list column: lists containing all of them); an object can give
 * `in` (any of), `contains` (list contains all), `size` (list length), `prefix` (text or date starts with),
 * `gte` / `lte` (compare as text, which orders ISO dates).
 */
export const whereSchema = z.record(
  z.string(),
  z.union([
    scalar,
    z.array(scalar),
    z
      .object({
        in: z.array(scalar).optional(),
        contains: z.array(z.string()).optional(),
        size: z.number().int().nonnegative().optional(),
        prefix: z.string().optional(),
        gte: z.string().optional(),
        lte: z.string().optional(),
      })
      .strict(),
  ]),
);
/** A row filter (see {@link whereSchema}). */
export type Where = z.infer<typeof whereSchema>;

/** `status_at`: the state had `status` (or one of several) in `org` on `date`; with `since: true` it also began then. */
export const statusAtArgs = z
  .object({ state: z.string(), org: z.string(), status: z.union([status, z.array(status).min(1)]), date: isoDate, since: z.boolean().optional() })
  .strict();

/** `date`: the date of a row (by `id` or `where`) equals the article's date; `expect` checks further columns. */
export const dateArgs = z
  .object({
    resource: z.enum(["events", "organizations", "memberships", "funds", "capacities"]),
    id: z.string().optional(),
    where: whereSchema.optional(),
    /** Column holding the date; default `date` (events), `founded` (organizations), `since` (memberships), `agreed` (funds), `as_of` (capacities). */
    field: z.string().optional(),
    expect: z
      .object({ place: z.string().optional(), participants: z.array(z.string()).optional(), orgs: z.array(z.string()).optional(), kind: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((a) => a.id !== undefined || a.where !== undefined, { message: "give id or where" });

/** `growth`: a published growth figure for a period against a base period (or one derived from two volumes). */
export const growthArgs = z
  .object({
    resource: z.enum(["transit", "corridor_flows"]),
    scope: z.string(),
    route: z.string().optional(),
    /** Growth metric; default `growth` (transit) or `cargo_growth` (corridor_flows). */
    metric: z.string().optional(),
    /** Volume metric used to derive growth when no growth row is published; default `volume` or `cargo`. */
    volume_metric: z.string().optional(),
    period_start: fullDate,
    period_end: fullDate,
    base_start: fullDate,
    base_end: fullDate,
    /** For a qualitative claim ("rose"): the sign expected instead of a number. */
    expect: z.enum(["increase", "decrease"]).optional(),
  })
  .strict();

/** `count`: how many rows (or states with a status as of a date) match; or whether each of several values occurs. */
export const countArgs = z
  .object({
    resource: z.enum(["memberships", "events", "funds", "states", "organizations"]),
    where: whereSchema.optional(),
    /** memberships: the organisation whose members are counted. */
    org: z.string().optional(),
    /** memberships: the date of the status (default: today); funds: the latest row per fund as of this date. */
    as_of: isoDate.optional(),
    /** memberships: the statuses that count (default: full membership). */
    statuses: z.array(status).optional(),
    /** Count separately for each value of a (list) column; the claim holds when every value occurs. */
    each: z.object({ field: z.string(), values: z.array(z.string()).min(1) }).strict().optional(),
    /** Comparison with the article's number; default `eq` (within the tolerance). */
    op: z.enum(["eq", "gte", "lte", "gt", "lt"]).optional(),
    /**
     * A comparative claim ("more than before"): the count must exceed (`op` gt, default) the count of this other
     * selection of the same resource; the article's value is not used.
     */
    than: z.object({ where: whereSchema }).strict().optional(),
  })
  .strict();

/** `value`: a value of a row equals the article's (within tolerance), or, with `op: "increase"`, a capacity rose. */
export const valueArgs = z
  .object({
    resource: z.enum(["capacities", "corridor_flows", "transit", "funds", "trade"]),
    id: z.string().optional(),
    where: whereSchema.optional(),
    field: z.string().optional(),
    op: z.enum(["eq", "increase"]).optional(),
    /** capacities with `op: "increase"`: the asset and metric, and the date by which the rise is judged. */
    asset: z.string().optional(),
    metric: z.string().optional(),
    as_of: isoDate.optional(),
  })
  .strict();

/** Any test: the claim cannot be checked with data/, and why. */
export const notCheckableArgs = z.object({ not_checkable: z.string().min(1) }).strict();

/** Args of each test kind. */
export const argsSchemas = {
  status_at: statusAtArgs,
  date: dateArgs,
  growth: growthArgs,
  count: countArgs,
  value: valueArgs,
} as const;

export type StatusAtArgs = z.infer<typeof statusAtArgs>;
export type DateArgs = z.infer<typeof dateArgs>;
export type GrowthArgs = z.infer<typeof growthArgs>;
export type CountArgs = z.infer<typeof countArgs>;
export type ValueArgs = z.infer<typeof valueArgs>;

/** Parsed args of a claim: the test's args, or a reason it is not checkable, or what is wrong with them. */
export type ParsedArgs =
  | { readonly ok: true; readonly notCheckable: string }
  | { readonly ok: true; readonly notCheckable?: undefined; readonly args: unknown }
  | { readonly ok: false; readonly error: string };

/**
 * Parses the `args` JSON of a claim against the schema of its test.
 * Missing values: optional args may be left out; malformed JSON or args give `ok: false` with the reason, never a throw.
 * @example parseClaimArgs("status_at", '{"state":"AZE","org":"SCO","status":"dialogue_partner","date":"2015-07-10"}').ok // => true
 * @example parseClaimArgs("date", '{"resource":"events"}').ok // => false (needs id or where)
 */
export function parseClaimArgs(test: keyof typeof argsSchemas, json: string): ParsedArgs {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `args is not JSON (${(e as Error).message})` };
  }
  const nc = notCheckableArgs.safeParse(raw);
  if (nc.success) return { ok: true, notCheckable: nc.data.not_checkable };
  const parsed = argsSchemas[test].safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "args"}: ${i.message}`).join("; ") };
  return { ok: true, args: parsed.data };
}
