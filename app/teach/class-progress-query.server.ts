/**
 * The class page's statement (docs/decisions/021-class-page-query.md): for every enrolled student
 * everything the matrix, "where everyone is now" and the needs-help signals need, plus the class's
 * assignments — as ONE JSON value, so PostgreSQL builds the whole answer and the driver parses one
 * string. The class's median active time per step is a second statement, read at most once a
 * minute per class (classStepMedians).
 *
 * Each student's parts are read along that student's index paths (declared in db/schema.ts):
 * lesson_progress's primary key, quiz_answers_user_time_idx, activity_steps_done_idx (steps done),
 * activity_actor_time_idx and messages_user_time_idx ("last seen"), messages_open_flags_idx;
 * the roster comes from enrollments' primary key and the assignments from assignments_class_idx.
 * Its cost grows with the class, never with the school. The page reloads it every ~10 s while it
 * is open, so it is a prepared statement: planned once per connection, not on every request.
 */
import { eq, sql } from "drizzle-orm";
import { classes } from "../../db/schema";
import { getCourse } from "~/course/course.server";
import { courseIndex } from "~/course/course-index";
import { openFlagsSql } from "~/models/flags.server";
import { lastSeenSql } from "~/models/last-seen.server";
import { attemptScoreSql } from "~/models/quiz.server";
import { preparedOnce } from "~/utils/db.server";

export interface LessonRow {
  lesson: string;
  status: "in_progress" | "completed";
  stepsDone: string[];
  currentStep: string | null;
  activeSeconds: number;
  completedAt: string | null;
  updatedAt: string;
  /**
   * In progress only: active seconds since the learner last finished a step of this lesson (or
   * since its start) — the active time spent trying to get past the step they reached; 0 when
   * that step was logged without its active time. Null for a completed lesson.
   */
  activeOnStep: number | null;
}

export interface QuizResult {
  /** Score of the latest attempt by the course's rule. */
  points: number;
  /** "I'm not sure" answers in that attempt. */
  notSure: number;
}

export type StudentRow = {
  id: string;
  display_name: string;
  username: string;
  lessons: LessonRow[] | null;
  /** lesson slug → the latest quiz attempt */
  scores: Record<string, QuizResult> | null;
  wrong_streak: number;
  last_seen: Date | string | null;
  open_flags: number;
  /** lesson slugs assigned to this student whose due date has passed */
  due_lessons: string[] | null;
};

export interface StepMedianRow {
  lesson: string;
  step: string;
  /** Median ACTIVE seconds classmates spent on the step before finishing it. */
  median_seconds: number;
  samples: number;
}

/** One assignment as the matrix's column headers show it. */
export interface DueRow {
  lesson: string;
  due_at: string | null;
}

interface ClassProgressJson {
  students: StudentRow[] | null;
  dues: DueRow[] | null;
}

/**
 * Every question id of the course with its place in the order a learner meets them (checks, then
 * the quiz), as a JSON object. A lookup in it is a search among sorted keys, where array_position
 * over a text[] compared each id in turn: with the streak below reading the index backwards, the
 * class page's statement went from 9.0 to 6.8 ms (40 students × 7 lessons, EXPLAIN ANALYZE).
 * Sent as JSON text: the database driver passes jsonb parameters through as they are.
 */
let questionOrderCache: { version: string; json: string } | null = null;
function questionOrder(): string {
  const course = getCourse();
  if (questionOrderCache?.version !== course.version) {
    const ids = courseIndex(course).questionIds;
    questionOrderCache = { version: course.version, json: JSON.stringify(Object.fromEntries(ids.map((id, place) => [id, place]))) };
  }
  return questionOrderCache.json;
}

const classId = sql.placeholder("classId");

/**
 * The class is read in this many parts side by side, each on its own pooled connection: the
 * statement is per-student work (~7 ms of one PostgreSQL process for 40 students), and while it
 * runs Node only waits. In two halves the class page's wait for it roughly halves on a 2-core
 * server; under a school's load both cores are busy either way, and a half costs one more round
 * trip (~0.2 ms of Node).
 */
const PARTS = 2;

/**
 * The statement, for one part of the class (the students whose id hashes to `part`).
 * Everything per student is a subquery on that student's own rows.
 */
