/**
 * The capacity benchmark's stepper (scripts/bench/capacity-stepper.ts): the levels it tries, when
 * a level counts as held, and that the sweep stops at the first level not held — too slow, any
 * error, nothing measured, or out of time — and reports the last level held.
 */
import { describe, expect, it } from "vitest";
import { capacityLevels, judgeLevel, sweep, type LevelVerdict } from "../../scripts/bench/capacity-stepper";

const pages = (n: number, ms: number) => Array.from({ length: n }, () => ms);

describe("capacity levels", () => {
  it("doubles to 800, then adds 400 each time", () => {
    expect(capacityLevels(2_000)).toEqual([100, 200, 400, 800, 1_200, 1_600, 2_000]);
    expect(capacityLevels(450)).toEqual([100, 200, 400]);
    expect(capacityLevels(50)).toEqual([]);
  });

  it("ends without a maximum given (the time cap ends the sweep long before)", () => {
    const levels = capacityLevels();
    expect(levels.at(-1)).toBe(20_000);
    expect(levels).toHaveLength(4 + (20_000 - 800) / 400);
  });
});

describe("judging a level", () => {
  it("holds when p95 is within the limit and nothing failed", () => {
    const v = judgeLevel({ students: 400, pageMs: [...pages(95, 100), ...pages(5, 900)], errors: 0 }, 300);
    expect(v).toMatchObject({ held: true, reason: null, p95Ms: 100, pages: 100 });
  });

  it("fails when p95 is over the limit", () => {
    const v = judgeLevel({ students: 400, pageMs: [...pages(94, 100), ...pages(6, 301)], errors: 0 }, 300);
    expect(v).toMatchObject({ held: false, reason: "p95", p95Ms: 301 });
  });

  it("fails on a single error, however fast the pages", () => {
    expect(judgeLevel({ students: 100, pageMs: pages(500, 5), errors: 1 }, 300)).toMatchObject({ held: false, reason: "errors" });
  });

  it("does not count a level where no page was measured as held", () => {
    expect(judgeLevel({ students: 100, pageMs: [], errors: 0 }, 300)).toMatchObject({ held: false, reason: "no pages" });
  });
});

describe("the sweep", () => {
  const verdict = (students: number, held: boolean): LevelVerdict => ({
    students,
    pages: 10,
    p50Ms: 10,
    p95Ms: held ? 100 : 400,
    errors: 0,
    held,
    reason: held ? null : "p95",
  });

  it("stops at the first level not held and reports the one before", async () => {
    const ran: number[] = [];
    const result = await sweep({
      levels: capacityLevels(2_000),
      runLevel: async (n) => {
        ran.push(n);
        return verdict(n, n < 1_200);
      },
      levelMs: 1,
      deadline: Infinity,
    });
    expect(ran).toEqual([100, 200, 400, 800, 1_200]);
    expect(result.held?.students).toBe(800);
    expect(result.failed?.students).toBe(1_200);
    expect(result.ended).toBe("not held");
  });

  it("reports no level held when the first fails", async () => {
    const result = await sweep({ levels: [100, 200], runLevel: async (n) => verdict(n, false), levelMs: 1, deadline: Infinity });
    expect(result.held).toBeNull();
    expect(result.levels).toHaveLength(1);
  });

  it("starts no level that would end after the deadline", async () => {
    let clock = 0;
    const ran: number[] = [];
    const result = await sweep({
      levels: [100, 200, 400, 800],
      runLevel: async (n) => {
        ran.push(n);
        clock += 60;
        return verdict(n, true);
      },
      levelMs: 60,
      deadline: 150,
      now: () => clock,
    });
    expect(ran).toEqual([100, 200]);
    expect(result).toMatchObject({ ended: "time cap", failed: null });
    expect(result.held?.students).toBe(200);
  });

  it("ends after the last level when every level held", async () => {
    const result = await sweep({ levels: [100, 200], runLevel: async (n) => verdict(n, true), levelMs: 1, deadline: Infinity });
    expect(result).toMatchObject({ ended: "last level" });
    expect(result.held?.students).toBe(200);
  });
});
