/**
 * The malformed-request guard in front of the app (server/request-guards.ts), on a real Express
 * server behind a trusted proxy (TRUST_PROXY=1): what the proxy passes on must be a URL the
 * framework can build, or the request is a 400 — never the 500 a thrown `new URL` gave.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import { malformedRequests } from "../../server/request-guards";

let server: Server;
let base = "";

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", 1);
  app.use(malformedRequests);
  // what the Remix handler does with the request (server/remix-handler.ts): a URL from protocol and host
  app.get("*", (req, res) => {
    res.send(new URL(`${req.protocol}://${req.hostname}${req.originalUrl}`).href);
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("refuses an X-Forwarded-Proto that is neither http nor https with a 400 (a 500 before)", async () => {
  for (const proto of ["a b", "1http", "file", "javascript", "ftp"]) {
    const res = await fetch(`${base}/learn`, { headers: { "X-Forwarded-Proto": proto } });
    expect(res.status, proto).toBe(400);
  }
});

it("takes http, https, the first of a list, and none", async () => {
  for (const [proto, scheme] of [["https", "https:"], ["http", "http:"], ["https, http", "https:"], ["HTTPS", "https:"]] as const) {
    const res = await fetch(`${base}/learn`, { headers: { "X-Forwarded-Proto": proto } });
    expect(res.status, proto).toBe(200);
    expect(new URL(await res.text()).protocol, proto).toBe(scheme);
  }
  const res = await fetch(`${base}/learn`);
  expect(res.status).toBe(200);
});
