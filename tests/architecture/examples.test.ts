/**
 * Every `@example` in lib/ is true, and every exported function has one. The test globs every `.ts` file under lib/
 * (a new folder is covered without editing this file), reads each doc comment's `@example`s and runs them:
 *
 * - a line `expression // => expected` is evaluated and compared with `expected` (several lines that do not end
 *   in `;` are joined to the `// =>` line that follows them); other lines are executed and must not throw;
 * - `await` may be used; text a line prints (`console.log`, `show`) is swallowed;
 * - a number written with "…" (`56.95…`) matches any value that agrees to the digits shown; a remark in
 *   parentheses after the expected value is ignored; objects and arrays are compared by value, keys included;
 * - an example whose first line is `// not run: <reason>` is only checked to be there (keep these few: for
 *   examples that start a browser or leave the test's temporary folder).
 *
 * Names an example may use (besides plain JavaScript):
 * - every export of every module under lib/, public or internal (a name exported by several modules means the
 *   example's own module's, else the library's, else the first module's by path); the library's public API
 *   (`lib/index.ts`) also as `cl.<name>`, as in a notebook;
 * - `pkg`: the checkout's data package, `dataPackage()`;
 * - `series`: a small cargo series, `seriesOf({ "2021": 1.2e6, "2022": 1.5e6, "2023": 2.76e6, "2024": 4.5e6 },
 *   { metric: "cargo", unit: "t", scope: "whole_route", label: "TITR cargo", sources: [sourceId("ady-2024")] })`;
 * - `fig`: a small figure, `timeSeriesFigure(series, { title: "TITR cargo" })`;
 * - `table`: a small table model (`TableInput`): columns `state` ("State") and `trade` ("Trade", USD), two rows
 *   (Kazakhstan 4.6e8, Uzbekistan 1.2e8), sources `["ady-2024"]`;
 * - `tmp`: a fresh temporary folder (one per example) to write files into; an example also runs with `tmp` as its
 *   working folder, so a relative path never touches the checkout;
 * - from Node: `join` (node:path), `existsSync`, `mkdirSync`, `readFileSync`, `writeFileSync` (node:fs), `Buffer`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as lib from "../../lib";
import { listFiles } from "../../lib/core/hash";

const root = join(__dirname, "..", "..");
const libDir = join(root, "lib");
const files = listFiles(libDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => join(libDir, f));

/** The mark of an example that is not run, with its reason. */
const NOT_RUN = /^\/\/\s*not run:\s*(.+)$/;

interface Example {
  readonly file: string;
  /** The declaration the doc comment stands before (or "module"). */
  readonly name: string;
  readonly code: string;
}

/** The text of a doc comment without its `/**`, `*\/` and leading `*`s. */
function commentBody(comment: string): string {
  return comment
    .replace(/^\/\*\*/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""))
    .join("\n");
}

/** Every doc comment of a file with the name of the declaration after it. */
function docComments(text: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const re = /\/\*\*[\s\S]*?\*\//g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
    const decl =
      /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|let|interface|type|enum|abstract\s+class)\s+(\w+)/.exec(
        after,
      );
    const member =
      /^\s*(?:(?:public|private|protected|static|readonly|override|async|get|set)\s+)*(\w+)\s*[(:?=<]/.exec(after);
    out.push({ name: decl?.[1] ?? (member ? `.${member[1]}` : "module"), body: commentBody(m[0]) });
  }
  return out;
}

