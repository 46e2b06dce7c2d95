/**
 * One experiment's Lantern: the real server (scripts/harness/lantern-server.ts, the code
 * `npm start` runs) on a fixed 127.0.0.1 port, on its own embedded PostgreSQL in a fresh data
 * folder or on a given database, with a class of students who have sessions. It can be killed
 * (app, database, or both) and started again on the same port and data.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { benchClass, courseLessons, type BenchStudent, type CourseLesson } from "../bench/classroom";
import { sleep } from "../bench/load";
import { embeddedPostgresPids, freePort, startLanternServer, type LanternServer } from "../harness/lantern-server";

export interface LabOptions {
  /** The built app to run (a snapshotApp() folder). */
  appDir: string;
  /** Students in the class (each gets a session). */
  students: number;
  /** Embedded PostgreSQL in this folder (default: a fresh temporary one)… */
  dataDir?: string;
  /** …or this database (then DATA_DIR is still a fresh folder, for the app's lock and backups). */
  databaseUrl?: string;
  verbose: boolean;
}

export class Lab {
  server!: LanternServer;
  students: BenchStudent[] = [];
  readonly lessons: CourseLesson[] = courseLessons();
  private readonly ownsDataDir: boolean;
  readonly dataDir: string;

  private constructor(
    private readonly options: LabOptions,
    readonly port: number,
  ) {
    this.ownsDataDir = !options.dataDir;
    this.dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "lantern-fault-"));
  }

  static async open(options: LabOptions): Promise<Lab> {
    const lab = new Lab(options, await freePort());
    await lab.start();
    lab.students = await lab.withSql((sql) => benchClass(sql, "Fault suite", options.students).then((c) => c.students));
    return lab;
  }

  url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and data; returns ms until /healthz said 200. */
  async start(): Promise<number> {
    this.server = await startLanternServer({
      dataDir: this.dataDir,
      databaseUrl: this.options.databaseUrl,
      port: this.port,
      cwd: this.options.appDir,
      echo: this.options.verbose,
      timeoutMs: 60_000,
    });
    return this.server.startMs;
  }

  /** A short-lived connection to the server's database (the embedded port may change on restart). */
  async withSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
    const sql = postgres(this.server.databaseUrl, { max: 2, onnotice: () => {}, connect_timeout: 10 });
    try {
      return await work(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }

  /** The app's Node process is still running (it did not crash or exit). */
  appRunning(): boolean {
    return alive(this.server.pid);
  }

  /** SIGKILL to the app's Node process only (its PostgreSQL lives on, orphaned). */
  async killApp(): Promise<void> {
    await killAndWait([this.server.pid]);
  }

  /** SIGKILL to the embedded PostgreSQL: the postmaster and every backend. */
  async killDatabase(): Promise<number> {
    const pids = embeddedPostgresPids(this.dataDir);
    await killAndWait(pids);
    return pids.length;
  }

  /** Stops the server cleanly (SIGTERM, then SIGKILL after 15 s; a leftover PostgreSQL is stopped too). */
  async close(): Promise<void> {
    await this.server?.stop();
    // retries: a PostgreSQL that was just stopped may still be removing its files
    if (this.ownsDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

/** Running, and not a zombie waiting to be reaped (a killed orphan may stay one in a container). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

async function killAndWait(pids: readonly number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5_000;
  while (pids.some(alive) && Date.now() < deadline) await sleep(20);
}
