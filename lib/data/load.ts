import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DataError, parseCsv, type DataIssue } from "./csv";
import { defaultDataDir } from "./paths";
import { columnsOf, type ResourceDef } from "./resource";
import {
  allResources,
  type CapacityRow,
  type ClaimRow,
  type CorridorFlowRow,
  type EventRow,
  type FundRow,
  type GapRow,
  type MembershipRow,
  type OrganizationRow,
  type SourceRow,
  type StateRow,
  type TradeRow,
  type TransitRow,
} from "./resources";

/** Rows of one resource, each with the line it came from. */
export interface ParsedResource<R> {
  readonly rows: readonly R[];
  readonly lines: readonly number[];
  readonly issues: readonly DataIssue[];
}

/**
 * Parses and validates the CSV text of one resource against its definition: the zod schema of every field,
 * the row rules and duplicate primary keys. Foreign keys are checked by {@link loadPackage}.
 * Every problem in the file is reported, not only the first.
 * @example parseResource(states, "iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,\n", "states.csv").rows.length // => 1
 */
export function parseResource<R>(def: ResourceDef<R>, text: string, file: string): ParsedResource<R> {
  const columns = columnsOf(def);
  const { table, issues } = parseCsv(text, file, columns);
  const found: DataIssue[] = [...issues];
  const rows: R[] = [];
  const lines: number[] = [];
  if (!table) return { rows, lines, issues: found };
  const seen = new Map<string, number>();
  table.rows.forEach((raw, i) => {
    const line = table.lines[i]!;
    const result = def.row.safeParse(raw);
    if (!result.success) {
      for (const iss of result.error.issues) {
        const field = String(iss.path[0] ?? "");
        found.push({ file, line, field, value: raw[field] ?? "", message: iss.message });
      }
      return;
    }
    const row = result.data;
    let ok = true;
    for (const rule of def.rules) {
      const message = rule.check(row);
      if (message) {
        ok = false;
        found.push({ file, line, field: rule.field, value: String(raw[rule.field] ?? ""), message });
      }
    }
    const key = def.primaryKey.map((k) => String(raw[k] ?? "").trim()).join(" | ");
    const first = seen.get(key);
    if (first !== undefined) {
      ok = false;
      found.push({
        file,
        line,
        field: def.primaryKey.join("+"),
        value: key,
        message: `duplicate key: the same ${def.primaryKey.join(" + ")} is already on line ${first}`,
      });
    } else seen.set(key, line);
    if (ok) {
      rows.push(row);
      lines.push(line);
    }
  });
  return { rows, lines, issues: found };
}

/** The whole data package as typed, validated, read-only records. */
export interface DataPackage {
  readonly dir: string;
  readonly sources: readonly SourceRow[];
  readonly states: readonly StateRow[];
  readonly organizations: readonly OrganizationRow[];
  readonly memberships: readonly MembershipRow[];
  readonly corridorFlows: readonly CorridorFlowRow[];
  readonly capacities: readonly CapacityRow[];
  readonly transit: readonly TransitRow[];
  readonly funds: readonly FundRow[];
  readonly trade: readonly TradeRow[];
  readonly events: readonly EventRow[];
  readonly claims: readonly ClaimRow[];
  readonly gaps: readonly GapRow[];
  /** Source rows by id. */
  readonly sourceById: ReadonlyMap<string, SourceRow>;
}

const keyOfResource: Record<string, keyof Omit<DataPackage, "dir" | "sourceById">> = {
  sources: "sources",
  states: "states",
  organizations: "organizations",
  memberships: "memberships",
  corridor_flows: "corridorFlows",
  capacities: "capacities",
  transit: "transit",
  funds: "funds",
  trade: "trade",
  events: "events",
  claims: "claims",
  gaps: "gaps",
};

/** Reads a file, turning a missing file into an issue rather than a crash. */
function readText(file: string, shown: string, issues: DataIssue[]): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    issues.push({ file: shown, line: 0, field: "", value: "", message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})` });
    return undefined;
  }
}

/**
 * Loads and validates every resource of the package in `dir` (default: the checkout's data/), then checks every
 * foreign key (sources, states, organisations). Throws one {@link DataError} listing every problem of every file.
 * @example const pkg = loadPackage(); pkg.memberships.filter((m) => m.org === "SCO").length
 */
export function loadPackage(dir: string = defaultDataDir()): DataPackage {
  const issues: DataIssue[] = [];
  const parsed = new Map<string, ParsedResource<unknown>>();
  for (const def of allResources as readonly ResourceDef<unknown>[]) {
    const shown = `data/${def.path}`;
    const text = readText(join(dir, def.path), shown, issues);
    if (text === undefined) {
      parsed.set(def.name, { rows: [], lines: [], issues: [] });
      continue;
    }
    const res = parseResource(def, text, shown);
    issues.push(...res.issues);
    parsed.set(def.name, res);
  }
  // Foreign keys: build the key sets once, then check every row's value (list fields item by item).
  const keySets = new Map<string, Set<string>>();
  const keysOf = (resource: string, key: string): Set<string> => {
    const id = `${resource}.${key}`;
    let set = keySets.get(id);
    if (!set) {
      set = new Set((parsed.get(resource)?.rows ?? []).map((r) => String((r as Record<string, unknown>)[key])));
      keySets.set(id, set);
    }
    return set;
  };
  for (const def of allResources as readonly ResourceDef<unknown>[]) {
    const res = parsed.get(def.name)!;
    for (const fk of def.foreignKeys) {
      const known = keysOf(fk.resource, fk.key);
      res.rows.forEach((row, i) => {
        const v = (row as Record<string, unknown>)[fk.field];
        const values = Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : [v];
        for (const item of values) {
          if (!known.has(String(item))) {
            issues.push({
              file: `data/${def.path}`,
              line: res.lines[i]!,
              field: fk.field,
              value: String(item),
              message: `unknown ${fk.resource === "sources" ? "source" : fk.resource === "states" ? "state" : "organisation"} "${item}": not a ${fk.key} in data/${fk.resource}.csv`,
            });
          }
        }
      });
    }
  }
  if (issues.length > 0) throw new DataError(issues);
  const out: Record<string, unknown> = { dir };
  for (const [name, res] of parsed) out[keyOfResource[name]!] = Object.freeze(res.rows.map((r) => Object.freeze(r)));
  const pkg = out as unknown as Omit<DataPackage, "sourceById">;
  return { ...pkg, sourceById: new Map(pkg.sources.map((s) => [s.id, s])) };
}

let cached: { dir: string; pkg: DataPackage } | undefined;

/** {@link loadPackage}, memoised per folder for the life of the process (notebooks call it from many cells). */
export function dataPackage(dir: string = defaultDataDir()): DataPackage {
  if (!cached || cached.dir !== dir) cached = { dir, pkg: loadPackage(dir) };
  return cached.pkg;
}
