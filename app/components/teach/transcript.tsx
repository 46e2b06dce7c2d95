/**
 * A playground conversation as the teacher reads it. Flagged messages are highlighted with a
 * border, a background AND a labelled badge naming the reason and the review state. What a
 * student wrote in base64 is shown decoded beneath it: models read it as plain text, adults cannot.
 */
import type { Transcript as TranscriptData } from "~/teach/student-report.server";
import { useLocale, useT } from "~/i18n/use-t";
import { listOf } from "~/i18n/list";
import { decodedRuns } from "~/playground/encoded-text";

export function Transcript({ conversation }: { conversation: TranscriptData }) {
  const t = useT();
  const locale = useLocale();
  // "Flagged: Violence and …", "已标记：暴力内容和……": the reasons as the reader's language lists them
  const withReasons = (label: string, reasons: readonly string[]) =>
    reasons.length > 0 ? t("teach.dash.student.withReasons", { label, reasons: listOf(reasons, locale) }) : label;
  return (
    <details className="transcript" open={conversation.flagged > 0} data-testid={`transcript-${conversation.id}`}>
      <summary>
        <span className="transcript-title">{conversation.title}</span>{" "}
        <span className="small muted">
          {conversation.updatedAt} · {conversation.model} · {t("teach.dash.student.messages", { n: conversation.messages.length })}
        </span>
        {conversation.flagged > 0 ? (
          <>
            {" "}
            <span className="badge bad">{t("teach.dash.student.flaggedCount", { n: conversation.flagged })}</span>
          </>
        ) : null}
      </summary>
      {conversation.systemPrompt ? (
        <div className="transcript-system small" data-testid="transcript-system-prompt">
          <p className="muted">{t("teach.dash.student.systemPrompt")}</p>
          <p className="message-text">{conversation.systemPrompt}</p>
        </div>
      ) : null}
      <ol className="messages">
        {conversation.messages.map((m, i) => (
          <li key={m.id} id={`msg-${m.id}`} className={`message ${m.role}${m.flagged ? " flagged" : ""}`} data-flag-status={m.flagStatus}>
            <p className="message-meta small">
              <strong>{m.role === "user" ? t("teach.dash.student.roleStudent") : t("teach.dash.student.roleModel")}</strong>{" "}
              <span className="muted">{m.at}</span>
              {m.status === "blocked" ? (
                <>
                  {" "}
                  <span className="badge warn">{withReasons(t("teach.dash.student.blocked"), m.flagLabels)}</span>
                </>
              ) : null}
              {m.flagged ? (
                <>
                  {" "}
                  <span className="badge bad">
                    <span aria-hidden="true">⚑ </span>
                    {withReasons(t("teach.dash.student.flagged"), m.flagLabels)}
                  </span>{" "}
                  <span className="badge">{t(`teach.dash.flagStatus.${m.flagStatus === "none" ? "open" : m.flagStatus}`)}</span>
                </>
              ) : null}
            </p>
            <div className="message-text">{m.text || <span className="muted">{t("teach.dash.student.emptyMessage")}</span>}</div>
            {(m.role === "user" ? decodedRuns(m.text) : []).map((words, k) => (
              <p key={k} className="small" data-testid="decoded-base64">
                {t("teach.dash.student.decoded")} <q>{words}</q>
              </p>
            ))}
            {m.flags.some((f) => f.startsWith("crisis_")) ? (
              <p className="small" data-testid="support-card-shown">
                <strong>
                  {conversation.messages[i + 1]?.role === "assistant" ? t("safeguarding.transcript.cardAndModel") : t("safeguarding.transcript.cardOnly")}
                </strong>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
