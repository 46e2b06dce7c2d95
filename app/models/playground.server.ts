/**
 * Playground conversations and messages, for the acting user. Every query filters by the user
 * inside the query: another user's conversation id is simply not found (a 404).
 *
 * `flags` on a message: for a blocked prompt, what blocked it ("phone", "blocked_topic", … —
 * screening's FindingKind); for a sent prompt or a reply, what the teacher should look at
 * ("self_harm", "violence", "sexual", "jailbreak", "bullying", "drugs", "personal_data", "blocked_topic" — screening's FlagKind),
 * with flag_status "open" until the teacher reviews it.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { playgroundConversations, playgroundMessages } from "../../db/schema";
import { commitWithoutWaitingForDisk, db, executePrepared, textArraySql, transaction } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { isUuid } from "./classes.server";
import type { SessionUser } from "~/utils/auth.server";
import type { ChatMessage } from "~/playground/provider";
import type { CrisisMatch } from "~/playground/crisis";
import { HARMFUL_REPLY_FLAG_PREFIX, severityOf } from "~/models/severity";

type Acting = Pick<SessionUser, "id">;

export type ConversationRow = typeof playgroundConversations.$inferSelect;
export type MessageRow = typeof playgroundMessages.$inferSelect;

export const TITLE_MAX_CHARS = 60;

/** The sidebar: the user's conversations, most recent first. */
export async function listConversations(user: Acting, limit = 50) {
  return db()
    .select({
      id: playgroundConversations.id,
      title: playgroundConversations.title,
      model: playgroundConversations.model,
      updatedAt: playgroundConversations.updatedAt,
    })
    .from(playgroundConversations)
    .where(eq(playgroundConversations.userId, user.id))
    .orderBy(desc(playgroundConversations.updatedAt))
    .limit(limit);
}

export interface ConversationWithMessages {
  conversation: ConversationRow;
  messages: MessageRow[];
}

/** The conversation and its messages in order, or null when it is not this user's. */
export async function findConversation(user: Acting, conversationId: string): Promise<ConversationWithMessages | null> {
  if (!isUuid(conversationId)) return null;
  // Both filtered by the user, so they can run side by side.
  const [[conversation], messages] = await Promise.all([
    db()
      .select()
      .from(playgroundConversations)
      .where(and(eq(playgroundConversations.id, conversationId), eq(playgroundConversations.userId, user.id))),
    db()
      .select()
      .from(playgroundMessages)
      .where(and(eq(playgroundMessages.conversationId, conversationId), eq(playgroundMessages.userId, user.id)))
      .orderBy(asc(playgroundMessages.createdAt)),
  ]);
  if (!conversation) return null;
  return { conversation, messages };
}

/** findConversation for a page: someone else's id is a 404. */
export async function requireConversation(user: Acting, conversationId: string): Promise<ConversationWithMessages> {
  const found = await findConversation(user, conversationId);
  if (!found) notFound();
  return found;
}

export function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length <= TITLE_MAX_CHARS ? line : `${chars.slice(0, TITLE_MAX_CHARS - 1).join("")}…`;
}

export interface PromptRecord {
  /** null starts a new conversation… */
  conversationId: string | null;
  /** …with this id when given (the caller may need it before the write ends). */
  newConversationId?: string;
  /** The class whose policy applies (new conversations only); null for staff. */
  classId: string | null;
  model: string;
  systemPrompt: string | null;
  text: string;
  status: "complete" | "blocked";
  flags: string[];
  /** The crisis rules the prompt matched: stored with it, and the conversation is marked. */
  crisis?: readonly CrisisMatch[] | null;
  /** A new conversation's title; its first line by default. */
  title?: string;
}

/**
 * Stores a user's prompt, starting the conversation when there is none — one statement either
 * way. Returns null when the conversation is not this user's.
 *
 * The first token waits for this write (nothing a model says is shown before the prompt is on
 * record for the teacher), so an unflagged prompt's commit does not also wait for the disk: it
 * is on record, visible to the teacher, the moment it commits, and the reply's durable commit
 * carries it to disk. A prompt that is a safeguarding or review record — flagged, a crisis,
 * blocked — waits for the disk (docs/decisions/003).
 */
