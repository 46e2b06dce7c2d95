/**
 * A learner's progress through lessons: table `lesson_progress`, one row per (user_id, lesson_slug).
 *
 * What the rows mean (for dashboards aggregating them in SQL):
 * - A row exists once the learner saved anything in the lesson: a step marked done, an answered
 *   quiz, or some active time. No row = not started.
 * - `steps_done` holds step ids in the order they were first done, each at most once. A step is
 *   done when the learner pressed "Next" on it. The end quiz counts as the pseudo-step `_quiz`
 *   (QUIZ_STEP) once its first attempt is submitted; content step ids never start with "_".
 *   Steps done = cardinality(array_remove(steps_done, '_quiz')). Ids of steps an author later
 *   removed may linger: intersect with the lesson's current step ids when it matters.
 * - `current_step` is where the learner was last (a step id, or `_quiz`): where "continue" resumes.
 * - `status` is 'completed' once every step of the lesson AND the quiz (`_quiz`) are in
 *   `steps_done`; 'in_progress' otherwise. It never goes back. `completed_at` is set once, then.
 * - `active_seconds` counts time the page was visible and the learner active (input in the last
 *   minute), sent by the browser in small increments. Each write adds at most
 *   MAX_ACTIVE_INCREMENT seconds and never more than the wall-clock time since the row's
 *   previous write, so two tabs or a replayed request cannot inflate it. Learners without
 *   JavaScript have no active time.
 * - `updated_at` is the time of the last write (step, quiz or active time).
 *
 * Every write is one idempotent statement: marking a step done appends it only if absent, inside
 * the row lock of INSERT … ON CONFLICT DO UPDATE … WHERE, so two tabs or a retried request
 * never count a step twice, and the writer that actually changed the row is the only one that
 * logs the activity. The progress write and its activity rows are one statement (its own
 * transaction): a step is never saved without the statement the teacher's dashboard reads, and
 * a save is one round trip to the database, not a BEGIN, two writes and a COMMIT.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { lessonProgress } from "../../db/schema";
import { QUIZ_STEP } from "~/course/lesson-paths";
import { db, preparedOnce, textArraySql } from "~/utils/db.server";
import { STEP_DONE_VERB, stepObjectId } from "./activity.server";

export type ProgressRow = typeof lessonProgress.$inferSelect;

export { QUIZ_STEP };
/** At most this many active seconds are added by one write. */
export const MAX_ACTIVE_INCREMENT = 60;
/** Rounding slack when bounding an increment by the time since the previous write. */
const ELAPSED_SLACK_SECONDS = 2;

interface Learner {
  id: string;
}

/** A whole number of seconds in [0, MAX_ACTIVE_INCREMENT]; anything else becomes 0. */
export function boundActiveSeconds(requested: unknown): number {
  const n = typeof requested === "string" ? Number(requested) : requested;
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) return 0;
  return Math.min(MAX_ACTIVE_INCREMENT, Math.floor(n));
}

/** The increment actually added to an existing row: bounded by the time since its last write. */
const boundedIncrement = sql`least(excluded.active_seconds, greatest(0, ceil(extract(epoch from (now() - lp.updated_at))))::int + ${ELAPSED_SLACK_SECONDS})`;

// prepared: postgres.js keeps the plan per connection (drizzle sends unnamed statements otherwise)
const progressQuery = preparedOnce((db) =>
  db
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, sql.placeholder("userId")), eq(lessonProgress.lessonSlug, sql.placeholder("lessonSlug"))))
    .prepare("get_progress"),
);

export async function getProgress(learner: Learner, lessonSlug: string): Promise<ProgressRow | null> {
  const [row] = await progressQuery().execute({ userId: learner.id, lessonSlug });
  return row ?? null;
}

/** All of the learner's lessons, most recently active first. */
export async function listProgress(learner: Learner): Promise<ProgressRow[]> {
  return db()
    .select()
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, learner.id))
    .orderBy(desc(lessonProgress.updatedAt));
}

export interface StepCompletion {
  lessonSlug: string;
  /** The step just done (or QUIZ_STEP). */
  stepId: string;
  /** Where the learner goes next (a step id, QUIZ_STEP) — becomes `current_step`. */
  nextStep: string | null;
  /** Every step id of the lesson, plus QUIZ_STEP when it has a quiz: all done = completed. */
  requiredSteps: readonly string[];
  /** Active seconds since the browser's previous write (bounded here). */
  activeSeconds?: unknown;
  /** Extra result for the completed-step statement (e.g. the quiz's first score). */
  result?: Record<string, unknown>;
}

export interface StepCompletionResult {
  /** The step was not done before: this write added it. */
  newlyDone: boolean;
  /** This write created the progress row (the lesson's first saved event). */
  started: boolean;
  /** This write completed the lesson. */
  completed: boolean;
}

/**
 * Marks a step done (once), moves the learner on and adds bounded active time, with its activity
 * rows (started, the step done, the lesson completed), in one statement. Only when the step was
 * already done does a second, equally idempotent one move `current_step` and add the time.
 */
