/**
 * Starts the REAL Lantern server (server/start.mjs running build/server.js, as `npm start` does)
 * as a child process on a free 127.0.0.1 port, and stops it cleanly. Shared by the e2e global
 * setup and `npm run bench`.
 *
 * Started with `node` directly, never through npm or npx: killing such a parent can leave the
 * server running and the port taken (docs/stack.md, trap 14).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { isStale } from "../../server/build-freshness.mjs";
import { SERVER_NODE_FLAGS } from "../../server/node-flags";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface LanternServerOptions {
  /** Embedded PostgreSQL in this folder (made reachable for the `postgres` user). */
  dataDir?: string;
  /** An existing database instead of the embedded one. */
  databaseUrl?: string;
  /** Extra environment (ANTHROPIC_BASE_URL, TRUST_PROXY…). */
  env?: Record<string, string>;
  port?: number;
  /** Echo the server's output (bench --verbose, debugging). */
  echo?: boolean;
  /** How long to wait for "ready" before giving up. */
  timeoutMs?: number;
  /** Run from this folder (see snapshotApp) instead of the project root. */
  cwd?: string;
  /** More flags for Node, after the server's own (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeFlags?: string[];
  /**
   * Print the server's last output should it exit before `stop()`: a suite's shared server that
   * dies shows in every later test only as "connection refused", and CI keeps no other trace of why.
   */
  reportUnexpectedExit?: boolean;
}

export interface LanternServer {
  url: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn to the first successful GET /healthz. */
  startMs: number;
  /** The database the server uses: DATABASE_URL, or the embedded server's URL read from DATA_DIR. */
  databaseUrl: string;
  /** Everything the server printed (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when the Remix build or the server bundle is missing or older than a source either reads. */
export function serverBuildIsStale(root = ROOT): boolean {
  return isStale(root, ["build/index.js", "build/server.js"], ["app", "server", "db", "remix.config.js"]);
}

/** Runs `remix build` (through its wrapper) and bundles the server (not the course: `npm test` has already built it). */
export function buildServer(root = ROOT): void {
  const steps: [string, string[]][] = [
    [process.execPath, ["scripts/build-remix.mjs"]],
    [path.join(root, "node_modules/.bin/tsx"), ["scripts/build-server.ts"]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
    if (result.status !== 0) {
      throw new Error(`${path.basename(command)} ${args.join(" ")} failed:\n${(result.stdout ?? "") + (result.stderr ?? "")}`.slice(0, 8000));
    }
  }
}

/**
 * A private copy of the built app to run the server from: build/ and public/ are copied, the
 * sources and node_modules are linked. Others rebuilding the shared tree while the tests run
 * (which replaces public/build) then cannot pull assets from under the server, and a developer's
 * .env in the project root does not leak into the tests.
 */
export function snapshotApp(root = ROOT): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-app-"));
  fs.chmodSync(dir, 0o755);
  for (const copied of ["build", "public"]) {
    // A build running elsewhere may replace files while we copy: try again on a vanished file.
    for (let attempt = 1; ; attempt++) {
      try {
        fs.rmSync(path.join(dir, copied), { recursive: true, force: true });
        fs.cpSync(path.join(root, copied), path.join(dir, copied), { recursive: true });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT" || attempt === 5) throw error;
        spawnSync("sleep", ["2"]);
      }
    }
  }
  for (const linked of ["node_modules", "app", "server", "db", "lessons", "scripts", "package.json", "tsconfig.json", "remix.config.js"]) {
    if (fs.existsSync(path.join(root, linked))) fs.symlinkSync(path.join(root, linked), path.join(dir, linked));
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function startLanternServer(options: LanternServerOptions): Promise<LanternServer> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    // No NODE_ENV: `npm start` sets none either, and what it serves is what we test.
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_REQUESTS: "0",
    // One process, whatever the load: the tests and the benchmark's per-request figures measure
    // that process. The capacity sweep and the helper's own test turn it back on.
    HELPER_PROCESS: "off",
    ...options.env,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    // The `postgres` system user must pass through to its cluster folder.
    fs.chmodSync(options.dataDir, 0o711);
    env.DATA_DIR = options.dataDir;
  }
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(options.nodeFlags ?? []), "server/start.mjs", "--no-build"], {
    cwd: options.cwd ?? ROOT,
    // no NODE_ENV on purpose (see above); ProcessEnv's declaration would demand one
    env: env as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    if (options.echo) process.stderr.write(text);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  let stopping = false;
  if (options.reportUnexpectedExit) {
    child.once("exit", (code, signal) => {
      if (stopping) return;
      process.stderr.write(`\n[lantern-server] the server on port ${port} exited unexpectedly (code ${code}, signal ${signal}); its last output:\n${output.slice(-8_000)}\n`);
    });
  }

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let startMs = 0;
  while (!startMs) {
    if (child.exitCode !== null) throw new Error(`Lantern server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stopChild(child, options.dataDir);
      throw new Error(`Lantern server did not answer /healthz within the time limit:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) startMs = performance.now() - started;
      await res.body?.cancel();
    } catch {
      // not listening yet
    }
    if (!startMs) await sleep(20);
  }

  const databaseUrl = options.databaseUrl ?? embeddedUrl(options.dataDir!);
  return {
    url,
    port,
    pid: child.pid!,
    startMs,
    databaseUrl,
    output: () => output,
    stop: () => {
      stopping = true;
      return stopChild(child, options.dataDir);
    },
  };
}

/** The embedded server's URL, from the files it keeps in DATA_DIR (password) and its cluster (port). */
export function embeddedUrl(dataDir: string): string {
  const password = fs.readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const port = Number(fs.readFileSync(pidFile, "utf8").split("\n")[3]);
  return `postgres://lantern:${encodeURIComponent(password)}@127.0.0.1:${port}/lantern`;
}

/** Pids of the embedded PostgreSQL server (postmaster and its children), for memory figures. */
export function embeddedPostgresPids(dataDir: string): number[] {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return [];
  }
  const pids = [postmaster];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // field 4 (after the parenthesised name) is the parent pid
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** A process and all its descendants (the server, its PostgreSQL, any helper it started). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended meanwhile
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/**
 * Resident memory in bytes of a process, counted as its proportional share (Pss) so that the
 * shared memory PostgreSQL's processes map together is counted once, not once per process.
 */
export function residentBytes(pid: number): number {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (pss) return Number(pss[1]) * 1024;
  } catch {
    // fall back to VmRSS below
  }
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return rss ? Number(rss[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function stopChild(child: ChildProcess, dataDir: string | undefined): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  // A server killed hard leaves its PostgreSQL running: stop that one too (only ours, by pid file).
  if (dataDir) {
    const pid = embeddedPostgresPids(dataDir)[0];
    if (pid && isAlive(pid)) {
      process.kill(pid, "SIGINT");
      const deadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(50);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
