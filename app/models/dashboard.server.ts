/**
 * The teacher dashboard's class page: who is where, how far, and who needs help.
 *
 * One aggregated SQL statement per view, whatever the class size (docs/architecture.md, "Teacher views"):
 * the guard (requireTeacherOf) plus one statement that returns a row per enrolled student with
 * everything the matrix, "where everyone is now" and the needs-help signals need. The statement
 * walks only index paths declared in db/schema.ts (enrollments' primary key, lesson_progress's
 * primary key, quiz_answers_user_time_idx, activity_actor_time_idx, messages_open_flags_idx,
 * assignments_class_idx), so its cost grows with the class, never with the school.
 *
 * The result is shaped into display text here, on the server, in the teacher's language; the
 * gradebook CSV is built from the very same view (exports.server.ts), so it matches the screen.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getCourse, getLesson } from "~/course/course.server";
import { courseIndex, lessonIndex } from "~/course/course-index";
import { QUIZ_STEP } from "~/course/lesson-paths";
import type { Lesson } from "~/course/types";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { translator } from "~/i18n/catalogs.server";
import { db } from "~/utils/db.server";
import { localeOf } from "~/utils/locale-of.server";
import type { SessionUser } from "~/utils/auth.server";
import { requireTeacherOf } from "./classes.server";
import { formatAgo, formatDateTime, formatDuration, formatTime } from "./dashboard-labels.server";
import { lastSeenSql } from "./last-seen.server";
import { attemptScoreSql } from "./quiz.server";

/* ------------------------------------------------------------------------------------------ */
/* What the lesson engine writes, as far as the dashboard relies on it.                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * activity_log verb of a finished step; its object_id is "<lesson slug>#<step id>"
 * (activity.server.ts). The end quiz is the pseudo-step QUIZ_STEP ("_quiz").
 */
export const STEP_DONE_VERB = "completed-step";
export { QUIZ_STEP };

/* ------------------------------------------------------------------------------------------ */
/* Needs-help rules. Named numbers, so the page can explain them and tests can reach them.      */
/* ------------------------------------------------------------------------------------------ */

export const HELP_RULES = {
  /** This many answers in a row that were not right (wrong or "not sure"). */
  wrongStreak: 3,
  /** This many "I'm not sure" answers in the latest attempt at one lesson's quiz. */
  notSure: 3,
  /**
   * Stuck: ACTIVE time (page visible, learner active: lesson_progress.active_seconds) since the
   * learner last finished a step, at least this many times the class's median active time for
   * the step they are on… Time away (a closed laptop overnight) never counts.
   */
  stuckFactor: 3,
  /** …and at least this many minutes longer, so short steps do not raise false alarms. */
  stuckMinExtraMinutes: 5,
  /** The class median counts only when this many classmates have finished the step. */
  stuckMinSamples: 3,
  /** A quiz score below this share of the questions is "low", unless the class sets its own. */
  lowScorePercent: 50,
  /** "Active now": seen within this many minutes. */
  activeMinutes: 10,
} as const;

export type CellState = "not_started" | "in_progress" | "completed";

export interface LessonColumn {
  slug: string;
  number: number;
  title: string;
  steps: number;
  questions: number;
  /** "Due 2025-03-14 23:00" under an assigned lesson's header; "" when not assigned (class page only). */
  assignedLabel?: string;
}

export interface ProgressCell {
  lesson: string;
  state: CellState;
  /**
   * 1-based FURTHEST step reached while in progress (the step after the last one done, or the
   * current one if further): going back to re-read step 2 does not move a learner back in the
   * matrix. Null at the quiz or when unknown.
   */
  step: number | null;
  steps: number;
  /** In progress and at the end quiz. */
  atQuiz: boolean;
  /**
   * Score of the latest quiz attempt, as the learner saw it (app/course/scoring.ts: +1 right,
   * 0 "not sure" or wrong guess, −0.5 confidently wrong, floored at 0); null before any attempt.
   */
  score: number | null;
  questions: number;
  /** The quiz was submitted and its latest attempt's score is below the class's low-score threshold. */
  lowScore: boolean;
  /** "I'm not sure" answers in the latest quiz attempt. */
  notSure: number;
  activeSeconds: number;
  completedAt: string | null;
  /** Assigned to this student, due date passed, not completed. */
  overdue: boolean;
  /** The exact text shown on the page and written to the gradebook CSV. */
  label: { status: string; score: string; completedAt: string; time: string; lowScore: string };
}

