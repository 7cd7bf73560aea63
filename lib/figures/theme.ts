/**
 * The house theme of Caspian Lab charts: size, fonts, a colour-blind-safe palette with fixed colours per state,
 * organisation, sphere and membership status, axes with units and integer years, and the source footnote.
 * @module
 */
import type { PlotlyFigure } from "./plotly";
import type { SourceId } from "../core/types";
import type { SourceCatalog, SourceInfo } from "./inputs";
import { maxOf, minOf } from "../core/extent";

/** Okabe–Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies. */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

/**
 * Colours for lines and bars, in order: Okabe–Ito without yellow and black (too light / reserved for text), then
 * Paul Tol's "muted" scheme, also designed for colour-blind readers, for charts with more than seven keys.
 */
export const PALETTE: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  "#332288",
  "#117733",
  "#882255",
  "#999933",
  "#44AA99",
  "#AA4499",
  "#DDCC77",
  "#CC6677",
  "#88CCEE",
];

/** Fixed colours of states, the same in every chart. Central Asia and Azerbaijan get the Okabe–Ito core. */
export const STATE_COLORS: Readonly<Record<string, string>> = {
  AZE: OKABE_ITO.blue,
  KAZ: OKABE_ITO.skyBlue,
  UZB: OKABE_ITO.bluishGreen,
  TKM: OKABE_ITO.orange,
  KGZ: OKABE_ITO.vermillion,
  TJK: OKABE_ITO.reddishPurple,
  TUR: "#882255",
  CHN: "#CC6677",
  RUS: "#332288",
  IRN: "#44AA99",
  GEO: "#999933",
  ARM: "#88CCEE",
  PAK: "#117733",
  IND: "#AA4499",
  MNG: "#DDCC77",
  HUN: "#661100",
  XNC: "#777777",
};

/** Fixed colours of organisations, the same in every chart. */
export const ORG_COLORS: Readonly<Record<string, string>> = {
  SCO: OKABE_ITO.vermillion,
  CICA: OKABE_ITO.orange,
  OTS: OKABE_ITO.skyBlue,
  CIS: "#332288",
  CSTO: "#882255",
  EAEU: "#AA4499",
  GUAM: "#999933",
  OSCE: OKABE_ITO.blue,
  COE: "#117733",
  NAM: OKABE_ITO.bluishGreen,
  OIC: "#44AA99",
  ECO: "#DDCC77",
  BSEC: "#88CCEE",
  CACM: OKABE_ITO.reddishPurple,
  WTO: "#CC6677",
  UN: "#777777",
};

/**
 * Fixed colours of the scopes of data/ (corridor flows and transit), so that a publisher's scope keeps its colour
 * in every chart. Scopes of one resource never share a colour.
 */
export const SCOPE_COLORS: Readonly<Record<string, string>> = {
  whole_route: OKABE_ITO.blue,
  caspian_ports: OKABE_ITO.orange,
  azerbaijan_railways: OKABE_ITO.bluishGreen,
  titr_rail: OKABE_ITO.vermillion,
  titr_containers: OKABE_ITO.skyBlue,
  port_of_baku: OKABE_ITO.reddishPurple,
  btk_railway: "#332288",
  btk_cumulative: "#882255",
  total_transit: OKABE_ITO.blue,
  rail_transit: OKABE_ITO.bluishGreen,
  ots_transit: OKABE_ITO.skyBlue,
  traceca_az_section: OKABE_ITO.orange,
  traceca_az_transit: OKABE_ITO.vermillion,
  east_west_transit: OKABE_ITO.reddishPurple,
  turkic_states_cargo: "#882255",
  corridors_total: "#332288",
};

/** Colours of the spheres of the balance index: the colour of the sphere's anchor organisation. */
export const SPHERE_COLORS: Readonly<Record<string, string>> = {
  euro_atlantic: ORG_COLORS.OSCE!,
  russia_led: ORG_COLORS.CIS!,
  china_led: ORG_COLORS.SCO!,
  turkic: ORG_COLORS.OTS!,
  islamic: ORG_COLORS.OIC!,
  asian_dialogue: ORG_COLORS.CICA!,
  non_aligned: ORG_COLORS.NAM!,
  global: ORG_COLORS.UN!,
  black_sea: ORG_COLORS.BSEC!,
};

