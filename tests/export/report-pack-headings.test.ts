/** How the report pack names each notebook run: the notebook's title and its parameters in words (runner/report-pack). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { notebookTitle, parametersInWords, sectionHeadings } from "../../runner/report-pack";

const dir = mkdtempSync(join(tmpdir(), "caspian-headings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ipynb = (...markdown: string[]) =>
  JSON.stringify({
    cells: [
      { cell_type: "code", source: ["# not a heading: code\n"] },
      ...markdown.map((m) => ({ cell_type: "markdown", source: m.split(/(?<=\n)/) })),
    ],
  });

describe("parametersInWords()", () => {
  test("the notebooks' parameters in words, in the record's order; others as name: value", () => {
    expect(parametersInWords({ focal: "KAZ", asOf: 2016 })).toBe("focal state Kazakhstan (KAZ), as of 2016");
    expect(parametersInWords({ asOf: "2020-06-30", focal: "geo" })).toBe("as of 2020-06-30, focal state Georgia (GEO)");
    expect(parametersInWords({ focal: "", scenario: "strict", n: 3 })).toBe("every state, scenario “strict”, n: 3");
    expect(parametersInWords({ focal: "XXX" })).toBe("focal state XXX"); // not in states.csv: the code as given
    expect(parametersInWords({})).toBeUndefined();
  });
});

describe("notebookTitle() and sectionHeadings()", () => {
  test("the first Markdown heading of the executed notebook, without emphasis marks", () => {
    const path = join(dir, "a.ipynb");
    writeFileSync(path, ipynb("Some text\n", "Intro\n\n## 03 · *Multilateral* embeddedness ##\n\nText"));
    expect(notebookTitle(path)).toBe("03 · Multilateral embeddedness");
    writeFileSync(path, ipynb("no heading"));
    expect(notebookTitle(path)).toBeUndefined();
    expect(notebookTitle(join(dir, "missing.ipynb"))).toBeUndefined();
  });

  test("one heading per run record, named by its output name; a title that cannot be read is the output name", () => {
    const out = join(dir, "out");
    mkdirSync(join(out, "records"), { recursive: true });
    mkdirSync(join(out, "notebooks"), { recursive: true });
    const record = (name: string, notebook: string, parameters: Record<string, unknown>) =>
      writeFileSync(
        join(out, "records", `${name}.json`),
        JSON.stringify({ recordVersion: 1, name, notebook, parameters, inputs: { data: {} }, outputs: [] }),
      );
    record("03-x--focal-KAZ", "notebooks/03-x.ipynb", { focal: "KAZ" });
    writeFileSync(join(out, "notebooks", "03-x--focal-KAZ.ipynb"), ipynb("# 03 · Embeddedness\n"));
    record("09-gone", "notebooks/09-gone.ipynb", {});
    writeFileSync(join(out, "records", "broken.json"), "{");
    expect(sectionHeadings(out)).toEqual({
      "03-x--focal-KAZ": { title: "03 · Embeddedness", parameters: "focal state Kazakhstan (KAZ)" },
      "09-gone": { title: "09-gone" },
    });
  });
});
