/**
 * Assignments a teacher can live with, against real PostgreSQL and the real routes, each request
 * run in its own request scope as server/remix-handler.ts does (the session lookup then sets the
 * school's time zone): a due time entered as 23:00 in Shanghai is stored as 15:00 UTC and shown
 * back as 23:00; editing an assignment (lesson, due moment, note) changes what the class matrix
 * shows (a due moment that has since passed may stay while the rest changes); a student who
 * joined after the due date "joined late" and is not overdue; the
 * playground's opening hours follow the school's zone; bad input writes nothing.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
import { updateSchoolSettings } from "../../app/models/schools.server";
import { accessRefusal, sandboxOf } from "../../app/playground/guard.server";
import { loadSandboxFacts } from "../../app/models/playground-sandbox.server";
import { action as assignAction, loader as assignLoader } from "../../app/routes/teach.classes.$classId.assignments";
import { action as settingsAction } from "../../app/routes/admin.settings";
import { loader as progressLoader } from "../../app/routes/teach.classes.$classId._index";
import { loader as playgroundTabLoader } from "../../app/routes/teach.classes.$classId.playground";
import { loader as learnLoader } from "../../app/routes/learn._index";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

let teacher: SessionUser;
let otherTeacher: SessionUser;
let early: SessionUser;
let late: SessionUser;
let classId: string;

/** A loader or action as the server runs it: inside the request's scope. */
async function run<T>(fn: (args: never) => Promise<T>, user: SessionUser, path: string, init: Parameters<typeof requestAs>[2] = {}, params = { classId }) {
  const request = await requestAs(user, path, init);
  return inRequestScope(() => fn({ request, params, context: {} } as never), request.method);
}

async function isThrownStatus(work: Promise<unknown>): Promise<number | null> {
  try {
    await work;
    return null;
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : null;
  }
}

const assignments = async () => (await run(assignLoader, teacher, `/teach/classes/${classId}/assignments?lang=en`)).assignments;
const dueAtInDb = async (id: string) =>
  (await db().execute<{ due_at: string }>(sql`select to_json(due_at)#>>'{}' as due_at from assignments where id = ${id}`))[0]!.due_at;

beforeAll(async () => {
  const { school, admin } = await makeSchool();
  await updateSchoolSettings(admin, { timeZone: "Asia/Shanghai" });
  teacher = await makeUser(school.id, "teacher");
  otherTeacher = await makeUser(school.id, "teacher");
  classId = (await makeClass(teacher, "Class 8A")).id;
  early = await makeStudentIn(classId, { displayName: "Early Eve" });
  late = await makeStudentIn(classId, { displayName: "Late Liu" });
  // Eve was in the class from January 2020; Liu joined on 1 February 2020
  await db().execute(sql`update enrollments set created_at = '2020-01-01T00:00:00Z' where student_id = ${early.id}`);
  await db().execute(sql`update enrollments set created_at = '2020-02-01T00:00:00Z' where student_id = ${late.id}`);
});

