/**
 * The build's files are compressed once and served from memory with the encoding the browser
 * asked for; anything else (no encoding accepted, a missing file, a path out of the folder)
 * goes on to express.static.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressedAssets, pickEncoding } from "../../server/compressed-assets";

let dir: string;
let server: http.Server;
let base: string;
const script = `export const words = ${JSON.stringify("lantern ".repeat(2000))};\n`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-assets-"));
  fs.mkdirSync(path.join(dir, "build"));
  fs.writeFileSync(path.join(dir, "build", "entry-ABC123.js"), script);
  fs.writeFileSync(path.join(dir, "secret.js"), "not served");
  const app = express();
  app.use("/build", compressedAssets(path.join(dir, "build")), (_req, res) => res.status(404).send("static fallback"));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Raw bytes and headers (fetch would decompress for us and hide the encoding). */
function get(pathname: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${pathname}`, { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("compressed build assets", () => {
  it("sends brotli to a browser that accepts it, gzip to one that accepts only gzip", async () => {
    const br = await get("/build/entry-ABC123.js", "gzip, deflate, br");
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);

    const gz = await get("/build/entry-ABC123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
  });

  it("compresses each file once: later requests get the bytes made the first time", async () => {
    const first = await get("/build/entry-ABC123.js", "br");
    fs.writeFileSync(path.join(dir, "build", "entry-ABC123.js"), "changed on disk");
    const second = await get("/build/entry-ABC123.js", "br");
    expect(second.body.equals(first.body)).toBe(true);
    fs.writeFileSync(path.join(dir, "build", "entry-ABC123.js"), script);
  });

  it("leaves to express.static what it does not compress: no encoding accepted, a missing file, a path out of the folder", async () => {
    expect((await get("/build/entry-ABC123.js", "identity")).body.toString()).toBe("static fallback");
    expect((await get("/build/missing-XYZ.js", "br")).body.toString()).toBe("static fallback");
    expect((await get("/build/..%2Fsecret.js", "br")).body.toString()).toBe("static fallback");
    expect((await get("/build/%E0%A4%A.js", "br")).body.toString()).toBe("static fallback");
  });

  it("reads Accept-Encoding as HTTP means it (q=0 refuses)", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("br;q=0, gzip")).toBe("gzip");
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});
