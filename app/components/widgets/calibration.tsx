/**
 * Calibration widget: the learner's own quiz answers, confidence against accuracy, with the
 * diagonal of perfect calibration, a sentence interpreting it, and (on request) what a
 * well-calibrated learner looks like. Drawn as SVG by hand; the table under it has the numbers.
 */
import { useId, useState } from "react";
import { useT } from "~/i18n/use-t";
import { CONFIDENCE_PERCENT, accuracyPercent } from "../../course/widgets/calibration-math";
import { CalibrationSummary, CalibrationTable, useLevelName } from "./calibration-view";
import type { WidgetProps } from "./registry";
import type { CalibrationPoint, Confidence } from "../../course/scoring";
import { calibrationPointsIn } from "../../course/widgets/widget-data";

// Plot area inside a 320 × 260 view box.
const X0 = 52;
const X1 = 304;
const Y0 = 216;
const Y1 = 16;
const x = (pct: number) => X0 + ((X1 - X0) * pct) / 100;
const y = (pct: number) => Y0 - ((Y0 - Y1) * pct) / 100;
const TICKS = [0, 20, 40, 60, 80, 100];

/** Made-up points of a well-calibrated learner, shown only when asked for and labelled as such. */
const EXAMPLE: CalibrationPoint[] = [
  { level: "guessing", answered: 10, correct: 4 },
  { level: "fairly_sure", answered: 10, correct: 7 },
  { level: "sure", answered: 10, correct: 9 },
];

export default function CalibrationWidget({ data }: WidgetProps) {
  const t = useT();
  const id = useId();
  const points = calibrationPointsIn(data);
  const [showExample, setShowExample] = useState(false);
  const levelName = useLevelName();
  const described = points.map((p) =>
    t("widget.calibration.pointText", { level: levelName(p.level), correct: p.correct, answered: p.answered, pct: accuracyPercent(p) }),
  );

  return (
    <section className="widget calibration-widget" aria-label={t("widget.calibration.title")}>
      <p className="widget-kicker">{t("widget.calibration.title")}</p>
      <svg className="calibration-chart" viewBox="0 0 320 260" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t("widget.calibration.chartTitle")}</title>
        <desc id={`${id}-desc`}>{described.length ? described.join(" ") : t("widget.calibration.empty")}</desc>
        <rect x={X0} y={Y1} width={X1 - X0} height={Y0 - Y1} className="plot-bg" />
        {TICKS.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={x(v)} x2={x(v)} y1={Y0} y2={Y1} className="grid-line" />
            <line x1={X0} x2={X1} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={x(v)} y={Y0 + 14} textAnchor="middle" className="tick">
              {v}%
            </text>
            <text x={X0 - 6} y={y(v) + 4} textAnchor="end" className="tick">
              {v}%
            </text>
          </g>
        ))}
        <line x1={x(0)} y1={y(0)} x2={x(100)} y2={y(100)} className="diagonal" />
        <text x={x(8)} y={y(13)} className="region-label" transform={`rotate(-38 ${x(8)} ${y(13)})`}>
          {t("widget.calibration.diagonal")}
        </text>
        <text x={x(6)} y={y(90)} className="region-label">
          {t("widget.calibration.under")}
        </text>
        <text x={x(97)} y={y(32)} textAnchor="end" className="region-label">
          {t("widget.calibration.over")}
        </text>
        <text x={(X0 + X1) / 2} y={254} textAnchor="middle" className="axis-label">
          {t("widget.calibration.xAxis")}
        </text>
        <text x={12} y={(Y0 + Y1) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 12 ${(Y0 + Y1) / 2})`}>
          {t("widget.calibration.yAxis")}
        </text>
        {showExample
          ? EXAMPLE.map((p) => <Marker key={`ex-${p.level}`} point={p} example />)
          : null}
        {points.map((p) => (
          <Marker key={p.level} point={p} label={`${levelName(p.level)} ${p.correct}/${p.answered}`} />
        ))}
      </svg>

      <p className="small muted">{t("widget.calibration.shapes")}</p>
      <div aria-live="polite">
        <CalibrationSummary points={points} />
      </div>
      {points.length > 0 ? <CalibrationTable points={points} /> : null}

      <button type="button" className="secondary" aria-pressed={showExample} onClick={() => setShowExample(!showExample)}>
        {t("widget.calibration.showExample")}
      </button>
      {showExample ? <p className="small">{t("widget.calibration.exampleText")}</p> : null}
      <p className="small">{t("widget.calibration.modelsText")}</p>
    </section>
  );
}

/** A point: a different shape per level (not colour alone), size growing with the answers. */
function Marker({ point, label, example }: { point: CalibrationPoint; label?: string; example?: boolean }) {
  const cx = x(CONFIDENCE_PERCENT[point.level]);
  const cy = y(accuracyPercent(point));
  const r = example ? 6 : Math.min(11, 5 + Math.sqrt(point.answered));
  const shape = SHAPES[point.level](cx, cy, r);
  const labelBelow = cy < Y1 + 24;
  return (
    <g className={example ? "marker example" : "marker"} aria-hidden="true">
      {example ? <path d={`M${cx} ${cy - r - 2}L${cx + r + 2} ${cy}L${cx} ${cy + r + 2}L${cx - r - 2} ${cy}Z`} /> : shape}
      {label ? (
        <text x={cx} y={labelBelow ? cy + r + 12 : cy - r - 5} textAnchor={cx > X1 - 40 ? "end" : "middle"} className="marker-label">
          {label}
        </text>
      ) : null}
    </g>
  );
}

const SHAPES: Record<Confidence, (cx: number, cy: number, r: number) => JSX.Element> = {
  sure: (cx, cy, r) => <circle cx={cx} cy={cy} r={r} />,
  fairly_sure: (cx, cy, r) => <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} />,
  guessing: (cx, cy, r) => <path d={`M${cx} ${cy - r - 1}L${cx + r + 1} ${cy + r}L${cx - r - 1} ${cy + r}Z`} />,
};
