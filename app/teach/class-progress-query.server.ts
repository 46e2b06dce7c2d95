/**
 * The class page's one statement: a row per enrolled student with everything the matrix, "where
 * everyone is now" and the needs-help signals need, plus the class's median time per step and its
 * assignments. It walks only index paths declared in db/schema.ts (enrollments' primary key,
 * lesson_progress's primary key, quiz_answers_user_time_idx, activity_steps_done_idx,
 * activity_actor_time_idx, messages_open_flags_idx, assignments_class_idx), so its cost grows with
 * the class, never with the school (docs/architecture.md, "Teacher views").
 */
import { sql } from "drizzle-orm";
import { getCourse } from "~/course/course.server";
import { db } from "~/utils/db.server";
import { openFlagsSql } from "~/models/flags.server";
import { lastSeenSql } from "~/models/last-seen.server";
import { attemptScoreSql } from "~/models/quiz.server";

export interface LessonRow {
  lesson: string;
  status: "in_progress" | "completed";
  stepsDone: string[];
  currentStep: string | null;
  activeSeconds: number;
  completedAt: string | null;
  updatedAt: string;
  /**
   * Active seconds since the learner last finished a step of this lesson (or since its start):
   * the active time spent trying to get past the step they reached. Null when unknown (steps
   * logged before the log carried active time).
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

/**
 * Everything for one class in ONE statement. Two result sets are needed (students and the
 * class's step medians); the medians ride along as a JSON column of the first row only, which
 * keeps it to one round trip.
 */
/** Every question id of the course in the order a learner meets them (checks, then the quiz). */
let questionOrderCache: { version: string; literal: string } | null = null;
function questionOrderLiteral(): string {
  const course = getCourse();
  if (questionOrderCache?.version !== course.version) {
    const ids = course.lessons.flatMap((l) => [...l.checks.map((q) => q.id), ...l.quiz.map((q) => q.id)]);
    questionOrderCache = { version: course.version, literal: `{${ids.map((id) => `"${id.replace(/["\\]/g, "")}"`).join(",")}}` };
  }
  return questionOrderCache.literal;
}

/** One assignment as the matrix's column headers show it. */
export interface DueRow {
  lesson: string;
  due_at: string | null;
}

