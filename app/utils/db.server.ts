/**
 * The app's one database handle. The server bootstrap (scripts/start.ts, tests) opens the
 * connection and registers it here; routes and models only ever call `db()`.
 * A global symbol, not a module variable, because the Remix build bundles its own copy of this
 * module while the bootstrap imports the source.
 *
 * `transaction(work)` runs `work` in one database transaction: every `db()` call made inside it
 * (in any model, however deeply nested) uses that transaction, so one student action writes all
 * its rows or none. A transaction inside a transaction joins the outer one.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { sql, type SQL } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import type { Connection, Database } from "../../db/client";

const KEY = Symbol.for("lantern.database");
const SCOPE = Symbol.for("lantern.database.transaction");
type Holder = { [KEY]?: Connection; [SCOPE]?: AsyncLocalStorage<Database> };

function scope(): AsyncLocalStorage<Database> {
  const holder = globalThis as Holder;
  return (holder[SCOPE] ??= new AsyncLocalStorage<Database>());
}

export function registerDatabase(connection: Connection | undefined): void {
  (globalThis as Holder)[KEY] = connection;
}

export function connection(): Connection {
  const c = (globalThis as Holder)[KEY];
  if (!c) throw new Error("The database is not connected yet (registerDatabase was not called).");
  return c;
}

/** The enclosing transaction when there is one, else the connection pool. */
export function db(): Database {
  return scope().getStore() ?? connection().db;
}

/**
 * A hot query built once and prepared by name, then run with placeholders (`sql.placeholder`):
 * drizzle builds the SQL text again on every `.prepare()` call (0.4 ms of a lesson page's CPU,
 * issue 19), and PostgreSQL plans a named statement once per connection. Built on the pool (a
 * prepared query outlives any transaction), again when another connection is registered (tests);
 * inside a transaction it is built on the transaction's handle, so it still runs in it.
 */
export function preparedOnce<Q>(build: (db: Database) => Q): () => Q {
  let prepared: Q | undefined;
  let preparedFor: Connection | undefined;
  return () => {
    const tx = scope().getStore();
    if (tx) return build(tx);
    const current = connection();
    if (!prepared || preparedFor !== current) {
      prepared = build(current.db);
      preparedFor = current;
    }
    return prepared;
  };
}

/**
 * `db().execute(query)`, but as a named statement: postgres.js prepares it once per connection
 * (per text: a statement whose text varies with its input, such as the number of budget scopes,
 * is prepared once per shape) and PostgreSQL no longer parses and plans it on every call — for
 * the playground's statements of several subqueries, 0.5–1 ms each on the way to the first
 * token. drizzle's own `execute` always sends an unnamed statement; this is its prepared path
 * (`prepareQuery` with a name), which returns the rows as `execute` does.
 */
export function executePrepared<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
  const handle = db() as unknown as { dialect: PgDialect; _: { session: PgSession } };
  const built = handle.dialect.sqlToQuery(query);
  return handle._.session.prepareQuery(built, undefined, "prepared", false).execute() as Promise<T[]>;
}

/**
 * A text[] built from values, each its own parameter (`array[$1, $2]::text[]`): the statement's
 * text then depends only on how many there are, so postgres.js prepares one per count.
 */
export function textArraySql(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** Whether the caller runs inside `transaction` (its queries hold the transaction's connection). */
export function inTransaction(): boolean {
  return scope().getStore() !== undefined;
}

/**
 * A column for a write statement's select list that lets that statement's own commit go without
 * waiting for the disk (`synchronous_commit` off for its implicit transaction: PostgreSQL reads
 * the setting when the transaction commits). What it wrote is visible to every other connection
 * at once; only a crash of PostgreSQL itself in the next fraction of a second (the WAL writer
 * flushes every 200 ms, at worst three times that) could lose it, and WAL is flushed in order, so any later durable commit
 * carries it to disk too. For writes on the way to a first token that the same exchange writes
 * durably after (docs/decisions/003). Inside a caller's transaction the setting would hold for
 * all of that transaction's writes, so there it is left alone.
 */
export function commitWithoutWaitingForDisk(): SQL {
  return inTransaction() ? sql`current_setting('synchronous_commit')` : sql`set_config('synchronous_commit', 'off', true)`;
}

/**
 * Runs `work` in one transaction (drizzle's `db.transaction`): committed when it resolves,
 * rolled back whole when it throws. Work must not start anything that outlives it.
 */
export async function transaction<T>(work: () => Promise<T>): Promise<T> {
  const current = scope().getStore();
  if (current) return work();
  // A transaction offers every query method models use; it lacks only the pool's $client.
  return connection().db.transaction((tx) => scope().run(tx as unknown as Database, () => work().catch(unlessConnectionLost)));
}

/**
 * When the transaction's connection is gone, the failed work must not settle: postgres.js
 * (3.4.9) would then send ROLLBACK on the dead connection, and that write throws outside any
 * promise and kills the process (porsager/postgres#1154, #1208). The transaction itself already
 * rejected with the close error (postgres.js races the work against the connection's close), and
 * the server rolls back a transaction whose connection dies; the parked promise is collected.
 */
function unlessConnectionLost(error: unknown): never | Promise<never> {
  if (connectionLost(error)) return new Promise<never>(() => {});
  throw error;
}

const CONNECTION_LOST = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

/** The error says the connection is closed (or about to be: a FATAL error ends the session). */
export function connectionLost(error: unknown): boolean {
  for (let e = error as { code?: unknown; severity?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string" && CONNECTION_LOST.has(e.code)) return true;
    if (e.severity === "FATAL" || e.severity === "PANIC") return true;
    if (typeof e !== "object") break;
  }
  return false;
}

/**
 * Runs a write nobody waits for (a "last seen" touch): a failure is logged and swallowed, so
 * a page that only reads never fails because of it.
 */
export async function bestEffort(what: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    console.error(`${what} failed (ignored): ${reasonOf(error)}`);
  }
}

/** The database's own reason for a failed query, without its parameters (they hold students' data). */
export function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : (error as Error).message;
}
