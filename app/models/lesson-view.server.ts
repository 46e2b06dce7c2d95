/**
 * Shapes the compiled course and a learner's rows into the small views the lesson pages render.
 * Nothing here queries the database or parses Markdown: routes pass the rows they loaded.
 */
import type { AnswerFeedback, CheckView, FinishView, QuestionView, QuizResultView, QuizView } from "~/course/lesson-view-types";
import { checkState, quizState, toStored, type AnswerRow } from "~/models/quiz.server";
import type { ProgressRow } from "~/models/progress.server";
import { lessonIndex } from "~/course/course-index";
import { orderChoices } from "~/course/choice-order";
import { QUIZ_STEP } from "~/course/lesson-paths";
import { stepLinks } from "~/course/step-links";
import { DEFAULT_MAX_ATTEMPTS, calibrationSummary, isConfidence, outcomeOf, scoreAttempt, type AnswerInput, type GradedAnswer } from "~/course/scoring";
import type { Lesson, Locale, Question, Step } from "~/course/types";

/** Where in a lesson a URL points. */
export type Position = { kind: "step"; index: number } | { kind: "quiz" } | { kind: "finish" };

/**
 * The position a URL asks for; with neither `step` nor `view`, where the learner left off
 * (`resumed`): the saved current step, the finish screen for a completed lesson, or the start.
 * `null` for an unknown step id (a stale link).
 */
export function resolvePosition(
  lesson: Lesson,
  params: URLSearchParams,
  progress: Pick<ProgressRow, "currentStep" | "status"> | null,
): { position: Position; resumed: boolean } | null {
  const { stepIndex } = lessonIndex(lesson);
  const view = params.get("view");
  if (view === "quiz" && lesson.quiz.length > 0) return { position: { kind: "quiz" }, resumed: false };
  if (view === "done") return { position: { kind: "finish" }, resumed: false };
  const stepId = params.get("step");
  if (stepId !== null) {
    const index = stepIndex.get(stepId);
    return index === undefined ? null : { position: { kind: "step", index }, resumed: false };
  }
  if (!progress) return { position: { kind: "step", index: 0 }, resumed: false };
  if (progress.status === "completed") return { position: { kind: "finish" }, resumed: true };
  if (progress.currentStep === QUIZ_STEP && lesson.quiz.length > 0) return { position: { kind: "quiz" }, resumed: true };
  const index = (progress.currentStep !== null ? stepIndex.get(progress.currentStep) : undefined) ?? 0;
  return { position: { kind: "step", index }, resumed: index > 0 };
}

/** Step ids plus the quiz: what must be done for the lesson to count as completed. */
export function requiredSteps(lesson: Lesson): readonly string[] {
  return lessonIndex(lesson).requiredSteps;
}

/**
 * A question as one learner sees it at one attempt: choices in that learner's shuffled order
 * (see choice-order.ts). `learner` is the user id, or a visitor's per-page seed.
 */
export function questionView(question: Question, locale: Locale, learner: string, attempt: number): QuestionView {
  const content = question.content[locale];
  const choices = orderChoices(question.id, content.choices, { learner, attempt }).map(({ id, text }) => ({ id, text }));
  return { id: question.id, type: question.type, prompt: content.prompt, choices };
}

/**
 * Feedback for a stored or freshly graded answer. The right answer and the explanation come only
 * once settled (right, or no tries left): a wrong try says "not yet" and nothing that gives it away.
 */
export function feedbackFor(
  question: Question,
  locale: Locale,
  answer: { input: Pick<AnswerInput, "choices" | "text" | "notSure" | "confidence">; correct: boolean; attempt: number },
  settled: boolean,
  /** The end quiz explains every answer at once (its retry is a new attempt at all questions). */
  explain: boolean = settled,
): AnswerFeedback {
  const content = question.content[locale];
  return {
    choices: [...answer.input.choices],
    text: answer.input.text ?? null,
    notSure: answer.input.notSure,
    confidence: answer.input.confidence,
    outcome: outcomeOf({ correct: answer.correct, notSure: answer.input.notSure }),
    attempt: answer.attempt,
    // The explanation usually names the right answer: like the answer itself, only once settled.
    explanation: explain ? content.explanation : "",
    correctChoices: settled && question.type !== "text" ? question.answer : null,
    acceptedAnswer: settled && question.type === "text" ? (content.accepted[0] ?? null) : null,
  };
}

function rowInput(row: AnswerRow) {
  return {
    choices: row.choices,
    text: row.textAnswer,
    notSure: row.notSure,
    confidence: isConfidence(row.confidence) ? row.confidence : null,
  };
}

