/**
 * Lesson 03: RLHF in three steps, as InstructGPT described it: supervised fine-tuning on
 * people's example answers, a reward model trained on people's rankings, then reinforcement
 * learning against that reward model (the loop drawn back from the score to the assistant).
 */
import { Arrow, Box, DiagramFrame, Lines, StepNumber } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "RLHF in three steps",
    desc:
      "Three boxes joined by arrows, top to bottom. Step 1, show examples: people write good answers and the model is fine-tuned to imitate them. " +
      "Step 2, rank and train a judge: the model writes several answers, people rank them from best to worst, and a reward model learns to predict their choice. " +
      "Step 3, practise against the judge: the assistant writes an answer, the reward model scores it, and the assistant is nudged towards higher scores. " +
      "An arrow loops from the score back to the assistant: this repeats many times.",
    step1: "Show examples",
    body1: "People write good answers;\nthe model learns to imitate them.",
    step2: "Rank, and train a judge",
    body2: "People rank several answers, best\nto worst; a reward model learns\nto predict their choice.",
    step3: "Practise against the judge",
    body3: "The assistant answers, the reward model\nscores it, the assistant is nudged\ntowards higher scores.",
    again: "again and again",
  },
  "zh-Hans": {
    title: "RLHF 三步走",
    desc:
      "三个方框从上到下由箭头相连。第 1 步，给示范：人写出好的回答，模型通过模仿它们来微调。" +
      "第 2 步，排序，训练一个裁判：模型写出几个回答，人从好到差排序，奖励模型学会预测人会选哪个。" +
      "第 3 步，对着裁判练习：助手写回答，奖励模型打分，助手朝得分更高的方向调整。" +
      "一个箭头从打分绕回助手：这个过程重复很多次。",
    step1: "给示范",
    body1: "人写出好的回答，\n模型模仿着学。",
    step2: "排序，训练一个裁判",
    body2: "人把几个回答从好到差排序；\n奖励模型学会预测\n人会选哪个。",
    step3: "对着裁判练习",
    body3: "助手写回答，奖励模型打分，\n助手朝得分更高的方向调整。",
    again: "一遍又一遍",
  },
};

const X = 8;
const W = 318;

export function Diagram({ text: t, id }: DiagramProps) {
  return (
    <DiagramFrame id={id} text={t} width={360} height={404}>
      <Box x={X} y={8} width={W} height={88} />
      <StepNumber x={32} y={34} n={1} />
      <Lines x={54} y={40} text={t.step1 ?? ""} weight="bold" />
      <Lines x={24} y={66} text={t.body1 ?? ""} size={14} />
      <Arrow id={id} points={[[167, 96], [167, 122]]} />

      <Box x={X} y={124} width={W} height={112} kind="soft" />
      <StepNumber x={32} y={150} n={2} />
      <Lines x={54} y={156} text={t.step2 ?? ""} weight="bold" />
      <Lines x={24} y={182} text={t.body2 ?? ""} size={14} />
      <Arrow id={id} points={[[167, 236], [167, 262]]} />

      <Box x={X} y={264} width={W} height={112} />
      <StepNumber x={32} y={290} n={3} />
      <Lines x={54} y={296} text={t.step3 ?? ""} weight="bold" />
      <Lines x={24} y={322} text={t.body3 ?? ""} size={14} />
      {/* the practice loop: step 3 repeats */}
      <Arrow id={id} points={[[X + W, 352], [350, 352], [350, 282], [X + W + 4, 282]]} />
      <Lines x={352} y={396} text={t.again ?? ""} size={13} anchor="end" />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
