/**
 * Answers to inline checks and end-of-lesson quizzes: table `quiz_answers`.
 *
 * What the rows mean (for dashboards aggregating them in SQL):
 * - One row per (user_id, question_id, attempt) — a unique index; writes are INSERT … ON
 *   CONFLICT DO NOTHING, so a retried post or a second tab never stores an attempt twice (the
 *   first stored answer of an attempt stands). Question ids are unique across the course.
 * - `kind` is 'check' (inline question in a step) or 'quiz' (end-of-lesson quiz).
 * - `attempt` counts from 1. A quiz attempt answers every question of the quiz in one insert, so
 *   attempt n of a quiz has one row per question; a check's attempts are per question. At most
 *   DEFAULT_MAX_ATTEMPTS (2) attempts; no new attempt once a check is answered correctly or a
 *   quiz attempt is all correct. The first attempt (attempt = 1) is the learner's first try.
 * - `not_sure` = the learner chose "I'm not sure": then `correct` is false, `confidence` is null
 *   and `choices` is empty. Count "not sure" apart: it is neither right nor wrong.
 * - `correct` is true only for a right answer: single choice = the answer choice; multiple
 *   choice = exactly the set of answer choices; text = one of the accepted answers of any locale
 *   after normalisation (app/course/scoring.ts). Wrong = not correct and not not_sure.
 * - `confidence` ('sure' | 'fairly_sure' | 'guessing') is how sure the learner said they were.
 *   Overconfident = not correct and not not_sure and confidence in ('sure', 'fairly_sure'):
 *   use overconfidentSql() rather than writing it again.
 * - Score of an attempt (app/course/scoring.ts): +1 per correct answer, 0 for "not sure" and for
 *   wrong guesses, −0.5 per overconfident answer, floored at 0, out of the number of questions:
 *   attemptScoreSql(). They are built from scoring.ts's constants, so SQL
 *   reports and the learner's own results score by the same rule.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { quizAnswers } from "../../db/schema";
import {
  CONFIDENT_LEVELS,
  DEFAULT_MAX_ATTEMPTS,
  MIN_SCORE,
  POINTS,
  attemptsLeft,
  calibrationSummary,
  isConfidence,
  type AnswerInput,
  type CalibrationSummary,
  type Confidence,
  type GradedAnswer,
  type StoredAnswer,
} from "~/course/scoring";
import { db, preparedOnce, textArraySql, transaction } from "~/utils/db.server";
import { completeStep, QUIZ_STEP, type StepCompletion } from "./progress.server";

export type AnswerRow = typeof quizAnswers.$inferSelect;

// The levels are the code's own constants (an enum's values), so they are written as literals.
const CONFIDENT_IN = sql.raw(CONFIDENT_LEVELS.map((level) => `'${level}'`).join(", "));

/** SQL over a quiz_answers row's columns (correct, not_sure, confidence): is it overconfident? */
export function overconfidentSql(): SQL {
  return sql`(not correct and not not_sure and confidence in (${CONFIDENT_IN}))`;
}

/** SQL aggregate over one attempt's quiz_answers rows: its score by scoring.ts's rule (scoreAttempt). */
export function attemptScoreSql(): SQL {
  return sql`greatest(${MIN_SCORE}::float8, sum(${answerPointsSql()}))`;
}

/** SQL over a quiz_answers row's columns: its points by scoring.ts's rule (pointsFor), as float8. */
function answerPointsSql(): SQL {
  return sql`(case when not_sure then ${POINTS.notSure}::float8
                   when correct then ${POINTS.correct}::float8
                   when confidence in (${CONFIDENT_IN}) then ${POINTS.overconfident}::float8
                   else ${POINTS.wrongGuess}::float8 end)`;
}
export type QuestionKind = AnswerRow["kind"];

interface Learner {
  id: string;
}

export interface AnswerToSave {
  questionId: string;
  input: AnswerInput;
  graded: GradedAnswer;
}

export interface AttemptKey {
  lessonSlug: string;
  kind: QuestionKind;
  attempt: number;
}


/**
 * An end-of-lesson quiz attempt: its answers and, when this call stored them, the quiz's
 * pseudo-step done with the attempt's score — all in one transaction, so the dashboard never
 * shows answers without the finished quiz, or the reverse.
 */
export function saveQuizAttempt(
  learner: Learner,
  attempt: Omit<AttemptKey, "kind">,
  answers: readonly AnswerToSave[],
  completion: Omit<StepCompletion, "lessonSlug" | "stepId">,
): Promise<{ saved: boolean }> {
  return transaction(async () => {
    const { saved } = await saveAnswers(learner, { ...attempt, kind: "quiz" }, answers);
    if (saved) await completeStep(learner, { ...completion, lessonSlug: attempt.lessonSlug, stepId: QUIZ_STEP });
    return { saved };
  });
}

/**
 * Stores one attempt's answers (one per question) with their "answered" activity rows, in one
 * statement. Returns whether this call stored them: false means the attempt was already stored
 * (a retry or another tab) and nothing changed. Rows are inserted in question-id order, so two
 * concurrent writers of the same attempt meet at the same first row and never interleave.
 */
