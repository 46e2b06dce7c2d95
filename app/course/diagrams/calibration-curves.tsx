/**
 * Lesson 05: what calibrated, overconfident and underconfident look like on the chart the
 * calibration widget draws from the student's own answers. The points are made up to show the
 * shapes; the three lines differ by dash and marker shape, never by colour alone.
 */
import { DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Confident versus calibrated",
    desc:
      "A chart with made-up points. Across: how sure you said you were, from 0 to 100%. Up: how often you were right, from 0 to 100%. " +
      "A dashed diagonal line is well calibrated: said 50%, right 50%; said 90%, right 90%. " +
      "The overconfident line, with round markers, lies below the diagonal: said 50%, right 40%; said 70%, right 50%; said 90%, right 60%. " +
      "The underconfident line, with square markers, lies above it: said 50%, right 65%; said 70%, right 85%; said 90%, right 97%.",
    yAxis: "How often right",
    xAxis: "How sure you said you were",
    calibrated: "well calibrated (on the line)",
    over: "overconfident (below the line)",
    under: "underconfident (above the line)",
  },
  "zh-Hans": {
    title: "自信与校准",
    desc:
      "一张用虚构数据画的图。横轴：你说自己有多确定，从 0 到 100%。纵轴：你实际答对的比例，从 0 到 100%。" +
      "虚线对角线代表校准良好：说 50%，对 50%；说 90%，对 90%。" +
      "过度自信的线用圆点标出，落在对角线下方：说 50%，对 40%；说 70%，对 50%；说 90%，对 60%。" +
      "信心不足的线用方块标出，落在对角线上方：说 50%，对 65%；说 70%，对 85%；说 90%，对 97%。",
    yAxis: "实际答对的比例",
    xAxis: "你说自己有多确定",
    calibrated: "校准良好（在对角线上）",
    over: "过度自信（在对角线下方）",
    under: "信心不足（在对角线上方）",
  },
};

const LEFT = 52;
const BOTTOM = 292;
const SIZE = 250;
const px = (percent: number) => LEFT + (percent / 100) * SIZE;
const py = (percent: number) => BOTTOM - (percent / 100) * SIZE;

const OVER: ReadonlyArray<readonly [number, number]> = [[50, 40], [70, 50], [90, 60]];
const UNDER: ReadonlyArray<readonly [number, number]> = [[50, 65], [70, 85], [90, 97]];

function path(points: ReadonlyArray<readonly [number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${px(x)} ${py(y)}`).join(" ");
}

function Circle({ x, y }: { x: number; y: number }) {
  return <circle cx={x} cy={y} r={5.5} fill="currentColor" />;
}

function Square({ x, y }: { x: number; y: number }) {
  return <rect x={x - 5} y={y - 5} width={10} height={10} className="dg-box dg-plain" fill="#ffffff" stroke="currentColor" strokeWidth={2} />;
}

export function Diagram({ text: t, id }: DiagramProps) {
  const legendY = 352;
  return (
    <DiagramFrame id={id} text={t} width={360} height={420}>
      <Lines x={8} y={24} text={t.yAxis ?? ""} size={14} weight="bold" />
      {/* axes and ticks */}
      <path d={`M${LEFT} ${py(100)} L${LEFT} ${BOTTOM} L${px(100)} ${BOTTOM}`} fill="none" stroke="currentColor" strokeWidth={2} />
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <Lines x={LEFT - 6} y={py(v) + 5} text={`${v}%`} size={12} anchor="end" />
          <Lines x={px(v)} y={BOTTOM + 18} text={`${v}%`} size={12} anchor="middle" />
          <path d={`M${LEFT - 4} ${py(v)} L${LEFT} ${py(v)} M${px(v)} ${BOTTOM} L${px(v)} ${BOTTOM + 4}`} stroke="currentColor" strokeWidth={1.5} />
        </g>
      ))}
      <Lines x={px(50)} y={BOTTOM + 38} text={t.xAxis ?? ""} size={14} weight="bold" anchor="middle" />

      {/* well calibrated: the diagonal */}
      <path d={`M${px(0)} ${py(0)} L${px(100)} ${py(100)}`} fill="none" stroke="currentColor" strokeWidth={2} strokeDasharray="7 5" />
      {/* overconfident: below */}
      <path d={path(OVER)} fill="none" stroke="currentColor" strokeWidth={2.5} />
      {OVER.map(([x, y]) => <Circle key={x} x={px(x)} y={py(y)} />)}
      {/* underconfident: above */}
      <path d={path(UNDER)} fill="none" stroke="currentColor" strokeWidth={2.5} />
      {UNDER.map(([x, y]) => <Square key={x} x={px(x)} y={py(y)} />)}

      {/* legend: dash and marker shape carry the meaning */}
      <path d={`M10 ${legendY - 5} L40 ${legendY - 5}`} stroke="currentColor" strokeWidth={2} strokeDasharray="7 5" />
      <Lines x={50} y={legendY} text={t.calibrated ?? ""} size={14} />
      <path d={`M10 ${legendY + 19} L40 ${legendY + 19}`} stroke="currentColor" strokeWidth={2.5} />
      <Circle x={25} y={legendY + 19} />
      <Lines x={50} y={legendY + 24} text={t.over ?? ""} size={14} />
      <path d={`M10 ${legendY + 43} L40 ${legendY + 43}`} stroke="currentColor" strokeWidth={2.5} />
      <Square x={25} y={legendY + 43} />
      <Lines x={50} y={legendY + 48} text={t.under ?? ""} size={14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
