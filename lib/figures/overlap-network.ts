/**
 * Overlap network: organisations (and states) linked by weighted edges, on a deterministic circular layout.
 * @module
 */
import { noDataFigure } from "./no-data";
import { commonParts, unionSources } from "./common";
import type { FigureOptions, NetworkNode, OverlapNetworkInput } from "./inputs";
import { houseFigure, type CaspianFigure } from "./frame";
import { keyColor, orgColor, stateColor } from "./palette";
import { plotlyText } from "./text";
import { formatValue } from "./units";
import { maxOf } from "../core/extent";
import { hoverFields, pointHover } from "./hover";

/**
 * Position of a node.
 * @category Figure builders
 */
export interface NodePosition {
  readonly x: number;
  readonly y: number;
  /** Angle in radians, from the positive x axis, counter-clockwise. */
  readonly angle: number;
}

/**
 * Circular layout: nodes in the order given, the first at the top, clockwise, on the unit circle. Positions depend
 * only on the order of ids, so the same input always gives the same picture.
 * @example circularLayout(["A", "B"]).get("B") // => { x: 0, y: -1, angle: -Math.PI / 2 }
 * @category Figure builders
 */
export function circularLayout(ids: readonly string[]): Map<string, NodePosition> {
  const out = new Map<string, NodePosition>();
  const n = ids.length;
  ids.forEach((id, i) => {
    const angle = Math.PI / 2 - (2 * Math.PI * i) / Math.max(1, n);
    const round = (v: number) => Math.round(v * 1e9) / 1e9;
    out.set(id, { x: round(Math.cos(angle)), y: round(Math.sin(angle)), angle });
  });
  return out;
}

/**
 * Options of {@link overlapNetworkFigure}.
 * @category Figure builders
 */
export interface OverlapNetworkOptions extends FigureOptions {
  /** Print edge weights at the middle of each edge (default: when there are at most 30 edges). */
  readonly edgeLabels?: boolean;
  /** Node order on the circle (default: organisations, then states, then others, each by id). */
  readonly order?: readonly string[];
}

function nodeColor(n: NetworkNode): string {
  const key = n.colorKey ?? n.id;
  return n.kind === "org" ? orgColor(key) : n.kind === "state" ? stateColor(key) : keyColor(key);
}

/**
 * Overlap network: nodes on a circle (organisations as squares, states as circles, in their house colours, sized
 * by `size`), edges as grey lines whose width grows with the weight, weights printed at the middle of the edges.
 * The weight's name and unit are stated in the note.
 * @example overlapNetworkFigure({ nodes: [{ id: "SCO", kind: "org" }, { id: "OTS", kind: "org" }], edges: [{ source: "SCO", target: "OTS", weight: 3 }], weightName: "Shared members", weightUnit: "states", sources: [] }, { title: "Overlap" })
 * @category Figure builders
 */
