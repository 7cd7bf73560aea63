/**
 * The `args` contract of claims.csv: one interface per test kind, checked at run time by a zod schema (documented
 * in data/README.md, "claims.csv"). Any test may instead carry `{"not_checkable": "reason"}` for a claim the data
 * cannot reach. The schemas stay inside this module, so the published types do not depend on zod's.
 * @module
 */
import type { z } from "zod";
import { zod } from "../../data/zod-lazy";
import { enums } from "../../data/resources";
import { parsePartialDate, partialDateProblem } from "../../core/dates";

/**
 * A value a `where` condition compares with.
 * @category Claims
 */
export type WhereScalar = string | number | boolean;

/**
 * One condition of a {@link Where} filter (see `whereRows`).
 * @category Claims
 */
export type WhereCondition =
  | WhereScalar
  | readonly WhereScalar[]
  | {
      readonly in?: readonly WhereScalar[];
      readonly contains?: readonly string[];
      readonly size?: number;
      readonly prefix?: string;
      readonly gte?: string;
      readonly lte?: string;
    };

/**
 * A row filter: every key is a column. A scalar matches equal values (or, for a list column, lists containing it);
 * an array matches any of its values (for a list column: lists containing all of them); an object can give
 * `in` (any of), `contains` (list contains all), `size` (list length), `prefix` (text or date starts with),
 * `gte` / `lte` (compare as text, which orders ISO dates).
 * @category Claims
 */
export type Where = Readonly<Record<string, WhereCondition>>;

type Status = (typeof enums.membershipStatus)[number];

/**
 * Args of `status_at`: the state had `status` (or one of several) in `org` on `date`; with `since: true` it also began then.
 * @category Claims
 */
export interface StatusAtArgs {
  readonly state: string;
  readonly org: string;
  readonly status: Status | readonly Status[];
  readonly date: string;
  readonly since?: boolean | undefined;
}

/**
 * Args of `date`: the date of a row (by `id` or `where`) equals the article's date; `expect` checks further columns.
 * @category Claims
 */
export interface DateArgs {
  readonly resource: "events" | "conflict" | "organizations" | "memberships" | "funds" | "capacities";
  readonly id?: string | undefined;
  readonly where?: Where | undefined;
  /** Column holding the date; default `date` (events, conflict), `founded` (organizations), `since` (memberships), `agreed` (funds), `as_of` (capacities). */
  readonly field?: string | undefined;
  /**
   * With several matching rows, judge the earliest (or latest) date instead of the best match: a claim about when
   * something began ("from 1993") is about the first row. When it disagrees but another row agrees, the verdict is
   * `partly_supported`.
   */
  readonly pick?: "earliest" | "latest" | undefined;
  readonly expect?:
    | {
        readonly place?: string | undefined;
        readonly participants?: readonly string[] | undefined;
        readonly orgs?: readonly string[] | undefined;
        readonly kind?: string | undefined;
      }
    | undefined;
}

/**
 * Args of `growth`: a published growth figure for a period against a base period (or one derived from two published volumes).
 * @category Claims
 */
export interface GrowthArgs {
  readonly resource: "transit" | "corridor_flows";
  readonly scope: string;
  readonly route?: string | undefined;
  /** Growth metric; default `growth` (transit) or `cargo_growth` (corridor_flows). */
  readonly metric?: string | undefined;
  /** Volume metric used to derive growth when no growth row is published; default `volume` or `cargo`. */
  readonly volume_metric?: string | undefined;
  readonly period_start: string;
  readonly period_end: string;
  readonly base_start: string;
  readonly base_end: string;
  /** For a qualitative claim ("rose"): the sign expected instead of a number. */
  readonly expect?: "increase" | "decrease" | undefined;
  /** With `expect: "increase"`: the growth (percent) a figure must reach to support the claim; a smaller rise supports it partly. */
  readonly at_least?: number | undefined;
}

/**
 * Args of `change`: the change of `metric` in the latest full calendar year the data hold against the year before,
 * within one scope of the rows matching `where`: percent growth (`as: "percent"`; a published growth row of
 * `growth_metric` for that year is used when there is one) or a difference in points (`as: "points"`, for shares);
 * `min` is the threshold of a marked change.
 * @category Claims
 */
export interface ChangeArgs {
  readonly resource: "transit" | "corridor_flows";
  readonly where: Where;
  readonly metric: string;
  readonly growth_metric?: string | undefined;
  readonly as: "percent" | "points";
  readonly min: number;
}

