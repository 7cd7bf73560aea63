/**
 * The seminar workbook's exercises (lib/notebook/workbook.ts) state the key the data give at the as-of date. Each
 * answer is computed again here, independently, from the CSV rows read with papaparse (not through lib/): the rows
 * whose sources were published by the as-of date, for several dates and focal states.
 */
import { PANEL_STATES } from "../../lib/notebook/names";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { notebook } from "../../lib/notebook/context";
import {
  answerKeyTable,
  checkHtml,
  exercise3,
  scopePhrase,
  setSentence,
  workbookExercises,
  type Exercise,
  type SetExercise,
  type WorkbookContext,
} from "../../lib/notebook/workbook";
import type { DataPackage } from "../../lib/data/load";
import { html, md } from "../../lib/display/safe-text";

type Row = Record<string, string>;
const csv = (name: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(__dirname, "..", "..", "data", `${name}.csv`), "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
const sources = new Map(csv("sources").map((s) => [s.id!, s]));
const flows = csv("corridor_flows");
const memberships = csv("memberships");
const trade = csv("trade");
const organizations = csv("organizations");

const ids = (r: Row) => r.sources!.split(";").filter((s) => s !== "");
const pad = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
/** Known by `date`: some source published by then, or undated. */
const known = (r: Row, date: string) =>
  ids(r).length === 0 ||
  ids(r).some((id) => {
    const p = sources.get(id)?.published ?? "";
    return !/^\d{4}(-\d{2}){0,2}$/.test(p) || pad(p) <= date;
  });
const release = (r: Row) => {
  const s = sources.get(ids(r)[0]!);
  return `${s?.publisher}|${s?.published ?? ""}`;
};
const annual = (r: Row) =>
  r.period_start === `${r.period_start!.slice(0, 4)}-01-01` && r.period_end === `${r.period_start!.slice(0, 4)}-12-31`;
const cargo = (date: string) =>
  flows.filter(
    (r) =>
      r.route === "titr" &&
      r.metric === "cargo" &&
      r.status === "actual" &&
      annual(r) &&
      r.period_end! <= date &&
      known(r, date),
  );

/** Status of a state in an organisation on a day, from the rows known by `asOf`: the latest-starting row in force. */
function status(state: string, org: string, day: string, asOf: string): string {
  const rows = memberships.filter(
    (r) =>
      r.state === state &&
      r.org === org &&
      known(r, asOf) &&
      pad(r.since!) <= day &&
      (r.until === "" || day < pad(r.until!)),
  );
  return rows.sort((a, b) => pad(b.since!).localeCompare(pad(a.since!)))[0]?.status ?? "none";
}
const TIES = ["founding_member", "member", "associate", "observer", "dialogue_partner", "partner"];
const WEIGHT: Record<string, number> = {
  founding_member: 1,
  member: 1,
  associate: 0.5,
  observer: 0.25,
  dialogue_partner: 0.25,
  partner: 0.25,
};
const orgIds = (asOf: string) => [
  ...new Set([
    ...organizations.filter((o) => known(o, asOf)).map((o) => o.id!),
    ...memberships.filter((m) => known(m, asOf)).map((m) => m.org!),
  ]),
];

const STATES = ["AZE", "ARM", "KAZ", "GEO", "TKM"];
const DATES = ["2016", "2020", "2022", "2024-11-30", ""];

const contexts = DATES.flatMap((asOf) => STATES.map((focal) => notebook({ focal, asOf }, { quiet: true })));
const exercisesOf = new Map(contexts.map((nb) => [nb, workbookExercises(nb)]));
const set = (e: Exercise | undefined): e is SetExercise => e?.set === true;
/** The number an answer key states ("−8.1 %", "+23 %", "0.533"). */
const keyNumber = (e: Exercise | undefined) =>
  set(e) ? Number(e.key.answer.replace("−", "-").replace(/[ %+]/g, "")) : Number.NaN;

describe("the workbook's key equals the answer computed from the CSV rows", () => {
  for (const nb of contexts) {
    const ex = exercisesOf.get(nb)!;
    const label = `${nb.focal} as of ${nb.asOf}`;

    it(`${label}: exercise 1, growth within the release with the most years`, () => {
      const whole = cargo(nb.asOf).filter((r) => r.scope === "whole_route");
      const groups = new Map<string, Map<string, number>>();
      for (const r of whole) {
        const g = groups.get(release(r)) ?? new Map<string, number>();
        if (!g.has(r.period_start!.slice(0, 4))) g.set(r.period_start!.slice(0, 4), Number(r.value));
        groups.set(release(r), g);
      }
      const best = [...groups].sort((a, b) => b[1].size - a[1].size || b[0].localeCompare(a[0]))[0];
      if (best === undefined || best[1].size < 2) return expect(ex[0]!.set).toBe(false);
      const years = [...best[1].keys()].sort();
      const [ya, yb] = years.slice(-2) as [string, string];
      const growth = (best[1].get(yb)! / best[1].get(ya)! - 1) * 100;
      expect(set(ex[0]) && ex[0].expected).toBeCloseTo(growth, 9);
      expect(Math.abs(keyNumber(ex[0]) - growth)).toBeLessThanOrEqual(0.05);
      expect(set(ex[0]) && ex[0].key.question).toBe(`Growth of whole-route cargo ${ya}–${yb}`);
    });

    it(`${label}: exercise 2, the status on the date asked`, () => {
      const e = ex[1]!;
      if (!set(e))
        return expect(
          memberships.some((r) => r.state === nb.focal && known(r, nb.asOf) && pad(r.since!) <= nb.asOf),
        ).toBe(false);
      const [, org, day] = /in the (\S+) on (\S+)$/.exec(e.key.question)!;
      expect(day! <= nb.asOf).toBe(true);
      expect(e.expected).toBe(status(nb.focal, org!, day!, nb.asOf));
      expect(e.key.answer.startsWith(status(nb.focal, org!, day!, nb.asOf).replace(/_/g, " "))).toBe(true);
      // Asked before the as-of date only when the status then differs from the status on the as-of date.
      if (day! < nb.asOf) expect(status(nb.focal, org!, nb.asOf, nb.asOf)).not.toBe(e.expected);
    });

    it(`${label}: exercise 3, the options name the scopes compared`, () => {
      const rows = cargo(nb.asOf);
      const years = [...new Set(rows.map((r) => r.period_start!.slice(0, 4)))].filter(
        (y) => new Set(rows.filter((r) => r.period_start!.startsWith(y)).map((r) => r.scope)).size >= 2,
      );
      const e = ex[2]!;
      if (years.length === 0) return expect(e.set).toBe(false);
      const year = years.sort().at(-1)!;
      const [, y, a, b] = /^Why (\d{4}) cargo figures of (\S+) and (\S+) differ$/.exec(set(e) ? e.key.question : "")!;
      expect(y).toBe(year);
      const scopes = new Set(rows.filter((r) => r.period_start!.startsWith(year)).map((r) => r.scope));
      expect(a !== b && scopes.has(a) && scopes.has(b)).toBe(true);
      // the right explanation, under whichever letter this state and date's order gives it
      const right = `They count different things: one counts ${scopePhrase(a!)}, the other ${scopePhrase(b!)}.`;
      expect(set(e) && e.key.answer).toBe(`${set(e) ? e.expected : ""}: ${right}`);
      expect(set(e) && e.question.source).toContain(`**${set(e) ? e.expected : ""}**: ${right}`);
    });

    it(`${label}: exercise 4, Jaccard overlap of standing ties`, () => {
      const partner = nb.focal === "AZE" ? "KAZ" : "AZE";
      const tiesOf = (s: string) =>
        new Set(orgIds(nb.asOf).filter((o) => TIES.includes(status(s, o, nb.asOf, nb.asOf))));
      const [A, B] = [tiesOf(nb.focal), tiesOf(partner)];
      const union = new Set([...A, ...B]).size;
      if (union === 0) return expect(ex[3]!.set).toBe(false);
      const shared = [...A].filter((o) => B.has(o)).length;
      expect(set(ex[3]) && ex[3].expected).toBeCloseTo(shared / union, 12);
      expect(Math.abs(keyNumber(ex[3]) - shared / union)).toBeLessThanOrEqual(0.0005);
    });

    it(`${label}: exercise 5, highest evenness over the spheres present`, () => {
      const sphereOf = new Map(organizations.filter((o) => known(o, nb.asOf)).map((o) => [o.id!, o.sphere!]));
      const panel = PANEL_STATES.includes(nb.focal) ? PANEL_STATES : [nb.focal, ...PANEL_STATES];
      const evenness = panel.map((s) => {
        const w = new Map<string, number>();
        for (const [org, sphere] of sphereOf) {
          if (sphere === "global" || sphere === "transport") continue;
          const v = WEIGHT[status(s, org, nb.asOf, nb.asOf)] ?? 0;
          if (v > 0) w.set(sphere, (w.get(sphere) ?? 0) + v);
        }
        const total = [...w.values()].reduce((x, y) => x + y, 0);
        const H = -[...w.values()].reduce((h, v) => h + (v / total) * Math.log(v / total), 0);
        return { s, j: w.size >= 2 ? H / Math.log(w.size) : undefined };
      });
      const valued = evenness.filter((x) => x.j !== undefined);
      if (valued.length === 0) return expect(ex[4]!.set).toBe(false);
      const best = Math.max(...valued.map((x) => x.j!));
      expect(set(ex[4]) && ex[4].key.answer.split(" or ").sort()).toEqual(
        valued
          .filter((x) => x.j! >= best - 1e-9)
          .map((x) => x.s)
          .sort(),
      );
    });

    it(`${label}: exercise 6, mirror against reporter`, () => {
      const rows = trade.filter(
        (r) => (r.reporter === nb.focal || r.partner === nb.focal) && r.period_end! <= nb.asOf && known(r, nb.asOf),
      );
      const key = (r: Row) => `${r.partner}|${r.period_start}|${r.period_end}|${r.flow}`;
      const pairs = [...new Set(rows.map(key))]
        .map((k) => ({
          rep: rows.find((r) => key(r) === k && r.side === "reporter"),
          mir: rows.find((r) => key(r) === k && r.side === "mirror"),
        }))
        .filter((p) => p.rep && p.mir)
        .sort((x, y) => y.rep!.period_end!.localeCompare(x.rep!.period_end!) || key(x.rep!).localeCompare(key(y.rep!)));
      if (pairs.length === 0) return expect(ex[5]!.set).toBe(false);
      const { rep, mir } = pairs[0]!;
      const gap = (Number(mir!.value_usd) / Number(rep!.value_usd) - 1) * 100;
      expect(set(ex[5]) && ex[5].expected).toBeCloseTo(gap, 9);
      expect(Math.abs(keyNumber(ex[5]) - gap)).toBeLessThanOrEqual(0.05);
    });
  }

  it("values worked out by hand: AZE on 30 November 2024 and at the latest date", () => {
    const at2024 = exercisesOf.get(contexts.find((c) => c.focal === "AZE" && c.asOf === "2024-11-30")!)!;
    // The Astana Times (Oct 2024): 1,700,000 t in 2022, 2,760,000 t in 2023 → +62.35 %.
    expect((at2024[0] as SetExercise).expected).toBeCloseTo((2760000 / 1700000 - 1) * 100, 9);
    const latest = exercisesOf.get(contexts.find((c) => c.focal === "AZE" && c.isLatest)!)!;
    // Report.az (10 Mar 2026): 4,484,000 t in 2024, 4,119,000 t in 2025 → −8.14 %; SCO dialogue partner until 1 Sep 2025.
    expect((latest[0] as SetExercise).key.answer).toBe("−8.1 %");
    expect((latest[1] as SetExercise).key).toEqual({
      question: "Status of Azerbaijan in the SCO on 2025-08-31",
      answer: "dialogue partner",
      tolerance: "exact",
    });
    // Tajikistan 2023 turnover: reporter $6.1 million, mirror $7.5 million → +22.95 %.
    expect((latest[5] as SetExercise).expected).toBeCloseTo((7.5 / 6.1 - 1) * 100, 9);
  });

  it("ARM as of 2016 (the crash of the issue) builds every exercise or says why not", () => {
    const ex = exercisesOf.get(contexts.find((c) => c.focal === "ARM" && c.asOf === "2016-12-31")!)!;
    expect(ex.map((e) => e.set)).toEqual([false, true, false, true, true, false]);
    expect(checkHtml(ex[0]!, null, false).source).toContain("not set for this run");
    expect(answerKeyTable(ex, "Armenia", "2016-12-31").rows).toHaveLength(6);
  });
});

describe("exercise 3 on a fixture: the options come from the scopes actually compared", () => {
  const row = (id: string, scope: string, value: number) => ({
    id,
    route: "titr",
    scope,
    period_start: "2022-01-01",
    period_end: "2022-12-31",
    metric: "cargo",
    value,
    unit: "t",
    status: "actual",
    sources: [id],
  });
  const pkg = {
    corridorFlows: [row("w", "whole_route", 1.5e6), row("r", "azerbaijan_railways", 3.9e6)],
    sourceById: new Map([
      ["w", { publisher: "Kazinform", published: "2023-05-18" }],
      ["r", { publisher: "AzerNews", published: "2023-01-17" }],
    ]),
  } as unknown as DataPackage;
  const ctx: WorkbookContext = { pkg, known: pkg, asOf: "2023-12-31", focal: "AZE" as WorkbookContext["focal"] };
  it("compares the whole route with Azerbaijan Railways, and never speaks of the Caspian ports", () => {
    const e = exercise3(ctx) as SetExercise;
    expect(e.key.question).toBe("Why 2022 cargo figures of whole_route and azerbaijan_railways differ");
    expect(e.key.answer).toContain("Azerbaijan Railways' East–West freight");
    expect(e.key.answer).not.toContain("Caspian");
    expect(e.question.source).not.toContain("Caspian");
  });
  it("is not set with one scope only", () => {
    const one = { ...pkg, corridorFlows: [row("w", "whole_route", 1.5e6)] } as unknown as DataPackage;
    expect(exercise3({ ...ctx, pkg: one, known: one }).set).toBe(false);
  });
});

describe("setSentence()", () => {
  it("reads right for 0, 1, 2 and many exercises not set", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (flags) => {
        const ex: Exercise[] = flags.map((f, i) =>
          f ? ({ number: i + 1, set: true } as unknown as Exercise) : { number: i + 1, set: false, reason: "r" },
        );
        const text = setSentence(ex);
        const unset = flags.filter((f) => !f).length;
        expect(text).not.toMatch(/undefined|NaN|\(\)| {2}/);
        if (unset === 0) expect(text).toMatch(/^(All \S+ exercises are|The exercise is) set/);
        else if (unset === flags.length)
          expect(text).toMatch(/^(None of the \S+ exercises can|The exercise cannot) be set/);
        else expect(text).toContain(unset === 1 ? "and says why" : "and say why");
      }),
    );
  });
});

