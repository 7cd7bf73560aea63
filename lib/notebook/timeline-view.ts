/**
 * Notebook 05-timeline (events, summitry and the timeline): the tables, captions and sentences that notebook shows,
 * built and tested here. Everything starts from a {@link TimelineScope}: the events catalogued by the as-of date,
 * those of the focal state, the kinds the `scenario` picks and the events the article's claims cite. Every sentence
 * reads right for a state with no event, one event or many, and every rise or fall is worded from its sign.
 * @module
 */
import { endOf, startOf } from "../core/dates";
import { countWord, formatNumber } from "../core/format";
import { mergeSourceLists } from "../core/types";
import type { ClaimRow, EventRow, MembershipRow, OrganizationRow, SourceRow } from "../data/resources";
import { enums } from "../data/resources";
import {
  parseClaimArgs,
  type CountArgs,
  type DateArgs,
  type StatusAtArgs,
  type Where,
} from "../indicators/claims/args";
import { eventCounts, filterEvents, type EventKind } from "../indicators/events/counts";
import { summitIntensity } from "../indicators/events/intensity";
import { accessionTimeline, type TimelineEntry } from "../indicators/memberships/timeline";
import { membershipIndex, statusAt } from "../indicators/memberships/status";
import type { Series } from "../core/types";
import { rowSources } from "../indicators/series/sources";
import { comparisonBarsFigure } from "../figures/comparison-bars";
import { countStep } from "../figures/axes";
import type { TimelineInput, TimelineSpan } from "../figures/inputs";
import type { ComparisonOptions } from "../figures/comparison-bars";
import type { PlotlyFigure } from "../figures/plotly";
import { decodePlotlyText } from "../figures/plotly";
import type { TableInput } from "../figures/table";
import { timelineFigure, type TimelineOptions } from "../figures/timeline";
import { formatDate, yearOf } from "./as-of";
import { statusPhrase, statusWithArticle } from "./names";
import { capitalize, changePhrase, countText, listPhrase } from "./prose";
import { maxOf, minOf } from "../core/extent";

/**
 * The organisation key of events outside any organisation (as {@link eventCounts} counts them).
 * @category Timeline (05)
 */
export const NO_ORG = "(none)";

/**
 * What the `scenario` parameter of notebook 05 picks: the event kinds counted as summitry.
 * @category Timeline (05)
 */
export interface EventScenario {
  /** The kinds, in the order of events.csv's enum. */
  readonly kinds: readonly EventKind[];
  /** Whether every kind is picked ("all"). */
  readonly all: boolean;
  /** The kinds in words: "summits", "summits and ministerials", "events of every kind". */
  readonly text: string;
}

/** The plural of each event kind, for prose. */
const KIND_PLURAL: Readonly<Record<EventKind, string>> = {
  summit: "summits",
  ministerial: "ministerials",
  agreement: "agreements",
  accession: "accessions",
  chairmanship: "chairmanships",
  infrastructure: "infrastructure openings",
  exercise: "joint military exercises",
  military_education: "military-education agreements",
  report: "reports",
  other: "other events",
};

/**
 * A count of events of one kind in words: "one summit", "three agreements", "two infrastructure openings".
 * @example kindCount(1, "summit") // => "one summit"
 * @example kindCount(2, "infrastructure") // => "two infrastructure openings"
 * @category Timeline (05)
 */
export function kindCount(count: number, kind: EventKind): string {
  const pluralForm = KIND_PLURAL[kind];
  return countText(
    count,
    kind === "infrastructure" ? "infrastructure opening" : kind === "other" ? "other event" : kind,
    pluralForm,
  );
}

/**
 * Parses the `scenario` parameter: one event kind, kinds joined by "+" ("summit+ministerial"), or "all"; empty
 * means the default "summit". Throws a `RangeError` naming the parameter and the kinds allowed otherwise.
 * @example parseEventScenario("summit+ministerial").text // => "summits and ministerials"
 * @example parseEventScenario("all").kinds.length // => 10
 * @example parseEventScenario("").kinds // => ["summit"]
 * @category Timeline (05)
 */
export function parseEventScenario(scenario: string | null | undefined): EventScenario {
  const given = String(scenario ?? "").trim() || "summit";
  const allowed = enums.eventKind as readonly string[];
  if (given === "all") return { kinds: [...enums.eventKind], all: true, text: "events of every kind" };
  const parts = given.split("+").map((k) => k.trim());
  const bad = parts.find((k) => !allowed.includes(k));
  if (bad !== undefined)
    throw new RangeError(`scenario: "${bad}" is not an event kind (${allowed.join(", ")}) or "all"`);
  const kinds = enums.eventKind.filter((k) => parts.includes(k));
  return { kinds, all: kinds.length === allowed.length, text: listPhrase(kinds.map((k) => KIND_PLURAL[k])) };
}

/** The `id` a `where` filter of claims.csv pins, when it pins one. */
function whereId(where: Where | undefined): string | undefined {
  const id = where?.id;
  return typeof id === "string" ? id : undefined;
}

/**
 * The events the article cites: for each event id, the claims of claims.csv that name it (a `date` or `count` test
 * on events by `id` or `where.id`), or that date a status to the day of an event of that organisation and state
 * (`status_at` with `since`). Args are read with {@link parseClaimArgs}; claims whose args do not parse, or that are
 * not checkable, cite nothing. Only events in `events` are keys.
 * @example citationIndex(pkg.claims, pkg.events).get("2024-07-06-ots-informal-summit-shusha") // => ["ots-shusha-2024-07-06", "ots-shusha-leaders"]
 * @category Timeline (05)
 */
export function citationIndex(
  claims: readonly Pick<ClaimRow, "id" | "test" | "args">[],
  events: readonly Pick<EventRow, "id" | "date" | "orgs" | "participants">[],
): ReadonlyMap<string, readonly string[]> {
  const cited = new Map<string, string[]>();
  const cite = (eventId: string | undefined, claimId: string) => {
    if (eventId === undefined || !events.some((e) => e.id === eventId)) return;
    const list = cited.get(eventId) ?? [];
    if (!list.includes(claimId)) cited.set(eventId, [...list, claimId]);
  };
  for (const c of claims) {
    const parsed = parseClaimArgs(c.test, c.args);
    if (!parsed.ok || parsed.notCheckable !== undefined) continue;
    if (c.test === "date" || c.test === "count") {
      const args = parsed.args as DateArgs | CountArgs;
      if (args.resource !== "events") continue;
      cite("id" in args ? args.id : undefined, c.id);
      cite(whereId(args.where), c.id);
    } else if (c.test === "status_at") {
      const args = parsed.args as StatusAtArgs;
      if (args.since !== true) continue;
      for (const e of events)
        if (e.date === args.date && e.orgs.some((o) => o === args.org) && e.participants.some((p) => p === args.state))
          cite(e.id, c.id);
    }
  }
  return cited;
}

/**
 * The name of an organisation key of the event counts, with the key of events outside any organisation named.
 * @example eventOrgName(pkg, "(none)") // => "No organisation (bilateral or plurilateral)"
 * @example eventOrgName(pkg, "OTS") // => "Organization of Turkic States"
 * @category Timeline (05)
 */
