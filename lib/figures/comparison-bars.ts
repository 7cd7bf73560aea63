/**
 * Bars comparing values of one quantity: states, publishers, periods.
 * @module
 */
import { noDataFigure } from "./no-data";
import { commonParts } from "./common";
import type { ComparisonBar, ComparisonInput, FigureOptions } from "./inputs";
import { houseFigure, type CaspianFigure } from "./frame";
import { assignColors } from "./palette";
import { plotlyText } from "./text";
import { countNoun, formatValue, valueDigits, valueScale } from "./units";
import { formatNumber } from "../core/format";
import { valueAxisFor } from "./axes";
import { hoverFields, pointHover } from "./hover";
import { maxOf, minOf } from "../core/extent";
import { mergeSourceLists } from "../core/types";

/**
 * Options of {@link comparisonBarsFigure}.
 * @category Figure builders
 */
export interface ComparisonOptions extends FigureOptions {
  /** Horizontal bars (default: when labels are long or many). */
  readonly horizontal?: boolean;
  /** Print values on the bars (default true). */
  readonly valueLabels?: boolean;
  /** Colour each bar by its key (states, organisations…), else one colour (default: by key). */
  readonly colorByKey?: boolean;
}

/**
 * Whether bars with these labels read better horizontally. @example preferHorizontal(["Kazakhstan", "Uzbekistan"]) // => false
 * @category Figure builders
 */
export function preferHorizontal(labels: readonly string[]): boolean {
  return (
    labels.length > 10 ||
    maxOf(
      labels.map((l) => l.length),
      0,
    ) *
      labels.length >
      110 ||
    maxOf(
      labels.map((l) => l.length),
      0,
    ) > 22
  );
}

/** Share of a category's slot left empty between groups of bars (Plotly's `bargap`). */
const BARGAP = 0.25;

/**
 * Comparison bars: one bar per item, or grouped bars when items have a `group` (one colour per label).
 * Missing values (`null`) are written "n/a" rather than drawn as zero. The value axis carries the unit.
 * @example comparisonBarsFigure({ quantity: "Trade turnover", unit: "USD", bars: [{ label: "KAZ", value: 5e8 }], sources: [] }, { title: "Trade" })
 * @category Figure builders
 */
