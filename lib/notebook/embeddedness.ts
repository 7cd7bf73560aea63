/**
 * Notebook 03-multilateral-embeddedness (memberships, snapshots, balance and overlap): the panel of states, the
 * snapshot dates, and the tables, figure inputs, captions and sentences that notebook shows, built from
 * lib/indicators/memberships and lib/indicators/balance. Every sentence reads right for a focal state with no tie
 * at all, for one snapshot or three, and never compares a value with itself.
 * @module
 */
import { type Iso3, type OrgId, type SourceId, mergeSources } from "../core/types";
import { startOf } from "../core/dates";
import { countWord, formatNumber, formatPercent } from "../core/format";
import type { DataPackage } from "../data/load";
import type { EventRow, OrganizationRow } from "../data/resources";
import { type Markdown, md, mdJoin, mdList, mdCode } from "../display/safe-text";
import type { TableInput } from "../figures/table";
import type {
  BalanceInput,
  ComparisonInput,
  MembershipCell,
  MembershipMatrixInput,
  OverlapNetworkInput,
  TimelineEvent,
  TimelineInput,
} from "../figures/inputs";
import type { PlotlyFigure } from "../figures/plotly";
import {
  ANY_TIE,
  FULL_MEMBERSHIP,
  MEMBERSHIP_STATUSES,
  type MembershipIndex,
  type MembershipMatrix,
  type MembershipGraph,
  type CentralityRow,
  type OverlapPair,
  accessionTimeline,
  matrixCellSources,
  matrixStatus,
  membershipIndex,
  cellOn,
  coverageLookup,
  membershipMatrix,
  networkCentrality,
  orgsOf,
  overlapPairs,
  stateNode,
  stateOrgNetwork,
  stateStateNetwork,
  statusAt,
} from "../indicators/memberships";
import {
  ALL_SPHERES,
  EQUAL_STATUS_WEIGHTS,
  type Balance,
  type BalanceOptions,
  type Sphere,
  balanceByYear,
  multiVectorBalance,
} from "../indicators/balance";
import { eventCounts } from "../indicators/events";
import { rowSources } from "../indicators/series/sources";
import { formatDate } from "./as-of";
import { orgName, spherePhrase, stateName, statePossessive, statusPhrase, statusWithArticle } from "./names";
import { capitalize, changePhrase, countText, listPhrase } from "./prose";
import { type RankResult, rankOf, rankText } from "./ranks";
import { PANEL_STATES } from "./names";
import { membershipCoverageSentence } from "./coverage";
import { maxOf, minOf } from "../core/extent";

/**
 * Column order of the maps: from the Turkic and Asian-dialogue formats through the blocs to the global ones.
 * @category Embeddedness (03)
 */
export const SPHERE_ORDER: readonly Sphere[] = [
  "turkic",
  "asian_dialogue",
  "china_led",
  "russia_led",
  "islamic",
  "euro_atlantic",
  "black_sea",
  "non_aligned",
  "global",
];

/**
 * The fixed snapshot dates before the as-of date: 1 January 2015 and 1 January 2020.
 * @category Embeddedness (03)
 */
export const SNAPSHOT_DATES: readonly string[] = ["2015-01-01", "2020-01-01"];

/**
 * The three platforms of the article's argument.
 * @category Embeddedness (03)
 */
export const ARTICLE_PLATFORMS: readonly string[] = ["SCO", "CICA", "OTS"];

/**
 * Two states are close partners in the overlap network when their memberships overlap by at least this Jaccard.
 * @category Embeddedness (03)
 */
export const JACCARD_MIN = 0.5;

/**
 * A scenario of the balance index.
 * @category Embeddedness (03)
 */
export type BalanceScenario = "default" | "equal_weights" | "present_spheres" | "all_spheres";

/**
 * What each balance scenario means, default first (for `rp.notebook`'s `scenarios`).
 * @category Embeddedness (03)
 */
export const BALANCE_SCENARIOS: Readonly<Record<BalanceScenario, string>> = {
  default: "default weights, eight spheres",
  equal_weights: "every standing tie counts 1",
  present_spheres: "evenness among the spheres present (Pielou's J)",
  all_spheres: "global sphere (WTO, UN) counted too",
};

/**
 * The options of `multiVectorBalance` for a scenario.
 * @example balanceOptions("present_spheres") // => { k: "present" }
 * @example balanceOptions("all_spheres").spheres?.includes("global") // => true
 * @category Embeddedness (03)
 */
export function balanceOptions(scenario: BalanceScenario): BalanceOptions {
  switch (scenario) {
    case "equal_weights":
      return { weights: EQUAL_STATUS_WEIGHTS };
    case "present_spheres":
      return { k: "present" };
    case "all_spheres":
      return { spheres: ALL_SPHERES.filter((s) => s !== "transport") };
    default:
      return {};
  }
}

/**
 * The states compared: the focal state first, then the twelve in their fixed order (a focal state outside the
 * twelve is added, making thirteen).
 * @example panelOf("KAZ").slice(0, 3) // => ["KAZ", "AZE", "KGZ"]
 * @example panelOf("MNG").length // => 13
 * @category Embeddedness (03)
 */
export function panelOf(focal: string): Iso3[] {
  return [focal as Iso3, ...PANEL_STATES.filter((s) => s !== focal)];
}

/**
 * The snapshot dates of a run: those of {@link SNAPSHOT_DATES} before the as-of date, then the as-of date.
 * @example snapshotDates("2026-03-10") // => ["2015-01-01", "2020-01-01", "2026-03-10"]
 * @example snapshotDates("2016-12-31") // => ["2015-01-01", "2016-12-31"]
 * @example snapshotDates("2012-12-31") // => ["2012-12-31"]
 * @category Embeddedness (03)
 */
export function snapshotDates(asOf: string): string[] {
  return [...SNAPSHOT_DATES.filter((d) => d < asOf), asOf];
}

/**
 * A date as month and year, the `at` of a {@link changePhrase} over snapshots.
 * @example monthYear("2015-01-01") // => "January 2015"
 * @category Embeddedness (03)
 */
export function monthYear(date: string): string {
  return formatDate(date.slice(0, 7));
}

/**
 * The package rows this module reads.
 * @category Embeddedness (03)
 */
export type EmbeddednessPackage = Pick<
  DataPackage,
  "states" | "organizations" | "memberships" | "membershipCoverage" | "events" | "gaps"
>;

/**
 * Everything the notebook's sections share: the panel, the snapshots and the matrices.
 * @category Embeddedness (03)
 */
export interface Embeddedness {
  readonly pkg: EmbeddednessPackage;
  readonly focal: Iso3;
  readonly name: string;
  readonly possessive: string;
  readonly asOf: string;
  /** The focal state first. */
  readonly panel: readonly Iso3[];
  readonly others: readonly Iso3[];
  /** Organisations with state members (TITR, an association of companies, has none). */
  readonly orgs: readonly OrganizationRow[];
  readonly index: MembershipIndex;
  /** {@link snapshotDates}: the as-of date last. */
  readonly dates: readonly string[];
  /** Standing ties of the panel on each snapshot date. */
  readonly matrices: readonly MembershipMatrix[];
  /** Standing ties on the as-of date. */
  readonly current: MembershipMatrix;
  /** Organisations where some state of the panel has a standing tie on some snapshot date, in {@link SPHERE_ORDER}. */
  readonly columns: readonly OrgId[];
}

