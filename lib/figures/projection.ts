/**
 * A series with its fitted trend, uncertainty band and published targets.
 * @module
 */
import { noDataFigure } from "./no-data";
import { commonParts } from "./common";
import type { FigureOptions, ProjectionInput } from "./inputs";
import { houseFigure, type CaspianFigure } from "./frame";
import { assignColors, OKABE_ITO, withAlpha } from "./palette";
import { humanize, plotlyText } from "./text";
import { formatValue, valueScale } from "./units";
import { valueAxisFor, yearAxis } from "./axes";
import { seriesColorKeys, seriesNote, seriesSources, seriesTraces } from "./time-series";
import { hoverFields, pointHover } from "./hover";
import { minOf } from "../core/extent";
import { mergeSourceLists } from "../core/types";

/**
 * Options of {@link projectionFigure}.
 * @category Figure builders
 */
export interface ProjectionOptions extends FigureOptions {
  readonly quantity?: string;
}

/**
 * Projection chart: the observed series (as in {@link timeSeriesFigure}), the fitted line dashed, the band between
 * `lower` and `upper` shaded, and each target as a star with a dotted level line and its label.
 * @example
 * const fit = [{ x: 2021, y: 1.2e6 }, { x: 2030, y: 12e6 }], lower = [{ x: 2030, y: 9e6 }], upper = [{ x: 2030, y: 15e6 }];
 * projectionFigure({ series, fit, lower, upper, targets: [{ year: 2030, value: 10e6, label: "Target" }], sources: [] }, { title: "TITR to 2030" })
 * @category Figure builders
 */
export function projectionFigure(given: ProjectionInput, options: ProjectionOptions): CaspianFigure {
  const input = withProjections(given);
  const s = input.series;
  if (s.points.every((p) => p.value === null) && input.targets.length === 0)
    return noDataFigure("projection", options, options.noData, input.sources);
  if (s.unit.trim() === "") throw new RangeError("the series needs a unit");
  if ((input.lower === undefined) !== (input.upper === undefined))
    throw new RangeError("give both lower and upper, or neither");
  if (input.lower !== undefined && input.upper !== undefined && input.lower.length !== input.upper.length)
    throw new RangeError("lower and upper must have the same points");
  const scale = valueScale(
    [
      ...s.points.map((p) => p.value),
      ...input.fit.map((p) => p.y),
      ...(input.upper ?? []).map((p) => p.y),
      ...input.targets.map((t) => t.value),
    ],
    s.unit,
  );
  const keys = seriesColorKeys([s]);
  const colors = assignColors(keys);
  const color = colors.get(keys[0]!) ?? OKABE_ITO.blue;
  const observed = seriesTraces([s], scale, colors, keys, options.sourceCatalog);
  const data: Record<string, unknown>[] = [];
  const names: string[] = [];
  const v = (y: number) => y / scale.factor;
  if (input.lower !== undefined && input.upper !== undefined && input.lower.length > 0) {
    const band = plotlyText(input.bandLabel ?? "Uncertainty band");
    data.push({
      type: "scatter",
      mode: "lines",
      name: band,
      legendgroup: "band",
      showlegend: false,
      x: input.lower.map((p) => p.x),
      y: input.lower.map((p) => v(p.y)),
      line: { width: 0, color },
      hoverinfo: "skip",
    });
    data.push({
      type: "scatter",
      mode: "lines",
      name: band,
      legendgroup: "band",
      x: input.upper.map((p) => p.x),
      y: input.upper.map((p) => v(p.y)),
      fill: "tonexty",
      fillcolor: withAlpha(color, 0.18),
      line: { width: 0, color },
      hoverinfo: "skip",
    });
    names.push(band);
  }
  const fitPlain = input.method !== undefined ? `Trend (${input.method})` : "Trend";
  const fitName = plotlyText(fitPlain);
  const trendDrawn = input.fit.length > 0;
  if (trendDrawn) {
    const band = new Map((input.lower ?? []).map((p, i) => [p.x, [p.y, input.upper![i]!.y] as const]));
    data.push({
      type: "scatter",
      mode: "lines",
      name: fitName,
      x: input.fit.map((p) => p.x),
      y: input.fit.map((p) => v(p.y)),
      line: { color, width: 2, dash: "dash" },
      ...hoverFields(
        input.fit.map((p) => {
          const b = band.get(p.x);
          const interval = b !== undefined ? ` (${formatValue(v(b[0]))}–${formatValue(v(b[1]))} ${scale.label})` : "";
          return [
            fitPlain,
            `${Number.isInteger(p.x) ? p.x : p.x.toFixed(1)}: ${formatValue(v(p.y))} ${scale.label}${interval}`,
            "Computed from the observed values: a model, not a published figure",
          ]
            .map(plotlyText)
            .join("<br>");
        }),
      ),
    });
    names.push(fitName);
  }
  data.push(...observed.data);
  names.push(...observed.names);
  const xs = [
    ...observed.years,
    ...input.fit.map((p) => p.x),
    ...(input.upper ?? []).map((p) => p.x),
    ...input.targets.map((t) => t.year),
  ];
  const lo = Math.floor(minOf(xs));
  const annotations: Record<string, unknown>[] = [];
  input.targets.forEach((t, i) => {
    data.push({
      type: "scatter",
      mode: "lines",
      name: "Target level",
      showlegend: false,
      legendgroup: "targets",
      x: [lo - 0.4, t.year],
      y: [v(t.value), v(t.value)],
      line: { color: OKABE_ITO.vermillion, width: 1.5, dash: "dot" },
      hoverinfo: "skip",
    });
    annotations.push({
      x: t.year,
      y: v(t.value),
      text: plotlyText(`${t.label}: ${formatValue(v(t.value))} ${scale.label} by ${t.year}`),
      showarrow: false,
      xanchor: "right",
      yanchor: "bottom",
      xshift: -8,
      yshift: i % 2 === 0 ? 4 : -22,
      font: { size: 12, color: OKABE_ITO.vermillion },
      bgcolor: "rgba(255,255,255,0.8)",
    });
  });
  if (input.targets.length > 0) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: "Targets",
      legendgroup: "targets",
      x: input.targets.map((t) => t.year),
      y: input.targets.map((t) => v(t.value)),
      marker: { symbol: "star", size: 15, color: OKABE_ITO.vermillion, line: { width: 1, color: "#FFFFFF" } },
      ...hoverFields(
        input.targets.map((t) =>
          pointHover(
            {
              label: t.label,
              period: `target for ${t.year}`,
              value: `${formatValue(v(t.value))} ${scale.label}`,
              sources: t.sources,
            },
            options.sourceCatalog,
          ),
        ),
      ),
    });
    names.push("Targets");
  }
  const dashed = trendDrawn
    ? observed.projected
      ? "Dashed: trend and plan/forecast values."
      : "Dashed: trend."
    : observed.projected
      ? "Dashed: plan or forecast."
      : undefined;
  const rest = seriesNote(
    { partial: observed.partial, unlabelled: observed.unlabelled, projected: false, gaps: observed.gaps },
    options.note,
  );
  const note = [dashed, rest].filter((x): x is string => x !== undefined).join(" ") || undefined;
  return houseFigure({
    kind: "projection",
    data,
    layout: {
      xaxis: yearAxis(xs),
      yaxis: valueAxisFor(
        options.quantity ?? humanize(s.metric).replace(/^./, (c) => c.toUpperCase()),
        scale.label,
        s.points.map((p) => (p.value === null ? null : v(p.value))),
      ),
      hovermode: "closest",
      annotations,
    },
    ...commonParts(options),
    note,
    sources: mergeSourceLists([input.sources, seriesSources([s]), ...input.targets.map((t) => t.sources)]),
    unit: scale.label,
    right: observed.partial ? 64 : 24,
    legendNames: names,
  });
}

