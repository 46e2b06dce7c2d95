/**
 * A student removed from their last class is seen by no teacher: the admin's overview lists them,
 * with the account actions (found in a walk through the teacher's pages: no page could reach such
 * a student, to export or delete their data).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as adminAction, loader as adminLoader } from "../../app/routes/admin._index";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import { db } from "../../app/utils/db.server";
import { users } from "../../db/schema";
import { updateSchoolSettings } from "../../app/models/schools.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

const ctx = { nonce: "n", clientAddress: "10.0.0.9" };

describe("students in no class", () => {
  it("appear on the admin's overview once removed from their last class, and can be deleted there", async () => {
    const { school, admin } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const cls = await makeClass(teacher, "Year 7");
    const student = await makeStudentIn(cls.id, { displayName: "Li Na" });
    const overview = async () =>
      (
        await adminLoader({
          request: await requestAs(admin, "/admin"),
          params: {},
          context: ctx,
        } as LoaderFunctionArgs)
      ).withoutClass.map((s) => s.displayName);
    expect(await overview()).toEqual([]);

    await rosterAction({
      request: await requestAs(teacher, `/teach/classes/${cls.id}/roster`, {
        form: { intent: "remove", studentId: student.id },
      }),
      params: { classId: cls.id },
      context: ctx,
    } as ActionFunctionArgs);
    expect(await overview()).toEqual(["Li Na"]);

    // deleting needs the box ticked, in the admin's language; then the account is gone
    const unticked = (await adminAction({
      request: await requestAs(admin, "/admin", {
        form: { intent: "delete", studentId: student.id },
      }),
      params: {},
      context: ctx,
    } as ActionFunctionArgs)) as unknown as {
      init: { status: number };
      data: { errors: Record<string, string> };
    };
    expect(unticked.init.status).toBe(400);
    expect(unticked.data.errors.confirm).toBe("teach.roster.confirmNeeded");
    expect(await db().select({ id: users.id }).from(users).where(eq(users.id, student.id))).toHaveLength(1);

    await adminAction({
      request: await requestAs(admin, "/admin", {
        form: { intent: "delete", studentId: student.id, confirm: "yes" },
      }),
      params: {},
      context: ctx,
    } as ActionFunctionArgs);
    expect(await db().select({ id: users.id }).from(users).where(eq(users.id, student.id))).toHaveLength(0);
    expect(await overview()).toEqual([]);
  });
});

// Found in a school admin's walk: a new school ran on the server's UTC and nothing said so
describe("the admin's overview and the school's time zone", () => {
  it("asks for the time zone until one is set, naming the zone in use", async () => {
    const { admin } = await makeSchool();
    const overview = async () =>
      (await adminLoader({ request: await requestAs(admin, "/admin", { headers: { "Accept-Language": "zh-Hans" } }), params: {}, context: {} } as LoaderFunctionArgs)) as unknown as {
        zoneToSet: string | null;
      };
    expect((await overview()).zoneToSet).toEqual(expect.any(String));
    await updateSchoolSettings(admin, { timeZone: "Asia/Shanghai" });
    expect((await overview()).zoneToSet).toBeNull();
  });
});
