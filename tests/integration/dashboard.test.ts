/**
 * The teacher dashboard against real PostgreSQL and hand-built data: the class page's
 * aggregates (a student with no activity, a lesson with no answers, "not sure" answers,
 * needs-help signals, overdue), quiz insight (first attempts, difficulty ranking, calibration),
 * the gradebook CSV equal to what the page's loader returns, formula neutralising and the BOM,
 * teachers never seeing another teacher's class, flags that stay logged, assignments, and a
 * fixed number of queries however large the class.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { Connection } from "../../db/client";
import { getLesson } from "../../app/course/course.server";
import type { Lesson } from "../../app/course/types";
/** Steps of lesson 01 as the course has them today (the matrix counts from the course). */
const llmSteps = () => getLesson("what-is-an-llm")!.content.en.steps.length;
import { connection, db, registerDatabase } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { loader as progressLoader } from "../../app/routes/teach.classes.$classId._index";
import { loader as quizLoader } from "../../app/routes/teach.classes.$classId.quiz";
import { loader as rosterLoader } from "../../app/routes/teach.classes.$classId.roster";
import { loader as studentLoader } from "../../app/routes/teach.classes.$classId.students.$studentId";
import { action as assignAction, loader as assignLoader } from "../../app/routes/teach.classes.$classId.assignments";
import { action as flagAction } from "../../app/routes/teach.classes.$classId.flags";
import { loader as gradebookLoader } from "../../app/routes/teach.classes.$classId.export.gradebook[.csv]";
import { loader as responsesLoader } from "../../app/routes/teach.classes.$classId.export.responses[.csv]";
import { loader as classJsonLoader } from "../../app/routes/teach.classes.$classId.export.class[.json]";
import { loader as reportLoader } from "../../app/routes/teach.classes.$classId.report";
import { action as settingsAction } from "../../app/routes/teach.classes.$classId.settings";
import { completeStep } from "../../app/models/progress.server";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { loader as adminClassLoader } from "../../app/routes/admin.classes.$classId";
import { BOM, neutralizeCell, parseCsv, toCsv } from "../../app/utils/csv";
import { listFlaggedExchanges } from "../../app/models/flags.server";
import { wilsonLower } from "../../app/teach/quiz-insight.server";
import { getClassProgress } from "../../app/teach/class-page.server";
import { translator } from "../../app/i18n/catalogs.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

const en = translator("en");
const MIN = 60_000;
const now = Date.now();
const ago = (minutes: number) => new Date(now - minutes * MIN).toISOString();

let teacher: SessionUser;
let otherTeacher: SessionUser;
let admin: SessionUser;
let classId: string;
let otherClassId: string;
let tokens: Lesson;
let llm: Lesson;
let long: Lesson;
const s: Record<"ana" | "ben" | "formula" | "wang" | "eve" | "finn", SessionUser> = {} as never;

/* ---------------------------------------------------------------------------------------------- */
/* Hand-built rows, shaped as the lesson engine writes them (progress.server.ts, quiz.server.ts)   */
/* ---------------------------------------------------------------------------------------------- */

async function progress(
  user: SessionUser,
  lesson: string,
  p: { status?: "in_progress" | "completed"; currentStep: string | null; stepsDone?: string[]; active?: number; started: string; updated: string; completed?: string },
) {
  await db().execute(sql`
    insert into lesson_progress (user_id, lesson_slug, steps_done, current_step, status, active_seconds, started_at, completed_at, updated_at)
    values (${user.id}, ${lesson}, ${`{${(p.stepsDone ?? []).join(",")}}`}::text[], ${p.currentStep}, ${p.status ?? "in_progress"},
            ${p.active ?? 0}, ${p.started}::timestamptz, ${p.completed ?? null}::timestamptz, ${p.updated}::timestamptz)`);
}

async function answer(
  user: SessionUser,
  lesson: string,
  questionId: string,
  a: { kind?: "quiz" | "check"; attempt?: number; choices?: string[]; text?: string; notSure?: boolean; confidence?: "sure" | "fairly_sure" | "guessing" | null; correct: boolean; at: string },
) {
  await db().execute(sql`
    insert into quiz_answers (user_id, lesson_slug, question_id, kind, attempt, choices, text_answer, not_sure, confidence, correct, created_at)
    values (${user.id}, ${lesson}, ${questionId}, ${a.kind ?? "quiz"}, ${a.attempt ?? 1}, ${`{${(a.choices ?? []).join(",")}}`}::text[],
            ${a.text ?? null}, ${a.notSure ?? false}, ${a.notSure ? null : (a.confidence ?? "sure")}, ${a.correct}, ${a.at}::timestamptz)`);
}

async function activity(user: SessionUser, verb: string, objectType: string, objectId: string, at: string, result: object | null = null) {
  await db().execute(sql`
    insert into activity_log (actor_id, verb, object_type, object_id, result, created_at)
    values (${user.id}, ${verb}, ${objectType}, ${objectId}, ${result ? JSON.stringify(result) : null}::jsonb, ${at}::timestamptz)`);
}

async function conversation(user: SessionUser, cls: string | null, messages: { role: "user" | "assistant"; text: string; flags?: string[]; flag?: string; at: string }[]) {
  const [c] = await db().execute<{ id: string }>(sql`
    insert into playground_conversations (user_id, class_id, title, model) values (${user.id}, ${cls}, 'Chat', 'mini') returning id`);
  const ids: string[] = [];
  for (const m of messages) {
    const [row] = await db().execute<{ id: string }>(sql`
      insert into playground_messages (conversation_id, user_id, role, text, status, flags, flag_status, input_tokens, output_tokens, created_at)
      values (${c!.id}, ${user.id}, ${m.role}, ${m.text}, 'complete', ${`{${(m.flags ?? []).join(",")}}`}::text[],
              ${m.flag ?? "none"}, 10, 20, ${m.at}::timestamptz)
      returning id`);
    ids.push(row!.id);
  }
  return { id: c!.id, messageIds: ids };
}

// (a text question has no choices: any id stands in, it is only stored)
const rightChoice = (lesson: Lesson, i: number) => lesson.quiz[i]!.answer[0] ?? "text";
const wrongChoice = (lesson: Lesson, i: number) =>
  lesson.quiz[i]!.content.en.choices.find((c) => !lesson.quiz[i]!.answer.includes(c.id))?.id ?? "zzz";

let flaggedMessageId: string;

