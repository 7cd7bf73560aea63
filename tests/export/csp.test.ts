import { describe, expect, test } from "vitest";
import { figureHtml } from "../../lib/display/show";
import { plotlyLoaderHtml, plotlyLoaderScripts, plotlyScriptHtml } from "../../lib/display/plotly-bundle";
import { FIGURE_SCRIPT } from "../../lib/display/show";
import { contentSecurityPolicy, isLibraryScript, scriptHash, secureHtmlPage } from "../../lib/export/csp";

const fig = {
  data: [{ type: "bar", x: ["</script><script>alert(1)</script>"], y: [1] }],
  layout: { title: { text: "t" } },
};

function policyOf(page: string): string {
  return /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1] ?? "";
}

describe("Content-Security-Policy of written pages", () => {
  test("scriptHash is the base64 sha256 of the script text (worked: alert(1))", () => {
    expect(scriptHash("alert(1)")).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  test("the library's figure and loader scripts are allowed by hash, nothing else", () => {
    const chart = `${plotlyLoaderHtml()}\n${figureHtml(fig, { id: "f1" })}`;
    const page = `<!doctype html><html><head><meta charset="utf-8"></head><body>${chart}<script>alert(2)</script><svg onload="alert(3)"></svg></body></html>`;
    const secured = secureHtmlPage(page);
    const policy = policyOf(secured);
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain(scriptHash("alert(2)"));
    for (const s of plotlyLoaderScripts()) expect(policy).toContain(scriptHash(s));
    // three loader scripts and one figure script
    expect(policy.match(/'sha256-/g)).toHaveLength(4);
    // the charset stays first, the policy right after it, before any script
    expect(secured.indexOf('<meta charset="utf-8">')).toBeLessThan(secured.indexOf("Content-Security-Policy"));
    expect(secured.indexOf("Content-Security-Policy")).toBeLessThan(secured.indexOf("<script"));
  });

  test("a script that only looks like a figure script is not allowed", () => {
    const { head, middle, tail } = FIGURE_SCRIPT;
    expect(isLibraryScript(`${head}"f"${middle}[[], {}, {}]${tail}`)).toBe(true);
    for (const fake of [
      `${head}"f"${middle}[[], {}, alert(1)]${tail}`,
      `${head}"f"${middle}[[], {}]${tail}`,
      `${head}"f"); alert(1); ("${middle}[[], {}, {}]${tail}`,
      `${head}"f"${middle}[[], {}, {}]${tail}alert(1);`,
      `alert(1);${head}"f"${middle}[[], {}, {}]${tail}`,
    ]) {
      expect(isLibraryScript(fake)).toBe(false);
      expect(contentSecurityPolicy(`<script>${fake}</script>`)).toContain("script-src 'none'");
    }
  });

  test("empty CDN script tags are removed, an existing policy is replaced, output is deterministic", () => {
    const page = `<html><head><meta http-equiv="Content-Security-Policy" content="script-src *"><script src=""></script></head><body></body></html>`;
    const a = secureHtmlPage(page);
    expect(a).not.toContain('src=""');
    expect(a).not.toContain("script-src *");
    expect(a.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(secureHtmlPage(page)).toBe(a);
    expect(secureHtmlPage(a)).toBe(a);
  });

  test("a page that loads the shared plotly.js gets 'self' (local files only), other pages do not", () => {
    const chart = figureHtml(fig, { id: "f1" });
    const shared = contentSecurityPolicy(`<head>${plotlyScriptHtml("../assets/plotly.min.js")}</head>${chart}`);
    expect(shared).toMatch(/script-src 'self' 'sha256-[^ ;]+'; /);
    expect(shared).toContain("connect-src 'none'");
    expect(contentSecurityPolicy(chart)).not.toContain("'self'");
    expect(contentSecurityPolicy(`<script src="https://cdn.example/assets/plotly.min.js"></script>`)).not.toContain(
      "'self'",
    );
    expect(contentSecurityPolicy(`<script src="//cdn.example/assets/plotly.min.js"></script>`)).not.toContain("'self'");
  });

  test("plotlyScriptHtml loads a relative copy or inlines the bundle, never a remote address", () => {
    expect(plotlyScriptHtml("../../assets/plotly.min.js")).toBe('<script src="../../assets/plotly.min.js"></script>');
    expect(plotlyScriptHtml("inline")).toBe(plotlyLoaderHtml());
    for (const remote of ["https://cdn.plot.ly/plotly.js", "//cdn/x.js", "file:///etc/x.js", "\\\\host\\x.js"]) {
      expect(() => plotlyScriptHtml(remote)).toThrow(/relative address/);
    }
  });
});
