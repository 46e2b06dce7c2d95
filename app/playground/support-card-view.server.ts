/**
 * The support card's words, chosen and filled in on the server: which of them fit the message
 * that raised it, the school's contacts, and the language the student wrote in
 * (message-language.ts), which need not be the page's. The catalog's `safeguarding.card` area is
 * therefore never sent to a browser (catalog-assets.server.ts): a card brings its own words, in
 * any of the three languages, and no page carries them for the rare moment one is shown.
 */
import type { SafeguardingSettings } from "../../db/schema";
import type { SupportCardView } from "./chat-events";
import { translator } from "~/i18n/catalogs.server";
import type { Locale } from "~/i18n/locales";
import type { PlainKey } from "~/i18n/translate";
import { isAboutAFriend, onlyAboutAFriend } from "~/models/severity";
import { languageOfMessage } from "./message-language";

type Contacts = Pick<SafeguardingSettings, "helpContact" | "helpLine">;

/**
 * Where the card is shown: "held", in the playground instead of a model's answer; "sent", in the
 * playground before a model's answer; "lesson", beside a lesson's answer, where no model was asked.
 */
export type CardPlace = "held" | "sent" | "lesson";

/** The message the card answers (what the student typed), the page's language, and where it shows. */
export interface CardFor {
  text: string;
  pageLocale: Locale;
  place: CardPlace;
}

/**
 * The card for a message with these crisis matches (crisis.ts; stored on the message as they were):
 * someone hurting the student; a friend at risk, when every match is about the friend (the
 * student's own disclosure comes first); or days without food and nothing more, when the
 * student's own matches are only that.
 */
export function supportCardOf(
  settings: Contacts,
  matches: readonly { category: string; rule: string }[],
  at: CardFor
): SupportCardView {
  const own = matches.filter((m) => !isAboutAFriend(m.rule));
  const kind = {
    hurtBySomeone: own.some((m) => m.category === "abuse"),
    aboutAFriend: onlyAboutAFriend(matches),
    notEating: own.length > 0 && own.every((m) => m.category === "not_eating"),
    lowMood: false,
  };
  return cardIn(
    languageOfMessage(at.text, at.pageLocale),
    kind,
    settings,
    crisisWords(kind, at.place)
  );
}

/** The gentler card for a low-mood message (low-mood.ts): the school's contacts, no crisis words. */
export function lowMoodCardOf(
  settings: Contacts,
  at: CardFor
): SupportCardView {
  const kind = {
    hurtBySomeone: false,
    aboutAFriend: false,
    notEating: false,
    lowMood: true,
  };
  return cardIn(
    languageOfMessage(at.text, at.pageLocale),
    kind,
    settings,
    lowMoodWords(at.place)
  );
}

/**
 * Where a student who cannot write in the playground now (outside its hours) can still find
 * help, in the page's language: the school's contact and, if it set one, its help line.
 */
export function closedHelpOf(settings: Contacts, locale: Locale): string {
  const t = translator(locale);
  const line = settings.helpLine.trim();
  return [
    t("playground.closedHelp"),
    contactOf(settings, t),
    line ? t("safeguarding.card.line", { line }) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

type CardKey = Extract<PlainKey, `safeguarding.card.${string}`>;
type Kind = Omit<SupportCardView, "lang" | "words">;
type Chosen = Record<
  "title" | "body" | "talk" | "teacher" | "danger" | "footer",
  CardKey
>;

function cardIn(
  lang: Locale,
  kind: Kind,
  settings: Contacts,
  chosen: Chosen
): SupportCardView {
  const t = translator(lang);
  const line = settings.helpLine.trim();
  return {
    lang,
    ...kind,
    words: {
      label: t("safeguarding.card.label"),
      title: t(chosen.title),
      body: t(chosen.body),
      talk: t(chosen.talk),
      teacher: t(chosen.teacher),
      contact: contactOf(settings, t),
      line: line
        ? t("safeguarding.card.line", { line })
        : t("safeguarding.card.noLine"),
      danger: t(chosen.danger),
      footer: t(chosen.footer),
    },
  };
}

function contactOf(
  settings: Contacts,
  t: ReturnType<typeof translator>
): string {
  const contact = settings.helpContact.trim();
  return contact
    ? t("safeguarding.card.contact", { contact })
    : t("safeguarding.card.noContact");
}

/** A crisis message's card: for the student, someone hurting them, a friend at risk, or days without food. */
function crisisWords(kind: Kind, place: CardPlace): Chosen {
  return {
    title: "safeguarding.card.title",
    body: "safeguarding.card.body",
    talk: kind.hurtBySomeone
      ? "safeguarding.card.talkHurt"
      : kind.aboutAFriend
      ? "safeguarding.card.talkFriend"
      : kind.notEating
      ? "safeguarding.card.talkNotEating"
      : "safeguarding.card.talk",
    teacher: kind.aboutAFriend
      ? "safeguarding.card.teacherFriend"
      : "safeguarding.card.teacher",
    danger: kind.aboutAFriend
      ? "safeguarding.card.dangerFriend"
      : kind.notEating
      ? "safeguarding.card.dangerNotEating"
      : "safeguarding.card.danger",
    footer:
      place === "lesson"
        ? "safeguarding.card.inLesson"
        : place === "held"
        ? "safeguarding.card.notSent"
        : "safeguarding.card.sent",
  };
}

/** Low mood, not a crisis (low-mood.ts): kind words, the same contacts, no alarm. */
function lowMoodWords(place: CardPlace): Chosen {
  return {
    title: "safeguarding.card.lowMoodTitle",
    body: "safeguarding.card.lowMoodBody",
    talk: "safeguarding.card.lowMoodTalk",
    teacher: "safeguarding.card.lowMoodTeacher",
    danger: "safeguarding.card.lowMoodDanger",
    footer:
      place === "lesson"
        ? "safeguarding.card.lowMoodInLesson"
        : place === "held"
        ? "safeguarding.card.lowMoodNotSent"
        : "safeguarding.card.lowMoodSent",
  };
}