export function overlapNetworkFigure(input: OverlapNetworkInput, options: OverlapNetworkOptions): CaspianFigure {
  if (input.nodes.length === 0) return noDataFigure("overlap-network", options, options.noData, input.sources);
  if (input.weightUnit.trim() === "") throw new RangeError("overlapNetworkFigure needs the unit of the weights");
  const byId = new Map(input.nodes.map((n) => [n.id, n] as const));
  for (const e of input.edges) {
    if (!byId.has(e.source) || !byId.has(e.target))
      throw new RangeError(`edge ${e.source}–${e.target} names an unknown node`);
  }
  const rank = (n: NetworkNode) => (n.kind === "org" ? 0 : n.kind === "state" ? 1 : 2);
  const order =
    options.order ??
    [...input.nodes].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((n) => n.id);
  const pos = circularLayout(order);
  const maxW = maxOf(
    input.edges.map((e) => Math.abs(e.weight)),
    0,
  );
  const edges = [...input.edges].sort(
    (a, b) => a.weight - b.weight || (a.source + a.target < b.source + b.target ? -1 : 1),
  );
  const data: Record<string, unknown>[] = edges.map((e) => {
    const a = pos.get(e.source)!;
    const b = pos.get(e.target)!;
    const w = maxW > 0 ? Math.abs(e.weight) / maxW : 0;
    return {
      type: "scatter",
      mode: "lines",
      x: [a.x, b.x],
      y: [a.y, b.y],
      line: { color: `rgba(90,90,90,${(0.25 + 0.5 * w).toFixed(3)})`, width: Math.round((1 + 7 * w) * 10) / 10 },
      hoverinfo: "skip",
      showlegend: false,
    };
  });
  const showEdgeLabels = options.edgeLabels ?? input.edges.length <= 30;
  const label = (n: NetworkNode) => n.label ?? n.id;
  data.push({
    type: "scatter",
    mode: showEdgeLabels ? "markers+text" : "markers",
    x: edges.map((e) => labelPoint(pos.get(e.source)!, pos.get(e.target)!).x),
    y: edges.map((e) => labelPoint(pos.get(e.source)!, pos.get(e.target)!).y),
    text: edges.map((e) => formatValue(e.weight)),
    textfont: { size: 12, color: "#333333" },
    marker: { size: 14, color: "rgba(255,255,255,0.85)" },
    ...hoverFields(
      edges.map((e) =>
        pointHover(
          {
            label: `${label(byId.get(e.source)!)} – ${label(byId.get(e.target)!)}: ${input.weightName}`,
            value: `${formatValue(e.weight)} ${input.weightUnit}`,
            sources: e.sources ?? input.sources,
          },
          options.sourceCatalog,
        ),
      ),
    ),
    showlegend: false,
  });
  const sizes = input.nodes.map((n) => n.size ?? 1);
  const maxSize = maxOf(sizes, 1);
  const nodes = order.map((id) => byId.get(id)!).filter((n) => n !== undefined);
  const textPosition = (id: string) => {
    const a = pos.get(id)!;
    const vert = a.y > 0.35 ? "top" : a.y < -0.35 ? "bottom" : "middle";
    const horiz = a.x > 0.35 ? "right" : a.x < -0.35 ? "left" : "center";
    return vert === "middle" && horiz === "center" ? "top center" : `${vert} ${horiz}`;
  };
  for (const kind of ["org", "state", "other"] as const) {
    const group = nodes.filter((n) => (n.kind ?? "other") === kind);
    if (group.length === 0) continue;
    data.push({
      type: "scatter",
      mode: "markers+text",
      name: kind === "org" ? "Organisation" : kind === "state" ? "State" : "Other",
      x: group.map((n) => pos.get(n.id)!.x),
      y: group.map((n) => pos.get(n.id)!.y),
      text: group.map((n) => plotlyText(label(n))),
      textposition: group.map((n) => textPosition(n.id)),
      textfont: { size: 13 },
      cliponaxis: false,
      marker: {
        symbol: kind === "org" ? "square" : "circle",
        size: group.map((n) => Math.round(14 + 22 * Math.sqrt((n.size ?? 1) / maxSize))),
        color: group.map(nodeColor),
        opacity: 1,
        line: { width: 1.5, color: "#FFFFFF" },
      },
      ...hoverFields(
        group.map((n) =>
          n.value === undefined && n.sources === undefined
            ? plotlyText(label(n))
            : pointHover(
                {
                  label: label(n),
                  value: n.value ?? `size ${formatValue(n.size ?? 1)}`,
                  period: n.period,
                  sources: n.sources,
                },
                options.sourceCatalog,
              ),
        ),
      ),
    });
  }
  const hidden = { visible: false, showgrid: false, zeroline: false, range: [-1.45, 1.45], fixedrange: true };
  const kinds = new Set(nodes.map((n) => n.kind ?? "other"));
  return houseFigure({
    kind: "overlap-network",
    data,
    layout: {
      xaxis: { ...hidden, range: [-1.9, 1.9] },
      yaxis: { ...hidden, scaleanchor: "x", scaleratio: 1 },
      hovermode: "closest",
    },
    ...commonParts(options),
    note: networkNote(input, showEdgeLabels, options.note),
    sources: input.sources.length > 0 ? unionSources(input.sources) : [],
    bottomAxisPx: 8,
    left: 40,
    right: 40,
    legendNames: kinds.size > 1 ? [...kinds] : [],
  });
}

/**
 * The note of an overlap network: what line width (and, when printed, the label) of an edge measures, only when
 * edges are drawn, joined with the caller's note.
 * @example networkNote({ edges: [{ source: "A", target: "B", weight: 2 }], weightName: "Shared members", weightUnit: "states" }, false) // => "Line width: Shared members (states)."
 * @example networkNote({ edges: [], weightName: "Shared members", weightUnit: "states" }, true, "No overlap.") // => "No overlap."
 * @category Figure builders
 */
export function networkNote(
  input: Pick<OverlapNetworkInput, "edges" | "weightName" | "weightUnit">,
  edgeLabels: boolean,
  note?: string,
): string | undefined {
  const parts = [
    ...(input.edges.length > 0
      ? [`${edgeLabels ? "Line width and label" : "Line width"}: ${input.weightName} (${input.weightUnit}).`]
      : []),
    ...(note !== undefined ? [note] : []),
  ];
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/**
 * Where an edge's weight is printed: the middle of the edge, except for diameters (which all cross the centre),
 * whose labels move a third of the way from their first node so that they do not sit on each other.
 * @example
 * labelPoint({ x: 0, y: 1, angle: Math.PI / 2 }, { x: 1, y: 0, angle: 0 }) // => { x: 0.5, y: 0.5 }
 * labelPoint({ x: 0, y: 1, angle: Math.PI / 2 }, { x: 0, y: -1, angle: -Math.PI / 2 }) // => { x: 0, y: 0.4 } (a diameter)
 * @category Figure builders
 */
export function labelPoint(a: NodePosition, b: NodePosition): { x: number; y: number } {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  if (Math.hypot(mx, my) > 0.05) return { x: mx, y: my };
  return { x: a.x + (b.x - a.x) * 0.3, y: a.y + (b.y - a.y) * 0.3 };
}