/**
 * The panel, snapshots and matrices of a run, from every membership row (a status documented later still counts
 * from its start).
 * @example embeddedness(pkg, "AZE", "2012-12-31").dates // => ["2012-12-31"]
 * @example orgsOf(embeddedness(pkg, "AZE", "2016-12-31").current, "AZE").includes("SCO") // => true
 * @category Embeddedness (03)
 */
export function embeddedness(pkg: EmbeddednessPackage, focal: Iso3, asOf: string): Embeddedness {
  const panel = panelOf(focal);
  const orgs = pkg.organizations.filter((o) => o.sphere !== "transport");
  const index = membershipIndex(
    pkg.memberships,
    orgs,
    pkg.states.map((s) => s.iso3),
  );
  const dates = snapshotDates(asOf);
  const matrices = dates.map((d) => membershipMatrix(index, d, { states: panel }));
  const rank = (o: OrganizationRow) => SPHERE_ORDER.indexOf(o.sphere);
  const columns = orgs
    .filter((o) => matrices.some((m) => panel.some((s) => matrixStatus(m, s, o.id) !== undefined)))
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
    .map((o) => o.id);
  return {
    pkg,
    focal,
    name: stateName(pkg, focal),
    possessive: statePossessive(pkg, focal),
    asOf,
    panel,
    others: panel.slice(1),
    orgs,
    index,
    dates,
    matrices,
    current: matrices[matrices.length - 1]!,
    columns,
  };
}

/** Drops empty parts and joins the rest with a space. */
function sentences(parts: readonly (Markdown | string | undefined | false)[], separator: " " | "\n\n" = " "): Markdown {
  return mdJoin(
    parts.filter((p): p is Markdown | string => p !== undefined && p !== false && p !== ""),
    separator,
  );
}

/**
 * A state's name, with "(focal)" for the focal state (row labels of maps and tables).
 * @example stateLabel(embeddedness(pkg, "AZE", "2016-12-31"), "AZE") // => "Azerbaijan (focal)"
 * @category Embeddedness (03)
 */
export function stateLabel(em: Embeddedness, state: string): string {
  return state === em.focal ? `${stateName(em.pkg, state)} (focal)` : stateName(em.pkg, state);
}

/** "the other eleven states" (or twelve, for a focal state outside the panel). */
function otherStates(em: Embeddedness): string {
  return `the other ${countText(em.others.length, "state")}`;
}

/**
 * Why the focal state holds no standing tie on the as-of date: no row at all, rows that begin later, or rows ended.
 * `undefined` when it holds one.
 * @example noTieReason(embeddedness(pkg, "AZE", "2016-12-31")) // => undefined
 * @category Embeddedness (03)
 */
export function noTieReason(em: Embeddedness): string | undefined {
  if (orgsOf(em.current, em.focal).length > 0) return undefined;
  const rows = em.pkg.memberships.filter((r) => r.state === em.focal && em.orgs.some((o) => o.id === r.org));
  const org = `any of the ${countText(em.orgs.length, "organisation")} in the package`;
  if (rows.length === 0) return `The package records no membership of ${em.name} in ${org}.`;
  const later = rows
    .filter((r) => startOf(r.since) > em.asOf)
    .sort((a, b) => startOf(a.since).localeCompare(startOf(b.since)));
  const first = later[0];
  if (first !== undefined && later.length === rows.length)
    return `${em.name} holds no standing tie with ${org} on ${formatDate(em.asOf)}: its first recorded status, ${statusWithArticle(first.status)} of the ${first.org}, begins on ${formatDate(first.since)}.`;
  return `${em.name} holds no standing tie with ${org} on ${formatDate(em.asOf)}: its recorded statuses by then had ended or were not standing ties.`;
}

/**
 * How many of a state's ties are full memberships, after "holds N organisations, ".
 * @example fullText(10, 10) // => "all of them as a full or founding member"
 * @example fullText(0, 2) // => "none of them as a full or founding member"
 * @example fullText(1, 1) // => "as a full or founding member"
 * @category Embeddedness (03)
 */
export function fullText(full: number, ties: number): string {
  if (full === ties) return `${ties === 1 ? "" : "all of them "}as a full or founding member`;
  return `${full === 0 ? "none" : countWord(full)} of them as a full or founding member`;
}

/** Why the maps hold fewer organisations than the package (and the coverage sentence's row): the transport bodies. */
function transportNote(em: Embeddedness): string {
  const left = em.pkg.organizations.filter((o) => o.sphere === "transport").map((o) => o.id);
  return left.length === 0
    ? ""
    : ` (The maps and the index leave out ${listPhrase(left)}, ${left.length === 1 ? "a transport body" : "transport bodies"}; the coverage count below includes ${left.length === 1 ? "it" : "them"}.)`;
}

/**
 * The opening paragraph: the focal state's standing ties on the as-of date, or why it has none, and the states it
 * is compared with.
 * @example prologue(embeddedness(pkg, "AZE", "2016-12-31")).source.startsWith("## Azerbaijan in the organisations of Eurasia") // => true
 * @category Embeddedness (03)
 */
export function prologue(em: Embeddedness): Markdown {
  const ties = orgsOf(em.current, em.focal);
  const full = ties.filter((o) => FULL_MEMBERSHIP.includes(matrixStatus(em.current, em.focal, o)!));
  const tieList = listPhrase(ties.map((o) => `${o} (${statusPhrase(matrixStatus(em.current, em.focal, o)!)})`));
  const none = noTieReason(em);
  const body = sentences([
    none !== undefined
      ? md`${none} Its row in the maps is empty, and the network and the balance index below have nothing to measure for it.`
      : md`On ${formatDate(em.asOf)}, ${em.name} holds a standing tie with **${countText(ties.length, "organisation")}** of the ${formatNumber(em.orgs.length)} in the maps, ${fullText(full.length, ties.length)}: ${tieList}.${transportNote(em)}`,
    md`It is compared below with ${otherStates(em)}: ${listPhrase(em.others.map((s) => stateName(em.pkg, s)))}.`,
    !PANEL_STATES.includes(em.focal) &&
      md`(${em.name} is not one of the twelve states of the comparison and is added to them.)`,
    membershipCoverageSentence(em.pkg, em.focal),
  ]);
  return md`## ${em.name} in the organisations of Eurasia\n\n${body}`;
}

/**
 * The heading of the snapshot section, with as many snapshots as are shown, and which fixed dates fall after the
 * as-of date.
 * @example snapshotsHeading(embeddedness(pkg, "AZE", "2016-12-31")).source // => "## 1 · Who belongs where: two snapshots\n\nTwo maps: 1 January 2015 and 31 December 2016; the map of 1 January 2020 would fall after the as-of date."
 * @category Embeddedness (03)
 */
export function snapshotsHeading(em: Embeddedness): Markdown {
  const n = em.dates.length;
  const missing = SNAPSHOT_DATES.filter((d) => d > em.asOf);
  const shown = md`${capitalize(countText(n, "map"))}: ${listPhrase(em.dates.map(formatDate))}`;
  const why =
    missing.length === 0
      ? md`${shown}.`
      : md`${shown}; the ${missing.length === 1 ? "map" : "maps"} of ${listPhrase(missing.map(formatDate))} would fall after the as-of date.`;
  return md`## 1 · Who belongs where: ${countText(n, "snapshot")}\n\n${why}`;
}

