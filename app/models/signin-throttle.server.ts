/**
 * Failed sign-ins, counted in the database so the limit holds across app processes. Two keys per
 * attempt: the account (stops guessing one student's password) and the client address (stops
 * spraying many accounts). A classroom shares one address, so its limit is generous.
 */
import { sql } from "drizzle-orm";
import { db, transaction } from "~/utils/db.server";

const WINDOW_MINUTES = 15;
const LIMITS = { account: 5, address: 100 } as const;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

function keyOf(k: ThrottleKey): string {
  return `${k.kind}:${k.value.toLowerCase()}`;
}

/** Minutes until the first locked key unlocks, or 0 when sign-in may be tried. */
export async function lockedMinutes(keys: ThrottleKey[]): Promise<number> {
  const rows = await db().execute<{ seconds: number | null }>(sql`
    select ceil(extract(epoch from max(locked_until) - now()))::int as seconds
    from signin_throttle
    where key in ${keys.map(keyOf)} and locked_until > now()`);
  const seconds = rows[0]?.seconds ?? 0;
  return seconds > 0 ? Math.ceil(seconds / 60) : 0;
}

/** One atomic upsert per key, all keys in one transaction: a new window after 15 minutes, a lock when the limit is reached. */
export function recordFailure(keys: ThrottleKey[]): Promise<void> {
  return transaction(() => countFailures(keys));
}

async function countFailures(keys: ThrottleKey[]): Promise<void> {
  for (const k of keys) {
    const limit = LIMITS[k.kind];
    await db().execute(sql`
      insert into signin_throttle as t (key, failures, window_start)
      values (${keyOf(k)}, 1, now())
      on conflict (key) do update set
        failures = case when t.window_start < now() - make_interval(mins => ${WINDOW_MINUTES}) then 1 else t.failures + 1 end,
        window_start = case when t.window_start < now() - make_interval(mins => ${WINDOW_MINUTES}) then now() else t.window_start end,
        locked_until = case
          when t.window_start >= now() - make_interval(mins => ${WINDOW_MINUTES}) and t.failures + 1 >= ${limit}
          then now() + make_interval(mins => ${WINDOW_MINUTES})
          else t.locked_until end`);
  }
}

export async function clearAccount(username: string): Promise<void> {
  await db().execute(sql`delete from signin_throttle where key = ${keyOf({ kind: "account", value: username })}`);
}
