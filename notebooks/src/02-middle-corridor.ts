// %% [markdown]
// # 02 · The Middle Corridor: volumes, growth, capacity and targets
//
// The article's section on Central Asia and the OTS ends on transport: the Trans-Caspian International Transport
// Route (TITR, the "Middle Corridor") is said to carry markedly more, Azerbaijan is enlarging the Baku port at Alat
// and the Baku–Tbilisi–Kars (BTK) railway, and transit with OTS states is reported to have grown in the first nine
// months of the year of writing. This notebook puts numbers on that paragraph, and shows how much the numbers depend
// on who publishes them and what they count.
//
// 1. **Which number?** "Cargo on the Middle Corridor" is published for at least five different things: the whole
//    route as counted by Kazakhstan's transport ministry and railway, the Caspian seaports counted by the TITR
//    Association, the part carried by Azerbaijan's railways, the Port of Baku and the BTK railway. Within each,
//    publishers round, revise and disagree. The figures are shown side by side rather than merged.
// 2. **Growth**, annual and over the first nine months, published and derived from volumes — including the article's
//    transit figure for OTS states, with what it can and cannot tell.
// 3. **Capacity and utilisation** of the Port of Baku, the BTK railway and the route as a whole.
// 4. **A projection** of whole-route cargo against the targets stated for the coming years, and the growth they need.
//
// Mt is million tonnes. A figure for part of a year is never compared with a full year. Every number in the text
// below is computed from `data/` when the notebook runs.

// %% tags=parameters
let focal = "AZE"; // ISO3: the assets of this state come first in the capacity section (AZE: Baku port, BTK; KAZ: the whole route)
let asOf: string | number = ""; // (a bare year from the command line arrives as a number) "" = the latest date in the data; an ISO date = only rows published by then (e.g. "2024-11-30", the article's time)
let scenario = "log-linear"; // trend model for the projection: "log-linear" or "linear", optionally "@YEAR" for the first year fitted, e.g. "log-linear@2021"

// %%
import * as cl from "../dist/lib";
import * as rp from "../dist/lib/notebook";

const pkg = cl.dataPackage();
const latest = rp.latestDataDate(pkg);
const asOfDate = rp.resolveAsOf(String(asOf), pkg);
const known = asOfDate === latest ? pkg : rp.packageKnownBy(pkg, asOfDate);
// actual figures must cover a period that has ended by the as-of date; plans and forecasts may lie ahead
const flows = known.corridorFlows.filter((r) => r.status !== "actual" || r.period_end <= asOfDate);
const transit = known.transit.filter((r) => r.period_end <= asOfDate);
const caps = known.capacities.filter((r) => cl.startOf(r.as_of) <= asOfDate);
const catalog = pkg.sources;

const [modelText, fromText] = scenario.split("@");
if (modelText !== "log-linear" && modelText !== "linear") throw new RangeError(`scenario: the model must be "log-linear" or "linear", not "${modelText}"`);
const model: cl.TrendModel = modelText;
const fitFrom = fromText === undefined ? undefined : Number(fromText);
if (fitFrom !== undefined && !Number.isInteger(fitFrom)) throw new RangeError(`scenario: "@${fromText}" is not a year`);

const SCOPE_LABEL: Record<string, string> = {
  whole_route: "Whole route (Kazakh totals)",
  caspian_ports: "Caspian ports",
  azerbaijan_railways: "Azerbaijan Railways, East–West",
  titr_rail: "TITR rail (KTZ)",
  port_of_baku: "Port of Baku",
  btk_railway: "BTK railway",
  total_transit: "All transit through Azerbaijan",
  rail_transit: "Rail transit (ADY)",
  ots_transit: "Transit with OTS states",
  corridors_total: "All cargo on Azerbaijan's corridors",
  corridors_transit: "Transit on Azerbaijan's corridors",
  traceca_az_section: "TRACECA, Azerbaijani section",
  traceca_az_transit: "TRACECA transit, Azerbaijan",
  east_west_transit: "East–West rail transit",
};
const SHORT_SCOPE: Record<string, string> = { whole_route: "Whole route", caspian_ports: "Caspian ports", azerbaijan_railways: "ADY East–West", port_of_baku: "Baku port", btk_railway: "BTK", total_transit: "All transit", rail_transit: "Rail transit", ots_transit: "OTS transit", corridors_total: "All corridor cargo", titr_rail: "TITR rail" };
const shortScope = (s: string) => SHORT_SCOPE[s] ?? scopeLabel(s);
const shortPublisher = (ids: readonly string[]) => publisherOf(ids).replace(/\s*\(.*\)$/, "");
const scopeLabel = (s: string) => SCOPE_LABEL[s] ?? cl.humanize(s);
const publisherOf = (ids: readonly string[]) => pkg.sourceById.get(ids[0] ?? "")?.publisher ?? ids[0] ?? "";
const publishedOf = (ids: readonly string[]) => ids.map((id) => pkg.sourceById.get(id)?.published ?? "").filter((d) => d !== "").sort();
const lastPublished = (ids: readonly string[]) => publishedOf(ids)[publishedOf(ids).length - 1] ?? "";
const sigDigits = (v: number) => String(Math.round(Math.abs(v))).replace(/0+$/, "").length;

/**
 * The headline figure of a period when publishers disagree: the most precise value (most significant digits: an
 * unrounded series beats its rounded repetitions), then the one with more sources, then the later publication
 * (a revision), then the row id. Every other figure stays visible in the tables below.
 */
function headline<R extends { id: string; value: number; sources: readonly string[] }>(rows: readonly R[]): R {
  return [...rows].sort(
    (a, b) =>
      sigDigits(b.value) - sigDigits(a.value) ||
      b.sources.length - a.sources.length ||
      lastPublished(b.sources).localeCompare(lastPublished(a.sources)) ||
      a.id.localeCompare(b.id),
  )[0]!;
}
/** Plotly legend: one entry per name (capacity steps of the same value repeat the name). */
function dedupeLegend<F extends { data: readonly Record<string, unknown>[] }>(fig: F): F {
  const seen = new Set<string>();
  return {
    ...fig,
    data: fig.data.map((t) => {
      const name = String(t.name ?? "");
      if (name === "" || t.showlegend === false) return t;
      const again = seen.has(name);
      seen.add(name);
      return { ...t, legendgroup: t.legendgroup ?? `n:${name}`, ...(again ? { showlegend: false } : {}) };
    }),
  };
}
const groupBy = <T,>(items: readonly T[], key: (t: T) => string) => {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
};

