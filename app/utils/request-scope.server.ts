/**
 * What one HTTP request looks up once, however many loaders ask: Remix hands every loader a new
 * `Request` object, so a cache keyed by the Request never hits across loaders. The Express handler
 * (server/remix-handler.ts) runs each request inside a scope; a global symbol, not a module
 * variable, because the Remix build bundles its own copy of this module.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestScope {
  /** The session lookup of this request (session.server.ts). */
  session?: Promise<unknown>;
}

const KEY = Symbol.for("lantern.request.scope");
type Holder = { [KEY]?: AsyncLocalStorage<RequestScope> };

function storage(): AsyncLocalStorage<RequestScope> {
  return ((globalThis as Holder)[KEY] ??= new AsyncLocalStorage<RequestScope>());
}

/** Runs the handling of one request in its own scope. */
export function inRequestScope<T>(work: () => T): T {
  return storage().run({}, work);
}

/** The current request's scope, or undefined outside one (scripts, unit tests). */
export function requestScope(): RequestScope | undefined {
  return storage().getStore();
}
