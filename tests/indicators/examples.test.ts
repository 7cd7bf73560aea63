/**
 * The `@example`s of the indicator library are true: every exported function has one, and every example line of the
 * form `expression // => expected` is run and compared with `expected`. In examples, `pkg` is the checkout's data
 * package (`dataPackage()`). A number written with "…" (`56.95…`) matches any value that agrees to the digits
 * shown; a remark in parentheses after the expected value is ignored.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import * as lib from "../../lib";
import { realData } from "./real-data";

const FOLDERS = ["series", "trend", "capacity", "funds", "memberships", "balance", "events", "claims"];
const root = join(__dirname, "..", "..", "lib", "indicators");
const files = FOLDERS.flatMap((f) =>
  readdirSync(join(root, f))
    .filter((n) => n.endsWith(".ts") && n !== "index.ts")
    .map((n) => join(root, f, n)),
);

interface Example {
  readonly file: string;
  readonly fn: string;
  readonly code: string;
}

/** Every exported function's doc comment, with its examples (text after `@example` up to the next tag). */
function docsOf(file: string): { fn: string; doc: string | undefined }[] {
  const text = readFileSync(file, "utf8");
  const out: { fn: string; doc: string | undefined }[] = [];
  const re = /export function (\w+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index).trimEnd();
    const doc = before.endsWith("*/") ? before.slice(before.lastIndexOf("/**")) : undefined;
    out.push({ fn: m[1]!, doc });
  }
  return out;
}

function examplesOf(file: string): Example[] {
  return docsOf(file).flatMap(({ fn, doc }) => {
    if (!doc) return [];
    const body = doc
      .replace(/^\/\*\*/, "")
      .replace(/\*\/$/, "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""))
      .join("\n");
    return body
      .split("@example")
      .slice(1)
      .map((chunk) => ({ file, fn, code: chunk.split(/\n@\w+/)[0]!.trim() }));
  });
}

class Approx {
  constructor(
    readonly value: number,
    readonly digits: number,
  ) {}
}

/** The expected text as a value: `…` numbers become {@link Approx}, a trailing remark in parentheses is dropped. */
function expectedValue(text: string): unknown {
  let t = text.replace(/−/g, "-").trim();
  const attempt = (s: string): { ok: boolean; v?: unknown } => {
    const js = s.replace(/(-?\d[\d_]*(?:\.(\d+))?)…/g, (_m, num: string, dec: string | undefined) => `__approx(${num}, ${dec ? dec.length : 0})`);
    try {
      return { ok: true, v: new Function("__approx", `return (${js});`)((v: number, d: number) => new Approx(v, d)) };
    } catch {
      return { ok: false };
    }
  };
  for (;;) {
    const r = attempt(t);
    if (r.ok) return r.v;
    const cut = t.replace(/\s*\([^()]*\)\s*$/, "");
    if (cut === t) throw new Error(`cannot read the expected value "${text}"`);
    t = cut;
  }
}

function matches(actual: unknown, expected: unknown): boolean {
  if (expected instanceof Approx) {
    return typeof actual === "number" && Math.abs(actual - expected.value) < 10 ** -expected.digits;
  }
  if (typeof expected === "number") return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(actual[i], e));
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return false;
    const keys = Object.keys(expected);
    return keys.every((k) => matches((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k])) && Object.keys(actual).length === keys.length;
  }
  return Object.is(actual, expected);
}

/** Runs an example: statements run in order; each `expr // => expected` line records the value of `expr`. */
function run(code: string, context: Record<string, unknown>): { actual: unknown[]; expected: unknown[]; texts: string[] } {
  const lines = code.split("\n");
  const body: string[] = [];
  const expected: unknown[] = [];
  const texts: string[] = [];
  let pending: string[] = [];
  for (const line of lines) {
    const at = line.indexOf("// =>");
    if (at >= 0) {
      const expr = [...pending, line.slice(0, at)].join("\n").trim();
      pending = [];
      body.push(`__r.push(${expr});`);
      texts.push(expr);
      expected.push(expectedValue(line.slice(at + 5)));
    } else if (/;\s*(\/\/.*)?$/.test(line.trim()) || line.trim().startsWith("//") || line.trim() === "") {
      if (pending.length) {
        body.push(...pending);
        pending = [];
      }
      body.push(line);
    } else {
      pending.push(line);
    }
  }
  body.push(...pending);
  const src = transformSync(`function __example(__r) {\n${body.join("\n")}\n}`, { loader: "ts" }).code;
  const names = Object.keys(context);
  const actual: unknown[] = [];
  new Function(...names, `${src}\n__example(arguments[arguments.length - 1]);`)(...names.map((n) => context[n]), actual);
  return { actual, expected, texts };
}

describe("@examples of the indicator library", () => {
  const context: Record<string, unknown> = { ...lib, pkg: realData() };
  const all = files.flatMap(examplesOf);

  it("every exported function has an @example", () => {
    const missing = files.flatMap((f) => docsOf(f).filter((d) => !d.doc || !d.doc.includes("@example")).map((d) => `${f}: ${d.fn}`));
    expect(missing).toEqual([]);
  });

  it.each(all.map((e) => [`${e.file.slice(root.length + 1)} ${e.fn}`, e] as const))("%s", (_name, ex) => {
    const { actual, expected, texts } = run(ex.code, context);
    expected.forEach((e, i) => {
      expect(matches(actual[i], e), `${texts[i]}\n  gave ${JSON.stringify(actual[i])}`).toBe(true);
    });
  });
});
