// Issue 10, items 3–7: the run cache knows the data folder, output names never collide, a bad notebook fails
// alone, no kernel outlives a killed job, and a failed run keeps the last good outputs.
import { execFile, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../lib/core/hash";
import { outputName } from "../../runner/discover";
import { defaultOptions, type RunOptions } from "../../runner/options";
import { describeFailure, runNotebooks } from "../../runner/run";
import type { NotebookResult } from "../../runner/worker";
import { cellOutputText, writeNotebook } from "../helpers/notebook";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");
const cli = join(root, "dist", "runner", "cli.js");
const lib = join(root, "dist", "lib");

function options(dir: string, out: string, extra: Partial<RunOptions> = {}): RunOptions {
  return { ...defaultOptions(), notebooksDir: dir, outDir: out, jobs: 2, quiet: true, ...extra };
}

function printed(r: NotebookResult | undefined, cell: number): string {
  return cellOutputText(JSON.parse(readFileSync(r!.executed, "utf8")), cell);
}

async function withData<T>(dataDir: string, f: () => Promise<T>): Promise<T> {
  const before = process.env.CASPIAN_DATA;
  process.env.CASPIAN_DATA = dataDir;
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.CASPIAN_DATA;
    else process.env.CASPIAN_DATA = before;
  }
}

describe("item 3: the data folder is part of the run cache key", () => {
  it("re-runs when CASPIAN_DATA names another folder, whether its files differ or not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-safety-data-"));
    const out = join(dir, "out");
    const a = join(dir, "data-a");
    const b = join(dir, "data-b");
    const c = join(dir, "data-c");
    cpSync(join(root, "data"), a, { recursive: true });
    cpSync(join(root, "data"), b, { recursive: true });
    cpSync(join(root, "data"), c, { recursive: true });
    const states = readFileSync(join(b, "states.csv"), "utf8");
    writeFileSync(join(b, "states.csv"), states.replace("AZE,Azerbaijan,", "AZE,Azerbaijan (folder B),"));
    writeNotebook(join(dir, "nb"), "reads-data", [
      `const cl = require(${JSON.stringify(lib)});\nconsole.log(cl.loadResource(cl.data.states).find((s: { iso3: string }) => s.iso3 === "AZE").name);`,
    ]);
    const opts = options(join(dir, "nb"), out);

    const [first] = await withData(a, () => runNotebooks(opts));
    expect(first).toMatchObject({ ok: true, cached: false });
    expect(printed(first, 0)).toBe("Azerbaijan\n");
    const [same] = await withData(a, () => runNotebooks(opts));
    expect(same).toMatchObject({ ok: true, cached: true });

    // same file names, other bytes: never the outputs of folder A
    const [other] = await withData(b, () => runNotebooks(opts));
    expect(other).toMatchObject({ ok: true, cached: false });
    expect(other!.reason).toMatch(/data folder changed/);
    expect(printed(other, 0)).toBe("Azerbaijan (folder B)\n");

    // same bytes, another folder: the folder is an input, so it runs again
    const [copy] = await withData(c, () => runNotebooks(opts));
    expect(copy).toMatchObject({ ok: true, cached: false });
    expect(copy!.reason).toMatch(/data folder changed/);
    const record = JSON.parse(readFileSync(copy!.record, "utf8"));
    expect(record.inputs.dataDir).toBe(c);
    const [again] = await withData(c, () => runNotebooks(opts));
    expect(again).toMatchObject({ ok: true, cached: true });
  }, 120_000);
});