/**
 * Args of `count`: how many rows (or states with a status as of a date) match; or whether each of several values occurs.
 * @category Claims
 */
export interface CountArgs {
  readonly resource:
    | "memberships"
    | "events"
    | "funds"
    | "states"
    | "organizations"
    | "agreement_topics"
    | "observations";
  readonly where?: Where | undefined;
  /** memberships: the organisation whose members are counted. */
  readonly org?: string | undefined;
  /** memberships: the date of the status (default: today); funds: the latest row per fund as of this date. */
  readonly as_of?: string | undefined;
  /** memberships: the statuses that count (default: full membership). */
  readonly statuses?: readonly Status[] | undefined;
  /** Count separately for each value of a (list) column; the claim holds when every value occurs. */
  readonly each?: { readonly field: string; readonly values: readonly string[] } | undefined;
  /** Comparison with the article's number; default `eq` (within the tolerance). */
  readonly op?: "eq" | "gte" | "lte" | "gt" | "lt" | undefined;
  /** A comparative claim: the count must exceed (`op` gt, default) the count of this other selection of the same resource. */
  readonly than?: { readonly where: Where } | undefined;
  /**
   * With `than`: compare counts per year, each divided by the length of its selection's `date` range (`gte`…`lte`),
   * so periods of different length compare fairly.
   */
  readonly per_year?: boolean | undefined;
}

/**
 * Args of `value`: a value of a row equals the article's (within tolerance), or, with `op: "increase"`, a capacity rose.
 * @category Claims
 */
export interface ValueArgs {
  readonly resource: "capacities" | "corridor_flows" | "transit" | "funds" | "trade" | "observations";
  readonly id?: string | undefined;
  readonly where?: Where | undefined;
  readonly field?: string | undefined;
  readonly op?: "eq" | "increase" | undefined;
  /** capacities with `op: "increase"`: the asset and metric, and the date by which the rise is judged. */
  readonly asset?: string | undefined;
  readonly metric?: string | undefined;
  /** The date by which a rise (or, for observations, the latest value) is judged. */
  readonly as_of?: string | undefined;
  /** observations with `op: "increase"`: the start of the window; the earliest row dated on or after it is the base. */
  readonly from?: string | undefined;
}

/**
 * Args of `share`: the share (in percent) of the states matching `of` (states.csv columns and state_attributes.csv
 * attributes, e.g. `{"m49_region": "Asia"}`) that hold one of `statuses` in `org` on `as_of`; compared by `op` with
 * `threshold` (for a word like "most": `gt` 50) or, without one, with the article's number within the tolerance.
 * @category Claims
 */
export interface ShareArgs {
  readonly org: string;
  readonly as_of: string;
  readonly statuses?: readonly Status[] | undefined;
  readonly of: Where;
  readonly op?: "eq" | "gte" | "lte" | "gt" | "lt" | undefined;
  readonly threshold?: number | undefined;
}

/**
 * Args of `ties`: for each partner, the ties it shares with `state`: every attribute of state_attributes.csv with a
 * value in common, and (with `org`) both holding full membership of `org` on `as_of`. A partner shares ties when it
 * has at least `min` of them; the claim holds when every partner does.
 * @category Claims
 */
export interface TiesArgs {
  readonly state: string;
  readonly partners: readonly string[];
  readonly attributes: readonly string[];
  readonly org?: string | undefined;
  readonly as_of: string;
  readonly min: number;
}

/**
 * Args of `balance`: the multi-vector balance index (lib/indicators/balance, default weights and spheres) of `state`
 * on `date` against the same index of each state of `against`: supported when it is above their median, partly
 * when equal to it (within 0.005), not supported below.
 * @category Claims
 */
export interface BalanceArgs {
  readonly state: string;
  readonly against: readonly string[];
  readonly date: string;
}

/**
 * A test of claims.csv.
 * @category Claims
 */
export type ClaimTest = (typeof enums.claimTest)[number];

