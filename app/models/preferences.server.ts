/**
 * The preference lab's choices: which of two answers a student found better. Stored in the
 * activity log (actor · "preferred" · "<lesson>#<pair id>" · { choice }), the same log that feeds
 * timelines and exports, so no table of its own. A change of mind appends a new event; the latest
 * counts. Classmates see only totals, and only once enough of them have chosen that a total
 * cannot point at one person.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { activityLog } from "../../db/schema";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import type { PreferenceChoice, PreferencesResponse } from "~/course/widgets/widget-data";
import { stored } from "~/utils/learner-write.server";
import type { ChoiceCounts } from "~/course/widgets/preference-math";

export const PREFERENCE_VERB = "preferred";
export const PREFERENCE_OBJECT_TYPE = "preference-pair";
/** Class totals appear once at least this many classmates have chosen for a pair. */
export const MIN_CLASSMATES_FOR_TOTALS = 3;

function objectIdOf(lessonSlug: string, pairId: string): string {
  return `${lessonSlug}#${pairId}`;
}

function pairIdOf(lessonSlug: string, objectId: string): string {
  return objectId.slice(lessonSlug.length + 1);
}

/** Records the student's choice; a repeat of their latest choice (a retry, a second tab) adds nothing. */
export async function savePreference(
  student: SessionUser,
  lessonSlug: string,
  pairId: string,
  choice: PreferenceChoice,
): Promise<void> {
  const objectId = objectIdOf(lessonSlug, pairId);
  const [latest] = await db()
    .select({ result: activityLog.result })
    .from(activityLog)
    .where(and(eq(activityLog.actorId, student.id), eq(activityLog.verb, PREFERENCE_VERB), eq(activityLog.objectId, objectId)))
    .orderBy(desc(activityLog.createdAt), desc(activityLog.id))
    .limit(1);
  if (latest?.result?.choice === choice) return;
  await db().insert(activityLog).values({
    actorId: student.id,
    verb: PREFERENCE_VERB,
    objectType: PREFERENCE_OBJECT_TYPE,
    objectId,
    result: { choice },
  });
}

/** The student's own latest choice per pair of this lesson. */
export async function myPreferences(student: SessionUser, lessonSlug: string): Promise<Record<string, PreferenceChoice>> {
  const rows = await db().execute<{ object_id: string; choice: string }>(sql`
    select distinct on (object_id) object_id, result->>'choice' as choice
    from ${activityLog}
    where actor_id = ${student.id} and verb = ${PREFERENCE_VERB} and object_type = ${PREFERENCE_OBJECT_TYPE}
      and starts_with(object_id, ${lessonSlug + "#"})
    order by object_id, created_at desc, id desc`);
  const mine: Record<string, PreferenceChoice> = {};
  for (const row of rows) if (row.choice === "a" || row.choice === "b") mine[pairIdOf(lessonSlug, row.object_id)] = row.choice;
  return mine;
}

/**
 * Classmates' latest choices per pair of this lesson: everyone enrolled with this student in a
 * current (unarchived) class, never the student themself and never another class. A pair with
 * fewer than MIN_CLASSMATES_FOR_TOTALS classmates' choices is null. One query.
 */
export async function classPreferenceCounts(
  student: SessionUser,
  lessonSlug: string,
): Promise<Record<string, ChoiceCounts | null>> {
  const rows = await db().execute<{ object_id: string; choice: string; n: number }>(sql`
    with classmates as (
      select distinct mate.student_id
      from enrollments mine
      join classes c on c.id = mine.class_id and c.archived_at is null
      join enrollments mate on mate.class_id = mine.class_id
      where mine.student_id = ${student.id} and mate.student_id <> ${student.id}
    ),
    latest as (
      select distinct on (a.actor_id, a.object_id) a.object_id, a.result->>'choice' as choice
      from ${activityLog} a
      join classmates m on m.student_id = a.actor_id
      where a.verb = ${PREFERENCE_VERB} and a.object_type = ${PREFERENCE_OBJECT_TYPE}
        and starts_with(a.object_id, ${lessonSlug + "#"})
      order by a.actor_id, a.object_id, a.created_at desc, a.id desc
    )
    select object_id, choice, count(*)::int as n from latest group by object_id, choice`);
  const counts: Record<string, ChoiceCounts> = {};
  for (const row of rows) {
    if (row.choice !== "a" && row.choice !== "b") continue;
    const pair = (counts[pairIdOf(lessonSlug, row.object_id)] ??= { a: 0, b: 0 });
    pair[row.choice] += row.n;
  }
  const result: Record<string, ChoiceCounts | null> = {};
  for (const [pairId, c] of Object.entries(counts)) result[pairId] = c.a + c.b >= MIN_CLASSMATES_FOR_TOTALS ? c : null;
  return result;
}

/**
 * What the preference lab is told (its API, and the lesson's form without JavaScript): a student's
 * own choices and their class's totals; anyone else — a visitor, staff trying the lesson — has
 * nothing kept and no class.
 */
export async function preferencesFor(user: SessionUser | null, lessonSlug: string, saved = false): Promise<PreferencesResponse> {
  if (user?.role !== "student") return { student: false, saved: false, mine: {}, classCounts: {}, minClassmates: MIN_CLASSMATES_FOR_TOTALS };
  const [mine, classCounts] = await Promise.all([myPreferences(user, lessonSlug), classPreferenceCounts(user, lessonSlug)]);
  return { student: true, saved, mine, classCounts, minClassmates: MIN_CLASSMATES_FOR_TOTALS };
}

/** A choice made: saved for a student, then what the lab is told; null when it could not be written. */
export async function choosePreference(user: SessionUser | null, lessonSlug: string, pairId: string, choice: PreferenceChoice): Promise<PreferencesResponse | null> {
  if (user?.role === "student" && !(await stored("preference", () => savePreference(user, lessonSlug, pairId, choice)))) return null;
  return preferencesFor(user, lessonSlug, true);
}
