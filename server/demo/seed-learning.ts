/**
 * Varied demo progress for the demo class, so the student home and the teacher's dashboards have
 * something true-to-life to show. Six students, six stories:
 *   1 Ada        finished three lessons, well calibrated, now in lesson 4
 *   2 Bo         stuck in the middle of lesson 1 (a check missed twice, then nothing for days)
 *   3 Chen Jing  finished two lessons, overconfident: many wrong answers given as "sure"
 *   4 Dev        finished two lessons, says "I'm not sure" honestly instead of guessing
 *   5 Elena      no activity at all
 *   6 Fang       finished lesson 1 with mixed results, just started lesson 2
 * plus three assignments (one overdue, one due soon, one for two students only).
 *
 * Rows are written directly in a few bulk inserts (fast, deterministic), shaped exactly as the
 * progress and quiz models write them (see the comments in app/models/progress.server.ts and
 * quiz.server.ts), with the matching activity-log statements.
 */
import { assignmentStudents, assignments, activityLog, lessonProgress, quizAnswers } from "../../db/schema";
import type { Connection } from "../../db/client";

type Outcome = "right" | "wrong" | "notSure";
type Confidence = "sure" | "fairly_sure" | "guessing";
type Answerer = (rand: () => number) => { outcome: Outcome; confidence: Confidence | null };

interface QuestionLike {
  id: string;
  type: "single" | "multiple" | "text";
  answer: string[];
  content: { en: { choices: { id: string }[]; accepted: string[] } };
}
interface LessonLike {
  slug: string;
  minutes: number;
  content: { en: { steps: { id: string }[] } };
  checks: QuestionLike[];
  quiz: QuestionLike[];
}

const QUIZ_STEP = "_quiz";
const DAY = 86_400_000;
const MINUTE = 60_000;

/** A small seeded generator: the demo looks the same on every installation. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const calibrated: Answerer = (r) => {
  const x = r();
  if (x < 0.72) return { outcome: "right", confidence: "sure" };
  if (x < 0.86) return { outcome: "right", confidence: "fairly_sure" };
  if (x < 0.92) return { outcome: "wrong", confidence: "guessing" };
  if (x < 0.95) return { outcome: "right", confidence: "guessing" };
  return { outcome: "notSure", confidence: null };
};
const overconfident: Answerer = (r) => {
  const x = r();
  if (x < 0.5) return { outcome: "right", confidence: "sure" };
  if (x < 0.82) return { outcome: "wrong", confidence: "sure" };
  return { outcome: "wrong", confidence: "fairly_sure" };
};
const honest: Answerer = (r) => {
  const x = r();
  if (x < 0.45) return { outcome: "right", confidence: "sure" };
  if (x < 0.62) return { outcome: "right", confidence: "fairly_sure" };
  if (x < 0.88) return { outcome: "notSure", confidence: null };
  return { outcome: "wrong", confidence: "guessing" };
};
const mixed: Answerer = (r) => {
  const x = r();
  if (x < 0.4) return { outcome: "right", confidence: "fairly_sure" };
  if (x < 0.6) return { outcome: "right", confidence: "guessing" };
  if (x < 0.75) return { outcome: "wrong", confidence: "fairly_sure" };
  if (x < 0.9) return { outcome: "wrong", confidence: "guessing" };
  return { outcome: "notSure", confidence: null };
};
const missesEverything: Answerer = () => ({ outcome: "wrong", confidence: "guessing" });

interface Plan {
  lesson: number;
  /** Steps done in order (all = every step). */
  steps: number | "all";
  /** Quiz attempts, each answered by this answerer. */
  quizAttempts: Answerer[];
  checks: Answerer;
  /** When the learner started it, days ago. */
  startedDaysAgo: number;
}

