/**
 * The school's admin acting on any student of the school (decision 008): a new password, a full
 * export or a deletion for a student several teachers share — what no single teacher may do.
 * Every query is limited to the admin's school; another school's student is a 404.
 */
import { and, eq, sql } from "drizzle-orm";
import { classes, enrollments, users } from "../../db/schema";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import type { SessionUser } from "~/utils/auth.server";
import { isUuid } from "./classes.server";
import { deleteStudentAccount, issueNewPassword, type NewStudentCard, openSafeguardingOfUser } from "./students.server";
import { collectStudentData } from "./student-export.server";

/** The student if they belong to the admin's school, otherwise a 404. */
export async function requireSchoolStudent(admin: SessionUser, studentId: string) {
  if (admin.role !== "admin" || !isUuid(studentId)) notFound();
  const [row] = await db()
    .select({ id: users.id, displayName: users.displayName, username: users.username, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.id, studentId), eq(users.schoolId, admin.schoolId), eq(users.role, "student")));
  if (!row) notFound();
  return row;
}

export async function adminResetPassword(admin: SessionUser, studentId: string): Promise<NewStudentCard> {
  const student = await requireSchoolStudent(admin, studentId);
  const password = await issueNewPassword(admin, student.id);
  if (!password) notFound(); // deleted meanwhile
  return { id: student.id, displayName: student.displayName, username: student.username, password };
}

export async function adminDeleteStudent(admin: SessionUser, studentId: string): Promise<void> {
  const student = await requireSchoolStudent(admin, studentId);
  await deleteStudentAccount(admin, student.id);
}

/** Everything Lantern holds on the student, across every class (a privacy request). */
export async function adminExportStudent(admin: SessionUser, studentId: string) {
  return collectStudentData((await requireSchoolStudent(admin, studentId)).id, "all");
}

/** Enough for any school's stragglers; more than this means something else went wrong. */
const STUDENTS_WITHOUT_CLASS_SHOWN = 500;

/**
 * The school's students who are in no class: removed from their last one, or left behind by an
 * import. No teacher sees them any more, so the admin's overview lists them, to delete or export
 * (a walk through the teacher's pages found such a student no page could reach).
 */
export async function listStudentsWithoutClass(admin: SessionUser) {
  if (admin.role !== "admin") notFound();
  return db()
    .select({ id: users.id, displayName: users.displayName, username: users.username, openSafeguarding: openSafeguardingOfUser() })
    .from(users)
    .where(
      and(
        eq(users.schoolId, admin.schoolId),
        eq(users.role, "student"),
        sql`not exists (select 1 from enrollments e where e.student_id = ${users.id})`,
      ),
    )
    .orderBy(users.displayName)
    .limit(STUDENTS_WITHOUT_CLASS_SHOWN);
}

/** The students of any class of the admin's school, for the admin's account actions. */
export async function listSchoolClassStudents(admin: SessionUser, classId: string) {
  if (admin.role !== "admin" || !isUuid(classId)) notFound();
  return db()
    .select({ id: users.id, displayName: users.displayName, username: users.username, openSafeguarding: openSafeguardingOfUser() })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(eq(enrollments.classId, classId), eq(classes.schoolId, admin.schoolId)))
    .orderBy(users.displayName);
}
