/**
 * Lesson 02: text cut into tokens. Each row is one example from the lesson's table, drawn as
 * boxes, one box per token, with the count at the end of the row. The examples are the ones the
 * lesson measured with Anthropic's published tokenizer, so the diagram and the table agree.
 */
import { Box, DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Text cut into tokens",
    desc:
      "Eight examples, each cut into tokens drawn as boxes. “ homework” with a space in front is one token. " +
      "“homework” without the space is two tokens: home, work. “unbelievably” is four tokens: un, bel, iev, ably. “Hello” is one token, but “HELLO” in capitals is two: HEL, LO. " +
      "The Chinese word 可以 (two characters) is one token. 明天 is two tokens: 明, 天. " +
      "晚上 is three tokens: the character 晚 is split into two pieces that cannot be shown on their own, then 上. " +
      "A note says: one box is one token; a token can be a word, part of a word, two characters or part of one.",
    one: "1 token",
    many: "{n} tokens",
    part1: "晚 (1)",
    part2: "晚 (2)",
    note: "One box = one token. A token can be a word,\npart of a word, two characters or part of one.",
  },
  "zh-Hans": {
    title: "把文字切成词元",
    desc:
      "八个例子，每个都被切成词元，一个方框代表一个词元。前面带空格的“ homework”是 1 个词元；" +
      "不带空格的“homework”是 2 个词元：home、work；“unbelievably”是 4 个词元：un、bel、iev、ably；“Hello”是 1 个词元，全大写的“HELLO”却是 2 个：HEL、LO。" +
      "“可以”两个字是 1 个词元；“明天”是 2 个词元：明、天；“晚上”是 3 个词元：“晚”被切成两块，单独显示不出来，再加上“上”。" +
      "下方的说明写着：一个方框就是一个词元；词元可以是一个词、词的一部分、两个字，甚至一个字的一部分。",
    one: "1 个词元",
    many: "{n} 个词元",
    part1: "晚（1）",
    part2: "晚（2）",
    note: "一个方框 = 一个词元。词元可以是一个词、\n词的一部分、两个字，甚至一个字的一部分。",
  },
};

/** Roughly how wide a piece of text is at 15 px: CJK characters are square, Latin ones narrower. */
function textWidth(piece: string): number {
  let w = 0;
  for (const ch of piece) w += /[\u3400-\u9fff（）]/.test(ch) ? 15 : 9;
  return w;
}

const ROW_H = 44;

export function Diagram({ text: t, id }: DiagramProps) {
  const rows: ReadonlyArray<ReadonlyArray<string>> = [
    ["␣homework"],
    ["home", "work"],
    ["un", "bel", "iev", "ably"],
    ["Hello"],
    ["HEL", "LO"],
    ["可以"],
    ["明", "天"],
    [t.part1 ?? "", t.part2 ?? "", "上"],
  ];
  return (
    <DiagramFrame id={id} text={t} width={360} height={rows.length * ROW_H + 52}>
      {rows.map((pieces, r) => {
        const y = 8 + r * ROW_H;
        let x = 8;
        return (
          <g key={r}>
            {pieces.map((piece, i) => {
              const w = textWidth(piece) + 16;
              const box = (
                <g key={i}>
                  <Box x={x} y={y} width={w} height={32} kind={i % 2 === 0 ? "plain" : "soft"} />
                  <Lines x={x + w / 2} y={y + 21} text={piece} size={15} anchor="middle" mono={!/[\u3400-\u9fff]/.test(piece)} />
                </g>
              );
              x += w + 4;
              return box;
            })}
            <Lines x={352} y={y + 21} text={pieces.length === 1 ? (t.one ?? "") : (t.many ?? "").replace("{n}", String(pieces.length))} size={14} anchor="end" weight="bold" />
          </g>
        );
      })}
      <Lines x={8} y={rows.length * ROW_H + 28} text={t.note ?? ""} size={14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
