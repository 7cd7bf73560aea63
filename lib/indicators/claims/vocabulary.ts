/**
 * The words and colours of the four verdicts, one table over {@link Verdict}: a new verdict is a compile error here
 * until it has every column. Reports (lib/notebook/verdicts.ts) read this table.
 * @module
 */
import type { Verdict } from "./types";

/** How a verdict is named and drawn. */
export interface VerdictTerms {
  /** Label in tables and legends: "Partly supported". */
  readonly label: string;
  /** Colour of its marks (Okabe–Ito, colour-blind safe). */
  readonly color: string;
  /** Light background of a table cell that holds it. */
  readonly background: string;
}

/** The verdicts in reading order: best first. */
export const VERDICT_ORDER = [
  "supported",
  "partly_supported",
  "not_supported",
  "not_checkable",
] as const satisfies readonly Verdict[];

/** Every verdict with its label, colour and cell background. */
export const VERDICT_TERMS: Readonly<Record<Verdict, VerdictTerms>> = {
  supported: { label: "Supported", color: "#009E73", background: "#DDF2EA" }, // Okabe–Ito bluish green
  partly_supported: { label: "Partly supported", color: "#E69F00", background: "#FBEFD5" }, // orange
  not_supported: { label: "Not supported", color: "#D55E00", background: "#F8E0D2" }, // vermillion
  not_checkable: { label: "Not checkable", color: "#777777", background: "#EEEEEE" }, // grey
};
