/**
 * Connections that never send a request are closed (server/connection-limits.ts). Found in an
 * attack pass: 19,600 connections that never sent a byte filled the 128 MB heap and the server
 * died. Node times out a request's headers once they start, never a connection that sends nothing.
 * It waits FIRST_REQUEST_MS (15 s) and is about the server, not its database: CI runs it once.
 */
import http from "node:http";
import net from "node:net";
import { expect, it } from "vitest";
import { FIRST_REQUEST_MS } from "../../server/connection-limits";
import { baseUrl } from "./setup/context";

/** On a new connection: the question is whether the server still answers. */
function healthy(): Promise<boolean> {
  return new Promise((resolve, reject) => {
    http.get(`${baseUrl()}/healthz`, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200));
    }).on("error", reject);
  });
}

it("closes connections that never send a request, and answers others meanwhile", async () => {
  const url = new URL(baseUrl());
  const opened = Date.now();
  const silent = await Promise.all(
    Array.from({ length: 300 }, () => new Promise<Promise<number>>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname);
      socket.on("error", () => {});
      const closed = new Promise<number>((done) => socket.on("close", () => done(Date.now() - opened)));
      socket.once("connect", () => resolve(closed));
      socket.once("error", reject);
    })),
  );
  expect(await healthy()).toBe(true);
  const closedAfter = await Promise.all(silent);
  expect(Math.max(...closedAfter)).toBeLessThan(FIRST_REQUEST_MS + 5_000);
  expect(Math.min(...closedAfter)).toBeGreaterThanOrEqual(FIRST_REQUEST_MS - 1_000);
}, FIRST_REQUEST_MS + 15_000);
