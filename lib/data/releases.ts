/**
 * Stored releases of the data: copies of the files the membership indicators read (memberships.csv,
 * organizations.csv), kept under data/releases/<date>/ as they stood when a release was made, so a notebook can
 * say what changed since (lib/notebook: the balance index before and after). data/releases/README.md names the
 * commit of each. Each copy is validated with the current definitions; a damaged one fails with file, line and field.
 * @module
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DataError, type DataIssue } from "./csv";
import { readResourceFile } from "./load";
import type { ResourceDef } from "./resource";
import { memberships, organizations, type MembershipRow, type OrganizationRow } from "./resources";

/**
 * One stored release: its name (the date it was made) and the rows the membership indicators read.
 * @category Stored releases
 */
export interface Release {
  /** Folder name under data/releases: the release's date, `YYYY-MM-DD`. */
  readonly name: string;
  readonly memberships: readonly MembershipRow[];
  readonly organizations: readonly OrganizationRow[];
}

const RELEASE_NAME = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Names of the releases stored in `dataDir`/releases, oldest first (folders named by date holding memberships.csv).
 * @example releaseNames(defaultDataDir())[0] // => "2026-12-02"
 * @category Stored releases
 */
export function releaseNames(dataDir: string): string[] {
  const root = join(dataDir, "releases");
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => RELEASE_NAME.test(n) && existsSync(join(root, n, memberships.path)))
    .sort();
}

/**
 * Reads and validates the stored release `name` of `dataDir`. Throws a {@link DataError} naming the file
 * (`data/releases/<name>/memberships.csv`), line and field of every problem, or when a file is missing.
 * @example loadRelease(defaultDataDir(), "2026-12-02").memberships.length // => 187
 * @category Stored releases
 */
export function loadRelease(dataDir: string, name: string): Release {
  const issues: DataIssue[] = [];
  const read = <R>(def: ResourceDef<R>): readonly R[] => {
    const parsed = readResourceFile(
      def,
      join(dataDir, "releases", name, def.path),
      `data/releases/${name}/${def.path}`,
    );
    issues.push(...parsed.issues);
    return parsed.rows;
  };
  const release = { name, memberships: read(memberships), organizations: read(organizations) };
  if (issues.length > 0) throw new DataError(issues);
  return release;
}

/**
 * The latest stored release of `dataDir` made before `than` (a release name; default: any), or `undefined` when
 * none is stored (a data folder without releases/).
 * @example previousRelease(defaultDataDir())?.name // => "2026-12-02"
 * @category Stored releases
 */
export function previousRelease(dataDir: string, than?: string): Release | undefined {
  const names = releaseNames(dataDir).filter((n) => than === undefined || n < than);
  const last = names[names.length - 1];
  return last === undefined ? undefined : loadRelease(dataDir, last);
}
