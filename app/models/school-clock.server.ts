/**
 * The school's clock: its time zone, and the due dates set on it. A teacher chooses a due date as
 * a time on the school's clock ("Friday 17:00"); it is stored as an instant. When the admin sets
 * or changes the zone — often only after teachers have worked for a while on the server's zone,
 * which the admin overview warns about — the due dates still to come are moved so they keep the
 * time the teacher chose, instead of showing as "Saturday 01:00". Due dates already past stay as
 * they were: who handed in late is history.
 */
import { sql } from "drizzle-orm";
import type { SchoolSettings } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import { zoneOrServer } from "~/utils/time-zone";
import { changeSchoolSettings } from "./schools.server";

/** Saves the settings; with a new zone, the due dates still to come keep their times. Returns how many moved. */
export async function saveSchoolSettings(schoolId: string, patch: Partial<SchoolSettings> & { name?: string }): Promise<{ dueDatesKept: number }> {
  return transaction(async () => {
    let from = "";
    await changeSchoolSettings(schoolId, (current) => {
      from = zoneOrServer(current.timeZone);
      return patch;
    });
    const to = patch.timeZone;
    if (!to || to === from) return { dueDatesKept: 0 };
    return { dueDatesKept: await keepDueTimesOnTheClock(schoolId, from, to) };
  });
}

/**
 * Moves the school's due dates still to come from one zone's clock to another's, keeping their
 * wall-clock times. Both zones must be known to PostgreSQL as well as to Intl (they share the IANA
 * database, but a server's copy may be older): otherwise nothing moves, rather than the save failing.
 */
async function keepDueTimesOnTheClock(schoolId: string, from: string, to: string): Promise<number> {
  const known = await db().execute<{ n: number }>(sql`select count(*)::int as n from pg_timezone_names where name in (${from}, ${to})`);
  if (known[0]!.n !== 2) return 0;
  const moved = await db().execute(sql`
    update assignments a set due_at = (a.due_at at time zone ${from}) at time zone ${to}
      from classes c
     where c.id = a.class_id and c.school_id = ${schoolId}::uuid and a.due_at > now()
    returning a.id`);
  return moved.length;
}