describe("due time in the school's time zone (Asia/Shanghai)", () => {
  let id: string;

  it("stores 23:00 Shanghai time as 15:00 UTC and shows it back as 23:00", async () => {
    const res = await run(assignAction, teacher, `/teach/classes/${classId}/assignments`, {
      form: { lesson: "tokens", due: "2030-06-01", dueTime: "23:00", target: "class" },
    });
    expect((res as { data: { notice: string } }).data.notice).toBe("created");
    const [a] = await assignments();
    id = a!.id;
    expect(await dueAtInDb(id)).toBe("2030-06-01T15:00:00+00:00");
    expect(a!.dueLabel).toBe("2030-06-01 23:00");
    // the edit form starts from the same wall-clock time
    const page = await run(assignLoader, teacher, `/teach/classes/${classId}/assignments?edit=${id}`);
    expect(page.timeZone).toBe("China Standard Time"); // the zone as the page's language names it
    expect(page.editing?.values).toMatchObject({ lesson: "tokens", due: "2030-06-01", dueTime: "23:00", target: "class", instructions: "" });
  });

  it("a date without a time is due at 23:59 on the school's clocks", async () => {
    await run(assignAction, teacher, `/teach/classes/${classId}/assignments`, { form: { lesson: "prompting", due: "2030-06-02", target: "class" } });
    const a = (await assignments()).find((x) => x.lesson === "prompting")!;
    expect(await dueAtInDb(a.id)).toBe("2030-06-02T15:59:00+00:00");
    await run(assignAction, teacher, `/teach/classes/${classId}/assignments`, { form: { intent: "delete", assignmentId: a.id } });
  });

  it("refuses a date or time that does not exist, with a message, and writes nothing", async () => {
    const before = await dueAtInDb(id);
    for (const [form, field, key] of [
      [{ due: "2030-02-30", dueTime: "10:00" }, "due", "teach.dash.assign.dueInvalid"],
      [{ due: "2030-06-03", dueTime: "25:00" }, "dueTime", "teach.dash.assign.dueTimeInvalid"],
      [{ due: "03/06/2030", dueTime: "10:00" }, "due", "teach.dash.assign.dueInvalid"],
    ] as const) {
      const res = (await run(assignAction, teacher, `/teach/classes/${classId}/assignments`, {
        form: { intent: "update", assignmentId: id, lesson: "tokens", target: "class", ...form },
      })) as { data: { errors: Record<string, string> }; init: { status: number } };
      expect(res.init.status).toBe(400);
      expect(res.data.errors[field]).toBe(key);
    }
    expect(await dueAtInDb(id)).toBe(before);
    expect(await assignments()).toHaveLength(1);
  });

  describe("editing the assignment", () => {
    it("changes lesson, due moment and note, and the class matrix shows the change", async () => {
      const matrixBefore = (await run(progressLoader, teacher, `/teach/classes/${classId}?lang=en`)).view;
      const column = (v: typeof matrixBefore, slug: string) => v.lessons.find((l) => l.slug === slug)!;
      expect(column(matrixBefore, "tokens").assignedLabel).toBe("Due 2030-06-01 23:00");
      expect(column(matrixBefore, "what-is-an-llm").assignedLabel).toBe("");
      // time passes: the due moment is now long gone (a new due date in the past is refused, one
      // that has passed may stay as it is while the rest changes)
      await db().execute(sql`update assignments set due_at = '2020-01-10T15:00:00Z' where id = ${id}`);

      const res = await run(assignAction, teacher, `/teach/classes/${classId}/assignments?edit=${id}`, {
        form: { intent: "update", assignmentId: id, lesson: "what-is-an-llm", due: "2020-01-10", dueTime: "23:00", instructions: "Read step 3 twice.", target: "class" },
      });
      expect((res as { data: { notice: string } }).data.notice).toBe("updated");
      expect(await dueAtInDb(id)).toBe("2020-01-10T15:00:00+00:00");

      const matrix = (await run(progressLoader, teacher, `/teach/classes/${classId}?lang=en`)).view;
      expect(column(matrix, "what-is-an-llm").assignedLabel).toBe("Due 2020-01-10 23:00");
      expect(column(matrix, "tokens").assignedLabel).toBe("");
      const cell = (student: SessionUser, slug: string) => matrix.students.find((s) => s.id === student.id)!.cells.find((c) => c.lesson === slug)!;
      // Eve was in the class before the due date and has not started: overdue
      expect(cell(early, "what-is-an-llm").overdue).toBe(true);
      expect(cell(early, "tokens").overdue).toBe(false);

      const [a] = await assignments();
      expect(a).toMatchObject({ lesson: "what-is-an-llm", instructions: "Read step 3 twice.", dueLabel: "2020-01-10 23:00", overdueNames: ["Early Eve"] });
    });

    it("a student who joined after the due date is 'joined late', not overdue, for the teacher and for them", async () => {
      const matrix = (await run(progressLoader, teacher, `/teach/classes/${classId}?lang=en`)).view;
      const liu = matrix.students.find((s) => s.id === late.id)!.cells.find((c) => c.lesson === "what-is-an-llm")!;
      expect(liu.overdue).toBe(false);
      expect(liu.label.status).not.toMatch(/overdue/i);

      const [a] = await assignments();
      expect(a!.overdue).toBe(1);
      expect(a!.joinedLateNames).toEqual(["Late Liu"]);

      const mine = (await run(learnLoader, late, "/learn?lang=en")).assigned;
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ overdue: false, joinedLate: true, instructions: "Read step 3 twice." });
      const eves = (await run(learnLoader, early, "/learn?lang=en")).assigned;
      expect(eves[0]).toMatchObject({ overdue: true, joinedLate: false });
    });

    it("another teacher cannot edit it (404), and nothing changes", async () => {
      const status = await isThrownStatus(
        run(assignAction, otherTeacher, `/teach/classes/${classId}/assignments`, {
          form: { intent: "update", assignmentId: id, lesson: "tokens", target: "class" },
        }),
      );
      expect(status).toBe(404);
      const editPage = await isThrownStatus(run(assignLoader, teacher, `/teach/classes/${classId}/assignments?edit=00000000-0000-4000-8000-000000000000`));
      expect(editPage).toBe(404);
      expect((await assignments())[0]!.lesson).toBe("what-is-an-llm");
    });
  });
});

