/**
 * npm run db:backup [FILE] — a consistent backup while the app runs (see db/backup.ts).
 * Default file: DATA_DIR/backups/lantern-<timestamp>.backup
 */
import fs from "node:fs";
import path from "node:path";
import { writeBackup } from "../db/backup";
import { withDatabase } from "./with-database";

const target =
  process.argv[2] ?? path.join("backups", `lantern-${new Date().toISOString().replace(/[:.]/g, "-")}.backup`);

await withDatabase(async (conn, dataDir) => {
  const file = path.isAbsolute(target) || process.argv[2] ? path.resolve(target) : path.resolve(dataDir, target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { tables, bytes } = await writeBackup(conn, file);
  console.log(`backup written: ${file} (${tables} tables, ${(bytes / 1024).toFixed(1)} KB)`);
}, { existing: true });
