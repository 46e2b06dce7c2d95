/**
 * Makes PostgreSQL itself refuse (or slow down) some writes, for testing what the app does when a
 * statement really fails or lags (no mock): a trigger on matching rows of one table. Returns the undo.
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "../../app/utils/db.server";

export type WriteKind = "insert" | "update" | "delete";

/**
 * `condition` is SQL over `new` (insert/update) or `old` (delete), e.g. `new.actor_id = '…'`;
 * it narrows the fault to this test's rows so other tests of the file are unaffected.
 */
export function refuseWrites(table: string, kind: WriteKind, condition: string): Promise<() => Promise<void>> {
  return beforeWrites(table, kind, condition, `raise exception 'test fault: % on ${table} refused', tg_op;`);
}

/** Like refuseWrites, but the matching writes succeed after `seconds`: a slow disk or a busy server. */
export function slowWrites(table: string, kind: WriteKind, condition: string, seconds: number): Promise<() => Promise<void>> {
  return beforeWrites(table, kind, condition, `perform pg_sleep(${Number(seconds)});`);
}

async function beforeWrites(table: string, kind: WriteKind, condition: string, body: string): Promise<() => Promise<void>> {
  const name = `fault_${crypto.randomBytes(4).toString("hex")}`;
  const row = kind === "delete" ? "old" : "new";
  await db().execute(
    sql.raw(`
      create function ${name}() returns trigger language plpgsql as $$
      begin
        ${body}
        return ${row};
      end $$;
      create trigger ${name} before ${kind} on ${table} for each row when (${condition}) execute function ${name}();`),
  );
  return async () => {
    await db().execute(sql.raw(`drop trigger ${name} on ${table}; drop function ${name}();`));
  };
}