describe("checkHtml(): the self-check says its state once", () => {
  const ex: SetExercise = {
    number: 1,
    set: true,
    question: md`How much?`,
    expected: 10,
    accepted: [],
    tolerance: 0.5,
    unit: "%",
    fill: 10,
    key: { question: "q", answer: "10 %", tolerance: "±0.5 points" },
    worked: html`<p>worked: (11 / 10 − 1) × 100</p>`,
    sources: [],
  };
  /** The text a reader sees: tags (and the hidden answer record) dropped, entities of the fixture's characters. */
  const visible = (h: string) =>
    h
      .replace(/<span hidden[^>]*><\/span>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, " ")
      .trim();

  it("student, unanswered: 'Not answered yet' once (the badge), then what to do; no worked answer", () => {
    for (const blank of [null, undefined, "", "  "]) {
      const text = visible(checkHtml(ex, blank, false).source);
      expect(text).toBe("Exercise 1: Not answered yet Write your answer in the cell above, then run both cells.");
      expect(text.match(/not answered/gi)).toHaveLength(1);
    }
  });

  it("teacher: the badge names the state, the verdict gives the computed answer, the worked answer is open", () => {
    expect(visible(checkHtml(ex, null, true).source)).toBe(
      "Exercise 1: Not answered yet The worked answer is below. Worked answer worked: (11 / 10 − 1) × 100",
    );
    expect(visible(checkHtml(ex, 10.2, true).source)).toBe(
      "Exercise 1: Correct 10.2 % is within 0.5 % of the computed 10 %. Worked answer worked: (11 / 10 − 1) × 100",
    );
    expect(visible(checkHtml(ex, 10.8, true).source)).toBe(
      "Exercise 1: Close 10.8 % is 0.8 % from the computed 10 %; check your rounding or your base. Worked answer worked: (11 / 10 − 1) × 100",
    );
    expect(checkHtml(ex, 20, true).source).toContain("<details open");
  });

  it("student, answered: right or not yet, never the computed answer, the distance to it, or the worked answer", () => {
    expect(visible(checkHtml(ex, 10.2, false).source)).toBe(
      "Exercise 1: Right 10.2 % agrees with the answer computed from the data.",
    );
    // close and wrong read the same: a "close" would tell the student the answer is within twice the tolerance
    for (const given of [10.8, 20, -3]) {
      const text = visible(checkHtml(ex, given, false).source);
      expect(text).toBe(
        `Exercise 1: Not yet ${given} % is not the answer computed from the data. Check the figures you used, the formula and the rounding the question asks for.`,
      );
    }
    const text: SetExercise = { ...ex, expected: "observer", accepted: ["observer"], unit: "", fill: "observer" };
    expect(visible(checkHtml(text, "Observer", false).source)).toBe(
      'Exercise 1: Right "Observer" agrees with the answer computed from the data.',
    );
    expect(visible(checkHtml(text, "member", false).source)).toBe(
      'Exercise 1: Not yet "member" is not the answer the data give. Read the rows again against the question (dates, scope, status).',
    );
    for (const given of [null, 10.2, 11, "x"]) {
      const h = checkHtml(ex, given, false).source;
      expect(h).not.toContain("worked");
      expect(h).not.toContain("<details");
      expect(h).not.toMatch(/computed 10\b/);
    }
  });

  it("ends with a hidden record of the answer it saw, in both views", () => {
    for (const reveal of [false, true]) {
      expect(checkHtml(ex, 10.2, reveal).source).toMatch(
        /<span hidden data-caspian-answer="\{&quot;exercise&quot;:1,&quot;answer&quot;:10.2\}"><\/span>$/,
      );
    }
    expect(checkHtml({ number: 4, set: false, reason: "x" }, "a", false).source).toContain(
      'data-caspian-answer="{&quot;exercise&quot;:4,&quot;answer&quot;:&quot;a&quot;}"',
    );
  });
});
