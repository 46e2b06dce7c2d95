/**
 * The HTTP server: Express in front of the Remix build, with static files, compression,
 * security headers, request guards and the request log.
 */
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";
import type { Env } from "../app/utils/env.server";
import { ADMISSION_WAIT_MS } from "./admission";
import { compressedAssets } from "./compressed-assets";
import { createBoundedRemixHandler } from "./remix-handler";
import { answerOptions, malformedRequests, overlongPaths, plainErrors, requestGuards, requestLog } from "./request-guards";
import { securityHeaders } from "./security-headers";
import { isEventStream, PAGE_BROTLI } from "./write-body";

export interface HttpOptions {
  build: ServerBuild;
  /** Express's `trust proxy`: false, a number of hops, or the proxies' addresses (never `true`). */
  trustProxy: false | number | string[];
  logRequests: boolean;
  /** Requests worked on at once, and how many may wait for a place (decision 025). */
  admission: { active: number; queued: number };
}

/** The app `npm start` serves, over the built Remix app, as the environment configures it: the main process and the helper serve the same. */
export async function builtApp(config: Env) {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  warmUpSoon(build);
  return createHttpApp({
    build,
    trustProxy: config.TRUST_PROXY,
    logRequests: config.LOG_REQUESTS,
    admission: { active: config.MAX_ACTIVE_REQUESTS, queued: config.MAX_WAITING_REQUESTS },
  });
}

/**
 * The screen's regular expressions compiled a moment after the server starts listening, a turn
 * of the event loop each (app/playground/warm-up.server.ts): not before, where it would delay the
 * start, nor at the first student's message, where it held up every request for about a second.
 */
const WARM_UP_AFTER_MS = 250;
function warmUpSoon(build: ServerBuild) {
  const { warmUp } = build.entry.module as { warmUp?: () => Promise<unknown> };
  if (warmUp) setTimeout(() => void warmUp(), WARM_UP_AFTER_MS).unref();
}

export function createHttpApp({ build, trustProxy, logRequests, admission }: HttpOptions) {
  const app = express();
  app.disable("x-powered-by");
  // Nothing reads req.query (Remix reads the URL itself): Express would parse every query string
  // with qs, on every request, for nobody (~25 µs a lesson page in its CPU profile).
  app.set("query parser", false);
  if (trustProxy !== false) app.set("trust proxy", trustProxy);
  if (logRequests) app.use(requestLog);
  app.use(
    compression({
      // streamed answers only: one finished in one go is compressed by write-body.ts
      brotli: PAGE_BROTLI,
      // Server-sent events must reach the browser token by token, not in compressed batches.
      filter: (req, res) => !isEventStream(String(res.getHeader("Content-Type") ?? "")) && compression.filter(req, res),
    }),
  );
  app.use(securityHeaders);
  app.use(malformedRequests);
  app.use(overlongPaths);
  app.use(answerOptions);
  const root = process.cwd();
  app.use(
    "/build",
    compressedAssets(path.join(root, "public/build")),
    express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(publicFiles(path.join(root, "public")));
  app.use(requestGuards);
  app.all(
    "*",
    createBoundedRemixHandler({
      build,
      getLoadContext: (req, res) => ({ nonce: res.locals.nonce as string, clientAddress: req.ip ?? "unknown" }),
      admission: { ...admission, maxWaitMs: ADMISSION_WAIT_MS },
    }),
  );
  app.use(plainErrors);
  return app;
}

/**
 * The few files in public/ besides the build (the favicon), served from the disk. Only their
 * names are looked up there: a static handler in front of every page asked the disk for each
 * URL and built an error for each miss — 12 % of the server's CPU under the capacity benchmark.
 */
function publicFiles(dir: string): RequestHandler {
  const names = new Set(fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name !== "build") : []);
  const serve = express.static(dir, { maxAge: "1h", index: false });
  return (req, res, next) => (names.has(req.path.split("/")[1] ?? "") ? serve(req, res, next) : next());
}

/**
 * Idle keep-alive sockets stay open a minute. With 5 s, a server busy for a second or more
 * closed sockets the browser had just sent its next request on (its timer fired late, with the
 * request already waiting): the request failed with a reset — in a 200-student burst, a saved
 * step. (Node's server.close() still closes idle sockets at once, so shutdown does not wait.)
 */
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.maxHeadersCount = MAX_HEADER_LINES;
}

/**
 * Header lines of a request kept (Node ignores the ones past it; its default is 2,000). A browser
 * sends about fifteen, a proxy adds a few. Node keeps a request's headers until they are complete,
 * past 32 lines as JavaScript strings: 16 KB of short lines held 53–68 KB of heap per connection,
 * and an anonymous script that sent them, unfinished, on 1,000 connections at once killed the
 * server (its heap is 192 MB). With 64 kept the same lines hold 8 KB, and what a connection can
 * hold is bounded by what it sends (16 KB at most: Node's header limit). See also
 * boundUnfinishedHeaders (connection-limits.ts).
 */
export const MAX_HEADER_LINES = 64;
