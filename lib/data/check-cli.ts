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
import { checkPackage, keyOfResource, type DataPackage } from "./load";
import type { ResourceDef } from "./resource";
import { allResources } from "./resources";
import { VINTAGE_RESOURCES } from "./vintage";
import { defaultDataDir } from "./paths";

/**
 * Share of rows whose every cited source has a non-empty quote and address.
 * @example
 * const { backed, total } = quotedShare(pkg);
 * backed === total // => true (every value row of the checkout is backed)
 */
export function quotedShare(pkg: DataPackage): { backed: number; total: number } {
  const valueRows: { sources: readonly string[] }[] = VINTAGE_RESOURCES.flatMap(
    (k) => pkg[k] as readonly { sources: readonly string[] }[],
  );
  const backed = valueRows.filter((r) =>
    r.sources.every((id) => {
      const s = pkg.sourceById.get(id);
      return s !== undefined && s.quote.trim() !== "" && s.url.trim() !== "";
    }),
  ).length;
  return { backed, total: valueRows.length };
}

/** Where {@link runDataCheck} writes: standard output and standard error by default. */
export interface CheckOutput {
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
}

/**
 * Validates the package in `dir` and prints what `npm run data:check` prints: warnings (a byte-order mark, CRLF line
 * ends: read correctly, worth fixing) and problems on `error`, row counts on `log`. Returns the exit code: 0 when
 * the package is valid and every value row is backed by a quoted source, else 1.
 * @example runDataCheck(defaultDataDir(), { log: () => {}, error: () => {} }) // => 0 (the checkout's package is valid)
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
  for (const [name, n] of counts) out.log(`  ${name.padEnd(16)} ${String(n).padStart(5)} rows`);
  const { backed, total } = quotedShare(pkg);
  out.log(
    `  value rows backed by a quoted, addressed source: ${backed}/${total} (${((100 * backed) / Math.max(1, total)).toFixed(1)} %)`,
  );
  out.log(`  loaded in ${ms.toFixed(0)} ms`);
  return backed === total ? 0 : 1;
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