/**
 * Folds `projections` into the line and the band: estimates join the fit (sorted by x, later values win at the same
 * x); projections with both interval ends extend `lower`/`upper`.
 * @example
 * const input = withProjections({ series, fit: [{ x: 2024, y: 4e6 }], projections: [{ x: 2030, estimate: 9e6, lower: 7e6, upper: 11e6 }], targets: [], sources: [] });
 * [input.fit, input.upper] // => [[{ x: 2024, y: 4e6 }, { x: 2030, y: 9e6 }], [{ x: 2030, y: 11e6 }]]
 * @category Figure builders
 */
export function withProjections(input: ProjectionInput): ProjectionInput {
  const proj = input.projections ?? [];
  if (proj.length === 0) return input;
  const byX = (a: { x: number }, b: { x: number }) => a.x - b.x;
  const fit = new Map(input.fit.map((p) => [p.x, p.y] as const));
  for (const p of proj) fit.set(p.x, p.estimate);
  const banded = proj.filter(
    (p): p is typeof p & { lower: number; upper: number } => typeof p.lower === "number" && typeof p.upper === "number",
  );
  const lower = new Map((input.lower ?? []).map((p) => [p.x, p.y] as const));
  const upper = new Map((input.upper ?? []).map((p) => [p.x, p.y] as const));
  for (const p of banded) {
    lower.set(p.x, p.lower);
    upper.set(p.x, p.upper);
  }
  const toXY = (m: Map<number, number>) => [...m].map(([x, y]) => ({ x, y })).sort(byX);
  return {
    ...input,
    fit: toXY(fit),
    ...(lower.size > 0 ? { lower: toXY(lower), upper: toXY(upper) } : {}),
  };
}
