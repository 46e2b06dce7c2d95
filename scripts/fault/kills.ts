/**
 * Kill experiments: SIGKILL cycles of the app (and of app + embedded PostgreSQL) under write
 * load, and the database alone killed (or its disk filled) under a running app. Each counts
 * acknowledged writes against stored ones and times what students and a load balancer see.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sleep } from "../bench/load";
import { Lab } from "./lab";
import { HealthProbe, PageReader, StepWriter, checkStored, type Answer } from "./load";
import { check, log, seconds, skip } from "./report";

export interface FaultOptions {
  appDir: string;
  verbose: boolean;
  /** Load before, between and after the faults. */
  loadMs: number;
  /** The longest a page may take to answer while the database is away. */
  pageBoundMs: number;
  /** Concurrent writers. */
  writers: number;
}

/** The criteria: /healthz 503 within 2 s of the database dying, 200 within 10 s after it can be back. */
export const UNHEALTHY_WITHIN_MS = 2_000;
export const HEALTHY_AGAIN_WITHIN_MS = 10_000;
/** How long the suite watches for each of them before giving up (so a hang is measured, bounded). */
const WATCH_UNHEALTHY_MS = 12_000;
const WATCH_RECOVERY_MS = 30_000;

async function storedChecks(experiment: string, lab: Lab, writer: StepWriter): Promise<void> {
  const stored = await lab.withSql((sql) => checkStored(sql, lab.students, writer.acknowledged));
  check(experiment, `lost writes (${stored.acknowledged} acknowledged of ${writer.sent} sent)`, stored.lost, "", { max: 0 });
  check(experiment, "half-saved steps (saved without their activity row, or the reverse)", stored.halfSaved, "", { max: 0 });
  check(experiment, "steps stored or logged twice", stored.duplicated, "", { max: 0 });
}

/** `cycles` rounds of: write load, SIGKILL (app, or app and database), start again. */
export async function killCycles(o: FaultOptions, cycles: number, withDatabase: boolean): Promise<void> {
  const experiment = withDatabase ? `SIGKILL app + database ×${cycles}` : `SIGKILL app ×${cycles}`;
  const lab = await Lab.open({ appDir: o.appDir, students: 150, verbose: o.verbose });
  const writer = new StepWriter(lab.students, lab.lessons, () => [lab.url()]);
  const restarts: number[] = [];
  try {
    writer.start(o.writers);
    for (let c = 1; c <= cycles; c++) {
      await sleep(o.loadMs);
      const killedAt = performance.now();
      await lab.killApp();
      if (withDatabase) await lab.killDatabase();
      await lab.start();
      restarts.push(performance.now() - killedAt);
      log(`${experiment}: cycle ${c}: back in ${(restarts.at(-1)! / 1000).toFixed(2)} s, ${writer.ackCount} writes acknowledged`);
    }
    await sleep(o.loadMs);
    await writer.stop();
    check(experiment, "restart after the kill, slowest (kill → /healthz 200)", seconds(Math.max(...restarts)), "s", { max: HEALTHY_AGAIN_WITHIN_MS / 1000 });
    await storedChecks(experiment, lab, writer);
  } finally {
    await writer.stop();
    await lab.close();
  }
}

interface OutageWindow {
  from: number;
  to: number;
}

function outageChecks(experiment: string, answers: readonly Answer[], window: OutageWindow, pageBoundMs: number): void {
  const during = answers.filter((a) => a.sentAt >= window.from && a.sentAt <= window.to);
  const longest = during.reduce((m, a) => Math.max(m, a.ms), 0);
  const by = (p: (a: Answer) => boolean) => during.filter(p).length;
  const friendly = by((a) => a.status === 503);
  const otherErrors = by((a) => a.status >= 500 && a.status !== 503);
  const noAnswer = by((a) => a.status === 0);
  check(experiment, `longest answer during the fault (${during.length} requests)`, seconds(longest), "s", { max: pageBoundMs / 1000 });
  check(
    experiment,
    "answers during the fault neither a success nor a 503 (500s, resets, timeouts)",
    otherErrors + noAnswer,
    "",
    { max: 0 },
    `${otherErrors + noAnswer} (503: ${friendly}, 5xx: ${otherErrors}, none: ${noAnswer})`,
  );
}

/**
 * The database goes away under a running app (`fault` does it and returns an undo, or null when
 * the database should come back by itself), with students writing and reading and a /healthz
 * probe. The app must say 503 quickly, answer every page within the bound, and be healthy again
 * without being restarted.
 */
