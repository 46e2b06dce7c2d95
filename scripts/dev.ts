/**
 * npm run dev: builds once, then rebuilds the app (remix watch) and the course (when a file in
 * lessons/ changes) and restarts the server whenever build/ changes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";

const children: ChildProcess[] = [];
const run = (cmd: string, args: string[]) => {
  const child = spawn(cmd, args, { stdio: "inherit" });
  children.push(child);
  return child;
};
const stopAll = () => {
  for (const c of children) c.kill("SIGINT");
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGINT", stopAll);
process.on("SIGTERM", stopAll);

if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);

run("node_modules/.bin/remix", ["watch"]);

let timer: NodeJS.Timeout | undefined;
fs.watch("lessons", { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log("[dev] lessons changed: rebuilding the course");
    spawnSync("npm", ["run", "build:course"], { stdio: "inherit" });
  }, 200);
});

run(process.execPath, ["--watch-path=build", "--watch-path=server", "--import", "tsx", "server/start.ts", "--no-build"]);
