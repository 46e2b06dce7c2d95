/**
 * Timed requests to a server started by a test, and a wait for its health check: the fault
 * tests measure how fast an answer comes, not only what it is.
 */
import { sleep } from "../../../scripts/harness/lantern-server";

export async function get(url: string, init: RequestInit = {}, timeoutMs = 5_000) {
  const started = performance.now();
  const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started, headers: res.headers };
}

/** Polls /healthz until it answers `status`; the milliseconds it took. */
export async function waitForHealth(url: string, status: number, withinMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const res = await get(`${url}/healthz`, {}, 2_500).catch(() => null);
    if (res?.status === status) return performance.now() - started;
    if (performance.now() - started > withinMs) throw new Error(`/healthz did not answer ${status} within ${withinMs} ms (last: ${res?.status})`);
    await sleep(50);
  }
}
