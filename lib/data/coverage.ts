/**
 * Coverage of the membership matrix: for each state × organisation cell, what the data say about it, whatever the
 * date. A cell is explicit when memberships.csv holds a status row for it, or membership_coverage.csv a sourced
 * absence or a declared gap; otherwise nobody has looked (kind `none`). `npm run data:check` prints the counts and
 * fails when a cell of the twelve {@link PANEL_STATES} is not explicit.
 * @module
 */
import type { MembershipCoverageRow, MembershipRow, OrganizationRow, StateRow } from "./resources";
import { PANEL_STATES } from "./vocabulary";

/**
 * What the data hold for one cell: a status row, a sourced absence, a declared gap, or nothing.
 * @category Membership coverage
 */
export type CoverageKind = "status" | "absent" | "gap" | "none";

/**
 * One state × organisation cell and what backs it.
 * @category Membership coverage
 */
export interface CoverageCell {
  readonly state: string;
  readonly org: string;
  readonly kind: CoverageKind;
  /** The coverage row of an absence or a gap. */
  readonly row?: MembershipCoverageRow;
}

/**
 * The rows coverage reads.
 * @category Membership coverage
 */
export interface CoverageInput {
  readonly memberships: readonly Pick<MembershipRow, "state" | "org">[];
  readonly membershipCoverage: readonly MembershipCoverageRow[];
}

/**
 * The cells of `states` × `orgs`, row-major (state by state), each with its {@link CoverageKind}. A status row wins
 * over a coverage row (the loader rejects a gap on a cell with status rows, and an absence on a date a status covers).
 * @example
 * coverageCells({ memberships: [{ state: "AZE", org: "OTS" }], membershipCoverage: [] }, ["AZE", "GEO"], ["OTS"]).map((c) => c.kind) // => ["status", "none"]
 * @category Membership coverage
 */
export function coverageCells(
  input: CoverageInput,
  states: readonly string[],
  orgs: readonly string[],
): CoverageCell[] {
  const key = (s: string, o: string) => `${s}\u0000${o}`;
  const withStatus = new Set(input.memberships.map((m) => key(m.state, m.org)));
  const rowOf = new Map(input.membershipCoverage.map((r) => [key(r.state, r.org), r] as const));
  return states.flatMap((state) =>
    orgs.map((org): CoverageCell => {
      if (withStatus.has(key(state, org))) return { state, org, kind: "status" };
      const row = rowOf.get(key(state, org));
      return row ? { state, org, kind: row.kind, row } : { state, org, kind: "none" };
    }),
  );
}

/**
 * Cells by kind, and the share of explicit cells (status, absent or gap).
 * @category Membership coverage
 */
export interface CoverageCount {
  readonly status: number;
  readonly absent: number;
  readonly gap: number;
  readonly none: number;
  readonly total: number;
  /** (status + absent + gap) / total, in [0, 1]; 1 for no cells. */
  readonly explicitShare: number;
}

/**
 * Counts cells by kind.
 * @example coverageCount([{ state: "A", org: "X", kind: "status" }, { state: "A", org: "Y", kind: "none" }]).explicitShare // => 0.5
 * @category Membership coverage
 */
export function coverageCount(cells: readonly Pick<CoverageCell, "kind">[]): CoverageCount {
  const n = { status: 0, absent: 0, gap: 0, none: 0 };
  for (const c of cells) n[c.kind]++;
  const total = cells.length;
  return { ...n, total, explicitShare: total === 0 ? 1 : (total - n.none) / total };
}

/**
 * The coverage of one state's row of the matrix.
 * @category Membership coverage
 */
export interface StateCoverage extends CoverageCount {
  readonly state: string;
  /** Organisations whose cell is not explicit. */
  readonly missing: readonly string[];
}

/**
 * The coverage of each state's row across every organisation of the package.
 * @example stateCoverage(pkg, ["AZE"])[0]!.explicitShare // => 1
 * @category Membership coverage
 */
export function stateCoverage(
  pkg: CoverageInput & { readonly organizations: readonly Pick<OrganizationRow, "id">[] },
  states: readonly string[],
): StateCoverage[] {
  const orgs = pkg.organizations.map((o) => o.id);
  const all = coverageCells(pkg, states, orgs);
  return states.map((state, i) => {
    const cells = all.slice(i * orgs.length, (i + 1) * orgs.length);
    return { state, ...coverageCount(cells), missing: cells.filter((c) => c.kind === "none").map((c) => c.org) };
  });
}

/**
 * The coverage report of a package: the twelve, and every state of states.csv.
 * @category Membership coverage
 */
export interface CoverageReport {
  /** Cells of the twelve {@link PANEL_STATES} × every organisation. */
  readonly panel: CoverageCount;
  /** The panel's cells that are not explicit. */
  readonly panelMissing: readonly CoverageCell[];
  /** Every state of states.csv, in file order. */
  readonly states: readonly StateCoverage[];
}

/**
 * What `npm run data:check` reports of the membership matrix.
 * @example coverageReport(pkg).panelMissing.length // => 0
 * @category Membership coverage
 */
export function coverageReport(
  pkg: CoverageInput & {
    readonly organizations: readonly Pick<OrganizationRow, "id">[];
    readonly states: readonly Pick<StateRow, "iso3">[];
  },
  panel: readonly string[] = PANEL_STATES,
): CoverageReport {
  const cells = coverageCells(
    pkg,
    panel,
    pkg.organizations.map((o) => o.id),
  );
  return {
    panel: coverageCount(cells),
    panelMissing: cells.filter((c) => c.kind === "none"),
    states: stateCoverage(
      pkg,
      pkg.states.map((s) => s.iso3),
    ),
  };
}
