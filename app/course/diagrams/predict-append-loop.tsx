/**
 * Lesson 01: how a model writes a reply. Read the text so far, score each possible next token,
 * append one, and go round again. The example sentence is the one the lesson opens with.
 */
import { Arrow, Box, DiagramFrame, Lines, StepNumber } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "The predict-and-append loop",
    desc:
      "A loop of three steps. Step 1: the model reads all the text so far, for example “After school, I like to play”. " +
      "Step 2: it works out how likely each possible next token is; football is the most likely, then games, then piano. " +
      "Step 3: it picks one token and adds it to the end, so the text now ends “I like to play football”. " +
      "An arrow leads from step 3 back to step 1: the model goes round again with one more token, until the reply is finished.",
    read: "Read all the text so far",
    before: "After school, I like to play",
    predict: "How likely is each next token?",
    token1: "football",
    token2: "games",
    token3: "piano",
    append: "Pick one and add it to the end",
    after: "… I like to play football",
    repeat: "Back to 1 with one more token,\nuntil the reply is finished.",
  },
  "zh-Hans": {
    title: "“预测—追加”循环",
    desc:
      "一个由三步组成的循环。第 1 步：模型读一遍目前为止的全部文字，例如“放学后，我喜欢玩”。" +
      "第 2 步：它算出每个可能的下一个词元出现的可能性，其中“篮球”最有可能，其次是“游戏”，再次是“钢琴”。" +
      "第 3 步：它选出一个词元，接在末尾，于是文字变成“……我喜欢玩篮球”。" +
      "一个箭头从第 3 步指回第 1 步：模型带着多出的这个词元再转一圈，直到回答写完。",
    read: "读一遍目前的全部文字",
    before: "放学后，我喜欢玩",
    predict: "下一个词元是谁？各有多大可能？",
    token1: "篮球",
    token2: "游戏",
    token3: "钢琴",
    append: "选出一个，接在末尾",
    after: "……我喜欢玩篮球",
    repeat: "带着多出的一个词元回到第 1 步，\n直到回答写完。",
  },
};

const BOX_X = 8;
const BOX_W = 310;
const LOOP_X = 342;

export function Diagram({ text: t, id }: DiagramProps) {
  const bars: ReadonlyArray<[string, number]> = [
    [t.token1 ?? "", 150],
    [t.token2 ?? "", 92],
    [t.token3 ?? "", 40],
  ];
  return (
    <DiagramFrame id={id} text={t} width={360} height={430}>
      {/* 1: read */}
      <Box x={BOX_X} y={8} width={BOX_W} height={92} />
      <StepNumber x={32} y={34} n={1} />
      <Lines x={54} y={40} text={t.read ?? ""} weight="bold" />
      <Box x={24} y={56} width={278} height={32} kind="example" />
      <Lines x={34} y={77} text={t.before ?? ""} size={14} mono />
      <Arrow id={id} points={[[163, 100], [163, 126]]} />

      {/* 2: predict */}
      <Box x={BOX_X} y={128} width={BOX_W} height={118} kind="soft" />
      <StepNumber x={32} y={154} n={2} />
      <Lines x={54} y={160} text={t.predict ?? ""} weight="bold" />
      {bars.map(([label, width], i) => (
        <g key={label}>
          <Lines x={34} y={191 + i * 20} text={label} size={14} />
          <rect className="dg-bar" x={122} y={180 + i * 20} width={width} height={13} fill="currentColor" />
        </g>
      ))}
      <Arrow id={id} points={[[163, 246], [163, 272]]} />

      {/* 3: append */}
      <Box x={BOX_X} y={274} width={BOX_W} height={92} />
      <StepNumber x={32} y={300} n={3} />
      <Lines x={54} y={306} text={t.append ?? ""} weight="bold" />
      <Box x={24} y={322} width={278} height={32} kind="example" />
      <Lines x={34} y={343} text={t.after ?? ""} size={14} mono />

      {/* back to 1 */}
      <Arrow id={id} points={[[BOX_X + BOX_W, 320], [LOOP_X, 320], [LOOP_X, 54], [BOX_X + BOX_W + 4, 54]]} />
      <Lines x={BOX_X} y={392} text={t.repeat ?? ""} size={14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
