import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONFIDENCE_LEVELS,
  attemptsLeft,
  calibrationPoints,
  calibrationSummary,
  gradeAnswer,
  normaliseTextAnswer,
  scoreAttempt,
  type Confidence,
  type StoredAnswer,
} from "../../app/course/scoring";
import type { Question, QuestionLocaleContent } from "../../app/course/types";

const content = (accepted: string[] = []): QuestionLocaleContent => ({ prompt: "?", choices: [], accepted, explanation: "" });
function question(partial: Partial<Question> & Pick<Question, "type">): Question {
  return {
    id: "q",
    answer: [],
    misconception: false,
    objectives: [],
    content: { en: content(), "zh-Hans": content(), "zh-Hant": content() },
    ...partial,
  };
}

const single = question({ id: "s", type: "single", answer: ["b"] });
const multiple = question({ id: "m", type: "multiple", answer: ["a", "c"] });
const text = question({
  id: "t",
  type: "text",
  content: { en: content(["temperature"]), "zh-Hans": content(["温度", "temperature"]), "zh-Hant": content(["溫度"]) },
});

describe("gradeAnswer", () => {
  it("grades single choice", () => {
    expect(gradeAnswer(single, { choices: ["b"], notSure: false, confidence: "sure" })).toMatchObject({ outcome: "correct", correct: true, points: 1 });
    expect(gradeAnswer(single, { choices: ["a"], notSure: false, confidence: "guessing" })).toMatchObject({ outcome: "wrong", overconfident: false, points: 0 });
  });

  it("needs exactly the right set for multiple choice", () => {
    expect(gradeAnswer(multiple, { choices: ["c", "a"], notSure: false, confidence: "sure" }).correct).toBe(true);
    expect(gradeAnswer(multiple, { choices: ["a"], notSure: false, confidence: "sure" }).correct).toBe(false);
    expect(gradeAnswer(multiple, { choices: ["a", "b", "c"], notSure: false, confidence: "sure" }).correct).toBe(false);
  });

  it("accepts text answers from any locale after folding case, width and end punctuation", () => {
    for (const given of ["Temperature", " temperature. ", "ＴＥＭＰＥＲＡＴＵＲＥ", "温度。", "溫度", "“temperature”"]) {
      expect(gradeAnswer(text, { choices: [], text: given, notSure: false, confidence: "fairly_sure" }).correct, given).toBe(true);
    }
    expect(gradeAnswer(text, { choices: [], text: "heat", notSure: false, confidence: "fairly_sure" }).correct).toBe(false);
    expect(gradeAnswer(text, { choices: [], text: "   ", notSure: false, confidence: "guessing" }).correct).toBe(false);
  });

  it("treats 'I'm not sure' as neither right nor overconfident, whatever else was picked", () => {
    const graded = gradeAnswer(single, { choices: ["b"], notSure: true, confidence: null });
    expect(graded).toEqual({ outcome: "not_sure", correct: false, overconfident: false, points: 0 });
  });

  it("penalises wrong answers given with 'sure' or 'fairly sure' only", () => {
    expect(gradeAnswer(single, { choices: ["a"], notSure: false, confidence: "sure" })).toMatchObject({ overconfident: true, points: -0.5 });
    expect(gradeAnswer(single, { choices: ["a"], notSure: false, confidence: "fairly_sure" })).toMatchObject({ overconfident: true, points: -0.5 });
    expect(gradeAnswer(single, { choices: ["a"], notSure: false, confidence: null })).toMatchObject({ overconfident: false, points: 0 });
  });
});

describe("normaliseTextAnswer", () => {
  it("folds width, case and spacing", () => {
    expect(normaliseTextAnswer("  Next   Token！ ")).toBe("next token");
  });
});

const stored = (questionId: string, outcome: "correct" | "wrong" | "not_sure", confidence: Confidence | null): StoredAnswer => ({
  questionId,
  correct: outcome === "correct",
  notSure: outcome === "not_sure",
  confidence: outcome === "not_sure" ? null : confidence,
});

