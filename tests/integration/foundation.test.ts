import fs from "node:fs";
import path from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "../../db/schema";
import { describe, expect, it } from "vitest";
import { db, connection } from "../../app/utils/db.server";
import { seedDemoOnce, DEMO } from "../../server/demo/seed";
import { runMigrations } from "../../db/migrate";
import { loader as healthz } from "../../app/routes/healthz";

const journal = JSON.parse(fs.readFileSync(path.join(__dirname, "../../db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] };

describe("database foundation", () => {
  it("has every table of the schema after migrations", async () => {
    const rows = await db().execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = rows.map((r) => r.table_name);
    // every table db/schema.ts declares, so a table added there is checked the day it appears
    const declared = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableName(t));
    expect(declared.length).toBeGreaterThan(10);
    expect(names).toEqual(expect.arrayContaining(declared));
  });

  it("applies migrations again without change (idempotent, lock-protected)", async () => {
    const snapshot = async () => {
      const applied = await db().execute<{ hash: string }>(sql`select hash from drizzle.__drizzle_migrations order by id`);
      const columns = await db().execute<{ c: string }>(sql`
        select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') as c
        from information_schema.columns where table_schema = 'public' order by 1`);
      const indexes = await db().execute<{ indexdef: string }>(sql`select indexdef from pg_indexes where schemaname = 'public' order by 1`);
      return { applied: applied.map((r) => r.hash), columns: columns.map((r) => r.c), indexes: indexes.map((r) => r.indexdef) };
    };
    const before = await snapshot();
    expect(before.applied.length).toBe(journal.entries.length);
    await Promise.all([runMigrations(connection()), runMigrations(connection())]);
    expect(await snapshot()).toEqual(before);
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
