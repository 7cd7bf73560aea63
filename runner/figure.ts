// `npm run figure -- <id> [--width W] [--height H] [--scale S] [--format png|svg|pdf] [--param k=v] [--out FILE]
// [--out-dir DIR]`: exports one registered figure at a chosen size, its layout fitted to that size.
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../lib/core/atomic";
import { type Exporter, launchExporter } from "../lib/export/exporter";
import { type FigureSpec, readSpecs, type RegisteredSpec } from "../lib/export/registry";
import { frameOf, refitFigure } from "../lib/figures/fit";
import type { PlotlyFigure } from "../lib/figures/plotly";
import { outputName } from "./discover";
import { newParameters, paramArgument, parseParameter, shellWord, runCommand, UsageError } from "./options";
import { projectRoot } from "./paths";

export const usage = `Usage: npm run figure -- <id> [options]
Exports one figure registered by a notebook run (out/figures/specs/<notebook>/<id>.json) at a chosen size; title,
legend, notes and sources are laid out again for that size.
  <id>                the figure id, or <notebook>/<id> when several notebooks register that id
  --width W           width in CSS pixels, 200 to 4000 (default: the figure's, 900)
  --height H          height in CSS pixels, 200 to 4000 (default: what the width needs); kept, with the title, legend,
                      notes and sources (a long list shortened to 3 lines) fitted; when the plot would get less than
                      140 px, or a row chart less than 18 px a row, the height grows to that least and a note says so
  --scale S           PNG pixels per CSS pixel, above 0 and at most 8 (default 2)
  --format F          png, svg or pdf (default png)
  -p, --param k=v     the figure of the run with these parameters (as given to npm start)
  --out FILE          file to write (default <out-dir>/export/<id>-<W>x<H>.<format>)
  --out-dir DIR       the output folder of the notebook runs (default out/)`;

/** File formats `npm run figure` writes. */
export type OneFigureFormat = "png" | "svg" | "pdf";
const FORMATS: readonly OneFigureFormat[] = ["png", "svg", "pdf"];

/** What the command line asks for. */
export interface FigureArgs {
  /** `<id>` or `<notebook>/<id>`. */
  readonly id: string;
  readonly width?: number;
  readonly height?: number;
  readonly scale: number;
  readonly format: OneFigureFormat;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly out?: string;
  readonly outDir: string;
}

function sizeArg(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || !Number.isInteger(n) || n < 200 || n > 4000)
    throw new UsageError(`--${name} must be a whole number of pixels from 200 to 4000, got "${text}"`);
  return n;
}

const OPTIONS = {
  width: { type: "string" },
  height: { type: "string" },
  scale: { type: "string" },
  format: { type: "string" },
  param: { type: "string", short: "p", multiple: true },
  out: { type: "string" },
  "out-dir": { type: "string" },
} as const;

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (e) {
    // node:util's errors (an unknown option, a missing value) are usage errors
    throw new UsageError((e as Error).message);
  }
}

/**
 * Reads the command line of `npm run figure`. Throws a {@link UsageError} naming the bad value.
 * @example parseFigureArgs(["titr-cargo", "--width", "700"]).width // => 700
 */
export function parseFigureArgs(argv: readonly string[], cwd: string = process.cwd()): FigureArgs {
  const { values, positionals } = parseCommandLine(argv);
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "which figure? give its id" : `one figure id, got ${positionals.join(", ")}`,
    );
  const format = (values.format ?? "png").toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${values.format}"`);
  let scale = 2;
  if (values.scale !== undefined) {
    scale = Number(values.scale);
    if (values.scale.trim() === "" || !Number.isFinite(scale) || scale <= 0 || scale > 8)
      throw new UsageError(`--scale must be a number above 0 and at most 8, got "${values.scale}"`);
  }
  const parameters = newParameters();
  for (const p of values.param ?? []) {
    const [k, v] = parseParameter(p);
    parameters[k] = v;
  }
  const width = sizeArg("width", values.width);
  const height = sizeArg("height", values.height);
  return {
    id: positionals[0]!,
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
    scale,
    format: format as OneFigureFormat,
    parameters,
    ...(values.out !== undefined ? { out: resolve(cwd, values.out) } : {}),
    outDir: values["out-dir"] !== undefined ? resolve(cwd, values["out-dir"]) : join(projectRoot, "out"),
  };
}

/** A figure spec found on disk, with its section (the run's output name). */
export type FoundFigure = FigureSpec & { readonly section: string; readonly file: string };

const isFigure = (s: RegisteredSpec): s is FoundFigure => s.kind === "figure";

/**
 * Finds a registered figure under `<outDir>/figures/specs`: by id, or `<notebook>/<id>`, in the default run or,
 * with parameters, in the run whose output name {@link outputName} gives. An unknown or ambiguous id is a
 * {@link UsageError} listing the ids there are; a parameter run not made yet names the `npm start` that makes it.
 * @example findFigure("out", "titr-cargo", {}).section // => "02-middle-corridor"
 */
