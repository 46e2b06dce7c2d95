import type { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { noteRequestError } from "./utils/database-health.server";
import { errorForLog, loggedPath } from "./utils/server-log.server";
import { PrerenderContext } from "./components/ui/prerendered";
import { ReplyMarkdown } from "./components/playground/reply-markdown";
import { ServerReplyRenderer } from "./components/playground/reply-text";
import { renderOnce } from "./components/ui/prerendered.server";
import { renderBody } from "./utils/render-body.server";
import { NonceContext } from "./utils/nonce";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/** Run by the server once it listens (server/http.ts): what the first student's message would otherwise compile. */
export { warmScreening as warmUp } from "./playground/warm-up.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.nonce === "string" ? loadContext.nonce : undefined;
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Cleared as soon as the response is written: a pending timer would keep the whole rendered
    // page alive for 6 s, which under a classroom's load is hundreds of megabytes.
    let timer: NodeJS.Timeout | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <PrerenderContext.Provider value={renderOnce}>
          <ServerReplyRenderer.Provider value={ReplyMarkdown}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </ServerReplyRenderer.Provider>
        </PrerenderContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const { destination, body } = renderBody(() => clearTimeout(timer));
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
          // React uses only the parts of a Writable that RenderDestination has
          pipe(destination as unknown as Writable);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log once on the server; the user sees the error boundary, never the error.
          if (shellRendered) console.error(errorForLog(error));
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY + 1000);
  });
}

/**
 * Server-side errors are logged without request bodies, a failed query's parameters or a join
 * code in the path (they may hold passwords, chats, names: server-log.server.ts).
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A lost database connection marks the database down: this request and the next ones get
  // the "back in a moment" page (server/remix-handler.ts).
  noteRequestError(request, error);
  // A 4xx Remix raises itself (a POST to a page with no action: 405; a bad method) is the
  // client's mistake, answered with the error page: a stack trace per request would let anyone
  // fill the log.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  // Remix's warning that a request used the old `?_data=` form, raised for whoever sends one:
  // the request itself is answered as usual; a stack trace each time would let anyone fill the log.
  if (error instanceof Error && error.message.startsWith("Warning: Single fetch-enabled apps should not be making ?_data")) return;
  console.error(`error ${request.method} ${loggedPath(new URL(request.url).pathname)}: ${errorForLog(error)}`);
}