export async function recordPrompt(
  user: Acting,
  record: PromptRecord,
): Promise<{ conversationId: string; messageId: string; title: string } | null> {
  // Blocked attempts are flags too (personal data, a blocked topic): the teacher sees them.
  const flagStatus = record.flags.length > 0 ? "open" : "none";
  const severity = severityOf(record.flags, { role: "user", blocked: record.status === "blocked" });
  const crisis = record.crisis && record.crisis.length > 0 ? JSON.stringify(record.crisis) : null;
  const commit = promptWaitsForDisk(record) ? sql`current_setting('synchronous_commit')` : commitWithoutWaitingForDisk();
  const conversation = record.conversationId
    ? sql`update playground_conversations
             set updated_at = now(), model = ${record.model}, system_prompt = ${record.systemPrompt},
                 crisis_at = coalesce(crisis_at, case when ${crisis}::jsonb is not null then now() end)
           where id = ${record.conversationId} and user_id = ${user.id}
       returning id, title`
    : sql`insert into playground_conversations (id, user_id, class_id, title, model, system_prompt, crisis_at)
          values (${record.newConversationId ?? crypto.randomUUID()}, ${user.id}, ${record.classId}, ${record.title ?? titleFrom(record.text)},
                  ${record.model}, ${record.systemPrompt}, case when ${crisis}::jsonb is not null then now() end)
       returning id, title`;
  const [row] = await executePrepared<{ conversation_id: string; message_id: string; title: string }>(sql`
    with conv as (${conversation})
    insert into playground_messages (conversation_id, user_id, role, text, model, status, flags, flag_status, severity, crisis)
    select conv.id, ${user.id}, 'user', ${record.text}, ${record.model}, ${record.status},
           ${textArraySql(record.flags)}, ${flagStatus}, ${severity}, ${crisis}::jsonb
      from conv
    returning conversation_id, id as message_id, (select title from conv) as title, ${commit} as commit_mode`);
  return row ? { conversationId: row.conversation_id, messageId: row.message_id, title: row.title } : null;
}

/**
 * An earlier message of the user's own, found later to hold personal data ("fluffy123" ⏎ "that's my
 * password"): stored again without it, and the conversation's title too when it was made from it
 * (the sidebar showed the password). The model's replies in the conversation lose the `values`
 * too, each replaced by `mark` (a model may say it back). Only the user's own conversation.
 */
export async function redactEarlierMessage(
  user: Acting,
  conversationId: string,
  earlier: { messageId: string; text: string; redacted: string },
  values: readonly string[],
  mark: string,
): Promise<void> {
  const { messageId, text, redacted } = earlier;
  await transaction(async () => {
    await db().execute(sql`update playground_messages set text = ${redacted}
                            where id = ${messageId} and conversation_id = ${conversationId} and user_id = ${user.id} and role = 'user'`);
    for (const value of values) {
      await db().execute(sql`update playground_messages set text = replace(text, ${value}, ${mark})
                              where conversation_id = ${conversationId} and user_id = ${user.id} and role = 'assistant' and strpos(text, ${value}) > 0`);
    }
    await db().execute(sql`update playground_conversations set title = ${titleFrom(redacted)}
                            where id = ${conversationId} and user_id = ${user.id} and title = ${titleFrom(text)}`);
  });
}

/** A prompt the teacher may need to see after a crash: flagged, a crisis, or blocked. */
export function promptWaitsForDisk(record: Pick<PromptRecord, "flags" | "crisis" | "status">): boolean {
  return record.flags.length > 0 || (record.crisis?.length ?? 0) > 0 || record.status === "blocked";
}

export interface ReplyRecord {
  conversationId: string;
  text: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** The endpoint reported no usage and the counts were estimated from the text. */
  usageEstimated?: boolean;
  status: "complete" | "incomplete" | "error";
  errorCode: string | null;
  flags: string[];
  latencyMs: number;
}

/** Stores a model's reply (whatever became of it) and touches the conversation — one statement. */
export async function recordReply(user: Acting, record: ReplyRecord): Promise<string> {
  const flagStatus = record.flags.length > 0 ? "open" : "none";
  const severity = severityOf(record.flags, { role: "assistant", blocked: false });
  const [row] = await executePrepared<{ id: string }>(sql`
    with conv as (
      update playground_conversations set updated_at = now()
       where id = ${record.conversationId} and user_id = ${user.id}
      returning id
    )
    insert into playground_messages
      (conversation_id, user_id, role, text, model, input_tokens, output_tokens, usage_estimated, status, error_code, flags, flag_status, severity, latency_ms)
    select conv.id, ${user.id}, 'assistant', ${record.text}, ${record.model}, ${record.inputTokens}, ${record.outputTokens}, ${record.usageEstimated ?? false},
           ${record.status}, ${record.errorCode}, ${textArraySql(record.flags)}, ${flagStatus}, ${severity}, ${Math.round(record.latencyMs)}
      from conv
    returning id`);
  if (!row) throw new Error("recordReply: the conversation is not this user's");
  return row.id;
}