/** The zod schemas of the arguments of each test, built on first use (zod loads then, see `zod` in lib/data/fields). */
function buildSchemas() {
  const zv = zod();
  /** An issue for a date that does not exist ("2026-06-31: June has 30 days"), else the shape expected. */
  const dateIssue = (full: boolean) => (s: string, ctx: z.RefinementCtx) => {
    const d = parsePartialDate(s);
    if (d && (!full || d.precision === "day")) return;
    const problem = /^\d{4}(-\d{2}){1,2}$/.test(s) ? partialDateProblem(s) : undefined;
    ctx.addIssue({
      code: "custom",
      message: problem
        ? `${s}: ${problem}`
        : full
          ? "expected a full date YYYY-MM-DD"
          : "expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
    });
  };
  const isoDate = zv.string().superRefine(dateIssue(false));
  const fullDate = zv.string().superRefine(dateIssue(true));
  const status = zv.enum(enums.membershipStatus);
  const scalar = zv.union([zv.string(), zv.number(), zv.boolean()]);

  const whereSchema = zv.record(
    zv.string(),
    zv.union([
      scalar,
      zv.array(scalar),
      zv
        .object({
          in: zv.array(scalar).optional(),
          contains: zv.array(zv.string()).optional(),
          size: zv.number().int().nonnegative().optional(),
          prefix: zv.string().optional(),
          gte: zv.string().optional(),
          lte: zv.string().optional(),
        })
        .strict(),
    ]),
  );

  const statusAtArgs = zv
    .object({
      state: zv.string(),
      org: zv.string(),
      status: zv.union([status, zv.array(status).min(1)]),
      date: isoDate,
      since: zv.boolean().optional(),
    })
    .strict();

  const dateArgs = zv
    .object({
      resource: zv.enum(["events", "conflict", "organizations", "memberships", "funds", "capacities"]),
      id: zv.string().optional(),
      where: whereSchema.optional(),
      /** Column holding the date; default `date` (events, conflict), `founded` (organizations), `since` (memberships), `agreed` (funds), `as_of` (capacities). */
      field: zv.string().optional(),
      pick: zv.enum(["earliest", "latest"]).optional(),
      expect: zv
        .object({
          place: zv.string().optional(),
          participants: zv.array(zv.string()).optional(),
          orgs: zv.array(zv.string()).optional(),
          kind: zv.string().optional(),
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine((a) => a.id !== undefined || a.where !== undefined, { message: "give id or where" });

  const growthArgs = zv
    .object({
      resource: zv.enum(["transit", "corridor_flows"]),
      scope: zv.string(),
      route: zv.string().optional(),
      /** Growth metric; default `growth` (transit) or `cargo_growth` (corridor_flows). */
      metric: zv.string().optional(),
      /** Volume metric used to derive growth when no growth row is published; default `volume` or `cargo`. */
      volume_metric: zv.string().optional(),
      period_start: fullDate,
      period_end: fullDate,
      base_start: fullDate,
      base_end: fullDate,
      /** For a qualitative claim ("rose"): the sign expected instead of a number. */
      expect: zv.enum(["increase", "decrease"]).optional(),
      at_least: zv.number().optional(),
    })
    .strict();

  const changeArgs = zv
    .object({
      resource: zv.enum(["transit", "corridor_flows"]),
      where: whereSchema,
      metric: zv.string(),
      growth_metric: zv.string().optional(),
      as: zv.enum(["percent", "points"]),
      min: zv.number(),
    })
    .strict();

  const countArgs = zv
    .object({
      resource: zv.enum([
        "memberships",
        "events",
        "funds",
        "states",
        "organizations",
        "agreement_topics",
        "observations",
      ]),
      where: whereSchema.optional(),
      /** memberships: the organisation whose members are counted. */
      org: zv.string().optional(),
      /** memberships: the date of the status (default: today); funds: the latest row per fund as of this date. */
      as_of: isoDate.optional(),
      /** memberships: the statuses that count (default: full membership). */
      statuses: zv.array(status).optional(),
      /** Count separately for each value of a (list) column; the claim holds when every value occurs. */
      each: zv
        .object({ field: zv.string(), values: zv.array(zv.string()).min(1) })
        .strict()
        .optional(),
      /** Comparison with the article's number; default `eq` (within the tolerance). */
      op: zv.enum(["eq", "gte", "lte", "gt", "lt"]).optional(),
      /**
       * A comparative claim ("more than before"): the count must exceed (`op` gt, default) the count of this other
       * selection of the same resource; the article's value is not used.
       */
      than: zv.object({ where: whereSchema }).strict().optional(),
      per_year: zv.boolean().optional(),
    })
    .strict();

  const valueArgs = zv
    .object({
      resource: zv.enum(["capacities", "corridor_flows", "transit", "funds", "trade", "observations"]),
      id: zv.string().optional(),
      where: whereSchema.optional(),
      field: zv.string().optional(),
      op: zv.enum(["eq", "increase"]).optional(),
      /** capacities with `op: "increase"`: the asset and metric, and the date by which the rise is judged. */
      asset: zv.string().optional(),
      metric: zv.string().optional(),
      as_of: isoDate.optional(),
      from: isoDate.optional(),
    })
    .strict();

  const shareArgs = zv
    .object({
      org: zv.string(),
      as_of: isoDate,
      statuses: zv.array(status).optional(),
      of: whereSchema,
      op: zv.enum(["eq", "gte", "lte", "gt", "lt"]).optional(),
      threshold: zv.number().optional(),
    })
    .strict();

  const tiesArgs = zv
    .object({
      state: zv.string(),
      partners: zv.array(zv.string()).min(1),
      attributes: zv.array(zv.enum(enums.stateAttribute)),
      org: zv.string().optional(),
      as_of: isoDate,
      min: zv.number().int().positive(),
    })
    .strict();

  const balanceArgs = zv
    .object({
      state: zv.string(),
      against: zv.array(zv.string()).min(1),
      date: isoDate,
    })
    .strict();

  const notCheckableArgs = zv.object({ not_checkable: zv.string().min(1) }).strict();

  const argsSchemas: Record<ClaimTest, z.ZodType> = {
    status_at: statusAtArgs,
    date: dateArgs,
    growth: growthArgs,
    count: countArgs,
    value: valueArgs,
    share: shareArgs,
    ties: tiesArgs,
    balance: balanceArgs,
    change: changeArgs,
  };

  return {
    statusAtArgs,
    dateArgs,
    growthArgs,
    countArgs,
    valueArgs,
    shareArgs,
    tiesArgs,
    balanceArgs,
    changeArgs,
    notCheckableArgs,
    argsSchemas,
  };
}

let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = (): ReturnType<typeof buildSchemas> => {
  built ??= buildSchemas();
  return built;
};
type Schemas = ReturnType<typeof buildSchemas>;

// Compile-time checks that the schemas parse to the documented interfaces.
const _check: [
  z.infer<Schemas["statusAtArgs"]> extends StatusAtArgs ? true : never,
  z.infer<Schemas["dateArgs"]> extends DateArgs ? true : never,
  z.infer<Schemas["growthArgs"]> extends GrowthArgs ? true : never,
  z.infer<Schemas["countArgs"]> extends CountArgs ? true : never,
  z.infer<Schemas["valueArgs"]> extends ValueArgs ? true : never,
  z.infer<Schemas["shareArgs"]> extends ShareArgs ? true : never,
  z.infer<Schemas["tiesArgs"]> extends TiesArgs ? true : never,
  z.infer<Schemas["balanceArgs"]> extends BalanceArgs ? true : never,
  z.infer<Schemas["changeArgs"]> extends ChangeArgs ? true : never,
] = [true, true, true, true, true, true, true, true, true];
void _check;

/**
 * Parsed args of a claim: the test's args, or a reason it is not checkable, or what is wrong with them.
 * @category Claims
 */
export type ParsedArgs =
  | { readonly ok: true; readonly notCheckable: string }
  | { readonly ok: true; readonly notCheckable?: undefined; readonly args: unknown }
  | { readonly ok: false; readonly error: string };

/**
 * Parses the `args` JSON of a claim against the schema of its test.
 * Missing values: optional args may be left out; malformed JSON or args give `ok: false` with the reason, never a throw.
 * @example parseClaimArgs("status_at", '{"state":"AZE","org":"SCO","status":"dialogue_partner","date":"2015-07-10"}').ok // => true
 * @example parseClaimArgs("date", '{"resource":"events"}').ok // => false (needs id or where)
 * @category Claims
 */
export function parseClaimArgs(test: ClaimTest, json: string): ParsedArgs {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `args is not JSON (${(e as Error).message})` };
  }
  const { notCheckableArgs, argsSchemas } = schemas();
  const nc = notCheckableArgs.safeParse(raw);
  if (nc.success) return { ok: true, notCheckable: nc.data.not_checkable };
  const parsed = argsSchemas[test].safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join(".") || "args"}: ${i.message}`).join("; "),
    };
  return { ok: true, args: parsed.data };
}