beforeAll(async () => {
  tokens = getLesson("tokens")!;
  llm = getLesson("what-is-an-llm")!;
  long = getLesson("long-context")!;
  const school = await makeSchool();
  admin = school.admin;
  teacher = await makeUser(school.school.id, "teacher");
  otherTeacher = await makeUser(school.school.id, "teacher");
  classId = (await makeClass(teacher, "Class 7B")).id;
  otherClassId = (await makeClass(otherTeacher, "Other class")).id;
  s.ana = await makeStudentIn(classId, { displayName: "Ana" });
  s.ben = await makeStudentIn(classId, { displayName: "Ben" }); // no activity at all
  s.formula = await makeStudentIn(classId, { displayName: "=HYPERLINK(\"http://x\",\"y\")" });
  s.wang = await makeStudentIn(classId, { displayName: "王小明" });
  s.eve = await makeStudentIn(classId, { displayName: "Eve" });
  s.finn = await makeStudentIn(classId, { displayName: "Finn" });

  // Ana: tokens completed; two quiz attempts — the latest counts: 7 right, 1 not sure,
  // 1 wrong "sure" (−0.5), 1 wrong "guessing" (0) → 6.5 / 10. All answers of an attempt share
  // one instant: "in a row" then follows the quiz's question order.
  const tokenSteps = tokens.content.en.steps.map((x) => x.id);
  await progress(s.ana, "tokens", {
    status: "completed",
    currentStep: "_quiz",
    stepsDone: [...tokenSteps, "_quiz"],
    active: 1500,
    started: ago(300),
    updated: ago(200),
    completed: ago(200),
  });
  for (let i = 0; i < tokens.quiz.length; i++) {
    await answer(s.ana, "tokens", tokens.quiz[i]!.id, { attempt: 1, choices: [wrongChoice(tokens, i)], correct: false, confidence: "guessing", at: ago(230) });
    // the misses come first in the quiz's order, so her latest answers end on right ones
    const outcome = i === 0 ? "notSure" : i === 1 ? "wrongSure" : i === 2 ? "wrongGuess" : "right";
    await answer(s.ana, "tokens", tokens.quiz[i]!.id, {
      attempt: 2,
      choices: outcome === "right" ? [rightChoice(tokens, i)] : outcome === "notSure" ? [] : [wrongChoice(tokens, i)],
      notSure: outcome === "notSure",
      confidence: outcome === "wrongGuess" ? "guessing" : "sure",
      correct: outcome === "right",
      at: ago(201),
    });
  }
  // Ana is now on step 3 of "What is an LLM?", seen 2 minutes ago; and has an open flag in this class
  await progress(s.ana, "what-is-an-llm", { currentStep: llm.content.en.steps[2]!.id, stepsDone: llm.content.en.steps.slice(0, 2).map((x) => x.id), active: 300, started: ago(20), updated: ago(2) });
  await activity(s.ana, "completed-step", "step", `what-is-an-llm#${llm.content.en.steps[1]!.id}`, ago(3));
  const flagged = await conversation(s.ana, classId, [
    { role: "user", text: "my phone is 555 1234", flags: ["personal_data"], flag: "open", at: ago(10) },
    { role: "assistant", text: "Please don't share phone numbers here.", at: ago(10) },
  ]);
  flaggedMessageId = flagged.messageIds[0]!;
  // a flag in a conversation held outside this class does not count here
  await conversation(s.ana, null, [{ role: "user", text: "elsewhere", flags: ["violence"], flag: "open", at: ago(5) }]);

  // 王小明: three answers in a row not right (two of them "I'm not sure") → needs help
  await progress(s.wang, "what-is-an-llm", { currentStep: llm.content.en.steps[1]!.id, started: ago(40), updated: ago(30) });
  const checks = llm.checks.map((q) => q.id);
  await answer(s.wang, "what-is-an-llm", checks[0]!, { kind: "check", correct: true, confidence: "sure", choices: [llm.checks[0]!.answer[0]!], at: ago(39) });
  await answer(s.wang, "what-is-an-llm", checks[1]!, { kind: "check", notSure: true, correct: false, at: ago(35) });
  await answer(s.wang, "what-is-an-llm", checks[2]!, { kind: "check", correct: false, confidence: "fairly_sure", choices: ["zzz"], at: ago(33) });
  await answer(s.wang, "what-is-an-llm", checks[1]!, { kind: "check", attempt: 2, notSure: true, correct: false, at: ago(31) });

  // The formula-named student: on step 2 of long-context for 50 minutes of ACTIVE time (the
  // lesson's active seconds went from 60 when step 1 was done to 3060), while classmates needed
  // about 2 active minutes for that step → stuck.
  await progress(s.formula, "long-context", { currentStep: long.content.en.steps[1]!.id, stepsDone: [long.content.en.steps[0]!.id], active: 3060, started: ago(60), updated: ago(1) });
  await activity(s.formula, "completed-step", "step", `long-context#${long.content.en.steps[0]!.id}`, ago(51), { activeSeconds: 60 });
  for (const [student, minutes] of [[s.eve, 2], [s.finn, 3], [s.ana, 1]] as const) {
    await progress(student, "long-context", { currentStep: long.content.en.steps[2]!.id, stepsDone: long.content.en.steps.slice(0, 2).map((x) => x.id), active: 60 + minutes * 60, started: ago(500), updated: ago(495 - minutes) });
    await activity(student, "completed-step", "step", `long-context#${long.content.en.steps[0]!.id}`, ago(495), { activeSeconds: 60 });
    await activity(student, "completed-step", "step", `long-context#${long.content.en.steps[1]!.id}`, ago(495 - minutes), { activeSeconds: 60 + minutes * 60 });
  }

  // Quiz insight: tokens question 0 — five first attempts, four not right (ranked);
  // tokens question 1 — two first attempts, both wrong (too few to rank).
  const q0 = tokens.quiz[0]!.id;
  const q1 = tokens.quiz[1]!.id;
  await answer(s.eve, "tokens", q0, { choices: [wrongChoice(tokens, 0)], confidence: "sure", correct: false, at: ago(100) });
  await answer(s.finn, "tokens", q0, { notSure: true, correct: false, at: ago(100) });
  await answer(s.wang, "tokens", q0, { choices: [wrongChoice(tokens, 0)], confidence: "guessing", correct: false, at: ago(100) });
  await answer(s.formula, "tokens", q0, { choices: [rightChoice(tokens, 0)], confidence: "fairly_sure", correct: true, at: ago(100) });
  await answer(s.eve, "tokens", q1, { choices: [wrongChoice(tokens, 1)], confidence: "sure", correct: false, at: ago(99) });
  await answer(s.finn, "tokens", q1, { choices: [wrongChoice(tokens, 1)], confidence: "sure", correct: false, at: ago(99) });
  // Eve's second attempt at q0 is right: it must not change the first-attempt numbers
  await answer(s.eve, "tokens", q0, { attempt: 2, choices: [rightChoice(tokens, 0)], confidence: "sure", correct: true, at: ago(98) });

  // Everyone was in the class a month ago (a student who joins after a due date "joined late")
  await db().execute(sql`update enrollments set created_at = now() - interval '30 days' where class_id = ${classId}`);
  // An assignment of "honesty" to the whole class, due yesterday: overdue for everyone
  await db().execute(sql`insert into assignments (class_id, lesson_slug, due_at, created_by) values (${classId}, 'honesty', ${ago(24 * 60)}::timestamptz, ${teacher.id})`);
});

