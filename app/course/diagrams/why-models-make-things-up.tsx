/**
 * Lesson 05: why a model makes things up. The next-token machine runs the same way whether or
 * not it learned the answer; only the first case tends to come out right. The example question
 * is the invented novel the lesson's try-it asks about.
 */
import { Arrow, Box, DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Why a model makes things up",
    desc:
      "A question goes in: summarize the 1887 novel “The Seventh Cat of Lighthouse Street”. " +
      "The model predicts likely next tokens, one at a time. It does not search the web unless connected to a tool, " +
      "it cannot go back and edit what it wrote, and it knows nothing after its knowledge cutoff. " +
      "Two arrows lead on. If it learned the answer in training, the likely words are often right. " +
      "If it never learned it, the likely words still sound right, but they are made up. " +
      "Nothing in this process checks the facts; the honest answer here is “I don't know this book”.",
    question: "“Summarize the 1887 novel\nThe Seventh Cat of Lighthouse Street.”",
    model: "The model predicts likely next\ntokens, one at a time",
    noWeb: "• no web search (unless given a tool)",
    noEdit: "• cannot go back and edit",
    cutoff: "• knows nothing after its cutoff",
    seen: "Learned it",
    seenResult: "The likely words\nare often right.",
    unseen: "Never learned it",
    unseenResult: "The likely words\nstill sound right,\nbut are made up.",
    note: "Nothing here checks the facts. The honest\nanswer: “I don't know this book.”",
  },
  "zh-Hans": {
    title: "模型为什么会编",
    desc:
      "输入一个问题：概括 1887 年的小说《灯塔街的第七只猫》。" +
      "模型一个接一个地预测最可能的下一个词元。除非接上工具，它不会上网搜索；写出去的字不能回头修改；知识截止日期之后的事它一概不知。" +
      "接下来分两路：如果训练时学过答案，最可能的字往往是对的；如果从没学过，最可能的字照样听起来很对，却是编出来的。" +
      "整个过程没有哪一步核对事实；这里诚实的回答是“我不知道这本书”。",
    question: "“请概括 1887 年的小说\n《灯塔街的第七只猫》。”",
    model: "模型一个接一个地预测\n最可能的下一个词元",
    noWeb: "• 不上网搜索（除非接上工具）",
    noEdit: "• 写出去的字不能回头改",
    cutoff: "• 截止日期之后的事一概不知",
    seen: "训练时学过",
    seenResult: "最可能的字\n往往是对的。",
    unseen: "从没学过",
    unseenResult: "最可能的字\n照样听起来很对，\n却是编出来的。",
    note: "这里没有哪一步核对事实。\n诚实的回答：“我不知道这本书。”",
  },
};

export function Diagram({ text: t, id }: DiagramProps) {
  return (
    <DiagramFrame id={id} text={t} width={360} height={424}>
      <Box x={8} y={8} width={344} height={62} kind="example" />
      <Lines x={20} y={32} text={t.question ?? ""} size={14} />
      <Arrow id={id} points={[[180, 70], [180, 96]]} />

      <Box x={8} y={98} width={344} height={124} kind="soft" />
      <Lines x={20} y={124} text={t.model ?? ""} weight="bold" />
      <Lines x={20} y={172} text={t.noWeb ?? ""} size={13} />
      <Lines x={20} y={191} text={t.noEdit ?? ""} size={13} />
      <Lines x={20} y={210} text={t.cutoff ?? ""} size={13} />
      <Arrow id={id} points={[[92, 222], [92, 250]]} />
      <Arrow id={id} points={[[268, 222], [268, 250]]} />

      <Box x={8} y={252} width={168} height={104} />
      <Lines x={20} y={277} text={t.seen ?? ""} weight="bold" />
      <Lines x={20} y={302} text={t.seenResult ?? ""} size={14} />
      <Box x={184} y={252} width={168} height={104} />
      <Lines x={196} y={277} text={t.unseen ?? ""} weight="bold" />
      <Lines x={196} y={302} text={t.unseenResult ?? ""} size={14} />

      <Lines x={8} y={388} text={t.note ?? ""} size={14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
