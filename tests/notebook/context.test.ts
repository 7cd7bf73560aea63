import { describe, expect, it } from "vitest";
import { notebook, parametersSentence } from "../../lib/notebook/context";
import { dataPackage } from "../../lib/data/load";

const pkg = dataPackage();
const quiet = { quiet: true, pkg } as const;

describe("notebook(): parameters checked against the data", () => {
  it("resolves the focal state, the as-of date and the vintage", () => {
    const nb = notebook({ focal: "geo", asOf: 2016 }, quiet);
    expect(nb.focal).toBe("GEO");
    expect(nb.name).toBe("Georgia");
    expect(nb.possessive).toBe("Georgia's");
    expect(nb.asOf).toBe("2016-12-31");
    expect(nb.year).toBe(2016);
    expect(nb.isLatest).toBe(false);
    expect(nb.asOfText).toBe("31 December 2016");
    // the vintage holds the rows with at least one source published by then, or undated when the event itself ended
    // before 31 December 2016 (a partial date by its last day: "2016" and "2016-12" do not, "2016-12-30" does)
    const endsBefore = (d: string) => (d.length === 4 ? d < "2016" : d.length === 7 ? d < "2016-12" : d < "2016-12-31");
    const knownBy = (r: { sources: readonly string[]; date: string }) =>
      r.sources.some((s) => {
        const published = pkg.sourceById.get(s)?.published ?? "";
        return published === "" ? endsBefore(r.date) : published.slice(0, 4) <= "2016";
      });
    expect(nb.known.events.every(knownBy)).toBe(true);
    expect(pkg.events.filter(knownBy).length).toBe(nb.known.events.length);
    expect(nb.known.events.length).toBeLessThan(pkg.events.length);
  });
  it("an empty asOf is the latest date in the data, and says so", () => {
    const nb = notebook({ focal: "AZE", asOf: "" }, quiet);
    expect(nb.isLatest).toBe(true);
    expect(nb.known).toBe(pkg);
    expect(nb.asOfText).toMatch(/\(the latest date in the data\)$/);
  });
  it("bad parameters fail with the parameter, the value and what is allowed", () => {
    expect(() => notebook({ focal: "XYZ" }, quiet)).toThrow(
      /focal = "XYZ" is not a state of data\/states.csv; use one of AZE, /,
    );
    expect(() => notebook({ focal: "AZE", asOf: "next year" }, quiet)).toThrow(/asOf = "next year" is not an ISO date/);
    expect(() =>
      notebook({ focal: "AZE", scenario: "lax" }, { ...quiet, scenarios: { strict: "s", with_unclear: "u" } }),
    ).toThrow('scenario = "lax" is not one of "strict", "with_unclear"');
    expect(() => notebook({ focal: "" }, quiet)).toThrow(/focal = ""/);
  });
  it("the first declared scenario is the default; focal may be empty when the notebook allows it", () => {
    expect(notebook({ focal: "AZE" }, { ...quiet, scenarios: { strict: "s", with_unclear: "u" } }).scenario).toBe(
      "strict",
    );
    const all = notebook({ focal: "" }, { ...quiet, focalMayBeEmpty: true });
    expect(all.focal).toBe("");
    expect(all.name).toBe("every state");
  });
  it("names, publishers and dates come from the package", () => {
    const nb = notebook({ focal: "AZE" }, quiet);
    expect(nb.stateName("KAZ")).toBe("Kazakhstan");
    expect(nb.orgName("OTS")).toBe("Organization of Turkic States");
    const [a, b] = pkg.sources;
    expect(nb.publishers([a!.id, a!.id])).toBe(a!.publisher);
    expect(nb.published([a!.id, b!.id])).toBe(
      [a!.published ?? "", b!.published ?? ""]
        .filter((d) => d !== "")
        .sort()
        .at(-1) ?? "",
    );
    expect(nb.none("trade rows")).toBe(
      `No trade rows for Azerbaijan by ${nb.asOfText.replace(" (the latest date in the data)", "")}.`,
    );
    expect(nb.options({ title: "T" }).sourceCatalog).toBe(pkg.sources);
  });
  it("the opening sentence names each parameter and what it changes", () => {
    const nb = notebook(
      { focal: "GEO", asOf: "2016", scenario: "strict" },
      { ...quiet, scenarios: { strict: "reporter and mirror" } },
    );
    const text = parametersSentence(nb, {
      scenarios: { strict: "reporter and mirror" },
      effects: { focal: "its funds and trade pairs", asOf: "only rows published by then" },
    }).source;
    expect(text).toBe(
      "**This run.** focal state **Georgia** (GEO): its funds and trade pairs; data as of **31 December 2016**: only rows published by then; scenario **strict** (reporter and mirror).",
    );
  });
});
