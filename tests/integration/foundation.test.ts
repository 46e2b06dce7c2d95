import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, connection } from "../../app/utils/db.server";
import { seedDemoOnce, DEMO } from "../../db/seed";
import { runMigrations } from "../../db/migrate";
import { loader as healthz } from "../../app/routes/healthz";

describe("database foundation", () => {
  it("has every table of the schema after migrations", async () => {
    const rows = await db().execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((r) => r.table_name);
    for (const table of [
      "schools", "users", "sessions", "classes", "enrollments", "assignments", "lesson_progress",
      "quiz_answers", "activity_log", "playground_conversations", "playground_messages",
      "token_ledger", "throttles",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("applies migrations again without change (idempotent, lock-protected)", async () => {
    await Promise.all([runMigrations(connection()), runMigrations(connection())]);
    const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(row!.n).toBeGreaterThan(0);
  });

  it("seeds the demo school once, and a second seed changes nothing", async () => {
    expect(await seedDemoOnce(connection())).toBe("seeded");
    const count = async () =>
      (await db().execute<{ n: number }>(sql`select count(*)::int as n from users`))[0]!.n;
    const before = await count();
    expect(before).toBe(1 + DEMO.students.length);
    expect(await seedDemoOnce(connection())).toBe("skipped");
    expect(await count()).toBe(before);
  });

  it("answers /healthz with the database status and version", async () => {
    const res = await healthz();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
