/**
 * An external PostgreSQL (DATABASE_URL) that stops answering, against the REAL server: a network
 * partition, sockets open and nothing arriving. Pages waiting on it get a 503 within the bound,
 * the next ones at once, and the app recovers by itself when the database answers again. It runs
 * against the suite's database, so in CI's second pass against the PostgreSQL server; the faults
 * of the embedded PostgreSQL, which runs whatever the pass, are in recovery.test.ts.
 * See docs/decisions/010-supervision-and-outages.md.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestSql, cookieHeaderFor, e2eDatabaseUrl } from "./setup/context";
import { get, waitForHealth } from "./setup/http-probe";
import { snapshotApp, startLanternServer } from "../../scripts/harness/lantern-server";

let app: { dir: string; remove(): void };

beforeAll(() => {
  app = snapshotApp();
});

afterAll(async () => {
  await closeTestSql();
  app.remove();
});

/**
 * A TCP relay in front of PostgreSQL that can stop passing bytes (a network partition: sockets
 * stay open, nothing arrives) and pass them again, in order, when the network heals.
 */
async function partitionableRelay(host: string, port: number) {
  let partitioned = false;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const relay = (from: net.Socket, to: net.Socket) =>
    from.on("data", (chunk) => (partitioned ? held.push(() => to.write(chunk)) : to.write(chunk)));
  const srv = net.createServer((client) => {
    const upstream = net.connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => (client.destroy(), upstream.destroy()));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (srv.address() as net.AddressInfo).port,
    partition: () => (partitioned = true),
    heal: () => {
      partitioned = false;
      for (const send of held.splice(0)) send();
    },
    close: () => {
      srv.close();
      for (const s of sockets) s.destroy();
    },
  };
}

describe("an external PostgreSQL that stops answering (DATABASE_URL)", () => {
  it("answers a page waiting on it with 503 within the bound, the next ones at once, and recovers when it answers again", async () => {
    const target = new URL(e2eDatabaseUrl());
    const relay = await partitionableRelay(target.hostname, Number(target.port));
    const viaRelay = new URL(target);
    viaRelay.port = String(relay.port);
    const server = await startLanternServer({ databaseUrl: viaRelay.toString(), cwd: app.dir });
    try {
      const cookie = await cookieHeaderFor("demo-student-2");
      const page = () => get(`${server.url}/learn`, { headers: { Cookie: cookie } }, 15_000);
      expect((await page()).status).toBe(200);

      relay.partition();
      const waiting = await page();
      expect(waiting.status).toBe(503);
      expect(waiting.ms).toBeLessThan(5_000);
      const next = await page();
      expect(next.status).toBe(503);
      expect(next.ms).toBeLessThan(500);
      expect((await get(`${server.url}/healthz`, {}, 5_000)).status).toBe(503);

      relay.heal();
      await waitForHealth(server.url, 200, 10_000);
      const back = await page();
      expect(back.status).toBe(200);
    } finally {
      await server.stop();
      relay.close();
    }
  }, 60_000);
});