const params = () => ({ classId });
const call = async <T>(fn: (args: never) => Promise<T>, user: SessionUser, path: string, p: Record<string, string>, init: Parameters<typeof requestAs>[2] = {}) =>
  fn({ request: await requestAs(user, path, init), params: p, context: {} } as never);

async function expect404(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(404);
}

describe("class page aggregates", () => {
  const ALL = { sort: "name", show: "all", q: "", lessons: "all" } as const;

  it("shows each student × lesson exactly as the hand-built rows say", async () => {
    // the model's full view (raw numbers); the page's loader sends the same labels, slimmed: the
    // empty ones left out
    const view = await getClassProgress(teacher, classId, ALL, { locale: "en", t: en });
    const page = await call(progressLoader, teacher, `/teach/classes/${classId}?lang=en`, params());
    const shown = (label: object) => Object.fromEntries(Object.entries(label).filter(([, text]) => text !== ""));
    expect(page.view.students.map((x) => x.cells.map((c) => c.label))).toEqual(view.students.map((x) => x.cells.map((c) => shown(c.label))));
    expect(page.view.students.flatMap((x) => x.cells).some((c) => Object.values(c.label).includes(""))).toBe(false);
    expect(view.totalStudents).toBe(6);
    const row = (name: string) => view.students.find((x) => x.displayName === name)!;
    const cell = (name: string, lesson: string) => row(name).cells.find((c) => c.lesson === lesson)!;

    // completed lesson, score of the LATEST attempt by the course's rule
    expect(cell("Ana", "tokens")).toMatchObject({ state: "completed", score: 6.5 });
    expect(cell("Ana", "tokens").label).toMatchObject({ status: "Completed", score: "6.5/10", time: "25 min" });
    expect(cell("Ana", "tokens").label.completedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // in progress, with the step
    expect(cell("Ana", "what-is-an-llm")).toMatchObject({ state: "in_progress", step: 3, steps: llmSteps() });
    expect(cell("Ana", "what-is-an-llm").label.status).toBe(`Step 3 of ${llmSteps()}`);
    expect(row("Ana").where?.lesson).toBe("what-is-an-llm");
    expect(row("Ana").activeNow).toBe(true);

    // the student with no activity at all
    const ben = row("Ben");
    expect(ben.cells.every((c) => c.state === "not_started" && c.score === null && c.activeSeconds === 0)).toBe(true);
    expect(ben.lastSeenAt).toBeNull();
    expect(ben.lastSeenLabel).toBe("not yet");
    expect(ben.where).toBeNull();
    expect(ben.whereLabel).toBe("Has not opened a lesson yet");
    expect(ben.signals).toEqual([]);

    // overdue assignment marked on cells not completed
    expect(cell("Ben", "honesty")).toMatchObject({ overdue: true });
    expect(cell("Ben", "honesty").label.status).toBe("Not started · Overdue");
    expect(cell("Ana", "tokens").overdue).toBe(false);

    // a lesson with no answers from anyone
    expect(view.students.every((x) => x.cells.find((c) => c.lesson === "responsible-ai")!.score === null)).toBe(true);

    // summary
    expect(view.summary.completionPercent).toBe(Math.round((100 * 1) / (6 * 7)));
  });

  it("raises the three needs-help signals, and none without cause", async () => {
    const view = await getClassProgress(teacher, classId, ALL, { locale: "en", t: en });
    const signals = (name: string) => view.students.find((x) => x.displayName === name)!.signals;
    // three answers in a row not right, "not sure" included
    expect(signals("王小明")).toEqual([expect.objectContaining({ kind: "wrong-streak", count: 3 })]);
    // 50 active minutes on a step the class did in about 2
    const stuck = signals("=HYPERLINK(\"http://x\",\"y\")").find((x) => x.kind === "stuck");
    expect(stuck).toMatchObject({ kind: "stuck", lesson: "long-context", typicalMinutes: 2 });
    expect((stuck as { minutes: number }).minutes).toBeGreaterThanOrEqual(49);
    // an open flag in this class's playground (the one outside the class does not count)
    expect(signals("Ana")).toEqual([expect.objectContaining({ kind: "flag", count: 1 })]);
    expect(signals("Eve")).toEqual([]);
    expect(view.summary.needHelp).toBe(3);
  });

  it("sorts and filters from the query string", async () => {
    const help = await call(progressLoader, teacher, `/teach/classes/${classId}?show=help&sort=name&lang=en`, params());
    expect(help.view.students.map((x) => x.displayName)).toEqual(["=HYPERLINK(\"http://x\",\"y\")", "Ana", "王小明"]);
    const notStarted = await call(progressLoader, teacher, `/teach/classes/${classId}?show=not-started`, params());
    expect(notStarted.view.students.map((x) => x.displayName)).toEqual(["Ben"]);
    const search = await call(progressLoader, teacher, `/teach/classes/${classId}?q=an`, params());
    expect(search.view.students.map((x) => x.displayName)).toEqual(["Ana"]);
    const progressFirst = await call(progressLoader, teacher, `/teach/classes/${classId}?sort=progress`, params());
    expect(progressFirst.view.students[0]!.displayName).toBe("Ana");
    // nonsense falls back to the defaults instead of failing
    const odd = await call(progressLoader, teacher, `/teach/classes/${classId}?sort=evil&show=%00`, params());
    expect(odd.view.query).toEqual({ sort: "name", show: "all", q: "", lessons: "all" });
  });

  // Found in a teacher's walk: a class of 40 doing the one assigned lesson scrolled past six columns
  // of "Not started" on a school laptop
  it("shows only the assigned lessons' columns when asked, and all of them when none is assigned", async () => {
    const all = await call(progressLoader, teacher, `/teach/classes/${classId}?lang=en`, params());
    const assigned = await call(progressLoader, teacher, `/teach/classes/${classId}?lessons=assigned&lang=en`, params());
    expect(all.view.lessons.length).toBeGreaterThan(1);
    // "honesty" is the class's one assignment
    expect(assigned.view.lessons.map((l) => l.slug)).toEqual(["honesty"]);
    for (const row of assigned.view.students) expect(row.cells.map((c) => c.lesson)).toEqual(["honesty"]);
    // the cells shown are the same cells, and "completed" still counts the whole course
    const before = all.view.students.map((x) => [x.displayName, x.cells.find((c) => c.lesson === "honesty"), x.completedLessons]);
    expect(assigned.view.students.map((x) => [x.displayName, x.cells[0], x.completedLessons])).toEqual(before);
    expect(assigned.view.allLessons).toBe(all.view.lessons.length);
    // a class with nothing assigned keeps every column
    const other = await makeClass(teacher);
    const empty = await call(progressLoader, teacher, `/teach/classes/${other.id}?lessons=assigned`, { classId: other.id });
    expect(empty.view.lessons).toHaveLength(all.view.lessons.length);
  });
});

// Found in a school admin's walk: a student in the playground read "active now" and "has not opened
// a lesson yet" side by side on the live view
describe("a student online with no lesson opened", () => {
  it("is online, perhaps in the playground, not both active and absent", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const student = await makeStudentIn(cls.id);
    const [conversation] = await db().execute<{ id: string }>(sql`insert into playground_conversations (user_id, class_id, title, model) values (${student.id}, ${cls.id}, 'hi', 'mini') returning id`);
    await db().execute(sql`insert into playground_messages (conversation_id, user_id, role, text, model, status) values (${conversation!.id}, ${student.id}, 'user', 'hi', 'mini', 'complete')`);
    for (const [locale, label] of [["en", "Online, but has not opened a lesson yet (perhaps in the playground)"], ["zh-Hans", "在线，但还没有打开过课程（可能在练习场）"]] as const) {
      const view = await getClassProgress(admin, cls.id, { sort: "name", show: "all", q: "", lessons: "all" }, { locale, t: translator(locale) });
      const row = view.students.find((x) => x.id === student.id)!;
      expect(row.activeNow).toBe(true);
      expect(row.whereLabel).toBe(label);
    }
  });
});

