/**
 * What one HTTP request looks up once, however many loaders ask: Remix hands every loader a new
 * `Request` object, so a cache keyed by the Request never hits across loaders. The Express handler
 * (server/remix-handler.ts) runs each request inside a scope; a global symbol, not a module
 * variable, because the Remix build bundles its own copy of this module.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { serverTimeZone } from "./time-zone";

export interface RequestScope {
  /**
   * A GET or HEAD: nothing in it writes, so what one loader read stays true for the next. After
   * an action (a form posted without JavaScript), the loaders that follow must see its change.
   */
  reading: boolean;
  /** What `oncePerRequest` remembered, by key. */
  answers?: Map<string, Promise<unknown>>;
  /** The signed-in user's school's time zone, set by the session lookup (session.server.ts). */
  timeZone?: string;
}

const KEY = Symbol.for("lantern.request.scope");
type Holder = { [KEY]?: AsyncLocalStorage<RequestScope> };

function storage(): AsyncLocalStorage<RequestScope> {
  return ((globalThis as Holder)[KEY] ??= new AsyncLocalStorage<RequestScope>());
}

/**
 * Runs the handling of one request in its own scope. Its HTTP method says whether reads may be
 * remembered (GET, HEAD): no default, so an action is never run as a read by mistake.
 */
export function inRequestScope<T>(work: () => T, method: string): T {
  return storage().run({ reading: method === "GET" || method === "HEAD" }, work);
}

/**
 * `read`'s answer, asked once in a reading request however many loaders ask for it (the session,
 * the school's settings, the class a teacher opened); read afresh outside one. `key` names what
 * is read and whose it is, so two different reads never share an answer.
 */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const scope = requestScope();
  if (!scope?.reading) return read();
  const answers = (scope.answers ??= new Map());
  let answer = answers.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = read();
    answers.set(key, answer);
  }
  return answer;
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
