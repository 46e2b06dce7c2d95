/**
 * Remix behind Express, with the outage answer in front: while the database is known to be
 * away every request (but /healthz, which checks for itself) gets the "back in a moment" 503 at
 * once; a request still waiting for its first byte when the database goes away gets it then
 * (queries queued in the driver would otherwise wait for connection attempts one by one); and
 * a request that failed because the database went away or ran out of time gets it instead of
 * the generic error page. See docs/decisions/010-supervision-and-outages.md.
 */
import { createRequire } from "node:module";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { checkDatabase, databaseAvailable, failedForDatabase, nextOutage } from "../app/utils/database-health.server";
import { outageResponse } from "../app/utils/outage.server";

// @remix-run/express's own request/response conversion, which its package entry does not
// re-export (the version is pinned exactly in package.json).
const { createRemixRequest, sendRemixResponse } = createRequire(import.meta.url)("@remix-run/express/dist/server.js") as {
  createRemixRequest(req: ExpressRequest, res: ExpressResponse): Request;
  sendRemixResponse(res: ExpressResponse, response: Response): Promise<void>;
};

const CHECKS_FOR_ITSELF = new Set(["/healthz"]);
/** A request this slow makes us check the database (a lost server may not say so by itself). */
const SUSPECT_AFTER_MS = 2_000;

export function remixWithOutageAnswer(
  build: ServerBuild,
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext,
): RequestHandler {
  const handle = createRequestHandler(build, "production");
  const answer = async (request: Request, context: AppLoadContext): Promise<Response> => {
    if (!databaseAvailable()) return outageResponse(request);
    const handled = handle(request, context);
    const suspect = setTimeout(() => void checkDatabase(), SUSPECT_AFTER_MS);
    const first = await Promise.race([handled, nextOutage().then(() => null)]).finally(() => clearTimeout(suspect));
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
  return async (req, res, next) => {
    try {
      const request = createRemixRequest(req, res);
      const context = getLoadContext(req, res);
      const response = CHECKS_FOR_ITSELF.has(req.path) ? await handle(request, context) : await answer(request, context);
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
