/**
 * Load generators for the benchmark: autocannon for fixed-URL throughput, and small async
 * workers for traffic where every virtual user has their own session and body. Everything goes
 * to 127.0.0.1 and is bounded in count and time.
 */
import autocannon from "autocannon";

/** What a browser sends: the server must be measured compressing as it does for real pages. */
export const BROWSER_ACCEPT_ENCODING = { "accept-encoding": "gzip, deflate, br" };

export interface Throughput {
  requestsPerSecond: number;
  /** Requests answered in the run. */
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon against one URL for `seconds`. */
export async function hammer(url: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Throughput> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { ...BROWSER_ACCEPT_ENCODING, ...options.headers },
  });
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Milliseconds of `n` sequential calls of `fn` (after `warmup` unmeasured ones). */
export async function timeSequential(n: number, fn: () => Promise<void>, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: number[]) => percentile(values, 50);

/** A GET that must succeed; returns the body. */
export async function getOk(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { headers: { ...BROWSER_ACCEPT_ENCODING, ...headers }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return body;
}

/** A same-origin form POST, as the app's own forms send it; returns the status. */
export async function postForm(base: string, path: string, cookie: string, form: Record<string, string>): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...BROWSER_ACCEPT_ENCODING, cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Runs `users` async workers in parallel until `until` returns true; each gets its index. */
export async function workers(users: number, work: (index: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: users }, (_, i) => work(i)));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
