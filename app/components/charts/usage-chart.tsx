/**
 * Playground tokens per day against the daily budget, as SVG drawn during server rendering.
 * Days over budget are drawn with a pattern as well as a colour (never colour alone); the table
 * that goes with it on the page is the text alternative.
 */
import { useId } from "react";

export interface UsageChartDay {
  day: string;
  tokens: number;
}

const W = 560;
const H = 200;
const PAD = { left: 56, right: 12, top: 14, bottom: 34 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(v));
  const n = v / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}

function short(n: number): string {
  return n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(1)}M` : n >= 1000 ? `${+(n / 1000).toFixed(1)}k` : String(n);
}

export function UsageChart({
  days,
  budget,
  title,
  description,
  budgetLabel,
}: {
  days: UsageChartDay[];
  budget: number;
  title: string;
  description: string;
  budgetLabel: string;
}) {
  const id = useId();
  const top = niceMax(Math.max(budget * 1.1, ...days.map((d) => d.tokens)));
  const pw = W - PAD.left - PAD.right;
  const ph = H - PAD.top - PAD.bottom;
  const slot = pw / Math.max(1, days.length);
  const barW = Math.max(4, slot * 0.64);
  const y = (v: number) => PAD.top + (1 - v / top) * ph;
  const patternId = `${id}-over`.replace(/:/g, "");
  return (
    <svg className="chart usage-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="chart-bar over" />
          <line x1="0" y1="0" x2="0" y2="6" className="chart-hatch" />
        </pattern>
      </defs>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="chart-grid" />
          <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end" className="chart-tick">
            {short(top * f)}
          </text>
        </g>
      ))}
      {days.map((d, i) => {
        const over = budget > 0 && d.tokens > budget;
        const cx = PAD.left + slot * i + slot / 2;
        return (
          <g key={d.day}>
            {d.tokens > 0 ? (
              <rect
                x={cx - barW / 2}
                y={y(d.tokens)}
                width={barW}
                height={Math.max(1, y(0) - y(d.tokens))}
                className={over ? undefined : "chart-bar"}
                fill={over ? `url(#${patternId})` : undefined}
              />
            ) : null}
            {i % 2 === days.length % 2 || days.length <= 8 ? (
              <text x={cx} y={H - PAD.bottom + 16} textAnchor="middle" className="chart-tick">
                {d.day.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
      {budget > 0 ? (
        <g>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(budget)} y2={y(budget)} className="chart-budget" />
          <text x={W - PAD.right} y={y(budget) - 5} textAnchor="end" className="chart-note">
            {budgetLabel}
          </text>
        </g>
      ) : null}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="chart-axis" />
    </svg>
  );
}
