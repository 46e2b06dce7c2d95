import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, made by the Express server. */
    nonce: string;
    /** The client's address (req.ip), for sign-in throttling. */
    clientAddress: string;
    /**
     * Aborted when the client disconnects before its answer is complete. Long answers (the
     * playground's stream) must listen to this, never to request.signal, which Node's fetch can
     * stop aborting after a garbage collection (server/remix-handler.ts). The server always
     * sets it; only a route called in-process (a test) goes without.
     */
    disconnected?: AbortSignal;
    /**
     * The conversation an action of this request asks its page to show. Without JavaScript a
     * prompt blocked in a new chat is answered with the page itself (so the student's words come
     * back to the box), and that chat has no address yet: the action's loaders, which share this
     * object in the same request, open it from here.
     */
    shownConversation?: string;
  }
}

declare module "@remix-run/node" {
  // Single-fetch typing: loader/action data is inferred from what they return (incl. data()).
  interface Future {
    v3_singleFetch: true;
  }
}