describe("item 4: output names from parameter values never collide", () => {
  it("keeps plain values readable and hashes anything else", () => {
    expect(outputName("nb/03-x.ipynb", { focal: "KAZ" })).toBe("03-x--focal-KAZ");
    expect(outputName("03-x.ipynb", { year: 2030, focal: "KAZ" })).toBe("03-x--focal-KAZ--year-2030");
    const pairs: [string, Record<string, unknown>, string, Record<string, unknown>][] = [
      ["03-x.ipynb", { focal: "GEO/KAZ" }, "03-x.ipynb", { focal: "GEO?KAZ" }],
      ["03-x.ipynb", { focal: "GEO_KAZ" }, "03-x.ipynb", { focal: "GEO KAZ" }],
      ["03-x.ipynb", { a: "b--c-d" }, "03-x.ipynb", { a: "b", c: "d" }],
      ["03-x.ipynb", { a: "1" }, "03-x.ipynb", { a: 1 }],
      ["03-x.ipynb", { a: "" }, "03-x.ipynb", { a: "-" }],
      ["a--b-c.ipynb", {}, "a.ipynb", { b: "c" }],
      ["03-x.ipynb", { focal: "x".repeat(200) }, "03-x.ipynb", { focal: "x".repeat(201) }],
    ];
    for (const [n1, p1, n2, p2] of pairs) {
      const x = outputName(n1, p1);
      const y = outputName(n2, p2);
      expect(x, `${n1} ${JSON.stringify(p1)} vs ${n2} ${JSON.stringify(p2)}`).not.toBe(y);
      for (const name of [x, y]) {
        expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(name.length).toBeLessThanOrEqual(120);
      }
    }
    expect(outputName("03-x.ipynb", { focal: "GEO/KAZ" })).toMatch(/^03-x--focal-GEO_KAZ--[0-9a-f]{8}$/);
  });

  it("runs focal=GEO/KAZ and focal=GEO?KAZ into two different files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-safety-names-"));
    const out = join(dir, "out");
    writeNotebook(dir, "03-x", [{ source: 'let focal = "AZE";', tags: ["parameters"] }, "console.log(focal)"]);
    const [slash] = await runNotebooks(options(dir, out, { parameters: { focal: "GEO/KAZ" } }));
    const [question] = await runNotebooks(options(dir, out, { parameters: { focal: "GEO?KAZ" } }));
    expect(slash!.ok && question!.ok).toBe(true);
    expect(slash!.executed).not.toBe(question!.executed);
    expect(printed(slash, 2)).toBe("GEO/KAZ\n");
    expect(printed(question, 2)).toBe("GEO?KAZ\n");
    const [cached] = await runNotebooks(options(dir, out, { parameters: { focal: "GEO/KAZ" } }));
    expect(cached).toMatchObject({ cached: true, executed: slash!.executed });
  }, 120_000);
});

describe("item 5: one bad notebook fails alone", () => {
  const base = mkdtempSync(join(tmpdir(), "caspian-safety-bad-"));
  const dir = join(base, "nb"); // outputs go beside it: the CLI refuses an --out inside the notebook folder
  mkdirSync(dir);
  const elsewhere = mkdtempSync(join(tmpdir(), "caspian-safety-elsewhere-"));
  writeNotebook(dir, "01-good", [{ source: "let year = 2023;", tags: ["parameters"] }, "console.log(`good ${year}`)"]);
  writeFileSync(join(dir, "02-bad-json.ipynb"), '{ "cells": [ nope');
  symlinkSync(join(dir, "missing.ipynb"), join(dir, "03-dangling.ipynb"));
  writeNotebook(elsewhere, "outside", ["console.log('OUTSIDE RAN')"]);
  symlinkSync(join(elsewhere, "outside.ipynb"), join(dir, "04-outside.ipynb"));
  mkdirSync(join(dir, "05-folder.ipynb"));
  execFileSync("mkfifo", [join(dir, "06-fifo.ipynb")]); // reading a FIFO would block the whole run
  writeFileSync(join(dir, "07-not-a-notebook.ipynb"), '{"hello": "world"}');
  writeNotebook(dir, "08-inside", ["console.log('inside')"]);
  symlinkSync(join(dir, "08-inside.ipynb"), join(dir, "09-link-inside.ipynb")); // a link within the folder is fine

  it("reports each bad file by name and what is wrong, and runs the others", async () => {
    const results = await runNotebooks(options(dir, join(base, "out"), { parameters: { year: 2030 } }));
    const by = new Map(results.map((r) => [r.name, r]));
    expect([...by.keys()].sort()).toEqual([
      "01-good--year-2030",
      "02-bad-json",
      "03-dangling",
      "04-outside",
      "05-folder",
      "06-fifo",
      "07-not-a-notebook",
      "08-inside",
      "09-link-inside",
    ]);
    expect(by.get("01-good--year-2030")).toMatchObject({ ok: true });
    expect(printed(by.get("01-good--year-2030"), 2)).toBe("good 2030\n");
    expect(by.get("08-inside")).toMatchObject({ ok: true });
    expect(by.get("09-link-inside")).toMatchObject({ ok: true });
    const why = (n: string) => describeFailure(by.get(n)!);
    expect(why("02-bad-json")).toMatch(/02-bad-json\.ipynb: .*invalid JSON/);
    expect(why("03-dangling")).toMatch(/03-dangling\.ipynb: .*dangling symlink/);
    expect(why("04-outside")).toMatch(/04-outside\.ipynb: .*outside .*refused/);
    expect(why("05-folder")).toMatch(/05-folder\.ipynb: .*not a regular file/);
    expect(why("06-fifo")).toMatch(/06-fifo\.ipynb: .*not a regular file/);
    expect(why("07-not-a-notebook")).toMatch(/07-not-a-notebook\.ipynb: .*no "cells" list/);
    for (const n of ["02-bad-json", "03-dangling", "04-outside", "05-folder", "06-fifo", "07-not-a-notebook"]) {
      expect(by.get(n)!.ok, n).toBe(false);
    }
    expect(existsSync(join(base, "out", "notebooks", "04-outside.ipynb"))).toBe(false);
  }, 120_000);

  it("the CLI names each bad file, runs the good one and exits non-zero", async () => {
    const err = (await run("node", [
      cli,
      "--notebooks",
      dir,
      "--out",
      join(base, "out-cli"),
      "-q",
      "-p",
      "year=2031",
    ]).catch((e: unknown) => e)) as {
      code: number;
      stdout: string;
      stderr: string;
    };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/02-bad-json\.ipynb: .*invalid JSON/);
    expect(err.stderr).toMatch(/03-dangling\.ipynb: .*dangling symlink/);
    expect(err.stdout).toMatch(/3\/9 notebooks ok/);
    expect(
      printed({ executed: join(base, "out-cli", "notebooks", "01-good--year-2031.ipynb") } as NotebookResult, 2),
    ).toBe("good 2031\n");
  }, 120_000);
});

