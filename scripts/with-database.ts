/**
 * For maintenance scripts: the app's database — DATABASE_URL, or the embedded server in
 * DATA_DIR (the running app's, if one is up; otherwise started just for this script).
 */
import { connect, type Connection } from "../db/client";
import { findRunningEmbedded } from "../db/embedded";
import { openDatabase } from "../db/open";
import { env, EnvError } from "../app/utils/env.server";

export async function withDatabase(work: (conn: Connection, dataDir: string) => Promise<void>): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : String(error));
    process.exit(1);
  }
  const running = config.DATABASE_URL ? null : findRunningEmbedded(config.DATA_DIR);
  try {
    if (running) {
      const conn = connect(running, { max: 2 });
      try {
        await work(conn, config.DATA_DIR);
      } finally {
        await conn.close();
      }
    } else {
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
      try {
        await work(database.connection, config.DATA_DIR);
      } finally {
        await database.close();
      }
    }
  } catch (error) {
    console.error(`failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
