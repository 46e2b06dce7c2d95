/**
 * Lesson 01 (and 03): how an assistant such as Claude is made, in three stages: pre-training on
 * huge amounts of text, fine-tuning on example answers, then learning from feedback (ratings and
 * written principles). The lesson's table calls stages 2 and 3 together "fine-tuning"; the note
 * under the diagram says so, so the two do not seem to disagree.
 */
import { Arrow, Box, DiagramFrame, Lines, StepNumber } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Three stages of training an assistant",
    desc:
      "Three boxes joined by arrows, top to bottom. Stage 1, pre-training: the model learns from huge amounts of text by guessing the next token again and again; the result is a text-continuer. " +
      "Stage 2, fine-tuning: it learns from example answers written by people; the result answers like an assistant. " +
      "Stage 3, learning from feedback: it learns from ratings of which answer is better and from written principles; the result is more helpful, honest and harmless. " +
      "A note says that stages 2 and 3 together are often just called fine-tuning.",
    stage1: "Pre-training",
    from1: "Huge amounts of text: guess the\nnext token, again and again",
    result1: "Result: a text-continuer",
    stage2: "Fine-tuning",
    from2: "Example answers written by people",
    result2: "Result: answers like an assistant",
    stage3: "Learning from feedback",
    from3: "Ratings of which answer is better,\nand written principles",
    result3: "Result: more helpful, honest, harmless",
    note: "Stages 2 and 3 together are often\njust called “fine-tuning”.",
  },
  "zh-Hans": {
    title: "训练一个助手的三个阶段",
    desc:
      "三个方框从上到下由箭头相连。第 1 阶段，预训练：模型从海量文本中学习，一遍又一遍地猜下一个词元，结果是一台“续写机”。" +
      "第 2 阶段，微调：它从人写的示范回答中学习，结果是像助手一样回答。" +
      "第 3 阶段，从反馈中学习：它从人对“哪个回答更好”的评判和写成文字的原则中学习，结果是更有帮助、更诚实、更无害。" +
      "下方的说明写着：第 2、3 阶段常常合称“微调”。",
    stage1: "预训练",
    from1: "海量文本：一遍又一遍地\n猜下一个词元",
    result1: "结果：一台“续写机”",
    stage2: "微调",
    from2: "人写的示范回答",
    result2: "结果：像助手一样回答",
    stage3: "从反馈中学习",
    from3: "人对“哪个回答更好”的评判，\n以及写成文字的原则",
    result3: "结果：更有帮助、诚实、无害",
    note: "第 2、3 阶段常常合称“微调”。",
  },
};

const STAGE_H = 118;
const GAP = 30;

export function Diagram({ text: t, id }: DiagramProps) {
  const stages = [1, 2, 3] as const;
  return (
    <DiagramFrame id={id} text={t} width={360} height={3 * STAGE_H + 2 * GAP + 60}>
      {stages.map((n, i) => {
        const y = 8 + i * (STAGE_H + GAP);
        return (
          <g key={n}>
            <Box x={8} y={y} width={344} height={STAGE_H} kind={n === 2 ? "soft" : "plain"} />
            <StepNumber x={32} y={y + 26} n={n} />
            <Lines x={54} y={y + 32} text={t[`stage${n}`] ?? ""} weight="bold" size={16} />
            <Lines x={24} y={y + 58} text={t[`from${n}`] ?? ""} size={14} />
            <Lines x={24} y={y + 104} text={t[`result${n}`] ?? ""} size={14} weight="bold" />
            {n < 3 ? <Arrow id={id} points={[[180, y + STAGE_H], [180, y + STAGE_H + GAP - 2]]} /> : null}
          </g>
        );
      })}
      <Lines x={8} y={3 * STAGE_H + 2 * GAP + 32} text={t.note ?? ""} size={14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