const classProgress = preparedOnce((db) => {
  const statement = sql<ClassProgressJson>`(
    with roster as (
      select u.id, u.display_name, u.username, e.created_at as joined_at
      from enrollments e
      join users u on u.id = e.student_id
      where e.class_id = ${classId}::uuid
        -- a student's part follows from their id alone: the parts are separate statements, and a
        -- numbering of the class could shift between them when someone joins or leaves
        and (hashtext(e.student_id::text) & 2147483647) % ${PARTS} = ${sql.placeholder("part")}::int
    ),
    open_flags as (${openFlagsSql(sql`select ${classId}::uuid`)}),
    students as (
      select r.id, r.display_name, r.username,
        (select json_agg(json_build_object(
                  'lesson', lp.lesson_slug,
                  'status', lp.status,
                  'stepsDone', lp.steps_done,
                  'currentStep', lp.current_step,
                  'activeSeconds', lp.active_seconds,
                  'completedAt', lp.completed_at,
                  'updatedAt', lp.updated_at,
                  'activeOnStep', case when lp.status = 'in_progress' then coalesce(
                    -- the lesson's active seconds when its latest step was done (the newest of
                    -- the learner's steps, walked back along activity_steps_done_idx)
                    (select greatest(0, lp.active_seconds - (a.result->>'activeSeconds')::int)
                     from activity_log a
                     where a.actor_id = r.id and a.verb = 'completed-step'
                       and split_part(a.object_id, '#', 1) = lp.lesson_slug
                     order by a.created_at desc
                     limit 1),
                    lp.active_seconds) end))
         from lesson_progress lp where lp.user_id = r.id) as lessons,
        (-- the latest attempt at each quiz, scored by the course's rule (app/course/scoring.ts):
         -- every attempt scored, then the newest per lesson (a window over all the answers
         -- and a sort by lesson cost ~30 % more)
         select json_object_agg(s.lesson_slug, json_build_object('points', s.points, 'notSure', s.not_sure))
         from (
           select distinct on (lesson_slug) lesson_slug, points, not_sure
           from (
             select qa.lesson_slug, qa.attempt, ${attemptScoreSql()} as points, count(*) filter (where not_sure)::int as not_sure
             from quiz_answers qa where qa.user_id = r.id and qa.kind = 'quiz'
             group by qa.lesson_slug, qa.attempt
           ) per_attempt
           order by lesson_slug, attempt desc
         ) s) as scores,
        (-- answers not right in a row, counting back from the latest (at most 10 looked at);
         -- a quiz attempt stores all its answers at one instant: within it, the course's
         -- question order says which came last. No window function: the newest ten are read
         -- backwards along quiz_answers_user_time_idx and the streak is where the first right one is.
         select coalesce(array_position(array_agg(recent.correct order by recent.created_at desc, recent.place desc nulls last), true) - 1, count(*))::int
         from (
           select q.correct, q.created_at, (${sql.placeholder("questionOrder")}::jsonb ->> q.question_id)::int as place
           from quiz_answers q where q.user_id = r.id
           order by q.created_at desc, place desc nulls last
           limit 10
         ) recent) as wrong_streak,
        ${lastSeenSql(sql`r.id`)} as last_seen,
        coalesce((select sum(f.n) from open_flags f where f.student_id = r.id), 0)::int as open_flags,
        (-- lessons assigned to the student (the whole class, or them by name) whose due date has
         -- passed; one who joined the class after the due date "joined late": not overdue
         select array_agg(distinct a.lesson_slug)
         from assignments a
         where a.class_id = ${classId}::uuid and a.due_at < now() and r.joined_at <= a.due_at
           and (a.whole_class
                or exists (select 1 from assignment_students s where s.assignment_id = a.id and s.student_id = r.id))) as due_lessons
      from roster r
    )
    select json_build_object(
      'students', (select json_agg(s order by s.display_name, s.id) from students s),
      'dues', (
        select json_agg(json_build_object('lesson', a.lesson_slug, 'due_at', a.due_at) order by a.due_at nulls last)
        from assignments a where a.class_id = ${classId}::uuid)
    ))`;
  return db.select({ view: statement }).from(classes).where(eq(classes.id, sql`${classId}::uuid`)).prepare("class_progress");
});