/** Membership statuses in order of strength, with their colours and short cell labels. */
export const STATUS_STYLES: readonly { readonly status: string; readonly label: string; readonly short: string; readonly color: string }[] = [
  { status: "founding_member", label: "Founding member", short: "FM", color: "#00466E" },
  { status: "member", label: "Member", short: "M", color: OKABE_ITO.blue },
  { status: "associate", label: "Associate", short: "A", color: OKABE_ITO.skyBlue },
  { status: "observer", label: "Observer", short: "O", color: OKABE_ITO.orange },
  { status: "partner", label: "Partner", short: "P", color: OKABE_ITO.bluishGreen },
  { status: "dialogue_partner", label: "Dialogue partner", short: "DP", color: OKABE_ITO.yellow },
  { status: "applicant", label: "Applicant", short: "Ap", color: OKABE_ITO.reddishPurple },
  { status: "suspended", label: "Suspended", short: "S", color: OKABE_ITO.vermillion },
  { status: "former", label: "Former", short: "F", color: "#999999" },
];

/** Colour of "no status" cells. */
export const NONE_COLOR = "#F0F0F0";

/** Sizes and fonts of the house style: readable at half an A4 page (900 × 500 px, fonts ≥ 12 px). */
export const HOUSE = {
  width: 900,
  height: 500,
  /** DejaVu Sans is what Debian's Chromium has; Verdana has nearly the same metrics elsewhere. */
  fontFamily: '"DejaVu Sans", Verdana, "Open Sans", Arial, sans-serif',
  fontSize: 13,
  titleSize: 17,
  subtitleSize: 13,
  footnoteSize: 12,
  tickSize: 12,
  textColor: "#222222",
  mutedColor: "#555555",
  gridColor: "#E3E3E3",
  /** Average advance of a character at 12 px in DejaVu Sans, for line-fitting estimates. */
  charWidth12: 6.4,
} as const;

/** 32-bit FNV-1a hash of a string. @example hashString("AZE") === hashString("AZE") // => true */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The palette without its two light colours (sand, pale cyan), for lines and hashed keys. */
export const LINE_PALETTE: readonly string[] = PALETTE.filter((c) => c !== "#DDCC77" && c !== "#88CCEE");

/** A palette colour for any key, the same on every call (by hash). @example hashColor("x") === hashColor("x") // => true */
export function hashColor(key: string): string {
  return LINE_PALETTE[hashString(key) % LINE_PALETTE.length]!;
}

/** Colour of a state: fixed for the states of the study, by hash for others. @example stateColor("AZE") // => "#0072B2" */
export function stateColor(iso3: string): string {
  return STATE_COLORS[iso3] ?? hashColor(`state:${iso3}`);
}

/** Colour of an organisation: fixed for known ones, by hash for others. @example orgColor("SCO") // => "#D55E00" */
export function orgColor(id: string): string {
  return ORG_COLORS[id] ?? hashColor(`org:${id}`);
}

/** Colour of a sphere of the balance index. @example sphereColor("turkic") // => "#56B4E9" */
export function sphereColor(sphere: string): string {
  return SPHERE_COLORS[sphere] ?? hashColor(`sphere:${sphere}`);
}

/** Style of a membership status (unknown statuses get a hashed colour). */
export function statusStyle(status: string): { readonly status: string; readonly label: string; readonly short: string; readonly color: string } {
  return STATUS_STYLES.find((s) => s.status === status) ?? { status, label: humanize(status), short: status.slice(0, 2), color: hashColor(`status:${status}`) };
}

/**
 * Colour of a key that may be a state, an organisation or a sphere (fixed maps first), else by hash.
 * @example keyColor("KAZ") // => "#56B4E9"
 */
