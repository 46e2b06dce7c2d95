/**
 * The server `npm start` runs (built into build/server.js, started by server/start.mjs, which
 * builds first when the sources changed): open the database (embedded unless DATABASE_URL) →
 * migrate → seed the demo school once → serve. Stops PostgreSQL cleanly on SIGINT/SIGTERM. Restarts the
 * embedded PostgreSQL if it dies, and exits with status 1 if it cannot (so that a supervisor
 * restarts everything). See docs/decisions/010-supervision-and-outages.md.
 */
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { APP_QUERY_TIMEOUT_MS, connect } from "../db/client";
import { runMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { DEMO, seedDemoOnce } from "./demo/seed";
import { env, EnvError } from "../app/utils/env.server";
import { registerDatabase } from "../app/utils/db.server";
import { closeHealthProbe, markDatabaseDown, markDatabaseUp, watchDiskOf } from "../app/utils/database-health.server";
import { createHttpApp } from "./http";
import { startHousekeeping } from "./housekeeping";

const log = (line: string) => console.log(`[lantern] ${line}`);

// React and Remix pick their production code paths from NODE_ENV; npm start is production.
process.env.NODE_ENV ??= "production";

async function main() {
  const started = Date.now();
  const args = new Set(process.argv.slice(2));
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const demo = config.LANTERN_DEMO && !args.has("--no-demo");

  let shutdown: (why: string, exitCode: number) => Promise<void> = async (_why, exitCode) => process.exit(exitCode);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    log,
    queryTimeoutMs: APP_QUERY_TIMEOUT_MS,
    watch: {
      down: (reason) => markDatabaseDown(reason),
      up: () => markDatabaseUp(),
      gaveUp: (error) =>
        void shutdown(`giving up on the embedded PostgreSQL (${error.message}); exiting with status 1 so that a supervisor restarts Lantern`, 1),
    },
  });
  watchDiskOf(database.clusterDir);
  let server: Server | undefined;
  let housekeeping: { stop(): void } | undefined;
  let stopping = false;
  shutdown = async (why: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping`);
    housekeeping?.stop();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await closeHealthProbe();
    await database.close();
    log("stopped");
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));

  registerDatabase(database.connection);
  // Migrations and the seed may run long: their own connection, without the serving pool's bound.
  const maintenance = connect(database.connection.url, { max: 2 });
  try {
    await runMigrations(maintenance);
    if (demo && (await seedDemoOnce(maintenance, log)) === "seeded") log("seeded the demo school");
  } finally {
    await maintenance.close();
  }

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createHttpApp({
    build,
    trustProxy: config.TRUST_PROXY,
    logRequests: config.LOG_REQUESTS,
    admission: { active: config.MAX_ACTIVE_REQUESTS, queued: config.MAX_WAITING_REQUESTS },
  });
  server = app.listen(config.PORT, config.HOST, () => {
    housekeeping = startHousekeeping(log);
    const url = `http://localhost:${config.PORT}`;
    log(`database: ${database.description}`);
    log(`Lantern is ready at ${url} (${Date.now() - started} ms)`);
    if (demo) {
      log(`demo teacher: ${DEMO.teacherEmail} / ${DEMO.password}`);
      log(`demo students: ${DEMO.students[0]} … ${DEMO.students.at(-1)} / ${DEMO.password}`);
      log("that password is public: it signs in only on this computer until you change it (Account page)");
    }
  });
  // Idle keep-alive sockets stay open a minute. With 5 s, a server busy for a second or more
  // closed sockets the browser had just sent its next request on (its timer fired late, with the
  // request already waiting): the request failed with a reset — in a 200-student burst, a saved
  // step. (Node's server.close() still closes idle sockets at once, so shutdown does not wait.)
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("error", async (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${config.PORT} is already in use. Stop the other server or set PORT to another number.`
        : `Could not start the web server: ${error.message}`,
    );
    await database.close();
    process.exit(1);
  });
}

main().catch((error) => {
  console.error(`[lantern] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
