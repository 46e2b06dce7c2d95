/**
 * The shapes the lesson routes send to the browser: only what the current view needs, already
 * in the learner's language. Answer keys reach the browser only once a question is answered.
 */
import type { Block, Choice, QuestionType, Source } from "~/course/types";
import type { AttemptScore, CalibrationSummary, Confidence, Outcome } from "~/course/scoring";

export interface QuestionView {
  id: string;
  type: QuestionType;
  prompt: string;
  choices: Choice[];
}

export interface GivenAnswer {
  choices: string[];
  text: string | null;
  notSure: boolean;
  confidence: Confidence | null;
}

export interface AnswerFeedback extends GivenAnswer {
  outcome: Outcome;
  attempt: number;
  explanation: string;
  /** Marked once the question is settled (right, or no attempts left). */
  correctChoices: string[] | null;
  /** For text questions, once settled: an accepted answer in the learner's language. */
  acceptedAnswer: string | null;
}

export interface CheckView {
  question: QuestionView;
  feedback: AnswerFeedback | null;
  attemptsLeft: number;
  nextAttempt: number;
}

/** Field errors of one question's answer: catalog keys. */
export interface AnswerErrors {
  answer?: "learn.answer.required" | "form.invalid";
  confidence?: "learn.answer.confidenceRequired" | "form.invalid";
}

export interface StepLink {
  id: string;
  title: string;
  done: boolean;
}

export interface LessonHead {
  slug: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
  sources: Source[];
  hasQuiz: boolean;
}

/**
 * What every reader of a lesson is sent alike, in one language: not loader data but a
 * content-hashed asset the browser fetches once per lesson and keeps (content-asset.server.ts), so
 * moving between steps sends only the learner's own state.
 */
export interface LessonContent {
  head: LessonHead;
  steps: StepContent[];
}

export interface StepContent {
  id: string;
  title: string;
  blocks: Block[];
  /** WidgetProps.data that is the same for everyone: lesson data, the no-JavaScript fallbacks' numbers. */
  widgetData: Record<string, unknown>;
}

/** The learner's own state on one step; its text is the lesson content's `steps[index]`. */
export interface StepView {
  id: string;
  index: number;
  checks: Record<string, CheckView>;
  /** WidgetProps.data drawn from the learner's own answers (calibrationPoints), over the content's. */
  widgetData: Record<string, unknown>;
  /** False when the learner has no real model now: try-its then offer their recorded reply. */
  realModel: boolean;
  prevHref: string | null;
  /** Where "Next" leads after the step is marked done. */
  nextHref: string;
  nextKind: "step" | "quiz" | "finish";
}

export interface QuizResultView {
  attempt: number;
  score: AttemptScore;
  calibration: CalibrationSummary;
  answers: { question: QuestionView; feedback: AnswerFeedback }[];
}

export interface QuizView {
  questions: QuestionView[];
  /** Show the form (no attempt yet, or a retry was asked for) rather than the results. */
  mode: "form" | "results";
  nextAttempt: number;
  attemptsLeft: number;
  results: QuizResultView | null;
}

export interface FinishView {
  completed: boolean;
  missingSteps: StepLink[];
  quizTaken: boolean;
  score: AttemptScore | null;
  /** Per objective (in order): shown by right answers to the checks and questions mapped to it. */
  objectivesShown: boolean[];
  activeMinutes: number | null;
  next: { slug: string; number: number; title: string; summary: string } | null;
}
