/**
 * The helper process (helper-process.ts starts it: this build with `--helper`). It serves exactly
 * as the main process does, the connections the main process hands it, and nothing else:
 * the database is the one the main process opened (DATABASE_URL in its environment), already
 * migrated and seeded; housekeeping stays with the main process.
 *
 * It reports its event loop's load every second and stops when asked, when the main process is
 * gone (the IPC channel closes: a helper never outlives it), or on SIGINT/SIGTERM.
 */
import http from "node:http";
import type { Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { APP_QUERY_TIMEOUT_MS } from "../db/client";
import { openDatabase } from "../db/open";
import type { Env } from "../app/utils/env.server";
import { registerDatabase } from "../app/utils/db.server";
import { closeHealthProbe, markDatabaseDown, markDatabaseUp, watchDiskOf } from "../app/utils/database-health.server";
import type { FromHelper, ToHelper } from "./helper-process";
import { builtApp, keepConnectionsAlive } from "./http";
import { boundUnfinishedHeaders, closeSilentConnections } from "./connection-limits";

/** When it stops on its own (the main process is gone, or a signal): as long as the main process gives its connections. */
const OWN_STOP_GRACE_MS = 20_000;

export async function runHelper(config: Env, log: (line: string) => void): Promise<void> {
  const report = (message: FromHelper) => process.connected && process.send!(message);
  // Listened for before anything else: a main process that dies while this one starts must not
  // leave it behind. Until it serves, stopping is simply exiting.
  let stop: (graceMs?: number) => Promise<void> = async () => process.exit(0);
  process.on("disconnect", () => void stop());
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  if (!config.DATABASE_URL) throw new Error("the helper process needs DATABASE_URL (the main process sets it)");
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, log, queryTimeoutMs: APP_QUERY_TIMEOUT_MS });
  watchDiskOf(config.LANTERN_HELPER_CLUSTER_DIR || null);
  registerDatabase(database.connection);
  const app = await builtApp(config);
  const server = http.createServer(app);
  keepConnectionsAlive(server);
  // the main process caps how many there are; a silent one handed here is closed here
  closeSilentConnections(server);
  boundUnfinishedHeaders(server);
  // Node starts tracking a server's connections — closing idle ones, answering 408 to a client
  // that never finishes its headers — when the server starts listening. This one never listens
  // (the main process does and hands it connections): without the event, emitted here by hand, a
  // slow client kept its connection for ever and nothing could close the idle ones.
  server.emit("listening");
  const open = new Set<Socket>();

  let last = performance.eventLoopUtilization();
  // on until the end, stopping included: the main process kills a helper that falls silent
  setInterval(() => {
    const now = performance.eventLoopUtilization();
    report({ type: "load", utilization: performance.eventLoopUtilization(now, last).utilization });
    last = now;
  }, 1_000).unref();

  let stopping = false;
  let deadline = Infinity;
  // while stopping, an answer closes its connection: the browser does not send another on it
  server.prependListener("request", (_request, response: http.ServerResponse) => {
    if (stopping) response.setHeader("Connection", "close");
  });
  stop = async (graceMs = OWN_STOP_GRACE_MS) => {
    // asked again (shutdown while it drains after load fell): the sooner deadline holds
    deadline = Math.min(deadline, Date.now() + graceMs);
    if (stopping) return;
    stopping = true;
    // what is being answered is finished; a keep-alive connection is closed once it is idle
    while (open.size > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const socket of open) socket.destroy();
    server.close();
    await closeHealthProbe();
    await database.close();
    process.exit(0);
  };

  process.on("message", (message: ToHelper, socket?: Socket) => {
    if (message.type === "connection" && socket) {
      open.add(socket);
      socket.once("close", () => open.delete(socket));
      // the documented way to give an HTTP server a connection it did not accept itself
      server.emit("connection", socket);
      socket.resume();
      report({ type: "took" });
      // one that arrives while stopping is still served: the main process sent it before it knew
    } else if (message.type === "stop") {
      void stop(message.graceMs);
    } else if (message.type === "database") {
      if (message.available) markDatabaseUp();
      else markDatabaseDown(message.reason ?? "the main process lost it");
    }
  });
  // the main process died while this one was starting
  if (!process.connected) return stop();
  report({ type: "ready" });
}
