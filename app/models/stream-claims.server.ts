/**
 * One playground stream per user at a time (`active_streams`), across app processes: a row is
 * claimed when a stream starts and deleted when it ends. The claim is one statement with the
 * messages-per-minute count (playground.server.ts) and the token reservation
 * (token-ledger.server.ts), and the release one statement with the settlement: one round trip
 * and one commit before a call (not waiting for the disk), one after it.
 */
import { sql } from "drizzle-orm";
import { commitWithoutWaitingForDisk, executePrepared } from "~/utils/db.server";
import { requestsInLastMinuteSql } from "./playground.server";
import { reserveSql, settleSql, type BudgetScope, type Reservation } from "./token-ledger.server";

/** A stream never runs longer than this (the exchange aborts it); a claim older than that is stale. */
export const MAX_STREAM_MS = 5 * 60_000;
const STALE_CLAIM_SECONDS = MAX_STREAM_MS / 1000 + 30;

/**
 * The claim's commit does not wait for the disk (commitWithoutWaitingForDisk): a flush, before
 * every first token, takes from a tenth of a millisecond on a fast disk to several on a school
 * server's cheap one. What it writes is a lock and a reservation that the settlement gives back
 * within the same stream; a crash that lost them loses the stream too, and nothing is owed.
 */

export type ClaimResult =
  | { ok: true; reservation: Reservation }
  | { ok: false; reason: "busy" | "rate_limited" | "budget_own" | "budget_class" };

/**
 * Claims the user's one stream — if they are under their messages-per-minute limit — and
 * reserves `tokens` in every budget scope, all in ONE statement. The claim serialises a user's
 * requests, so the rate's count cannot be raced. If a scope refuses, the claim and whatever the
 * other scopes reserved are given back at once, and the answer names the gate that refused.
 */
export async function claimStreamAndReserve(
  userId: string,
  messagesPerMinute: number,
  scopes: readonly BudgetScope[],
  day: string,
  tokens: number,
): Promise<ClaimResult> {
  const reserve = scopes.length > 0 ? sql`, reserve as (${reserveSql(scopes, day, tokens, sql`exists (select 1 from claim)`)})` : sql``;
  const reserved = scopes.length > 0 ? sql`(select coalesce(array_agg(scope_id), '{}') from reserve)` : sql`'{}'::text[]`;
  const [row] = await executePrepared<{ claimed: number; recent: number; reserved: string[] }>(sql`
    with recent as (${requestsInLastMinuteSql(userId)}),
    claim as (
      insert into active_streams (user_id, started_at)
      select ${userId}::uuid, now() from recent where recent.n < ${messagesPerMinute}
      on conflict (user_id) do update set started_at = excluded.started_at
        where active_streams.started_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})
      returning user_id
    )${reserve}
    select (select count(*)::int from claim) as claimed, (select n from recent) as recent, ${reserved} as reserved,
      ${commitWithoutWaitingForDisk()} as commit_mode`);
  const reservation: Reservation = { scopes: [...scopes], day, tokens };
  if (!row || row.claimed === 0) {
    return { ok: false, reason: (row?.recent ?? 0) >= messagesPerMinute ? "rate_limited" : "busy" };
  }
  const granted = new Set(row.reserved);
  if (granted.size === scopes.length) return { ok: true, reservation };
  await settleAndRelease(userId, { ...reservation, scopes: scopes.filter((s) => granted.has(s.scopeId)) }, 0);
  const refused = scopes.find((s) => !granted.has(s.scopeId))!;
  return { ok: false, reason: refused.scope === "student" ? "budget_own" : "budget_class" };
}

/** Settles the reservation to `cost` and frees the user's stream, in one statement. */
export async function settleAndRelease(userId: string, reservation: Reservation | null, cost: number): Promise<void> {
  if (!reservation || reservation.scopes.length === 0) {
    await executePrepared(sql`delete from active_streams where user_id = ${userId}`);
    return;
  }
  await executePrepared(sql`
    with settled as (${settleSql(reservation, cost)})
    delete from active_streams where user_id = ${userId}`);
}
