/**
 * Selecting a {@link Series} from the rows of corridor_flows.csv or transit.csv.
 * @module
 */
import type { CorridorFlowRow, TransitRow } from "../../data/resources";
import { mergeSources, type Series, type SeriesPoint, type SourceId, type ValueStatus } from "../../core/types";
import { periodLabel } from "../../core/period";
import { rowSources } from "./sources";

/**
 * A row that can become a series point: the common columns of corridor_flows.csv and transit.csv.
 * @category Series
 */
export interface SeriesRow {
  readonly id: string;
  readonly route?: string;
  readonly scope: string;
  readonly period_start: string;
  readonly period_end: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** Missing (transit.csv has no status column) means `actual`. */
  readonly status?: ValueStatus;
  readonly sources: readonly SourceId[];
}

/**
 * What to select. Every given field must match; lists match any of their items.
 * @category Series
 */
export interface SeriesQuery {
  /** corridor_flows `route` (`titr`, `baku_port`, `btk`). */
  readonly route?: string;
  /** Scope or scopes. Without `allowMixed`, the selected rows must all have one scope. */
  readonly scope?: string | readonly string[];
  /** Metric (`cargo`, `containers`, `volume`, `growth`, …). Required: a series never mixes metrics. */
  readonly metric: string;
  /** Unit (`t`, `TEU`, `containers`, `percent`); without it and without `allowMixed`, the rows must share one unit. */
  readonly unit?: string;
  /** Statuses to keep; default `["actual"]`. `"any"` keeps plans and forecasts too. */
  readonly status?: ValueStatus | readonly ValueStatus[] | "any";
  /** Keep only these row ids (to settle conflicting figures explicitly). */
  readonly ids?: readonly string[];
  /** Drop these row ids. */
  readonly exclude?: readonly string[];
  /** Allow several scopes, units or routes in one series; the result then says what was mixed in `mixed`. */
  readonly allowMixed?: boolean;
  /** Series id; default `route:scope:metric`. */
  readonly id?: string;
  /** Series label; default built from the query. */
  readonly label?: string;
}

/**
 * Thrown when the selected rows differ in scope, unit or route and the caller did not allow mixing.
 * @category Series
 */
export class MixedSeriesError extends Error {
  override readonly name = "MixedSeriesError";
  constructor(
    message: string,
    /** What differs, e.g. `scope: caspian_ports, whole_route`. */
    readonly mixed: string,
  ) {
    super(message);
  }
}

/**
 * Thrown when two selected rows describe the same period (conflicting figures); choose with `ids` or `exclude`.
 * @category Series
 */
export class DuplicatePeriodError extends Error {
  override readonly name = "DuplicatePeriodError";
  constructor(
    message: string,
    /** Ids of the rows that share a period. */
    readonly rowIds: readonly string[],
  ) {
    super(message);
  }
}

