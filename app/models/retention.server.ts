/**
 * Playground transcripts are deleted after each school's retention period (default 30 days, set
 * by the admin) — per message, by when it was written: a conversation used yesterday does not
 * keep a message from two months ago. A conversation left without messages is deleted with its
 * system prompt. A message whose safeguarding flag is still open stays until someone has looked
 * at it: a disclosure nobody has read must not expire unread. (Other open flags — a prompt blocked
 * for a phone number — expire as the school's period says.) One statement for every school; safe to run
 * from several processes.
 */
import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

export interface PurgeResult {
  messages: number;
  conversations: number;
}

export async function purgeExpiredTranscripts(now: Date = new Date()): Promise<PurgeResult> {
  // A message's author is denormalised on it, so each school's messages are found through
  // messages_user_time_idx (user, time) without touching the conversations. The second delete
  // cannot see the first one's effect (one snapshot), so it leaves out the messages just deleted.
  const [row] = await db().execute<{ messages: number; conversations: number }>(sql`
    with retention as (
      select u.id as user_id,
             ${now.toISOString()}::timestamptz
               - make_interval(days => coalesce((s.settings->>'transcriptRetentionDays')::int, 30)) as cutoff
        from users u join schools s on s.id = u.school_id
    ),
    expired as (
      delete from playground_messages m
       using retention r
       where m.user_id = r.user_id and m.created_at < r.cutoff
         and not (m.flag_status = 'open' and m.severity = 'safeguarding')
      returning m.id, m.conversation_id
    ),
    emptied as (
      delete from playground_conversations c
       using retention r
       where c.user_id = r.user_id
         and (c.id in (select conversation_id from expired) or c.updated_at < r.cutoff)
         and not exists (
           select 1 from playground_messages m
            where m.conversation_id = c.id and m.id not in (select id from expired))
      returning c.id
    )
    select (select count(*)::int from expired) as messages, (select count(*)::int from emptied) as conversations`);
  return { messages: row?.messages ?? 0, conversations: row?.conversations ?? 0 };
}
