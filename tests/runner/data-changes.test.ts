/** The main job's "what changed" view (runner/data-changes.ts), on temporary data and output folders. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha256, stableJson } from "../../lib/core/hash";
import { text } from "../../lib/data/fields";
import { columnsOf, defineResource, type ResourceDef } from "../../lib/data/resource";
import { corridorFlows, events, memberships, sources } from "../../lib/data/resources";
import { FIGURES_DIR_ENV, registerFigure, registerTable } from "../../lib/export/registry";
import { comparisonBarsFigure } from "../../lib/figures";
import {
  CHANGES_FILE,
  dataChangesStep,
  diffRows,
  formatDataChanges,
  readDataRows,
  readSnapshot,
  rowId,
  rowSources,
  rowUses,
  SNAPSHOT_FILE,
  type DataChanges,
} from "../../runner/data-changes";

const defs = [sources, memberships, corridorFlows, events] as readonly ResourceDef<unknown>[];

/** A CSV of a resource: its real header, the given cells, every other cell "x". */
function csv<R>(def: ResourceDef<R>, rows: readonly Record<string, string>[]): string {
  const cols = columnsOf(def);
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${[cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c] ?? "x")).join(","))].join("\n")}\n`;
}

let data: string;
let out: string;
const savedFigures = process.env[FIGURES_DIR_ENV];

function write<R>(def: ResourceDef<R>, rows: readonly Record<string, string>[]): void {
  writeFileSync(join(data, def.path), csv(def, rows));
}

/** The starting data: two sources, one membership, two flows, one event. */
function baseData(): void {
  write(sources, [{ id: "kz-mot-2024" }, { id: "azernews-2024" }]);
  write(memberships, [{ state: "AZE", org: "SCO", since: "2015-07-10", sources: "azernews-2024" }]);
  write(corridorFlows, [
    { id: "titr-whole-2019-cargo", value: "0.8", sources: "kz-mot-2024" },
    { id: "titr-whole-2023-cargo", value: "2.8", sources: "kz-mot-2024; azernews-2024" },
  ]);
  write(events, [{ id: "sco-dialogue-aze", sources: "azernews-2024" }]);
}

/** Registers specs as the notebooks would, into out/figures/specs/<section>/. */
function register(section: string, f: () => void): void {
  process.env[FIGURES_DIR_ENV] = join(out, "figures", "specs", section);
  f();
}

const bars = (id: string, srcs: string[]) =>
  comparisonBarsFigure(
    { quantity: "Cargo", unit: "t", bars: [{ label: "A", value: 1 }], sources: srcs as never[] },
    { title: id },
  );

beforeEach(() => {
  data = mkdtempSync(join(tmpdir(), "caspian-dc-data-"));
  out = mkdtempSync(join(tmpdir(), "caspian-dc-out-"));
  baseData();
});
afterEach(() => {
  if (savedFigures === undefined) delete process.env[FIGURES_DIR_ENV];
  else process.env[FIGURES_DIR_ENV] = savedFigures;
  rmSync(data, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe("row ids, hashes and sources", () => {
  it("names a row by its resource and primary key values joined by |", () => {
    expect(rowId(memberships, { state: "AZE", org: "SCO", since: "2015-07-10" })).toBe(
      "memberships:AZE|SCO|2015-07-10",
    );
    expect(rowId(corridorFlows, { id: " titr-whole-2019-cargo " })).toBe("corridor_flows:titr-whole-2019-cargo");
  });

  it("takes the source ids from the fields with a foreign key to sources.csv; a source row is its own source", () => {
    expect(rowSources(corridorFlows, { sources: "a-1; b-2" })).toEqual(["a-1", "b-2"]);
    expect(rowSources(sources, { id: "kz-mot-2024" })).toEqual(["kz-mot-2024"]);
  });

  it("reads every row with the package's CSV reader; the hash is sha256 of the row's cells", () => {
    const { rows, skipped } = readDataRows(data, defs);
    expect(skipped).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual([
      "sources:kz-mot-2024",
      "sources:azernews-2024",
      "memberships:AZE|SCO|2015-07-10",
      "corridor_flows:titr-whole-2019-cargo",
      "corridor_flows:titr-whole-2023-cargo",
      "events:sco-dialogue-aze",
    ]);
    const raw = Object.fromEntries(columnsOf(events).map((c) => [c, "x"]));
    expect(rows.at(-1)?.hash).toBe(sha256(stableJson({ ...raw, id: "sco-dialogue-aze", sources: "azernews-2024" })));
  });

  it("gives every row of the real data folder its own id", () => {
    const { rows } = readDataRows(join(__dirname, "..", "..", "data"));
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe("where a row landed", () => {
  const specs = [
    {
      section: "02-corridor",
      id: "titr-cargo",
      sources: ["kz-mot-2024"],
      rows: ["corridor_flows:titr-whole-2019-cargo"],
    },
    { section: "02-corridor", id: "all-cargo", sources: ["kz-mot-2024"] },
    { section: "05-timeline", id: "events", sources: ["azernews-2024"] },
  ];

  it("a spec with rows matches exactly; one without matches by source", () => {
    expect(rowUses({ id: "corridor_flows:titr-whole-2019-cargo", sources: ["kz-mot-2024"] }, specs)).toEqual([
      { spec: "02-corridor/titr-cargo", how: "draws" },
      { spec: "02-corridor/all-cargo", how: "cites" },
    ]);
    // same source, not in the exact list of titr-cargo: only the source match
    expect(rowUses({ id: "corridor_flows:titr-whole-2023-cargo", sources: ["kz-mot-2024"] }, specs)).toEqual([
      { spec: "02-corridor/all-cargo", how: "cites" },
    ]);
    expect(rowUses({ id: "events:x", sources: ["other"] }, specs)).toEqual([]);
  });
});

describe("diffRows and the summary's block", () => {
  const snapshotNow = () => {
    const rows: Record<string, string> = {};
    for (const r of readDataRows(data, defs).rows) rows[r.id] = r.hash;
    return { version: 1, dataDir: data, rows };
  };

  it("first run: counts the rows and lists nothing", () => {
    const c = diffRows(undefined, readDataRows(data, defs), [], new Map());
    expect(c.first).toBe(true);
    expect(formatDataChanges(c, { file: "out/data-changes.md" })).toEqual([
      "Data: first run: 6 data rows recorded; later runs list what changed",
    ]);
  });

  it("one row added, one changed, one removed", () => {
    const before = snapshotNow();
    write(corridorFlows, [
      { id: "titr-whole-2019-cargo", value: "0.8", sources: "kz-mot-2024" },
      { id: "titr-whole-2023-cargo", value: "2.76", sources: "kz-mot-2024; azernews-2024" }, // changed
      { id: "titr-whole-9m2024-cargo", value: "3.4", sources: "kz-mot-2024" }, // added
    ]);
    write(memberships, [{ state: "AZE", org: "SCO", since: "2015-07-10", sources: "azernews-2024" }]);
    write(events, [{ id: "other-event", sources: "nowhere-2020" }]); // sco-dialogue-aze removed, other-event added
    const specs = [{ section: "02-corridor", id: "titr-cargo", sources: ["kz-mot-2024"] }];
    const readers = new Map([["events.csv", ["05-timeline"]]]);
    const c = diffRows(before, readDataRows(data, defs), specs, readers, data);
    expect(c.counts).toEqual({ added: 2, changed: 1, removed: 1 });
    expect(c.changes.map((ch) => `${ch.kind} ${ch.id}`)).toEqual([
      "added corridor_flows:titr-whole-9m2024-cargo",
      "added events:other-event",
      "changed corridor_flows:titr-whole-2023-cargo",
      "removed events:sco-dialogue-aze",
    ]);
    expect(formatDataChanges(c, { file: "out/data-changes.md" })).toEqual([
      "Data changes since the last run: 2 added, 1 changed, 1 removed",
      "  + corridor_flows:titr-whole-9m2024-cargo → 02-corridor/titr-cargo (cites its source)",
      "  + events:other-event → not in any figure or table (read by 05-timeline)",
      "  ~ corridor_flows:titr-whole-2023-cargo → 02-corridor/titr-cargo (cites its source)",
      "  - events:sco-dialogue-aze",
    ]);
  });

  it("unchanged data: one line", () => {
    const c = diffRows(snapshotNow(), readDataRows(data, defs), [], new Map(), data);
    expect(formatDataChanges(c, { file: "f" })).toEqual(["Data unchanged since the last run"]);
  });

  it("caps a long list and names the file with the rest", () => {
    const before = snapshotNow();
    write(
      events,
      Array.from({ length: 25 }, (_, i) => ({ id: `e-${i}`, sources: "azernews-2024" })).concat([
        { id: "sco-dialogue-aze", sources: "azernews-2024" },
      ]),
    );
    const c: DataChanges = diffRows(before, readDataRows(data, defs), [], new Map(), data);
    const lines = formatDataChanges(c, { file: "out/data-changes.md", limit: 20 });
    expect(lines[0]).toBe("Data changes since the last run: 25 added, 0 changed, 0 removed");
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe("  … and 5 more, see out/data-changes.md");
  });

  it("a new resource's rows are added; a resource whose file cannot be read is left out, not removed", () => {
    const extra = defineResource({
      name: "extra_things",
      path: "extra_things.csv",
      title: "Extra",
      description: "A resource added later",
      fields: { id: text("id", "Id"), note: text("note", "Note") },
      primaryKey: ["id"],
    }) as ResourceDef<unknown>;
    const before = snapshotNow();
    writeFileSync(join(data, "extra_things.csv"), "id,note\na,1\nb,2\n");
    unlinkSync(join(data, "events.csv"));
    const now = readDataRows(data, [...defs, extra]);
    expect(now.skipped.map((s) => s.resource)).toEqual(["events"]);
    const c = diffRows(before, now, [], new Map(), data);
    expect(c.changes.map((ch) => `${ch.kind} ${ch.id}`)).toEqual(["added extra_things:a", "added extra_things:b"]);
    expect(formatDataChanges(c, { file: "f" }).at(-1)).toBe("  (left out: events.csv: cannot read it (ENOENT))");
  });
});

describe("dataChangesStep (the main job's step) on an output folder", () => {
  it("first run, then the changes with the specs registered by the notebooks; snapshot only on commit", () => {
    const first = dataChangesStep(out, data, "out/data-changes.md", defs);
    expect(first.lines).toEqual(["Data: first run: 6 data rows recorded; later runs list what changed"]);
    expect(readFileSync(join(out, CHANGES_FILE), "utf8")).toContain("First run: 6 data rows recorded");
    expect(existsSync(join(out, SNAPSHOT_FILE))).toBe(false);
    first.commit();
    expect(Object.keys(readSnapshot(join(out, SNAPSHOT_FILE))?.rows ?? {})).toHaveLength(6);

    // the notebooks register a figure naming its rows, one citing sources only, and a table
    register("02-corridor", () => {
      registerFigure({
        id: "titr-cargo",
        caption: "c",
        figure: bars("TITR", ["kz-mot-2024"]),
        rows: ["corridor_flows:titr-whole-2019-cargo", "corridor_flows:titr-whole-9m2024-cargo"],
      });
      registerFigure({ id: "all-cargo", caption: "c", figure: bars("All", ["kz-mot-2024"]) });
    });
    register("05-timeline", () => {
      registerTable({
        id: "events",
        title: "Events",
        table: { columns: [{ key: "a", label: "A" }], rows: [{ a: "x" }], sources: ["azernews-2024" as never] },
      });
    });
    mkdirSync(join(out, "records"), { recursive: true });
    writeFileSync(
      join(out, "records", "04-funds.json"),
      JSON.stringify({
        recordVersion: 1,
        name: "04-funds",
        inputs: { data: { "data/memberships.csv": "h" } },
        outputs: [],
      }),
    );

    write(corridorFlows, [
      { id: "titr-whole-2019-cargo", value: "0.8", sources: "kz-mot-2024" },
      { id: "titr-whole-2023-cargo", value: "2.8", sources: "kz-mot-2024; azernews-2024" },
      { id: "titr-whole-9m2024-cargo", value: "3.4", sources: "kz-mot-2024" },
    ]);
    write(memberships, [
      { state: "AZE", org: "SCO", since: "2015-07-10", sources: "azernews-2024" },
      { state: "AZE", org: "OTS", since: "2009-10-03", sources: "un-2009" },
    ]);
    const second = dataChangesStep(out, data, "out/data-changes.md", defs);
    expect(second.lines).toEqual([
      "Data changes since the last run: 2 added, 0 changed, 0 removed",
      "  + memberships:AZE|OTS|2009-10-03 → not in any figure or table (read by 04-funds)",
      "  + corridor_flows:titr-whole-9m2024-cargo → 02-corridor/titr-cargo (draws it); 02-corridor/all-cargo (cites its source)",
    ]);
    const md = readFileSync(join(out, CHANGES_FILE), "utf8");
    expect(md).toContain("## Added (2)");
    expect(md).toContain(
      "- `corridor_flows:titr-whole-9m2024-cargo`: `02-corridor/titr-cargo` (draws it), `02-corridor/all-cargo` (cites its source)",
    );
    // not committed (a notebook failed, say): the next run lists the same changes
    expect(dataChangesStep(out, data, "f", defs).lines[0]).toBe(
      "Data changes since the last run: 2 added, 0 changed, 0 removed",
    );
    second.commit();
    expect(dataChangesStep(out, data, "f", defs).lines).toEqual(["Data unchanged since the last run"]);
  });
});

describe("spec files", () => {
  it("carry rows only when given, so specs without rows keep their bytes", () => {
    register("01-a", () => {
      registerFigure({ id: "plain", caption: "c", figure: bars("Plain", ["kz-mot-2024"]) });
      registerFigure({ id: "with-rows", caption: "c", figure: bars("Plain", ["kz-mot-2024"]), rows: ["events:x"] });
    });
    const plain = JSON.parse(readFileSync(join(out, "figures", "specs", "01-a", "plain.json"), "utf8"));
    const withRows = JSON.parse(readFileSync(join(out, "figures", "specs", "01-a", "with-rows.json"), "utf8"));
    expect(Object.keys(plain)).toEqual([
      "version",
      "kind",
      "id",
      "title",
      "caption",
      "sources",
      "sourcesText",
      "figure",
    ]);
    expect(withRows.rows).toEqual(["events:x"]);
  });
});
