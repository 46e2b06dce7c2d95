/**
 * For maintenance scripts: the app's database — DATABASE_URL, or the embedded server in
 * DATA_DIR (the running app's, if one is up; otherwise started just for this script).
 */
import { connect, type Connection } from "../db/client";
import path from "node:path";
import { embeddedDatabaseExists, findRunningEmbedded, lanternUsing } from "../db/embedded";
import { openDatabase } from "../db/open";
import { env, EnvError } from "../app/utils/env.server";

interface Needs {
  /** The app must not be running on the embedded database (a restore replaces what it is using). */
  appStopped?: boolean;
  /** The embedded database must exist already: a backup of a folder with none made an empty one. */
  existing?: boolean;
}

export async function withDatabase(work: (conn: Connection, dataDir: string) => Promise<void>, needs: Needs = {}): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : String(error));
    process.exit(1);
  }
  const running = config.DATABASE_URL ? null : findRunningEmbedded(config.DATA_DIR);
  const dataDir = path.resolve(config.DATA_DIR);
  // The app, not its database: a PostgreSQL left running by a killed app is the script's to use.
  if (running && needs.appStopped && lanternUsing(dataDir) !== null) {
    console.error(
      `Lantern is running on ${dataDir}. Stop it first (Ctrl+C, or your service manager), then run this again: ` +
        "a restore replaces every row, and the running app would carry on with sessions and conversations the backup does not hold.",
    );
    process.exit(1);
  }
  if (!config.DATABASE_URL && !running && needs.existing && !embeddedDatabaseExists(dataDir)) {
    console.error(
      `There is no Lantern database in ${dataDir}. Set DATA_DIR to the folder the server uses ` +
        "(npm start uses ./data unless DATA_DIR is set), e.g. DATA_DIR=/srv/lantern npm run db:backup.",
    );
    process.exit(1);
  }
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
