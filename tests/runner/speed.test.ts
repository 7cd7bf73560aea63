// Issue 16: the smaller pieces of the speed work — the kernel watchdog knows its launcher from JPY_PARENT_PID, the
// pool starts the longest notebooks first, and danfojs loads mathjs/xlsx/request only when it uses them.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readNotebook } from "../../runner/discover";
import { longestFirst } from "../../runner/run";
import { writeNotebook } from "../helpers/notebook";

const root = join(__dirname, "..", "..");

function exitOf(env: NodeJS.ProcessEnv, ms: number): Promise<number | "running"> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--require", join(root, "runner", "kernel-watchdog.js"), "-e", "setInterval(() => {}, 1000)"],
      { env: { ...process.env, ...env }, stdio: "ignore" },
    );
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve("running");
    }, ms);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

describe("the kernel watchdog", () => {
  it("exits at once when the process that launched the kernel (JPY_PARENT_PID) is no longer its parent", async () => {
    expect(await exitOf({ JPY_PARENT_PID: String(process.pid + 100_000) }, 3000)).toBe(129);
  });
  it("keeps the kernel while its launcher lives", async () => {
    expect(await exitOf({ JPY_PARENT_PID: String(process.pid) }, 1500)).toBe("running");
  });
});

describe("longestFirst()", () => {
  it("starts notebooks without a record first, then the timed ones, longest first", () => {
    const dir = mkdtempSync(join(tmpdir(), "caspian-order-"));
    const out = join(dir, "out");
    mkdirSync(join(out, "records"), { recursive: true });
    const names = ["a", "b", "c", "d"];
    for (const n of names) writeNotebook(dir, n, ["1"]);
    const ms: Record<string, number> = { a: 1000, b: 5000, d: 3000 }; // c has no record
    for (const [n, t] of Object.entries(ms)) {
      writeFileSync(
        join(out, "records", `${n}.json`),
        JSON.stringify({ recordVersion: 1, name: n, ok: true, ms: t, inputs: {}, outputs: [] }),
      );
    }
    const sources = names.map((n) => ({
      file: join(dir, `${n}.ipynb`),
      read: readNotebook(join(dir, `${n}.ipynb`), dir),
    }));
    const order = longestFirst(sources, { outDir: out, parameters: {} });
    expect(order.map((i) => names[i])).toEqual(["c", "b", "d", "a"]);
  });
});

describe("toDataFrame()", () => {
  it("loads danfojs without mathjs, xlsx or request, and loads mathjs when a statistic needs it", async () => {
    const { toDataFrame } = await import("../../lib/data/frame");
    const loaded = (name: string) => Object.keys(require.cache).some((k) => k.includes(`/node_modules/${name}/`));
    const df = toDataFrame([
      { year: 2021, value: 2, tags: ["a", "b"] },
      { year: 2022, value: 4, tags: [] },
      { year: 2023, value: 9, tags: ["c"] },
    ]);
    expect(df.shape).toEqual([3, 3]);
    expect(df.column("tags").values).toEqual(["a;b", "", "c"]);
    expect(loaded("mathjs") || loaded("xlsx") || loaded("request")).toBe(false);
    expect(df.column("value").median()).toBe(4);
    expect(loaded("mathjs")).toBe(true);
    expect(loaded("xlsx")).toBe(false);
  }, 60_000);
});