async function outage(
  o: FaultOptions,
  experiment: string,
  lab: Lab,
  fault: () => Promise<(() => void) | null>,
): Promise<void> {
  const writer = new StepWriter(lab.students, lab.lessons, () => [lab.url()]);
  const lesson = lab.lessons[1]!;
  const reader = new PageReader(lab.students[0]!, `/learn/${lesson.slug}?step=${lesson.steps[1]}`, () => lab.url());
  const probe = new HealthProbe(() => lab.url());
  try {
    writer.start(o.writers);
    reader.start();
    probe.start();
    await sleep(o.loadMs);
    const from = performance.now();
    const undo = await fault();
    const unhealthy = await probe.waitFor(503, from, WATCH_UNHEALTHY_MS);
    check(experiment, "/healthz says 503 after the fault", seconds(unhealthy), "s", { max: UNHEALTHY_WITHIN_MS / 1000 }, unhealthy === null ? `not within ${WATCH_UNHEALTHY_MS / 1000} s` : undefined);
    let backFrom = from;
    if (undo) {
      await sleep(Math.max(0, from + 3_000 - performance.now())); // a few seconds of full disk
      backFrom = performance.now();
      undo();
    }
    const since = Math.max(backFrom, unhealthy === null ? backFrom : from + unhealthy);
    const healthy = await probe.waitFor(200, since, WATCH_RECOVERY_MS);
    const recovered = healthy === null ? null : since + healthy - backFrom;
    check(
      experiment,
      undo ? "/healthz 200 again after space is freed, app not restarted" : "/healthz 200 again, app not restarted",
      seconds(recovered),
      "s",
      { max: HEALTHY_AGAIN_WITHIN_MS / 1000 },
      recovered === null ? `not within ${WATCH_RECOVERY_MS / 1000} s` : undefined,
    );
    const to = recovered === null ? performance.now() : backFrom + recovered;
    await sleep(recovered === null ? 0 : o.loadMs);
    await Promise.all([writer.stop(), reader.stop(), probe.stop()]);
    const running = lab.appRunning();
    check(experiment, "the app process kept running (no crash, no exit)", running ? 1 : 0, "", { min: 1 }, running ? "yes" : "it exited");
    if (!running) log(`${experiment}: the app exited; its last output:\n${lab.server.output().slice(-1500)}`);
    outageChecks(experiment, [...writer.answers, ...reader.answers], { from, to }, o.pageBoundMs);
    if (recovered === null) {
      // It did not heal itself: restart it to count what was stored.
      log(`${experiment}: not healthy again: restarting the app to check the stored writes`);
      await lab.server.stop();
      await lab.start();
    }
    await storedChecks(experiment, lab, writer);
  } finally {
    await Promise.all([writer.stop(), reader.stop(), probe.stop()]);
  }
}

/** SIGKILL to the embedded PostgreSQL (every process) under load; the app keeps running. */
export async function databaseKilled(o: FaultOptions): Promise<void> {
  const experiment = "database killed under load";
  const lab = await Lab.open({ appDir: o.appDir, students: 150, verbose: o.verbose });
  try {
    await outage(o, experiment, lab, async () => {
      const n = await lab.killDatabase();
      log(`${experiment}: killed ${n} PostgreSQL processes`);
      return null;
    });
  } finally {
    await lab.close();
  }
}

/**
 * The data folder on a small tmpfs, filled to the last byte under load, then freed. Needs root
 * (mount); skipped with a reason otherwise.
 */
export async function fullDisk(o: FaultOptions): Promise<void> {
  const experiment = "full disk (tmpfs)";
  if (process.getuid?.() !== 0) return skip(experiment, "SKIP: not running as root (mounting a tmpfs needs root)");
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-fault-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=256m,mode=0711", "tmpfs", mount], { encoding: "utf8" });
  if (mounted.status !== 0) {
    fs.rmdirSync(mount);
    return skip(experiment, `SKIP: cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || "").trim().slice(0, 60)})`);
  }
  const filler = path.join(mount, "filler");
  let lab: Lab | null = null;
  try {
    lab = await Lab.open({ appDir: o.appDir, students: 150, verbose: o.verbose, dataDir: path.join(mount, "data") });
    await outage(o, experiment, lab, async () => {
      const bytes = fillDisk(filler);
      log(`${experiment}: filled the disk (${Math.round(bytes / 1048576)} MB of filler)`);
      return () => fs.rmSync(filler, { force: true });
    });
  } finally {
    fs.rmSync(filler, { force: true });
    await lab?.close();
    spawnSync("umount", ["-l", mount]);
    fs.rmSync(mount, { recursive: true, force: true });
  }
}

/** Writes until the file system says ENOSPC; returns the bytes written. */
function fillDisk(file: string): number {
  const chunk = Buffer.alloc(1 << 20, 0x61);
  const fd = fs.openSync(file, "w");
  let written = 0;
  try {
    for (;;) {
      try {
        written += fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
        // the last partial megabyte, byte-exact
        for (let size = chunk.length >> 1; size > 0; size >>= 1) {
          try {
            written += fs.writeSync(fd, chunk, 0, size);
          } catch {
            // smaller next
          }
        }
        return written;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}