const annualCargo = flows.filter((r) => r.metric === "cargo" && r.status === "actual" && cl.calendarYear(r.period_start, r.period_end) !== undefined);
const scopes = cl.enums.flowScope.filter((s) => annualCargo.some((r) => r.scope === s));
const byScopeYear = groupBy(annualCargo, (r) => `${r.scope}|${r.period_start.slice(0, 4)}`);
const headlineIds = [...byScopeYear.values()].map((rows) => headline(rows).id);
const seriesOfScope = (scope: string) =>
  cl.corridorSeries(flows, { scope, metric: "cargo", ids: headlineIds.filter((id) => annualCargo.some((r) => r.id === id && r.scope === scope)), label: scopeLabel(scope) });
const scopeSeries = scopes.map(seriesOfScope);

// Text from data/ and parameters goes into Markdown only through cl.md`…` (every ${value} is escaped as text); the
// markup is in the literal parts of the templates. Plain-text pieces stay strings and are escaped where interpolated.
cl.displayMarkdown(
  cl.mdJoin(
    [
      cl.md`Data ${asOfDate === latest ? cl.md`as of the latest date in the package, **${rp.formatDate(asOfDate)}**` : cl.md`published by **${rp.formatDate(asOfDate)}**`}:`,
      cl.md`${rp.plural(flows.length, "corridor row")}, ${rp.plural(transit.length, "transit row")} and ${rp.plural(caps.length, "capacity statement")}.`,
      cl.md`Annual cargo figures exist for ${rp.countWord(scopes.length)} scopes; ${rp.plural([...byScopeYear.values()].filter((g) => new Set(g.map((r) => r.value)).size > 1).length, "scope-year")} carry more than one figure.`,
    ],
    " ",
  ),
);

// %% [markdown]
// ## 1 · Which number? Scopes and publishers
//
// Each line is one scope, drawn through its headline figure per year (the most precise published value; the rule is
// in the code above). The scopes are not parts of one total: the whole-route figure counts cargo through Kazakhstan
// along the route, the seaport figure counts what crosses the Caspian, the Port of Baku counts all its cargo, transit
// or not. They should not be added or subtracted.

// %%
const scopeFig = cl.timeSeriesFigure(scopeSeries, {
  title: "Annual cargo by scope: five measures of 'the corridor'",
  subtitle: "Headline figure per scope and year; other publishers' figures in the tables below",
  quantity: "Cargo",
  note: "Scopes overlap and are not additive. Caspian seaports: Kazakh ports only before the TITR Association's figure for both shores.",
  sourceCatalog: catalog,
  height: 520,
});
cl.show(scopeFig);
void cl.registerFigure({
  id: "cargo-by-scope",
  caption: `Annual cargo on the Middle Corridor in ${rp.countWord(scopes.length)} scopes, one line each; the whole route and the Port of Baku have the longest series.`,
  figure: scopeFig,
});

// %% [markdown]
// The disagreement within a scope. For every scope and year with more than one published figure: the spread between
// the lowest and the highest, and who published what. Rounding explains small spreads; large ones come from
// revisions or different definitions hidden under the same name.

// %%
const conflicts = [...byScopeYear.entries()]
  .filter(([, rows]) => new Set(rows.map((r) => r.value)).size > 1)
  .map(([key, rows]) => {
    const [scope, year] = key.split("|") as [string, string];
    const values = rows.map((r) => r.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const sorted = [...rows].sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));
    return {
      scope,
      year: Number(year),
      rows: sorted,
      lo,
      hi,
      spread: ((hi - lo) / lo) * 100,
      headline: headline(rows).id,
    };
  })
  .sort((a, b) => scopes.indexOf(a.scope as never) - scopes.indexOf(b.scope as never) || a.year - b.year);

const conflictTable: cl.TableInput = {
  title: "Annual cargo: where publishers disagree",
  columns: [
    { key: "scope", label: "Scope" },
    { key: "year", label: "Year" },
    { key: "n", label: "Figures" },
    { key: "lo", label: "Lowest", unit: "Mt" },
    { key: "hi", label: "Highest", unit: "Mt" },
    { key: "spread", label: "Spread", unit: "% of lowest" },
    { key: "figures", label: "Figures and publishers (headline marked *)" },
  ],
  rows: conflicts.map((c) => ({
    scope: scopeLabel(c.scope),
    year: String(c.year),
    n: c.rows.length,
    lo: c.lo / 1e6,
    hi: c.hi / 1e6,
    spread: c.spread,
    figures: c.rows.map((r) => `${rp.formatTonnes(r.value, 3)}${r.id === c.headline ? "*" : ""} (${publisherOf(r.sources)}, ${lastPublished(r.sources) || "undated"})`).join("; "),
  })),
  sources: cl.mergeSources(...conflicts.flatMap((c) => c.rows.map((r) => cl.rowSources(r)))),
};
cl.displayHtml(rp.tableHtml(conflictTable, { sourceCatalog: catalog, digits: { lo: 3, hi: 3, spread: 1 }, minWidths: { figures: "24em" } }));
void cl.registerTable({ id: "cargo-by-publisher", title: conflictTable.title!, caption: "Every scope and year with more than one published annual cargo figure.", table: conflictTable, sourceCatalog: catalog });

const disagreementFig = cl.comparisonBarsFigure(
  {
    quantity: "Cargo",
    unit: "t",
    bars: conflicts.flatMap((c) =>
      c.rows.map((r) => ({
        label: `${shortScope(c.scope)} ${c.year} · ${shortPublisher(r.sources)} ${lastPublished(r.sources).slice(0, 7) || "undated"}`,
        value: r.value,
        colorKey: c.scope,
        sources: cl.rowSources(r),
      })),
    ),
    sources: conflictTable.sources,
  },
  {
    title: "The same year, different tonnages",
    subtitle: "Every annual cargo figure of a scope and year that has more than one",
    note: "Bars of one scope and year describe the same cargo; the differences are rounding, revision or definition.",
    sourceCatalog: catalog,
    horizontal: true,
    height: 160 + 26 * conflicts.reduce((n, c) => n + c.rows.length, 0),
  },
);
cl.show(disagreementFig);
const widest = [...conflicts].sort((a, b) => b.spread - a.spread)[0];
void cl.registerFigure({
  id: "cargo-disagreement",
  caption: widest
    ? `Published annual cargo figures disagree by up to ${rp.formatPercent(widest.spread)} (${scopeLabel(widest.scope)}, ${widest.year}).`
    : "Published annual cargo figures by publisher.",
  figure: disagreementFig,
});