export function eventOrgName(
  pkg: { readonly organizations: readonly Pick<OrganizationRow, "id" | "name">[] },
  id: string,
): string {
  if (id === NO_ORG) return "No organisation (bilateral or plurilateral)";
  return pkg.organizations.find((o) => o.id === id)?.name ?? id;
}

/**
 * The short label of an organisation key: its id, or "None" for events outside any organisation.
 * @example eventOrgLabel("(none)") // => "None"
 * @example eventOrgLabel("SCO") // => "SCO"
 * @category Timeline (05)
 */
export function eventOrgLabel(id: string): string {
  return id === NO_ORG ? "None" : id;
}

/**
 * Whether an event may still lie ahead on the as-of date: a partial date counts until its end ("2026" is planned
 * until 31 December 2026).
 * @example isPlanned({ date: "2026" }, "2026-03-10") // => true
 * @example isPlanned({ date: "2024-11-06" }, "2026-03-10") // => false
 * @category Timeline (05)
 */
export function isPlanned(event: { readonly date: string }, asOf: string): boolean {
  return endOf(event.date) > asOf;
}

/**
 * The context the sections of notebook 05 share; see {@link timelineScope}.
 * @category Timeline (05)
 */
export interface TimelineScope {
  /** The focal state, "" for every state. */
  readonly focal: string;
  /** Its name ("Georgia"); "every state" when focal is "". */
  readonly name: string;
  /** " with Georgia" for titles and captions; "" for every state. */
  readonly withName: string;
  /** The as-of date (ISO). */
  readonly asOf: string;
  /**
   * Every event catalogued by the as-of date: known then (`known.events`), and, for an event dated after it (planned),
   * announced by then in a dated source (an undated source cannot show that a later event was known as planned).
   */
  readonly catalogue: readonly EventRow[];
  /** The events shown: those with the focal state taking part (all of {@link catalogue} when focal is ""). */
  readonly events: readonly EventRow[];
  /** First and last year of the catalogue by the as-of date (undefined when it holds no event). */
  readonly span: readonly [first: number, last: number] | undefined;
  /** First and last year of the whole catalogue, whatever the as-of date (undefined when events.csv is empty). */
  readonly fullSpan: readonly [first: number, last: number] | undefined;
  /** The kinds the scenario picks. */
  readonly scenario: EventScenario;
  /** The events of {@link events} of those kinds. */
  readonly chosen: readonly EventRow[];
  /** Event id → claims citing it, for the events of {@link catalogue}. */
  readonly cited: ReadonlyMap<string, readonly string[]>;
  /** Membership rows and organisations known by the as-of date. */
  readonly memberships: readonly MembershipRow[];
  readonly organizations: readonly OrganizationRow[];
}

/** The first and last year of dated rows (undefined for none). */
function yearSpan(rows: readonly { readonly date: string }[]): readonly [number, number] | undefined {
  if (rows.length === 0) return undefined;
  const years = rows.map((r) => yearOf(r.date));
  return [minOf(years), maxOf(years)];
}

/**
 * A year range in words: "2015–2026", or "2024" for one year. @example yearRange([2015, 2026]) // => "2015–2026"
 * @category Timeline (05)
 */
export function yearRange(span: readonly [number, number]): string {
  return span[0] === span[1] ? String(span[0]) : `${span[0]}–${span[1]}`;
}

/**
 * What {@link timelineScope} reads from the notebook context.
 * @category Timeline (05)
 */
export interface TimelineScopeInput {
  readonly pkg: {
    readonly events: readonly EventRow[];
    readonly claims: readonly ClaimRow[];
    readonly sources: readonly Pick<SourceRow, "id" | "published">[];
  };
  readonly known: {
    readonly events: readonly EventRow[];
    readonly memberships: readonly MembershipRow[];
    readonly organizations: readonly OrganizationRow[];
  };
  readonly focal: string;
  readonly name: string;
  readonly asOf: string;
  readonly scenario: string;
}

/**
 * The scope of notebook 05 from its notebook context (`rp.notebook(…)` fits): the events known by the as-of date,
 * the focal state's, the scenario parsed (a `RangeError` for a bad one) and the events cited by the article.
 * @example timelineScope(notebook({ focal: "GEO", asOf: 2016 }, { quiet: true })).events.map((e) => e.date) // => ["2016-04-13", "2016-10"]
 * @example timelineScope(notebook({ focal: "AZE", asOf: 2005 }, { quiet: true })).events.length // => 0 (five later events have an undated source, but none was announced by 2005)
 * @example timelineScope(notebook({ focal: "AZE" }, { quiet: true })).span // => [2015, 2026]
 * @category Timeline (05)
 */
export function timelineScope(nb: TimelineScopeInput): TimelineScope {
  const scenario = parseEventScenario(nb.scenario);
  const published = new Map(nb.pkg.sources.map((x) => [x.id as string, x.published]));
  const announced = (e: EventRow) =>
    e.sources.some((id) => {
      const date = published.get(id);
      return date !== undefined && date !== "" && startOf(date) <= nb.asOf;
    });
  const catalogue = nb.known.events.filter((e) => !isPlanned(e, nb.asOf) || announced(e));
  const events = nb.focal === "" ? [...catalogue] : filterEvents(catalogue, { participant: nb.focal });
  return {
    focal: nb.focal,
    name: nb.name,
    withName: nb.focal === "" ? "" : ` with ${nb.name}`,
    asOf: nb.asOf,
    catalogue,
    events,
    span: yearSpan(catalogue),
    fullSpan: yearSpan(nb.pkg.events),
    scenario,
    chosen: filterEvents(events, { kind: [...scenario.kinds] }),
    cited: citationIndex(nb.pkg.claims, catalogue),
    memberships: nb.known.memberships,
    organizations: nb.known.organizations,
  };
}

/** The possessive of a name ("Georgia's", "every state's"). */
const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

/**
 * The opening paragraph: how many events the catalogue holds by the as-of date, how many the focal state takes part
 * in, how many are still planned, and how many the article cites; or, with none, what is missing and why.
 * @example catalogueSentence(timelineScope(notebook({ focal: "AZE", asOf: 2005 }, { quiet: true }))) // => "The catalogue holds no event known by 31 December 2005 (its events run from 2015 to 2026), so each section on events below says so in a sentence."
 * @category Timeline (05)
 */
