/**
 * What the simulated students saw, for the capacity benchmark: every page a student waited for
 * (a document, or a client-side navigation: its action and the data requests that follow), every
 * request by kind, and every error. Read back per measured window; a page still loading at the
 * window's end counts with the time it has taken so far, so a server that stops answering cannot
 * hide its slowest pages.
 */
import { percentile } from "./load";

interface Sample {
  end: number;
  ms: number;
  kind: string;
}

export interface KindSummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface WindowSummary {
  pageMs: number[];
  pagesByKind: Record<string, KindSummary>;
  requestsByKind: Record<string, KindSummary>;
  requests: number;
  errors: number;
  errorKinds: Record<string, number>;
}

export class LoadRecorder {
  private pages: Sample[] = [];
  private requests: Sample[] = [];
  private errors: { at: number; kind: string }[] = [];
  private readonly inflight = new Map<number, { start: number; kind: string }>();
  private nextId = 0;

  startPage(kind: string): number {
    const id = this.nextId++;
    this.inflight.set(id, { start: performance.now(), kind });
    return id;
  }

  endPage(id: number): void {
    const page = this.inflight.get(id);
    if (!page) return;
    this.inflight.delete(id);
    const end = performance.now();
    this.pages.push({ end, ms: end - page.start, kind: page.kind });
  }

  request(kind: string, ms: number): void {
    this.requests.push({ end: performance.now(), ms, kind });
  }

  error(kind: string): void {
    this.errors.push({ at: performance.now(), kind });
  }

  /** Errors so far since `from` (performance.now() time). */
  errorsSince(from: number): number {
    return this.errors.filter((e) => e.at >= from).length;
  }

  /** Pages and requests that ended in [from, to), pages still loading at `to`, errors in [errorsFrom, to). */
  summary(from: number, to: number, errorsFrom = from): WindowSummary {
    const inWindow = (s: Sample) => s.end >= from && s.end < to;
    const pages = this.pages.filter(inWindow);
    for (const page of this.inflight.values()) {
      if (page.start < to) pages.push({ end: to, ms: to - page.start, kind: `${page.kind} (still loading)` });
    }
    const requests = this.requests.filter(inWindow);
    const errors = this.errors.filter((e) => e.at >= errorsFrom && e.at < to);
    const errorKinds: Record<string, number> = {};
    for (const e of errors) errorKinds[e.kind] = (errorKinds[e.kind] ?? 0) + 1;
    return {
      pageMs: pages.map((p) => p.ms),
      pagesByKind: byKind(pages),
      requestsByKind: byKind(requests),
      requests: requests.length,
      errors: errors.length,
      errorKinds,
    };
  }

  /** Drops samples that ended before `before` (a finished level's), keeping memory bounded. */
  forget(before: number): void {
    this.pages = this.pages.filter((s) => s.end >= before);
    this.requests = this.requests.filter((s) => s.end >= before);
    this.errors = this.errors.filter((e) => e.at >= before);
  }
}

function byKind(samples: Sample[]): Record<string, KindSummary> {
  const groups = new Map<string, number[]>();
  for (const s of samples) {
    const group = groups.get(s.kind) ?? [];
    group.push(s.ms);
    groups.set(s.kind, group);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return Object.fromEntries(
    [...groups].sort().map(([kind, ms]) => [kind, { n: ms.length, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)) }]),
  );
}