/**
 * One map of the snapshot section: its id, input, title and caption.
 * @category Embeddedness (03)
 */
export interface Snapshot {
  readonly id: string;
  readonly date: string;
  readonly input: MembershipMatrixInput;
  readonly title: string;
  readonly subtitle: string;
  readonly caption: string;
}

/**
 * The maps of the snapshot section: every status (applicants, former and suspended members included) of the panel
 * in the {@link Embeddedness.columns}, on each snapshot date; the last one, on the as-of date, is `memberships-as-of`.
 * @example snapshots(embeddedness(pkg, "AZE", "2026-03-10")).map((s) => s.id) // => ["memberships-2015", "memberships-2020", "memberships-as-of"]
 * @category Embeddedness (03)
 */
export function snapshots(em: Embeddedness): Snapshot[] {
  return em.dates.map((date, i) => {
    const m = membershipMatrix(em.index, date, { states: em.panel, statuses: MEMBERSHIP_STATUSES });
    const cells: MembershipCell[] = em.panel.flatMap((s) =>
      em.columns.map((o) => {
        const status = matrixStatus(m, s, o) ?? null;
        const since = status ? statusAt(em.index, s, o, date).since : undefined;
        return { row: s, col: o, status, ...(since ? { since } : {}), sources: matrixCellSources(m, s, o) };
      }),
    );
    const last = i === em.dates.length - 1;
    return {
      id: last ? "memberships-as-of" : `memberships-${date.slice(0, 4)}`,
      date,
      input: {
        asOf: date,
        rows: em.panel.map((s) => ({ id: s, label: stateLabel(em, s) })),
        cols: em.columns.map((o) => ({ id: o })),
        cells,
        sources: mergeSources(...cells.map((c) => c.sources ?? [])),
        // with coverage: a blank is "not a member" only where a source shows it; otherwise "unknown"
        ...coverageCells(em, date),
      },
      title: `${em.name} and ${otherStates(em)}: memberships on ${formatDate(date)}`,
      subtitle: `Status as of ${date}; ${em.name} in the first row`,
      caption: `Status of ${em.name} and ${otherStates(em)} in ${countText(em.columns.length, "organisation")} on ${formatDate(date)}.`,
    };
  });
}

/**
 * The cells of a snapshot without a status, read with the coverage rows (lib/indicators/memberships `cellOn`):
 * sourced absences and unknown cells (known gaps and cells nobody researched).
 */
function coverageCells(em: Embeddedness, date: string): Required<Pick<MembershipMatrixInput, "absent" | "gaps">> {
  const lookup = coverageLookup(em.pkg.membershipCoverage);
  const read = em.panel.flatMap((s) => em.columns.map((o) => cellOn(em.index, lookup, s, o, date)));
  return {
    absent: read
      .filter((c) => c.kind === "absent")
      .map((c) => ({ row: c.state, col: c.org, note: c.why, sources: c.sources })),
    gaps: read
      .filter((c) => c.kind === "unknown")
      .map((c) => ({ row: c.state, col: c.org, ...(c.gap !== undefined ? { gap: c.gap } : {}), note: c.why })),
  };
}

/**
 * What changed for a state between two matrices, in the given organisations: "joined SCO as a dialogue partner",
 * "left CSTO (was a member)", "moved in SCO from dialogue partner to partner".
 * @example statusChanges(embeddedness(pkg, "AZE", "2026-03-10").matrices[1], embeddedness(pkg, "AZE", "2026-03-10").current, "AZE", ["SCO"]) // => ["moved in SCO from dialogue partner to partner"]
 * @category Embeddedness (03)
 */
export function statusChanges(
  from: MembershipMatrix,
  to: MembershipMatrix,
  state: string,
  orgs: readonly string[],
): string[] {
  return orgs.flatMap((o) => {
    const a = matrixStatus(from, state, o);
    const b = matrixStatus(to, state, o);
    if (a === b) return [];
    if (!a) return [`joined ${o} as ${statusWithArticle(b!)}`];
    if (!b) return [`left ${o} (was ${statusWithArticle(a)})`];
    return [`moved in ${o} from ${statusPhrase(a)} to ${statusPhrase(b)}`];
  });
}

/**
 * What changed for the focal state between the snapshots, how its number of standing ties moved, and which other
 * states changed a status; with one snapshot, that there is nothing to compare.
 * @example changesParagraph(embeddedness(pkg, "AZE", "2012-12-31")).source.includes("was 10 in December 2012") // => true
 * @category Embeddedness (03)
 */
export function changesParagraph(em: Embeddedness): Markdown {
  const { matrices, dates } = em;
  const count = (i: number) => ({ value: orgsOf(matrices[i]!, em.focal).length, at: monthYear(dates[i]!) });
  const last = dates.length - 1;
  const middle = last === 2 ? ` (${formatNumber(count(1).value)} in ${count(1).at})` : "";
  const countSentence = `The number of its standing ties ${changePhrase(count(0), count(last))}${middle}.`;
  if (last === 0)
    return md`**${em.name} on ${formatDate(em.asOf)}.** Only one snapshot falls by the as-of date, so the maps show no change; section 2 shows how its statuses arose. ${countSentence}`;
  const steps = dates.slice(1).map((to, i) => {
    const list = statusChanges(matrices[i]!, matrices[i + 1]!, em.focal, em.columns);
    return `Between ${formatDate(dates[i]!)} and ${formatDate(to)} it ${list.length === 0 ? "changed no status" : listPhrase(list)}.`;
  });
  const changed = em.others.filter((s) => statusChanges(matrices[0]!, em.current, s, em.columns).length > 0);
  const span = `between ${formatDate(dates[0]!)} and ${formatDate(em.asOf)}`;
  const othersSentence =
    changed.length === 0
      ? `None of ${otherStates(em)} changed a status ${span}.`
      : `Of ${otherStates(em)}, ${countWord(changed.length)} changed at least one status ${span}: ${listPhrase(changed.map((s) => stateName(em.pkg, s)))}.`;
  return sentences([md`**What changed for ${em.name}.**`, ...steps, countSentence, othersSentence]);
}

/**
 * The table of every organisation of the maps on the as-of date: the focal state's status and since when, and how
 * many states of the panel are full members or hold any standing tie.
 * @example organisationTable(embeddedness(pkg, "AZE", "2026-03-10")).rows.find((r) => r.org === "SCO")?.status // => "partner"
 * @category Embeddedness (03)
 */
export function organisationTable(em: Embeddedness): TableInput & { readonly title: string } {
  const m = em.current;
  return {
    title: `${em.possessive} organisations on ${formatDate(em.asOf)}`,
    columns: [
      { key: "org", label: "Organisation" },
      { key: "name", label: "Name" },
      { key: "sphere", label: "Sphere" },
      { key: "status", label: `${em.name}: status` },
      { key: "since", label: "Since" },
      { key: "full", label: `Full members among the ${countWord(em.panel.length)}`, unit: "states" },
      { key: "any", label: `Any standing tie among the ${countWord(em.panel.length)}`, unit: "states" },
    ],
    rows: em.columns.map((o) => {
      const at = statusAt(em.index, em.focal, o, em.asOf);
      const standing = at.status !== "none" && ANY_TIE.includes(at.status);
      return {
        org: o,
        name: orgName(em.pkg, o),
        sphere: spherePhrase(em.orgs.find((x) => x.id === o)?.sphere ?? ""),
        status: standing ? statusPhrase(at.status) : "",
        since: standing ? (at.since ?? "") : "",
        full: em.panel.filter((s) => FULL_MEMBERSHIP.includes(matrixStatus(m, s, o)!)).length,
        any: em.panel.filter((s) => matrixStatus(m, s, o) !== undefined).length,
      };
    }),
    sources: mergeSources(...em.columns.map((o) => matrixCellSources(m, em.focal, o))),
  };
}

