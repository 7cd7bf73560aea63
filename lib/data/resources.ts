/**
 * The resources of the Caspian Lab data package: their columns, keys and row rules.
 * datapackage.json is generated from these definitions (`npm run data:package`), and a test keeps the two in sync.
 */
import { startOf } from "../core/dates";
import { ID_PATTERNS, iso3, orgId, sourceId, type Iso3, type OrgId, type SourceId } from "../core/types";
import {
  boolean,
  date,
  id,
  idList,
  type IdKind,
  number,
  oneOf,
  optionalDate,
  optionalNumber,
  optionalText,
  text,
} from "./fields";
import { defineResource, type ResourceDef } from "./resource";
import { datePrecisionRules, figureRules, periodRules, unitRules } from "./rules";

export { unitsOfMetric } from "./rules";

/** Identifiers the loader brands as it parses them (see lib/core/types). */
const ISO3: IdKind<Iso3> = { pattern: ID_PATTERNS.Iso3, hint: "an ISO3 code", brand: iso3 };
const ORG: IdKind<OrgId> = { pattern: ID_PATTERNS.OrgId, hint: "an organisation id", brand: orgId };
const SOURCE: IdKind<SourceId> = { pattern: ID_PATTERNS.SourceId, hint: "a source id", brand: sourceId };
const ID = /^[a-z0-9][a-z0-9-]*$/;

const sourcesField = () =>
  idList("sources", "Ids of the rows of sources.csv that back this row, separated by ;", SOURCE, true);
/** What a coverage rule reads of a membership row. */
interface MembershipLike {
  readonly state: string;
  readonly org: string;
  readonly status: string;
  readonly since: string;
  readonly until?: string | undefined;
}
const noteField = () => optionalText("note", "Caveats, conflicts and context, in our own words");

/**
 * Enumerations used by the resources, exported so that lib/ and tests can use the same lists.
 * @category Schema and validation
 */
export const enums = {
  region: [
    "South Caucasus",
    "Central Asia",
    "East Asia",
    "South Asia",
    "West Asia",
    "Southeast Asia",
    "Eastern Europe",
    "Western Europe",
    "Middle East",
    "Other",
  ],
  orgKind: ["security", "economic", "political", "cultural"],
  sphere: [
    "euro_atlantic",
    "russia_led",
    "china_led",
    "turkic",
    "islamic",
    "asian_dialogue",
    "non_aligned",
    "global",
    "black_sea",
    "transport",
  ],
  membershipStatus: [
    "founding_member",
    "member",
    "associate",
    "observer",
    "dialogue_partner",
    "partner",
    "applicant",
    "former",
    "suspended",
  ],
  route: ["titr", "baku_port", "btk", "china_europe_rail", "northern_route"],
  flowScope: [
    "whole_route",
    "caspian_ports",
    "azerbaijan_railways",
    "titr_rail",
    "titr_containers",
    "port_of_baku",
    "btk_railway",
    "btk_cumulative",
    "titr_association",
    "china_railway_express",
    "utlc_era",
    "erai_china_eu",
    "kz_transit_china_europe",
  ],
  flowMetric: ["cargo", "containers", "trains", "cargo_growth", "container_growth"],
  flowUnit: ["t", "TEU", "containers", "trains", "percent"],
  flowStatus: ["actual", "plan", "forecast"],
  asset: ["baku_port", "btk_railway", "titr"],
  capacityMetric: ["cargo_capacity", "container_capacity"],
  capacityUnit: ["t_per_year", "TEU_per_year"],
  capacityStatus: ["actual", "design", "planned", "target"],
  transitScope: [
    "total_transit",
    "rail_transit",
    "ots_transit",
    "traceca_az_section",
    "traceca_az_transit",
    "east_west_transit",
    "turkic_states_cargo",
    "corridors_total",
    "corridors_transit",
  ],
  transitMetric: ["volume", "growth", "share"],
  transitUnit: ["t", "percent"],
  fundStatus: ["proposed", "agreed", "established", "operating"],
  tradeFlow: ["turnover", "export", "import"],
  tradeSide: ["reporter", "mirror", "unclear"],
  precision: ["day", "month", "year"],
  sinceBound: ["exact", "by"],
  coverageKind: ["absent", "gap"],
  eventKind: [
    "summit",
    "ministerial",
    "agreement",
    "accession",
    "chairmanship",
    "infrastructure",
    "exercise",
    "military_education",
    "report",
    "other",
  ],
  topicBasis: ["document", "statement"],
  conflictKind: ["occupation", "un_resolution", "war", "ceasefire", "operation"],
  observationMetric: ["cooperation_areas", "merchant_fleet_vessels", "merchant_fleet_dwt", "investment_usd"],
  observationUnit: ["count", "vessels", "t", "USD"],
  stateAttribute: ["m49_region", "m49_subregion", "official_language", "language_family", "majority_religion"],
  claimTest: ["status_at", "date", "growth", "count", "value", "share", "ties", "balance", "change"],
} as const;