export type HelpSignal =
  | { kind: "wrong-streak"; count: number; label: string }
  | { kind: "low-score"; lessons: string[]; label: string }
  | { kind: "not-sure"; lessons: string[]; label: string }
  | { kind: "stuck"; lesson: string; minutes: number; typicalMinutes: number; label: string }
  | { kind: "flag"; count: number; label: string };

export interface StudentProgress {
  id: string;
  displayName: string;
  username: string;
  cells: ProgressCell[];
  completedLessons: number;
  activeSeconds: number;
  lastSeenAt: string | null;
  lastSeenLabel: string;
  activeNow: boolean;
  where: { lesson: string; lessonTitle: string; step: number | null; steps: number; stepTitle: string } | null;
  whereLabel: string;
  signals: HelpSignal[];
}

export const SORTS = ["name", "progress", "last-seen", "help"] as const;
export const SHOWS = ["all", "help", "active", "not-started"] as const;
export type ProgressQuery = { sort: (typeof SORTS)[number]; show: (typeof SHOWS)[number]; q: string };

/** Sort and filter from the query string; anything unexpected falls back to the default (a GET never errors). */
export function parseProgressQuery(search: URLSearchParams): ProgressQuery {
  const schema = z.object({
    sort: z.enum(SORTS).catch("name"),
    show: z.enum(SHOWS).catch("all"),
    q: z.string().trim().max(80).catch(""),
  });
  return schema.parse({
    sort: search.get("sort") ?? undefined,
    show: search.get("show") ?? undefined,
    q: search.get("q") ?? "",
  });
}

export interface ClassProgressView {
  classId: string;
  className: string;
  generatedAt: string;
  /** generatedAt as the page prints it ("09:05:42"). */
  updatedLabel: string;
  lessons: LessonColumn[];
  /** After filter and sort: exactly the rows the page shows, in its order. */
  students: StudentProgress[];
  totalStudents: number;
  query: ProgressQuery;
  /** The class's low-score threshold in percent (classes.low_score_percent). */
  lowScorePercent: number;
  summary: { activeNow: number; needHelp: number; completionPercent: number; notStarted: number };
}

/* ------------------------------------------------------------------------------------------ */
/* The query                                                                                  */
/* ------------------------------------------------------------------------------------------ */

interface LessonRow {
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

interface QuizResult {
  /** Score of the latest attempt by the course's rule. */
  points: number;
  /** "I'm not sure" answers in that attempt. */
  notSure: number;
}

type StudentRow = {
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

interface StepMedianRow {
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
    const ids = courseIndex(course).questionIds;
    questionOrderCache = { version: course.version, literal: `{${ids.map((id) => `"${id.replace(/["\\]/g, "")}"`).join(",")}}` };
  }
  return questionOrderCache.literal;
}

/** One assignment as the matrix's column headers show it. */
interface DueRow {
  lesson: string;
  due_at: string | null;
}

