#!/usr/bin/env node
// `npm run sweep`: runs the notebooks for many focal states and as-of dates and checks what a reader sees in each
// executed page and in its reader's page (runner/sweep-check.ts): no markup shown as text, no "undefined"/"NaN"/"[object Object]", no empty list, no value compared
// with itself, no table without rows and without a sentence, no failed cell, and the focal state named in 02–05 and 07.
//   npm run sweep -- [--states AZE,GEO] [--dates 2008,latest] [--notebooks 02,03] [--out DIR] [--no-html] [--force]
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { dataPackage } from "../lib/data/load";
import { PANEL_STATES, stateName } from "../lib/notebook/names";
import { writeFileAtomicSync } from "../lib/core/atomic";
import { defaultOptions } from "./options";
import { buildReportPages } from "./report-pages";
import { describeFailure, runNotebooks } from "./run";
import { readerPageProblems, readerProblems, type ReaderProblem } from "./sweep-check";

/** The twelve states the notebooks are about, and four more of the package (an observer, a late member, one with few ties). */
export const SWEEP_STATES: readonly string[] = [...PANEL_STATES, "MNG", "IND", "AFG", "MDV"];

/** As-of dates of the sweep; "latest" is the latest date in the data (the parameter left empty). */
export const SWEEP_DATES = ["2008", "2012", "2016", "2020", "latest"] as const;

/** Notebooks whose pages must name the focal state. */
const NAMES_FOCAL = /^0[2-57]-/;

/** Options of {@link runSweep}. */
export interface SweepOptions {
  readonly states: readonly string[];
  readonly dates: readonly string[];
  /** Notebook name filters (empty: all). */
  readonly notebooks: readonly string[];
  readonly outDir: string;
  readonly html: boolean;
  readonly force: boolean;
  readonly log?: (line: string) => void;
}

/** One page checked. */
export interface SweepPage {
  readonly state: string;
  readonly date: string;
  readonly notebook: string;
  readonly ok: boolean;
  readonly problems: readonly ReaderProblem[];
}

/** What a sweep found. */
export interface SweepReport {
  readonly runs: number;
  readonly pages: readonly SweepPage[];
  readonly problems: number;
  readonly ms: number;
}

/** Runs the sweep (see the module comment); one main-job run per state and date, in its own output folder. */
export async function runSweep(options: SweepOptions): Promise<SweepReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const pkg = dataPackage();
  const pages: SweepPage[] = [];
  let runs = 0;
  for (const state of options.states) {
    for (const date of options.dates) {
      runs += 1;
      const parameters: Record<string, unknown> = { focal: state, ...(date === "latest" ? {} : { asOf: date }) };
      const results = await runNotebooks({
        ...defaultOptions(),
        outDir: join(options.outDir, `${state}-${date}`),
        only: options.notebooks,
        parameters,
        html: options.html,
        quiet: true,
        force: options.force,
      });
      // The reader's pages, as the main job builds them after its notebooks.
      if (options.html) buildReportPages(join(options.outDir, `${state}-${date}`), () => {});
      for (const r of results) {
        const problems: ReaderProblem[] = [];
        if (!r.ok)
          problems.push({ cell: r.failure?.cell ?? -1, rule: "the notebook failed", excerpt: describeFailure(r) });
        if (existsSync(r.executed)) {
          const executed = JSON.parse(readFileSync(r.executed, "utf8")) as Parameters<typeof readerProblems>[0];
          const mustName = NAMES_FOCAL.test(r.name) ? stateName(pkg, state) : undefined;
          problems.push(...readerProblems(executed, mustName !== undefined ? { mustName } : {}));
        } else if (r.ok) problems.push({ cell: -1, rule: "no executed notebook", excerpt: r.executed });
        // The reader's page (out/report/<run>.html) as a report writer hands it out.
        const page = join(dirname(dirname(r.executed)), "report", `${basename(r.executed, ".ipynb")}.html`);
        if (options.html && r.ok) {
          if (existsSync(page)) problems.push(...readerPageProblems(readFileSync(page, "utf8")));
          else problems.push({ cell: -1, rule: "no reader's page", excerpt: page });
        }
        pages.push({ state, date, notebook: r.name, ok: r.ok, problems });
        for (const p of problems)
          log(`${state} ${date} ${r.name} cell ${p.cell}: ${p.rule}: ${p.excerpt.replace(/\s+/g, " ").slice(0, 240)}`);
      }
      log(`[sweep] ${state} as of ${date}: ${results.length} notebooks, ${results.filter((r) => !r.ok).length} failed`);
    }
  }
  const problems = pages.reduce((n, p) => n + p.problems.length, 0);
  return { runs, pages, problems, ms: Date.now() - started };
}

function list(value: string | undefined, fallback: readonly string[]): string[] {
  return value === undefined
    ? [...fallback]
    : value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      states: { type: "string" },
      dates: { type: "string" },
      notebooks: { type: "string" },
      out: { type: "string" },
      "no-html": { type: "boolean" },
      force: { type: "boolean" },
    },
  });
  const outDir = resolve(values.out ?? join(tmpdir(), "caspian-sweep"));
  const report = await runSweep({
    states: list(values.states, SWEEP_STATES),
    dates: list(values.dates, SWEEP_DATES),
    notebooks: list(values.notebooks, []),
    outDir,
    html: !values["no-html"],
    force: values.force ?? false,
    log: (l) => console.log(l),
  });
  writeFileAtomicSync(join(outDir, "sweep-report.json"), `${JSON.stringify(report, null, 1)}\n`);
  const failed = report.pages.filter((p) => !p.ok).length;
  console.log(
    `\n[sweep] ${report.runs} runs (states × dates), ${report.pages.length} pages checked, ${failed} failed, ` +
      `${report.problems} problems in ${(report.ms / 60000).toFixed(1)} min; report: ${join(outDir, "sweep-report.json")}`,
  );
  return report.problems === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(2);
    },
  );
}
