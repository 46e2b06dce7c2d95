/**
 * Flagged playground exchanges of a class, for the playground tab. Open flags first, each with
 * the prompt and the reply (the flagged half highlighted), and two buttons: "Reviewed" and
 * "Dismiss". Decided ones stay listed below, with the decision and its time: nothing vanishes.
 *
 * Data: `listFlaggedExchanges` (app/models/flags.server.ts) in the page's loader.
 * Decisions post to /teach/classes/:classId/flags (a plain form: works without JavaScript), which
 * redirects back here with ?flag=… so the result is announced.
 */
import { Form, Link, useSearchParams } from "@remix-run/react";
import type { FlaggedExchange, FlagListView } from "~/models/flags.server";
import { alone } from "~/i18n/list";
import { useT } from "~/i18n/use-t";

/** From this many personal-data attempts in 7 days, a student's attempts stand out. */
const REPEATED_ATTEMPTS = 3;

export function FlaggedList({ classId, flags }: { classId: string; flags: FlagListView }) {
  const t = useT();
  const [params] = useSearchParams();
  const outcome = params.get("flag");
  return (
    <section className="flagged" aria-labelledby="flags-h" id="flags" data-testid="flagged-list">
      <h2 id="flags-h">
        {t("teach.dash.flags.title")}<span className="count">{t("common.inParentheses", { text: flags.open.length })}</span>
      </h2>
      {outcome === "reviewed" || outcome === "dismissed" ? (
        <div className="alert success" role="status">
          {t(outcome === "reviewed" ? "teach.dash.flags.doneReviewed" : "teach.dash.flags.doneDismissed")}
        </div>
      ) : outcome === "invalid" ? (
        <div className="alert error" role="alert">
          {t("teach.dash.flags.invalid")}
        </div>
      ) : null}
      <p className="small muted">{t("teach.dash.flags.explain")}</p>
      {flags.open.length === 0 ? (
        <p className="muted">{t("teach.dash.flags.noneOpen")}</p>
      ) : (
        <ul className="flag-list">
          {flags.open.map((f) => (
            <FlagItem key={f.messageId} classId={classId} flag={f} />
          ))}
        </ul>
      )}
      {flags.decided.length > 0 ? (
        <details className="flag-history">
          <summary>{t("teach.dash.flags.history", { n: flags.decided.length })}</summary>
          <ul className="flag-list decided">
            {flags.decided.map((f) => (
              <FlagItem key={f.messageId} classId={classId} flag={f} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function FlagItem({ classId, flag }: { classId: string; flag: FlaggedExchange }) {
  const t = useT();
  const base = `/teach/classes/${classId}`;
  return (
    <li className={`card flag-item ${flag.status}`} data-testid={`flag-${flag.messageId}`} data-status={flag.status}>
      <p className="flag-head">
        <strong>
          <Link to={`${base}/students/${flag.student.id}#transcripts-h`}>{flag.student.displayName}</Link>
        </strong>{" "}
        <span className="small muted">
          {flag.at} · {flag.conversationTitle}
        </span>
      </p>
      <p className="flag-reasons">
        <span className={`badge severity-${flag.severity}`}>{t(`safeguarding.severity.${flag.severity}`)}</span>{" "}
        {flag.severity === "personal_data" && flag.personalDataAttempts >= REPEATED_ATTEMPTS ? (
          <>
            <span className="badge warn" data-testid="repeated-attempts">
              {t("safeguarding.repeated", { n: flag.personalDataAttempts })}
            </span>{" "}
          </>
        ) : null}
        {flag.flagLabels.map((l) => (
          <span key={l} className="badge bad">
            <span aria-hidden="true">⚑ </span>
            {alone(l)}
          </span>
        ))}{" "}
        {flag.status !== "open" ? <span className="badge">{flag.decisionLabel}</span> : null}
      </p>
      {flag.handledNote ? (
        <p className="small flag-handled-note" data-testid="handled-note">
          {t("teach.dash.flag.handledNote", { note: flag.handledNote })}
        </p>
      ) : null}
      <ol className="messages">
        {flag.messages.map((m, i) => (
          <li key={i} className={`message ${m.role}${m.flagged ? " flagged" : ""}`}>
            <p className="message-meta small">
              <strong>{m.role === "user" ? t("teach.dash.student.roleStudent") : t("teach.dash.student.roleModel")}</strong>
              {m.flagged ? <span className="visually-hidden">{t("common.inParentheses", { text: t("teach.dash.student.flagged") })}</span> : null}
            </p>
            <div className="message-text">{m.text}</div>
          </li>
        ))}
      </ol>
      {flag.status === "open" && flag.severity === "safeguarding" ? (
        <p className="small">
          <strong>{t("safeguarding.flagList.handleAbove")}</strong> <Link to={`${base}#safeguarding-h`}>{t("safeguarding.flagList.handleLink")}</Link>
        </p>
      ) : flag.status === "open" ? (
        <div className="row flag-actions">
          <Form method="post" action={`${base}/flags`}>
            <input type="hidden" name="messageId" value={flag.messageId} />
            <input type="hidden" name="decision" value="reviewed" />
            <button type="submit" className="primary small-button">
              {t("teach.dash.flags.review")}
            </button>
          </Form>
          <Form method="post" action={`${base}/flags`}>
            <input type="hidden" name="messageId" value={flag.messageId} />
            <input type="hidden" name="decision" value="dismissed" />
            <button type="submit" className="secondary small-button">
              {t("teach.dash.flags.dismiss")}
            </button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}
