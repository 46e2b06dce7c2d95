/**
 * Students: no email, ever. Added by their teacher in bulk (usernames and first passwords shown
 * once) or joining by themselves with a class code. Every function that touches an existing
 * student takes the acting teacher and checks, inside the query, that the student is in one of
 * that teacher's classes.
 *
 * Students belong to the school, not to a teacher (decision 008): a teacher reads a student only
 * through their own classes, and acts on the account as a whole (new password, deletion) only
 * when no other teacher's class holds the student. Otherwise that needs the school's admin.
 */
import { and, eq, inArray, ne, notExists, sql } from "drizzle-orm";
import { classes, enrollments, users } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import type { SessionUser } from "~/utils/auth.server";
import { hashNewPassword, type HashPriority } from "~/utils/password.server";
import { isUuid, requireTeacherOf } from "./classes.server";
import { generateStudentPassword, normalizeUsername } from "./credentials";
import { usernameBaseOf } from "./username-base.server";
import { nameKey } from "../utils/name-key";
import { clearAccountThrottles } from "./throttle.server";
import { forgetDeletedAccounts } from "./deleted-accounts.server";

export interface NewStudentCard {
  id: string;
  displayName: string;
  username: string;
  password: string;
}

/**
 * Picks unused usernames for many bases in one query per round (no N+1 over the class).
 * `reserved`: usernames not in the database yet but spoken for (a roster import's own).
 */
export async function allocateUsernames(bases: string[], reserved: ReadonlySet<string> = new Set()): Promise<string[]> {
  const chosen: string[] = [];
  const taken = new Set<string>(reserved);
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
  const bases = await Promise.all(names.map(async (name, i) => (await usernameBaseOf(name)) ?? `${codePrefix}-${String(i + 1).padStart(2, "0")}`));
  const usernames = await allocateUsernames(bases);
  const credentials = await firstCredentials(names.length, "now");
  return transaction(async () => {
    const created = await createStudentAccounts(teacher.schoolId, names.map((displayName, i) => ({ displayName, username: usernames[i]! })), credentials);
    await db().insert(enrollments).values(created.map((s) => ({ classId, studentId: s.id })));
    return created;
  });
}

export interface FirstCredential {
  password: string;
  hash: string;
}

/**
 * First passwords for `count` new students, hashed — before the transaction that creates them
 * opens: hashing takes ~40 ms each (a 2,000-student import: about 40 s), too long to hold a
 * transaction open. An import's are "bulk": sign-ins waiting meanwhile go first.
 */
export async function firstCredentials(count: number, priority: HashPriority): Promise<FirstCredential[]> {
  const passwords = Array.from({ length: count }, () => generateStudentPassword());
  const hashes = await Promise.all(passwords.map((p) => hashNewPassword(p, "student", priority)));
  return passwords.map((password, i) => ({ password, hash: hashes[i]! }));
}

/**
 * New student accounts with their first passwords (shown once, on printed cards): the one way a
 * teacher's list and a roster import make students. Joins the caller's transaction.
 */
export async function createStudentAccounts(
  schoolId: string,
  students: { displayName: string; username: string; sourceId?: string | null }[],
  credentials: FirstCredential[],
): Promise<NewStudentCard[]> {
  if (students.length === 0) return [];
  if (credentials.length < students.length) throw new Error("fewer first passwords than new students");
  const passwords = credentials.map((c) => c.password);
  const hashes = credentials.map((c) => c.hash);
  const created = await db()
    .insert(users)
    .values(
      students.map((s, i) => ({
        schoolId,
        role: "student" as const,
        username: s.username,
        displayName: s.displayName,
        sourceId: s.sourceId ?? null,
        passwordHash: hashes[i]!,
      })),
    )
    .returning({ id: users.id, displayName: users.displayName, username: users.username });
  return created.map((s, i) => ({ ...s, password: passwords[i]! }));
}

/**
 * A student joining with a class code chooses a display name, a username and a password. When
 * the username is taken (here or in another school on this server) the student gets it with a
 * number added, shown on their first page: the form's answer is the same either way, so it
 * reveals no one's username.
 */
