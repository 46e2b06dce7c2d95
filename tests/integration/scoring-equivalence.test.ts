/**
 * The quiz scoring rule has one home (app/course/scoring.ts), and the teacher's reports compute
 * scores in SQL. This test generates many seeded pseudo-random quiz attempts (right, wrong,
 * "I'm not sure"; every confidence level; one or two attempts; single, multiple-choice and text
 * questions, with partly right multiple-choice sets), posts them through the lesson route's own
 * action, then compares every score the reports show — the class matrix (points, "not sure"
 * count), the gradebook CSV (points, percent) and the quiz insight (right, "not sure" and
 * overconfident first answers per question) — with what scoring.ts computes for the same answers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "../../app/course/course.server";
import { fieldName, NOT_SURE_VALUE } from "../../app/course/answer-fields";
import { CONFIDENCE_LEVELS, gradeAnswer, scoreAttempt, type AnswerInput, type Confidence } from "../../app/course/scoring";
import type { Lesson, Question } from "../../app/course/types";
import { action as lessonAction } from "../../app/routes/learn.$lesson";
import { loader as gradebookLoader } from "../../app/routes/teach.classes.$classId.export.gradebook[.csv]";
import { getClassProgress } from "../../app/teach/class-page.server";
import { getQuizInsight } from "../../app/teach/quiz-insight.server";
import { parseCsv } from "../../app/utils/csv";
import { translator } from "../../app/i18n/catalogs.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

const context = { nonce: "n", clientAddress: "10.0.0.1" };
const STUDENTS = 8;

/** mulberry32: a small seeded generator, so a failure can be replayed exactly. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}
type Random = ReturnType<typeof seeded>;

/** One random answer: the form fields the browser posts, and the input scoring.ts grades. */
function randomAnswer(q: Question, rnd: Random): { fields: Record<string, string | string[]>; input: AnswerInput } {
  const how = rnd.pick(["right", "wrong", "wrong", "notSure"] as const);
  if (how === "notSure") {
    const fields = q.type === "single" ? { [fieldName(q.id, "choice")]: NOT_SURE_VALUE } : { [fieldName(q.id, "notSure")]: "1" };
    return { fields, input: { choices: [], text: null, notSure: true, confidence: null } };
  }
  const confidence: Confidence = rnd.pick(CONFIDENCE_LEVELS);
  const fields: Record<string, string | string[]> = { [fieldName(q.id, "confidence")]: confidence };
  if (q.type === "text") {
    const text = how === "right" ? rnd.pick(q.content.en.accepted) : rnd.pick(["no idea", "banana", "?!"]);
    fields[fieldName(q.id, "text")] = text;
    return { fields, input: { choices: [], text, notSure: false, confidence } };
  }
  const ids = q.content.en.choices.map((c) => c.id);
  let choices: string[] = [...q.answer];
  if (how === "wrong") {
    do {
      // single: one other choice; multiple: any non-empty set but the exact answer (often partly right)
      choices = q.type === "single" ? [rnd.pick(ids)] : ids.filter(() => rnd.next() < 0.5);
    } while (choices.length === 0 || (choices.length === q.answer.length && q.answer.every((id) => choices.includes(id))));
  }
  fields[fieldName(q.id, "choice")] = choices;
  return { fields, input: { choices, text: null, notSure: false, confidence } };
}

async function postQuiz(student: SessionUser, lesson: Lesson, attempt: number, form: Record<string, string | string[]>) {
  const request = await requestAs(student, `/learn/${lesson.slug}?view=quiz`, {
    form: { intent: "quiz", attempt: String(attempt), seconds: "0", ...form },
  });
  let result: unknown;
  try {
    result = await lessonAction({ request, params: { lesson: lesson.slug }, context });
  } catch (thrown) {
    result = thrown;
  }
  // A stored attempt redirects to its results; anything else is a failed write.
  expect(result instanceof Response && result.status === 302).toBe(true);
}

let teacher: SessionUser;
let classId: string;
/** studentId → lesson slug → the latest attempt's score by scoring.ts (and its "not sure" count). */
const expected = new Map<string, Map<string, { score: number; notSure: number }>>();
/** question id → first answers: how many, right, "not sure", overconfident (by scoring.ts). */
const firstAnswers = new Map<string, { firstAnswers: number; right: number; notSure: number; overconfident: number }>();
const seen = { floored: 0, half: 0, notSure: 0, partlyRightSet: 0, text: 0, secondAttempts: 0 };