const whole = scopeSeries.find((s) => s.scope === "whole_route");
const wholeConf = conflicts.filter((c) => c.scope === "whole_route");
cl.displayMarkdown(
  cl.mdJoin(
    [
      widest
        ? cl.md`The widest disagreement is for **${scopeLabel(widest.scope)} ${widest.year}**: ${rp.listText(widest.rows.map((r) => `${rp.formatTonnes(r.value, 3)} (${publisherOf(r.sources)})`))} — a spread of ${rp.formatPercent(widest.spread)}.`
        : cl.md`No scope and year has more than one figure in this vintage.`,
      // plain text (no markup): escaped as a whole by mdJoin
      wholeConf.length > 0
        ? `For the whole route, ${rp.listText(wholeConf.map((c) => `${c.year} has ${rp.countWord(c.rows.length)} figures (${rp.formatTonnes(c.lo, 3)} to ${rp.formatTonnes(c.hi, 3)})`))}. ` +
          (() => {
            const others = wholeConf.flatMap((c) => {
              const h = c.rows.find((r) => r.id === c.headline)!;
              return c.rows.filter((r) => r !== h).map((r) => ({ r, c, off: Math.abs(r.value - h.value) / h.value }));
            });
            const round = others.filter((o) => o.off <= 0.02);
            const apart = others.filter((o) => o.off > 0.02);
            return (
              `${round.length} of the ${others.length} non-headline figures are within 2 % of the headline, i.e. roundings. ` +
              (apart.length > 0
                ? `The others — ${rp.listText(apart.map((o) => `${rp.formatTonnes(o.r.value, 3)} for ${o.c.year} (${publisherOf(o.r.sources)})`))} — are different statements, and growth rates computed from them differ too (section 2).`
                : "")
            );
          })()
        : "",
    ].filter((p) => p !== ""),
    "\n\n",
  ),
);

// %% [markdown]
// ## 2 · Growth
//
// ### Annual growth: published and derived
//
// A published growth rate and the rate derived from two published volumes should agree. They often do not, because
// the base year was revised between the two statements. The table sets them side by side for every scope with annual
// figures.

// %%
const publishedGrowth = flows.filter((r) => r.metric === "cargo_growth" && r.status === "actual");
const annualGrowthRows = scopeSeries.flatMap((s) => {
  const yoy = cl.yearOverYear(s);
  return yoy.points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.value !== null || publishedGrowth.some((g) => g.scope === s.scope && g.period_start === p.periodStart && g.period_end === p.periodEnd))
    .map(({ p, i }) => {
      const pub = publishedGrowth.filter((g) => g.scope === s.scope && g.period_start === p.periodStart && g.period_end === p.periodEnd);
      return {
        scope: scopeLabel(s.scope),
        year: p.label,
        volume: s.points[i]!.value === null ? null : s.points[i]!.value! / 1e6,
        derived: p.value,
        published: pub.length === 0 ? "" : pub.map((g) => `${rp.formatPercent(g.value, { sign: true, digits: 1 })} (${publisherOf(g.sources)})`).join("; "),
        gap: pub.length === 0 || p.value === null ? null : Math.max(...pub.map((g) => Math.abs(g.value - p.value!))),
        sources: cl.mergeSources(p.sources, ...pub.map((g) => cl.rowSources(g))),
      };
    });
});
const annualGrowthTable: cl.TableInput = {
  title: "Annual cargo growth: derived from headline volumes and as published",
  columns: [
    { key: "scope", label: "Scope" },
    { key: "year", label: "Year" },
    { key: "volume", label: "Headline volume", unit: "Mt" },
    { key: "derived", label: "Derived growth", unit: "%" },
    { key: "published", label: "Published growth (publisher)" },
    { key: "gap", label: "Largest gap", unit: "points" },
  ],
  rows: annualGrowthRows.map(({ sources, ...r }) => r),
  sources: cl.mergeSources(...annualGrowthRows.map((r) => r.sources)),
};
cl.displayHtml(rp.tableHtml(annualGrowthTable, { sourceCatalog: catalog, digits: { volume: 3, derived: 1, gap: 1 }, minWidths: { published: "18em" } }));
void cl.registerTable({ id: "annual-growth", title: annualGrowthTable.title!, table: annualGrowthTable, sourceCatalog: catalog });

const bigGap = [...annualGrowthRows].filter((r) => r.gap !== null).sort((a, b) => b.gap! - a.gap!)[0];
const wholeCagr = whole ? cl.seriesCagr(whole) : undefined;
// two plain-text paragraphs (no markup): escaped as a whole by mdJoin
cl.displayMarkdown(
  cl.mdJoin(
    [
      wholeCagr
        ? `On the headline whole-route series, cargo went from ${rp.formatTonnes(wholeCagr.fromValue)} in ${wholeCagr.fromYear} to ${rp.formatTonnes(wholeCagr.toValue)} in ${wholeCagr.toYear}: ` +
          `${rp.formatPercent(wholeCagr.value, { digits: 1 })} a year compounded` +
          (() => {
            const yoy = cl.yearOverYear(whole!).points.filter((p) => p.value !== null);
            const falls = yoy.filter((p) => p.value! < 0).map((p) => p.label);
            const doubles = yoy.filter((p) => p.value! >= 100).map((p) => p.label);
            return falls.length > 0 || doubles.length > 0
              ? `, but not evenly: ${[falls.length > 0 ? `cargo fell in ${rp.listText(falls)}` : "", doubles.length > 0 ? `at least doubled in ${rp.listText(doubles)}` : ""].filter((x) => x !== "").join(" and ")}.`
              : ".";
          })()
        : "",
      bigGap
        ? `The largest mismatch between a published and a derived rate is ${rp.formatPoints(bigGap.gap, 1).replace("+", "")} (${bigGap.scope}, ${bigGap.year}: derived ${rp.formatPercent(bigGap.derived, { sign: true, digits: 1 })}, published ${bigGap.published}). ` +
          `A rate computed against a revised base year is not wrong, but it is not the same statement.`
        : "",
    ].filter((p) => p !== ""),
    "\n\n",
  ),
);

// %% [markdown]
// ### The first nine months
//
// The article's only growth rate covers January to September. The package holds few other nine-month figures, from
// several scopes; they are listed with growth derived wherever the same scope has the same months a year earlier.

