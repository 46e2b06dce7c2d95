/**
 * The demo school's demo data: the demo class(es) and demo students the first start seeds,
 * listed in the school's settings so staff see a banner while they exist and the admin can
 * remove them — and only them — in one transaction (decision 008).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { classes, schools, users, type SchoolSettings } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import { forgetDeletedAccounts } from "./deleted-accounts.server";
import type { SessionUser } from "~/utils/auth.server";
import { getSchoolSettings } from "./schools.server";

export type DemoData = NonNullable<SchoolSettings["demo"]>;

export async function demoDataOf(user: Pick<SessionUser, "schoolId">): Promise<DemoData | null> {
  return (await getSchoolSettings(user)).demo ?? null;
}

/**
 * Deletes the demo students (with, by cascade, their progress, answers, chats and enrollments)
 * and the demo classes (with their assignments), then forgets the list. Anything made later —
 * classes, students, teachers — stays. Returns what was removed.
 */
export async function removeDemoData(admin: SessionUser): Promise<{ students: number; classes: number }> {
  if (admin.role !== "admin") return { students: 0, classes: 0 };
  return transaction(async () => {
    const tx = db();
    const [school] = await tx
      .select({ settings: schools.settings })
      .from(schools)
      .where(eq(schools.id, admin.schoolId))
      .for("update");
    const demo = school?.settings.demo;
    if (!demo) return { students: 0, classes: 0 };
    const students = demo.studentIds.length
      ? await tx
          .delete(users)
          .where(and(inArray(users.id, demo.studentIds), eq(users.schoolId, admin.schoolId), eq(users.role, "student")))
          .returning({ id: users.id, username: users.username })
      : [];
    await forgetDeletedAccounts(students);
    const removedClasses = demo.classIds.length
      ? await tx
          .delete(classes)
          .where(and(inArray(classes.id, demo.classIds), eq(classes.schoolId, admin.schoolId)))
          .returning({ id: classes.id })
      : [];
    await tx
      .update(schools)
      .set({ settings: sql`${schools.settings} - 'demo'` })
      .where(eq(schools.id, admin.schoolId));
    return { students: students.length, classes: removedClasses.length };
  });
}