beforeAll(async () => {
  const { school } = await makeSchool();
  teacher = await makeUser(school.id, "teacher");
  classId = (await makeClass(teacher)).id;
  const lessons = getCourse().lessons.filter((l) => l.quiz.length > 0);
  const rnd = seeded(20261204);
  for (let i = 0; i < STUDENTS; i++) {
    const student = await makeStudentIn(classId, { displayName: `Scorer ${String(i).padStart(2, "0")}` });
    const byLesson = new Map<string, { score: number; notSure: number }>();
    expected.set(student.id, byLesson);
    for (const lesson of lessons) {
      if (rnd.next() < 0.15) continue; // some lessons never attempted: no score at all
      const attempts = rnd.next() < 0.5 ? 2 : 1;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const form: Record<string, string | string[]> = {};
        const stored = lesson.quiz.map((q) => {
          const { fields, input } = randomAnswer(q, rnd);
          Object.assign(form, fields);
          const graded = gradeAnswer(q, input);
          if (q.type === "multiple" && !graded.correct && !input.notSure && input.choices.some((c) => q.answer.includes(c))) seen.partlyRightSet++;
          if (q.type === "text") seen.text++;
          if (attempt === 1) {
            const c = firstAnswers.get(q.id) ?? { firstAnswers: 0, right: 0, notSure: 0, overconfident: 0 };
            c.firstAnswers++;
            if (graded.outcome === "correct") c.right++;
            if (graded.outcome === "not_sure") c.notSure++;
            if (graded.overconfident) c.overconfident++;
            firstAnswers.set(q.id, c);
          }
          return { questionId: q.id, correct: graded.correct, notSure: input.notSure, confidence: input.confidence };
        });
        await postQuiz(student, lesson, attempt, form);
        const score = scoreAttempt(stored, lesson.quiz.length);
        byLesson.set(lesson.slug, { score: score.score, notSure: score.notSure });
        const rawSum = score.correct - 0.5 * score.overconfident.length;
        if (rawSum < 0) seen.floored++;
        if (score.score % 1 !== 0) seen.half++;
        seen.notSure += score.notSure;
        if (attempt === 2) seen.secondAttempts++;
        if (score.correct === lesson.quiz.length) break; // an all-right attempt leaves no attempt to make
      }
    }
  }
}, 120_000);

describe("every score the reports show is scoring.ts's score", () => {
  it("the generated answers cover the rule's cases", () => {
    // Without these the comparison would prove little: floored sums, half points, "not sure",
    // partly right multiple-choice sets, typed answers and second attempts all occur.
    expect(seen.floored).toBeGreaterThan(0);
    expect(seen.half).toBeGreaterThan(0);
    expect(seen.notSure).toBeGreaterThan(0);
    expect(seen.partlyRightSet).toBeGreaterThan(0);
    expect(seen.text).toBeGreaterThan(0);
    expect(seen.secondAttempts).toBeGreaterThan(0);
  });

  it("class matrix: points and 'not sure' of each latest attempt", async () => {
    const view = await getClassProgress(teacher, classId, { sort: "name", show: "all", q: "", lessons: "all" }, { locale: "en", t: translator("en") });
    expect(view.students).toHaveLength(STUDENTS);
    let compared = 0;
    for (const student of view.students) {
      const byLesson = expected.get(student.id)!;
      for (const cell of student.cells) {
        const want = byLesson.get(cell.lesson);
        expect({ student: student.displayName, lesson: cell.lesson, score: cell.score, notSure: want ? cell.notSure : null }).toEqual({
          student: student.displayName,
          lesson: cell.lesson,
          score: want?.score ?? null,
          notSure: want?.notSure ?? null,
        });
        if (want) compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it("gradebook CSV: points and percent of each latest attempt", async () => {
    const request = await requestAs(teacher, `/teach/classes/${classId}/export/gradebook.csv?show=all&lang=en`);
    const response = (await gradebookLoader({ request, params: { classId }, context })) as Response;
    const [, ...rows] = parseCsv(await response.text());
    const view = await getClassProgress(teacher, classId, { sort: "name", show: "all", q: "", lessons: "all" }, { locale: "en", t: translator("en") });
    const one = (n: number) => String(Math.round(n * 10) / 10);
    expect(rows).toHaveLength(STUDENTS);
    for (const student of view.students) {
      const row = rows.find((r) => r[1] === student.username)!;
      const byLesson = expected.get(student.id)!;
      student.cells.forEach((cell, i) => {
        const want = byLesson.get(cell.lesson);
        const [points, max, percent] = [row[2 + 5 * i + 1], row[2 + 5 * i + 2], row[2 + 5 * i + 3]];
        expect({ lesson: cell.lesson, points, max, percent }).toEqual({
          lesson: cell.lesson,
          points: want ? one(want.score) : "",
          max: String(cell.questions),
          percent: want ? one((100 * want.score) / cell.questions) : "",
        });
      });
    }
  });

  it("quiz insight: right, 'not sure' and overconfident first answers of each question", async () => {
    const insight = await getQuizInsight(teacher, classId, { lesson: "" }, { locale: "en", t: translator("en") });
    const shown = Object.fromEntries(
      insight.questions.map((q) => [q.questionId, { firstAnswers: q.firstAnswers, right: q.right, notSure: q.notSure, overconfident: q.overconfident }]),
    );
    expect(shown).toEqual(Object.fromEntries(firstAnswers));
    expect([...firstAnswers.values()].reduce((n, c) => n + c.overconfident, 0)).toBeGreaterThan(0);
  });
});
