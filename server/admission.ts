/**
 * How many requests the app works on at once. Past the point where the one Node process is busy
 * all the time, more concurrent requests only add memory: each one in progress holds its
 * request, its loaders' promises and queries and its page (~100 KB), and at 1,200 simulated
 * students a thousand of them filled the 128 MB heap and the server died (decision 025). So at
 * most ACTIVE requests are worked on; the rest wait in line (a waiting request holds only its
 * socket), first come first served; one that waited MAX_WAIT_MS, or that finds the line full,
 * is answered "busy, try again in a moment" (503) in the user's language. A school under more
 * load than it can serve then sees slower pages and a few 503s — never a server that is gone.
 *
 * A request leaves its place when its answer is sent, or when the answer turns out to be a
 * stream (the playground's reply) that mostly waits on the model: `release` is called then.
 */
export interface AdmissionOptions {
  /** Requests worked on at once. */
  active: number;
  /** Requests waiting at most; more are refused at once. */
  queued: number;
  /** A request waiting longer is refused. */
  maxWaitMs: number;
}

/**
 * A request waiting longer than this is refused ("busy", 503). How many are worked on at once
 * and how many may wait are the operator's (MAX_ACTIVE_REQUESTS, MAX_WAITING_REQUESTS: 32 and
 * 2,000 by default, app/utils/env.server.ts).
 */
export const ADMISSION_WAIT_MS = 10_000;

export type Admitted = { release(): void };

interface Waiter {
  since: number;
  admit(ticket: Admitted | null): void;
}

export interface Admission {
  /** A place, once one is free; null when the line is full or the wait too long (send a 503). */
  enter(): Promise<Admitted | null>;
  stats(): { active: number; waiting: number };
}

export function createAdmission({ active, queued, maxWaitMs }: AdmissionOptions): Admission {
  let working = 0;
  const line: Waiter[] = [];
  // waiters that time out are refused from here, so a stalled line empties without new arrivals
  let sweeper: NodeJS.Timeout | null = null;

  const ticket = (): Admitted => {
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        working--;
        next();
      },
    };
  };

  const next = () => {
    const now = performance.now();
    while (line.length > 0 && working < active) {
      const waiter = line.shift()!;
      if (now - waiter.since > maxWaitMs) {
        waiter.admit(null);
        continue;
      }
      working++;
      waiter.admit(ticket());
    }
    if (line.length === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };

  const sweep = () => {
    const now = performance.now();
    while (line.length > 0 && now - line[0]!.since > maxWaitMs) line.shift()!.admit(null);
    next();
  };

  return {
    enter() {
      if (working < active && line.length === 0) {
        working++;
        return Promise.resolve(ticket());
      }
      if (line.length >= queued) return Promise.resolve(null);
      sweeper ??= setInterval(sweep, Math.max(10, maxWaitMs / 4)).unref();
      return new Promise((resolve) => line.push({ since: performance.now(), admit: resolve }));
    },
    stats: () => ({ active: working, waiting: line.length }),
  };
}