/** Whether an event is a milestone of the focal state in one of `orgs`: an accession, agreement, or its chairmanship. */
function isMilestone(e: EventRow, focal: string, orgs: readonly string[]): boolean {
  return (
    e.participants.includes(focal as Iso3) &&
    e.orgs.some((o) => orgs.includes(o)) &&
    (e.kind === "accession" || e.kind === "agreement" || (e.kind === "chairmanship" && e.participants[0] === focal))
  );
}

/**
 * The focal state's path: its membership rows to the as-of date and its catalogued milestones.
 * @category Embeddedness (03)
 */
export interface FocalPath {
  readonly input: TimelineInput;
  /** Organisations in joining order. */
  readonly lanes: readonly string[];
  readonly fromYear: number | undefined;
  readonly title: string;
  readonly subtitle: string;
  /** The sentence shown instead of an empty chart. */
  readonly noData: string;
}

/**
 * The timeline of the focal state's statuses (open bars run to the as-of date) with its milestones as diamonds.
 * @example focalPath(embeddedness(pkg, "AZE", "2016-12-31")).lanes.includes("SCO") // => true
 * @example focalPath(embeddedness(pkg, "KOR", "2005-12-31")).input.spans.length // => 0
 * @category Embeddedness (03)
 */
export function focalPath(em: Embeddedness): FocalPath {
  const rows = em.pkg.memberships.filter((r) => r.state === em.focal && startOf(r.since) <= em.asOf);
  const sorted = [...rows].sort(
    (a, b) => startOf(a.since).localeCompare(startOf(b.since)) || a.org.localeCompare(b.org),
  );
  const lanes: string[] = [...new Set(sorted.map((r) => r.org))];
  const events: TimelineEvent[] = em.pkg.events
    .filter((e) => isMilestone(e, em.focal, lanes) && startOf(e.date) <= em.asOf)
    .map((e) => ({
      date: e.date,
      label: `${e.kind === "chairmanship" ? "chair" : e.kind}, ${e.date.slice(0, 4)}`,
      lane: e.orgs.find((o) => lanes.includes(o))!,
      kind: e.kind,
      sources: rowSources(e),
      row: `events:${e.id}`,
    }));
  const years = rows.map((r) => Number(r.since.slice(0, 4)));
  return {
    input: {
      spans: sorted.map((r) => ({
        lane: r.org,
        start: r.since,
        end: r.until && startOf(r.until) <= em.asOf ? r.until : null,
        status: r.status,
        sources: rowSources(r),
        row: `memberships:${r.state}|${r.org}|${r.since}`,
      })),
      events,
      asOf: em.asOf,
      sources: [],
    },
    lanes,
    fromYear: years.length > 0 ? minOf(years) : undefined,
    title: `${em.possessive} path through Eurasia's organisations, to ${formatDate(em.asOf)}`,
    subtitle: pathSubtitle(lanes.length, events.length, em.name),
    noData: `No membership of ${em.name} begins by ${formatDate(em.asOf)}, so there is no path to draw.`,
  };
}

/**
 * The subtitle of the focal state's path: the organisations and, only when milestones are drawn, what the diamonds
 * mark.
 * @example pathSubtitle(3, 2, "Azerbaijan") // => "Three organisations; diamonds: accessions, agreements and chairmanships of Azerbaijan"
 * @example pathSubtitle(1, 0, "Azerbaijan") // => "One organisation"
 * @category Embeddedness (03)
 */
export function pathSubtitle(lanes: number, milestones: number, name: string): string {
  const orgs = capitalize(countText(lanes, "organisation"));
  return milestones > 0 ? `${orgs}; diamonds: accessions, agreements and chairmanships of ${name}` : orgs;
}

/** "dialogue partner from 10 July 2015; partner from 1 September 2025", or why there is none. */
function platformPath(em: Embeddedness, org: string): string {
  const entries = accessionTimeline(em.pkg.memberships, { state: em.focal, org }).filter(
    (e) => startOf(e.date) <= em.asOf,
  );
  if (entries.length > 0)
    return entries
      .map((e) =>
        e.change === "left" ? `left on ${formatDate(e.date)}` : `${statusPhrase(e.status)} from ${formatDate(e.date)}`,
      )
      .join("; ");
  const founded = em.pkg.organizations.find((o) => o.id === org)?.founded;
  if (founded !== undefined && startOf(founded) > em.asOf) return `not founded until ${formatDate(founded)}`;
  return `no status recorded by ${formatDate(em.asOf)}`;
}

/**
 * Gaps of the membership data that name the focal state (by name or code).
 * @example focalGaps(embeddedness(pkg, "AZE", "2026-03-10")).length > 0 // => true
 * @category Embeddedness (03)
 */
export function focalGaps(em: Embeddedness): EmbeddednessPackage["gaps"] {
  const code = new RegExp(`\\b${em.focal}\\b`);
  return em.pkg.gaps.filter(
    (g) =>
      g.resource === "memberships" &&
      (g.description.includes(em.name) || code.test(g.description) || (g.note ?? "").includes(em.name)),
  );
}

/**
 * The focal state's path through the article's three platforms, its chairmanships, other milestones, summits and
 * the documented gaps that name it; each part says "none" in words when the catalogue holds nothing.
 * @example platformsParagraph(embeddedness(pkg, "AZE", "2005-12-31")).source.includes("not founded until 3 October 2009") // => true
 * @category Embeddedness (03)
 */
export function platformsParagraph(em: Embeddedness): Markdown {
  const { events } = em.pkg;
  const lanes = focalPath(em).lanes;
  const until = (e: EventRow) => startOf(e.date) <= em.asOf;
  const chairs = events
    .filter((e) => e.kind === "chairmanship" && e.participants[0] === em.focal && until(e))
    .sort((a, b) => a.date.localeCompare(b.date));
  const milestones = events.filter((e) => isMilestone(e, em.focal, lanes) && until(e) && e.kind !== "chairmanship");
  const later = events.filter((e) => isMilestone(e, em.focal, lanes) && !until(e));
  const summits = eventCounts(events.filter(until), "org", { participant: em.focal, kind: "summit", org: lanes });
  const gaps = focalGaps(em);
  const unknownCells = em.pkg.membershipCoverage.filter((r) => r.state === em.focal && r.kind === "gap");
  const titled = (e: EventRow) => `${e.title} (${formatDate(e.date)})`;
  return sentences(
    [
      md`**${em.possessive} path through the three platforms of the article.**`,
      mdJoin(
        ARTICLE_PLATFORMS.map((o) => md`- **${o}** (${orgName(em.pkg, o)}): ${platformPath(em, o)}.`),
        "\n",
      ),
      md`**Chairmanships of ${em.name} in the event catalogue, to ${formatDate(em.asOf)}:** ${chairs.length === 0 ? "none catalogued." : `${chairs.map((e) => titled(e)).join("; ")}.`}`,
      sentences([
        md`**Other catalogued milestones in its organisations, to ${formatDate(em.asOf)}:**`,
        milestones.length === 0
          ? `none. The event catalogue was built around Azerbaijan's diplomacy, so a missing milestone of ${em.name} is a gap in the catalogue, not evidence that nothing happened.`
          : `${milestones.map((e) => titled(e)).join("; ")}.`,
        later.length > 0 &&
          `After ${formatDate(em.asOf)} (dated later, shown for context only): ${later.map((e) => titled(e)).join("; ")}.`,
      ]),
      md`**Catalogued summits with ${em.name} taking part, to ${formatDate(em.asOf)}:** ${listPhrase(summits.map((c) => `${countText(c.count, "summit")} of the ${c.key}`))}.`,
      md`**Gaps in the membership data that name ${em.name}:** ${gaps.length === 0 ? "none listed in gaps.csv." : gaps.map((g) => g.description).join(" — ")}`,
      unknownCells.length > 0 &&
        md`**Organisations where ${em.possessive} status is declared unknown** (membership_coverage.csv; n/d in the maps): ${listPhrase(unknownCells.map((r) => `${r.org} (${r.note || r.searched})`))}.`,
    ],
    "\n\n",
  );
}

