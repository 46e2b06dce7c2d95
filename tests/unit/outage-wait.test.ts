/**
 * Every request waits on "the answer, or the next database outage" (server/remix-handler.ts).
 * That wait must let go of the request once answered: waiting with a listener on one
 * process-wide promise kept every answered request's Response reachable until the next outage,
 * and the capacity benchmark's server ran out of heap and died at 400 students.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { markDatabaseDown, markDatabaseUp, unlessOutage } from "../../app/utils/database-health.server";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;
/** WeakRefs hold their target until the current job ends: let a macrotask pass first. */
const nextMacrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => markDatabaseUp());

/** One request answered through the wait; only a WeakRef to its answer is kept. */
async function answered(i: number): Promise<WeakRef<object>> {
  const answer = { page: "x".repeat(1_000) + i };
  const got = await unlessOutage(Promise.resolve(answer));
  if (got !== answer) throw new Error("the wait did not pass the answer through");
  return new WeakRef(answer);
}

/** One request whose work failed; only a WeakRef to its error is kept. */
async function failed(i: number): Promise<WeakRef<object>> {
  const failure = new Error(`query ${i} failed`);
  const got = await unlessOutage(Promise.reject(failure)).catch((error: unknown) => error);
  if (got !== failure) throw new Error("the wait did not pass the failure through");
  return new WeakRef(failure);
}

async function stillReachable(refs: WeakRef<object>[]): Promise<number> {
  await nextMacrotask();
  collectGarbage();
  return refs.filter((ref) => ref.deref() !== undefined).length;
}

describe("waiting for an answer unless the database goes down", () => {
  it("keeps nothing of an answered request", async () => {
    const refs: WeakRef<object>[] = [];
    for (let i = 0; i < 200; i++) refs.push(await answered(i));
    expect(await stillReachable(refs)).toBe(0);
  });

  it("keeps nothing of a request that failed", async () => {
    const refs: WeakRef<object>[] = [];
    for (let i = 0; i < 50; i++) refs.push(await failed(i));
    expect(await stillReachable(refs)).toBe(0);
  });

  it("answers null to every request still waiting when the database is marked down, and only to those", async () => {
    const answered = unlessOutage(Promise.resolve("page"));
    expect(await answered).toBe("page");
    const waiting = [unlessOutage(new Promise(() => {})), unlessOutage(new Promise(() => {}))];
    markDatabaseDown("test: connection refused");
    expect(await Promise.all(waiting)).toEqual([null, null]);
    markDatabaseUp();
    // a request that starts after the outage waits for the next one
    let settled = false;
    void unlessOutage(new Promise(() => {})).then(() => (settled = true));
    await nextMacrotask();
    expect(settled).toBe(false);
  });
});