export function keyColor(key: string): string {
  return fixedColor(key) ?? hashColor(key);
}

/** The fixed colour of a state, organisation, sphere or scope, if it has one. */
export function fixedColor(key: string): string | undefined {
  return STATE_COLORS[key] ?? ORG_COLORS[key] ?? SPHERE_COLORS[key] ?? SCOPE_COLORS[key];
}

/**
 * Colours for the keys of one chart: fixed-map colours for states, organisations, spheres and scopes (unless two
 * keys of the chart share one); other keys by hash, moved to the next free palette colour when the hashed one is
 * taken in this chart. Deterministic.
 * @example assignColors(["AZE", "x"]).get("AZE") // => "#0072B2"
 */
export function assignColors(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const unique = [...new Set(keys)];
  for (const k of unique) {
    const fixed = fixedColor(k);
    if (fixed !== undefined && !used.has(fixed)) {
      out.set(k, fixed);
      used.add(fixed);
    }
  }
  for (const k of unique) {
    if (out.has(k)) continue;
    const start = hashString(k) % LINE_PALETTE.length;
    let color = LINE_PALETTE[start]!;
    for (let i = 0; i < LINE_PALETTE.length; i++) {
      const c = LINE_PALETTE[(start + i) % LINE_PALETTE.length]!;
      if (!used.has(c)) {
        color = c;
        break;
      }
    }
    out.set(k, color);
    used.add(color);
  }
  return out;
}

/**
 * Text for Plotly: `&`, `<` and `>` escaped (Plotly reads a small HTML subset in every text), line breaks as `<br>`.
 * A label from the data such as `<img src=x onerror=alert(1)>` is then shown literally and never parsed.
 * @example plotlyText("a <b> & c") // => "a &lt;b&gt; &amp; c"
 */
export function plotlyText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

/** `under_scored` → `under scored`, with known acronyms in capitals. @example humanize("titr_rail") // => "TITR rail" */
export function humanize(text: string): string {
  const acronyms: Record<string, string> = { titr: "TITR", btk: "BTK", ots: "OTS", sco: "SCO", az: "AZ", kz: "KZ", traceca: "TRACECA", teu: "TEU", usd: "USD", cica: "CICA" };
  return text
    .split(/[_\s]+/)
    .filter((w) => w !== "")
    .map((w) => acronyms[w.toLowerCase()] ?? w)
    .join(" ");
}

const UNIT_LABELS: Readonly<Record<string, string>> = {
  t: "t",
  TEU: "TEU",
  containers: "containers",
  percent: "%",
  t_per_year: "t/year",
  TEU_per_year: "TEU/year",
  USD: "US$",
  index: "index",
  count: "count",
  states: "states",
  years: "years",
};

/** Units whose large values are shown in thousands, millions or billions. */
const SCALABLE = new Set(["t", "TEU", "containers", "t_per_year", "TEU_per_year", "USD"]);

/** Display form of a unit code. @example unitLabel("t_per_year") // => "t/year" */
export function unitLabel(unit: string): string {
  return UNIT_LABELS[unit] ?? unit;
}

/** How values of a unit are scaled for display: divide by `factor`, call the unit `label`. */
export interface ValueScale {
  readonly factor: number;
  /** E.g. "million t". */
  readonly label: string;
}

/**
 * A display scale for values in a unit: tonnes, TEU and dollars in thousands, millions or billions when large;
 * percentages and other units unscaled.
 * @example valueScale([3_400_000, 5_100_000], "t") // => { factor: 1e6, label: "million t" }
 */
export function valueScale(values: readonly (number | null | undefined)[], unit: string): ValueScale {
  const label = unitLabel(unit);
  if (!SCALABLE.has(unit)) return { factor: 1, label };
  const max = maxOf(values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).map(Math.abs), 0);
  if (max >= 1e9) return { factor: 1e9, label: `billion ${label}` };
  if (max >= 1e6) return { factor: 1e6, label: `million ${label}` };
  if (max >= 1e4) return { factor: 1e3, label: `thousand ${label}` };
  return { factor: 1, label };
}

