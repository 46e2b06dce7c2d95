/**
 * The server `npm start` runs (built into build/server.js, started by server/start.mjs, which
 * builds first when the sources changed): open the database (embedded unless DATABASE_URL) →
 * migrate → seed the demo school once → serve. Stops PostgreSQL cleanly on SIGINT/SIGTERM. Restarts the
 * embedded PostgreSQL if it dies, and exits with status 1 if it cannot (so that a supervisor
 * restarts everything). See docs/decisions/010-supervision-and-outages.md.
 */
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { APP_QUERY_TIMEOUT_MS, connect } from "../db/client";
import { runMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { DEMO, seedDemoOnce } from "./demo/seed";
import { env, EnvError } from "../app/utils/env.server";
import { registerDatabase } from "../app/utils/db.server";
import { closeHealthProbe, markDatabaseDown, markDatabaseUp, watchDiskOf } from "../app/utils/database-health.server";
import { builtApp, keepConnectionsAlive } from "./http";
import { runHelper } from "./helper-main";
import { shareConnections, startHelper, type Helper } from "./helper-process";
import { boundUnfinishedHeaders, closeSilentConnections, limitConnections } from "./connection-limits";
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
  // a second serving process, started by the main one below (helper-process.ts)
  if (args.has("--helper")) return runHelper(config, (line) => log(`helper ${process.pid}: ${line}`));
  const demo = config.LANTERN_DEMO && !args.has("--no-demo");

  let shutdown: (why: string, exitCode: number) => Promise<void> = async (_why, exitCode) => process.exit(exitCode);
  let helper: Helper | undefined;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    log,
    queryTimeoutMs: APP_QUERY_TIMEOUT_MS,
    watch: {
      down: (reason) => {
        markDatabaseDown(reason);
        helper?.database(false, reason);
      },
      up: () => {
        markDatabaseUp();
        helper?.database(true);
      },
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
    // No new connections from here; what both processes are answering is finished side by side
    // (a connection the helper gives back is still this server's and is waited for).
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await Promise.all([helper?.stop(), closed]);
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

  const app = await builtApp(config);
  server = app.listen(config.PORT, config.HOST, () => {
    housekeeping = startHousekeeping(log);
    helper = startHelper({
      mode: config.HELPER_PROCESS,
      script: fileURLToPath(import.meta.url),
      // the database this process opened (the embedded one's address is known only now)
      env: { ...process.env, DATABASE_URL: database.connection.url, LANTERN_HELPER_CLUSTER_DIR: database.clusterDir ?? "" },
      log,
    });
    const url = `http://localhost:${config.PORT}`;
    log(`database: ${database.description}`);
    log(`Lantern is ready at ${url} (${Date.now() - started} ms)`);
    if (demo) {
      log(`demo teacher: ${DEMO.teacherEmail} / ${DEMO.password}`);
      log(`demo students: ${DEMO.students[0]} … ${DEMO.students.at(-1)} / ${DEMO.password}`);
      log("that password is public: it signs in only on this computer until you change it (Account page)");
    }
  });
  keepConnectionsAlive(server);
  limitConnections(server);
  closeSilentConnections(server);
  boundUnfinishedHeaders(server);
  shareConnections(server, (socket, serveHere) => (helper ? helper.dispatch(socket, serveHere) : serveHere(socket)));
  // A kept-alive connection stays with the process that took it: while this one is much busier
  // than its helper, a few of its answers close theirs, and the browsers' new ones go to the helper.
  server.prependListener("request", (_request, response) => {
    if (helper?.letConnectionGo()) response.setHeader("Connection", "close");
  });
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
