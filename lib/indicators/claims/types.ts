/**
 * Types of claim checking: verdicts, evidence and results.
 * @module
 */
import type { DataPackage } from "../../data/load";
import type { ClaimRow } from "../../data/resources";
import type { SourceId } from "../../core/types";

/**
 * The verdict on a claim:
 * - `supported`: the data agree with the article within the tolerance;
 * - `partly_supported`: the data agree in part (a coarser date, one of several figures, a planned but not yet
 *   realised change, a value within twice the tolerance);
 * - `not_supported`: the data contradict the article;
 * - `not_checkable`: the data cannot decide (missing row, non-numeric article value, a claim outside the data).
 * @category Claims
 */
export type Verdict = "supported" | "partly_supported" | "not_supported" | "not_checkable";

/**
 * One value the verdict rests on, with its sources.
 * @category Claims
 */
export interface Evidence {
  readonly label: string;
  readonly value: string | number | null;
  /** Id (or key) of the data row the value comes from. */
  readonly row?: string;
  readonly sources: readonly SourceId[];
}

/**
 * The result of checking one claim.
 * @category Claims
 */
export interface ClaimResult {
  readonly id: string;
  readonly section: string;
  readonly claim: string;
  readonly indicator: string;
  readonly test: ClaimRow["test"];
  readonly verdict: Verdict;
  /** Why, in one sentence. */
  readonly reason: string;
  readonly articleValue: string | undefined;
  /** Tolerance used, in the unit of the article's value (days for dates, percentage points for growth). */
  readonly tolerance: number | undefined;
  readonly evidence: readonly Evidence[];
  /** Union of the evidence's sources. */
  readonly sources: readonly SourceId[];
}

/**
 * The resources claim checks read (a {@link DataPackage} has them all).
 * @category Claims
 */
export type ClaimData = Pick<
  DataPackage,
  | "memberships"
  | "organizations"
  | "events"
  | "conflict"
  | "transit"
  | "corridorFlows"
  | "capacities"
  | "funds"
  | "states"
  | "trade"
  | "agreementTopics"
  | "observations"
  | "stateAttributes"
>;

/**
 * The outcome of one test before it is wrapped into a {@link ClaimResult}.
 * @category Claims
 */
export interface TestOutcome {
  readonly verdict: Verdict;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
  /** Tolerance actually used (e.g. a default). */
  readonly tolerance?: number;
}
