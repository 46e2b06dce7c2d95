/**
 * Connections that never ask for anything are closed, and there is a ceiling on how many are open
 * (server/connection-limits.ts): 19,600 silent connections once filled the heap and killed the
 * server. Real sockets against a real Node HTTP server.
 */
import http from "node:http";
import net from "node:net";
import { afterEach, expect, it } from "vitest";
import { closeSilentConnections, limitConnections } from "../../server/connection-limits";

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