// %%
const isNineMonths = (r: { period_start: string; period_end: string }) => r.period_start.endsWith("-01-01") && r.period_end.endsWith("-09-30") && r.period_start.slice(0, 4) === r.period_end.slice(0, 4);
type NineRow = { id: string; scope: string; metric: string; value: number; unit: string; period_start: string; period_end: string; base_start?: string; base_end?: string; sources: readonly string[]; table: string };
const nine: NineRow[] = [
  ...flows.filter((r) => isNineMonths(r) && r.status === "actual" && (r.metric === "cargo" || r.metric === "cargo_growth")).map((r) => ({ ...r, table: "corridor_flows" })),
  ...transit.filter((r) => isNineMonths(r) && r.metric !== "share").map((r) => ({ ...r, table: "transit" })),
];
const nineRows = nine
  .sort((a, b) => a.period_start.localeCompare(b.period_start) || a.scope.localeCompare(b.scope) || a.metric.localeCompare(b.metric) || a.id.localeCompare(b.id))
  .map((r) => {
    const isGrowth = r.unit === "percent";
    let derived: number | null = null;
    if (!isGrowth) {
      const base = nine.find((b) => b.scope === r.scope && b.unit === r.unit && b.period_start === cl.shiftYears(r.period_start, -1) && b.period_end === cl.shiftYears(r.period_end, -1));
      derived = base ? cl.percentChange(base.value, r.value) ?? null : null;
    }
    return {
      period: cl.periodLabel(r.period_start, r.period_end),
      scope: scopeLabel(r.scope),
      figure: isGrowth ? `${rp.formatPercent(r.value, { sign: true, digits: 1 })} on ${cl.periodLabel(r.base_start!, r.base_end!)}` : rp.formatTonnes(r.value, 3),
      derived,
      publisher: `${publisherOf(r.sources)} (${lastPublished(r.sources) || "undated"})`,
      row: r.id,
      sources: cl.rowSources(r),
    };
  });
const nineTable: cl.TableInput = {
  title: "January–September figures",
  columns: [
    { key: "period", label: "Period" },
    { key: "scope", label: "Scope" },
    { key: "figure", label: "Published figure" },
    { key: "derived", label: "Growth derived from volumes", unit: "%" },
    { key: "publisher", label: "Publisher" },
    { key: "row", label: "Row id" },
  ],
  rows: nineRows.map(({ sources, ...r }) => r),
  sources: cl.mergeSources(...nineRows.map((r) => r.sources)),
};
cl.displayHtml(rp.tableHtml(nineTable, { sourceCatalog: catalog, digits: { derived: 1 } }));
void cl.registerTable({ id: "nine-month-figures", title: nineTable.title!, caption: "Every January–September volume or growth figure in corridor_flows.csv and transit.csv.", table: nineTable, sourceCatalog: catalog });

// %% [markdown]
// ### The article's transit figure for OTS states
//
// The figure is a single growth rate. The chart sets it among every other cargo or transit growth rate published for
// periods of the same year, each labelled with its scope, months and publisher. The differences are not errors: each
// counts something else.

// %%
const ots = transit.find((r) => r.scope === "ots_transit" && r.metric === "growth");
if (!ots) {
  cl.displayMarkdown(cl.md`No growth figure for transit with OTS states is in the data ${asOfDate === latest ? "" : `published by ${rp.formatDate(asOfDate)}`} — it was stated only later.`);
} else {
  const year = ots.period_end.slice(0, 4);
  const sameYear = [
    ...flows.filter((r) => r.metric === "cargo_growth" && r.status === "actual" && r.period_end.startsWith(year)).map((r) => ({ ...r, table: "corridor_flows" })),
    ...transit.filter((r) => r.metric === "growth" && r.period_end.startsWith(year)).map((r) => ({ ...r, table: "transit" })),
  ].sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  const growthFig = cl.comparisonBarsFigure(
    {
      quantity: "Growth on the same months a year earlier",
      unit: "percent",
      bars: sameYear.map((r) => ({
        label: `${r.id === ots.id ? "▶ " : ""}${shortScope(r.scope)} · ${cl.periodLabel(r.period_start, r.period_end).replace(` ${year}`, "")} · ${shortPublisher(r.sources)}`,
        value: r.value,
        colorKey: r.scope,
        sources: cl.rowSources(r),
      })),
      sources: cl.mergeSources(...sameYear.map((r) => cl.rowSources(r))),
    },
    {
      title: `Growth rates published for ${year}, by scope`,
      subtitle: "▶ the article's figure: transit with OTS member and observer states",
      note: "Each bar compares a period with the same months a year earlier. Scopes differ: do not compare bars as if they measured one flow.",
      sourceCatalog: catalog,
      horizontal: true,
      height: 170 + 28 * sameYear.length,
    },
  );
  cl.show(growthFig);
  void cl.registerFigure({
    id: "growth-rates-ots-year",
    caption: `The article's ${rp.formatPercent(ots.value, { sign: true })} for transit with OTS states (${cl.periodLabel(ots.period_start, ots.period_end)}) among the other growth rates published for ${year}.`,
    figure: growthFig,
  });

  const ix = cl.membershipIndex(pkg.memberships, pkg.organizations);
  const mx = cl.matrixTable(cl.membershipMatrix(ix, ots.period_end, { orgs: ["OTS"] })).filter((r) => r.cells.OTS);
  const nameOf = (iso: string) => pkg.states.find((s) => s.iso3 === iso)?.name ?? iso;
  const members = mx.filter((r) => r.cells.OTS === "member" || r.cells.OTS === "founding_member").map((r) => nameOf(r.state));
  const observers = mx.filter((r) => r.cells.OTS === "observer").map((r) => nameOf(r.state));
  const total = transit.filter((r) => r.scope === "total_transit" && r.metric === "growth" && r.period_end.startsWith(year));
  const totalVol = transit.filter((r) => r.scope === "total_transit" && r.metric === "volume" && r.period_end.startsWith(year));
  const wholeYear = sameYear.filter((r) => r.scope === "whole_route");
  const otsGap = pkg.gaps.find((g) => g.resource === "transit" && g.description.includes("OTS"));
  const pubs = [...new Set(ots.sources.map((id) => pkg.sourceById.get(id)?.publisher ?? id))];
  // after each bold lead-in, plain text (escaped where interpolated)
  const notMiddleCorridor =
    (wholeYear.length > 0
      ? `the whole route grew by ${rp.listText([...new Set(wholeYear.map((r) => rp.formatPercent(r.value, { sign: true })))])} over periods of ${year}, ` +
        `${Math.min(...wholeYear.map((r) => r.value)) >= 2 * ots.value ? "at least twice as fast" : Math.min(...wholeYear.map((r) => r.value)) > ots.value ? "faster" : "not always faster"}. `
      : "") +
    (total.length > 0
      ? `All transit through Azerbaijan grew by ${rp.listText(total.map((r) => `${rp.formatPercent(r.value, { sign: true, digits: 1 })} (${cl.periodLabel(r.period_start, r.period_end)}, ${publisherOf(r.sources)})`))}` +
        (totalVol.length > 0
          ? `, to ${rp.listText(totalVol.map((r) => rp.formatTonnes(r.value, 2)))}${totalVol.length > 1 ? ` (${rp.countWord(totalVol.length)} official statements for the same year)` : ""}`
          : "") +
        `. Transit with OTS states thus grew ${total.every((r) => ots.value > r.value) ? "faster" : "no faster"} than transit as a whole — if the two are measured alike, which nobody has shown.`
      : "");
  cl.displayMarkdown(
    cl.mdJoin(
      [
        cl.md`**What the figure says.** Transit through Azerbaijan with the OTS's members (${rp.listText(members)}) and observers (${rp.listText(observers)}) on ${rp.formatDate(ots.period_end)} was ${rp.formatPercent(ots.value)} higher in ${cl.periodLabel(ots.period_start, ots.period_end)} than in ${cl.periodLabel(ots.base_start!, ots.base_end!)}. It comes from one speech, carried by ${rp.plural(pubs.length, "outlet")} (${rp.listText(pubs)}).`,
        cl.md`**What it does not say.** ${otsGap ? "No tonnage was published with it (gaps.csv records the search), so" : "Without a tonnage"} we know neither the base nor the share of OTS-related transit in all transit. It is not a Middle Corridor figure: ${notMiddleCorridor}`,
      ],
      "\n\n",
    ),
  );
}

