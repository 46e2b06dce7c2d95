/**
 * Test data through the app's own models, so tests exercise the real rules. Each test file has
 * its own database (tests/setup/file-db.ts).
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { classes, users } from "../db/schema";
import { db } from "../app/utils/db.server";
import { createSchoolWithAdmin } from "../app/models/schools.server";
import { createClass } from "../app/models/classes.server";
import { hashPassword } from "../app/utils/password.server";
import { createSession, type SessionUser } from "../app/utils/session.server";

export const PASSWORD = "correct-horse-battery";
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(PASSWORD));
const uniq = () => crypto.randomBytes(4).toString("hex");

export function asSessionUser(row: typeof users.$inferSelect): SessionUser {
  return {
    id: row.id,
    schoolId: row.schoolId,
    role: row.role,
    username: row.username,
    displayName: row.displayName,
    locale: row.locale,
    sessionId: "",
  };
}

export async function makeSchool(name = `School ${uniq()}`) {
  const email = `admin-${uniq()}@example.org`;
  const { school, admin } = await createSchoolWithAdmin({
    schoolName: name,
    displayName: "Admin",
    email,
    password: PASSWORD,
  });
  return { school, admin: asSessionUser(admin) };
}

export async function makeUser(schoolId: string, role: "student" | "teacher" | "admin", overrides: Partial<typeof users.$inferInsert> = {}) {
  const handle = `${role}-${uniq()}`;
  const [row] = await db()
    .insert(users)
    .values({
      schoolId,
      role,
      username: role === "student" ? handle : `${handle}@example.org`,
      email: role === "student" ? null : `${handle}@example.org`,
      displayName: `${role} ${handle}`,
      passwordHash: await passwordHash(),
      ...overrides,
    })
    .returning();
  return asSessionUser(row!);
}

export async function makeClass(teacher: SessionUser, name = `Class ${uniq()}`) {
  return createClass(teacher, name);
}

export async function enroll(classId: string, student: SessionUser) {
  const { enrollments } = await import("../db/schema");
  await db().insert(enrollments).values({ classId, studentId: student.id });
}

export async function makeStudentIn(classId: string, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [cls] = await db().select().from(classes).where(eq(classes.id, classId));
  const student = await makeUser(cls!.schoolId, "student", overrides);
  await enroll(classId, student);
  return student;
}

/** A Cookie header value for a fresh session of this user. */
export async function cookieFor(user: SessionUser): Promise<string> {
  const setCookie = await createSession(new Request("http://localhost/"), user.id);
  return setCookie.split(";")[0]!;
}

/** A request as a signed-in user (or anonymous), same-origin like a real form post. */
export async function requestAs(
  user: SessionUser | null,
  path: string,
  init: { method?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {},
): Promise<Request> {
  const headers = new Headers(init.headers);
  if (user) headers.set("Cookie", await cookieFor(user));
  let body: URLSearchParams | undefined;
  if (init.form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(init.form)) for (const x of [v].flat()) body.append(k, x);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}
