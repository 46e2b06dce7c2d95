/**
 * Lesson 06: prompting as an experiment. Write, run more than once, check the reply, change
 * one thing, and go round again from "run"; leave the loop when the reply is good.
 */
import { Arrow, Box, DiagramFrame, Lines, StepNumber } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Test, change one thing, test again",
    desc:
      "A loop of four steps. 1: write the prompt. 2: run it more than once, because replies vary. " +
      "3: check the reply: does the visible check pass, and is the reply really good? " +
      "4: if not, change one thing only. An arrow leads from step 4 back to step 2. " +
      "When the reply is good, leave the loop: keep the prompt and note why it worked.",
    write: "Write the prompt",
    writeNote: "task, context, format",
    run: "Run it more than once",
    runNote: "replies vary from run to run",
    check: "Check the reply",
    checkNote: "Does the check pass? Is it good?",
    change: "Change ONE thing",
    changeNote: "then you know what helped",
    again: "not yet",
    done: "Step 3 says it is good? Keep the prompt,\nand note why it worked.",
  },
  "zh-Hans": {
    title: "试一试，改一处，再试一次",
    desc:
      "一个由四步组成的循环。第 1 步：写提示词。第 2 步：多运行几次，因为每次的回复会不一样。" +
      "第 3 步：检查回复：看得见的检查通过了吗？回复真的好吗？" +
      "第 4 步：如果还不行，只改一处。一个箭头从第 4 步指回第 2 步。" +
      "回复满意时就离开循环：保留这个提示词，并记下它为什么有效。",
    write: "写提示词",
    writeNote: "任务、背景、格式",
    run: "多运行几次",
    runNote: "每次的回复都可能不同",
    check: "检查回复",
    checkNote: "检查通过了吗？回复好不好？",
    change: "只改一处",
    changeNote: "这样才知道是哪一处起了作用",
    again: "还不行",
    done: "第 3 步检查满意了？保留这个提示词，\n并记下它为什么有效。",
  },
};

const BOX_X = 8;
const BOX_W = 300;
const LOOP_X = 336;
const STEP = 82;

export function Diagram({ text: t, id }: DiagramProps) {
  const steps: ReadonlyArray<[string, string]> = [
    [t.write ?? "", t.writeNote ?? ""],
    [t.run ?? "", t.runNote ?? ""],
    [t.check ?? "", t.checkNote ?? ""],
    [t.change ?? "", t.changeNote ?? ""],
  ];
  const top = (i: number) => 8 + i * STEP;
  return (
    <DiagramFrame id={id} text={t} width={360} height={top(4) + 52}>
      {steps.map(([title, note], i) => (
        <g key={title}>
          <Box x={BOX_X} y={top(i)} width={BOX_W} height={58} kind={i === 3 ? "soft" : "plain"} />
          <StepNumber x={32} y={top(i) + 29} n={i + 1} />
          <Lines x={54} y={top(i) + 25} text={title} weight="bold" />
          <Lines x={54} y={top(i) + 45} text={note} size={13} />
          {i < 3 ? <Arrow id={id} points={[[158, top(i) + 58], [158, top(i + 1) - 2]]} /> : null}
        </g>
      ))}
      {/* 3 → 4 is labelled "not yet"; 4 goes back to 2 */}
      <Lines x={166} y={top(3) - 8} text={t.again ?? ""} size={12} />
      <Arrow id={id} points={[[BOX_X + BOX_W, top(3) + 29], [LOOP_X, top(3) + 29], [LOOP_X, top(1) + 29], [BOX_X + BOX_W + 4, top(1) + 29]]} />
      <Lines x={BOX_X} y={top(4) + 12} text={t.done ?? ""} size={14} weight="bold" />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
