/**
 * Funds counted and their capital summed by partner and by year, and pledged against paid-in capital.
 *
 * Attribution: a fund's capital is attributed *in full* to each of its partners ("capital of the funds the partner
 * takes part in"), so sums across partners double-count multilateral funds; totals by year count each fund once.
 * Missing capital is skipped and counted in `pledgedMissing` / `paidInMissing`, never read as zero.
 * @module
 */
import type { FundRow } from "../../data/resources";
import { mergeSources, type Iso3, type SourceId, mergeSourceLists } from "../../core/types";
import { latestFundRows } from "./latest";
import { rowSources } from "../series/sources";

/**
 * Funds of one partner (or one year): count, capital and the ids and sources behind them.
 * @category Funds
 */
export interface FundTotals {
  readonly key: string;
  readonly count: number;
  readonly fundIds: readonly string[];
  /** Sum of the pledged (authorised, charter) capital that is known, USD. */
  readonly pledgedUsd: number;
  /** Funds counted whose pledged capital is not given. */
  readonly pledgedMissing: number;
  /** Sum of the paid-in capital that is known, USD. */
  readonly paidInUsd: number;
  /** Funds counted whose paid-in capital is not given. */
  readonly paidInMissing: number;
  readonly sources: readonly SourceId[];
}

function totals(key: string, funds: readonly FundRow[]): FundTotals {
  const known = (f: (r: FundRow) => number | undefined) => funds.map(f).filter((v): v is number => v !== undefined);
  return {
    key,
    count: funds.length,
    fundIds: funds.map((f) => f.id),
    pledgedUsd: known((r) => r.pledged_usd).reduce((a, b) => a + b, 0),
    pledgedMissing: funds.filter((r) => r.pledged_usd === undefined).length,
    paidInUsd: known((r) => r.paid_in_usd).reduce((a, b) => a + b, 0),
    paidInMissing: funds.filter((r) => r.paid_in_usd === undefined).length,
    sources: mergeSourceLists(funds.map((f) => rowSources(f))),
  };
}

/**
 * Count and capital of funds by partner state, from the latest row of each fund as of `asOf` (default: latest).
 * `exclude` drops partners from the keys (e.g. `["AZE"]`, the focal state, which is in every fund). Sorted by key.
 * Missing values: capital not given is skipped in the sums and counted in `pledgedMissing` / `paidInMissing`, never read as zero.
 * @example
 * // as of 2024-11-30: KAZ in the KAZ–AZE fund (capital not stated) and the Turkic Investment Fund ($500m);
 * // KGZ in AKDF ($100m) and the Turkic fund; TUR in the Turkic fund; UZB in the AZE–UZB fund ($500m) and the Turkic fund
 * fundsByPartner(pkg.funds, { asOf: "2024-11-30", exclude: ["AZE"] }).map((t) => [t.key, t.count, t.pledgedUsd]) // => [["KAZ", 2, 500000000], ["KGZ", 2, 600000000], ["TUR", 1, 500000000], ["UZB", 2, 1000000000]]
 * @category Funds
 */
export function fundsByPartner(
  rows: readonly FundRow[],
  opts: { readonly asOf?: string; readonly exclude?: readonly (Iso3 | string)[] } = {},
): FundTotals[] {
  const latest = latestFundRows(rows, opts.asOf);
  const keys = [...new Set(latest.flatMap((f) => f.partners))].filter((p) => !(opts.exclude ?? []).includes(p)).sort();
  return keys.map((k) =>
    totals(
      k,
      latest.filter((f) => f.partners.includes(k)),
    ),
  );
}

/**
 * Count and capital of funds by the year of a date column (`agreed` by default, or `established`), from the latest
 * row of each fund as of `asOf`. Funds without that date are left out and listed under the key `"undated"`.
 * Each fund counts once. Sorted by year.
 * Missing values: capital not given is skipped and counted as missing; a fund without the date is under `"undated"`.
 * @example fundsByYear(pkg.funds).map((t) => [t.key, t.count]) // => [["2022", 2], ["2023", 1], ["2024", 1], ["undated", 1]]
 * @category Funds
 */
export function fundsByYear(
  rows: readonly FundRow[],
  opts: { readonly by?: "agreed" | "established"; readonly asOf?: string } = {},
): FundTotals[] {
  const by = opts.by ?? "agreed";
  const latest = latestFundRows(rows, opts.asOf);
  const year = (f: FundRow) => f[by]?.slice(0, 4) ?? "undated";
  const keys = [...new Set(latest.map(year))].sort();
  return keys.map((k) =>
    totals(
      k,
      latest.filter((f) => year(f) === k),
    ),
  );
}

/**
 * Pledged against paid-in capital of one fund.
 * @category Funds
 */
export interface PledgedVsPaid {
  readonly id: string;
  readonly name: string;
  readonly asOf: string;
  readonly pledgedUsd: number | undefined;
  readonly paidInUsd: number | undefined;
  /** Paid-in as a percent of pledged; `undefined` when either is missing or pledged is zero. */
  readonly paidInShare: number | undefined;
  readonly sources: readonly SourceId[];
}

/**
 * Pledged and paid-in capital of every fund, from its latest row as of `asOf`.
 * Missing values: `paidInShare` is `undefined` when either capital is missing or pledged is zero; capitals not given stay `undefined`.
 * @example
 * // AZE–KGZ fund: $100m authorised, $25m paid in → 25 %
 * pledgedVsPaid(pkg.funds).find((f) => f.id === "aze-kgz-development-fund")?.paidInShare // => 25
 * @category Funds
 */
export function pledgedVsPaid(rows: readonly FundRow[], asOf?: string): PledgedVsPaid[] {
  return latestFundRows(rows, asOf).map((f) => ({
    id: f.id,
    name: f.name,
    asOf: f.as_of,
    pledgedUsd: f.pledged_usd,
    paidInUsd: f.paid_in_usd,
    paidInShare:
      f.pledged_usd !== undefined && f.paid_in_usd !== undefined && f.pledged_usd !== 0
        ? (f.paid_in_usd / f.pledged_usd) * 100
        : undefined,
    sources: mergeSources(rowSources(f)),
  }));
}
