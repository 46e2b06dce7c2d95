/**
 * When a second serving process is worth having (docs/decisions/029-helper-process.md).
 *
 * Node runs a server's JavaScript on one core. Under a whole school the serving process's event
 * loop is busy nearly all the time while the machine's other core is mostly idle (the capacity
 * sweep at 1,200 students: Node 106 % of a core, the machine 78 % of its two). A second process
 * that serves half the new connections uses that core; under one class it would only cost memory
 * (~60 MB). So it is started when the event loop has been busy for a while and stopped when the
 * two processes' work would fit in one again.
 *
 * Pure decisions on samples of event-loop utilisation (the share of time the loop was running
 * JavaScript rather than waiting: `performance.eventLoopUtilization`), one sample a second.
 */

export interface ScalingRule {
  /** Start a helper when the main process's loop was at least this busy… */
  startAbove: number;
  /** …on average over this many seconds. */
  startSeconds: number;
  /** Stop it when both loops together were at most this busy… */
  stopBelow: number;
  /** …on average over this many seconds. */
  stopSeconds: number;
}

/**
 * 0.6 of a loop for 10 s: a class of 40 keeps it under 0.1; at 0.6 page times have begun to climb
 * (the sweep's step of 800 students: 0.55, p95 100 ms). With 5 s, a freshly started server's first
 * hundred students (V8 still compiling) started one for two minutes. Stopping needs two quiet minutes, so a
 * quiz that ends and a class that starts a minute later do not fork and stop a process each time.
 */
export const DEFAULT_RULE: ScalingRule = { startAbove: 0.6, startSeconds: 10, stopBelow: 0.35, stopSeconds: 120 };

export interface LoadSample {
  /** The main process's loop utilisation over the last second, 0–1. */
  main: number;
  /** The helper's, when one runs (it reports its own). */
  helper: number | null;
}

export type Decision = "start" | "stop" | "keep";

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * What to do after the newest sample (`samples` oldest first). Decisions need a full window of
 * samples in the current state: right after a start or a stop, the caller clears its samples.
 */
export function helperDecision(samples: readonly LoadSample[], helperRunning: boolean, rule: ScalingRule = DEFAULT_RULE): Decision {
  if (!helperRunning) {
    if (samples.length < rule.startSeconds) return "keep";
    return mean(samples.slice(-rule.startSeconds).map((s) => s.main)) >= rule.startAbove ? "start" : "keep";
  }
  if (samples.length < rule.stopSeconds) return "keep";
  const window = samples.slice(-rule.stopSeconds);
  // a helper that has not reported counts as busy: never stop it blind
  if (window.some((s) => s.helper === null)) return "keep";
  return mean(window.map((s) => s.main + s.helper!)) <= rule.stopBelow ? "stop" : "keep";
}

/**
 * Loads this far apart (event-loop utilisation, one second each) mean one process is doing more
 * than its share: new connections all go to the other one until they are closer again.
 */
export const BALANCE_MARGIN = 0.1;
/**
 * The main process lets some of its kept-alive connections go (shedding) only when it is this busy
 * and busier than its helper by twice the margin: a browser's connection lives as long as it keeps
 * using it (keep-alive, 65 s idle), so the connections a school opened before the helper started
 * would otherwise all stay here. In a capacity sweep to 1,200 students (7 December) the main
 * process ran at 100–108 % of a core, pages waited seconds, and the helper used 10 %. At 0.7 and
 * 0.15 apart the next sweep still failed 1,200 (main 80 %, helper 40 %: p95 430 ms); at 0.5 and
 * 0.1 it held 1,200 (p95 155 ms).
 */
export const SHED_ABOVE = 0.5;

export type Handover = "helper" | "here" | "alternate";

/** Where the next new connection goes, by the two loops' last second: the less busy, or every other. */
export function handoverFor(main: number, helper: number | null): Handover {
  if (helper === null) return "alternate";
  if (main - helper >= BALANCE_MARGIN) return "helper";
  if (helper - main >= BALANCE_MARGIN) return "here";
  return "alternate";
}

/** Whether the main process should let some of its kept-alive connections go to be opened again (and handed over). */
export function shouldShed(main: number, helper: number | null): boolean {
  return helper !== null && main >= SHED_ABOVE && main - helper >= 2 * BALANCE_MARGIN;
}
