/**
 * What a new-to-AI teacher met, against real PostgreSQL and the real route: a due date in the
 * past was accepted, and assigning a lesson again added a second row for it. Now a passed date
 * or time is refused on the school's clocks (a date of today is fine) with a message in the
 * teacher's language, and a lesson is given to the same students once: assigning it again says
 * so and links to the assignment to edit; nothing is written. Also: the migration that brought
 * the rule folds the duplicates a school already has into the newest one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../../db/client";
import { MIGRATIONS_DIR, runMigrations } from "../../db/migrate";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
import { updateSchoolSettings } from "../../app/models/schools.server";
import { wallDay, wallTime } from "../../app/utils/time-zone";
import { translator } from "../../app/i18n/catalogs.server";
import { action as assignAction } from "../../app/routes/teach.classes.$classId.assignments";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
import { adminUrlFor, databaseUrl } from "../setup/db-urls";

const ZONE = "Pacific/Kiritimati"; // UTC+14: "today" there is often another day than on the server
let teacher: SessionUser;
let classId: string;
let ana: SessionUser;
let ben: SessionUser;

type Answer = { data: { errors: Record<string, string>; notice: string | null; existingId?: string }; init?: { status: number } };

async function assign(form: Record<string, string | string[]>, lang = "en"): Promise<Answer> {
  const request = await requestAs(teacher, `/teach/classes/${classId}/assignments?lang=${lang}`, { form });
  return (await inRequestScope(() => assignAction({ request, params: { classId }, context: {} } as never), "POST")) as unknown as Answer;
}

const rows = async () =>
  db().execute<{ id: string; lesson_slug: string; whole_class: boolean }>(sql`select id, lesson_slug, whole_class from assignments where class_id = ${classId} order by created_at`);

const dayInZone = (offsetDays: number) => wallDay(new Date(Date.now() + offsetDays * 86_400_000), ZONE);

beforeAll(async () => {
  const { school, admin } = await makeSchool();
  await updateSchoolSettings(admin, { timeZone: ZONE });
  teacher = await makeUser(school.id, "teacher");
  classId = (await makeClass(teacher, "Class 9C")).id;
  ana = await makeStudentIn(classId, { displayName: "Ana" });
  ben = await makeStudentIn(classId, { displayName: "Ben" });
});

describe("a due date in the past", () => {
  it("refuses yesterday (school's clocks) with a message in the teacher's language, and writes nothing", async () => {
    const res = await assign({ lesson: "tokens", due: dayInZone(-1), target: "class" }, "zh-Hans");
    expect(res.init?.status).toBe(400);
    expect(res.data.errors).toEqual({ due: "teach.dash.assign.dueInPast" });
    expect(translator("zh-Hans")(res.data.errors.due as "teach.dash.assign.dueInPast")).toBe("这个日期已经过去了。请选择今天或以后的日期。");
    expect(await rows()).toHaveLength(0);
  });

  it("refuses a time already gone today, but accepts today at 23:59 and tomorrow", async () => {
    const gone = await assign({ lesson: "tokens", due: dayInZone(0), dueTime: "00:00", target: "class" });
    // 00:00 today has passed unless the test runs in the very first minute of the day there
    expect(gone.data.errors).toEqual({ dueTime: "teach.dash.assign.dueTimeInPast" });
    expect((await assign({ lesson: "tokens", due: dayInZone(0), target: "class" })).data.notice).toBe("created");
    expect((await assign({ lesson: "prompting", due: dayInZone(1), dueTime: "08:00", target: "class" })).data.notice).toBe("created");
    expect(await rows()).toHaveLength(2);
  });

  it("an edit may keep a due moment that has since passed, but not move it to another past one", async () => {
    const [tokens] = await rows();
    const passed = new Date("2020-01-10T15:00:00Z");
    await db().execute(sql`update assignments set due_at = ${passed.toISOString()}::timestamptz where id = ${tokens!.id}`);
    const [due, dueTime] = [wallDay(passed, ZONE), wallTime(passed, ZONE)];
    const keep = await assign({ intent: "update", assignmentId: tokens!.id, lesson: "tokens", due, dueTime, instructions: "Read it again.", target: "class" });
    expect(keep.data.notice).toBe("updated");
    const moved = await assign({ intent: "update", assignmentId: tokens!.id, lesson: "tokens", due: dayInZone(-2), dueTime, target: "class" });
    expect(moved.init?.status).toBe(400);
    expect(moved.data.errors).toEqual({ due: "teach.dash.assign.dueInPast" });
    const [row] = await db().execute<{ due_at: Date | string; instructions: string }>(sql`select due_at, instructions from assignments where id = ${tokens!.id}`);
    expect(new Date(row!.due_at).toISOString()).toBe(passed.toISOString());
    expect(row!.instructions).toBe("Read it again.");
  });
});

describe("assigning a lesson that is already assigned", () => {
  it("to the whole class again: refused, pointing at the assignment to edit; no second row", async () => {
    const before = await rows();
    const first = before.find((r) => r.lesson_slug === "prompting")!;
    const res = await assign({ lesson: "prompting", due: dayInZone(5), target: "class" });
    expect(res.init?.status).toBe(400);
    expect(res.data.errors).toEqual({ lesson: "teach.dash.assign.alreadyAssignedClass" });
    expect(res.data.existingId).toBe(first.id);
    expect(await rows()).toEqual(before);
  });

  it("to students who joined late, by name: allowed (their own date); naming one of them again is refused", async () => {
    const named = await assign({ lesson: "prompting", due: dayInZone(7), target: "students", students: [ben.id] });
    expect(named.data.notice).toBe("created");
    const again = await assign({ lesson: "prompting", due: dayInZone(8), target: "students", students: [ana.id, ben.id] });
    expect(again.data.errors).toEqual({ students: "teach.dash.assign.alreadyAssignedStudents" });
    const prompting = (await rows()).filter((r) => r.lesson_slug === "prompting");
    expect(prompting.map((r) => r.whole_class)).toEqual([true, false]);
    expect(again.data.existingId).toBe(prompting[1]!.id);
  });

  it("editing another assignment into a duplicate is refused too", async () => {
    const tokens = (await rows()).find((r) => r.lesson_slug === "tokens")!;
    const res = await assign({ intent: "update", assignmentId: tokens.id, lesson: "prompting", target: "class" });
    expect(res.data.errors).toEqual({ lesson: "teach.dash.assign.alreadyAssignedClass" });
    expect((await rows()).find((r) => r.id === tokens.id)!.lesson_slug).toBe("tokens");
  });

  it("two submissions at once (a double click, or two app processes) make one assignment", async () => {
    const answers = await Promise.all([1, 2, 3].map(() => assign({ lesson: "honesty", target: "class" })));
    expect(answers.map((a) => a.data.notice ?? a.data.errors.lesson).sort()).toEqual(["created", "teach.dash.assign.alreadyAssignedClass", "teach.dash.assign.alreadyAssignedClass"]);
    expect((await rows()).filter((r) => r.lesson_slug === "honesty")).toHaveLength(1);
  });

  it("the database refuses a second whole-class row that skips the app's check", async () => {
    await expect(db().execute(sql`insert into assignments (class_id, lesson_slug) values (${classId}, 'honesty')`)).rejects.toMatchObject({
      cause: { code: "23505", constraint_name: "assignments_class_lesson_whole_class_key" },
    });
  });
});

describe("the migration that adds the rule", () => {
  it("keeps the newest of a school's duplicate whole-class assignments, and every named one", async () => {
    // a database migrated up to the migration before, holding the duplicates the old form allowed
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const last = journal.entries.findIndex((e) => e.tag.startsWith("0010_"));
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-migrations-"));
    fs.mkdirSync(path.join(before, "meta"));
    for (const e of journal.entries.slice(0, last)) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
    fs.writeFileSync(path.join(before, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, last) }));

    const server = inject("dbServerUrl");
    const name = `mig_${crypto.randomBytes(4).toString("hex")}`;
    const admin = connect(adminUrlFor(server), { max: 1 });
    await admin.sql.unsafe(`create database ${name}`);
    const old = connect(databaseUrl(server, name), { max: 2 });
    try {
      await runMigrations(old, before);
      const q = old.sql;
      const [school] = await q`insert into schools (name, settings) values ('Old School', '{}'::jsonb) returning id`;
      const [t] = await q`insert into users (school_id, role, username, display_name, password_hash) values (${school!.id}, 'teacher', 'old-teacher', 'T', 'x') returning id`;
      const [s] = await q`insert into users (school_id, role, username, display_name, password_hash) values (${school!.id}, 'student', 'old-student', 'S', 'x') returning id`;
      const [c] = await q`insert into classes (school_id, teacher_id, name, join_code, playground_policy) values (${school!.id}, ${t!.id}, 'C', 'OLDJOIN1', '{}'::jsonb) returning id`;
      const add = async (lesson: string, daysAgo: number) =>
        (await q`insert into assignments (class_id, lesson_slug, created_at) values (${c!.id}, ${lesson}, now() - ${`${daysAgo} days`}::interval) returning id`)[0]!.id as string;
      await add("tokens", 3);
      await add("tokens", 2);
      const newest = await add("tokens", 1);
      const namedA = await add("tokens", 4);
      const namedB = await add("tokens", 5);
      await q`insert into assignment_students (assignment_id, student_id) values (${namedA}, ${s!.id}), (${namedB}, ${s!.id})`;
      const other = await add("honesty", 1);

      await runMigrations(old);
      const left = await q<{ id: string; whole_class: boolean }[]>`select id, whole_class from assignments`;
      expect(new Map(left.map((r) => [r.id, r.whole_class]))).toEqual(
        new Map([
          [newest, true],
          [other, true],
          [namedA, false],
          [namedB, false],
        ]),
      );
    } finally {
      await old.close();
      await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
