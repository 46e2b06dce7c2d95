/**
 * What a student types into a lesson's answer box (a check's or the quiz's text question), read
 * as the playground reads a message (decisions 006 and 014). Found in a children-first pass:
 * "i want to die. call me 138…" typed into a quiz answer got "✗ Not right" and nothing else —
 * no help, no alert — and was stored with the number, in the teacher's responses export.
 *
 * - Personal data is blanked out (███) in what is stored; grading reads what was typed.
 * - A crisis gets the support card beside the answer and, for a signed-in student, reaches an
 *   adult as one in the playground does: the words (without the personal data) are recorded as a
 *   conversation of the student's own, titled after the lesson, flagged for safeguarding, and the
 *   red alert is raised, with its e-mail where the school set one up. It is the playground's
 *   alert path — the red box, the handling with a note, the audit trail — so there is one.
 * - Low mood gets the gentler card; nothing more is recorded.
 */
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/catalogs.server";
import { MINI_MODEL_ID } from "~/models/defaults.server";
import { recordPrompt } from "~/models/playground.server";
import { loadSandboxFacts } from "~/models/playground-sandbox.server";
import { publicUrlOf } from "~/models/public-url.server";
import { DEFAULT_SAFEGUARDING, getSafeguardingSettings, notifySafeguarding } from "~/models/safeguarding.server";
import type { SessionUser } from "~/utils/session.server";
import type { SupportCardView } from "./chat-events";
import { crisisFlags, detectCrisisInTurn } from "./crisis";
import { redactPersonalData, sandboxOf } from "./guard.server";
import { detectLowMood } from "./low-mood";
import { findPersonalData } from "./screen-personal-data";
import { lowMoodCardOf, supportCardOf } from "./support-card-view.server";

/** The answer as it may be stored: what was typed, with personal data blanked out. */
export function storableAnswer(text: string): string {
  return redactPersonalData(text, findPersonalData(text));
}

/**
 * The support card for what a student typed in a lesson, if it needs one, after recording a
 * crisis for the adults (signed-in students only: a visitor's words are kept nowhere). `previous`:
 * what they typed last time in the same box, read with it as the playground reads a message with
 * the one before ("i just want to", then "die" at the next try).
 */
export async function supportForLessonText(
  user: SessionUser | null,
  typed: readonly string[],
  lessonTitle: string,
  locale: Locale,
  previous: string | null = null,
): Promise<SupportCardView | null> {
  const text = typed.filter((t) => t.trim() !== "").join("\n");
  if (!text) return null;
  const crisis = detectCrisisInTurn(text, previous);
  if (!crisis.matched && !detectLowMood(text)) return null;
  const settings = user ? await getSafeguardingSettings(user) : DEFAULT_SAFEGUARDING;
  const cardFor = { text, pageLocale: locale, place: "lesson" } as const;
  if (!crisis.matched) return lowMoodCardOf(settings, cardFor);
  if (user) {
    const { homeClassId } = sandboxOf(user, await loadSandboxFacts(user));
    const recorded = await recordPrompt(user, {
      conversationId: null,
      classId: homeClassId,
      model: MINI_MODEL_ID,
      systemPrompt: null,
      text: storableAnswer(text),
      status: "complete",
      flags: crisisFlags(crisis),
      crisis: crisis.matches,
      title: translator(locale)("safeguarding.lessonAnswer.title", { lesson: lessonTitle }),
    });
    // after the answer, as in the playground: a child in crisis never waits for a mail server
    if (recorded) setTimeout(() => void publicUrlOf(user).catch(() => null).then((origin) => notifySafeguarding(user, recorded.messageId, origin)), 0);
  }
  return supportCardOf(settings, crisis.matches, cardFor);
}
