/**
 * Remix behind Express, with the outage answer in front: while the database is known to be
 * away every request (but /healthz, which checks for itself) gets the "back in a moment" 503 at
 * once, and a request that failed because the database went away or ran out of time gets it
 * instead of the generic error page. See docs/decisions/010-supervision-and-outages.md.
 */
import { createRequire } from "node:module";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { databaseAvailable, failedForDatabase } from "../app/utils/database-health.server";
import { outageResponse } from "../app/utils/outage.server";

// @remix-run/express's own request/response conversion, which its package entry does not
// re-export (the version is pinned exactly in package.json).
const { createRemixRequest, sendRemixResponse } = createRequire(import.meta.url)("@remix-run/express/dist/server.js") as {
  createRemixRequest(req: ExpressRequest, res: ExpressResponse): Request;
  sendRemixResponse(res: ExpressResponse, response: Response): Promise<void>;
};

const CHECKS_FOR_ITSELF = new Set(["/healthz"]);

export function remixWithOutageAnswer(
  build: ServerBuild,
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext,
): RequestHandler {
  const handle = createRequestHandler(build, "production");
  return async (req, res, next) => {
    try {
      const request = createRemixRequest(req, res);
      let response: Response;
      if (!databaseAvailable() && !CHECKS_FOR_ITSELF.has(req.path)) {
        response = outageResponse(request);
      } else {
        response = await handle(request, getLoadContext(req, res));
        if (response.status >= 500 && failedForDatabase(request)) {
          await response.body?.cancel();
          response = outageResponse(request);
        }
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
