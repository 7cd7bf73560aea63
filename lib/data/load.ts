import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DataError, decodeUtf8, parseCsv, type DataIssue } from "./csv";
import { cachedValue, parseCacheKey } from "./parse-cache";
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
  type MembershipCoverageRow,
  type OrganizationRow,
  type SourceRow,
  type StateRow,
  type TradeRow,
  type TransitRow,
  type ConflictRow,
  type AgreementTopicRow,
  type ObservationRow,
  type StateAttributeRow,
  type TradeTotalRow,
} from "./resources";

/**
 * Rows of one resource, each with the line it came from.
 * @category Loading
 */
export interface ParsedResource<R> {
  readonly rows: readonly R[];
  readonly lines: readonly number[];
  readonly issues: readonly DataIssue[];
  /** Read correctly but worth fixing at the source (a byte-order mark, CRLF line ends); see {@link parseCsv}. */
  readonly warnings: readonly DataIssue[];
}

/**
 * Parses and validates the CSV text of one resource against its definition: the zod schema of every field,
 * the row rules and duplicate primary keys. Foreign keys are checked by {@link loadPackage}.
 * Every problem in the file is reported, not only the first.
 * @example parseResource(states, "iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,\n", "states.csv").rows.length // => 1
 * @category Loading
 */
export function parseResource<R>(def: ResourceDef<R>, text: string, file: string): ParsedResource<R> {
  const columns = columnsOf(def);
  const { table, issues, warnings } = parseCsv(text, file, columns);
  const found: DataIssue[] = [...issues];
  const rows: R[] = [];
  const lines: number[] = [];
  if (!table) return { rows, lines, issues: found, warnings };
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
  return { rows, lines, issues: found, warnings };
}

/**
 * Parses the bytes of a resource's file (shown in messages as `data/<path>`): text that is not UTF-8 is one issue;
 * otherwise {@link parseResource}, through the parsed-data cache (lib/data/parse-cache.ts; `cacheDir` overrides
 * `CASPIAN_CACHE_DIR`). What the loader and the run cache (runner/content-hash.ts) both read.
 * @example parseResourceBytes(states, new TextEncoder().encode("iso3,name,region,caspian_littoral,note\nAZE,Azerbaijan,South Caucasus,true,\n")).rows.length // => 1
 * @category Loading
 */
export function parseResourceBytes<R>(
  def: ResourceDef<R>,
  bytes: Uint8Array,
  cacheDir?: string,
  shown = `data/${def.path}`,
): ParsedResource<R> {
  const decoded = decodeUtf8(bytes, shown);
  const text = decoded.text;
  if (text === undefined) return { rows: [], lines: [], issues: decoded.issues, warnings: [] };
  const key = parseCacheKey(def.name, def.path, shown, bytes);
  const parse = () => parseResource(def, text, shown);
  return cacheDir === undefined ? cachedValue(key, parse) : cachedValue(key, parse, cacheDir);
}

/**
 * The whole data package as typed, validated, read-only records.
 * @category Loading
 */
export interface DataPackage {
  readonly dir: string;
  readonly sources: readonly SourceRow[];
  readonly states: readonly StateRow[];
  readonly organizations: readonly OrganizationRow[];
  readonly memberships: readonly MembershipRow[];
  /** Cells without a status row: a sourced absence or a gap (see lib/data/coverage). */
  readonly membershipCoverage: readonly MembershipCoverageRow[];
  readonly corridorFlows: readonly CorridorFlowRow[];
  readonly capacities: readonly CapacityRow[];
  readonly transit: readonly TransitRow[];
  readonly funds: readonly FundRow[];
  readonly trade: readonly TradeRow[];
  readonly tradeTotals: readonly TradeTotalRow[];
  readonly events: readonly EventRow[];
  readonly conflict: readonly ConflictRow[];
  readonly agreementTopics: readonly AgreementTopicRow[];
  readonly observations: readonly ObservationRow[];
  readonly stateAttributes: readonly StateAttributeRow[];
  readonly claims: readonly ClaimRow[];
  readonly gaps: readonly GapRow[];
  /** Source rows by id. */
  readonly sourceById: ReadonlyMap<string, SourceRow>;
}

const RESOURCE_KEYS: Record<string, keyof Omit<DataPackage, "dir" | "sourceById">> = {
  sources: "sources",
  states: "states",
  organizations: "organizations",
  memberships: "memberships",
  membership_coverage: "membershipCoverage",
  corridor_flows: "corridorFlows",
  capacities: "capacities",
  transit: "transit",
  funds: "funds",
  trade: "trade",
  trade_totals: "tradeTotals",
  events: "events",
  conflict: "conflict",
  agreement_topics: "agreementTopics",
  observations: "observations",
  state_attributes: "stateAttributes",
  claims: "claims",
  gaps: "gaps",
};

