/**
 * What the support card shows besides its fixed words (app/components/playground/support-card.tsx):
 * the school's contacts, and which of its words fit the message that raised it.
 */
import type { SafeguardingSettings } from "../../db/schema";
import type { SupportCardView } from "./chat-events";
import { isAboutAFriend, onlyAboutAFriend } from "~/models/severity";

/**
 * The card for a message with these crisis matches (crisis.ts; stored on the message as they were):
 * the school's contacts (empty = the card's own wording); someone hurting the student; a friend
 * at risk, when every match is about the friend (the student's own disclosure comes first); or
 * days without food and nothing more, when the student's own matches are only that.
 */
export function supportCardOf(settings: Pick<SafeguardingSettings, "helpContact" | "helpLine">, matches: readonly { category: string; rule: string }[]): SupportCardView {
  const own = matches.filter((m) => !isAboutAFriend(m.rule));
  return {
    helpContact: settings.helpContact.trim() || null,
    helpLine: settings.helpLine.trim() || null,
    hurtBySomeone: own.some((m) => m.category === "abuse"),
    aboutAFriend: onlyAboutAFriend(matches),
    notEating: own.length > 0 && own.every((m) => m.category === "not_eating"),
    lowMood: false,
  };
}

/** The gentler card for a low-mood message (low-mood.ts): the school's contacts, no crisis words. */
export function lowMoodCardOf(settings: Pick<SafeguardingSettings, "helpContact" | "helpLine">): SupportCardView {
  return { ...supportCardOf(settings, []), lowMood: true };
}
