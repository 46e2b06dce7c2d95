/**
 * The transaction helper every multi-row action uses (app/utils/db.server.ts): all or nothing,
 * nested calls join the outer transaction, and a connection that dies mid-transaction fails the
 * action without taking the process down.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connect } from "../../db/client";
import { connection, db, transaction } from "../../app/utils/db.server";

async function scratch() {
  await db().execute(sql`create table if not exists tx_scratch (n int)`);
  await db().execute(sql`truncate tx_scratch`);
}

const count = async () => (await db().execute<{ n: number }>(sql`select count(*)::int as n from tx_scratch`))[0]!.n;

describe("transaction()", () => {
  it("writes everything or nothing, and a nested transaction joins the outer one", async () => {
    await scratch();
    const failed = transaction(async () => {
      await db().execute(sql`insert into tx_scratch values (1)`);
      await transaction(() => db().execute(sql`insert into tx_scratch values (2)`));
      throw new Error("the second half failed");
    });
    await expect(failed).rejects.toThrow("the second half failed");
    expect(await count()).toBe(0);
    await transaction(async () => {
      await db().execute(sql`insert into tx_scratch values (1)`);
      await transaction(() => db().execute(sql`insert into tx_scratch values (2)`));
    });
    expect(await count()).toBe(2);
  });

  it("fails, and the process lives on, when its connection dies mid-way", async () => {
    const killer = connect(connection().url, { max: 1 });
    try {
      for (let round = 0; round < 5; round++) {
        const doomed = transaction(async () => {
          const [me] = await db().execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
          await killer.sql`select pg_terminate_backend(${me!.pid})`;
          await db().execute(sql`select 1`);
        });
        await expect(doomed).rejects.toThrow();
        // A crash would come from a timer after the rejection.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [row] = await db().execute<{ one: number }>(sql`select 1 as one`);
      expect(row!.one).toBe(1);
    } finally {
      await killer.close();
    }
  });
});
