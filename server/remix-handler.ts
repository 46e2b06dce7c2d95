/**
 * Remix behind Express, as @remix-run/express's handler does it, with these differences:
 * - at most a few requests are worked on at once, the others wait in line or, past a bound, get
 *   "busy" (503): an overloaded server slows down instead of filling its heap (admission.ts);
 * - the request body is read here, bounded (body-limit.ts), before any loader or action runs and
 *   before the request takes a place in the line. So every route — forms, JSON APIs, uploads, URLs
 *   no route answers — shares one limit no action can forget, an oversized body is refused with a
 *   413 instead of filling the heap, and slow senders cannot hold the places pages need;
 * - everything answered to a signed-in request is marked Cache-Control: no-store (but
 *   content-addressed `immutable` assets, the same for everyone);
 * and with the outage answer in front: while the database is known to be away every request (but
 * /healthz, which checks for itself) gets the "back in a moment" 503 at once; a request still
 * waiting for its first byte when the database goes away gets it then (queries queued in the
 * driver would otherwise wait for connection attempts one by one); and a request that failed
 * because the database went away or ran out of time gets it instead of the generic error page
 * (docs/decisions/010-supervision-and-outages.md).
 * (The adapter's request and response helpers are not part of its public API, hence our own.)
 */
import {
  createRequestHandler as createRemixHandler,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { checkDatabase, databaseAvailable, failedForDatabase, unlessOutage } from "../app/utils/database-health.server";
import { outageResponse } from "../app/utils/outage.server";
import { inRequestScope } from "../app/utils/request-scope.server";
import { carriesSessionCookie } from "../app/utils/session-cookie.server";
import { createAdmission, type Admitted, type AdmissionOptions } from "./admission";
import {
  bodyLimitFor,
  CLIENT_GONE,
  closeAfterRefusal,
  MAX_FORM_FIELDS,
  MAX_MULTIPART_PARTS,
  mayHaveBody,
  multipartRefused,
  readBoundedBody,
  SERVER_BUSY,
  TOO_LARGE,
  tooManyFields,
  tooManyParts,
} from "./body-limit";
import { sendBusy, sendTooLarge, sendTooManyParts, sendUnsupportedBody } from "./refusal-answer";
import { isEventStream, writeBody } from "./write-body";

const CHECKS_FOR_ITSELF = new Set(["/healthz"]);
/** A request this slow makes us check the database (a lost server may not say so by itself). */
const SUSPECT_AFTER_MS = 2_000;

export interface RemixHandlerOptions {
  build: ServerBuild;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  /** How many requests are worked on at once, and how many wait (admission.ts). */
  admission: AdmissionOptions;
}

const ALWAYS: Admitted = { release: () => {} };

export function createBoundedRemixHandler({ build, getLoadContext, admission: admissionOptions }: RemixHandlerOptions): RequestHandler {
  const handleRequest = createRemixHandler(build, "production");
  const answer = async (request: Request, context: AppLoadContext): Promise<Response> => {
    if (!databaseAvailable()) return outageResponse(request);
    const handled = handleRequest(request, context);
    const suspect = setTimeout(() => void checkDatabase(), SUSPECT_AFTER_MS);
    const first = await unlessOutage(handled).finally(() => clearTimeout(suspect));
    if (first === null) {
      void handled.then((late) => late.body?.cancel(), () => {});
      return outageResponse(request);
    }
    if (first.status >= 500 && failedForDatabase(request)) {
      await first.body?.cancel();
      return outageResponse(request);
    }
    return first;
  };
  const admission = createAdmission(admissionOptions);
  return async (req, res, next) => {
    // The body is read before a place is taken: a sender that trickles its body (on purpose or
    // on a bad line) holds only its socket, never one of the few places every page needs.
    let body: Buffer | undefined;
    if (mayHaveBody(req)) {
      const read = await readBody(req, res);
      if (read === REFUSED) return;
      body = read;
    }
    // /healthz is answered at once, however busy: a busy server is not a broken one
    const place = CHECKS_FOR_ITSELF.has(req.path) ? ALWAYS : await admission.enter();
    if (!place) {
      await sendBusy(req, res);
      return;
    }
    try {
      if (req.socket.destroyed) return; // gone while waiting in line
      const disconnected = disconnectSignal(req, res);
      const request = remixRequest(req, body, disconnected);
      const context = { ...getLoadContext(req, res), disconnected };
      // one scope per request: what every loader asks for (the session) is looked up once
      const response = await inRequestScope(
        () => (CHECKS_FOR_ITSELF.has(req.path) ? handleRequest(request, context) : answer(request, context)),
        request.method,
      );
      // a stream (the playground's reply) mostly waits on the model: its place goes to the next
      if (isEventStream(response.headers.get("Content-Type"))) place.release();
      await sendResponse(req, res, response, await isPrivate(request, response));
    } catch (error) {
      next(error);
    } finally {
      place.release();
    }
  };
}

const REFUSED = Symbol("refused");

/** The request's body, bounded in size, parts and time — or REFUSED, answered (or gone) here. */
async function readBody(req: ExpressRequest, res: ExpressResponse): Promise<Buffer | typeof REFUSED> {
  const refuse = async (send: () => Promise<void>): Promise<typeof REFUSED> => {
    closeAfterRefusal(req, res);
    await send();
    return REFUSED;
  };
  if (multipartRefused(req, req.path)) return refuse(() => sendUnsupportedBody(req, res));
  const limit = bodyLimitFor(req);
  const read = await readBoundedBody(req, res, limit, req.ip ?? req.socket.remoteAddress ?? "unknown");
  if (read === CLIENT_GONE) return REFUSED;
  if (read === TOO_LARGE) return refuse(() => sendTooLarge(req, res, limit));
  if (read === SERVER_BUSY) return refuse(() => sendBusy(req, res));
  if (tooManyParts(req, read)) return refuse(() => sendTooManyParts(req, res, MAX_MULTIPART_PARTS));
  if (tooManyFields(req, read)) return refuse(() => sendTooManyParts(req, res, MAX_FORM_FIELDS));
  return read;
}

/**
 * Aborted when the client goes away before its answer is complete. Routes with long answers
 * listen to this (context.disconnected), not to request.signal: Node's fetch Request follows a
 * parent signal only through a WeakRef, and Remix's intermediate copies of the request are
 * garbage once the action returns its stream — after a collection request.signal never aborts
 * and a stopped reply would keep running upstream (nodejs/undici#3644).
 */
function disconnectSignal(req: ExpressRequest, res: ExpressResponse): AbortSignal {
  const controller = new AbortController();
  let answered = false;
  res.once("finish", () => (answered = true));
  // the listener holds the controller, so the signal lives as long as the connection
  res.once("close", () => answered || controller.abort());
  return controller.signal;
}

/** The Fetch Request Remix sees: the URL as Express resolves it (trust proxy), aborted on disconnect. */
function remixRequest(req: ExpressRequest, body: Buffer | undefined, disconnected: AbortSignal): Request {
  // Host keeps the port; req.hostname drops it but honours the trusted X-Forwarded-Host.
  const port = /:(\d+)$/.exec((req.app.get("trust proxy") && req.get("X-Forwarded-Host")) || req.get("host") || "")?.[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  // A Buffer is a Uint8Array; TypeScript's DOM types only doubt its backing store.
  return new Request(url.href, { method: req.method, headers, body: body as Uint8Array<ArrayBuffer> | undefined, signal: disconnected });
}

/**
 * Anything answered to a signed-in request (pages, data requests, exports, errors, redirects) or
 * that sets a cookie: never stored by a browser's cache or a proxy, so the next person on a shared
 * computer cannot page back into it. Decided here, once, so a new route cannot forget it.
 */
async function isPrivate(request: Request, response: Response): Promise<boolean> {
  // content-addressed assets (the catalogs) are the same for everyone, whoever asks
  if (/\bimmutable\b/.test(response.headers.get("Cache-Control") ?? "") && !response.headers.has("Set-Cookie")) return false;
  return response.headers.has("Set-Cookie") || (await carriesSessionCookie(request));
}

async function sendResponse(req: ExpressRequest, res: ExpressResponse, response: Response, privateAnswer: boolean): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (privateAnswer) res.setHeader("Cache-Control", "no-store");
  // Server-sent events must leave at once, not when the first chunk fills a buffer.
  if (isEventStream(response.headers.get("Content-Type"))) res.flushHeaders();
  if (response.body) await writeBody(response.body, req, res);
  else res.end();
}
