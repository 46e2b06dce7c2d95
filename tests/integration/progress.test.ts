/**
 * Progress and quiz models against real PostgreSQL: one idempotent write per step under
 * concurrency, resume, bounded active time, completion, quiz attempts and scoring with
 * "I'm not sure" and confidence.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityLog, lessonProgress, quizAnswers } from "../../db/schema";
import { getLesson } from "../../app/course/course.server";
import { requiredSteps, resolvePosition } from "../../app/models/lesson-view.server";
import { QUIZ_STEP } from "../../app/course/lesson-paths";
import { gradeAnswer, scoreAttempt, type AnswerInput } from "../../app/course/scoring";
import type { Lesson, Question } from "../../app/course/types";
import { MAX_ACTIVE_INCREMENT, completeStep, getProgress, recordActiveTime } from "../../app/models/progress.server";
import { calibrationFor, listLessonAnswers, quizState, saveAnswers, toStored } from "../../app/models/quiz.server";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser } from "../factories";

let lesson: Lesson;
let classId: string;
let teacher: SessionUser;

beforeAll(async () => {
  lesson = getLesson("tokens")!;
  expect(lesson).toBeDefined();
  const { school } = await makeSchool();
  teacher = await makeUser(school.id, "teacher");
  classId = (await makeClass(teacher)).id;
});

const newStudent = () => makeStudentIn(classId);
const stepIds = () => lesson.content.en.steps.map((s) => s.id);

async function activity(userId: string, verb: string) {
  return db()
    .select()
    .from(activityLog)
    .where(and(eq(activityLog.actorId, userId), eq(activityLog.verb, verb)));
}

function stepWrite(stepId: string, nextStep: string | null, activeSeconds: unknown = 0) {
  return { lessonSlug: lesson.slug, stepId, nextStep, requiredSteps: requiredSteps(lesson), activeSeconds };
}

function answerFor(q: Question, kind: "right" | "wrong" | "notSure", confidence: AnswerInput["confidence"] = "sure"): AnswerInput {
  if (kind === "notSure") return { choices: [], text: null, notSure: true, confidence: null };
  if (q.type === "text") {
    return { choices: [], text: kind === "right" ? q.content.en.accepted[0]! : "definitely not this", notSure: false, confidence };
  }
  const wrong = q.content.en.choices.map((c) => c.id).filter((id) => !q.answer.includes(id));
  return { choices: kind === "right" ? q.answer : [wrong[0]!], text: null, notSure: false, confidence };
}

describe("marking steps done", () => {
  it("counts a step once under two concurrent writers and logs it once", async () => {
    const student = await newStudent();
    const [first, second] = stepIds();
    const results = await Promise.all([
      completeStep(student, stepWrite(first!, second!)),
      completeStep(student, stepWrite(first!, second!)),
    ]);
    expect(results.filter((r) => r.newlyDone)).toHaveLength(1);
    expect(results.filter((r) => r.started)).toHaveLength(1);
    const row = await getProgress(student, lesson.slug);
    expect(row!.stepsDone).toEqual([first]);
    expect(await activity(student.id, "completed-step")).toHaveLength(1);
    expect(await activity(student.id, "started")).toHaveLength(1);
  });

  it("loses no step when many steps are written at once (two tabs racing through a lesson)", async () => {
    const student = await newStudent();
    const ids = stepIds();
    await Promise.all(ids.flatMap((id) => [completeStep(student, stepWrite(id, null)), completeStep(student, stepWrite(id, null))]));
    const row = await getProgress(student, lesson.slug);
    expect([...row!.stepsDone].sort()).toEqual([...ids].sort());
    expect(await activity(student.id, "completed-step")).toHaveLength(ids.length);
    expect(row!.status).toBe("in_progress"); // the quiz is still to do
  });

  it("a retried post changes nothing but the position", async () => {
    const student = await newStudent();
    const [a, b, c] = stepIds();
    await completeStep(student, stepWrite(a!, b!));
    await completeStep(student, stepWrite(b!, c!));
    const again = await completeStep(student, stepWrite(a!, b!));
    expect(again).toEqual({ newlyDone: false, started: false, completed: false });
    const row = await getProgress(student, lesson.slug);
    expect(row!.stepsDone).toEqual([a, b]);
    expect(row!.currentStep).toBe(b);
  });
});

describe("resume", () => {
  it("opens the saved step, the quiz, or the finish screen", async () => {
    const student = await newStudent();
    const [a, b, c] = stepIds();
    await completeStep(student, stepWrite(a!, b!));
    await completeStep(student, stepWrite(b!, c!));
    const bare = new URLSearchParams();
    expect(resolvePosition(lesson, bare, await getProgress(student, lesson.slug))).toEqual({ position: { kind: "step", index: 2 }, resumed: true });
    await recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: QUIZ_STEP, activeSeconds: 5 });
    expect(resolvePosition(lesson, bare, await getProgress(student, lesson.slug))).toEqual({ position: { kind: "quiz" }, resumed: true });
    expect(resolvePosition(lesson, new URLSearchParams("step=nope"), null)).toBeNull();
    expect(resolvePosition(lesson, bare, null)).toEqual({ position: { kind: "step", index: 0 }, resumed: false });
  });
});

describe("active time", () => {
  it("bounds each increment and never adds more than the time since the previous write", async () => {
    const student = await newStudent();
    const first = await recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: stepIds()[0]!, activeSeconds: 10_000 });
    expect(first).toEqual({ added: MAX_ACTIVE_INCREMENT, started: true });
    // Immediately again: almost no wall-clock time passed, so almost nothing may be added.
    const replay = await recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: null, activeSeconds: 60 });
    expect(replay.added).toBeLessThanOrEqual(3);
    // 30 seconds later (simulated), 45 claimed seconds become at most 30 + slack.
    await db().execute(sql`update lesson_progress set updated_at = now() - interval '30 seconds' where user_id = ${student.id}`);
    const later = await recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: null, activeSeconds: 45 });
    expect(later.added).toBeGreaterThanOrEqual(30);
    expect(later.added).toBeLessThanOrEqual(33);
    for (const junk of [-5, Number.NaN, "abc", null, "1e9"]) {
      await db().execute(sql`update lesson_progress set updated_at = now() - interval '1 hour' where user_id = ${student.id}`);
      const r = await recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: null, activeSeconds: junk });
      expect(r.added).toBeLessThanOrEqual(MAX_ACTIVE_INCREMENT);
    }
    const row = await getProgress(student, lesson.slug);
    expect(row!.currentStep).toBe(stepIds()[0]);
    expect(await activity(student.id, "started")).toHaveLength(1);
  });

  it("two tabs sending time together add no more than wall-clock time", async () => {
    const student = await newStudent();
    await recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: null, activeSeconds: 1 });
    await db().execute(sql`update lesson_progress set updated_at = now() - interval '10 seconds' where user_id = ${student.id}`);
    await Promise.all([
      recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: null, activeSeconds: 10 }),
      recordActiveTime(student, { lessonSlug: lesson.slug, currentStep: null, activeSeconds: 10 }),
    ]);
    const row = await getProgress(student, lesson.slug);
    // 1 + 10 from the first tab + at most the slack from the second, which came right after.
    expect(row!.activeSeconds).toBeLessThanOrEqual(1 + 10 + 3);
  });
});

describe("completion", () => {
  it("completes once when every step and the quiz are done, even when the last two writes race", async () => {
    const student = await newStudent();
    const ids = stepIds();
    for (const id of ids.slice(0, -1)) await completeStep(student, stepWrite(id, null));
    const last = ids.at(-1)!;
    const results = await Promise.all([
      completeStep(student, stepWrite(last, QUIZ_STEP)),
      completeStep(student, { ...stepWrite(QUIZ_STEP, QUIZ_STEP), result: { score: 5 } }),
    ]);
    expect(results.filter((r) => r.completed)).toHaveLength(1);
    const row = await getProgress(student, lesson.slug);
    expect(row!.status).toBe("completed");
    expect(row!.completedAt).not.toBeNull();
    expect(await activity(student.id, "completed")).toHaveLength(1);
    // Going through a step again never un-completes nor logs completion again.
    await completeStep(student, stepWrite(ids[0]!, ids[1]!));
    expect((await getProgress(student, lesson.slug))!.status).toBe("completed");
    expect(await activity(student.id, "completed")).toHaveLength(1);
  });
});

describe("quiz answers", () => {
  const save = (student: SessionUser, attempt: number, plan: ("right" | "wrong" | "notSure")[], confidence: AnswerInput["confidence"] = "sure") =>
    saveAnswers(
      student,
      { lessonSlug: lesson.slug, kind: "quiz", attempt },
      lesson.quiz.map((q, i) => {
        const input = answerFor(q, plan[i % plan.length]!, confidence);
        return { questionId: q.id, input, graded: gradeAnswer(q, input) };
      }),
    );

  it("stores an attempt once: a replay or a concurrent second tab changes nothing", async () => {
    const student = await newStudent();
    const [a, b] = await Promise.all([save(student, 1, ["right"]), save(student, 1, ["wrong"])]);
    expect([a.saved, b.saved].sort()).toEqual([false, true]);
    const rows = await listLessonAnswers(student, lesson.slug);
    expect(rows).toHaveLength(lesson.quiz.length);
    // Never a mix of the two tabs' answers.
    const correct = new Set(rows.map((r) => r.correct));
    expect(correct.size).toBe(1);
    expect((await save(student, 1, ["right"])).saved).toBe(false);
    expect(await activity(student.id, "answered")).toHaveLength(lesson.quiz.length);
  });

  it("counts attempts left: two by default, none once all right", async () => {
    const ids = lesson.quiz.map((q) => q.id);
    const student = await newStudent();
    expect(quizState([], ids)).toMatchObject({ attemptsUsed: 0, attemptsLeft: 2, nextAttempt: 1, settled: false });
    await save(student, 1, ["right", "wrong"]);
    expect(quizState(await listLessonAnswers(student, lesson.slug), ids)).toMatchObject({ attemptsUsed: 1, attemptsLeft: 1, nextAttempt: 2 });
    await save(student, 2, ["right", "notSure"]);
    expect(quizState(await listLessonAnswers(student, lesson.slug), ids)).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, settled: true });

    const ace = await newStudent();
    await save(ace, 1, ["right"]);
    expect(quizState(await listLessonAnswers(ace, lesson.slug), ids)).toMatchObject({ attemptsLeft: 0, settled: true });
  });

  it("scores 'I'm not sure' above confident wrong answers and summarises calibration", async () => {
    const honest = await newStudent();
    const overconfident = await newStudent();
    await save(honest, 1, ["right", "notSure"]);
    await save(overconfident, 1, ["right", "wrong"], "sure");
    const score = async (s: SessionUser) => scoreAttempt((await listLessonAnswers(s, lesson.slug)).map(toStored), lesson.quiz.length);
    const h = await score(honest);
    const o = await score(overconfident);
    expect(h.correct).toBe(o.correct);
    expect(h.notSure).toBeGreaterThan(0);
    expect(h.overconfident).toEqual([]);
    expect(o.overconfident.length).toBe(o.wrong);
    expect(h.score).toBeGreaterThan(o.score);

    const rows = await db().select().from(quizAnswers).where(and(eq(quizAnswers.userId, honest.id), eq(quizAnswers.notSure, true)));
    for (const r of rows) {
      expect(r.correct).toBe(false);
      expect(r.confidence).toBeNull();
      expect(r.choices).toEqual([]);
    }
    const calibration = await calibrationFor(overconfident);
    expect(calibration.levels.sure.answered).toBe(lesson.quiz.length);
    expect(calibration.overconfident).toBe(o.wrong);
    expect(calibration.levels.sure.accuracy).toBeCloseTo(o.correct / lesson.quiz.length);
  });

  it("never touches another learner's rows", async () => {
    const a = await newStudent();
    const b = await newStudent();
    await save(a, 1, ["right"]);
    await completeStep(a, stepWrite(stepIds()[0]!, stepIds()[1]!));
    expect(await listLessonAnswers(b, lesson.slug)).toEqual([]);
    expect(await getProgress(b, lesson.slug)).toBeNull();
    const [count] = await db().select({ n: sql<number>`count(*)::int` }).from(lessonProgress).where(eq(lessonProgress.userId, b.id));
    expect(count!.n).toBe(0);
  });
});

describe("demo seed", () => {
  it("tells six different stories, quickly", async () => {
    const { seedDemoLearning } = await import("../../server/demo/seed-learning");
    const { connection } = await import("../../app/utils/db.server");
    const cls = await makeClass(teacher);
    const students = [];
    for (let i = 0; i < 6; i++) students.push(await makeStudentIn(cls.id));
    const started = Date.now();
    await seedDemoLearning(connection(), { classId: cls.id, teacherId: teacher.id, studentIds: students.map((s) => s.id) });
    expect(Date.now() - started).toBeLessThan(2000);

    const [ada, bo, chen, dev, elena, fang] = students as [SessionUser, SessionUser, SessionUser, SessionUser, SessionUser, SessionUser];
    const completed = async (s: SessionUser) =>
      (await db().select().from(lessonProgress).where(eq(lessonProgress.userId, s.id))).filter((r) => r.status === "completed").length;
    expect(await completed(ada)).toBeGreaterThanOrEqual(3);
    expect(await completed(bo)).toBe(0);
    expect((await getProgress(bo, getLesson("what-is-an-llm")!.slug))!.status).toBe("in_progress");
    expect(await completed(elena)).toBe(0);
    expect(await db().select().from(activityLog).where(eq(activityLog.actorId, elena.id))).toEqual([]);
    expect(await completed(fang)).toBe(1);

    const chenCal = await calibrationFor(chen);
    const devCal = await calibrationFor(dev);
    const adaCal = await calibrationFor(ada);
    expect(chenCal.overconfident).toBeGreaterThan(devCal.overconfident);
    expect(chenCal.overconfident).toBeGreaterThan(adaCal.overconfident);
    expect(devCal.notSure).toBeGreaterThan(chenCal.notSure);
    expect(devCal.notSure).toBeGreaterThanOrEqual(3);

    // Rows obey the models' rules: each question/attempt once, "not sure" never correct.
    const [dupes] = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from (select user_id, question_id, attempt from quiz_answers group by 1, 2, 3 having count(*) > 1) d`);
    expect(dupes!.n).toBe(0);
    const [bad] = await db().execute<{ n: number }>(sql`select count(*)::int as n from quiz_answers where not_sure and (correct or confidence is not null)`);
    expect(bad!.n).toBe(0);
    expect(await db().execute(sql`select 1 from assignments where class_id = ${cls.id}`)).toHaveLength(3);
  });
});
