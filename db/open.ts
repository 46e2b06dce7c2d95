/**
 * Opens the one database: DATABASE_URL when set, otherwise the embedded PostgreSQL in DATA_DIR.
 * The rest of the app gets a Connection and never learns which kind of server it is.
 */
import { connect, type Connection } from "./client";
import { startEmbeddedPostgres, type EmbeddedServer, type ServerWatcher } from "./embedded";

export interface OpenDatabase {
  connection: Connection;
  description: string;
  /** The embedded cluster's folder (its free space is watched); null for an external server. */
  clusterDir: string | null;
  close(): Promise<void>;
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
  poolSize?: number;
  /** Bound every query of the pool (statement_timeout): the serving app does, scripts do not. */
  queryTimeoutMs?: number;
  /** Told when the embedded server dies under the app and comes back (or cannot). */
  watch?: ServerWatcher;
}): Promise<OpenDatabase> {
  let embedded: EmbeddedServer | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log, watch: options.watch });
    url = embedded.url;
  }
  const connection = connect(url, { max: options.poolSize, queryTimeoutMs: options.queryTimeoutMs });
  try {
    await connection.sql`select 1`;
  } catch (error) {
    await connection.close().catch(() => {});
    await embedded?.stop();
    throw new Error(`Cannot reach the database (${redact(url)}): ${(error as Error).message}`, { cause: error });
  }
  return {
    connection,
    description: embedded ? `embedded PostgreSQL in ${embedded.clusterDir}` : `PostgreSQL at ${redact(url)}`,
    clusterDir: embedded?.clusterDir ?? null,
    close: async () => {
      await connection.close();
      await embedded?.stop();
    },
  };
}

/** A URL fit for logs: no password. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}
