import type { ErrorRequestHandler, RequestHandler } from "express";
import { isCrossSite } from "../app/utils/http.server";
import { sendCrossSite, sendUnreadable } from "./refusal-answer";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses what no page of Lantern ever sends: cross-site form posts (CSRF). In one place so that
 * no action can forget it. (Oversized bodies are refused while they are read: body-limit.ts.)
 */
export const requestGuards: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
  const headers = new Headers();
  for (const name of ["origin", "sec-fetch-site"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  if (isCrossSite(new Request(url, { headers }))) {
    sendCrossSite(req, res);
    return;
  }
  next();
};

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * A Host (or, behind a trusted proxy, X-Forwarded-Host) that is not a host name is a client
 * error: answer 400 here, before the framework tries to build a URL from it. No browser sends
 * one, so the answer is HTTP's own words, not a page.
 */
export const hostGuard: RequestHandler = (req, res, next) => {
  const host = (req.app.get("trust proxy") && req.headers["x-forwarded-host"]) || req.headers.host;
  const value = Array.isArray(host) ? host[0] : host;
  if (!value || !HOST.test(String(value).split(",")[0]!.trim())) {
    res.status(400).type("text/plain").send("Bad request");
    return;
  }
  next();
};

/** Errors raised before Remix (a malformed %-encoded path, say): a 4xx/500 in the reader's language, headers kept. */
export const plainErrors: ErrorRequestHandler = (error, req, res, _next) => {
  const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
  if (status >= 500) console.error("request failed before the app:", (error as Error).message);
  sendUnreadable(req, res, status >= 400 && status < 600 ? status : 500);
};

/**
 * One line per request: method, path, status, milliseconds — never bodies, queries or cookies,
 * and no join codes (a class's code is what lets anyone join it).
 */
export const requestLog: RequestHandler = (req, res, next) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const path = req.path.replace(/^\/join\/[^/]+/, "/join/…");
    console.log(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
};
