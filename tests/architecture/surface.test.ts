import { describe, expect, it } from "vitest";
import * as lib from "../../lib";
import * as notebookLayer from "../../lib/notebook";

// The library as a notebook sees it (`import * as cl from "caspian-lab"`), and its notebook layer.
const cl = lib as unknown as Record<string, unknown>;
const layer = notebookLayer as unknown as Record<string, unknown>;

const FAMILIES = ["core", "data", "indicators", "figures", "display", "output", "notebooks"];

describe("the public surface of caspian-lab", () => {
  it("stays curated: at most 200 runtime names flat", () => {
    expect(Object.keys(cl).length).toBeLessThanOrEqual(200);
  });

  it("has every family whole as a namespace", () => {
    for (const family of FAMILIES) expect(typeof cl[family], family).toBe("object");
    expect(Object.keys(cl.notebooks as object).sort()).toEqual(Object.keys(layer).sort());
  });

  it("keeps internals and resource definitions off the flat namespace", () => {
    for (const name of ["CHROMIUM_ARGS", "fixPdfDates", "hashString", "mapLimit", "writeFileAtomic", "events"])
      expect(name in cl, name).toBe(false);
  });

  it("keeps the per-notebook views under cl.notebooks, not flat", () => {
    for (const name of ["claimsRegisterTable", "balanceComparison", "gradeAnswer", "workbookExercises"]) {
      expect(name in layer, name).toBe(true);
      expect(name in cl, name).toBe(false);
      expect(name in (cl.notebooks as object), name).toBe(true);
    }
    expect(Object.keys(layer).filter((n) => n in cl).length).toBeLessThan(40);
  });

  it("keeps the everyday notebook names flat", () => {
    for (const name of ["notebook", "resolveAsOf", "packageKnownBy", "formatPercent", "countText", "listPhrase"])
      expect(typeof cl[name], name).toBe("function");
  });
});
