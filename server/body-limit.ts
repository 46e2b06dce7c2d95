/**
 * Request bodies are bounded by the bytes actually read, not by what Content-Length promises: a
 * chunked body has no Content-Length, and a 150 MB one read by `request.json()` exhausted the
 * heap. The body is read here, counted chunk by chunk, before Remix sees the request; past the
 * limit reading stops and the client gets a 413 in its language (see refusal-answer.ts).
 *
 * Bodies also count together: all bodies being read or handled at once may hold at most
 * MAX_BYTES_IN_FLIGHT, so a crowd of near-limit bodies cannot fill the heap either (each becomes
 * strings and objects once parsed); past it a body is refused with 503 "try again in a moment".
 */
import type { ServerResponse } from "node:http";
import type { IncomingMessage } from "node:http";

/** Every form and JSON body Lantern sends is a few kilobytes; 1 MB leaves room for long pastes. */
export const MAX_BODY_BYTES = 1_000_000;
/** File uploads (roster imports) are multipart: larger, still bounded. */
export const MAX_MULTIPART_BYTES = 5_000_000;

/** A classroom's forms are a few kilobytes each: 24 MB in flight is dozens of large uploads at once. */
export const MAX_BYTES_IN_FLIGHT = 24_000_000;

/**
 * One client's share of it: a roster upload and a few forms beside it. Without a share, one
 * anonymous client holding two dozen unfinished 1 MB bodies made every form in the school fail
 * with 503 until they timed out, and could open them again. Counted by the client's address as
 * Express reads it (behind a trusted proxy, the address the proxy reports).
 */
export const MAX_BYTES_PER_CLIENT = 6_000_000;

/**
 * A body that stops arriving for this long is dropped, with its connection, and its bytes leave
 * the in-flight budget: otherwise two dozen stalled uploads could hold the whole budget (and so
 * refuse every form in the school) for as long as they keep their sockets open. A slow school
 * network still sends something every few seconds.
 */
export const BODY_IDLE_MS = 15_000;

/**
 * A body still not complete after this long is dropped too, however steadily it trickles: one
 * byte every few seconds never trips the idle time. The slowest honest body is a 5 MB roster on a
 * congested school line (~500 kbit/s: 80 s).
 */
export const BODY_TOTAL_MS = 120_000;

/**
 * The only pages that take files: the roster imports (Remix's data requests end in `.data`).
 * Anywhere else a multipart body is refused unread: parsing one is far dearer than a form's
 * fields (60,000 empty parts in 4 MB held the only thread for 5 s), and no other form sends one.
 */
const UPLOAD_PATHS = /^\/(?:teach\/classes\/[^/]+|admin)\/import(?:\.data)?$/;

/** Parts of an upload at most: its files (a OneRoster export is up to 8), the pasted text, the intent. */
export const MAX_MULTIPART_PARTS = 32;

/**
 * Fields of a form post at most. Lantern's largest forms (a class's assignments, a quiz) send a few
 * hundred; a 1 MB body of 500,000 empty fields took 0.5–0.8 s of the only thread to parse, and a
 * few of them at once made the database's health check time out.
 */
export const MAX_FORM_FIELDS = 2_000;

export const TOO_LARGE = Symbol("too large");
export const SERVER_BUSY = Symbol("server busy");
/** The client went away before its body was complete: there is no one left to answer. */
export const CLIENT_GONE = Symbol("client gone");

const WITHOUT_BODY = new Set(["GET", "HEAD"]);

export function mayHaveBody(req: IncomingMessage): boolean {
  return !WITHOUT_BODY.has(req.method ?? "GET");
}

function isMultipart(req: IncomingMessage): boolean {
  return String(req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
}

export function bodyLimitFor(req: IncomingMessage): number {
  return isMultipart(req) ? MAX_MULTIPART_BYTES : MAX_BODY_BYTES;
}

/** A multipart body sent where no page takes files. */
export function multipartRefused(req: IncomingMessage, path: string): boolean {
  return isMultipart(req) && !UPLOAD_PATHS.test(path);
}

/** Whether a multipart body has more parts than any upload form sends (counted by its boundary, before parsing). */
export function tooManyParts(req: IncomingMessage, body: Buffer): boolean {
  if (!isMultipart(req)) return false;
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(req.headers["content-type"]))?.slice(1).find(Boolean);
  if (!boundary) return false; // the parser refuses it (400)
  const delimiter = Buffer.from(`--${boundary}`);
  let parts = -1; // the last delimiter closes the body
  for (let at = body.indexOf(delimiter); at !== -1; at = body.indexOf(delimiter, at + delimiter.length)) {
    if (++parts > MAX_MULTIPART_PARTS) return true;
  }
  return false;
}

