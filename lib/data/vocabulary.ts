/**
 * The words, colours and letters of the data package's enumerations, one table per enumeration: membership statuses
 * and spheres. Each table is a `Record` over its enumeration in resources.ts, so a value added there is a compile
 * error here until every column is filled; charts (lib/figures) and prose (lib/notebook) read these tables.
 * @module
 */
import type { Iso3 } from "../core/types";
import type { enums } from "./resources";

type MembershipStatusCode = (typeof enums.membershipStatus)[number];
type SphereCode = (typeof enums.sphere)[number];

/**
 * How a membership status is named, drawn and ranked.
 * @category Vocabulary
 */
export interface StatusTerms {
  /** Legend and hover label: "Founding member". */
  readonly label: string;
  /** In a sentence, without an article: "founding member". */
  readonly phrase: string;
  /** Short code written in the cells of a membership matrix: "FM". */
  readonly letter: string;
  /** Fixed colour in every chart (Okabe–Ito where possible). */
  readonly color: string;
  /** Strength, 1 = strongest: the order of legends and keys. */
  readonly rank: number;
}

/**
 * Every membership status of memberships.csv with its label, phrase, letter, colour and rank.
 * @category Vocabulary
 */
export const STATUS_TERMS: Readonly<Record<MembershipStatusCode, StatusTerms>> = {
  founding_member: { label: "Founding member", phrase: "founding member", letter: "FM", color: "#00466E", rank: 1 }, // dark blue
  member: { label: "Member", phrase: "member", letter: "M", color: "#0072B2", rank: 2 }, // Okabe–Ito blue
  associate: { label: "Associate", phrase: "associate member", letter: "A", color: "#56B4E9", rank: 3 }, // sky blue
  observer: { label: "Observer", phrase: "observer", letter: "O", color: "#E69F00", rank: 4 }, // orange
  partner: { label: "Partner", phrase: "partner", letter: "P", color: "#009E73", rank: 5 }, // bluish green
  dialogue_partner: { label: "Dialogue partner", phrase: "dialogue partner", letter: "DP", color: "#F0E442", rank: 6 }, // yellow
  applicant: { label: "Applicant", phrase: "applicant", letter: "Ap", color: "#CC79A7", rank: 7 }, // reddish purple
  suspended: { label: "Suspended", phrase: "suspended member", letter: "S", color: "#D55E00", rank: 8 }, // vermillion
  former: { label: "Former", phrase: "former member", letter: "F", color: "#999999", rank: 9 }, // grey
};

/**
 * The absence of a status (`status: "none"` of a status query, an empty matrix cell).
 * @category Vocabulary
 */
export const NO_STATUS = { code: "none", phrase: "no status", color: "#F0F0F0" } as const;

/**
 * How a sphere of organizations.csv is named and drawn.
 * @category Vocabulary
 */
export interface SphereTerms {
  /** In a sentence or a chart label: "Russia-led". */
  readonly phrase: string;
  /** Fixed colour in every chart: the colour of the sphere's anchor organisation (lib/figures ORG_COLORS). */
  readonly color: string;
}

/**
 * Every sphere of organizations.csv with its phrase and colour.
 * @category Vocabulary
 */
export const SPHERE_TERMS: Readonly<Record<SphereCode, SphereTerms>> = {
  euro_atlantic: { phrase: "Euro-Atlantic", color: "#0072B2" }, // OSCE
  russia_led: { phrase: "Russia-led", color: "#332288" }, // CIS
  china_led: { phrase: "China-led", color: "#D55E00" }, // SCO
  turkic: { phrase: "Turkic", color: "#56B4E9" }, // OTS
  islamic: { phrase: "Islamic", color: "#44AA99" }, // OIC
  asian_dialogue: { phrase: "Asian dialogue", color: "#E69F00" }, // CICA
  non_aligned: { phrase: "Non-Aligned", color: "#009E73" }, // NAM
  global: { phrase: "global", color: "#777777" }, // UN
  black_sea: { phrase: "Black Sea", color: "#88CCEE" }, // BSEC
  transport: { phrase: "transport", color: "#CC79A7" }, // TITR has no fixed colour; the one its hash gave before
};

/**
 * The twelve states the notebooks compare: Azerbaijan, the five Central Asian states, the South Caucasus and the big
 * neighbours. The data check requires every cell of theirs in the membership matrix to be explicit (lib/data/coverage).
 * @example PANEL_STATES.length // => 12
 * @category Vocabulary
 */
export const PANEL_STATES: readonly Iso3[] = [
  "AZE",
  "KAZ",
  "KGZ",
  "TJK",
  "TKM",
  "UZB",
  "GEO",
  "ARM",
  "TUR",
  "RUS",
  "IRN",
  "CHN",
].map((s) => s as Iso3);
