/**
 * Is the database there? One answer for the whole process, so that during an outage every
 * request is answered at once with "back in a moment" (503) instead of each one waiting for the
 * driver. Set down by the embedded server's supervisor (it sees PostgreSQL exit), by a request
 * that failed for want of a connection, or by /healthz; set up again by a probe that tries every
 * half second while down. See docs/decisions/010-supervision-and-outages.md.
 *
 * A global symbol, not module variables: the Remix build bundles its own copy of this module
 * while the server bootstrap imports the source (as in db.server.ts).
 */
import fs from "node:fs";
import postgres from "postgres";
import { connection } from "./db.server";

/** /healthz answers within this (the check is abandoned, and the answer is 503). */
export const HEALTH_CHECK_TIMEOUT_MS = 1_500;
const PROBE_EVERY_MS = 500;
/**
 * A passed check is reused this long: a load balancer polling hard then costs at most two
 * heartbeat commits a second, and a fault still shows within REUSE + TIMEOUT = 2 s.
 */
const REUSE_OK_MS = 500;
/** Less free space than one WAL segment: the next segment cannot be made, writes will fail. */
export const MIN_FREE_DISK_BYTES = 16 * 1024 * 1024;

export type Unhealthy = "unreachable" | "cannot-write" | "disk-full";

interface State {
  available: boolean;
  reason: string | null;
  since: number;
  probing: boolean;
  /** The embedded cluster's folder, whose free space we can measure (an external server's we cannot). */
  diskPath: string | null;
  /** A one-connection client of its own: a busy pool must not make the health check wait. */
  probe: { url: string; sql: postgres.Sql } | null;
  /** Requests whose failure was the database's (marked by the Remix error handler). */
  failed: WeakSet<Request>;
  /** The check under way (concurrent /healthz calls share it) and when the last one passed. */
  inFlight: Promise<CheckResult> | null;
  lastOk: { at: number; ms: number } | null;
  /** Called when the database is next marked down (requests waiting on it are then answered). */
  outageListeners: Set<() => void>;
}

type CheckResult = { ok: true; ms: number } | { ok: false; problem: Unhealthy };

const KEY = Symbol.for("lantern.databaseHealth");

function state(): State {
  const holder = globalThis as { [KEY]?: State };
  holder[KEY] ??= {
    available: true,
    reason: null,
    since: Date.now(),
    probing: false,
    diskPath: null,
    probe: null,
    failed: new WeakSet(),
    inFlight: null,
    lastOk: null,
    outageListeners: new Set(),
  };
  return holder[KEY];
}

/**
 * `work`'s result, or null when the database is marked down first (a request still waiting for
 * it can stop waiting). Once settled it leaves nothing behind: a listener per request on one
 * process-wide promise kept every answered request's Response reachable until the next outage —
 * the heap filled and the server died at 400 students (docs/decisions/023-outage-wait-leak.md).
 */
export function unlessOutage<T>(work: Promise<T>): Promise<T | null> {
  const listeners = state().outageListeners;
  return new Promise<T | null>((resolve, reject) => {
    const onOutage = () => resolve(null);
    listeners.add(onOutage);
    work.then(resolve, reject).finally(() => listeners.delete(onOutage));
  });
}

export function watchDiskOf(folder: string | null): void {
  state().diskPath = folder;
}

export function databaseAvailable(): boolean {
  return state().available;
}

export function markDatabaseDown(reason: string): void {
  const s = state();
  if (s.available) {
    s.available = false;
    s.since = Date.now();
    console.error(`[lantern] database unavailable: ${reason}; answering 503 until it is back`);
    const waiting = [...s.outageListeners];
    s.outageListeners.clear();
    for (const listener of waiting) listener();
  }
  s.reason = reason;
  startProbing();
}

export function markDatabaseUp(): void {
  const s = state();
  if (s.available) return;
  console.log(`[lantern] database available again after ${Date.now() - s.since} ms`);
  s.available = true;
  s.reason = null;
}

/** Error codes that mean "no connection", not "this query was wrong". */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, recovering)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
/** The statement ran past its bound (statement_timeout): the database is slow, not gone. */
const TIMEOUT_CODE = "57014";

