import type { ErrorRequestHandler, RequestHandler } from "express";
import { isCrossSite } from "../app/utils/http.server";
import { loggedPath } from "../app/utils/server-log.server";
import { sendCrossSite, sendNotFound, sendUnreadable } from "./refusal-answer";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses what no page of Lantern ever sends: cross-site form posts (CSRF). In one place so that
 * no action can forget it. (Oversized bodies are refused while they are read: body-limit.ts.)
 */
export const requestGuards: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
  const headers = new Headers();
  for (const name of ["origin", "sec-fetch-site", "referer"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  if (isCrossSite(new Request(url, { headers }))) {
    void sendCrossSite(req, res);
    return;
  }
  next();
};

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;
/** Methods Node reads but the Fetch API cannot carry (its Request refuses them); no page answers them. */
const UNCARRIED_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

const SCHEMES = new Set(["http", "https"]);

/** Whether a Host value is one a URL can be built on (a port of at most 65535, a real IP address). */
function isHost(value: string): boolean {
  if (!HOST.test(value)) return false;
  try {
    return new URL(`http://${value}/`).host !== "";
  } catch {
    return false;
  }
}

/**
 * A request line or Host no browser sends is a client error: answered here, before the framework
 * tries to build a URL from it (which throws, a 500). That is a Host (or, behind a trusted proxy,
 * X-Forwarded-Host) that is not a host name, an X-Forwarded-Proto (trusted) that is neither http nor https, a target that is not a path (a proxy's
 * `GET http://…`, `OPTIONS *`), and a method the Fetch API cannot carry (TRACE). The answer is
 * HTTP's own words, not a page.
 */
export const malformedRequests: RequestHandler = (req, res, next) => {
  if (UNCARRIED_METHODS.has(req.method)) {
    res.status(405).set("Allow", "GET, HEAD, POST").type("text/plain").send("Method not allowed");
    return;
  }
  const host = (req.app.get("trust proxy") && req.headers["x-forwarded-host"]) || req.headers.host;
  const value = Array.isArray(host) ? host[0] : host;
  // req.protocol: behind a trusted proxy, its X-Forwarded-Proto ("a b" or "file" broke the URL: a 500)
  if (!req.url.startsWith("/") || !value || !isHost(String(value).split(",")[0]!.trim()) || !SCHEMES.has(req.protocol.toLowerCase())) {
    res.status(400).type("text/plain").send("Bad request");
    return;
  }
  next();
};

/**
 * Slashes a path may hold. Lantern's deepest address has six
 * (`/teach/classes/:classId/roster/:studentId/export.json`); every one of the framework's ways to
 * read a path is linear in it but two, which are quadratic in its slashes: the page's route list
 * (Remix's lazy route discovery matches every prefix of the path, so 7,000 segments — one 14 KB
 * request — built gigabytes of strings and the server died of an exhausted heap), and the router's
 * trailing-slash pattern `(.)\/+$` (a run of 3,000 slashes held the only thread for 2 s, in a page's
 * path or in a `/__manifest` request's `p`).
 */
export const MAX_PATH_SLASHES = 16;

function slashesIn(path: string): number {
  let count = 0;
  for (let at = path.indexOf("/"); at !== -1 && count <= MAX_PATH_SLASHES; at = path.indexOf("/", at + 1)) count++;
  return count;
}

/** Whether a path has more slashes than any of Lantern's addresses, or a route-discovery request asks about such a path. */
export function pathTooDeep(path: string, search: string): boolean {
  if (slashesIn(path) > MAX_PATH_SLASHES) return true;
  if (path !== "/__manifest") return false;
  return new URLSearchParams(search).getAll("p").some((asked) => slashesIn(asked) > MAX_PATH_SLASHES);
}

/** A path no page of Lantern has, too deep for the framework to look up safely: a 404 in the reader's language, answered here. */
export const overlongPaths: RequestHandler = (req, res, next) => {
  const search = req.url.indexOf("?");
  if (!pathTooDeep(req.path, search === -1 ? "" : req.url.slice(search + 1))) return next();
  void sendNotFound(req, res);
};

/**
 * OPTIONS asks what an address allows: the answer is the same everywhere, and no loader runs for it
 * (Remix ran a download's loader for an OPTIONS request, and sent the file).
 */
export const answerOptions: RequestHandler = (req, res, next) => {
  if (req.method !== "OPTIONS") return next();
  res.status(204).set("Allow", "GET, HEAD, POST, OPTIONS").end();
};

/** Errors raised before Remix (a malformed %-encoded path, say): a 4xx/500 in the reader's language, headers kept. */
export const plainErrors: ErrorRequestHandler = (error, req, res, _next) => {
  const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
  if (status >= 500) console.error("request failed before the app:", (error as Error).message);
  void sendUnreadable(req, res, status >= 400 && status < 600 ? status : 500);
};

/**
 * One line per request: method, path, status, milliseconds — never bodies, queries or cookies,
 * and no join codes (a class's code is what lets anyone join it; loggedPath).
 */
export const requestLog: RequestHandler = (req, res, next) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`${req.method} ${loggedPath(req.path)} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
};
