/**
 * The class's calibration: the chart, the numbers as a table (the chart's text alternative) and
 * one sentence the teacher can say in class.
 */
import { CalibrationChart } from "~/components/charts/calibration-chart";
import type { CalibrationView } from "~/teach/class-calibration.server";
import { useT } from "~/i18n/use-t";

export function CalibrationPanel({ calibration }: { calibration: CalibrationView }) {
  const t = useT();
  const description = calibration.points
    .map((p) =>
      p.accuracy === null
        ? t("teach.dash.calib.pointEmpty", { level: p.label })
        : t("teach.dash.calib.point", { level: p.label, pct: Math.round(p.accuracy * 100), count: p.answers }),
    )
    .join(" ");
  return (
    <section className="card calibration" aria-labelledby="calib-h" data-testid="calibration">
      <h2 id="calib-h">{t("teach.dash.calib.title")}</h2>
      <p className="say-in-class" data-testid="calibration-sentence">
        <strong>{t("teach.dash.calib.sayLabel")}</strong> {calibration.sentence}
      </p>
      <div className="calibration-body">
        <figure className="calibration-figure">
          <CalibrationChart
            points={calibration.points.map((p) => ({ ...p, isGuess: p.level === "guessing" }))}
            title={t("teach.dash.calib.chartTitle")}
            description={description}
            xLabel={t("teach.dash.calib.xLabel")}
            yLabel={t("teach.dash.calib.yLabel")}
            diagonalLabel={t("teach.dash.calib.diagonal")}
          />
          <figcaption className="small muted">{t("teach.dash.calib.howToRead")}</figcaption>
        </figure>
        <table className="calibration-table">
          <caption className="small muted">{t("teach.dash.calib.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("teach.dash.calib.colLevel")}</th>
              <th scope="col">{t("teach.dash.calib.colAnswers")}</th>
              <th scope="col">{t("teach.dash.calib.colRight")}</th>
              <th scope="col">{t("teach.dash.calib.colExpected")}</th>
            </tr>
          </thead>
          <tbody>
            {calibration.points.map((p) => (
              <tr key={p.level}>
                <th scope="row">{p.label}</th>
                <td>{p.answers}</td>
                <td>{p.accuracy === null ? "—" : `${Math.round(p.accuracy * 100)}%`}</td>
                <td>{t("teach.dash.calib.about", { pct: Math.round(p.nominal * 100) })}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("teach.dash.notSure")}</th>
              <td>{calibration.notSure}</td>
              <td>—</td>
              <td>—</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
