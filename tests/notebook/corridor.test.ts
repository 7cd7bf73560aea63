import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataPackage } from "../../lib/data/load";
import type { CorridorFlowRow } from "../../lib/data/resources";
import type { SourceId } from "../../lib/core/types";
import { seriesOf } from "../../lib/indicators/series/build";
import { packageKnownBy } from "../../lib/data/vintage";
import {
  annualCargo,
  annualGrowthRows,
  capacityLevels,
  cargoScopeNote,
  conflicts,
  conflictsText,
  conflictTable,
  corridorRows,
  corridorScenario,
  coverageSentence,
  crossingText,
  datedText,
  disagreementBars,
  focalFirst,
  growthText,
  headline,
  nineMonthTable,
  observedGrowth,
  observedText,
  ownFiguresTable,
  ownScopes,
  padNegativeBars,
  publishers,
  requiredBars,
  routeGoals,
  SCOPE_STATES,
  scopeStates,
  statedCapacityText,
  statesWithFigures,
  targetText,
  type Conflict,
} from "../../lib/notebook/corridor";

const pkg = dataPackage();
const pubs = publishers(pkg);
const latest = corridorRows(pkg, "2026-03-10");

const flow = (id: string, value: number, publisher = "x"): CorridorFlowRow =>
  ({
    id,
    route: "titr",
    scope: "whole_route",
    period_start: "2024-01-01",
    period_end: "2024-12-31",
    metric: "cargo",
    value,
    unit: "t",
    status: "actual",
    sources: [publisher],
  }) as unknown as CorridorFlowRow;
const conflictOf = (rows: CorridorFlowRow[], head: string): Conflict => {
  const values = rows.map((r) => r.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return { scope: "whole_route", year: 2024, rows, lo, hi, spread: ((hi - lo) / lo) * 100, headline: head };
};
const noPublisher = {
  publisher: (ids: readonly string[]) => ids[0] ?? "",
  published: () => "",
  firstPublished: () => "",
  dated: (ids: readonly string[]) => ids.map((id) => ({ publisher: id, dates: ["undated"] })),
};
const BAD = /undefined|NaN|Infinity|\[object Object\]|\(\)|, ,|—\s+—|: \./;

describe("whose scope", () => {
  it("maps every scope to states that exist in states.csv", () => {
    const iso = new Set(pkg.states.map((s) => s.iso3));
    for (const states of Object.values(SCOPE_STATES)) for (const s of states) expect(iso.has(s)).toBe(true);
  });
  it("gives BTK to the three states it crosses, the whole route to Kazakhstan, transit to Azerbaijan", () => {
    expect(scopeStates("btk_railway")).toEqual(["AZE", "GEO", "TUR"]);
    expect(scopeStates("whole_route")).toEqual(["KAZ"]);
    expect(scopeStates("ots_transit")).toEqual(["AZE"]);
    expect(scopeStates("unknown")).toEqual([]);
  });
  it("finds the focal state's scopes with rows, and none for Armenia", () => {
    // titr_association: the TITR Association's plans for 2022 and 2025, kept with the Kazakh and Azerbaijani ports
    expect(ownScopes(latest, "KAZ")).toEqual([
      "whole_route",
      "caspian_ports",
      "titr_rail",
      "titr_containers",
      "titr_association",
    ]);
    expect(ownScopes(latest, "GEO")).toEqual(["btk_railway", "btk_cumulative"]);
    expect(ownScopes(latest, "ARM")).toEqual([]);
    expect(statesWithFigures(latest)).toEqual(["AZE", "GEO", "KAZ", "TUR"]);
    // by the end of 2016 nothing was published on flows or transit
    expect(statesWithFigures(corridorRows(packageKnownBy(pkg, "2016-12-31"), "2016-12-31"))).toEqual([]);
  });
  it("puts the focal state's items first and keeps the order within each group", () => {
    const scopes = ["whole_route", "caspian_ports", "port_of_baku", "btk_railway"];
    expect(focalFirst(scopes, (s) => s, "AZE")).toEqual([
      "caspian_ports",
      "port_of_baku",
      "btk_railway",
      "whole_route",
    ]);
    expect(focalFirst(scopes, (s) => s, "TUR")).toEqual([
      "btk_railway",
      "whole_route",
      "caspian_ports",
      "port_of_baku",
    ]);
    expect(focalFirst(scopes, (s) => s, "TKM")).toEqual(scopes);
  });
});

describe("coverageSentence()", () => {
  it("says plainly when the data hold none for the state", () => {
    expect(coverageSentence("Armenia", [], ["Azerbaijan's", "Kazakhstan's"])).toBe(
      "The data hold no corridor figures counted by or for Armenia; the route's figures below are Azerbaijan's and Kazakhstan's.",
    );
    expect(coverageSentence("Kazakhstan", ["Whole route", "Caspian ports"], [])).toBe(
      "The data hold two scopes counted by or for Kazakhstan — Whole route and Caspian ports; their figures come first in each table and chart below.",
    );
  });
  it("says when the state's figures came only after the as-of date", () => {
    expect(coverageSentence("Kazakhstan", [], ["Azerbaijan's"], { by: "31 December 2020", later: true })).toBe(
      "The data hold no corridor figures counted by or for Kazakhstan published by 31 December 2020 (its first were published later); the route's figures below are Azerbaijan's.",
    );
  });
  it("reads right for 0, 1, 2 and many scopes and states", () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 9 }),
        fc.array(word, { maxLength: 5 }),
        fc.boolean(),
        (own, others, later) => {
          const text = coverageSentence("Georgia", own, others, { by: later ? "31 December 2016" : undefined, later });
          expect(text).not.toMatch(BAD);
          expect(text).toContain("Georgia");
          expect(text.endsWith(".")).toBe(true);
          if (own.length > 0) expect(text).toContain(own[0]!);
          else if (others.length > 0) expect(text).toContain(others.at(-1)!);
        },
      ),
    );
  });
});