/**
 * The two membership networks on the as-of date and their centralities.
 * @category Embeddedness (03)
 */
export interface OverlapNetworks {
  /** Centrality in the state–organisation network (states and organisations). */
  readonly bipartite: readonly CentralityRow[];
  /** The state–state network, keeping edges with a Jaccard of at least {@link JACCARD_MIN}. */
  readonly close: MembershipGraph;
  readonly closeCentrality: readonly CentralityRow[];
  /** Every pair of the focal state with another, closest first. */
  readonly pairs: readonly OverlapPair[];
}

/**
 * The state–organisation and state–state networks of the panel on the as-of date (lib/indicators/memberships).
 * @example overlapNetworks(embeddedness(pkg, "AZE", "2026-03-10")).pairs[0]?.b // => "TUR"
 * @category Embeddedness (03)
 */
export function overlapNetworks(em: Embeddedness): OverlapNetworks {
  const bip = stateOrgNetwork(membershipMatrix(em.index, em.asOf, { states: em.panel, orgs: em.columns }));
  const close = stateStateNetwork(em.current).copy() as MembershipGraph;
  for (const e of close.filterEdges((_e, a) => (a.jaccard ?? 0) < JACCARD_MIN)) close.dropEdge(e);
  return {
    bipartite: networkCentrality(bip),
    close,
    closeCentrality: networkCentrality(close),
    pairs: overlapPairs(em.current, { focus: em.focal }),
  };
}

/**
 * The overlap network as a figure input: the panel's states, sized by their standing ties, joined when they
 * overlap by at least {@link JACCARD_MIN}.
 * @example overlapNetworkInput(embeddedness(pkg, "AZE", "2026-03-10"), overlapNetworks(embeddedness(pkg, "AZE", "2026-03-10"))).nodes[0]?.label // => "Azerbaijan ★"
 * @category Embeddedness (03)
 */
export function overlapNetworkInput(em: Embeddedness, net: OverlapNetworks): OverlapNetworkInput {
  return {
    nodes: em.panel.map((s) => ({
      id: s,
      label: s === em.focal ? `${stateName(em.pkg, s)} ★` : stateName(em.pkg, s),
      kind: "state" as const,
      size: Math.max(1, orgsOf(em.current, s).length),
      value: `tied to ${countText(orgsOf(em.current, s).length, "organisation")}`,
      period: `as of ${em.asOf}`,
      sources: mergeSources(...orgsOf(em.current, s).map((o) => matrixCellSources(em.current, s, o))),
    })),
    edges: net.close.mapEdges((_e, a, source, target) => ({
      source,
      target,
      weight: Math.round((a.jaccard ?? 0) * 100) / 100,
      sources: a.sources,
    })),
    weightName: "Jaccard overlap of memberships",
    weightUnit: "index, 0–1",
    sources: net.close.mapEdges((_e, a) => a.sources).flat(),
  };
}

/**
 * The subtitle of the overlap network: the edge rule (or that no pair meets it), node size, and the star only when
 * the focal state is drawn.
 * @example networkSubtitle({ nodes: [{ id: "AZE", label: "Azerbaijan ★" }], edges: [] }, "Azerbaijan") // => "No two states' memberships overlap by at least half (Jaccard ≥ 0.5); node size: organisations tied to; ★ Azerbaijan"
 * @category Embeddedness (03)
 */
export function networkSubtitle(input: Pick<OverlapNetworkInput, "nodes" | "edges">, name: string): string {
  const rule = `overlap by at least half (Jaccard ≥ ${JACCARD_MIN})`;
  return [
    input.edges.length > 0 ? `Edges: memberships ${rule}` : `No two states' memberships ${rule}`,
    "node size: organisations tied to",
    ...(input.nodes.some((n) => (n.label ?? "").endsWith("★")) ? [`★ ${name}`] : []),
  ].join("; ");
}

/**
 * Makes the white discs the network builder draws at the middle of unlabelled edges transparent (their hover text
 * stays), so that the lines read as lines.
 * @example quietEdgeMarkers({ data: [{ mode: "markers", marker: { color: "rgba(255,255,255,0.85)" } }], layout: {} }).data[0]?.marker // => { color: "rgba(255,255,255,0.85)", opacity: 0 }
 * @category Embeddedness (03)
 */
export function quietEdgeMarkers<F extends PlotlyFigure>(figure: F): F {
  return {
    ...figure,
    data: figure.data.map((t) =>
      t.mode === "markers" && (t.marker as { color?: unknown } | undefined)?.color === "rgba(255,255,255,0.85)"
        ? { ...t, marker: { ...(t.marker as object), opacity: 0 } }
        : t,
    ),
  };
}

/** A state's row of the state–organisation centralities. */
function bipRow(net: OverlapNetworks, s: string): CentralityRow | undefined {
  return net.bipartite.find((r) => r.node === stateNode(s));
}

/**
 * Degree and betweenness of every state of the panel in both networks, by betweenness in the state–organisation
 * network.
 * @example centralityTable(embeddedness(pkg, "AZE", "2026-03-10"), overlapNetworks(embeddedness(pkg, "AZE", "2026-03-10"))).rows[0]?.state // => "Azerbaijan (focal)"
 * @category Embeddedness (03)
 */
export function centralityTable(em: Embeddedness, net: OverlapNetworks): TableInput & { readonly title: string } {
  const round = (v: number | undefined) => Math.round((v ?? 0) * 1000) / 1000;
  return {
    title: `Network centrality of ${em.name} and ${otherStates(em)}, ${formatDate(em.asOf)}`,
    columns: [
      { key: "state", label: "State" },
      { key: "orgs", label: "Degree in state–organisation network", unit: "organisations" },
      { key: "btwBip", label: "Betweenness, state–organisation network" },
      { key: "close", label: `Degree in overlap network (Jaccard ≥ ${JACCARD_MIN})`, unit: "states" },
      { key: "btwSs", label: "Betweenness, overlap network" },
    ],
    rows: em.panel
      .map((s) => {
        const b = bipRow(net, s);
        const c = net.closeCentrality.find((r) => r.node === s);
        return {
          state: stateLabel(em, s),
          orgs: b?.degree ?? 0,
          btwBip: round(b?.betweenness),
          close: c?.degree ?? 0,
          btwSs: round(c?.betweenness),
        };
      })
      .sort((a, b) => b.btwBip - a.btwBip || b.orgs - a.orgs || a.state.localeCompare(b.state)),
    sources: mergeSources(...net.bipartite.map((r) => r.sources)),
  };
}

