/**
 * Inputs of the figure builders. They are structural: the results of lib/indicators/series, lib/indicators/trend, lib/indicators/memberships,
 * lib/indicators/balance … fit them without adapters where their shapes agree, and a few lines of mapping where they do not.
 * Every input carries the ids of its sources (`sources`), from which the figure's footnote is built.
 * @module
 */
import type { Series, SourceId } from "../core/types";

/**
 * What a footnote needs to know about a source row. data/sources.csv rows fit.
 * @category Figure inputs
 */
export interface SourceInfo {
  readonly publisher: string;
  /** Publication date (ISO, partial allowed); undefined for an undated page. */
  readonly published?: string | undefined;
  /** The verbatim quote that holds the fact (data/sources.csv `quote`), shown in the hover of each point. */
  readonly quote?: string | undefined;
}

/**
 * A row of data/sources.csv, or anything with its id, publisher and date.
 * @category Figure inputs
 */
export interface SourceRowLike extends SourceInfo {
  readonly id: string;
}

/**
 * Finds a source by id.
 * @category Figure inputs
 */
export type SourceLookup = (id: SourceId) => SourceInfo | undefined;

/**
 * Where footnotes look sources up: the rows of sources.csv, or a lookup function.
 * @category Figure inputs
 */
export type SourceCatalog = SourceLookup | readonly SourceRowLike[];

/**
 * Options every figure builder takes.
 * @category Figure inputs
 */
export interface FigureOptions {
  /** Title, plain text (escaped for Plotly). */
  readonly title: string;
  /** Second title line, plain text. */
  readonly subtitle?: string;
  /** A note printed above the sources line (plain text), e.g. "Dashed: plan. Hollow markers: part of a year." */
  readonly note?: string;
  /** Source rows or a lookup, for "Publisher (date)" in the footnote; without it the footnote lists source ids. */
  readonly sourceCatalog?: SourceCatalog;
  /** Export width in CSS pixels (default 900: half an A4 page at print resolution). */
  readonly width?: number;
  /** Export height in CSS pixels (default 500). */
  readonly height?: number;
  /** The sentence drawn when the input holds nothing to draw (default: a generic "No data" line). */
  readonly noData?: string;
}

/**
 * Time series: one or several {@link Series} (one per scope or publisher) in one unit.
 * @category Figure inputs
 */
export type TimeSeriesInput = Series | readonly Series[];

/**
 * A point of a line in (year, value) space; `x` may be a decimal year.
 * @category Figure inputs
 */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * One bar of a comparison. A `null` value is drawn as "n/a", not as zero.
 * @category Figure inputs
 */
export interface ComparisonBar {
  readonly label: string;
  readonly value: number | null;
  /** Bars with the same group sit side by side under one category (e.g. a year or a publisher). */
  readonly group?: string;
  /** Key for the colour: an ISO3 code, an organisation id, a sphere or any text (hashed). Default: the label. */
  readonly colorKey?: string;
  /** The period or date the value is for, shown in the hover, e.g. "2024" or "as of 2025-06-30". */
  readonly period?: string;
  readonly sources?: readonly SourceId[];
  /** How a value no source states was computed (shown in the hover above the sources of its inputs). */
  readonly computed?: string;
}

/**
 * Bars comparing values of one quantity in one unit.
 * @category Figure inputs
 */
export interface ComparisonInput {
  /** What is compared, e.g. "Trade turnover". */
  readonly quantity: string;
  /** Unit of every value (required), e.g. "USD", "t", "percent". */
  readonly unit: string;
  readonly bars: readonly ComparisonBar[];
  readonly sources: readonly SourceId[];
}

/**
 * A stated capacity of an asset, drawn as a level line.
 * @category Figure inputs
 */