// Found in a school admin's walk: the assignment page listed 吕梓萱, 张伟, 李浩然 (code points)
// where the class page had 李浩然, 吕梓萱, 张伟 (pinyin)
describe("every list of a class's students is in the reader's name order", () => {
  it("the assignment page and the roster, as the class page", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    for (const name of ["张伟", "吕梓萱", "李浩然"]) await makeStudentIn(cls.id, { displayName: name });
    const headers = { "Accept-Language": "zh-Hans" };
    const assign = await call(assignLoader, admin, `/teach/classes/${cls.id}/assignments`, { classId: cls.id }, { headers });
    expect(assign.students.map((x: { displayName: string }) => x.displayName)).toEqual(["李浩然", "吕梓萱", "张伟"]);
    const roster = await call(rosterLoader, admin, `/teach/classes/${cls.id}/roster`, { classId: cls.id }, { headers });
    expect(roster.students.map((x: { displayName: string }) => x.displayName)).toEqual(["李浩然", "吕梓萱", "张伟"]);
    const page = await getClassProgress(admin, cls.id, { sort: "name", show: "all", q: "", lessons: "all" }, { locale: "zh-Hans", t: translator("zh-Hans") });
    expect(page.students.map((x) => x.displayName)).toEqual(["李浩然", "吕梓萱", "张伟"]);
  });
});

describe("quiz insight", () => {
  it("counts first attempts only, with not-sure and overconfident shares", async () => {
    const opened = `tokens/${tokens.quiz[0]!.id}`;
    const { view } = await call(quizLoader, teacher, `/teach/classes/${classId}/quiz?lesson=tokens&question=${encodeURIComponent(opened)}&lang=en`, params());
    expect(view.openQuestion).toBe(opened);
    const q0 = view.questions.find((q) => q.questionId === tokens.quiz[0]!.id)!;
    // only the opened question carries its learners' rows; the others just their count
    expect(view.questions.filter((q) => q.learners.length > 0).map((q) => q.key)).toEqual([opened]);
    expect(view.questions.find((q) => q.questionId === tokens.quiz[1]!.id)!.learnerCount).toBe(3);
    // Ana (attempt 1 wrong guess), Eve (wrong sure), Finn (not sure), 王小明 (wrong guess), formula (right)
    expect(q0).toMatchObject({ firstAnswers: 5, right: 1, notSure: 1, overconfident: 1 });
    expect(q0.labels).toEqual({ right: "20%", notSure: "20%", overconfident: "20%" });
    const wrongId = tokens.quiz[0]!.content.en.choices.find((c) => !tokens.quiz[0]!.answer.includes(c.id))!.id;
    expect(q0.distribution.find((d) => d.key === wrongId)!.count).toBe(3);
    expect(q0.distribution.find((d) => d.key === tokens.quiz[0]!.answer[0])).toMatchObject({ count: 1, correct: true });
    expect(q0.distribution.find((d) => d.key === "not-sure")!.count).toBe(1);
    // Named by their text, never a letter: every learner saw the choices in their own order.
    const wrongText = tokens.quiz[0]!.content.en.choices.find((c) => c.id === wrongId)!.text;
    expect(q0.distribution.find((d) => d.key === wrongId)!.label).toBe(wrongText);
    expect(q0.learners.find((l) => l.displayName === "Eve")!.attempts[1]!.answer).toBe(
      tokens.quiz[0]!.content.en.choices.find((c) => c.id === tokens.quiz[0]!.answer[0])!.text,
    );
    // each learner's attempts: Eve has two
    expect(q0.learners.find((l) => l.displayName === "Eve")!.attempts.map((a) => a.resultLabel)).toEqual(["Wrong", "Right"]);
  });

  it("ranks robustly, and ranks questions with few answers too, marked so", async () => {
    const { view } = await call(quizLoader, teacher, `/teach/classes/${classId}/quiz?lesson=tokens`, params());
    const ids = view.questions.map((q) => q.questionId);
    const q0 = view.questions.find((q) => q.questionId === tokens.quiz[0]!.id)!;
    const q1 = view.questions.find((q) => q.questionId === tokens.quiz[1]!.id)!;
    expect(q0.difficulty).toBeCloseTo(wilsonLower(4, 5), 6);
    expect(q0.fewAnswers).toBe(false);
    // q1: Eve, Finn, and Ana's attempt 1 — three first answers, all wrong: ranked, marked "few answers",
    // and (3 of 3 missing being strong evidence even so) above q0's 4 of 5
    expect(q1.firstAnswers).toBe(3);
    expect(q1.fewAnswers).toBe(true);
    expect(q1.difficulty).toBeCloseTo(wilsonLower(3, 3), 6);
    expect(ids.indexOf(q1.questionId)).toBeLessThan(ids.indexOf(q0.questionId));
    // a question only Ana answered first (1 of 1 missing) ranks below q0: one answer is weak evidence
    const single = view.questions.find((q) => q.questionId === tokens.quiz[5]!.id)!;
    expect(single).toMatchObject({ firstAnswers: 1, fewAnswers: true });
    expect(ids.indexOf(single.questionId)).toBeGreaterThan(ids.indexOf(q0.questionId));
    expect(wilsonLower(15, 20)).toBeGreaterThan(wilsonLower(2, 2));
  });

  it("leaves a lesson with no answers empty and says so", async () => {
    const { view } = await call(quizLoader, teacher, `/teach/classes/${classId}/quiz?lesson=responsible-ai`, params());
    const lesson = getLesson("responsible-ai")!;
    expect(view.questions).toEqual([]);
    expect(view.unanswered).toBe(lesson.quiz.length + lesson.checks.length);
    expect(view.calibration.total).toBe(0);
    expect(view.calibration.points.every((p) => p.accuracy === null)).toBe(true);
  });

  it("computes the class's calibration from first attempts with a confidence", async () => {
    const { view } = await call(quizLoader, teacher, `/teach/classes/${classId}/quiz?lang=en`, params());
    const level = (l: string) => view.calibration.points.find((p) => p.level === l)!;
    // first attempts: Ana 10 (guessing, wrong); Eve q0 sure wrong, q1 sure wrong; Finn q0 not sure,
    // q1 sure wrong; 王小明 q0 guessing wrong + checks (sure right, not sure, fairly sure wrong);
    // formula q0 fairly sure right
    expect(level("sure")).toMatchObject({ answers: 4, right: 1 });
    expect(level("fairly_sure")).toMatchObject({ answers: 2, right: 1 });
    expect(level("guessing")).toMatchObject({ answers: 11, right: 0 });
    expect(view.calibration.notSure).toBe(2);
    expect(view.calibration.sentence.length).toBeGreaterThan(20);
  });
});