/**
 * The key of a resource in a {@link DataPackage} (`corridor_flows` → `corridorFlows`); throws for an unknown name.
 * @example keyOfResource("trade_totals") // => "tradeTotals"
 * @category Loading
 */
export function keyOfResource(name: string): keyof Omit<DataPackage, "dir" | "sourceById"> {
  const key = RESOURCE_KEYS[name];
  if (key === undefined) throw new RangeError(`no resource named ${name}`);
  return key;
}

const filesRead = new Set<string>();

/**
 * The data files this process has read, in the order first read. When `CASPIAN_READS_FILE` is set (the main job
 * sets it per notebook), each file is also appended to that file as it is read, so the run cache knows which data
 * files a notebook depends on.
 * @example dataPackage().memberships; dataFilesRead().some((f) => f.endsWith("memberships.csv")) // => true
 * @category Loading
 */
export function dataFilesRead(): string[] {
  return [...filesRead];
}

function noteRead(file: string): void {
  if (filesRead.has(file)) return;
  filesRead.add(file);
  const log = process.env.CASPIAN_READS_FILE;
  if (log) appendFileSync(log, file + "\n");
}

/**
 * Reads one resource's file and parses it ({@link parseResourceBytes}), noting the read for the run cache; a file
 * that cannot be read is one issue naming `shown`, never a throw. What the package reader and stored releases
 * (lib/data/releases) share.
 * @example readResourceFile(states, join(defaultDataDir(), "states.csv"), "data/states.csv").issues.length // => 0
 * @category Loading
 */
export function readResourceFile<R>(def: ResourceDef<R>, file: string, shown: string): ParsedResource<R> {
  noteRead(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const message = `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`;
    return { rows: [], lines: [], issues: [{ file: shown, line: 0, field: "", value: "", message }], warnings: [] };
  }
  return parseResourceBytes(def, bytes, undefined, shown);
}

const fkNoun: Record<string, string> = { sources: "source", states: "state", organizations: "organisation" };

/** Parses resources on demand, once each, and checks their foreign keys against the resources they name. */
class PackageReader {
  private readonly parsed = new Map<string, ParsedResource<unknown>>();
  private readonly fkIssues = new Map<string, DataIssue[]>();
  private readonly keySets = new Map<string, Set<string>>();
  constructor(readonly dir: string) {}

  parse(def: ResourceDef<unknown>): ParsedResource<unknown> {
    let res = this.parsed.get(def.name);
    if (!res) {
      res = readResourceFile(def, join(this.dir, def.path), `data/${def.path}`);
      this.parsed.set(def.name, res);
    }
    return res;
  }

  private keys(resource: string, key: string): Set<string> {
    const id = `${resource}.${key}`;
    let set = this.keySets.get(id);
    if (!set) {
      const def = resourceByName(resource);
      set = new Set(this.parse(def).rows.map((r) => String((r as Record<string, unknown>)[key])));
      this.keySets.set(id, set);
    }
    return set;
  }

  /** Issues of the foreign keys (list fields are checked item by item) and package rules of one resource. */
  foreignKeyIssues(def: ResourceDef<unknown>): DataIssue[] {
    let found = this.fkIssues.get(def.name);
    if (found) return found;
    found = [];
    const res = this.parse(def);
    for (const fk of def.foreignKeys) {
      const known = this.keys(fk.resource, fk.key);
      res.rows.forEach((row, i) => {
        const v = (row as Record<string, unknown>)[fk.field];
        const values = Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : [v];
        for (const item of values) {
          if (!known.has(String(item))) {
            found!.push({
              file: `data/${def.path}`,
              line: res.lines[i]!,
              field: fk.field,
              value: String(item),
              message: `unknown ${fkNoun[fk.resource] ?? fk.resource} "${item}": not a ${fk.key} in data/${fk.resource}.csv`,
            });
          }
        }
      });
    }
    for (const rule of def.packageRules) {
      const rowsOf = (name: string) => this.parse(resourceByName(name)).rows;
      res.rows.forEach((row, i) => {
        const message = rule.check(row, rowsOf);
        if (message === undefined) return;
        const v = (row as Record<string, unknown>)[rule.field];
        found!.push({
          file: `data/${def.path}`,
          line: res.lines[i]!,
          field: rule.field,
          value: Array.isArray(v) ? v.join(";") : v === undefined ? "" : String(v),
          message,
        });
      });
    }
    this.fkIssues.set(def.name, found);
    return found;
  }

