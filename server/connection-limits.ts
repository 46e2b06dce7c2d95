/**
 * Limits on connections themselves, before any request: an attack pass opened 19,600 TCP
 * connections that never sent a byte, and the server ran out of its 128 MB heap and died.
 * Node closes a connection that starts a request and never finishes its headers
 * (`headersTimeout`), and an idle keep-alive one (`keepAliveTimeout`), but one that never sends
 * anything is kept for ever (docs/decisions/009-request-limits-and-proxies.md).
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/**
 * Connections open at once, over both processes (the main one accepts them all). Measured on the
 * built server: 3.0 KB of heap each, idle, over a 42 MB heap at rest. A browser opens up to six to
 * load a page and keeps them for the keep-alive minute, so 1,600 students at once — this
 * server's measured capacity — may hold 9,600; 10,000 of them take 30 MB of the heap (192 MB, decision 005). Past
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

/**
 * Bytes of request headers still arriving, over all the connections of a process, at most. Past it
 * the connections holding the most are closed, down to half of it.
 *
 * Why: Node holds a request's headers until they are complete (up to 16 KB a connection, for
 * `headersTimeout`: a minute), past 32 lines as JavaScript strings (53 KB of heap for 700 short
 * lines sent, before MAX_HEADER_LINES in http.ts; about 1.2 bytes a byte since). An anonymous script
 * that opened connections and sent 15 KB of header lines on each, never the blank line that ends
 * them, filled the 128 MB heap after about 1,000 and the server died: the first-request timer above
 * runs 15 s, and the connection ceiling is 10,000. A browser's headers are one or two kilobytes and
 * arrive in one piece: 4 MB is thousands of them arriving at the same instant.
 * This is counted between turns of the event loop: headers sent on thousands of connections in one
 * burst are all read before the count runs, and only MAX_HEADER_LINES bounds what they hold then.
 */
export const MAX_UNFINISHED_HEADER_BYTES = 4_000_000;
/**
 * How often the bytes are counted (Node tells nothing while headers arrive; the socket counts what
 * it read). Each count reads every open connection's byte counter, in C++: every 100 ms it took
 * 2 s of the serving process's CPU in an eight-minute capacity sweep up to 1,200 students (1.2 s in
 * `bytesRead` alone), on the thread that is the server's limit near 1,600. A burst is read before
 * any count anyway (see above); a slower build-up is shed half a second later instead of a tenth.
 */
export const HEADER_CHECK_MS = 500;

/**
 * Header text Node has handed to JavaScript for requests not yet complete, over all the connections
 * of a process, at most. Node passes a request's header lines to JavaScript in batches of 32 while
 * they arrive (a browser sends about fifteen, all at once with the request: never a batch), and
 * keeps them as strings until the request is complete. The count above runs between turns of the
 * event loop, so a burst is read before it: 5,000 connections opened beforehand, each then sent 16
 * KB of long header lines at once and never finished, held 80 MB of strings after one turn and the
 * server died of an exhausted heap. Counted here as each batch arrives, inside that turn: past this
 * sum the connection is closed there and then and its lines are dropped unkept.
 */
export const MAX_BATCHED_HEADER_BYTES = 4_000_000;

/** The parser Node gives each connection (`socket.parser`): its callbacks are numbered slots. */
interface HeaderParser {
  socket: Socket | null;
  [slot: number]: unknown;
}
type OnHeaders = (this: HeaderParser, headers: string[], url: string) => unknown;

/** Per open connection: requests being answered, bytes read when the last answer ended, batched header text. */
interface Watched {
  answering: number;
  settled: number;
  batched: number;
  pool: { total: number; max: number };
}

/** Every watched connection of the process, by socket (parsers are shared by all servers of a process). */
const watchedSockets = new WeakMap<Socket, Watched>();
/** Node's own batch handler, found on the first parser seen (the same function on every parser). */
let nodeOnHeaders: OnHeaders | null = null;

