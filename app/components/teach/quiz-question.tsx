/**
 * One question of the quiz insight: its place in the difficulty ranking, the headline numbers
 * (first attempts only), how the first answers were spread over the choices, and — folded away —
 * each learner's attempts. Bars are labelled with their counts in text, and the right answer is
 * marked with a word and a symbol, not by colour alone.
 */
import { Link } from "@remix-run/react";
import { MarkedText } from "~/components/ui/marked-text";
import type { QuestionInsight } from "~/teach/quiz-insight.server";
import { withColon } from "~/i18n/list";
import { useT } from "~/i18n/use-t";
import { nameKey } from "~/utils/name-key";

export function QuizQuestion({
  q,
  rank,
  studentHref,
  attemptsHref,
  sharedNames = [],
}: {
  q: QuestionInsight;
  /** Name keys two students of the class share: their usernames are shown beside the name. */
  sharedNames?: readonly string[];
  rank: number;
  studentHref: (id: string) => string;
  /** Opens (a key) or closes (null) the learners' attempts: a plain link, works without JavaScript. */
  attemptsHref: (key: string | null) => string;
}) {
  const t = useT();
  const max = Math.max(1, ...q.distribution.map((d) => d.count));
  const headingId = `q-${q.lesson}-${q.questionId}`;
  return (
    <article className="card question-card" aria-labelledby={headingId} data-testid={`question-${q.key}`} data-first-answers={q.firstAnswers}>
      <header className="question-head">
        <p className="small muted question-where">
          <span className="badge brand">{t("teach.dash.quiz.rank", { n: rank })}</span>{" "}
          {q.fewAnswers ? (
            <>
              <span className="badge warn" data-testid="few-answers">
                {t("teach.dash.quiz.fewAnswers")}
              </span>{" "}
            </>
          ) : null}
          {t("teach.dash.quiz.inLesson", { n: q.lessonNumber, lesson: q.lessonTitle })} ·{" "}
          {t(q.kind === "quiz" ? "teach.dash.kind.quiz" : "teach.dash.kind.check")}
        </p>
        <h3 id={headingId}>
          <MarkedText text={q.prompt} />
        </h3>
      </header>
      <dl className="question-stats">
        <div>
          <dt>{t("teach.dash.quiz.firstAnswers")}</dt>
          <dd>{q.firstAnswers}</dd>
        </div>
        <div>
          <dt>{t("teach.dash.quiz.right")}</dt>
          <dd>{q.labels.right}</dd>
        </div>
        <div>
          <dt>{t("teach.dash.quiz.notSure")}</dt>
          <dd>{q.labels.notSure}</dd>
        </div>
        <div>
          <dt>{t("teach.dash.quiz.overconfident")}</dt>
          <dd>{q.labels.overconfident}</dd>
        </div>
      </dl>
      <h4 className="visually-hidden">{t("teach.dash.quiz.distribution")}</h4>
      <ul className="distribution" aria-label={t("teach.dash.quiz.distribution")}>
        {q.distribution.map((d) => (
          <li key={d.key} className={d.correct ? "right" : d.key === "not-sure" ? "not-sure" : undefined}>
            <span className="dist-label">
              {d.correct ? (
                <span className="dist-right">
                  <span aria-hidden="true">✓ </span>
                  {withColon(t("teach.dash.quiz.correctAnswer"), t("guide.colon"))}
                </span>
              ) : null}
              <MarkedText text={d.label} />
            </span>
            <span className="dist-bar" aria-hidden="true">
              <span style={{ width: `${(100 * d.count) / max}%` }} />
            </span>
            <span className="dist-count">{d.count}</span>
          </li>
        ))}
      </ul>
      {q.learners.length === 0 ? (
        q.learnerCount > 0 ? (
          <p className="learners-link">
            <Link to={attemptsHref(q.key)} preventScrollReset>
              {t("teach.dash.quiz.learners", { n: q.learnerCount })}
            </Link>
          </p>
        ) : null
      ) : (
        <div className="learners" id={`${headingId}-learners`}>
          <p className="learners-link">
            <strong>{t("teach.dash.quiz.learners", { n: q.learners.length })}</strong> ·{" "}
            <Link to={attemptsHref(null)} preventScrollReset>
              {t("teach.dash.quiz.hideLearners")}
            </Link>
          </p>
          <div className="table-scroll" role="region" aria-label={t("teach.dash.quiz.learners", { n: q.learners.length })} tabIndex={0}>
            <table className="attempts-table">
              <thead>
                <tr>
                  <th scope="col">{t("teach.dash.csv.student")}</th>
                  <th scope="col">{t("teach.dash.csv.attempt")}</th>
                  <th scope="col">{t("teach.dash.csv.answer")}</th>
                  <th scope="col">{t("teach.dash.csv.confidence")}</th>
                  <th scope="col">{t("teach.dash.csv.result")}</th>
                </tr>
              </thead>
              <tbody>
                {q.learners.flatMap((l) =>
                  l.attempts.map((a, i) => (
                    <tr key={`${l.studentId}-${a.attempt}`}>
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={l.attempts.length}>
                          <a href={studentHref(l.studentId)}>{l.displayName}</a>
                          {sharedNames.includes(nameKey(l.displayName)) ? <span className="shared-username">{t("common.inParentheses", { text: l.username })}</span> : null}
                        </th>
                      ) : null}
                      <td>{a.attempt}</td>
                      <td>{a.answer}</td>
                      <td>{a.confidenceLabel}</td>
                      <td>
                        <span className={`badge ${a.correct ? "good" : a.notSure ? "" : "bad"}`}>{a.resultLabel}</span>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </article>
  );
}
