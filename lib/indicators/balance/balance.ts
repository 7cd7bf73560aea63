/**
 * The multi-vector balance of a state on a date: how its memberships spread across the spheres of
 * organizations.csv, as shares and as normalised Shannon entropy. Definition and citations: lib/indicators/balance/README.md.
 *
 * Missing-value policy: a state with no weighted tie has no shares and no index (`undefined`); organisations
 * without a sphere in the chosen list are ignored and listed in `ignored`.
 * @module
 */
import type { OrganizationRow } from "../../data/resources";
import { statusAt, type MembershipIndex, type MembershipStatus } from "../memberships/status";
import { type SourceId, type Sourced, mergeSourceLists } from "../../core/types";
import { normalisedEntropy, shannonEntropy } from "./entropy";
import { BALANCE_SPHERES, DEFAULT_STATUS_WEIGHTS, type Sphere, type StatusWeights } from "./weights";

/**
 * One organisation counted in a state's balance.
 * @category Balance
 */
export interface CountedTie {
  readonly org: string;
  readonly sphere: Sphere;
  readonly status: MembershipStatus;
  readonly weight: number;
}

/**
 * The balance of one state on one date.
 * @category Balance
 */
export interface Balance extends Sourced<number | undefined> {
  readonly state: string;
  readonly date: string;
  /** Summed weight by sphere (every sphere compared, zeros included). */
  readonly weights: Readonly<Record<string, number>>;
  /** Share of the total weight by sphere, in [0, 1]; empty when the total is 0. */
  readonly shares: Readonly<Record<string, number>>;
  readonly total: number;
  /** Normalised entropy H / ln k (= `value`), in [0, 1]. */
  readonly index: number | undefined;
  /** Shannon entropy H in nats. */
  readonly entropy: number | undefined;
  /** The k used: the number of spheres compared, or of spheres with weight (`k: "present"`). */
  readonly k: number;
  readonly ties: readonly CountedTie[];
  /** Organisations with a tie whose sphere is not compared. */
  readonly ignored: readonly string[];
  /** Some tie's date is only partly known and the date falls inside its span. */
  readonly uncertain: boolean;
}

/**
 * Options of {@link multiVectorBalance}.
 * @category Balance
 */
export interface BalanceOptions {
  /** Weight of each status; default {@link DEFAULT_STATUS_WEIGHTS}. */
  readonly weights?: StatusWeights;
  /** Spheres compared; default {@link BALANCE_SPHERES} (all but `global`). */
  readonly spheres?: readonly Sphere[];
  /** `"all"` (default): k = number of spheres compared; `"present"`: k = spheres with weight (Pielou's evenness). */
  readonly k?: "all" | "present";
}

/**
 * The multi-vector balance of `state` on `date`: for each organisation of a compared sphere, the weight of the
 * state's status there (as of the date, by {@link statusAt}); weights summed by sphere; shares; and the
 * normalised entropy `H / ln k` of the shares. Sources are those of the ties counted.
 * Missing values: with no weighted tie, `shares` is empty and `index` and `entropy` are `undefined`; with `k: "present"` and one sphere, `index` is `undefined`.
 * @example
 * // AZE on 2024-11-30: euro_atlantic 3 (GUAM, OSCE, COE), islamic 2 (ECO, OIC), russia_led 1 (CIS), turkic 1 (OTS),
 * // asian_dialogue 1 (CICA), non_aligned 1 (NAM), black_sea 1 (BSEC), china_led 0.25 (SCO dialogue partner):
 * // Σ = 10.25; H = 1.9043 nats; k = 8; index = 1.9043 / ln 8 = 0.9158
 * const index = membershipIndex(pkg.memberships, pkg.organizations);
 * multiVectorBalance(index, pkg.organizations, "AZE", "2024-11-30").index // => 0.9157…
 * @category Balance
 */
export function multiVectorBalance(
  index: MembershipIndex,
  organizations: readonly Pick<OrganizationRow, "id" | "sphere">[],
  state: string,
  date: string,
  opts: BalanceOptions = {},
): Balance {
  const statusWeights = opts.weights ?? DEFAULT_STATUS_WEIGHTS;
  const spheres = opts.spheres ?? BALANCE_SPHERES;
  const weights: Record<string, number> = Object.fromEntries(spheres.map((s) => [s, 0]));
  const ties: CountedTie[] = [];
  const ignored: string[] = [];
  const sources: (readonly SourceId[])[] = [];
  let uncertain = false;
  for (const org of organizations) {
    const at = statusAt(index, state, org.id, date);
    if (at.status === "none") continue;
    const w = statusWeights[at.status] ?? 0;
    if (w === 0) continue;
    if (!spheres.includes(org.sphere)) {
      ignored.push(org.id);
      continue;
    }
    weights[org.sphere] = (weights[org.sphere] ?? 0) + w;
    ties.push({ org: org.id, sphere: org.sphere, status: at.status, weight: w });
    sources.push(at.sources);
    uncertain ||= at.uncertain;
  }
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const shares: Record<string, number> =
    total === 0 ? {} : Object.fromEntries(spheres.map((s) => [s, weights[s]! / total]));
  const present = spheres.filter((s) => weights[s]! > 0).length;
  const k = opts.k === "present" ? present : spheres.length;
  const values = spheres.map((s) => weights[s]!);
  const idx = total === 0 ? undefined : normalisedEntropy(values, k);
  return {
    value: idx,
    index: idx,
    entropy: total === 0 ? undefined : shannonEntropy(values),
    state,
    date,
    weights,
    shares,
    total,
    k,
    ties,
    ignored,
    uncertain,
    sources: mergeSourceLists(sources),
  };
}

/**
 * {@link multiVectorBalance} of one state for every year end `from..to` (as of 31 December), for a chart.
 * Missing values: as {@link multiVectorBalance}, year by year.
 * @example
 * // 2025: SCO partner (0.25) from 1 Sep and the Consultative Meetings (asian_dialogue, 1) from 16 Nov
 * const index = membershipIndex(pkg.memberships, pkg.organizations);
 * balanceByYear(index, pkg.organizations, "AZE", 2023, 2025).map((b) => b.total) // => [10.25, 10.25, 11.25]
 * @category Balance
 */
export function balanceByYear(
  index: MembershipIndex,
  organizations: readonly Pick<OrganizationRow, "id" | "sphere">[],
  state: string,
  from: number,
  to: number,
  opts: BalanceOptions = {},
): Balance[] {
  const out: Balance[] = [];
  for (let y = from; y <= to; y++) out.push(multiVectorBalance(index, organizations, state, String(y), opts));
  return out;
}
