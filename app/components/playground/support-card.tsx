/**
 * The support card a student sees when their message matched crisis detection. Its words are
 * fixed (the catalog), not a model's; only the school's contacts come from the admin's settings.
 * It looks nothing like a model's reply, and says so.
 */
import { useT } from "~/i18n/use-t";
import type { SupportCardView } from "~/playground/chat-events";

export function SupportCard({ card, held }: { card: SupportCardView; held: boolean }) {
  const t = useT();
  return (
    <li className="pg-support" role="note" aria-labelledby="pg-support-title" data-testid="support-card">
      <p className="pg-support-label small">
        <HeartIcon /> {t("safeguarding.card.label")}
      </p>
      <h3 id="pg-support-title" className="pg-support-title">
        {t("safeguarding.card.title")}
      </h3>
      <p>{t("safeguarding.card.body")}</p>
      <p>
        <strong>{t(card.hurtBySomeone ? "safeguarding.card.talkHurt" : card.aboutAFriend ? "safeguarding.card.talkFriend" : "safeguarding.card.talk")}</strong>
      </p>
      <p>{t(card.aboutAFriend ? "safeguarding.card.teacherFriend" : "safeguarding.card.teacher")}</p>
      <ul className="pg-support-contacts">
        <li>{card.helpContact ? t("safeguarding.card.contact", { contact: card.helpContact }) : t("safeguarding.card.noContact")}</li>
        <li>{card.helpLine ? t("safeguarding.card.line", { line: card.helpLine }) : t("safeguarding.card.noLine")}</li>
        <li>{t(card.aboutAFriend ? "safeguarding.card.dangerFriend" : "safeguarding.card.danger")}</li>
      </ul>
      <p className="small muted">{held ? t("safeguarding.card.notSent") : t("safeguarding.card.sent")}</p>
    </li>
  );
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
