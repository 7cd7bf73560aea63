import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  balanceBarsFigure,
  capacityThroughputFigure,
  comparisonBarsFigure,
  countAxis,
  countStep,
  HOVER_TEMPLATE,
  overlapNetworkFigure,
  pointHover,
  projectionFigure,
  shortQuote,
  timelineFigure,
  timeSeriesFigure,
  type CapacityThroughputInput,
  type CaspianFigure,
  type SourceRowLike,
} from "../../lib/figures";
import { seriesOf } from "../../lib/indicators/series/build";
import { balance, capacity, comparison, network, projection, S, timeline, titr, XSS } from "./fixtures";

const LONG =
  "In 2024 the volume of cargo transported along the Trans-Caspian International Transport Route reached 4.5 million tons, which is 62 percent more than in the previous year, the ministry said";

/** A catalog whose sources carry quotes, one of them hostile and one longer than 160 characters. */
const quoted: SourceRowLike[] = [
  { id: "reportaz-titr", publisher: "Report.az", published: "2026-03-02", quote: LONG },
  { id: "ktz-2025", publisher: "Kazakhstan Temir Zholy", published: "2025-01", quote: "grew by 62 %" },
  { id: "ady-2024", publisher: "Azerbaijan Railways", published: "2024-12-20", quote: "6.5 million tonnes handled" },
  { id: "xss-source", publisher: XSS, published: "2024", quote: `${XSS} & <b>bold</b>` },
];

/** Traces that draw data points the reader can hover (not skipped). */
function hoverable(f: CaspianFigure): Record<string, unknown>[] {
  return f.data.filter((t) => t.hoverinfo !== "skip");
}

describe("shortQuote()", () => {
  test("keeps a short quote, collapsing white space", () => {
    expect(shortQuote(" grew\n by  62 % ")).toBe("grew by 62 %");
  });
  test("cuts a long quote at a word, with an ellipsis, to at most 160 characters", () => {
    const q = shortQuote(LONG);
    expect(LONG.length).toBeGreaterThan(160);
    expect(q.length).toBeLessThanOrEqual(160);
    expect(q).toBe(
      "In 2024 the volume of cargo transported along the Trans-Caspian International Transport Route reached 4.5 million tons, which is 62 percent more than in the…",
    );
  });
});

