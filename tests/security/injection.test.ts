/**
 * Markup from data or parameters stays text, in a real browser: every free-text field of every resource gets a
 * hostile payload, every notebook runs on that data, and every HTML page the toolkit wrote (notebook pages and the
 * report pack) is opened in headless Chromium. No dialog may open, no element the payload would create may exist,
 * the payload must be shown literally, and the library's own charts must still draw under the page's
 * Content-Security-Policy. Then each string parameter gets the payload, notebook by notebook.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../lib/export/exporter";
import { listFiles } from "../../lib/core/hash";
import { injectData, inspectPage, PAYLOAD, textFields, type PageVerdict } from "../helpers/inject";
import { declaredParameters } from "../../runner/discover";

const root = join(__dirname, "..", "..");
const cli = join(root, "dist", "runner", "cli.js");
const executablePath = process.env.CASPIAN_CHROMIUM ?? "/usr/bin/chromium";

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync("node", [cli, ...args], {
    cwd: root,
    encoding: "utf8",
    // vitest runs other notebook tests at the same time: on a 2-core machine a kernel can take over a minute to
    // answer, which is not what this file tests (the runner's own 60 s default stays for users)
    env: { CASPIAN_KERNEL_STARTUP_TIMEOUT: "180", ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function htmlPages(out: string): string[] {
  return listFiles(out)
    .filter((f) => f.endsWith(".html"))
    .map((f) => join(out, f));
}

/** Asserts that a page kept the payload inert; returns the verdict for further checks. */
async function expectInert(browser: Browser, file: string): Promise<PageVerdict> {
  const v = await inspectPage(browser, file);
  expect(v.dialogs, `${file}: dialogs`).toEqual([]);
  expect(v.injected, `${file}: injected elements`).toEqual([]);
  expect(v.charts, `${file}: charts drawn`).toBe(v.chartDivs);
  return v;
}

describe("hostile text in data and parameters stays text", () => {
  let browser: Browser;
  const data = mkdtempSync(join(tmpdir(), "caspian-inject-data-"));
  const out = mkdtempSync(join(tmpdir(), "caspian-inject-out-"));

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("injects into every free-text field of every resource, and the data still validate", () => {
    const counts = injectData(join(root, "data"), data);
    const fields = Object.entries(textFields(join(root, "data"))).flatMap(([f, names]) =>
      names.map((n) => `${f}:${n}`),
    );
    // every text field that holds a value somewhere was injected (the names the issue lists among them)
    for (const f of [
      "states.csv:name",
      "organizations.csv:name",
      "events.csv:title",
      "claims.csv:section",
      "gaps.csv:description",
      "state_attributes.csv:value",
      "claims.csv:args.not_checkable",
    ]) {
      expect(counts[f], f).toBeGreaterThan(0);
    }
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(fields.length - 2);
    const check = spawnSync("node", [join(root, "dist", "lib", "data", "check-cli.js")], {
      encoding: "utf8",
      env: { ...process.env, CASPIAN_DATA: data },
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it("runs every notebook on the injected data; no page runs the markup, every page shows it as text", async () => {
    const r = run(["--out", out, "--force", "-q"], { CASPIAN_DATA: data });
    expect(r.code, r.stderr).toBe(0);
    const pages = htmlPages(out);
    expect(pages.length).toBeGreaterThan(8);
    let literal = 0;
    for (const page of pages) {
      const v = await expectInert(browser, page);
      if (v.mentions) {
        expect(v.literal, `${page}: the payload is shown literally`).toBe(true);
        literal += 1;
      }
    }
    // every notebook page except the start page shows text from the injected fields
    const notebookPages = pages.filter((p) => p.includes(`${join(out, "html")}/`));
    expect(
      notebookPages
        .filter((p) => !p.endsWith("00-start-here.html"))
        .every((p) => readFileSync(p, "utf8").includes("alert(1)")),
    ).toBe(true);
    expect(literal).toBeGreaterThanOrEqual(notebookPages.length - 1);
  }, 1_200_000);

  // Every parameter any notebook declares (its parameters cell and a workbook's answer cells), read from the
  // notebooks themselves, so a new parameter is tested without editing this file.
  const declaring = new Map<string, string[]>();
  for (const file of readdirSync(join(root, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort())
    for (const name of declaredParameters(join(root, "notebooks", file)))
      declaring.set(name, [...(declaring.get(name) ?? []), file.replace(/\.ipynb$/, "")]);
  const answers = [...declaring.keys()].filter((n) => /^answer\d+$/.test(n));
  const runs: { label: string; params: string[]; notebooks: string[] }[] = [
    ...[...declaring.keys()]
      .filter((n) => !answers.includes(n))
      .map((n) => ({ label: n, params: [n], notebooks: declaring.get(n)! })),
    // the workbook's answers, all at once (each is free text a student types)
    { label: "answers", params: answers, notebooks: [...new Set(answers.flatMap((a) => declaring.get(a)!))] },
  ];

  it("finds the parameters to test in the notebooks", () => {
    expect([...declaring.keys()]).toEqual(expect.arrayContaining(["focal", "asOf", "scenario", "answer2"]));
    expect(answers.length).toBeGreaterThanOrEqual(6);
  });

  for (const { label, params, notebooks } of runs) {
    it(`keeps the ${label} parameter${params.length > 1 ? "s" : ""} inert in every notebook that declares ${params.length > 1 ? "them" : "it"}`, async () => {
      const pout = mkdtempSync(join(tmpdir(), `caspian-inject-${label}-`));
      const r = run([
        "--out",
        pout,
        "--force",
        "-q",
        ...notebooks,
        ...params.flatMap((p) => ["-p", `${p}=${PAYLOAD}`]),
      ]);
      const said = r.stderr + r.stdout;
      expect(said).not.toMatch(/RunnerError|SyntaxError/);
      const pages = htmlPages(pout);
      for (const page of pages) {
        const v = await expectInert(browser, page);
        if (v.mentions) expect(v.literal, `${page}: the parameter is shown literally`).toBe(true);
      }
      // Each notebook that declares it either refused the value with a message naming the parameter (and wrote no
      // page for it), or wrote its pages, which show the value as text.
      for (const nb of notebooks) {
        const own = pages.filter((p) => basename(p).startsWith(`${nb}--`));
        if (own.length === 0) {
          expect(said, `${nb}: refused without saying why`).toMatch(new RegExp(`${nb}[\\s\\S]*(${params.join("|")})`));
          continue;
        }
        const shown = own.filter((p) => readFileSync(p, "utf8").includes("alert(1)"));
        expect(shown.length, `${nb}: a page that accepted the value shows it`).toBeGreaterThan(0);
      }
    }, 600_000);
  }
});