function asList<T>(v: T | readonly T[] | undefined): readonly T[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/**
 * Builds a series from any rows of the {@link SeriesRow} shape. Points are sorted by period start, then end.
 * Refuses (throws {@link MixedSeriesError}) to mix scopes, units or routes unless `allowMixed` is set, in which case
 * `mixed` says what was mixed; refuses ({@link DuplicatePeriodError}) two rows for the same period, scope, unit and route (whatever their status:
 * an actual figure and a forecast for the same year are two rows to choose between).
 * Missing values: rows are never missing values (gaps are not rows in data/); an empty selection gives a series
 * with no points.
 * @example
 * const rows = [{ id: "a", scope: "s", period_start: "2023-01-01", period_end: "2023-12-31", metric: "cargo", value: 5, unit: "t", sources: ["x"] }];
 * seriesFromRows(rows, { metric: "cargo" }).points[0]?.label // => "2023"
 * @category Series
 */
export function seriesFromRows(rows: readonly SeriesRow[], query: SeriesQuery): Series {
  const scopes = asList(query.scope);
  const statuses = query.status === "any" ? undefined : (asList(query.status) ?? ["actual"]);
  const picked = rows.filter(
    (r) =>
      r.metric === query.metric &&
      (query.unit === undefined || r.unit === query.unit) &&
      (query.route === undefined || r.route === query.route) &&
      (scopes === undefined || scopes.includes(r.scope)) &&
      (statuses === undefined || statuses.includes(r.status ?? "actual")) &&
      (query.ids === undefined || query.ids.includes(r.id)) &&
      !(query.exclude ?? []).includes(r.id),
  );
  const distinct = (f: (r: SeriesRow) => string | undefined) =>
    [...new Set(picked.map(f).filter((x): x is string => x !== undefined))].sort();
  const differing: string[] = [];
  for (const [name, values] of [
    ["scope", distinct((r) => r.scope)],
    ["unit", distinct((r) => r.unit)],
    ["route", distinct((r) => r.route)],
  ] as const) {
    if (values.length > 1) differing.push(`${name}: ${values.join(", ")}`);
  }
  const mixed = differing.join("; ");
  if (mixed && !query.allowMixed) {
    throw new MixedSeriesError(
      `the selected ${query.metric} rows mix ${mixed}; narrow the query or pass {allowMixed: true}`,
      mixed,
    );
  }
  const byPeriod = new Map<string, SeriesRow[]>();
  for (const r of picked) {
    const key = `${r.period_start}|${r.period_end}|${r.scope}|${r.unit}|${r.route ?? ""}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), r]);
  }
  for (const group of byPeriod.values()) {
    if (group.length > 1) {
      const ids = group.map((r) => r.id);
      throw new DuplicatePeriodError(
        `rows ${ids.join(", ")} give ${query.metric} for the same period ${group[0]!.period_start}..${group[0]!.period_end}; choose one with {ids} or {exclude}`,
        ids,
      );
    }
  }
  const points: SeriesPoint[] = picked
    .map((r) => ({
      periodStart: r.period_start,
      periodEnd: r.period_end,
      label: periodLabel(r.period_start, r.period_end),
      value: r.value,
      status: r.status ?? "actual",
      sources: mergeSources(rowSources(r)),
    }))
    .sort((a, b) =>
      a.periodStart === b.periodStart
        ? a.periodEnd.localeCompare(b.periodEnd)
        : a.periodStart.localeCompare(b.periodStart),
    );
  const scopeText = distinct((r) => r.scope).join("+") || (scopes ?? []).join("+");
  const unit = distinct((r) => r.unit).join("+");
  const route = query.route ?? distinct((r) => r.route).join("+");
  return {
    id: query.id ?? [route || undefined, scopeText, query.metric].filter(Boolean).join(":"),
    label: query.label ?? `${query.metric} (${[route, scopeText].filter(Boolean).join(", ")})`,
    metric: query.metric,
    unit,
    scope: scopeText,
    points,
    ...(mixed ? { mixed } : {}),
    rows: picked.map((r) => `${r.route !== undefined ? "corridor_flows" : "transit"}:${r.id}`),
  };
}

/**
 * Selects a series from corridor_flows.csv by route, scope and metric (see {@link seriesFromRows} for the rules).
 * Missing values: as {@link seriesFromRows} (no row is missing a value; an empty selection is an empty series).
 * @example
 * // with the data of 2019–2020 (759,000 t and 783,000 t):
 * corridorSeries(pkg.corridorFlows, { route: "titr", scope: "whole_route", metric: "cargo", ids: ["titr-whole-2019-cargo", "titr-whole-2020-cargo"] }).points.map((p) => p.value) // => [759000, 783000]
 * @category Series
 */
export function corridorSeries(rows: readonly CorridorFlowRow[], query: SeriesQuery): Series {
  return seriesFromRows(rows, query);
}

/**
 * Selects a series from transit.csv by scope and metric (transit rows count as `actual`; see {@link seriesFromRows}).
 * Missing values: as {@link seriesFromRows} (no row is missing a value; an empty selection is an empty series).
 * @example
 * transitSeries(pkg.transit, { scope: "ots_transit", metric: "growth" }).points[0]?.label // => "Jan–Sep 2024"
 * @category Series
 */
export function transitSeries(rows: readonly TransitRow[], query: Omit<SeriesQuery, "route">): Series {
  return seriesFromRows(rows, query);
}
