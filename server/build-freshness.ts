/**
 * `npm start` builds when needed: when an output is missing or a source is newer than it.
 * Comparing modification times of app/, lessons/ and db/ costs a few milliseconds.
 */
import fs from "node:fs";
import path from "node:path";

const OUTPUTS = ["build/index.js", "build/course.json", "build/mini-model.json"];
const SOURCES = ["app", "lessons", "db", "package.json", "remix.config.js"];

function newestMtime(target: string): number {
  let st: fs.Stats;
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

export function buildIsStale(root = process.cwd()): boolean {
  const outputTimes = OUTPUTS.map((o) => {
    try {
      return fs.statSync(path.join(root, o)).mtimeMs;
    } catch {
      return 0;
    }
  });
  const oldestOutput = Math.min(...outputTimes);
  if (oldestOutput === 0) return true;
  return Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > oldestOutput;
}
