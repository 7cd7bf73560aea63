/**
 * The vocabularies of lib/data/vocabulary.ts: every membership status and every sphere of resources.ts has every
 * entry, and the letters, colours and ranks that tell values apart are distinct. The places that read the tables
 * (lib/figures/palette.ts, lib/notebook/names.ts) give the same words and colours.
 */
import { describe, expect, it } from "vitest";
import { enums } from "../../lib/data/resources";
import { NO_STATUS, SPHERE_TERMS, STATUS_TERMS } from "../../lib/data/vocabulary";
import {
  NONE_COLOR,
  ORG_COLORS,
  SPHERE_COLORS,
  sphereColor,
  STATUS_STYLES,
  statusStyle,
} from "../../lib/figures/palette";
import { spherePhrase, statusPhrase, statusWithArticle } from "../../lib/notebook/names";

const HEX = /^#[0-9A-F]{6}$/;
const distinct = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

describe("membership status vocabulary", () => {
  const rows = Object.entries(STATUS_TERMS);

  it("has one row per status of resources.ts, each with every entry", () => {
    expect(Object.keys(STATUS_TERMS).sort()).toEqual([...enums.membershipStatus].sort());
    for (const [status, t] of rows) {
      expect(t.label, status).toMatch(/^[A-Z]/);
      expect(t.phrase, status).toMatch(/^[a-z]/);
      expect(t.letter, status).toMatch(/^[A-Z][A-Za-z]?$/);
      expect(t.color, status).toMatch(HEX);
      expect(Number.isInteger(t.rank), status).toBe(true);
    }
  });

  it("tells statuses apart: labels, phrases, letters, colours and ranks are distinct", () => {
    for (const key of ["label", "phrase", "letter", "color", "rank"] as const)
      expect(distinct(rows.map(([, t]) => t[key])), key).toBe(true);
    expect(rows.map(([, t]) => t.rank).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map(([, t]) => t.color)).not.toContain(NO_STATUS.color);
  });

  it("is what charts and prose read", () => {
    expect(STATUS_STYLES.map((s) => s.status)).toEqual([
      "founding_member",
      "member",
      "associate",
      "observer",
      "partner",
      "dialogue_partner",
      "applicant",
      "suspended",
      "former",
    ]);
    for (const [status, t] of rows) {
      expect(statusStyle(status)).toEqual({ status, label: t.label, short: t.letter, color: t.color });
      expect(statusPhrase(status)).toBe(t.phrase);
    }
    expect(NONE_COLOR).toBe(NO_STATUS.color);
    expect(statusPhrase("none")).toBe("no status");
    expect(statusWithArticle("none")).toBe("no status");
    expect(statusWithArticle("associate")).toBe("an associate member");
  });
});

describe("sphere vocabulary", () => {
  const rows = Object.entries(SPHERE_TERMS);

  it("has one row per sphere of resources.ts, each with every entry", () => {
    expect(Object.keys(SPHERE_TERMS).sort()).toEqual([...enums.sphere].sort());
    for (const [sphere, t] of rows) {
      expect(t.phrase, sphere).not.toBe("");
      expect(t.color, sphere).toMatch(HEX);
    }
  });

  it("tells spheres apart: phrases and colours are distinct", () => {
    expect(distinct(rows.map(([, t]) => t.phrase))).toBe(true);
    expect(distinct(rows.map(([, t]) => t.color))).toBe(true);
  });

  it("gives a sphere the colour of its anchor organisation", () => {
    const anchor = {
      euro_atlantic: "OSCE",
      russia_led: "CIS",
      china_led: "SCO",
      turkic: "OTS",
      islamic: "OIC",
      asian_dialogue: "CICA",
      non_aligned: "NAM",
      global: "UN",
      black_sea: "BSEC",
    };
    for (const [sphere, org] of Object.entries(anchor))
      expect(SPHERE_TERMS[sphere as keyof typeof SPHERE_TERMS].color, sphere).toBe(ORG_COLORS[org]);
  });

  it("is what charts and prose read", () => {
    for (const [sphere, t] of rows) {
      expect(SPHERE_COLORS[sphere]).toBe(t.color);
      expect(sphereColor(sphere)).toBe(t.color);
      expect(spherePhrase(sphere)).toBe(t.phrase);
    }
  });
});
