/**
 * The red safeguarding alert at the top of /teach, of a class's Progress tab (its other pages show
 * SafeguardingNotice, one line) and of /admin: each open safeguarding flag, a link to the exchange in context, its history (raised, e-mailed, …) and
 * "mark handled" with a note. A plain form: it works without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { listOf } from "~/i18n/list";
import { useLocale, useT } from "~/i18n/use-t";
import type { NotEmailedReason } from "~/models/flag-events";
import type { FlagEventView, SafeguardingAlert } from "~/models/safeguarding.server";
import type { Translate } from "~/i18n/translate";
import { MAX_CHARS } from "~/utils/form-limits";
import { useFocusWhenShown } from "~/components/ui/focus-when-shown";

/**
 * Alerts shown whole at the top of the page; the rest are one click away. A school with dozens
 * open (a walk found 55 — /teach was 19,500 px tall before its classes) still sees its classes.
 */
const SHOWN_OPEN = 3;

/** What "mark handled" came back with (?safeguarding=), announced; the keyboard goes to it. */
export function AlertOutcome({ outcome }: { outcome: string | null }) {
  const t = useT();
  // the alert handled goes away, and the pressed button with it: the keyboard goes to the outcome
  // (found in a walk: focus fell to the page)
  const outcomeRef = useFocusWhenShown<HTMLParagraphElement>();
  return outcome === "handled" ? (
    <p className="alert success" role="status" ref={outcomeRef} tabIndex={-1}>
      {t("safeguarding.alert.handled")}
    </p>
  ) : outcome === "note" ? (
    <p className="alert error" role="alert" ref={outcomeRef} tabIndex={-1}>
      {t("safeguarding.alert.noteRequired")}
    </p>
  ) : outcome === "gone" ? (
    <p className="alert warn" role="status" ref={outcomeRef} tabIndex={-1}>
      {t("safeguarding.alert.notFound")}
    </p>
  ) : null;
}

/**
 * One red line on a class's other pages: how many alerts are open, and a link to where they are
 * handled (the class's Progress tab). An alert like the box, so a screen reader announces it too.
 * `others`: the page already shows some of the class's alerts whole (a student's page).
 */
export function SafeguardingNotice({ count, href, others = false }: { count: number; href: string; others?: boolean }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <p className="alert error safeguarding-notice" role="alert" data-testid="safeguarding-notice">
      <span aria-hidden="true">⚠ </span>
      <strong>{t(others ? "safeguarding.notice.others" : "safeguarding.notice.count", { count })}</strong>
      {" — "}
      <Link to={href}>{t("safeguarding.notice.review")}</Link>
    </p>
  );
}

/**
 * Not eating is named with its two readings ("not eating for days — neglect or an eating
 * disorder"): in the middle of the list the next category read as a third reading ("…, and
 * self-harm"; a walk in Chromium, 7 December), so it comes last.
 */
const listedLast = (category: string) => (category === "not_eating" ? 1 : 0);

export function SafeguardingAlerts({ alerts, back, outcome }: { alerts: SafeguardingAlert[]; back: string; outcome: string | null }) {
  const t = useT();
  const locale = useLocale();
  const notice = <AlertOutcome outcome={outcome} />;
  if (alerts.length === 0) return notice;
  const categories = listOf(
    [...new Set(alerts.flatMap((a) => a.categories))]
      .sort((a, b) => listedLast(a) - listedLast(b))
      .map((c) => t(`safeguarding.category.${c}` as "safeguarding.category.suicide")),
    locale
  );
  const item = (a: SafeguardingAlert) => (
    <li key={a.messageId} className="safeguarding-item">
      <p className="safeguarding-who">
        <strong>
          {t("safeguarding.alert.item", {
            student: a.student.displayName,
            class: a.className,
            at: a.at,
          })}
        </strong>{" "}
        {a.categories.map((c) => (
          <span key={c} className="badge bad">
            {t(`safeguarding.category.${c}` as "safeguarding.category.suicide")}
          </span>
        ))}
        {a.aboutAFriend ? (
          <>
            {" "}
            <span className="badge warn">{t("safeguarding.alert.aboutAFriend")}</span>
          </>
        ) : null}
        {a.enrolled ? null : (
          <>
            {" "}
            <span className="badge warn">{t("safeguarding.alert.leftClass")}</span>
          </>
        )}
      </p>
      <p>
        <a href={a.href} className="button danger">
          {t("safeguarding.alert.open")}
        </a>
      </p>
      <AlertHistory events={a.events} />
      <HandleAlertForm messageId={a.messageId} back={back} />
    </li>
  );
  return (
    <>
      {notice}
      <section className="safeguarding-alert" role="alert" aria-labelledby="safeguarding-h" data-testid="safeguarding-alert">
        <h2 id="safeguarding-h">
          <span aria-hidden="true">⚠ </span>
          {t("safeguarding.alert.title", { count: alerts.length })}
        </h2>
        <p>{t("safeguarding.alert.lead", { categories: categories || "—" })}</p>
        <ul className="safeguarding-items">{alerts.slice(0, SHOWN_OPEN).map(item)}</ul>
        {alerts.length > SHOWN_OPEN ? (
          <details className="safeguarding-more">
            <summary>
              {t("safeguarding.alert.more", {
                count: alerts.length - SHOWN_OPEN,
              })}
            </summary>
            <ul className="safeguarding-items">{alerts.slice(SHOWN_OPEN).map(item)}</ul>
          </details>
        ) : null}
      </section>
    </>
  );
}

/** Raised, e-mailed, handled …: who and when, folded away. */
export function AlertHistory({ events, open = false }: { events: FlagEventView[]; open?: boolean }) {
  const t = useT();
  if (events.length === 0) return null;
  return (
    <details className="small alert-history" open={open}>
      <summary>{t("safeguarding.alert.history")}</summary>
      <ul>
        {events.map((e, i) => (
          <li key={i}>
            {e.at} · {eventWords(e, t)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Every reason, typed: a new one fails to compile here until it has its words. */
const NOT_EMAILED: Record<NotEmailedReason, true> = { off: true, quiet: true, no_address: true };

/** An event in words; a `not_emailed` one says why (its note is the reason's code). */
function eventWords(e: FlagEventView, t: Translate): string {
  if (e.action === "not_emailed") {
    const reason: NotEmailedReason = e.note && e.note in NOT_EMAILED ? (e.note as NotEmailedReason) : "off";
    return t(`safeguarding.event.not_emailed.${reason}`);
  }
  return t(`safeguarding.event.${e.action}` as "safeguarding.event.raised", { actor: e.actor ?? "—", note: e.note ?? "" });
}

/** "Mark handled" with a required note (POST /teach/safeguarding, then back to `back`). */
export function HandleAlertForm({ messageId, back }: { messageId: string; back: string }) {
  const t = useT();
  return (
    <Form method="post" action="/teach/safeguarding" className="safeguarding-handle">
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="back" value={back} />
      <label htmlFor={`note-${messageId}`}>{t("safeguarding.alert.note")}</label>
      <p className="hint small" id={`note-hint-${messageId}`}>
        {t("safeguarding.alert.noteHint")}
      </p>
      <textarea id={`note-${messageId}`} name="note" rows={2} maxLength={MAX_CHARS.safeguardingNote} required aria-describedby={`note-hint-${messageId}`} />
      <button type="submit" className="primary">
        {t("safeguarding.alert.handle")}
      </button>
    </Form>
  );
}
