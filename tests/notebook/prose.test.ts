import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { capitalize, changePhrase, comparePhrase, countText, isAre, listPhrase } from "../../lib/notebook/prose";

const word = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);

describe("countText", () => {
  it("reads for 0, 1, 2 and many", () => {
    expect(countText(0, "fund")).toBe("no funds");
    expect(countText(1, "fund")).toBe("one fund");
    expect(countText(2, "joint company", "joint companies")).toBe("two joint companies");
    expect(countText(1234, "row")).toBe("1,234 rows");
  });
});

describe("listPhrase", () => {
  it("reads for 0, 1, 2, 3 and more than the maximum", () => {
    expect(listPhrase([])).toBe("none");
    expect(listPhrase([], { empty: "no state" })).toBe("no state");
    expect(listPhrase(["Kazakhstan"])).toBe("Kazakhstan");
    expect(listPhrase(["Kazakhstan", "Uzbekistan"])).toBe("Kazakhstan and Uzbekistan");
    expect(listPhrase(["a", "b", "c"], { conjunction: "or" })).toBe("a, b or c");
    expect(listPhrase(["a", "b", "c", "d"], { max: 3 })).toBe("a, b, c and 1 more");
  });
  it("property: every item appears once, in order, with n − 2 commas and one conjunction", () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 2, maxLength: 12 }), (items) => {
        const text = listPhrase(items);
        expect(text.split(", ").length - 1).toBe(items.length - 2);
        expect(text.match(/ and /g)?.length).toBe(1);
        let at = -1;
        for (const i of items) {
          const next = text.indexOf(i, at + 1);
          expect(next).toBeGreaterThan(at);
          at = next;
        }
        expect(text).not.toMatch(/^,|, ,|, and|,$/);
      }),
    );
  });
});

describe("changePhrase", () => {
  it("rises, falls, stays, and never compares one date with itself", () => {
    expect(changePhrase({ value: 6, at: "2015" }, { value: 8, at: "2020" })).toBe("rose from 6 in 2015 to 8 in 2020");
    expect(changePhrase({ value: 8, at: "2015" }, { value: 6, at: "2020" })).toBe("fell from 8 in 2015 to 6 in 2020");
    expect(changePhrase({ value: 6, at: "2015" }, { value: 6, at: "2020" })).toBe("stayed at 6 from 2015 to 2020");
    expect(changePhrase({ value: 10, at: "2012" }, { value: 10, at: "2012" })).toBe("was 10 in 2012");
    expect(changePhrase({ value: 0.8821, at: "2012" }, { value: 0.8819, at: "2016" })).toBe(
      "stayed at 0.88 from 2012 to 2016",
    );
  });
  it("property: the verb follows the sign of the change as written", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (a, b) => {
        const t = changePhrase({ value: a, at: "2015" }, { value: b, at: "2020" });
        expect(t.startsWith(a < b ? "rose" : a > b ? "fell" : "stayed")).toBe(true);
        expect(t).not.toMatch(/from (\S+) in (\S+) to \1 in \2/);
      }),
    );
  });
});

describe("comparePhrase, capitalize, isAre", () => {
  it("compares with another, never with itself", () => {
    expect(comparePhrase({ key: "AZE", value: 3 }, { key: "KAZ", value: 5 }, "Kazakhstan")).toBe(
      "below Kazakhstan's 5",
    );
    expect(comparePhrase({ key: "AZE", value: 5 }, { key: "TKM", value: 5 }, "Turkmenistan")).toBe(
      "level with Turkmenistan's 5",
    );
    expect(comparePhrase({ key: "AZE", value: 5 }, { key: "AZE", value: 5 }, "Azerbaijan")).toBeUndefined();
    expect(comparePhrase({ key: "AZE", value: 7 }, { key: "PHL", value: 5 }, "Philippines")).toBe(
      "above Philippines' 5",
    );
  });
  it("capitalizes and agrees", () => {
    expect(capitalize("no funds")).toBe("No funds");
    expect(capitalize("")).toBe("");
    expect([isAre(0), isAre(1), isAre(2)]).toEqual(["are", "is", "are"]);
  });
});
