import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  htmlText,
  literalMarkup,
  readerBlocks,
  readerPageProblems,
  readerProblems,
  selfComparison,
} from "../../runner/sweep-check";

const md = (text: string) => ({
  cell_type: "code",
  source: "",
  outputs: [{ output_type: "display_data", data: { "text/markdown": text } }],
});
const page = (...cells: object[]) => ({ cells: cells as never[] });
const rules = (nb: ReturnType<typeof page>, mustName?: string) =>
  readerProblems(nb, mustName !== undefined ? { mustName } : {}).map((p) => p.rule);

describe("what a reader sees", () => {
  it("the issue's garbled sentences are found", () => {
    expect(rules(page(md("The others —  — show that the rise…")))).toContain("empty list between dashes");
    expect(rules(page(md("Its index was 0.882 on 31 December 2012, against 0.882 on 31 December 2012.")))).toContain(
      "a value compared with itself",
    );
    expect(rules(page(md("Standing ties went from 6 (2015) to 6 (2015).")))).toContain("a value compared with itself");
    expect(rules(page(md("Cargo was NaN Mt, undefined in 2016 [object Object]")))).toEqual([
      "undefined",
      "NaN",
      "[object Object]",
    ]);
    expect(rules(page(md("No fall in 2015–2026: .")))).toContain("nothing after a colon");
  });
  it("sound sentences pass", () => {
    expect(
      rules(page(md("Its ties went from 6 (2015) to 8 (2020); 0.75 on 1 January 2015 against 0.80 now."))),
    ).toEqual([]);
    expect(rules(page(md("From time to time, 1 to 10 states met; 2015–2026 saw 3 summits (SCO, OTS).")))).toEqual([]);
  });
  it("a table with a header and no rows is a problem; missing cells are not", () => {
    const table = (body: string) => ({
      cell_type: "code",
      source: "",
      outputs: [
        {
          output_type: "display_data",
          data: { "text/html": `<table><thead><tr><th>A</th></tr></thead><tbody>${body}</tbody></table>` },
        },
      ],
    });
    expect(rules(page(table("")))).toContain("a table with no rows");
    expect(rules(page(table("<tr><td>–</td><td>–</td></tr>")))).toEqual([]);
  });
  it("a failed cell and a page that never names the focal state", () => {
    const failed = {
      cell_type: "code",
      source: "",
      outputs: [{ output_type: "error", ename: "TypeError", evalue: "x" }],
    };
    expect(rules(page(failed))).toContain("a cell failed");
    expect(rules(page(md("About Azerbaijan.")), "Georgia")).toContain("the focal state is never named");
    expect(rules(page({ cell_type: "markdown", source: "Georgia" }), "Georgia")).toContain(
      "the focal state is never named",
    );
    expect(rules(page(md("About Georgia.")), "Georgia")).toEqual([]);
  });
  it("chart texts come from the figure JSON, not from the script around it", () => {
    const fig = {
      cell_type: "code",
      source: "",
      outputs: [
        {
          output_type: "display_data",
          data: {
            "text/html":
              '<div id="f"></div>\n<script>(function () {\n  var el = document.getElementById("f");\n  if (!window.Plotly || !el) { return; }\n  el.innerHTML = "";\n' +
              '  window.Plotly.newPlot(el, [{"name":"Cargo NaN"}], {"title":{"text":"Title"}}, {});\n})();</script>',
          },
        },
      ],
    };
    const blocks = readerBlocks(page(fig));
    expect(blocks.find((b) => b.kind === "figure")?.text).toBe("Cargo NaN | Title");
    expect(rules(page(fig))).toEqual(["NaN"]);
  });
  it("a reader's page: markup shown as text is found, rendered markup is not", () => {
    // what markdown-it with HTML off made of an id written as <code> in Markdown (notebook 03, December 2026)
    const broken =
      "<main><p>Gaps (&lt;code&gt;gap-cica-1999&lt;/code&gt;, &lt;code&gt;gap-csto&lt;/code&gt;).</p></main>";
    expect(readerPageProblems(broken).map((p) => p.rule)).toEqual(["markup shown as text"]);
    const rendered = "<main><p>Gaps (<code>gap-cica-1999</code>, <code>gap-csto</code>).</p><p>x &lt; y</p></main>";
    expect(readerPageProblems(rendered)).toEqual([]);
    expect(readerPageProblems("<main><p>**Bold** text</p></main>").map((p) => p.rule)).toEqual([
      "markup shown as text",
    ]);
    expect(readerPageProblems("<main><p>Rows: .</p><p>fine</p></main>").map((p) => p.rule)).toEqual([
      "reader's page: nothing after a colon",
    ]);
    // rules read one block at a time: a colon ending one paragraph and a full stop opening the next are not joined
    expect(readerPageProblems("<main><p>Two lists:</p><p>. and more</p></main>")).toEqual([]);
  });

  it("property: visible text made only of letters, digits and spaces never counts as markup", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ]{0,80}$/), (t) => {
        expect(literalMarkup(t)).toBeUndefined();
      }),
    );
  });

  it("htmlText drops scripts and decodes entities", () => {
    expect(htmlText("<p>a &amp; b<script>var undefined;</script></p>")).toBe("a & b");
  });
  it("property: a dated value is never 'compared with itself' against a different value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 2005, max: 2026 }),
        (a, b, y) => {
          const text = `from ${a} (${y}) to ${b} (${y + 1})`;
          expect(selfComparison(text)).toBeUndefined();
          expect(selfComparison(`from ${a} (${y}) to ${a} (${y})`)).toBeDefined();
        },
      ),
    );
  });
});
