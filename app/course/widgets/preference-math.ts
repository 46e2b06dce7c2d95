/**
 * Agreement rates of the preference lab, from the class's totals per pair (which never include
 * the learner) and the learner's own choices. Pure, so the widget and the tests share it.
 */
import type { PreferenceChoice, PreferencePair } from "~/course/widgets/widget-data";

export type ChoiceCounts = { a: number; b: number };

export interface PairAgreement {
  /** Classmates who chose as the learner did, and how many chose at all. */
  same: number;
  total: number;
  /** Shares in [0, 1]: classmates matching the learner, classmates matching the AI judge. */
  sameShare: number;
  judgeShare: number;
}

export function pairAgreement(counts: ChoiceCounts, choice: PreferenceChoice, judge: PreferenceChoice): PairAgreement | null {
  const total = counts.a + counts.b;
  if (total === 0) return null;
  return { same: counts[choice], total, sameShare: counts[choice] / total, judgeShare: counts[judge] / total };
}

export interface AgreementSummary {
  /** Pairs where the learner chose like the AI judge, out of the pairs they chose in. */
  withJudge: number;
  chosen: number;
  /** Over every classmate choice in pairs with totals: share matching the learner / the judge. */
  classSameShare: number | null;
  classJudgeShare: number | null;
}

export function agreementSummary(
  pairs: PreferencePair[],
  mine: Record<string, PreferenceChoice>,
  counts: Record<string, ChoiceCounts | null>,
): AgreementSummary {
  let withJudge = 0;
  let chosen = 0;
  let same = 0;
  let judged = 0;
  let total = 0;
  for (const pair of pairs) {
    const choice = mine[pair.id];
    if (!choice) continue;
    chosen++;
    if (choice === pair.judge) withJudge++;
    const c = counts[pair.id];
    if (!c) continue;
    same += c[choice];
    judged += c[pair.judge];
    total += c.a + c.b;
  }
  return {
    withJudge,
    chosen,
    classSameShare: total > 0 ? same / total : null,
    classJudgeShare: total > 0 ? judged / total : null,
  };
}