interface Proc {
  pid: number;
  ppid: number;
  stat: string;
  args: string;
}

function processes(): Proc[] {
  return execFileSync("ps", ["-eo", "pid=,ppid=,stat=,args="], { encoding: "utf8" })
    .split("\n")
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), stat: m[3]!, args: m[4]! }));
}

function descendants(pid: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  const walk = (p: number): void => {
    for (const c of all.filter((x) => x.ppid === p)) {
      found.push(c);
      walk(c.pid);
    }
  };
  walk(pid);
  return found;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("item 6: no orphan kernels when the main job dies", () => {
  const base = mkdtempSync(join(tmpdir(), "caspian-safety-kill-"));
  const dir = join(base, "nb");
  writeNotebook(dir, "a-sleeps", ["console.log('ready')", "await new Promise((r) => setTimeout(r, 120000));"]);
  writeNotebook(dir, "b-sleeps", ["console.log('ready')", "await new Promise((r) => setTimeout(r, 120000));"]);

  const cases: [string, (pid: number) => void][] = [
    ["SIGKILL of its process group", (pid) => process.kill(-pid, "SIGKILL")],
    ["SIGTERM", (pid) => process.kill(pid, "SIGTERM")],
    ["Ctrl-C (SIGINT to the group)", (pid) => process.kill(-pid, "SIGINT")],
  ];
  for (const [what, kill] of cases) {
    it(`${what}: every kernel and worker exits within a few seconds`, async () => {
      const out = join(base, `out-${what.split(" ")[0]}`);
      const child = spawn("node", [cli, "--notebooks", dir, "--out", out, "-j", "2", "--force"], {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
        child.on("exit", (code, signal) => r({ code, signal })),
      );
      const deadline = Date.now() + 150_000; // kernels start slowly on a loaded machine
      while (
        !(stdout.includes("[a-sleeps] cell 2/2") && stdout.includes("[b-sleeps] cell 2/2")) &&
        Date.now() < deadline
      )
        await sleep(100);
      await sleep(500);
      const tree = descendants(child.pid!);
      const kernels = tree.filter((p) => p.args.includes("tslab") && p.args.includes(" kernel"));
      expect(
        kernels.length,
        `kernels under the job:\n${tree.map((p) => p.args).join("\n")}\n${stdout}\n${stderr}`,
      ).toBe(2);
      kill(child.pid!);
      const status = await exited;
      expect(status.code === 0).toBe(false);
      const alive = (): Proc[] => {
        const now = processes().filter((p) => !p.stat.startsWith("Z"));
        return now.filter(
          (p) =>
            tree.some((t) => t.pid === p.pid && t.args === p.args) ||
            (p.args.includes("tslab") && p.args.includes(out)),
        );
      };
      const until = Date.now() + 5_000;
      while (alive().length > 0 && Date.now() < until) await sleep(200);
      const left = alive();
      for (const p of left) process.kill(p.pid, "SIGKILL"); // do not leave them behind, whatever the verdict
      expect(left.map((p) => p.args)).toEqual([]);
      expect(existsSync(join(tmpdir(), `caspian-${child.pid}`))).toBe(false);
    }, 240_000);
  }
});

describe("item 7: a failed run keeps the last good outputs", () => {
  it("leaves the previous HTML, executed notebook, figure specs and record in place, and marks them stale", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-safety-keep-"));
    const out = join(dir, "out");
    const figure =
      'const fs = require("fs");\nfs.mkdirSync(process.env.CASPIAN_FIGURES_DIR, { recursive: true });\n' +
      'fs.writeFileSync(process.env.CASPIAN_FIGURES_DIR + "/f.json", JSON.stringify({ version: 1, kind: "figure", id: "f" }));';
    writeNotebook(dir, "03-x", [figure, "console.log('GOOD')"]);
    const opts = options(dir, out);
    const [good] = await runNotebooks(opts);
    expect(good).toMatchObject({ ok: true, cached: false });
    const files = [good!.executed, good!.html!, join(out, "figures", "specs", "03-x", "f.json"), good!.record];
    const before = files.map((f) => readFileSync(f));

    // every nbconvert page gets the Content-Security-Policy, and the record hashes the final bytes
    const html = readFileSync(good!.html!, "utf8");
    expect(html).toContain("Content-Security-Policy");
    const record = JSON.parse(readFileSync(good!.record, "utf8"));
    const htmlEntry = record.outputs.find((o: { path: string }) => o.path.endsWith("03-x.html"));
    expect(htmlEntry.sha256).toBe(sha256(readFileSync(good!.html!)));
    expect(record.outputs.map((o: { path: string }) => o.path).join(" ")).toContain("f.json");

    writeNotebook(dir, "03-x", ["console.log('no figure this time')", 'throw new Error("boom in the new version")']);
    const [bad] = await runNotebooks(opts);
    expect(bad!.ok).toBe(false);
    files.forEach((f, i) => expect(readFileSync(f).equals(before[i]!), f).toBe(true));
    expect(describeFailure(bad!)).toMatch(/kept the previous outputs of 03-x \(stale: its run failed\)/);
    const failed = join(out, "failed", "03-x.ipynb");
    expect(cellOutputText(JSON.parse(readFileSync(failed, "utf8")), 1)).toContain("boom in the new version");

    // the failure is not forgotten: the next run tries again rather than serving the kept outputs as current
    const [retry] = await runNotebooks(opts);
    expect(retry).toMatchObject({ ok: false, cached: false });

    writeNotebook(dir, "03-x", ["console.log('fixed, no figure')"]);
    const [fixed] = await runNotebooks(opts);
    expect(fixed).toMatchObject({ ok: true, cached: false });
    expect(existsSync(failed)).toBe(false);
    expect(existsSync(join(out, "figures", "specs", "03-x"))).toBe(false); // this version registers no figure
    expect(printed(fixed, 0)).toBe("fixed, no figure\n");
    expect(existsSync(join(tmpdir(), `caspian-${process.pid}`))).toBe(false); // job folders removed
    expect(existsSync(join(out, ".staging", "03-x"))).toBe(false);
  }, 180_000);
});

describe("item 7: the report pack after a failed notebook", () => {
  it("exports the new figures of the notebooks that ran, and keeps those of the one that failed", async () => {
    const nb = mkdtempSync(join(tmpdir(), "caspian-pack-fail-nb-"));
    const out = mkdtempSync(join(tmpdir(), "caspian-pack-fail-out-"));
    const figure = (id: string, title: string) =>
      `import * as cl from ${JSON.stringify(lib)};\n` +
      `cl.registerFigure({ id: ${JSON.stringify(id)}, caption: "c", figure: cl.comparisonBarsFigure({ quantity: "Cargo", unit: "t", bars: [{ label: "A", value: 1 }], sources: [] }, { title: ${JSON.stringify(title)} }) });`;
    writeNotebook(nb, "a", [figure("first", "First version")]);
    writeNotebook(nb, "b", [figure("other", "Other")]);
    const first = await run("node", [cli, "--notebooks", nb, "--out", out, "-q"], { cwd: root }).catch(
      (e: { stdout: string; stderr: string }) => e,
    );
    expect(first.stderr).not.toMatch(/FAILED/);
    // a: fails now; b: a new figure
    writeNotebook(nb, "a", [figure("first", "First version"), 'throw new Error("broken");']);
    writeNotebook(nb, "b", [figure("newer", "Newer")]);
    const second = await run("node", [cli, "--notebooks", nb, "--out", out, "-q"], { cwd: root }).then(
      () => ({ code: 0 }),
      (e: { code: number }) => ({ code: e.code }),
    );
    expect(second.code).toBe(1);
    const index = readFileSync(join(out, "figures", "index.html"), "utf8");
    expect(index).toContain("Newer"); // b's new figure is exported although a failed
    expect(index).toContain("First version"); // a's last good figure stays
    expect(index).not.toContain(">Other<");
  }, 300_000);
});