async function queryClassProgress(classId: string): Promise<{ rows: StudentRow[]; medians: StepMedianRow[]; dues: DueRow[] }> {
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
    left join lateral (
      select count(*) as n
      from playground_messages m
      join playground_conversations c on c.id = m.conversation_id
      where m.user_id = r.id and m.flag_status = 'open' and c.class_id = ${classId}
    ) fl on true
    order by r.display_name, r.id`);
  const rows = [...result];
  const medians = rows.find((r) => r.medians)?.medians ?? [];
  const dues = rows.find((r) => r.dues)?.dues ?? [];
  return { rows, medians, dues };
}

/* ------------------------------------------------------------------------------------------ */
/* Shaping                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export interface ViewContext {
  locale: Locale;
  t: Translate;
  now?: Date;
}

/** A view context plus what the class itself sets. */
type ClassContext = ViewContext & { lowScorePercent: number };

/** The request's language and translator: every dashboard text is made in it, on the server. */
export async function viewContextFor(request: Request): Promise<ViewContext> {
  const locale = await localeOf(request);
  return { locale, t: translator(locale) };
}

function lessonTitle(lesson: Lesson, locale: Locale): string {
  return lesson.content[locale].title;
}

export function lessonColumns(locale: Locale): LessonColumn[] {
  return getCourse().lessons.map((l) => ({
    slug: l.slug,
    number: l.number,
    title: lessonTitle(l, locale),
    steps: l.content[locale].steps.length,
    questions: l.quiz.length,
  }));
}

function stepIndex(lesson: Lesson, locale: Locale, stepId: string | null): number | null {
  if (!stepId || stepId === QUIZ_STEP) return null;
  const i = lessonIndex(lesson).byLocale[locale].stepById.get(stepId)?.index;
  return i === undefined ? null : i + 1;
}

/** "7.5/9": a score with at most one decimal (half points come from the overconfidence rule). */
export function formatScore(score: number, total: number, t: Translate): string {
  return t("teach.dash.score", { score: Math.round(score * 10) / 10, total });
}

function statusLabel(cell: Pick<ProgressCell, "state" | "step" | "steps" | "overdue" | "atQuiz">, t: Translate): string {
  const base =
    cell.state === "completed"
      ? t("teach.dash.status.completed")
      : cell.state === "in_progress"
        ? cell.atQuiz
          ? t("teach.dash.status.atQuiz")
          : cell.step
            ? t("teach.dash.status.inProgressStep", { step: cell.step, steps: cell.steps })
            : t("teach.dash.status.inProgress")
        : t("teach.dash.status.notStarted");
  return cell.overdue ? `${base} · ${t("teach.dash.overdue")}` : base;
}

/**
 * The furthest point a learner reached in a lesson: the step after the last one they finished,
 * or the one they are on if that is further (they may skip ahead). Where they are right now
 * ("where everyone is now") is current_step; the matrix shows progress, which never goes back.
 */
function furthestReached(lesson: Lesson, locale: Locale, row: LessonRow): { step: number | null; atQuiz: boolean } {
  const steps = lesson.content[locale].steps;
  const done = new Set(row.stepsDone);
  let furthest = stepIndex(lesson, locale, row.currentStep) ?? 0;
  steps.forEach((s, i) => {
    if (done.has(s.id)) furthest = Math.max(furthest, i + 2);
  });
  const pastLastStep = furthest > steps.length || row.currentStep === QUIZ_STEP;
  if (pastLastStep && lesson.quiz.length > 0) return { step: null, atQuiz: true };
  return { step: furthest === 0 ? null : Math.min(furthest, steps.length), atQuiz: false };
}

/** Is this score below the class's threshold (a share of the questions)? */
function isLowScore(score: number, questions: number, lowScorePercent: number): boolean {
  return questions > 0 && (100 * score) / questions < lowScorePercent;
}

function buildCell(
  lesson: Lesson,
  row: LessonRow | undefined,
  quiz: QuizResult | undefined,
  overdueLesson: boolean,
  ctx: ClassContext,
): ProgressCell {
  const { locale, t } = ctx;
  const state: CellState = !row ? "not_started" : row.status === "completed" ? "completed" : "in_progress";
  const steps = lesson.content[locale].steps.length;
  const reached = state === "in_progress" && row ? furthestReached(lesson, locale, row) : { step: null, atQuiz: false };
  const { step, atQuiz } = reached;
  const questions = lesson.quiz.length;
  const overdue = overdueLesson && state !== "completed";
  const completedAt = row?.completedAt ?? null;
  const activeSeconds = row?.activeSeconds ?? 0;
  const score = quiz?.points;
  // judged once the quiz was submitted (progress has the pseudo-step), never on stray answers
  const submitted = row?.stepsDone.includes(QUIZ_STEP) ?? false;
  const lowScore = score !== undefined && submitted && isLowScore(score, questions, ctx.lowScorePercent);
  return {
    lesson: lesson.slug,
    state,
    step,
    steps,
    atQuiz,
    score: score ?? null,
    questions,
    lowScore,
    notSure: quiz?.notSure ?? 0,
    activeSeconds,
    completedAt,
    overdue,
    label: {
      status: statusLabel({ state, step, steps, overdue, atQuiz }, t),
      score: score === undefined ? "" : formatScore(score, questions, t),
      completedAt: formatDateTime(completedAt),
      time: formatDuration(activeSeconds, t),
      lowScore: lowScore ? t("teach.dash.lowScore") : "",
    },
  };
}

/** The column header's note: when an assigned lesson is due (school time), or just "assigned". */
function assignedLabel(dues: DueRow[], t: Translate): string {
  if (dues.length === 0) return "";
  const dates = [...new Set(dues.flatMap((d) => (d.due_at ? [formatDateTime(d.due_at)] : [])))];
  return dates.length > 0 ? t("teach.dash.matrix.due", { dates: dates.join(", ") }) : t("teach.dash.matrix.assigned");
}

/**
 * Stuck: a long ACTIVE time on the step a learner reached, compared with the class's median
 * active time for it. Time away from the page (overnight, another lesson, a closed laptop) never
 * counts, and a learner between lessons (one finished, the next not begun) has no step to be
 * stuck on.
 */
function stuckSignal(
  lessons: LessonRow[],
  medians: Map<string, StepMedianRow>,
  ctx: ClassContext,
  now: Date,
): HelpSignal | null {
  const { locale, t } = ctx;
  for (const row of lessons) {
    if (row.status !== "in_progress" || row.activeOnStep === null || row.activeOnStep <= 0) continue;
    const lesson = getLesson(row.lesson);
    if (!lesson) continue;
    const { step, atQuiz } = furthestReached(lesson, locale, row);
    const stepId = atQuiz ? QUIZ_STEP : step ? lesson.content[locale].steps[step - 1]?.id : undefined;
    if (!stepId) continue;
    const active = row.activeOnStep;
    const m = medians.get(`${row.lesson}#${stepId}`);
    // Without enough classmates to compare with, the lesson's own estimate per step stands in.
    const typical =
      m && m.samples >= HELP_RULES.stuckMinSamples
        ? m.median_seconds
        : (lesson.minutes * 60) / Math.max(1, lesson.content[locale].steps.length);
    if (active >= Math.max(HELP_RULES.stuckFactor * typical, typical + HELP_RULES.stuckMinExtraMinutes * 60)) {
      const params = {
        lesson: lessonTitle(lesson, locale),
        step: step ?? "?",
        active: formatDuration(active, t),
        typical: formatDuration(Math.max(60, typical), t),
        when: formatAgo(row.updatedAt, now, locale, t),
      };
      return {
        kind: "stuck",
        lesson: row.lesson,
        minutes: Math.round(active / 60),
        typicalMinutes: Math.max(1, Math.round(typical / 60)),
        label: atQuiz ? t("teach.dash.signal.stuckQuiz", params) : t("teach.dash.signal.stuck", params),
      };
    }
  }
  return null;
}

