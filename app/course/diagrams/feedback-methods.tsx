/**
 * Lesson 03: RLHF, RLAIF and Constitutional AI side by side (stacked as cards so they read on a
 * phone): for each, who compares the answers and where people still are. Sources: InstructGPT
 * (RLHF), Lee et al. 2023 (RLAIF), Bai et al. 2022 (Constitutional AI: AI harmlessness labels,
 * human helpfulness labels).
 */
import { Box, DiagramFrame, Lines } from "./parts";
import type { DiagramModule, DiagramProps } from "./types";

export const text: DiagramModule["text"] = {
  en: {
    title: "RLHF, RLAIF and Constitutional AI side by side",
    desc:
      "Three cards. RLHF: people compare the answers; people rank many answers, by hand. " +
      "RLAIF: an AI model compares the answers; people write its instructions and check the results. " +
      "Constitutional AI: an AI model compares the answers using written principles, the constitution; people write the principles, still label helpfulness, and check the results. " +
      "In all three, the comparisons train a reward model that the assistant practises against.",
    judgeLabel: "Who compares answers?",
    peopleLabel: "Where are people?",
    name1: "RLHF",
    judge1: "People",
    people1: "Rank many answers, by hand",
    name2: "RLAIF",
    judge2: "An AI model",
    people2: "Write its instructions, check the results",
    name3: "Constitutional AI",
    judge3: "An AI model, using written principles",
    people3: "Write the principles, still label\nhelpfulness, check the results",
    footer: "In all three, the comparisons train a reward\nmodel that the assistant practises against.",
  },
  "zh-Hans": {
    title: "RLHF、RLAIF 和宪法人工智能并排比较",
    desc:
      "三张卡片。RLHF：由人比较回答；人要亲手给大量回答排序。" +
      "RLAIF：由一个 AI 模型比较回答；人写给它的指示，并检验结果。" +
      "宪法人工智能：由一个 AI 模型依据写成文字的原则（宪法）比较回答；人写原则，仍然标注“是否有帮助”，并检验结果。" +
      "三种方法里，这些比较都用来训练奖励模型，助手再对着奖励模型练习。",
    judgeLabel: "谁来比较回答？",
    peopleLabel: "人在哪里？",
    name1: "RLHF",
    judge1: "人",
    people1: "亲手给大量回答排序",
    name2: "RLAIF",
    judge2: "一个 AI 模型",
    people2: "写给它的指示，检验结果",
    name3: "宪法人工智能",
    judge3: "一个 AI 模型，依据写下来的原则（宪法）",
    people3: "写原则，仍然标注“是否有帮助”，检验结果",
    footer: "三种方法里，这些比较都用来训练奖励模型，\n助手再对着奖励模型练习。",
  },
};

const CARD_H = 132;
const GAP = 10;

export function Diagram({ text: t, id }: DiagramProps) {
  const cards = [1, 2, 3] as const;
  return (
    <DiagramFrame id={id} text={t} width={360} height={3 * CARD_H + 2 * GAP + 64}>
      {cards.map((n, i) => {
        const y = 8 + i * (CARD_H + GAP);
        return (
          <g key={n}>
            <Box x={8} y={y} width={344} height={CARD_H} kind={n === 2 ? "soft" : "plain"} />
            <Lines x={20} y={y + 25} text={t[`name${n}`] ?? ""} weight="bold" size={17} />
            <Lines x={20} y={y + 47} text={t.judgeLabel ?? ""} size={12} weight="bold" />
            <Lines x={20} y={y + 65} text={t[`judge${n}`] ?? ""} size={14} />
            <Lines x={20} y={y + 87} text={t.peopleLabel ?? ""} size={12} weight="bold" />
            <Lines x={20} y={y + 105} text={t[`people${n}`] ?? ""} size={14} />
          </g>
        );
      })}
      <Lines x={8} y={3 * CARD_H + 2 * GAP + 30} text={t.footer ?? ""} size={14} />
    </DiagramFrame>
  );
}

export default { text, Diagram } satisfies DiagramModule;