/**
 * The user's requests in the last minute, for the playground's messages-per-minute limit: each
 * request to a model ends as one assistant message, and each blocked prompt as one blocked
 * message, so those are what it counts. A query of its own, and a piece of the stream claim's
 * statement (stream-claims.server.ts), which counts and claims at once.
 */
export function requestsInLastMinuteSql(userId: string): SQL {
  return sql`
  select count(*)::int as n from playground_messages m
   where m.user_id = ${userId} and m.created_at > now() - interval '1 minute'
     and (m.role = 'assistant' or m.status = 'blocked')`;
}

/** The user's last message of their own, in any conversation (what a blocked number's rest is read against). */
/**
 * The student's last `n` messages, in any conversation, newest first: what they typed just before,
 * read with a new message ("New chat" is a click away between the halves of a phone number or
 * of "i just want to" ⏎ "die").
 */
export async function lastTypedMessages(userId: string, n: number): Promise<Pick<MessageRow, "role" | "status" | "flags" | "createdAt" | "text">[]> {
  return db()
    .select({ role: playgroundMessages.role, status: playgroundMessages.status, flags: playgroundMessages.flags, createdAt: playgroundMessages.createdAt, text: playgroundMessages.text })
    .from(playgroundMessages)
    .where(and(eq(playgroundMessages.userId, userId), eq(playgroundMessages.role, "user")))
    .orderBy(desc(playgroundMessages.createdAt))
    .limit(n);
}

export async function requestsInLastMinute(userId: string): Promise<number> {
  const [row] = await db().execute<{ n: number }>(requestsInLastMinuteSql(userId));
  return row?.n ?? 0;
}

export interface History {
  /** What to send, ending with the prompt. */
  messages: ChatMessage[];
  /** The exact usage of the reply just before the prompt, when it completed (budget estimates). */
  previous: { inputTokens: number; outputTokens: number; model: string | null } | null;
}

/**
 * The conversation as the model should see it: each sent prompt with its latest reply that has
 * text (a regenerated answer replaces the earlier one). Blocked prompts are never sent, and a
 * prompt whose call failed without any text, or whose reply was stopped for harming the child
 * (harmful-reply.ts), is left out, so roles keep alternating.
 * `regenerate`: the last sent prompt is asked again, without the replies it already had.
 * `crisisToModel`: the school's setting now — when off, a crisis message a model answered while it
 * was on is not sent again with every later message (found in a walk with a model key, 7 December).
 */
export function historyFor(
  stored: readonly MessageRow[],
  next: { prompt: string } | { regenerate: true },
  { crisisToModel = true }: { crisisToModel?: boolean } = {},
): History | null {
  interface Turn {
    prompt: string;
    reply: MessageRow | null;
    /** Kept back: a crisis message the school no longer lets models read. */
    kept: boolean;
  }
  const turns: Turn[] = [];
  for (const m of stored) {
    if (m.role === "user") {
      if (m.status !== "blocked") turns.push({ prompt: m.text, reply: null, kept: !crisisToModel && (m.crisis?.length ?? 0) > 0 });
    } else {
      const turn = turns.at(-1);
      // a reply stopped for harming the child is never shown to a model again
      if (turn && m.text && !m.flags.some((f) => f.startsWith(HARMFUL_REPLY_FLAG_PREFIX))) turn.reply = m;
    }
  }
  let prompt: string;
  if ("regenerate" in next) {
    const last = turns.pop();
    if (!last) return null;
    prompt = last.prompt;
  } else {
    prompt = next.prompt;
  }
  const answered = turns.filter((t): t is Turn & { reply: MessageRow } => t.reply !== null && !t.kept);
  const messages: ChatMessage[] = answered.flatMap((t) => [
    { role: "user" as const, content: t.prompt },
    { role: "assistant" as const, content: t.reply.text },
  ]);
  messages.push({ role: "user", content: prompt });
  const lastReply = answered.at(-1)?.reply;
  const previous =
    lastReply && lastReply.status === "complete" && lastReply === turns.at(-1)?.reply
      ? { inputTokens: lastReply.inputTokens, outputTokens: lastReply.outputTokens, model: lastReply.model }
      : null;
  return { messages, previous };
}

/** Tokens the conversation holds, as the model last counted them (for the context meter). */
export function conversationTokens(messages: readonly MessageRow[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role === "assistant" && m.inputTokens + m.outputTokens > 0) return m.inputTokens + m.outputTokens;
  }
  return 0;
}
