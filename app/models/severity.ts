/**
 * How serious a flag is, from its codes — one rule for prompts and replies, sent or blocked.
 *
 *   safeguarding   a crisis match (crisis.ts), or a model reply the reply screen marks "self_harm"
 *                  or stopped for harming the child (harmful-reply.ts):
 *                  a red alert for the class's teachers, the school admin and, when configured,
 *                  an e-mail to the teachers and the safeguarding lead
 *   personal_data  a prompt blocked for personal data (repeated attempts stand out in the list)
 *   policy         a prompt blocked for one of the teacher's topics
 *   review         everything else the screens noticed (violence, sexual words, …)
 */
import type { PersonalDataKind } from "~/playground/screen-types";

/** The flag of a model reply stopped for harming the child (app/playground/harmful-reply.ts): harmful_reply_<kind>. */
export const HARMFUL_REPLY_FLAG_PREFIX = "harmful_reply_";

/** Flags of the crisis screen (app/playground/crisis.ts) are named crisis_<category>. */
export const CRISIS_FLAG_PREFIX = "crisis_";

/**
 * The flag a low-mood message leaves (app/playground/low-mood.ts): a review, not an alert. Named
 * here, not there: the playground page reads it, and low-mood.ts would bring the crisis rules
 * and their tables into the browser's bundle (20 KB gzipped).
 */
export const LOW_MOOD_FLAG = "low_mood";

/**
 * Crisis rules about someone the student knows ("my friend wants to kill herself") are named
 * <language>.<category>.friend: the card then asks the student to tell an adult about their
 * friend, and the alert says the one at risk may be someone else (decision 006).
 */
export const isAboutAFriend = (rule: string | undefined): boolean => rule?.split(".")[2] === "friend";

/** Every crisis match of a message is about a friend (none is the student's own). */
export function onlyAboutAFriend(matches: readonly { rule: string }[] | null | undefined): boolean {
  return !!matches && matches.length > 0 && matches.every((m) => isAboutAFriend(m.rule));
}

export type Severity = "safeguarding" | "personal_data" | "policy" | "review";

/** Keyed by every kind the screen finds, so a new kind cannot be left out here (tsc says so). */
const PERSONAL_DATA_CODES: Record<PersonalDataKind | "personal_data", true> = {
  personal_data: true,
  email: true,
  phone: true,
  cn_mobile: true,
  cn_resident_id: true,
  id_number: true,
  street_address: true,
  account: true,
  school_class: true,
  password: true,
};

export function severityOf(flags: readonly string[], message: { role: "user" | "assistant"; blocked: boolean }): Severity | null {
  if (flags.length === 0) return null;
  if (flags.some((f) => f.startsWith(CRISIS_FLAG_PREFIX))) return "safeguarding";
  if (message.role === "assistant" && (flags.includes("self_harm") || flags.some((f) => f.startsWith(HARMFUL_REPLY_FLAG_PREFIX)))) return "safeguarding";
  if (message.blocked && flags.some((f) => Object.hasOwn(PERSONAL_DATA_CODES, f))) return "personal_data";
  if (message.blocked && flags.includes("blocked_topic")) return "policy";
  return "review";
}