// %% [markdown]
// ## 3 · Capacity and utilisation
//
// Capacity is what an operator or a government says an asset can handle in a year. Statements are dated, and they
// change: an *actual* capacity is in operation, a *planned* or *target* one is announced. Utilisation divides a
// full year's throughput by the actual capacity stated by the end of that year; without such a statement there is
// no utilisation, rather than a guess.

// %%
const ASSETS = [
  { asset: "baku_port", scope: "port_of_baku", name: "Port of Baku", states: ["AZE"] },
  { asset: "btk_railway", scope: "btk_railway", name: "Baku–Tbilisi–Kars railway", states: ["AZE", "GEO", "TUR"] },
  { asset: "titr", scope: "whole_route", name: "Middle Corridor, whole route", states: ["KAZ", "AZE", "GEO"] },
];
const ordered = [...ASSETS].sort((a, b) => Number(b.states.includes(focal)) - Number(a.states.includes(focal)));

function capacityLevels(asset: string, fromYear: number, toYear: number): cl.CapacityLevel[] {
  const rows = caps
    .filter((c) => c.asset === asset && c.metric === "cargo_capacity")
    .sort((a, b) => cl.startOf(a.as_of).localeCompare(cl.startOf(b.as_of)) || a.id.localeCompare(b.id));
  const levels: cl.CapacityLevel[] = [];
  const actual = rows.filter((r) => r.status === "actual");
  const steps: { value: number; from: number; sources: string[] }[] = [];
  for (const r of actual) {
    const last = steps[steps.length - 1];
    if (last && last.value === r.value) last.sources.push(...r.sources);
    else steps.push({ value: r.value, from: rp.yearOf(r.as_of), sources: [...r.sources] });
  }
  steps.forEach((s, i) => {
    const next = steps[i + 1];
    levels.push({
      label: "Capacity",
      value: s.value,
      unit: "t_per_year",
      status: "actual",
      from: Math.max(s.from, fromYear),
      to: next ? Math.max(Math.max(s.from, fromYear), next.from - 1) : toYear,
      sources: cl.mergeSources(s.sources as cl.SourceId[]),
    });
  });
  const current = steps.length > 0 ? steps[steps.length - 1]!.value : 0;
  for (const status of ["planned", "target"] as const) {
    const stated = rows.filter((r) => r.status === status && r.value > current);
    const lastStated = stated[stated.length - 1];
    if (!lastStated) continue;
    const first = stated.find((r) => r.value === lastStated.value)!;
    levels.push({
      label: `${lastStated.target_year ? `For ${lastStated.target_year}, s` : "S"}tated ${rp.yearOf(first.as_of)}${rp.yearOf(lastStated.as_of) !== rp.yearOf(first.as_of) ? `–${rp.yearOf(lastStated.as_of)}` : ""}`,
      value: lastStated.value,
      unit: "t_per_year",
      status,
      from: Math.max(fromYear, Math.min(toYear, rp.yearOf(first.as_of))),
      to: toYear,
      sources: cl.mergeSources(...stated.filter((r) => r.value === lastStated.value).map((r) => cl.rowSources(r))),
    });
  }
  return levels;
}