/**
 * Axis title with its unit; a builder cannot make an axis without one.
 * @example axisTitle("Cargo", "million t") // => "Cargo (million t)"
 */
export function axisTitle(quantity: string, unit: string): string {
  if (unit.trim() === "") throw new RangeError(`axis "${quantity}" needs a unit`);
  return `${quantity} (${unit})`;
}

/**
 * Tick spacing of a year axis: 1, 2, 5, 10 … years so that at most about 12 ticks show.
 * @example yearStep(2015, 2026) // => 1
 * @example yearStep(1990, 2026) // => 5
 */
export function yearStep(first: number, last: number, maxTicks = 12): number {
  const span = Math.max(1, Math.ceil(last) - Math.floor(first));
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100]) if (span / step <= maxTicks) return step;
  return 100;
}

/**
 * A linear year axis with integer ticks only (`tickformat: "d"`, `dtick` 1, 2, 5 … years), padded by half a year.
 * @example yearAxis([2019, 2024]).tickformat // => "d"
 */
export function yearAxis(years: readonly number[], options: { readonly title?: string; readonly pad?: number; readonly maxTicks?: number } = {}): Record<string, unknown> {
  const finite = years.filter((y) => Number.isFinite(y));
  const lo = finite.length > 0 ? minOf(finite) : 2000;
  const hi = finite.length > 0 ? maxOf(finite) : lo + 1;
  const pad = options.pad ?? 0.5;
  const dtick = yearStep(lo, hi, options.maxTicks);
  return {
    type: "linear",
    title: { text: plotlyText(options.title ?? "Year"), standoff: 8 },
    tickformat: "d",
    hoverformat: "d",
    tickmode: "linear",
    tick0: Math.floor(lo / dtick) * dtick,
    dtick,
    range: [lo - pad, hi + pad],
    showgrid: false,
    ticks: "outside",
    ticklen: 4,
    zeroline: false,
    automargin: false,
  };
}

/** A value axis whose title carries the unit. */
export function valueAxis(quantity: string, unit: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { text: plotlyText(axisTitle(quantity, unit)), standoff: 6 },
    separatethousands: true,
    exponentformat: "none",
    gridcolor: HOUSE.gridColor,
    zeroline: true,
    zerolinecolor: "#BBBBBB",
    rangemode: "tozero",
    automargin: false,
    ...extra,
  };
}

function catalogLookup(catalog: SourceCatalog | undefined): (id: SourceId) => SourceInfo | undefined {
  if (catalog === undefined) return () => undefined;
  if (typeof catalog === "function") return catalog;
  const map = new Map(catalog.map((r) => [r.id, r] as const));
  return (id) => map.get(id);
}

/**
 * The sources line of a chart: "Sources: Publisher (date); Publisher (date, date); …", grouped by publisher in
 * first-seen order, cut to `maxChars` with "+N more". Ids not in the catalog are listed as they are.
 * @example sourcesLine(["a" as SourceId], [{ id: "a", publisher: "Report.az", published: "2024-05-02" }]) // => "Sources: Report.az (2024-05-02)"
 */
export function sourcesLine(ids: readonly SourceId[], catalog?: SourceCatalog, maxChars = 240): string {
  const lookup = catalogLookup(catalog);
  const groups = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const info = lookup(id);
    const publisher = info?.publisher ?? id;
    const dates = groups.get(publisher) ?? [];
    if (info?.published !== undefined && !dates.includes(info.published)) dates.push(info.published);
    groups.set(publisher, dates);
  }
  if (groups.size === 0) return "Sources: none recorded";
  const entries = [...groups].map(([publisher, dates]) => {
    const sorted = [...dates].sort();
    if (sorted.length === 0) return publisher;
    if (sorted.length <= 2) return `${publisher} (${sorted.join(", ")})`;
    return `${publisher} (${sorted.length} pages, ${sorted[0]!.slice(0, 4)}–${sorted[sorted.length - 1]!.slice(0, 4)})`;
  });
  const prefix = ids.length === 1 ? "Source: " : "Sources: ";
  let line = prefix + entries.join("; ");
  if (line.length <= maxChars) return line;
  for (let keep = entries.length - 1; keep >= 1; keep--) {
    line = `${prefix}${entries.slice(0, keep).join("; ")}; +${entries.length - keep} more`;
    if (line.length <= maxChars) return line;
  }
  const first = entries[0]!;
  const more = entries.length > 1 ? `; +${entries.length - 1} more` : "";
  return `${prefix}${first.slice(0, Math.max(10, maxChars - prefix.length - more.length - 1))}…${more}`;
}

