/**
 * What one HTTP request looks up once, however many loaders ask: Remix hands every loader a new
 * `Request` object, so a cache keyed by the Request never hits across loaders. The Express handler
 * (server/remix-handler.ts) runs each request inside a scope; a global symbol, not a module
 * variable, because the Remix build bundles its own copy of this module.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { serverTimeZone } from "./time-zone";

export interface RequestScope {
  /** The session lookup of this request (session.server.ts). */
  session?: Promise<unknown>;
  /** The signed-in user's school's time zone, set by the session lookup (session.server.ts). */
  timeZone?: string;
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

/**
 * The zone every date of this request is shown and entered in: the school's (admin settings),
 * else the server's. Outside a request (scripts, e-mails sent later) the server's.
 */
export function currentTimeZone(): string {
  return requestScope()?.timeZone ?? serverTimeZone();
}
