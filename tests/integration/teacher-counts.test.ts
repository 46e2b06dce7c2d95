/**
 * The numbers the teacher's home, the admin's overview and the class page share are counted one
 * way everywhere: open flags are those of conversations held in the class, by students still in
 * it (as the class's flag list shows them), and "active today" starts at the school's midnight in
 * the school's time zone, whatever zone the server or the database runs in.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateSchoolSettings } from "../../app/models/schools.server";
import { loader as teachHomeLoader } from "../../app/routes/teach._index";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { loader as classPageLoader } from "../../app/routes/teach.classes.$classId._index";
import { db } from "../../app/utils/db.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
import type { SessionUser } from "../../app/utils/session.server";
import { enroll, makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

// UTC+14 all year: the school's day never starts at the server's or the database's midnight.
const ZONE = "Pacific/Kiritimati";
const OFFSET_MS = 14 * 3_600_000;

let admin: SessionUser;
let teacher: SessionUser;
let classA: string;
let classB: string;
let both: SessionUser;
let left: SessionUser;

async function openFlag(student: SessionUser, classId: string) {
  const [conv] = await db().execute<{ id: string }>(sql`
    insert into playground_conversations (user_id, class_id, title, model) values (${student.id}, ${classId}, 'Chat', 'mini') returning id`);
  await db().execute(sql`
    insert into playground_messages (conversation_id, user_id, role, text, status, flags, flag_status, severity)
    values (${conv!.id}, ${student.id}, 'user', 'my number is 138 0013 8000', 'complete', '{personal_data}', 'open', 'personal_data')`);
  // flagged two days ago: a flag stays open, but says nothing about today
  await db().execute(sql`update playground_messages set created_at = now() - interval '2 days' where conversation_id = ${conv!.id}`);
}

async function activityAt(student: SessionUser, at: Date) {
  await db().execute(sql`
    insert into activity_log (actor_id, verb, object_type, object_id, created_at)
    values (${student.id}, 'started', 'lesson', 'tokens', ${at.toISOString()}::timestamptz)`);
}

/** The school's midnight, worked out by hand for a zone without daylight saving. */
function schoolMidnight(now: Date): Date {
  const wall = new Date(now.getTime() + OFFSET_MS);
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - OFFSET_MS);
}

async function call<T>(loader: (args: never) => Promise<T>, user: SessionUser, path: string, params: Record<string, string> = {}): Promise<T> {
  const request = await requestAs(user, path);
  return inRequestScope(() => loader({ request, params, context: {} } as never), "GET");
}

beforeAll(async () => {
  ({ admin } = await makeSchool());
  await updateSchoolSettings(admin, { timeZone: ZONE });
  teacher = await makeUser(admin.schoolId, "teacher");
  classA = (await makeClass(teacher, "A")).id;
  classB = (await makeClass(teacher, "B")).id;
  // in both classes, flagged once while working in A
  both = await makeStudentIn(classA, { displayName: "Both" });
  await enroll(classB, both);
  await openFlag(both, classA);
  // flagged in A, then moved out of A: the flag no longer shows on A's list
  left = await makeStudentIn(classA, { displayName: "Left" });
  await openFlag(left, classA);
  await db().execute(sql`delete from enrollments where class_id = ${classA} and student_id = ${left.id}`);

  const midnight = schoolMidnight(new Date());
  const early = await makeStudentIn(classB, { displayName: "Early" });
  const late = await makeStudentIn(classB, { displayName: "Late" });
  await activityAt(early, new Date(midnight.getTime() + 60_000)); // today, just after the school's midnight
  await activityAt(late, new Date(midnight.getTime() - 60_000)); // yesterday, just before it
});

describe("counts the teacher's reports share", () => {
  it("open flags: the class's own conversations, students still enrolled — on the teacher's home, the admin's overview and the class page", async () => {
    const home = await call(teachHomeLoader, teacher, "/teach");
    expect(home.classes.find((c) => c.id === classA)?.openFlags).toBe(1);
    expect(home.classes.find((c) => c.id === classB)?.openFlags).toBe(0);

    const { overview } = await call(adminLoader, admin, "/admin");
    expect(overview.classes.find((c) => c.id === classA)?.openFlags).toBe(1);
    expect(overview.classes.find((c) => c.id === classB)?.openFlags).toBe(0);
    expect(overview.totals.openFlags).toBe(1);

    const pageB = await call(classPageLoader, teacher, `/teach/classes/${classB}`, { classId: classB });
    expect(pageB.view.students.find((s) => s.id === both.id)?.signals.map((s) => s.kind)).not.toContain("flag");
    const pageA = await call(classPageLoader, teacher, `/teach/classes/${classA}`, { classId: classA });
    expect(pageA.view.students.find((s) => s.id === both.id)?.signals.map((s) => s.kind)).toContain("flag");
  });

  it("active today: since the school's midnight in its time zone, on the teacher's home and the admin's overview", async () => {
    const home = await call(teachHomeLoader, teacher, "/teach");
    expect(home.classes.find((c) => c.id === classB)?.activeToday).toBe(1);
    const { overview } = await call(adminLoader, admin, "/admin");
    expect(overview.classes.find((c) => c.id === classB)?.activeToday).toBe(1);
    expect(overview.totals.activeToday).toBe(1);
  });

  // Found in a walk as a mainland teacher: a student who spent the lesson in the playground was
  // "online now" on the class page, yet the teacher's home said 今日活跃 1 for a class with two
  it("active today counts a student who only used the playground today, as the class page's 'online now' does", async () => {
    const classC = (await makeClass(teacher, "C")).id;
    const chatter = await makeStudentIn(classC, { displayName: "Chatter" });
    const [conv] = await db().execute<{ id: string }>(sql`
      insert into playground_conversations (user_id, class_id, title, model) values (${chatter.id}, ${classC}, 'Chat', 'mini') returning id`);
    await db().execute(sql`
      insert into playground_messages (conversation_id, user_id, role, text, status) values (${conv!.id}, ${chatter.id}, 'user', 'what is a token?', 'complete')`);

    const page = await call(classPageLoader, teacher, `/teach/classes/${classC}`, { classId: classC });
    expect(page.view.students.find((s) => s.id === chatter.id)?.activeNow).toBe(true);
    const home = await call(teachHomeLoader, teacher, "/teach");
    expect(home.classes.find((c) => c.id === classC)?.activeToday).toBe(1);
    const { overview } = await call(adminLoader, admin, "/admin");
    expect(overview.classes.find((c) => c.id === classC)?.activeToday).toBe(1);
    expect(overview.totals.activeToday).toBe(2);
  });
});
