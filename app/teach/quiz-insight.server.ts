/**
 * Quiz insight for one class: per question the answer distribution, % right, % "not sure" and %
 * overconfident; the most difficult questions first; each learner's attempts; and the class's
 * calibration (confidence against accuracy). One aggregated SQL statement after the guard.
 *
 * "Difficult", robustly (the complaint about other tools is that a question two students
 * missed tops the list):
 * - only FIRST attempts count: a retry after reading the explanation says little about the question;
 * - ranked by a cautious estimate of how many miss it — the lower end of the 95% Wilson interval
 *   of the share not answering right ("not sure" counts as not right) — so 15 of 20 missing
 *   outranks 2 of 2: the estimate itself is humble about small numbers;
 * - every answered question is ranked, so a class of 6 still sees which questions went wrong; one
 *   with fewer than MIN_RANKED_ANSWERS first answers is marked "few answers".
 */
import { sql } from "drizzle-orm";
import { getCourse } from "~/course/course.server";
import { requireTeacherOf } from "~/models/classes.server";
import { overconfidentSql } from "~/models/quiz.server";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { attemptView, questionIndex, questionsOf, type AttemptView, type ResponseRow } from "./answer-views.server";
import { buildCalibration, type CalibrationCounts, type CalibrationView } from "./class-calibration.server";
import { formatPercent } from "./labels.server";
import type { ViewContext } from "./view-context.server";

/** Below this many first answers a question is marked "few answers" (still ranked). */
export const MIN_RANKED_ANSWERS = 5;

