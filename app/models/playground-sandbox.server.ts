/**
 * What a user's playground rules are made of, as stored, in one query: the playground policies of
 * the classes they are enrolled in (staff have none), their school's time zone, and today's rows
 * of the token ledger for their own budget and their classes'. The guard
 * (app/playground/guard.server.ts) turns these facts into the rules that apply.
 */
import { sql, type SQL } from "drizzle-orm";
import type { PlaygroundPolicy } from "../../db/schema";
import { executePrepared } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { serverTimeZone, zoneOrServer } from "~/utils/time-zone";
import { ledgerDay } from "./token-ledger.server";

export interface LedgerRow {
  scope: "student" | "class";
  scope_id: string;
  used: number;
  reserved: number;
}

export interface SandboxFacts {
  /** The school's chosen time zone, as stored (unchecked), or null. */
  timeZone: string | null;
  /** The student's active classes and their policies, in enrolment order; none for staff. */
  classes: { id: string; policy: PlaygroundPolicy }[];
  /** Today's ledger rows of the user's own budget and of each of those classes. */
  ledger: LedgerRow[];
}

export async function loadSandboxFacts(user: Pick<SessionUser, "id" | "role">, now = new Date()): Promise<SandboxFacts> {
  const facts = await factsOf(sql`select id, role from users where id = ${user.id}`, now);
  // a user with no row has no classes and no ledger: the same facts as the query found
  return facts ?? { timeZone: null, classes: [], ledger: [] };
}

/**
 * The same facts for whoever holds the session with this token hash, with their id: read beside
 * the session lookup, so the playground's first token waits for one round trip instead of two.
 * Only the session lookup decides who is signed in; the caller uses these facts when its user is
 * the one they name (sandboxFactsOfSession in the pipeline), and null means nobody (no such
 * session).
 */
export async function loadSandboxFactsOfSession(tokenHash: string, now = new Date()): Promise<(SandboxFacts & { userId: string }) | null> {
  return factsOf(sql`select u.id, u.role from sessions s join users u on u.id = s.user_id where s.token_hash = ${tokenHash}`, now);
}

/** `who`: a query of one row (id, role), the user whose facts these are. */
async function factsOf(who: SQL, now: Date): Promise<(SandboxFacts & { userId: string }) | null> {
  // "Today" is the school's date, known only with the school's zone, which this very query
  // reads: the rows of the five days around the server's date are read (any two zones are less
  // than two days apart), and today's kept.
  const around = ledgerDay(now, serverTimeZone());
  const [row] = await executePrepared<{
    user_id: string;
    time_zone: string | null;
    classes: SandboxFacts["classes"];
    ledger: (LedgerRow & { day: string })[];
  }>(sql`
    with who as (${who}),
    cls as (
      select c.id, c.playground_policy as policy, e.created_at
      from who join enrollments e on e.student_id = who.id join classes c on c.id = e.class_id
      where who.role = 'student' and c.archived_at is null
    )
    select
      who.id as user_id,
      (select s.settings->>'timeZone' from users u join schools s on s.id = u.school_id where u.id = who.id) as time_zone,
      (select coalesce(json_agg(json_build_object('id', id, 'policy', policy) order by created_at), '[]'::json) from cls) as classes,
      (select coalesce(json_agg(json_build_object('day', to_char(l.day, 'YYYY-MM-DD'), 'scope', l.scope, 'scope_id', l.scope_id, 'used', l.used, 'reserved', l.reserved)), '[]'::json)
         from token_ledger l
        where l.day between ${around}::date - 2 and ${around}::date + 2
          and ((l.scope = 'student' and l.scope_id = who.id) or (l.scope = 'class' and l.scope_id in (select id from cls)))) as ledger
    from who`);
  if (!row) return null;
  const today = ledgerDay(now, zoneOrServer(row.time_zone));
  const ledger = row.ledger.filter((l) => l.day === today).map(({ day: _today, ...l }) => l);
  return { userId: row.user_id, timeZone: row.time_zone, classes: row.classes, ledger };
}
