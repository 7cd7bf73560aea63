/**
 * The colours of Caspian Lab charts: the colour-blind-safe palette (Okabe–Ito, then Paul Tol's "muted"), fixed
 * colours per state, organisation, scope, sphere and membership status, colours for any other key by hash, and
 * small colour helpers (alpha, readable text on a background).
 * @module
 */
import { NO_STATUS, SPHERE_TERMS, STATUS_TERMS } from "../data/vocabulary";
import { humanize } from "./text";

/**
 * Okabe–Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies.
 * @category House style
 */
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
 * @category House style
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

/**
 * Fixed colours of states, the same in every chart. Central Asia and Azerbaijan get the Okabe–Ito core.
 * @category House style
 */
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

/**
 * Fixed colours of organisations, the same in every chart.
 * @category House style
 */
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
 * @category House style
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

/**
 * Colours of the spheres of the balance index: the colour of the sphere's anchor organisation (lib/data/vocabulary).
 * @category House style
 */
export const SPHERE_COLORS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPHERE_TERMS).map(([sphere, t]) => [sphere, t.color]),
);

/**
 * Membership statuses in order of strength, with their colours and short cell labels (from lib/data/vocabulary).
 * @category House style
 */
export const STATUS_STYLES: readonly {
  readonly status: string;
  readonly label: string;
  readonly short: string;
  readonly color: string;
}[] = Object.entries(STATUS_TERMS)
  .sort(([, a], [, b]) => a.rank - b.rank)
  .map(([status, t]) => ({ status, label: t.label, short: t.letter, color: t.color }));

/**
 * Colour of "no status" cells.
 * @category House style
 */
export const NONE_COLOR = NO_STATUS.color;

/**
 * 32-bit FNV-1a hash of a string. @example hashString("AZE") === hashString("AZE") // => true
 * @category House style
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The palette without its two light colours (sand, pale cyan), for lines and hashed keys.
 * @category House style
 */
export const LINE_PALETTE: readonly string[] = PALETTE.filter((c) => c !== "#DDCC77" && c !== "#88CCEE");

/**
 * A palette colour for any key, the same on every call (by hash). @example hashColor("x") === hashColor("x") // => true
 * @category House style
 */
export function hashColor(key: string): string {
  return LINE_PALETTE[hashString(key) % LINE_PALETTE.length]!;
}

/**
 * Colour of a state: fixed for the states of the study, by hash for others. @example stateColor("AZE") // => "#0072B2"
 * @category House style
 */
export function stateColor(iso3: string): string {
  return STATE_COLORS[iso3] ?? hashColor(`state:${iso3}`);
}

/**
 * Colour of an organisation: fixed for known ones, by hash for others. @example orgColor("SCO") // => "#D55E00"
 * @category House style
 */
export function orgColor(id: string): string {
  return ORG_COLORS[id] ?? hashColor(`org:${id}`);
}

/**
 * Colour of a sphere of the balance index. @example sphereColor("turkic") // => "#56B4E9"
 * @category House style
 */
export function sphereColor(sphere: string): string {
  return SPHERE_COLORS[sphere] ?? hashColor(`sphere:${sphere}`);
}

/**
 * Style of a membership status (unknown statuses get a hashed colour).
 * @example statusStyle("observer") // => { status: "observer", label: "Observer", short: "O", color: "#E69F00" }
 * @category House style
 */
export function statusStyle(status: string): {
  readonly status: string;
  readonly label: string;
  readonly short: string;
  readonly color: string;
} {
  return (
    STATUS_STYLES.find((s) => s.status === status) ?? {
      status,
      label: humanize(status),
      short: status.slice(0, 2),
      color: hashColor(`status:${status}`),
    }
  );
}

/**
 * Colour of a key that may be a state, an organisation or a sphere (fixed maps first), else by hash.
 * @example keyColor("KAZ") // => "#56B4E9"
 * @category House style
 */
export function keyColor(key: string): string {
  return fixedColor(key) ?? hashColor(key);
}

/**
 * The fixed colour of a state, organisation, sphere or scope, if it has one.
 * @example fixedColor("SCO") // => "#D55E00"
 * @example fixedColor("x") // => undefined
 * @category House style
 */
export function fixedColor(key: string): string | undefined {
  return STATE_COLORS[key] ?? ORG_COLORS[key] ?? SPHERE_COLORS[key] ?? SCOPE_COLORS[key];
}

/**
 * Colours for the keys of one chart: fixed-map colours for states, organisations, spheres and scopes (unless two
 * keys of the chart share one); other keys by hash, moved to the next free palette colour when the hashed one is
 * taken in this chart. Deterministic.
 * @example assignColors(["AZE", "x"]).get("AZE") // => "#0072B2"
 * @category House style
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
 * `#RRGGBB` with an alpha, as `rgba(…)`. @example withAlpha("#0072B2", 0.2) // => "rgba(0,114,178,0.2)"
 * @category House style
 */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/**
 * Black or white, whichever reads better on a background colour. @example textOn("#00466E") // => "#FFFFFF"
 * @category House style
 */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#000000" : "#FFFFFF";
}