describe("exports match the screen", () => {
  it("gradebook CSV = the page loader's rows, same filter and order, with BOM and neutralised formulas", async () => {
    const search = "?sort=progress&show=all&lang=en";
    const { view } = await call(progressLoader, teacher, `/teach/classes/${classId}${search}`, params());
    const res = (await call(gradebookLoader, teacher, `/teach/classes/${classId}/export/gradebook.csv${search}`, params())) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text);
    const [header, ...body] = rows;
    expect(header!.length).toBe(2 + 5 * view.lessons.length);
    // text as the page prints it (neutralised); points, maximum and percentage as plain numbers
    const { students } = await getClassProgress(teacher, classId, { sort: "progress", show: "all", q: "", lessons: "all" }, { locale: "en", t: en });
    const num = (n: number | null) => (n === null ? "" : String(Math.round(n * 10) / 10));
    const expected = view.students.map((st) => {
      const full = students.find((x) => x.id === st.id)!;
      return [
        neutralizeCell(st.displayName),
        neutralizeCell(st.username),
        ...full.cells.flatMap((c) => [
          neutralizeCell(c.label.status),
          num(c.score),
          String(c.questions),
          num(c.score === null ? null : (100 * c.score) / c.questions),
          c.label.completedAt,
        ]),
      ];
    });
    expect(body).toEqual(expected);
    // the formula-named student is inert in a spreadsheet; the Chinese name is intact
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain("王小明");
  });

  it("neutralises every formula trigger", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "  =1"]) expect(neutralizeCell(v).startsWith("'")).toBe(true);
    for (const v of ["Ana", "6.5/10", "王小明", "a=b"]) expect(neutralizeCell(v)).toBe(v);
    expect(toCsv([["=x", 'a"b', "c,d"]])).toBe(`${BOM}'=x,"a""b","c,d"\r\n`);
  });

  it("responses CSV has one row per answer and the same answer text as the quiz page", async () => {
    const res = (await call(responsesLoader, teacher, `/teach/classes/${classId}/export/responses.csv?lang=en`, params())) as Response;
    const rows = parseCsv(await res.text());
    const [count] = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from quiz_answers qa join enrollments e on e.student_id = qa.user_id where e.class_id = ${classId}`);
    expect(rows.length - 1).toBe(count!.n);
    const { view } = await call(quizLoader, teacher, `/teach/classes/${classId}/quiz?question=tokens/${tokens.quiz[0]!.id}&lang=en`, params());
    const eve = view.questions.find((q) => q.questionId === tokens.quiz[0]!.id)!.learners.find((l) => l.displayName === "Eve")!;
    const eveRows = rows.filter((r) => r[0] === "Eve" && r[3] === tokens.quiz[0]!.id);
    expect(eveRows.map((r) => [r[6], r[7], r[8], r[9]])).toEqual(eve.attempts.map((a) => [String(a.attempt), a.answer, a.confidenceLabel, a.resultLabel]));
  });

  it("class JSON carries progress, answers and assignments", async () => {
    const res = (await call(classJsonLoader, teacher, `/teach/classes/${classId}/export/class.json`, params())) as Response;
    const body = (await res.json()) as { students: { displayName: string; lessons: { lesson: string; status: string }[] }[]; answers: unknown[]; assignments: unknown[] };
    expect(body.students).toHaveLength(6);
    expect(body.students.find((x) => x.displayName === "Ana")!.lessons.find((l) => l.lesson === "tokens")!.status).toBe("completed");
    expect(body.assignments).toHaveLength(1);
    expect(body.answers.length).toBeGreaterThan(20);
    // Each answer names its choices by text too (ids alone mean nothing to a reader).
    const first = (body.answers as { lesson: string; questionId: string; choices: string[]; choiceTexts: string[] }[]).find((a) => a.choices.length > 0)!;
    const question = getLesson(first.lesson)!;
    const choices = [...question.checks, ...question.quiz].find((q) => q.id === first.questionId)!.content.en.choices;
    expect(first.choiceTexts).toEqual(first.choices.map((id) => choices.find((c) => c.id === id)!.text));
  });
});

describe("student page", () => {
  it("shows timeline, lessons, answers, usage and transcripts with the flag highlighted", async () => {
    const { view } = await call(studentLoader, teacher, `/teach/classes/${classId}/students/${s.ana.id}?lang=en`, { classId, studentId: s.ana.id });
    expect(view.lessons.find((l) => l.slug === "tokens")).toMatchObject({ state: "completed", score: "6.5/10", stepsDone: tokens.content.en.steps.length });
    expect(view.timeline.length).toBeGreaterThan(0);
    // only this class's conversations
    expect(view.transcripts).toHaveLength(1);
    expect(view.transcripts[0]!.messages[0]).toMatchObject({ flagged: true, flagStatus: "open", flagLabels: ["personal data"] });
    expect(view.usage.days).toHaveLength(14);
    expect(view.usage.totalMessages).toBe(1);
    expect(view.usage.totalTokens).toBe(60);
  });

  it("is a 404 for a student outside the class", async () => {
    const outsider = await makeStudentIn(otherClassId);
    await expect404(call(studentLoader, teacher, `/teach/classes/${classId}/students/${outsider.id}`, { classId, studentId: outsider.id }));
  });
});

describe("another teacher's class is a 404, everywhere", () => {
  it("refuses every dashboard view and export", async () => {
    const p = params();
    const base = `/teach/classes/${classId}`;
    await expect404(call(progressLoader, otherTeacher, base, p));
    await expect404(call(quizLoader, otherTeacher, `${base}/quiz`, p));
    await expect404(call(assignLoader, otherTeacher, `${base}/assignments`, p));
    await expect404(call(reportLoader, otherTeacher, `${base}/report`, p));
    await expect404(call(gradebookLoader, otherTeacher, `${base}/export/gradebook.csv`, p));
    await expect404(call(responsesLoader, otherTeacher, `${base}/export/responses.csv`, p));
    await expect404(call(classJsonLoader, otherTeacher, `${base}/export/class.json`, p));
    await expect404(call(studentLoader, otherTeacher, `${base}/students/${s.ana.id}`, { classId, studentId: s.ana.id }));
    await expect404(call(assignAction, otherTeacher, `${base}/assignments`, p, { form: { lesson: "tokens", target: "class" } }));
    await expect404(call(flagAction, otherTeacher, `${base}/flags`, p, { form: { messageId: flaggedMessageId, decision: "dismissed" } }));
    // a student of the class is not a teacher of it
    await expect404(call(progressLoader, s.ana, base, p));
    const [flag] = await db().execute<{ flag_status: string }>(sql`select flag_status from playground_messages where id = ${flaggedMessageId}`);
    expect(flag!.flag_status).toBe("open");
  });

  it("lets the admin read any class of the school, and only there", async () => {
    const { view } = await call(adminClassLoader, admin, `/admin/classes/${classId}`, params());
    expect(view.totalStudents).toBe(6);
    const other = await makeSchool();
    await expect404(call(adminClassLoader, other.admin, `/admin/classes/${classId}`, params()));
    const { overview } = await call(adminLoader, admin, "/admin", {});
    expect(overview.classes.find((c) => c.id === classId)).toMatchObject({ students: 6, completedLessons: 1, openFlags: 1 });
  });
});

describe("flags and assignments", () => {
  it("a dismissed flag leaves the open list but stays logged", async () => {
    const res = (await call(flagAction, teacher, `/teach/classes/${classId}/flags`, params(), {
      form: { messageId: flaggedMessageId, decision: "dismissed" },
    }).catch((e: unknown) => e)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/teach/classes/${classId}/playground?flag=dismissed#flags`);
    const list = await listFlaggedExchanges(teacher, classId, { locale: "en", t: en });
    expect(list.open).toEqual([]);
    expect(list.decided).toEqual([expect.objectContaining({ messageId: flaggedMessageId, status: "dismissed" })]);
    expect(list.decided[0]!.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(list.decided[0]!.decisionLabel).toMatch(/^Dismissed \d{4}-/);
    const [log] = await db().execute<{ n: number }>(sql`
      select count(*)::int as n from activity_log where actor_id = ${teacher.id} and verb = 'dismissed-flag' and object_id = ${flaggedMessageId}`);
    expect(log!.n).toBe(1);
    // invalid input changes nothing and says so
    const bad = (await call(flagAction, teacher, `/teach/classes/${classId}/flags`, params(), { form: { messageId: "nope", decision: "delete" } }).catch(
      (e: unknown) => e,
    )) as Response;
    expect(bad.headers.get("Location")).toContain("flag=invalid");
  });

  it("assigns to chosen students with a due date, marks overdue, and rejects bad input without writing", async () => {
    const before = await db().execute<{ n: number }>(sql`select count(*)::int as n from assignments where class_id = ${classId}`);
    const bad = await call(assignAction, teacher, `/teach/classes/${classId}/assignments?lang=en`, params(), {
      form: { lesson: "no-such-lesson", target: "students", due: "31/02/2025" },
    });
    expect((bad as unknown as { data: { errors: Record<string, string> } }).data.errors).toMatchObject({
      lesson: "teach.dash.assign.lessonRequired",
      due: "teach.dash.assign.dueInvalid",
    });
    const after = await db().execute<{ n: number }>(sql`select count(*)::int as n from assignments where class_id = ${classId}`);
    expect(after[0]!.n).toBe(before[0]!.n);

    const tomorrow = new Date(now + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, "0")}-${String(tomorrow.getDate()).padStart(2, "0")}`;
    await call(assignAction, teacher, `/teach/classes/${classId}/assignments`, params(), {
      form: { lesson: "tokens", target: "students", due: day, students: [s.ana.id, s.ben.id] },
    });
    // a day later, the due moment has passed (the form refuses a due date already in the past)
    await db().execute(sql`update assignments set due_at = ${new Date(now - 86_400_000).toISOString()}::timestamptz where class_id = ${classId} and lesson_slug = 'tokens'`);
    const { assignments } = await call(assignLoader, teacher, `/teach/classes/${classId}/assignments?lang=en`, params());
    const a = assignments.find((x) => x.lesson === "tokens")!;
    expect(a).toMatchObject({ wholeClass: false, assigned: 2, completed: 1, overdue: 1, overdueNames: ["Ben"] });
  });
});

describe("who is struggling: scores, \"not sure\" and active time", () => {
  // A class of its own, so the signals above keep their counts.
  let cls: string;
  const st: Record<"low" | "unsure" | "overnight" | "busy" | "between" | "back", SessionUser> = {} as never;
  const ALL = { sort: "name", show: "all", q: "", lessons: "all" } as const;
  const HOUR = 60;

  beforeAll(async () => {
    cls = (await makeClass(teacher, "Signals")).id;
    for (const key of Object.keys({ low: 1, unsure: 1, overnight: 1, busy: 1, between: 1, back: 1 }) as (keyof typeof st)[]) {
      st[key] = await makeStudentIn(cls, { displayName: `S-${key}` });
    }
    const tokenSteps = tokens.content.en.steps.map((x) => x.id);
    const finished = { status: "completed" as const, currentStep: "_quiz", stepsDone: [...tokenSteps, "_quiz"], started: ago(20 * HOUR), updated: ago(18 * HOUR), completed: ago(18 * HOUR) };
    // low: submitted the tokens quiz with 1 of 10 right (wrong answers marked "guessing": 0 points)
    // unsure: 7 right and 3 honest "I'm not sure" → 7/10, not low, but 3 "not sure"
    // between: all right, finished tokens yesterday and has not opened the next lesson
    for (const [key, outcome] of [["low", (i: number) => (i === 0 ? "right" : "wrong")], ["unsure", (i: number) => (i < 3 ? "notSure" : "right")], ["between", () => "right"]] as const) {
      await progress(st[key], "tokens", { ...finished, active: 2 * 3600 });
      for (let i = 0; i < tokens.quiz.length; i++) {
        const o = outcome(i);
        await answer(st[key], "tokens", tokens.quiz[i]!.id, {
          choices: o === "right" ? [rightChoice(tokens, i)] : o === "wrong" ? [wrongChoice(tokens, i)] : [],
          notSure: o === "notSure",
          confidence: o === "wrong" ? "guessing" : "sure",
          correct: o === "right",
          at: ago(18 * HOUR),
        });
      }
    }
    const llmSteps = llm.content.en.steps.map((x) => x.id);
    // overnight: finished step 1 yesterday afternoon after 2 active minutes, came back this morning
    // and has spent 2 more active minutes on step 2: 16 wall-clock hours, but not stuck
    await progress(st.overnight, "what-is-an-llm", { currentStep: llmSteps[1]!, stepsDone: [llmSteps[0]!], active: 240, started: ago(16 * HOUR + 2), updated: ago(5) });
    await activity(st.overnight, "completed-step", "step", `what-is-an-llm#${llmSteps[0]}`, ago(16 * HOUR), { activeSeconds: 120 });
    // busy: 40 active minutes on step 2 without finishing it → stuck
    await progress(st.busy, "what-is-an-llm", { currentStep: llmSteps[1]!, stepsDone: [llmSteps[0]!], active: 120 + 40 * 60, started: ago(45), updated: ago(1) });
    await activity(st.busy, "completed-step", "step", `what-is-an-llm#${llmSteps[0]}`, ago(42), { activeSeconds: 120 });
    // back: reached step 5, then went back to re-read step 2; seen only through an active-time ping
    await progress(st.back, "what-is-an-llm", { currentStep: llmSteps[1]!, stepsDone: llmSteps.slice(0, 4), active: 600, started: ago(3 * HOUR), updated: ago(7) });
  });

  const viewOf = () => getClassProgress(teacher, cls, ALL, { locale: "en", t: en });
  const student = (view: Awaited<ReturnType<typeof viewOf>>, key: keyof typeof st) => view.students.find((x) => x.id === st[key].id)!;

  it("a low quiz score and repeated \"not sure\" are reasons in \"may need help\", and the low score is marked in words", async () => {
    const page = await call(progressLoader, teacher, `/teach/classes/${cls}?lang=en`, { classId: cls });
    const signals = (key: keyof typeof st) => page.view.students.find((x) => x.id === st[key].id)!.signals;
    // (her last nine answers were not right: the streak signal stands beside it)
    expect(signals("low")).toEqual([
      { kind: "wrong-streak", label: expect.any(String) },
      { kind: "low-score", label: "Quiz score under 50%: lesson 2 (1/10)" },
    ]);
    expect(signals("unsure")).toEqual([{ kind: "not-sure", label: "“I'm not sure” 3 or more times in one quiz: lesson 2 (3 times)" }]);
    expect(signals("between")).toEqual([]);
    const cell = (key: keyof typeof st) => page.view.students.find((x) => x.id === st[key].id)!.cells.find((c) => c.lesson === "tokens")!;
    expect(cell("low")).toMatchObject({ lowScore: true, label: { status: "Completed", score: "1/10", lowScore: "Low score" } });
    expect(cell("unsure")).toMatchObject({ lowScore: false, label: { score: "7/10" } });
    expect(cell("unsure").label.lowScore).toBeUndefined();
    expect(page.rulesText).toContain("under 50%");
  });

  it("the teacher sets the class's threshold; bad input says why and writes nothing", async () => {
    const bad = (await call(settingsAction, teacher, `/teach/classes/${cls}/settings?lang=en`, { classId: cls }, { form: { intent: "low-score", lowScorePercent: "abc" } })) as unknown as {
      data: { errors: Record<string, string> };
      init: { status: number };
    };
    expect(bad.init.status).toBe(400);
    expect(bad.data.errors).toEqual({ lowScorePercent: "teach.settings.lowScoreInvalid" });
    await call(settingsAction, teacher, `/teach/classes/${cls}/settings`, { classId: cls }, { form: { intent: "low-score", lowScorePercent: "101" } });
    expect(student(await viewOf(), "unsure").signals.map((x) => x.kind)).toEqual(["not-sure"]);
    // 80%: 7/10 is now low too
    await call(settingsAction, teacher, `/teach/classes/${cls}/settings`, { classId: cls }, { form: { intent: "low-score", lowScorePercent: "80" } });
    const view = await viewOf();
    expect(view.lowScorePercent).toBe(80);
    expect(student(view, "unsure").signals.map((x) => x.kind)).toEqual(["low-score", "not-sure"]);
    await expect404(call(settingsAction, otherTeacher, `/teach/classes/${cls}/settings`, { classId: cls }, { form: { intent: "low-score", lowScorePercent: "10" } }));
    await call(settingsAction, teacher, `/teach/classes/${cls}/settings`, { classId: cls }, { form: { intent: "low-score", lowScorePercent: "50" } });
  });

  it("stuck counts active time on the step: idle overnight is not stuck, 40 active minutes is", async () => {
    const view = await viewOf();
    expect(student(view, "overnight").signals).toEqual([]);
    const stuck = student(view, "busy").signals.find((x) => x.kind === "stuck");
    expect(stuck).toMatchObject({ kind: "stuck", lesson: "what-is-an-llm", minutes: 40 });
    expect(stuck!.label).toMatch(/^Step 2 of “.+” not finished after 40 min of active time \(the class usually needs about \d+ min\); last there 1 minute ago$/);
  });

  it("a student between lessons is not stuck", async () => {
    const between = student(await viewOf(), "between");
    expect(between.signals).toEqual([]);
    expect(between.whereLabel).toMatch(/^Finished/);
  });

  it("the matrix shows the furthest step reached; \"where now\" the step they are on", async () => {
    const back = student(await viewOf(), "back");
    const cell = back.cells.find((c) => c.lesson === "what-is-an-llm")!;
    expect(cell).toMatchObject({ step: 5, label: expect.objectContaining({ status: `Step 5 of ${llmSteps()}` }) });
    expect(back.where).toMatchObject({ lesson: "what-is-an-llm", step: 2 });
  });

  it("\"last seen\" is one definition: the class page and the student page agree", async () => {
    const page = await call(progressLoader, teacher, `/teach/classes/${cls}?lang=en`, { classId: cls });
    const { view } = await call(studentLoader, teacher, `/teach/classes/${cls}/students/${st.back.id}?lang=en`, { classId: cls, studentId: st.back.id });
    // S-back's only sign of life is an active-time ping (no activity row) 7 minutes ago
    expect(page.view.students.find((x) => x.id === st.back.id)!.lastSeenLabel).toBe("7 minutes ago");
    expect(view.student.lastSeen).toBe("7 minutes ago");
  });

  it("quiz insight ranks questions with only 3 first answers, marked \"few answers\"", async () => {
    const { view } = await call(quizLoader, teacher, `/teach/classes/${cls}/quiz?lesson=tokens&lang=en`, { classId: cls });
    const q = (i: number) => view.questions.find((x) => x.questionId === tokens.quiz[i]!.id)!;
    // q1: low wrong, unsure "not sure", between right → 2 of 3 not right; q5: all three right
    expect(q(1)).toMatchObject({ firstAnswers: 3, right: 1, fewAnswers: true });
    expect(q(1).difficulty).toBeCloseTo(wilsonLower(2, 3), 6);
    expect(q(5)).toMatchObject({ firstAnswers: 3, right: 2, fewAnswers: true });
    const order = view.questions.map((x) => x.questionId);
    expect(order.indexOf(q(1).questionId)).toBeLessThan(order.indexOf(q(5).questionId));
    expect(view.questions.every((x) => typeof x.difficulty === "number")).toBe(true);
  });

  it("a finished step records the lesson's active seconds, which the stuck rule reads", async () => {
    const learner = await makeStudentIn(cls);
    const steps = llm.content.en.steps.map((x) => x.id);
    await completeStep(learner, { lessonSlug: "what-is-an-llm", stepId: steps[0]!, nextStep: steps[1]!, requiredSteps: [...steps, "_quiz"], activeSeconds: 30 });
    const [row] = await db().execute<{ result: { activeSeconds: number } }>(sql`
      select result from activity_log where actor_id = ${learner.id} and verb = 'completed-step'`);
    expect(row!.result.activeSeconds).toBe(30);
  });
});

