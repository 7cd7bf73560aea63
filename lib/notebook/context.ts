/**
 * The notebook context: one call at the top of a notebook checks its parameters against the data, resolves the
 * as-of date, and gives what every cell needs — the package as known by then, the focal state's names, the source
 * catalogue — and the helpers that show and register a figure or a table in one call, and that say in a sentence
 * when the data hold nothing instead of showing an empty table or failing.
 * @example
 * // not run: needs a notebook kernel for its output
 * const nb = notebook({ focal: focal, asOf: asOf, scenario: scenario }, { scenarios: { strict: "reporter and mirror figures" } });
 * nb.figure("trade", cl.comparisonBarsFigure(input, nb.options({ title: "Trade" })), "Trade with Central Asia.");
 * @module
 */
import type { Iso3 } from "../core/types";
import { formatDate, latestDataDate, resolveAsOf, yearOf } from "./as-of";
import { checkFocal, orgName, stateName, statePossessive } from "./names";
import { packageKnownBy } from "../data/vintage";
import { dataPackage, type DataPackage } from "../data/load";
import type { SourceRow } from "../data/resources";
import type { FigureOptions, SourceCatalog } from "../figures/inputs";
import type { PlotlyFigure } from "../figures/plotly";
import { figureTitle } from "../figures/plotly";
import { isEmptyFigure } from "../figures/no-data";
import { fitLegend } from "../figures/legend-fit";
import type { TableInput } from "../figures/table";
import { displayHtml, displayMarkdown, show } from "../display/show";
import { type Markdown, md, mdJoin } from "../display/safe-text";
import { tableHtml, type TableHtmlOptions } from "../display/table-html";
import { registerFigure, registerTable } from "../export/registry";

/**
 * The parameters of a notebook run, as the parameter cell holds them (a bare year may arrive as a number).
 * @category Notebook context
 */
export interface NotebookParameters {
  readonly focal?: string | null;
  readonly asOf?: string | number | null;
  readonly scenario?: string | null;
}

/**
 * What a notebook declares about itself and its parameters.
 * @category Notebook context
 */
export interface NotebookSpec<S extends string = string> {
  /**
   * The scenarios the notebook accepts, each with what it means ("strict": "reporter and mirror figures only").
   * Without it, any scenario is accepted and the notebook parses it itself.
   */
  readonly scenarios?: Readonly<Record<S, string>>;
  /** What each parameter changes in this notebook: one clause each, shown in the run's opening sentence. */
  readonly effects?: { readonly focal?: string; readonly asOf?: string; readonly scenario?: string };
  /** Whether an empty focal parameter means "every state" (default: the focal state is required). */
  readonly focalMayBeEmpty?: boolean;
  /** The data package (default: {@link dataPackage}, i.e. data/ or CASPIAN_DATA). */
  readonly pkg?: DataPackage;
  /** Show nothing when the context is made (default: the opening sentence on the parameters is shown). */
  readonly quiet?: boolean;
}

/**
 * Options of {@link Notebook.table}.
 * @category Notebook context
 */
export interface NotebookTableOptions extends Omit<TableHtmlOptions, "sourceCatalog" | "empty"> {
  /** Why the table can be empty, as a sentence, shown instead of a table without rows. */
  readonly empty: string;
  /** The caption registered with the report pack (default: none). */
  readonly reportCaption?: string;
  /** Ids of the data rows the table shows (`events:sco-dialogue-aze`), registered beside its sources. */
  readonly rows?: readonly string[];
}

/**
 * The context a notebook works in; see {@link notebook}.
 * @category Notebook context
 */