function onHeadersCounted(this: HeaderParser, headers: string[], url: string): unknown {
  const socket = this.socket;
  const watched = socket ? watchedSockets.get(socket) : undefined;
  if (watched && socket) {
    let bytes = url.length;
    for (const line of headers) bytes += line.length;
    watched.batched += bytes;
    watched.pool.total += bytes;
    if (watched.pool.total > watched.pool.max) {
      socket.destroy();
      return undefined;
    }
  }
  return nodeOnHeaders!.call(this, headers, url);
}

/** Puts the counting batch handler on a connection's parser (once per parser: Node reuses them). */
function countBatches(socket: Socket): void {
  const parser = (socket as Socket & { parser?: HeaderParser }).parser;
  const slot = (parser?.constructor as { kOnHeaders?: unknown } | undefined)?.kOnHeaders;
  if (!parser || typeof slot !== "number" || parser[slot] === onHeadersCounted) return;
  nodeOnHeaders ??= parser[slot] as OnHeaders;
  parser[slot] = onHeadersCounted;
}

function forgetBatches(watched: Watched): void {
  watched.pool.total -= watched.batched;
  watched.batched = 0;
}

/**
 * Counts, every `everyMs`, the bytes each connection has sent since its last answer ended (or
 * since it opened) while no request of it is being answered — headers still on their way — and
 * closes the largest when the sum passes `maxBytes`. Like closeSilentConnections, it wraps the
 * server's connection handler: call it before shareConnections. Returns a stop for tests.
 */
export function boundUnfinishedHeaders(
  server: Server,
  maxBytes = MAX_UNFINISHED_HEADER_BYTES,
  everyMs = HEADER_CHECK_MS,
  maxBatchedBytes = MAX_BATCHED_HEADER_BYTES,
): () => void {
  const open = new Map<Socket, Watched>();
  const pool = { total: 0, max: maxBatchedBytes };
  // one listener for every answer, not a closure a request: this runs on every request the server takes
  function answered(this: ServerResponse) {
    const socket = this.req.socket;
    const watched = open.get(socket);
    if (!watched) return;
    watched.answering--;
    watched.settled = socket.bytesRead;
  }
  server.prependListener("request", (request: IncomingMessage, response: ServerResponse) => {
    const watched = open.get(request.socket);
    if (!watched) return;
    // its headers are complete: the request holds them now, no longer the parser
    if (watched.batched > 0) forgetBatches(watched);
    watched.answering++;
    response.on("close", answered);
  });
  const [httpConnection] = server.listeners("connection") as ((socket: Socket) => void)[];
  if (!httpConnection) throw new Error("boundUnfinishedHeaders: the server has no connection handler yet");
  server.removeListener("connection", httpConnection);
  server.on("connection", function counted(this: Server, socket: Socket) {
    const watched: Watched = { answering: 0, settled: 0, batched: 0, pool };
    open.set(socket, watched);
    watchedSockets.set(socket, watched);
    socket.once("close", () => {
      open.delete(socket);
      forgetBatches(watched);
    });
    httpConnection.call(this, socket);
    countBatches(socket);
  });
  const unfinishedBytes = (socket: Socket, watched: Watched) =>
    watched.answering > 0 ? 0 : socket.bytesRead - watched.settled;
  const timer = setInterval(() => {
    // The common case — a few kilobytes in all — allocates nothing: the list is made only past the limit.
    let total = 0;
    open.forEach((watched, socket) => {
      const bytes = unfinishedBytes(socket, watched);
      if (bytes > 0) total += bytes;
    });
    if (total <= maxBytes) return;
    const unfinished: [Socket, number][] = [];
    open.forEach((watched, socket) => {
      const bytes = unfinishedBytes(socket, watched);
      if (bytes > 0) unfinished.push([socket, bytes]);
    });
    unfinished.sort((a, b) => b[1] - a[1]);
    for (const [socket, bytes] of unfinished) {
      if (total <= maxBytes / 2) break;
      socket.destroy();
      total -= bytes;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