describe("scoreAttempt", () => {
  it("reports score, counts and the overconfident answers", () => {
    const result = scoreAttempt(
      [stored("q1", "correct", "sure"), stored("q2", "wrong", "sure"), stored("q3", "not_sure", null), stored("q4", "wrong", "guessing"), stored("q5", "correct", "guessing")],
      5,
    );
    expect(result).toEqual({ score: 1.5, maxScore: 5, correct: 2, wrong: 2, notSure: 1, overconfident: ["q2"] });
  });

  it("never goes below zero", () => {
    expect(scoreAttempt([stored("a", "wrong", "sure"), stored("b", "wrong", "sure")]).score).toBe(0);
  });

  const arbAnswer = fc.record({
    outcome: fc.constantFrom("correct" as const, "wrong" as const, "not_sure" as const),
    confidence: fc.constantFrom<Confidence | null>(...CONFIDENCE_LEVELS, null),
  });

  it("property: replacing a confident wrong answer with 'I'm not sure' never lowers the score", () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { maxLength: 12 }), fc.constantFrom<Confidence>("sure", "fairly_sure"), fc.nat(), (rest, level, at) => {
        const answers = rest.map((a, i) => stored(`q${i}`, a.outcome, a.confidence));
        const position = answers.length === 0 ? 0 : at % (answers.length + 1);
        const confidentWrong = [...answers.slice(0, position), stored("x", "wrong", level), ...answers.slice(position)];
        const honest = [...answers.slice(0, position), stored("x", "not_sure", null), ...answers.slice(position)];
        expect(scoreAttempt(honest).score).toBeGreaterThanOrEqual(scoreAttempt(confidentWrong).score);
      }),
    );
  });

  it("property: a single 'I'm not sure' scores strictly better than a single confident wrong answer", () => {
    for (const level of ["sure", "fairly_sure"] as const) {
      const honest = gradeAnswer(single, { choices: [], notSure: true, confidence: null });
      const confident = gradeAnswer(single, { choices: ["a"], notSure: false, confidence: level });
      expect(honest.points).toBeGreaterThan(confident.points);
    }
  });
});

describe("calibrationSummary", () => {
  it("gives the accuracy per confidence level and counts 'not sure' apart", () => {
    const summary = calibrationSummary([
      stored("1", "correct", "sure"),
      stored("2", "correct", "sure"),
      stored("3", "wrong", "sure"),
      stored("4", "correct", "guessing"),
      stored("5", "not_sure", null),
      stored("6", "wrong", "fairly_sure"),
    ]);
    expect(summary.levels.sure).toEqual({ answered: 3, correct: 2, accuracy: 2 / 3 });
    expect(summary.levels.fairly_sure).toEqual({ answered: 1, correct: 0, accuracy: 0 });
    expect(summary.levels.guessing).toEqual({ answered: 1, correct: 1, accuracy: 1 });
    expect(summary.notSure).toBe(1);
    expect(summary.overconfident).toBe(2);
    expect(calibrationPoints(summary)).toEqual([
      { level: "guessing", answered: 1, correct: 1 },
      { level: "fairly_sure", answered: 1, correct: 0 },
      { level: "sure", answered: 3, correct: 2 },
    ]);
  });

  it("has no accuracy for an empty level", () => {
    expect(calibrationSummary([]).levels.sure.accuracy).toBeNull();
  });
});

describe("attemptsLeft", () => {
  it("counts down from two and stops once settled", () => {
    expect(attemptsLeft(0, false)).toBe(2);
    expect(attemptsLeft(1, false)).toBe(1);
    expect(attemptsLeft(2, false)).toBe(0);
    expect(attemptsLeft(1, true)).toBe(0);
    expect(attemptsLeft(5, false)).toBe(0);
  });
});
