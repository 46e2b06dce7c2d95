/**
 * The HTTP server: Express in front of the Remix build, with static files, compression,
 * security headers, request guards and the request log.
 */
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { hostGuard, plainErrors, requestGuards, requestLog } from "./request-guards";
import { remixWithOutageAnswer } from "./remix-handler";
import { securityHeaders } from "./security-headers";

export interface HttpOptions {
  build: ServerBuild;
  trustProxy: boolean;
  logRequests: boolean;
}

export function createHttpApp({ build, trustProxy, logRequests }: HttpOptions) {
  const app = express();
  app.disable("x-powered-by");
  if (trustProxy) app.set("trust proxy", true);
  if (logRequests) app.use(requestLog);
  app.use(
    compression({
      // Server-sent events must reach the browser token by token, not in compressed batches.
      filter: (req, res) =>
        !String(res.getHeader("Content-Type") ?? "").includes("text/event-stream") && compression.filter(req, res),
    }),
  );
  app.use(securityHeaders);
  app.use(hostGuard);
  const root = process.cwd();
  app.use(
    "/build",
    express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));
  app.use(requestGuards);
  app.all(
    "*",
    remixWithOutageAnswer(build, (req, res) => ({ nonce: res.locals.nonce as string, clientAddress: req.ip ?? "unknown" })),
  );
  app.use(plainErrors);
  return app;
}
