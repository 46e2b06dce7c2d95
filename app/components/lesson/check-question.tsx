/**
 * An inline check question inside a step: a small form (posted to the lesson route, so it works
 * without JavaScript) and, once answered, feedback that explains the answer. A wrong or unsure
 * answer may be tried again while attempts are left; the right answer is marked once settled.
 */
import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { AnswerFeedbackView, QuestionFields, QuestionPrompt } from "./question-fields";
import type { AnswerErrors, CheckView, GivenAnswer } from "../../course/lesson-view-types";
import { Button } from "~/components/ui/button";

export function CheckQuestion({
  view,
  action,
  stepId,
  orderSeed,
  errors,
  given,
  busy,
}: {
  view: CheckView;
  /** The step URL the form posts to. */
  action: string;
  stepId: string;
  /** A visitor's choice-order seed (null when signed in: the order follows the account). */
  orderSeed: string | null;
  errors?: AnswerErrors;
  given?: GivenAnswer;
  busy: boolean;
}) {
  const t = useT();
  const { question, feedback, attemptsLeft, nextAttempt } = view;
  const headingId = `check-${question.id}-title`;
  return (
    <section className="check-question" id={`check-${question.id}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="check-kicker">
        {t("learn.check.title")}
      </h3>
      {feedback && attemptsLeft === 0 ? (
        <p className="question-prompt">
          <QuestionPrompt question={question} />
        </p>
      ) : null}
      {feedback ? (
        // focused once the answer is marked (the lesson page): the form it came from is rebuilt
        <div role="status" tabIndex={-1} data-check-result className="check-result">
          <AnswerFeedbackView question={question} feedback={feedback} />
        </div>
      ) : null}
      {attemptsLeft > 0 ? (
        <Form key={nextAttempt} method="post" action={`${action}#check-${question.id}`} preventScrollReset className="check-form">
          <input type="hidden" name="intent" value="check" />
          <input type="hidden" name="step" value={stepId} />
          <input type="hidden" name="question" value={question.id} />
          <input type="hidden" name="attempt" value={nextAttempt} />
          {orderSeed ? <input type="hidden" name="order" value={orderSeed} /> : null}
          {feedback ? <p className="small try-again-note">{t("learn.check.tryAgain", { n: attemptsLeft })}</p> : null}
          <QuestionFields question={question} idPrefix="check" errors={errors} given={given} />
          <Button type="submit" className="secondary" inactive={busy}>
            {feedback ? t("learn.check.submitAgain") : t("learn.check.submit")}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
