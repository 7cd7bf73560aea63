/**
 * Known gaps of the membership data (data/gaps.csv) as state × organisation cells: where the data cannot say which
 * status a state holds, a blank cell means "no data", not "no status". Pure: reads only the rows it is given.
 * @module
 */
import type { GapRow, OrganizationRow, StateRow } from "../../data/resources";

/** A state × organisation pair whose status the data cannot give, and the gap that says so. */
export interface MembershipGapCell {
  readonly state: string;
  readonly org: string;
  /** Id of the gap row. */
  readonly gap: string;
  /** The gap's description (what is missing). */
  readonly description: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `word` as a whole word (letters on neither side; Unicode-aware, so "Türkiye" and "Iran" match as names). */
const wordRe = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "u");

/**
 * The cells that gaps of the `memberships` resource name, in the order of the gaps (first gap wins a cell):
 * - a gap with an id `membership-<state>-<org>-…` (a withheld row: the status is reported but no start date was
 *   confirmed, e.g. `membership-tur-wto-start`) names that one cell;
 * - a gap whose description speaks of a **status** (not only of a date) names every organisation id written in it
 *   (e.g. "BSEC", "NAM") × every state named in it (by name or ISO3 code), e.g. "BSEC observer … status of
 *   Kazakhstan and Iran".
 * Gaps about a date only (an exact day, a year) do not blank a cell: the status itself is known. Only states and
 * organisations in the lists given are matched.
 * @example
 * membershipGapCells(
 *   [{ id: "membership-tur-wto-start", resource: "memberships", description: "TUR is member of WTO but no start date" }],
 *   [{ iso3: "TUR", name: "Türkiye" }],
 *   [{ id: "WTO" }],
 * ) // => [{ state: "TUR", org: "WTO", gap: "membership-tur-wto-start", description: "TUR is member of WTO but no start date" }]
 * @example membershipGapCells(pkg.gaps, pkg.states, pkg.organizations).some((c) => c.state === "TUR" && c.org === "WTO") // => true
 */
export function membershipGapCells(
  gaps: readonly Pick<GapRow, "id" | "resource" | "description">[],
  states: readonly Pick<StateRow, "iso3" | "name">[],
  orgs: readonly Pick<OrganizationRow, "id">[],
): MembershipGapCell[] {
  const stateIds = new Map(states.map((s) => [s.iso3.toLowerCase(), s.iso3] as const));
  const orgIds = new Map(orgs.map((o) => [o.id.toLowerCase(), o.id] as const));
  const stateMatchers = states.map((s) => ({ iso3: s.iso3, res: [wordRe(s.name), wordRe(s.iso3)] }));
  const orgMatchers = orgs.map((o) => ({ id: o.id, re: wordRe(o.id) }));
  const statusWord = /\bstatus(es)?\b/i;
  const out: MembershipGapCell[] = [];
  const seen = new Set<string>();
  const add = (state: string, org: string, g: Pick<GapRow, "id" | "description">) => {
    const k = `${state}\u0000${org}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ state, org, gap: g.id, description: g.description });
  };
  for (const g of gaps) {
    if (g.resource !== "memberships") continue;
    const byId = /^membership-([a-z]{3})-([a-z0-9]+)-/.exec(g.id);
    const state = byId ? stateIds.get(byId[1]!) : undefined;
    const org = byId ? orgIds.get(byId[2]!) : undefined;
    if (state !== undefined && org !== undefined) {
      add(state, org, g);
      continue;
    }
    if (!statusWord.test(g.description)) continue;
    const named = orgMatchers.filter((o) => o.re.test(g.description)).map((o) => o.id);
    const who = stateMatchers.filter((s) => s.res.some((re) => re.test(g.description))).map((s) => s.iso3);
    for (const o of named) for (const s of who) add(s, o, g);
  }
  return out;
}