export function findFigure(outDir: string, id: string, parameters: Readonly<Record<string, unknown>>): FoundFigure {
  const specsDir = join(outDir, "figures", "specs");
  const all = readSpecs(specsDir).filter(isFigure);
  const slash = id.lastIndexOf("/");
  const notebook = slash >= 0 ? id.slice(0, slash) : undefined;
  const bare = slash >= 0 ? id.slice(slash + 1) : id;
  // A default run's section is the notebook's name; a parameter run's adds "--" and its parameters.
  const base = (section: string) => section.split("--")[0]!;
  const ofNotebook = (section: string) =>
    notebook === undefined || base(section) === notebook || base(section).startsWith(`${notebook}-`);
  const known = () => {
    const ids = [...new Set(all.map((s) => `${base(s.section)}/${s.id}`))].sort();
    return ids.length > 0
      ? `known figures: ${ids.join(", ")}`
      : `no figure is registered under ${specsDir}: run the notebooks first (npm start)`;
  };
  const notebooks = [...new Set(all.filter((s) => s.id === bare && ofNotebook(s.section)).map((s) => base(s.section)))];
  if (notebooks.length === 0) throw new UsageError(`no figure "${id}"; ${known()}`);
  if (notebooks.length > 1)
    throw new UsageError(
      `"${id}" is registered by several notebooks: give one of ${notebooks.map((n) => `${n}/${bare}`).join(", ")}`,
    );
  const owner = notebooks[0]!;
  const paramNames = Object.keys(parameters);
  const section = paramNames.length === 0 ? owner : outputName(`${owner}.ipynb`, parameters);
  const found = all.find((s) => s.section === section && s.id === bare);
  if (found !== undefined) return found;
  const prefix = owner.split("-")[0];
  const params = paramNames.map((k) => paramArgument(k, parameters[k])).join(" ");
  const out = outDir === join(projectRoot, "out") ? "" : ` --out ${shellWord(relative(process.cwd(), outDir) || ".")}`;
  const what =
    paramNames.length === 0
      ? `the default run of ${owner}`
      : `the run of ${owner} with ${paramNames.map((k) => `${k}=${paramText(parameters[k])}`).join(", ")}`;
  throw new UsageError(
    `${what} has not registered "${bare}" (no ${join(specsDir, section, `${bare}.json`)}): make it with\n  npm start -- ${prefix}${params === "" ? "" : ` ${params}`}${out}\nthen run this again`,
  );
}

const paramText = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/** What {@link exportOneFigure} wrote. */
export interface OneFigureResult {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  /** The height asked for, when it had to grow so that nothing is cut. */
  readonly grownFrom?: number;
  readonly spec: FoundFigure;
}

/**
 * Exports one registered figure: found ({@link findFigure}), laid out again for the size (lib/figures/fit), drawn
 * by Chromium and written atomically to `args.out` (default `<outDir>/export/<id>-<W>x<H>.<format>`).
 * @example
 * // not run: starts Chromium
 * (await exportOneFigure(parseFigureArgs(["titr-cargo", "--width", "700"]))).path // => ".../out/export/titr-cargo-700x500.png"
 */
export async function exportOneFigure(
  args: FigureArgs,
  exporter?: Exporter,
  log: (line: string) => void = () => {},
): Promise<OneFigureResult> {
  const spec = findFigure(args.outDir, args.id, args.parameters);
  const layout = spec.figure.layout;
  const given = typeof layout.width === "number" && layout.width > 0 ? layout.width : 900;
  const width = args.width ?? Math.round(given);
  let figure: PlotlyFigure = refitFigure(spec.figure, {
    width,
    ...(args.height !== undefined ? { height: args.height } : {}),
  });
  if (frameOf(spec.figure) === undefined) {
    log(
      `note: ${spec.section}/${spec.id} was registered before figures kept their frame: drawn as it is, not refitted`,
    );
    figure = { ...figure, layout: { ...layout, width, height: args.height ?? layout.height ?? 500 } };
  }
  const height = Math.round(figure.layout.height as number);
  const grown = args.height !== undefined && height > args.height;
  const suffix = spec.section.includes("--") ? spec.section.slice(spec.section.indexOf("--")) : "";
  const path = args.out ?? join(args.outDir, "export", `${spec.id}${suffix}-${width}x${height}.${args.format}`);
  const own = exporter === undefined;
  const ex = exporter ?? (await launchExporter({ concurrency: 1 }));
  try {
    let data: Uint8Array | string;
    if (args.format === "png") data = await ex.png(figure, { width, height, scale: args.scale });
    else {
      const svg = await ex.svg(figure, { width, height });
      // the PDF's metadata: the figure's title, and its caption (else its sources line) as subject
      const info = { title: spec.title, subject: spec.caption !== "" ? spec.caption : spec.sourcesText };
      data = args.format === "svg" ? `${svg}\n` : await ex.pdf([{ svg, width, height }], info);
    }
    await writeFileAtomic(path, data);
  } finally {
    if (own) await ex.close();
  }
  return { path, width, height, ...(grown ? { grownFrom: args.height } : {}), spec };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(usage);
    return 0;
  }
  const args = parseFigureArgs(argv);
  const result = await exportOneFigure(args, undefined, (l) => console.error(l));
  if (result.grownFrom !== undefined)
    console.error(
      `note: ${result.width} × ${result.grownFrom} px is too small for this figure: its title, legend and footnote and a plot of at least 140 px (and 18 px for each row of a row chart, so that row labels do not overlap) need ${result.height} px at ${result.width} px wide, so it is drawn ${result.width} × ${result.height}; ask for --height ${result.height} or more to choose the size yourself`,
    );
  console.log(relative(process.cwd(), result.path) || result.path);
  return 0;
}

if (require.main === module) runCommand(main, usage);
