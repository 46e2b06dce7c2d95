/**
 * The matrix's cells: for each student and lesson, the state (not started, the furthest step
 * reached, at the quiz, completed), the latest quiz score by the course's rule, time spent and
 * overdue — with the exact text the page shows and the gradebook CSV writes.
 */
import { getCourse } from "~/course/course.server";
import { lessonIndex } from "~/course/course-index";
import { QUIZ_STEP } from "~/course/lesson-paths";
import type { Lesson } from "~/course/types";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { formatDateTime } from "~/utils/school-time.server";
import type { DueRow, LessonRow, QuizResult } from "./class-progress-query.server";
import { formatDuration, formatScore } from "./labels.server";
import type { ClassContext } from "./view-context.server";

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

export function lessonTitle(lesson: Lesson, locale: Locale): string {
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

export function stepIndex(lesson: Lesson, locale: Locale, stepId: string | null): number | null {
  if (!stepId || stepId === QUIZ_STEP) return null;
  const i = lessonIndex(lesson).byLocale[locale].stepById.get(stepId)?.index;
  return i === undefined ? null : i + 1;
}

export function statusLabel(cell: Pick<ProgressCell, "state" | "step" | "steps" | "overdue" | "atQuiz">, t: Translate): string {
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
export function furthestReached(lesson: Lesson, locale: Locale, row: LessonRow): { step: number | null; atQuiz: boolean } {
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

export function buildCell(
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
export function assignedLabel(dues: DueRow[], t: Translate): string {
  if (dues.length === 0) return "";
  const dates = [...new Set(dues.flatMap((d) => (d.due_at ? [formatDateTime(d.due_at)] : [])))];
  return dates.length > 0 ? t("teach.dash.matrix.due", { dates: dates.join(", ") }) : t("teach.dash.matrix.assigned");
}
