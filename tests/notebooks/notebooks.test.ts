/**
 * The main job end to end: every notebook executes, offline (in a network namespace without network when the
 * test runs as root, which CI does), two forced runs give identical figures and tables, a re-run with nothing
 * changed skips everything, and a run killed at a random moment is completed correctly by the next run.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileSha256, listFiles } from "../../lib/core/hash";
import { readRecord } from "../../runner/record";
import { readerPageProblems } from "../../runner/sweep-check";

const root = join(__dirname, "..", "..");
const cli = join(root, "dist", "runner", "cli.js");
const isRoot = process.getuid?.() === 0;
const canUnshare = isRoot && spawnSync("unshare", ["-n", "true"]).status === 0;

/** Runs the main job, inside `unshare -n` (loopback only) when possible. */
function mainJob(args: string[]): { code: number; stdout: string; stderr: string } {
  const command = canUnshare ? "unshare" : "node";
  const argv = canUnshare
    ? ["-n", "sh", "-c", 'ip link set lo up && exec node "$@"', "sh", cli, ...args]
    : [cli, ...args];
  const r = spawnSync(command, argv, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** sha256 of every file of the report pack (figures, tables, specs, manifest, index), by relative path. */
function packHashes(out: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const f of listFiles(join(out, "figures"))) hashes[f] = fileSha256(join(out, "figures", f))!;
  return hashes;
}

describe("the main job", () => {
  const out = mkdtempSync(join(tmpdir(), "caspian-main-"));
  let first: Record<string, string> = {};

  it(`executes every notebook without error${canUnshare ? ", with no network (unshare -n)" : ""}`, () => {
    if (!canUnshare) console.warn("not root or no unshare: the offline check is skipped, the notebooks still run");
    const r = mainJob(["--out", out, "--force", "-q"]);
    expect(r.stderr).not.toMatch(/FAILED/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/(\d+)\/\1 notebooks ok/);
    first = packHashes(out);
    // the report pack's index lists every notebook, whose page links its figures to the run record that made them
    const index = readFileSync(join(out, "figures", "index.html"), "utf8");
    for (const f of listFiles(join(out, "records"))) {
      const name = f.replace(/\.json$/, "");
      expect(index).toContain(`href="${name}/index.html"`);
      const page = readFileSync(join(out, "figures", name, "index.html"), "utf8");
      expect(page).toContain(`Run record: <a href="../../records/${f}">`);
      // and every notebook has its reader's page: no code, its sources listed
      const reader = readFileSync(join(out, "report", `${name}.html`), "utf8");
      expect(reader).not.toContain("jp-InputArea");
      expect(reader).toContain('id="sources"');
      // a reader sees no markup as text, no Jupyter instruction
      expect(readerPageProblems(reader).filter((p) => p.rule === "markup shown as text")).toEqual([]);
      expect(reader).not.toContain("Trust Notebook");
    }
    // a default run's out/ stays light: one plotly.js, pack pages pointing at their PNG files (issue 13: 40 MB)
    const bytes = listFiles(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
    expect(bytes / 1e6).toBeLessThan(40);
    expect(listFiles(out).filter((f) => f.endsWith("plotly.min.js"))).toEqual(["assets/plotly.min.js"]);
    for (const f of listFiles(join(out, "records"))) expect(readRecord(join(out, "records", f))?.ok).toBe(true);
  }, 900_000);

  it("gives identical figures and tables on a second forced run", () => {
    const r = mainJob(["--out", out, "--force", "-q"]);
    expect(r.code).toBe(0);
    expect(packHashes(out)).toEqual(first);
  }, 900_000);

  it("skips every notebook when nothing changed", () => {
    const r = mainJob(["--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/running \(/);
    expect(r.stdout).toMatch(/(\d+)\/\1 notebooks ok \(\1 skipped, unchanged\)/);
  }, 120_000);

  it("completes correctly after being killed at a random moment", async () => {
    const killed = mkdtempSync(join(tmpdir(), "caspian-kill-"));
    const child = spawn("node", [cli, "--out", killed, "--force", "-q"], {
      cwd: root,
      detached: true,
      stdio: "ignore",
    });
    const delay = 2000 + Math.floor(Math.random() * 8000);
    await new Promise((r) => setTimeout(r, delay));
    try {
      process.kill(-child.pid!, "SIGKILL"); // the whole group: node, Python workers, kernels
    } catch {
      /* it had finished */
    }
    await new Promise((r) => setTimeout(r, 500));
    const r = mainJob(["--out", killed, "-q"]);
    expect(r.code, `killed after ${delay} ms; second run: ${r.stderr}`).toBe(0);
    expect(packHashes(killed)).toEqual(first);
    for (const f of listFiles(join(killed, "notebooks"))) {
      expect(f).toMatch(/\.ipynb$/); // no temporary files left that look finished
      expect(() => JSON.parse(readFileSync(join(killed, "notebooks", f), "utf8"))).not.toThrow();
    }
    expect(existsSync(join(killed, "records"))).toBe(true);
  }, 900_000);
});
