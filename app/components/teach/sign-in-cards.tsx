import { useT } from "~/i18n/use-t";
import { toCsv } from "~/utils/csv";
import { onlyOnThisComputer } from "~/utils/local-address";
import { PrintButton } from "./print-button";

interface Card {
  displayName: string;
  username: string;
  password: string;
  /** Sign-in page of this server's public address, username filled in. */
  signInUrl: string;
  site: string;
  /** Inline SVG made on the server (qrcode), of `signInUrl`. */
  qr: string;
}

/** Usernames are at most 40 characters: longer ones get smaller type so they stay on one line where they can. */
function usernameSize(username: string): string | undefined {
  return username.length > 28 ? "card-long" : username.length > 18 ? "card-longish" : undefined;
}

/**
 * New sign-in details, shown once: printable cards (print stylesheet: only the cards print) and
 * a CSV download built right here — the passwords are never stored anywhere in plain text.
 * Each card carries the server's full address and a QR code of its sign-in page with the
 * username filled in (never the password), so a student can sign in from home.
 */
export function SignInCards({ cards, className }: { cards: Card[]; className: string }) {
  const t = useT();
  const csv = toCsv([
    [t("teach.roster.name"), t("teach.roster.username"), t("teach.cards.password"), t("teach.cards.where")],
    ...cards.map((c) => [c.displayName, c.username, c.password, c.signInUrl]),
  ]);
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  return (
    <section aria-labelledby="cards-h" className="sign-in-cards">
      <div className="alert warn no-print" role="status">
        <h3 id="cards-h" style={{ margin: 0 }}>
          {t("teach.cards.title")}
        </h3>
        <p style={{ margin: "0.3rem 0 0.6rem" }}>{t("teach.cards.once")}</p>
        {cards[0] && onlyOnThisComputer(cards[0].site) ? (
          <p style={{ margin: "0 0 0.6rem" }} data-testid="cards-local-address">
            <strong>{t("teach.cards.localAddress", { address: cards[0].site })}</strong>
          </p>
        ) : null}
        <div className="row">
          <PrintButton />
          <a className="button secondary" href={href} download={`${className}-sign-in.csv`}>
            {t("teach.cards.csv")}
          </a>
          <span className="small">{t("teach.cards.print")}</span>
        </div>
      </div>
      <ul className="card-sheet" role="list">
        {cards.map((c) => (
          <li key={c.username} className="sign-in-card" data-testid="sign-in-card">
            <div className="card-head">
              <p className="card-class">{className}</p>
              <p className="card-name">{c.displayName}</p>
            </div>
            <figure className="card-qr">
              {/* SVG from the qrcode library on the server, of a URL we built: no user markup */}
              <span className="qr" role="img" aria-label={t("teach.cards.qrLabel")} dangerouslySetInnerHTML={{ __html: c.qr }} />
              <figcaption>{t("teach.cards.scan")}</figcaption>
            </figure>
            <dl>
              <dt>{t("teach.cards.where")}</dt>
              <dd className="card-site">{c.site}</dd>
              <dt>{t("teach.roster.username")}</dt>
              <dd>
                <code className={usernameSize(c.username)}>{c.username}</code>
              </dd>
              <dt>{t("teach.cards.password")}</dt>
              <dd>
                <code className="card-password">{c.password}</code>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
