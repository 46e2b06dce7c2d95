/**
 * The line in front of the app (server/admission.ts, decision 025), on a real server given one
 * place and one waiting spot (MAX_ACTIVE_REQUESTS=1, MAX_WAITING_REQUESTS=1): while a page that
 * waits on the database holds the place and one request waits, the next is answered "busy" at
 * once — a page in the reader's language with Retry-After — and /healthz still answers; once the
 * place frees, the waiting request is served. A body that trickles in holds no place at all.
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { startLanternServer, type LanternServer } from "../../scripts/harness/lantern-server";
import { closeTestSql, cookieHeaderFor, DEMO_STUDENTS, e2eDatabaseUrl, testSql } from "./setup/context";

let server: LanternServer;

beforeAll(async () => {
  server = await startLanternServer({
    databaseUrl: e2eDatabaseUrl(),
    env: { MAX_ACTIVE_REQUESTS: "1", MAX_WAITING_REQUESTS: "1", LOG_REQUESTS: "0" },
    timeoutMs: 60_000,
  });
});

afterAll(async () => {
  await server?.stop();
  await closeTestSql();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("admission: an overloaded server slows down, then says it is busy", () => {
  it("refuses past its line at once, in the reader's language, and serves the one waiting when a place frees", async () => {
    // The one place goes to a student's page whose session lookup waits on a lock this test holds
    // (this worker's database: no other file uses it meanwhile).
    const cookie = await cookieHeaderFor(DEMO_STUDENTS[0]!);
    let unlock!: () => void;
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holding = testSql().begin(async (tx) => {
      await tx`lock table sessions in access exclusive mode`;
      locked();
      await new Promise<void>((resolve) => (unlock = resolve));
    });
    await lockTaken;
    const held = get("/learn", { cookie });
    await sleep(300);

    const waiting = get("/signin", { "accept-language": "en" });
    await sleep(300);

    const refused = await get("/signin", { "accept-language": "zh-CN,zh;q=0.9" });
    const t = translator("zh-Hans");
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.body).toContain(t("limit.busy.title"));
    expect(refused.body).not.toContain(translator("en")("limit.busy.title"));

    expect((await get("/healthz")).status).toBe(200);

    unlock();
    await holding;
    expect((await held).status).toBe(200);
    const served = await waiting;
    expect(served.status).toBe(200);
    expect(served.body).toContain("<form");
  });

  it("gives no place to a body still arriving: senders that trickle cannot keep pages away", async () => {
    // Found by a security pass: 40 sign-in posts sending a byte every 5 s took every place, and
    // every page answered "busy" for five minutes.
    const url = new URL(server.url);
    const body = "username=nobody&password=x";
    const senders = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const slow = net.connect(Number(url.port), url.hostname);
        await new Promise((resolve) => slow.once("connect", resolve));
        slow.write(`POST /signin HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`);
        const answer = new Promise<string>((resolve) => {
          let text = "";
          slow.on("data", (c: Buffer) => (text += c.toString("latin1")));
          slow.on("close", () => resolve(text));
        });
        return { slow, answer };
      }),
    );
    await sleep(300);

    const page = await get("/signin", { "accept-language": "en" });
    expect(page.status).toBe(200);
    expect(page.body).toContain("<form");

    // once complete, each is served like any other request
    for (const { slow, answer } of senders) {
      slow.write(body.slice(5));
      expect(await answer).toMatch(/^HTTP\/1\.1 (200|303|400|401|403)/);
    }
  });
});