  /** The validated rows of one resource, or a DataError naming every problem in it and its foreign keys. */
  rows<R>(def: ResourceDef<R>): readonly R[] {
    const d = def as ResourceDef<unknown>;
    const issues = [...this.parse(d).issues, ...this.foreignKeyIssues(d)];
    if (issues.length > 0) throw new DataError(issues);
    return Object.freeze(this.parse(d).rows.map((r) => Object.freeze(r))) as readonly R[];
  }
}

function resourceByName(name: string): ResourceDef<unknown> {
  const def = (allResources as readonly ResourceDef<unknown>[]).find((d) => d.name === name);
  if (!def) throw new Error(`no resource named ${name}`);
  return def;
}

/**
 * The outcome of reading a whole package: the package when it is valid, its problems and its warnings.
 * @category Loading
 */
export interface PackageCheck {
  /** The package; present exactly when `issues` is empty. */
  readonly pkg?: DataPackage;
  /** Every problem of every file, foreign keys included. */
  readonly issues: readonly DataIssue[];
  /** Files read correctly but worth fixing at the source (a byte-order mark, CRLF line ends). */
  readonly warnings: readonly DataIssue[];
}

/**
 * Reads and validates every resource of the package in `dir` (default: the checkout's data/) and checks every
 * foreign key, without throwing: what `npm run data:check` prints. {@link loadPackage} is the throwing form.
 * @example const { pkg, issues, warnings } = checkPackage(); issues.length // => 0
 * @category Loading
 */
export function checkPackage(dir: string = defaultDataDir()): PackageCheck {
  const reader = new PackageReader(dir);
  const defs = allResources as readonly ResourceDef<unknown>[];
  const warnings = defs.flatMap((def) => reader.parse(def).warnings);
  const issues = defs.flatMap((def) => [...reader.parse(def).issues, ...reader.foreignKeyIssues(def)]);
  if (issues.length > 0) return { issues, warnings };
  const out: Record<string, unknown> = { dir };
  for (const def of defs) out[RESOURCE_KEYS[def.name]!] = reader.rows(def);
  const pkg = out as unknown as Omit<DataPackage, "sourceById">;
  return { pkg: { ...pkg, sourceById: new Map(pkg.sources.map((s) => [s.id, s])) }, issues, warnings };
}

/**
 * Loads and validates every resource of the package in `dir` (default: the checkout's data/), then checks every
 * foreign key (sources, states, organisations). Throws one {@link DataError} listing every problem of every file.
 * Warnings (a byte-order mark, CRLF line ends: read correctly) are not thrown; {@link checkPackage} returns them.
 * @example const pkg = loadPackage(); pkg.memberships.filter((m) => m.org === "SCO").length
 * @category Loading
 */
export function loadPackage(dir: string = defaultDataDir()): DataPackage {
  const { pkg, issues } = checkPackage(dir);
  if (!pkg) throw new DataError(issues);
  return pkg;
}

const lazyPackages = new Map<string, DataPackage>();

/**
 * The package in `dir`, loaded lazily: each resource is read, validated and checked against its foreign keys
 * the first time it is used, then kept for the life of the process. A notebook that only uses memberships never
 * reads corridor_flows.csv, so the run cache re-runs it only when the files it read change.
 * Problems throw the same {@link DataError} as {@link loadPackage}, for the resource being used.
 * @example dataPackage().memberships.filter((m) => m.org === "SCO").length
 * @category Loading
 */
export function dataPackage(dir: string = defaultDataDir()): DataPackage {
  let pkg = lazyPackages.get(dir);
  if (pkg) return pkg;
  const reader = new PackageReader(dir);
  const view: Record<string, unknown> = { dir };
  for (const def of allResources as readonly ResourceDef<unknown>[]) {
    let value: unknown;
    Object.defineProperty(view, RESOURCE_KEYS[def.name]!, {
      enumerable: true,
      get: () => (value ??= reader.rows(def)),
    });
  }
  let byId: ReadonlyMap<string, SourceRow> | undefined;
  Object.defineProperty(view, "sourceById", {
    enumerable: false,
    get: () => (byId ??= new Map((view.sources as readonly SourceRow[]).map((s) => [s.id, s]))),
  });
  pkg = view as unknown as DataPackage;
  lazyPackages.set(dir, pkg);
  return pkg;
}

/**
 * Loads one resource, validated, with its foreign keys checked against the resources they name (read as needed):
 * the typed loader of any resource. Throws a {@link DataError} naming every problem of that file.
 * For a danfojs DataFrame of the result, use `toDataFrame` from `lib/data/frame`.
 * @example loadResource(memberships).filter((m) => m.state === "AZE" && m.org === "SCO")[0]?.status // => "dialogue_partner"
 * @category Loading
 */
export function loadResource<R>(def: ResourceDef<R>, dir: string = defaultDataDir()): readonly R[] {
  return new PackageReader(dir).rows(def);
}
