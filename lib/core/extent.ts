/**
 * Smallest and largest of many numbers, by a loop. `Math.min(...xs)` / `Math.max(...xs)` pass every element as an
 * argument and throw a `RangeError` (call stack exceeded) at a few hundred thousand values; these do not, and
 * otherwise agree with them exactly (empty → ±Infinity, any NaN → NaN).
 * @module
 */

/**
 * The smallest of `values` and `start`, like `Math.min(start, ...values)` without the spread: any size, any
 * iterable (an array, a Set, `map.keys()`). Missing values: empty gives `start` (default `Infinity`); a NaN gives NaN.
 * @example minOf([2019, 2015, 2024]) // => 2015
 * @example minOf([4, 2], 0) // => 0 (a start value, as Math.min takes one)
 * @category Utilities
 */
export function minOf(values: Iterable<number>, start: number = Infinity): number {
  let m = start;
  for (const v of values) m = Math.min(m, v);
  return m;
}

/**
 * The largest of `values` and `start`, like `Math.max(start, ...values)` without the spread: any size, any
 * iterable (an array, a Set, `map.keys()`). Missing values: empty gives `start` (default `-Infinity`); a NaN gives NaN.
 * @example maxOf([2019, 2015, 2024]) // => 2024
 * @example maxOf([-4, -2], 0) // => 0 (a start value, as Math.max takes one)
 * @example maxOf(new Map([[2019, "a"], [2024, "b"]]).keys()) // => 2024
 * @category Utilities
 */
export function maxOf(values: Iterable<number>, start: number = -Infinity): number {
  let m = start;
  for (const v of values) m = Math.max(m, v);
  return m;
}
