/**
 * Exports that match the screen. Each export is built from the same view function as its page
 * (getClassProgress for the gradebook, the quiz view's attempt rows for the responses), so a
 * spreadsheet never disagrees with what the teacher saw.
 *
 * CSV: UTF-8 with a byte-order mark (spreadsheet programs then show Chinese names correctly),
 * CRLF line ends (RFC 4180), and every cell that a spreadsheet would run as a formula — starting
 * with = + - @, a tab or a carriage return — neutralised with a leading apostrophe (OWASP "CSV
 * injection"). Student names and free-text answers are typed by children: never trust them.
 */
import type { SessionUser } from "~/utils/auth.server";
import { getCourse } from "~/course/course.server";
import { requireTeacherOf } from "./classes.server";
import { getClassProgress, type ClassProgressView, type ProgressQuery, type ViewContext } from "./dashboard.server";
import { attemptView, getClassResponses, questionIndex, type ResponseRow } from "./dashboard-quiz.server";
import { listClassAssignments } from "./assignments.server";

import { toCsv, type CsvCell } from "~/utils/csv";
import { currentTimeZone } from "~/utils/request-scope.server";

export { BOM, neutralizeCell, parseCsv, toCsv, type CsvCell } from "~/utils/csv";

/** A download name: the class name kept readable (Chinese too), plus the date. */
export function exportFileName(className: string, kind: string, ext: "csv" | "json", now = new Date()): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot be in a file name
  const base = className.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").trim().slice(0, 60) || "class";
  return `${base} - ${kind} - ${now.toISOString().slice(0, 10)}.${ext}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/* ------------------------------------------------------------------------------------------ */

/**
 * Gradebook: one row per student shown on the class page (same filter, same order), and per
 * lesson five columns a spreadsheet can compute with: the status as the page prints it (text),
 * the quiz points, the maximum and the percentage (numbers, never "7/9", which Excel and Google
 * Sheets read as a date), and the completion time as "2025-03-14 09:05" in the school's zone
 * (named in the header), which spreadsheets read as a date and time.
 */
export function gradebookRows(view: ClassProgressView, ctx: Pick<ViewContext, "t">): CsvCell[][] {
  const { t } = ctx;
  const zone = currentTimeZone();
  const header: CsvCell[] = [t("teach.dash.csv.student"), t("teach.dash.csv.username")];
  for (const lesson of view.lessons) {
    const name = `${lesson.number}. ${lesson.title}`;
    header.push(
      t("teach.dash.csv.lessonStatus", { lesson: name }),
      t("teach.dash.csv.lessonPoints", { lesson: name }),
      t("teach.dash.csv.lessonMaxPoints", { lesson: name }),
      t("teach.dash.csv.lessonPercent", { lesson: name }),
      t("teach.dash.csv.lessonCompletedAt", { lesson: name, zone }),
    );
  }
  const rows = view.students.map((s) => [
    s.displayName,
    s.username,
    ...s.cells.flatMap((c) => [
      c.label.status,
      c.score === null ? null : roundTo(c.score, 1),
      c.questions,
      c.score === null || c.questions === 0 ? null : roundTo((100 * c.score) / c.questions, 1),
      c.label.completedAt || null,
    ]),
  ]);
  return [header, ...rows];
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export async function gradebookCsv(teacher: SessionUser, classId: string, query: ProgressQuery, ctx: ViewContext) {
  const view = await getClassProgress(teacher, classId, query, ctx);
  return { csv: toCsv(gradebookRows(view, ctx)), className: view.className };
}

/** Quiz responses: one row per answer, each attempt as the quiz page's learner tables print it. */
export function responseRows(rows: ResponseRow[], ctx: ViewContext): CsvCell[][] {
  const { t, locale } = ctx;
  const index = questionIndex();
  const header = [
    t("teach.dash.csv.student"),
    t("teach.dash.csv.username"),
    t("teach.dash.csv.lesson"),
    t("teach.dash.csv.questionId"),
    t("teach.dash.csv.question"),
    t("teach.dash.csv.kind"),
    t("teach.dash.csv.attempt"),
    t("teach.dash.csv.answer"),
    t("teach.dash.csv.confidence"),
    t("teach.dash.csv.result"),
    t("teach.dash.csv.answeredAt"),
  ];
  const body = rows.map((r) => {
    const found = index.get(`${r.lesson}/${r.questionId}`);
    const view = attemptView(r, found?.question, ctx);
    return [
      r.displayName,
      r.username,
      found ? `${found.lesson.number}. ${found.lesson.content[locale].title}` : r.lesson,
      r.questionId,
      found?.question.content[locale].prompt ?? "",
      t(r.kind === "quiz" ? "teach.dash.kind.quiz" : "teach.dash.kind.check"),
      view.attempt,
      view.answer,
      view.confidenceLabel,
      view.resultLabel,
      view.at,
    ];
  });
  return [header, ...body];
}

export async function responsesCsv(teacher: SessionUser, classId: string, ctx: ViewContext) {
  const cls = await requireTeacherOf(teacher, classId);
  const rows = await getClassResponses(cls.id);
  return { csv: toCsv(responseRows(rows, ctx)), className: cls.name };
}

function choiceTexts(
  answer: Pick<ResponseRow, "lesson" | "questionId" | "choices">,
  index: ReturnType<typeof questionIndex>,
  locale: ViewContext["locale"],
): string[] {
  const choices = index.get(`${answer.lesson}/${answer.questionId}`)?.question.content[locale].choices ?? [];
  return answer.choices.map((id) => choices.find((c) => c.id === id)?.text ?? id);
}

/** The whole class as JSON: progress as on the page, every answer, and the assignments. */
export async function classJson(teacher: SessionUser, classId: string, ctx: ViewContext) {
  const view = await getClassProgress(teacher, classId, { sort: "name", show: "all", q: "" }, ctx);
  const [answers, assignments] = await Promise.all([getClassResponses(classId), listClassAssignments(teacher, classId, ctx)]);
  const index = questionIndex();
  return {
    className: view.className,
    body: {
      format: "lantern-class-export",
      version: 1,
      exportedAt: view.generatedAt,
      class: { id: view.classId, name: view.className },
      course: getCourse().lessons.map((l) => ({ slug: l.slug, number: l.number, title: l.content[ctx.locale].title, steps: l.content[ctx.locale].steps.length, quizQuestions: l.quiz.length })),
      students: view.students.map((s) => ({
        id: s.id,
        displayName: s.displayName,
        username: s.username,
        lastSeenAt: s.lastSeenAt,
        needsHelp: s.signals.map((x) => x.label),
        lessons: s.cells.map((c) => ({
          lesson: c.lesson,
          status: c.state,
          step: c.step,
          steps: c.steps,
          quizScore: c.score,
          quizQuestions: c.questions,
          atQuiz: c.atQuiz,
          activeSeconds: c.activeSeconds,
          completedAt: c.completedAt,
          overdue: c.overdue,
        })),
      })),
      answers: answers.map((a) => ({
        studentId: a.studentId,
        lesson: a.lesson,
        questionId: a.questionId,
        kind: a.kind,
        attempt: a.attempt,
        choices: a.choices,
        // Choice ids are stable but meaningless to a reader, and positions differ per learner.
        choiceTexts: choiceTexts(a, index, ctx.locale),
        textAnswer: a.textAnswer,
        notSure: a.notSure,
        confidence: a.confidence,
        correct: a.correct,
        answeredAt: a.createdAt,
      })),
      assignments: assignments.map((a) => ({
        lesson: a.lesson,
        dueAt: a.dueAt,
        wholeClass: a.wholeClass,
        students: a.targetNames,
        assigned: a.assigned,
        completed: a.completed,
        overdue: a.overdue,
      })),
    },
  };
}
