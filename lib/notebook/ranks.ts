/**
 * Ranks and ordinals for prose: "2nd of 12", ties shared ("=3rd").
 * @module
 */

/**
 * An ordinal: "1st", "2nd", "3rd", "11th", "22nd". @example ordinal(2) // => "2nd"
 * @category Prose
 */
export function ordinal(n: number): string {
  const m100 = n % 100;
  const suffix = m100 >= 11 && m100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/**
 * The rank of one item among others by a value (1 = highest unless `ascending`), with ties shared.
 * @category Prose
 */
export interface RankResult {
  /** 1-based competition rank ("1224" ranking): items with equal values share the better rank. */
  readonly rank: number;
  /** Items ranked (those with a defined value). */
  readonly of: number;
  /** Other items with exactly the same value. */
  readonly tiedWith: readonly string[];
}

/**
 * The rank of `key` among `items` by `value` (highest first, or lowest first with `ascending`). Items whose value is
 * `undefined` are not ranked; `undefined` when `key` has no value. Values equal to 1e-12 count as ties.
 * @example rankOf([{ k: "A", v: 3 }, { k: "B", v: 5 }, { k: "C", v: 3 }], "C", (x) => x.k, (x) => x.v) // => { rank: 2, of: 3, tiedWith: ["A"] }
 * @category Prose
 */
export function rankOf<T>(
  items: readonly T[],
  key: string,
  keyOf: (item: T) => string,
  valueFn: (item: T) => number | undefined,
  opts: { readonly ascending?: boolean } = {},
): RankResult | undefined {
  const ranked = items
    .map((i) => ({ k: keyOf(i), v: valueFn(i) }))
    .filter((x): x is { k: string; v: number } => x.v !== undefined && Number.isFinite(x.v));
  const me = ranked.find((x) => x.k === key);
  if (!me) return undefined;
  const better = ranked.filter((x) => (opts.ascending ? x.v < me.v - 1e-12 : x.v > me.v + 1e-12)).length;
  const tiedWith = ranked.filter((x) => x.k !== key && Math.abs(x.v - me.v) <= 1e-12).map((x) => x.k);
  return { rank: better + 1, of: ranked.length, tiedWith };
}

/**
 * A rank in words: "1st of 12", "=3rd of 12" (shared).
 * @example rankText({ rank: 3, of: 12, tiedWith: ["KGZ"] }) // => "=3rd of 12"
 * @category Prose
 */
export function rankText(r: RankResult | undefined): string {
  if (!r) return "unranked";
  return `${r.tiedWith.length > 0 ? "=" : ""}${ordinal(r.rank)} of ${r.of}`;
}
