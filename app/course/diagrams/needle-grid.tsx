/**
 * Lesson 04: how the needle-in-a-haystack test is laid out (Kamradt's test): one test per cell,
 * for each document length (columns) and each depth where the needle is hidden (rows). The grid
 * is drawn empty on purpose, with one example cell explained: published results differ by model
 * and prompt, and this diagram shows how to read such a chart, not anyone's scores.
 */
import { Box, DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "How the needle-in-a-haystack test is laid out",
    desc:
      "A grid. Columns are document lengths, from short on the left to 200K tokens on the right. Rows are where the needle is hidden, from the start of the document at the top to the end at the bottom. " +
      "Each square is one test: hide the needle at that depth in a document of that length, ask the question, and record whether the needle was found. " +
      "One square, marked with a question mark, is an example: a document of about 100K tokens with the needle in the middle. " +
      "A note says results are usually shown by shading each square, and that the test measures finding one sentence, not understanding.",
    length: "Document length (tokens) →",
    depth: "Where the needle is hidden ↓",
    start: "start",
    middle: "middle",
    end: "end",
    example: "The square marked ?: one test, about 100K\ntokens, needle in the middle. Found or not?",
    note: "Each square is one test. Charts shade each square\nby how often the needle was found. It measures\nfinding one sentence, not understanding.",
  },
  "zh-Hans": {
    title: "“大海捞针”测试是怎样排布的",
    desc:
      "一个方格表。每一列是一种文档长度，从左边的短文档到右边的 20 万词元。每一行是“针”藏的位置，从上面的文档开头到下面的文档结尾。" +
      "每个方格就是一次测试：把“针”藏在这个深度、这么长的文档里，提问，记下有没有找到。" +
      "其中一个标着问号的方格是例子：大约 10 万词元长的文档，“针”藏在正中间。" +
      "下方的说明写着：结果通常用每个方格的深浅来表示；这个测试测的是找出一句话，而不是读懂全文。",
    length: "文档长度（词元）→",
    depth: "“针”藏在哪里 ↓",
    start: "开头",
    middle: "中间",
    end: "结尾",
    example: "标着 ? 的方格：一次测试，约 10 万词元，\n“针”在中间。找到了吗？",
    note: "每个方格是一次测试。图表用深浅表示\n“针”被找到的比例。它测的是找出一句话，\n而不是读懂全文。",
  },
};

const COLS = ["1K", "50K", "100K", "150K", "200K"];
const ROWS = 5;
const GX = 64;
const GY = 66;
const CELL_W = 54;
const CELL_H = 30;

export function Diagram({ text: t, id }: DiagramProps) {
  const rowLabel = (r: number) => (r === 0 ? t.start : r === 2 ? t.middle : r === ROWS - 1 ? t.end : "");
  return (
    <DiagramFrame id={id} text={t} width={360} height={350}>
      <Lines x={GX} y={20} text={t.length ?? ""} size={13} weight="bold" />
      {COLS.map((c, i) => (
        <Lines key={c} x={GX + i * CELL_W + CELL_W / 2} y={56} text={c} size={12} anchor="middle" />
      ))}
      <Lines x={8} y={40} text={t.depth ?? ""} size={13} weight="bold" />
      {Array.from({ length: ROWS }, (_, r) => (
        <g key={r}>
          <Lines x={GX - 6} y={GY + r * CELL_H + 20} text={rowLabel(r) ?? ""} size={12} anchor="end" />
          {COLS.map((c, i) => {
            const isExample = r === 2 && i === 2;
            return (
              <rect
                key={c}
                className={isExample ? "dg-box dg-soft" : "dg-box dg-plain"}
                x={GX + i * CELL_W}
                y={GY + r * CELL_H}
                width={CELL_W - 4}
                height={CELL_H - 4}
                rx={3}
                fill={isExample ? "#eef1f7" : "#ffffff"}
                stroke="currentColor"
                strokeWidth={isExample ? 3 : 1.25}
              />
            );
          })}
        </g>
      ))}
      {/* the example cell: middle row, 100K column */}
      <Lines x={GX + 2 * CELL_W + (CELL_W - 4) / 2} y={GY + 2 * CELL_H + 19} text="?" size={15} anchor="middle" weight="bold" />
      <Box x={8} y={GY + 5 * CELL_H + 12} width={344} height={52} kind="example" />
      <Lines x={18} y={GY + 5 * CELL_H + 33} text={t.example ?? ""} size={14} />
      <Lines x={8} y={GY + 5 * CELL_H + 88} text={t.note ?? ""} size={13} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