/** "lesson 3 (1/10), lesson 5 (2/8)": which quizzes a quiz signal is about, in course order. */
function quizSignal(
  cells: ProgressCell[],
  pick: (c: ProgressCell) => boolean,
  item: (c: ProgressCell, lessonNumber: number) => string,
  t: Translate,
): { lessons: string[]; list: string } | null {
  const picked = cells.filter(pick);
  if (picked.length === 0) return null;
  const number = (slug: string) => getCourse().lessons.find((l) => l.slug === slug)?.number ?? 0;
  return {
    lessons: picked.map((c) => c.lesson),
    list: picked.map((c) => item(c, number(c.lesson))).join(t("teach.dash.signal.listSeparator")),
  };
}

function quizSignals(cells: ProgressCell[], ctx: ClassContext): HelpSignal[] {
  const { t, lowScorePercent: percent } = ctx;
  const signals: HelpSignal[] = [];
  const low = quizSignal(cells, (c) => c.lowScore, (c, number) => t("teach.dash.signal.quizScoreIn", { number, score: c.label.score }), t);
  if (low) signals.push({ kind: "low-score", lessons: low.lessons, label: t("teach.dash.signal.lowScore", { percent, list: low.list }) });
  const unsure = quizSignal(
    cells,
    (c) => c.notSure >= HELP_RULES.notSure,
    (c, number) => t("teach.dash.signal.quizNotSureIn", { number, notSure: c.notSure }),
    t,
  );
  if (unsure) signals.push({ kind: "not-sure", lessons: unsure.lessons, label: t("teach.dash.signal.notSure", { n: HELP_RULES.notSure, list: unsure.list }) });
  return signals;
}

