/// <reference lib="dom" />
/**
 * Hostile input for the injection tests: a copy of data/ with markup appended to every free-text value of every
 * resource, and the browser check that opens a page and looks for what the markup would do if it were live.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser } from "playwright-core";

/**
 * Markup that would act if it were rendered: an event handler (`<svg/onload=…>` needs no space, so a quote's word
 * count does not change), a script element that closes the one it sits in, Markdown emphasis and a
 * `javascript:` link.
 */
export const PAYLOAD = "<svg/onload=alert(1)></script><script>alert(2)</script>**pwn**[x](javascript:alert(3))";

interface FieldDescriptor {
  readonly name: string;
  readonly type: string;
  readonly constraints?: { readonly pattern?: string; readonly enum?: readonly string[] };
}
interface ResourceDescriptor {
  readonly name: string;
  readonly path: string;
  readonly schema: {
    readonly fields: readonly FieldDescriptor[];
    readonly primaryKey?: string | readonly string[];
    readonly foreignKeys?: readonly { readonly fields: string | readonly string[] }[];
  };
}

/**
 * The free-text fields of each resource: strings without a pattern or an enumeration that are neither keys nor
 * references (ids, codes, dates and URLs are validated and cannot carry markup).
 */
export function textFields(dataDir: string): Record<string, string[]> {
  const dp = JSON.parse(readFileSync(join(dataDir, "datapackage.json"), "utf8")) as { resources: ResourceDescriptor[] };
  const out: Record<string, string[]> = {};
  for (const r of dp.resources) {
    const arr = (x: string | readonly string[] | undefined): string[] =>
      x === undefined ? [] : typeof x === "string" ? [x] : [...x];
    const keys = new Set([
      ...arr(r.schema.primaryKey),
      ...(r.schema.foreignKeys ?? []).flatMap((fk) => arr(fk.fields)),
    ]);
    out[r.path] = r.schema.fields
      .filter(
        (f) =>
          f.type === "string" &&
          f.constraints?.pattern === undefined &&
          f.constraints?.enum === undefined &&
          !keys.has(f.name),
      )
      .map((f) => f.name);
  }
  return out;
}

/**
 * Free text that {@link textFields} leaves out because it is part of a key, injected all the same: a state's
 * attribute value (language family, religion, region) is shown in notebooks 01 and 07.
 */
const EXTRA_TEXT: Record<string, readonly string[]> = { "state_attributes.csv": ["value"] };

/**
 * Copies `dataDir` to `target` with {@link PAYLOAD} appended to every non-empty free-text value.
 * Returns the number of values changed per `file:field`.
 */
export function injectData(dataDir: string, target: string): Record<string, number> {
  mkdirSync(target, { recursive: true });
  cpSync(dataDir, target, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [file, fields] of Object.entries(textFields(dataDir))) {
    if (fields.length === 0) continue;
    const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dataDir, file), "utf8"), {
      header: true,
      skipEmptyLines: true,
    });
    const header = parsed.meta.fields ?? [];
    for (const row of parsed.data) {
      for (const f of [...fields, ...(EXTRA_TEXT[file] ?? [])]) {
        if ((row[f] ?? "") !== "") {
          row[f] = row[f] + PAYLOAD;
          counts[`${file}:${f}`] = (counts[`${file}:${f}`] ?? 0) + 1;
        }
      }
      // the reasons inside a claim's test arguments are shown in the register
      if (file === "claims.csv" && (row.args ?? "") !== "") {
        const args = JSON.parse(row.args!) as Record<string, unknown>;
        if (typeof args.not_checkable === "string") {
          args.not_checkable += PAYLOAD;
          row.args = JSON.stringify(args);
          counts["claims.csv:args.not_checkable"] = (counts["claims.csv:args.not_checkable"] ?? 0) + 1;
        }
      }
    }
    writeFileSync(
      join(target, file),
      Papa.unparse({ fields: header, data: parsed.data.map((r) => header.map((h) => r[h] ?? "")) }, { newline: "\n" }) +
        "\n",
    );
  }
  return counts;
}

/** What a page did with the hostile text. */
export interface PageVerdict {
  readonly dialogs: readonly string[];
  /** Elements that only the markup could have made: event-handler attributes, `javascript:` links, live scripts. */
  readonly injected: readonly string[];
  /** The payload is shown as text (in the rendered text of the page, SVG included). */
  readonly literal: boolean;
  /** The page holds the payload in some form (escaped text or data). */
  readonly mentions: boolean;
  /** Plotly charts drawn on the page (so the Content-Security-Policy did not stop the library's own scripts). */
  readonly charts: number;
  readonly chartDivs: number;
}

/** Opens `file` in Chromium (offline), lets its scripts run, and reports {@link PageVerdict}. */
export async function inspectPage(browser: Browser, file: string): Promise<PageVerdict> {
  const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await page.goto(`file://${file}`, { waitUntil: "load", timeout: 60_000 });
    await page.waitForTimeout(300);
    const result = await page.evaluate((payload) => {
      const injected: string[] = [];
      for (const el of Array.from(document.querySelectorAll("*"))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) injected.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
          if (/^\s*javascript:/i.test(a.value)) injected.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
        }
      }
      for (const s of Array.from(document.querySelectorAll("script"))) {
        if (/^\s*alert\(\d\)\s*$/.test(s.textContent ?? "")) injected.push(`<script>${s.textContent ?? ""}</script>`);
      }
      const rendered =
        (document.body?.textContent ?? "") +
        "\n" +
        Array.from(document.querySelectorAll("svg text"))
          .map((t) => t.textContent ?? "")
          .join("\n");
      return {
        injected,
        literal: rendered.includes(payload),
        mentions:
          document.documentElement.outerHTML.includes("alert(1)") ||
          document.documentElement.outerHTML.includes("alert\\u00281"),
        charts: Array.from(document.querySelectorAll(".caspian-figure")).filter(
          (d) => d.querySelector(".main-svg") !== null,
        ).length,
        chartDivs: document.querySelectorAll(".caspian-figure").length,
      };
    }, PAYLOAD);
    return { dialogs, ...result };
  } finally {
    await context.close();
  }
}