/** The check questions a step places (inline checks can sit inside callouts or lists), with their state. */
export function checkViews(lesson: Lesson, step: Step, rows: readonly AnswerRow[], locale: Locale, learner: string): Record<string, CheckView> {
  const views: Record<string, CheckView> = {};
  const index = lessonIndex(lesson);
  for (const id of index.byLocale[locale].stepById.get(step.id)?.checkIds ?? []) {
    const question = index.checkById.get(id);
    if (!question) continue;
    const state = checkState(rows, id);
    // The form shows the next attempt's order; once settled, the order the last answer was given in.
    const shown = state.attemptsLeft > 0 ? state.nextAttempt : (state.latest?.attempt ?? state.nextAttempt);
    views[id] = {
      question: questionView(question, locale, learner, shown),
      feedback: state.latest
        ? feedbackFor(question, locale, { input: rowInput(state.latest), correct: state.latest.correct, attempt: state.latest.attempt }, state.settled)
        : null,
      attemptsLeft: state.attemptsLeft,
      nextAttempt: state.nextAttempt,
    };
  }
  return views;
}

/** A freshly graded check answer that is not stored (visitors). */
export function unsavedCheckView(
  question: Question,
  locale: Locale,
  input: AnswerInput,
  graded: GradedAnswer,
  attempt: number,
  learner: string,
): CheckView {
  const left = graded.correct ? 0 : Math.max(0, DEFAULT_MAX_ATTEMPTS - attempt);
  return {
    question: questionView(question, locale, learner, left > 0 ? attempt + 1 : attempt),
    feedback: feedbackFor(question, locale, { input, correct: graded.correct, attempt }, left === 0),
    attemptsLeft: left,
    nextAttempt: attempt + 1,
  };
}

export function quizResults(
  lesson: Lesson,
  locale: Locale,
  answers: ReadonlyMap<string, { input: AnswerInput; correct: boolean }>,
  attempt: number,
  settled: boolean,
  learner: string,
): QuizResultView {
  const stored = lesson.quiz.flatMap((q) => {
    const a = answers.get(q.id);
    return a ? [{ questionId: q.id, correct: a.correct, notSure: a.input.notSure, confidence: a.input.confidence }] : [];
  });
  return {
    attempt,
    score: scoreAttempt(stored, lesson.quiz.length),
    calibration: calibrationSummary(stored),
    answers: lesson.quiz.flatMap((q) => {
      const a = answers.get(q.id);
      if (!a) return [];
      const questionSettled = settled || a.correct;
      return [{ question: questionView(q, locale, learner, attempt), feedback: feedbackFor(q, locale, { ...a, attempt }, questionSettled, true) }];
    }),
  };
}

export function quizView(lesson: Lesson, rows: readonly AnswerRow[], locale: Locale, wantsRetry: boolean, learner: string): QuizView {
  const state = quizState(rows, lesson.quiz.map((q) => q.id));
  const showForm = state.attemptsUsed === 0 || (wantsRetry && state.attemptsLeft > 0);
  const questions = lesson.quiz.map((q) => questionView(q, locale, learner, state.nextAttempt));
  const latest = new Map([...state.latest].map(([id, row]) => [id, { input: rowInput(row), correct: row.correct }]));
  return {
    questions,
    mode: showForm ? "form" : "results",
    nextAttempt: state.nextAttempt,
    attemptsLeft: state.attemptsLeft,
    results: state.attemptsUsed > 0 ? quizResults(lesson, locale, latest, state.attemptsUsed, state.settled, learner) : null,
  };
}

export function finishView(
  lesson: Lesson,
  locale: Locale,
  progress: ProgressRow | null,
  rows: readonly AnswerRow[],
  nextLesson: Lesson | undefined,
): FinishView {
  const links = stepLinks(lesson.content[locale].steps, progress?.stepsDone ?? []);
  const state = quizState(rows, lesson.quiz.map((q) => q.id));
  const latest = [...state.latest.values()].map(toStored);
  const next = nextLesson
    ? { slug: nextLesson.slug, number: nextLesson.number, title: nextLesson.content[locale].title, summary: nextLesson.content[locale].summary }
    : null;
  return {
    completed: progress?.status === "completed",
    missingSteps: links.filter((l) => !l.done),
    quizTaken: state.attemptsUsed > 0,
    score: state.attemptsUsed > 0 ? scoreAttempt(latest, lesson.quiz.length) : null,
    objectivesShown: objectivesShown(lesson, rows, state.latest),
    activeMinutes: progress && progress.activeSeconds > 0 ? Math.max(1, Math.round(progress.activeSeconds / 60)) : null,
    next,
  };
}

/**
 * Which objectives the learner has shown: those whose mapped checks and quiz questions (quiz.yaml
 * `objectives`) all have a right latest answer. An objective nothing maps to is never ticked.
 */
export function objectivesShown(lesson: Lesson, rows: readonly AnswerRow[], latestQuiz: ReadonlyMap<string, AnswerRow>): boolean[] {
  const right = (question: Question, kind: "check" | "quiz") =>
    kind === "quiz" ? latestQuiz.get(question.id)?.correct === true : checkState(rows, question.id).latest?.correct === true;
  const mapped = lessonIndex(lesson).questions;
  return lesson.content.en.objectives.map((_, index) => {
    const items = mapped.filter(({ q }) => q.objectives.includes(index + 1));
    return items.length > 0 && items.every(({ q, kind }) => right(q, kind));
  });
}

