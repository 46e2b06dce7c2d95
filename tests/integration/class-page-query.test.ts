/**
 * The class page's statement is prepared (decision 021): PostgreSQL plans it once per connection
 * and every refresh of the page (~10 s while open) executes that plan. Seen from the database:
 * one prepared statement on the connection, executed for each half of the class on every page load. The class's step
 * medians are their own prepared statement, read once a minute per class, not on every refresh.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "../../db/schema";
import type { Connection } from "../../db/client";
import { loader as classPageLoader } from "../../app/routes/teach.classes.$classId._index";
import { connection, registerDatabase } from "../../app/utils/db.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
import { STEP_MEDIANS_FRESH_MS } from "../../app/teach/class-progress-query.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

let teacher: SessionUser;
let classId: string;

beforeAll(async () => {
  const { admin } = await makeSchool();
  teacher = await makeUser(admin.schoolId, "teacher");
  classId = (await makeClass(teacher)).id;
  for (let i = 0; i < 3; i++) await makeStudentIn(classId, { displayName: `Student ${i}` });
});

afterEach(() => vi.restoreAllMocks());

describe("the class page's statement", () => {
  it("reads every student exactly once across the class's two halves, each by their own id", async () => {
    const cls = await makeClass(teacher, "Halves");
    const ids = new Set<string>();
    for (let i = 0; i < 25; i++) ids.add((await makeStudentIn(cls.id, { displayName: `Half ${i}` })).id);
    const request = await requestAs(teacher, `/teach/classes/${cls.id}`);
    const page = (await inRequestScope(() => classPageLoader({ request, params: { classId: cls.id }, context: {} } as never), "GET")) as {
      view: { students: { id: string }[] };
    };
    const seen = page.view.students.map((s) => s.id);
    expect(seen.length).toBe(25);
    expect(new Set(seen)).toEqual(ids);
    // a student's half follows from their id alone, so someone joining between the two
    // statements cannot move anyone else from one half to the other
    const halves = await connection().db.execute<{ id: string; part: number }>(sql`
      select e.student_id as id, (hashtext(e.student_id::text) & 2147483647) % 2 as part
        from enrollments e where e.class_id = ${cls.id}::uuid`);
    const parts = new Set([...halves].map((h) => h.part));
    expect(parts).toEqual(new Set([0, 1]));
  });

  it("is prepared once per connection and executed on every load; the step medians once a minute", async () => {
    const original = connection();
    const url = process.env.LANTERN_TEST_DATABASE_URL!;
    // one connection, so the page's statements and the look at them share a session
    const client = postgres(url, { max: 1, onnotice: () => {} });
    const single: Connection = { url, sql: client, db: drizzle(client, { schema }) as Connection["db"], close: () => client.end() };
    registerDatabase(single);
    try {
      const load = async () => {
        const request = await requestAs(teacher, `/teach/classes/${classId}`);
        await inRequestScope(() => classPageLoader({ request, params: { classId }, context: {} } as never), "GET");
      };
      const executions = async (marker: string) => {
        const rows = await single.db.execute<{ executions: number }>(sql`
          select (generic_plans + custom_plans)::int as executions from pg_prepared_statements
          where statement like ${`%${marker}%`}`);
        return [...rows].map((p) => p.executions);
      };
      for (let i = 0; i < 3; i++) await load();
      // the class in two halves (read side by side on a pool; one after the other here)
      expect(await executions("due_lessons")).toEqual([6]);
      expect(await executions("median_seconds")).toEqual([1]);
      // a minute on, the next load reads the medians again
      const later = performance.now() + STEP_MEDIANS_FRESH_MS + 1;
      vi.spyOn(performance, "now").mockReturnValue(later);
      await load();
      expect(await executions("due_lessons")).toEqual([8]);
      expect(await executions("median_seconds")).toEqual([2]);
    } finally {
      registerDatabase(original);
      await client.end();
    }
  });
});
