/**
 * Data minimisation for side tables (docs/decisions/007-sign-in-throttling.md): what sign-in and
 * sign-up leave behind — usernames and client addresses in throttle rows, ended sessions, used or
 * expired invitations — and the playground's daily token counts are deleted by the daily purge
 * after a stated period. Each statement is
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
/**
 * A day's token count serves that day's budget and the student page's usage (the last 14 school
 * days): past a month no page reads it, and it need not be kept for ever.
 */
export const LEDGER_KEEP_DAYS = 31;

export interface SideTablePurge {
  throttles: number;
  sessions: number;
  invitations: number;
  ledgerDays: number;
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
  const ledgerDays = await db().execute<{ day: string }>(sql`
    delete from token_ledger where day < current_date - ${LEDGER_KEEP_DAYS}::int returning day`);
  return { throttles, sessions: sessions.length, invitations: invitations.length, ledgerDays: ledgerDays.length };
}
