/**
 * Classes, as their teacher sees them. Every function takes the acting teacher and filters by
 * them inside the query: another teacher's class id is simply not found (a 404).
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { classes, type PlaygroundPolicy } from "../../db/schema";
import { db } from "~/utils/db.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import { notFound } from "~/utils/http.server";
import type { SessionUser } from "~/utils/auth.server";
import { defaultPlaygroundPolicy } from "./defaults.server";
import { generateJoinCode } from "./join-code";
import { getSchoolSettings } from "./schools.server";

export type ClassRow = typeof classes.$inferSelect;

const UNIQUE_VIOLATION = "23505";

/** Retries with a fresh code on the (rare) collision with an existing one. */
async function withFreshJoinCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (code !== UNIQUE_VIOLATION || attempt >= 5) throw error;
    }
  }
}

export async function createClass(teacher: SessionUser, name: string): Promise<ClassRow> {
  const settings = await getSchoolSettings(teacher);
  return withFreshJoinCode(async (joinCode) => {
    const [row] = await db()
      .insert(classes)
      .values({
        schoolId: teacher.schoolId,
        teacherId: teacher.id,
        name,
        joinCode,
        playgroundPolicy: defaultPlaygroundPolicy(settings),
      })
      .returning();
    return row!;
  });
}

/** requireTeacherOf: the class if this teacher teaches it, otherwise a 404. */
export async function requireTeacherOf(teacher: SessionUser, classId: string): Promise<ClassRow> {
  if (!isUuid(classId)) notFound();
  // a class page's frame and the page itself both ask: read once per page
  const row = await oncePerRequest(`teacher-class:${teacher.id}:${classId}`, async () => {
    const [found] = await db()
      .select()
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
    return found;
  });
  if (!row) notFound();
  return row;
}

/** Any class of the admin's own school (read-only views), otherwise a 404. */
export async function requireSchoolClass(admin: SessionUser, classId: string) {
  if (!isUuid(classId)) notFound();
  const [row] = await db().execute<{ id: string; name: string; teacher_name: string; archived: boolean }>(sql`
    select c.id, c.name, t.display_name as teacher_name, c.archived_at is not null as archived
    from classes c join users t on t.id = c.teacher_id
    where c.id = ${classId} and c.school_id = ${admin.schoolId}`);
  if (!row) notFound();
  return { id: row.id, name: row.name, teacherName: row.teacher_name, archived: row.archived };
}

export async function listTeacherClasses(teacher: SessionUser, { includeArchived = false } = {}) {
  return db()
    .select()
    .from(classes)
    .where(and(eq(classes.teacherId, teacher.id), includeArchived ? undefined : isNull(classes.archivedAt)))
    .orderBy(asc(classes.name));
}

export async function renameClass(teacher: SessionUser, classId: string, name: string) {
  await requireTeacherOf(teacher, classId);
  await db().update(classes).set({ name }).where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
}

/** The dashboard's low quiz score threshold, in percent of the questions (1–100, validated by the form). */
export async function setLowScorePercent(teacher: SessionUser, classId: string, lowScorePercent: number) {
  await db()
    .update(classes)
    .set({ lowScorePercent })
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
}

export async function setArchived(teacher: SessionUser, classId: string, archived: boolean) {
  await requireTeacherOf(teacher, classId);
  await db()
    .update(classes)
    .set({ archivedAt: archived ? sql`now()` : null })
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
}

export async function resetJoinCode(teacher: SessionUser, classId: string): Promise<string> {
  await requireTeacherOf(teacher, classId);
  return withFreshJoinCode(async (joinCode) => {
    await db()
      .update(classes)
      .set({ joinCode })
      .where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
    return joinCode;
  });
}

export async function setJoinEnabled(teacher: SessionUser, classId: string, enabled: boolean) {
  await requireTeacherOf(teacher, classId);
  await db()
    .update(classes)
    .set({ joinEnabled: enabled })
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
}

export async function updatePlaygroundPolicy(teacher: SessionUser, classId: string, policy: PlaygroundPolicy) {
  await requireTeacherOf(teacher, classId);
  await db()
    .update(classes)
    .set({ playgroundPolicy: policy })
    .where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
}

/** For /join: an open, unarchived class with this code (codes are public by design). */
export async function findJoinableClass(joinCode: string) {
  const [row] = await db()
    .select({ id: classes.id, name: classes.name, schoolId: classes.schoolId })
    .from(classes)
    .where(and(eq(classes.joinCode, joinCode), eq(classes.joinEnabled, true), isNull(classes.archivedAt)));
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
