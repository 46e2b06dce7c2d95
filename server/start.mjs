/**
 * `npm start`: builds when the sources changed (or there is no build yet), then runs the built
 * server, build/server.js (from server/start.ts: open the database → migrate → seed once →
 * serve). `--no-build` skips the check (the tests and the benchmark build first themselves).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIsStale } from "./build-freshness.mjs";

if (!process.argv.includes("--no-build") && buildIsStale()) {
  console.log("[lantern] building (sources changed or no build yet)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(path.resolve("build/server.js")).href);
