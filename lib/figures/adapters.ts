/**
 * Adapters from the indicator modules' results to figure inputs. They are structural (no import of lib/indicators/memberships
 * or lib/indicators/balance), so that either side can change its internals: anything with these fields fits.
 * @module
 */
import type { SourceId } from "../core/types";
import type { BalanceInput, MembershipMatrixInput, OverlapNetworkInput, TimelineInput, TimelineSpan } from "./inputs";

/**
 * A row of a state × organisation table (lib/indicators/memberships' `matrixTable` fits).
 * @category Figure inputs
 */
export interface MatrixRowLike {
  readonly state: string;
  /** Status per organisation, `""` for none. */
  readonly cells: Readonly<Record<string, string>>;
  readonly sources: readonly SourceId[];
}

/**
 * Heatmap input from matrix table rows, with the organisations in the order given (default: first-seen).
 * @example
 * // from matrixTable(matrix) rows, or by hand; "" is no status
 * membershipInputFromRows("2024-11-30", [{ state: "AZE", cells: { SCO: "dialogue_partner", OTS: "founding_member", CSTO: "" }, sources: [] }])
 *   .cells.map((c) => c.status) // => ["dialogue_partner", "founding_member", null]
 * @category Figure inputs
 */
export function membershipInputFromRows(
  asOf: string,
  rows: readonly MatrixRowLike[],
  orgs?: readonly string[],
): MembershipMatrixInput {
  const cols = orgs ?? [...new Set(rows.flatMap((r) => Object.keys(r.cells)))];
  return {
    asOf,
    rows: rows.map((r) => r.state),
    cols,
    cells: rows.flatMap((r) =>
      cols.map((c) => ({ row: r.state, col: c, status: r.cells[c] ? r.cells[c]! : null, sources: r.sources })),
    ),
    sources: [...new Set(rows.flatMap((r) => r.sources))],
  };
}

/**
 * A balance result (lib/indicators/balance's `Balance` fits).
 * @category Figure inputs
 */
export interface BalanceLike {
  readonly state: string;
  readonly date: string;
  /** Share of the total weight by sphere, in [0, 1]. */
  readonly shares: Readonly<Record<string, number>>;
  /** The balance index. */
  readonly index: number | undefined;
  readonly sources: readonly SourceId[];
}

/**
 * Balance-bar input from one balance (shares in percent, index in the corner) or several (grouped by date).
 * @example
 * // or balanceInputFrom(multiVectorBalance(index, pkg.organizations, "AZE", "2024-11-30"))
 * balanceInputFrom({ state: "AZE", date: "2024-11-30", shares: { turkic: 0.25, euro_atlantic: 0.75 }, index: 0.81, sources: [] })
 *   .bars.map((b) => [b.key, b.value]) // => [["turkic", 25], ["euro_atlantic", 75]]
 * @category Figure inputs
 */
export function balanceInputFrom(
  balances: BalanceLike | readonly BalanceLike[],
  indexLabel = "Balance index (0–1)",
): BalanceInput {
  const list: readonly BalanceLike[] = Array.isArray(balances)
    ? (balances as readonly BalanceLike[])
    : [balances as BalanceLike];
  const several = list.length > 1;
  const first = list[0];
  return {
    quantity: "Share of weighted ties",
    unit: "percent",
    bars: list.flatMap((b) =>
      Object.entries(b.shares).map(([key, share]) => ({
        key,
        value: Math.round(share * 1000) / 10,
        ...(several ? { group: b.date } : {}),
        sources: b.sources,
      })),
    ),
    ...(!several && first !== undefined && first.index !== undefined
      ? { index: { value: Math.round(first.index * 100) / 100, label: indexLabel } }
      : {}),
    sources: [...new Set(list.flatMap((b) => b.sources))],
  };
}

/**
 * A step of an accession timeline (lib/indicators/memberships' `TimelineEntry` fits).
 * @category Figure inputs
 */
export interface AccessionEntryLike {
  readonly date: string;
  readonly state: string;
  readonly org: string;
  readonly change: "joined" | "changed" | "left";
  readonly status: string;
  readonly sources: readonly SourceId[];
}

/**
 * Timeline input from accession entries: each status runs from its entry to the next entry of the same pair
 * (open when none follows). Lanes are organisations (`lane: "org"`, default), states, or "STATE in ORG" pairs.
 * @example
 * const input = timelineInputFromEntries(accessionTimeline(pkg.memberships, { state: "AZE" }), "2026-01-01");
 * input.spans.find((s) => s.lane === "SCO")?.status // => "dialogue_partner"
 * timelineFigure(input, { title: "Azerbaijan's memberships" });
 * @category Figure inputs
 */
export function timelineInputFromEntries(
  entries: readonly AccessionEntryLike[],
  asOf: string,
  lane: "org" | "state" | "pair" = "org",
): TimelineInput {
  const byPair = new Map<string, AccessionEntryLike[]>();
  for (const e of entries) byPair.set(`${e.state}|${e.org}`, [...(byPair.get(`${e.state}|${e.org}`) ?? []), e]);
  const spans: TimelineSpan[] = [];
  for (const list of byPair.values()) {
    const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    sorted.forEach((e, i) => {
      if (e.change === "left" || e.status === "none") return;
      const next = sorted[i + 1];
      const name = lane === "org" ? e.org : lane === "state" ? e.state : `${e.state} in ${e.org}`;
      spans.push({ lane: name, start: e.date, end: next?.date ?? null, status: e.status, sources: e.sources });
    });
  }
  return { spans, asOf, sources: [...new Set(entries.flatMap((e) => e.sources))] };
}

/**
 * The part of a graphology graph the network adapter reads (lib/indicators/memberships' `MembershipGraph` fits).
 * @category Figure inputs
 */
export interface GraphLike {
  forEachNode(callback: (key: string, attributes: { readonly kind?: string; readonly id?: string }) => void): void;
  forEachEdge(
    callback: (
      edge: string,
      attributes: { readonly weight?: number; readonly sources?: readonly SourceId[] },
      source: string,
      target: string,
    ) => void,
  ): void;
}

/**
 * Overlap-network input from a graphology graph whose nodes carry `{kind, id}` and edges `{weight, sources}`.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * const input = networkInputFromGraph(stateStateNetwork(matrix), "Shared organisations", "organisations");
 * input.nodes.length // => matrix.states.length
 * overlapNetworkFigure(input, { title: "States that share organisations" });
 * @category Figure inputs
 */
export function networkInputFromGraph(graph: GraphLike, weightName: string, weightUnit: string): OverlapNetworkInput {
  const nodes: { id: string; label: string; colorKey: string; kind: "org" | "state" | "other" }[] = [];
  graph.forEachNode((key, a) =>
    nodes.push({
      id: key,
      label: a.id ?? key,
      colorKey: a.id ?? key,
      kind: a.kind === "org" || a.kind === "state" ? a.kind : "other",
    }),
  );
  const edges: { source: string; target: string; weight: number; sources: readonly SourceId[] }[] = [];
  const sources: SourceId[] = [];
  graph.forEachEdge((_e, a, source, target) => {
    edges.push({ source, target, weight: a.weight ?? 1, sources: [...new Set(a.sources ?? [])] });
    sources.push(...(a.sources ?? []));
  });
  return { nodes, edges, weightName, weightUnit, sources: [...new Set(sources)] };
}
