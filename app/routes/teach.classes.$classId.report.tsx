import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CalibrationChart } from "~/components/charts/calibration-chart";
import { PrintButton } from "~/components/teach/print-button";
import { ProgressMatrix } from "~/components/teach/progress-matrix";
import { MarkedText } from "~/components/ui/marked-text";
import { TableRegion } from "~/components/ui/table-region";
import { useT } from "~/i18n/use-t";
import { listClassAssignments } from "~/models/assignments.server";
import { forThePage, getClassProgress } from "~/teach/class-page.server";
import { getQuizInsight } from "~/teach/quiz-insight.server";
import { viewContextFor } from "~/teach/view-context.server";
import { formatDateTime } from "~/utils/school-time.server";
import { requireStaff } from "~/utils/auth.server";
import teachStyles from "~/styles/teach.css";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Lantern" }];

/** How many of the hardest questions the printed report lists. */
const HARDEST_IN_REPORT = 5;

/** A printable class report: progress, hardest questions, calibration, assignments. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const classId = params.classId ?? "";
  const progress = await getClassProgress(teacher, classId, { sort: "name", show: "all", q: "", lessons: "all" }, ctx);
  const [quiz, assignments] = await Promise.all([
    getQuizInsight(teacher, classId, { lesson: "" }, ctx),
    listClassAssignments(teacher, classId, ctx),
  ]);
  return {
    title: ctx.t("teach.dash.report.pageTitle", { name: progress.className }),
    printedAt: formatDateTime(new Date()),
    progress: forThePage(progress),
    hardest: quiz.questions.slice(0, HARDEST_IN_REPORT),
    calibration: quiz.calibration,
    assignments,
  };
}

export default function ReportPage() {
  const { progress, hardest, calibration, assignments, printedAt } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="dash report">
      <div className="row no-print report-actions">
        <PrintButton />
        <span className="small muted">{t("teach.dash.report.printHint")}</span>
      </div>
      <header>
        <h2>{t("teach.dash.report.heading", { name: progress.className })}</h2>
        <p className="muted">{t("teach.dash.report.printedAt", { at: printedAt })}</p>
        <p>
          {t("teach.dash.report.summary", {
            count: progress.totalStudents,
            completion: progress.summary.completionPercent,
            help: progress.summary.needHelp,
          })}
        </p>
      </header>

      <section aria-labelledby="r-progress">
        <h3 id="r-progress">{t("teach.dash.matrix.title")}</h3>
        <ProgressMatrix view={progress} />
      </section>

      <section aria-labelledby="r-hardest" className="report-block">
        <h3 id="r-hardest">{t("teach.dash.report.hardest", { n: HARDEST_IN_REPORT })}</h3>
        {hardest.length === 0 ? (
          <p className="muted">{t("teach.dash.report.noRanked")}</p>
        ) : (
          <TableRegion name={t("teach.dash.report.hardest", { n: HARDEST_IN_REPORT })}>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("teach.dash.report.question")}</th>
                <th scope="col">{t("teach.dash.quiz.firstAnswers")}</th>
                <th scope="col">{t("teach.dash.quiz.right")}</th>
                <th scope="col">{t("teach.dash.quiz.notSure")}</th>
                <th scope="col">{t("teach.dash.quiz.overconfident")}</th>
              </tr>
            </thead>
            <tbody>
              {hardest.map((q, i) => (
                <tr key={q.key}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <span className="small muted">
                      {q.lessonNumber}. {q.lessonTitle}
                    </span>
                    <br />
                    <MarkedText text={q.prompt} />
                  </th>
                  <td>
                    {q.firstAnswers}
                    {q.fewAnswers ? (
                      <>
                        {" "}
                        <span className="badge warn">{t("teach.dash.quiz.fewAnswers")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{q.labels.right}</td>
                  <td>{q.labels.notSure}</td>
                  <td>{q.labels.overconfident}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableRegion>
        )}
      </section>

      <section aria-labelledby="r-calib" className="report-block report-calibration">
        <h3 id="r-calib">{t("teach.dash.calib.title")}</h3>
        <p className="say-in-class">
          <strong>{t("teach.dash.calib.sayLabel")}</strong> {calibration.sentence}
        </p>
        <div className="report-chart">
          <CalibrationChart
            points={calibration.points.map((p) => ({ ...p, isGuess: p.level === "guessing" }))}
            title={t("teach.dash.calib.chartTitle")}
            description={calibration.points
              .map((p) =>
                p.accuracy === null
                  ? t("teach.dash.calib.pointEmpty", { level: p.label })
                  : t("teach.dash.calib.point", { level: p.label, pct: Math.round(p.accuracy * 100), count: p.answers }),
              )
              .join(" ")}
            xLabel={t("teach.dash.calib.xLabel")}
            yLabel={t("teach.dash.calib.yLabel")}
            diagonalLabel={t("teach.dash.calib.diagonal")}
          />
        </div>
      </section>

      <section aria-labelledby="r-assign" className="report-block">
        <h3 id="r-assign">{t("teach.tab.assignments")}</h3>
        {assignments.length === 0 ? (
          <p className="muted">{t("teach.dash.assign.none")}</p>
        ) : (
          <TableRegion name={t("teach.tab.assignments")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("teach.dash.assign.lesson")}</th>
                <th scope="col">{t("teach.dash.assign.due")}</th>
                <th scope="col">{t("teach.dash.assign.done")}</th>
                <th scope="col">{t("teach.dash.report.overdue")}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.lessonNumber}. {a.lessonTitle}
                  </th>
                  <td>{a.dueLabel || "—"}</td>
                  <td>{t("teach.dash.assign.doneOf", { n: a.completed, total: a.assigned })}</td>
                  <td>{a.overdueNames.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableRegion>
        )}
      </section>
    </article>
  );
}