export interface CapacityLevel {
  readonly label: string;
  readonly value: number;
  /** Per-year unit, e.g. "t_per_year" (compared with throughput in "t"). */
  readonly unit: string;
  readonly status: "actual" | "design" | "planned" | "target";
  /** First year the level applies (default: first year of the chart). */
  readonly from?: number;
  /** Last year the level applies (default: last year of the chart, or the target year). */
  readonly to?: number;
  /** The year a planned or target capacity is for, e.g. 2034 (shown in the hover as the value's period). */
  readonly forYear?: number;
  /** When the level was stated, e.g. "2017–2025" (shown in the hover). */
  readonly stated?: string;
  readonly sources?: readonly SourceId[];
}

/**
 * Throughput of an asset (annual series) against its capacity levels.
 * @category Figure inputs
 */
export interface CapacityThroughputInput {
  /** Name of the asset, e.g. "Port of Baku". */
  readonly asset: string;
  readonly throughput: Series | readonly Series[];
  readonly capacities: readonly CapacityLevel[];
  readonly sources: readonly SourceId[];
}

/**
 * A published target: a value to reach in a year.
 * @category Figure inputs
 */
export interface ProjectionTarget {
  readonly year: number;
  readonly value: number;
  readonly label: string;
  readonly sources?: readonly SourceId[];
}

/**
 * A projected value with its interval (lib/indicators/trend's `Projection` fits).
 * @category Figure inputs
 */
export interface ProjectionPoint {
  readonly x: number;
  readonly estimate: number;
  readonly lower?: number | undefined;
  readonly upper?: number | undefined;
}

/**
 * A series with a fitted trend, its uncertainty band and targets.
 * @category Figure inputs
 */
export interface ProjectionInput {
  readonly series: Series;
  /** Points of the fitted/projection line (x in years). */
  readonly fit: readonly XY[];
  /** Projections with intervals (e.g. lib/indicators/trend's `projectTrend` at several years): added to the line and the band. */
  readonly projections?: readonly ProjectionPoint[];
  /** Lower edge of the band, same x as `upper`. */
  readonly lower?: readonly XY[];
  /** Upper edge of the band. */
  readonly upper?: readonly XY[];
  readonly targets: readonly ProjectionTarget[];
  /** How the line was fitted, e.g. "log-linear fit 2017–2024". */
  readonly method?: string;
  /** Legend label of the band, e.g. "95% interval". */
  readonly bandLabel?: string;
  readonly sources: readonly SourceId[];
}

/**
 * A row or column of a matrix: an id (ISO3, organisation id) and an optional display label.
 * @category Figure inputs
 */
export interface MatrixAxisItem {
  readonly id: string;
  readonly label?: string;
}

/**
 * A cell of a membership matrix: the status of a state (row) in an organisation (column), or null for none.
 * @category Figure inputs
 */
export interface MembershipCell {
  readonly row: string;
  readonly col: string;
  readonly status: string | null;
  readonly since?: string;
  readonly sources?: readonly SourceId[];
}

/**
 * A cell the data cannot fill: a known gap (gaps.csv), drawn as "no data", never as "no status".
 * @category Figure inputs
 */
export interface MatrixGapCell {
  readonly row: string;
  readonly col: string;
  /** Id of the gap (gaps.csv `id`). */
  readonly gap?: string;
  /** What is missing, plain text (e.g. the gap's description). */
  readonly note?: string;
}

/**
 * A cell a source shows without a status on the date: not a member, observer or partner (drawn as such).
 * @category Figure inputs
 */
export interface MatrixAbsentCell {
  readonly row: string;
  readonly col: string;
  /** Why, plain text: "not among the members … listed on 2025-08-12". */
  readonly note?: string;
  readonly sources?: readonly SourceId[];
}

/**
 * States × organisations coloured by status as of a date.
 * @category Figure inputs
 */
export interface MembershipMatrixInput {
  readonly asOf: string;
  readonly rows: readonly (string | MatrixAxisItem)[];
  readonly cols: readonly (string | MatrixAxisItem)[];
  readonly cells: readonly MembershipCell[];
  readonly sources: readonly SourceId[];
  /** Known gaps: a cell listed here and holding no status is drawn as "no data" (a status, when present, wins). */
  readonly gaps?: readonly MatrixGapCell[];
  /**
   * Sourced absences. When given, the map is read with its coverage: a cell with no status is "not a member" only
   * when listed here, and "unknown" (drawn as no data) otherwise; when absent, an empty cell means "no status".
   */
  readonly absent?: readonly MatrixAbsentCell[];
}