export function catalogueSentence(s: TimelineScope): string {
  const by = formatDate(s.asOf);
  if (s.span === undefined)
    return `The catalogue holds no event known by ${by}${
      s.fullSpan ? ` (its events run from ${yearRange(s.fullSpan).replace("–", " to ")})` : ""
    }, so each section on events below says so in a sentence.`;
  const parts = [
    `The catalogue holds ${countText(s.catalogue.length, "event")} known by ${by}, dated ${yearRange(s.span).replace("–", " to ")}.`,
  ];
  if (s.focal !== "")
    parts.push(
      s.events.length === 0
        ? `${s.name} takes part in none of them, so each section on events below says so in a sentence.`
        : `${s.name} takes part in ${s.events.length === s.catalogue.length ? "all" : countWord(s.events.length)} of them.`,
    );
  if (s.events.length > 0) {
    const cited = s.events.filter((e) => s.cited.has(e.id)).length;
    const planned = s.events.filter((e) => isPlanned(e, s.asOf)).length;
    if (s.events.length === 1) {
      parts.push(`The article's claims ${cited === 1 ? "cite it" : "do not cite it"}.`);
      parts.push(planned === 1 ? `It is dated after ${by} and counts as planned.` : `It is not dated after ${by}.`);
      return parts.join(" ");
    }
    parts.push(`The article's claims cite ${cited === 0 ? "none" : countWord(cited)} of them.`);
    parts.push(
      planned === 0
        ? `None of them is dated after ${by}.`
        : `${capitalize(countText(planned, "event"))}${s.withName} ${planned === 1 ? "is" : "are"} dated after ${by} and count${planned === 1 ? "s" : ""} as planned.`,
    );
  }
  return parts.join(" ");
}

/** Whether an event falls under an organisation key ({@link NO_ORG}: under none). */
const underOrg = (e: Pick<EventRow, "orgs">, org: string) =>
  org === NO_ORG ? e.orgs.length === 0 : e.orgs.some((o) => o === org);

