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

export function connect(url: string, options: { max?: number } = {}): Connection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {}, // migrations print NOTICE objects otherwise
    idle_timeout: 60,
    connection: { application_name: "lantern" },
  });
  const db = drizzle(sql, { schema }) as Database;
  return { url, db, sql, close: () => sql.end({ timeout: 5 }) };
}
