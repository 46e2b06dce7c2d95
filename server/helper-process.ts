/**
 * The main process's side of the helper: a second serving process, started and stopped by load
 * (helper-scaling.ts, docs/decisions/029-helper-process.md). The helper runs this same build with
 * `--helper` (helper-main.ts). The main process keeps accepting every connection and, while a
 * helper is ready, hands new ones to it (the socket itself, over the IPC channel, before a byte
 * of it is read): every other one while both are about as busy, every one to the less busy
 * otherwise, and while it is much busier it lets some of its own kept-alive connections go so
 * their browsers open new ones. Both processes then share the load connection by connection, as
 * Node's cluster module does. Letting both accept on one shared socket was tried first: the
 * kernel gave whichever process woke first all ten connections of a load test. The main process
 * keeps what there is one of: the embedded PostgreSQL, migrations, the demo seed, housekeeping.
 *
 * HELPER_PROCESS: "auto" (the default) starts one when the event loop stays busy; "always" keeps
 * one running from the start; "off" never does.
 */
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { DEFAULT_RULE, handoverFor, helperDecision, shouldShed, type LoadSample, type ScalingRule } from "./helper-scaling";

export type HelperMode = "auto" | "always" | "off";

/** Messages between the two processes (over the IPC channel `fork` opens). */
export type ToHelper =
  | { type: "connection" }
  /** Finish what is being answered (at most graceMs: then its connections are closed) and exit. */
  | { type: "stop"; graceMs: number }
  | { type: "database"; available: boolean; reason?: string };
export type FromHelper =
  | { type: "ready" }
  | { type: "load"; utilization: number }
  /** A connection arrived and is being served. */
  | { type: "took" };

export interface HelperOptions {
  mode: HelperMode;
  /** The server build to run with --helper. */
  script: string;
  /** The helper's environment: the main one's, plus how to reach the database it opened. */
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  rule?: ScalingRule;
  /** CPUs this process may use (os.availableParallelism): with one, a helper only competes for it. */
  cores?: number;
}