export async function seedDemoLearning(
  conn: Connection,
  demo: { classId: string; teacherId: string; studentIds: string[] },
): Promise<void> {
  let lessons: LessonLike[];
  /** By lesson slug: the step that places each check (course-index.ts). */
  let stepOfCheck: ReadonlyMap<string, ReadonlyMap<string, string>>;
  try {
    const { getCourse } = await import("~/course/course.server");
    const { lessonIndex } = await import("~/course/course-index");
    const course = getCourse();
    lessons = course.lessons as unknown as LessonLike[];
    stepOfCheck = new Map(course.lessons.map((lesson) => [lesson.slug, lessonIndex(lesson).stepOfCheck]));
  } catch {
    return; // no compiled course (a bare database tool run): the demo simply has no progress
  }
  if (lessons.length < 4) return;
  const [ada, bo, chen, dev, _elena, fang] = demo.studentIds;
  const plans: [string | undefined, Plan[]][] = [
    [
      ada,
      [
        { lesson: 0, steps: "all", quizAttempts: [calibrated], checks: calibrated, startedDaysAgo: 12 },
        { lesson: 1, steps: "all", quizAttempts: [calibrated], checks: calibrated, startedDaysAgo: 9 },
        { lesson: 2, steps: "all", quizAttempts: [calibrated, calibrated], checks: calibrated, startedDaysAgo: 5 },
        { lesson: 3, steps: 3, quizAttempts: [], checks: calibrated, startedDaysAgo: 1 },
      ],
    ],
    [bo, [{ lesson: 0, steps: 3, quizAttempts: [], checks: missesEverything, startedDaysAgo: 6 }]],
    [
      chen,
      [
        { lesson: 0, steps: "all", quizAttempts: [overconfident, overconfident], checks: overconfident, startedDaysAgo: 10 },
        { lesson: 1, steps: "all", quizAttempts: [overconfident], checks: overconfident, startedDaysAgo: 4 },
      ],
    ],
    [
      dev,
      [
        { lesson: 0, steps: "all", quizAttempts: [honest], checks: honest, startedDaysAgo: 11 },
        { lesson: 1, steps: "all", quizAttempts: [honest], checks: honest, startedDaysAgo: 3 },
      ],
    ],
    [
      fang,
      [
        { lesson: 0, steps: "all", quizAttempts: [mixed], checks: mixed, startedDaysAgo: 8 },
        { lesson: 1, steps: 1, quizAttempts: [], checks: mixed, startedDaysAgo: 0.2 },
      ],
    ],
  ];

  const now = Date.now();
  const progressRows: (typeof lessonProgress.$inferInsert)[] = [];
  const answerRows: (typeof quizAnswers.$inferInsert)[] = [];
  const logRows: (typeof activityLog.$inferInsert)[] = [];

  plans.forEach(([userId, studentPlans], studentIndex) => {
    if (!userId) return;
    const rand = random(20_250 + studentIndex);
    for (const plan of studentPlans) {
      const lesson = lessons[plan.lesson];
      if (!lesson) continue;
      const stepIds = lesson.content.en.steps.map((s) => s.id);
      const doneCount = plan.steps === "all" ? stepIds.length : Math.min(plan.steps, stepIds.length);
      let t = now - plan.startedDaysAgo * DAY;
      const startedAt = new Date(t);
      const log = (verb: string, objectType: string, objectId: string, result: Record<string, unknown> | null = null) =>
        logRows.push({ actorId: userId, verb, objectType, objectId, result, createdAt: new Date(t) });
      let activeSeconds = 0;
      const stepsDone: string[] = [];

      stepIds.slice(0, doneCount + (plan.steps === "all" ? 0 : 1)).forEach((stepId, i) => {
        const minutes = 2 + Math.floor(rand() * 4);
        t += minutes * MINUTE;
        activeSeconds += Math.round(minutes * 60 * (0.7 + rand() * 0.25));
        // Checks placed in this step.
        const stepChecks = lesson.checks.filter((q) => stepOfCheck.get(lesson.slug)?.get(q.id) === stepId);
        for (const q of stepChecks) {
          const first = plan.checks(rand);
          answerRows.push(answerRow(userId, lesson.slug, q, "check", 1, first, new Date(t)));
          log("answered", "question", q.id, answerResult(lesson.slug, "check", 1, first));
          if (first.outcome !== "right") {
            const second = plan.checks(rand);
            answerRows.push(answerRow(userId, lesson.slug, q, "check", 2, second, new Date(t + MINUTE)));
            log("answered", "question", q.id, answerResult(lesson.slug, "check", 2, second));
          }
        }
        if (i < doneCount) {
          if (i === 0) log("started", "lesson", lesson.slug);
          stepsDone.push(stepId);
          // as the engine writes it (progress.server.ts): the lesson's active seconds at that moment
          log("completed-step", "step", `${lesson.slug}#${stepId}`, { activeSeconds });
        }
      });

      let allRight = false;
      plan.quizAttempts.forEach((answerer, attemptIndex) => {
        const attempt = attemptIndex + 1;
        if (allRight) return; // no second attempt after a perfect first one
        t += (6 + Math.floor(rand() * 5)) * MINUTE;
        activeSeconds += 300 + Math.floor(rand() * 240);
        let score = 0;
        let overconfidentCount = 0;
        allRight = true;
        for (const q of lesson.quiz) {
          const a = answerer(rand);
          if (a.outcome !== "right") allRight = false;
          answerRows.push(answerRow(userId, lesson.slug, q, "quiz", attempt, a, new Date(t)));
          log("answered", "question", q.id, answerResult(lesson.slug, "quiz", attempt, a));
          if (a.outcome === "right") score += 1;
          else if (a.outcome === "wrong" && (a.confidence === "sure" || a.confidence === "fairly_sure")) {
            score -= 0.5;
            overconfidentCount++;
          }
        }
        if (attempt === 1) {
          stepsDone.push(QUIZ_STEP);
          log("completed-step", "step", `${lesson.slug}#${QUIZ_STEP}`, {
            attempt,
            score: Math.max(0, score),
            maxScore: lesson.quiz.length,
            overconfident: overconfidentCount,
            activeSeconds,
          });
        }
      });

      const completed = stepsDone.length === stepIds.length + (lesson.quiz.length > 0 ? 1 : 0);
      if (completed) log("completed", "lesson", lesson.slug, { activeSeconds });
      progressRows.push({
        userId,
        lessonSlug: lesson.slug,
        stepsDone,
        currentStep: completed ? QUIZ_STEP : (stepIds[Math.min(doneCount, stepIds.length - 1)] ?? null),
        status: completed ? "completed" : "in_progress",
        activeSeconds,
        startedAt,
        completedAt: completed ? new Date(t) : null,
        updatedAt: new Date(t),
      });
    }
  });

  await conn.db.transaction(async (tx) => {
    if (progressRows.length) await tx.insert(lessonProgress).values(progressRows);
    if (answerRows.length) await tx.insert(quizAnswers).values(answerRows);
    if (logRows.length) await tx.insert(activityLog).values(logRows);
    const slug = (i: number) => lessons[i]?.slug ?? lessons[0]!.slug;
    // Due at 5 pm (server time), as a teacher would set it.
    const dueIn = (days: number) => {
      const d = new Date(now + days * DAY);
      d.setHours(17, 0, 0, 0);
      return d;
    };
    const made = await tx
      .insert(assignments)
      .values([
        { classId: demo.classId, lessonSlug: slug(0), dueAt: dueIn(-7), createdBy: demo.teacherId, createdAt: new Date(now - 14 * DAY) },
        { classId: demo.classId, lessonSlug: slug(1), dueAt: dueIn(5), createdBy: demo.teacherId, createdAt: new Date(now - 7 * DAY) },
        { classId: demo.classId, lessonSlug: slug(4), dueAt: null, wholeClass: false, createdBy: demo.teacherId, createdAt: new Date(now - 2 * DAY) },
      ])
      .returning({ id: assignments.id });
    // The third assignment is for Bo and Elena only, to catch up.
    const catchUp = made[2]?.id;
    const only = [demo.studentIds[1], demo.studentIds[4]].filter((id): id is string => Boolean(id));
    if (catchUp && only.length) await tx.insert(assignmentStudents).values(only.map((studentId) => ({ assignmentId: catchUp, studentId })));
  });
}

function answerRow(
  userId: string,
  lessonSlug: string,
  q: QuestionLike,
  kind: "quiz" | "check",
  attempt: number,
  a: { outcome: Outcome; confidence: Confidence | null },
  createdAt: Date,
): typeof quizAnswers.$inferInsert {
  const notSure = a.outcome === "notSure";
  const wrongChoice = q.content.en.choices.map((c) => c.id).find((id) => !q.answer.includes(id));
  return {
    userId,
    lessonSlug,
    questionId: q.id,
    kind,
    attempt,
    choices: notSure || q.type === "text" ? [] : a.outcome === "right" ? q.answer : wrongChoice ? [wrongChoice] : [],
    textAnswer: q.type === "text" && !notSure ? (a.outcome === "right" ? (q.content.en.accepted[0] ?? "") : "I forgot") : null,
    notSure,
    confidence: notSure ? null : a.confidence,
    correct: a.outcome === "right",
    createdAt,
  };
}

function answerResult(lesson: string, kind: "quiz" | "check", attempt: number, a: { outcome: Outcome; confidence: Confidence | null }) {
  return { lesson, kind, attempt, correct: a.outcome === "right", notSure: a.outcome === "notSure", confidence: a.outcome === "notSure" ? null : a.confidence };
}
