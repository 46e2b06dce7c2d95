/**
 * The playground's daily token budgets (`token_ledger`): one row per scope (a user's own budget,
 * or a class's) and day. A call reserves its most before it starts and settles to what it really
 * cost after it ends (docs/decisions/003). The reserve and settle statements are pieces that
 * stream-claims.server.ts joins to its claim, so the hot path stays one statement each way.
 */
import { sql, type SQL } from "drizzle-orm";
import { db } from "~/utils/db.server";
import { wallDay } from "~/utils/time-zone";

export interface BudgetScope {
  scope: "student" | "class";
  scopeId: string;
  budget: number;
}

export interface Reservation {
  scopes: BudgetScope[];
  day: string;
  tokens: number;
}

/**
 * The ledger's day: the date on the school's clocks. Budgets are "per day" for a teacher in
 * Shanghai even on a server that runs in UTC (or in another school's zone, in a district): the
 * day turns at local midnight, not at 08:00.
 */
export function ledgerDay(now: Date, zone: string): string {
  return wallDay(now, zone);
}

/**
 * Each row is added to only if used + reserved + tokens stays within its budget: INSERT … ON
 * CONFLICT DO UPDATE … WHERE locks and re-checks the row, so parallel requests in any number of
 * processes never overspend. `gate`: reserve only if this condition holds (the stream claim, so a
 * request that did not get the user's stream reserves nothing). Returns the scope ids it reserved.
 */
export function reserveSql(scopes: readonly BudgetScope[], day: string, tokens: number, gate: SQL): SQL {
  const values = sql.join(
    scopes.map((s) => sql`(${s.scope}::budget_scope, ${s.scopeId}::uuid, ${s.budget}::int)`),
    sql`, `,
  );
  const budgetOf = sql.join(
    scopes.map((s) => sql`when ${s.scopeId}::uuid then ${s.budget}::int`),
    sql` `,
  );
  return sql`
    insert into token_ledger as l (scope, scope_id, day, reserved)
    select v.scope, v.scope_id, ${day}::date, ${tokens}::int
      from (values ${values}) as v(scope, scope_id, budget)
     where ${tokens}::int <= v.budget and ${gate}
    on conflict (scope, scope_id, day) do update set reserved = l.reserved + excluded.reserved
      where l.used + l.reserved + excluded.reserved <= (case l.scope_id ${budgetOf} end)
    returning l.scope_id::text as scope_id`;
}

/** Gives the reservation back and charges `cost` instead, in every scope it reserved from. */
export function settleSql({ scopes, day, tokens }: Reservation, cost: number): SQL {
  const ids = sql.join(
    scopes.map((s) => sql`${s.scopeId}::uuid`),
    sql`, `,
  );
  return sql`update token_ledger
       set reserved = greatest(reserved - ${tokens}::int, 0), used = used + ${Math.max(0, Math.round(cost))}::int
     where day = ${day}::date and scope_id in (${ids})`;
}

/** Today's use of one class's budget (the teacher's policy page), on the school's clocks. */
export async function classUsageToday(classId: string, zone: string, now = new Date()): Promise<{ used: number; reserved: number }> {
  const [row] = await db().execute<{ used: number; reserved: number }>(sql`
    select used, reserved from token_ledger
     where scope = 'class' and scope_id = ${classId} and day = ${ledgerDay(now, zone)}::date`);
  return { used: row?.used ?? 0, reserved: row?.reserved ?? 0 };
}
