/**
 * The quiz responses CSV: one row per answer, each attempt as the quiz page's learner tables
 * print it (answer-views.server.ts).
 */
import { requireTeacherOf } from "~/models/classes.server";
import type { SessionUser } from "~/utils/auth.server";
import { toCsv, type CsvCell } from "~/utils/csv";
import { attemptView, questionIndex, type ResponseRow } from "./answer-views.server";
import { getClassResponses } from "./quiz-insight.server";
import type { ViewContext } from "./view-context.server";

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