/** Whether a form post has more fields than any of Lantern's forms sends (counted before parsing). */
export function tooManyFields(req: IncomingMessage, body: Buffer): boolean {
  if (!String(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) return false;
  let fields = 1;
  for (let at = body.indexOf(0x26); at !== -1; at = body.indexOf(0x26, at + 1)) {
    if (++fields > MAX_FORM_FIELDS) return true;
  }
  return false;
}

let bytesInFlight = 0;
const bytesInFlightOf = new Map<string, number>();

function hold(client: string, bytes: number): void {
  bytesInFlight += bytes;
  const left = (bytesInFlightOf.get(client) ?? 0) + bytes;
  if (left > 0) bytesInFlightOf.set(client, left);
  else bytesInFlightOf.delete(client);
}

/**
 * The whole body, or TOO_LARGE as soon as more than `limit` bytes arrived (or Content-Length
 * announces more), or SERVER_BUSY when all bodies together would pass MAX_BYTES_IN_FLIGHT, or
 * the bodies of `client` (its address) MAX_BYTES_PER_CLIENT.
 * Reading then stops: the stream is paused and nothing more is kept. A body read whole stays
 * counted until its response is over.
 */
export function readBoundedBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  client: string,
  idleMs = BODY_IDLE_MS,
  totalMs = BODY_TOTAL_MS,
): Promise<Buffer | typeof TOO_LARGE | typeof SERVER_BUSY | typeof CLIENT_GONE> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let held = 0;
    const release = () => {
      hold(client, -held);
      held = 0;
    };
    const stop = (outcome: typeof TOO_LARGE | typeof SERVER_BUSY | typeof CLIENT_GONE) => {
      cleanup();
      release();
      chunks.length = 0;
      resolve(outcome);
    };
    let idle = setTimeout(() => onStalled(), idleMs);
    const whole = setTimeout(() => onStalled(), totalMs);
    const onStalled = () => {
      stop(CLIENT_GONE);
      req.socket.destroy();
    };
    const cleanup = () => {
      clearTimeout(idle);
      clearTimeout(whole);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onGone);
    };
    const onData = (chunk: Buffer) => {
      clearTimeout(idle);
      idle = setTimeout(() => onStalled(), idleMs);
      received += chunk.length;
      const busy =
        bytesInFlight + chunk.length > MAX_BYTES_IN_FLIGHT || (bytesInFlightOf.get(client) ?? 0) + chunk.length > MAX_BYTES_PER_CLIENT;
      if (received > limit || busy) {
        req.pause();
        stop(received > limit ? TOO_LARGE : SERVER_BUSY);
        return;
      }
      hold(client, chunk.length);
      held += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      res.once("close", release);
      resolve(Buffer.concat(chunks, received));
    };
    const onGone = () => stop(CLIENT_GONE);
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onGone);
    req.once("close", onGone);
  });
}

/**
 * A refusal (413, 415, 503) is the connection's last answer: it says `Connection: close`, so the
 * client sends nothing more on it. The rest of the body then drains (discarded, never kept) for a
 * short while, and the connection closes — a client that keeps sending does not keep the socket.
 * - Node closes a `Connection: close` socket as soon as the answer is written (`destroySoon`):
 *   unread body bytes still arriving would then reset the connection and the client could lose
 *   the answer before reading it. Here only the writing side is closed at once; the socket is
 *   destroyed after `lingerMs` (a "lingering close", as web servers do it).
 * - Answered with `keep-alive` instead (as before), a client reused the connection — a browser
 *   for its next page, a script for its next call — and the timer destroyed it under that
 *   request, a second after it was sent, with no answer.
 * Call it before the refusal's headers are written.
 */
export function closeAfterRefusal(req: IncomingMessage, res: ServerResponse, lingerMs = 2_000): void {
  const socket = req.socket;
  res.setHeader("Connection", "close");
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
  };
  res.once("finish", () => {
    req.on("data", () => {});
    req.resume();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  });
}
