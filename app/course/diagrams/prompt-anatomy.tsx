/**
 * Lesson 06: the parts of the good prompt the lesson opens with (the bike-lane essay), labelled:
 * who it is for, context, task, format and limits, with a role as an optional extra.
 */
import { Box, DiagramFrame, Lines, StepNumber } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Anatomy of a good prompt",
    desc:
      "The good prompt from the lesson, cut into four labelled parts. " +
      "1, who it is for: “I'm in grade 8.” " +
      "2, context: “Below is the introduction to my essay arguing that our town needs more bike lanes.” " +
      "3, task: “Point out the two weakest sentences and explain why they are weak.” " +
      "4, format and limits: “Don't rewrite them: I want to fix them myself.” " +
      "Optional extras: a role, such as “You are a patient writing coach”, and an example of what you want.",
    label1: "Who it is for",
    part1: "“I'm in grade 8.”",
    label2: "Context",
    part2: "“Below is the introduction to my essay\narguing that our town needs more bike\nlanes.”",
    label3: "Task",
    part3: "“Point out the two weakest sentences\nand explain why they are weak.”",
    label4: "Format and limits",
    part4: "“Don't rewrite them: I want to fix\nthem myself.”",
    extra: "Optional extras: a role (“You are a\npatient writing coach”) and an example\nof what you want.",
  },
  "zh-Hans": {
    title: "一个好提示词的结构",
    desc:
      "把本课开头那个好的提示词拆成四个部分，并分别标注。" +
      "1，写给谁：“我读八年级。”" +
      "2，背景：“下面是我一篇议论文的开头，观点是我们这座城市应该多修自行车道。”" +
      "3，任务：“请指出其中最弱的两句话，并说明弱在哪里。”" +
      "4，格式与限制：“不要替我改写，我想自己改。”" +
      "还可以加上：一个角色，比如“你是一位耐心的写作辅导老师”，以及一个你想要的样例。",
    label1: "写给谁",
    part1: "“我读八年级。”",
    label2: "背景",
    part2: "“下面是我一篇议论文的开头，\n观点是我们这座城市应该\n多修自行车道。”",
    label3: "任务",
    part3: "“请指出其中最弱的两句话，\n并说明弱在哪里。”",
    label4: "格式与限制",
    part4: "“不要替我改写，我想自己改。”",
    extra: "还可以加上：一个角色（“你是一位\n耐心的写作辅导老师”），\n以及一个你想要的样例。",
  },
};

const LINE = 18;

export function Diagram({ text: t, id }: DiagramProps) {
  const rows: ReadonlyArray<[string, string]> = [
    [t.label1 ?? "", t.part1 ?? ""],
    [t.label2 ?? "", t.part2 ?? ""],
    [t.label3 ?? "", t.part3 ?? ""],
    [t.label4 ?? "", t.part4 ?? ""],
  ];
  // Each row: a numbered label, then the quoted part in a dashed box as tall as its lines.
  let y = 8;
  const placed = rows.map(([label, part]) => {
    const lines = part.split("\n").length;
    const row = { label, part, y, boxHeight: 16 + lines * LINE };
    y += 34 + row.boxHeight + 12;
    return row;
  });
  const extraLines = (t.extra ?? "").split("\n").length;
  return (
    <DiagramFrame id={id} text={t} width={360} height={y + extraLines * LINE + 4}>
      {placed.map((row, i) => (
        <g key={row.label}>
          <StepNumber x={21} y={row.y + 13} n={i + 1} />
          <Lines x={42} y={row.y + 19} text={row.label} weight="bold" />
          <Box x={8} y={row.y + 30} width={344} height={row.boxHeight} kind="example" />
          <Lines x={18} y={row.y + 52} text={row.part} size={14} lineHeight={LINE / 14} />
        </g>
      ))}
      <Lines x={8} y={y + 12} text={t.extra ?? ""} size={14} lineHeight={LINE / 14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
