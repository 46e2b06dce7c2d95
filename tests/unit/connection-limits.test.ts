/**
 * Connections that never ask for anything are closed, and there is a ceiling on how many are open
 * (server/connection-limits.ts): 19,600 silent connections once filled the heap and killed the
 * server. Real sockets against a real Node HTTP server.
 */
import http from "node:http";
import net from "node:net";
import { afterEach, expect, it } from "vitest";
import { boundUnfinishedHeaders, closeSilentConnections, limitConnections } from "../../server/connection-limits";

let server: http.Server | null = null;
const sockets: net.Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function start(setup: (s: http.Server) => void): Promise<number> {
  server = http.createServer((_request, response) => response.end("ok"));
  setup(server);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
  return (server.address() as net.AddressInfo).port;
}

function open(port: number): Promise<{ socket: net.Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    sockets.push(socket);
    const opened = Date.now();
    const closed = new Promise<number>((done) => socket.on("close", () => done(Date.now() - opened)));
    socket.on("error", () => {});
    socket.once("connect", () => resolve({ socket, closed }));
    socket.once("error", reject);
  });
}

function ask(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes("\r\n\r\nok")) resolve(answer);
    });
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  });
}

it("closes a connection that sends nothing, and keeps one that asked", async () => {
  const port = await start((s) => closeSilentConnections(s, 300));
  const silent = await open(port);
  const asking = await open(port);
  expect(await ask(asking.socket)).toMatch(/^HTTP\/1.1 200/);
  expect(await silent.closed).toBeGreaterThanOrEqual(250);
  // well past the timer: the connection that asked is still open and answers again
  await new Promise((r) => setTimeout(r, 400));
  expect(asking.socket.destroyed).toBe(false);
  expect(await ask(asking.socket)).toMatch(/200 OK[\s\S]*ok$/);
});

it("closes a connection that starts its headers and never finishes them", async () => {
  const port = await start((s) => closeSilentConnections(s, 300));
  const slow = await open(port);
  slow.socket.write("GET / HTTP/1.1\r\nHost: x\r\n");
  expect(await slow.closed).toBeLessThan(2_000);
});

it("refuses connections past the ceiling, and takes new ones once some close", async () => {
  const port = await start((s) => limitConnections(s, 5));
  const first = await Promise.all(Array.from({ length: 5 }, () => open(port)));
  const extra = await open(port);
  // accepted by the kernel, then closed by the server at once
  expect(await Promise.race([extra.closed.then(() => "closed"), new Promise((r) => setTimeout(() => r("open"), 1_000))])).toBe("closed");
  first[0]!.socket.destroy();
  await first[0]!.closed;
  await new Promise((r) => setTimeout(r, 50));
  const later = await open(port);
  expect(await ask(later.socket)).toMatch(/^HTTP\/1.1 200/);
});

it("closes the connections holding the most unfinished headers once their sum passes the bound, and no others", async () => {
  let stop = () => {};
  const port = await start((s) => (stop = boundUnfinishedHeaders(s, 6_000, 50)));
  try {
    // one that asked and waits, idle (keep-alive): never counted
    const idle = await open(port);
    expect(await ask(idle.socket)).toMatch(/^HTTP\/1.1 200/);
    // a browser's request still arriving: 500 bytes
    const small = await open(port);
    small.socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-A: ${"a".repeat(460)}\r\n`);
    // three that send 2.6 KB of header lines each and never finish: 8.3 KB in all, over the 6 KB
    const heavy = await Promise.all(Array.from({ length: 3 }, () => open(port)));
    for (const h of heavy) h.socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 300 }, (_, i) => `h${i}: v\r\n`).join("")}`);
    // the heaviest go until the sum is at most half the bound: all three (8.3 KB → 0.5 KB)
    for (const h of heavy) expect(await h.closed).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(small.socket.destroyed).toBe(false);
    expect(idle.socket.destroyed).toBe(false);
    expect(await ask(idle.socket)).toMatch(/200 OK[\s\S]*ok$/);
  } finally {
    stop();
  }
});

it("keeps unfinished headers under the bound", async () => {
  let stop = () => {};
  const port = await start((s) => (stop = boundUnfinishedHeaders(s, 6_000, 50)));
  try {
    const slow = await Promise.all(Array.from({ length: 3 }, () => open(port)));
    for (const s of slow) s.socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-A: ${"a".repeat(1_500)}\r\n`);
    await new Promise((r) => setTimeout(r, 300));
    for (const s of slow) expect(s.socket.destroyed).toBe(false);
  } finally {
    stop();
  }
});

/** Header lines past Node's batch of 32, so it hands them to JavaScript before the request is complete. */
const longLines = (count: number, width: number) => Array.from({ length: count }, (_, i) => `x-h${i}: ${"v".repeat(width)}\r\n`).join("");

it("closes a connection at once when the header lines handed to JavaScript pass the bound, before any count runs", async () => {
  let stop = () => {};
  // the periodic count is a minute away: only the bound on batches can close anything here
  const port = await start((s) => (stop = boundUnfinishedHeaders(s, 60_000_000, 60_000, 6_000)));
  try {
    const idle = await open(port);
    expect(await ask(idle.socket)).toMatch(/^HTTP\/1.1 200/);
    // 40 lines of 200 bytes (8 KB), never finished: a batch of 32 lines (6.6 KB) passes the bound
    const heavy = await open(port);
    heavy.socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${longLines(40, 200)}`);
    expect(await heavy.closed).toBeLessThan(1_000);
    // the others are untouched, and a request with many lines that is complete is answered, twice:
    // its lines leave the sum when the request is complete
    expect(idle.socket.destroyed).toBe(false);
    for (let i = 0; i < 2; i++) {
      const many = await open(port);
      many.socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${longLines(40, 100)}\r\n`);
      expect(await ask(many.socket)).toMatch(/^HTTP\/1.1 200/);
    }
    expect(await ask(idle.socket)).toMatch(/200 OK[\s\S]*ok$/);
  } finally {
    stop();
  }
});
