/**
 * Lesson 07: who does what so that AI is used well. Four groups around the student, then the
 * student's own part, which the lesson's checklist spells out.
 */
import { Box, DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "Who is responsible for using AI well?",
    desc:
      "Five groups, each with its part. " +
      "AI makers: train models to refuse harm, protect users' data, say what their models cannot do. " +
      "Governments: make rules, for example that AI-generated content must be labelled. " +
      "Schools and teachers: set the rules for each task, choose safe tools, teach how to check. " +
      "Trusted adults, in your family and beyond: help with anything serious, talk about what you see online. " +
      "You: keep personal details private, check what matters, do your own work, say how you used AI.",
    heading: "Using AI well: who does what",
    makers: "AI makers",
    makersDo: "train models to refuse\nharm, protect data,\nsay what models\ncan't do",
    gov: "Governments",
    govDo: "make rules, e.g. that\nAI content must carry\na label",
    school: "Schools, teachers",
    schoolDo: "set the rules for each\ntask, choose safe\ntools, teach how\nto check",
    family: "Trusted adults",
    familyDo: "family and others:\nhelp with serious\nthings, talk about\nwhat you see online",
    you: "You",
    youDo: "keep personal details private · check what\nmatters · do your own work · say how you used AI",
  },
  "zh-Hans": {
    title: "用好人工智能，谁来负责？",
    desc:
      "五方各有各的责任。" +
      "人工智能开发者：训练模型拒绝有害请求，保护用户数据，说明模型做不到什么。" +
      "政府：制定规则，比如要求人工智能生成的内容必须添加标识。" +
      "学校和老师：为每项任务定规矩，挑选安全的工具，教大家怎样核实。" +
      "家人和信任的大人：遇到严重的事时帮忙，和你聊聊网上看到的东西。" +
      "你自己：不泄露个人信息，核实要紧的内容，自己完成作业，说明自己怎样使用了人工智能。",
    heading: "用好人工智能：谁做什么",
    makers: "人工智能开发者",
    makersDo: "训练模型拒绝有害请求，\n保护数据，说明模型\n做不到什么",
    gov: "政府",
    govDo: "制定规则，比如\n生成的内容必须\n添加标识",
    school: "学校和老师",
    schoolDo: "为每项任务定规矩，\n挑选安全的工具，\n教大家怎样核实",
    family: "家人、信任的大人",
    familyDo: "遇到严重的事时帮忙，\n和你聊聊网上\n看到的东西",
    you: "你自己",
    youDo: "不泄露个人信息 · 核实要紧的内容 ·\n自己完成作业 · 说明怎样用了人工智能",
  },
};

const CELL_W = 170;
const CELL_H = 104;

export function Diagram({ text: t, id }: DiagramProps) {
  const cells: ReadonlyArray<[string, string]> = [
    [t.makers ?? "", t.makersDo ?? ""],
    [t.gov ?? "", t.govDo ?? ""],
    [t.school ?? "", t.schoolDo ?? ""],
    [t.family ?? "", t.familyDo ?? ""],
  ];
  return (
    <DiagramFrame id={id} text={t} width={360} height={40 + 2 * (CELL_H + 8) + 84}>
      <Lines x={8} y={24} text={t.heading ?? ""} size={15} weight="bold" />
      {cells.map(([who, does], i) => {
        const x = 8 + (i % 2) * (CELL_W + 4);
        const y = 40 + Math.floor(i / 2) * (CELL_H + 8);
        return (
          <g key={who}>
            <Box x={x} y={y} width={CELL_W} height={CELL_H} />
            <Lines x={x + 10} y={y + 23} text={who} size={14} weight="bold" />
            <Lines x={x + 10} y={y + 44} text={does} size={13} lineHeight={1.25} />
          </g>
        );
      })}
      <Box x={8} y={40 + 2 * (CELL_H + 8)} width={344} height={74} kind="soft" />
      <Lines x={18} y={40 + 2 * (CELL_H + 8) + 25} text={t.you ?? ""} size={15} weight="bold" />
      <Lines x={18} y={40 + 2 * (CELL_H + 8) + 47} text={t.youDo ?? ""} size={13} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
