/**
 * What Lantern holds on one student, as a JSON download: for the student themselves (the account
 * page), their teacher (their own classes' part) and the school's admin (all of it). A right of
 * access is to every piece of personal data, so this reads every table that keeps something about
 * the student; `tests/integration/student-export.test.ts` fails when a table that refers to a user
 * is added and neither exported here nor listed there with the reason it is not.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  activityLog,
  assignments,
  assignmentStudents,
  classes,
  enrollments,
  lessonProgress,
  playgroundConversations,
  playgroundMessages,
  quizAnswers,
  sessions,
  ssoIdentities,
  tokenLedger,
  users,
} from "../../db/schema";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import type { SessionUser } from "~/utils/auth.server";
import { requireStudentOf } from "./students.server";

/**
 * What Lantern holds on one student, as far as `classIds` reach: the account and the learning
 * record (progress, answers, activity, sign-ins, tokens used — one per student, shown on every
 * class page of theirs) in full, the playground, the memberships and the lessons assigned to them
 * by name only for those classes. `"all"` is the admin's whole view.
 */
export async function collectStudentData(studentId: string, classIds: string[] | "all") {
  const inScope = (column: typeof classes.id | typeof playgroundConversations.classId | typeof assignments.classId) =>
    classIds === "all" ? undefined : classIds.length === 0 ? sql`false` : inArray(column, classIds);
  const conversations = await db()
    .select()
    .from(playgroundConversations)
    .where(and(eq(playgroundConversations.userId, studentId), inScope(playgroundConversations.classId)));
  const conversationIds = conversations.map((c) => c.id);
  const [account, progress, answers, activity, messages, memberships, assigned, signIns, schoolAccounts, tokens] = await Promise.all([
    // the language they chose (null: the browser's), the school information system's id for them
    // when the roster was imported, when their password was last set
    db()
      .select({
        displayName: users.displayName,
        username: users.username,
        createdAt: users.createdAt,
        language: users.locale,
        schoolRecordId: users.sourceId,
        passwordChangedAt: users.passwordChangedAt,
      })
      .from(users)
      .where(eq(users.id, studentId)),
    db().select().from(lessonProgress).where(eq(lessonProgress.userId, studentId)),
    db().select().from(quizAnswers).where(eq(quizAnswers.userId, studentId)),
    db().select().from(activityLog).where(eq(activityLog.actorId, studentId)),
    conversationIds.length === 0
      ? Promise.resolve([])
      : db().select().from(playgroundMessages).where(inArray(playgroundMessages.conversationId, conversationIds)),
    db()
      .select({ className: classes.name, joinedAt: enrollments.createdAt })
      .from(enrollments)
      .innerJoin(classes, eq(classes.id, enrollments.classId))
      .where(and(eq(enrollments.studentId, studentId), inScope(classes.id))),
    // lessons given to the whole class are the class's; these were given to this student by name
    db()
      .select({ className: classes.name, lesson: assignments.lessonSlug, dueAt: assignments.dueAt, instructions: assignments.instructions, assignedAt: assignments.createdAt })
      .from(assignmentStudents)
      .innerJoin(assignments, eq(assignments.id, assignmentStudents.assignmentId))
      .innerJoin(classes, eq(classes.id, assignments.classId))
      .where(and(eq(assignmentStudents.studentId, studentId), inScope(assignments.classId))),
    // when and for how long they were signed in; never the session's token (only its hash is kept)
    db()
      .select({ signedInAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, endsAt: sessions.expiresAt, sharedComputer: sql<boolean>`${sessions.idleMinutes} is not null` })
      .from(sessions)
      .where(eq(sessions.userId, studentId)),
    db().select({ issuer: ssoIdentities.issuer, subject: ssoIdentities.subject, linkedAt: ssoIdentities.createdAt }).from(ssoIdentities).where(eq(ssoIdentities.userId, studentId)),
    db()
      .select({ day: tokenLedger.day, used: tokenLedger.used })
      .from(tokenLedger)
      .where(and(eq(tokenLedger.scope, "student"), eq(tokenLedger.scopeId, studentId))),
  ]);
  // deleted while the export was being read
  if (!account[0]) notFound();
  return {
    exportedAt: new Date().toISOString(),
    student: { ...account[0], schoolAccounts },
    classes: memberships,
    assignedToThem: assigned,
    lessonProgress: progress,
    quizAnswers: answers,
    activity,
    signIns,
    playground: { conversations, messages, tokensUsedByDay: tokens },
  };
}

/**
 * A student's own download of what Lantern holds on them (the account page): all of it, as the
 * admin's export has it, less the school's safeguarding record about their messages (the flags,
 * their severity and state, the rules a crisis matched), which is the adults' to keep. Their words
 * are all there.
 */
export async function exportOwnData(user: SessionUser) {
  if (user.role !== "student") notFound();
  const exported = await collectStudentData(user.id, "all");
  const messages = exported.playground.messages.map(({ flags: _flags, flagStatus: _status, severity: _severity, crisis: _crisis, ...message }) => message);
  const conversations = exported.playground.conversations.map(({ crisisAt: _crisisAt, ...conversation }) => conversation);
  return { ...exported, playground: { ...exported.playground, conversations, messages } };
}

/** The student's data as this teacher may see it: only their own classes' playground, memberships and assignments. */
export async function exportStudentData(teacher: SessionUser, classId: string, studentId: string) {
  const student = await requireStudentOf(teacher, classId, studentId);
  if (teacher.role === "admin") return collectStudentData(student.id, "all");
  const own = await db().select({ id: classes.id }).from(classes).where(eq(classes.teacherId, teacher.id));
  return collectStudentData(student.id, own.map((c) => c.id));
}