/**
 * The class's median ACTIVE time per step (steps logged without active time are left out): what
 * "stuck" compares a learner's time on a step with. Its own statement, because it reads every
 * step the class ever finished (~4 ms of PostgreSQL for 40 students × 7 lessons, as much as all
 * the rest of the page) and a median of a whole class moves slowly: see classStepMedians.
 */
const stepMediansQuery = preparedOnce((db) => {
  const statement = sql<StepMedianRow[] | null>`(
    with roster as (
      select e.student_id as id from enrollments e where e.class_id = ${classId}::uuid
    ),
    steps_done as (
      -- every step a classmate finished, with the lesson's active seconds at that moment
      -- (progress.server.ts writes them into the statement's result) and when they arrived at
      -- it: the previous step's, or 0 at the lesson's start
      select split_part(a.object_id, '#', 1) as lesson,
             split_part(a.object_id, '#', 2) as step,
             (a.result->>'activeSeconds')::int as done_active,
             case when lag(a.created_at) over w is null then 0 else lag((a.result->>'activeSeconds')::int) over w end as arrived_active
      from roster r
      -- the verb is a literal (STEP_DONE_VERB), never a parameter: a generic plan can then use
      -- the partial index activity_steps_done_idx
      join activity_log a on a.actor_id = r.id and a.verb = 'completed-step'
      window w as (partition by a.actor_id, split_part(a.object_id, '#', 1) order by a.created_at)
    )
    select json_agg(m) from (
      select lesson, step,
             percentile_cont(0.5) within group (order by done_active - arrived_active) as median_seconds,
             count(*)::int as samples
      from steps_done
      where done_active is not null and arrived_active is not null
      group by lesson, step
    ) m)`;
  return db.select({ medians: statement }).from(classes).where(eq(classes.id, sql`${classId}::uuid`)).prepare("class_step_medians");
});

/**
 * How long a class's medians are used before they are read again. The live class page refreshes
 * every ~10 s; a median over a whole class's finished steps barely moves in a minute, and a
 * learner's own time on a step (the other side of the comparison) is always read fresh.
 */
export const STEP_MEDIANS_FRESH_MS = 60_000;
/** Classes whose medians are remembered at once; past that the memory starts over. */
const STEP_MEDIANS_CLASSES = 1_000;
const stepMedians = new Map<string, { readAt: number; medians: Promise<StepMedianRow[]> }>();

/** The class's step medians, read at most once a minute per class (in each server process). */
function classStepMedians(id: string): Promise<StepMedianRow[]> {
  // a monotonic clock: a wall clock set back would keep old medians until it caught up
  const now = performance.now();
  const remembered = stepMedians.get(id);
  if (remembered && now - remembered.readAt < STEP_MEDIANS_FRESH_MS) return remembered.medians;
  const medians = stepMediansQuery().execute({ classId: id }).then(([row]) => row?.medians ?? []);
  if (stepMedians.size >= STEP_MEDIANS_CLASSES) stepMedians.clear();
  stepMedians.set(id, { readAt: now, medians });
  // a failed read is not remembered: the next page asks again
  medians.catch(() => stepMedians.get(id)?.medians === medians && stepMedians.delete(id));
  return medians;
}

/**
 * Everything for one class: one prepared statement (planned once per connection) run for each
 * part of the class side by side, and the class's step medians. The students come in no
 * particular order: the page sorts them (progress-query.server.ts).
 */
export async function queryClassProgress(id: string): Promise<{ rows: StudentRow[]; medians: StepMedianRow[]; dues: DueRow[] }> {
  const order = questionOrder();
  const parts = Array.from({ length: PARTS }, (_, part) => classProgress().execute({ classId: id, questionOrder: order, part }));
  // side by side: when the medians are due to be read again, that costs no extra wait
  const [views, medians] = await Promise.all([Promise.all(parts), classStepMedians(id)]);
  const rows = views.flatMap(([row]) => row?.view.students ?? []);
  return { rows, medians, dues: views[0]?.[0]?.view.dues ?? [] };
}
