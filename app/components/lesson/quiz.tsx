/**
 * The end-of-lesson quiz: one plain form with every question (works without JavaScript), and
 * the results of an attempt: score, the overconfident answers, how sure vs how right, and
 * feedback that explains each answer.
 */
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/use-t";
import { takePendingSeconds } from "./active-time";
import { CalibrationTable } from "./calibration-table";
import { AnswerFeedbackView, QuestionFields, QuestionPrompt } from "./question-fields";
import type { AnswerErrors, GivenAnswer, QuestionView, QuizResultView } from "../../course/lesson-view-types";
import { Button } from "~/components/ui/button";
import { useFocusWhenShown } from "~/components/ui/focus-when-shown";

export function QuizForm({
  questions,
  orderSeed,
  action,
  attempt,
  attemptsLeft,
  errors,
  given,
  busy,
}: {
  questions: QuestionView[];
  /** A visitor's choice-order seed (null when signed in). */
  orderSeed: string | null;
  action: string;
  attempt: number;
  attemptsLeft: number;
  errors?: Record<string, AnswerErrors>;
  given?: Record<string, GivenAnswer>;
  busy: boolean;
}) {
  const t = useT();
  const missing = questions.filter((q) => errors?.[q.id]);
  // After a rejected submit (with JavaScript), take the learner to the list of what is missing.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors) summary.current?.focus();
  }, [errors]);
  return (
    <Form
      method="post"
      action={action}
      className="quiz-form"
      onSubmit={(event) => {
        const field = event.currentTarget.elements.namedItem("seconds");
        if (field instanceof HTMLInputElement) field.value = String(takePendingSeconds());
      }}
    >
      <input type="hidden" name="intent" value="quiz" />
      <input type="hidden" name="attempt" value={attempt} />
      {orderSeed ? <input type="hidden" name="order" value={orderSeed} /> : null}
      <input type="hidden" name="seconds" value="0" />
      <div className="quiz-rules card">
        <p>
          <strong>{t("learn.quiz.rulesTitle")}</strong> {t("learn.quiz.rules")}
        </p>
        <p className="small muted">
          {t("learn.quiz.attemptOf", { n: attempt, max: attempt + attemptsLeft - 1 })}
        </p>
      </div>
      {missing.length > 0 ? (
        <div className="form-error" role="alert" tabIndex={-1} ref={summary}>
          <p>{t("learn.quiz.fixErrors")}</p>
          <ul>
            {missing.map((q) => (
              <li key={q.id}>
                <a href={`#quiz-${q.id}`}>{t("learn.quiz.questionN", { n: questions.indexOf(q) + 1 })}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="quiz-questions" role="list">
        {questions.map((q, i) => (
          <li key={q.id} id={`quiz-${q.id}`}>
            <QuestionFields question={q} idPrefix="quiz" number={t("learn.quiz.questionN", { n: i + 1 })} errors={errors?.[q.id]} given={given?.[q.id]} />
          </li>
        ))}
      </ol>
      <Button type="submit" className="primary" inactive={busy}>
        {t("learn.quiz.submit")}
      </Button>
    </Form>
  );
}

export function QuizResults({
  results,
  attemptsLeft,
  retryHref,
  finishHref,
  signedIn,
  justSent,
}: {
  results: QuizResultView;
  attemptsLeft: number;
  retryHref: string;
  finishHref: string;
  signedIn: boolean;
  /** The quiz was just sent: the keyboard goes to the score, and a screen reader reads it. */
  justSent: boolean;
}) {
  const t = useT();
  const { score, calibration } = results;
  const numberOf = (id: string) => results.answers.findIndex((a) => a.question.id === id) + 1;
  // Found in an accessibility walk: the page scrolled to the results, but focus stayed on the
  // page itself and nothing was read — silence at the moment that matters most.
  const title = useFocusWhenShown<HTMLHeadingElement>(justSent);
  return (
    <div className="quiz-results">
      <section className="card score-card" aria-labelledby="score-title">
        <h3 id="score-title" ref={title} tabIndex={-1}>
          {t("learn.quiz.resultTitle", { n: results.attempt })}
        </h3>
        <p className="score-line">
          <span className="score-big">{t("learn.quiz.points", { score: formatPoints(score.score), max: score.maxScore })}</span>
        </p>
        <p>
          {t("learn.quiz.counts", { correct: score.correct, wrong: score.wrong, notSure: score.notSure })}
        </p>
        {score.overconfident.length > 0 ? (
          <div className="alert warn">
            <p>
              <strong>{t("learn.quiz.overconfidentTitle", { n: score.overconfident.length })}</strong>{" "}
              {t("learn.quiz.overconfidentText")}
            </p>
            <ul className="inline-list">
              {score.overconfident.map((id) => (
                <li key={id}>
                  <a href={`#result-${id}`}>{t("learn.quiz.questionN", { n: numberOf(id) })}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : score.wrong + score.notSure > 0 ? (
          <p className="alert success">{t("learn.quiz.noOverconfident")}</p>
        ) : null}
        {score.notSure > 0 ? <p className="small">{t("learn.quiz.notSureThanks", { n: score.notSure })}</p> : null}
        <p className="small muted">{t("learn.quiz.scoringRule")}</p>
        <CalibrationTable summary={calibration} caption={t("learn.calibration.caption")} />
        <div className="row">
          {attemptsLeft > 0 ? (
            <Link className="button secondary" to={retryHref}>
              {t("learn.quiz.retry", { n: attemptsLeft })}
            </Link>
          ) : null}
          <Link className="button" to={finishHref}>
            {t("learn.quiz.toFinish")}
          </Link>
        </div>
        {!signedIn ? <p className="small muted">{t("learn.visitor.quizNotSaved")}</p> : null}
      </section>
      <h3>{t("learn.quiz.answersTitle")}</h3>
      <ol className="quiz-answers" role="list">
        {results.answers.map(({ question, feedback }, i) => (
          <li key={question.id} id={`result-${question.id}`} className="card">
            <p className="question-prompt">
              <QuestionPrompt question={question} number={t("learn.quiz.questionN", { n: i + 1 })} />
            </p>
            <AnswerFeedbackView question={question} feedback={feedback} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** 6.5 → "6.5", 7 → "7". */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
