/**
 * The teacher's class page: who is where, how far, and who needs help.
 *
 * The guard (requireTeacherOf) plus one statement whatever the class size, and the class's step
 * medians at most once a minute (class-progress-query.server.ts); then pure shaping into display
 * text, here on the server, in the teacher's language. The gradebook CSV is built from the very
 * same view (gradebook.server.ts), so it matches the screen.
 */
import { getCourse } from "~/course/course.server";
import { QUIZ_STEP } from "~/course/lesson-paths";
import { requireTeacherOf } from "~/models/classes.server";
import type { SessionUser } from "~/utils/auth.server";
import { formatTime } from "~/utils/school-time.server";
import { queryClassProgress, type StepMedianRow, type StudentRow } from "./class-progress-query.server";
import { HELP_RULES } from "./help-rules";
import { helpSignals, type HelpSignal } from "./help-signals.server";
import { formatAgo } from "./labels.server";
import { assignedLabel, buildCell, lessonColumns, lessonTitle, stepIndex, type LessonColumn, type ProgressCell } from "./progress-cells.server";
import { sortAndFilter, type ProgressQuery } from "./progress-query.server";
import type { ClassContext, ViewContext } from "./view-context.server";

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

/** One row of the matrix, with where the student is now and why they may need help. */
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
  // online with no lesson opened (the playground, say): not the "active now" beside "not opened" it read as
  let whereLabel = activeNow ? t("teach.dash.where.onlineNoLesson") : t("teach.dash.where.none");
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

  const signals = helpSignals(row, cells, medians, ctx, now);

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

/** A cell as the page draws it: the labels it shows (an empty one is left out), not the raw numbers behind them. */
export type PageCell = Pick<ProgressCell, "lesson" | "state" | "overdue" | "lowScore"> & { label: Partial<ProgressCell["label"]> };

/** What the page itself draws of a student. */
export interface PageStudent {
  id: string;
  displayName: string;
  username: string;
  activeNow: boolean;
  lastSeenLabel: string;
  whereLabel: string;
  completedLessons: number;
  signals: Pick<HelpSignal, "kind" | "label">[];
  cells: PageCell[];
}

/** A column header as the page draws it. */
export type PageLessonColumn = Pick<LessonColumn, "slug" | "number" | "title" | "assignedLabel">;

/** The view as the class page, the admin's copy of it and the printable report draw it. */
export interface PageView {
  classId: string;
  className: string;
  generatedAt: string;
  updatedLabel: string;
  lessons: PageLessonColumn[];
  /** Every lesson of the course: the "completed" total counts them all, whichever are columns. */
  allLessons: number;
  students: PageStudent[];
  totalStudents: number;
  query: ProgressQuery;
  summary: Pick<ClassProgressView["summary"], "activeNow" | "needHelp" | "completionPercent">;
}

/** Only the labels a cell shows: most cells have no score, time or date, and 280 of them are sent on every refresh. */
function shownLabels(label: ProgressCell["label"]): PageCell["label"] {
  const shown: PageCell["label"] = { status: label.status };
  if (label.score) shown.score = label.score;
  if (label.time) shown.time = label.time;
  if (label.completedAt) shown.completedAt = label.completedAt;
  if (label.lowScore) shown.lowScore = label.lowScore;
  return shown;
}

/**
 * The view as the page's loader sends it: only what is drawn. The page re-fetches it every
 * ~10 s, so every byte counts (the raw numbers stay on the server, for the exports).
 */
export function forThePage(view: ClassProgressView): PageView {
  // A cell with nothing but its status ("Not started") is the same for every student who has
  // not started that lesson: one object, which the page data then names once and refers back
  // to (turbo-stream sends an object it has already sent as a reference).
  const statusOnly = new Map<string, PageCell>();
  const pageCell = ({ lesson, state, overdue, lowScore, label }: ProgressCell): PageCell => {
    const cell: PageCell = { lesson, state, overdue, lowScore, label: shownLabels(label) };
    if (label.score || label.time || label.completedAt || label.lowScore) return cell;
    const key = `${lesson}\n${state}\n${overdue}\n${label.status}`;
    const seen = statusOnly.get(key);
    if (seen) return seen;
    statusOnly.set(key, cell);
    return cell;
  };
  const { activeNow, needHelp, completionPercent } = view.summary;
  // A class of 40 doing one assigned lesson on a school laptop: the other six columns are ~2,000 px
  // of "Not started" to scroll past (found in a teacher's walk). Kept whole when none is assigned.
  const assigned = view.lessons.filter((l) => l.assignedLabel);
  const columns = view.query.lessons === "assigned" && assigned.length > 0 ? assigned : view.lessons;
  const shown = new Set(columns.map((l) => l.slug));
  return {
    classId: view.classId,
    className: view.className,
    generatedAt: view.generatedAt,
    updatedLabel: view.updatedLabel,
    lessons: columns.map(({ slug, number, title, assignedLabel }) => ({ slug, number, title, assignedLabel })),
    allLessons: view.lessons.length,
    students: view.students.map((s) => ({
      id: s.id,
      displayName: s.displayName,
      username: s.username,
      activeNow: s.activeNow,
      lastSeenLabel: s.lastSeenLabel,
      whereLabel: s.whereLabel,
      completedLessons: s.completedLessons,
      signals: s.signals.map(({ kind, label }) => ({ kind, label })),
      cells: s.cells.filter((c) => shown.has(c.lesson)).map(pageCell),
    })),
    totalStudents: view.totalStudents,
    query: view.query,
    summary: { activeNow, needHelp, completionPercent },
  };
}

/**
 * The class page's view. Guard, then its statements; then pure shaping. `requireTeacherOf` answers
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
