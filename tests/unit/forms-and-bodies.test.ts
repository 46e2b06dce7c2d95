/**
 * Reading what a client sends, before any route: the form's fields (repeats, odd names) and the
 * body itself (a client that stops sending mid-body).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_GONE, MAX_BYTES_PER_CLIENT, MAX_FORM_FIELDS, readBoundedBody, SERVER_BUSY, tooManyFields } from "../../server/body-limit";
import { formObject, validate } from "../../app/utils/forms.server";
import { z } from "zod";

describe("formObject", () => {
  it("keeps repeated fields as a list, in order, in time proportional to the form", () => {
    const form = new FormData();
    for (let i = 0; i < 50_000; i++) form.append("a", String(i));
    form.append("b", "one");
    const started = process.cpuUsage();
    const fields = formObject(form);
    const cpuMs = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1000;
    expect(fields.b).toBe("one");
    expect(fields.a).toHaveLength(50_000);
    expect((fields.a as string[])[49_999]).toBe("49999");
    // quadratic copying took seconds for a third of this; linear work is milliseconds
    expect(cpuMs).toBeLessThan(1_000);
  });

  it("treats a field named __proto__ as a field, not as the object's prototype", () => {
    const form = new FormData();
    form.append("__proto__", "x");
    form.append("__proto__", "y");
    const fields = formObject(form);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fields, "__proto__")?.value).toEqual(["x", "y"]);
  });
});

describe("validate", () => {
  it("passes on catalog keys with underscores (playground.refused.too_long), not just dotted words", () => {
    const schema = z.object({ prompt: z.string().max(3, "playground.refused.too_long") });
    expect(validate(schema, { prompt: "four" })).toEqual({ ok: false, errors: { prompt: "playground.refused.too_long" } });
  });
});

describe("a body that stops arriving", () => {
  let server: http.Server | undefined;
  afterEach(() => server?.close());

  async function serve(idleMs: number, totalMs = 60_000) {
    const outcomes: unknown[] = [];
    server = http.createServer(async (req, res) => {
      const read = await readBoundedBody(req, res, 1_000_000, "one client", idleMs, totalMs);
      outcomes.push(read === CLIENT_GONE ? "gone" : Buffer.isBuffer(read) ? read.toString() : String(read));
      if (Buffer.isBuffer(read)) res.end("ok");
    });
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server!.once("listening", resolve));
    return { port: (server.address() as AddressInfo).port, outcomes };
  }

  it("is dropped with its connection once nothing has come for the idle time", async () => {
    const { port, outcomes } = await serve(300);
    const req = http.request({ port, host: "127.0.0.1", method: "POST", path: "/", headers: { "transfer-encoding": "chunked" } });
    req.on("error", () => {});
    req.write("x".repeat(1000)); // then nothing more, and never the end
    const closed = await new Promise<boolean>((resolve) => {
      req.once("close", () => resolve(true));
      setTimeout(() => resolve(false), 5_000).unref();
    });
    expect(closed).toBe(true);
    expect(outcomes).toEqual(["gone"]);
  });

  it("is dropped with its connection once the whole-body time is up, however steadily it trickles", async () => {
    const { port, outcomes } = await serve(300, 700);
    const req = http.request({ port, host: "127.0.0.1", method: "POST", path: "/", headers: { "transfer-encoding": "chunked" } });
    req.on("error", () => {});
    const tick = setInterval(() => req.write("x"), 100); // never idle, never done
    const closed = await new Promise<boolean>((resolve) => {
      req.once("close", () => resolve(true));
      setTimeout(() => resolve(false), 5_000).unref();
    });
    clearInterval(tick);
    expect(closed).toBe(true);
    expect(outcomes).toEqual(["gone"]);
  });

  it("is read whole when it keeps arriving, however slowly, within the whole-body time", async () => {
    const { port, outcomes } = await serve(300);
    const answer = new Promise<string>((resolve, reject) => {
      const req = http.request({ port, host: "127.0.0.1", method: "POST", path: "/", headers: { "transfer-encoding": "chunked" } }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve(text));
      });
      req.on("error", reject);
      let sent = 0;
      const tick = setInterval(() => {
        req.write(`part${sent} `);
        if (++sent === 8) {
          clearInterval(tick);
          req.end();
        }
      }, 100); // 800 ms in all, longer than the idle time, never idle for it
    });
    expect(await answer).toBe("ok");
    expect(outcomes).toEqual(["part0 part1 part2 part3 part4 part5 part6 part7 "]);
  });
});

describe("bodies in flight", () => {
  let server: http.Server | undefined;
  afterEach(() => server?.close());

  // Found in an attack pass: 24 unfinished bodies from one anonymous client refused every form in
  // the school with 503. Each client now has a share; the two clients here differ by address.
  it("give one client a share of the budget, so another's body is still read", async () => {
    const outcomes: string[] = [];
    server = http.createServer(async (req, res) => {
      const read = await readBoundedBody(req, res, 1_000_000, req.socket.remoteAddress ?? "?", 5_000, 5_000);
      outcomes.push(`${req.socket.remoteAddress} ${read === SERVER_BUSY ? "busy" : Buffer.isBuffer(read) ? "read" : String(read)}`);
      res.end();
    });
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server!.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (localAddress: string, bytes: number, finish: boolean) => {
      const req = http.request({ port, host: "127.0.0.1", localAddress, method: "POST", path: "/", agent: false, headers: { "transfer-encoding": "chunked" } });
      req.on("error", () => {});
      req.write("x".repeat(bytes));
      if (finish) req.end();
      return req;
    };
    const held = Array.from({ length: Math.ceil(MAX_BYTES_PER_CLIENT / 900_000) + 1 }, () => send("127.0.0.1", 900_000, false));
    await expect.poll(() => outcomes.filter((o) => o.endsWith("busy")).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((o) => o === "127.0.0.1 busy")).toBe(true);
    send("127.0.0.2", 900_000, true);
    await expect.poll(() => outcomes.includes("127.0.0.2 read"), { timeout: 5_000 }).toBe(true);
    for (const req of held) req.destroy();
  });
});

describe("a form's fields", () => {
  const form = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `f${i}=1`).join("&"));
  const posted = { headers: { "content-type": "application/x-www-form-urlencoded" } } as http.IncomingMessage;
  it("are counted before parsing: as many as a form sends pass, more are refused", () => {
    expect(tooManyFields(posted, form(MAX_FORM_FIELDS))).toBe(false);
    expect(tooManyFields(posted, form(MAX_FORM_FIELDS + 1))).toBe(true);
    expect(tooManyFields(posted, Buffer.from("&".repeat(500_000)))).toBe(true);
    // JSON and multipart bodies are bounded otherwise
    expect(tooManyFields({ headers: { "content-type": "application/json" } } as http.IncomingMessage, Buffer.from("&".repeat(5_000)))).toBe(false);
  });
});

describe("the chat form", () => {
  it("counts line breaks as the student typed them (browsers send CRLF) and says 'too long' past the limit", async () => {
    const { ExchangeFormSchema } = await import("../../app/forms/playground.server");
    const { MAX_CHARS } = await import("../../app/utils/form-limits");
    const line = "a".repeat(14);
    const lines = Math.floor(MAX_CHARS.prompt / (line.length + 1));
    const typed = Array.from({ length: lines }, () => line).join("\r\n"); // ≤ the limit as typed
    expect(typed.replace(/\r\n/g, "\n").length).toBeLessThanOrEqual(MAX_CHARS.prompt);
    expect(typed.length).toBeGreaterThan(MAX_CHARS.prompt);
    const fits = validate(ExchangeFormSchema, { prompt: typed, model: "mini" });
    expect(fits.ok).toBe(true);

    expect(validate(ExchangeFormSchema, { prompt: "a".repeat(MAX_CHARS.prompt + 1), model: "mini" })).toMatchObject({
      ok: false,
      errors: { prompt: "playground.refused.too_long" },
    });
    expect(validate(ExchangeFormSchema, { prompt: "hi", system: "s".repeat(MAX_CHARS.systemPrompt + 1), model: "mini" })).toMatchObject({
      ok: false,
      errors: { system: "playground.refused.too_long" },
    });
  });
});
