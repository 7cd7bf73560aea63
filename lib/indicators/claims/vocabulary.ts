/**
 * The words and colours of the four verdicts, one table over {@link Verdict}: a new verdict is a compile error here
 * until it has every column. Reports (lib/notebook/verdicts.ts) read this table.
 * @module
 */
import type { enums } from "../../data/resources";
import type { Verdict } from "./types";

/**
 * How a verdict is named and drawn.
 * @category Claims
 */
export interface VerdictTerms {
  /** Label in tables and legends: "Partly supported". */
  readonly label: string;
  /** Colour of its marks (Okabe–Ito, colour-blind safe). */
  readonly color: string;
  /** Light background of a table cell that holds it. */
  readonly background: string;
}

/**
 * The verdicts in reading order: best first.
 * @category Claims
 */
export const VERDICT_ORDER = [
  "supported",
  "partly_supported",
  "not_supported",
  "not_checkable",
] as const satisfies readonly Verdict[];

/**
 * Every verdict with its label, colour and cell background.
 * @category Claims
 */
export const VERDICT_TERMS: Readonly<Record<Verdict, VerdictTerms>> = {
  supported: { label: "Supported", color: "#009E73", background: "#DDF2EA" }, // Okabe–Ito bluish green
  partly_supported: { label: "Partly supported", color: "#E69F00", background: "#FBEFD5" }, // orange
  not_supported: { label: "Not supported", color: "#D55E00", background: "#F8E0D2" }, // vermillion
  not_checkable: { label: "Not checkable", color: "#777777", background: "#EEEEEE" }, // grey
};

/**
 * How a test of claims.csv is named, and what kind of evidence its verdicts rest on.
 * @category Claims
 */
export interface TestKindTerms {
  /** In a table: "Status on a date". */
  readonly label: string;
  /** What the verdict rests on: dates, statuses, counts of catalogued rows, or published figures. */
  readonly restsOn: "dates" | "statuses" | "catalogue counts" | "figures";
}

/**
 * Every test kind of claims.csv with its label and what its verdicts rest on.
 * @category Claims
 */
export const TEST_KIND_TERMS: Readonly<Record<(typeof enums.claimTest)[number], TestKindTerms>> = {
  status_at: { label: "Status on a date", restsOn: "statuses" },
  date: { label: "Date of an event", restsOn: "dates" },
  growth: { label: "Growth over a fixed period", restsOn: "figures" },
  change: { label: "Change in the latest year", restsOn: "figures" },
  count: { label: "Count of catalogued rows", restsOn: "catalogue counts" },
  value: { label: "Published value", restsOn: "figures" },
  share: { label: "Share of a group of states", restsOn: "statuses" },
  ties: { label: "Ties shared with partners", restsOn: "statuses" },
  balance: { label: "Balance index against a group", restsOn: "statuses" },
};
