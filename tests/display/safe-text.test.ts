import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { afterEach, describe, expect, test, vi } from "vitest";
import { displayHtml, displayMarkdown } from "../../lib/display/show";
import {
  escapeMarkdown,
  html,
  htmlJoin,
  Markdown,
  md,
  mdCode,
  mdJoin,
  mdList,
  plainHtml,
  plainMarkdown,
  SafeHtml,
} from "../../lib/display/safe-text";
import { tableHtml } from "../../lib/display/table-html";
import { checkNumber, selfCheckHtml } from "../../lib/notebook/self-check";

/** CommonMark with raw HTML allowed, as Jupyter and nbconvert render Markdown outputs. */
const renderer = new MarkdownIt({ html: true, linkify: false });

/** The text a browser shows for rendered Markdown (tags dropped, entities decoded). */
function shownText(markdown: string): string {
  const doc = renderer.render(markdown);
  return doc
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|quot|amp|#39);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&", "#39": "'" })[e]!)
    .trim();
}

const XSS = "<img src=x onerror=alert(1)>";

describe("md`…` escapes every interpolated value", () => {
  test("markup in a value is shown literally and creates no element", () => {
    const m = md`**${XSS}** joined the SCO`;
    const rendered = renderer.render(m.source);
    expect(rendered).not.toMatch(/<img/);
    expect(rendered).toContain("<strong>&lt;img src=x onerror=alert(1)&gt;</strong>");
  });

  test("worked example: Markdown punctuation in a name", () => {
    expect(escapeMarkdown("A_B *C* [d](e) `f` | g # h $5")).toBe("A\\_B \\*C\\* \\[d\\](e) \\`f\\` \\| g \\# h &#36;5");
    expect(shownText(md`${"A_B *C* [d](e)"}`.source)).toBe("A_B *C* [d](e)");
  });

  test("a value cannot open a block: heading, list, quote, code, HTML block", () => {
    for (const v of [
      "# Title",
      "- item",
      "+ item",
      "-",
      "1. first",
      "2024) year",
      "> quote",
      "    code",
      "<div>",
      "===",
      "---",
      "a\n\n# b",
      "x\u2028- y",
    ]) {
      const out = renderer.render(md`${v}`.source);
      expect(out, v).toMatch(/^<p>/);
      expect(out.trim().split("\n").length, v).toBe(1);
    }
  });

  test("property: any text interpolated renders as exactly that text (line breaks as spaces)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 60 }), (s) => {
        const expected = s
          .replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ")
          .trim()
          .replace(/\s+/g, " ");
        const got = shownText(md`${s}`.source).replace(/\s+/g, " ");
        return got === expected || expected === "";
      }),
      { numRuns: 500 },
    );
  });

  test("property: no interpolated text produces an element", () => {
    const tagish = fc.stringMatching(/^[<>a-z /="'&;*_`[\]()!#-]{0,40}$/);
    fc.assert(
      fc.property(tagish, (s) => {
        const out = renderer.render(md`before ${s} after`.source);
        return !/<(?!\/?p>)[a-z]/i.test(out);
      }),
      { numRuns: 500 },
    );
  });

  test("numbers keep their plain form in the Markdown source", () => {
    expect(escapeMarkdown("7.9")).toBe("7.9");
    expect(escapeMarkdown("-5")).toBe("-5");
    expect(escapeMarkdown("2024")).toBe("2024");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
  });

  test("a line of dashes or equals signs after a literal line is not a heading", () => {
    for (const v of ["---", "===", "- - -"])
      expect(renderer.render(md`Title\n${v}`.source), v).not.toMatch(/<h[12]>|<hr>/);
  });

  test("lists and inline code", () => {
    expect(mdList(["a", md`*b*`, "c_d"]).source).toBe("a, *b* and c\\_d");
    expect(mdList(["x"]).source).toBe("x");
    expect(mdList([], md`*none*`).source).toBe("*none*");
    expect(renderer.render(md`id ${mdCode("a_b<i>$x$")}`.source).trim()).toBe("<p>id <code>a_b&lt;i&gt;$x$</code></p>");
  });

  test("inline code shows any text literally, with HTML on (Jupyter) and off (the reader's pages)", () => {
    const readers = new MarkdownIt({ html: false, linkify: false });
    const text = fc.string({ unit: fc.constantFrom("a", "_", "*", "`", "<", ">", "&", "$", " ", "\\", "|", "#") });
    fc.assert(
      fc.property(text, (s) => {
        fc.pre(s.trim() !== "");
        for (const r of [renderer, readers]) {
          const out = r.render(md`id ${mdCode(s)} end`.source).trim();
          const code = /^<p>id <code>([\s\S]*)<\/code> end<\/p>$/.exec(out);
          expect(code, out).not.toBeNull();
          const shown = code![1]!
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, "&");
          expect(shown).toBe(s);
        }
      }),
      { numRuns: 300 },
    );
    expect(mdCode(" \n").source).toBe("");
  });

  test("Markdown values are kept, arrays are refused", () => {
    expect(md`a ${md`**b**`} ${"c*"}`.source).toBe("a **b** c\\*");
    expect(mdJoin([md`*x*`, "y_z"], "; ").source).toBe("*x*; y\\_z");
    expect(plainMarkdown("**").source).toBe("\\*\\*");
    expect(() => md`${["a"] as unknown as string}`).toThrow(/mdJoin/);
  });

  test("Markdown and SafeHtml cannot be built from a string without escaping", () => {
    const Ctor = Markdown as unknown as new (token: symbol, s: string) => Markdown;
    expect(() => new Ctor(Symbol("caspian-safe-text"), XSS)).toThrow(/md`/);
    const HCtor = SafeHtml as unknown as new (token: symbol, s: string) => SafeHtml;
    expect(() => new HCtor(Symbol("x"), XSS)).toThrow(/html`/);
  });
});

