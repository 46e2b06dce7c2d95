/**
 * `remix build`, without the Go trace that Remix's own esbuild (0.17) sometimes prints after a
 * build that succeeded.
 *
 * Remix's CLI calls `process.exit(0)` the moment the build is written. esbuild's service process
 * pings its host every second; when a ping is still unanswered as the host exits, the service
 * waits for the answer forever and Go's runtime ends it with "fatal error: all goroutines are
 * asleep - deadlock!" and a page of goroutines (evanw/esbuild#3635, #3636). The build is complete
 * by then, but on a fresh clone's first `npm start` it came in 2 of 3 builds, and a school's
 * admin reading "fatal error" would take the install for broken.
 *
 * So the CLI's errors pass through this script line by line; a block that starts with that line
 * and holds nothing but a goroutine dump is left out, and only when the CLI exited 0 (a failed
 * build shows everything).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const DEADLOCK = "fatal error: all goroutines are asleep - deadlock!";

// What a goroutine dump is made of: headers, frames (a call, then its file indented by a tab),
// "created by" lines and the blank lines between goroutines.
const DUMP_LINE = /^(|goroutine \d+ \[[^\]]*\]:|\t.*|created by .*|[\w./*()-]+\(.*\)|\s*\.\.\.)$/;

/**
 * The CLI's standard error as it should be shown: `lines` without a trailing newline each,
 * `exitCode` the CLI's. Returns the lines to print.
 */
export function withoutShutdownTrace(lines, exitCode) {
  const start = lines.indexOf(DEADLOCK);
  if (start === -1 || exitCode !== 0) return lines;
  const rest = lines.slice(start + 1);
  return rest.every((line) => DUMP_LINE.test(line)) ? lines.slice(0, start) : lines;
}

function run() {
  const require = createRequire(import.meta.url);
  const devPackage = require.resolve("@remix-run/dev/package.json");
  const cli = path.join(path.dirname(devPackage), require(devPackage).bin.remix);
  const child = spawn(process.execPath, [cli, "build", ...process.argv.slice(2)], {
    stdio: ["inherit", "inherit", "pipe"],
  });

  // Lines before the trace's first line are shown as they come; from it on they wait for the end.
  const held = [];
  let partial = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop();
    for (const line of lines) {
      if (held.length > 0 || line === DEADLOCK) held.push(line);
      else process.stderr.write(line + "\n");
    }
  });

  // The trace is written by esbuild's service after the CLI has exited: wait for both the exit
  // code and the end of the pipe, which closes when the service (which shares it) is gone too.
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1))));
  const drained = new Promise((resolve) => child.stderr.on("close", resolve));
  Promise.all([exited, drained]).then(([code]) => {
    if (partial) held.push(partial);
    const shown = withoutShutdownTrace(held, code);
    if (shown.length > 0) process.stderr.write(shown.join("\n") + "\n");
    process.exitCode = code;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) run();