/**
 * The sources line wrapped to at most `maxLines` lines of `maxChars`: publishers are dropped from the end (with
 * "+N more") until it fits.
 */
export function wrappedSourcesLine(ids: readonly SourceId[], catalog: SourceCatalog | undefined, maxChars: number, maxLines: number): string[] {
  for (let budget = maxChars * maxLines; budget > 20; budget -= 8) {
    const lines = wrapText(sourcesLine(ids, catalog, budget), maxChars);
    if (lines.length <= maxLines) return lines;
  }
  return wrapText(sourcesLine(ids, catalog, maxChars), maxChars).slice(0, maxLines);
}

/** Splits plain text into lines of at most `maxChars`, at spaces. @example wrapText("a b c", 3) // => ["a b", "c"] */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** A figure built in the house style: a Plotly figure whose `meta` holds its plain title and source ids. */
export interface CaspianFigure extends PlotlyFigure {
  readonly meta: {
    readonly title: string;
    readonly sources: readonly SourceId[];
    readonly unit?: string;
    readonly kind: string;
    /** The full sources line (not cut to the chart's width), for captions and indexes. */
    readonly sourcesText: string;
  };
}

/** Everything {@link houseFigure} needs to dress a figure. */
export interface HouseFigureParts {
  readonly kind: string;
  readonly data: readonly Record<string, unknown>[];
  /** Axes and anything else of the layout (title, margins, legend, font and footnote are added). */
  readonly layout: Record<string, unknown>;
  readonly title: string;
  readonly subtitle?: string;
  readonly note?: string;
  readonly sources: readonly SourceId[];
  readonly sourceCatalog?: SourceCatalog;
  readonly unit?: string;
  readonly width?: number;
  readonly height?: number;
  /** Pixels under the plot area taken by the x axis (tick labels and title); default 52. */
  readonly bottomAxisPx?: number;
  /** Left margin in pixels (default 78). */
  readonly left?: number;
  /** Right margin in pixels (default 24). */
  readonly right?: number;
  /** Legend entries (names), to reserve rows for a horizontal legend above the plot; none hides the legend. */
  readonly legendNames?: readonly string[];
}

const LINE_PX = 16;

/**
 * Lines a horizontal legend of these entries takes in a plot of this width (estimate from average glyph width).
 * @example legendRows(["a", "b"], 800) // => 1
 */
export function legendRows(names: readonly string[], plotWidth: number): number {
  if (names.length === 0) return 0;
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 46 + decodeLength(n) * (HOUSE.fontSize * 0.6);
    if (x > 0 && x + w > plotWidth) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  return rows;
}

