/**
 * The one driver: postgres.js behind drizzle, for the embedded server and an external one alike.
 */
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export interface Connection {
  url: string;
  db: Database;
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * Waits are bounded so that an outage is answered in seconds, not after the driver's own
 * defaults (30 s to connect, reconnect pauses growing to 20 s). See docs/decisions/010.
 */
export const CONNECT_TIMEOUT_S = 3;
/** Pause before a pooled connection tries again after a failed attempt (the default grows to 20 s). */
export const RECONNECT_DELAY_S = 0.25;
/** The longest any query of the app may run (statement_timeout) when `queryTimeoutMs` is asked for. */
export const APP_QUERY_TIMEOUT_MS = 5_000;

export interface ConnectOptions {
  max?: number;
  queryTimeoutMs?: number;
  /** Called with every query sent (tests count queries with it). */
  debug?: (connection: number, query: string, parameters: unknown[]) => void;
}

export function connect(url: string, options: ConnectOptions = {}): Connection {
  const sql = postgres(url, {
    ...(options.debug ? { debug: options.debug } : {}),
    max: options.max ?? 10,
    onnotice: () => {}, // migrations print NOTICE objects otherwise
    idle_timeout: 60,
    connect_timeout: CONNECT_TIMEOUT_S,
    backoff: () => RECONNECT_DELAY_S,
    connection: {
      application_name: "lantern",
      // Migrations, the seed and backups run without a bound; the serving pool asks for one.
      ...(options.queryTimeoutMs
        ? { statement_timeout: options.queryTimeoutMs, idle_in_transaction_session_timeout: options.queryTimeoutMs * 2 }
        : {}),
    },
  });
  const db = drizzle(sql, { schema }) as Database;
  return { url, db, sql, close: () => sql.end({ timeout: 5 }) };
}
