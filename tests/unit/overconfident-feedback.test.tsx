/**
 * A wrong answer marked "fairly sure" is told it was wrong with some confidence, not that the
 * learner was "very sure" (found in a walk as a mainland student: "你的把握：比较有把握" and, on
 * the next line, "你当时很有把握，但这题答错了").
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerFeedbackView } from "~/components/lesson/question-fields";
import type { AnswerFeedback, QuestionView } from "~/course/lesson-view-types";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { zhHant } from "~/i18n/catalog/zh-Hant";
import { I18nProvider } from "~/i18n/use-t";

const question: QuestionView = { id: "q", type: "single", prompt: "What comes next?", choices: [{ id: "a", text: "A token" }] };
const wrong = (confidence: "sure" | "fairly_sure"): AnswerFeedback => ({
  choices: ["a"],
  text: null,
  notSure: false,
  confidence,
  outcome: "wrong",
  attempt: 1,
  explanation: "",
  correctChoices: null,
  acceptedAnswer: null,
});

describe("feedback on a confident wrong answer", () => {
  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
    ["zh-Hant", zhHant],
  ] as const)("in %s, names no confidence level the learner did not choose", (locale, messages) => {
    for (const chosen of ["sure", "fairly_sure"] as const) {
      const other = chosen === "sure" ? "fairly_sure" : "sure";
      const html = renderToStaticMarkup(
        <I18nProvider locale={locale} messages={messages}>
          <AnswerFeedbackView question={question} feedback={wrong(chosen)} />
        </I18nProvider>,
      );
      const note = /class="small overconfident-note">([^<]*)</.exec(html)?.[1];
      expect(note).toBeTruthy();
      // "比较有把握" contains no "很有把握", and "Fairly sure" is not "Sure": the labels are told apart as written
      expect(note).not.toContain(messages[`learn.confidence.${other}`]);
    }
  });
});
