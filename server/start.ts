/**
 * `npm start`: build if needed → open the database (embedded unless DATABASE_URL) → migrate →
 * seed the demo school once → serve. Stops PostgreSQL cleanly on SIGINT/SIGTERM.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { runMigrations } from "../db/migrate";
import { openDatabase } from "../db/open";
import { DEMO, seedDemoOnce } from "../db/seed";
import { env, EnvError } from "../app/utils/env.server";
import { registerDatabase } from "../app/utils/db.server";
import { buildIsStale } from "./build-freshness";
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

  if (!args.has("--no-build") && buildIsStale()) {
    log("building (sources changed or no build yet)…");
    const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }

  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    housekeeping?.stop();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database.close();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  registerDatabase(database.connection);
  await runMigrations(database.connection);
  if (demo && (await seedDemoOnce(database.connection)) === "seeded") log("seeded the demo school");

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createHttpApp({ build, trustProxy: config.TRUST_PROXY, logRequests: config.LOG_REQUESTS });
  let housekeeping: { stop(): void } | undefined;
  const server = app.listen(config.PORT, config.HOST, () => {
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
  // Streams (playground) can be long; idle keep-alive sockets should not hold shutdown.
  server.keepAliveTimeout = 5_000;
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
