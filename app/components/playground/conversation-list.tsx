import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { ConversationSummary } from "./types";

/** The sidebar: a new chat, then the user's chats, newest first. */
export function ConversationList({
  conversations,
  currentId,
  newChatHref,
}: {
  conversations: ConversationSummary[];
  currentId: string | null;
  newChatHref: string;
}) {
  const t = useT();
  return (
    <nav className="pg-sidebar" aria-labelledby="pg-chats-title">
      <p>
        <Link to={newChatHref} className="button secondary pg-new-chat">
          <span aria-hidden="true">＋</span> {t("playground.newChat")}
        </Link>
      </p>
      <h2 id="pg-chats-title" className="pg-sidebar-title">
        {t("playground.chats")}
      </h2>
      {conversations.length === 0 ? (
        <p className="muted small">{t("playground.noChats")}</p>
      ) : (
        <ul className="pg-chat-list">
          {conversations.map((c) => (
            <li key={c.id}>
              <Link
                to={`/playground?c=${c.id}`}
                aria-current={c.id === currentId ? "page" : undefined}
                title={c.title || undefined}
              >
                {c.title || t("playground.untitled")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
