/**
 * Admission (server/admission.ts): at most `active` requests are worked on at once; the others
 * wait in line, first come first served; a request that waited too long, or finds the line
 * full, is refused (the handler answers 503 "busy"); a place is given back once, however often
 * release is called.
 */
import { describe, expect, it } from "vitest";
import { createAdmission, type Admitted } from "../../server/admission";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("admission", () => {
  it("works on `active` requests at once and lets the next in, in order, as each finishes", async () => {
    const admission = createAdmission({ active: 2, queued: 10, maxWaitMs: 5_000 });
    const a = (await admission.enter())!;
    const b = (await admission.enter())!;
    const order: string[] = [];
    const c = admission.enter().then((t) => (order.push("c"), t));
    const d = admission.enter().then((t) => (order.push("d"), t));
    await sleep(5);
    expect(order).toEqual([]);
    expect(admission.stats()).toEqual({ active: 2, waiting: 2 });
    a.release();
    a.release(); // a second release gives nothing back twice
    const cTicket = (await c)!;
    expect(order).toEqual(["c"]);
    expect(admission.stats()).toEqual({ active: 2, waiting: 1 });
    b.release();
    const dTicket = (await d)!;
    expect(order).toEqual(["c", "d"]);
    cTicket.release();
    dTicket.release();
    expect(admission.stats()).toEqual({ active: 0, waiting: 0 });
  });

  it("refuses at once when the line is full", async () => {
    const admission = createAdmission({ active: 1, queued: 1, maxWaitMs: 5_000 });
    const first = (await admission.enter())!;
    const waiting = admission.enter();
    expect(await admission.enter()).toBeNull();
    first.release();
    expect(await waiting).not.toBeNull();
  });

  it("refuses a request that waited too long, even when nothing else arrives or finishes", async () => {
    const admission = createAdmission({ active: 1, queued: 10, maxWaitMs: 40 });
    const held = (await admission.enter())!;
    const started = performance.now();
    expect(await admission.enter()).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    expect(admission.stats()).toEqual({ active: 1, waiting: 0 });
    held.release();
    const next: Admitted | null = await admission.enter();
    expect(next).not.toBeNull();
  });
});