function buildStudent(row: StudentRow, medians: Map<string, StepMedianRow>, ctx: ClassContext, now: Date): StudentProgress {
  const { locale, t } = ctx;
  const lessons = row.lessons ?? [];
  const byLesson = new Map(lessons.map((l) => [l.lesson, l]));
  const dueLessons = new Set(row.due_lessons ?? []);
  const course = getCourse().lessons;
  const cells = course.map((lesson) =>
    buildCell(lesson, byLesson.get(lesson.slug), row.scores?.[lesson.slug], dueLessons.has(lesson.slug), ctx),
  );
  const lastSeen = row.last_seen ? new Date(row.last_seen) : null;
  const activeNow = !!lastSeen && now.getTime() - lastSeen.getTime() <= HELP_RULES.activeMinutes * 60_000;

  // Where they are now: the lesson they touched last, at the step they are on.
  const latest = [...lessons].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const latestLesson = latest ? course.find((l) => l.slug === latest.lesson) : undefined;
  let where: StudentProgress["where"] = null;
  let whereLabel = t("teach.dash.where.none");
  if (latest && latestLesson) {
    const steps = latestLesson.content[locale].steps;
    const step = latest.status === "completed" ? null : stepIndex(latestLesson, locale, latest.currentStep);
    const stepTitle = step ? (steps[step - 1]?.title ?? "") : "";
    where = { lesson: latest.lesson, lessonTitle: lessonTitle(latestLesson, locale), step, steps: steps.length, stepTitle };
    whereLabel =
      latest.status === "completed"
        ? t("teach.dash.where.finished", { lesson: where.lessonTitle })
        : latest.currentStep === QUIZ_STEP
          ? t("teach.dash.where.quiz", { lesson: where.lessonTitle })
          : step
          ? t("teach.dash.where.step", { lesson: where.lessonTitle, step, steps: steps.length, title: stepTitle })
          : t("teach.dash.where.lesson", { lesson: where.lessonTitle });
  }

  const signals: HelpSignal[] = [];
  if (row.wrong_streak >= HELP_RULES.wrongStreak) {
    signals.push({ kind: "wrong-streak", count: row.wrong_streak, label: t("teach.dash.signal.wrongStreak", { n: row.wrong_streak }) });
  }
  signals.push(...quizSignals(cells, ctx));
  const stuck = stuckSignal(lessons, medians, ctx, now);
  if (stuck) signals.push(stuck);
  if (row.open_flags > 0) {
    signals.push({ kind: "flag", count: row.open_flags, label: t("teach.dash.signal.flag", { n: row.open_flags }) });
  }

  return {
    id: row.id,
    displayName: row.display_name,
    username: row.username,
    cells,
    completedLessons: cells.filter((c) => c.state === "completed").length,
    activeSeconds: cells.reduce((sum, c) => sum + c.activeSeconds, 0),
    lastSeenAt: lastSeen ? lastSeen.toISOString() : null,
    lastSeenLabel: formatAgo(lastSeen, now, locale, t),
    activeNow,
    where,
    whereLabel,
    signals,
  };
}

function progressRank(s: StudentProgress): number {
  // completed lessons count fully, a lesson in progress by its share of steps
  return s.cells.reduce((sum, c) => sum + (c.state === "completed" ? 1 : c.state === "in_progress" ? (c.atQuiz ? c.steps : (c.step ?? 0)) / (c.steps + 1) : 0), 0);
}