export async function joinWithCode(input: {
  classId: string;
  schoolId: string;
  displayName: string;
  username: string;
  password: string;
  locale: string | null;
}): Promise<{ userId: string; username: string }> {
  const passwordHash = await hashNewPassword(input.password, "student");
  const wished = normalizeUsername(input.username);
  let username = wished;
  for (let round = 0; ; round++) {
    try {
      return await transaction(async () => {
        const tx = db();
        const [user] = await tx
          .insert(users)
          .values({
            schoolId: input.schoolId,
            role: "student",
            username,
            displayName: input.displayName,
            passwordHash,
            locale: input.locale,
          })
          .returning({ id: users.id });
        await tx.insert(enrollments).values({ classId: input.classId, studentId: user!.id });
        return { userId: user!.id, username };
      });
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      // taken (or just taken by a classmate joining at the same moment): the next free variant
      if (code !== "23505" || round >= 3) throw error;
      [username] = (await allocateUsernames([wished.slice(0, 34)])) as [string];
    }
  }
}

/** An already signed-in student joining one more class. */
export async function enrollExisting(student: SessionUser, classId: string) {
  await db().insert(enrollments).values({ classId, studentId: student.id }).onConflictDoNothing();
}

/**
 * How many safeguarding alerts of a student are still open. Deleting a student deletes their
 * messages, and with them those alerts: the delete forms say so first.
 *
 * The student is the `users` row of the query this is selected in. The column is
 * written with its table on purpose: in a query of `users` alone drizzle writes a column bare
 * ("id"), which inside this subquery meant the message's own id — the count was always 0 on the
 * admin's list of students in no class, and deleting one of them gave no warning.
 */
export function openSafeguardingOfUser() {
  return sql<number>`(select count(*)::int from playground_messages m
    where m.user_id = ${users}.id and m.severity = 'safeguarding' and m.flag_status = 'open')`;
}

/**
 * Whether a student has a safeguarding record: a message flagged for safeguarding (open or
 * handled), or the history of one whose message is gone. Deleting the student would delete it,
 * so only the school's admin may (a teacher could otherwise erase a disclosure about themselves).
 * The student is the `users` row of the query this is selected in, as above.
 */
export function safeguardingRecordOfUser() {
  return sql<boolean>`(exists (select 1 from playground_messages m where m.user_id = ${users}.id and m.severity = 'safeguarding')
    or exists (select 1 from flag_events e where e.student_id = ${users}.id and e.severity = 'safeguarding'))`;
}

export async function listClassStudents(teacher: SessionUser, classId: string) {
  await requireTeacherOf(teacher, classId);
  return db()
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      joinedAt: enrollments.createdAt,
      needsAdmin: teacher.role === "admin" ? sql<boolean>`false` : sql<boolean>`exists (${inAnotherTeachersClass(teacher, users.id)})`,
      openSafeguarding: openSafeguardingOfUser(),
      safeguardingRecord: teacher.role === "admin" ? sql<boolean>`false` : safeguardingRecordOfUser(),
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(eq(enrollments.classId, classId))
    .orderBy(users.displayName);
}

/**
 * The display names of a class's students, in one statement scoped to the teacher's own class
 * (no rows for anyone else's): for pages that already guarded the class and only need to know
 * which names two students share.
 */
export async function classDisplayNames(teacher: SessionUser, classId: string): Promise<{ displayName: string }[]> {
  if (!isUuid(classId)) return [];
  return db()
    .select({ displayName: users.displayName })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(eq(enrollments.classId, classId), eq(classes.teacherId, teacher.id)));
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

/** Enrollments of the student in classes someone other than this teacher teaches. */
function inAnotherTeachersClass(teacher: SessionUser, studentId: typeof users.id | string) {
  return db()
    .select({ one: sql`1` })
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(eq(enrollments.studentId, studentId), ne(classes.teacherId, teacher.id)));
}

