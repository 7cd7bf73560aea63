/**
 * Caspian Lab: typed data, indicators, figures and exports for the study of Azerbaijan's turn toward Asia.
 * Notebooks import the compiled library: `import * as cl from "../dist/lib";`.
 *
 * The everyday names are here, flat (`cl.dataPackage()`, `cl.statusAt(…)`, `cl.timeSeriesFigure(…)`, `cl.show(…)`).
 * Every family is also here whole, as a namespace, for the rest: `cl.core`, `cl.data`, `cl.indicators`,
 * `cl.figures`, `cl.display`, `cl.output` (files: PNG/SVG/PDF/HTML/CSV/Markdown and the report pack) and
 * `cl.notebooks` (the notebook layer; its context `cl.notebook(…)`, the as-of date and the prose helpers are also flat);
 * or import a family by its path (`../dist/lib/figures`, `caspian-lab/notebook`). Every type is exported flat.
 * @packageDocumentation
 */

// The families, whole.
export * as core from "./core";
export * as data from "./data";
export * as indicators from "./indicators";
export * as figures from "./figures";
export * as display from "./display";
export * as output from "./export";
export * as notebooks from "./notebook";

// Every type, flat (types cost nothing at run time).
export type * from "./core";
export type * from "./data";
export type * from "./indicators";
export type * from "./figures";
export type * from "./display";
export type * from "./export";
export type * from "./notebook";

// Core: provenance, dates and periods.
export { iso3, mergeSources, orgId, sourceId } from "./core/types";
export { endOf, parsePartialDate, startOf } from "./core/dates";
export { calendarYear, periodLabel, periodMonths, shiftYears } from "./core/period";
export { maxOf, minOf } from "./core/extent";

// Data: the package, loaded and validated.
export {
  checkPackage,
  dataPackage,
  DataError,
  defaultDataDir,
  enums,
  formatIssue,
  loadPackage,
  loadResource,
} from "./data";

// Indicators.
export {
  applyChange,
  cagr,
  compound,
  corridorSeries,
  findPoint,
  impliedBase,
  impliedGrowth,
  indexToBase,
  percentChange,
  periodOverPeriod,
  rowSources,
  seriesCagr,
  seriesFromRows,
  seriesOf,
  share,
  shareSeries,
  transitSeries,
  yearOverYear,
} from "./indicators/series";
export {
  linearTrend,
  logLinearTrend,
  predictTrend,
  projectTrend,
  requiredGrowthRate,
  seriesTrend,
  targetGap,
} from "./indicators/trend";
export {
  capacityAt,
  capacityCrossingYear,
  headroom,
  utilisation,
  utilisationSeries,
  utilisationTable,
} from "./indicators/capacity";
export { fundsByPartner, fundsByYear, latestFundRows, pledgedVsPaid } from "./indicators/funds";
export {
  accessionTimeline,
  ANY_TIE,
  FULL_MEMBERSHIP,
  jaccard,
  matrixCellSources,
  matrixStatus,
  matrixTable,
  MEMBERSHIP_STATUSES,
  membershipIndex,
  membershipMatrix,
  networkCentrality,
  orgNode,
  orgsOf,
  overlapMatrix,
  overlapPairs,
  sharedMemberships,
  spellAt,
  stateNode,
  stateOrgNetwork,
  stateStateNetwork,
  statusAt,
} from "./indicators/memberships";
export {
  ALL_SPHERES,
  BALANCE_SPHERES,
  balanceByYear,
  DEFAULT_STATUS_WEIGHTS,
  EQUAL_STATUS_WEIGHTS,
  multiVectorBalance,
  normalisedEntropy,
  shannonEntropy,
} from "./indicators/balance";
export { eventCounts, filterEvents, summitIntensity } from "./indicators/events";
export {
  checkClaim,
  checkClaims,
  ClaimCheckError,
  claimsMembershipIndex,
  claimsSummary,
  parseClaimArgs,
} from "./indicators/claims";

// Figures: builders and the house style's public parts.
export {
  balanceBarsFigure,
  capacityThroughputFigure,
  comparisonBarsFigure,
  decodePlotlyText,
  figureTitle,
  humanize,
  membershipHeatmapFigure,
  membershipInputFromRows,
  OKABE_ITO,
  orgColor,
  overlapNetworkFigure,
  plotlyText,
  projectionFigure,
  sourcesLine,
  sphereColor,
  stateColor,
  timelineFigure,
  timelineInputFromEntries,
  timeSeriesFigure,
  withProjections,
} from "./figures";
export { fitLegend } from "./figures/legend-fit";
export { refitFigure, type FitSize } from "./figures/fit";

// Display in a notebook.
export {
  displayHtml,
  displayMarkdown,
  displayPng,
  escapeHtml,
  escapeMarkdown,
  html,
  htmlJoin,
  Markdown,
  md,
  mdCode,
  mdJoin,
  mdList,
  plainHtml,
  plainMarkdown,
  SafeHtml,
  safeUrl,
  show,
  showAsync,
  tableHtml,
} from "./display";

// Files for reports.
export {
  closeSharedExporter,
  disableStaticFallback,
  enableStaticFallback,
  ExportError,
  exportFigure,
  exportFigures,
  exportReportPack,
  launchExporter,
  registerFigure,
  registerTable,
  toCsv,
  toMarkdown,
} from "./export";

// The notebook layer's everyday names: the run's context, the as-of date and vintage, numbers and names in words.
// The per-notebook views (claims register, corridor, embeddedness, funds and trade, timeline, comparisons,
// workbook, grading) stay under `cl.notebooks` or `import * as rp from "caspian-lab/notebook"`.
export { notebook, parametersSentence } from "./notebook/context";
export { formatDate, latestDataDate, resolveAsOf, yearOf } from "./notebook/as-of";
export { packageKnownBy, rowKnownBy } from "./data/vintage";
export {
  countWord,
  formatNumber,
  formatPercent,
  formatPoints,
  formatQuantity,
  formatTonnes,
  formatUsd,
  listText,
  plural,
} from "./core/format";
export { capitalize, changePhrase, comparePhrase, countText, isAre, listPhrase } from "./notebook/prose";
export { orgName, stateName, statePossessive } from "./notebook/names";
