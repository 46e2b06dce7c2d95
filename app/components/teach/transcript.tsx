/**
 * A playground conversation as the teacher reads it. Flagged messages are highlighted with a
 * border, a background AND a labelled badge naming the reason and the review state.
 */
import type { Transcript as TranscriptData } from "~/teach/student-report.server";
import { useT } from "~/i18n/use-t";

export function Transcript({ conversation }: { conversation: TranscriptData }) {
  const t = useT();
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
      <ol className="messages">
        {conversation.messages.map((m, i) => (
          <li key={m.id} id={`msg-${m.id}`} className={`message ${m.role}${m.flagged ? " flagged" : ""}`} data-flag-status={m.flagStatus}>
            <p className="message-meta small">
              <strong>{m.role === "user" ? t("teach.dash.student.roleStudent") : t("teach.dash.student.roleModel")}</strong>{" "}
              <span className="muted">{m.at}</span>
              {m.status === "blocked" ? (
                <>
                  {" "}
                  <span className="badge warn">
                    {t("teach.dash.student.blocked")}
                    {m.flagLabels.length > 0 ? `: ${m.flagLabels.join(", ")}` : ""}
                  </span>
                </>
              ) : null}
              {m.flagged ? (
                <>
                  {" "}
                  <span className="badge bad">
                    <span aria-hidden="true">⚑ </span>
                    {t("teach.dash.student.flagged")}
                    {m.flagLabels.length > 0 ? `: ${m.flagLabels.join(", ")}` : ""}
                  </span>{" "}
                  <span className="badge">{t(`teach.dash.flagStatus.${m.flagStatus === "none" ? "open" : m.flagStatus}`)}</span>
                </>
              ) : null}
            </p>
            <div className="message-text">{m.text || <span className="muted">{t("teach.dash.student.emptyMessage")}</span>}</div>
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