/** The page's sort and filter, shared by the page and the gradebook export. */
export function sortAndFilter(students: StudentProgress[], query: ProgressQuery, locale: Locale): StudentProgress[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const needle = query.q.toLocaleLowerCase(locale);
  const shown = students.filter((s) => {
    if (needle && !s.displayName.toLocaleLowerCase(locale).includes(needle) && !s.username.toLowerCase().includes(needle)) {
      return false;
    }
    switch (query.show) {
      case "help":
        return s.signals.length > 0;
      case "active":
        return s.activeNow;
      case "not-started":
        return s.cells.every((c) => c.state === "not_started");
      default:
        return true;
    }
  });
  const byName = (a: StudentProgress, b: StudentProgress) =>
    collator.compare(a.displayName, b.displayName) || a.username.localeCompare(b.username);
  const compare: Record<ProgressQuery["sort"], (a: StudentProgress, b: StudentProgress) => number> = {
    name: byName,
    progress: (a, b) => progressRank(b) - progressRank(a) || byName(a, b),
    "last-seen": (a, b) => (b.lastSeenAt ?? "").localeCompare(a.lastSeenAt ?? "") || byName(a, b),
    help: (a, b) => b.signals.length - a.signals.length || byName(a, b),
  };
  return shown.sort(compare[query.sort]);
}

/** What the page itself draws of a student: the labels, not the raw numbers behind them. */
export interface PageStudent {
  id: string;
  displayName: string;
  username: string;
  activeNow: boolean;
  lastSeenLabel: string;
  whereLabel: string;
  completedLessons: number;
  signals: Pick<HelpSignal, "kind" | "label">[];
  cells: Pick<ProgressCell, "lesson" | "state" | "overdue" | "lowScore" | "label">[];
}

/**
 * The view as the page's loader sends it: only what is drawn. The page re-fetches it every
 * ~10 s, so every byte counts (the raw numbers stay on the server, for the exports).
 */
export function forThePage(view: ClassProgressView): Omit<ClassProgressView, "students"> & { students: PageStudent[] } {
  return {
    ...view,
    students: view.students.map((s) => ({
      id: s.id,
      displayName: s.displayName,
      username: s.username,
      activeNow: s.activeNow,
      lastSeenLabel: s.lastSeenLabel,
      whereLabel: s.whereLabel,
      completedLessons: s.completedLessons,
      signals: s.signals.map(({ kind, label }) => ({ kind, label })),
      cells: s.cells.map(({ lesson, state, overdue, lowScore, label }) => ({ lesson, state, overdue, lowScore, label })),
    })),
  };
}

/**
 * The class page's view. Guard + one statement; then pure shaping. `requireTeacherOf` answers
 * 404 for another teacher's class before anything is read.
 */
export async function getClassProgress(
  teacher: SessionUser,
  classId: string,
  query: ProgressQuery,
  ctx: ViewContext,
): Promise<ClassProgressView> {
  const cls = await requireTeacherOf(teacher, classId);
  return buildClassProgress(cls, query, ctx);
}

/** For views whose guard already ran (the admin's read-only view of any class of the school). */
export async function buildClassProgress(
  cls: { id: string; name: string; lowScorePercent?: number },
  query: ProgressQuery,
  viewCtx: ViewContext,
): Promise<ClassProgressView> {
  const now = viewCtx.now ?? new Date();
  const lowScorePercent = cls.lowScorePercent ?? HELP_RULES.lowScorePercent;
  const ctx: ClassContext = { ...viewCtx, lowScorePercent };
  const { rows, medians, dues } = await queryClassProgress(cls.id);
  const medianMap = new Map(medians.map((m) => [`${m.lesson}#${m.step}`, m]));
  const all = rows.map((r) => buildStudent(r, medianMap, ctx, now));
  const lessons = lessonColumns(ctx.locale).map((l) => ({ ...l, assignedLabel: assignedLabel(dues.filter((d) => d.lesson === l.slug), ctx.t) }));
  const possible = all.length * lessons.length;
  const completed = all.reduce((n, s) => n + s.completedLessons, 0);
  return {
    classId: cls.id,
    className: cls.name,
    generatedAt: now.toISOString(),
    updatedLabel: formatTime(now),
    lessons,
    students: sortAndFilter(all, query, ctx.locale),
    totalStudents: all.length,
    query,
    lowScorePercent,
    summary: {
      activeNow: all.filter((s) => s.activeNow).length,
      needHelp: all.filter((s) => s.signals.length > 0).length,
      completionPercent: possible > 0 ? Math.round((100 * completed) / possible) : 0,
      notStarted: all.filter((s) => s.cells.every((c) => c.state === "not_started")).length,
    },
  };
}
