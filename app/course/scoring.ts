/**
 * Quiz grading and scoring. PURE (no I/O, no server imports): the server grades and stores
 * answers with it, and the browser (calibration widget) may reuse the summaries.
 *
 * The rule follows what the course teaches about models: an honest "I'm not sure" is better than
 * a confident wrong answer.
 *
 *   outcome of one answer                          points
 *   ---------------------------------------------  ------
 *   correct (any confidence)                        +1
 *   "I'm not sure"                                   0
 *   wrong, confidence "guessing"                     0
 *   wrong, confidence "fairly sure" or "sure"      −0.5   ← "overconfident"
 *   wrong, no confidence recorded                    0     (we cannot call it overconfident)
 *
 * The attempt's score is the sum, never below 0, out of one point per question. So "I'm not sure"
 * never scores worse than a confident wrong answer (it scores half a point better), a wrong guess
 * that was labelled as a guess costs nothing, and confidence does not inflate a right answer:
 * the calibration summary, not the score, shows whether "sure" means something for a learner.
 */
import type { Question } from "./types";

/**
 * How sure a learner says they are of an answer: THE list, most sure first (the order the
 * question offers them and the learner's calibration table lists them). Everything else imports it.
 */
export const CONFIDENCE_LEVELS = ["sure", "fairly_sure", "guessing"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];
/** Left to right on every calibration chart (the learner's widget, the class's quiz page): least sure first. */
export const CHART_CONFIDENCE_ORDER: readonly Confidence[] = [...CONFIDENCE_LEVELS].reverse();

/** Attempts a learner gets at each quiz and at each inline check. */
export const DEFAULT_MAX_ATTEMPTS = 2;

/** Penalty for a wrong answer given with "sure" or "fairly sure". */
export const OVERCONFIDENT_PENALTY = 0.5;

/**
 * The points of each outcome: THE definition of the rule above. pointsFor uses it, and so does
 * the SQL the teacher's reports score with (quiz.server.ts attemptScoreSql), so they cannot drift.
 */
export const POINTS = { correct: 1, notSure: 0, wrongGuess: 0, overconfident: -OVERCONFIDENT_PENALTY } as const;

/** An attempt's score never goes below this. */
export const MIN_SCORE = 0;

/** The confidence levels at which a wrong answer is overconfident. */
export const CONFIDENT_LEVELS: readonly Confidence[] = ["sure", "fairly_sure"];

export interface AnswerInput {
  /** Choice ids picked (single: one; multiple: any number). Ignored for text questions. */
  choices: readonly string[];
  /** The typed answer of a text question. */
  text?: string | null;
  notSure: boolean;
  /** How sure the learner was; null when they chose "I'm not sure". */
  confidence: Confidence | null;
}

export type Outcome = "correct" | "wrong" | "not_sure";

export interface GradedAnswer {
  outcome: Outcome;
  /** Stored in quiz_answers.correct: true only for a right answer ("not sure" is false). */
  correct: boolean;
  overconfident: boolean;
  points: number;
}

/**
 * Compares typed answers after trimming, Unicode width/compatibility folding (NFKC: full-width
 * "ＴＯＫＥＮ" is "TOKEN"), case folding, collapsing spaces and dropping end punctuation
 * ("Temperature." and "温度。" are accepted).
 */
export function normaliseTextAnswer(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/gu, "")
    .replace(/[\s.!?,;:。！？，；：、…]+$/u, "")
    .trim();
}

/** Every accepted answer of a text question, in every locale (a learner may switch language). */
export function acceptedAnswers(question: Question): string[] {
  const all = Object.values(question.content).flatMap((content) => content.accepted);
  return [...new Set(all.map(normaliseTextAnswer).filter((a) => a !== ""))];
}

/** Is this (not "not sure") answer right? Multiple choice needs exactly the right set. */
export function isCorrect(question: Question, answer: Pick<AnswerInput, "choices" | "text">): boolean {
  if (question.type === "text") {
    const given = normaliseTextAnswer(answer.text ?? "");
    return given !== "" && acceptedAnswers(question).includes(given);
  }
  const picked = new Set(answer.choices);
  if (picked.size !== question.answer.length) return false;
  return question.answer.every((id) => picked.has(id));
}

export function pointsFor(outcome: Outcome, confidence: Confidence | null): number {
  if (outcome === "correct") return POINTS.correct;
  if (outcome === "not_sure") return POINTS.notSure;
  // A wrong answer with no confidence recorded is not called overconfident.
  return isConfident(confidence) ? POINTS.overconfident : POINTS.wrongGuess;
}

export function isConfident(confidence: Confidence | null): boolean {
  return confidence !== null && CONFIDENT_LEVELS.includes(confidence);
}

