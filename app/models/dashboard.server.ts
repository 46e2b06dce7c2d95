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
import { getCourse } from "~/course/course.server";
import { QUIZ_STEP } from "~/course/lesson-paths";
import { OVERCONFIDENT_PENALTY } from "~/course/scoring";
import type { Lesson } from "~/course/types";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { translator } from "~/i18n/catalogs.server";
import { db } from "~/utils/db.server";
import { localeOf } from "~/utils/locale-of.server";
import type { SessionUser } from "~/utils/auth.server";
import { requireTeacherOf } from "./classes.server";
import { formatAgo, formatDateTime, formatDuration, formatTime } from "./dashboard-labels.server";

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
  /** Stuck: on one step at least this many times longer than the class's median for it… */
  stuckFactor: 3,
  /** …and at least this many minutes longer, so short steps do not raise false alarms. */
  stuckMinExtraMinutes: 5,
  /** The class median counts only when this many classmates have finished the step. */
  stuckMinSamples: 3,
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
  /** 1-based current step while in progress (null at the quiz or when unknown). */
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
  activeSeconds: number;
  completedAt: string | null;
  /** Assigned to this student, due date passed, not completed. */
  overdue: boolean;
  /** The exact text shown on the page and written to the gradebook CSV. */
  label: { status: string; score: string; completedAt: string; time: string };
}

export type HelpSignal =
  | { kind: "wrong-streak"; count: number; label: string }
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
  summary: { activeNow: number; needHelp: number; completionPercent: number; notStarted: number };
}

/* ------------------------------------------------------------------------------------------ */
/* The query                                                                                  */
/* ------------------------------------------------------------------------------------------ */

interface LessonRow {
  lesson: string;
  status: "in_progress" | "completed";
  currentStep: string | null;
  activeSeconds: number;
  startedAt: string;
  completedAt: string | null;
  updatedAt: string;
  /** When the learner arrived at the current step (their last finished step of this lesson, or the start). */
  arrivedAt: string | null;
}

type StudentRow = {
  id: string;
  display_name: string;
  username: string;
  lessons: LessonRow[] | null;
  /** lesson slug → score of the latest quiz attempt */
  scores: Record<string, number> | null;
  wrong_streak: number;
  last_seen: Date | string | null;
  open_flags: number;
  /** lesson slugs assigned to this student whose due date has passed */
  due_lessons: string[] | null;
};

