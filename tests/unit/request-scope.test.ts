/**
 * What a request reads once: in a reading request (GET, HEAD) every loader that asks gets the
 * first answer; after an action, and outside any request, each ask reads afresh — so a page drawn
 * after a form was posted without JavaScript shows what the form changed.
 */
import { describe, expect, it } from "vitest";
import { inRequestScope, oncePerRequest } from "../../app/utils/request-scope.server";

function counter() {
  let reads = 0;
  return { read: async () => ++reads, reads: () => reads };
}

describe("oncePerRequest", () => {
  it("reads once in a GET or HEAD request, whoever asks", async () => {
    for (const method of ["GET", "HEAD"]) {
      const c = counter();
      const answers = await inRequestScope(() => Promise.all([oncePerRequest("k", c.read), oncePerRequest("k", c.read)]), method);
      expect(answers).toEqual([1, 1]);
      expect(c.reads()).toBe(1);
    }
  });

  it("keeps different keys apart, and each request to itself", async () => {
    const c = counter();
    const first = await inRequestScope(async () => [await oncePerRequest("a", c.read), await oncePerRequest("b", c.read)], "GET");
    const second = await inRequestScope(() => oncePerRequest("a", c.read), "GET");
    expect(first).toEqual([1, 2]);
    expect(second).toBe(3);
  });

  it("reads afresh in a request that may write, and outside any request", async () => {
    const c = counter();
    const posted = await inRequestScope(async () => [await oncePerRequest("k", c.read), await oncePerRequest("k", c.read)], "POST");
    expect(posted).toEqual([1, 2]);
    expect(await oncePerRequest("k", c.read)).toBe(3);
    expect(await oncePerRequest("k", c.read)).toBe(4);
  });

  it("gives every asker the same refusal when the read fails", async () => {
    let reads = 0;
    const failing = () => Promise.reject(new Error(`refused ${++reads}`));
    const outcomes = await inRequestScope(() => Promise.allSettled([oncePerRequest("k", failing), oncePerRequest("k", failing)]), "GET");
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(reads).toBe(1);
  });
});
