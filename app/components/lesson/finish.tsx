/**
 * The end of a lesson: the objectives, each ticked only when the learner's answers showed it, the quiz result, time on task, any
 * steps still to do, and the next lesson.
 */
import { Link } from "@remix-run/react";
import { lessonPath, quizPath, stepPath } from "~/course/lesson-paths";
import { useT } from "~/i18n/use-t";
import { formatPoints } from "./quiz";
import type { FinishView, LessonHead } from "../../course/lesson-view-types";

export function FinishScreen({ lesson, finish, signedIn }: { lesson: LessonHead; finish: FinishView; signedIn: boolean }) {
  const t = useT();
  return (
    <div className="finish">
      <h2 tabIndex={-1} className="view-title">
        {finish.completed ? t("learn.finish.completedTitle") : t("learn.finish.endTitle")}
      </h2>
      {finish.completed ? <p className="lead">{t("learn.finish.completedLead")}</p> : null}
      <section className="card" aria-labelledby="learned-title">
        <h3 id="learned-title">{t("learn.finish.learned")}</h3>
        <p className="small muted">{t("learn.finish.learnedLead")}</p>
        <ul className="objectives objective-list">
          {lesson.objectives.map((o, i) => {
            const shown = finish.objectivesShown[i] === true;
            // The mark is decoration; the words "shown" / "not shown yet" carry the meaning.
            return (
              <li key={i} className={shown ? "objective-shown" : "objective-open"}>
                <span className="objective-mark" aria-hidden="true">
                  {shown ? "✓" : "○"}
                </span>
                {o}<span className="objective-state">{t("common.inParentheses", { text: shown ? t("learn.finish.shown") : t("learn.finish.notYet") })}</span>
              </li>
            );
          })}
        </ul>
      </section>
      {finish.missingSteps.length > 0 || (lesson.hasQuiz && !finish.quizTaken) ? (
        <section className="card" aria-labelledby="todo-title">
          <h3 id="todo-title">{t("learn.finish.todo")}</h3>
          <ul>
            {finish.missingSteps.map((s) => (
              <li key={s.id}>
                <Link to={stepPath(lesson.slug, s.id)}>{s.title}</Link>
              </li>
            ))}
            {lesson.hasQuiz && !finish.quizTaken ? (
              <li>
                <Link to={quizPath(lesson.slug)}>{t("learn.steps.quiz")}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {finish.score || finish.activeMinutes ? (
        <ul className="finish-facts" role="list">
          {finish.score ? (
            <li>
              <Link to={quizPath(lesson.slug)}>
                {t("learn.finish.score", { score: formatPoints(finish.score.score), max: finish.score.maxScore })}
              </Link>
              {finish.score.overconfident.length > 0
                ? ` · ${t("learn.finish.overconfident", { n: finish.score.overconfident.length })}`
                : null}
            </li>
          ) : null}
          {finish.activeMinutes ? <li>{t("learn.finish.time", { n: finish.activeMinutes })}</li> : null}
        </ul>
      ) : null}
      {finish.next ? (
        <section className="card next-lesson" aria-labelledby="next-title">
          <p className="small muted" id="next-title">
            {t("learn.finish.next", { n: finish.next.number })}
          </p>
          <h3>{finish.next.title}</h3>
          <p>{finish.next.summary}</p>
          <Link className="button" to={lessonPath(finish.next.slug)}>
            {t("learn.finish.startNext")}
          </Link>
        </section>
      ) : (
        <p className="card">{t("learn.finish.courseDone")}</p>
      )}
      <p>
        <Link to="/learn">{signedIn ? t("learn.finish.backHome") : t("learn.finish.backCourse")}</Link>
      </p>
    </div>
  );
}