export function gradeAnswer(question: Question, answer: AnswerInput): GradedAnswer {
  if (answer.notSure) return { outcome: "not_sure", correct: false, overconfident: false, points: 0 };
  const correct = isCorrect(question, answer);
  const outcome: Outcome = correct ? "correct" : "wrong";
  return {
    outcome,
    correct,
    overconfident: !correct && isConfident(answer.confidence),
    points: pointsFor(outcome, answer.confidence),
  };
}

/** The stored shape of an answer (a quiz_answers row), enough to score it again. */
export interface StoredAnswer {
  questionId: string;
  correct: boolean;
  notSure: boolean;
  confidence: Confidence | null;
}

export function outcomeOf(answer: Pick<StoredAnswer, "correct" | "notSure">): Outcome {
  return answer.notSure ? "not_sure" : answer.correct ? "correct" : "wrong";
}

export interface AttemptScore {
  /** Sum of points, never below 0. */
  score: number;
  maxScore: number;
  correct: number;
  wrong: number;
  notSure: number;
  /** Ids of questions answered wrongly with "sure" or "fairly sure". */
  overconfident: string[];
}

/** Scores one attempt at a quiz of `questionCount` questions from its stored answers. */
export function scoreAttempt(answers: readonly StoredAnswer[], questionCount = answers.length): AttemptScore {
  let sum = 0;
  const result: AttemptScore = { score: 0, maxScore: questionCount, correct: 0, wrong: 0, notSure: 0, overconfident: [] };
  for (const answer of answers) {
    const outcome = outcomeOf(answer);
    sum += pointsFor(outcome, answer.confidence);
    if (outcome === "correct") result.correct++;
    else if (outcome === "not_sure") result.notSure++;
    else {
      result.wrong++;
      if (isConfident(answer.confidence)) result.overconfident.push(answer.questionId);
    }
  }
  result.score = Math.max(MIN_SCORE, sum);
  return result;
}

export interface CalibrationBucket {
  answered: number;
  correct: number;
  /** correct / answered, or null when nothing was answered at this level. */
  accuracy: number | null;
}

export interface CalibrationSummary {
  levels: Record<Confidence, CalibrationBucket>;
  /** How often the learner said "I'm not sure". */
  notSure: number;
  /** Wrong answers given with "sure" or "fairly sure". */
  overconfident: number;
  total: number;
}

/**
 * Per confidence level, how often the learner was right: well calibrated means "sure" answers are
 * nearly always right and "guessing" ones often not. "I'm not sure" answers are counted apart.
 */
export function calibrationSummary(answers: ReadonlyArray<Omit<StoredAnswer, "questionId">>): CalibrationSummary {
  const levels = Object.fromEntries(
    CONFIDENCE_LEVELS.map((level) => [level, { answered: 0, correct: 0, accuracy: null }]),
  ) as Record<Confidence, CalibrationBucket>;
  let notSure = 0;
  let overconfident = 0;
  for (const answer of answers) {
    if (answer.notSure) {
      notSure++;
      continue;
    }
    if (answer.confidence === null) continue;
    const bucket = levels[answer.confidence];
    bucket.answered++;
    if (answer.correct) bucket.correct++;
    else if (isConfident(answer.confidence)) overconfident++;
  }
  for (const level of CONFIDENCE_LEVELS) {
    const bucket = levels[level];
    bucket.accuracy = bucket.answered === 0 ? null : bucket.correct / bucket.answered;
  }
  return { levels, notSure, overconfident, total: answers.length };
}

/**
 * What the calibration widget receives as `data.calibrationPoints` (agreed with the widgets):
 * one entry per confidence level with how many answers were given at it and how many were right.
 * "I'm not sure" answers have no confidence level and are not points.
 */
export interface CalibrationPoint {
  level: Confidence;
  answered: number;
  correct: number;
}

export function calibrationPoints(summary: CalibrationSummary): CalibrationPoint[] {
  return CHART_CONFIDENCE_ORDER.map((level) => ({
    level,
    answered: summary.levels[level].answered,
    correct: summary.levels[level].correct,
  }));
}

/**
 * Attempts left at a question or quiz, given the attempt numbers already stored. A question
 * answered correctly needs no more attempts.
 */
export function attemptsLeft(usedAttempts: number, settled: boolean, max = DEFAULT_MAX_ATTEMPTS): number {
  if (settled) return 0;
  return Math.max(0, max - usedAttempts);
}

export function isConfidence(value: unknown): value is Confidence {
  return typeof value === "string" && (CONFIDENCE_LEVELS as readonly string[]).includes(value);
}
