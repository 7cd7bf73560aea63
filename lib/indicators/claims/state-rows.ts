/**
 * States as rows with their sourced attributes: the columns of states.csv plus, for each attribute of
 * state_attributes.csv, the list of its values (a state may have two rows where sources disagree). Claim tests
 * filter these rows with `where` (`{"m49_region": "Asia"}` matches a state whose list holds "Asia").
 * @module
 */
import { type SourceId, mergeSourceLists } from "../../core/types";
import type { ClaimData } from "./types";

/**
 * A state with its attribute values (lists) and the sources of every attribute row.
 * @category Claims
 */
export type StateWithAttributes = Record<string, unknown> & {
  readonly iso3: string;
  readonly sources: readonly SourceId[];
  /** The sources of each attribute's rows. */
  readonly sourcesOf: Readonly<Record<string, readonly SourceId[]>>;
};

/**
 * Every state of states.csv with its attributes as list columns, and the sources of the attribute rows.
 * Missing values: a state without a row for an attribute has no such column (a `where` on it does not match).
 * @example statesWithAttributes({ states: [{ iso3: "AZE", name: "Azerbaijan" }], stateAttributes: [{ state: "AZE", attribute: "m49_region", value: "Asia", sources: ["s"] }] } as never)[0]!.m49_region // => ["Asia"]
 * @category Claims
 */
export function statesWithAttributes(data: Pick<ClaimData, "states" | "stateAttributes">): StateWithAttributes[] {
  return data.states.map((s) => {
    const rows = data.stateAttributes.filter((a) => a.state === s.iso3);
    const attrs: Record<string, string[]> = {};
    for (const a of rows) attrs[a.attribute] = [...(attrs[a.attribute] ?? []), a.value];
    const sourcesOf: Record<string, readonly SourceId[]> = {};
    for (const k of Object.keys(attrs))
      sourcesOf[k] = mergeSourceLists(rows.filter((a) => a.attribute === k).map((a) => a.sources));
    return { ...s, ...attrs, sources: mergeSourceLists(rows.map((a) => a.sources)), sourcesOf };
  });
}

/**
 * The values of one attribute of one state, each with the sources that state it.
 * Missing values: none for a state or attribute without rows (an empty list).
 * @example attributeValues({ stateAttributes: [{ state: "AZE", attribute: "language_family", value: "Turkic", sources: ["s"] }] } as never, "AZE", "language_family") // => [{ value: "Turkic", sources: ["s"] }]
 * @category Claims
 */
export function attributeValues(
  data: Pick<ClaimData, "stateAttributes">,
  state: string,
  attribute: string,
): { value: string; sources: readonly SourceId[] }[] {
  return data.stateAttributes
    .filter((a) => a.state === state && a.attribute === attribute)
    .map((a) => ({ value: a.value, sources: a.sources }));
}
