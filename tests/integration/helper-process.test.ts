/**
 * The helper process (server/helper-process.ts, helper-main.ts; decision 029): a second serving
 * process that takes every other new connection, on the default install's embedded database.
 */
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, processTree, ROOT, serverBuildIsStale, sleep, startLanternServer, type LanternServer } from "../../scripts/harness/lantern-server";
import { startHelper, type Helper } from "../../server/helper-process";

function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`);

/** Browsers' connections to the server's port that a process holds (from /proc: its sockets, the kernel's TCP table). */
function connectionsHeld(pid: number, port: number): number {
  const toPort = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").trim().split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address "0100007F:0DDE" (port in hex), state 01 = established, the socket's inode
      if (parseInt(fields[1]!.split(":")[1]!, 16) === port && fields[3] === "01") toPort.add(fields[9]!);
    }
  }
  return fs.readdirSync(`/proc/${pid}/fd`).filter((fd) => {
    try {
      return toPort.has(/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? "");
    } catch {
      return false;
    }
  }).length;
}

/** The Node processes under the server (the helper), not PostgreSQL's. */
function helperPids(server: LanternServer): number[] {
  return processTree(server.pid).filter((pid) => {
    if (pid === server.pid) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--helper");
    } catch {
      return false;
    }
  });
}

async function waitFor<T>(what: string, find: () => T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A GET on a connection of its own, as a new visitor's browser opens one. */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { connection: "close" } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
}

describe("the helper process on a running server", () => {
  let server: LanternServer;
  let dataDir: string;

  beforeAll(async () => {
    if (serverBuildIsStale()) buildServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-helper-"));
    server = await startLanternServer({ dataDir, cwd: ROOT, env: { HELPER_PROCESS: "always", LANTERN_DEMO: "0" } });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("takes every other new connection, so both processes do the work", async () => {
    await waitFor("the helper to serve", () => (/helper process \d+ is serving too/.test(server.output()) ? true : undefined));
    const [helper] = helperPids(server);
    expect(helper).toBeDefined();
    const mainBefore = cpuTicks(server.pid);
    const helperBefore = cpuTicks(helper!);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push(...(await Promise.all(Array.from({ length: 5 }, () => getOnNewConnection(`${server.url}/learn`)))));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const mainWork = cpuTicks(server.pid) - mainBefore;
    const helperWork = cpuTicks(helper!) - helperBefore;
    // half the pages each: the helper did at least a third of the work (it did none before)
    expect(helperWork).toBeGreaterThan(5);
    expect(helperWork).toBeGreaterThan(mainWork / 3);
  });

  it("is started again when it dies, and no request is lost meanwhile", async () => {
    const [helper] = helperPids(server);
    process.kill(helper!, "SIGKILL");
    const statuses = await Promise.all(Array.from({ length: 20 }, () => getOnNewConnection(`${server.url}/healthz`)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const next = await waitFor("a new helper", () => helperPids(server).find((pid) => pid !== helper));
    expect(server.output()).toMatch(new RegExp(`helper process ${helper} exited \\(SIGKILL\\)`));
    await waitFor("the new helper to serve", () => (new RegExp(`helper process ${next} is serving too`).test(server.output()) ? true : undefined));
    expect(await getOnNewConnection(`${server.url}/learn`)).toBe(200);
  });

  it("stops with the server, closing idle keep-alive connections at once", async () => {
    const helper = await waitFor("a serving helper", () => {
      const [pid] = helperPids(server);
      return pid && new RegExp(`helper process ${pid} is serving too`).test(server.output()) ? pid : undefined;
    });
    const heldBefore = connectionsHeld(helper, server.port);
    // four browsers' connections left open after a page each, opened one after the other: every
    // other one is the helper's
    const agents = Array.from({ length: 4 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    for (const agent of agents) {
      const status = await new Promise<number>((resolve, reject) => {
        http.get(`${server.url}/healthz`, { agent }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        }).on("error", reject);
      });
      expect(status).toBe(200);
    }
    expect(connectionsHeld(helper, server.port)).toBe(heldBefore + 2);
    const started = performance.now();
    await server.stop();
    // not the 20 s a connection still in use may take
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(alive(helper)).toBe(false);
    expect(alive(server.pid)).toBe(false);
    for (const agent of agents) agent.destroy();
  });
});

const STUB = path.join(ROOT, "tests/fixtures/helper-stub.mjs");

/** What a server says to a new connection before closing it. */
function answerFrom(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = "";
    net.connect(port, "127.0.0.1").on("data", (chunk) => (said += chunk)).on("end", () => resolve(said)).on("error", reject);
  });
}

/**
 * A listening socket whose connections go through a helper's dispatch (the stand-in, misbehaving
 * as `stub` says; it answers "helper"), or are answered "main" here.
 */
async function withStandIn(stub: string, run: (at: { port: number; pid: string; lines: string[]; helper: Helper }) => Promise<void>) {
  const lines: string[] = [];
  const helper = startHelper({ mode: "always", script: STUB, env: { ...process.env, HELPER_STUB: stub }, log: (l) => lines.push(l) });
  const front = net.createServer({ pauseOnConnect: true }, (socket) => helper.dispatch(socket, (kept) => kept.end("main")));
  try {
    const pid = await waitFor("a helper", () => lines.map((l) => /helper process (\d+) is serving too/.exec(l)?.[1]).find(Boolean));
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    await run({ port: (front.address() as net.AddressInfo).port, pid, lines, helper });
  } finally {
    front.close();
    await helper.stop();
  }
}

describe("the helper's life, with a stand-in helper", () => {
  it("starts when the loop is busy and stops when the two are quiet", async () => {
    const lines: string[] = [];
    // start at any load after one second; stop once three seconds of reports add up to less than a loop
    const helper = startHelper({
      mode: "auto",
      script: STUB,
      env: process.env,
      log: (line) => lines.push(line),
      rule: { startAbove: 0, startSeconds: 1, stopBelow: 1, stopSeconds: 3 },
    });
    try {
      const started = await waitFor("a helper", () => lines.map((l) => /helper process (\d+) is serving too/.exec(l)?.[1]).find(Boolean), 10_000);
      await waitFor("it to be stopped", () => (lines.some((l) => l.startsWith("load fell: stopping helper process")) ? true : undefined), 10_000);
      await waitFor("it to exit", () => (alive(Number(started)) ? undefined : true), 10_000);
      expect(lines.find((l) => l.startsWith("busy"))).toMatch(/starting a helper process/);
      expect(lines).toContain(`helper process ${started} exited (status 0)`);
    } finally {
      await helper.stop();
    }
  }, 30_000);

  it("kills a helper that falls silent, and starts another", async () => {
    const lines: string[] = [];
    const helper = startHelper({ mode: "always", script: STUB, env: { ...process.env, HELPER_STUB: "silent" }, log: (l) => lines.push(l) });
    try {
      const first = await waitFor("a helper", () => lines.map((l) => /helper process (\d+) is serving too/.exec(l)?.[1]).find(Boolean));
      await waitFor("it to be killed", () => (lines.includes(`helper process ${first} stopped answering: killing it`) ? true : undefined));
      await waitFor("another", () => lines.map((l) => /helper process (\d+) is serving too/.exec(l)?.[1]).find((pid) => pid && pid !== first));
    } finally {
      await helper.stop();
    }
  }, 30_000);

  it("serves here a connection the helper never confirms, after killing it", async () => {
    await withStandIn("no-took", async ({ port, pid, lines }) => {
      // the first connection is the helper's turn
      expect(await answerFrom(port)).toBe("main");
      expect(lines).toContain(`helper process ${pid} did not take a connection: killing it`);
    });
  }, 30_000);

  it("leaves a connection the helper confirms to the helper", async () => {
    await withStandIn("", async ({ port }) => {
      expect([await answerFrom(port), await answerFrom(port), await answerFrom(port), await answerFrom(port)]).toEqual(["helper", "main", "helper", "main"]);
    });
  });

  it("while the main loop is much busier, hands every new connection over and lets one answer in four close its own", async () => {
    await withStandIn("", async ({ port, helper }) => {
      // quiet: every other one, and every kept-alive connection stays
      await sleep(1_100);
      expect([await answerFrom(port), await answerFrom(port)].sort()).toEqual(["helper", "main"]);
      expect(Array.from({ length: 8 }, () => helper.letConnectionGo())).not.toContain(true);
      // this process's loop busy for two whole seconds (its load is sampled each second); the
      // stand-in reports a loop at 1 %
      const until = performance.now() + 2_100;
      while (performance.now() < until) {
        // busy
      }
      await sleep(20);
      expect([await answerFrom(port), await answerFrom(port), await answerFrom(port), await answerFrom(port)]).toEqual(["helper", "helper", "helper", "helper"]);
      expect(Array.from({ length: 8 }, () => helper.letConnectionGo()).filter(Boolean)).toHaveLength(2);
    });
  });

  it("never starts one by itself on a machine with one core", async () => {
    const lines: string[] = [];
    const helper = startHelper({ mode: "auto", cores: 1, script: STUB, env: process.env, log: (l) => lines.push(l), rule: { startAbove: 0, startSeconds: 1, stopBelow: 1, stopSeconds: 3 } });
    await sleep(1_500);
    await helper.stop();
    expect(lines).toEqual([]);
  });

  it("never starts one when off", async () => {
    const lines: string[] = [];
    const helper = startHelper({ mode: "off", script: "/nonexistent", env: process.env, log: (l) => lines.push(l), rule: { startAbove: 0, startSeconds: 1, stopBelow: 1, stopSeconds: 3 } });
    await sleep(1_500);
    await helper.stop();
    expect(lines).toEqual([]);
  });
});