export async function saveAnswers(learner: Learner, attempt: AttemptKey, answers: readonly AnswerToSave[]): Promise<{ saved: boolean }> {
  if (answers.length === 0) return { saved: false };
  const ordered = [...answers].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
  const rows = sql.join(
    ordered.map((a) => {
      const choices = a.input.notSure ? [] : [...a.input.choices];
      return sql`(${learner.id}::uuid, ${attempt.lessonSlug}, ${a.questionId}, ${attempt.kind}::question_kind, ${attempt.attempt}::int,
        ${textArraySql(choices)},
        ${a.input.notSure ? null : (a.input.text ?? null)}::text, ${a.input.notSure}::boolean,
        ${a.input.notSure ? null : a.input.confidence}::confidence, ${a.graded.correct}::boolean)`;
    }),
    sql`, `,
  );
  // The answers and their "answered" rows in one statement: one round trip, all or nothing.
  const inserted = await db().execute<{ question_id: string }>(sql`
    with ins as (
      insert into quiz_answers (user_id, lesson_slug, question_id, kind, attempt, choices, text_answer, not_sure, confidence, correct)
      values ${rows}
      on conflict (user_id, question_id, attempt) do nothing
      returning question_id, correct, not_sure, confidence
    ),
    logged as (
      insert into activity_log (actor_id, verb, object_type, object_id, result)
      select ${learner.id}, 'answered', 'question', ins.question_id,
             jsonb_build_object('lesson', ${attempt.lessonSlug}::text, 'kind', ${attempt.kind}::text, 'attempt', ${attempt.attempt}::int,
                                'correct', ins.correct, 'notSure', ins.not_sure, 'confidence', ins.confidence)
        from ins order by ins.question_id collate "C" -- the order the answers were sorted in
    )
    select question_id from ins`);
  return { saved: inserted.length > 0 };
}

/** Every answer of the learner in one lesson, oldest attempt first. */
export async function listLessonAnswers(learner: Learner, lessonSlug: string): Promise<AnswerRow[]> {
  return lessonAnswersQuery().execute({ userId: learner.id, lessonSlug });
}

// planned once per connection, not on every page
const lessonAnswersQuery = preparedOnce((db) =>
  db
    .select()
    .from(quizAnswers)
    .where(and(eq(quizAnswers.userId, sql.placeholder("userId")), eq(quizAnswers.lessonSlug, sql.placeholder("lessonSlug"))))
    .orderBy(asc(quizAnswers.attempt), asc(quizAnswers.createdAt))
    .prepare("list_lesson_answers"),
);

export function toStored(row: Pick<AnswerRow, "questionId" | "correct" | "notSure" | "confidence">): StoredAnswer {
  return { questionId: row.questionId, correct: row.correct, notSure: row.notSure, confidence: isConfidence(row.confidence) ? row.confidence : null };
}

export interface QuestionState {
  /** Attempts stored for this question, oldest first. */
  attempts: AnswerRow[];
  latest: AnswerRow | null;
  attemptsLeft: number;
  /** The next attempt number a form should post. */
  nextAttempt: number;
  /** Right, or no attempts left: the answer may be revealed. */
  settled: boolean;
}

/** The state of one inline check from the learner's rows. */
export function checkState(rows: readonly AnswerRow[], questionId: string, max = DEFAULT_MAX_ATTEMPTS): QuestionState {
  const attempts = rows.filter((r) => r.questionId === questionId);
  const used = attempts.reduce((m, r) => Math.max(m, r.attempt), 0);
  const right = attempts.some((r) => r.correct);
  const left = attemptsLeft(used, right, max);
  return { attempts, latest: attempts.at(-1) ?? null, attemptsLeft: left, nextAttempt: used + 1, settled: right || left === 0 };
}

export interface QuizState {
  /** Highest attempt stored (0: not taken). */
  attemptsUsed: number;
  /** The latest attempt's answers by question id. */
  latest: Map<string, AnswerRow>;
  attemptsLeft: number;
  nextAttempt: number;
  settled: boolean;
}

/** The state of a lesson's end quiz from the learner's rows. */
export function quizState(rows: readonly AnswerRow[], questionIds: readonly string[], max = DEFAULT_MAX_ATTEMPTS): QuizState {
  const ids = new Set(questionIds);
  const quizRows = rows.filter((r) => r.kind === "quiz" && ids.has(r.questionId));
  const used = quizRows.reduce((m, r) => Math.max(m, r.attempt), 0);
  const latest = new Map(quizRows.filter((r) => r.attempt === used).map((r) => [r.questionId, r]));
  const allRight = used > 0 && questionIds.every((id) => latest.get(id)?.correct === true);
  const left = attemptsLeft(used, allRight, max);
  return { attemptsUsed: used, latest, attemptsLeft: left, nextAttempt: used + 1, settled: allRight || left === 0 };
}

/** The learner's calibration over every answer they gave in the course (one aggregate query). */
export async function calibrationFor(learner: Learner): Promise<CalibrationSummary> {
  const rows = await db().execute<{ confidence: Confidence | null; not_sure: boolean; correct: boolean; n: number }>(sql`
    select confidence, not_sure, correct, count(*)::int as n
    from quiz_answers where user_id = ${learner.id}
    group by confidence, not_sure, correct`);
  const expanded: Omit<StoredAnswer, "questionId">[] = [];
  for (const r of rows) {
    for (let i = 0; i < r.n; i++) expanded.push({ confidence: r.confidence, notSure: r.not_sure, correct: r.correct });
  }
  return calibrationSummary(expanded);
}
