/**
 * Chinese inside an English question (WCAG 3.1.2, language of parts). Lesson text marks its
 * Chinese runs with lang="zh-Hans" (hanRuns), but a question's prompt, choices and explanation are
 * plain strings that were rendered as they were: "可以 is one token" in the tokens quiz was read
 * with an English voice. Every text of a question now goes through the same marking, on the
 * lesson page and in the guide's answer key, for every question of the course.
 */
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { AnswerKey } from "~/components/guide/guide-sections";
import { AnswerFeedbackView, QuestionFields } from "~/components/lesson/question-fields";
import { QuizQuestion } from "~/components/teach/quiz-question";
import { compileCourse } from "~/course/build/compile-course";
import type { AnswerFeedback, QuestionView } from "~/course/lesson-view-types";
import type { Question } from "~/course/types";
import { answerKey } from "~/guides/guide-view.server";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import type { Locale } from "~/i18n/locales";
import { I18nProvider } from "~/i18n/use-t";

const render = (locale: Locale, node: ReactNode) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>
      {node}
    </I18nProvider>,
  );

/** Han characters left once every <span lang="zh-Hans"> run is taken out: read with the page's voice. */
const unmarkedHan = (html: string) => html.replace(/<span lang="zh-Hans">[^<]*<\/span>/g, "").match(/\p{Script=Han}+/gu) ?? [];

const question: QuestionView = {
  id: "q",
  type: "single",
  prompt: "How many tokens is 可以?",
  choices: [
    { id: "a", text: "One token for 可以" },
    { id: "b", text: "Two" },
  ],
};
const feedback: AnswerFeedback = {
  choices: ["b"],
  text: null,
  notSure: false,
  confidence: "sure",
  outcome: "wrong",
  attempt: 2,
  explanation: "Common text is one token: 可以 is one token for two characters, and 晚 is split into two pieces.",
  correctChoices: ["a"],
  acceptedAnswer: null,
};

describe("Chinese runs in a question on an English page", () => {
  it("the explanation, the answer given and the right answer mark their Chinese", () => {
    const html = render("en", <AnswerFeedbackView question={question} feedback={feedback} />);
    expect(html).toContain('<p class="explanation">Common text is one token: <span lang="zh-Hans">可以</span> is one token for two characters, and <span lang="zh-Hans">晚</span> is split into two pieces.</p>');
    expect(html).toContain('<strong>One token for <span lang="zh-Hans">可以</span></strong>');
    expect(unmarkedHan(html)).toEqual([]);
  });

  it("the prompt and the choices mark their Chinese", () => {
    const html = render("en", <QuestionFields question={question} idPrefix="quiz" number="Question 1" />);
    expect(html).toContain('<legend class="question-prompt"><span class="question-number">Question 1</span> How many tokens is <span lang="zh-Hans">可以</span>?</legend>');
    expect(html).toContain('<span>One token for <span lang="zh-Hans">可以</span></span>');
    expect(unmarkedHan(html)).toEqual([]);
  });

  it("the teacher's quiz insight marks the prompt and the choices too", () => {
    const element = (
      <QuizQuestion
        q={{
          key: "tokens/q",
          lesson: "tokens",
          lessonNumber: 2,
          lessonTitle: "Tokens",
          questionId: "q",
          kind: "quiz",
          prompt: question.prompt,
          firstAnswers: 1,
          right: 1,
          notSure: 0,
          overconfident: 0,
          labels: { right: "1", notSure: "0", overconfident: "0" },
          difficulty: 0,
          fewAnswers: true,
          distribution: [{ key: "a", label: "One token for 可以", count: 1, correct: true }],
          learnerCount: 0,
          learners: [],
        }}
        rank={1}
        studentHref={(id) => `/s/${id}`}
        attemptsHref={() => "/"}
      />
    );
    const router = createMemoryRouter([{ path: "/", element }], { initialEntries: ["/"] });
    expect(unmarkedHan(render("en", <RouterProvider router={router} />))).toEqual([]);
  });

  it("a Chinese page needs no marks", () => {
    const zh = { ...feedback, explanation: "可以 是一个词元。" };
    expect(render("zh-Hans", <AnswerFeedbackView question={question} feedback={zh} />)).not.toContain("lang=");
    expect(render("zh-Hans", <QuestionFields question={question} idPrefix="quiz" />)).not.toContain("lang=");
  });
});

describe("every question of the course, in English", () => {
  const result = compileCourse(path.resolve("lessons"), { strictSteps: false });
  if (!("course" in result)) throw new Error("the course does not compile");
  const questions: Question[] = result.course.lessons.flatMap((lesson) => [...lesson.checks, ...lesson.quiz]);
  const viewOf = (q: Question): QuestionView => ({ id: q.id, type: q.type, prompt: q.content.en.prompt, choices: q.content.en.choices });
  const settled = (q: Question): AnswerFeedback => ({
    ...feedback,
    choices: q.type === "text" ? [] : q.answer,
    text: q.type === "text" ? (q.content.en.accepted[0] ?? "") : null,
    outcome: "correct",
    explanation: q.content.en.explanation,
    correctChoices: q.answer,
    acceptedAnswer: q.content.en.accepted[0] ?? null,
  });

  it("has Chinese in some English questions (the two explanations of the tokens quiz among them)", () => {
    const withHan = questions.filter((q) => /\p{Script=Han}/u.test(q.content.en.explanation));
    expect(withHan.length).toBeGreaterThanOrEqual(2);
  });

  it.each(questions.map((q) => [q.id, q] as const))("%s: no Chinese left unmarked on the lesson page or in the answer key", (_id, q) => {
    const page = render(
      "en",
      <>
        <QuestionFields question={viewOf(q)} idPrefix="quiz" number="Question 1" />
        <AnswerFeedbackView question={viewOf(q)} feedback={settled(q)} />
      </>,
    );
    expect(unmarkedHan(page)).toEqual([]);
    expect(unmarkedHan(render("en", <AnswerKey checks={[]} quiz={answerKey([q], "en")} />))).toEqual([]);
  });
});