describe("a fixed number of queries, whatever the class size", () => {
  /** Runs `fn` on a connection that counts the statements sent to PostgreSQL. */
  async function countQueries(fn: () => Promise<unknown>): Promise<number> {
    let count = 0;
    const original = connection();
    const url = process.env.LANTERN_TEST_DATABASE_URL!;
    const client = postgres(url, { max: 4, onnotice: () => {}, debug: () => void count++ });
    const counting: Connection = { url, sql: client, db: drizzle(client, { schema }) as Connection["db"], close: () => client.end() };
    registerDatabase(counting);
    try {
      await fn();
    } finally {
      registerDatabase(original);
      await client.end();
    }
    return count;
  }

  async function classOf(size: number) {
    const cls = await makeClass(teacher, `Size ${size}`);
    for (let i = 0; i < size; i++) {
      const st = await makeStudentIn(cls.id, { displayName: `Student ${i}` });
      await progress(st, "tokens", { currentStep: tokens.content.en.steps[1]!.id, started: ago(30), updated: ago(5) });
      await answer(st, "tokens", tokens.quiz[0]!.id, { correct: i % 2 === 0, choices: [rightChoice(tokens, 0)], at: ago(4) });
      await activity(st, "completed-step", "step", `tokens#${tokens.content.en.steps[0]!.id}`, ago(10));
    }
    return cls.id;
  }

  it("class page, quiz insight and student page loaders run the same number of queries for 2 and 30 students", async () => {
    const small = await classOf(2);
    const large = await classOf(30);
    const counts: Record<string, number[]> = { progress: [], quiz: [], student: [] };
    for (const id of [small, large]) {
      const [first] = await db().execute<{ student_id: string }>(sql`select student_id from enrollments where class_id = ${id} limit 1`);
      const progressReq = await requestAs(teacher, `/teach/classes/${id}`);
      const quizReq = await requestAs(teacher, `/teach/classes/${id}/quiz`);
      const studentReq = await requestAs(teacher, `/teach/classes/${id}/students/${first!.student_id}`);
      counts.progress!.push(await countQueries(() => progressLoader({ request: progressReq, params: { classId: id }, context: {} } as never)));
      counts.quiz!.push(await countQueries(() => quizLoader({ request: quizReq, params: { classId: id }, context: {} } as never)));
      counts.student!.push(
        await countQueries(() => studentLoader({ request: studentReq, params: { classId: id, studentId: first!.student_id }, context: {} } as never)),
      );
    }
    for (const [view, [a, b]] of Object.entries(counts)) {
      expect(a, view).toBe(b);
      // the class page reads its class in two halves side by side, each on its own connection
      // (where a fresh connection first describes the statement), and its first load of a class
      // also reads the step medians (then once a minute)
      expect(a, view).toBeLessThanOrEqual(view === "progress" ? 8 : 5);
    }
  });
});

afterAll(() => {
  // nothing to clean: the file's database is dropped by tests/setup/file-db.ts
});
