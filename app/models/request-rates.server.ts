/**
 * Per-client request budgets, counted in PostgreSQL so they hold across app processes (like the
 * sign-in throttle and the playground's rate). One atomic upsert per request: a fixed one-minute
 * window per key, charged with the request's cost; the answer says whether the budget still
 * covers it and, if not, when the window ends.
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

export const RATE_WINDOW_SECONDS = 60;

export type Spent = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Identities are stored hashed: the table never holds an address or a user id. */
export function rateKey(scope: string, identity: string): string {
  return crypto.createHash("sha256").update(`${scope}:${identity}`).digest("base64url").slice(0, 32);
}

export async function spend(scope: string, identity: string, cost: number, budget: number): Promise<Spent> {
  const [row] = await db().execute<{ used: number; seconds_left: number }>(sql`
    insert into request_rates as r (key, window_start, used)
    values (${rateKey(scope, identity)}, now(), ${cost})
    on conflict (key) do update set
      window_start = case when r.window_start <= now() - make_interval(secs => ${RATE_WINDOW_SECONDS}) then now() else r.window_start end,
      used = case when r.window_start <= now() - make_interval(secs => ${RATE_WINDOW_SECONDS}) then ${cost} else r.used + ${cost} end
    returning used, ceil(extract(epoch from r.window_start + make_interval(secs => ${RATE_WINDOW_SECONDS}) - now()))::int as seconds_left`);
  if (!row || row.used <= budget) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.min(RATE_WINDOW_SECONDS, row.seconds_left)) };
}

/** Rows whose window ended long ago (the daily purge): nothing of them is needed any more. */
export async function purgeStaleRates(): Promise<number> {
  const rows = await db().execute(sql`delete from request_rates where window_start < now() - interval '1 hour' returning 1`);
  return rows.length;
}
