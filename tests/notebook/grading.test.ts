/**
 * Grading the workbook (lib/notebook/grading.ts, answer-record.ts) and what a student's self-check may show: for
 * every state of data/states.csv at several dates, the key's own fill is graded right, and the student's view of a
 * self-check never shows the computed answer, the distance to it or the worked answer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataPackage } from "../../lib/data/load";
import { answerRecordHtml, answerValue, readAnswerRecords } from "../../lib/notebook/answer-record";
import { checkSealed, readNumber, type SealInput, sealAnswer } from "../../lib/notebook/self-check";
import { notebook } from "../../lib/notebook/context";
import { gradeAnswer, type KeyEntry, workbookKey } from "../../lib/notebook/grading";
import { checkHtml, roundTo, type SetExercise, scopeOptions, workbookExercises } from "../../lib/notebook/workbook";

const pkg = dataPackage();
const STATES = pkg.states.map((s) => s.iso3);
const DATES = ["2012", "2016", "2019", "2021", "2023-06-30", ""];

/** The text a reader sees in a self-check: tags and the hidden record dropped, entities decoded. */
const visible = (h: string) =>
  h
    .replace(/<span hidden[^>]*><\/span>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** A wrong answer far from the expected one, of the same kind. */
const wrongFor = (e: SetExercise): number | string =>
  typeof e.expected === "number" ? roundTo(e.expected + 1000 * (e.tolerance + 1), 4) : "zzz-not-an-answer";

/** The ways a number may be written in a sentence: 0 to 3 decimals, "." or typographic minus. */
const numberForms = (x: number): string[] =>
  [0, 1, 2, 3].flatMap((d) => {
    const t = Math.abs(x).toFixed(d);
    return x < 0 ? [`-${t}`, `−${t}`] : [t];
  });

describe("every state at every date: the key's fill is right, and a student never sees the answer", () => {
  for (const asOf of DATES) {
    it(`as of ${asOf || "the latest date"}, all ${STATES.length} states`, () => {
      for (const focal of STATES) {
        const nb = notebook({ focal, asOf }, { quiet: true });
        const exercises = workbookExercises(nb);
        const key = workbookKey(exercises);
        expect(key.map((k) => k.exercise)).toEqual([1, 2, 3, 4, 5, 6]);
        for (const e of exercises) {
          const entry = key[e.number - 1]!;
          expect(entry.set).toBe(e.set);
          if (!e.set) {
            expect(gradeAnswer(entry, "anything").correct).toBeUndefined();
            continue;
          }
          // the teacher's copy writes `fill`: it must be graded right, and a far-off answer must not
          expect(gradeAnswer(entry, e.fill).correct, `${focal} ${asOf} exercise ${e.number}`).toBe(true);
          expect(gradeAnswer(entry, wrongFor(e)).correct).toBe(false);
          expect(gradeAnswer(entry, null).state).toBe("unanswered");
          // the student's view, for no answer and a wrong one: nothing of the key, the worked answer or the distance
          const close = typeof e.expected === "number" ? [roundTo(e.expected + 1.5 * e.tolerance, 4)] : [];
          for (const given of [null, wrongFor(e), ...close]) {
            const h = checkHtml(e, given, false).source;
            const text = visible(h).replace(String(given), "");
            expect(h).not.toContain(e.worked.source);
            expect(h).not.toContain("<details");
            if (e.key.answer.length >= 3) expect(text).not.toContain(e.key.answer);
            if (typeof e.expected === "number") {
              // neither the answer nor the distance to it (from which the answer follows)
              const distance = typeof given === "number" ? [Math.abs(given - e.expected)] : [];
              for (const form of [e.expected, ...distance].flatMap(numberForms))
                if (form.replace(/^[-−]/, "").replace(/^0\.?0*$/, "").length >= 2)
                  expect(text, `exercise ${e.number}: ${form}`).not.toContain(form);
            } else if (e.expected.length >= 3) expect(text).not.toContain(e.expected);
          }
          // the teacher's view shows the worked answer
          expect(checkHtml(e, null, true).source).toContain(e.worked.source);
          // the student's sealed self-check agrees with the grader on the fill, a far-off answer and no answer
          const seal = sealAnswer(entry as SealInput, "salt");
          expect(checkSealed(e.fill, seal).state, `${focal} ${asOf} sealed ${e.number}`).toBe("correct");
          expect(checkSealed(wrongFor(e), seal).state).toBe("wrong");
          expect(checkSealed(null, seal).state).toBe("unanswered");
        }
      }
    });
  }
});

const JACCARD: KeyEntry = {
  exercise: 4,
  set: true,
  question: "Jaccard",
  answer: "0.533",
  expected: 8 / 15,
  accepted: [],
  tolerance: 0.01,
  unit: "",
  fill: 0.53,
};

describe("gradeAnswer(): the self-checks' rules, worked out by hand", () => {
  const number: KeyEntry = {
    exercise: 1,
    set: true,
    question: "Growth",
    answer: "−8.1 %",
    expected: -8.14,
    accepted: [],
    tolerance: 0.5,
    unit: "%",
    fill: -8.1,
  };
  const text: KeyEntry = {
    exercise: 2,
    set: true,
    question: "Status",
    answer: "dialogue partner",
    expected: "dialogue_partner",
    accepted: ["dialogue_partner", "dialogue partner"],
    tolerance: 0,
    unit: "",
    fill: "dialogue partner",
  };
  it("a number within the tolerance is right, at the edge too; beyond it is not", () => {
    expect(gradeAnswer(number, -8.1).correct).toBe(true);
    expect(gradeAnswer(number, -7.65).correct).toBe(true); // 0.49 away
    expect(gradeAnswer(number, -7.6).correct).toBe(false); // 0.54 away
    expect(gradeAnswer(number, "-8,1 %").correct).toBe(true);
    expect(gradeAnswer(number, "eight").correct).toBe(false);
    expect(gradeAnswer(number, -8.1)).toMatchObject({ answer: "-8.1", expected: "−8.1 %", state: "correct" });
    expect(gradeAnswer(number, -8.1).feedback).toBe("−8.1 % is within 0.5 % of the computed -8.14 %.");
  });
  it("a text among the accepted forms, ignoring case, spaces and underscores", () => {
    expect(gradeAnswer(text, "Dialogue Partner").correct).toBe(true);
    expect(gradeAnswer(text, "dialogue_partner").correct).toBe(true);
    expect(gradeAnswer(text, "observer").correct).toBe(false);
    expect(gradeAnswer(text, "").state).toBe("unanswered");
    expect(gradeAnswer(text, undefined)).toMatchObject({ answer: "", correct: false });
  });
  it("an exercise not set counts for nobody", () => {
    const g = gradeAnswer({ exercise: 6, set: false, reason: "No trade." }, 3);
    expect(g).toMatchObject({ correct: undefined, state: "not set", expected: "not set", answer: "3" });
    expect(g.feedback).toBe("Not set for this handout: No trade.");
  });
});

describe("sealed self-checks: the grader's verdict from hashes, without the answer", () => {
  const entry = fc.record({
    expected: fc.double({ min: -1000, max: 1000, noNaN: true }),
    tolerance: fc.constantFrom(0.5, 0.05, 0.01, 0.005, 1),
  });
  it("a number within the tolerance is right, one beyond a tenth more is not yet, as the grader says", () => {
    fc.assert(
      fc.property(entry, fc.double({ min: -1, max: 1, noNaN: true }), ({ expected, tolerance }, f) => {
        const input = { expected, accepted: [], tolerance, unit: "%" };
        const seal = sealAnswer(input, "a1b2");
        const given = expected + f * tolerance * 3;
        const state = checkSealed(given, seal).state;
        const d = Math.abs(given - expected);
        if (d <= tolerance * (1 - 1e-9)) expect(state).toBe("correct");
        if (d > tolerance * 1.1 * (1 + 1e-9) + 1e-9) expect(state).toBe("wrong");
        // the seal names no number of the answer: hashes, the salt, the bucket width and the unit only
        expect(Object.keys(seal).sort()).toEqual(["hashes", "kind", "salt", "step", "unit"]);
        for (const h of seal.hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });
  it("a text answer is right in any case and spacing the grader accepts, and the seal holds no accepted form", () => {
    const seal = sealAnswer(
      { expected: "dialogue_partner", accepted: ["dialogue_partner", "dialogue partner"], tolerance: 0, unit: "" },
      "s",
    );
    for (const given of ["Dialogue partner", "DIALOGUE-PARTNER", " dialogue_partner "])
      expect(checkSealed(given, seal).state).toBe("correct");
    expect(checkSealed("observer", seal).state).toBe("wrong");
    expect(JSON.stringify(seal)).not.toMatch(/dialogue|partner/i);
    // another salt, other hashes: a seal cannot be looked up in a table made for another handout
    expect(
      sealAnswer({ expected: "observer", accepted: ["observer"], tolerance: 0, unit: "" }, "t").hashes,
    ).not.toEqual(sealAnswer({ expected: "observer", accepted: ["observer"], tolerance: 0, unit: "" }, "u").hashes);
  });
});

describe("readNumber(): a number written as text, or NaN", () => {
  it("reads the ways a student writes a number", () => {
    expect(readNumber("62.2 %")).toBe(62.2);
    expect(readNumber(" -8,1 ")).toBe(-8.1);
    expect(readNumber("−8.1")).toBe(-8.1);
    expect(readNumber("+23")).toBe(23);
    expect(readNumber(".5")).toBe(0.5);
    expect(readNumber("1e3")).toBe(1000);
  });
  it("never reads a text without a number as 0 (the key of exercise 4 is 0 for some states and dates)", () => {
    for (const t of ["", "?", "n/a", "I dont know", "NaN", "-", ".", "1.2.3", "12 or 13", "0x10"])
      expect(readNumber(t), t).toBeNaN();
    const zero: KeyEntry = { ...JACCARD, expected: 0, answer: "0.000", fill: 0 };
    for (const t of ["?", "n/a", "NaN", "none"]) expect(gradeAnswer(zero, t).correct, t).toBe(false);
    expect(gradeAnswer(zero, "0").correct).toBe(true);
  });
  it("reads back every finite number written with String()", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(readNumber(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe("answer records", () => {
  it("read back what a self-check recorded, for any value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.anything(), (n, v) => {
        const read = readAnswerRecords(answerRecordHtml(n, v).source);
        expect(read.size).toBe(1);
        expect(read.get(n)).toEqual(answerValue(v));
      }),
    );
  });
  it("keep markup as text: a record never adds an element", () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const h = answerRecordHtml(1, `<img src=x onerror=alert(1)>${v}`).source;
        expect(h.match(/</g)).toHaveLength(2); // <span …> and </span>
        expect(readAnswerRecords(h).get(1)).toBe(answerValue(`<img src=x onerror=alert(1)>${v}`));
      }),
    );
  });
  it("are small: text is cut at 200 characters, numbers that are not finite become text", () => {
    expect(answerValue("x".repeat(500))).toHaveLength(200);
    expect(answerValue(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(answerValue(Object.create(null))).toBe("[object Object]");
    expect(readAnswerRecords('<span data-caspian-answer="{not json"></span>').size).toBe(0);
  });
});

describe("exercise 3's options: one of 24 orders per handout", () => {
  it("keeps the four explanations, in an order fixed by the seed, so the right letter varies", () => {
    const plain = Object.values(scopeOptions("whole_route", "caspian_ports")).sort();
    const letters = new Set<string>();
    for (const focal of STATES)
      for (const asOf of ["2016-12-31", "2021-12-31", "2026-03-10"]) {
        const seed = `${focal}|${asOf}`;
        const o = scopeOptions("whole_route", "caspian_ports", seed);
        expect(Object.values(o).sort()).toEqual(plain);
        expect(scopeOptions("whole_route", "caspian_ports", seed)).toEqual(o);
        letters.add(
          (Object.keys(o) as (keyof typeof o)[]).find((k) => o[k].startsWith("They count different things"))!,
        );
      }
    expect([...letters].sort()).toEqual(["a", "b", "c", "d"]);
  });
});
