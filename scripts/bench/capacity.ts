/**
 * `npm run bench -- --capacity`: how many students one server holds. Simulated students
 * (student-script.ts) are added in steps — 100, 200, 400, 800, 1,200, 1,600 … — each step a ramp
 * (the new students arrive spread over it, at most 20 a second; accounts and sessions are made in
 * the database before it, so argon2 sign-ins are no part of the load), 10 s for the last first
 * visits to finish, then a measured window (60 s by default). A step is held when
 * the p95 of the pages students waited for stayed ≤ 300 ms and nothing failed; the sweep stops at
 * the first step not held, or when the time cap would be passed (capacity-stepper.ts).
 *
 * Each held step reports the server's CPU (Node and PostgreSQL) and memory (PSS), and the load
 * generator's own CPU and event-loop delay: it shares the machine's cores with the server, and a
 * saturated load generator would make the server look slower than it is.
 */
import { setMaxListeners } from "node:events";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type postgres from "postgres";
import { seededRandom } from "../../app/playground/mini-model-engine.server";
import { BrowserClient } from "./browser-client";
import { benchClass } from "./classroom";
import { capacityLevels, judgeLevel, sweep, type LevelVerdict, type SweepResult } from "./capacity-stepper";
import { plannedCourse } from "./lesson-plan";
import { LoadRecorder, type WindowSummary } from "./load-recorder";
import { sleep } from "./load";
import { cpuMeter, nodeProcessCount, serverMemory } from "./server-usage";
import { StudentScript } from "./student-script";

export interface CapacityOptions {
  url: string;
  serverPid: number;
  dataDir: string;
  sql: postgres.Sql;
  /** The Claude model the playground students use (the fake Anthropic API answers it). */
  model: string;
  /** Playground policy for the students' classes. */
  policy: Record<string, unknown>;
  maxP95Ms?: number;
  rampSeconds?: number;
  windowSeconds?: number;
  /** No level above this many students (for short runs while developing). */
  maxStudents?: number;
  /** The whole sweep ends within this many minutes. */
  maxMinutes?: number;
  log: (line: string) => void;
}

export interface CapacityLevel extends LevelVerdict {
  serverCpuPct: number;
  serverNodeCpuPct: number;
  /** Node processes serving at the level's busiest: 2 once the helper has joined (decision 029). */
  nodeProcesses: number;
  loadGeneratorCpuPct: number;
  machineCpuPct: number;
  loadGeneratorLoopDelayP99Ms: number;
  pssMb: { mean: number; peak: number };
  rssPeakMb: number;
  loadAverage: number[];
  seedSeconds: number;
  window: Omit<WindowSummary, "pageMs">;
}

const CLASS_SIZE = 30;
/** New students arrive at most this fast: a first visit fetches ~30 scripts and styles. */
const ARRIVALS_PER_SECOND = 20;
/** After the ramp, before the window: the last arrivals' first visits finish. */
const SETTLE_MS = 10_000;

