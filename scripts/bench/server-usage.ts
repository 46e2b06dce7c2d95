/**
 * What the server under test uses, read from /proc: memory (PSS) and CPU of the whole server —
 * Node, every embedded PostgreSQL process and anything else Node started — so that the figures
 * include the database, which does much of the work.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { embeddedPostgresPids, processTree, residentBytes } from "../harness/lantern-server";

export interface ServerMemory {
  /** Resident memory summed over the processes (shared pages counted once per process). */
  rssMb: number;
  /** Proportional set size: shared pages (PostgreSQL's shared buffers) split between processes. */
  pssMb: number;
  nodeMb: number;
  postgresMb: number;
  otherMb: number;
  processes: number;
}

/** The whole server's memory in MB, as PSS (budgeted) and as RSS summed. */
export function serverMemory(serverPid: number, dataDir: string): ServerMemory {
  const postgresPids = new Set(embeddedPostgresPids(dataDir));
  const pids = processTree(serverPid);
  let rss = 0;
  let pss = 0;
  const nodeMb = residentBytes(serverPid) / 1048576;
  let postgresBytes = 0;
  for (const pid of pids) {
    const own = residentBytes(pid);
    pss += own;
    if (postgresPids.has(pid)) postgresBytes += own;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  const postgresMb = postgresBytes / 1048576;
  return { rssMb: rss / 1048576, pssMb: pss / 1048576, nodeMb, postgresMb, otherMb: pss / 1048576 - nodeMb - postgresMb, processes: pids.length };
}

/** How many Node processes serve: 2 while a helper runs (decision 029). */
export function nodeProcessCount(rootPid: number): number {
  return processTree(rootPid).filter((pid) => pid === rootPid || isNode(pid)).length;
}

/** A Node process (the helper), as against PostgreSQL's. */
function isNode(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "node";
  } catch {
    return false;
  }
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  ticksPerSecond ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
  return ticksPerSecond;
}

/**
 * CPU seconds used so far by a process and everything under it, split into Node (the server's
 * own process and its helper, when one runs: decision 029) and the rest (PostgreSQL). Each process's own time plus the time of children it
 * has already reaped, so a PostgreSQL backend that ends between two readings is not lost: its
 * time moves to the postmaster's "children" count.
 */
export function treeCpuSeconds(rootPid: number): { total: number; node: number } {
  let ticks = 0;
  let nodeTicks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // after the parenthesised name: state is field 3; utime, stime, cutime, cstime are 14–17
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const own = Number(fields[11]) + Number(fields[12]);
      const reaped = Number(fields[13]) + Number(fields[14]);
      ticks += own + reaped;
      // the main Node process's reaped children are its helpers (decision 029): Node's time too
      if (pid === rootPid) nodeTicks += own + reaped;
      else if (isNode(pid)) nodeTicks += own;
    } catch {
      // ended meanwhile (its time is now its parent's)
    }
  }
  return { total: ticks / clockTicks(), node: nodeTicks / clockTicks() };
}

/** Busy and total CPU time of the whole machine so far (all cores, in ticks), from /proc/stat. */
export function machineCpuTicks(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * CPU use over an interval: call `start()`, then `stop()` for the percentages of one core used by
 * the server (Node + PostgreSQL), by this process (the load generator) and by the whole machine
 * (all cores, in % of the machine).
 */
export function cpuMeter(serverPid: number) {
  const server0 = treeCpuSeconds(serverPid);
  const self0 = process.cpuUsage();
  const machine0 = machineCpuTicks();
  const t0 = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const server1 = treeCpuSeconds(serverPid);
      const self1 = process.cpuUsage(self0);
      const machine1 = machineCpuTicks();
      const pct = (cpuSeconds: number) => (100 * cpuSeconds) / seconds;
      return {
        seconds,
        /** % of one core: the server, Node and PostgreSQL together. */
        serverPct: pct(server1.total - server0.total),
        /** % of one core: the server's Node process alone. */
        serverNodePct: pct(server1.node - server0.node),
        /** % of one core: this process (the load generator and the fake Anthropic API). */
        loadGeneratorPct: pct((self1.user + self1.system) / 1e6),
        /** % of the whole machine (all cores) busy, whoever used it. */
        machinePct: (100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total),
      };
    },
  };
}
