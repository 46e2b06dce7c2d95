/**
 * Attempt throttles with growing delays, counted in PostgreSQL so they hold across app
 * processes (docs/decisions/007-sign-in-throttling.md). An attempt is claimed BEFORE the secret
 * is checked: the claim locks the attempt's rows, and either refuses (a delay is running) or
 * counts the attempt and sets the delay the next one must wait. So a burst of simultaneous
 * guesses is checked at most `free` times, whatever the number of app processes. Times are
 * clock_timestamp(), not now(): a claim that queued behind others must compare against the real
 * time, not the start of its own transaction.
 *
 * No rule ever locks an account for good: past its free attempts a key only waits, and the
 * wait doubles up to a small cap.
 */
import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

export interface ThrottleRule {
  /** Attempts inside one window that wait for nothing. */
  free: number;
  /** The wait after the last free attempt; each further attempt doubles it… */
  baseSeconds: number;
  /** …up to this. */
  capSeconds: number;
  /** Counting starts again this long after the window's first attempt. */
  windowSeconds: number;
}

export const THROTTLE_RULES = {
  /** One account from one client address: the guesser's own key. */
  "signin-device": { free: 5, baseSeconds: 30, capSeconds: 15 * 60, windowSeconds: 24 * 3600 },
  /** One account from anywhere: slows guessing from many addresses, with a cap small enough
   *  that the account's owner always gets in within a minute. */
  "signin-account": { free: 10, baseSeconds: 5, capSeconds: 60, windowSeconds: 3600 },
  /** Failed sign-ins from one address (a school behind one NAT): a high ceiling. */
  "signin-address": { free: 100, baseSeconds: 1, capSeconds: 15, windowSeconds: 3600 },
  /** Join codes that matched no class, from one address. */
  "join-code": { free: 30, baseSeconds: 2, capSeconds: 60, windowSeconds: 3600 },
  /** Accounts created by self-registration (joining a class, teacher sign-up) from one address. */
  register: { free: 50, baseSeconds: 5, capSeconds: 5 * 60, windowSeconds: 10 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof THROTTLE_RULES;

export interface ThrottleKey {
  kind: ThrottleKind;
  value: string;
  /** The account a row is about (lower-cased username), so a password reset can clear it. */
  account?: string;
}

export type Claim = { ok: true } | { ok: false; waitSeconds: number };

function keyOf(k: ThrottleKey): string {
  return `${k.kind}:${k.value.toLowerCase()}`;
}

/** The delay after the attempt numbered `attempt` (1-based) inside its window. */
export function delaySeconds(rule: ThrottleRule, attempt: number): number {
  if (attempt < rule.free) return 0;
  return Math.min(rule.capSeconds, rule.baseSeconds * 2 ** Math.min(attempt - rule.free, 30));
}

/**
 * Claims one attempt on every key at once: refused (nothing counted) when any key is waiting,
 * otherwise counted on every key. Rows are created and locked in key order, so concurrent
 * claims queue on the rows and never deadlock.
 */
export async function claimAttempt(keys: ThrottleKey[]): Promise<Claim> {
  const sorted = [...new Map(keys.map((k) => [keyOf(k), k])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const names = sorted.map(([name]) => name);
  return db().transaction(async (tx) => {
    await tx.execute(sql`
      insert into throttles (key, account)
      values ${sql.join(sorted.map(([name, k]) => sql`(${name}, ${k.account?.toLowerCase() ?? null})`), sql`, `)}
      on conflict (key) do nothing`);
    const rows = await tx.execute<{ key: string; attempts: number; expired: boolean; wait: number }>(sql`
      select key, attempts,
        window_start < clock_timestamp() - make_interval(secs => case ${sql.join(
          sorted.map(([name, k]) => sql`when key = ${name} then ${THROTTLE_RULES[k.kind].windowSeconds}::int`),
          sql` `,
        )} end) as expired,
        greatest(0, ceil(extract(epoch from next_at - clock_timestamp())))::int as wait
      from throttles where key in ${names} order by key for update`);
    const waitSeconds = Math.max(0, ...rows.map((r) => (r.expired ? 0 : r.wait)));
    if (waitSeconds > 0) return { ok: false as const, waitSeconds };
    for (const row of rows) {
      const rule = THROTTLE_RULES[sorted.find(([name]) => name === row.key)![1].kind];
      const attempt = (row.expired ? 0 : row.attempts) + 1;
      await tx.execute(sql`
        update throttles set
          attempts = ${attempt},
          window_start = case when ${row.expired} then clock_timestamp() else window_start end,
          next_at = clock_timestamp() + make_interval(secs => ${delaySeconds(rule, attempt)}),
          updated_at = clock_timestamp()
        where key = ${row.key}`);
    }
    return { ok: true as const };
  });
}

/** After a success: the attempt's rows about this account are forgotten. */
export async function forgetKeys(keys: ThrottleKey[]): Promise<void> {
  if (keys.length === 0) return;
  await db().execute(sql`delete from throttles where key in ${keys.map(keyOf)}`);
}

/**
 * After a success on a shared key (a school's address): the attempt is given back, and the wait
 * it started is lifted while the count is under the free attempts again.
 */
export async function refundAttempt(key: ThrottleKey): Promise<void> {
  const rule = THROTTLE_RULES[key.kind];
  await db().execute(sql`
    update throttles set
      attempts = greatest(attempts - 1, 0),
      next_at = case when attempts - 1 < ${rule.free} then least(next_at, clock_timestamp()) else next_at end
    where key = ${keyOf(key)}`);
}

/** A teacher's or admin's password reset: every throttle of this account is cleared. */
export async function clearAccountThrottles(username: string): Promise<void> {
  await db().execute(sql`delete from throttles where account = ${username.toLowerCase()}`);
}

/** Rows nobody has touched for longer than every window: no usernames or addresses kept. */
export async function purgeStaleThrottles(olderThanHours: number): Promise<number> {
  const rows = await db().execute<{ key: string }>(sql`
    delete from throttles where updated_at < now() - make_interval(hours => ${olderThanHours}) returning key`);
  return rows.length;
}
