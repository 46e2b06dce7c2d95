/**
 * The controls of one question: its choices (or a text box), "I'm not sure" (always offered),
 * and "How sure are you?". Plain inputs inside a fieldset, so answering works without
 * JavaScript; CSS hides the confidence question while "I'm not sure" is ticked.
 *
 * A question's words are plain strings, not compiled blocks: each goes through MarkedText, so
 * Chinese in an English question (可以 in the tokens quiz) is marked with its language as lesson
 * text is (WCAG 3.1.2).
 */
import { MarkedText } from "~/components/ui/marked-text";
import { NOT_SURE_VALUE, fieldName } from "~/course/answer-fields";
import { CONFIDENCE_LEVELS } from "~/course/scoring";
import { joinAnswers } from "~/i18n/list";
import { useT } from "~/i18n/use-t";
import type { AnswerErrors, AnswerFeedback, GivenAnswer, QuestionView } from "../../course/lesson-view-types";
import { MAX_CHARS } from "~/utils/form-limits";

/** A question's prompt, after its number in a quiz ("Question 3"). */
export function QuestionPrompt({ question, number }: { question: QuestionView; number?: string }) {
  return (
    <>
      {number ? (
        <>
          <span className="question-number">{number}</span>{" "}
        </>
      ) : null}
      <MarkedText text={question.prompt} />
    </>
  );
}

export function QuestionFields({
  question,
  idPrefix,
  number,
  errors,
  given,
}: {
  question: QuestionView;
  idPrefix: string;
  /** In a quiz, the question's number, before its prompt. */
  number?: string;
  errors?: AnswerErrors;
  given?: GivenAnswer;
}) {
  const t = useT();
  const base = `${idPrefix}-${question.id}`;
  const answerError = errors?.answer ? `${base}-answer-error` : undefined;
  const confidenceError = errors?.confidence ? `${base}-confidence-error` : undefined;
  const choiceName = fieldName(question.id, "choice");
  const notSureId = `${base}-notsure`;
  return (
    <fieldset className="question" aria-describedby={answerError} aria-invalid={errors?.answer ? true : undefined}>
      <legend className="question-prompt">
        <QuestionPrompt question={question} number={number} />
      </legend>
      {question.type === "multiple" ? <p className="hint small muted">{t("learn.answer.chooseAll")}</p> : null}
      {question.type === "text" ? (
        <div className="field">
          <label htmlFor={`${base}-text`} className="small">
            {t("learn.answer.yourAnswer")}
          </label>
          <input
            type="text"
            id={`${base}-text`}
            name={fieldName(question.id, "text")}
            maxLength={MAX_CHARS.answerText}
            autoComplete="off"
            defaultValue={given?.text ?? undefined}
            aria-invalid={errors?.answer ? true : undefined}
            aria-describedby={answerError}
          />
        </div>
      ) : (
        <div className="choices">
          {question.choices.map((choice) => (
            <label key={choice.id} className="choice" htmlFor={`${base}-${choice.id}`}>
              <input
                type={question.type === "single" ? "radio" : "checkbox"}
                id={`${base}-${choice.id}`}
                name={choiceName}
                value={choice.id}
                defaultChecked={given?.choices.includes(choice.id)}
              />
              <span>
                <MarkedText text={choice.text} />
              </span>
            </label>
          ))}
        </div>
      )}
      <label className="choice not-sure" htmlFor={notSureId}>
        {question.type === "single" ? (
          <input type="radio" id={notSureId} name={choiceName} value={NOT_SURE_VALUE} className="not-sure-input" defaultChecked={given?.notSure} />
        ) : (
          <input type="checkbox" id={notSureId} name={fieldName(question.id, "notSure")} value="1" className="not-sure-input" defaultChecked={given?.notSure} />
        )}
        <span>{t("learn.answer.notSure")}</span>
      </label>
      {errors?.answer ? (
        <p className="field-error" id={answerError}>
          {t(errors.answer)}
        </p>
      ) : null}
      <fieldset className="confidence" aria-describedby={confidenceError} aria-invalid={errors?.confidence ? true : undefined}>
        <legend>{t("learn.answer.howSure")}</legend>
        <div className="confidence-options">
          {CONFIDENCE_LEVELS.map((level) => (
            <label key={level} className="choice" htmlFor={`${base}-conf-${level}`}>
              <input
                type="radio"
                id={`${base}-conf-${level}`}
                name={fieldName(question.id, "confidence")}
                value={level}
                defaultChecked={given?.confidence === level}
              />
              <span>{t(`learn.confidence.${level}`)}</span>
            </label>
          ))}
        </div>
        {errors?.confidence ? (
          <p className="field-error" id={confidenceError}>
            {t(errors.confidence)}
          </p>
        ) : null}
      </fieldset>
    </fieldset>
  );
}

/** What the learner answered and what it means: right, wrong (overconfident?), or honestly unsure. */
export function AnswerFeedbackView({ question, feedback }: { question: QuestionView; feedback: AnswerFeedback }) {
  const t = useT();
  const choiceText = (id: string) => question.choices.find((c) => c.id === id)?.text ?? id;
  const overconfident = feedback.outcome === "wrong" && (feedback.confidence === "sure" || feedback.confidence === "fairly_sure");
  const given =
    question.type === "text" ? (feedback.text ?? "") : joinAnswers(feedback.choices.map(choiceText), t("learn.answer.listSeparator"));
  return (
    <div className={`feedback feedback-${feedback.outcome}`}>
      <p className="feedback-verdict">
        <span className="feedback-icon" aria-hidden="true">
          {feedback.outcome === "correct" ? "✓" : feedback.outcome === "wrong" ? "✗" : "?"}
        </span>
        <strong>{t(`learn.feedback.${feedback.outcome}`)}</strong>
      </p>
      {feedback.notSure ? null : (
        <p className="small">
          {t("learn.feedback.yourAnswer")}{" "}
          <span className="given">
            <MarkedText text={given} />
          </span>
          {feedback.confidence ? (
            <>
              {" "}
              · {t("learn.feedback.youSaid", { level: t(`learn.confidence.${feedback.confidence}`) })}
            </>
          ) : null}
        </p>
      )}
      {overconfident ? <p className="small overconfident-note">{t("learn.feedback.overconfident")}</p> : null}
      {/* the explanation shows only once the question is settled: before that, a try is left */}
      {feedback.notSure ? <p className="small">{t(feedback.explanation ? "learn.feedback.notSureNote" : "learn.feedback.notSureTryAgain")}</p> : null}
      {feedback.correctChoices && feedback.outcome !== "correct" ? (
        <p className="small">
          {t("learn.feedback.rightAnswer")}{" "}
          <strong>
            <MarkedText text={joinAnswers(feedback.correctChoices.map(choiceText), t("learn.answer.listSeparator"))} />
          </strong>
        </p>
      ) : null}
      {feedback.acceptedAnswer && feedback.outcome !== "correct" ? (
        <p className="small">
          {t("learn.feedback.rightAnswer")}{" "}
          <strong>
            <MarkedText text={feedback.acceptedAnswer} />
          </strong>
        </p>
      ) : null}
      {feedback.explanation ? (
        <p className="explanation">
          <MarkedText text={feedback.explanation} />
        </p>
      ) : null}
    </div>
  );
}
