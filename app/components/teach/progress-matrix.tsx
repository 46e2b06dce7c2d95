/**
 * Students × lessons. Each cell says its state in words and with a symbol (never colour alone):
 * not started, the step they are on, or completed; then the quiz score, time spent and when it
 * was completed. These are the very strings the gradebook CSV contains.
 * A quiz score below the class's threshold is marked in words ("Low score"; the threshold is in the needs-help rules) as well
 * as in colour.
 *
 * The table scrolls sideways inside a labelled, focusable region (arrow keys scroll it); the
 * name column stays in view. While more columns are hidden, a text hint says so and a shaded
 * edge shows on the side that scrolls (a small script measures it; without JavaScript the hint
 * always shows).
 *
 * Test hooks (kept short: the table is re-sent every ~10 s): the table is
 * [data-testid="progress-matrix"] with data-generated-at; a student's row is
 * [data-testid="row-<studentId>"]; its cells follow the lesson columns, each classed by its state.
 */
import { useEffect, useRef, useState } from "react";
import type { PageCell, PageLessonColumn, PageStudent } from "~/teach/class-page.server";
import { useT } from "~/i18n/use-t";
import { ScoringNote } from "./scoring-note";
import { useInAppLinks } from "~/components/ui/in-app-links";

export function ProgressMatrix({
  view,
  studentHref,
}: {
  view: {
    lessons: PageLessonColumn[];
    allLessons: number;
    students: PageStudent[];
    generatedAt: string;
  };
  /** Where a student's name links to; none for read-only views. */
  studentHref?: (studentId: string) => string;
}) {
  const t = useT();
  const { ref, edges } = useScrollEdges();
  // plain links (names, guides): one listener keeps them inside the app
  const links = useInAppLinks<HTMLDivElement>();
  // the same two labels in every cell: looked up once
  const quizLabel = `${t("teach.dash.matrix.quiz")} `;
  const timeLabel = `${t("teach.dash.matrix.time")} `;
  return (
    <div className="matrix-frame" ref={links} data-overflow={edges.overflow} data-scrolled={edges.scrolled} data-at-end={edges.atEnd}>
      <p className="matrix-scroll-hint small" id="matrix-scroll-hint" data-testid="matrix-scroll-hint">
        <span aria-hidden="true">↔ </span>
        {t("teach.dash.matrix.scrollHint")}
      </p>
      <div className="matrix-viewport">
        <div
          className="matrix-scroll"
          role="region"
          aria-label={t("teach.dash.matrix.region")}
          aria-describedby={edges.overflow ? "matrix-scroll-hint" : undefined}
          tabIndex={0}
          ref={ref}
          data-testid="matrix-scroll"
        >
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
                    <a
                      className="matrix-guide small no-print"
                      href={`/teach/guide/${l.slug}`}
                      aria-label={t("guide.link.columnLabel", {
                        title: l.title,
                      })}
                    >
                      {t("guide.link.column")}
                    </a>
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
                    {studentHref ? <a href={studentHref(s.id)}>{s.displayName}</a> : s.displayName}
                    <span className="matrix-username">{s.username}</span>
                    {s.signals.length > 0 ? <span className="badge bad help-badge">{t("teach.dash.needsHelpShort")}</span> : null}
                  </th>
                  {s.cells.map((c) => (
                    <td key={c.lesson} className={`cell ${c.state}${c.overdue ? " overdue" : ""}`}>
                      {/* the state's symbol is drawn by teach.css (.cell-status::before), kept out of the accessible name */}
                      <span className="cell-status">{c.label.status}</span>
                      {cellMeta(c, quizLabel, timeLabel)}
                      {c.label.lowScore ? <span className="badge bad cell-low">{c.label.lowScore}</span> : null}
                      {c.label.completedAt ? <span className="cell-date">{c.label.completedAt}</span> : null}
                    </td>
                  ))}
                  <td className="matrix-total">
                    {t("teach.dash.matrix.completedOf", {
                      n: s.completedLessons,
                      total: view.allLessons,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <span className="matrix-cue" aria-hidden="true" data-testid="matrix-scroll-cue" />
      </div>
      <ScoringNote />
    </div>
  );
}

/**
 * A cell's quiz score and time spent, on one line; the words before each are for screen readers.
 * Texts side by side are written as one string: React marks each seam between two with a comment,
 * and the matrix has hundreds of cells.
 */
function cellMeta(c: PageCell, quizLabel: string, timeLabel: string) {
  const { score, time } = c.label;
  if (!score && !time) return null;
  const between = score && time ? " · " : "";
  return (
    <span className="cell-meta">
      {score ? <span className="visually-hidden">{quizLabel}</span> : null}
      {score && c.lowScore ? (
        <>
          <span className="score-low">{score}</span>
          {between}
        </>
      ) : score ? (
        `${score}${between}`
      ) : null}
      {time ? <span className="visually-hidden">{timeLabel}</span> : null}
      {time}
    </span>
  );
}

interface ScrollEdges {
  /** The table is wider than its region. Starts true: the server cannot measure, so the hint shows. */
  overflow: boolean;
  /** Scrolled away from the start: the sticky name column casts a shadow. */
  scrolled: boolean;
  /** Scrolled to the far end: no more columns hidden. */
  atEnd: boolean;
}

/** Measures the scroll region on scroll, resize and new data (the page refreshes itself). */
function useScrollEdges() {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<ScrollEdges>({
    overflow: true,
    scrolled: false,
    atEnd: false,
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      // 1 px slack: zoomed pages report fractional widths
      const overflow = el.scrollWidth > el.clientWidth + 1;
      const start = Math.abs(el.scrollLeft); // negative in right-to-left layouts
      const next = {
        overflow,
        scrolled: overflow && start > 1,
        atEnd: !overflow || start + el.clientWidth >= el.scrollWidth - 1,
      };
      setEdges((prev) => (prev.overflow === next.overflow && prev.scrolled === next.scrolled && prev.atEnd === next.atEnd ? prev : next));
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener("scroll", update);
      observer?.disconnect();
    };
  }, []);
  return { ref, edges };
}
