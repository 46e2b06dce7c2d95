/**
 * Students: no email, ever. Added by their teacher in bulk (usernames and first passwords shown
 * once) or joining by themselves with a class code. Every function that touches an existing
 * student takes the acting teacher and checks, inside the query, that the student is in one of
 * that teacher's classes.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  activityLog,
  classes,
  enrollments,
  lessonProgress,
  playgroundConversations,
  playgroundMessages,
  quizAnswers,
  users,
} from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import type { SessionUser } from "~/utils/auth.server";
import { hashPassword } from "~/utils/password.server";
import { isUuid, requireTeacherOf } from "./classes.server";
import { generateStudentPassword, normalizeUsername, usernameBase } from "./credentials";

export interface NewStudentCard {
  id: string;
  displayName: string;
  username: string;
  password: string;
}

/** Picks unused usernames for many bases in one query per round (no N+1 over the class). */
async function allocateUsernames(bases: string[]): Promise<string[]> {
  const chosen: string[] = [];
  const taken = new Set<string>();
  const candidates = (base: string) => [base, ...Array.from({ length: 30 }, (_, i) => `${base}${i + 2}`)];
  const all = [...new Set(bases.flatMap(candidates))];
  const rows = await db()
    .select({ u: sql<string>`lower(${users.username})` })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, all));
  for (const r of rows) taken.add(r.u);
  for (const base of bases) {
    let pick = candidates(base).find((c) => !taken.has(c));
    // 30 namesakes on one server: fall back to a random suffix.
    pick ??= `${base}-${Math.random().toString(36).slice(2, 7)}`;
    taken.add(pick);
    chosen.push(pick);
  }
  return chosen;
}

export async function addStudents(teacher: SessionUser, classId: string, names: string[]): Promise<NewStudentCard[]> {
  const cls = await requireTeacherOf(teacher, classId);
  const codePrefix = cls.joinCode.toLowerCase();
  const bases = names.map((name, i) => usernameBase(name) ?? `${codePrefix}-${String(i + 1).padStart(2, "0")}`);
  const usernames = await allocateUsernames(bases);
  const passwords = names.map(() => generateStudentPassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  return transaction(async () => {
    const tx = db();
    const created = await tx
      .insert(users)
      .values(
        names.map((displayName, i) => ({
          schoolId: teacher.schoolId,
          role: "student" as const,
          username: usernames[i]!,
          displayName,
          passwordHash: hashes[i]!,
        })),
      )
      .returning({ id: users.id, displayName: users.displayName, username: users.username });
    await tx.insert(enrollments).values(created.map((s) => ({ classId, studentId: s.id })));
    return created.map((s, i) => ({ ...s, password: passwords[i]! }));
  });
}

/** A student joining with a class code chooses a display name, a username and a password. */
export async function joinWithCode(input: {
  classId: string;
  schoolId: string;
  displayName: string;
  username: string;
  password: string;
  locale: string | null;
}): Promise<{ ok: true; userId: string } | { ok: false; reason: "username_taken" }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async () => {
      const tx = db();
      const [user] = await tx
        .insert(users)
        .values({
          schoolId: input.schoolId,
          role: "student",
          username: normalizeUsername(input.username),
          displayName: input.displayName,
          passwordHash,
          locale: input.locale,
        })
        .returning({ id: users.id });
      await tx.insert(enrollments).values({ classId: input.classId, studentId: user!.id });
      return { ok: true as const, userId: user!.id };
    });
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === "23505") return { ok: false, reason: "username_taken" };
    throw error;
  }
}

/** An already signed-in student joining one more class. */
export async function enrollExisting(student: SessionUser, classId: string) {
  await db().insert(enrollments).values({ classId, studentId: student.id }).onConflictDoNothing();
}

export async function listClassStudents(teacher: SessionUser, classId: string) {
  await requireTeacherOf(teacher, classId);
  return db()
    .select({ id: users.id, displayName: users.displayName, username: users.username, joinedAt: enrollments.createdAt })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(eq(enrollments.classId, classId))
    .orderBy(users.displayName);
}

/** The student if enrolled in this teacher's class, otherwise a 404. */
export async function requireStudentOf(teacher: SessionUser, classId: string, studentId: string) {
  await requireTeacherOf(teacher, classId);
  if (!isUuid(studentId)) notFound();
  const [row] = await db()
    .select({ id: users.id, displayName: users.displayName, username: users.username, createdAt: users.createdAt })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(
      and(
        eq(enrollments.classId, classId),
        eq(enrollments.studentId, studentId),
        eq(classes.teacherId, teacher.id),
        eq(users.role, "student"),
      ),
    );
  if (!row) notFound();
  return row;
}

export async function resetStudentPassword(teacher: SessionUser, classId: string, studentId: string) {
  const student = await requireStudentOf(teacher, classId, studentId);
  const password = generateStudentPassword();
  const passwordHash = await hashPassword(password);
  // A new password ends every session the old one opened: both or neither.
  await transaction(async () => {
    await db().update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, student.id));
    await db().execute(sql`delete from sessions where user_id = ${student.id}`);
  });
  return { ...student, password };
}

export async function removeFromClass(teacher: SessionUser, classId: string, studentId: string) {
  await requireStudentOf(teacher, classId, studentId);
  await db()
    .delete(enrollments)
    .where(and(eq(enrollments.classId, classId), eq(enrollments.studentId, studentId)));
}

export async function moveToClass(teacher: SessionUser, fromClassId: string, studentId: string, toClassId: string) {
  await requireStudentOf(teacher, fromClassId, studentId);
  await requireTeacherOf(teacher, toClassId);
  await transaction(async () => {
    const tx = db();
    await tx.delete(enrollments).where(and(eq(enrollments.classId, fromClassId), eq(enrollments.studentId, studentId)));
    await tx.insert(enrollments).values({ classId: toClassId, studentId }).onConflictDoNothing();
  });
}

/** Everything Lantern holds on one student, for the teacher to hand over (privacy request). */
export async function exportStudentData(teacher: SessionUser, classId: string, studentId: string) {
  const student = await requireStudentOf(teacher, classId, studentId);
  const [progress, answers, activity, conversations, messages, memberships] = await Promise.all([
    db().select().from(lessonProgress).where(eq(lessonProgress.userId, studentId)),
    db().select().from(quizAnswers).where(eq(quizAnswers.userId, studentId)),
    db().select().from(activityLog).where(eq(activityLog.actorId, studentId)),
    db().select().from(playgroundConversations).where(eq(playgroundConversations.userId, studentId)),
    db().select().from(playgroundMessages).where(eq(playgroundMessages.userId, studentId)),
    db()
      .select({ className: classes.name, joinedAt: enrollments.createdAt })
      .from(enrollments)
      .innerJoin(classes, eq(classes.id, enrollments.classId))
      .where(eq(enrollments.studentId, studentId)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    student: { displayName: student.displayName, username: student.username, createdAt: student.createdAt },
    classes: memberships,
    lessonProgress: progress,
    quizAnswers: answers,
    activity,
    playground: { conversations, messages },
  };
}

/** Deletes the student and, by cascade, all their progress, answers, activity and messages. */
export async function deleteStudent(teacher: SessionUser, classId: string, studentId: string) {
  const student = await requireStudentOf(teacher, classId, studentId);
  await db().delete(users).where(and(eq(users.id, student.id), eq(users.role, "student")));
}