export function comparisonBarsFigure(input: ComparisonInput, options: ComparisonOptions): CaspianFigure {
  if (input.bars.every((b) => b.value === null))
    return noDataFigure("comparison-bars", options, options.noData, input.sources);
  const scale = valueScale(
    input.bars.map((b) => b.value),
    input.unit,
  );
  const grouped = input.bars.some((b) => b.group !== undefined);
  const labels = [...new Set(input.bars.map((b) => b.label))];
  const groups = [...new Set(input.bars.map((b) => b.group ?? ""))];
  const categories = grouped ? groups : labels;
  const horizontal = options.horizontal ?? preferHorizontal(categories);
  const colors = assignColors(input.bars.map(keyOf));
  const showValues = options.valueLabels ?? true;
  const data: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const barValue = (b: ComparisonBar) => (b.value === null ? null : b.value / scale.factor);
  // One number of decimals for every label of the chart (that of the largest value), minus signs as in prose.
  const digits = valueDigits(
    maxOf(
      input.bars.map((b) => Math.abs((b.value ?? 0) / scale.factor)),
      0,
    ),
  );
  const textOf = (b: ComparisonBar) => (b.value === null ? "" : formatNumber(b.value / scale.factor, digits));
  const catText = (c: string) => plotlyText(c);
  const unitWord = /^(number|count)$/.test(input.unit) ? input.quantity.toLowerCase() : scale.label;
  const valueText = (v: number) => `${formatValue(v)} ${countNoun(v, unitWord)}`;
  const hover = (b: ComparisonBar | undefined) =>
    b === undefined
      ? ""
      : pointHover(
          {
            label: grouped ? `${b.group ?? ""}: ${b.label}` : b.label,
            period: b.period,
            value: b.value === null ? "n/a (no figure)" : valueText(b.value / scale.factor),
            sources: b.sources,
            computed: b.computed,
          },
          options.sourceCatalog,
        );
  const place = (cats: string[], vals: (number | null)[]) =>
    horizontal ? { y: cats, x: vals, orientation: "h" } : { x: cats, y: vals };

  if (grouped) {
    for (const label of labels) {
      const bars = groups.map((g) => input.bars.find((b) => b.label === label && (b.group ?? "") === g));
      const color = colors.get(keyOf(bars.find((b) => b !== undefined)!)) ?? "#0072B2";
      data.push({
        type: "bar",
        name: plotlyText(label),
        ...place(
          groups.map(catText),
          bars.map((b) => (b === undefined ? null : barValue(b))),
        ),
        marker: { color },
        text: showValues ? bars.map((b) => (b === undefined ? "" : textOf(b))) : undefined,
        textposition: "outside",
        cliponaxis: false,
        textfont: { size: 12 },
        ...hoverFields(bars.map(hover)),
      });
    }
  } else {
    const useKeys = options.colorByKey ?? true;
    data.push({
      type: "bar",
      name: plotlyText(input.quantity),
      ...place(labels.map(catText), input.bars.map(barValue)),
      marker: { color: input.bars.map((b) => (useKeys ? (colors.get(keyOf(b)) ?? "#0072B2") : "#0072B2")) },
      text: showValues ? input.bars.map(textOf) : undefined,
      textposition: "outside",
      cliponaxis: false,
      textfont: { size: 12 },
      ...hoverFields(input.bars.map(hover)),
    });
  }
  input.bars.forEach((b) => {
    if (b.value !== null) return;
    // By the category's index: a label that reads as a number ("2020") would be taken as a position on the axis.
    const cat = categories.indexOf(grouped ? (b.group ?? "") : b.label);
    // Grouped: at the missing bar's own slot in its group (Plotly's: the group takes 1 − bargap, bars share it
    // in trace order), not over the other labels' bars.
    const slot = grouped ? (1 - BARGAP) / labels.length : 0;
    const at = grouped ? cat - (1 - BARGAP) / 2 + (labels.indexOf(b.label) + 0.5) * slot : cat;
    annotations.push({
      text: "n/a",
      showarrow: false,
      font: { size: 12, color: "#555555" },
      ...(horizontal
        ? { y: at, x: 0, xanchor: "left", xshift: 4, yanchor: "middle" }
        : { x: at, y: 0, yanchor: "bottom", yshift: 2, ...(grouped ? { textangle: -90 } : {}) }),
    });
  });

  const values = input.bars.map(barValue).filter((v): v is number => v !== null);
  const max = maxOf(values, 0);
  const min = minOf(values, 0);
  const range = [min < 0 ? min * 1.15 : 0, max > 0 ? max * 1.15 : 1];
  const longest = maxOf(
    categories.map((c) => c.length),
    1,
  );
  const valueAx = valueAxisFor(input.quantity, scale.label, values, { range });
  const catAx = {
    type: "category",
    automargin: false,
    ticks: "",
    tickfont: { size: 12 },
    ...(horizontal ? { autorange: "reversed" } : {}),
  };
  const angled = !horizontal && longest * categories.length * 7.5 > (options.width ?? 900) - 110;
  return houseFigure({
    kind: "comparison-bars",
    data,
    layout: {
      barmode: "group",
      bargap: BARGAP,
      xaxis: horizontal ? valueAx : { ...catAx, ...(angled ? { tickangle: -30 } : {}) },
      yaxis: horizontal ? catAx : valueAx,
      annotations,
    },
    ...commonParts(options),
    note: options.note,
    sources: mergeSourceLists([input.sources, ...input.bars.map((b) => b.sources)]),
    unit: scale.label,
    left: horizontal ? Math.min(280, 24 + Math.round(longest * 7.3)) : 78,
    right: horizontal ? 56 : 24,
    bottomAxisPx: angled ? 40 + Math.round(Math.min(longest, 30) * 7 * 0.5) : 52,
    legendNames: grouped ? labels.map(plotlyText) : [],
  });
}

function keyOf(b: ComparisonBar): string {
  return b.colorKey ?? b.label;
}
