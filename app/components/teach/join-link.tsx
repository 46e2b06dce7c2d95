import { Link } from "@remix-run/react";
import { onlyOnThisComputer } from "~/utils/local-address";
import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";

/**
 * The class's join link, selectable as text (works everywhere), a Copy button once JavaScript
 * runs, and the way to the projector view.
 */
export function JoinLink({ link, displayHref }: { link: string; displayHref: string }) {
  const t = useT();
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  return (
    <div className="join-link row">
      <label htmlFor="join-link">{t("teach.join.link")}</label>
      <input id="join-link" type="text" readOnly value={link} className="join-link-input" size={link.length + 1} onFocus={(e) => e.currentTarget.select()} />
      {canCopy ? (
        <button
          type="button"
          className="secondary small-button"
          onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t("teach.join.copied") : t("teach.join.copy")}
        </button>
      ) : null}
      <span className="visually-hidden" role="status">
        {copied ? t("teach.join.copied") : ""}
      </span>
      <Link className="button secondary small-button" to={displayHref}>
        {t("teach.join.display")}
      </Link>
      {onlyOnThisComputer(link) ? (
        <p className="alert warn small join-local" data-testid="join-local-address">
          {t("teach.join.localAddress", { address: new URL(link).origin })}
        </p>
      ) : null}
    </div>
  );
}
