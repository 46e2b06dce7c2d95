/**
 * The class page's statement is prepared (decision 021): PostgreSQL plans it once per connection
 * and every refresh of the page (~10 s while open) executes that plan. Seen from the database:
 * one prepared statement on the connection, executed once per page load.
 */
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { Connection } from "../../db/client";
import { loader as classPageLoader } from "../../app/routes/teach.classes.$classId._index";
import { connection, registerDatabase } from "../../app/utils/db.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
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

describe("the class page's statement", () => {
  it("is prepared once per connection and executed on every load", async () => {
    const original = connection();
    const url = process.env.LANTERN_TEST_DATABASE_URL!;
    // one connection, so the page's statements and the look at them share a session
    const client = postgres(url, { max: 1, onnotice: () => {} });
    const single: Connection = { url, sql: client, db: drizzle(client, { schema }) as Connection["db"], close: () => client.end() };
    registerDatabase(single);
    try {
      for (let i = 0; i < 3; i++) {
        const request = await requestAs(teacher, `/teach/classes/${classId}`);
        await inRequestScope(() => classPageLoader({ request, params: { classId }, context: {} } as never));
      }
      const prepared = await single.db.execute<{ executions: number }>(sql`
        select (generic_plans + custom_plans)::int as executions from pg_prepared_statements
        where statement like '%steps_done%'`);
      expect([...prepared].map((p) => p.executions)).toEqual([3]);
    } finally {
      registerDatabase(original);
      await client.end();
    }
  });
});
