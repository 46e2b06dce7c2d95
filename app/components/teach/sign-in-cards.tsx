import { useT } from "~/i18n/use-t";
import { toCsv } from "~/utils/csv";

interface Card {
  displayName: string;
  username: string;
  password: string;
}

/**
 * New sign-in details, shown once: printable cards (print stylesheet: only the cards print) and
 * a CSV download built right here — the passwords are never stored anywhere in plain text.
 */
export function SignInCards({ cards, className }: { cards: Card[]; className: string }) {
  const t = useT();
  const csv = toCsv([
    [t("teach.roster.name"), t("teach.roster.username"), t("teach.cards.password")],
    ...cards.map((c) => [c.displayName, c.username, c.password]),
  ]);
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  return (
    <section aria-labelledby="cards-h" className="sign-in-cards">
      <div className="alert warn no-print" role="status">
        <h3 id="cards-h" style={{ margin: 0 }}>
          {t("teach.cards.title")}
        </h3>
        <p style={{ margin: "0.3rem 0 0.6rem" }}>{t("teach.cards.once")}</p>
        <div className="row">
          <a className="button secondary" href={href} download={`${className}-sign-in.csv`}>
            {t("teach.cards.csv")}
          </a>
          <span className="small">{t("teach.cards.print")}</span>
        </div>
      </div>
      <ul className="card-sheet" role="list">
        {cards.map((c) => (
          <li key={c.username} className="sign-in-card">
            <p className="card-class">{className}</p>
            <p className="card-name">{c.displayName}</p>
            <dl>
              <dt>{t("teach.cards.where")}</dt>
              <dd>{t("teach.cards.whereValue")}</dd>
              <dt>{t("teach.roster.username")}</dt>
              <dd>
                <code>{c.username}</code>
              </dd>
              <dt>{t("teach.cards.password")}</dt>
              <dd>
                <code>{c.password}</code>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
