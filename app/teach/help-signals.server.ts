/**
 * Who needs help, with the reason in words: answers in a row not right, a low quiz score or many
 * "I'm not sure" answers in one quiz, far longer active time on one step than the class usually
 * takes, or an open flag on a playground exchange. The thresholds are HELP_RULES.
 */
import { getCourse, getLesson } from "~/course/course.server";
import { QUIZ_STEP } from "~/course/lesson-paths";
import type { Translate } from "~/i18n/translate";
import type { LessonRow, StepMedianRow, StudentRow } from "./class-progress-query.server";
import { HELP_RULES } from "./help-rules";
import { formatAgo, formatDuration } from "./labels.server";
import { furthestReached, lessonTitle, type ProgressCell } from "./progress-cells.server";
import type { ClassContext } from "./view-context.server";

export type HelpSignal =
  | { kind: "wrong-streak"; count: number; label: string }
  | { kind: "low-score"; lessons: string[]; label: string }
  | { kind: "not-sure"; lessons: string[]; label: string }
  | { kind: "stuck"; lesson: string; minutes: number; typicalMinutes: number; label: string }
  | { kind: "flag"; count: number; label: string };

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

/** Every signal of one student, in the order the page lists them. */
export function helpSignals(
  row: Pick<StudentRow, "wrong_streak" | "open_flags" | "lessons">,
  cells: ProgressCell[],
  medians: Map<string, StepMedianRow>,
  ctx: ClassContext,
  now: Date,
): HelpSignal[] {
  const { t } = ctx;
  const signals: HelpSignal[] = [];
  if (row.wrong_streak >= HELP_RULES.wrongStreak) {
    signals.push({ kind: "wrong-streak", count: row.wrong_streak, label: t("teach.dash.signal.wrongStreak", { n: row.wrong_streak }) });
  }
  signals.push(...quizSignals(cells, ctx));
  const stuck = stuckSignal(row.lessons ?? [], medians, ctx, now);
  if (stuck) signals.push(stuck);
  if (row.open_flags > 0) {
    signals.push({ kind: "flag", count: row.open_flags, label: t("teach.dash.signal.flag", { n: row.open_flags }) });
  }
  return signals;
}