export interface Helper {
  /**
   * Hand a new (still unread) connection to the helper, or to `serveHere` when this process keeps
   * it — including when the helper could not take it after all (it died a moment ago).
   */
  dispatch(socket: Socket, serveHere: (socket: Socket) => void): void;
  /**
   * Whether this process should close the connection of the answer it is about to send (it says
   * `Connection: close`): true for one answer in SHED_EVERY while this process is busy and clearly
   * busier than its helper (helper-scaling.ts: shouldShed). The browser opens a new connection for
   * its next request, and that one is handed to the less busy process.
   */
  letConnectionGo(): boolean;
  /** Tell a running helper that the database went away or came back (the main process watches it). */
  database(available: boolean, reason?: string): void;
  /** Stop the helper and the scaling (on shutdown): resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * How long a helper may take to finish what it is answering. Stopped because load fell, it has
 * time for a playground reply still streaming (a minute at most); on shutdown, as long as the
 * main process gives its own connections. One that has not exited 10 s after that is killed.
 */
const RETIRE_GRACE_MS = 90_000;
const SHUTDOWN_GRACE_MS = 20_000;
const KILL_AFTER_GRACE_MS = 10_000;
/**
 * A helper that has not confirmed a connection this long after it was sent, or has not reported
 * its load for this long (or not said it is ready), is hung: it is killed, and a connection it had
 * not confirmed is served here (it never read it).
 */
const CONFIRM_WITHIN_MS = 5_000;
const REPORT_WITHIN_MS = 10_000;
const READY_WITHIN_MS = 30_000;
/**
 * While shedding, one answer in this many closes its connection. At 1,200 students the main process
 * answers ~60 requests a second: ~15 connections a second move, a few hundred in the first minute,
 * and each move costs its browser one new connection (a round trip on the school's network).
 */
const SHED_EVERY = 4;
/** "always": a helper that died is started again after this pause (not in a tight loop). */
const RESTART_AFTER_MS = 2_000;

export function startHelper(options: HelperOptions): Helper {
  const { log } = options;
  const rule = options.rule ?? DEFAULT_RULE;
  const mode = options.mode === "auto" && (options.cores ?? availableParallelism()) < 2 ? "off" : options.mode;
  if (mode === "off") return { dispatch: (socket, serveHere) => serveHere(socket), letConnectionGo: () => false, database: () => {}, stop: async () => {} };

  let child: ChildProcess | null = null;
  /** The helper takes connections: it said it is ready and has not been asked to stop. */
  let taking = false;
  let turn = 0;
  /**
   * The connection sent and not yet confirmed (see dispatch): this process keeps its own copy of
   * it until then, so that if the helper dies first — it had not read a byte of it — it is served
   * here instead of lost.
   */
  let handing: { socket: Socket; serveHere: (socket: Socket) => void; server: unknown } | null = null;
  const handedOver = () => {
    // the helper holds its own copy of the connection: closing this one does not end it
    handing?.socket.destroy();
    handing = null;
  };
  /** The helper's last sign of life: its readiness, then each load report. */
  let lastHeard = 0;
  const kill = (helper: ChildProcess, why: string) => {
    log(`helper process ${helper.pid} ${why}: killing it`);
    helper.kill("SIGKILL");
  };
  const takeBack = () => {
    const back = handing;
    handing = null;
    if (!back) return;
    (back.socket as Socket & { server: unknown }).server = back.server;
    back.serveHere(back.socket);
  };
  let helperLoad: number | null = null;
  /** This process's loop over the last second (0–1), beside helperLoad, the helper's. */
  let mainLoad = 0;
  let answers = 0;
  let shuttingDown = false;
  let samples: LoadSample[] = [];
  let lastUtilization = performance.eventLoopUtilization();

  const send = (message: ToHelper) => {
    if (child?.connected) child.send(message);
  };

  const start = () => {
    const started = performance.now();
    let helper: ChildProcess;
    try {
      helper = fork(options.script, ["--helper"], { execArgv: process.execArgv, env: options.env });
    } catch (error) {
      // out of memory or processes: this process goes on alone, and tries again when next busy
      log(`could not start a helper process: ${(error as Error).message}`);
      return;
    }
    child = helper;
    helperLoad = null;
    // as if last heard from just so long ago that silence until READY_WITHIN_MS is allowed
    lastHeard = started + READY_WITHIN_MS - REPORT_WITHIN_MS;
    helper.on("message", (message: FromHelper) => {
      if (message.type === "ready") {
        // not if this process began shutting down while the helper was starting
        taking = child === helper && !shuttingDown;
        lastHeard = performance.now();
        log(`helper process ${helper.pid} is serving too (ready in ${Math.round(performance.now() - started)} ms)`);
      } else if (message.type === "load") {
        helperLoad = message.utilization;
        lastHeard = performance.now();
      } else if (message.type === "took") {
        handedOver();
      }
    });
    helper.on("exit", (code, signal) => {
      if (child === helper) {
        child = null;
        taking = false;
        helperLoad = null;
        samples = [];
      }
      if (shuttingDown) return;
      log(`helper process ${helper.pid} exited (${signal ?? `status ${code}`})`);
      if (mode === "always") setTimeout(() => shuttingDown || child || start(), RESTART_AFTER_MS).unref();
    });
    // Its channel has been read to the end before "close": a confirmation it sent before dying
    // has arrived by then, so a connection still unconfirmed was never read by it. ("disconnect"
    // would not do: Node holds it back while a handle it sent awaits the helper's receipt.)
    helper.on("close", takeBack);
    helper.on("error", (error) => {
      log(`helper process: ${error.message}`);
      // a process that never started sends no "exit": forget it, so the next busy spell tries again
      if (helper.pid === undefined && child === helper) {
        child = null;
        taking = false;
      }
    });
  };

  /** Ask the helper to finish within graceMs and exit; killed if it is still there 10 s later. */
  const askToStop = (helper: ChildProcess, graceMs: number): Promise<void> => {
    taking = false;
    send({ type: "stop", graceMs });
    const killer = setTimeout(() => kill(helper, "did not stop"), graceMs + KILL_AFTER_GRACE_MS);
    killer.unref();
    return new Promise((resolve) =>
      helper.once("exit", () => {
        clearTimeout(killer);
        resolve();
      }),
    );
  };

  const retire = () => {
    log(`load fell: stopping helper process ${child!.pid}`);
    void askToStop(child!, RETIRE_GRACE_MS);
  };

  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const main = performance.eventLoopUtilization(now, lastUtilization).utilization;
    lastUtilization = now;
    mainLoad = main;
    if (child && !child.killed && !shuttingDown && performance.now() - lastHeard > REPORT_WITHIN_MS) kill(child, "stopped answering");
    samples.push({ main, helper: child ? helperLoad : null });
    samples = samples.slice(-Math.max(rule.startSeconds, rule.stopSeconds));
    if (mode !== "auto") return;
    const decision = helperDecision(samples, child !== null, rule);
    if (decision === "keep") return;
    samples = [];
    if (decision === "start") {
      log(`busy (event loop ${Math.round(main * 100)} % for ${rule.startSeconds} s): starting a helper process`);
      start();
    } else {
      retire();
    }
  }, 1_000);
  timer.unref();

  if (mode === "always") start();

  return {
    dispatch: (socket, serveHere) => {
      turn = (turn + 1) % 2;
      // Every other connection while the two loops are about as busy, every one to the less busy
      // otherwise (helper-scaling.ts: handoverFor) — and one in flight at a time, as Node's cluster
      // hands them to its workers: Node passes handles one by one anyway, each waiting for the
      // helper's event loop to take it, and a busy helper would leave the next ones queued.
      // Meanwhile this process serves them: a helper slow to confirm gets fewer.
      if (!taking || !child?.connected || handing) return serveHere(socket);
      const to = handoverFor(mainLoad, helperLoad);
      if (to === "here" || (to === "alternate" && turn === 0)) return serveHere(socket);
      // Without its server, Node does not count the connection as the helper's in this server's
      // close(): that bookkeeping (net.Server's worker polling) sets the count to zero once the
      // helper is gone, and close() would stop waiting for connections this process still serves.
      const owned = socket as Socket & { server: unknown };
      handing = { socket, serveHere, server: owned.server };
      owned.server = null;
      // kept open here until the helper confirms it (handedOver); if the send fails, served here
      const helper = child;
      helper.send({ type: "connection" } satisfies ToHelper, socket, { keepOpen: true }, (error) => {
        if (error && handing?.socket === socket) takeBack();
      });
      // never taken back while the helper lives (it might have read it): it is killed, and its
      // end ("close") gives the connection back
      setTimeout(() => handing?.socket === socket && kill(helper, "did not take a connection"), CONFIRM_WITHIN_MS).unref();
    },
    letConnectionGo: () => taking && shouldShed(mainLoad, helperLoad) && ++answers % SHED_EVERY === 0,
    database: (available, reason) => send({ type: "database", available, reason }),
    stop: async () => {
      shuttingDown = true;
      clearInterval(timer);
      const helper = child;
      taking = false;
      if (helper && helper.exitCode === null && helper.signalCode === null) await askToStop(helper, SHUTDOWN_GRACE_MS);
    },
  };
}

/**
 * Route a listening server's new connections through `dispatch` first. The server is made to pause
 * new sockets (nothing is read before they are handed over); those it keeps go to its own HTTP
 * handling as before, so closing it still waits for them.
 */
export function shareConnections(server: Server, dispatch: Helper["dispatch"]): void {
  const httpConnection = server.listeners("connection")[0] as (socket: Socket) => void;
  server.removeAllListeners("connection");
  // net.Server reads this when a connection arrives (the option http.createServer does not pass on)
  (server as Server & { pauseOnConnect: boolean }).pauseOnConnect = true;
  const serveHere = (socket: Socket) => {
    httpConnection.call(server, socket);
    socket.resume();
  };
  server.on("connection", (socket: Socket) => dispatch(socket, serveHere));
}
