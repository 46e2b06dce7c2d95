/**
 * Limits on connections themselves, before any request: an attack pass opened 19,600 TCP
 * connections that never sent a byte, and the server ran out of its 128 MB heap and died.
 * Node closes a connection that starts a request and never finishes its headers
 * (`headersTimeout`), and an idle keep-alive one (`keepAliveTimeout`), but one that never sends
 * anything is kept for ever (docs/decisions/009-request-limits-and-proxies.md).
 */
import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * Connections open at once, over both processes (the main one accepts them all). Measured on the
 * built server: 3.0 KB of heap each, idle, over a 42 MB heap at rest. A browser opens up to six to
 * load a page and keeps them for the keep-alive minute, so 1,600 students at once — this
 * server's measured capacity — may hold 9,600; 10,000 of them take 30 MB of the 128 MB heap. Past
 * it, a new connection is closed at once and the browser tries again.
 */
export const MAX_CONNECTIONS = 10_000;

/** A connection that has not sent a whole request's headers within this long is closed. */
export const FIRST_REQUEST_MS = 15_000;

export function limitConnections(server: Server, max = MAX_CONNECTIONS): void {
  server.maxConnections = max;
}

/**
 * Close connections that send no request: the server's HTTP handling of a connection is wrapped
 * to start a timer, and the first request on it stops the timer. Call it before anything else
 * takes over the server's "connection" event (shareConnections reads the handler it leaves).
 */
export function closeSilentConnections(server: Server, ms = FIRST_REQUEST_MS): void {
  const asked = new WeakSet<Socket>();
  server.prependListener("request", (request) => asked.add(request.socket));
  const [httpConnection] = server.listeners("connection") as ((socket: Socket) => void)[];
  if (!httpConnection) throw new Error("closeSilentConnections: the server has no connection handler yet");
  server.removeListener("connection", httpConnection);
  server.on("connection", function watched(this: Server, socket: Socket) {
    const timer = setTimeout(() => {
      if (!asked.has(socket)) socket.destroy();
    }, ms);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    httpConnection.call(this, socket);
  });
}