const utilRows: Record<string, string | number | null>[] = [];
const utilSources: cl.SourceId[][] = [];
const capNotes: cl.Markdown[] = [];
for (const a of ordered) {
  const series = scopeSeries.find((s) => s.scope === a.scope);
  if (!series || series.points.length === 0) {
    capNotes.push(cl.md`**${a.name}**: no annual throughput in this vintage.`);
    continue;
  }
  const years = series.points.map((p) => Number(p.periodEnd.slice(0, 4)));
  const fromYear = Math.min(...years);
  const toYear = Math.max(...years, rp.yearOf(asOfDate) - 1);
  const levels = capacityLevels(a.asset, fromYear, toYear);
  const fig = dedupeLegend(cl.capacityThroughputFigure(
    { asset: a.name, throughput: series, capacities: levels, sources: cl.mergeSources(...levels.map((l) => l.sources ?? [])) },
    { title: `${a.name}: cargo against stated capacity`, quantity: "Cargo", sourceCatalog: catalog },
  ));
  cl.show(fig);
  const table = cl.utilisationTable(series, caps, { asset: a.asset, metric: "cargo_capacity" });
  for (const r of table) {
    utilRows.push({
      asset: a.name,
      year: r.label,
      throughput: r.throughput === null ? null : r.throughput / 1e6,
      capacity: r.capacity ? r.capacity.value / 1e6 : null,
      capacity_as_of: r.capacity ? r.capacity.asOf : "",
      utilisation: r.utilisation,
      headroom: r.headroom === null ? null : r.headroom / 1e6,
    });
    utilSources.push([...r.sources]);
  }
  const withU = table.filter((r) => r.utilisation !== null);
  const lastU = withU[withU.length - 1];
  const firstU = withU[0];
  const planned = levels.filter((l) => l.status !== "actual");
  void cl.registerFigure({
    id: `capacity-${a.asset.replace(/_/g, "-")}`,
    caption: lastU
      ? `${a.name}: ${rp.formatTonnes(lastU.throughput!)} in ${lastU.label} against an actual capacity of ${rp.formatTonnes(lastU.capacity!.value)} a year (${rp.formatPercent(lastU.utilisation, { digits: 0 })} used).`
      : `${a.name}: annual cargo and stated capacities; no year has both a full-year tonnage and an actual capacity stated by then.`,
    figure: fig,
  });
  // after the bold name, plain text (escaped where interpolated)
  const capText =
    (lastU
      ? `Utilisation ${firstU !== lastU ? `went from ${rp.formatPercent(firstU!.utilisation)} in ${firstU!.label} to` : "was"} ${rp.formatPercent(lastU.utilisation)} in ${lastU.label} ` +
        `(${rp.formatTonnes(lastU.throughput!)} of ${rp.formatTonnes(lastU.capacity!.value)} a year; headroom ${rp.formatTonnes(lastU.headroom!)}). `
      : `No year has both a full-year tonnage and an actual capacity stated by its end, so utilisation cannot be computed. `) +
    (planned.length > 0 ? `Announced: ${rp.listText(planned.map((l) => `${rp.formatTonnes(l.value)} a year (${l.status}; ${l.label.replace(/^For (\d+), s/, "for $1, s").replace(/^S/, "s")})`))}.` : "");
  capNotes.push(cl.md`**${a.name}.** ${capText}`);
}
const utilTable: cl.TableInput = {
  title: "Utilisation: full-year cargo over the actual capacity stated by the end of the year",
  columns: [
    { key: "asset", label: "Asset" },
    { key: "year", label: "Year" },
    { key: "throughput", label: "Cargo", unit: "Mt" },
    { key: "capacity", label: "Actual capacity", unit: "Mt a year" },
    { key: "capacity_as_of", label: "Capacity stated" },
    { key: "utilisation", label: "Utilisation", unit: "%" },
    { key: "headroom", label: "Headroom", unit: "Mt" },
  ],
  rows: utilRows,
  sources: cl.mergeSources(...utilSources),
};
cl.displayHtml(rp.tableHtml(utilTable, { sourceCatalog: catalog, digits: { throughput: 3, capacity: 1, utilisation: 0, headroom: 2 } }));
void cl.registerTable({ id: "utilisation", title: utilTable.title!, table: utilTable, sourceCatalog: catalog });
cl.displayMarkdown(cl.mdJoin(capNotes, "\n\n"));

// %% [markdown]
// ## 4 · Projection against the targets
//
// Two kinds of goal are stated for the route: a *capacity target* (the route should be able to handle a given tonnage
// by a given year) and *forecasts of volume*. The table lists every one stated for a year after the last observed
// year. The chart uses the nearest capacity target and the farthest volume forecast (the earliest published, since
// later pages repeat it), and projects the headline whole-route series with the trend model of the `scenario`
// parameter. The band is a 95 % prediction interval: it assumes the past trend continues, and with a handful of
// annual points it is wide, as it should be. The capacity target is read as a volume, which is the stricter reading.

// %%
const wholeSeries = scopeSeries.find((s) => s.scope === "whole_route");
// an early vintage (e.g. asOf=2021) may hold no whole-route annual cargo: then there is nothing to project, and this
// section and the next say so instead of failing
if (!wholeSeries) cl.displayMarkdown(cl.md`No whole-route annual cargo was published by ${rp.formatDate(asOfDate)}: there is nothing to project, so this section and the next stay empty.`);
const annualPts = wholeSeries ? wholeSeries.points.filter((p) => p.value !== null) : [];
const lastYear = annualPts.length > 0 ? Number(annualPts[annualPts.length - 1]!.periodEnd.slice(0, 4)) : rp.yearOf(asOfDate);
const fitSeries: cl.Series | undefined = wholeSeries && { ...wholeSeries, points: wholeSeries.points.filter((p) => fitFrom === undefined || Number(p.periodStart.slice(0, 4)) >= fitFrom) };
const trend = fitSeries && cl.seriesTrend(fitSeries, model);
const annualPtsValues = () => annualPts.map((p) => p.value!);

const capTargets = caps.filter((c) => c.asset === "titr" && c.metric === "cargo_capacity" && c.status === "target" && c.target_year !== undefined && c.target_year > lastYear);
const forecasts = flows.filter((r) => r.scope === "whole_route" && r.metric === "cargo" && (r.status === "forecast" || r.status === "plan") && Number(r.period_start.slice(0, 4)) > lastYear);
const goalRows = [
  ...capTargets.map((c) => ({ kind: "capacity target", year: c.target_year!, value: c.value, stated: c.as_of, publisher: publisherOf(c.sources), row: c.id, sources: cl.rowSources(c) })),
  ...forecasts.map((r) => ({ kind: `volume ${r.status}`, year: Number(r.period_start.slice(0, 4)), value: r.value, stated: lastPublished(r.sources) || "undated", publisher: publisherOf(r.sources), row: r.id, sources: cl.rowSources(r) })),
].sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind) || a.stated.localeCompare(b.stated));

const nearestCap = [...capTargets].sort((a, b) => a.target_year! - b.target_year! || cl.startOf(b.as_of).localeCompare(cl.startOf(a.as_of)))[0];
const farthestYear = Math.max(...forecasts.filter((r) => r.status === "forecast").map((r) => Number(r.period_start.slice(0, 4))));
const farForecast = forecasts
  .filter((r) => r.status === "forecast" && Number(r.period_start.slice(0, 4)) === farthestYear)
  .sort((a, b) => (publishedOf(a.sources)[0] ?? "9999").localeCompare(publishedOf(b.sources)[0] ?? "9999") || a.id.localeCompare(b.id))[0];
