/**
 * The lesson tree's one index (app/course/course-index.ts): what it finds, where the compiler lets
 * things sit, and that it agrees with a plain walk over the real compiled course.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { allBlocks } from "~/course/block-tree";
import { courseIndex, lessonIndex } from "~/course/course-index";
import { LOCALES, type Block, type Course, type Lesson, type Question, type Step } from "~/course/types";

const question = (id: string): Question => {
  const content = { prompt: id, choices: [], accepted: [], explanation: "" };
  return { id, type: "single", answer: ["a"], misconception: false, objectives: [], content: { en: content, "zh-Hans": content, "zh-Hant": content } };
};

const tryit = (id: string): Block => ({ t: "tryit", id, prompt: `prompt ${id}`, check: { kind: "words", max: 5 } });
const text = (v: string): Block => ({ t: "p", c: [{ t: "text", v }] });

/** Two steps; the second hides a check, a try-it and a widget in every kind of container. */
function fixture(): Lesson {
  const steps: Step[] = [
    { id: "one", title: "One", blocks: [text("Read."), { t: "check", id: "c1" }, tryit("t1")], widgets: [] },
    {
      id: "two",
      title: "Two",
      blocks: [
        { t: "callout", kind: "tip", c: [{ t: "widget", name: "tokenizer", props: {} }] },
        { t: "ul", items: [[text("item")], [{ t: "check", id: "c2" }]] },
        { t: "predict", c: [text("Guess.")], reveal: [tryit("t2")] },
        { t: "discuss", c: [{ t: "widget", name: "calibration", props: {} }, { t: "check", id: "c3" }] },
      ],
      widgets: ["tokenizer", "calibration"],
    },
  ];
  const content = { title: "Alpha", summary: "", objectives: [], steps };
  return {
    slug: "alpha",
    number: 1,
    minutes: 10,
    bigIdea: 1,
    gradeBand: "6-8",
    sources: [],
    content: { en: content, "zh-Hans": content, "zh-Hant": content },
    checks: [question("c1"), question("c2"), question("c3")],
    quiz: [question("q1")],
    data: {},
  };
}

describe("lessonIndex", () => {
  it("knows each step's position and what the lesson needs done", () => {
    const index = lessonIndex(fixture());
    expect(index.stepIds).toEqual(["one", "two"]);
    expect(index.stepIndex.get("two")).toBe(1);
    expect(index.stepIndex.has("nope")).toBe(false);
    expect(index.requiredSteps).toEqual(["one", "two", "_quiz"]);
  });

  it("finds checks, try-its and widgets inside callouts, lists, predicts and discussions, in reading order", () => {
    const { byLocale, stepOfCheck, checkById } = lessonIndex(fixture());
    const two = byLocale["zh-Hans"].stepById.get("two")!;
    expect(two.index).toBe(1);
    expect(two.checkIds).toEqual(["c2", "c3"]);
    expect(two.tryIts.map((b) => b.id)).toEqual(["t2"]);
    expect(two.widgets.map((b) => b.name)).toEqual(["tokenizer", "calibration"]);
    expect(byLocale.en.tryItById.get("t2")?.prompt).toBe("prompt t2");
    expect([...stepOfCheck]).toEqual([["c1", "one"], ["c2", "two"], ["c3", "two"]]);
    expect(checkById.get("c3")?.id).toBe("c3");
  });

  it("lists checks, then the quiz, as a learner meets them", () => {
    expect(lessonIndex(fixture()).questions.map(({ q, kind }) => `${kind}:${q.id}`)).toEqual(["check:c1", "check:c2", "check:c3", "quiz:q1"]);
  });

  it("is built once per lesson", () => {
    const lesson = fixture();
    expect(lessonIndex(lesson)).toBe(lessonIndex(lesson));
  });
});

describe("the index of the compiled course", () => {
  const course = JSON.parse(fs.readFileSync("build/course.json", "utf8")) as Course;

  it("agrees with a plain walk over every step of every lesson in every locale", () => {
    for (const lesson of course.lessons) {
      const index = lessonIndex(lesson);
      expect(index.stepIds).toEqual(lesson.content.en.steps.map((s) => s.id));
      for (const locale of LOCALES) {
        for (const [i, step] of lesson.content[locale].steps.entries()) {
          const blocks = [...allBlocks(step.blocks)];
          const entry = index.byLocale[locale].stepById.get(step.id)!;
          expect(entry.index).toBe(i);
          expect(entry.checkIds).toEqual(blocks.flatMap((b) => (b.t === "check" ? [b.id] : [])));
          expect(entry.tryIts).toEqual(blocks.filter((b) => b.t === "tryit"));
          expect(entry.widgets.map((w) => w.name)).toEqual(blocks.flatMap((b) => (b.t === "widget" ? [b.name] : [])));
          for (const block of entry.tryIts) expect(index.byLocale[locale].tryItById.get(block.id)).toBe(block);
        }
      }
      // every check of quiz.yaml is placed in a step, and found there
      for (const check of lesson.checks) expect(index.stepOfCheck.get(check.id), check.id).toBeDefined();
    }
  });

  it("lists every question of the course, lesson by lesson, checks then the quiz, each by lesson/id", () => {
    const index = courseIndex(course);
    expect(index.questionIds).toEqual(course.lessons.flatMap((l) => [...l.checks, ...l.quiz].map((q) => q.id)));
    const first = course.lessons[0]!;
    expect(index.questionByRef.get(`${first.slug}/${first.quiz[0]!.id}`)).toMatchObject({ lesson: first, kind: "quiz" });
    expect(index.questionByRef.size).toBe(index.questionIds.length);
  });
});
