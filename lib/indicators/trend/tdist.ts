/**
 * Critical values of Student's t distribution for prediction intervals. simple-statistics has no t quantile
 * function, so, like its `chiSquaredDistributionTable`, this module carries a table: two-sided critical values for
 * 80, 90, 95 and 99 % at 1–30, 40, 60 and 120 degrees of freedom (computed by numerical integration of the t
 * density and checked against the printed tables). Between table rows the next *lower* row is used (a slightly
 * wider, conservative interval); above 120 degrees of freedom the normal quantile (`probit`) is used.
 * @module
 */
import { probit } from "simple-statistics";

/**
 * Two-sided confidence levels the table holds.
 * @category Trend
 */
export type IntervalLevel = 0.8 | 0.9 | 0.95 | 0.99;

const DF = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 40, 60,
  120,
] as const;

// prettier-ignore
const TABLE: Readonly<Record<IntervalLevel, readonly number[]>> = {
  0.8: [
    3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.383, 1.3722, 1.3634, 1.3562, 1.3502, 1.345,
    1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253, 1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.315, 1.3137, 1.3125,
    1.3114, 1.3104, 1.3031, 1.2958, 1.2886,
  ],
  0.9: [
    6.3138, 2.92, 2.3534, 2.1318, 2.015, 1.9432, 1.8946, 1.8595, 1.8331, 1.8125, 1.7959, 1.7823, 1.7709, 1.7613, 1.7531,
    1.7459, 1.7396, 1.7341, 1.7291, 1.7247, 1.7207, 1.7171, 1.7139, 1.7109, 1.7081, 1.7056, 1.7033, 1.7011, 1.6991,
    1.6973, 1.6839, 1.6706, 1.6577,
  ],
  0.95: [
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448,
    2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484,
    2.0452, 2.0423, 2.0211, 2.0003, 1.9799,
  ],
  0.99: [
    63.6567, 9.9248, 5.8409, 4.6041, 4.0321, 3.7074, 3.4995, 3.3554, 3.2498, 3.1693, 3.1058, 3.0545, 3.0123, 2.9768,
    2.9467, 2.9208, 2.8982, 2.8784, 2.8609, 2.8453, 2.8314, 2.8188, 2.8073, 2.7969, 2.7874, 2.7787, 2.7707, 2.7633,
    2.7564, 2.75, 2.7045, 2.6603, 2.6174,
  ],
};

/**
 * The two-sided critical value t such that P(|T| ≤ t) = `level` for Student's t with `df` degrees of freedom.
 * Throws a `RangeError` for `df < 1` or a level not in the table.
 * @example tCritical(3, 0.95) // => 3.1824
 * @example tCritical(45, 0.95) // => 2.0211 (the row for 40 df: conservative)
 * @category Trend
 */
export function tCritical(df: number, level: IntervalLevel = 0.95): number {
  const row = TABLE[level];
  if (!row) throw new RangeError(`no t table for level ${level}; use 0.8, 0.9, 0.95 or 0.99`);
  if (!Number.isFinite(df) || df < 1) throw new RangeError(`t needs at least 1 degree of freedom (got ${df})`);
  if (df > 120) return probit(0.5 + level / 2);
  let i = DF.length - 1;
  while (DF[i]! > df) i--;
  return row[i]!;
}
