import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { UsageChart } from "~/components/charts/usage-chart";
import { Transcript } from "~/components/teach/transcript";
import { ScoringNote } from "~/components/teach/scoring-note";
import { MarkedText } from "~/components/ui/marked-text";
import { TableRegion } from "~/components/ui/table-region";
import { withColon } from "~/i18n/list";
import { useT } from "~/i18n/use-t";
import { modelLabeller } from "~/playground/connections.server";
import { getStudentDetail, TRANSCRIPT_LIMIT, USAGE_DAYS } from "~/teach/student-report.server";
import { viewContextFor } from "~/teach/view-context.server";
import { requireStaff } from "~/utils/auth.server";
import teachStyles from "~/styles/teach.css";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Lantern" }];

/** One student of the class: every part guarded by requireStudentOf inside getStudentDetail. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const detail = await getStudentDetail(teacher, params.classId ?? "", params.studentId ?? "", ctx);
  const modelLabel = await modelLabeller(teacher, detail.transcripts.map((c) => c.model), ctx.t);
  const view = { ...detail, transcripts: detail.transcripts.map((c) => ({ ...c, model: modelLabel(c.model) })) };
  return {
    view,
    // constants of a server module travel as data: the browser bundle has no server modules
    usageDays: USAGE_DAYS,
    transcriptLimit: TRANSCRIPT_LIMIT,
    title: ctx.t("teach.dash.student.pageTitle", { name: view.student.displayName }),
  };
}

export default function StudentPage() {
  const { view, usageDays, transcriptLimit } = useLoaderData<typeof loader>();
  const t = useT();
  const { classId } = useParams();
  const { student, usage } = view;
  const started = view.lessons.filter((l) => l.state !== "not_started");
  return (
    <div className="dash student-page">
      <p className="small no-print">
        <Link to={`/teach/classes/${classId}`}>{t("teach.dash.student.back")}</Link>
      </p>
      <h2 className="student-name">
        {student.displayName}<span className="muted small">{t("common.inParentheses", { text: student.username })}</span>
      </h2>
      <p className="muted">{t("teach.dash.lastSeen", { when: student.lastSeen })}</p>

      <nav aria-label={t("teach.dash.student.sections")} className="jump-links no-print">
        <a href="#lessons-h">{t("teach.dash.student.lessons")}</a>
        <a href="#timeline-h">{t("teach.dash.student.timeline")}</a>
        <a href="#usage-h">{t("teach.dash.student.usage")}</a>
        <a href="#transcripts-h">{t("teach.dash.student.transcripts")}</a>
      </nav>

      <section aria-labelledby="lessons-h">
        <h2 id="lessons-h">{t("teach.dash.student.lessons")}</h2>
        <TableRegion name={t("teach.dash.student.lessons")}>
          <table className="lesson-table" data-testid="student-lessons">
            <thead>
              <tr>
                <th scope="col">{t("teach.dash.student.lesson")}</th>
                <th scope="col">{t("teach.dash.student.status")}</th>
                <th scope="col">{t("teach.dash.student.stepsDone")}</th>
                <th scope="col">{t("teach.dash.student.score")}</th>
                <th scope="col">{t("teach.dash.student.time")}</th>
                <th scope="col">{t("teach.dash.student.started")}</th>
                <th scope="col">{t("teach.dash.student.completed")}</th>
              </tr>
            </thead>
            <tbody>
              {view.lessons.map((l) => (
                <tr key={l.slug} className={`cell ${l.state}`}>
                  <th scope="row">
                    {l.number}. {l.title}
                  </th>
                  <td>
                    {l.status}
                    {l.currentStepTitle ? <span className="small muted"> — {l.currentStepTitle}</span> : null}
                  </td>
                  <td>{t("teach.dash.student.stepsOf", { n: l.stepsDone, total: l.steps })}</td>
                  <td>{l.score}</td>
                  <td>{l.time}</td>
                  <td>{l.startedAt}</td>
                  <td>{l.completedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <ScoringNote />
        {started.some((l) => l.questions.length > 0) ? (
          <>
            <h3>{t("teach.dash.student.answers")}</h3>
            {started
              .filter((l) => l.questions.length > 0)
              .map((l) => (
                <details key={l.slug} className="lesson-answers">
                  <summary>
                    {l.number}. {l.title}<span className="small muted">{t("common.inParentheses", { text: t("teach.dash.student.questionCount", { n: l.questions.length }) })}</span>
                  </summary>
                  <ol className="answer-list">
                    {l.questions.map((q) => (
                      <li key={q.id}>
                        <p className="answer-prompt">
                          <span className="badge">{t(q.kind === "quiz" ? "teach.dash.kind.quiz" : "teach.dash.kind.check")}</span> <MarkedText text={q.prompt} />
                        </p>
                        <ul className="attempts">
                          {q.attempts.map((a) => (
                            <li key={a.attempt}>
                              <span className={`badge ${a.correct ? "good" : a.notSure ? "" : "bad"}`}>{a.resultLabel}</span>{" "}
                              {withColon(t("teach.dash.student.attemptN", { n: a.attempt }), t("guide.colon"))}{a.answer}
                              {a.confidenceLabel ? <span className="muted"> · {a.confidenceLabel}</span> : null}
                              <span className="muted small"> · {a.at}</span>
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ol>
                </details>
              ))}
          </>
        ) : null}
      </section>

      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t("teach.dash.student.timeline")}</h2>
        {view.timeline.length === 0 ? (
          <p className="muted">{t("teach.dash.student.noActivity")}</p>
        ) : (
          <ol className="timeline" data-testid="timeline" tabIndex={0} aria-labelledby="timeline-h">
            {view.timeline.map((e, i) => (
              <li key={`${e.at}-${i}`} className={`tl-${e.kind}`}>
                <time dateTime={e.at} className="small muted">
                  {e.atLabel}
                </time>{" "}
                <span>{e.text}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="usage-h">
        <h2 id="usage-h">{t("teach.dash.student.usage")}</h2>
        <p>
          {t("teach.dash.student.usageSummary", {
            days: usageDays,
            messages: usage.labels.totalMessages,
            tokens: usage.labels.totalTokens,
            count: usage.totalMessages,
          })}{" "}
          {usage.budget > 0 ? t("teach.dash.student.budget", { budget: usage.labels.budget }) : null}{" "}
          {usage.overBudgetDays > 0 ? <span className="badge bad">{t("teach.dash.student.overBudget", { n: usage.overBudgetDays })}</span> : null}
        </p>
        <UsageChart
          days={usage.days}
          budget={usage.budget}
          title={t("teach.dash.student.usageChart", { days: usageDays })}
          description={t("teach.dash.student.usageChartDesc")}
          budgetLabel={t("teach.dash.student.budgetLine", { budget: usage.labels.budget })}
        />
        <details>
          <summary>{t("teach.dash.student.usageTable")}</summary>
          <table className="usage-table">
            <thead>
              <tr>
                <th scope="col">{t("teach.dash.student.day")}</th>
                <th scope="col">{t("teach.dash.student.messagesCol")}</th>
                <th scope="col">{t("teach.dash.student.tokensCol")}</th>
              </tr>
            </thead>
            <tbody>
              {usage.days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  <td>{d.messages}</td>
                  <td>
                    {d.tokens}
                    {usage.budget > 0 && d.tokens > usage.budget ? <span className="badge bad"> {t("teach.dash.student.over")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="transcripts-h">
        <h2 id="transcripts-h">{t("teach.dash.student.transcripts")}</h2>
        <p className="small muted">{t("teach.dash.student.transcriptNote")}</p>
        {view.transcripts.length === 0 ? (
          <p className="muted">{t("teach.dash.student.noTranscripts")}</p>
        ) : (
          <>
            {view.conversationCount > view.transcripts.length ? (
              <p className="small muted">{t("teach.dash.student.latestOnly", { n: transcriptLimit, total: view.conversationCount })}</p>
            ) : null}
            {view.transcripts.map((c) => (
              <Transcript key={c.id} conversation={c} />
            ))}
          </>
        )}
      </section>
    </div>
  );
}
