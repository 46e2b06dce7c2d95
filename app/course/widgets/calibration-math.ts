/**
 * Calibration from the learner's quiz answers. Each confidence level stands for a rough
 * probability of being right (the chart's x axis); a level is well calibrated when the share of
 * right answers at that level is near it. With few answers nothing can be told, and the verdict
 * says so instead of judging.
 */
import type { CalibrationPoint, Confidence } from "~/course/scoring";

/** What each answer option roughly means, in percent (said in the widget's text too). */
export const CONFIDENCE_PERCENT: Record<Confidence, number> = {
  guessing: 40,
  fairly_sure: 70,
  sure: 90,
};

/** Fewer answers than this at a level are too few to tell anything. */
export const MIN_ANSWERS_FOR_VERDICT = 3;
/** Accuracy within this many points of the level counts as well calibrated. */
export const TOLERANCE_POINTS = 15;

export type Verdict = "too-few" | "calibrated" | "overconfident" | "underconfident";

export function accuracyPercent(point: CalibrationPoint): number {
  return Math.round((point.correct / point.answered) * 100);
}

export function verdictOf(point: CalibrationPoint): Verdict {
  if (point.answered < MIN_ANSWERS_FOR_VERDICT) return "too-few";
  const gap = accuracyPercent(point) - CONFIDENCE_PERCENT[point.level];
  if (gap > TOLERANCE_POINTS) return "underconfident";
  // Being wrong while saying "guessing" is what guessing means, not overconfidence.
  if (gap < -TOLERANCE_POINTS && point.level !== "guessing") return "overconfident";
  return "calibrated";
}

/** The level whose verdict best sums the learner up: the most-answered judged level. */
export function headlineOf(points: CalibrationPoint[]): { point: CalibrationPoint; verdict: Verdict } | null {
  const judged = points
    .map((point) => ({ point, verdict: verdictOf(point) }))
    .filter((v) => v.verdict !== "too-few")
    .sort((x, y) => y.point.answered - x.point.answered);
  return judged.find((v) => v.verdict !== "calibrated") ?? judged[0] ?? null;
}
