/**
 * npm run db:restore FILE — replaces every row with the backup's (one transaction: all or nothing).
 * Refused while the app runs on the embedded database: stop it first.
 */
import path from "node:path";
import { restoreBackup } from "../db/backup";
import { runMigrations } from "../db/migrate";
import { withDatabase } from "./with-database";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore FILE");
  process.exit(2);
}
await withDatabase(
  async (conn) => {
    await runMigrations(conn);
    const { rows, missing } = await restoreBackup(conn, path.resolve(file));
    console.log(`restored ${rows} rows from ${file}`);
    if (missing.length > 0) {
      console.log(`This backup was made by an older Lantern and holds no ${missing.join(", ")}: those tables are now empty.`);
      console.log("Add the school's model connections again under Admin → Models; alert history and school sign-in links start afresh.");
    }
  },
  { appStopped: true },
);
