/**
 * The class's calibration on the quiz page and the printable report: per confidence level, how
 * often first answers given at it were right, against what the level promises, and one sentence
 * the teacher can say in class. Judged by the students' own widget's rule
 * (app/course/widgets/calibration-math.ts), so the class and the teacher read the same picture.
 */
import { CHART_CONFIDENCE_ORDER, type Confidence } from "~/course/scoring";
import { CONFIDENCE_PERCENT, verdictOf } from "~/course/widgets/calibration-math";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { confidenceLabel } from "./answer-views.server";

/**
 * One confidence level of the class on the chart. Not the learner's CalibrationPoint
 * (app/course/scoring.ts): it carries the label and the level's promise, and counts `answers`
 * and `right` (the names the page and its tests read).
 */
export interface ClassCalibrationPoint {
  level: Confidence;
  label: string;
  /** How often an answer at this level would be right were the class perfectly calibrated (0–1). */
  nominal: number;
  answers: number;
  right: number;
  /** right / answers, or null with no answers at this level */
  accuracy: number | null;
}

export interface CalibrationView {
  points: ClassCalibrationPoint[];
  notSure: number;
  total: number;
  sentence: string;
}

/** First answers with a confidence, per level, as the quiz insight's statement counts them. */
export type CalibrationCounts = { confidence: Confidence; n: number; right_n: number }[] | null;

/** A class needs this many answers in all before the sentence says anything about it. */
const MIN_CLASS_ANSWERS = 10;

/**
 * One sentence a teacher can say in class, chosen from what the calibration shows. Each level
 * is judged by the students' own widget's rule (calibration-math.ts: within 15 points of what
 * the level promises is calibrated; at least 3 answers) so the class and the teacher agree.
 */
export function calibrationSentence(points: ClassCalibrationPoint[], t: Translate, locale: Locale): string {
  const at = (level: Confidence) => points.find((p) => p.level === level)!;
  const verdict = (p: ClassCalibrationPoint) => verdictOf({ level: p.level, answered: p.answers, correct: p.right });
  const pct = (p: ClassCalibrationPoint) => Math.round(100 * (p.accuracy ?? 0));
  const named = (p: ClassCalibrationPoint) => (locale === "en" ? p.label.toLowerCase() : p.label);
  const total = points.reduce((n, p) => n + p.answers, 0);
  if (total < MIN_CLASS_ANSWERS) return t("teach.dash.calib.tooFew");
  const sure = at("sure");
  const fairly = at("fairly_sure");
  const guessing = at("guessing");
  // the most-answered confident level that is overconfident speaks first: it is what to work on
  const over = [sure, fairly].filter((p) => verdict(p) === "overconfident").sort((a, b) => b.answers - a.answers)[0];
  if (over) return t("teach.dash.calib.over", { level: named(over), pct: pct(over) });
  if (verdict(guessing) === "underconfident") return t("teach.dash.calib.under", { pct: pct(guessing) });
  if (verdict(sure) === "calibrated") {
    return guessing.answers > 0
      ? t("teach.dash.calib.good", { sure: pct(sure), guess: pct(guessing) })
      : t("teach.dash.calib.goodSureOnly", { sure: pct(sure) });
  }
  if (verdict(sure) === "underconfident") return t("teach.dash.calib.goodSureOnly", { sure: pct(sure) });
  return t("teach.dash.calib.fewSure");
}

export function buildCalibration(rows: CalibrationCounts, notSure: number, t: Translate, locale: Locale): CalibrationView {
  const points: ClassCalibrationPoint[] = CHART_CONFIDENCE_ORDER.map((level) => {
    const r = rows?.find((x) => x.confidence === level);
    const answers = r?.n ?? 0;
    const right = r?.right_n ?? 0;
    return {
      level,
      label: confidenceLabel(level, t),
      nominal: CONFIDENCE_PERCENT[level] / 100,
      answers,
      right,
      accuracy: answers > 0 ? right / answers : null,
    };
  });
  return { points, notSure, total: points.reduce((n, p) => n + p.answers, 0) + notSure, sentence: calibrationSentence(points, t, locale) };
}
