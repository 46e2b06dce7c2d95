/**
 * Who is behind a PID read from a file. A pid file outlives its process (SIGKILL, a reboot, a
 * restored backup), and the kernel hands the number to someone else: before we signal a process
 * or refuse to start because of one, we check it is really ours. Running as root, a mistake here
 * would stop an unrelated service.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Alive and not a zombie: a dead-but-unreaped process holds nothing and answers nothing. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const state = procStat(pid)?.state;
  return state !== "Z" && state !== "X";
}

/**
 * The process's arguments: from /proc (Linux), else from `ps` (macOS; split on spaces, so a
 * folder with spaces in its name will not match). Null when neither can tell.
 */
export function commandLine(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    // no such process, or no /proc
  }
  if (fs.existsSync("/proc/self")) return null;
  try {
    const line = execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" }).trim();
    return line ? line.split(/\s+/) : null;
  } catch {
    return null;
  }
}

/**
 * The kernel's start time of a process (clock ticks since boot): with the pid, a name no other
 * process will ever have, so a pid file holding both cannot be mistaken for a newcomer's.
 */
export function startTime(pid: number): string | null {
  return procStat(pid)?.startTime ?? null;
}

function procStat(pid: number): { state: string; startTime: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // fields after the parenthesised command name (which may hold spaces): state is field 3,
    // start time field 22
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: rest[0]!, startTime: rest[19]! };
  } catch {
    return null;
  }
}

/**
 * True when `pid` is a PostgreSQL server on `clusterDir`: its program is `postgres` and its
 * `-D` argument names this folder. When its command line cannot be read: false, so we never
 * signal on a guess.
 */
export function isPostgresOn(pid: number, clusterDir: string): boolean {
  const args = commandLine(pid);
  if (!args || path.basename(args[0] ?? "") !== "postgres") return false;
  const d = args.indexOf("-D");
  const dir = d >= 0 ? args[d + 1] : undefined;
  return dir !== undefined && samePath(dir, clusterDir);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** What an app writes in its lock file: its pid and its start time. */
export function processStamp(pid = process.pid): string {
  return `${pid}\n${startTime(pid) ?? ""}\n`;
}

/**
 * The pid in a lock file written by `processStamp`, if that very process still runs; null for a
 * stale file (the process ended, or its pid now belongs to another process).
 */
export function runningOwner(lockFile: string): number | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(lockFile, "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return null;
  const recorded = lines[1]?.trim();
  const actual = startTime(pid);
  if (actual === null) return pid; // no /proc: the pid is all we have
  if (recorded) return recorded === actual ? pid : null;
  // A file from an older version holds only the pid: ours only if it runs the Lantern server.
  return commandLine(pid)?.some((arg) => arg.endsWith("server/start.ts")) ? pid : null;
}

/**
 * Processes still attached to the shared memory a postmaster.pid names (line 7: key and id).
 * Backends of a killed server live on briefly and keep it; a new server must not start beside
 * them. Unknown (no /proc, no line) counts as 0: PostgreSQL then does its own check.
 */
export function sharedMemoryAttachments(postmasterPidFile: string): number {
  try {
    const [, shmid] = (fs.readFileSync(postmasterPidFile, "utf8").split("\n")[6] ?? "").trim().split(/\s+/);
    if (!shmid) return 0;
    for (const line of fs.readFileSync("/proc/sysvipc/shm", "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1] === shmid) return Number(cols[6]) || 0;
    }
  } catch {
    // nothing to tell
  }
  return 0;
}
