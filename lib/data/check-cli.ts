#!/usr/bin/env node
/**
 * `npm run data:check`: validates the whole package, checks that datapackage.json matches the definitions,
 * and prints row counts per resource and the share of value rows backed by a quoted source.
 * `npm run data:check -- --write` regenerates datapackage.json.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomicSync } from "../core/atomic";
import { DataError, formatIssue } from "./csv";
import { datapackageText } from "./datapackage";
import { coverageReport, type CoverageCount } from "./coverage";
import { checkPackage, keyOfResource, type DataPackage } from "./load";
import type { ResourceDef } from "./resource";
import { allResources } from "./resources";
import { VINTAGE_RESOURCES } from "./vintage";
import { defaultDataDir } from "./paths";

/**
 * Share of rows whose every cited source has a non-empty quote and address (rows citing no source, the declared gaps
 * of membership_coverage.csv, are not value rows).
 * @example
 * const { backed, total } = quotedShare(pkg);
 * backed === total // => true (every value row of the checkout is backed)
 * @category Schema and validation
 */
export function quotedShare(pkg: DataPackage): { backed: number; total: number } {
  // Rows without sources carry no value (the declared gaps of membership_coverage.csv): not counted.
  const valueRows: { sources: readonly string[] }[] = VINTAGE_RESOURCES.flatMap(
    (k) => pkg[k] as readonly { sources: readonly string[] }[],
  ).filter((r) => r.sources.length > 0);
  const backed = valueRows.filter((r) =>
    r.sources.every((id) => {
      const s = pkg.sourceById.get(id);
      return s !== undefined && s.quote.trim() !== "" && s.url.trim() !== "";
    }),
  ).length;
  return { backed, total: valueRows.length };
}

/**
 * Where {@link runDataCheck} writes: standard output and standard error by default.
 * @category Schema and validation
 */
export interface CheckOutput {
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
}

/**
 * Validates the package in `dir` and prints what `npm run data:check` prints: warnings (a byte-order mark, CRLF line
 * ends: read correctly, worth fixing) and problems on `error`, row counts on `log`. Returns the exit code: 0 when
 * the package is valid and every value row is backed by a quoted source, else 1.
 * @example runDataCheck(defaultDataDir(), { log: () => {}, error: () => {} }) // => 0 (the checkout's package is valid)
 * @category Schema and validation
 */
export function runDataCheck(
  dir: string,
  out: CheckOutput = { log: (l) => console.log(l), error: (l) => console.error(l) },
): number {
  const t0 = performance.now();
  const { pkg, issues, warnings } = checkPackage(dir);
  for (const w of warnings) out.error(`warning: ${formatIssue(w)}`);
  if (!pkg) {
    out.error(new DataError(issues).message);
    return 1;
  }
  const ms = performance.now() - t0;
  const counts: [string, number][] = (allResources as readonly ResourceDef<unknown>[]).map((def) => [
    def.name,
    (pkg[keyOfResource(def.name)] as readonly unknown[]).length,
  ]);
  out.log("data package is valid");
  for (const [name, n] of counts) out.log(`  ${name.padEnd(20)} ${String(n).padStart(5)} rows`);
  const { backed, total } = quotedShare(pkg);
  out.log(
    `  value rows backed by a quoted, addressed source: ${backed}/${total} (${((100 * backed) / Math.max(1, total)).toFixed(1)} %)`,
  );
  out.log(`  loaded in ${ms.toFixed(0)} ms`);
  const coverageOk = printCoverage(pkg, out);
  return backed === total && coverageOk ? 0 : 1;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const countsText = (c: CoverageCount) =>
  `${c.status} status, ${c.absent} sourced absence, ${c.gap} gap, ${c.none} not researched`;

/**
 * Prints the coverage of the membership matrix (lib/data/coverage): the twelve panel states, then every state whose
 * row is not fully explicit. Returns false when a cell of the twelve is not explicit (each such cell is printed).
 * @example printCoverage(pkg, { log: () => {}, error: () => {} }) // => true
 * @category Schema and validation
 */
export function printCoverage(pkg: DataPackage, out: CheckOutput): boolean {
  const report = coverageReport(pkg);
  const p = report.panel;
  out.log(
    `membership matrix, the twelve panel states × ${pkg.organizations.length} organisations: ${p.total} cells, ` +
      `${pct(p.explicitShare)} explicit (${countsText(p)})`,
  );
  for (const c of report.panelMissing)
    out.error(
      `data/membership_coverage.csv: ${c.state} × ${c.org} is neither a status (memberships.csv), a sourced absence nor a gap: add one`,
    );
  const partial = report.states.filter((s) => s.none > 0);
  const full = report.states.length - partial.length;
  out.log(`  every state of states.csv: ${full} of ${report.states.length} with every cell explicit; the others:`);
  for (const s of partial) out.log(`  ${s.state}  ${pct(s.explicitShare).padStart(7)} explicit (${countsText(s)})`);
  return report.panelMissing.length === 0;
}

function main(): number {
  const dir = defaultDataDir();
  const file = join(dir, "datapackage.json");
  const want = datapackageText();
  if (process.argv.includes("--write")) {
    writeFileAtomicSync(file, want);
    console.log(`wrote ${file}`);
  }
  let have = "";
  try {
    have = readFileSync(file, "utf8");
  } catch {
    /* reported below */
  }
  if (have !== want) {
    console.error(`data/datapackage.json is out of date with lib/data/resources.ts: run npm run data:check -- --write`);
    return 1;
  }
  return runDataCheck(dir);
}

if (typeof require !== "undefined" && require.main === module) process.exit(main());