/** Lower end of the 95% Wilson score interval for a proportion k/n. */
export function wilsonLower(k: number, n: number, z = 1.96): number {
  if (n <= 0) return 0;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export interface DistributionBar {
  key: string;
  label: string;
  count: number;
  correct: boolean;
}

export interface LearnerAttempts {
  studentId: string;
  displayName: string;
  username: string;
  attempts: AttemptView[];
}

export interface QuestionInsight {
  key: string;
  lesson: string;
  lessonNumber: number;
  lessonTitle: string;
  questionId: string;
  kind: "quiz" | "check";
  prompt: string;
  firstAnswers: number;
  right: number;
  notSure: number;
  overconfident: number;
  labels: { right: string; notSure: string; overconfident: string };
  /** Wilson lower bound of the miss rate (first answers). */
  difficulty: number;
  /** Fewer than MIN_RANKED_ANSWERS first answers: ranked, but one student moves it a lot. */
  fewAnswers: boolean;
  distribution: DistributionBar[];
  /** How many learners answered it (first attempts or later). */
  learnerCount: number;
  /**
   * Each learner's attempts — only for the question the teacher opened (`?question=`), so the
   * page stays small for a big class; every attempt is in the responses CSV too.
   */
  learners: LearnerAttempts[];
}

export interface QuizInsightView {
  lessonFilter: string;
  /** The question whose learners' attempts are shown ("<lesson>/<question id>"), or "". */
  openQuestion: string;
  lessons: { slug: string; number: number; title: string }[];
  questions: QuestionInsight[];
  /** Questions of the shown lessons nobody in the class has answered yet. */
  unanswered: number;
  calibration: CalibrationView;
  minAnswers: number;
}

interface Aggregates {
  stats: { lesson: string; question: string; kind: "quiz" | "check"; n: number; right_n: number; not_sure_n: number; overconfident_n: number }[] | null;
  choices: { lesson: string; question: string; choice: string; n: number }[] | null;
  texts: { lesson: string; question: string; answer: string; n: number }[] | null;
  calibration: CalibrationCounts;
  not_sure: number;
  answers: ResponseRow[] | null;
  learner_counts: { lesson: string; question: string; n: number }[] | null;
}

/**
 * The class's answers, aggregated, in one statement. `lesson` narrows it to one lesson;
 * `attemptsOf`: whose individual answers to return as rows — every answer ("all", for the
 * responses CSV), one question's (its id), or none (null).
 */
async function queryQuizInsight(classId: string, lesson: string | null, attemptsOf: string | null): Promise<Aggregates> {
  const [row] = await db().execute<{ insight: Aggregates }>(sql`
    with roster as (
      select u.id, u.display_name, u.username
      from enrollments e join users u on u.id = e.student_id
      where e.class_id = ${classId}
    ),
    answers as (
      select qa.*, r.display_name, r.username,
             row_number() over (partition by qa.user_id, qa.question_id order by qa.attempt) as nth
      from roster r
      join quiz_answers qa on qa.user_id = r.id
      where ${lesson}::text is null or qa.lesson_slug = ${lesson}
    ),
    firsts as (select * from answers where nth = 1)
    select json_build_object(
      'stats', (
        select json_agg(s) from (
          select lesson_slug as lesson, question_id as question, kind, count(*)::int as n,
                 count(*) filter (where correct)::int as right_n,
                 count(*) filter (where not_sure)::int as not_sure_n,
                 count(*) filter (where ${overconfidentSql()})::int as overconfident_n
          from firsts group by lesson_slug, question_id, kind
        ) s),
      'choices', (
        select json_agg(c) from (
          select lesson_slug as lesson, question_id as question, choice, count(*)::int as n
          from firsts cross join lateral unnest(choices) as choice
          group by lesson_slug, question_id, choice
        ) c),
      'texts', (
        select json_agg(x) from (
          select lesson_slug as lesson, question_id as question, lower(btrim(text_answer)) as answer, count(*)::int as n
          from firsts where coalesce(btrim(text_answer), '') <> ''
          group by lesson_slug, question_id, lower(btrim(text_answer))
        ) x),
      'calibration', (
        select json_agg(k) from (
          select confidence, count(*)::int as n, count(*) filter (where correct)::int as right_n
          from firsts where not not_sure and confidence is not null
          group by confidence
        ) k),
      'not_sure', (select count(*)::int from firsts where not_sure),
      'learner_counts', (
        select json_agg(l) from (
          select lesson_slug as lesson, question_id as question, count(distinct user_id)::int as n
          from answers group by lesson_slug, question_id
        ) l),
      'answers', (
        select json_agg(json_build_object(
          'studentId', a.user_id, 'displayName', a.display_name, 'username', a.username,
          'lesson', a.lesson_slug, 'questionId', a.question_id, 'kind', a.kind, 'attempt', a.attempt,
          'choices', a.choices, 'textAnswer', a.text_answer, 'notSure', a.not_sure,
          'confidence', a.confidence, 'correct', a.correct, 'createdAt', a.created_at
        ) order by a.display_name, a.user_id, a.lesson_slug, a.question_id, a.attempt)
        from answers a
        where ${attemptsOf}::text = 'all' or a.question_id = ${attemptsOf}::text)
    ) as insight`);
  return row!.insight;
}

function rankQuestions(a: QuestionInsight, b: QuestionInsight): number {
  // hardest first; on a tie the better-supported one, then course order
  return b.difficulty - a.difficulty || b.firstAnswers - a.firstAnswers || a.lessonNumber - b.lessonNumber;
}

export async function getQuizInsight(
  teacher: SessionUser,
  classId: string,
  filter: { lesson: string; question?: string | null },
  ctx: ViewContext,
): Promise<QuizInsightView> {
  await requireTeacherOf(teacher, classId);
  return buildQuizInsight(classId, filter, ctx);
}

export async function buildQuizInsight(
  classId: string,
  filter: { lesson: string; question?: string | null },
  ctx: ViewContext,
): Promise<QuizInsightView> {
  const { locale, t } = ctx;
  const course = getCourse().lessons;
  const lesson = course.find((l) => l.slug === filter.lesson) ?? null;
  // only an id of the course may reach the query ("all" is not one: ids are "<slug>-…")
  const opened = filter.question && questionIndex().has(filter.question) ? filter.question.split("/")[1]! : null;
  const agg = await queryQuizInsight(classId, lesson?.slug ?? null, opened);
  const index = questionIndex();
  const answers = agg.answers ?? [];

  const learnersByQuestion = new Map<string, Map<string, LearnerAttempts>>();
  for (const a of answers) {
    const key = `${a.lesson}/${a.questionId}`;
    const learners = learnersByQuestion.get(key) ?? new Map<string, LearnerAttempts>();
    learnersByQuestion.set(key, learners);
    const entry = learners.get(a.studentId) ?? { studentId: a.studentId, displayName: a.displayName, username: a.username, attempts: [] };
    learners.set(a.studentId, entry);
    entry.attempts.push(attemptView(a, index.get(key)?.question, ctx));
  }

  const questions: QuestionInsight[] = [];
  for (const s of agg.stats ?? []) {
    const key = `${s.lesson}/${s.question}`;
    const found = index.get(key);
    // Answers to a question the course no longer has are kept in exports but not analysed here.
    if (!found) continue;
    const content = found.question.content[locale];
    // Labelled by text only: learners saw the choices in shuffled orders, so letters mean nothing.
    const distribution: DistributionBar[] = content.choices.map((c) => ({
      key: c.id,
      label: c.text,
      count: agg.choices?.find((x) => x.lesson === s.lesson && x.question === s.question && x.choice === c.id)?.n ?? 0,
      correct: found.question.answer.includes(c.id),
    }));
    if (found.question.type === "text") {
      const accepted = new Set(content.accepted.map((a) => a.trim().toLowerCase()));
      const texts = (agg.texts ?? []).filter((x) => x.lesson === s.lesson && x.question === s.question).sort((a, b) => b.n - a.n);
      for (const x of texts.slice(0, 6)) {
        distribution.push({ key: `text:${x.answer}`, label: x.answer, count: x.n, correct: accepted.has(x.answer) });
      }
    }
    distribution.push({ key: "not-sure", label: t("teach.dash.notSure"), count: s.not_sure_n, correct: false });
    questions.push({
      key,
      lesson: s.lesson,
      lessonNumber: found.lesson.number,
      lessonTitle: found.lesson.content[locale].title,
      questionId: s.question,
      kind: found.kind,
      prompt: content.prompt,
      firstAnswers: s.n,
      right: s.right_n,
      notSure: s.not_sure_n,
      overconfident: s.overconfident_n,
      labels: {
        right: formatPercent(s.right_n, s.n),
        notSure: formatPercent(s.not_sure_n, s.n),
        overconfident: formatPercent(s.overconfident_n, s.n),
      },
      difficulty: wilsonLower(s.n - s.right_n, s.n),
      fewAnswers: s.n < MIN_RANKED_ANSWERS,
      distribution,
      learnerCount: agg.learner_counts?.find((x) => x.lesson === s.lesson && x.question === s.question)?.n ?? 0,
      learners: [...(learnersByQuestion.get(key)?.values() ?? [])],
    });
  }
  questions.sort(rankQuestions);

  const shownLessons = lesson ? [lesson] : course;
  const totalQuestions = shownLessons.reduce((n, l) => n + questionsOf(l).length, 0);
  return {
    lessonFilter: lesson?.slug ?? "",
    openQuestion: opened ? filter.question! : "",
    lessons: course.map((l) => ({ slug: l.slug, number: l.number, title: l.content[locale].title })),
    questions,
    unanswered: Math.max(0, totalQuestions - questions.length),
    calibration: buildCalibration(agg.calibration, agg.not_sure, t, locale),
    minAnswers: MIN_RANKED_ANSWERS,
  };
}

/**
 * Every answer of the class, as flat rows in the teacher's language: the quiz responses CSV.
 * The per-learner attempt tables on the quiz page show the same rows.
 */
export async function getClassResponses(classId: string): Promise<ResponseRow[]> {
  const agg = await queryQuizInsight(classId, null, "all");
  return agg.answers ?? [];
}
