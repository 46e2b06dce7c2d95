/**
 * The demo school, seeded once into an empty database so every page has something to show:
 * an admin-teacher, "Demo class" and six students with varied progress and quiz answers.
 * Idempotent: a database that already has a school is left alone. The demo class and students
 * are listed in the school's settings, for the staff banner and the admin's "remove demo data".
 *
 * One transaction: a kill in the middle leaves an empty database (seeded on the next start),
 * never a school without its students.
 */
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import { connection, registerDatabase } from "~/utils/db.server";
import { DEMO } from "~/models/demo-school";
import type { Connection, Database } from "../../db/client";
import { enrollments, schools, users } from "../../db/schema";

export { DEMO } from "~/models/demo-school";

const SEED_LOCK = 7_461_202;

export async function seedDemoOnce(conn: Connection, log?: (line: string) => void): Promise<"seeded" | "skipped"> {
  return conn.db.transaction(async (tx) => {
    // Several app processes may start at once: the lock lets one seed; the others wait for its
    // commit and then see its school.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [row] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from schools`);
    if ((row?.n ?? 0) > 0) return "skipped";
    log?.("seeding the demo school…");
    // Everything below, the app's models included, writes through this transaction.
    const client = (tx as unknown as { session: { client: postgres.Sql } }).session.client;
    const inTransaction: Connection = { ...conn, db: tx as unknown as Database, sql: client };
    const previous = registered();
    registerDatabase(inTransaction);
    try {
      await seedDemo(inTransaction);
    } finally {
      registerDatabase(previous);
    }
    return "seeded";
  });
}

function registered(): Connection | undefined {
  try {
    return connection();
  } catch {
    return undefined;
  }
}

async function seedDemo(conn: Connection) {
  // Imported lazily: the app modules read configuration and the registered database.
  const { createSchoolWithAdmin } = await import("~/models/schools.server");
  const { createClass } = await import("~/models/classes.server");
  const { hashPassword } = await import("~/utils/password.server");
  const { seedDemoLearning } = await import("./seed-learning");
  const { seedDemoPlayground } = await import("./seed-playground");

  const { school, admin } = await createSchoolWithAdmin({
    schoolName: "Demo school",
    displayName: "Demo Teacher",
    email: DEMO.teacherEmail,
    // a throwaway: nobody may choose the published demo password, so it is set directly below
    password: crypto.randomUUID(),
  });
  const hash = await hashPassword(DEMO.password);
  await conn.db.update(users).set({ passwordHash: hash }).where(eq(users.id, admin.id));
  const acting = { ...admin, role: "admin" as const, sessionId: "" };
  const cls = await createClass(acting, DEMO.className);
  const names = ["Ada", "Bo", "Chen Jing", "Dev", "Elena", "Fang"];
  const students = await conn.db
    .insert(users)
    .values(
      DEMO.students.map((username, i) => ({
        schoolId: school.id,
        role: "student" as const,
        username,
        displayName: names[i]!,
        passwordHash: hash,
      })),
    )
    .returning({ id: users.id });
  await conn.db.insert(enrollments).values(students.map((s) => ({ classId: cls.id, studentId: s.id })));
  const demo = { classId: cls.id, teacherId: admin.id, studentIds: students.map((s) => s.id) };
  const listed = { classIds: [cls.id], studentIds: demo.studentIds };
  await conn.db
    .update(schools)
    .set({ settings: sql`${schools.settings} || jsonb_build_object('demo', ${JSON.stringify(listed)}::jsonb)` })
    .where(sql`${schools.id} = ${school.id}`);
  await seedDemoLearning(conn, demo);
  await seedDemoPlayground(conn, demo);
}
