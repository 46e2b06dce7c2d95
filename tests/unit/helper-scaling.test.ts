import { describe, expect, it } from "vitest";
import { DEFAULT_RULE, handoverFor, helperDecision, shouldShed, type LoadSample } from "../../server/helper-scaling";

const rule = { startAbove: 0.6, startSeconds: 5, stopBelow: 0.35, stopSeconds: 10 };
const seconds = (n: number, sample: LoadSample): LoadSample[] => Array.from({ length: n }, () => sample);

describe("when a helper process is started and stopped", () => {
  it("starts one only after the main loop was busy for the whole window", () => {
    expect(helperDecision(seconds(4, { main: 1, helper: null }), false, rule)).toBe("keep");
    expect(helperDecision(seconds(5, { main: 0.7, helper: null }), false, rule)).toBe("start");
    // one busy second among quiet ones is a page of a big export, not a school
    expect(helperDecision([...seconds(4, { main: 0.2, helper: null }), { main: 1, helper: null }], false, rule)).toBe("keep");
    expect(helperDecision(seconds(5, { main: 0.55, helper: null }), false, rule)).toBe("keep");
  });

  it("looks only at the newest window", () => {
    const earlierBusy = [...seconds(5, { main: 1, helper: null }), ...seconds(5, { main: 0.1, helper: null })];
    expect(helperDecision(earlierBusy, false, rule)).toBe("keep");
  });

  it("stops it when both loops together would fit in one again, for the whole window", () => {
    expect(helperDecision(seconds(10, { main: 0.15, helper: 0.15 }), true, rule)).toBe("stop");
    expect(helperDecision(seconds(9, { main: 0.1, helper: 0.1 }), true, rule)).toBe("keep");
    // each alone is quiet, together they are not
    expect(helperDecision(seconds(10, { main: 0.3, helper: 0.3 }), true, rule)).toBe("keep");
  });

  it("never stops a helper that has not reported its load", () => {
    expect(helperDecision([...seconds(9, { main: 0, helper: 0 }), { main: 0, helper: null }], true, rule)).toBe("keep");
  });

  it("never starts a second helper while one runs", () => {
    expect(helperDecision(seconds(200, { main: 1, helper: 1 }), true, DEFAULT_RULE)).toBe("keep");
  });

  it("stops slower than it starts, so a class between two lessons does not fork a process each time", () => {
    expect(DEFAULT_RULE.stopSeconds).toBeGreaterThanOrEqual(10 * DEFAULT_RULE.startSeconds);
    expect(DEFAULT_RULE.stopBelow).toBeLessThan(DEFAULT_RULE.startAbove);
  });
});

describe("sharing the load between the two processes", () => {
  it("hands new connections to whichever loop is less busy, and every other one when they are close", () => {
    expect(handoverFor(0.9, 0.2)).toBe("helper");
    expect(handoverFor(0.3, 0.8)).toBe("here");
    expect(handoverFor(0.5, 0.45)).toBe("alternate");
    // a helper that has not reported yet gets every other one, as before
    expect(handoverFor(1, null)).toBe("alternate");
  });

  it("lets the main process's kept-alive connections go only when it is busy and clearly busier than its helper", () => {
    // the sweep's 1,200 students: main saturated, helper nearly idle
    expect(shouldShed(1, 0.1)).toBe(true);
    expect(shouldShed(0.75, 0.4)).toBe(true);
    // busy, but the helper is as busy: moving connections would gain nothing
    expect(shouldShed(0.95, 0.8)).toBe(false);
    // a class of 40: nothing to gain either
    expect(shouldShed(0.3, 0)).toBe(false);
    expect(shouldShed(1, null)).toBe(false);
  });
});
