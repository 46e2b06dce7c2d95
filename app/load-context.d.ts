import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, made by the Express server. */
    nonce: string;
    /** The client's address (req.ip), for sign-in throttling. */
    clientAddress: string;
  }
}

declare module "@remix-run/node" {
  // Single-fetch typing: loader/action data is inferred from what they return (incl. data()).
  interface Future {
    v3_singleFetch: true;
  }
}
