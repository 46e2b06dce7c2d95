/**
 * Students × lessons. Each cell says its state in words and with a symbol (never colour alone):
 * not started, the step they are on, or completed; then the quiz score, time spent and when it
 * was completed. These are the very strings the gradebook CSV contains.
 * The table scrolls sideways inside a focusable region on narrow screens, names stay in view.
 *
 * Test hooks (kept short: the table is re-sent every ~10 s): the table is
 * [data-testid="progress-matrix"] with data-generated-at; a student's row is
 * [data-testid="row-<studentId>"]; a cell in it is td[data-lesson="<slug>"] with data-state.
 */
import { Link } from "@remix-run/react";
import type { LessonColumn, PageStudent, ProgressCell } from "~/models/dashboard.server";
import { useT } from "~/i18n/use-t";

const SYMBOL: Record<ProgressCell["state"], string> = { completed: "✓", in_progress: "◐", not_started: "·" };

export function ProgressMatrix({
  view,
  studentHref,
}: {
  view: { lessons: LessonColumn[]; students: PageStudent[]; generatedAt: string };
  /** Where a student's name links to; none for read-only views. */
  studentHref?: (studentId: string) => string;
}) {
  const t = useT();
  return (
    <div className="matrix-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
      <table className="progress-matrix" data-testid="progress-matrix" data-generated-at={view.generatedAt}>
        <caption id="matrix-caption" className="visually-hidden">
          {t("teach.dash.matrix.caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-name">
              {t("teach.dash.matrix.student")}
            </th>
            {view.lessons.map((l) => (
              <th key={l.slug} scope="col" className="matrix-lesson">
                <span className="lesson-no">{l.number}</span> {l.title}{" "}
                <Link className="matrix-guide small no-print" to={`/teach/guide/${l.slug}`} aria-label={t("guide.link.columnLabel", { title: l.title })}>
                  {t("guide.link.column")}
                </Link>
                {l.assignedLabel ? <span className="matrix-due small">{l.assignedLabel}</span> : null}
              </th>
            ))}
            <th scope="col" className="matrix-total">
              {t("teach.dash.matrix.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.students.map((s) => (
            <tr key={s.id} data-testid={`row-${s.id}`}>
              <th scope="row" className="matrix-name">
                {studentHref ? <Link to={studentHref(s.id)}>{s.displayName}</Link> : s.displayName}
                <span className="matrix-username">{s.username}</span>
                {s.signals.length > 0 ? (
                  <span className="badge bad help-badge">{t("teach.dash.needsHelpShort")}</span>
                ) : null}
              </th>
              {s.cells.map((c) => (
                <td
                  key={c.lesson}
                  className={`cell ${c.state}${c.overdue ? " overdue" : ""}`}
                  data-lesson={c.lesson}
                  data-state={c.state}
                >
                  <span className="cell-status">
                    <span className="cell-symbol" aria-hidden="true">
                      {SYMBOL[c.state]}
                    </span>{" "}
                    {c.label.status}
                  </span>
                  {c.label.score || c.label.time ? (
                    <span className="cell-meta">
                      {c.label.score ? (
                        <span>
                          <span className="visually-hidden">{t("teach.dash.matrix.quiz")} </span>
                          {c.label.score}
                        </span>
                      ) : null}
                      {c.label.score && c.label.time ? " · " : null}
                      {c.label.time ? (
                        <span>
                          <span className="visually-hidden">{t("teach.dash.matrix.time")} </span>
                          {c.label.time}
                        </span>
                      ) : null}
                    </span>
                  ) : null}
                  {c.label.completedAt ? <span className="cell-date">{c.label.completedAt}</span> : null}
                </td>
              ))}
              <td className="matrix-total">
                {t("teach.dash.matrix.completedOf", { n: s.completedLessons, total: view.lessons.length })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
