/**
 * The support card a student sees when their message matched crisis detection, or low mood (its
 * gentler words). Its words are fixed (the catalog), not a model's, and come with the card from
 * the server in the language the student wrote in; only the school's contacts come from the
 * admin's settings. It looks nothing like a model's reply, and says so.
 */
import { useLocale } from "~/i18n/use-t";
import type { SupportCardView } from "~/playground/chat-events";

/** `inLesson`: beside a lesson's answer, a block of its own; in the playground, an item of the chat's list. */
export function SupportCard({ card, inLesson = false }: { card: SupportCardView; inLesson?: boolean }) {
  const { words } = card;
  // Marked only when it differs from the page's, so a screen reader switches voice for it (WCAG 3.1.2).
  const lang = card.lang === useLocale() ? undefined : card.lang;
  const note = (
    <div className={inLesson ? "pg-support in-lesson" : "pg-support"} role="note" aria-labelledby="pg-support-title" data-testid="support-card" lang={lang}>
      <p className="pg-support-label small">
        <HeartIcon /> {words.label}
      </p>
      <h3 id="pg-support-title" className="pg-support-title">
        {words.title}
      </h3>
      <p>{words.body}</p>
      <p>
        <strong>{words.talk}</strong>
      </p>
      <p>{words.teacher}</p>
      <ul className="pg-support-contacts">
        <li>{words.contact}</li>
        <li>{words.line}</li>
        <li>{words.danger}</li>
      </ul>
      <p className="small muted">{words.footer}</p>
    </div>
  );
  // In the chat, an item of its list of messages, with the note inside it: a list item may not be
  // a note (axe: the list was broken around the message that matters most). Beside a lesson's
  // answers, a block of its own.
  return inLesson ? note : <li className="pg-support-item">{note}</li>;
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
