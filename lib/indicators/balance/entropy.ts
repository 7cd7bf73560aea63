/**
 * Shannon entropy of a distribution and its normalised form (Shannon 1948; the normalisation by ln k is Pielou's
 * evenness, Pielou 1966, when k is the number of categories present). See lib/indicators/balance/README.md.
 * Missing-value policy: `undefined` when there is no answer (empty or all-zero weights, k < 2).
 * @module
 */

/**
 * Shannon entropy `H = −Σ pᵢ ln pᵢ` (natural log, in nats) of non-negative weights, which are normalised to sum
 * to 1 first; zero weights contribute nothing (0 · ln 0 = 0). `undefined` when the weights are empty or sum to 0.
 * Throws a `RangeError` for a negative or non-finite weight.
 * @example shannonEntropy([1, 1]) // => 0.6931… (ln 2)
 * @example shannonEntropy([5]) // => 0
 * @category Balance
 */
export function shannonEntropy(weights: readonly number[]): number | undefined {
  for (const w of weights)
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and non-negative (got ${w})`);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  let h = 0;
  for (const w of weights) {
    const p = w / total;
    if (p === 0) continue; // a zero weight, or one so small that w / total underflows (0 · ln 0 = 0)
    h -= p * Math.log(p);
  }
  return h;
}

/**
 * Entropy divided by its maximum `ln k`, in [0, 1]: 0 when all weight is in one category, 1 when it is spread evenly
 * over all k categories. `k` defaults to the number of weights given (zeros included). `undefined` when the
 * weights sum to 0 or k < 2. Throws a `RangeError` when more than k weights are positive.
 * @example normalisedEntropy([1, 1, 0, 0]) // => 0.5 (ln 2 / ln 4)
 * @example normalisedEntropy([1, 1, 1]) // => 1
 * @category Balance
 */
export function normalisedEntropy(weights: readonly number[], k: number = weights.length): number | undefined {
  if (weights.filter((w) => w > 0).length > k) throw new RangeError(`more than k = ${k} categories have weight`);
  const h = shannonEntropy(weights);
  if (h === undefined || k < 2) return undefined;
  return Math.min(1, Math.max(0, h / Math.log(k)));
}