describe("headline() and the disagreement", () => {
  it("prefers the most precise figure, then more sources, then the later publication", () => {
    expect(headline([flow("a", 4500000), flow("b", 4484000)], () => "")?.id).toBe("b");
    const two = { ...flow("c", 4500000), sources: ["x", "y"] } as CorridorFlowRow;
    expect(headline([flow("a", 4500000), two], () => "")?.id).toBe("c");
    expect(headline([], () => "")).toBeUndefined();
  });
  it("finds the data's conflicts: BTK 2022 is the widest, 432,284 t against 691,000 t", () => {
    const cargo = annualCargo(latest.flows, "AZE", pubs.published);
    const list = conflicts(cargo, pubs.published);
    const widest = [...list].sort((a, b) => b.spread - a.spread)[0]!;
    expect([widest.scope, widest.year, widest.lo, widest.hi]).toEqual(["btk_railway", 2022, 432284, 691000]);
    expect(widest.spread).toBeCloseTo(((691000 - 432284) / 432284) * 100, 10); // 59.85 %
    const whole2024 = list.find((c) => c.scope === "whole_route" && c.year === 2024)!;
    expect(whole2024.headline).toBe("titr-whole-2024-cargo"); // 4,484,000 t beats three roundings to 4.5 Mt
    // Azerbaijan's scopes come first, Kazakhstan's whole route last
    expect(list[0]!.scope).toBe("port_of_baku");
    expect(list.at(-1)!.scope).toBe("whole_route");
  });
  it("words roundings and different statements for 0, 1 and 2 apart", () => {
    expect(conflictsText([], noPublisher)).toBe("No scope and year has more than one figure in this vintage.");
    const one = conflictsText([conflictOf([flow("a", 4484000, "P"), flow("b", 4500000, "Q")], "a")], noPublisher);
    expect(one).toContain(
      "2024 has two figures (4.484 Mt to 4.5 Mt). The other figure is within 2 % of the headline: a rounding.",
    );
    const apart = conflictsText([conflictOf([flow("a", 2764000, "P"), flow("b", 2000000, "Q")], "a")], noPublisher);
    expect(apart).toContain(
      "The other figure — 2 Mt for 2024 (Q) — is a different statement, and growth rates computed from it differ too",
    );
    const mixed = conflictsText(
      [
        conflictOf(
          [flow("a", 2764000, "P"), flow("b", 2750000, "Q"), flow("c", 2000000, "R"), flow("d", 1000000, "S")],
          "a",
        ),
      ],
      noPublisher,
    );
    expect(mixed).toContain("1 of the 3 other figures is within 2 % of the headline: a rounding.");
    expect(mixed).toContain(
      "The remaining figures — 2 Mt for 2024 (R) and 1 Mt for 2024 (S) — are different statements",
    );
  });
  it("never leaves an empty list or a broken count, whatever the figures", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9e6 }), { minLength: 1, maxLength: 7 }), (values) => {
        const rows = [flow("h", 4484000, "P"), ...values.map((v, i) => flow(`r${i}`, v, `Q${i}`))];
        const text = conflictsText([conflictOf(rows, "h")], noPublisher);
        expect(text).not.toMatch(BAD);
        expect(text).not.toMatch(/ 0 of| — {2}—/);
      }),
    );
  });
});

