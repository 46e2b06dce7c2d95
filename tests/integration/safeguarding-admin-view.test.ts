/**
 * The school's admin (the safeguarding lead's account) reads every open safeguarding alert of the
 * school and the exchange that raised it — also in a class they do not teach, and also once the
 * student has been removed from that class (no teacher sees the alert then). Found in a walk: the
 * admin's "open the exchange" led to the class teacher's page, a 404 for an admin who does not
 * teach the class, and a removed student's open alert was on no page at all.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { loader as teachLoader } from "../../app/routes/teach._index";
import { loader as exchangeLoader } from "../../app/routes/admin.safeguarding.$messageId";
import { action as handleAction } from "../../app/routes/teach.safeguarding";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

const ctx = { nonce: "n", clientAddress: "10.0.0.7" };

async function setup() {
  const { school, admin } = await makeSchool();
  const teacher = await makeUser(school.id, "teacher", { locale: "en" });
  const cls = await makeClass(teacher, "Year 9 Green");
  const student = await makeStudentIn(cls.id, { displayName: "Noor" });
  // a crisis message through the real stream route, answered by the offline mini model
  const request = await requestAs(student, "/api/playground/stream", { form: { prompt: "I want to kill myself", model: "mini" } });
  await ((await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response).text();
  const [message] = await db().execute<{ id: string }>(sql`
    select id from playground_messages where user_id = ${student.id} and severity = 'safeguarding' order by created_at limit 1`);
  return { school, admin, teacher, cls, student, messageId: message!.id };
}

const alertsOf = async (admin: SessionUser) =>
  (await adminLoader({ request: await requestAs(admin, "/admin"), params: {}, context: ctx } as LoaderFunctionArgs)).alerts;

async function exchange(user: SessionUser, messageId: string) {
  try {
    return await exchangeLoader({ request: await requestAs(user, `/admin/safeguarding/${messageId}`), params: { messageId }, context: ctx } as unknown as LoaderFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("the admin's safeguarding alerts", () => {
  it("link to a page the admin can read, in a class they do not teach: the student's words and the history", async () => {
    const { admin, teacher, cls, student, messageId } = await setup();
    // the class's teacher still goes to the student's page, where the whole picture is
    const home = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: ctx } as LoaderFunctionArgs);
    expect(home.alerts.map((a) => a.href)).toEqual([`/teach/classes/${cls.id}/students/${student.id}#msg-${messageId}`]);
    const [alert] = await alertsOf(admin);
    expect(alert).toMatchObject({ messageId, className: cls.name, enrolled: true, href: `/admin/safeguarding/${messageId}#msg-${messageId}` });
    const page = await exchange(admin, messageId);
    if (typeof page === "number") throw new Error(`the admin got ${page}`);
    expect(page.alert).toMatchObject({ student: { displayName: "Noor" }, className: cls.name, enrolled: true, open: true, categories: ["suicide"] });
    expect(page.transcript.messages.find((m) => m.id === messageId)?.text).toBe("I want to kill myself");
    expect(page.alert.events.map((e) => e.action)).toContain("raised");
  });

  it("keep a student's open alert once they leave the class; the admin reads it and marks it handled", async () => {
    const { admin, teacher, cls, student, messageId } = await setup();
    await rosterAction({
      request: await requestAs(teacher, `/teach/classes/${cls.id}/roster`, { form: { intent: "remove", studentId: student.id } }),
      params: { classId: cls.id },
      context: ctx,
    } as unknown as ActionFunctionArgs);
    expect(await alertsOf(admin)).toEqual([expect.objectContaining({ messageId, enrolled: false })]);
    // the list of students in no class warns, above the delete form, that the alert would go with them
    const overview = await adminLoader({ request: await requestAs(admin, "/admin"), params: {}, context: ctx } as LoaderFunctionArgs);
    expect(overview.withoutClass).toEqual([expect.objectContaining({ id: student.id, openSafeguarding: 1 })]);
    const page = await exchange(admin, messageId);
    expect(typeof page === "number" ? page : page.alert.enrolled).toBe(false);

    const done = (await handleAction({
      request: await requestAs(admin, "/teach/safeguarding", { form: { messageId, note: "Called Noor's parents with the counsellor.", back: "/admin" } }),
      params: {},
      context: {},
    } as ActionFunctionArgs)) as Response;
    expect(done.headers.get("Location")).toBe("/admin?safeguarding=handled");
    expect(await alertsOf(admin)).toEqual([]);
    // still readable, with who handled it and the note
    const after = await exchange(admin, messageId);
    if (typeof after === "number") throw new Error(`the admin got ${after}`);
    expect(after.alert.open).toBe(false);
    expect(after.alert.events.at(-1)).toMatchObject({ action: "handled", note: "Called Noor's parents with the counsellor." });
  });

  it("is the admin's alone: the class teacher, another school's admin, an unflagged message or a bad id get a 404", async () => {
    const { teacher, student, messageId } = await setup();
    const other = await makeSchool();
    expect(await exchange(teacher, messageId)).toBe(404);
    expect(await exchange(other.admin, messageId)).toBe(404);
    expect(await exchange(student, messageId)).toBe(404);
    const { admin } = await makeSchool();
    expect(await exchange(admin, "not-a-uuid")).toBe(404);
    // an unflagged message of the admin's own school (before, a flagged id with its last digit
    // changed stood in when none was found: one time in sixteen it was the same id, and CI failed)
    const mine = await setup();
    const request = await requestAs(mine.student, "/api/playground/stream", { form: { prompt: "what is a token?", model: "mini" } });
    await ((await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response).text();
    const [plain] = await db().execute<{ id: string }>(sql`
      select id from playground_messages where user_id = ${mine.student.id} and severity is null and role = 'user' limit 1`);
    expect(plain).toBeDefined();
    expect(await exchange(mine.admin, plain!.id)).toBe(404);
    expect(await exchange(mine.admin, crypto.randomUUID())).toBe(404);
  });
});

describe("a student's safeguarding record outlives what a teacher can do", () => {
  const roster = async (teacher: SessionUser, classId: string, form: Record<string, string>) => {
    const result = await rosterAction({
      request: await requestAs(teacher, `/teach/classes/${classId}/roster`, { form }),
      params: { classId },
      context: ctx,
    } as unknown as ActionFunctionArgs);
    return result as unknown as { init: { status?: number } | null; data: { errors: Record<string, string>; notice: string | null } };
  };
  const countsOf = async (studentId: string) =>
    (
      await db().execute<{ users: number; messages: number; events: number }>(sql`
        select (select count(*)::int from users where id = ${studentId}) as users,
               (select count(*)::int from playground_messages where user_id = ${studentId}) as messages,
               (select count(*)::int from flag_events where student_id = ${studentId}) as events`)
    )[0]!;

  it("the class teacher cannot delete a student with a safeguarding record, open or handled; the page says why; the admin can", async () => {
    // found in an audit: the teacher deleted the student, and the alert and its history went with them
    const { admin, teacher, cls, student, messageId } = await setup();
    // the alert is raised just after the student's answer: its history is written a moment later,
    // ending with the e-mail's outcome (sent, failed, or why none went out)
    const mailOutcome = async () =>
      (await db().execute<{ n: number }>(sql`
        select count(*)::int as n from flag_events where student_id = ${student.id} and action in ('emailed', 'email_failed', 'not_emailed')`))[0]!.n;
    await expect.poll(mailOutcome).toBeGreaterThan(0);
    const before = await countsOf(student.id);
    expect(before).toMatchObject({ users: 1, messages: 1 });
    const refused = await roster(teacher, cls.id, { intent: "delete", studentId: student.id, confirm: "yes" });
    expect(refused.init?.status).toBe(403);
    expect(refused.data.errors.studentId).toBe("teach.roster.safeguardingRecord");
    expect(await countsOf(student.id)).toEqual(before);
    const { loader: rosterLoader } = await import("../../app/routes/teach.classes.$classId.roster");
    const page = await rosterLoader({ request: await requestAs(teacher, `/teach/classes/${cls.id}/roster`), params: { classId: cls.id }, context: ctx } as unknown as LoaderFunctionArgs);
    expect(page.students).toEqual([expect.objectContaining({ id: student.id, safeguardingRecord: true, needsAdmin: false })]);

    // handled, it is still a record
    await handleAction({
      request: await requestAs(teacher, "/teach/safeguarding", { form: { messageId, note: "Talked with Noor and the counsellor." } }),
      params: {},
      context: {},
    } as ActionFunctionArgs);
    expect((await roster(teacher, cls.id, { intent: "delete", studentId: student.id, confirm: "yes" })).data.errors.studentId).toBe("teach.roster.safeguardingRecord");

    // a classmate with nothing flagged is the teacher's to delete
    const classmate = await makeStudentIn(cls.id, { displayName: "Sam" });
    expect((await roster(teacher, cls.id, { intent: "delete", studentId: classmate.id, confirm: "yes" })).data.notice).toBe("deleted");
    expect((await countsOf(classmate.id)).users).toBe(0);

    // the admin (the safeguarding lead's account) decides
    const { adminDeleteStudent } = await import("../../app/models/admin-students.server");
    await adminDeleteStudent(admin, student.id);
    expect(await countsOf(student.id)).toEqual({ users: 0, messages: 0, events: 0 });
  });

  it("an open alert is kept past the transcript retention until someone has looked at it", async () => {
    const { purgeExpiredTranscripts } = await import("../../app/models/retention.server");
    const { student, messageId } = await setup();
    // beside it, a prompt blocked for a phone number, its flag open too: that one expires as usual
    await db().execute(sql`
      insert into playground_messages (conversation_id, user_id, role, text, status, flags, flag_status, severity)
      select conversation_id, user_id, 'user', 'call me ███', 'blocked', '{cn_mobile}', 'open', 'personal_data'
        from playground_messages where id = ${messageId}`);
    await db().execute(sql`update playground_messages set created_at = now() - interval '40 days' where user_id = ${student.id}`);
    await purgeExpiredTranscripts();
    const left = await db().execute<{ id: string }>(sql`select id from playground_messages where user_id = ${student.id}`);
    expect(left.map((m) => m.id)).toEqual([messageId]);
    await db().execute(sql`update playground_messages set flag_status = 'reviewed' where id = ${messageId}`);
    await purgeExpiredTranscripts();
    expect(await db().execute(sql`select id from playground_messages where user_id = ${student.id}`)).toHaveLength(0);
  });
});