function codeOf(error: unknown): string | undefined {
  let e: unknown = error;
  // drizzle wraps driver errors: look through `cause`
  for (let depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Called with every server-side error of a request: a connection failure marks the database
 * down, and the request (like one whose query ran out of time) is answered with the outage page.
 */
export function noteRequestError(request: Request, error: unknown): void {
  const code = codeOf(error);
  if (code === undefined) return;
  if (CONNECTION_CODES.has(code)) {
    markDatabaseDown(`a request failed (${code})`);
    state().failed.add(request);
  } else if (code === TIMEOUT_CODE) {
    state().failed.add(request);
  }
}

export function failedForDatabase(request: Request): boolean {
  return state().failed.has(request);
}

function probeClient(): postgres.Sql {
  const s = state();
  const url = connection().url;
  if (s.probe?.url !== url) {
    void s.probe?.sql.end({ timeout: 0 });
    const sql = postgres(url, {
      max: 1,
      onnotice: () => {},
      connect_timeout: 1,
      backoff: () => 0.1,
      idle_timeout: 30,
      connection: { application_name: "lantern-health", statement_timeout: HEALTH_CHECK_TIMEOUT_MS },
    });
    s.probe = { url, sql };
  }
  return s.probe.sql;
}

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("health check timed out"), { code: "CONNECT_TIMEOUT" })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The health check /healthz runs: the database answers and can commit a write (a heartbeat row,
 * in a transaction, so the WAL is written and flushed), and the embedded server's disk has room
 * for the next WAL segment. Never takes longer than HEALTH_CHECK_TIMEOUT_MS.
 */
export function checkDatabase(): Promise<CheckResult> {
  const s = state();
  if (s.available && s.lastOk && Date.now() - s.lastOk.at < REUSE_OK_MS) return Promise.resolve({ ok: true, ms: s.lastOk.ms });
  s.inFlight ??= runCheck().finally(() => (s.inFlight = null));
  return s.inFlight;
}

async function runCheck(): Promise<CheckResult> {
  const started = Date.now();
  state().lastOk = null;
  const disk = state().diskPath;
  if (disk && freeBytes(disk) < MIN_FREE_DISK_BYTES) return { ok: false, problem: "disk-full" };
  try {
    await withinTimeout(
      probeClient().begin(async (tx) => {
        await tx`insert into app_meta (key, value, updated_at) values ('healthz', '{}'::jsonb, now())
                 on conflict (key) do update set updated_at = now()`;
      }),
      HEALTH_CHECK_TIMEOUT_MS,
    );
  } catch (error) {
    const code = codeOf(error);
    if (code !== undefined && !CONNECTION_CODES.has(code) && code !== TIMEOUT_CODE) {
      // The server answered but could not commit: read-only (25006), disk full (53100)…
      return { ok: false, problem: code === "53100" ? "disk-full" : "cannot-write" };
    }
    markDatabaseDown(`health check failed (${code ?? (error as Error).message})`);
    return { ok: false, problem: "unreachable" };
  }
  markDatabaseUp();
  const ms = Date.now() - started;
  state().lastOk = { at: Date.now(), ms };
  return { ok: true, ms };
}

function freeBytes(folder: string): number {
  try {
    const st = fs.statfsSync(folder);
    return st.bavail * st.bsize;
  } catch {
    return Number.POSITIVE_INFINITY; // cannot tell: let the write decide
  }
}

/** While down: try a plain `select 1` every half second, and open the doors when it answers. */
function startProbing(): void {
  const s = state();
  if (s.probing) return;
  s.probing = true;
  const tick = async () => {
    if (s.available) {
      s.probing = false;
      return;
    }
    try {
      await withinTimeout(probeClient()`select 1`, HEALTH_CHECK_TIMEOUT_MS);
      markDatabaseUp();
    } catch {
      // still down
    }
    if (s.available) s.probing = false;
    else setTimeout(() => void tick(), PROBE_EVERY_MS).unref();
  };
  setTimeout(() => void tick(), PROBE_EVERY_MS).unref();
}

/** Closes the health check's own connection (at shutdown). */
export async function closeHealthProbe(): Promise<void> {
  const s = state();
  const probe = s.probe;
  s.probe = null;
  await probe?.sql.end({ timeout: 1 });
}