/** A pair's Jaccard index, two digits. */
function jac(p: OverlapPair): string {
  return formatNumber(p.jaccard ?? 0, 2);
}

/**
 * Reading the networks: the focal state's degree and betweenness with their ranks among the panel, the most
 * central organisation, its close partners, its closest and most distant states; an isolated state is said to be one.
 * @example networkParagraph(embeddedness(pkg, "AZE", "2026-03-10"), overlapNetworks(embeddedness(pkg, "AZE", "2026-03-10"))).source.includes("Its closest match overall is Türkiye") // => true
 * @category Embeddedness (03)
 */
export function networkParagraph(em: Embeddedness, net: OverlapNetworks): Markdown {
  const rank = (value: (s: string) => number | undefined): string =>
    rankText(rankOf(em.panel, em.focal, (s) => s, value));
  const fb = bipRow(net, em.focal);
  const topOrg = net.bipartite.find((r) => r.kind === "org" && r.degree > 0);
  const topSentence =
    topOrg !== undefined &&
    `The most central organisation is the ${topOrg.id} (betweenness ${formatNumber(topOrg.betweenness, 3)}, ${countText(topOrg.degree, "member")} among the ${countWord(em.panel.length)}).`;
  if (fb === undefined || fb.degree === 0)
    return sentences([
      md`**Reading the network.** ${em.name} holds no standing tie on ${formatDate(em.asOf)}: it is an isolated node in both networks, with no degree and no betweenness, and shares no organisation with ${otherStates(em)}.`,
      topSentence || undefined,
    ]);
  const close = net.pairs.filter((p) => (p.jaccard ?? 0) >= JACCARD_MIN);
  const shared = net.pairs.filter((p) => p.shared.length > 0);
  const first = shared[0];
  const last = shared[shared.length - 1];
  const ssBetweenness = (s: string) => net.closeCentrality.find((r) => r.node === s)?.betweenness;
  return sentences([
    md`**Reading the network.** ${em.name} is tied to ${countText(fb.degree, "organisation")} (${rank((s) => bipRow(net, s)?.degree)}) and its betweenness in the state–organisation network is ${formatNumber(fb.betweenness, 3)} (${rank((s) => bipRow(net, s)?.betweenness)}).`,
    topSentence || undefined,
    close.length === 0
      ? md`In the overlap network its memberships overlap by at least half (Jaccard ≥ ${JACCARD_MIN}) with no other state, so it has no close partner there.`
      : md`In the overlap network its memberships overlap by at least half (Jaccard ≥ ${JACCARD_MIN}) with ${countText(close.length, "state")}: ${listPhrase(close.map((p) => `${stateName(em.pkg, p.b)} (${jac(p)})`))}; its betweenness there ranks ${rank(ssBetweenness)}.`,
    first === undefined
      ? md`It shares no organisation with any of ${otherStates(em)}.`
      : md`Its closest match overall is ${stateName(em.pkg, first.b)}, with ${countText(first.shared.length, "shared organisation")} (${listPhrase(first.shared)})${last !== undefined && last !== first ? md`, and its most distant ${stateName(em.pkg, last.b)} (Jaccard ${jac(last)})` : ""}.`,
    shared.length < net.pairs.length &&
      md`It shares no organisation at all with ${listPhrase(net.pairs.filter((p) => p.shared.length === 0).map((p) => stateName(em.pkg, p.b)))}.`,
  ]);
}

/**
 * The overlap of the focal state's memberships with each other state; no rows when it holds no standing tie.
 * @example pairTable(embeddedness(pkg, "AZE", "2026-03-10"), overlapNetworks(embeddedness(pkg, "AZE", "2026-03-10"))).rows[0] // => { state: "Türkiye", shared: 9, jaccard: 0.69, orgs: "BSEC, CICA, COE, ECO, GUAM, OIC, OSCE, OTS, SCO" }
 * @category Embeddedness (03)
 */
export function pairTable(em: Embeddedness, net: OverlapNetworks): TableInput & { readonly title: string } {
  const rows = orgsOf(em.current, em.focal).length === 0 ? [] : net.pairs;
  return {
    title: `Overlap of ${em.possessive} memberships with ${otherStates(em)}, ${formatDate(em.asOf)}`,
    columns: [
      { key: "state", label: "State" },
      { key: "shared", label: `Organisations shared with ${em.name}`, unit: "count" },
      { key: "jaccard", label: "Jaccard overlap" },
      { key: "orgs", label: "Shared organisations" },
    ],
    rows: rows.map((p) => ({
      state: stateName(em.pkg, p.b),
      shared: p.shared.length,
      jaccard: p.jaccard === undefined ? null : Math.round(p.jaccard * 100) / 100,
      orgs: p.shared.join(", "),
    })),
    sources: mergeSources(...rows.map((p) => p.sources)),
  };
}

/**
 * The balance index of every state of the panel on the as-of date, under a scenario (focal state first).
 * @example panelBalances(embeddedness(pkg, "AZE", "2026-03-10"), "default")[0]?.index // => 0.919…
 * @category Embeddedness (03)
 */
export function panelBalances(em: Embeddedness, scenario: BalanceScenario): Balance[] {
  return em.panel.map((s) => multiVectorBalance(em.index, em.orgs, s, em.asOf, balanceOptions(scenario)));
}

/** The rank of the focal state's index among balances. */
function balanceRank(em: Embeddedness, bs: readonly Balance[], state: string = em.focal): RankResult | undefined {
  return rankOf(
    bs,
    state,
    (b) => b.state,
    (b) => b.index,
  );
}

/**
 * The balance index of the panel as bars, highest first (a state without a weighted tie is "n/a").
 * @example balanceBarsInput(embeddedness(pkg, "AZE", "2026-03-10"), panelBalances(embeddedness(pkg, "AZE", "2026-03-10"), "default")).bars[0]?.label // => "Azerbaijan (focal)"
 * @category Embeddedness (03)
 */
export function balanceBarsInput(em: Embeddedness, bs: readonly Balance[]): ComparisonInput {
  return {
    quantity: "Multi-vector balance index",
    unit: "index",
    bars: [...bs]
      .sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.state.localeCompare(b.state))
      .map((b) => ({
        label: stateLabel(em, b.state),
        value: b.index === undefined ? null : Math.round(b.index * 1000) / 1000,
        colorKey: b.state,
        period: `as of ${b.date}`,
        sources: b.sources,
      })),
    sources: [],
  };
}

/**
 * How a state's weighted ties divide among the spheres, in percent, with its index; no bars without a weighted tie.
 * @example sphereBarsInput(panelBalances(embeddedness(pkg, "AZE", "2026-03-10"), "default")[0]!).index?.value // => 0.92
 * @category Embeddedness (03)
 */
