import { useLocale, useT } from "~/i18n/use-t";
import { ReplyText } from "./reply-text";
import { TryItGrade } from "./tryit-panel";
import type { MessageView, TryItView } from "./types";
import { SupportCard } from "./support-card";

/** One message of a chat: the student's prompt as plain text, a reply as safe Markdown. */
export function MessageBubble({
  message,
  modelLabel,
  tryit,
  prompt,
  provider,
}: {
  message: MessageView;
  modelLabel: string | null;
  /** A lesson's "try it" check grades each reply visibly. */
  tryit: Pick<TryItView, "check" | "miniCheck"> | null;
  /** The student's prompt this reply answers (a mini-model check looks at it). */
  prompt: string;
  provider: "mini" | "claude";
}) {
  const t = useT();
  const locale = useLocale();
  const isUser = message.role === "user";
  const statusLabel =
    message.status === "blocked"
      ? t("playground.status.blocked")
      : message.status === "incomplete"
        ? t("playground.status.incomplete")
        : message.status === "error"
          ? t("playground.status.error")
          : message.status === "streaming"
            ? t("playground.writing")
            : null;
  const bubble = (
    <li className={`pg-message ${isUser ? "from-user" : "from-model"} status-${message.status}`}>
      <p className="pg-who">
        <span>{isUser ? t("playground.you") : (modelLabel ?? message.model ?? "")}</span>
        {statusLabel ? (
          <span className={`badge ${message.status === "streaming" ? "brand" : message.status === "incomplete" ? "warn" : "bad"}`}>
            {statusLabel}
          </span>
        ) : null}
      </p>
      {isUser ? (
        <p className="pg-prompt">{message.text}</p>
      ) : message.text ? (
        <ReplyText text={message.text} />
      ) : null}
      {message.note ? (
        <p className={`pg-note ${message.status === "blocked" || message.status === "error" ? "alert error" : "alert warn"}`}>
          {message.note}
        </p>
      ) : null}
      {!isUser && (message.inputTokens > 0 || message.outputTokens > 0) ? (
        <p className="pg-tokens small muted">
          {t(message.estimated ? "playground.tokensEstimated" : "playground.tokens", { input: message.inputTokens.toLocaleString(locale), output: message.outputTokens.toLocaleString(locale) })}
        </p>
      ) : null}
      {!isUser && tryit && message.text && message.status !== "streaming" ? (
        <TryItGrade tryit={tryit} exchange={{ prompt, reply: message.text, provider }} />
      ) : null}
    </li>
  );
  if (!message.support) return bubble;
  return (
    <>
      {bubble}
      <SupportCard card={message.support.card} />
    </>
  );
}