/** The `@example` blocks of a doc comment body: text after the tag up to the next tag. A tag in backticks is prose. */
function examplesIn(body: string): string[] {
  return body
    .split(/(?<![`{\w])@example\b/)
    .slice(1)
    .map((chunk) =>
      chunk
        .split(
          /(?:^|\n|\s)@(?:param|returns?|throws|see|remarks|internal|deprecated|category|module|example|typeParam|defaultValue)\b/,
        )[0]!
        .trim(),
    );
}

function examplesOf(file: string): Example[] {
  return docComments(readFileSync(file, "utf8")).flatMap(({ name, body }) =>
    examplesIn(body).map((code) => ({ file, name, code })),
  );
}

/** Exported functions of a file whose doc comments (over all overloads) have no `@example`. */
function missingExamples(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const has = new Map<string, boolean>();
  const re = /export\s+(?:async\s+)?function\*?\s+(\w+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index).trimEnd();
    const doc = before.endsWith("*/") ? before.slice(before.lastIndexOf("/**")) : "";
    has.set(m[1]!, (has.get(m[1]!) ?? false) || examplesIn(commentBody(doc)).length > 0);
  }
  return [...has].filter(([, ok]) => !ok).map(([fn]) => `${relative(root, file)}: ${fn}`);
}

class Approx {
  constructor(
    readonly value: number,
    readonly digits: number,
  ) {}
}

/** Outside string literals: replaces `12.34…` numbers by `__approx(12.34, 2)` and the minus sign `−` by `-`. */
function approxNumbers(js: string): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < js.length; i++) {
    const c = js[i]!;
    if (quote) {
      out += c;
      if (c === "\\") out += js[++i] ?? "";
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      quote = c;
      out += c;
      continue;
    }
    const m = /^[-−]?\d[\d_]*(?:\.(\d+))?…/.exec(js.slice(i));
    if (m && !/[\w.]/.test(js[i - 1] ?? "")) {
      out += `__approx(${m[0].slice(0, -1).replace("−", "-")}, ${m[1] ? m[1].length : 0})`;
      i += m[0].length - 1;
      continue;
    }
    if (c === "−") {
      out += "-";
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * The expected text as JavaScript candidates, longest first: `…` numbers become {@link Approx}, and a trailing
 * remark in parentheses is dropped, one at a time. The first candidate that runs in the example's scope is the
 * expected value (so `2 (BOM, CRLF)` is 2, and an expected value may use the example's own names).
 */
function expectedCandidates(text: string): string[] {
  const out: string[] = [];
  for (let t = text.trim(), cut = ""; ; t = cut) {
    const js = approxNumbers(t);
    try {
      new Function("__approx", `return (${js});`); // parses only
      out.push(js);
    } catch {
      /* not JavaScript: try without the last remark */
    }
    cut = t.replace(/\s*\([^()]*\)\s*$/, "");
    if (cut === t) break;
  }
  if (out.length === 0) throw new Error(`cannot read the expected value "${text.trim()}"`);
  return out;
}

/** The value of the first candidate that does not throw. */
function firstValue(candidates: readonly (() => unknown)[]): unknown {
  let error: unknown;
  for (const c of candidates) {
    try {
      return c();
    } catch (e) {
      error = e;
    }
  }
  throw error;
}

function matches(actual: unknown, expected: unknown): boolean {
  if (expected instanceof Approx) {
    return typeof actual === "number" && Math.abs(actual - expected.value) < 10 ** -expected.digits;
  }
  if (typeof expected === "number")
    return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(actual[i], e))
    );
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return false;
    const keys = Object.keys(expected);
    return (
      keys.every((k) => matches((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k])) &&
      Object.keys(actual).length === keys.length
    );
  }
  return Object.is(actual, expected);
}

/** Index of the last `;` of `code` outside strings and brackets, or -1. */
function lastTopLevelSemicolon(code: string): number {
  let depth = 0;
  let quote: string | undefined;
  let last = -1;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === ";" && depth === 0) last = i;
  }
  return last;
}

/** Runs an example: statements run in order; each `expr // => expected` line records the value of `expr`. */
async function run(
  code: string,
  context: Record<string, unknown>,
): Promise<{ actual: unknown[]; expected: unknown[]; texts: string[] }> {
  const body: string[] = [];
  const expected: unknown[] = [];
  const texts: string[] = [];
  let pending: string[] = [];
  for (const line of code.split("\n")) {
    const at = line.indexOf("// =>");
    if (at >= 0) {
      let expr = [...pending, line.slice(0, at)].join("\n").trim();
      pending = [];
      const cut = lastTopLevelSemicolon(expr);
      if (cut >= 0) {
        body.push(expr.slice(0, cut + 1));
        expr = expr.slice(cut + 1).trim();
      }
      if (expr === "") throw new Error(`"${line.trim()}": no expression before "// =>"`);
      const candidates = expectedCandidates(line.slice(at + 5)).map((js) => `() => (${js})`);
      body.push(`__r.push(${expr}); __e.push(__first([${candidates.join(", ")}]));`);
      texts.push(expr);
    } else if (/;\s*(\/\/.*)?$/.test(line.trim()) || line.trim().startsWith("//") || line.trim() === "") {
      body.push(...pending, line);
      pending = [];
    } else {
      pending.push(line);
    }
  }
  body.push(...pending);
  const src = transformSync(`async function __example(__r, __e, __approx, __first) {\n${body.join("\n")}\n}`, {
    loader: "ts",
  }).code;
  const names = Object.keys(context);
  const actual: unknown[] = [];
  const approx = (v: number, d: number) => new Approx(v, d);
  await new Function(...names, "__args", `${src}\nreturn __example(...__args);`)(...names.map((n) => context[n]), [
    actual,
    expected,
    approx,
    firstValue,
  ]);
  return { actual, expected, texts };
}

/** The fixed names every example may use besides the library's (listed at the top of this file). */
function sharedContext(): Record<string, unknown> {
  const series = lib.seriesOf(
    { "2021": 1.2e6, "2022": 1.5e6, "2023": 2.76e6, "2024": 4.5e6 },
    { metric: "cargo", unit: "t", scope: "whole_route", label: "TITR cargo", sources: [lib.sourceId("ady-2024")] },
  );
  const fig = lib.timeSeriesFigure(series, { title: "TITR cargo" });
  const table: lib.TableInput = {
    columns: [
      { key: "state", label: "State" },
      { key: "trade", label: "Trade", unit: "USD" },
    ],
    rows: [
      { state: "Kazakhstan", trade: 4.6e8 },
      { state: "Uzbekistan", trade: 1.2e8 },
    ],
    sources: [lib.sourceId("ady-2024")],
  };
  return {
    pkg: lib.dataPackage(),
    series,
    fig,
    table,
    join,
    existsSync,
    mkdirSync,
    readFileSync,
    writeFileSync,
    cl: lib,
  };
}

const examples = files.flatMap(examplesOf);
const modules = new Map<string, Record<string, unknown>>();
const tmps: string[] = [];
let shared: Record<string, unknown> = {};
let everything: Record<string, unknown> = {};

/** The exports of a module that can be parameter names. */
function names(module: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(module).filter(([k]) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== "default"));
}

describe("@examples of lib/", () => {
  beforeAll(async () => {
    shared = sharedContext();
    for (const file of files) modules.set(file, (await import(file)) as Record<string, unknown>);
    everything = Object.assign({}, ...[...modules.values()].reverse().map(names));
  });
  afterAll(() => {
    for (const d of tmps) rmSync(d, { recursive: true, force: true });
  });

  it("covers every folder of lib/", () => {
    const folders = new Set(files.map((f) => relative(libDir, f).split("/")[0]!).filter((f) => !f.endsWith(".ts")));
    const withExamples = new Set(examples.map((e) => relative(libDir, e.file).split("/")[0]!));
    expect([...folders].filter((f) => !withExamples.has(f))).toEqual([]);
  });

  it("every exported function has an @example", () => {
    expect(files.flatMap(missingExamples)).toEqual([]);
  });

  it.each(examples.map((e) => [`${relative(libDir, e.file)} ${e.name}: ${e.code.split("\n")[0]}`, e] as const))(
    "%s",
    async (_name, ex) => {
      const reason = NOT_RUN.exec(ex.code.split("\n")[0]!.trim());
      if (reason) {
        expect(reason[1]!.trim(), "a not-run example says why").not.toBe("");
        return;
      }
      const tmp = mkdtempSync(join(tmpdir(), "cl-example-"));
      tmps.push(tmp);
      const context = { ...everything, ...names(lib), ...names(modules.get(ex.file) ?? {}), ...shared, tmp };
      const quiet = [
        vi.spyOn(console, "log").mockImplementation(() => {}),
        vi.spyOn(console, "info").mockImplementation(() => {}),
      ];
      const cwd = process.cwd();
      process.chdir(tmp);
      try {
        const { actual, expected, texts } = await run(ex.code, context);
        expected.forEach((e, i) => {
          expect(matches(actual[i], e), `${texts[i]}\n  gave ${JSON.stringify(actual[i])}`).toBe(true);
        });
      } finally {
        process.chdir(cwd);
        for (const q of quiet) q.mockRestore();
      }
    },
  );
});
