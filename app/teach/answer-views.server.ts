/**
 * One answer as a teacher reads it — its text (never a letter: every learner saw the choices in
 * their own shuffled order), the confidence given and whether it was right — for the quiz page's
 * learner tables, the student page and the quiz responses CSV alike.
 */
import { getCourse } from "~/course/course.server";
import { courseIndex, lessonIndex, type CourseQuestion, type LessonQuestion } from "~/course/course-index";
import type { Confidence } from "~/course/scoring";
import type { Lesson, Question } from "~/course/types";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { formatDateTime } from "~/utils/school-time.server";
import type { ViewContext } from "./view-context.server";

/** A flat row per answer: the quiz responses CSV and the per-learner tables come from these. */
export interface ResponseRow {
  studentId: string;
  displayName: string;
  username: string;
  lesson: string;
  questionId: string;
  kind: "quiz" | "check";
  attempt: number;
  choices: string[];
  textAnswer: string | null;
  notSure: boolean;
  confidence: Confidence | null;
  correct: boolean;
  createdAt: string;
}

export interface AttemptView {
  attempt: number;
  answer: string;
  notSure: boolean;
  confidence: Confidence | null;
  confidenceLabel: string;
  correct: boolean;
  resultLabel: string;
  at: string;
}

/** A lesson's questions in the order a learner meets them (course-index.ts). */
export function questionsOf(lesson: Lesson): readonly LessonQuestion[] {
  return lessonIndex(lesson).questions;
}

export function confidenceLabel(c: Confidence | null, t: Translate): string {
  if (!c) return "";
  return t(c === "sure" ? "teach.dash.conf.sure" : c === "fairly_sure" ? "teach.dash.conf.fairlySure" : "teach.dash.conf.guessing");
}

/**
 * "It predicts likely next tokens…" — the answer as the teacher reads it: by its text, never a
 * letter, because every learner saw the choices in their own shuffled order (a "B" would name a
 * different choice for each of them).
 */
export function answerText(row: Pick<ResponseRow, "choices" | "textAnswer" | "notSure">, question: Question | undefined, locale: Locale, t: Translate): string {
  if (row.notSure) return t("teach.dash.notSure");
  if (row.textAnswer != null && row.textAnswer !== "") return row.textAnswer;
  const choices = question?.content[locale].choices ?? [];
  return row.choices
    .map((id) => {
      return choices.find((c) => c.id === id)?.text ?? id;
    })
    .join("; ");
}

/** Every question of the course by "lessonSlug/questionId" (course-index.ts: built once, on load). */
export function questionIndex(): ReadonlyMap<string, CourseQuestion> {
  return courseIndex(getCourse()).questionByRef;
}

export function attemptView(row: ResponseRow, question: Question | undefined, ctx: ViewContext): AttemptView {
  const { locale, t } = ctx;
  return {
    attempt: row.attempt,
    answer: answerText(row, question, locale, t),
    notSure: row.notSure,
    confidence: row.confidence,
    confidenceLabel: confidenceLabel(row.confidence, t),
    correct: row.correct,
    resultLabel: row.correct ? t("teach.dash.result.right") : row.notSure ? t("teach.dash.result.notSure") : t("teach.dash.result.wrong"),
    at: formatDateTime(row.createdAt),
  };
}
