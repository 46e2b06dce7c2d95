/**
 * Lesson 07: "should I use AI for this?" as four yes/no questions, each with its way out, and
 * what good use looks like when all four are passed. Branches are labelled in words.
 */
import { Arrow, Box, DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Should I use AI for this?",
    desc:
      "Four questions, one after another. " +
      "1: Is it about health, safety, money or a crisis? If yes: talk to a trusted adult first. If no, go on. " +
      "2: Would I need to type personal details? If yes: take them out, or don't ask. If no, go on. " +
      "3: Is it a test, or has my teacher said no AI? If yes: don't use AI. If no, go on. " +
      "4: Have I tried it myself first? If no: try first. If yes, go on. " +
      "Then use AI as a tutor: ask for hints or feedback, check what matters, and say how you used it.",
    q1: "Health, safety,\nmoney or a crisis?",
    a1: "Talk to a\ntrusted adult\nfirst.",
    q2: "Would I need to type\npersonal details?",
    a2: "Take them out,\nor don't ask.",
    q3: "A test, or my teacher\nsaid no AI?",
    a3: "Don't use AI.",
    q4: "Have I tried it\nmyself first?",
    a4: "Try first.",
    yes: "yes",
    no: "no",
    go: "Use it as a tutor: ask for hints or feedback,\ncheck what matters, say how you used it.",
  },
  "zh-Hans": {
    title: "这件事该用人工智能吗？",
    desc:
      "依次回答四个问题。" +
      "1：涉及健康、安全、钱财，或者遇到危机了吗？是：先找信任的大人。否：继续。" +
      "2：需要输入个人信息吗？是：先删掉，或者干脆不问。否：继续。" +
      "3：这是测验或考试吗？或者老师说过不许用？是：不用人工智能。否：继续。" +
      "4：我自己先试过了吗？否：先自己试。是：继续。" +
      "然后把人工智能当辅导老师来用：要提示、要意见，核实要紧的内容，并说明自己是怎么用的。",
    q1: "涉及健康、安全、钱财，\n或者遇到危机了吗？",
    a1: "先找信任的\n大人。",
    q2: "需要输入\n个人信息吗？",
    a2: "先删掉，\n或者干脆不问。",
    q3: "是测验、考试，\n或老师说过不许用？",
    a3: "不用人工智能。",
    q4: "我自己\n先试过了吗？",
    a4: "先自己试。",
    yes: "是",
    no: "否",
    go: "当辅导老师来用：要提示、要意见，\n核实要紧的内容，说明自己是怎么用的。",
  },
};

const ROW = 94;
const Q_W = 182;
const A_X = 226;
const A_W = 126;

export function Diagram({ text: t, id }: DiagramProps) {
  const yes = t.yes ?? "";
  const no = t.no ?? "";
  // [question, way out, label on the way out, label on the way down]
  const rows: ReadonlyArray<[string, string, string, string]> = [
    [t.q1 ?? "", t.a1 ?? "", yes, no],
    [t.q2 ?? "", t.a2 ?? "", yes, no],
    [t.q3 ?? "", t.a3 ?? "", yes, no],
    [t.q4 ?? "", t.a4 ?? "", no, yes],
  ];
  const top = (i: number) => 8 + i * ROW;
  return (
    <DiagramFrame id={id} text={t} width={360} height={top(4) + 72}>
      {rows.map(([question, out, outLabel, downLabel], i) => (
        <g key={question}>
          <Box x={8} y={top(i)} width={Q_W} height={66} />
          <Lines x={18} y={top(i) + 27} text={question} size={14} weight="bold" />
          <Arrow id={id} points={[[8 + Q_W, top(i) + 33], [A_X - 2, top(i) + 33]]} />
          <Lines x={(8 + Q_W + A_X) / 2} y={top(i) + 25} text={outLabel} size={13} weight="bold" anchor="middle" />
          <Box x={A_X} y={top(i)} width={A_W} height={66} kind="soft" />
          <Lines x={A_X + 10} y={top(i) + 25} text={out} size={13} />
          <Arrow id={id} points={[[60, top(i) + 66], [60, top(i + 1) - 2]]} />
          <Lines x={70} y={top(i) + 85} text={downLabel} size={13} weight="bold" />
        </g>
      ))}
      <Box x={8} y={top(4)} width={344} height={58} />
      <Lines x={18} y={top(4) + 24} text={t.go ?? ""} size={13} weight="bold" />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
