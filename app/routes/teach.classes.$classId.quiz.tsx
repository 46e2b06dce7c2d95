import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useParams } from "@remix-run/react";
import { CalibrationPanel } from "~/components/teach/calibration-panel";
import { QuizQuestion } from "~/components/teach/quiz-question";
import { ScoringNote } from "~/components/teach/scoring-note";
import { useT } from "~/i18n/use-t";
import { getQuizInsight, MIN_RANKED_ANSWERS } from "~/teach/quiz-insight.server";
import { viewContextFor } from "~/teach/view-context.server";
import { requireStaff } from "~/utils/auth.server";
import { classDisplayNames } from "~/models/students.server";
import { sharedNameKeys } from "~/utils/name-key";
import teachStyles from "~/styles/teach.css";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Lantern" }];

/** Quiz insight: hardest questions first, each learner's attempts, and the class's calibration. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const search = new URL(request.url).searchParams;
  const view = await getQuizInsight(
    teacher,
    params.classId ?? "",
    { lesson: search.get("lesson") ?? "", question: search.get("question") },
    ctx,
  );
  // names two students share, over the whole class (one of the two may not have answered yet)
  const sharedNames = sharedNameKeys(await classDisplayNames(teacher, params.classId ?? ""));
  return {
    view,
    sharedNames,
    title: ctx.t("teach.dash.quiz.pageTitle"),
    method: ctx.t("teach.dash.quiz.method", { min: MIN_RANKED_ANSWERS }),
  };
}

export default function QuizInsightPage() {
  const { view, method, sharedNames } = useLoaderData<typeof loader>();
  const t = useT();
  const { classId } = useParams();
  const base = `/teach/classes/${classId}`;
  let rank = 0;
  const studentHref = (id: string) => `${base}/students/${id}`;
  const attemptsHref = (key: string | null) => {
    const query = new URLSearchParams();
    if (view.lessonFilter) query.set("lesson", view.lessonFilter);
    if (key) query.set("question", key);
    const [lesson = "", id = ""] = (key ?? view.openQuestion).split("/");
    return `?${query.toString()}#q-${lesson}-${id}`;
  };
  return (
    <div className="dash quiz-insight">
      <h2 className="visually-hidden">{t("teach.tab.quiz")}</h2>
      <Form method="get" className="filters no-print" aria-label={t("teach.dash.quiz.filterLabel")}>
        <div className="field">
          <label htmlFor="f-lesson">{t("teach.dash.quiz.lesson")}</label>
          <select id="f-lesson" name="lesson" defaultValue={view.lessonFilter}>
            <option value="">{t("teach.dash.quiz.allLessons")}</option>
            {view.lessons.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.number}. {l.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field filter-apply">
          <button type="submit" className="primary">
            {t("teach.dash.filter.apply")}
          </button>
        </div>
        <p className="filter-count small">
          <a href={`${base}/export/responses.csv`} download>
            {t("teach.dash.export.responses")}
          </a>
        </p>
      </Form>

      <ScoringNote />
      <CalibrationPanel calibration={view.calibration} />

      <section aria-labelledby="hardest-h">
        <h2 id="hardest-h">{t("teach.dash.quiz.hardestTitle")}</h2>
        <details className="method">
          <summary>{t("teach.dash.quiz.methodTitle")}</summary>
          <p>{method}</p>
          <ul className="small">
            <li>{t("teach.dash.quiz.defRight")}</li>
            <li>{t("teach.dash.quiz.defNotSure")}</li>
            <li>{t("teach.dash.quiz.defOverconfident")}</li>
          </ul>
        </details>
        {view.questions.length === 0 ? (
          <p className="muted">{t("teach.dash.quiz.noAnswers")}</p>
        ) : (
          <>
            {view.questions.some((q) => q.fewAnswers) ? (
              <p className="small muted">{t("teach.dash.quiz.fewAnswersHint", { min: view.minAnswers })}</p>
            ) : null}
            <div className="question-list">
              {view.questions.map((q) => (
                <QuizQuestion key={q.key} q={q} rank={++rank} studentHref={studentHref} attemptsHref={attemptsHref} sharedNames={sharedNames} />
              ))}
            </div>
          </>
        )}
        {view.unanswered > 0 ? <p className="muted small">{t("teach.dash.quiz.unanswered", { n: view.unanswered })}</p> : null}
      </section>
    </div>
  );
}