/**
 * The condition, inside the statement that writes, under which the actor may change the account
 * as a whole: a new password or a deletion reaches every class the student is in, so a teacher
 * may do it only when every one of those classes is theirs; the school's admin always may.
 */
function accountWithinReach(actor: SessionUser, studentId: string) {
  const ownStudent = and(eq(users.id, studentId), eq(users.role, "student"), eq(users.schoolId, actor.schoolId));
  return actor.role === "admin" ? ownStudent : and(ownStudent, notExists(inAnotherTeachersClass(actor, studentId)));
}

export type AccountAction<T> = { ok: true; value: T } | { ok: false; reason: "needs_admin" | "safeguarding_record" };

/** A fresh password, or null when the student is beyond the actor's reach (decision 008). */
export async function issueNewPassword(actor: SessionUser, studentId: string): Promise<string | null> {
  const password = generateStudentPassword();
  const passwordHash = await hashNewPassword(password, "student");
  // A new password ends every session the old one opened, and the sign-in delays it ran into:
  // all or nothing.
  return transaction(async () => {
    const changed = await db()
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()` })
      .where(accountWithinReach(actor, studentId))
      .returning({ id: users.id, username: users.username });
    if (changed.length === 0) return null;
    await db().execute(sql`delete from sessions where user_id = ${studentId}`);
    await clearAccountThrottles(changed[0]!.username);
    return password;
  });
}

/**
 * Deletes the student with (by cascade) all their data; false when beyond the actor's reach. A
 * teacher may not delete a student who has a safeguarding record (safeguardingRecordOfUser):
 * checked in the statement that deletes, so a flag raised meanwhile is never lost.
 */
export async function deleteStudentAccount(actor: SessionUser, studentId: string): Promise<boolean> {
  const keepsRecord = actor.role === "admin" ? undefined : sql`not ${safeguardingRecordOfUser()}`;
  return transaction(async () => {
    const deleted = await db()
      .delete(users)
      .where(and(accountWithinReach(actor, studentId), keepsRecord))
      .returning({ id: users.id, username: users.username });
    await forgetDeletedAccounts(deleted);
    return deleted.length > 0;
  });
}

export async function resetStudentPassword(
  teacher: SessionUser,
  classId: string,
  studentId: string,
): Promise<AccountAction<NewStudentCard>> {
  const student = await requireStudentOf(teacher, classId, studentId);
  const password = await issueNewPassword(teacher, student.id);
  if (!password) return { ok: false, reason: "needs_admin" };
  return { ok: true, value: { id: student.id, displayName: student.displayName, username: student.username, password } };
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

/** Deletes the student unless another teacher's class holds them (then it needs the admin). */
export async function deleteStudent(teacher: SessionUser, classId: string, studentId: string): Promise<AccountAction<null>> {
  const student = await requireStudentOf(teacher, classId, studentId);
  if (await deleteStudentAccount(teacher, student.id)) return { ok: true, value: null };
  const [kept] = await db().select({ record: safeguardingRecordOfUser() }).from(users).where(eq(users.id, student.id));
  return { ok: false, reason: kept?.record && teacher.role !== "admin" ? "safeguarding_record" : "needs_admin" };
}

/**
 * The names a teacher is about to add that would give the class two students of one name:
 * already enrolled, or twice in the list itself. Each such name once, as the teacher typed it.
 */
export async function repeatedNames(teacher: SessionUser, classId: string, names: string[]): Promise<{ inClass: string[]; inList: string[] }> {
  await requireTeacherOf(teacher, classId);
  const rows = await db()
    .select({ displayName: users.displayName })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(eq(enrollments.classId, classId));
  const enrolled = new Set(rows.map((r) => nameKey(r.displayName)));
  const inClass = new Map<string, string>();
  const inList = new Map<string, string>();
  const seen = new Set<string>();
  for (const name of names) {
    const key = nameKey(name);
    if (enrolled.has(key)) inClass.set(key, inClass.get(key) ?? name);
    else if (seen.has(key)) inList.set(key, inList.get(key) ?? name);
    seen.add(key);
  }
  return { inClass: [...inClass.values()], inList: [...inList.values()] };
}
