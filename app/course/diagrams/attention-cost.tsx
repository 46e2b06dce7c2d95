/**
 * Lesson 04: why attention work grows with the square of the length. In a chat model each token
 * attends to itself and every earlier token, so n tokens make n(n+1)/2 connections: a triangle.
 * 4 tokens → 10 connections; 8 tokens → 36, about 4 times as many for twice the length.
 */
import { DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Twice the tokens, about four times the attention work",
    desc:
      "Two triangles of squares. Each row is a token, and its squares are the tokens it looks at: itself and every token before it. " +
      "With 4 tokens there are 10 squares. With 8 tokens, twice as many, there are 36 squares, about 4 times as many. " +
      "A note says: double the length and the work goes up about 4 times; 10 times the length, about 100 times.",
    small: "4 tokens:\n10 connections",
    large: "8 tokens:\n36 connections",
    rows: "each row = one token; its squares =\nthe tokens it looks at (itself and earlier ones)",
    note: "Double the length → about 4 × the work.\n10 × the length → about 100 × the work.",
  },
  "zh-Hans": {
    title: "词元翻一倍，注意力的计算量约变成四倍",
    desc:
      "两个由小方格组成的三角形。每一行是一个词元，这一行的方格是它要“看”的词元：它自己和它前面的每一个词元。" +
      "4 个词元时有 10 个方格；8 个词元（多一倍）时有 36 个方格，大约是 4 倍。" +
      "下方的说明写着：长度翻一倍，计算量约变成 4 倍；长度变成 10 倍，计算量约变成 100 倍。",
    small: "4 个词元：\n10 条联系",
    large: "8 个词元：\n36 条联系",
    rows: "每一行 = 一个词元；这一行的方格 =\n它要看的词元（它自己和前面的词元）",
    note: "长度翻一倍 → 计算量约 × 4。\n长度 × 10 → 计算量约 × 100。",
  },
};

const CELL = 18;

function Triangle({ x, y, n }: { x: number; y: number; n: number }) {
  const cells = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col <= row; col++) {
      cells.push(
        <rect
          key={`${row}-${col}`}
          className="dg-box dg-soft"
          x={x + col * CELL}
          y={y + row * CELL}
          width={CELL - 3}
          height={CELL - 3}
          fill="#eef1f7"
          stroke="currentColor"
          strokeWidth={1.5}
        />,
      );
    }
  }
  return <g>{cells}</g>;
}

export function Diagram({ text: t, id }: DiagramProps) {
  return (
    <DiagramFrame id={id} text={t} width={360} height={306}>
      <Lines x={8} y={20} text={t.small ?? ""} weight="bold" size={14} />
      <Triangle x={8} y={52} n={4} />
      <Lines x={160} y={20} text={t.large ?? ""} weight="bold" size={14} />
      <Triangle x={160} y={52} n={8} />
      <Lines x={8} y={220} text={t.rows ?? ""} size={13} />
      <Lines x={8} y={274} text={t.note ?? ""} size={14} weight="bold" />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
