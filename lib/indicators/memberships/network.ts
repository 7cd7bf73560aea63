/**
 * Membership networks and their centrality, with graphology and graphology-metrics (no hand-written graph
 * algorithms):
 * - the **state–organisation** network: a bipartite graph, one edge per non-empty matrix cell;
 * - the **state–state** network: an edge between two states sharing at least `minShared` organisations, weighted by
 *   the number shared.
 *
 * Centrality: `degree` is the number of neighbours, `degreeCentrality` graphology's degree / (n − 1), `strength` the
 * sum of edge weights, and `betweenness` graphology-metrics' Brandes betweenness, normalised. By default betweenness
 * is computed on the unweighted graph (every tie is one step); with `weighted: true` an edge's *length* is
 * 1 / weight, so states that share more organisations are closer. Missing-value policy: isolated nodes get zeros.
 * @module
 */
import { UndirectedGraph } from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import { degreeCentrality } from "graphology-metrics/centrality/degree";
import { type SourceId, mergeSourceLists } from "../../core/types";
import { MEMBERSHIP_STATUSES, type MembershipStatus } from "./status";
import type { MembershipMatrix } from "./matrix";
import { overlapMatrix, sharedMemberships, type OverlapMatrix } from "./overlap";
import { rowSources } from "../series/sources";

/**
 * Node attributes of a membership network.
 * @category Memberships
 */
export interface MembershipNode {
  readonly kind: "state" | "org";
  readonly id: string;
}

/**
 * Edge attributes of a membership network.
 * @category Memberships
 */
export interface MembershipEdge {
  /** 1 in the state–organisation network; organisations shared in the state–state network. */
  readonly weight: number;
  /** State–organisation network: the status of the tie. */
  readonly status?: MembershipStatus;
  /** State–state network: Jaccard index of the two states. */
  readonly jaccard?: number;
  readonly sources: readonly SourceId[];
}

/**
 * A membership network (an undirected graphology graph).
 * @category Memberships
 */
export type MembershipGraph = UndirectedGraph<MembershipNode, MembershipEdge>;

/**
 * Node key of a state in the state–organisation network. Missing values: none.
 * @example stateNode("AZE") // => "state:AZE"
 * @category Memberships
 */
export function stateNode(iso3: string): string {
  return `state:${iso3}`;
}

/**
 * Node key of an organisation in the state–organisation network. Missing values: none.
 * @example orgNode("SCO") // => "org:SCO"
 * @category Memberships
 */
export function orgNode(org: string): string {
  return `org:${org}`;
}

/**
 * The bipartite state–organisation network of a matrix: every state and organisation is a node (keys
 * `state:AZE`, `org:SCO`), every non-empty cell an edge carrying its status and sources.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * stateOrgNetwork(matrix).getEdgeAttribute("state:AZE", "org:SCO", "status") // => "dialogue_partner"
 * @category Memberships
 */
export function stateOrgNetwork(matrix: MembershipMatrix): MembershipGraph {
  const g: MembershipGraph = new UndirectedGraph<MembershipNode, MembershipEdge>();
  for (const s of matrix.states) g.addNode(stateNode(s), { kind: "state", id: s });
  for (const o of matrix.orgs) g.addNode(orgNode(o), { kind: "org", id: o });
  const m = matrix.orgs.length;
  matrix.states.forEach((s, r) => {
    matrix.orgs.forEach((o, c) => {
      const code = matrix.codes[r * m + c]!;
      if (code === 0) return;
      const k = matrix.spellOf[r * m + c]!;
      g.addEdge(stateNode(s), orgNode(o), {
        weight: 1,
        status: MEMBERSHIP_STATUSES[code - 1]!,
        sources: rowSources(matrix.index.spells[k]!.row),
      });
    });
  });
  return g;
}