/**
 * sources.csv
 * @category Schema and validation
 */
export const sources = defineResource({
  name: "sources",
  path: "sources.csv",
  title: "Sources",
  description: "Every page a value comes from, with a verbatim quote (at most 30 words) that holds the fact.",
  fields: {
    id: id("id", "Source id, lowercase kebab-case", SOURCE, { hint: "a lowercase kebab-case id" }),
    publisher: text("publisher", "Who published the page (news agency, ministry, organisation)"),
    title: text("title", "Title of the page"),
    url: text("url", "Address of the page", {
      pattern: /^https?:\/\/[^\s"<>`]+$/,
      hint: "an http(s) address without spaces, quotes or angle brackets",
    }),
    published: optionalDate("published", "Date the page was published (ISO, partial allowed; empty for undated pages)"),
    quote: text("quote", "Verbatim quote, at most 30 words, holding the fact"),
    language: text("language", "ISO 639-1 language of the quote", {
      pattern: /^[a-z]{2}$/,
      hint: "a two-letter language code",
    }),
    note: noteField(),
  },
  primaryKey: ["id"],
  rules: [
    {
      field: "quote",
      check: (r) => {
        const words = r.quote.split(/\s+/).filter((w) => w !== "" && w !== "…" && w !== "...").length;
        return words > 30 ? `quote has ${words} words; at most 30 allowed` : undefined;
      },
    },
  ],
});

/**
 * states.csv
 * @category Schema and validation
 */
export const states = defineResource({
  name: "states",
  path: "states.csv",
  title: "States",
  description: "States that appear in the package, with region and Caspian littoral flag.",
  fields: {
    iso3: id("iso3", "ISO 3166-1 alpha-3 code (XNC: Turkish Republic of Northern Cyprus, no ISO code)", ISO3, {
      hint: "three capital letters",
    }),
    name: text("name", "Short English name"),
    region: oneOf("region", "Region used for grouping", enums.region),
    caspian_littoral: boolean("caspian_littoral", "Borders the Caspian Sea"),
    note: noteField(),
  },
  primaryKey: ["iso3"],
});

/**
 * organizations.csv
 * @category Schema and validation
 */
export const organizations = defineResource({
  name: "organizations",
  path: "organizations.csv",
  title: "Organisations",
  description: "International organisations and formats, with the sphere tag used by the multi-vector balance index.",
  fields: {
    id: id("id", "Short id (SCO, CICA, OTS, …)", ORG, { hint: "an id such as SCO" }),
    name: text("name", "Full name"),
    founded: date("founded", "Founding date (ISO, partial allowed)"),
    kind: oneOf("kind", "Main field of activity", enums.orgKind),
    sphere: oneOf("sphere", "Geopolitical sphere the organisation is anchored in (see data/README.md)", enums.sphere),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [{ field: "sources", resource: "sources", key: "id" }],
});

/**
 * memberships.csv
 * @category Schema and validation
 */
export const memberships = defineResource({
  name: "memberships",
  path: "memberships.csv",
  title: "Memberships",
  description: "Status of a state in an organisation over an interval; a change of status is a new row.",
  fields: {
    state: id("state", "ISO3 code of the state", ISO3),
    org: id("org", "Organisation id", ORG),
    status: oneOf("status", "Status of the state in the organisation", enums.membershipStatus),
    since: date(
      "since",
      "Start of the status (ISO, partial allowed); with since_bound=by, a date by which the status held",
    ),
    since_bound: oneOf(
      "since_bound",
      "exact: the status began on `since`; by: it is documented on `since`, its start is unknown",
      enums.sinceBound,
    ),
    until: optionalDate("until", "End of the status (empty: still current)"),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["state", "org", "since"],
  foreignKeys: [
    { field: "state", resource: "states", key: "iso3" },
    { field: "org", resource: "organizations", key: "id" },
    { field: "sources", resource: "sources", key: "id" },
  ],
  rules: [
    {
      field: "until",
      check: (r) => {
        if (!r.until) return undefined;
        return startOf(r.until) < startOf(r.since) ? `until ${r.until} is before since ${r.since}` : undefined;
      },
    },
  ],
});

/**
 * membership_coverage.csv
 * @category Schema and validation
 */
export const membershipCoverage = defineResource({
  name: "membership_coverage",
  path: "membership_coverage.csv",
  title: "Membership coverage",
  description:
    "State × organisation cells without a status row: a sourced absence (a dated list of members and observers " +
    "that omits the state) or a gap (searched, not found). With memberships.csv it makes each cell explicit.",
  fields: {
    state: id("state", "ISO3 code of the state", ISO3),
    org: id("org", "Organisation id", ORG),
    kind: oneOf(
      "kind",
      "absent: a dated source lists the members and observers and omits the state; gap: the status is unknown",
      enums.coverageKind,
    ),
    as_of: optionalDate("as_of", "Date of the list that omits the state (kind absent)"),
    sources: idList("sources", "Ids of the rows of sources.csv holding the list, separated by ; (kind absent)", SOURCE),
    searched: optionalText("searched", "What was searched and where (kind gap)"),
    note: noteField(),
  },
  primaryKey: ["state", "org"],
  foreignKeys: [
    { field: "state", resource: "states", key: "iso3" },
    { field: "org", resource: "organizations", key: "id" },
    { field: "sources", resource: "sources", key: "id" },
  ],
  rules: [
    {
      field: "as_of",
      check: (r) => (r.kind === "absent" && !r.as_of ? "an absence needs the date of its list" : undefined),
    },
    {
      field: "sources",
      check: (r) =>
        r.kind === "absent" && r.sources.length === 0 ? "an absence needs the sources of its list" : undefined,
    },
    {
      field: "searched",
      check: (r) => (r.kind === "gap" && !r.searched ? "a gap needs what was searched" : undefined),
    },
  ],
  packageRules: [
    {
      field: "kind",
      reads: ["memberships"],
      check: (r, rowsOf) => {
        const rows = (rowsOf("memberships") as readonly MembershipLike[]).filter(
          (m) => m.state === r.state && m.org === r.org,
        );
        if (rows.length === 0) return undefined;
        if (r.kind === "gap")
          return `${r.state} has a status row in ${r.org} (memberships.csv): the cell is not a gap (put a missing date in gaps.csv)`;
        const day = r.as_of ? startOf(r.as_of) : "";
        const held = rows.find((m) => startOf(m.since) <= day && (!m.until || day < startOf(m.until)));
        return held
          ? `${r.state} is listed as absent from ${r.org} on ${r.as_of}, but memberships.csv gives it the status ${held.status} from ${held.since}`
          : undefined;
      },
    },
  ],
});

/**
 * corridor_flows.csv
 * @category Schema and validation
 */
export const corridorFlows = defineResource({
  name: "corridor_flows",
  path: "corridor_flows.csv",
  title: "Middle Corridor, Baku port and BTK flows",
  description: "Cargo and container volumes, and published growth rates, each with its scope and publisher.",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    route: oneOf("route", "Route or asset", enums.route),
    scope: oneOf("scope", "What the number measures (publishers' definitions differ)", enums.flowScope),
    period_start: date("period_start", "First day of the period", true),
    period_end: date("period_end", "Last day of the period", true),
    metric: oneOf("metric", "What is measured", enums.flowMetric),
    value: number("value", "Value in `unit` (a growth may be negative)"),
    unit: oneOf("unit", "Unit of value", enums.flowUnit),
    status: oneOf("status", "actual, plan or forecast", enums.flowStatus),
    base_start: optionalDate("base_start", "Start of the comparison period (growth rows)", true),
    base_end: optionalDate("base_end", "End of the comparison period (growth rows)", true),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [{ field: "sources", resource: "sources", key: "id" }],
  rules: figureRules(),
});

/**
 * capacities.csv
 * @category Schema and validation
 */
export const capacities = defineResource({
  name: "capacities",
  path: "capacities.csv",
  title: "Capacities",
  description:
    "Throughput capacity of Baku port, the BTK railway and the whole route: actual, design, planned and target.",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    asset: oneOf("asset", "Asset", enums.asset),
    metric: oneOf("metric", "What is measured", enums.capacityMetric),
    value: number("value", "Capacity in `unit`", { minimum: 0 }),
    unit: oneOf("unit", "Unit of value", enums.capacityUnit),
    as_of: date("as_of", "Date of the statement (ISO, partial allowed)"),
    status: oneOf("status", "actual, design, planned or target", enums.capacityStatus),
    target_year: optionalNumber("target_year", "Year a planned or target capacity is due", {
      integer: true,
      minimum: 1990,
    }),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [{ field: "sources", resource: "sources", key: "id" }],
  rules: unitRules(),
});

/**
 * transit.csv
 * @category Schema and validation
 */
export const transit = defineResource({
  name: "transit",
  path: "transit.csv",
  title: "Transit through Azerbaijan",
  description: "Transit volumes, shares and growth figures, each with its scope.",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    scope: oneOf("scope", "What the number measures", enums.transitScope),
    period_start: date("period_start", "First day of the period", true),
    period_end: date("period_end", "Last day of the period", true),
    metric: oneOf("metric", "volume, growth or share", enums.transitMetric),
    value: number("value", "Value in `unit` (growth may be negative)"),
    unit: oneOf("unit", "Unit of value", enums.transitUnit),
    base_start: optionalDate("base_start", "Start of the comparison period (growth rows)", true),
    base_end: optionalDate("base_end", "End of the comparison period (growth rows)", true),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [{ field: "sources", resource: "sources", key: "id" }],
  rules: figureRules(),
});

/**
 * funds.csv
 * @category Schema and validation
 */
export const funds = defineResource({
  name: "funds",
  path: "funds.csv",
  title: "Investment funds",
  description: "Bilateral and regional investment funds; a change of capital is a new row with its own as_of.",
  fields: {
    id: text("id", "Fund id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    name: text("name", "Name of the fund"),
    partners: idList("partners", "ISO3 codes of the partner states, separated by ;", ISO3, true),
    agreed: optionalDate("agreed", "Date the founding agreement was signed or decided"),
    established: optionalDate("established", "Date the fund or company was set up"),
    as_of: date("as_of", "Date the capital figures of this row describe"),
    pledged_usd: optionalNumber("pledged_usd", "Pledged, authorised or charter capital", { minimum: 0, unit: "USD" }),
    paid_in_usd: optionalNumber("paid_in_usd", "Paid-in capital", { minimum: 0, unit: "USD" }),
    purpose: optionalText("purpose", "What the fund finances"),
    status: oneOf("status", "proposed, agreed, established or operating", enums.fundStatus),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id", "as_of"],
  foreignKeys: [
    { field: "partners", resource: "states", key: "iso3" },
    { field: "sources", resource: "sources", key: "id" },
  ],
});

/**
 * trade.csv
 * @category Schema and validation
 */
export const trade = defineResource({
  name: "trade",
  path: "trade.csv",
  title: "Trade of Azerbaijan with Central Asia",
  description:
    "Trade turnover, exports and imports in USD, from Azerbaijan's statistics (reporter) or the partner's (mirror).",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    reporter: id("reporter", "Focal state (always AZE)", ISO3, { pattern: /^AZE$/, hint: "AZE" }),
    partner: id("partner", "Partner state", ISO3),
    period_start: date("period_start", "First day of the period", true),
    period_end: date("period_end", "Last day of the period", true),
    flow: oneOf("flow", "turnover, export or import, from the reporter's view", enums.tradeFlow),
    value_usd: number("value_usd", "Value in US dollars", { minimum: 0, unit: "USD" }),
    side: oneOf("side", "reporter (Azerbaijan's customs), mirror (partner's statistics) or unclear", enums.tradeSide),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [
    { field: "reporter", resource: "states", key: "iso3" },
    { field: "partner", resource: "states", key: "iso3" },
    { field: "sources", resource: "sources", key: "id" },
  ],
  rules: periodRules(),
});

/**
 * events.csv
 * @category Schema and validation
 */
export const events = defineResource({
  name: "events",
  path: "events.csv",
  title: "Events",
  description: "Summits, agreements, accessions and other cooperation events, 2015–2026.",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    date: date("date", "Date (ISO, partial allowed)"),
    date_precision: oneOf("date_precision", "day, month or year", enums.precision),
    title: text("title", "What happened, in our words"),
    orgs: idList("orgs", "Organisation ids involved, separated by ;", ORG),
    place: optionalText("place", "City or online"),
    participants: idList("participants", "ISO3 codes of participating states, separated by ;", ISO3),
    kind: oneOf("kind", "Kind of event", enums.eventKind),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [
    { field: "orgs", resource: "organizations", key: "id" },
    { field: "participants", resource: "states", key: "iso3" },
    { field: "sources", resource: "sources", key: "id" },
  ],
  rules: datePrecisionRules(),
});

/**
 * conflict.csv
 * @category Schema and validation
 */
export const conflict = defineResource({
  name: "conflict",
  path: "conflict.csv",
  title: "Conflict events",
  description:
    "Dates of the Armenia–Azerbaijan conflict the article names: occupations, UN resolutions, wars, ceasefires and operations. Kept apart from events.csv, which records cooperation.",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    date: date("date", "Date (ISO, partial allowed)"),
    date_precision: oneOf("date_precision", "day, month or year", enums.precision),
    title: text("title", "What happened, in our words"),
    place: optionalText("place", "District, city or body"),
    participants: idList("participants", "ISO3 codes of the states involved, separated by ;", ISO3),
    kind: oneOf("kind", "occupation, un_resolution, war, ceasefire or operation", enums.conflictKind),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [
    { field: "participants", resource: "states", key: "iso3" },
    { field: "sources", resource: "sources", key: "id" },
  ],
  rules: datePrecisionRules(),
});

/**
 * agreement_topics.csv
 * @category Schema and validation
 */
export const agreementTopics = defineResource({
  name: "agreement_topics",
  path: "agreement_topics.csv",
  title: "Fields of cooperation of agreements",
  description: "The fields of cooperation a source names for an agreement of events.csv, one row per field.",
  fields: {
    event: text("event", "Id of the agreement in events.csv", { pattern: ID, hint: "an events.csv id" }),
    topic: text("topic", "Field of cooperation, lowercase snake_case (security, trade, energy, …)", {
      pattern: /^[a-z][a-z_]*$/,
      hint: "a lowercase snake_case word",
    }),
    basis: oneOf(
      "basis",
      "document: the source names the field as the agreement's content; statement: named by a signatory at the signing",
      enums.topicBasis,
    ),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["event", "topic"],
  foreignKeys: [
    { field: "event", resource: "events", key: "id" },
    { field: "sources", resource: "sources", key: "id" },
  ],
});

/**
 * observations.csv
 * @category Schema and validation
 */
export const observations = defineResource({
  name: "observations",
  path: "observations.csv",
  title: "Observations",
  description:
    "Single published figures about a state or an organisation on a date: the OTS's areas of cooperation, Azerbaijan's merchant fleet.",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    subject: text("subject", "ISO3 code of a state or id of an organisation", {
      pattern: /^[A-Z][A-Za-z0-9]*$/,
      hint: "an ISO3 code or an organisation id",
    }),
    metric: oneOf("metric", "What is counted or measured", enums.observationMetric),
    value: number("value", "Value in `unit`", { minimum: 0 }),
    unit: oneOf("unit", "Unit of value", enums.observationUnit),
    scope: text("scope", "What the figure covers (e.g. asco: the fleet of the state shipping company)", {
      pattern: /^[a-z][a-z_]*$/,
      hint: "a lowercase snake_case word",
    }),
    as_of: date("as_of", "Date the figure describes (ISO, partial allowed)"),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [{ field: "sources", resource: "sources", key: "id" }],
  rules: [
    {
      field: "unit",
      check: (r) => {
        const want: Record<string, string> = {
          cooperation_areas: "count",
          merchant_fleet_vessels: "vessels",
          merchant_fleet_dwt: "t",
          investment_usd: "USD",
        };
        return want[r.metric] !== r.unit ? `${r.metric} is stated in ${want[r.metric]}, not ${r.unit}` : undefined;
      },
    },
  ],
});

/**
 * state_attributes.csv
 * @category Schema and validation
 */
export const stateAttributes = defineResource({
  name: "state_attributes",
  path: "state_attributes.csv",
  title: "Attributes of states",
  description:
    "Sourced attributes of states: UN M49 region and sub-region, official language, its family, majority religion. Disagreeing sources are separate rows.",
  fields: {
    state: id("state", "ISO3 code of the state", ISO3),
    attribute: oneOf("attribute", "Which attribute", enums.stateAttribute),
    value: text("value", "The attribute's value as published (Asia, Turkic, Islam, …)"),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["state", "attribute", "value"],
  foreignKeys: [
    { field: "state", resource: "states", key: "iso3" },
    { field: "sources", resource: "sources", key: "id" },
  ],
});

/**
 * trade_totals.csv
 * @category Schema and validation
 */
export const tradeTotals = defineResource({
  name: "trade_totals",
  path: "trade_totals.csv",
  title: "Total foreign trade",
  description: "A state's total foreign trade with the world in USD, as its own statistics publish it.",
  fields: {
    id: text("id", "Row id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    reporter: id("reporter", "The state whose trade this is", ISO3),
    period_start: date("period_start", "First day of the period", true),
    period_end: date("period_end", "Last day of the period", true),
    flow: oneOf("flow", "turnover, export or import, from the reporter's view", enums.tradeFlow),
    value_usd: number("value_usd", "Value in US dollars", { minimum: 0, unit: "USD" }),
    sources: sourcesField(),
    note: noteField(),
  },
  primaryKey: ["id"],
  foreignKeys: [
    { field: "reporter", resource: "states", key: "iso3" },
    { field: "sources", resource: "sources", key: "id" },
  ],
  rules: periodRules(),
});

/**
 * claims.csv
 * @category Schema and validation
 */
export const claims = defineResource({
  name: "claims",
  path: "claims.csv",
  title: "Claims of the article",
  description: "Each quantitative or comparative claim of the article, in our words, with the test that checks it.",
  fields: {
    id: text("id", "Claim id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    section: text("section", "Section of the article the claim comes from"),
    claim: text("claim", "The claim in our own words"),
    indicator: text("indicator", "Indicator the claim is about"),
    test: oneOf("test", "How the claim is checked", enums.claimTest),
    args: text("args", "Arguments of the test, a JSON object", { pattern: /^\{.*\}$/s, hint: "a JSON object" }),
    article_value: optionalText("article_value", "The value or date the article gives"),
    tolerance: optionalNumber("tolerance", "Tolerance in the unit of the article's value", { minimum: 0 }),
    operationalisation: text(
      "operationalisation",
      "In one sentence: what the test measures for this claim, and the threshold of a vague word with its reason",
    ),
    note: noteField(),
  },
  primaryKey: ["id"],
  rules: [
    {
      field: "args",
      check: (r) => {
        try {
          const v: unknown = JSON.parse(r.args);
          return typeof v === "object" && v !== null && !Array.isArray(v) ? undefined : "expected a JSON object";
        } catch (e) {
          return `is not valid JSON (${(e as Error).message})`;
        }
      },
    },
  ],
});

/**
 * gaps.csv
 * @category Schema and validation
 */
export const gaps = defineResource({
  name: "gaps",
  path: "gaps.csv",
  title: "Known gaps",
  description: "Figures searched for and not found, or not confirmed; kept so that nobody fills them with a guess.",
  fields: {
    id: text("id", "Gap id", { pattern: ID, hint: "a lowercase kebab-case id" }),
    resource: text("resource", "Resource the missing figure belongs to"),
    description: text("description", "What is missing"),
    searched: optionalText("searched", "Where and how it was searched"),
    note: noteField(),
  },
  primaryKey: ["id"],
});

/**
 * All resources of the package, in the order of datapackage.json.
 * @category Schema and validation
 */
export const allResources = [
  sources,
  states,
  organizations,
  memberships,
  membershipCoverage,
  corridorFlows,
  capacities,
  transit,
  funds,
  trade,
  tradeTotals,
  events,
  conflict,
  agreementTopics,
  observations,
  stateAttributes,
  claims,
  gaps,
] as const;

/**
 * Record type of a resource definition.
 * @category Schema and validation
 */
export type RecordOf<D> = D extends ResourceDef<infer R> ? R : never;
export type SourceRow = RecordOf<typeof sources>;
export type StateRow = RecordOf<typeof states>;
export type OrganizationRow = RecordOf<typeof organizations>;
export type MembershipRow = RecordOf<typeof memberships>;
export type MembershipCoverageRow = RecordOf<typeof membershipCoverage>;
export type CorridorFlowRow = RecordOf<typeof corridorFlows>;
export type CapacityRow = RecordOf<typeof capacities>;
export type TransitRow = RecordOf<typeof transit>;
export type FundRow = RecordOf<typeof funds>;
export type TradeRow = RecordOf<typeof trade>;
export type EventRow = RecordOf<typeof events>;
export type ConflictRow = RecordOf<typeof conflict>;
export type AgreementTopicRow = RecordOf<typeof agreementTopics>;
export type ObservationRow = RecordOf<typeof observations>;
export type StateAttributeRow = RecordOf<typeof stateAttributes>;
export type TradeTotalRow = RecordOf<typeof tradeTotals>;
export type ClaimRow = RecordOf<typeof claims>;
export type GapRow = RecordOf<typeof gaps>;