describe("growth", () => {
  it("derives Port of Baku 2019 from the headline volumes and sets it against the published 7.2 %", () => {
    const cargo = annualCargo(latest.flows, "AZE", pubs.published);
    const row = annualGrowthRows(cargo.series, latest.flows, pubs).find(
      (r) => r.scope === "Port of Baku" && r.year === "2019",
    )!;
    expect(row.volume).toBeCloseTo(4.0616, 10); // 4,061,600 t beats 4,057,000 t
    expect(row.derived).toBeCloseTo((4061600 / 3787800 - 1) * 100, 8); // 7.23 %
    expect(row.gap).toBeCloseTo(Math.abs(7.2 - (4061600 / 3787800 - 1) * 100), 8);
  });
  it("says how a series grew, naming falls and doublings", () => {
    const s = seriesOf(
      { "2019": 1e6, "2020": 5e5, "2021": 1.5e6 },
      { metric: "cargo", unit: "t", label: "Test route" },
    );
    expect(growthText(s, 22.5)).toBe(
      "Test route: on the headline figures, cargo went from 1 Mt in 2019 to 1.5 Mt in 2021, 22.5 % a year compounded, but not evenly: cargo fell in 2020 and cargo at least doubled in 2021.",
    );
    expect(growthText(seriesOf({ "2024": 1e6 }, { metric: "cargo", unit: "t" }), 0)).toBe("");
  });
  it("observes growth over the series, three years and the last year", () => {
    const s = seriesOf({ "2021": 1e6, "2022": 2e6, "2023": 2e6, "2024": 8e6 }, { metric: "cargo", unit: "t" });
    const o = observedGrowth(s, 2024);
    expect(o.three).toBeCloseTo(100, 10); // 1 → 8 in three years: doubling each year
    expect(o.last).toBeCloseTo(300, 10);
    expect(o.top).toEqual({ label: "2024", value: 300 });
    expect(observedGrowth(seriesOf({ "2024": 8e6 }, { metric: "cargo", unit: "t" }), 2024)).toEqual({
      lastYear: 2024,
      all: undefined,
      three: undefined,
      last: undefined,
      top: undefined,
    });
  });
  it("never writes undefined or NaN in the observed text, for 0, 1, 2 and many targets", () => {
    const maybe = fc.option(fc.double({ min: -90, max: 500, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        maybe,
        maybe,
        fc.array(fc.record({ label: fc.constantFrom("10 Mt by 2027", "11 Mt by 2030"), rate: maybe }), {
          maxLength: 4,
        }),
        (three, last, req) => {
          const text = observedText({ lastYear: 2025, three, last }, req);
          expect(text).not.toMatch(/undefined|NaN|Infinity/);
          if (three === undefined && last === undefined) expect(text).toBe("");
        },
      ),
    );
  });
  it("labels the required-growth bars", () => {
    const bars = requiredBars(
      [{ target: { year: 2030, value: 1e7, label: "T" }, rate: 14.3 }],
      { lastYear: 2025, last: -8.1 },
      "linear",
      12,
    );
    expect(bars.map((b) => b.label)).toEqual([
      "Required: 10 Mt by 2030",
      "Last year, 2025 on 2024",
      "Fitted linear trend (rate in 2025)",
    ]);
    expect(
      (
        padNegativeBars(
          { layout: { xaxis: {} } },
          bars.map((b) => b.value),
        ).layout.xaxis as { range: number[] }
      ).range[0],
    ).toBeLessThan(-8.1);
  });
});

describe("capacity and targets", () => {
  it("steps the Port of Baku's capacity: 15 Mt since 2018, 25 Mt planned (stated 2010–2025)", () => {
    const levels = capacityLevels(latest.caps, "baku_port", 2015, 2025);
    expect(levels.map((l) => [l.value, l.status, l.from, l.to, l.label])).toEqual([
      [15e6, "actual", 2018, 2025, "Capacity"],
      [25e6, "planned", 2015, 2025, "Stated 2010–2025"],
    ]);
    expect(capacityLevels([], "baku_port", 2015, 2025)).toEqual([]);
  });
  it("gives a target the year it is for and the years it was stated (BTK: 17 Mt for 2034, stated 2017–2025)", () => {
    const target = capacityLevels(latest.caps, "btk_railway", 2020, 2025).find((l) => l.status === "target")!;
    expect([target.value, target.forYear, target.stated, target.from]).toEqual([17e6, 2034, "2017–2025", 2020]);
  });
  it("lists what was stated for an asset without cargo", () => {
    const by2012 = corridorRows(packageKnownBy(pkg, "2012-12-31"), "2012-12-31");
    // the three stages of the new Baku port, each stated in a Trend article of 3 November 2010 (sources.csv)
    expect(statedCapacityText(by2012.caps, "baku_port", pkg.sources)).toBe(
      "Capacities stated so far: 10 Mt a year (design, 2010), 17 Mt a year (planned, 2010) and 25 Mt a year (planned, 2010). " +
        "Sources: Trend (2010-11-03) (source ids: trend-2010-11-03-bakuport-stage1, trend-2010-11-03-bakuport-stage2, " +
        "trend-2010-11-03-bakuport-stage3).",
    );
    expect(statedCapacityText(by2012.caps, "btk_railway")).toBe("No capacity was stated for it either.");
  });
  it("picks the nearest capacity target and the farthest forecast after 2025", () => {
    const goals = routeGoals(latest, 2025, pubs);
    expect(goals.targets.map((t) => [t.year, t.value])).toEqual([
      [2027, 1e7],
      [2030, 1.1e7],
    ]);
    expect(goals.table.rows.filter((r) => r.used === "yes")).toHaveLength(2);
    expect(routeGoals({ flows: [], transit: [], caps: [] }, 2025, pubs).table.rows).toEqual([]);
  });
  it("words a projection against a target", () => {
    expect(targetText("linear", { estimate: 9e6, lower: 5e6, upper: 1.2e7 }, { year: 2030, value: 1e7 }, 6)).toContain(
      "the central projection falls short, though the interval includes reaching it.",
    );
    expect(targetText("linear", { estimate: 9e6, lower: 8e6, upper: 9.5e6 }, { year: 2030, value: 1e7 }, 6)).toContain(
      "above the whole interval",
    );
    expect(
      crossingText("log-linear", { central: undefined, earliest: undefined, latest: undefined, from: 2026, to: 2055 }),
    ).toBe("The log-linear trend does not reach it within 30 years.");
    expect(
      crossingText("linear", { central: 2027, earliest: undefined, latest: undefined, from: 2026, to: 2055 }),
    ).toBe(
      "On the linear trend, cargo reaches it in 2027 — so volume targets above it presuppose the capacity targets being met first.",
    );
  });
});

describe("required-growth bars say what they are computed from", () => {
  it("lists the sources of the cargo values each rate uses", () => {
    const s = seriesOf(
      { "2021": 0.5e6, "2022": 1e6, "2023": 2e6, "2024": 4e6, "2025": 3.6e6 },
      { metric: "cargo", unit: "t", label: "c", sources: [] },
    );
    const src = (y: string) => [`src-${y}`] as unknown as SourceId[];
    const series = { ...s, points: s.points.map((p) => ({ ...p, sources: src(p.periodStart.slice(0, 4)) })) };
    const bars = requiredBars(
      [{ target: { year: 2030, value: 1e7, label: "T", sources: src("target") }, rate: 22.6 }],
      observedGrowth(series, 2025),
      "log-linear",
      40,
      series,
    );
    expect(bars.map((b) => [b.label, b.computed, b.sources])).toEqual([
      ["Required: 10 Mt by 2030", "Computed from the cargo of 2025 and the target", ["src-target", "src-2025"]],
      ["Observed 2021–2025 (compound)", "Computed from the cargo of 2021 and 2025", ["src-2021", "src-2025"]],
      ["Observed 2022–2025 (compound)", "Computed from the cargo of 2022 and 2025", ["src-2022", "src-2025"]],
      ["Last year, 2025 on 2024", "Computed from the cargo of 2024 and 2025", ["src-2024", "src-2025"]],
      [
        "Fitted log-linear trend",
        "Computed from the annual cargo 2021–2025: a model, not a published figure",
        ["src-2021", "src-2022", "src-2023", "src-2024", "src-2025"],
      ],
    ]);
  });
});

describe("the cargo-by-scope note", () => {
  it("names the Caspian ports as the legend does, and only when they are drawn", () => {
    const cargo = annualCargo(latest.flows, "AZE", pubs.published);
    const legend = cargo.series.map((s) => s.label);
    expect(legend).toContain("Caspian ports");
    expect(cargoScopeNote(cargo.scopes)).toContain("Caspian ports: Kazakh ports only");
    expect(cargoScopeNote(cargo.scopes)).not.toContain("seaports");
    expect(cargoScopeNote(["whole_route"])).toBe("Scopes overlap and are not additive.");
  });
});

describe("each publisher carries its own date", () => {
  it("pairs Daryo with 2023-12-29, not with the other source's 2024-01-14", () => {
    expect(pubs.dated(["daryo-2023-12-29-titr-9m2023", "beststrategy-2024-01-14-titr-9m2023"])).toEqual([
      { publisher: "Daryo", dates: ["2023-12-29"] },
      { publisher: "Best Strategy Advisors", dates: ["2024-01-14"] },
    ]);
    const nine = nineMonthTable(latest, "AZE", pubs).rows.find((r) => r.row === "titr-whole-9m2023-cargo")!;
    expect(nine.publisher).toBe("Daryo (2023-12-29); Best Strategy Advisors (2024-01-14)");
    expect(datedText([{ publisher: "Trend", dates: ["2024-01-14", "2024-02-01"] }])).toBe(
      "Trend (2024-01-14, 2024-02-01)",
    );
  });
  it("gives the Port of Baku's 2021 figure PortNews's own date in the disagreement table and bars", () => {
    const list = conflicts(annualCargo(latest.flows, "AZE", pubs.published), pubs.published);
    const baku2021 = conflictTable(list, pubs).rows.find((r) => r.scope === "Port of Baku" && r.year === "2021")!;
    expect(baku2021.figures).toContain("(PortNews, 2022-02-10 and Today.az (AzerNews), 2022-02-17)");
    expect(disagreementBars(list, pubs).map((b) => b.label)).toContain("Baku port 2021 · PortNews 2022-02");
  });
});

describe("the focal state's own figures", () => {
  it("gives Georgia the BTK railway's latest figures and Armenia none", () => {
    const geo = ownFiguresTable(latest, "GEO", "Georgia", pubs);
    expect(geo.title).toBe("Latest figure of each kind counted by or for Georgia");
    expect(geo.rows.map((r) => [r.scope, r.period, r.figure])).toContainEqual(["BTK railway", "2022", "432,284 t"]);
    expect(geo.rows.every((r) => String(r.scope).startsWith("BTK"))).toBe(true);
    expect(ownFiguresTable(latest, "ARM", "Armenia", pubs).rows).toEqual([]);
  });
  it("keeps the scenario's error messages", () => {
    expect(() => corridorScenario("cubic")).toThrow(
      'scenario: the model must be "log-linear" or "linear", not "cubic"',
    );
    expect(() => corridorScenario("linear@soon")).toThrow('scenario: "@soon" is not a year');
    expect(corridorScenario("log-linear@2021")).toEqual({ model: "log-linear", fitFrom: 2021 });
  });
});
