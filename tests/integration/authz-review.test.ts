/**
 * A security review of the routes around safeguarding and students (decisions 006, 008): each
 * request made as the wrong person — anonymous, a student, a teacher of another class, the admin
 * of another school — or with a malformed or unknown id is refused with a redirect to sign in, a
 * 403 or a 404, never a 500 and never the data.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action as safeguardingAction, loader as safeguardingLoader } from "../../app/routes/teach.safeguarding";
import { loader as adminExport } from "../../app/routes/admin.students.$studentId.export[.json]";
import { loader as teacherExport } from "../../app/routes/teach.classes.$classId.roster.$studentId.export[.json]";
import { action as rosterAction, loader as rosterLoader } from "../../app/routes/teach.classes.$classId.roster";
import { loader as studentPage } from "../../app/routes/teach.classes.$classId.students.$studentId";
import { loader as adminClass } from "../../app/routes/admin.classes.$classId";
import { action as adminSettingsAction } from "../../app/routes/admin.settings";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

type Handler = (args: never) => Promise<unknown>;

/** The status a route answers with, whether it returns or throws its Response. */
async function statusOf(handler: Handler, user: SessionUser | null, path: string, params: Record<string, string>, form?: Record<string, string>, headers?: Record<string, string>) {
  const request = await requestAs(user, path, { form, headers });
  try {
    const result = await handler({ request, params, context: {} } as never);
    return result instanceof Response ? result.status : (result as { init?: { status?: number } })?.init?.status ?? 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function world() {
  const { school, admin } = await makeSchool();
  const teacher = await makeUser(school.id, "teacher", { locale: "en" });
  const cls = await makeClass(teacher, "Year 8 Blue");
  const student = await makeStudentIn(cls.id, { displayName: "Mia" });
  const colleague = await makeUser(school.id, "teacher", { locale: "en" });
  const colleagueClass = await makeClass(colleague, "Year 9 Red");
  const other = await makeSchool();
  const otherTeacher = await makeUser(other.school.id, "teacher", { locale: "en" });
  const otherClass = await makeClass(otherTeacher, "Elsewhere");
  return { admin, teacher, cls, student, colleague, colleagueClass, otherAdmin: other.admin, otherTeacher, otherClass };
}

const REFUSED = [302, 303, 400, 401, 403, 404];
const BAD_IDS = ["not-a-uuid", "00000000-0000-4000-8000-000000000000", "%00", "' or 1=1 --", "..%2F..%2Fetc"];

describe("the wrong person is refused, never a 500", () => {
  it("student data: exports, the student's page and the roster", async () => {
    const w = await world();
    const p = { classId: w.cls.id, studentId: w.student.id };
    const checks: [string, Handler, SessionUser | null, string, Record<string, string>, Record<string, string>?][] = [
      ["admin export, anonymous", adminExport, null, `/admin/students/${w.student.id}/export.json`, p],
      ["admin export, student", adminExport, w.student, `/admin/students/${w.student.id}/export.json`, p],
      ["admin export, teacher", adminExport, w.teacher, `/admin/students/${w.student.id}/export.json`, p],
      ["admin export, other school's admin", adminExport, w.otherAdmin, `/admin/students/${w.student.id}/export.json`, p],
      ["teacher export, colleague", teacherExport, w.colleague, "/x", p],
      ["teacher export, colleague via own class", teacherExport, w.colleague, "/x", { classId: w.colleagueClass.id, studentId: w.student.id }],
      ["teacher export, student self", teacherExport, w.student, "/x", p],
      ["student page, colleague", studentPage, w.colleague, "/x", p],
      ["student page, other school's admin", studentPage, w.otherAdmin, "/x", p],
      ["roster, other school's teacher", rosterLoader, w.otherTeacher, "/x", p],
      ["admin class page, other school's admin", adminClass, w.otherAdmin, "/x", { classId: w.cls.id }],
      ["admin class page, teacher", adminClass, w.teacher, "/x", { classId: w.cls.id }],
      ["roster move into a colleague's class", rosterAction, w.teacher, "/x", p, { intent: "move", studentId: w.student.id, toClassId: w.colleagueClass.id }],
      ["roster move into another school's class", rosterAction, w.teacher, "/x", p, { intent: "move", studentId: w.student.id, toClassId: w.otherClass.id }],
      ["roster delete, colleague via own class", rosterAction, w.colleague, "/x", { classId: w.colleagueClass.id }, { intent: "delete", studentId: w.student.id, confirm: "DELETE" }],
      ["roster reset, colleague via own class", rosterAction, w.colleague, "/x", { classId: w.colleagueClass.id }, { intent: "reset", studentId: w.student.id }],
      ["remove demo data, teacher", adminSettingsAction, w.teacher, "/admin/settings", {}, { intent: "remove-demo", confirm: "on" }],
      ["remove demo data, student", adminSettingsAction, w.student, "/admin/settings", {}, { intent: "remove-demo", confirm: "on" }],
      ["safeguarding settings, teacher", adminSettingsAction, w.teacher, "/admin/settings", {}, { intent: "safeguarding", sendCrisisToModel: "on" }],
      ["mark handled, student", safeguardingAction, w.student, "/teach/safeguarding", {}, { messageId: "00000000-0000-4000-8000-000000000000", note: "x" }],
      ["mark handled, anonymous", safeguardingAction, null, "/teach/safeguarding", {}, { messageId: "00000000-0000-4000-8000-000000000000", note: "x" }],
      ["mark handled, unknown message", safeguardingAction, w.teacher, "/teach/safeguarding", {}, { messageId: "00000000-0000-4000-8000-000000000000", note: "x" }],
      ["mark handled, open redirect", safeguardingAction, w.teacher, "/teach/safeguarding", {}, { messageId: "bad", note: "x", back: "//evil.example" }],
      ["safeguarding page, student", safeguardingLoader, w.student, "/teach/safeguarding", {}],
    ];
    for (const id of BAD_IDS) {
      checks.push([`admin export, bad id ${id}`, adminExport, w.admin, "/x", { studentId: id }]);
      checks.push([`teacher export, bad id ${id}`, teacherExport, w.teacher, "/x", { classId: w.cls.id, studentId: id }]);
      checks.push([`teacher export, bad class ${id}`, teacherExport, w.teacher, "/x", { classId: id, studentId: w.student.id }]);
      checks.push([`student page, bad id ${id}`, studentPage, w.teacher, "/x", { classId: w.cls.id, studentId: id }]);
      checks.push([`admin class, bad id ${id}`, adminClass, w.admin, "/x", { classId: id }]);
      checks.push([`roster move, bad target ${id}`, rosterAction, w.teacher, "/x", p, { intent: "move", studentId: w.student.id, toClassId: id }]);
      checks.push([`mark handled, bad id ${id}`, safeguardingAction, w.teacher, "/teach/safeguarding", {}, { messageId: id, note: "x" }]);
    }
    const outcomes = [];
    for (const [name, handler, user, path, params, form] of checks) {
      outcomes.push([name, await statusOf(handler, user, path, params, form)] as const);
    }
    const wrong = outcomes.filter(([name, status]) => !(REFUSED.includes(status) || (name.startsWith("mark handled") && status === 302)));
    expect(wrong).toEqual([]);
  });

  it("the open-redirect attempt goes back to /teach, and an unknown message is a 404", async () => {
    const w = await world();
    const request = await requestAs(w.teacher, "/teach/safeguarding", { form: { messageId: "bad", note: "x", back: "//evil.example" } });
    const response = (await safeguardingAction({ request, params: {}, context: {} } as ActionFunctionArgs).catch((r: unknown) => r)) as Response;
    expect(response.headers.get("Location")).toBe("/teach?safeguarding=note");
    expect(await statusOf(safeguardingAction, w.teacher, "/teach/safeguarding", {}, { messageId: "00000000-0000-4000-8000-000000000000", note: "x" })).toBe(404);
  });

  it("the student's data does not move: the roster is unchanged after every refused request", async () => {
    const w = await world();
    await statusOf(rosterAction, w.teacher, "/x", { classId: w.cls.id }, { intent: "move", studentId: w.student.id, toClassId: w.otherClass.id });
    const page = (await rosterLoader({ request: await requestAs(w.teacher, "/x"), params: { classId: w.cls.id }, context: {} } as unknown as LoaderFunctionArgs)) as { students: { id: string }[] };
    expect(page.students.map((s) => s.id)).toContain(w.student.id);
  });

  it("the stream refuses anonymous and malformed requests without a 500", async () => {
    const w = await world();
    const forms: Record<string, string>[] = [{}, { prompt: "hi" }, { prompt: "hi", model: "x".repeat(500) }, { prompt: "hi", model: "mini", temperature: "NaN" }, { prompt: "hi", model: "mini", maxTokens: "1e309" }];
    for (const form of forms) {
      for (const user of [null, w.student]) {
        const status = await statusOf(streamAction, user, "/api/playground/stream", {}, form);
        expect(status, JSON.stringify(form)).not.toBe(500);
      }
    }
  });
});

// Security review (7 December): once a student has left a class, its teacher no longer sees the
// student's open safeguarding alert (listSafeguardingAlerts) — only the admin does — nor can they
// review the student's other flags (decideFlag). "Mark handled" still accepted the alert from the
// former teacher, closing it on the only list that still showed it: the admin's.
describe("a safeguarding alert of a student who has left the class", () => {
  it("is not the former teacher's to mark handled (404, still open, nothing logged); the admin still can", async () => {
    const { sql } = await import("drizzle-orm");
    const { db } = await import("../../app/utils/db.server");
    const w = await world();
    const [conversation] = await db().execute<{ id: string }>(sql`
      insert into playground_conversations (user_id, class_id, title, model)
      values (${w.student.id}, ${w.cls.id}, 'Chat', 'mini') returning id`);
    const [message] = await db().execute<{ id: string }>(sql`
      insert into playground_messages (conversation_id, user_id, role, text, status, flags, flag_status, severity)
      values (${conversation!.id}, ${w.student.id}, 'user', 'a crisis message', 'complete', '{crisis_suicide}', 'open', 'safeguarding')
      returning id`);
    await db().execute(sql`delete from enrollments where class_id = ${w.cls.id} and student_id = ${w.student.id}`);
    const form = { messageId: message!.id, note: "closed by the former teacher", back: "/teach" };
    expect(await statusOf(safeguardingAction, w.teacher, "/teach/safeguarding", {}, form)).toBe(404);
    const state = async () => {
      const [row] = await db().execute<{ flag_status: string; handled: number }>(sql`
        select m.flag_status, (select count(*)::int from flag_events fe where fe.message_id = m.id and fe.action = 'handled') as handled
          from playground_messages m where m.id = ${message!.id}`);
      return row;
    };
    expect(await state()).toEqual({ flag_status: "open", handled: 0 });
    const request = await requestAs(w.admin, "/teach/safeguarding", { form: { ...form, note: "the admin's note", back: "/admin" } });
    const response = (await safeguardingAction({ request, params: {}, context: {} } as ActionFunctionArgs).catch((r: unknown) => r)) as Response;
    expect(response.headers.get("Location")).toBe("/admin?safeguarding=handled");
    expect(await state()).toEqual({ flag_status: "reviewed", handled: 1 });
  });
});
