/**
 * Sentences the tokenizer widget compares (the ones the tokens lesson asks students to measure).
 * Data, not interface text: the English sentence stays English in every locale, and the Chinese
 * one is shown in the script of the reader's locale.
 */
import type { Locale } from "~/course/types";

export interface SentencePair {
  en: string;
  zhHans: string;
  zhHant: string;
}

export const SENTENCE_PAIRS: readonly SentencePair[] = [
  { en: "I haven't finished my math homework today.", zhHans: "我今天的数学作业还没写完。", zhHant: "我今天的數學作業還沒寫完。" },
  {
    en: "Please help me check the spelling in my essay.",
    zhHans: "请帮我检查一下作文里的错别字。",
    zhHant: "請幫我檢查一下作文裡的錯別字。",
  },
];

export function chineseOf(pair: SentencePair, locale: Locale): string {
  return locale === "zh-Hant" ? pair.zhHant : pair.zhHans;
}
