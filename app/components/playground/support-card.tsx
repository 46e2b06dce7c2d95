/**
 * The support card a student sees when their message matched crisis detection, or low mood (its
 * gentler words). Its words are fixed (the catalog), not a model's; only the school's contacts
 * come from the admin's settings. It looks nothing like a model's reply, and says so.
 */
import type { PlainKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import type { SupportCardView } from "~/playground/chat-events";

/**
 * `held`: in the playground, whether the message was kept from the model (the card's last line
 * says which). `inLesson`: beside a lesson's answer instead, where no model was asked.
 */
export function SupportCard({ card, held, inLesson = false }: { card: SupportCardView; held: boolean; inLesson?: boolean }) {
  const t = useT();
  const words = card.lowMood ? lowMoodWords(held) : crisisWords(card, held);
  if (inLesson) words.footer = card.lowMood ? "safeguarding.card.lowMoodInLesson" : "safeguarding.card.inLesson";
  const note = (
    <div className={inLesson ? "pg-support in-lesson" : "pg-support"} role="note" aria-labelledby="pg-support-title" data-testid="support-card">
      <p className="pg-support-label small">
        <HeartIcon /> {t("safeguarding.card.label")}
      </p>
      <h3 id="pg-support-title" className="pg-support-title">
        {t(words.title)}
      </h3>
      <p>{t(words.body)}</p>
      <p>
        <strong>{t(words.talk)}</strong>
      </p>
      <p>{t(words.teacher)}</p>
      <ul className="pg-support-contacts">
        <li>{card.helpContact ? t("safeguarding.card.contact", { contact: card.helpContact }) : t("safeguarding.card.noContact")}</li>
        <li>{card.helpLine ? t("safeguarding.card.line", { line: card.helpLine }) : t("safeguarding.card.noLine")}</li>
        <li>{t(words.danger)}</li>
      </ul>
      <p className="small muted">{t(words.footer)}</p>
    </div>
  );
  // In the chat, an item of its list of messages, with the note inside it: a list item may not be
  // a note (axe: the list was broken around the message that matters most). Beside a lesson's
  // answers, a block of its own.
  return inLesson ? note : <li className="pg-support-item">{note}</li>;
}

type CardKey = Extract<PlainKey, `safeguarding.card.${string}`>;
type CardWords = Record<"title" | "body" | "talk" | "teacher" | "danger" | "footer", CardKey>;

/** A crisis message's card: for the student, someone hurting them, a friend at risk, or days without food. */
function crisisWords(card: SupportCardView, held: boolean): CardWords {
  return {
    title: "safeguarding.card.title",
    body: "safeguarding.card.body",
    talk: card.hurtBySomeone
      ? "safeguarding.card.talkHurt"
      : card.aboutAFriend
        ? "safeguarding.card.talkFriend"
        : card.notEating
          ? "safeguarding.card.talkNotEating"
          : "safeguarding.card.talk",
    teacher: card.aboutAFriend ? "safeguarding.card.teacherFriend" : "safeguarding.card.teacher",
    danger: card.aboutAFriend ? "safeguarding.card.dangerFriend" : card.notEating ? "safeguarding.card.dangerNotEating" : "safeguarding.card.danger",
    footer: held ? "safeguarding.card.notSent" : "safeguarding.card.sent",
  };
}

/** Low mood, not a crisis (low-mood.ts): kind words, the same contacts, no alarm. */
function lowMoodWords(held: boolean): CardWords {
  return {
    title: "safeguarding.card.lowMoodTitle",
    body: "safeguarding.card.lowMoodBody",
    talk: "safeguarding.card.lowMoodTalk",
    teacher: "safeguarding.card.lowMoodTeacher",
    danger: "safeguarding.card.lowMoodDanger",
    footer: held ? "safeguarding.card.lowMoodNotSent" : "safeguarding.card.lowMoodSent",
  };
}

function HeartIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 21s-7.5-4.6-9.5-9.2C1 8.3 3.2 4.5 7 4.5c2.1 0 3.6 1.1 5 2.9 1.4-1.8 2.9-2.9 5-2.9 3.8 0 6 3.8 4.5 7.3C19.5 16.4 12 21 12 21z"
        fill="currentColor"
      />
    </svg>
  );
}