export function sphereBarsInput(b: Balance): BalanceInput {
  return {
    quantity: "Share of weighted ties",
    unit: "percent",
    bars: Object.entries(b.shares).map(([key, v]) => ({
      key,
      label: spherePhrase(key),
      value: Math.round(v * 1000) / 10,
      period: `as of ${b.date}`,
      sources: b.sources,
    })),
    ...(b.index === undefined ? {} : { index: { value: Math.round(b.index * 100) / 100, label: "Balance index" } }),
    sources: b.sources,
  };
}

/**
 * The subtitle of the sphere chart: the weighted ties, or that there are none.
 * @example tiesSubtitle({ ties: [] } as unknown as Balance) // => "No weighted ties"
 * @category Embeddedness (03)
 */
export function tiesSubtitle(b: Balance): string {
  return b.ties.length === 0
    ? "No weighted ties"
    : `Weighted ties: ${b.ties.map((t) => `${t.org} ${formatNumber(t.weight, 2)}`).join(", ")}`;
}

/**
 * The median of numbers, `null` for none. @example median([3, 1, 2, 10]) // => 2.5
 * @category Embeddedness (03)
 */
export function median(xs: readonly number[]): number | null {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * The balance index over time: the focal state and the median of the others at each year end.
 * @category Embeddedness (03)
 */
export interface BalanceTrend {
  readonly series: readonly import("../core/types").Series[];
  /** The years shown (2005 to the last full year before the as-of date); empty when none. */
  readonly years: readonly number[];
  readonly title: string;
  readonly subtitle: string;
  readonly caption: string;
}

/**
 * The focal state's index at each year end from 2005 to the last full year by the as-of date, against the median of
 * the other states.
 * @example balanceTrend(embeddedness(pkg, "AZE", "2012-12-31"), "default").years.length // => 8
 * @category Embeddedness (03)
 */
export function balanceTrend(em: Embeddedness, scenario: BalanceScenario, firstYear = 2005): BalanceTrend {
  const lastYear = Number(em.asOf.slice(0, 4)) - (em.asOf.endsWith("-12-31") ? 0 : 1);
  const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
  const opts = balanceOptions(scenario);
  const byYear = (s: string) =>
    years.length === 0 ? [] : balanceByYear(em.index, em.orgs, s, firstYear, lastYear, opts);
  const focal = byYear(em.focal);
  const others = em.others.map(byYear);
  const point = (y: number, v: number | null | undefined, sources: readonly SourceId[]) => ({
    periodStart: `${y}-01-01`,
    periodEnd: `${y}-12-31`,
    label: String(y),
    value: v === undefined || v === null ? null : Math.round(v * 1000) / 1000,
    status: "actual" as const,
    sources,
  });
  const base = { metric: "balance_index", unit: "index", scope: "" };
  const span = years.length === 1 ? `${firstYear}` : `${firstYear}–${lastYear}`;
  return {
    years,
    series: [
      {
        ...base,
        id: em.focal,
        label: em.name,
        points: years.map((y, i) => point(y, focal[i]!.index, focal[i]!.sources)),
      },
      {
        ...base,
        id: "balance:median",
        label: `Median of ${otherStates(em)}`,
        points: years.map((y, i) =>
          point(
            y,
            median(others.map((b) => b[i]!.index).filter((v): v is number => v !== undefined)),
            mergeSources(...others.map((b) => b[i]!.sources)),
          ),
        ),
      },
    ],
    title:
      years.length === 1
        ? `${em.possessive} balance index at the end of ${span}`
        : `${em.possessive} balance index at each year end, ${span}`,
    subtitle: `Against the median of ${otherStates(em)}; scenario: ${scenario}`,
    caption: `${em.possessive} balance index each year end, against the median of ${otherStates(em)}.`,
  };
}

/**
 * One scenario of the sensitivity table.
 * @category Embeddedness (03)
 */
export interface SensitivityRow {
  readonly scenario: BalanceScenario;
  readonly focal: number | undefined;
  readonly rank: RankResult | undefined;
  /** The highest-ranked state, when some state has an index. */
  readonly top: Balance | undefined;
  /** The highest-ranked state other than the focal one (the table's comparison: never the focal state itself). */
  readonly other: Balance | undefined;
  readonly sources: readonly SourceId[];
}

/**
 * The focal state's index and rank under every scenario, and the highest-ranked state.
 * @example sensitivity(embeddedness(pkg, "AZE", "2026-03-10")).map((r) => r.rank?.rank) // => [1, 1, 4, 1]
 * @category Embeddedness (03)
 */
export function sensitivity(em: Embeddedness): SensitivityRow[] {
  return (Object.keys(BALANCE_SCENARIOS) as BalanceScenario[]).map((scenario) => {
    const bs = panelBalances(em, scenario);
    const ranked = [...bs]
      .filter((b) => b.index !== undefined)
      .sort((a, b) => b.index! - a.index! || a.state.localeCompare(b.state));
    return {
      scenario,
      focal: bs[0]!.index,
      rank: balanceRank(em, bs),
      top: ranked[0],
      other: ranked.find((b) => b.state !== em.focal),
      sources: mergeSources(...bs.map((b) => b.sources)),
    };
  });
}

/**
 * The sensitivity table: one row per scenario.
 * @example sensitivityTable(embeddedness(pkg, "AZE", "2026-03-10"), sensitivity(embeddedness(pkg, "AZE", "2026-03-10"))).rows[0]?.rank // => "1st of 12"
 * @category Embeddedness (03)
 */
export function sensitivityTable(
  em: Embeddedness,
  rows: readonly SensitivityRow[],
): TableInput & { readonly title: string } {
  return {
    title: `Sensitivity of ${em.possessive} balance index to the index's choices`,
    columns: [
      { key: "scenario", label: "Scenario" },
      { key: "what", label: "What changes" },
      { key: "index", label: `${em.name}: index` },
      { key: "rank", label: `${em.name}: rank among ${countWord(em.panel.length)}` },
      { key: "top", label: "Highest-ranked other state" },
    ],
    rows: rows.map((s) => ({
      scenario: s.scenario,
      what: BALANCE_SCENARIOS[s.scenario],
      index: s.focal === undefined ? null : Math.round(s.focal * 1000) / 1000,
      rank: s.rank === undefined ? "no index" : rankText(s.rank),
      top: s.other === undefined ? "" : `${stateName(em.pkg, s.other.state)} (${s.other.index!.toFixed(3)})`,
    })),
    sources: mergeSources(...rows.map((s) => s.sources)),
  };
}

/** The spheres of the article's eastern turn. */
const ASIAN_SPHERES: readonly string[] = ["turkic", "asian_dialogue", "china_led"];

/** Share of a balance's weight in the Turkic, Asian-dialogue and China-led spheres. */
function asianShare(b: Balance): number {
  return ASIAN_SPHERES.reduce((a, k) => a + (b.shares[k] ?? 0), 0);
}

/** "First", "Second", … */
const ORDINAL_WORDS = ["First", "Second", "Third", "Fourth", "Fifth"];

/**
 * The verdict on the article's "balanced foreign policy" argument from the index: the focal state's rank under the
 * chosen scenario and across all four, how its index and Asian share moved since the first snapshot (when there is
 * one before the as-of date), and the caveats that apply (counted, so the text never promises more than it lists).
 * @example verdictParagraphs(embeddedness(pkg, "AZE", "2012-12-31"), "default", sensitivity(embeddedness(pkg, "AZE", "2012-12-31"))).source.includes("against") // => false
 * @category Embeddedness (03)
 */
export function verdictParagraphs(
  em: Embeddedness,
  scenario: BalanceScenario,
  rows: readonly SensitivityRow[],
): Markdown {
  const opts = balanceOptions(scenario);
  const bs = panelBalances(em, scenario);
  const b = bs[0]!;
  const rBal = balanceRank(em, bs);
  const azeRank = balanceRank(em, bs, "AZE");
  const intro =
    em.focal === "AZE"
      ? md`The article argues, in *Expanding strategic influence through the SCO and CICA* and in its conclusion, that Azerbaijan's engagement with the SCO, CICA and OTS is part of a balanced policy open to East and West.`
      : md`The article makes its "balanced foreign policy" argument for Azerbaijan (which ranks ${rankText(azeRank)} here on the chosen scenario); this section asks the same question of ${em.name}.`;
  const gaps = em.pkg.gaps.filter(
    (g) => g.resource === "memberships" && em.panel.some((s) => g.description.includes(stateName(em.pkg, s))),
  );
  const gapCaveat =
    gaps.length === 0
      ? md`no documented gap in the membership data names a state of this panel, but a missing status would count as no tie.`
      : md`the data have holes: ${countText(gaps.length, "documented gap")} in the membership data ${gaps.length === 1 ? "names" : "name"} states of this panel (${mdList(gaps.map((g) => mdCode(g.id)))}); a missing status counts as no tie, which lowers those states' indices and flatters anyone whose statuses are fully documented.`;
  if (b.index === undefined) {
    const why =
      b.total === 0
        ? `${em.name} holds no weighted tie on ${formatDate(em.asOf)}, so the index has no value for it`
        : `${em.possessive} ties lie in one sphere only, where evenness among the spheres present cannot be measured, so the index has no value for it on this scenario`;
    return sentences([
      intro,
      md`${why} and cannot speak to the argument for ${em.name}. A caveat for every reading:`,
      gapCaveat,
    ]);
  }
  const chosen = `${em.name} ranks ${rankText(rBal)} on the chosen scenario`;
  const ranks = rows.map((r) => r.rank?.rank).filter((r): r is number => r !== undefined);
  const unranked = rows.filter((r) => r.rank === undefined).map((r) => r.scenario);
  const outside = rows.filter((r) => r.rank !== undefined && r.rank.rank > 3);
  const noIndex = unranked.length > 0 ? `; it has no index under ${listPhrase(unranked)}` : "";
  const tiesOf = (r: SensitivityRow) =>
    r.top === undefined ? "" : `${stateName(em.pkg, r.top.state)} first, with ${countText(r.top.ties.length, "tie")}`;
  const verdict =
    outside.length === 0 && unranked.length === 0
      ? `supports it, within its limits: ${chosen} and stays in the top three under all four`
      : ranks.some((r) => r <= 3)
        ? `supports it only under some choices: ${chosen}, but its rank runs from ${formatNumber(minOf(ranks))} to ${formatNumber(maxOf(ranks))} across the scenarios that rank it` +
          (outside.length > 0
            ? `; it falls outside the top three under ${listPhrase(outside.map((r) => `${r.scenario} (${tiesOf(r)})`))}`
            : "") +
          noIndex
        : `does not support it: ${chosen} and outside the top three under every scenario that ranks it${noIndex}`;
  const [bigSphere, bigShare] = Object.entries(b.shares).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]!;
  const first = em.dates.length > 1 ? multiVectorBalance(em.index, em.orgs, em.focal, em.dates[0]!, opts) : undefined;
  const at0 = monthYear(em.dates[0]!);
  const atN = monthYear(em.asOf);
  const f3 = (v: number) => formatNumber(v, 3);
  const pct = (v: number) => formatPercent(v * 100);
  const indexSentence =
    first?.index !== undefined
      ? `${em.possessive} index ${changePhrase({ value: first.index, at: at0 }, { value: b.index, at: atN }, { format: f3 })}.`
      : `${em.possessive} index was ${f3(b.index)} in ${atN}${first !== undefined ? ` (it had no value in ${at0}, with no weighted tie)` : ""}.`;
  const asianSentence =
    first !== undefined && first.total > 0
      ? `Its largest sphere is the ${spherePhrase(bigSphere)} one (${pct(bigShare)} of its weighted ties); the share of the Turkic, Asian-dialogue and China-led spheres together ${changePhrase({ value: asianShare(first), at: at0 }, { value: asianShare(b), at: atN }, { format: pct })}.`
      : `Its largest sphere is the ${spherePhrase(bigSphere)} one (${pct(bigShare)} of its weighted ties), and the Turkic, Asian-dialogue and China-led spheres together hold ${pct(asianShare(b))}.`;
  const caveats: Markdown[] = [];
  if (first !== undefined && b.total > 0) {
    const old = b.ties
      .filter((t) => startOf(statusAt(em.index, em.focal, t.org, em.asOf).since ?? em.asOf) < em.dates[0]!)
      .reduce((a, t) => a + t.weight, 0);
    const share = old / b.total;
    const reading =
      share > 0.5
        ? em.focal === "AZE"
          ? "so the index mostly measures a breadth built before the turn to Asia that the article describes, not a new eastern vector"
          : "so the index mostly describes a long-standing pattern rather than a recent choice"
        : "so much of the spread is recent";
    caveats.push(
      md`${pct(share)} of ${em.possessive} weighted ties were already in place on ${formatDate(em.dates[0]!)}, ${reading}.`,
    );
  }
  const china = b.ties.find((t) => t.sphere === "china_led");
  caveats.push(
    md`${
      china === undefined
        ? `${em.name} has no China-led tie at all`
        : china.weight < 1
          ? `its only China-led tie, its SCO status (${statusPhrase(china.status)}), weighs ${formatNumber(china.weight, 2)} against 1 for a full membership, so ${em.focal === "AZE" ? "the SCO engagement the article stresses" : "the SCO"} barely moves the number`
          : `its China-led tie is a full membership`
    }; the index rewards breadth whatever the direction, and says nothing of which sphere a state leans on.`,
  );
  const gapsHere = focalGaps(em);
  const empty = Object.entries(b.weights)
    .filter(([, w]) => w === 0)
    .map(([k]) => {
      const ids = em.orgs.filter((o) => o.sphere === k).map((o) => o.id);
      const gap = gapsHere.some((g) => ids.some((o) => new RegExp(`\\b${o}\\b`).test(g.description)));
      return spherePhrase(k) + (gap ? ` (a documented gap for ${em.name}, not a known absence)` : "");
    });
  caveats.push(
    md`the index counts organisations, not depth: bilateral alliances, troops, trade and votes are outside it, and ${
      empty.length > 0
        ? `${em.possessive} empty spheres (${listPhrase(empty)}) pull it down however close its bilateral ties are`
        : `although every sphere holds some of ${em.possessive} weight, the index cannot tell a token tie from a working one`
    }.`,
  );
  caveats.push(gapCaveat);
  return sentences(
    [
      sentences([intro, md`On formal institutional ties the index **${verdict}**.`, indexSentence, asianSentence]),
      sentences([
        md`${capitalize(countText(caveats.length, "thing"))} complicate the reading.`,
        ...caveats.map((c, i) => md`${ORDINAL_WORDS[i]!}, ${c}`),
      ]),
    ],
    "\n\n",
  );
}
