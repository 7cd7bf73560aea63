/**
 * Issue 10, items 4, 8 (first half) and parts of 10: the main job's command line refuses what would damage the
 * checkout or fail late, and says so in one line without a stack trace. CLI behaviour is tested through the
 * built CLI (`node dist/runner/cli.js`), with tiny notebooks where a kernel is needed at all.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, isAbsolute, join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseParameter, UsageError } from "../../runner/options";
import { exportReportPack } from "../../lib/export/report-pack";
import { cellOutputText, writeNotebook } from "../helpers/notebook";

const root = join(__dirname, "..", "..");
const cli = join(root, "dist", "runner", "cli.js");
const isRoot = process.getuid?.() === 0;
const hasUnshare = isRoot && spawnSync("unshare", ["-n", "true"]).status === 0;
const hasRoMount =
  hasUnshare && spawnSync("unshare", ["-m", "sh", "-c", "mount -t tmpfs -o ro tmpfs /mnt"]).status === 0;

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in its own process group; on timeout the whole group (kernels included) is killed. */
function runCommand(
  cmd: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? root,
      env: { ...process.env, ...opts.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      stderr += `\n[test] killed after ${opts.timeoutMs} ms`;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, opts.timeoutMs ?? 25_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const runCli = (args: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}) =>
  runCommand("node", [cli, ...args], opts);

/** A user error is reported in one line, `error: ...`, and never with a stack trace. */
function expectOneLineError(r: CliResult, pattern: RegExp): void {
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
}

const work = mkdtempSync(join(tmpdir(), "caspian-cli-safety-"));
const missingNotebooks = join(work, "no-such-notebooks"); // any run that gets past the checks stops here
const emptyNotebooks = join(work, "empty-notebooks");
mkdirSync(emptyNotebooks);
const ownFiles = join(work, "my-documents");
mkdirSync(join(ownFiles, "report"), { recursive: true });
writeFileSync(join(ownFiles, "report", "draft.html"), "<p>my draft</p>");

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("--out is resolved and checked before anything runs (item 4)", () => {
  const dataCopy = join(work, "data-copy");
  const linkToRoot = join(work, "link-to-root");
  beforeAll(() => {
    cpSync(join(root, "data"), dataCopy, { recursive: true });
    symlinkSync(root, linkToRoot);
  });

  const refused: [string, () => string, string?][] = [
    [".", () => "."],
    ["/", () => "/"],
    ["the repository root", () => root],
    ["the repository root through a symlink", () => linkToRoot],
    ["notebooks/", () => join(root, "notebooks")],
    ["notebooks/ given relative", () => "notebooks"],
    ["data/", () => join(root, "data")],
    ["a folder inside data/", () => join(root, "data", "out")],
    ["lib/", () => join(root, "lib")],
    ["runner/", () => join(root, "runner")],
    ["an ancestor of the repository", () => dirname(root)],
    ["$HOME", () => homedir()],
    ["the data folder in use (CASPIAN_DATA)", () => dataCopy, dataCopy],
    ["the notebook folder in use (--notebooks)", () => emptyNotebooks],
    // folders that hold something else: the main job removes files in its output folder that no run owns
    ["the CI folder (.ci/)", () => join(root, ".ci")],
    ["a folder of a user's own files", () => ownFiles],
  ];
  for (const [what, out, data] of refused) {
    it(`refuses ${what}`, async () => {
      const dir = out();
      const before = existsSync(join(dir, ".lock"));
      const r = await runCli(
        ["--out", dir, "--notebooks", dir === emptyNotebooks ? emptyNotebooks : missingNotebooks],
        {
          ...(data ? { env: { CASPIAN_DATA: data } } : {}),
        },
      );
      expect(r.code).toBe(2);
      expectOneLineError(r, /^error: --out .+ is refused: /);
      expect(existsSync(join(dir, ".lock"))).toBe(before);
    });
  }

  it("accepts a new folder inside the checkout (out/ is the default)", async () => {
    const r = await runCli(["--out", join(root, "out-cli-safety-probe"), "--notebooks", missingNotebooks]);
    expect(r.stderr).toMatch(/notebook folder .* does not exist/); // the next check: --out passed
    expect(existsSync(join(root, "out-cli-safety-probe"))).toBe(false); // and nothing was created for a typo
  });
});

describe("table ids from spec files are checked like figure ids (item 4)", () => {
  it("skips a table spec whose id holds a path, and writes nothing outside the pack", async () => {
    const specs = join(work, "specs");
    const pack = join(work, "pack", "figures");
    const table = { columns: [{ key: "a", label: "A" }], rows: [{ a: 1 }], sources: [] };
    const spec = (id: string) =>
      JSON.stringify({ version: 1, kind: "table", id, title: "t", caption: "", sources: [], sourcesText: "", table });
    mkdirSync(join(specs, "nb"), { recursive: true });
    writeFileSync(join(specs, "nb", "evil.table.json"), spec("../../../escaped-table"));
    writeFileSync(join(specs, "nb", "slash.table.json"), spec("sub/dir"));
    writeFileSync(join(specs, "nb", "good.table.json"), spec("good"));
    const log: string[] = [];
    const manifest = await exportReportPack(specs, pack, { log: (m) => log.push(m) });
    expect(manifest.tables.map((t) => t.id)).toEqual(["good"]);
    expect(existsSync(join(work, "escaped-table.csv"))).toBe(false);
    expect(existsSync(join(pack, "nb", "sub"))).toBe(false);
    expect(log.join("\n")).toMatch(/skipped nb\/evil\.table\.json: .*"\.\.\/\.\.\/\.\.\/escaped-table" is not a/);
    expect(log.join("\n")).toMatch(/skipped nb\/slash\.table\.json: /);
  });
});

describe("data/ is validated before out/ is touched (item 8)", () => {
  const bad = join(work, "bad-data");
  beforeAll(() => {
    cpSync(join(root, "data"), bad, { recursive: true });
    const states = readFileSync(join(bad, "states.csv"), "utf8");
    writeFileSync(
      join(bad, "states.csv"),
      states.replace(/\r?\n$/, "") + "\nAZE,Azerbaijan again,South Caucasus,maybe,\n",
    );
  });

  it("prints the problems as data:check does and exits non-zero without creating out/", async () => {
    const out = join(work, "out-bad-data");
    const nb = join(work, "nb-data");
    writeNotebook(nb, "tiny", ["1;"]);
    const check = await runCommand("node", [join(root, "dist", "lib", "data", "check-cli.js")], {
      env: { CASPIAN_DATA: bad },
    });
    expect(check.code).toBe(1);
    const r = await runCli(["--notebooks", nb, "--out", out], { env: { CASPIAN_DATA: bad } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(check.stderr.trim());
    expect(r.stderr).toMatch(/states\.csv/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an unknown parameter before the output folder is created", async () => {
    const out = join(work, "out-unknown-param");
    const nb = join(work, "nb-param");
    writeNotebook(nb, "tiny", [{ source: 'let focal = "AZE";', tags: ["parameters"] }, "focal;"]);
    const r = await runCli(["--notebooks", nb, "--out", out, "-p", "focall=KAZ"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown parameter\(s\) focall.*declared: focal/);
    expect(existsSync(out)).toBe(false);
  });

  it("names a data folder that does not exist", async () => {
    const out = join(work, "out-no-data");
    const r = await runCli(["--notebooks", emptyNotebooks, "--out", out], {
      env: { CASPIAN_DATA: join(work, "no-such-data") },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(work, "no-such-data"));
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the lock on out/ (item 10)", () => {
  it("does not take over a lock another job has just created and not yet written", async () => {
    const out = join(work, "out-lock-empty");
    mkdirSync(out);
    writeFileSync(join(out, ".lock"), "");
    const r = await runCli(["--notebooks", emptyNotebooks, "--out", out]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^error: another main job .* is writing /);
    expect(readFileSync(join(out, ".lock"), "utf8")).toBe("");
  });

  it("refuses a lock held by a live process, and leaves it alone", async () => {
    const out = join(work, "out-lock-live");
    mkdirSync(out);
    writeFileSync(join(out, ".lock"), String(process.pid));
    const r = await runCli(["--notebooks", emptyNotebooks, "--out", out]);
    expect(r.code).toBe(2);
    expectOneLineError(r, new RegExp(`another main job \\(pid ${process.pid}\\) is writing `));
    expect(readFileSync(join(out, ".lock"), "utf8")).toBe(String(process.pid));
  });

  it("takes over the stale lock of a dead process; of several jobs started together exactly one gets it", async () => {
    const out = join(work, "out-lock-stale");
    mkdirSync(out);
    const dead = spawnSync("sh", ["-c", "echo $$"]).stdout.toString().trim();
    writeFileSync(join(out, ".lock"), dead);
    const nb = join(work, "nb-lock");
    writeNotebook(nb, "sleep", ["await new Promise((r) => setTimeout(r, 2000));"]);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        runCli(["--notebooks", nb, "--out", out, "-q", "--no-html"], { timeoutMs: 60_000 }),
      ),
    );
    const winners = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code === 2 && /another main job/.test(r.stderr));
    expect(winners).toHaveLength(1);
    expect(refused).toHaveLength(5);
    expect(existsSync(join(out, ".lock"))).toBe(false); // released by the winner
  }, 90_000);
});

describe("parameter names (item 10)", () => {
  it("parseParameter() rejects __proto__, constructor and reserved words", () => {
    for (const name of [
      "__proto__",
      "constructor",
      "prototype",
      "hasOwnProperty",
      "class",
      "let",
      "eval",
      "arguments",
      "undefined",
      "await",
    ]) {
      expect(() => parseParameter(`${name}=1`), name).toThrow(UsageError);
    }
    expect(parseParameter("focal=KAZ")).toEqual(["focal", "KAZ"]);
  });

  it("-p __proto__=... is an error naming the parameter", async () => {
    const r = await runCli([
      "-p",
      '__proto__={"year":1}',
      "--notebooks",
      missingNotebooks,
      "--out",
      join(work, "o-proto"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: parameter name "__proto__" /);
  });

  it("a --params file with a __proto__ or non-identifier key is an error naming the file and the key", async () => {
    for (const [key, body] of [
      ["__proto__", '{"__proto__": {"year": 1}}'],
      ["constructor", '{"constructor": 1}'],
      ["a b", '{"a b": 1}'],
    ] as const) {
      const file = join(work, `params-${key.replace(/\W/g, "")}.json`);
      writeFileSync(file, body);
      const r = await runCli(["--params", file, "--notebooks", missingNotebooks, "--out", join(work, "o-params")]);
      expect(r.code, key).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(`"${key}"`);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe("a bad or missing --params file (item 10)", () => {
  it("names a missing file, without a stack trace", async () => {
    const file = join(work, "no-such-params.json");
    const r = await runCli(["--params", file, "--notebooks", missingNotebooks]);
    expect(r.code).toBe(2);
    expectOneLineError(r, new RegExp(`^error: --params ${file.replace(/[.]/g, "\\.")}: cannot read it: `));
  });

  it("names the file, the line and the JSON error", async () => {
    const file = join(work, "bad-params.json");
    writeFileSync(file, '{\n  "year": 2020,\n}\n');
    const r = await runCli(["--params", file, "--notebooks", missingNotebooks]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^error: --params .*bad-params\.json: not valid JSON \(line 3, column 1\): /);
  });
});

describe("an output folder that cannot be written (item 10)", () => {
  it("gives one clear line for a path under a file", async () => {
    const file = join(work, "file.txt");
    writeFileSync(file, "x");
    const r = await runCli(["--out", join(file, "sub"), "--notebooks", emptyNotebooks]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^error: cannot write the output folder .*file\.txt\/sub: /);
  });

  it.runIf(hasRoMount)("gives one clear line for a read-only file system (root)", async () => {
    const mnt = join(work, "ro");
    mkdirSync(mnt);
    const script = `mount -t tmpfs -o ro tmpfs '${mnt}' && exec node '${cli}' --out '${join(mnt, "out")}' --notebooks '${emptyNotebooks}'`;
    const r = await runCommand("unshare", ["-m", "sh", "-c", script]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^error: cannot write the output folder .*ro\/out: .*read-only/i);
  });
});

describe("a run with tiny notebooks: relative --out, U+2028 in a parameter, a cell printing 12 MB (items 4, 10)", () => {
  const cwd = join(work, "cwd");
  const nb = join(work, "nb-run");
  const value = "a\u2028b\u2029c";
  let r: CliResult;
  beforeAll(async () => {
    mkdirSync(cwd);
    writeNotebook(nb, "env", ["console.log(process.env.CASPIAN_FIGURES_DIR);"]);
    writeNotebook(nb, "params", [{ source: 'let s = "x";', tags: ["parameters"] }, "console.log(JSON.stringify(s));"]);
    writeNotebook(nb, "big", ['console.log("x".repeat(12 * 1024 * 1024));', 'console.log("after");']);
    r = await runCli(["--notebooks", nb, "--out", "rel-out", "-p", `s=${value}`, "-j", "3", "--force"], {
      cwd,
      timeoutMs: 120_000,
    });
  }, 150_000);

  it("the run succeeds", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("resolves a relative --out against the current folder, also for the kernels (figure specs)", () => {
    const executed = JSON.parse(readFileSync(join(cwd, "rel-out", "notebooks", "env.ipynb"), "utf8"));
    const figuresDir = cellOutputText(executed, 0).trim(); // where registerFigure() writes, seen from the kernel
    expect(isAbsolute(figuresDir)).toBe(true);
    expect(figuresDir.startsWith(join(cwd, "rel-out") + sep)).toBe(true);
  });

  it("escapes U+2028 and U+2029 in the injected cell", () => {
    const file = readdirSync(join(cwd, "rel-out", "notebooks")).find((f) => f.startsWith("params--"))!;
    const executed = JSON.parse(readFileSync(join(cwd, "rel-out", "notebooks", file), "utf8"));
    const injected = [executed.cells[1].source].flat().join("");
    expect(executed.cells[1].metadata.tags).toEqual(["injected-parameters"]);
    expect(injected).toContain('s = "a\\u2028b\\u2029c";');
    expect(injected).not.toMatch(/[\u2028\u2029]/);
    expect(cellOutputText(executed, 2)).toBe(JSON.stringify(value) + "\n");
  });

  it("caps a cell's output at 10 MB, with a note saying it was cut", () => {
    const file = join(cwd, "rel-out", "notebooks", "big.ipynb");
    expect(statSync(file).size).toBeLessThan(10.5 * 1024 * 1024);
    const executed = JSON.parse(readFileSync(file, "utf8"));
    const text = cellOutputText(executed, 0);
    expect(text).toMatch(/output of this cell was cut at 10 MB/);
    expect(text.length).toBeGreaterThan(9 * 1024 * 1024);
    expect(cellOutputText(executed, 1)).toBe("after\n");
    expect(statSync(join(cwd, "rel-out", "html", "big.html")).size).toBeLessThan(11 * 1024 * 1024);
  });
});

describe("offline runs (item 10)", () => {
  it("the README's offline recipe brings loopback up", () => {
    expect(readFileSync(join(root, "README.md"), "utf8")).toContain(
      "unshare -n sh -c 'ip link set lo up && npm start'",
    );
  });

  it.runIf(hasUnshare)(
    "a kernel that does not answer names the likely cause (no loopback under unshare -n)",
    async () => {
      const nb = join(work, "nb-offline");
      writeNotebook(nb, "tiny", ["1;"]);
      const r = await runCommand(
        "unshare",
        ["-n", "node", cli, "--notebooks", nb, "--out", join(work, "out-offline"), "-q"],
        {
          env: { CASPIAN_KERNEL_STARTUP_TIMEOUT: "3" },
          timeoutMs: 25_000,
        },
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        "the kernel did not answer in 3 s; offline? under `unshare -n` bring loopback up: unshare -n sh -c 'ip link set lo up && npm start'",
      );
    },
    30_000,
  );

  it.runIf(hasUnshare)(
    "the recipe works: with loopback up, a notebook runs without a network",
    async () => {
      const nb = join(work, "nb-offline-ok");
      writeNotebook(nb, "tiny", ["console.log(6 * 7);"]);
      const out = join(work, "out-offline-ok");
      const r = await runCommand(
        "unshare",
        ["-n", "sh", "-c", `ip link set lo up && exec node '${cli}' --notebooks '${nb}' --out '${out}' -q`],
        { timeoutMs: 60_000 },
      );
      expect(r.code).toBe(0);
      expect(cellOutputText(JSON.parse(readFileSync(join(out, "notebooks", "tiny.ipynb"), "utf8")), 0)).toBe("42\n");
    },
    70_000,
  );
});
