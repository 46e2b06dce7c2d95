/**
 * postinstall: a one-line fix to postgres.js 3.4.9, the database driver.
 *
 * When a connection dies while a query is queued, the driver's deferred write runs after the
 * socket is gone and throws `Cannot read properties of null (reading 'write')` from a timer,
 * which kills the whole app (porsager/postgres#1154 and #1208; not fixed in 3.4.10). The queued
 * queries are failed with CONNECTION_CLOSED by the driver anyway, so the write can simply be
 * dropped. Idempotent; prints what it did. Delete this script when the driver is fixed
 * (docs/decisions/011-one-transaction-per-action.md).
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "node_modules", "postgres");
const BROKEN = "const x = socket.write(chunk, fn)";
const FIXED = "const x = socket ? socket.write(chunk, fn) : false // patched by Lantern: see scripts/patch-postgres-driver.mjs";

if (!fs.existsSync(root)) process.exit(0); // not installed (yet): nothing to patch
let patched = 0;
for (const file of ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]) {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) continue;
  const text = fs.readFileSync(full, "utf8");
  if (text.includes(FIXED)) continue;
  if (!text.includes(BROKEN)) {
    console.warn(`postgres driver: ${file} has changed; check whether the closed-socket write is fixed upstream`);
    continue;
  }
  fs.writeFileSync(full, text.replace(BROKEN, FIXED));
  patched++;
}
if (patched > 0) console.log(`postgres driver: guarded the closed-socket write in ${patched} file(s)`);
