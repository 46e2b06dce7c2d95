/**
 * Confidence against accuracy, drawn as SVG during server rendering (no chart library; the
 * same picture students see in the honesty lesson): across, how sure the class said it was; up,
 * how often it was right. The diagonal is perfect calibration; below it, overconfident.
 * The table beside it is the text alternative and carries the exact numbers.
 */
import { useId } from "react";

export interface CalibrationChartPoint {
  label: string;
  /** "guessing" is never overconfident: being wrong is what a guess is. */
  isGuess: boolean;
  /** Where this confidence level sits on the x axis (0–1), i.e. the accuracy it promises. */
  nominal: number;
  /** Share right, or null with no answers at this level. */
  accuracy: number | null;
  answers: number;
}

/** Below the diagonal by more than this is overconfident (the students' widget: 15 points). */
const OVERCONFIDENT_GAP = 0.15;
const W = 320;
const H = 274;
const PAD = { left: 44, right: 16, top: 16, bottom: 58 };
const PW = W - PAD.left - PAD.right;
const PH = H - PAD.top - PAD.bottom;
const x = (v: number) => PAD.left + v * PW;
const y = (v: number) => PAD.top + (1 - v) * PH;

export function CalibrationChart({
  points,
  title,
  description,
  xLabel,
  yLabel,
  diagonalLabel,
}: {
  points: CalibrationChartPoint[];
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  diagonalLabel: string;
}) {
  const id = useId();
  const maxAnswers = Math.max(1, ...points.map((p) => p.answers));
  const drawn = points.filter((p) => p.accuracy !== null);
  return (
    <svg
      className="chart calibration-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid="calibration-chart"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <line x1={x(0)} x2={x(1)} y1={y(v)} y2={y(v)} className="chart-grid" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="chart-tick">
            {Math.round(v * 100)}%
          </text>
        </g>
      ))}
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} className="chart-diagonal" />
      {/* along the diagonal near its start, where no confidence level ever sits */}
      <text
        transform={`translate(${x(0.05)} ${y(0.05) - 5}) rotate(${(-Math.atan2(PH, PW) * 180) / Math.PI})`}
        className="chart-note"
      >
        {diagonalLabel}
      </text>
      <line x1={x(0)} x2={x(1)} y1={y(0)} y2={y(0)} className="chart-axis" />
      <line x1={x(0)} x2={x(0)} y1={y(0)} y2={y(1)} className="chart-axis" />
      {points.map((p, i) => (
        // every other label one line lower: "fairly sure" and "sure" sit close together
        <text key={p.label} x={x(p.nominal)} y={H - PAD.bottom + (i % 2 === 1 ? 30 : 16)} textAnchor="middle" className="chart-tick">
          {p.label}
        </text>
      ))}
      <text x={PAD.left + PW / 2} y={H - 6} textAnchor="middle" className="chart-label">
        {xLabel}
      </text>
      <text transform={`translate(12 ${PAD.top + PH / 2}) rotate(-90)`} textAnchor="middle" className="chart-label">
        {yLabel}
      </text>
      {drawn.length > 1 ? (
        <polyline
          className="chart-line"
          points={drawn.map((p) => `${x(p.nominal)},${y(p.accuracy!)}`).join(" ")}
        />
      ) : null}
      {drawn.map((p) => {
        // area, not radius, grows with the number of answers: a point built on two answers looks small
        const r = 4 + 8 * Math.sqrt(p.answers / maxAnswers);
        // drawn as a warning only where the students' own widget says "overconfident"
        const below = !p.isGuess && p.accuracy! < p.nominal - OVERCONFIDENT_GAP;
        return (
          <g key={p.label}>
            <circle cx={x(p.nominal)} cy={y(p.accuracy!)} r={r} className={below ? "chart-point over" : "chart-point"} />
            <text
              x={x(p.nominal) + (p.nominal > 0.8 ? -r - 4 : r + 4)}
              y={y(p.accuracy!) + 4}
              textAnchor={p.nominal > 0.8 ? "end" : "start"}
              className="chart-value"
            >
              {Math.round(p.accuracy! * 100)}%
            </text>
          </g>
        );
      })}
    </svg>
  );
}
