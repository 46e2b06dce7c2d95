/**
 * The app's one database handle. The server bootstrap (scripts/start.ts, tests) opens the
 * connection and registers it here; routes and models only ever call `db()`.
 * A global symbol, not a module variable, because the Remix build bundles its own copy of this
 * module while the bootstrap imports the source.
 */
import type { Connection, Database } from "../../db/client";

const KEY = Symbol.for("lantern.database");
type Holder = { [KEY]?: Connection };

export function registerDatabase(connection: Connection | undefined): void {
  (globalThis as Holder)[KEY] = connection;
}

export function connection(): Connection {
  const c = (globalThis as Holder)[KEY];
  if (!c) throw new Error("The database is not connected yet (registerDatabase was not called).");
  return c;
}

export function db(): Database {
  return connection().db;
}
