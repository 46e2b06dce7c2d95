/**
 * Choice order: shuffled per learner and attempt, stable within one, pins respected, and fair:
 * over many learners every choice lands in every free position about equally often.
 */
import { orderChoices, parseVisitorSeed, visitorSeed } from "~/course/choice-order";
import { gradeAnswer } from "~/course/scoring";
import type { Choice, Question } from "~/course/types";

const FOUR: Choice[] = ["a", "b", "c", "d"].map((id) => ({ id, text: `choice ${id}` }));
const ids = (list: Choice[]) => list.map((c) => c.id).join("");

describe("orderChoices", () => {
  it("gives the same order for the same learner, question and attempt (a reload, the no-JS post)", () => {
    const first = orderChoices("q1", FOUR, { learner: "student-1", attempt: 1 });
    for (let i = 0; i < 5; i++) expect(orderChoices("q1", FOUR, { learner: "student-1", attempt: 1 })).toEqual(first);
    expect([...first].sort((x, y) => x.id.localeCompare(y.id))).toEqual(FOUR);
  });

  it("differs between students and between attempts", () => {
    const students = new Set(Array.from({ length: 20 }, (_, i) => ids(orderChoices("q1", FOUR, { learner: `student-${i}`, attempt: 1 }))));
    expect(students.size).toBeGreaterThan(8);
    const attempts = new Set(Array.from({ length: 10 }, (_, a) => ids(orderChoices("q1", FOUR, { learner: "student-1", attempt: a + 1 }))));
    expect(attempts.size).toBeGreaterThan(3);
    const questions = new Set(Array.from({ length: 10 }, (_, q) => ids(orderChoices(`q${q}`, FOUR, { learner: "student-1", attempt: 1 }))));
    expect(questions.size).toBeGreaterThan(3);
  });

  it("puts each choice in each position about equally often over many seeds", () => {
    const n = 8000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      orderChoices("q-fair", FOUR, { learner: `learner-${i}`, attempt: 1 + (i % 2) }).forEach((c, position) => {
        counts.set(`${c.id}@${position}`, (counts.get(`${c.id}@${position}`) ?? 0) + 1);
      });
    }
    expect(counts.size).toBe(16);
    // Expected n/4 = 2000 each; ±10% is far outside chance (σ ≈ 39) yet catches a biased shuffle.
    for (const count of counts.values()) expect(Math.abs(count - n / 4)).toBeLessThan(n / 40);
  });

  it("keeps pinned choices first and last for every seed", () => {
    const choices: Choice[] = [
      { id: "intro", text: "First", pin: "first" },
      ...FOUR,
      { id: "none", text: "None of these", pin: "last" },
    ];
    const middles = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const order = orderChoices("q-pin", choices, { learner: `s${i}`, attempt: 1 });
      expect(order[0]!.id).toBe("intro");
      expect(order.at(-1)!.id).toBe("none");
      middles.add(ids(order.slice(1, -1)));
    }
    expect(middles.size).toBeGreaterThan(10);
  });
});

describe("scoring ignores the order shown", () => {
  it("grades by choice id, whatever position the right choice was shown in", () => {
    const question: Question = {
      id: "q-id",
      type: "single",
      answer: ["c"],
      misconception: false,
      objectives: [],
      content: {
        en: { prompt: "?", choices: FOUR, accepted: [], explanation: "" },
        "zh-Hans": { prompt: "?", choices: FOUR, accepted: [], explanation: "" },
        "zh-Hant": { prompt: "?", choices: FOUR, accepted: [], explanation: "" },
      },
    };
    for (let i = 0; i < 20; i++) {
      const shown = orderChoices(question.id, FOUR, { learner: `s${i}`, attempt: 1 });
      const rightPosition = shown.findIndex((c) => c.id === "c");
      const pick = (position: number) => gradeAnswer(question, { choices: [shown[position]!.id], notSure: false, confidence: "sure" });
      expect(pick(rightPosition).correct).toBe(true);
      expect(pick((rightPosition + 1) % 4).correct).toBe(false);
    }
  });
});

describe("visitor seeds", () => {
  it("accepts only the seeds visitorSeed makes", () => {
    const seed = visitorSeed();
    expect(parseVisitorSeed(seed)).toBe(seed);
    expect(visitorSeed()).not.toBe(seed);
    for (const bad of [undefined, "", "student-1", "v-<script>", `v-${"a".repeat(40)}`]) expect(parseVisitorSeed(bad)).toBeNull();
  });
});
