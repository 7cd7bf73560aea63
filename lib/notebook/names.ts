/**
 * Names for prose and chart titles: states, organisations, membership statuses and spheres, looked up in the data
 * package, with a clear error for a focal-state parameter that is not in states.csv.
 * @module
 */
import type { Iso3 } from "../core/types";
import type { OrganizationRow, StateRow } from "../data/resources";
import { NO_STATUS, SPHERE_TERMS, STATUS_TERMS } from "../data/vocabulary";

type States = { readonly states: readonly Pick<StateRow, "iso3" | "name" | "region">[] };
type Orgs = { readonly organizations: readonly Pick<OrganizationRow, "id" | "name">[] };

/**
 * Short English name of a state ("Kazakhstan"); the code itself when it is not in states.csv.
 * @example stateName(pkg, "KAZ") // => "Kazakhstan"
 * @category Prose
 */
export function stateName(pkg: States, iso3: string): string {
  return pkg.states.find((s) => s.iso3 === iso3)?.name ?? iso3;
}

/**
 * The name of a state as the subject of a possessive: "Kazakhstan's", "the United States'" is not needed here, so
 * a trailing s only takes an apostrophe. @example statePossessive(pkg, "AZE") // => "Azerbaijan's"
 * @category Prose
 */
export function statePossessive(pkg: States, iso3: string): string {
  const n = stateName(pkg, iso3);
  return n.endsWith("s") ? `${n}'` : `${n}'s`;
}

/**
 * Checks a focal-state parameter: an ISO3 code present in states.csv (case-insensitive), returned in capitals as the
 * {@link Iso3} of that row, so it can be looked up in branded row fields (`fund.partners.includes(F)`).
 * Throws a `RangeError` listing the codes available otherwise.
 * @example checkFocal(pkg, "kaz") // => "KAZ"
 * @category Prose
 */
export function checkFocal(pkg: States, focal: string): Iso3 {
  const code = String(focal).trim().toUpperCase();
  const state = pkg.states.find((s) => s.iso3 === code);
  if (!state) {
    throw new RangeError(
      `focal = "${focal}" is not a state of data/states.csv; use one of ${pkg.states.map((s) => s.iso3).join(", ")}`,
    );
  }
  return state.iso3;
}

/**
 * Full name of an organisation ("Organization of Turkic States"); the id when unknown.
 * @example orgName(pkg, "OTS") // => "Organization of Turkic States"
 * @category Prose
 */
export function orgName(pkg: Orgs, id: string): string {
  return pkg.organizations.find((o) => o.id === id)?.name ?? id;
}

/** Phrases of the statuses and of "none" (lib/data/vocabulary). */
const STATUS_PHRASES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(STATUS_TERMS).map(([status, t]) => [status, t.phrase])),
  [NO_STATUS.code]: NO_STATUS.phrase,
};

/**
 * A membership status in words. @example statusPhrase("dialogue_partner") // => "dialogue partner"
 * @category Prose
 */
export function statusPhrase(status: string): string {
  return STATUS_PHRASES[status] ?? status.replace(/_/g, " ");
}

/**
 * An article for a status phrase: "a founding member", "an observer". @example statusWithArticle("observer") // => "an observer"
 * @category Prose
 */
export function statusWithArticle(status: string): string {
  const p = statusPhrase(status);
  return status === NO_STATUS.code ? p : `${/^[aeiou]/.test(p) ? "an" : "a"} ${p}`;
}

/** Phrases of the spheres (lib/data/vocabulary). */
const SPHERE_PHRASES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPHERE_TERMS).map(([sphere, t]) => [sphere, t.phrase]),
);

/**
 * A sphere of organizations.csv in words. @example spherePhrase("russia_led") // => "Russia-led"
 * @category Prose
 */
export function spherePhrase(sphere: string): string {
  return SPHERE_PHRASES[sphere] ?? sphere.replace(/_/g, " ");
}

/** The twelve states the notebooks compare (defined with the data, whose check keeps their cells explicit). */
export { PANEL_STATES } from "../data/vocabulary";