const forecastName = (r: { note?: string; sources: readonly string[] }) => {
  const head = (r.note ?? "").split(/[(;,]/)[0]!.trim();
  return head.length > 0 && head.length <= 40 && /forecast/i.test(head) ? head : `Forecast (${publisherOf(r.sources)})`;
};
const targets: cl.ProjectionTarget[] = [
  ...(nearestCap ? [{ year: nearestCap.target_year!, value: nearestCap.value, label: "Capacity target", sources: cl.rowSources(nearestCap) }] : []),
  ...(farForecast ? [{ year: farthestYear, value: farForecast.value, label: forecastName(farForecast), sources: cl.rowSources(farForecast) }] : []),
];

const goalTable: cl.TableInput = {
  title: "Targets and forecasts for the whole route after the last observed year",
  columns: [
    { key: "year", label: "For year" },
    { key: "kind", label: "Kind" },
    { key: "value", label: "Tonnage", unit: "Mt" },
    { key: "stated", label: "Stated" },
    { key: "publisher", label: "Publisher" },
    { key: "used", label: "In the chart" },
  ],
  rows: goalRows.map((g) => ({ year: String(g.year), kind: g.kind, value: g.value / 1e6, stated: g.stated, publisher: g.publisher, used: g.row === nearestCap?.id || g.row === farForecast?.id ? "yes" : "" })),
  sources: cl.mergeSources(...goalRows.map((g) => g.sources)),
};
if (wholeSeries) {
  cl.displayHtml(rp.tableHtml(goalTable, { sourceCatalog: catalog, digits: { value: 1 } }));
  void cl.registerTable({ id: "targets", title: goalTable.title!, table: goalTable, sourceCatalog: catalog });
}

// %%
const horizon = Math.max(lastYear + 1, ...targets.map((t) => t.year));
let projections: cl.Projection[] = [];
if (trend && wholeSeries) {
  const firstFit = Math.min(...trend.years);
  for (let y = firstFit; y <= horizon; y++) projections.push(cl.projectTrend(trend.value, y, 0.95));
  // Keep the chart readable: a wide band on a log-linear trend would flatten everything else. The value axis stops
  // at 1.5 times the largest of the observed values, the targets and the central projection; the band is cut there.
  const yCap = 1.5 * Math.max(...annualPtsValues(), ...targets.map((t) => t.value), ...projections.map((p) => p.estimate));
  const clipped = projections.some((p) => p.upper !== undefined && p.upper > yCap);
  const projFig = cl.projectionFigure(
    {
      series: wholeSeries,
      fit: [],
      projections: projections,
      targets: targets,
      method: `${model} fit ${firstFit}–${Math.max(...trend.years)}`,
      bandLabel: "95 % prediction interval",
      sources: trend.sources,
    },
    {
      title: "Whole-route cargo: trend, interval and targets",
      subtitle: `Headline series; ${model} trend fitted to ${trend.years.length} annual points`,
      quantity: "Cargo",
      note: `The interval assumes the past trend continues; it does not foresee breaks.${clipped ? " The band is cut at the top of the chart." : ""}`,
      sourceCatalog: catalog,
      height: 540,
    },
  );
  const unit = String(projFig.meta.unit ?? "");
  const factor = unit.startsWith("billion") ? 1e9 : unit.startsWith("million") ? 1e6 : unit.startsWith("thousand") ? 1e3 : 1;
  const projShown = clipped
    ? { ...projFig, layout: { ...projFig.layout, yaxis: { ...(projFig.layout.yaxis as object), range: [0, yCap / factor], autorange: false } } }
    : projFig;
  cl.show(projShown);
  const atTargets = targets.map((t) => ({ t, p: cl.projectTrend(trend.value, t.year, 0.95) }));
  void cl.registerFigure({
    id: "projection-targets",
    caption:
      `A ${model} trend of whole-route cargo (${firstFit}–${Math.max(...trend.years)}) projected to ${horizon}: ` +
      atTargets.map(({ t, p }) => `${rp.formatTonnes(p.estimate, 1)} in ${t.year} (interval ${p.lower === undefined ? "n/a" : `${rp.formatTonnes(p.lower, 1)}–${rp.formatTonnes(p.upper!, 1)}`}) against ${rp.formatTonnes(t.value, 0)}`).join("; ") +
      ".",
    figure: projShown,
  });
} else if (wholeSeries) {
  cl.displayMarkdown(cl.md`Too few annual points to fit a ${model} trend${fitFrom !== undefined ? ` from ${fitFrom}` : ""}.`);
}

// %% [markdown]
// ### The growth the targets require
//
// The compound rate a year needed from the last observed year to each target, against the growth observed so far:
// over the whole series, over the last three years, in the last year, and the rate of the fitted trend.

// %%
if (wholeSeries) {
  const lastPt = annualPts[annualPts.length - 1]!;
  const valueIn = (y: number) => annualPts.find((p) => p.periodStart === `${y}-01-01`)?.value ?? undefined;
  const observedAll = cl.seriesCagr(wholeSeries);
  const threeBack = valueIn(lastYear - 3);
  const observed3 = threeBack !== undefined ? cl.cagr(threeBack, lastPt.value!, 3) : undefined;
  const prevVal = valueIn(lastYear - 1);
  const lastChange = prevVal !== undefined ? cl.percentChange(prevVal, lastPt.value!) : undefined;
  const trendRate =
    trend === undefined
      ? undefined
      : model === "log-linear"
        ? trend.value.growthRate
        : cl.percentChange(cl.predictTrend(trend.value, lastYear - 1), cl.predictTrend(trend.value, lastYear));
  const required = targets.map((t) => ({ t, rate: cl.requiredGrowthRate(lastPt.value!, lastYear, t.value, t.year) }));

  const rateBars: cl.ComparisonBar[] = [
    ...required.map(({ t, rate }) => ({ label: `Required: ${rp.formatTonnes(t.value, 0)} by ${t.year}`, value: rate ?? null, colorKey: "required", sources: t.sources })),
    ...(observedAll ? [{ label: `Observed ${observedAll.fromYear}–${observedAll.toYear} (compound)`, value: observedAll.value, colorKey: "observed", sources: observedAll.sources }] : []),
    ...(observed3 !== undefined ? [{ label: `Observed ${lastYear - 3}–${lastYear} (compound)`, value: observed3, colorKey: "observed" }] : []),
    ...(lastChange !== undefined ? [{ label: `Last year, ${lastYear} on ${lastYear - 1}`, value: lastChange, colorKey: "observed" }] : []),
    ...(trendRate !== undefined ? [{ label: `Fitted ${model} trend${model === "linear" ? ` (rate in ${lastYear})` : ""}`, value: trendRate, colorKey: "trend" }] : []),
  ];
  const rateFig = cl.comparisonBarsFigure(
    { quantity: "Growth a year", unit: "percent", bars: rateBars, sources: cl.mergeSources(wholeSeries.points.flatMap((p) => p.sources), ...targets.map((t) => t.sources ?? [])) },
    {
      title: "Growth needed for the targets, and growth observed",
      subtitle: `Whole-route cargo; required rates start from ${rp.formatTonnes(lastPt.value!)} in ${lastYear}`,
      sourceCatalog: catalog,
      horizontal: true,
      height: 200 + 34 * rateBars.length,
    },
  );
  // negative bars: leave room left of zero for their value labels, which the builder places outside the bar
  const minRate = Math.min(0, ...rateBars.map((b) => b.value ?? 0));
  const maxRate = Math.max(0, ...rateBars.map((b) => b.value ?? 0));
  const rateShown = minRate < 0 ? { ...rateFig, layout: { ...rateFig.layout, xaxis: { ...(rateFig.layout.xaxis as object), range: [minRate * 1.15 - (maxRate - minRate) * 0.12, maxRate * 1.15] } } } : rateFig;
  cl.show(rateShown);
  void cl.registerFigure({
    id: "required-growth",
    caption: required.map(({ t, rate }) => `${rp.formatTonnes(t.value, 0)} by ${t.year} needs ${rp.formatPercent(rate, { digits: 1 })} a year`).join("; ") + (lastChange !== undefined ? `; cargo changed by ${rp.formatPercent(lastChange, { sign: true, digits: 1 })} in ${lastYear}.` : "."),
    figure: rateShown,
  });

  const capNow = cl.capacityAt(caps, { asset: "titr", metric: "cargo_capacity", date: asOfDate });
  const crossing = trend && capNow ? cl.capacityCrossingYear(trend.value, capNow.value, { from: lastYear + 1, level: 0.95 }) : undefined;
  const paras: cl.Markdown[] = [];
  for (const { t, rate } of required) {
    const p = trend ? cl.projectTrend(trend.value, t.year, 0.95) : undefined;
    // after the bold lead-in, plain text (escaped where interpolated)
    const trendText =
      (p
        ? `The ${model} trend gives ${rp.formatTonnes(p.estimate, 1)} in ${t.year}${p.lower !== undefined ? ` (95 % interval ${rp.formatTonnes(p.lower, 1)} to ${rp.formatTonnes(p.upper!, 1)})` : ""}: ` +
          (p.lower === undefined
            ? `${p.estimate >= t.value ? "it reaches the target" : "it falls short of the target"}; with ${rp.countWord(trend!.years.length)} fitted points there is no interval.`
            : p.lower > t.value
            ? "the target lies below the whole interval — on trend it is reached early."
            : p.upper !== undefined && p.upper < t.value
              ? "the target lies above the whole interval — the trend does not reach it."
              : p.estimate >= t.value
                ? "the central projection reaches it, but the interval includes missing it."
                : "the central projection falls short, though the interval includes reaching it.")
        : "");
    paras.push(
      cl.md`**${t.label}, ${rp.formatTonnes(t.value, 0)} by ${t.year}.** From ${rp.formatTonnes(lastPt.value!)} in ${lastYear} it needs ${rp.formatPercent(rate, { digits: 1 })} a year. ${trendText}`,
    );
  }
  const yoyTop = [...cl.yearOverYear(wholeSeries).points.filter((p) => p.value !== null)].sort((a, b) => b.value! - a.value!)[0];
  const against = (rate: number | undefined, ref: number | undefined) => (rate === undefined || ref === undefined ? "n/a" : rate > ref ? "more" : "less");
  const observedParts = [observedAll, observed3, lastChange].filter((x) => x !== undefined).length;
  // after the bold lead-in, plain text (escaped where interpolated)
  const observedText =
    [
      observedAll ? `${rp.formatPercent(observedAll.value, { digits: 1 })} a year ${observedAll.fromYear}–${observedAll.toYear}` : "",
      observed3 !== undefined ? `${rp.formatPercent(observed3, { digits: 1 })} a year ${lastYear - 3}–${lastYear}` : "",
      lastChange !== undefined ? `${rp.formatPercent(lastChange, { sign: true, digits: 1 })} in ${lastYear}` : "",
    ]
      .filter((x) => x !== "")
      .join(", ") +
    "." +
    (yoyTop && annualPts.length >= 4 ? ` The compound rates are lifted by the jump of ${yoyTop.label} (${rp.formatPercent(yoyTop.value, { sign: true })} on a year earlier).` : "") +
    (observed3 !== undefined
      ? ` Against the ${lastYear - 3}–${lastYear} rate, ${rp.listText(required.map(({ t, rate }) => `${rp.formatTonnes(t.value, 0)} by ${t.year} needs ${against(rate, observed3)}`))}.`
      : "") +
    (lastChange !== undefined
      ? ` Against ${lastYear} alone (${rp.formatPercent(lastChange, { sign: true, digits: 1 })}), ${required.every(({ rate }) => rate !== undefined && rate > lastChange) ? `every target needs ${lastChange < 0 ? "a return to growth" : "faster growth"}` : "some targets need less"}.`
      : "");
  if (observedParts > 0) paras.push(cl.md`**Observed.** ${observedText}`);
  if (capNow) {
    // after the bold lead-in, plain text (escaped where interpolated)
    const crossingText =
      (crossing && crossing.central !== undefined
        ? `On the ${model} trend, cargo reaches it in ${crossing.central}${crossing.earliest !== undefined ? ` (earliest ${crossing.earliest}` : ""}${crossing.latest !== undefined ? `, by ${crossing.latest} at the latest` : ""}${crossing.earliest !== undefined ? ")" : ""}` +
          ` — so volume targets above it presuppose the capacity targets being met first.`
        : crossing
          ? `The ${model} trend does not reach it within ${crossing.to - crossing.from + 1} years.`
          : "Too few annual points for a trend, so no year of crossing.");
    paras.push(
      cl.md`**Capacity.** The route's actual capacity stated by ${rp.formatDate(asOfDate)} is ${rp.formatTonnes(capNow.value)} a year (${capNow.asOf}). ${crossingText}`,
    );
  }
  cl.displayMarkdown(cl.mdJoin(paras, "\n\n"));
}
