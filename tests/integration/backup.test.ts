/**
 * Backup and restore (`npm run db:backup` / `db:restore`) on the suite's database: the embedded
 * PostgreSQL in CI's first pass, the PostgreSQL server in its second.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { BACKUP_TABLES, restoreBackup, writeBackup } from "../../db/backup";
import { connection, db } from "../../app/utils/db.server";
import { seedDemoOnce } from "../../server/demo/seed";

const dirs: string[] = [];
function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-backup-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("backup and restore", () => {
  it("gives back exactly the same rows", async () => {
    await seedDemoOnce(connection());
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const table of BACKUP_TABLES) {
        out[table] = await db().execute(sql.raw(`select * from ${table} order by 1`));
      }
      return JSON.stringify(out);
    };
    const before = await snapshot();
    const file = path.join(freshDir(), "test.backup");
    await writeBackup(connection(), file);
    await db().execute(sql`delete from users where role = 'student'`);
    await db().execute(sql`update schools set name = 'changed'`);
    expect(await snapshot()).not.toBe(before);
    await restoreBackup(connection(), file);
    expect(await snapshot()).toBe(before);
  });

  it("refuses a file that is not a backup and changes nothing", async () => {
    const file = path.join(freshDir(), "not.backup");
    fs.writeFileSync(file, "hello\n");
    const [before] = await db().execute<{ n: number }>(sql`select count(*)::int as n from users`);
    await expect(restoreBackup(connection(), file)).rejects.toThrow(/not a Lantern backup/);
    const [after] = await db().execute<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(after!.n).toBe(before!.n);
  });
});
