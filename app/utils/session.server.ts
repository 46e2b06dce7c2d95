/**
 * Server-side sessions (OWASP ASVS L2): one row per session; the cookie carries a 256-bit
 * random token and the database keeps only its SHA-256; a new token at every sign-in; idle and
 * absolute timeouts; sign-out deletes the row. On a shared computer the cookie lives only until
 * the browser closes and the session ends after a short idle time, kept on its row.
 */
import crypto from "node:crypto";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { schools, sessions, users } from "../../db/schema";
import { bestEffort, db, preparedOnce } from "./db.server";
import { env } from "./env.server";
import { oncePerRequest, requestScope } from "./request-scope.server";
import { sessionCookieFor, sessionTokenOf } from "./session-cookie.server";
import { isTimeZone } from "./time-zone";

export interface SessionUser {
  id: string;
  schoolId: string;
  role: "student" | "teacher" | "admin";
  username: string;
  displayName: string;
  locale: string | null;
  sessionId: string;
}

/** Refresh last_seen_at at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;
/** Idle timeout of a session started with "this is a shared computer". */
export const SHARED_IDLE_MINUTES = 15;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Starts a session for the user and returns the Set-Cookie header. */
export async function createSession(request: Request, userId: string, options: { sharedComputer?: boolean } = {}): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const maxAge = env().SESSION_MAX_HOURS * 3600;
  await db()
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + maxAge * 1000),
      idleMinutes: options.sharedComputer ? SHARED_IDLE_MINUTES : null,
    });
  // no Max-Age on a shared computer: the cookie is gone when the browser closes
  return sessionCookieFor(request).serialize(token, { maxAge: options.sharedComputer ? undefined : maxAge });
}

const cache = new WeakMap<Request, Promise<SessionUser | null>>();

/**
 * The signed-in user, or null. Looked up once per request however many loaders ask: once in a
 * reading request's scope (request-scope.server.ts), and per Request object otherwise — after an
 * action (sign-in, sign-out, language) the loaders that follow must see the change.
 */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  if (requestScope()?.reading) return oncePerRequest("session", () => lookup(request));
  let found = cache.get(request);
  if (!found) {
    found = lookup(request);
    cache.set(request, found);
  }
  return found;
}

/** Prepared once per connection: PostgreSQL plans it once instead of on every page. */
const sessionQuery = preparedOnce((db) =>
  db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      schoolId: users.schoolId,
      role: users.role,
      username: users.username,
      displayName: users.displayName,
      locale: users.locale,
      // the school's zone rides along: every date of the request is shown in it
      timeZone: sql<string | null>`${schools.settings}->>'timeZone'`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("tokenHash")),
        gt(sessions.expiresAt, sql`now()`),
        gt(
          sessions.lastSeenAt,
          sql`now() - make_interval(mins => coalesce(${sessions.idleMinutes}, ${sql.placeholder("idleMinutes")}::int))`,
        ),
      ),
    )
    .limit(1)
    .prepare("session_user"),
);

const tokenHashes = new WeakMap<Request, Promise<string | null>>();

/**
 * The SHA-256 of the session token the request carries (what the sessions table keeps), or null:
 * once per Request (reading a signed cookie verifies its signature), for the session lookup and
 * for a query that reads alongside it by the same token (the playground's rules).
 */
export function sessionTokenHashOf(request: Request): Promise<string | null> {
  let hash = tokenHashes.get(request);
  if (!hash) {
    hash = sessionTokenOf(request).then((token) => (token && token.length <= 100 ? hashToken(token) : null));
    tokenHashes.set(request, hash);
  }
  return hash;
}

async function lookup(request: Request): Promise<SessionUser | null> {
  const tokenHash = await sessionTokenHashOf(request);
  if (!tokenHash) return null;
  const [row] = await sessionQuery().execute({ tokenHash, idleMinutes: env().SESSION_IDLE_MINUTES });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Only keeps the idle timeout moving: a page that reads must not fail because of it.
    await bestEffort("session last-seen touch", () =>
      db().update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, row.sessionId)),
    );
  }
  const { lastSeenAt: _ignored, timeZone, ...user } = row;
  const scope = requestScope();
  if (scope && timeZone && isTimeZone(timeZone)) scope.timeZone = timeZone;
  return user;
}

/** Signs out: deletes the session row and clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const token = await sessionTokenOf(request);
  if (token) await db().delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  return sessionCookieFor(request).serialize("", { maxAge: 0 });
}

/** After a password change: every other session of the user ends. */
export async function endOtherSessions(userId: string, keepSessionId: string | null): Promise<void> {
  await db()
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}
