/**
 * Opens the one database: DATABASE_URL when set, otherwise the embedded PostgreSQL in DATA_DIR.
 * The rest of the app gets a Connection and never learns which kind of server it is.
 */
import { connect, type Connection } from "./client";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

export interface OpenDatabase {
  connection: Connection;
  description: string;
  close(): Promise<void>;
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
  poolSize?: number;
}): Promise<OpenDatabase> {
  let embedded: EmbeddedServer | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log });
    url = embedded.url;
  }
  const connection = connect(url, { max: options.poolSize });
  try {
    await connection.sql`select 1`;
  } catch (error) {
    await connection.close().catch(() => {});
    await embedded?.stop();
    throw new Error(`Cannot reach the database (${redact(url)}): ${(error as Error).message}`);
  }
  return {
    connection,
    description: embedded ? `embedded PostgreSQL in ${embedded.clusterDir}` : `PostgreSQL at ${redact(url)}`,
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
