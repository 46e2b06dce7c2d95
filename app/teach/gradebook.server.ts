/**
 * The gradebook export: built from the class page's own view (getClassProgress, same filter and
 * order), so a spreadsheet never disagrees with what the teacher saw. CSV as app/utils/csv.ts
 * writes it: a byte-order mark, CRLF, and formula-like cells neutralised (names and answers are
 * typed by children).
 */
import type { SessionUser } from "~/utils/auth.server";
import { toCsv, type CsvCell } from "~/utils/csv";
import { currentTimeZone } from "~/utils/request-scope.server";
import { timeZoneLabel } from "~/utils/time-zone-names.server";
import { getClassProgress, type ClassProgressView } from "./class-page.server";
import type { ProgressQuery } from "./progress-query.server";
import type { ViewContext } from "./view-context.server";

/**
 * Gradebook: one row per student shown on the class page (same filter, same order), and per
 * lesson five columns a spreadsheet can compute with: the status as the page prints it (text),
 * the quiz points, the maximum and the percentage (numbers, never "7/9", which Excel and Google
 * Sheets read as a date), and the completion time as "2025-03-14 09:05" in the school's zone
 * (named in the header as the teacher's language names it, like the assignment page), which
 * spreadsheets read as a date and time.
 */
export function gradebookRows(view: ClassProgressView, ctx: Pick<ViewContext, "t" | "locale">): CsvCell[][] {
  const { t } = ctx;
  const zone = timeZoneLabel(currentTimeZone(), ctx.locale);
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
