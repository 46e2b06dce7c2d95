/**
 * The learner's calibration as a table and a sentence that interprets it: shared by the
 * calibration widget (under its chart) and its no-JavaScript fallback.
 */
import { useId } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { CONFIDENCE_PERCENT, MIN_ANSWERS_FOR_VERDICT, accuracyPercent, headlineOf, verdictOf } from "../../course/widgets/calibration-math";
import type { CalibrationPoint, Confidence } from "../../course/scoring";
import { formatNumber, sentenceGap } from "./format";

export function useLevelName(): (level: Confidence) => string {
  const t = useT();
  return (level) => t(`widget.calibration.level.${level}`);
}

export function CalibrationTable({ points }: { points: CalibrationPoint[] }) {
  const t = useT();
  const locale = useLocale();
  const levelName = useLevelName();
  const captionId = useId();
  // A region the keyboard can scroll, named by the caption, for a phone too narrow for four columns.
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="cal-widget-table">
        <caption id={captionId}>{t("widget.calibration.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("widget.calibration.colLevel")}</th>
            <th scope="col">{t("widget.calibration.colAnswers")}</th>
            <th scope="col">{t("widget.calibration.colRight")}</th>
            <th scope="col">{t("widget.calibration.colVerdict")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.level}>
              <th scope="row">
                {levelName(p.level)} <span className="muted small">{t("widget.calibration.about", { n: CONFIDENCE_PERCENT[p.level] })}</span>
              </th>
              <td>{formatNumber(p.answered, locale)}</td>
              <td>
                {formatNumber(p.correct, locale)} ({accuracyPercent(p)}%)
              </td>
              <td>{t(`widget.calibration.verdict.${verdictOf(p)}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One or two sentences that say what the learner's points mean, kindly and without overreach. */
export function CalibrationSummary({ points }: { points: CalibrationPoint[] }) {
  const t = useT();
  const locale = useLocale();
  const levelName = useLevelName();
  const total = points.reduce((n, p) => n + p.answered, 0);
  if (total === 0) return <p>{t("widget.calibration.empty")}</p>;
  const headline = headlineOf(points);
  if (!headline) return <p>{t("widget.calibration.tooFewOverall", { n: MIN_ANSWERS_FOR_VERDICT })}</p>;
  const { point, verdict } = headline;
  return (
    <p>
      {t(`widget.calibration.sentence.${verdict === "too-few" ? "calibrated" : verdict}`, {
        level: levelName(point.level),
        correct: point.correct,
        answered: point.answered,
        pct: accuracyPercent(point),
        expected: CONFIDENCE_PERCENT[point.level],
      })}
      {sentenceGap(locale)}
      {total < 10 ? t("widget.calibration.fewAnswers") : null}
    </p>
  );
}
