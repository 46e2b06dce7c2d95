/**
 * "I'm not sure" on a check with a try left: the note does not send the learner to an explanation
 * that is not shown yet (found in a walk as a 13-year-old: "Read the explanation to find out",
 * with no explanation on the page).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerFeedbackView } from "~/components/lesson/question-fields";
import type { AnswerFeedback, QuestionView } from "~/course/lesson-view-types";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { I18nProvider } from "~/i18n/use-t";

const question: QuestionView = {
  id: "q",
  type: "single",
  prompt: "What comes next?",
  choices: [{ id: "a", text: "A token" }],
};
const feedback = (explanation: string): AnswerFeedback => ({
  choices: [],
  text: null,
  notSure: true,
  confidence: null,
  outcome: "not_sure",
  attempt: 1,
  explanation,
  correctChoices: null,
  acceptedAnswer: null,
});

describe("feedback on an honest 'not sure'", () => {
  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: 'try again' while a try is left, 'read the explanation' once it shows", (locale, messages) => {
    const render = (explanation: string) =>
      renderToStaticMarkup(
        <I18nProvider locale={locale} messages={messages}>
          <AnswerFeedbackView question={question} feedback={feedback(explanation)} />
        </I18nProvider>
      ).replace(/&#x27;/g, "'");
    const open = render("");
    expect(open).toContain(messages["learn.feedback.notSureTryAgain"]);
    expect(open).not.toContain(messages["learn.feedback.notSureNote"]);
    const settled = render("It predicts one token at a time.");
    expect(settled).toContain(messages["learn.feedback.notSureNote"]);
    expect(settled).toContain("It predicts one token at a time.");
  });
});
