/**
 * The verdict vocabulary of lib/indicators/claims/vocabulary.ts: every verdict has every entry, labels and colours
 * are distinct, the reading order lists each verdict once, and lib/notebook/verdicts.ts reads the same table.
 */
import { describe, expect, it } from "vitest";
import { claimsSummary } from "../../lib/indicators/claims";
import { VERDICT_ORDER, VERDICT_TERMS } from "../../lib/indicators/claims/vocabulary";
import { VERDICT_STYLES, VERDICTS, verdictLabel } from "../../lib/notebook/verdicts";

const HEX = /^#[0-9A-F]{6}$/;
const distinct = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

describe("verdict vocabulary", () => {
  const rows = Object.entries(VERDICT_TERMS);

  it("has one row per verdict, each with every entry", () => {
    const verdicts = Object.keys(claimsSummary([])).sort();
    expect(Object.keys(VERDICT_TERMS).sort()).toEqual(verdicts);
    expect([...VERDICT_ORDER].sort()).toEqual(verdicts);
    for (const [v, t] of rows) {
      expect(t.label, v).toMatch(/^[A-Z]/);
      expect(t.color, v).toMatch(HEX);
      expect(t.background, v).toMatch(HEX);
    }
  });

  it("tells verdicts apart: labels, colours and backgrounds are distinct", () => {
    for (const key of ["label", "color", "background"] as const)
      expect(distinct(rows.map(([, t]) => t[key])), key).toBe(true);
  });

  it("is what reports read", () => {
    expect(VERDICTS).toEqual(["supported", "partly_supported", "not_supported", "not_checkable"]);
    expect(VERDICT_STYLES).toBe(VERDICT_TERMS);
    for (const [v, t] of rows) expect(verdictLabel(v)).toBe(t.label);
  });
});