export async function completeStep(learner: Learner, step: StepCompletion): Promise<StepCompletionResult> {
  const seconds = boundActiveSeconds(step.activeSeconds);
  const required = textArraySql(step.requiredSteps);
  const doneNow = textArraySql([step.stepId]);
  // the step's result, and always the lesson's active seconds when it was done: the dashboard's
  // active time per step (the difference to the previous step's) and "stuck" read active time
  const result = JSON.stringify(step.result ?? {});
  const rows = await db().execute<{ inserted: boolean; just_completed: boolean }>(sql`
    with up as (
      insert into lesson_progress as lp
        (user_id, lesson_slug, steps_done, current_step, active_seconds, status, completed_at)
      values (
        ${learner.id}, ${step.lessonSlug}, ${doneNow}, ${step.nextStep}, ${seconds},
        case when ${doneNow} @> ${required} then 'completed'::progress_status else 'in_progress'::progress_status end,
        case when ${doneNow} @> ${required} then now() end
      )
      on conflict (user_id, lesson_slug) do update set
        steps_done = lp.steps_done || excluded.steps_done,
        current_step = excluded.current_step,
        active_seconds = lp.active_seconds + ${boundedIncrement},
        status = case when lp.status = 'completed' or (lp.steps_done || excluded.steps_done) @> ${required}
                      then 'completed'::progress_status else 'in_progress'::progress_status end,
        completed_at = case when lp.completed_at is null and (lp.steps_done || excluded.steps_done) @> ${required}
                            then now() else lp.completed_at end,
        updated_at = now()
      where not (lp.steps_done @> excluded.steps_done)
      returning (xmax = 0) as inserted, (completed_at is not null and completed_at = now()) as just_completed, active_seconds
    ),
    logged as (
      insert into activity_log (actor_id, verb, object_type, object_id, result)
      select ${learner.id}, a.verb, a.object_type, a.object_id, a.result
        from up, lateral (values
          (1, 'started', 'lesson', ${step.lessonSlug}::text, null::jsonb, up.inserted),
          (2, ${STEP_DONE_VERB}::text, 'step', ${stepObjectId(step.lessonSlug, step.stepId)}::text,
              ${result}::jsonb || jsonb_build_object('activeSeconds', up.active_seconds), true),
          (3, 'completed', 'lesson', ${step.lessonSlug}::text, jsonb_build_object('activeSeconds', up.active_seconds), up.just_completed)
        ) as a(n, verb, object_type, object_id, result, wanted)
       where a.wanted
       order by a.n
    )
    select inserted, just_completed from up`);
  const row = rows[0];
  if (!row) {
    // Already done (a second tab, a retried post, or going through the lesson again).
    const time = await recordActiveTime(learner, { lessonSlug: step.lessonSlug, currentStep: step.nextStep, activeSeconds: seconds });
    return { newlyDone: false, started: time.started, completed: false };
  }
  return { newlyDone: true, started: row.inserted, completed: row.just_completed };
}

export interface ActiveTime {
  lessonSlug: string;
  /** Where the learner is (null keeps the stored one). */
  currentStep: string | null;
  activeSeconds: unknown;
}

/** Adds bounded active time and remembers the learner's position, with the "started" row the first time: one statement. */
export async function recordActiveTime(learner: Learner, time: ActiveTime): Promise<{ added: number; started: boolean }> {
  const seconds = boundActiveSeconds(time.activeSeconds);
  const rows = await db().execute<{ inserted: boolean; added: number }>(sql`
    with before as (
      select active_seconds from lesson_progress where user_id = ${learner.id} and lesson_slug = ${time.lessonSlug}
    ),
    up as (
      insert into lesson_progress as lp (user_id, lesson_slug, current_step, active_seconds)
      values (${learner.id}, ${time.lessonSlug}, ${time.currentStep}, ${seconds})
      on conflict (user_id, lesson_slug) do update set
        current_step = coalesce(excluded.current_step, lp.current_step),
        active_seconds = lp.active_seconds + ${boundedIncrement},
        updated_at = now()
      returning (xmax = 0) as inserted,
        active_seconds - coalesce((select active_seconds from before), 0) as added
    ),
    logged as (
      insert into activity_log (actor_id, verb, object_type, object_id)
      select ${learner.id}, 'started', 'lesson', ${time.lessonSlug} from up where up.inserted
    )
    select inserted, added from up`);
  const row = rows[0];
  return { added: Math.max(0, row?.added ?? 0), started: row?.inserted ?? false };
}

export interface MyAssignment {
  id: string;
  lessonSlug: string;
  dueAt: Date | null;
  className: string;
  /** The teacher's note, or null. */
  instructions: string | null;
  /** They joined the class after the due date: not overdue. */
  joinedLate: boolean;
}

/**
 * Lessons assigned to this student: by any teacher of a class they are enrolled in (archived
 * classes excluded), either to the whole class (whole_class) or to them by name.
 */
export async function listMyAssignments(student: Learner): Promise<MyAssignment[]> {
  const rows = await db().execute<{
    id: string;
    lesson_slug: string;
    due_at: string | Date | null;
    class_name: string;
    instructions: string | null;
    joined_late: boolean;
  }>(sql`
    select a.id, a.lesson_slug, a.due_at, c.name as class_name, a.instructions,
           coalesce(e.created_at > a.due_at, false) as joined_late
    from enrollments e
    join classes c on c.id = e.class_id and c.archived_at is null
    join assignments a on a.class_id = e.class_id
    where e.student_id = ${student.id}
      and (
        a.whole_class
        or exists (select 1 from assignment_students s where s.assignment_id = a.id and s.student_id = ${student.id})
      )
    order by a.due_at asc nulls last, a.created_at asc`);
  return rows.map((r) => ({
    id: r.id,
    lessonSlug: r.lesson_slug,
    dueAt: r.due_at === null ? null : new Date(r.due_at),
    className: r.class_name,
    instructions: r.instructions,
    joinedLate: r.joined_late,
  }));
}