function decodeLength(plotlyString: string): number {
  return plotlyString.replace(/<[^>]*>/g, "").replace(/&[a-z#0-9]+;/g, "x").length;
}

/**
 * Dresses a figure in the house style: size, font, white background, a left-aligned title, a horizontal legend
 * above the plot, and a footnote (note + sources line) under the x axis, with margins computed in pixels so that
 * nothing overlaps at the export size.
 */
export function houseFigure(parts: HouseFigureParts): CaspianFigure {
  const width = parts.width ?? HOUSE.width;
  let height = parts.height ?? HOUSE.height;
  const left = parts.left ?? 78;
  const right = parts.right ?? 24;
  const plotWidth = width - left - right;
  const maxChars = Math.floor((width - 24) / HOUSE.charWidth12);
  const noteLines = parts.note !== undefined ? wrapText(parts.note, maxChars) : [];
  const sourceLines = wrappedSourcesLine(parts.sources, parts.sourceCatalog, maxChars, 2);
  const footLines = [...noteLines, ...sourceLines];
  const bottomAxis = parts.bottomAxisPx ?? 52;
  const bottom = bottomAxis + footLines.length * LINE_PX + 12;
  const names = parts.legendNames ?? [];
  const rows = legendRows(names, plotWidth);
  const titleBlock = 14 + 24 + (parts.subtitle !== undefined ? 20 : 0);
  const top = titleBlock + (rows > 0 ? rows * 22 + 6 : 4);
  // Never let title, legend and footnote squeeze the plot below 45 % of the figure: grow the figure instead.
  const minHeight = Math.ceil((top + bottom) / 0.55);
  if (height < minHeight) height = minHeight;

  const footnote = {
    text: footLines.map(plotlyText).join("<br>"),
    xref: "paper",
    yref: "paper",
    x: -(left - 12) / plotWidth,
    y: 0,
    xanchor: "left",
    yanchor: "top",
    yshift: -bottomAxis,
    align: "left",
    showarrow: false,
    font: { size: HOUSE.footnoteSize, color: HOUSE.mutedColor },
  };
  const extraAnnotations = (parts.layout.annotations as readonly Record<string, unknown>[] | undefined) ?? [];
  const layout: Record<string, unknown> = {
    ...parts.layout,
    width,
    height,
    autosize: false,
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    font: { family: HOUSE.fontFamily, size: HOUSE.fontSize, color: HOUSE.textColor },
    title: {
      text: plotlyText(parts.title),
      ...(parts.subtitle !== undefined ? { subtitle: { text: plotlyText(parts.subtitle), font: { size: HOUSE.subtitleSize, color: HOUSE.mutedColor } } } : {}),
      x: 12 / width,
      xanchor: "left",
      xref: "container",
      y: 1 - 12 / height,
      yanchor: "top",
      yref: "container",
      font: { size: HOUSE.titleSize },
    },
    margin: { l: left, r: right, t: top, b: bottom, pad: 0 },
    showlegend: rows > 0,
    legend: {
      orientation: "h",
      x: 0,
      xanchor: "left",
      y: 1,
      yanchor: "bottom",
      font: { size: HOUSE.fontSize },
      bgcolor: "rgba(255,255,255,0)",
      traceorder: "normal",
    },
    hoverlabel: { font: { family: HOUSE.fontFamily, size: HOUSE.fontSize } },
    annotations: [...extraAnnotations, footnote],
  };
  return {
    data: parts.data,
    layout,
    config: { displaylogo: false, responsive: true, toImageButtonOptions: { format: "png", width, height, scale: 2 } },
    meta: {
      title: parts.title,
      sources: [...new Set(parts.sources)],
      kind: parts.kind,
      sourcesText: sourcesLine(parts.sources, parts.sourceCatalog, 100_000),
      ...(parts.unit !== undefined ? { unit: parts.unit } : {}) },
  };
}

/**
 * A value for labels: grouped thousands, 0–2 decimals depending on size, no trailing zeros.
 * @example formatValue(1234.5) // => "1,235"
 * @example formatValue(3.456) // => "3.46"
 */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  return VALUE_FORMATS[abs >= 100 ? 0 : abs >= 10 ? 1 : 2]!.format(value);
}

/** One formatter per number of decimals: `toLocaleString` builds a new one on every call (about 50 µs each). */
const VALUE_FORMATS = [0, 1, 2].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 }));

/** `#RRGGBB` with an alpha, as `rgba(…)`. @example withAlpha("#0072B2", 0.2) // => "rgba(0,114,178,0.2)" */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Black or white, whichever reads better on a background colour. @example textOn("#00466E") // => "#FFFFFF" */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#000000" : "#FFFFFF";
}