export async function measureCapacity(options: CapacityOptions): Promise<SweepResult<CapacityLevel>> {
  const maxP95Ms = options.maxP95Ms ?? 300;
  const rampMs = (options.rampSeconds ?? 20) * 1000;
  const windowMs = (options.windowSeconds ?? 60) * 1000;
  const course = plannedCourse();
  const recorder = new LoadRecorder();
  const stop = new AbortController();
  // every sleeping student and open request listens on this one signal
  setMaxListeners(0, stop.signal);
  const running: Promise<void>[] = [];
  let started = 0;

  const addStudents = async (total: number) => {
    const seedStart = performance.now();
    const cookies: { cookie: string; lesson: number }[] = [];
    for (let classIndex = Math.ceil(started / CLASS_SIZE); cookies.length < total - started; classIndex++) {
      const size = Math.min(CLASS_SIZE, total - started - cookies.length);
      const made = await benchClass(options.sql, `Capacity class ${classIndex + 1}`, size, options.policy);
      // a class works on one lesson; classes are spread over the course
      for (const s of made.students) cookies.push({ cookie: s.cookie, lesson: classIndex % course.length });
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    // the new students arrive spread over the ramp
    const rampStart = performance.now();
    const ramp = Math.max(rampMs, (cookies.length / ARRIVALS_PER_SECOND) * 1000);
    for (const [j, c] of cookies.entries()) {
      const index = started + j;
      const at = rampStart + (j / cookies.length) * ramp;
      const script = new StudentScript({
        client: new BrowserClient(options.url, c.cookie, stop.signal),
        course,
        firstLesson: c.lesson,
        playground: index % 10 === 0,
        model: options.model,
        recorder,
        signal: stop.signal,
        random: seededRandom(index + 1),
      });
      running.push(
        sleep(Math.max(0, at - performance.now()))
          .then(() => (stop.signal.aborted ? undefined : script.run()))
          .catch((error: unknown) => recorder.error(`student script crashed: ${error instanceof Error ? error.message.slice(0, 80) : String(error)}`)),
      );
    }
    started = total;
    return { seedSeconds, rampEnd: rampStart + ramp };
  };

  const runLevel = async (students: number): Promise<CapacityLevel> => {
    const levelStart = performance.now();
    const { seedSeconds, rampEnd } = await addStudents(students);
    await sleep(Math.max(0, rampEnd + SETTLE_MS - performance.now()));

    const from = performance.now();
    const cpu = cpuMeter(options.serverPid);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const memory: { pss: number; rss: number }[] = [];
    let nodeProcesses = nodeProcessCount(options.serverPid);
    const sampler = setInterval(() => {
      const m = serverMemory(options.serverPid, options.dataDir);
      memory.push({ pss: m.pssMb, rss: m.rssMb });
      nodeProcesses = Math.max(nodeProcesses, nodeProcessCount(options.serverPid));
    }, 2_000);
    await sleep(windowMs);
    clearInterval(sampler);
    loop.disable();
    const to = performance.now();
    const usage = cpu.stop();
    const summary = recorder.summary(from, to, levelStart);
    recorder.forget(to);

    const verdict = judgeLevel({ students, pageMs: summary.pageMs, errors: summary.errors }, maxP95Ms);
    const pss = memory.map((m) => m.pss);
    const { pageMs: _pages, ...window } = summary;
    const level: CapacityLevel = {
      ...verdict,
      serverCpuPct: usage.serverPct,
      serverNodeCpuPct: usage.serverNodePct,
      nodeProcesses,
      loadGeneratorCpuPct: usage.loadGeneratorPct,
      machineCpuPct: usage.machinePct,
      loadGeneratorLoopDelayP99Ms: loop.percentile(99) / 1e6,
      pssMb: { mean: pss.reduce((a, b) => a + b, 0) / Math.max(1, pss.length), peak: Math.max(0, ...pss) },
      rssPeakMb: Math.max(0, ...memory.map((m) => m.rss)),
      loadAverage: os.loadavg(),
      seedSeconds,
      window,
    };
    options.log(
      `${students} students: ${verdict.held ? "held" : `NOT held (${verdict.reason})`} — pages p50 ${verdict.p50Ms.toFixed(0)} / p95 ${verdict.p95Ms.toFixed(0)} ms ` +
        `(${verdict.pages} pages, ${summary.requests} requests, ${verdict.errors} errors${verdict.errors ? ` ${JSON.stringify(summary.errorKinds).slice(0, 200)}` : ""}); ` +
        `server CPU ${usage.serverPct.toFixed(0)} % of a core (Node ${usage.serverNodePct.toFixed(0)} % in ${nodeProcesses} process${nodeProcesses > 1 ? "es" : ""}), PSS ${level.pssMb.peak.toFixed(0)} MB; ` +
        `load generator ${usage.loadGeneratorPct.toFixed(0)} %, loop delay p99 ${level.loadGeneratorLoopDelayP99Ms.toFixed(0)} ms; machine ${usage.machinePct.toFixed(0)} % busy`,
    );
    return level;
  };

  // the largest step adds 400 students: a 20 s ramp at 20 arrivals a second
  const levelMs = Math.max(rampMs, 20_000) + SETTLE_MS + windowMs + 10_000;
  try {
    return await sweep({
      levels: capacityLevels(options.maxStudents),
      runLevel,
      levelMs,
      deadline: Date.now() + (options.maxMinutes ?? 15) * 60_000,
    });
  } finally {
    stop.abort();
    // every student stops at its next request or pause; give open streams a moment to close
    await Promise.race([Promise.allSettled(running), sleep(15_000)]);
  }
}
