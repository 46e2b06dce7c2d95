/**
 * /healthz tells the truth fast: 200 only when the database takes a write, 503 within 2 s when
 * it is unreachable (refused, or a host that never answers) or cannot write.
 */
import net from "node:net";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { loader as healthz } from "../../app/routes/healthz";
import { connect, type Connection } from "../../db/client";
import { connection, db, registerDatabase } from "../../app/utils/db.server";
import { closeHealthProbe, databaseAvailable, markDatabaseUp } from "../../app/utils/database-health.server";

let registered: Connection | undefined;
const extra: Connection[] = [];
const servers: net.Server[] = [];

async function withDatabase(url: string) {
  registered ??= connection();
  const conn = connect(url, { max: 1 });
  extra.push(conn);
  registerDatabase(conn);
}

afterEach(async () => {
  if (registered) registerDatabase(registered);
  registered = undefined;
  await closeHealthProbe();
  markDatabaseUp();
  for (const c of extra.splice(0)) await c.sql.end({ timeout: 0 });
  for (const s of servers.splice(0)) s.close();
});

async function timed() {
  const started = performance.now();
  const res = await healthz();
  return { res, ms: performance.now() - started, body: (await res.json()) as Record<string, unknown> };
}

function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer(onConnection);
    servers.push(srv);
    srv.listen(0, "127.0.0.1", () => resolve((srv.address() as net.AddressInfo).port));
  });
}

describe("/healthz", () => {
  it("answers 200 after committing a heartbeat write", async () => {
    const { res, body } = await timed();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    const [row] = await db().execute<{ age: number }>(
      sql`select extract(epoch from now() - updated_at)::float as age from app_meta where key = 'healthz'`,
    );
    expect(row!.age).toBeLessThan(5);
  });

  it("answers 503 within 2 s when the database cannot write", async () => {
    const url = connection().url;
    const name = new URL(url).pathname.slice(1);
    expect((await timed()).res.status).toBe(200); // a passed check is reused for a moment
    await db().execute(sql.raw(`alter database ${name} set default_transaction_read_only = on`));
    try {
      const since = performance.now();
      let last = await timed();
      while (last.res.status === 200 && performance.now() - since < 3_000) last = await timed();
      expect(performance.now() - since).toBeLessThan(2_000);
      expect(last.res.status).toBe(503);
      expect(last.body).toMatchObject({ status: "error", database: "cannot-write" });
    } finally {
      await db().execute(sql.raw(`alter database ${name} reset default_transaction_read_only`));
    }
  });

  it("answers 503 within 2 s when the server refuses connections, and marks the database down", async () => {
    const port = await listen(() => {});
    servers.pop()!.close(); // nobody listens there any more: connections are refused
    await withDatabase(`postgres://lantern:x@127.0.0.1:${port}/lantern`);
    const { res, ms, body } = await timed();
    expect(ms).toBeLessThan(2_000);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(body).toMatchObject({ database: "unreachable" });
    expect(databaseAvailable()).toBe(false);
  });

  it("answers 503 within 2 s when the server accepts but never answers", async () => {
    const port = await listen(() => {}); // holds every connection, says nothing
    await withDatabase(`postgres://lantern:x@127.0.0.1:${port}/lantern`);
    const first = await timed();
    expect(first.ms).toBeLessThan(2_000);
    expect(first.res.status).toBe(503);
    const second = await timed(); // the first check's connection may still hang: no pile-up
    expect(second.ms).toBeLessThan(2_000);
    expect(second.res.status).toBe(503);
  });
});