/**
 * A node of an overlap network.
 * @category Figure inputs
 */
export interface NetworkNode {
  readonly id: string;
  readonly label?: string;
  /** Organisations are drawn as squares, states as circles; colours follow the house maps. */
  readonly kind?: "org" | "state" | "other";
  /** Relative size (e.g. number of members); default 1. */
  readonly size?: number;
  /** Key of the house colour (ISO3 or organisation id) when `id` is not one, e.g. for "org:SCO". */
  readonly colorKey?: string;
  /** What `size` measures with its unit, for the hover, e.g. "5 organisations" (default: no value line). */
  readonly value?: string;
  /** The period or date the node's value is for, e.g. "as of 2024-11-30". */
  readonly period?: string;
  /** Sources of the node's value, for the hover. */
  readonly sources?: readonly SourceId[];
}

/**
 * A weighted edge between two nodes.
 * @category Figure inputs
 */
export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  /** Sources of the weight, for the hover of the edge's midpoint. */
  readonly sources?: readonly SourceId[];
}

/**
 * An overlap network, e.g. organisations linked by shared members (weights: Jaccard index or counts).
 * @category Figure inputs
 */
export interface OverlapNetworkInput {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  /** What an edge weight measures, e.g. "Shared members". */
  readonly weightName: string;
  /** Unit of the weights (required), e.g. "states" or "Jaccard index (0–1)". */
  readonly weightUnit: string;
  readonly sources: readonly SourceId[];
}

/**
 * An interval on a lane of a timeline, e.g. "AZE in SCO: dialogue partner 2015–".
 * @category Figure inputs
 */
export interface TimelineSpan {
  /** Row of the chart, e.g. "SCO". */
  readonly lane: string;
  /** Start (ISO, partial allowed). */
  readonly start: string;
  /** End (ISO, partial allowed); open spans run to `asOf`. */
  readonly end?: string | null;
  /** Membership status (coloured by the status map) … */
  readonly status?: string;
  /** … or a key for the colour (organisation id, ISO3, any text). */
  readonly colorKey?: string;
  readonly label?: string;
  readonly sources?: readonly SourceId[];
  /** The data row drawn, `<resource>:<key>` (`memberships:AZE|SCO|2015-07-10`), when known. */
  readonly row?: string;
}

/**
 * A dated event on a timeline.
 * @category Figure inputs
 */
export interface TimelineEvent {
  readonly date: string;
  readonly label: string;
  /** Lane to put the marker on (default: a lane "Events"). */
  readonly lane?: string;
  readonly kind?: string;
  readonly sources?: readonly SourceId[];
  /** The data row drawn, `events:<id>`, when known. */
  readonly row?: string;
}

/**
 * Accessions, status changes and events over time (Gantt-like).
 * @category Figure inputs
 */
export interface TimelineInput {
  readonly spans: readonly TimelineSpan[];
  readonly events?: readonly TimelineEvent[];
  /** Date open spans run to, and the right edge of the chart. */
  readonly asOf: string;
  readonly sources: readonly SourceId[];
}

/**
 * One bar of a balance index: a sphere (euro_atlantic, russia_led, china_led, turkic …) or any key.
 * @category Figure inputs
 */
export interface BalanceBar {
  readonly key: string;
  readonly label?: string;
  readonly value: number;
  /** Bars with the same group sit side by side (e.g. a year). */
  readonly group?: string;
  /** The period or date the value is for, shown in the hover. */
  readonly period?: string;
  readonly sources?: readonly SourceId[];
}

/**
 * Shares or scores per sphere, with the resulting index.
 * @category Figure inputs
 */
export interface BalanceInput {
  readonly quantity: string;
  readonly unit: string;
  readonly bars: readonly BalanceBar[];
  /** The index the bars add up to, printed on the chart. */
  readonly index?: { readonly value: number; readonly label: string };
  readonly sources: readonly SourceId[];
}
