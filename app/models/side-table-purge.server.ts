/**
 * Data minimisation for side tables (docs/decisions/007-sign-in-throttling.md): what sign-in and
 * sign-up leave behind — usernames and client addresses in throttle rows, ended sessions, used or
 * expired invitations — is deleted by the daily purge after a stated period. Each statement is
 * safe to run from several app processes at once.
 */
import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { purgeStaleThrottles } from "./throttle.server";

/** Longer than every throttle window, so deleting a row never shortens a running delay. */
export const THROTTLE_KEEP_HOURS = 24;
/** Invitations are kept this long after they were used or expired (the admin page lists them). */
export const INVITATION_KEEP_DAYS = 30;

export interface SideTablePurge {
  throttles: number;
  sessions: number;
  invitations: number;
}

export async function purgeSideTables(): Promise<SideTablePurge> {
  const throttles = await purgeStaleThrottles(THROTTLE_KEEP_HOURS);
  // ended: past the absolute limit, or idle longer than the session's own idle timeout
  const sessions = await db().execute<{ id: string }>(sql`
    delete from sessions
    where expires_at < now()
       or last_seen_at < now() - make_interval(mins => coalesce(idle_minutes, ${env().SESSION_IDLE_MINUTES}::int))
    returning id`);
  const invitations = await db().execute<{ id: string }>(sql`
    delete from invitations
    where coalesce(used_at, expires_at) < now() - make_interval(days => ${INVITATION_KEEP_DAYS})
    returning id`);
  return { throttles, sessions: sessions.length, invitations: invitations.length };
}