describe("html`…` escapes every interpolated value", () => {
  test("text, attributes and nesting", () => {
    expect(html`<p title="${'"><script>'}">${XSS}</p>`.source).toBe(
      '<p title="&quot;&gt;&lt;script&gt;">&lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(html`<ul>${[html`<li>${"a&b"}</li>`, html`<li>c</li>`]}</ul>`.source).toBe(
      "<ul><li>a&amp;b</li><li>c</li></ul>",
    );
    expect(htmlJoin(["<b>", html`<i>x</i>`], ", ").source).toBe("&lt;b&gt;, <i>x</i>");
    expect(plainHtml("a<b").source).toBe("a&lt;b");
  });

  test("a URL from data cannot run code", () => {
    expect(html`<a href="${"javascript:alert(1)"}">x</a>`.source).toBe('<a href="about:invalid#unsafe-url">x</a>');
    expect(html`<a href="${"  java\tscript:alert(1)"}">x</a>`.source).toBe('<a href="about:invalid#unsafe-url">x</a>');
    expect(html`<a href=${"https://www.oic-oci.org/?a=1&b=2"}>x</a>`.source).toBe(
      "<a href=https://www.oic-oci.org/?a=1&amp;b=2>x</a>",
    );
    expect(html`<img src="${"data:text/html,<b>"}">`.source).toBe('<img src="about:invalid#unsafe-url">');
    expect(html`<a href="${"../records/a.json"}">r</a>`.source).toBe('<a href="../records/a.json">r</a>');
    // outside an attribute the same text is just text
    expect(html`<p>${"javascript:alert(1)"}</p>`.source).toBe("<p>javascript:alert(1)</p>");
  });

  test("property: any interpolated text appears only escaped", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const out = html`<span>${s}</span>`.source;
        const inner = out.slice(6, -7);
        return (
          !/[<>"']/.test(inner) &&
          inner.replace(
            /&(lt|gt|quot|amp|#39);/g,
            (_, e: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&", "#39": "'" })[e]!,
          ) === s
        );
      }),
    );
  });
});

describe("display helpers accept only escaped content", () => {
  afterEach(() => vi.restoreAllMocks());

  test("a bare string reaching displayMarkdown or displayHtml is shown as text", () => {
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((s: unknown) => void printed.push(String(s)));
    displayMarkdown(XSS as unknown as Markdown);
    displayHtml(XSS as unknown as SafeHtml);
    displayMarkdown(md`**${XSS}**`);
    expect(printed[0]).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(printed[1]).toBe("<pre>&lt;img src=x onerror=alert(1)&gt;</pre>");
    expect(printed[2]).toBe("**&lt;img src=x onerror=alert(1)&gt;**");
  });

  test("tables escape text cells, keep SafeHtml cells, and a style callback cannot leave its attribute", () => {
    const t = tableHtml(
      {
        columns: [
          { key: "a", label: XSS },
          { key: "b", label: "B" },
        ],
        rows: [{ a: XSS, b: html`<b>${XSS}</b>` }],
        sources: [],
      },
      { caption: XSS, cellStyle: () => `color:red"><script>alert(1)</script>` },
    );
    expect(t).toBeInstanceOf(SafeHtml);
    expect(t.source).not.toMatch(/<img|<script/);
    expect(t.source).toContain("<b>&lt;img src=x onerror=alert(1)&gt;</b>");
  });

  test("self-checks take SafeHtml and escape the verdict", () => {
    const out = selfCheckHtml(XSS, checkNumber(XSS, 5, 0.1), html`<p>${XSS}</p>`, true).source;
    expect(out).not.toMatch(/<img/);
    expect(out).toContain("<details open");
  });
});