export interface Notebook<S extends string = string> {
  /** Every row of the package: names and the source catalogue come from here. */
  readonly pkg: DataPackage;
  /** The rows known by the as-of date (published by then); the package itself at the latest date. */
  readonly known: DataPackage;
  /** The as-of date, ISO (the latest date in the data when the parameter is empty). */
  readonly asOf: string;
  /** Its year. */
  readonly year: number;
  /** The latest date in the data. */
  readonly latest: string;
  /** Whether the run is as of the latest date in the data. */
  readonly isLatest: boolean;
  /** The as-of date in words, with "(the latest date in the data)" when it is. */
  readonly asOfText: string;
  /** The focal state (ISO3, as in states.csv); "" when the notebook allows every state and none was given. */
  readonly focal: Iso3;
  /** The focal state's name ("Georgia"); "every state" when focal is "". */
  readonly name: string;
  /** Its possessive ("Georgia's"). */
  readonly possessive: string;
  /** The scenario, checked against the declared ones. */
  readonly scenario: S;
  /** The source catalogue (sources.csv), for footnotes. */
  readonly catalog: readonly SourceRow[];
  /** A state's short name. */
  stateName(iso3: string): string;
  /** An organisation's full name. */
  orgName(id: string): string;
  /** The publishers of sources, distinct, joined with "; " ("" for none). */
  publishers(ids: readonly string[]): string;
  /** The latest publication date of sources (ISO, "" when none is dated). */
  published(ids: readonly string[]): string;
  /** Figure options with the source catalogue filled in. */
  options<O extends FigureOptions>(options: O): O & { readonly sourceCatalog: SourceCatalog };
  /** Shows Markdown. */
  say(text: Markdown): void;
  /** "No <what> for Georgia by 31 December 2016." — the sentence for a section the data leave empty. */
  none(what: string): string;
  /**
   * Shows a figure and registers it for the report pack. A figure with nothing to draw is shown as a sentence
   * (its title and message) and not registered. `fit` makes room for a long legend first; `rows` names the data
   * rows drawn (`corridor_flows:titr-whole-2019-cargo`), registered beside the source ids so the main job's summary
   * can say which figures draw a changed row.
   */
  figure(
    id: string,
    figure: PlotlyFigure,
    caption: string,
    options?: { readonly fit?: boolean; readonly rows?: readonly string[] },
  ): void;
  /** Shows a table and registers it for the report pack; a table without rows is the `empty` sentence instead. */
  table(id: string, table: TableInput & { readonly title: string }, options: NotebookTableOptions): void;
  /**
   * A section that may be empty: shows `heading` (Markdown, level 3) when given, then runs `body` with the items,
   * or shows `empty` when there are none. Returns whether the body ran.
   */
  section<T>(
    heading: string | undefined,
    items: readonly T[],
    empty: string,
    body: (items: readonly T[]) => void,
  ): boolean;
}

/**
 * The context of a notebook run (see the module comment). Checks `focal` against states.csv, `asOf` as an ISO date
 * and `scenario` against `spec.scenarios`, throwing a `RangeError` that names the parameter and the values allowed;
 * then shows one sentence saying what each parameter is in this run and what it changes (`spec.effects`).
 * @example notebook({ focal: "geo", asOf: 2016 }, { quiet: true }).name // => "Georgia"
 * @example notebook({ focal: "AZE", asOf: "2016" }, { quiet: true }).asOfText // => "31 December 2016"
 * @category Notebook context
 */
