/**
 * What the playground's screen reports (screening.ts): the kinds of personal data it finds, a
 * finding that blocks a prompt, and a flag that tells a teacher. Shared by the screen's parts
 * (screen-personal-data, screen-word-lists, screen-phrases) and by everything that reads them.
 */

/** Every kind of personal data the screen finds: the one list the block messages, flag labels and severities follow. */
export const PERSONAL_DATA_KINDS = ["email", "phone", "cn_mobile", "cn_resident_id", "id_number", "street_address", "account", "school_class", "password"] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];
export type FindingKind = PersonalDataKind | "blocked_topic";

export interface Finding {
  kind: FindingKind;
  /** The text as the student typed it. */
  match: string;
  /** UTF-16 offset of `match` in the screened text. */
  index: number;
  /** Blocked topics: the teacher's term that matched (the student may have disguised it). */
  term?: string;
}

export type ScreenResult = { ok: true } | { ok: false; findings: Finding[] };

export interface ScreeningPolicy {
  /** The teacher's list: English terms match whole words (and their plural), CJK as substrings. */
  blockedTopics: string[];
}

/**
 * "jailbreak": an attempt to talk the model out of its rules ("ignore your rules", "you are DAN").
 * Only what a student typed is read for it (screenTyped): a reply that explains jailbreaks is
 * not an attempt.
 */
export type FlagKind = "personal_data" | "blocked_topic" | "self_harm" | "violence" | "sexual" | "jailbreak" | "bullying" | "drugs";

export interface Flag {
  kind: FlagKind;
  match: string;
  index: number;
}
