/**
 * Applies the committed migrations. Runs as an explicit step (npm start calls it before serving),
 * never on import. An advisory lock makes concurrent app processes take turns.
 */
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Connection } from "./client";

/** Resolved from the project root: after `remix build` code runs from build/, not from db/. */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "db", "migrations");
const MIGRATION_LOCK = 7_461_201; // any constant shared by every Lantern process

export async function runMigrations(conn: Connection, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  // The lock lives on its own connection, so the migration itself can use the pool even when
  // the pool has a single connection.
  const lock = postgres(conn.url, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(conn.db, { migrationsFolder });
  } finally {
    await lock.end({ timeout: 5 });
  }
}