describe("pointHover()", () => {
  test("value with unit and period, publisher with date, and the verbatim quote", () => {
    expect(
      pointHover({ label: "Port of Baku", value: "6.5 million t", period: "2023", sources: ["ady-2024"] }, quoted),
    ).toBe(
      "Port of Baku<br>2023: 6.5 million t<br>Source: Azerbaijan Railways (2024-12-20)<br>“6.5 million tonnes handled”",
    );
  });

  test("several sources: each publisher, the first quote and how many more", () => {
    const h = pointHover({ value: "3 events", sources: ["ktz-2025", "ady-2024", "unknown-id"] }, quoted);
    expect(h.split("<br>")).toEqual([
      "3 events",
      "Sources: Kazakhstan Temir Zholy (2025-01); Azerbaijan Railways",
      "(2024-12-20); unknown-id",
      "“grew by 62 %”",
      "(+2 more sources)",
    ]);
  });

  test("a long quote wraps at 64 characters and is shortened with an ellipsis", () => {
    const lines = pointHover({ value: "4.5 million t", sources: ["reportaz-titr"] }, quoted).split("<br>");
    const quote = lines.slice(2).join(" ");
    expect(quote.startsWith("“In 2024 the volume")).toBe(true);
    expect(quote.endsWith("more than in the…”")).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(64);
  });

  test("no sources: says so; without a catalog the ids are listed and no quote invented", () => {
    expect(pointHover({ value: "1" })).toBe("1<br>Source: none recorded");
    expect(pointHover({ value: "1", sources: ["a", "a"] })).toBe("1<br>Source: a");
  });

  test("escapes every text from data", () => {
    const h = pointHover({ label: XSS, value: "1 t", sources: ["xss-source"] }, quoted);
    expect(h).not.toContain("<img");
    expect(h).not.toContain("<b>");
    expect(h).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  test("property: arbitrary texts never produce a tag other than <br>", () => {
    const text = fc.string({ maxLength: 80 });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        text,
        text,
        fc.array(text, { maxLength: 3 }),
        (label, value, period, pub, quote, ids) => {
          const catalog = ids.map((id) => ({ id, publisher: pub, published: period, quote }));
          const h = pointHover({ label, value, period, sources: ids }, catalog);
          const tags = h.match(/<[^>]*>?/g) ?? [];
          expect(tags.every((t) => t === "<br>")).toBe(true);
          expect(h.replace(/<br>/g, "")).not.toMatch(/[<>]/);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("deterministic", () => {
    const p = { label: "x", value: "1 t", sources: ["ktz-2025", "ady-2024"] };
    expect(pointHover(p, quoted)).toBe(pointHover(p, [...quoted]));
  });
});

describe("every builder's points show value, period, publisher and quote", () => {
  const figures: [string, CaspianFigure][] = [
    ["time series", timeSeriesFigure(titr, { title: "t", sourceCatalog: quoted })],
    ["comparison", comparisonBarsFigure(comparison, { title: "c", sourceCatalog: quoted })],
    ["capacity", capacityThroughputFigure(capacity, { title: "c", sourceCatalog: quoted })],
    ["balance", balanceBarsFigure(balance, { title: "b", sourceCatalog: quoted })],
    ["projection", projectionFigure(projection, { title: "p", sourceCatalog: quoted })],
    ["timeline", timelineFigure(timeline, { title: "t", sourceCatalog: quoted })],
    ["network", overlapNetworkFigure(network, { title: "n", sourceCatalog: quoted })],
  ];
  test.each(figures)("%s: one hover text per point, shown by the template", (_name, f) => {
    const traces = hoverable(f);
    expect(traces.length).toBeGreaterThan(0);
    for (const t of traces) {
      expect(t.hovertemplate).toBe(HOVER_TEMPLATE);
      const n = ((t.x ?? t.y) as unknown[]).length;
      expect((t.hovertext as string[]).length).toBe(n);
    }
  });

  test("time series: the quote of the point's first source, its period and its value", () => {
    const f = timeSeriesFigure(titr, { title: "t", sourceCatalog: quoted });
    const h = (f.data[0]!.hovertext as string[])[5]!;
    expect(h.split("<br>").slice(0, 4)).toEqual([
      "TITR cargo [whole route]",
      "2024: 4.5 million t",
      "Sources: Report.az (2026-03-02); Kazakhstan Temir Zholy",
      "(2025-01)",
    ]);
    expect(h).toContain("“In 2024 the volume");
    expect(h.endsWith("(+1 more source)")).toBe(true);
    const part = f.data.find((t) => t.mode === "markers+text")!;
    expect((part.hovertext as string[])[0]).toContain("Jan–Sep 2025: 3.9 million t");
  });

  test("comparison bars: a missing value is n/a, the bar's own sources and period", () => {
    const f = comparisonBarsFigure(
      {
        ...comparison,
        bars: [
          { label: "Kazakhstan", value: 4.6e8, period: "2024", sources: S("ady-2024") },
          { label: "Kyrgyzstan", value: null },
        ],
      },
      { title: "c", sourceCatalog: quoted },
    );
    expect(f.data[0]!.hovertext).toEqual([
      "Kazakhstan<br>2024: 460 million US$<br>Source: Azerbaijan Railways (2024-12-20)<br>“6.5 million tonnes handled”",
      "Kyrgyzstan<br>n/a (no figure)<br>Source: none recorded",
    ]);
  });

  test("timeline: spans with their dates and status, events with their date", () => {
    const f = timelineFigure(
      { ...timeline, spans: [{ ...timeline.spans[0]!, sources: S("ktz-2025") }] },
      { title: "t", sourceCatalog: quoted },
    );
    expect((f.data[0]!.hovertext as string[])[0]).toBe(
      "SCO<br>2015-07 – 2025-09: Dialogue partner<br>Source: Kazakhstan Temir Zholy (2025-01)<br>“grew by 62 %”",
    );
    const events = f.data.find((t) => t.name === "Event")!;
    expect((events.hovertext as string[])[0]).toBe("SCO+ summit<br>2024-07-04: event<br>Source: none recorded");
  });

  test("projection: the trend says it is computed, targets show their source", () => {
    const f = projectionFigure(
      { ...projection, targets: [{ year: 2030, value: 10e6, label: "Target", sources: S("ktz-2025") }] },
      { title: "p", sourceCatalog: quoted },
    );
    const trend = f.data.find((t) => String(t.name).startsWith("Trend"))!;
    expect((trend.hovertext as string[])[2]).toContain("a model, not a published figure");
    expect((trend.hovertext as string[])[2]).toContain("2030: ");
    const stars = f.data.find((t) => t.name === "Targets")!;
    expect(stars.hovertext).toEqual([
      "Target<br>target for 2030: 10 million t<br>Source: Kazakhstan Temir Zholy (2025-01)<br>“grew by 62 %”",
    ]);
  });

  test("network: edges show their weight and the edge's own sources", () => {
    const f = overlapNetworkFigure(
      { ...network, edges: [{ source: "SCO", target: "OTS", weight: 3, sources: S("ady-2024") }] },
      { title: "n", sourceCatalog: quoted },
    );
    expect((f.data[1]!.hovertext as string[])[0]).toBe(
      "SCO – OTS: Shared members<br>3 states<br>Source: Azerbaijan Railways (2024-12-20)<br>“6.5 million tonnes handled”",
    );
  });
});

describe("computed values say what they are computed from, not 'Source: none recorded'", () => {
  test("pointHover(): the computation, then the sources of its inputs; without sources no 'none recorded'", () => {
    expect(
      pointHover({ label: "Last year", value: "−8.14 %", computed: "Computed from the cargo of 2024 and 2025" }),
    ).toBe("Last year<br>−8.14 %<br>Computed from the cargo of 2024 and 2025");
    const h = pointHover({ value: "1", computed: "Computed from x", sources: ["ady-2024"] }, quoted).split("<br>");
    expect(h.slice(0, 3)).toEqual(["1", "Computed from x", "Source: Azerbaijan Railways (2024-12-20)"]);
    // two pages of one publisher: one entry with both dates, earliest first
    const twice = [...quoted, { id: "ady-2023", publisher: "Azerbaijan Railways", published: "2023-05-01" }];
    expect(pointHover({ value: "1", sources: ["ady-2024", "ady-2023"] }, twice).split("<br>")[1]).toBe(
      "Sources: Azerbaijan Railways (2023-05-01, 2024-12-20)",
    );
    const thrice = [...twice, { id: "ady-2010", publisher: "Azerbaijan Railways", published: "2010-11-03" }];
    expect(pointHover({ value: "1", sources: ["ady-2024", "ady-2023", "ady-2010"] }, thrice).split("<br>")[1]).toBe(
      "Sources: Azerbaijan Railways (3 pages, 2010–2024)",
    );
  });
  test("comparison bars: labels share the decimals of the largest value and write '−'; the hover carries 'computed'", () => {
    const f = comparisonBarsFigure(
      {
        quantity: "Growth a year",
        unit: "percent",
        bars: [
          { label: "Required", value: 55.81314872270007 },
          { label: "Last year", value: -8.140053523639612, computed: "Computed from the cargo of 2024 and 2025" },
        ],
        sources: [],
      },
      { title: "g", horizontal: true },
    );
    expect(f.data[0]!.text).toEqual(["55.8", "−8.1"]);
    expect((f.data[0]!.hovertext as string[])[1]).toBe(
      "Last year<br>−8.14 %<br>Computed from the cargo of 2024 and 2025",
    );
  });
});

describe("capacity lines' hovers name what each line is and the period its value is for", () => {
  const heads = (levels: CapacityThroughputInput["capacities"]) =>
    capacityThroughputFigure({ ...capacity, capacities: levels }, { title: "c" })
      .data.filter((t) => t.mode === "lines")
      .map((t) => (t.hovertext as string[])[0]!.split("<br>").slice(0, 2));
  test("actual levels: 'Stated capacity, actual' over the years they apply, without 'Capacity; Capacity'", () => {
    const cap = { label: "Capacity", value: 6e6, unit: "t_per_year", status: "actual" } as const;
    expect(
      heads([
        { ...cap, from: 2022, to: 2022 },
        { ...cap, from: 2023 },
      ]),
    ).toEqual([["Stated capacity, actual", "2022–2023: 6 million t/year"]]);
  });
  test("a target is for its year, with the years it was stated (not the years the line is drawn)", () => {
    const target = {
      label: "For 2034, stated 2017–2025",
      value: 17e6,
      unit: "t_per_year",
      status: "target",
      forYear: 2034,
      stated: "2017–2025",
      from: 2021,
    } as const;
    expect(heads([target])).toEqual([["Target for 2034, stated 2017–2025", "2034: 17 million t/year"]]);
    expect(heads([{ ...target, forYear: undefined, status: "planned" }])).toEqual([
      ["Planned capacity (no year given), stated 2017–2025", "17 million t/year"],
    ]);
  });
  test("a caller's own label stays in the hover", () => {
    expect(heads(capacity.capacities)[0]).toEqual([
      "Stated capacity, actual (Phase 1)",
      "2021–2028: 15 million t/year",
    ]);
  });
});

describe("count axes tick at whole numbers", () => {
  test("countStep() picks 1, 2, 5, 10, 20, 25 … for at most 8 ticks", () => {
    expect([1, 3, 8, 9, 13, 40, 41, 150, 190, 1000].map((m) => countStep(m))).toEqual([
      1, 1, 1, 2, 2, 5, 10, 20, 25, 200,
    ]);
  });

  test("countAxis(): tickformat d, linear ticks from 0, dtick ≥ 1 even for values of 0 and 1", () => {
    const axis = countAxis("Events", "events", [0, 1, null]);
    expect([axis.tickformat, axis.tickmode, axis.tick0, axis.dtick]).toEqual(["d", "linear", 0, 1]);
  });

  test("a time series of events a year gets a count axis; one in tonnes does not", () => {
    const events = seriesOf({ "2020": 0, "2021": 1, "2022": 1 }, { metric: "events", unit: "events", sources: [] });
    const y = timeSeriesFigure(events, { title: "e" }).layout.yaxis as Record<string, unknown>;
    expect([y.tickformat, y.dtick]).toEqual(["d", 1]);
    const t = timeSeriesFigure(titr, { title: "t" }).layout.yaxis as Record<string, unknown>;
    expect(t.dtick).toBeUndefined();
  });

  test("bars counting claims (unit 'number') get whole-number ticks and say '2 claims' in the hover", () => {
    const f = comparisonBarsFigure(
      { quantity: "Claims", unit: "number", bars: [{ label: "Supported", value: 2 }], sources: [] },
      { title: "v" },
    );
    expect((f.layout.yaxis as Record<string, unknown>).dtick).toBe(1);
    expect((f.data[0]!.hovertext as string[])[0]).toBe("Supported<br>2 claims<br>Source: none recorded");
    const one = comparisonBarsFigure(
      { quantity: "Claims", unit: "number", bars: [{ label: "Partly supported", value: 1 }], sources: [] },
      { title: "v" },
    );
    expect((one.data[0]!.hovertext as string[])[0]).toBe("Partly supported<br>1 claim<br>Source: none recorded");
  });

  test("a time series of events says '1 event' and '0 events'", () => {
    const events = seriesOf({ "2015": 1, "2016": 0, "2017": 3 }, { metric: "events", unit: "events", sources: [] });
    const f = timeSeriesFigure(events, { title: "e", computed: "Counted from the event catalogue" });
    const lines = (f.data[0]!.hovertext as string[]).map((h) => h.split("<br>").slice(1));
    expect(lines).toEqual([
      ["2015: 1 event", "Counted from the event catalogue"],
      ["2016: 0 events", "Counted from the event catalogue"],
      ["2017: 3 events", "Counted from the event catalogue"],
    ]);
  });
});
