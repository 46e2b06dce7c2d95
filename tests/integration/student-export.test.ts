/**
 * A student's data export holds everything Lantern keeps about them (a right of access is to all
 * of it): found missing in a privacy review — the language they chose, the school information
 * system's id for them, their school sign-in link, when they signed in, the lessons given to them
 * by name and the playground tokens they used each day.
 */
import { eq, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { assignments, assignmentStudents, ssoIdentities, tokenLedger, users } from "../../db/schema";
import { db } from "../../app/utils/db.server";
import { loader as ownExport } from "../../app/routes/account.export[.json]";
import { loader as teacherExport } from "../../app/routes/teach.classes.$classId.roster.$studentId.export[.json]";
import { loader as adminExport } from "../../app/routes/admin.students.$studentId.export[.json]";
import { enroll, makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

const ctx = () => ({}) as never;

/** Tables whose rows refer to a user, and what the export does with them. */
const EXPORTED = [
  "activity_log",
  "assignment_students",
  "enrollments",
  "lesson_progress",
  "playground_conversations",
  "playground_messages",
  "quiz_answers",
  "sessions",
  "sso_identities",
];
const NOT_EXPORTED: Record<string, string> = {
  classes: "its teacher_id is the class's teacher, a member of staff; a student's classes are exported through enrollments",
  invitations: "created_by is the admin who invited a teacher",
  assignments: "created_by is the teacher; a lesson given to a student by name is exported through assignment_students",
  flag_events: "the school's safeguarding record about a message, the adults' to keep (the message and its flags are in the admin's export)",
  active_streams: "a reply being streamed right now: the row lives for the seconds of one reply",
};

function tablesReferringToUsers(): string[] {
  const names = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      if (getTableConfig(fk.reference().foreignTable).name === "users") names.add(config.name);
    }
  }
  return [...names].sort();
}

describe("a student's data export", () => {
  it("covers every table that refers to a user, or says why not", () => {
    expect(tablesReferringToUsers()).toEqual([...EXPORTED, ...Object.keys(NOT_EXPORTED)].sort());
  });

  it("holds their language, school record id, school sign-in link, sign-ins, lessons given by name and tokens used — a teacher's only for their own classes", async () => {
    const { school, admin } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const colleague = await makeUser(school.id, "teacher");
    const own = await makeClass(teacher, "7B");
    const theirs = await makeClass(colleague, "Computing club");
    const student = await makeStudentIn(own.id, { displayName: "李华", locale: "zh-Hans", sourceId: "sis-4711" });
    await enroll(theirs.id, student);
    await db().insert(ssoIdentities).values({ userId: student.id, issuer: "https://accounts.example.edu", subject: "lihua-0042" });
    for (const [cls, lesson] of [
      [own, "tokens"],
      [theirs, "prompting"],
    ] as const) {
      const [row] = await db().insert(assignments).values({ classId: cls.id, lessonSlug: lesson, wholeClass: false }).returning();
      await db().insert(assignmentStudents).values({ assignmentId: row!.id, studentId: student.id });
    }
    // a lesson for the whole class is the class's, not this student's
    await db().insert(assignments).values({ classId: own.id, lessonSlug: "honesty", wholeClass: true });
    await db().insert(tokenLedger).values({ scope: "student", scopeId: student.id, day: "2026-12-01", used: 1234 });

    // the student's own download (its request signs them in: one session at least)
    const response = await ownExport({ request: await requestAs(student, "/account/export.json"), params: {}, context: ctx() });
    const text = await response.text();
    const mine = JSON.parse(text);
    expect(mine.student).toMatchObject({ displayName: "李华", language: "zh-Hans", schoolRecordId: "sis-4711" });
    expect(mine.student.passwordChangedAt).toEqual(expect.any(String));
    expect(mine.student.schoolAccounts).toEqual([{ issuer: "https://accounts.example.edu", subject: "lihua-0042", linkedAt: expect.any(String) }]);
    expect(mine.signIns.length).toBeGreaterThanOrEqual(1);
    expect(mine.signIns[0]).toEqual({ signedInAt: expect.any(String), lastSeenAt: expect.any(String), endsAt: expect.any(String), sharedComputer: false });
    expect(mine.assignedToThem.map((a: { lesson: string; className: string }) => `${a.className}: ${a.lesson}`).sort()).toEqual(["7B: tokens", "Computing club: prompting"]);
    expect(mine.playground.tokensUsedByDay).toEqual([{ day: "2026-12-01", used: 1234 }]);
    // secrets are never in it: the password's hash, a session's token hash
    const [row] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, student.id));
    expect(text).not.toContain(row!.passwordHash);
    expect(text).not.toMatch(/tokenHash|token_hash|passwordHash/);

    // the teacher's: the learning record, but only their own class's assignment
    const fromTeacher = await teacherExport({ request: await requestAs(teacher, "/x"), params: { classId: own.id, studentId: student.id }, context: ctx() });
    const taught = JSON.parse(await fromTeacher.text());
    expect(taught.assignedToThem.map((a: { lesson: string }) => a.lesson)).toEqual(["tokens"]);
    expect(taught.student.language).toBe("zh-Hans");
    expect(taught.playground.tokensUsedByDay).toEqual([{ day: "2026-12-01", used: 1234 }]);

    // the admin's: all of it
    const fromAdmin = await adminExport({ request: await requestAs(admin, "/x"), params: { studentId: student.id }, context: ctx() });
    const all = JSON.parse(await fromAdmin.text());
    expect(all.assignedToThem).toHaveLength(2);
    expect(all.student.schoolAccounts).toHaveLength(1);
  });
});
