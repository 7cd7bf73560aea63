/**
 * What counts in the multi-vector balance index: the weight of each membership status and the spheres compared.
 * These are choices, not facts; lib/indicators/balance/README.md argues for them, and every function takes other weights.
 * @module
 */
import { enums } from "../../data/resources";
import type { MembershipStatus } from "../memberships/status";

/**
 * A sphere of organizations.csv (`euro_atlantic`, `russia_led`, `china_led`, …).
 * @category Balance
 */
export type Sphere = (typeof enums.sphere)[number];

/**
 * Every sphere of data/README.md.
 * @category Balance
 */
export const ALL_SPHERES: readonly Sphere[] = enums.sphere;

/**
 * The spheres compared by default: every sphere except `global` (WTO, UN), since belonging to a universal
 * organisation says nothing about which way a state leans, and `transport` (TITR, an association of companies with
 * no state members).
 * @category Balance
 */
export const BALANCE_SPHERES: readonly Sphere[] = enums.sphere.filter((s) => s !== "global" && s !== "transport");

/**
 * Weight of a tie by its status.
 * @category Balance
 */
export type StatusWeights = Readonly<Record<MembershipStatus, number>>;

/**
 * Default weights: full membership 1; associate 0.5; observer, dialogue partner and partner 0.25 (a standing but
 * partial tie); applicant, former and suspended 0 (no standing tie on the date).
 * @category Balance
 */
export const DEFAULT_STATUS_WEIGHTS: StatusWeights = {
  founding_member: 1,
  member: 1,
  associate: 0.5,
  observer: 0.25,
  dialogue_partner: 0.25,
  partner: 0.25,
  applicant: 0,
  former: 0,
  suspended: 0,
};

/**
 * Every standing tie counts 1 (full members and partners alike); applicant, former and suspended 0.
 * @category Balance
 */
export const EQUAL_STATUS_WEIGHTS: StatusWeights = {
  founding_member: 1,
  member: 1,
  associate: 1,
  observer: 1,
  dialogue_partner: 1,
  partner: 1,
  applicant: 0,
  former: 0,
  suspended: 0,
};