/**
 * The state–state network: nodes are ISO3 codes (all states of the matrix, isolated ones included), and an edge
 * joins two states that share at least `minShared` (default 1) organisations, with `weight` = organisations shared
 * and `jaccard`. Edge sources are those of the shared cells unless `sources: false` (faster for large worlds).
 * Missing values: states with no shared organisation are isolated nodes; empty cells make no edges.
 * @example
 * const matrix = membershipMatrix(membershipIndex(pkg.memberships, pkg.organizations), "2024-11-30");
 * stateStateNetwork(matrix).getEdgeAttribute("AZE", "KAZ", "weight") // => 8 (CICA, CIS, ECO, NAM, OIC, OSCE, OTS, SCO)
 * @category Memberships
 */
export function stateStateNetwork(
  matrix: MembershipMatrix,
  opts: { readonly minShared?: number; readonly sources?: boolean; readonly overlap?: OverlapMatrix } = {},
): MembershipGraph {
  const min = Math.max(1, opts.minShared ?? 1);
  const ov = opts.overlap ?? overlapMatrix(matrix);
  const n = ov.states.length;
  const g: MembershipGraph = new UndirectedGraph<MembershipNode, MembershipEdge>();
  for (const s of ov.states) g.addNode(s, { kind: "state", id: s });
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = ov.shared[i * n + j]!;
      if (w < min) continue;
      const a = ov.states[i]!;
      const b = ov.states[j]!;
      g.addEdge(a, b, {
        weight: w,
        jaccard: ov.jaccard[i * n + j]!,
        sources: opts.sources === false ? [] : sharedMemberships(matrix, a, b).sources,
      });
    }
  }
  return g;
}

/**
 * Centrality of one node.
 * @category Memberships
 */
export interface CentralityRow {
  readonly node: string;
  readonly kind: "state" | "org";
  readonly id: string;
  /** Number of neighbours. */
  readonly degree: number;
  /** graphology's normalised degree centrality: degree / (n − 1). */
  readonly degreeCentrality: number;
  /** Sum of the weights of the node's edges. */
  readonly strength: number;
  /** Normalised betweenness (graphology-metrics, Brandes). */
  readonly betweenness: number;
  /** Sources of the node's edges. */
  readonly sources: readonly SourceId[];
}

/**
 * Degree, strength and betweenness of every node of a membership network, sorted by betweenness then degree
 * (highest first), then by node key. `weighted: true` uses 1 / weight as edge length for betweenness.
 * `sources: false` skips collecting edge sources.
 * @example
 * // A and B share X, B and C share Y: the path A – B – C, where B lies on the only shortest path between A and C
 * const m = membershipMatrix(membershipIndex([
 *   { state: "AAA", org: "X", status: "member", since: "2000", sources: ["a"] },
 *   { state: "BBB", org: "X", status: "member", since: "2000", sources: ["b"] },
 *   { state: "BBB", org: "Y", status: "member", since: "2000", sources: ["c"] },
 *   { state: "CCC", org: "Y", status: "member", since: "2000", sources: ["d"] },
 * ]), "2024");
 * networkCentrality(stateStateNetwork(m)).map((r) => [r.id, r.degree, r.betweenness]) // => [["BBB", 2, 1], ["AAA", 1, 0], ["CCC", 1, 0]]
 * @category Memberships
 */
export function networkCentrality(
  graph: MembershipGraph,
  opts: { readonly weighted?: boolean; readonly sources?: boolean } = {},
): CentralityRow[] {
  const degC = graph.order > 1 ? degreeCentrality(graph) : {};
  const btw = betweennessCentrality(graph, {
    normalized: true,
    getEdgeWeight: opts.weighted ? (_edge: string, attr: MembershipEdge) => 1 / attr.weight : null,
  });
  const rows: CentralityRow[] = graph.mapNodes((node, attr) => {
    let strength = 0;
    const sources: (readonly SourceId[])[] = [];
    graph.forEachEdge(node, (_e, a) => {
      strength += a.weight;
      if (opts.sources !== false) sources.push(a.sources);
    });
    return {
      node,
      kind: attr.kind,
      id: attr.id,
      degree: graph.degree(node),
      degreeCentrality: degC[node] ?? 0,
      strength,
      betweenness: btw[node] ?? 0,
      sources: mergeSourceLists(sources),
    };
  });
  return rows.sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.node.localeCompare(b.node));
}
