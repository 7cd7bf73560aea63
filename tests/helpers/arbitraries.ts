// fast-check arbitraries shared by property tests.
import fc from "fast-check";

/** A partial date 1990–2025 given to the year, the month or the day (`2018`, `2018-03`, `2018-03-07`). */
export const partialDateArb = fc
  .tuple(fc.integer({ min: 1990, max: 2025 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 }))
  .map(([y, m, d]) =>
    m === 0
      ? String(y)
      : d === 0
        ? `${y}-${String(m).padStart(2, "0")}`
        : `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  );