export function notebook<S extends string = string>(
  params: NotebookParameters,
  spec: NotebookSpec<S> = {},
): Notebook<S> {
  const pkg = spec.pkg ?? dataPackage();
  const focalGiven = String(params.focal ?? "").trim();
  const focal = focalGiven === "" && spec.focalMayBeEmpty ? ("" as Iso3) : checkFocal(pkg, focalGiven);
  const latest = latestDataDate(pkg);
  const asOf = resolveAsOf(params.asOf === null || params.asOf === undefined ? "" : String(params.asOf), pkg);
  const scenario = checkScenario(params.scenario, spec.scenarios);
  const known = asOf === latest ? pkg : packageKnownBy(pkg, asOf);
  const name = focal === "" ? "every state" : stateName(pkg, focal);
  const asOfText = `${formatDate(asOf)}${asOf === latest ? " (the latest date in the data)" : ""}`;
  const source = (id: string) => pkg.sourceById.get(id);
  const nb: Notebook<S> = {
    pkg,
    known,
    asOf,
    year: yearOf(asOf),
    latest,
    isLatest: asOf === latest,
    asOfText,
    focal,
    name,
    possessive: focal === "" ? "every state's" : statePossessive(pkg, focal),
    scenario,
    catalog: pkg.sources,
    stateName: (iso3) => stateName(pkg, iso3),
    orgName: (id) => orgName(pkg, id),
    publishers: (ids) => [...new Set(ids.map((id) => source(id)?.publisher ?? id))].join("; "),
    published: (ids) =>
      ids
        .map((id) => source(id)?.published ?? "")
        .filter((d) => d !== "")
        .sort()
        .at(-1) ?? "",
    options: (options) => ({ ...options, sourceCatalog: options.sourceCatalog ?? pkg.sources }),
    say: (text) => displayMarkdown(text),
    none: (what) => `No ${what} for ${name} by ${formatDate(asOf)}.`,
    figure(id, figure, caption, options = {}) {
      if (isEmptyFigure(figure)) {
        const annotations = (figure.layout.annotations ?? []) as readonly { text?: unknown }[];
        const message = String(annotations[0]?.text ?? "No data.");
        displayMarkdown(md`**${figureTitle(figure)}.** ${message.replace(/<br>/g, " ")}`);
        return;
      }
      const shown = options.fit ? fitLegend(figure) : figure;
      show(shown);
      registerFigure({
        id,
        caption,
        figure: shown,
        sourceCatalog: pkg.sources,
        ...(options.rows !== undefined ? { rows: options.rows } : {}),
      });
    },
    table(id, table, options) {
      const { reportCaption, rows, ...display } = options;
      displayHtml(tableHtml(table, { ...display, sourceCatalog: pkg.sources }));
      if (table.rows.length === 0) return;
      registerTable({
        id,
        title: table.title,
        table,
        sourceCatalog: pkg.sources,
        ...(reportCaption !== undefined ? { caption: reportCaption } : {}),
        ...(rows !== undefined ? { rows } : {}),
      });
    },
    section(heading, items, empty, body) {
      if (heading !== undefined) displayMarkdown(md`### ${heading}`);
      if (items.length === 0) {
        displayMarkdown(md`${empty}`);
        return false;
      }
      body(items);
      return true;
    },
  };
  if (!spec.quiet) displayMarkdown(parametersSentence(nb, spec));
  return nb;
}

/** Checks a scenario against the declared ones; the first declared is the default for an empty value. */
function checkScenario<S extends string>(given: string | null | undefined, scenarios?: Readonly<Record<S, string>>): S {
  const value = String(given ?? "").trim();
  if (scenarios === undefined) return value as S;
  const allowed = Object.keys(scenarios) as S[];
  if (value === "" && allowed.length > 0) return allowed[0]!;
  if (!(allowed as string[]).includes(value))
    throw new RangeError(`scenario = "${value}" is not one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
  return value as S;
}

/**
 * The opening sentence of a run: each parameter's value in this run, and what it changes in the notebook.
 * @example parametersSentence(notebook({ focal: "GEO", asOf: "2016" }, { quiet: true }), { effects: { focal: "its trade comes first" } }).source.includes("**Georgia** (GEO): its trade comes first") // => true
 * @category Notebook context
 */
export function parametersSentence(
  nb: Pick<Notebook, "focal" | "name" | "asOfText" | "scenario" | "isLatest">,
  spec: Pick<NotebookSpec, "effects" | "scenarios">,
): Markdown {
  const effects = spec.effects ?? {};
  const parts: Markdown[] = [];
  const tail = (effect: string | undefined) => (effect !== undefined ? md`: ${effect}` : md``);
  parts.push(
    nb.focal === ""
      ? md`focal state: **every state**${tail(effects.focal)}`
      : md`focal state **${nb.name}** (${nb.focal})${tail(effects.focal)}`,
  );
  parts.push(md`data as of **${nb.asOfText}**${tail(effects.asOf)}`);
  const meaning = spec.scenarios ? (spec.scenarios as Readonly<Record<string, string>>)[nb.scenario] : undefined;
  if (nb.scenario !== "")
    parts.push(
      md`scenario **${nb.scenario}**${meaning !== undefined ? md` (${meaning})` : md``}${tail(effects.scenario)}`,
    );
  return md`**This run.** ${mdJoin(parts, "; ")}.`;
}