interface StepMedianRow {
  lesson: string;
  step: string;
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
    steps_done as (
      -- every step a classmate finished, with the moment they had arrived at it (the previous
      -- step's end, or the lesson's start)
      select a.actor_id as user_id,
             split_part(a.object_id, '#', 1) as lesson,
             split_part(a.object_id, '#', 2) as step,
             a.created_at as done_at,
             coalesce(lag(a.created_at) over (partition by a.actor_id, split_part(a.object_id, '#', 1) order by a.created_at),
                      rp.started_at) as arrived_at
      from roster r
      join activity_log a on a.actor_id = r.id and a.verb = 'completed-step' -- literal: matches activity_steps_done_idx
      left join roster_progress rp on rp.user_id = a.actor_id and rp.lesson_slug = split_part(a.object_id, '#', 1)
    ),
    last_done as (
      -- when each learner finished their latest step of each lesson: arrival at the current step
      select user_id, lesson, max(done_at) as at from steps_done group by user_id, lesson
    ),
    progress as (
      select lp.user_id,
             json_agg(json_build_object(
               'lesson', lp.lesson_slug,
               'status', lp.status,
               'currentStep', lp.current_step,
               'activeSeconds', lp.active_seconds,
               'startedAt', lp.started_at,
               'completedAt', lp.completed_at,
               'updatedAt', lp.updated_at,
               'arrivedAt', greatest(lp.started_at, ld.at)
             )) as lessons,
             max(lp.updated_at) as last_progress
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
      select user_id, json_object_agg(lesson_slug, points) as scores
      from (
        select user_id, lesson_slug,
               greatest(0, sum(case when correct then 1
                                    when not not_sure and confidence in ('sure', 'fairly_sure') then ${-OVERCONFIDENT_PENALTY}::float8
                                    else 0 end))::float8 as points
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
      select lesson, step,
             percentile_cont(0.5) within group (order by extract(epoch from done_at - arrived_at)) as median_seconds,
             count(*)::int as samples
      from steps_done
      where arrived_at is not null
      group by lesson, step
    )
    select r.id, r.display_name, r.username,
           p.lessons,
           sc.scores,
           coalesce(streak.n, 0)::int as wrong_streak,
           greatest(p.last_progress, seen.at, streak.last_at) as last_seen,
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
      select coalesce(min(rn) filter (where correct) - 1, count(*)) as n, max(created_at) as last_at
      from (
        select q.correct, q.created_at,
               row_number() over (order by q.created_at desc, array_position(${questionOrder}::text[], q.question_id) desc nulls last) as rn
        from quiz_answers q where q.user_id = r.id
        order by q.created_at desc, array_position(${questionOrder}::text[], q.question_id) desc nulls last
        limit 10
      ) recent
    ) streak on true
    left join lateral (
      -- the latest learning event or playground message (each one backward index probe)
      select greatest(
        (select max(a.created_at) from activity_log a where a.actor_id = r.id),
        (select max(m.created_at) from playground_messages m where m.user_id = r.id)
      ) as at
    ) seen on true
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
  const i = lesson.content[locale].steps.findIndex((s) => s.id === stepId);
  return i < 0 ? null : i + 1;
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

function buildCell(
  lesson: Lesson,
  row: LessonRow | undefined,
  score: number | undefined,
  overdueLesson: boolean,
  ctx: ViewContext,
): ProgressCell {
  const { locale, t } = ctx;
  const state: CellState = !row ? "not_started" : row.status === "completed" ? "completed" : "in_progress";
  const steps = lesson.content[locale].steps.length;
  const step = state === "in_progress" ? stepIndex(lesson, locale, row?.currentStep ?? null) : null;
  const atQuiz = state === "in_progress" && row?.currentStep === QUIZ_STEP;
  const questions = lesson.quiz.length;
  const overdue = overdueLesson && state !== "completed";
  const completedAt = row?.completedAt ?? null;
  const activeSeconds = row?.activeSeconds ?? 0;
  return {
    lesson: lesson.slug,
    state,
    step,
    steps,
    atQuiz,
    score: score ?? null,
    questions,
    activeSeconds,
    completedAt,
    overdue,
    label: {
      status: statusLabel({ state, step, steps, overdue, atQuiz }, t),
      score: score === undefined ? "" : formatScore(score, questions, t),
      completedAt: formatDateTime(completedAt),
      time: formatDuration(activeSeconds, t),
    },
  };
}

/** The column header's note: when an assigned lesson is due (school time), or just "assigned". */
function assignedLabel(dues: DueRow[], t: Translate): string {
  if (dues.length === 0) return "";
  const dates = [...new Set(dues.flatMap((d) => (d.due_at ? [formatDateTime(d.due_at)] : [])))];
  return dates.length > 0 ? t("teach.dash.matrix.due", { dates: dates.join(", ") }) : t("teach.dash.matrix.assigned");
}

function stuckSignal(
  lessons: LessonRow[],
  medians: Map<string, StepMedianRow>,
  ctx: ViewContext,
): HelpSignal | null {
  const { locale, t } = ctx;
  for (const row of lessons) {
    if (row.status !== "in_progress" || !row.currentStep || !row.arrivedAt) continue;
    const lesson = getCourse().lessons.find((l) => l.slug === row.lesson);
    if (!lesson) continue;
    // Time on the current step up to the learner's last activity in the lesson: a learner who
    // closed the page is not "stuck" for the hours they were away.
    const dwell = (new Date(row.updatedAt).getTime() - new Date(row.arrivedAt).getTime()) / 1000;
    if (dwell <= 0) continue;
    const m = medians.get(`${row.lesson}#${row.currentStep}`);
    // Without enough classmates to compare with, the lesson's own estimate per step stands in.
    const typical =
      m && m.samples >= HELP_RULES.stuckMinSamples
        ? m.median_seconds
        : (lesson.minutes * 60) / Math.max(1, lesson.content[locale].steps.length);
    if (dwell >= Math.max(HELP_RULES.stuckFactor * typical, typical + HELP_RULES.stuckMinExtraMinutes * 60)) {
      const minutes = Math.round(dwell / 60);
      const typicalMinutes = Math.max(1, Math.round(typical / 60));
      const step = stepIndex(lesson, locale, row.currentStep);
      const params = { lesson: lessonTitle(lesson, locale), step: step ?? "?", minutes, typical: typicalMinutes };
      return {
        kind: "stuck",
        lesson: row.lesson,
        minutes,
        typicalMinutes,
        label: row.currentStep === QUIZ_STEP ? t("teach.dash.signal.stuckQuiz", params) : t("teach.dash.signal.stuck", params),
      };
    }
  }
  return null;
}

function buildStudent(row: StudentRow, medians: Map<string, StepMedianRow>, ctx: ViewContext, now: Date): StudentProgress {
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

  // Where they are now: the lesson they touched last.
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
  const stuck = stuckSignal(lessons, medians, ctx);
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
  cells: Pick<ProgressCell, "lesson" | "state" | "overdue" | "label">[];
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
      cells: s.cells.map(({ lesson, state, overdue, label }) => ({ lesson, state, overdue, label })),
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
  cls: { id: string; name: string },
  query: ProgressQuery,
  ctx: ViewContext,
): Promise<ClassProgressView> {
  const now = ctx.now ?? new Date();
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
    summary: {
      activeNow: all.filter((s) => s.activeNow).length,
      needHelp: all.filter((s) => s.signals.length > 0).length,
      completionPercent: possible > 0 ? Math.round((100 * completed) / possible) : 0,
      notStarted: all.filter((s) => s.cells.every((c) => c.state === "not_started")).length,
    },
  };
}