/** Organisation keys of events, most events first (ties by key). */
function orgsByCount(events: readonly EventRow[]): { key: string; count: number }[] {
  return eventCounts(events, "org")
    .map((c) => ({ key: c.key, count: c.count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The kinds of events.csv present in some events, in enum order. */
const kindsIn = (events: readonly EventRow[]) => enums.eventKind.filter((k) => events.some((e) => e.kind === k));

/**
 * The table of the focal state's events by organisation (rows, most events first) and kind (columns, only the kinds
 * present), with each organisation's name and total. No rows when there are no events.
 * @example orgKindTable(timelineScope(notebook({ focal: "GEO" }, { quiet: true })), pkg).rows[0] // => { org: "None", name: "No organisation (bilateral or plurilateral)", agreement: 3, infrastructure: 1, exercise: 1, report: 1, total: 6 }
 * @category Timeline (05)
 */
export function orgKindTable(
  s: TimelineScope,
  pkg: { readonly organizations: readonly Pick<OrganizationRow, "id" | "name">[] },
): TableInput & { readonly title: string } {
  const kinds = kindsIn(s.events);
  return {
    title: `Catalogued events${s.withName} by organisation and kind`,
    columns: [
      { key: "org", label: "Organisation" },
      { key: "name", label: "Name" },
      ...kinds.map((k) => ({ key: k, label: kindLabel(k) })),
      { key: "total", label: "Total" },
    ],
    rows: orgsByCount(s.events).map(({ key, count }) => ({
      org: eventOrgLabel(key),
      name: eventOrgName(pkg, key),
      ...Object.fromEntries(kinds.map((k) => [k, s.events.filter((e) => e.kind === k && underOrg(e, key)).length])),
      total: count,
    })),
    sources: mergeSourceLists(s.events.map((e) => rowSources(e))),
  };
}

/**
 * An event kind as a column or legend label: "Military education" for `military_education`.
 * @example kindLabel("military_education") // => "Military education"
 * @category Timeline (05)
 */
export function kindLabel(kind: string): string {
  return capitalize(kind.replace(/_/g, " "));
}

/** Colours of the event kinds (Okabe–Ito), for the stacked bars. */
const KIND_COLORS: Readonly<Record<EventKind, string>> = {
  summit: "#0072B2",
  ministerial: "#56B4E9",
  agreement: "#E69F00",
  accession: "#009E73",
  chairmanship: "#CC79A7",
  infrastructure: "#D55E00",
  exercise: "#882255",
  military_education: "#44AA99",
  report: "#F0E442",
  other: "#999999",
};

/**
 * What event counts are computed from, for the hovers of count charts (a zero bar has no source to show).
 * @example EVENTS_COUNTED // => "Counted from the event catalogue (data/events.csv)"
 * @category Timeline (05)
 */
export const EVENTS_COUNTED = "Counted from the event catalogue (data/events.csv)";

/**
 * The bars of events by organisation, stacked by kind, each kind in its colour; a no-data figure (with
 * `options.noData`) when there are no events. The note explains the "None" bar only when it is drawn (before the
 * caller's note).
 * @example orgKindFigure(timelineScope(notebook({ focal: "AZE" }, { quiet: true })), { title: "Events" }).layout.barmode // => "stack"
 * @category Timeline (05)
 */
export function orgKindFigure(s: TimelineScope, options: ComparisonOptions): PlotlyFigure {
  const orgs = orgsByCount(s.events);
  const kinds = kindsIn(s.events);
  const fig = comparisonBarsFigure(
    {
      quantity: "Events",
      unit: "number",
      bars: orgs.flatMap(({ key }) =>
        kinds.map((k) => {
          const list = s.events.filter((e) => e.kind === k && underOrg(e, key));
          return {
            label: kindLabel(k),
            group: eventOrgLabel(key),
            value: list.length,
            colorKey: `kind:${k}`,
            ...(s.span !== undefined ? { period: yearRange(s.span) } : {}),
            computed: EVENTS_COUNTED,
            sources: mergeSourceLists(list.map((e) => rowSources(e))),
          };
        }),
      ),
      sources: mergeSourceLists(s.events.map((e) => rowSources(e))),
    },
    {
      horizontal: false,
      valueLabels: false,
      ...options,
      note:
        [
          ...(orgs.some((o) => o.key === NO_ORG)
            ? [`${eventOrgLabel(NO_ORG)}: bilateral or small-group events outside any organisation.`]
            : []),
          ...(options.note !== undefined ? [options.note] : []),
        ].join(" ") || undefined,
    },
  );
  if (orgs.length === 0) return fig;
  const colour = (name: unknown) => KIND_COLORS[String(name).toLowerCase() as EventKind] ?? "#333333";
  const max = maxOf(orgs.map((o) => o.count));
  return {
    ...fig,
    data: fig.data.map((t) => ({ ...t, marker: { ...(t.marker as object), color: colour(t.name) } })),
    layout: {
      ...fig.layout,
      barmode: "stack",
      // stacked: the axis counts up to the tallest stack, in whole events
      yaxis: { ...(fig.layout.yaxis as object), range: [0, max * 1.08], autorange: false, dtick: countStep(max) },
    },
  };
}

/**
 * The caption of the bars by organisation: how many events, the organisation with the most, and how many fall
 * outside any organisation.
 * @example orgKindCaption(timelineScope(notebook({ focal: "GEO" }, { quiet: true }))) // => "Seven catalogued events with Georgia; TITR has the most (1), and six fall outside any organisation."
 * @category Timeline (05)
 */
export function orgKindCaption(s: TimelineScope): string {
  const orgs = orgsByCount(s.events);
  const named = orgs.filter((o) => o.key !== NO_ORG);
  const top = named.filter((o) => o.count === named[0]?.count).map((o) => o.key);
  const none = orgs.find((o) => o.key === NO_ORG)?.count ?? 0;
  const most =
    top.length === 0
      ? "none is tied to an organisation"
      : top.length === 1
        ? `${top[0]} has the most (${formatNumber(named[0]!.count)})`
        : `${listPhrase(top, { max: 4 })} have the most (${countWord(named[0]!.count)} each)`;
  const outside = none === 0 ? "none falls" : `${countWord(none)} fall${none === 1 ? "s" : ""}`;
  return `${capitalize(countText(s.events.length, "catalogued event"))}${s.withName}; ${most}${
    top.length === 0 ? "." : `, and ${outside} outside any organisation.`
  }`;
}

/**
 * The series of the intensity chart: events of every kind a year and, unless the scenario picks every kind, the
 * chosen kinds a year, over the catalogue's years (a year with an event after the as-of date is planned). None when
 * the catalogue is empty.
 * @example intensitySeries(timelineScope(notebook({ focal: "AZE" }, { quiet: true }))).map((x) => x.label) // => ["All catalogued events", "Summits"]
 * @category Timeline (05)
 */
export function intensitySeries(s: TimelineScope): Series[] {
  if (s.span === undefined) return [];
  const range = { from: s.span[0], to: s.span[1], today: s.asOf };
  const all = summitIntensity(s.events, { ...range, kind: [...enums.eventKind] });
  const chosen = summitIntensity(s.events, { ...range, kind: [...s.scenario.kinds] });
  return [
    { ...all, id: "all", label: "All catalogued events", scope: "" },
    ...(s.scenario.all ? [] : [{ ...chosen, id: "chosen", label: capitalize(s.scenario.text), scope: "" }]),
  ];
}

/**
 * The table of the chosen kinds a year, one row per organisation and a last row counting each event once; no rows
 * when the focal state has no event of those kinds.
 * @example yearOrgTable(timelineScope(notebook({ focal: "GEO", scenario: "agreement" }, { quiet: true }))).rows.map((r) => [r.org, r.total]) // => [["None", 3], ["TITR", 1], ["All (each event once)", 4]]
 * @category Timeline (05)
 */
export function yearOrgTable(s: TimelineScope): TableInput & { readonly title: string } {
  const title = `${capitalize(s.scenario.text)}${s.withName} a year, by organisation`;
  if (s.span === undefined || s.chosen.length === 0) return { title, columns: [], rows: [], sources: [] };
  const years = Array.from({ length: s.span[1] - s.span[0] + 1 }, (_, i) => s.span![0] + i);
  const row = (label: string, list: readonly EventRow[]) => ({
    org: label,
    ...Object.fromEntries(years.map((y) => [String(y), list.filter((e) => yearOf(e.date) === y).length])),
    total: list.length,
  });
  const orgs = eventCounts(s.chosen, "org").map((c) => c.key);
  return {
    title,
    columns: [
      { key: "org", label: "Organisation" },
      ...years.map((y) => ({ key: String(y), label: String(y) })),
      { key: "total", label: "Total" },
    ],
    rows: [
      ...orgs.map((o) =>
        row(
          eventOrgLabel(o),
          s.chosen.filter((e) => underOrg(e, o)),
        ),
      ),
      row("All (each event once)", s.chosen),
    ],
    sources: mergeSourceLists(s.chosen.map((e) => rowSources(e))),
  };
}

/** The busiest years of the focal state's events: the years with the most events (ties all listed), or undefined. */
function busiest(s: TimelineScope): { readonly years: readonly number[]; readonly count: number } | undefined {
  const counts = eventCounts(s.events, "year");
  const max = Math.max(0, ...counts.map((c) => c.count));
  if (max === 0) return undefined;
  return { years: counts.filter((c) => c.count === max).map((c) => Number(c.key)), count: max };
}

/**
 * The busiest year (or years, when tied) of the focal state's events, with its events by kind; the sentence for no
 * event otherwise.
 * @example busiestYearSentence(timelineScope(notebook({ focal: "GEO" }, { quiet: true }))) // => "The busiest years in the catalogue for Georgia are 2016, 2017 and 2023, with two events each (three agreements, one infrastructure opening, one exercise and one report in all)."
 * @category Timeline (05)
 */
export function busiestYearSentence(s: TimelineScope): string {
  const peak = busiest(s);
  const forName = s.focal === "" ? "" : ` for ${s.name}`;
  if (peak === undefined) return `The catalogue holds no event${forName} by ${formatDate(s.asOf)}.`;
  const inYears = s.events.filter((e) => peak.years.includes(yearOf(e.date)));
  const byKind = listPhrase(kindsIn(inYears).map((k) => kindCount(inYears.filter((e) => e.kind === k).length, k)));
  const years = listPhrase(peak.years.map(String));
  return peak.years.length === 1
    ? `The busiest year in the catalogue${forName} is ${years}, with ${countText(peak.count, "event")} (${byKind}).`
    : `The busiest years in the catalogue${forName} are ${years}, with ${countText(peak.count, "event")} each (${byKind} in all).`;
}

/**
 * How the intensity chart draws a year not over on the as-of date: separate hollow points ("announced"), not a
 * dashed line from the last full year, which would read as a fall; the note says what they count.
 * @example intensityPlanPoints(timelineScope(notebook({ focal: "AZE" }, { quiet: true }))).name // => "announced"
 * @category Timeline (05)
 */
export function intensityPlanPoints(s: TimelineScope): { readonly name: string; readonly note: string } {
  return {
    name: "announced",
    note: `Hollow points: a year not over on ${formatDate(s.asOf)}, counting the events catalogued by then (held or announced); not a full year's count.`,
  };
}

/**
 * The caption of the intensity chart, naming the busiest year and its count.
 * @example intensityCaption(timelineScope(notebook({ focal: "AZE" }, { quiet: true }))) // => "Catalogued events a year with Azerbaijan, 2015–2026; the busiest year is 2024 (31)."
 * @category Timeline (05)
 */
export function intensityCaption(s: TimelineScope): string {
  const peak = busiest(s);
  const range = s.span ? `, ${yearRange(s.span)}` : "";
  const tail =
    peak === undefined
      ? "; none is catalogued."
      : peak.years.length === 1
        ? `; the busiest year is ${peak.years[0]} (${formatNumber(peak.count)}).`
        : `; the busiest years are ${listPhrase(peak.years.map(String))} (${formatNumber(peak.count)} each).`;
  return `Catalogued events a year${s.withName}${range}${tail}`;
}

/**
 * The two periods of the abstract's claim of intensification after the war, and the claim testing it.
 * @category Timeline (05)
 */
export interface WarPeriods {
  readonly claimId: string;
  readonly before: readonly [from: string, to: string];
  readonly after: readonly [from: string, to: string];
}

/** The `date` range (`gte`, `lte`) of a where filter. */
function dateRange(where: Where | undefined): readonly [string, string] | undefined {
  const d = where?.date;
  if (typeof d !== "object" || d === null || Array.isArray(d)) return undefined;
  const { gte, lte } = d as { gte?: string; lte?: string };
  return gte !== undefined && lte !== undefined ? [gte, lte] : undefined;
}

/**
 * The periods claims.csv compares for the claim that cooperation intensified: the first `count` claim on events with
 * a `than` selection, both dated by a `gte`/`lte` range. Undefined when there is none.
 * @example warPeriods(pkg.claims) // => { claimId: "abs-cooperation-after-2020", before: ["2016-01-01", "2019-12-31"], after: ["2021-01-01", "2024-11-30"] }
 * @category Timeline (05)
 */
export function warPeriods(claims: readonly Pick<ClaimRow, "id" | "test" | "args">[]): WarPeriods | undefined {
  for (const c of claims) {
    if (c.test !== "count") continue;
    const parsed = parseClaimArgs("count", c.args);
    if (!parsed.ok || parsed.notCheckable !== undefined) continue;
    const args = parsed.args as CountArgs;
    if (args.resource !== "events" || args.than === undefined) continue;
    const after = dateRange(args.where);
    const before = dateRange(args.than.where);
    if (after && before) return { claimId: c.id, before, after };
  }
  return undefined;
}

/**
 * Events a year in a period: the count and the rate over the period's length in years.
 * @category Timeline (05)
 */
export interface PeriodRate {
  readonly count: number;
  readonly perYear: number;
}

/**
 * Events starting within a period (inclusive dates), and their number a year over the period's length.
 * @example periodRate([{ date: "2021-05-01" }, { date: "2022" }, { date: "2025-01-01" }], ["2021-01-01", "2022-12-31"]).count // => 2
 * @category Timeline (05)
 */
export function periodRate(
  events: readonly { readonly date: string }[],
  period: readonly [string, string],
): PeriodRate {
  const [from, to] = period;
  const count = events.filter((e) => startOf(e.date) >= from && startOf(e.date) <= to).length;
  const years = (Date.parse(to) - Date.parse(from) + 86_400_000) / (365.25 * 86_400_000);
  return { count, perYear: years > 0 ? count / years : 0 };
}

/**
 * How a rate a year changed between two periods, worded from its sign: "rose from 0.5 a year in 2016–2019 to 1.3
 * a year in 2021–2024", "fell from …", "stayed at …".
 * @example ratePhrase(2, 1, "2016–2019", "2021–2024") // => "fell from 2 a year in 2016–2019 to 1 a year in 2021–2024"
 * @example ratePhrase(1, 1, "2016–2019", "2021–2024") // => "stayed at 1 a year from 2016–2019 to 2021–2024"
 * @example ratePhrase(0.5, 1.25, "2016–2019", "2021–2024") // => "rose from 0.5 a year in 2016–2019 to 1.3 a year in 2021–2024"
 * @category Timeline (05)
 */
export function ratePhrase(before: number, after: number, beforeText: string, afterText: string): string {
  return changePhrase(
    { value: before, at: beforeText },
    { value: after, at: afterText },
    { format: (v) => `${formatNumber(v, 1)} a year` },
  );
}

/**
 * A period in words: "2016–2019" for whole years, else its first and last day ("1 January 2021 to 30 November 2024").
 * @example periodText(["2016-01-01", "2019-12-31"]) // => "2016–2019"
 * @example periodText(["2021-01-01", "2024-11-30"]) // => "1 January 2021 to 30 November 2024"
 * @category Timeline (05)
 */
export function periodText(p: readonly [string, string]): string {
  return /-01-01$/.test(p[0]) && /-12-31$/.test(p[1])
    ? yearRange([yearOf(p[0]), yearOf(p[1])])
    : `${formatDate(p[0])} to ${formatDate(p[1])}`;
}

/**
 * Before and after the war: the focal state's events a year (every kind, then the chosen kinds) in the two periods
 * of the abstract's claim, with the direction worded from the sign — a rise agrees with the article, a fall or no
 * change does not. A period after the as-of date is cut at it, and one that has not begun is said to be missing.
 * @example beforeAfterSentence(timelineScope(notebook({ focal: "AZE", asOf: 2016 }, { quiet: true })), warPeriods(pkg.claims)!) // => "claims.csv tests the abstract's claim (abs-cooperation-after-2020) on an earlier period, 2016–2019, against a later one, 1 January 2021 to 30 November 2024. The later period begins after 31 December 2016, so the comparison cannot be made as of this date."
 * @category Timeline (05)
 */
export function beforeAfterSentence(s: TimelineScope, periods: WarPeriods): string {
  const intro = `claims.csv tests the abstract's claim (${periods.claimId}) on an earlier period, ${periodText(periods.before)}, against a later one, ${periodText(periods.after)}.`;
  if (periods.after[0] > s.asOf)
    return `${intro} The later period begins after ${formatDate(s.asOf)}, so the comparison cannot be made as of this date.`;
  const cut = (p: readonly [string, string]): readonly [string, string] => [p[0], [p[1], s.asOf].sort()[0]!];
  const before = cut(periods.before);
  const after = cut(periods.after);
  const cutNote =
    after[1] !== periods.after[1] || before[1] !== periods.before[1]
      ? ` (cut at ${formatDate(s.asOf)}, the as-of date)`
      : "";
  const b = periodRate(s.events, before);
  const a = periodRate(s.events, after);
  if (a.count === 0 && b.count === 0)
    return `${intro} No catalogued event${s.withName} falls in either period${cutNote}, so the catalogue says nothing on it here.`;
  const bT = "the earlier period";
  const aT = "the later";
  const bS = periodRate(s.chosen, before);
  const aS = periodRate(s.chosen, after);
  const all = `events${s.withName} of every kind ${ratePhrase(b.perYear, a.perYear, bT, aT)} (${formatNumber(b.count)} and ${formatNumber(a.count)} in all)`;
  const chosen = s.scenario.all
    ? ""
    : bS.count === 0 && aS.count === 0
      ? `, with no ${s.scenario.text} in either`
      : `, and ${s.scenario.text} ${ratePhrase(bS.perYear, aS.perYear, bT, aT)}`;
  const same = formatNumber(a.perYear, 1) === formatNumber(b.perYear, 1);
  const verdict = same
    ? "The rate did not change, which does not bear out the article's intensification."
    : a.perYear > b.perYear
      ? "The direction agrees with the article; how much of the rise is diplomacy and how much is the catalogue's better coverage of recent years cannot be separated with these data."
      : "The direction does not agree with the article: the rate fell.";
  return `${intro} Over the same periods${cutNote}, ${all}${chosen}. ${verdict}`;
}

/** A change of status in words: "OTS: joined as an observer (3 October 2009)". */
function changeText(e: TimelineEntry): string {
  const what =
    e.change === "joined"
      ? `joined as ${statusWithArticle(e.status)}`
      : e.change === "left"
        ? `left${e.previous ? `, having been ${statusWithArticle(e.previous)}` : ""}`
        : `became ${statusWithArticle(e.status)}`;
  return `${e.org}: ${what} (${formatDate(e.date)})`;
}

/**
 * The focal state's changes of status known by the as-of date and dated by then (a row known through an undated
 * source can end after it: that end is not shown); none for every state (focal "").
 * @example accessionEntries(timelineScope(notebook({ focal: "AZE", asOf: 2016 }, { quiet: true }))).filter((e) => e.org === "SCO").map((e) => e.date) // => ["2015-07-10"]
 * @category Timeline (05)
 */
export function accessionEntries(s: TimelineScope): TimelineEntry[] {
  if (s.focal === "") return [];
  return accessionTimeline(s.memberships, { state: s.focal }).filter((e) => startOf(e.date) <= s.asOf);
}

/**
 * The timeline input of the focal state's statuses (lanes in order of first entry) with the cited events on the
 * lanes of their organisation.
 * @example accessionInput(timelineScope(notebook({ focal: "AZE" }, { quiet: true })), [{ date: "2015-07-10", precision: "day", day: 20150710, state: "AZE", org: "SCO", change: "joined", status: "dialogue_partner", sources: [] }]).spans[0].lane // => "SCO"
 * @category Timeline (05)
 */
export function accessionInput(s: TimelineScope, entries: readonly TimelineEntry[]): TimelineInput {
  const lanes = [...new Set(entries.map((e) => e.org))];
  const spans: TimelineSpan[] = [];
  for (const org of lanes) {
    const list = entries.filter((e) => e.org === org);
    list.forEach((e, i) => {
      if (e.change === "left" || e.status === "none") return;
      spans.push({ lane: org, start: e.date, end: list[i + 1]?.date ?? null, status: e.status, sources: e.sources });
    });
  }
  const cited = s.events.filter((e) => s.cited.has(e.id) && e.orgs.some((o) => lanes.includes(o)));
  return {
    spans,
    events: cited.map((e) => ({
      date: e.date,
      label: shortTitle(e.title, 48),
      lane: e.orgs.find((o) => lanes.includes(o))!,
      kind: e.kind,
      sources: rowSources(e),
      row: `events:${e.id}`,
    })),
    asOf: s.asOf,
    sources: mergeSourceLists(entries.map((e) => e.sources)),
  };
}

/**
 * The subtitle of the accession timeline: bars always, diamonds only when cited events are drawn on the lanes.
 * @example accessionSubtitle({ spans: [], events: [], asOf: "2026-01-01", sources: [] }) // => "Bars: membership status"
 * @example accessionSubtitle({ spans: [], events: [{ date: "2015", label: "x" }], asOf: "2026-01-01", sources: [] }) // => "Bars: membership status; diamonds: events cited by the article"
 * @category Timeline (05)
 */
export function accessionSubtitle(input: TimelineInput): string {
  return (input.events ?? []).length > 0
    ? "Bars: membership status; diamonds: events cited by the article"
    : "Bars: membership status";
}

/**
 * The table of the focal state's changes of status: date, organisation, change, status from then and before.
 * @example accessionTable(timelineScope(notebook({ focal: "AZE" }, { quiet: true })), [{ date: "2015-07-10", precision: "day", day: 20150710, state: "AZE", org: "SCO", change: "joined", status: "dialogue_partner", sources: [] }], pkg).rows[0].status // => "dialogue partner"
 * @category Timeline (05)
 */
export function accessionTable(
  s: TimelineScope,
  entries: readonly TimelineEntry[],
  pkg: { readonly organizations: readonly Pick<OrganizationRow, "id" | "name">[] },
): TableInput & { readonly title: string } {
  return {
    title: `${s.name}: changes of status`,
    columns: [
      { key: "date", label: "Date" },
      { key: "org", label: "Organisation" },
      { key: "change", label: "Change" },
      { key: "status", label: "Status from then" },
      { key: "previous", label: "Before" },
    ],
    rows: entries.map((e) => ({
      date: e.date,
      org: `${e.org} — ${eventOrgName(pkg, e.org)}`,
      change: e.change,
      status: statusPhrase(e.status),
      previous: e.previous ? statusPhrase(e.previous) : "",
    })),
    sources: mergeSourceLists(entries.map((e) => e.sources)),
  };
}

/**
 * The caption of the accession timeline: in how many organisations, since when, and how many changes fall in the
 * catalogue's years.
 * @example accessionCaption(timelineScope(notebook({ focal: "AZE" }, { quiet: true })), [{ date: "2015-07-10", precision: "day", day: 20150710, state: "AZE", org: "SCO", change: "joined", status: "dialogue_partner", sources: [] }]) // => "Azerbaijan's status in one organisation, from 2015 to 10 March 2026; one change in 2015–2026."
 * @category Timeline (05)
 */
export function accessionCaption(s: TimelineScope, entries: readonly TimelineEntry[]): string {
  const orgs = new Set(entries.map((e) => e.org)).size;
  const first = entries[0] ? yearOf(entries[0].date) : yearOf(s.asOf);
  const recent = s.span ? entries.filter((e) => yearOf(e.date) >= s.span![0] && yearOf(e.date) <= s.span![1]) : [];
  const from = first === yearOf(s.asOf) ? `in ${first}` : `from ${first} to ${formatDate(s.asOf)}`;
  return `${possessive(s.name)} status in ${countText(orgs, "organisation")}, ${from}${
    s.span ? `; ${countText(recent.length, "change")} in ${yearRange(s.span)}` : ""
  }.`;
}

/**
 * What the accession timeline says: which of the focal state's changes of status fall in the catalogue's years
 * (listed), and how many of the statuses held on the as-of date are older than the catalogue.
 * @example accessionSentence(timelineScope(notebook({ focal: "AZE" }, { quiet: true })), [{ date: "2015-07-10", precision: "day", day: 20150710, state: "AZE", org: "SCO", change: "joined", status: "dialogue_partner", sources: [] }]) // => "Azerbaijan's one change of status falls in 2015–2026: SCO: joined as a dialogue partner (10 July 2015). The one status held on 10 March 2026 began in 2015 or later."
 * @category Timeline (05)
 */
export function accessionSentence(s: TimelineScope, entries: readonly TimelineEntry[]): string {
  const who = possessive(s.name);
  const on = formatDate(s.asOf);
  const n = entries.length;
  const parts: string[] = [];
  const span = s.span;
  if (span !== undefined) {
    const range = yearRange(span);
    const recent = entries.filter((e) => yearOf(e.date) >= span[0] && yearOf(e.date) <= span[1]);
    const list = listPhrase(recent.map(changeText), { max: 8 });
    const k = recent.length;
    parts.push(
      k === 0
        ? n === 1
          ? `${capitalize(who)} one change of status falls outside ${range}, the years of the catalogue.`
          : `None of ${who} ${countText(n, "change")} of status falls in ${range}, the years of the catalogue.`
        : k === n
          ? n === 1
            ? `${capitalize(who)} one change of status falls in ${range}: ${list}.`
            : `${n === 2 ? "Both" : `All ${countWord(n)}`} of ${who} changes of status fall in ${range}: ${list}.`
          : `Of ${who} ${countText(n, "change")} of status, ${countWord(k)} fall${k === 1 ? "s" : ""} in ${range}: ${list}.`,
    );
  }
  const held = accessionInput(s, entries).spans.filter((sp) => !sp.end && sp.status !== "former");
  if (held.length === 0) {
    parts.push(`${s.name} holds no status in these organisations on ${on}.`);
  } else if (span !== undefined) {
    const old = held.filter((sp) => yearOf(sp.start) < span[0]).length;
    const h = held.length;
    const tie =
      s.events.length > 0 ? ": the cooperation catalogued here adds to older ties rather than replacing them" : "";
    parts.push(
      old === 0
        ? `${h === 1 ? "The one status" : h === 2 ? "Both statuses" : `All ${countWord(h)} statuses`} held on ${on} began in ${span[0]} or later.`
        : old === h
          ? `${h === 1 ? "The one status" : h === 2 ? "Both statuses" : `All ${countWord(h)} statuses`} held on ${on} date${h === 1 ? "s" : ""} from before ${span[0]}${tie}.`
          : `${capitalize(countWord(old))} of the ${countWord(h)} statuses held on ${on} date${old === 1 ? "s" : ""} from before ${span[0]}${tie}.`,
    );
  } else {
    parts.push(
      `${s.name} holds ${countText(held.length, "status", "statuses")} on ${on}, after ${countText(n, "change")} of status.`,
    );
  }
  return parts.join(" ");
}

/**
 * A title cut to `max` characters with an ellipsis. @example shortTitle("Summit of the Organization of Turkic States", 20) // => "Summit of the Orga…"
 * @category Timeline (05)
 */
export function shortTitle(title: string, max = 44): string {
  return title.length > max ? `${title.slice(0, max - 2)}…` : title;
}

/**
 * The cited events among the focal state's, by date then id: the order they are numbered in.
 * @example citedEvents(timelineScope(notebook({ focal: "AZE", asOf: 2016 }, { quiet: true }))).map((e) => e.id) // => ["2015-07-10-sco-grants-aze-dialogue-partner", "2016-03-14-aze-sco-dialogue-memorandum"]
 * @category Timeline (05)
 */
export function citedEvents(s: TimelineScope): EventRow[] {
  return s.events
    .filter((e) => s.cited.has(e.id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The lane of an event on the timeline of every event: its first organisation, or "No organisation". */
const laneOf = (e: EventRow) => (e.orgs.length === 0 ? "No organisation" : e.orgs[0]!);

/**
 * Every event of the focal state on lanes by organisation, the events the article cites in colour and numbered as in
 * {@link citedTable}, the others in grey; an event still ahead on the as-of date (planned then, {@link isPlanned}) as a
 * hollow diamond under its own legend entry, said in the note only when one is drawn; a no-data figure (with
 * `options.noData`) when there is no event.
 * @example eventsFigure(timelineScope(notebook({ focal: "AZE" }, { quiet: true })), { title: "Events" }).data.map((t) => t.name) // => ["Other catalogued event", "Cited by the article (numbered as in the table)", "Planned (ahead on 10 March 2026)"]
 * @category Timeline (05)
 */
export function eventsFigure(s: TimelineScope, options: TimelineOptions): PlotlyFigure {
  const lanes = new Set([...s.events].sort((a, b) => a.date.localeCompare(b.date)).map(laneOf));
  const numbered = citedEvents(s);
  const plannedCount = s.events.filter((e) => isPlanned(e, s.asOf)).length;
  const plannedNote =
    plannedCount === 0
      ? undefined
      : `Hollow diamond${plannedCount === 1 ? "" : "s"}: ${plannedCount === 1 ? "an event" : "events"} still ahead on ${formatDate(s.asOf)}, planned then.`;
  const note = [plannedNote, options.note].filter((n): n is string => n !== undefined).join(" ");
  const fig = timelineFigure(
    {
      spans: [],
      events: s.events.map((e) => ({
        date: e.date,
        label: shortTitle(e.title),
        lane: laneOf(e),
        kind: isPlanned(e, s.asOf) ? `${e.kind}, planned` : e.kind,
        sources: rowSources(e),
        row: `events:${e.id}`,
      })),
      asOf: s.asOf,
      sources: mergeSourceLists(s.events.map((e) => rowSources(e))),
    },
    {
      eventLabels: false,
      height: 240 + 44 * lanes.size,
      subtitle:
        numbered.length > 0 ? "Numbered: the events the article cites (table below)" : "The article cites none of them",
      ...options,
      ...(note !== "" ? { note } : {}),
    },
  );
  const numberOf = new Map(numbered.map((e, i) => [`${e.date}|${shortTitle(e.title)}`, i + 1]));
  const pick = (arr: unknown, keep: readonly boolean[]) => (Array.isArray(arr) ? arr.filter((_, i) => keep[i]) : arr);
  const color = "#D55E00";
  const grey = "#9A9A9A";
  return {
    ...fig,
    data: fig.data.flatMap((t) => {
      if (t.name !== "Event" || !Array.isArray(t.customdata)) return [t];
      const points = t.customdata as [string, string][];
      const num = points.map(([label, date]) => numberOf.get(`${date}|${decodePlotlyText(label)}`));
      const ahead = points.map(([, date]) => isPlanned({ date }, s.asOf));
      const hit = num.map((n, i) => n !== undefined && !ahead[i]);
      const miss = num.map((n, i) => n === undefined && !ahead[i]);
      const base = { type: "scatter", hovertemplate: t.hovertemplate, hoverlabel: t.hoverlabel, cliponaxis: false };
      const marker = (size: number, c: string) => ({
        symbol: "diamond",
        size,
        color: c,
        line: { width: 1, color: "#FFFFFF" },
      });
      const part = (keep: readonly boolean[]) => ({
        x: pick(t.x, keep),
        y: pick(t.y, keep),
        customdata: pick(t.customdata, keep),
        hovertext: pick(t.hovertext, keep),
      });
      const plannedNums = num.filter((_, i) => ahead[i]);
      // a kind of marker that no event has is not drawn, so that the legend never names an absent marker
      return [
        { ...base, mode: "markers", name: "Other catalogued event", ...part(miss), marker: marker(9, grey) },
        {
          ...base,
          mode: "markers+text",
          name: "Cited by the article (numbered as in the table)",
          ...part(hit),
          text: num.filter((n, i) => n !== undefined && !ahead[i]).map(String),
          textposition: "top center",
          textfont: { size: 13, color },
          marker: marker(13, color),
        },
        {
          ...base,
          // hollow: the outline in the colour of its kind (cited or not), the number of a cited one above it
          mode: plannedNums.some((n) => n !== undefined) ? "markers+text" : "markers",
          name: `Planned (ahead on ${formatDate(s.asOf)})`,
          ...part(ahead),
          text: plannedNums.map((n) => (n === undefined ? "" : String(n))),
          textposition: "top center",
          textfont: { size: 13, color },
          marker: {
            symbol: "diamond-open",
            size: plannedNums.map((n) => (n === undefined ? 10 : 13)),
            color: plannedNums.map((n) => (n === undefined ? "#6E6E6E" : color)),
            line: { width: 2 },
          },
        },
      ].filter((trace) => (trace.x as unknown[]).length > 0);
    }),
  };
}

/**
 * The caption of the timeline of every event: how many, and how many of them the article cites.
 * @example eventsCaption(timelineScope(notebook({ focal: "GEO" }, { quiet: true }))) // => "Seven catalogued events with Georgia by organisation; the article cites none of them."
 * @category Timeline (05)
 */
export function eventsCaption(s: TimelineScope): string {
  const n = citedEvents(s).length;
  const cites = n === 0 ? "none of them" : n === s.events.length ? "all of them" : countWord(n);
  return `${capitalize(countText(s.events.length, "catalogued event"))}${s.withName} by organisation; the article cites ${cites}${n > 0 && n < s.events.length ? ", marked" : ""}.`;
}

/**
 * The table of the events the article cites (among the focal state's), numbered as on the chart, with the claims
 * citing each; no rows when none is cited.
 * @example citedTable(timelineScope(notebook({ focal: "AZE" }, { quiet: true }))).rows[0].claims // => "sco-dialogue-partner-2015-07-10"
 * @category Timeline (05)
 */
export function citedTable(s: TimelineScope): TableInput & { readonly title: string } {
  const list = citedEvents(s);
  return {
    title: `Events${s.withName} cited by the article's claims`,
    columns: [
      { key: "n", label: "#" },
      { key: "date", label: "Date" },
      { key: "title", label: "Event" },
      { key: "orgs", label: "Organisation" },
      { key: "place", label: "Place" },
      { key: "participants", label: "Participants" },
      { key: "claims", label: "Claims citing it" },
    ],
    rows: list.map((e, i) => ({
      n: i + 1,
      date: e.date,
      title: e.title,
      orgs: e.orgs.join(", "),
      place: e.place ?? "",
      participants: e.participants.join(", "),
      claims: (s.cited.get(e.id) ?? []).join(", "),
    })),
    sources: mergeSourceLists(list.map((e) => rowSources(e))),
  };
}

/**
 * Why the table of cited events is empty, in a sentence.
 * @example noCitedSentence(timelineScope(notebook({ focal: "GEO" }, { quiet: true }))) // => "None of the catalogued events with Georgia is cited by the article's claims."
 * @category Timeline (05)
 */
export function noCitedSentence(s: TimelineScope): string {
  return `None of the catalogued events${s.withName} is cited by the article's claims.`;
}

/**
 * A paragraph of the closing section: a bold lead and its text.
 * @category Timeline (05)
 */
export interface Finding {
  readonly title: string;
  readonly text: string;
}

/** The article's year: the crowded year around the latest cited event that has taken place. */
function articleYearFinding(s: TimelineScope): Finding | undefined {
  const years = citedEvents(s)
    .filter((e) => !isPlanned(e, s.asOf) && e.participants.length > 0)
    .map((e) => yearOf(e.date));
  if (years.length === 0) return undefined;
  const year = maxOf(years);
  const inYear = s.events.filter((e) => yearOf(e.date) === year);
  const cited = inYear.filter((e) => s.cited.has(e.id)).length;
  const others = inYear.filter((e) => !s.cited.has(e.id)).map((e) => `${e.title} (${formatDate(e.date)})`);
  const head = `${year} holds ${countText(inYear.length, "catalogued event")}${s.withName}`;
  if (others.length === 0)
    return {
      title: "The article's year",
      text: `${head}; the article cites ${inYear.length === 1 ? "it" : inYear.length === 2 ? "both" : `all ${countWord(inYear.length)}`}.`,
    };
  return {
    title: inYear.length >= 5 ? "A crowded year" : "The article's year",
    text: `${head}; the article cites ${countWord(cited)} of them. The ${others.length === 1 ? "other" : "others"} — ${listPhrase(others, { max: 6 })} — show${others.length === 1 ? "s" : ""} that the article selects; it does not exaggerate the pace.`,
  };
}

/** The densest thread: the organisation(s) with the most summits with the focal state, and its status there. */
function threadFinding(s: TimelineScope): Finding {
  const counts = eventCounts(s.events, "org", { kind: "summit" })
    .filter((c) => c.key !== NO_ORG)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  if (counts.length === 0) {
    const summits = filterEvents(s.events, { kind: "summit" }).length;
    const text =
      summits === 0
        ? `The catalogue holds no summit${s.withName}.`
        : `${summits === 1 ? "The one" : `None of the ${countWord(summits)}`} catalogued summit${summits === 1 ? "" : "s"}${s.withName} ${summits === 1 ? "is held outside" : "is held under"} an organisation.`;
    return { title: "No summit thread", text };
  }
  const max = counts[0]!.count;
  const top = counts.filter((c) => c.count === max).map((c) => c.key);
  const rest = counts.filter((c) => c.count < max).map((c) => `${formatNumber(c.count)} for ${c.key}`);
  const years = [
    ...new Set(filterEvents(s.events, { org: top[0]!, kind: "summit" }).map((e) => String(yearOf(e.date)))),
  ];
  const against = rest.length > 0 ? `, against ${listPhrase(rest, { max: 5 })}` : "";
  let status = "";
  if (s.focal !== "" && top.length === 1) {
    const st = statusAt(membershipIndex(s.memberships, s.organizations), s.focal, top[0]!, s.asOf).status;
    status =
      st === "none"
        ? ` ${s.name} holds no status in ${top[0]} on ${formatDate(s.asOf)}.`
        : ` ${possessive(s.name)} status there on ${formatDate(s.asOf)}: ${statusPhrase(st)}.`;
  }
  return top.length === 1
    ? {
        title: `${top[0]} is the densest thread`,
        text: `${top[0]} has ${countText(max, "catalogued summit")}${s.withName} (in ${listPhrase(years)})${against}.${status}`,
      }
    : {
        title: `${listPhrase(top)} are the densest threads`,
        text: `${listPhrase(top)} each have ${countText(max, "catalogued summit")}${s.withName}${against}.`,
      };
}

/** After the article: what the catalogue records after the last cited event that has taken place. */
function afterFinding(s: TimelineScope): Finding {
  const by = formatDate(s.asOf);
  const done = citedEvents(s).filter((e) => !isPlanned(e, s.asOf));
  const last = done.at(-1);
  const planned = s.events.filter((e) => isPlanned(e, s.asOf)).length;
  const plannedText =
    planned === 0
      ? "none is planned in this vintage"
      : `${countText(planned, "further event")} ${planned === 1 ? "is" : "are"} planned`;
  if (last === undefined)
    return {
      title: "No cited event",
      text: `None of the catalogued events${s.withName} that took place by ${by} is cited by the article's claims; ${plannedText}.`,
    };
  const after = s.events.filter((e) => e.date > last.date && !isPlanned(e, s.asOf));
  const notable = after
    .filter((e) => e.kind === "accession" || e.kind === "chairmanship")
    .map((e) => `${e.title} (${formatDate(e.date)})`);
  return {
    title: "After the last cited event",
    text: `The last cited event that has taken place is ${last.title} (${formatDate(last.date)}). Since then the catalogue records ${
      after.length === 0 ? "no event" : countText(after.length, "event")
    }${s.withName} up to ${by}${notable.length > 0 ? `, among them ${listPhrase(notable, { max: 4 })}` : ""}; ${plannedText}.`,
  };
}

/**
 * The closing findings: the article's year against the rest of the catalogue, the densest summit thread, and what
 * followed the last cited event. None when the focal state has no event (say so with a sentence instead).
 * @example timelineFindings(timelineScope(notebook({ focal: "GEO" }, { quiet: true }))).map((f) => f.title) // => ["No summit thread", "No cited event"]
 * @category Timeline (05)
 */
export function timelineFindings(s: TimelineScope): Finding[] {
  if (s.events.length === 0) return [];
  const year = articleYearFinding(s);
  return [...(year ? [year] : []), threadFinding(s), afterFinding(s)];
}
