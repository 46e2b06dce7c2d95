/**
 * Playground transcripts are deleted after each school's retention period (default 30 days,
 * set by the admin). One statement for every school; safe to run from several processes.
 */
import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

export async function purgeExpiredTranscripts(now: Date = new Date()): Promise<number> {
  const rows = await db().execute<{ id: string }>(sql`
    delete from playground_conversations c
    using users u, schools s
    where u.id = c.user_id and s.id = u.school_id
      and c.updated_at < ${now.toISOString()}::timestamptz
        - make_interval(days => coalesce((s.settings->>'transcriptRetentionDays')::int, 30))
    returning c.id`);
  return rows.length;
}
