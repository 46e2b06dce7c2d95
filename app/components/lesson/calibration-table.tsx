import { CONFIDENCE_LEVELS, type CalibrationSummary } from "~/course/scoring";
import { useT } from "~/i18n/use-t";

const pct = (n: number | null) => (n === null ? "–" : `${Math.round(n * 100)}%`);

/** "How sure vs how right": answers and accuracy per confidence level, plus honest "not sure"s. */
export function CalibrationTable({ summary, caption }: { summary: Pick<CalibrationSummary, "levels" | "notSure">; caption?: string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="calibration-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("learn.calibration.level")}</th>
            <th scope="col">{t("learn.calibration.answered")}</th>
            <th scope="col">{t("learn.calibration.right")}</th>
          </tr>
        </thead>
        <tbody>
          {CONFIDENCE_LEVELS.map((level) => (
            <tr key={level}>
              <th scope="row">{t(`learn.confidence.${level}`)}</th>
              <td>{summary.levels[level].answered}</td>
              <td>{pct(summary.levels[level].accuracy)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("learn.answer.notSure")}</th>
            <td>{summary.notSure}</td>
            <td>–</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
