/**
 * Balance-index bars: shares or scores per sphere (Euro-Atlantic, Russia-led, China-led, Turkic …).
 * @module
 */
import { noDataFigure } from "./no-data";
import { commonParts } from "./common";
import type { BalanceBar, BalanceInput, FigureOptions } from "./inputs";
import { houseFigure, type CaspianFigure } from "./frame";
import { sphereColor } from "./palette";
import { humanize, plotlyText } from "./text";
import { formatValue, unitLabel } from "./units";
import { valueAxisFor } from "./axes";
import { hoverFields, pointHover } from "./hover";
import { maxOf, minOf } from "../core/extent";
import { mergeSourceLists } from "../core/types";

/**
 * Balance-index bars: one bar per sphere in the sphere's house colour (grouped by `group`, e.g. year, when given),
 * values printed on the bars, and the index value in the corner.
 * @example balanceBarsFigure({ quantity: "Share of memberships", unit: "percent", bars: [{ key: "turkic", value: 20 }], sources: [] }, { title: "Balance" })
 * @category Figure builders
 */
export function balanceBarsFigure(input: BalanceInput, options: FigureOptions): CaspianFigure {
  if (input.bars.length === 0) return noDataFigure("balance-bars", options, options.noData, input.sources);
  const unit = unitLabel(input.unit);
  const grouped = input.bars.some((b) => b.group !== undefined);
  const keys = [...new Set(input.bars.map((b) => b.key))];
  const groups = [...new Set(input.bars.map((b) => b.group ?? ""))];
  const labelOf = (key: string) =>
    plotlyText(input.bars.find((b) => b.key === key)?.label ?? humanize(key).replace(/^./, (c) => c.toUpperCase()));
  const plainLabel = (key: string) =>
    input.bars.find((b) => b.key === key)?.label ?? humanize(key).replace(/^./, (c) => c.toUpperCase());
  const hover = (b: BalanceBar | undefined) =>
    b === undefined
      ? ""
      : pointHover(
          {
            label: b.group !== undefined ? `${b.group}: ${plainLabel(b.key)}` : plainLabel(b.key),
            period: b.period,
            value: `${formatValue(b.value)} ${unit}`,
            sources: b.sources,
          },
          options.sourceCatalog,
        );
  const data: Record<string, unknown>[] = grouped
    ? keys.map((k) => {
        const found = groups.map((g) => input.bars.find((b) => b.key === k && (b.group ?? "") === g));
        const vals = found.map((b) => b?.value ?? null);
        return {
          type: "bar",
          name: labelOf(k),
          x: groups.map(plotlyText),
          y: vals,
          text: vals.map((v) => (v === null ? "" : formatValue(v))),
          textposition: "outside",
          cliponaxis: false,
          marker: { color: sphereColor(k) },
          ...hoverFields(found.map(hover)),
        };
      })
    : [
        {
          type: "bar",
          name: plotlyText(input.quantity),
          x: input.bars.map((b) => labelOf(b.key)),
          y: input.bars.map((b) => b.value),
          text: input.bars.map((b) => formatValue(b.value)),
          textposition: "outside",
          cliponaxis: false,
          marker: { color: input.bars.map((b) => sphereColor(b.key)) },
          ...hoverFields(input.bars.map(hover)),
        },
      ];
  const max = maxOf(
    input.bars.map((b) => b.value),
    0,
  );
  const min = minOf(
    input.bars.map((b) => b.value),
    0,
  );
  const annotations = input.index
    ? [
        {
          xref: "paper",
          yref: "paper",
          x: 1,
          y: 1,
          xanchor: "right",
          yanchor: "top",
          text: plotlyText(`${input.index.label}: ${formatValue(input.index.value)}`),
          showarrow: false,
          font: { size: 14, color: "#000000" },
          bgcolor: "rgba(255,255,255,0.9)",
          bordercolor: "#999999",
          borderwidth: 1,
          borderpad: 4,
        },
      ]
    : [];
  const longest = maxOf(
    (grouped ? groups : keys.map((k) => labelOf(k))).map((l) => l.length),
    1,
  );
  const cats = grouped ? groups.length : keys.length;
  const angled = longest * cats * 7.5 > (options.width ?? 900) - 110;
  return houseFigure({
    kind: "balance-bars",
    data,
    layout: {
      barmode: "group",
      bargap: 0.25,
      xaxis: { type: "category", ticks: "", automargin: false, ...(angled ? { tickangle: -30 } : {}) },
      yaxis: valueAxisFor(
        input.quantity,
        unit,
        input.bars.map((b) => b.value),
        {
          range: [min < 0 ? min * 1.15 : 0, max > 0 ? max * (input.index ? 1.3 : 1.15) : 1],
        },
      ),
      annotations,
    },
    ...commonParts(options),
    note: options.note,
    sources: mergeSourceLists([input.sources, ...input.bars.map((b) => b.sources)]),
    unit,
    bottomAxisPx: angled ? 40 + Math.round(Math.min(longest, 30) * 7 * 0.5) : 40,
    legendNames: grouped ? keys.map(labelOf) : [],
  });
}
