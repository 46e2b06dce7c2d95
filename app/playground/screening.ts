/**
 * The playground's screen: what a student types is screened before it leaves the server, and
 * every exchange is read for the teacher's flags. Pure: no I/O, safe in the browser.
 *
 * - screenPrompt blocks a prompt with personal data (screen-personal-data.ts) or one of the
 *   teacher's blocked topics (screen-word-lists.ts);
 * - screenReply and screenTyped flag, never block: personal data, blocked topics, a short list of
 *   self-harm, violence and sexual words, and requests read as a whole (screen-phrases.ts).
 *
 * The whole outgoing context (system prompt, history) is screened by screen-context.ts.
 */
import { findPersonalData } from "./screen-personal-data";
import { BULLYING_REQUESTS, DRUG_REQUESTS, HARM_REQUESTS, JAILBREAKS, SELF_HARM_DETAIL_REQUESTS, findPhrases, type PhraseRules } from "./screen-phrases";
import type { Flag, ScreenResult, ScreeningPolicy } from "./screen-types";
import { lettersForDigitsInMapped } from "./normalize-text";
import { findBlockedTopics, findTerms, foldForWordLists, topicPattern } from "./screen-word-lists";

export function screenPrompt(text: string, policy: ScreeningPolicy): ScreenResult {
  const findings = [...findPersonalData(text), ...findBlockedTopics(text, policy.blockedTopics)];
  findings.sort((a, b) => a.index - b.index);
  return findings.length === 0 ? { ok: true } : { ok: false, findings };
}

/** Small on purpose: these raise a flag for a teacher to read, they do not block anything. */
const FLAG_TERMS: Record<"self_harm" | "violence" | "sexual", string[]> = {
  self_harm: [
    "kill myself", "killing myself", "suicide", "suicidal", "self-harm", "self harm",
    "hurt myself", "cut myself", "cutting myself", "end my life", "want to die",
    "don't want to live",
    "自杀", "自殺", "自残", "自殘", "自伤", "自傷", "割腕", "轻生", "輕生", "不想活",
    "结束生命", "結束生命",
  ],
  violence: [
    "kill you", "kill him", "kill her", "kill them", "murder", "stab you", "stab him",
    "stab her", "stabbing", "shoot up", "mass shooting", "school shooting", "bomb",
    "make a weapon", "terrorist attack",
    "杀人", "殺人", "杀了你", "殺了你", "砍人", "炸弹", "炸彈", "枪击", "槍擊", "恐怖袭击",
    "恐怖襲擊", "谋杀", "謀殺",
  ],
  sexual: [
    "sex", "sexual", "sexy", "porn", "pornography", "nude", "naked", "explicit photo",
    "色情", "裸照", "裸体", "裸體", "性爱", "性愛", "做爱", "做愛", "黄片", "黃片",
    "成人网站", "成人網站",
  ],
};

/**
 * Flags in a reply (or any exchange text) for the teacher's dashboard: personal data, blocked
 * topics, self-harm, violence or sexual words, and asking how to make a weapon or hurt someone
 * ("violence"). Never blocks.
 */
export function screenReply(text: string, policy: Partial<ScreeningPolicy> = {}): Flag[] {
  return screenForFlags(text, policy, [HARM_REQUESTS], { passwords: false });
}

/**
 * Flags in what a student typed (a prompt, their own system prompt): everything screenReply
 * finds, attempts to get round the model's rules, and asking how to bully someone or get drugs,
 * alcohol or cigarettes. Flagged, never blocked: testing a model's rules is part of learning how it
 * works, and the teacher decides what to make of it. The last two are read in the student's words
 * only, as a reply that explains why bullying hurts is not a request for it.
 */
export function screenTyped(text: string, policy: Partial<ScreeningPolicy> = {}): Flag[] {
  return screenForFlags(text, policy, [HARM_REQUESTS, JAILBREAKS, BULLYING_REQUESTS, DRUG_REQUESTS, SELF_HARM_DETAIL_REQUESTS], { passwords: true });
}

/**
 * The text is folded for words once, for every list and phrase (this runs on every message and
 * reply). The phrases also read digits inside words as letters ("ign0re all previous
 * instructi0ns"); a teacher's blocked topic may hold a digit ("gta5"), so the lists do not.
 * A model that shows what a strong password looks like ("for example, password: Tr0ub4dor&3") is
 * teaching, not sharing a child's secret: passwords are read in the student's words only.
 */
function screenForFlags(text: string, policy: Partial<ScreeningPolicy>, phrases: readonly PhraseRules[], { passwords }: { passwords: boolean }): Flag[] {
  const flags: Flag[] = findPersonalData(text)
    .filter((f) => passwords || f.kind !== "password")
    .map(({ match, index }) => ({ kind: "personal_data", match, index }));
  const folded = foldForWordLists(text);
  for (const { match, index } of findTerms(text, policy.blockedTopics ?? [], folded, topicPattern)) {
    flags.push({ kind: "blocked_topic", match, index });
  }
  for (const kind of ["self_harm", "violence", "sexual"] as const) {
    for (const { match, index } of findTerms(text, FLAG_TERMS[kind], folded)) {
      flags.push({ kind, match, index });
    }
  }
  flags.push(...findPhrases(text, lettersForDigitsInMapped(folded), phrases));
  return flags.sort((a, b) => a.index - b.index);
}