describe("playground opening hours follow the school's zone", () => {
  it("is open at 09:00 Shanghai time on a Monday even though the server's clock says 01:00", async () => {
    await db().execute(sql`
      update classes set playground_policy = playground_policy || '{"schedule": {"days": [1,2,3,4,5], "from": "08:00", "to": "16:00"}}'::jsonb
      where id = ${classId}`);
    const mondayMorningInShanghai = new Date("2025-03-17T01:00:00Z"); // Monday 09:00 in Shanghai, 01:00 UTC
    const sundayEveningUtc = new Date("2025-03-16T20:00:00Z"); // Sunday 20:00 UTC = Monday 04:00 in Shanghai
    const mondayAfterSchool = new Date("2025-03-17T09:00:00Z"); // Monday 17:00 in Shanghai
    const sandbox = sandboxOf(early, await loadSandboxFacts(early, mondayMorningInShanghai));
    expect(sandbox.policy.timeZone).toBe("Asia/Shanghai");
    expect(accessRefusal(sandbox.policy, true, mondayMorningInShanghai)).toBeNull();
    expect(accessRefusal(sandbox.policy, true, sundayEveningUtc)).toBe("closed");
    expect(accessRefusal(sandbox.policy, true, mondayAfterSchool)).toBe("closed");
  });

  // Found in a walk as a mainland teacher: the assignment page said 中国标准时间, the playground
  // rules beside it 时间按学校所在时区（Asia/Shanghai）计算
  it("the class's playground rules name the zone in the reader's language, as the assignment page does", async () => {
    for (const [lang, zone] of [["zh-Hans", "中国标准时间"], ["en", "China Standard Time"]] as const) {
      const rules = await run(playgroundTabLoader, teacher, `/teach/classes/${classId}/playground?lang=${lang}`);
      const assigning = await run(assignLoader, teacher, `/teach/classes/${classId}/assignments?lang=${lang}`);
      expect(rules.timeZone).toBe(zone);
      expect(assigning.timeZone).toBe(zone);
    }
  });
});

describe("a school's zone set after teachers set due dates", () => {
  // Found in an admin's walk: teachers set due dates while the school ran on the server's zone
  // (UTC here); when the admin then chose Asia/Shanghai, "Friday 17:00" showed as "Saturday 01:00".
  it("the due dates still to come keep their times on the school's clock; past ones and other schools stay", async () => {
    const { school, admin } = await makeSchool();
    // the zone it ran on before (a school that never chose one runs on the server's, whatever that is here)
    await updateSchoolSettings(admin, { timeZone: "UTC" });
    const teacherB = await makeUser(school.id, "teacher");
    const classB = (await makeClass(teacherB, "Class 9C")).id;
    const other = await makeSchool();
    const otherTeacher = await makeUser(other.school.id, "teacher");
    const otherClass = (await makeClass(otherTeacher, "Elsewhere")).id;
    const assign = async (user: SessionUser, cls: string, lesson: string) =>
      run(assignAction, user, `/teach/classes/${cls}/assignments`, { form: { lesson, due: "2030-06-07", dueTime: "17:00", target: "class" } }, { classId: cls });
    await assign(teacherB, classB, "tokens");
    await assign(otherTeacher, otherClass, "tokens");
    const [coming] = await db().execute<{ id: string }>(sql`select id from assignments where class_id = ${classB}`);
    expect(await dueAtInDb(coming!.id)).toBe("2030-06-07T17:00:00+00:00");
    // an assignment already past: its due moment is history (who was late)
    const [past] = await db().execute<{ id: string }>(sql`
      insert into assignments (class_id, lesson_slug, due_at, instructions, whole_class, created_by)
      values (${classB}, 'prompting', '2020-03-06T17:00:00Z', '', true, ${teacherB.id}) returning id`);
    const toShanghai = async () =>
      (await run(
        settingsAction,
        admin,
        "/admin/settings",
        { form: { name: "Zone school", publicUrl: "http://lantern.school.example", transcriptRetentionDays: "30", defaultModels: "mini", defaultStudentDailyTokens: "20000", defaultClassDailyTokens: "200000", timeZone: "Asia/Shanghai" } },
        { classId: "" },
      )) as unknown as { data: { saved: boolean; errors: object; dueDatesKept: number } };

    const saved = await toShanghai();
    expect(saved.data).toMatchObject({ errors: {}, saved: true, dueDatesKept: 1 });
    expect(await dueAtInDb(coming!.id)).toBe("2030-06-07T09:00:00+00:00"); // 17:00 in Shanghai
    expect(await dueAtInDb(past!.id)).toBe("2020-03-06T17:00:00+00:00");
    const [elsewhere] = await db().execute<{ id: string }>(sql`select id from assignments where class_id = ${otherClass}`);
    expect(await dueAtInDb(elsewhere!.id)).toBe("2030-06-07T17:00:00+00:00");
    // the teacher's page shows the time they chose
    const page = await run(assignLoader, teacherB, `/teach/classes/${classB}/assignments?lang=en`, {}, { classId: classB });
    expect(page.assignments.find((a) => a.id === coming!.id)!.dueLabel).toBe("2030-06-07 17:00");
    // saving again with the same zone moves nothing
    const again = await toShanghai();
    expect(again.data.dueDatesKept).toBe(0);
    expect(await dueAtInDb(coming!.id)).toBe("2030-06-07T09:00:00+00:00");
  });
});
