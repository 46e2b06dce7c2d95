/**
 * How answers leave the server (server/write-body.ts), through a real HTTP server with the
 * compression middleware in front, as in server/http.ts:
 * - a body finished in one go is sent as one compressed buffer with its length (brotli or gzip
 *   as the browser accepts; small bodies uncompressed);
 * - a body that pauses (a real stream) reaches the client piece by piece, before it ends;
 * - server-sent events and bodies over the one-piece limit are streamed, and arrive whole.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isEventStream, PAGE_BROTLI, writeBody } from "../../server/write-body";

type Source = () => { body: ReadableStream<Uint8Array>; type: string };
let source: Source = () => ({ body: new ReadableStream(), type: "text/plain" });
let server: http.Server;
let base = "";

beforeAll(async () => {
  const app = express();
  app.use(compression({ brotli: PAGE_BROTLI, filter: (req, res) => !isEventStream(String(res.getHeader("Content-Type") ?? "")) && compression.filter(req, res) }));
  app.get("/", async (req, res) => {
    const { body, type } = source();
    res.setHeader("Content-Type", type);
    await writeBody(body, req, res);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const bytes = (s: string) => new TextEncoder().encode(s);

/** A body given as parts all at once. */
function finished(parts: string[], type = "text/html; charset=utf-8"): Source {
  return () => ({
    type,
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(bytes(part));
        controller.close();
      },
    }),
  });
}

/** GETs with the given Accept-Encoding; returns the headers and the decoded body. */
function get(acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(base, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const decoded = encoding === "br" ? zlib.brotliDecompressSync(raw) : encoding === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ headers: res.headers, text: decoded.toString("utf8") });
        });
      })
      .on("error", reject);
  });
}

const page = ["<!DOCTYPE html><html><body>", "<p>Tokens are pieces of text. </p>".repeat(200), "</body></html>"];

describe("writeBody", () => {
  it("sends a body finished in one go as one compressed buffer with its length", async () => {
    source = finished(page);
    for (const [accept, expected] of [["gzip, deflate, br", "br"], ["gzip", "gzip"]] as const) {
      const { headers, text } = await get(accept);
      expect(headers["content-encoding"]).toBe(expected);
      expect(headers["vary"]).toMatch(/accept-encoding/i);
      expect(Number(headers["content-length"])).toBeGreaterThan(0);
      expect(Number(headers["content-length"])).toBeLessThan(page.join("").length / 10);
      expect(headers["transfer-encoding"]).toBeUndefined();
      expect(text).toBe(page.join(""));
    }
  });

  it("still sends a page in one piece when its parts come a few turns of the event loop apart, as React renders them", async () => {
    // React's server renderer schedules its work with setImmediate, and the page's data script
    // follows a promise: a document is made over a few turns without ever waiting on anything.
    source = () => ({
      type: "text/html; charset=utf-8",
      body: new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const part of page) {
            controller.enqueue(bytes(part));
            await new Promise((resolve) => setImmediate(resolve));
            await new Promise((resolve) => setImmediate(resolve));
          }
          controller.close();
        },
      }),
    });
    const { headers, text } = await get("gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("br");
    expect(Number(headers["content-length"])).toBeGreaterThan(0);
    expect(headers["transfer-encoding"]).toBeUndefined();
    expect(text).toBe(page.join(""));
  });

  it("sends it uncompressed to a client that accepts no encoding, and small bodies as they are", async () => {
    source = finished(page);
    const plain = await get("identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(Buffer.byteLength(page.join("")));
    expect(plain.text).toBe(page.join(""));

    source = finished(['{"ok":true}'], "application/json");
    const small = await get("br");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.headers["content-length"]).toBe("11");
    expect(small.text).toBe('{"ok":true}');
  });

  it("sends a body that pauses piece by piece: the client has the first part before the second is made", async () => {
    let clientHasFirst!: () => void;
    const firstArrived = new Promise<void>((resolve) => (clientHasFirst = resolve));
    source = () => ({
      type: "text/html; charset=utf-8",
      body: new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(bytes("<p>first</p>".repeat(200)));
          await firstArrived; // never, if the writer waited for the whole body
          controller.enqueue(bytes("<p>second</p>"));
          controller.close();
        },
      }),
    });
    const text = await new Promise<string>((resolve, reject) => {
      http.get(base, { headers: { "accept-encoding": "br" } }, (res) => {
        const decoder = zlib.createBrotliDecompress();
        let seen = "";
        decoder.on("data", (c: Buffer) => {
          seen += c.toString("utf8");
          if (seen.includes("first")) clientHasFirst();
        });
        decoder.on("end", () => resolve(seen));
        decoder.on("error", reject);
        res.pipe(decoder);
      });
    });
    expect(text).toBe("<p>first</p>".repeat(200) + "<p>second</p>");
  });

  it("streams server-sent events and bodies over the one-piece limit, and they arrive whole", async () => {
    source = finished(["data: one\n\n", "data: two\n\n"], "text/event-stream");
    const events = await get("br");
    expect(events.headers["content-encoding"]).toBeUndefined();
    expect(events.headers["content-length"]).toBeUndefined();
    expect(events.text).toBe("data: one\n\ndata: two\n\n");

    const big = Array.from({ length: 40 }, (_, i) => `${i}:${"x".repeat(20_000)}\n`);
    source = finished(big, "text/csv; charset=utf-8");
    const exported = await get("gzip");
    expect(exported.headers["content-length"]).toBeUndefined();
    expect(exported.headers["transfer-encoding"]).toBe("chunked");
    expect(exported.text).toBe(big.join(""));
  });
});
