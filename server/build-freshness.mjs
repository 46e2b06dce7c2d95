/**
 * `npm start` builds when needed: when an output is missing or a source is newer than it.
 * Comparing modification times of app/, lessons/, db/ and server/ costs a few milliseconds.
 * Plain JavaScript: server/start.mjs runs it before any TypeScript is built.
 */
import fs from "node:fs";
import path from "node:path";

const OUTPUTS = ["build/index.js", "build/server.js", "build/course.json", "build/guides.json", "build/mini-model.json"];
const SOURCES = ["app", "lessons", "db", "server", "package.json", "remix.config.js"];

/** The newest modification time of a file, or of anything below a folder (0 when missing). */
export function newestMtime(target) {
  let st;
  try {
    st = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when any output is missing or older than the newest of the sources. */
export function isStale(root, outputs, sources) {
  const outputTimes = outputs.map((o) => newestMtime(path.join(root, o)));
  const oldestOutput = Math.min(...outputTimes);
  if (oldestOutput === 0) return true;
  return Math.max(...sources.map((s) => newestMtime(path.join(root, s)))) > oldestOutput;
}

export function buildIsStale(root = process.cwd()) {
  return isStale(root, OUTPUTS, SOURCES);
}
