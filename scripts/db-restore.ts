/**
 * npm run db:restore FILE — replaces every row with the backup's (one transaction: all or nothing).
 * Stop the app first when it uses the embedded database.
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
await withDatabase(async (conn) => {
  await runMigrations(conn);
  const { rows } = await restoreBackup(conn, path.resolve(file));
  console.log(`restored ${rows} rows from ${file}`);
});
