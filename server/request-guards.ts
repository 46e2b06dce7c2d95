import type { RequestHandler } from "express";
import { isCrossSite } from "../app/utils/http.server";

const MAX_BODY_BYTES = 1_000_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses what no page of Lantern ever sends: cross-site form posts (CSRF) and oversized bodies.
 * In one place so that no action can forget it.
 */
export const requestGuards: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("Request too large");
    return;
  }
  const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
  const headers = new Headers();
  for (const name of ["origin", "sec-fetch-site"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  if (isCrossSite(new Request(url, { headers }))) {
    res.status(403).type("text/plain").send("Cross-site form posts are refused.");
    return;
  }
  next();
};

/** One line per request: method, path, status, milliseconds — never bodies, queries or cookies. */
export const requestLog: RequestHandler = (req, res, next) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`${req.method} ${req.path} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
};
