/**
 * The embedded PostgreSQL as a real app uses it: killed with SIGKILL in the middle of writes,
 * a second app on the same data. Every test starts an embedded server of its own, whichever
 * database the suite runs on (backup and restore, on the suite's database: backup.test.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";

const dirs: string[] = [];
function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-embedded-"));
  fs.chmodSync(dir, 0o711);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function startWriter(dataDir: string, mode: "write" | "idle"): { child: ChildProcess; lines: string[]; waitFor(re: RegExp): Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/embedded-writer.ts", dataDir, mode], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.re.test(line))) w.resolve();
    }
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  return {
    child,
    lines,
    waitFor: (re) =>
      new Promise((resolve, reject) => {
        if (lines.some((l) => re.test(l))) return resolve();
        waiters.push({ re, resolve });
        child.once("exit", (code) => reject(new Error(`writer exited (${code}): ${stderr}`)));
      }),
  };
}

describe("embedded PostgreSQL", () => {
  it("loses no acknowledged write when the app is killed with SIGKILL, and starts again on the same data", async () => {
    const dataDir = freshDataDir();
    const writer = startWriter(dataDir, "write");
    await writer.waitFor(/^ack 200$/);
    writer.child.kill("SIGKILL");
    await new Promise((r) => writer.child.once("exit", r));
    const acked = writer.lines.filter((l) => l.startsWith("ack ")).map((l) => Number(l.slice(4)));
    const lastAcked = Math.max(...acked);

    // the killed app's PostgreSQL is still running and holds the data: the next start must cope
    const server = await startEmbeddedPostgres({ dataDir });
    const conn = connect(server.url, { max: 1 });
    try {
      const [row] = await conn.sql<{ max: number; count: number }[]>`select max(n)::int as max, count(*)::int as count from durability`;
      expect(row!.max).toBeGreaterThanOrEqual(lastAcked);
      expect(row!.count).toBe(row!.max); // no gaps: every acknowledged row is there
    } finally {
      await conn.close();
      await server.stop();
    }
  }, 60_000);

  it("refuses a second app on the same DATA_DIR with a clear message, leaving the first one working", async () => {
    const dataDir = freshDataDir();
    const first = startWriter(dataDir, "idle");
    await first.waitFor(/^ready$/);
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/Another Lantern server \(process \d+\) is already using the data folder/);
    } finally {
      first.child.kill("SIGTERM");
      await new Promise((r) => first.child.once("exit", r));
    }
    // the first app's server was left behind (SIGTERM without our handler): the next start still works
    const server = await startEmbeddedPostgres({ dataDir });
    const conn = connect(server.url, { max: 1 });
    await conn.sql`select count(*) from durability`;
    await conn.close();
    await server.stop();
  }, 60_000);
});

describe("supervision of the embedded server", () => {
  const postmasterOf = (clusterDir: string) =>
    Number(fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const postgresOn = (clusterDir: string) =>
    fs.readdirSync("/proc").filter((p) => {
      try {
        return /^\d+$/.test(p) && fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes(clusterDir);
      } catch {
        return false;
      }
    });

  it("restarts PostgreSQL on the same URL when it is killed, telling the app it went down and came back", async () => {
    const events: string[] = [];
    const server = await startEmbeddedPostgres({
      dataDir: freshDataDir(),
      watch: { down: () => events.push("down"), up: () => events.push("up"), gaveUp: () => events.push("gave up") },
    });
    const conn = connect(server.url, { max: 1 });
    try {
      await conn.sql`create table survives (n int)`;
      await conn.sql`insert into survives values (1)`;
      process.kill(postmasterOf(server.clusterDir), "SIGKILL");
      const deadline = Date.now() + 10_000;
      while (!events.includes("up") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(events).toEqual(["down", "up"]);
      expect((await conn.sql<{ n: number }[]>`select n from survives`)[0]!.n).toBe(1);
    } finally {
      await conn.close();
      await server.stop();
    }
  }, 30_000);

  it("stops at once while a restart is pending, leaving no PostgreSQL behind", async () => {
    const server = await startEmbeddedPostgres({ dataDir: freshDataDir(), watch: { down() {}, up() {}, gaveUp() {} } });
    process.kill(postmasterOf(server.clusterDir), "SIGKILL");
    await new Promise((r) => setTimeout(r, 100)); // inside the first pause before restarting
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((r) => setTimeout(r, 1_000)); // a restart that was under way would show by now
    expect(postgresOn(server.clusterDir)).toEqual([]);
  }, 30_000);
});

/** A process we start and watch: the test checks nobody signalled it. */
function bystander(command: string, args: string[]): { pid: number; untouched(): boolean; end(): void } {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "ignore"] });
  return {
    pid: child.pid!,
    untouched: () => child.exitCode === null && child.signalCode === null,
    end: () => void child.kill("SIGKILL"),
  };
}

/** postmaster.pid as PostgreSQL writes it (pid, folder, start, port, socket dir, address, shared memory, status). */
function writePostmasterPid(clusterDir: string, pid: number) {
  fs.writeFileSync(
    path.join(clusterDir, "postmaster.pid"),
    `${pid}\n${clusterDir}\n1700000000\n5432\n\n127.0.0.1\n  2147483646 2147483646\nready   \n`,
  );
}

describe("stale pid files", () => {
  it("never signals a process that got the pid of a server or an app from before, and starts anyway", async () => {
    const dataDir = freshDataDir();
    const first = await startEmbeddedPostgres({ dataDir });
    await first.stop();

    // After a crash and a reboot the numbers in the pid files belong to strangers.
    const sleeper = bystander("sleep", ["300"]);
    const otherNode = bystander(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    try {
      writePostmasterPid(first.clusterDir, sleeper.pid);
      fs.writeFileSync(path.join(dataDir, "lantern.pid"), `${otherNode.pid}\n`);

      const server = await startEmbeddedPostgres({ dataDir });
      const conn = connect(server.url, { max: 1 });
      expect((await conn.sql`select 1 as one`)[0]!.one).toBe(1);
      await conn.close();
      await server.stop();
      await new Promise((r) => setTimeout(r, 200));
      expect(sleeper.untouched()).toBe(true);
      expect(otherNode.untouched()).toBe(true);
    } finally {
      sleeper.end();
      otherNode.end();
    }
  }, 60_000);

  it("treats a dead but unreaped server (a zombie) as dead", async () => {
    const dataDir = freshDataDir();
    const first = await startEmbeddedPostgres({ dataDir });
    await first.stop();

    // `sleep 0.1` ends as a zombie: its parent (exec'd into `sleep 300`) never reaps it.
    const parent = spawn("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 300"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const zombie = await new Promise<number>((resolve) => parent.stdout!.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
      const state = () => {
        const stat = fs.readFileSync(`/proc/${zombie}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2)[0];
      };
      for (let i = 0; i < 100 && state() !== "Z"; i++) await new Promise((r) => setTimeout(r, 20));
      expect(state()).toBe("Z");
      writePostmasterPid(first.clusterDir, zombie);

      const started = Date.now();
      const server = await startEmbeddedPostgres({ dataDir });
      expect(Date.now() - started).toBeLessThan(10_000);
      await server.stop();
    } finally {
      parent.kill("SIGKILL");
    }
  }, 60_000);
});