export async function queryClassProgress(classId: string): Promise<{ rows: StudentRow[]; medians: StepMedianRow[]; dues: DueRow[] }> {
  const questionOrder = questionOrderLiteral();
  const result = await db().execute<StudentRow & { medians: StepMedianRow[] | null; dues: DueRow[] | null }>(sql`
    with roster as (
      select u.id, u.display_name, u.username, e.created_at as joined_at
      from enrollments e
      join users u on u.id = e.student_id
      where e.class_id = ${classId}
    ),
    roster_progress as (
      select lp.* from roster r join lesson_progress lp on lp.user_id = r.id
    ),
    steps_logged as (
      -- every step a classmate finished, with the lesson's active seconds at that moment
      -- (progress.server.ts writes them into the statement's result)
      select a.actor_id as user_id,
             split_part(a.object_id, '#', 1) as lesson,
             split_part(a.object_id, '#', 2) as step,
             a.created_at as done_at,
             (a.result->>'activeSeconds')::int as done_active
      from roster r
      join activity_log a on a.actor_id = r.id and a.verb = 'completed-step' -- literal: matches activity_steps_done_idx
    ),
    steps_done as (
      -- …and the active seconds when they arrived at it: the previous step's, or 0 at the lesson's start
      select s.*,
             case when lag(s.done_at) over w is null then 0 else lag(s.done_active) over w end as arrived_active
      from steps_logged s
      window w as (partition by s.user_id, s.lesson order by s.done_at)
    ),
    last_done as (
      -- the active seconds when each learner finished their latest step of each lesson
      select distinct on (user_id, lesson) user_id, lesson, done_active
      from steps_done order by user_id, lesson, done_at desc
    ),
    progress as (
      select lp.user_id,
             json_agg(json_build_object(
               'lesson', lp.lesson_slug,
               'status', lp.status,
               'stepsDone', lp.steps_done,
               'currentStep', lp.current_step,
               'activeSeconds', lp.active_seconds,
               'completedAt', lp.completed_at,
               'updatedAt', lp.updated_at,
               'activeOnStep', case when ld.user_id is null then lp.active_seconds
                                    else greatest(0, lp.active_seconds - ld.done_active) end
             )) as lessons
      from roster_progress lp
      left join last_done ld on ld.user_id = lp.user_id and ld.lesson = lp.lesson_slug
      group by lp.user_id
    ),
    quiz_rows as (
      select qa.user_id, qa.lesson_slug, qa.attempt, qa.correct, qa.not_sure, qa.confidence,
             max(qa.attempt) over (partition by qa.user_id, qa.lesson_slug) as latest
      from roster r
      join quiz_answers qa on qa.user_id = r.id and qa.kind = 'quiz'
    ),
    scores as (
      -- the latest attempt's score, by the course's rule (app/course/scoring.ts)
      select user_id, json_object_agg(lesson_slug, json_build_object('points', points, 'notSure', not_sure)) as scores
      from (
        select user_id, lesson_slug,
               ${attemptScoreSql()} as points,
               count(*) filter (where not_sure)::int as not_sure
        from quiz_rows where attempt = latest
        group by user_id, lesson_slug
      ) s
      group by user_id
    ),
    due as (
      -- lessons assigned to each student (whole class, or them by name) whose due date has passed
      -- (a student who joined the class after the due date "joined late": not overdue)
      select r.id as user_id, array_agg(distinct a.lesson_slug) as due_lessons
      from assignments a
      join roster r on true
      where a.class_id = ${classId} and a.due_at < now() and r.joined_at <= a.due_at
        and (not exists (select 1 from assignment_students s where s.assignment_id = a.id)
             or exists (select 1 from assignment_students s where s.assignment_id = a.id and s.student_id = r.id))
      group by r.id
    ),
    open_flags as (${openFlagsSql(sql`select ${classId}::uuid`)}),
    medians as (
      -- the class's median ACTIVE time per step (steps logged without active time are left out)
      select lesson, step,
             percentile_cont(0.5) within group (order by done_active - arrived_active) as median_seconds,
             count(*)::int as samples
      from steps_done
      where done_active is not null and arrived_active is not null
      group by lesson, step
    )
    select r.id, r.display_name, r.username,
           p.lessons,
           sc.scores,
           coalesce(streak.n, 0)::int as wrong_streak,
           ${lastSeenSql(sql`r.id`)} as last_seen,
           coalesce(fl.n, 0)::int as open_flags,
           d.due_lessons,
           case when row_number() over () = 1 then (select json_agg(m) from medians m) end as medians,
           case when row_number() over () = 1 then (
             select json_agg(json_build_object('lesson', a.lesson_slug, 'due_at', a.due_at) order by a.due_at nulls last)
             from assignments a where a.class_id = ${classId}) end as dues
    from roster r
    left join progress p on p.user_id = r.id
    left join scores sc on sc.user_id = r.id
    left join due d on d.user_id = r.id
    left join lateral (
      -- answers not right in a row, counting back from the latest (at most 10 looked at)
      -- (a quiz attempt stores all its answers at one instant: within it, the course's question
      -- order says which came last)
      select coalesce(min(rn) filter (where correct) - 1, count(*)) as n
      from (
        select q.correct, q.created_at,
               row_number() over (order by q.created_at desc, array_position(${questionOrder}::text[], q.question_id) desc nulls last) as rn
        from quiz_answers q where q.user_id = r.id
        order by q.created_at desc, array_position(${questionOrder}::text[], q.question_id) desc nulls last
        limit 10
      ) recent
    ) streak on true
    left join open_flags fl on fl.student_id = r.id
    order by r.display_name, r.id`);
  const rows = [...result];
  const medians = rows.find((r) => r.medians)?.medians ?? [];
  const dues = rows.find((r) => r.dues)?.dues ?? [];
  return { rows, medians, dues };
}
