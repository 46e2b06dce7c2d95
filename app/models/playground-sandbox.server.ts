/**
 * What a user's playground rules are made of, as stored, in one query: the playground policies of
 * the classes they are enrolled in (staff have none), their school's time zone, and today's rows
 * of the token ledger for their own budget and their classes'. The guard
 * (app/playground/guard.server.ts) turns these facts into the rules that apply.
 */
import { sql } from "drizzle-orm";
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
  // "Today" is the school's date, known only with the school's zone, which this very query
  // reads: the rows of the five days around the server's date are read (any two zones are less
  // than two days apart), and today's kept.
  const around = ledgerDay(now, serverTimeZone());
  const student = user.role === "student";
  const [row] = await executePrepared<{ time_zone: string | null; classes: SandboxFacts["classes"]; ledger: (LedgerRow & { day: string })[] }>(sql`
    with cls as (
      select c.id, c.playground_policy as policy, e.created_at
      from enrollments e join classes c on c.id = e.class_id
      where ${student} and e.student_id = ${user.id} and c.archived_at is null
    )
    select
      (select s.settings->>'timeZone' from users u join schools s on s.id = u.school_id where u.id = ${user.id}) as time_zone,
      (select coalesce(json_agg(json_build_object('id', id, 'policy', policy) order by created_at), '[]'::json) from cls) as classes,
      (select coalesce(json_agg(json_build_object('day', to_char(l.day, 'YYYY-MM-DD'), 'scope', l.scope, 'scope_id', l.scope_id, 'used', l.used, 'reserved', l.reserved)), '[]'::json)
         from token_ledger l
        where l.day between ${around}::date - 2 and ${around}::date + 2
          and ((l.scope = 'student' and l.scope_id = ${user.id}) or (l.scope = 'class' and l.scope_id in (select id from cls)))) as ledger`);
  const today = ledgerDay(now, zoneOrServer(row?.time_zone));
  const ledger = (row?.ledger ?? []).filter((l) => l.day === today).map(({ day: _today, ...l }) => l);
  return { timeZone: row?.time_zone ?? null, classes: row?.classes ?? [], ledger };
}
