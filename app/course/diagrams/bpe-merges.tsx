/**
 * Lesson 02: why Chinese splits the way it does. Byte pair encoding starts from bytes (a common
 * Chinese character is 3 bytes in UTF-8), merges bytes that often appear together into
 * characters, then characters that often appear together into one token. A rarer character can
 * stay split. The bytes shown are the real UTF-8 bytes of 可 (E5 8F AF) and 以 (E4 BB A5).
 */
import { Arrow, Box, DiagramFrame, Lines, StepNumber } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "How byte pair encoding builds the token 可以",
    desc:
      "Three levels joined by arrows, top to bottom. Level 1, bytes: the computer stores 可以 as six bytes, E5 8F AF for 可 and E4 BB A5 for 以. " +
      "Arrow: bytes that often appear together are merged. Level 2, characters: 可 and 以, two pieces. " +
      "Arrow: characters that often appear together are merged. Level 3, one token: 可以. " +
      "A note says that a rarer character such as 晚 may never be fully merged, so it stays as two pieces.",
    level1: "Bytes (how the computer stores it)",
    merge1: "merge bytes that often\nappear together",
    level2: "Characters",
    merge2: "merge characters that\noften appear together",
    level3: "One token",
    note: "A rarer character such as 晚 may never be\nfully merged: it stays as two pieces.",
  },
  "zh-Hans": {
    title: "字节对编码怎样拼出词元“可以”",
    desc:
      "三层，从上到下由箭头相连。第 1 层，字节：计算机把“可以”存成 6 个字节，“可”是 E5 8F AF，“以”是 E4 BB A5。" +
      "箭头：把经常挨在一起的字节合并。第 2 层，字：“可”和“以”，两块。" +
      "箭头：把经常挨在一起的字合并。第 3 层，一个词元：“可以”。" +
      "下方的说明写着：像“晚”这样不那么常见的字，可能一直合并不完，仍然是两块。",
    level1: "字节（计算机存储的样子）",
    merge1: "合并经常挨在一起的字节",
    level2: "字",
    merge2: "合并经常挨在一起的字",
    level3: "一个词元",
    note: "像“晚”这样不那么常见的字，\n可能一直合并不完，仍然是两块。",
  },
};

const BYTES = ["E5", "8F", "AF", "E4", "BB", "A5"];

export function Diagram({ text: t, id }: DiagramProps) {
  return (
    <DiagramFrame id={id} text={t} width={360} height={404}>
      {/* 1: bytes */}
      <StepNumber x={22} y={22} n={1} />
      <Lines x={44} y={28} text={t.level1 ?? ""} weight="bold" />
      {BYTES.map((b, i) => (
        <g key={b + i}>
          <Box x={8 + i * 52 + (i >= 3 ? 12 : 0)} y={44} width={46} height={34} kind={i < 3 ? "plain" : "soft"} />
          <Lines x={31 + i * 52 + (i >= 3 ? 12 : 0)} y={66} text={b} size={14} anchor="middle" mono />
        </g>
      ))}
      <Arrow id={id} points={[[60, 82], [60, 130]]} />
      <Lines x={80} y={102} text={t.merge1 ?? ""} size={14} />

      {/* 2: characters */}
      <StepNumber x={22} y={156} n={2} />
      <Lines x={44} y={162} text={t.level2 ?? ""} weight="bold" />
      <Box x={8} y={176} width={150} height={40} />
      <Lines x={83} y={203} text="可" size={20} anchor="middle" />
      <Box x={170} y={176} width={150} height={40} kind="soft" />
      <Lines x={245} y={203} text="以" size={20} anchor="middle" />
      <Arrow id={id} points={[[60, 220], [60, 268]]} />
      <Lines x={80} y={240} text={t.merge2 ?? ""} size={14} />

      {/* 3: one token */}
      <StepNumber x={22} y={294} n={3} />
      <Lines x={44} y={300} text={t.level3 ?? ""} weight="bold" />
      <Box x={8} y={312} width={312} height={40} />
      <Lines x={164} y={339} text="可以" size={20} anchor="middle" />

      <Lines x={8} y={374} text={t.note ?? ""} size={14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
